//! Just enough DER (ITU-T X.690) to read the public key in a DKIM record.
//!
//! - RFC 6376 §3.6.1: for `k=rsa` the `p=` value is "an ASN.1 DER-encoded
//!   RSAPublicKey (see [ITU-X660]) wrapped in a SubjectPublicKeyInfo"
//!   (RFC 5280 §4.1.1.2 / RFC 3279 §2.3.1: OID 1.2.840.113549.1.1.1).
//! - Some tools publish the bare PKCS#1 RSAPublicKey (RFC 8017 §A.1.1)
//!   instead; it is read too so the linter can say so and offer the wrapped form.
//! - RFC 8410 §4: an Ed25519 SubjectPublicKeyInfo (OID 1.3.101.112), which
//!   DKIM does not want (RFC 8463 §4.2 publishes the raw 32 bytes) but which
//!   people paste; it is recognised so the linter can unwrap it.
//!
//! Hand-written and bounds-checked: every read goes through `get`, lengths are
//! limited to four octets, and nothing here can panic on any input.

/// rsaEncryption, 1.2.840.113549.1.1.1, DER content octets.
pub(super) const OID_RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
/// id-Ed25519, 1.3.101.112 (RFC 8410 §3).
pub(super) const OID_ED25519: &[u8] = &[0x2b, 0x65, 0x70];

pub(super) const TAG_INTEGER: u8 = 0x02;
pub(super) const TAG_BIT_STRING: u8 = 0x03;
pub(super) const TAG_NULL: u8 = 0x05;
pub(super) const TAG_OID: u8 = 0x06;
pub(super) const TAG_SEQUENCE: u8 = 0x30;

/// A public key read from DER.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublicKey {
    /// An RSA key; `modulus_bits` is the bit length of n.
    Rsa { modulus_bits: u32, pkcs1: Vec<u8> },
    /// An Ed25519 key, the raw 32 bytes.
    Ed25519 { raw: [u8; 32] },
    /// A SubjectPublicKeyInfo for another algorithm (the OID content octets).
    Other { oid: Vec<u8> },
}

/// Why the bytes are not a key this module understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DerError {
    /// Input ended inside an element.
    Truncated,
    /// An element has the wrong tag or a length form DER forbids.
    Malformed,
    /// Bytes left over after the outer element.
    TrailingData,
    /// An RSA modulus that is zero or negative.
    BadModulus,
}

/// A cursor over DER bytes (also the DANE certificate reader's,
/// `crate::dane::der`).
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Reader { data, pos: 0 }
    }

    pub(super) fn byte(&mut self) -> Result<u8, DerError> {
        let b = *self.data.get(self.pos).ok_or(DerError::Truncated)?;
        self.pos += 1;
        Ok(b)
    }

    /// Reads one element, returning its tag and content octets.
    pub(crate) fn element(&mut self) -> Result<(u8, &'a [u8]), DerError> {
        self.element_whole().map(|(tag, content, _)| (tag, content))
    }

    /// Reads one element, returning its tag, content octets and whole
    /// encoding (tag and length included: a TLSA selector hashes that).
    pub(crate) fn element_whole(&mut self) -> Result<(u8, &'a [u8], &'a [u8]), DerError> {
        let start = self.pos;
        let tag = self.byte()?;
        let first = self.byte()?;
        let len = if first < 0x80 {
            usize::from(first)
        } else {
            // Long form; 0x80 (indefinite) is BER, not DER. Four octets are plenty.
            let n = usize::from(first & 0x7f);
            if n == 0 || n > 4 {
                return Err(DerError::Malformed);
            }
            let mut len = 0usize;
            for _ in 0..n {
                len = (len << 8) | usize::from(self.byte()?);
            }
            len
        };
        let end = self.pos.checked_add(len).ok_or(DerError::Truncated)?;
        let content = self.data.get(self.pos..end).ok_or(DerError::Truncated)?;
        let whole = self.data.get(start..end).ok_or(DerError::Truncated)?;
        self.pos = end;
        Ok((tag, content, whole))
    }

    /// The next element's tag, without reading it.
    pub(crate) fn peek_tag(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// The next element's content octets, which must carry `tag`.
    pub(crate) fn take(&mut self, tag: u8) -> Result<&'a [u8], DerError> {
        match self.element()? {
            (t, c) if t == tag => Ok(c),
            _ => Err(DerError::Malformed),
        }
    }

    pub(super) fn at_end(&self) -> bool {
        self.pos >= self.data.len()
    }

    pub(crate) fn finish(&self) -> Result<(), DerError> {
        if self.at_end() {
            Ok(())
        } else {
            Err(DerError::TrailingData)
        }
    }
}

/// Reads a SubjectPublicKeyInfo (RFC 5280 §4.1.1.2).
pub fn parse_spki(der: &[u8]) -> Result<PublicKey, DerError> {
    let mut outer = Reader::new(der);
    let body = outer.take(TAG_SEQUENCE)?;
    outer.finish()?;
    let mut r = Reader::new(body);
    let mut alg = Reader::new(r.take(TAG_SEQUENCE)?);
    let oid = alg.take(TAG_OID)?;
    // Parameters: NULL for RSA (RFC 3279 §2.3.1), absent for Ed25519 (RFC 8410 §3).
    // Other algorithms carry their own (an EC key names its curve, RFC 5480
    // §2.1.1): such a key is `Other`, not malformed.
    if !alg.at_end() && (oid == OID_RSA || oid == OID_ED25519) {
        alg.take(TAG_NULL)?;
        alg.finish()?;
    }
    let bits = r.take(TAG_BIT_STRING)?;
    r.finish()?;
    // The first octet of a BIT STRING counts the unused bits; keys use whole octets.
    let key = match bits.split_first() {
        Some((0, rest)) => rest,
        _ => return Err(DerError::Malformed),
    };
    if oid == OID_RSA {
        parse_rsa_public_key(key)
    } else if oid == OID_ED25519 {
        let raw: [u8; 32] = key.try_into().map_err(|_| DerError::Malformed)?;
        Ok(PublicKey::Ed25519 { raw })
    } else {
        Ok(PublicKey::Other { oid: oid.to_vec() })
    }
}

/// Reads a PKCS#1 RSAPublicKey, `SEQUENCE { modulus INTEGER, publicExponent INTEGER }`.
pub fn parse_rsa_public_key(der: &[u8]) -> Result<PublicKey, DerError> {
    let mut outer = Reader::new(der);
    let body = outer.take(TAG_SEQUENCE)?;
    outer.finish()?;
    let mut r = Reader::new(body);
    let modulus = r.take(TAG_INTEGER)?;
    let exponent = r.take(TAG_INTEGER)?;
    r.finish()?;
    if exponent.is_empty() {
        return Err(DerError::Malformed);
    }
    // A positive INTEGER may carry one leading zero octet for the sign bit.
    match modulus.first() {
        None => return Err(DerError::Malformed),
        Some(b) if b & 0x80 != 0 => return Err(DerError::BadModulus),
        _ => {}
    }
    let significant: &[u8] = match modulus.iter().position(|&b| b != 0) {
        Some(i) => modulus.get(i..).unwrap_or(&[]),
        None => return Err(DerError::BadModulus),
    };
    let first = significant.first().copied().unwrap_or(0);
    let len = u32::try_from(significant.len()).map_err(|_| DerError::Malformed)?;
    let modulus_bits = (len - 1)
        .saturating_mul(8)
        .saturating_add(8 - first.leading_zeros());
    Ok(PublicKey::Rsa {
        modulus_bits,
        pkcs1: der.to_vec(),
    })
}

/// Encodes a DER length.
fn push_len(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        let tail = bytes.get(skip..).unwrap_or(&[]);
        out.push(0x80 | tail.len() as u8);
        out.extend_from_slice(tail);
    }
}

pub(super) fn push_element(out: &mut Vec<u8>, tag: u8, content: &[u8]) {
    out.push(tag);
    push_len(out, content.len());
    out.extend_from_slice(content);
}

/// Wraps a PKCS#1 RSAPublicKey in the SubjectPublicKeyInfo DKIM expects.
pub fn wrap_rsa_pkcs1(pkcs1: &[u8]) -> Vec<u8> {
    let mut alg = Vec::new();
    push_element(&mut alg, TAG_OID, OID_RSA);
    push_element(&mut alg, TAG_NULL, &[]);
    let mut bits = vec![0u8];
    bits.extend_from_slice(pkcs1);
    let mut body = Vec::new();
    push_element(&mut body, TAG_SEQUENCE, &alg);
    push_element(&mut body, TAG_BIT_STRING, &bits);
    let mut out = Vec::new();
    push_element(&mut out, TAG_SEQUENCE, &body);
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use base64::Engine;
    use proptest::prelude::*;

    /// The RSA 2048 key of the mox vector (dkim/txt_test.go).
    pub(crate) const RSA2048: &str = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAy3Z9ffZe8gUTJrdGuKj6IwEembmKYpp0jMa8uhudErcI4gFVUaFiiRWxc4jP/XR9NAEv3XwHm+CVcHu+L/n6VWt6g59U7vHXQicMfKGmEp2VplsgojNy/Y5X9HdVYM0azsI47NcJCDW9UVfeOHdOSgFME4F8dNtUKC4KTB2d1pqj/yixz+V8Sv8xkEyPfSRHcNXIw0LvelqJ1MRfN3hO/3uQSVrPYYk4SyV0b6wfnkQs28fpiIpGQvzlGI5WkrdOQT5k4YHaEvZDLNdwiMeVZOEL7dDoFs2mQsovm+tH0StUAZTnr61NLVFfD5V6Ip1V9zVtspPHvYSuOWwyArFZ9QIDAQAB";

    fn b64(s: &str) -> Vec<u8> {
        base64::engine::general_purpose::STANDARD.decode(s).unwrap()
    }

    /// A PKCS#1 key with a modulus of `bytes` octets whose top octet is `top`.
    pub(crate) fn pkcs1(bytes: usize, top: u8) -> Vec<u8> {
        let mut n = vec![0u8];
        n.push(top);
        n.extend(std::iter::repeat_n(0xab, bytes - 1));
        let mut body = Vec::new();
        push_element(&mut body, TAG_INTEGER, &n);
        push_element(&mut body, TAG_INTEGER, &[1, 0, 1]);
        let mut out = Vec::new();
        push_element(&mut out, TAG_SEQUENCE, &body);
        out
    }

    #[test]
    fn reads_rsa_2048_spki() {
        match parse_spki(&b64(RSA2048)).unwrap() {
            PublicKey::Rsa { modulus_bits, .. } => assert_eq!(modulus_bits, 2048),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn modulus_bits_count_the_top_octet() {
        for (bytes, top, want) in [
            (128, 0xc0, 1024),
            (128, 0x01, 1017),
            (64, 0x80, 512),
            (512, 0xff, 4096),
        ] {
            match parse_rsa_public_key(&pkcs1(bytes, top)).unwrap() {
                PublicKey::Rsa { modulus_bits, .. } => assert_eq!(modulus_bits, want),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn wrap_then_read_gives_the_same_key() {
        let inner = pkcs1(256, 0xc3);
        let spki = wrap_rsa_pkcs1(&inner);
        assert_eq!(
            parse_spki(&spki).unwrap(),
            PublicKey::Rsa {
                modulus_bits: 2048,
                pkcs1: inner
            }
        );
        // The mox key, unwrapped and wrapped again, is byte-identical.
        let der = b64(RSA2048);
        let Ok(PublicKey::Rsa { pkcs1, .. }) = parse_spki(&der) else {
            panic!()
        };
        assert_eq!(wrap_rsa_pkcs1(&pkcs1), der);
    }

    /// Found by `cargo fuzz` (target `certificate`): an EC P-256 key, whose
    /// algorithm parameters name the curve, was read as malformed, so a
    /// pasted EC key was "unrecognized" instead of "unsupported".
    #[test]
    fn ec_key_with_curve_parameters_is_other() {
        let der = b64("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAELR7ipu1lpP9toLelKJJ0AQsIzjenwerpBre2j/bxzrYJcSFZ8JDSV3NbcuhSGYdDLSyjFhsrvrSjJH5KWjNc/w==");
        assert_eq!(
            parse_spki(&der),
            Ok(PublicKey::Other {
                oid: vec![0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]
            })
        );
        assert_eq!(
            crate::dkim::from_der(&der),
            Err(crate::dkim::DkimError::UnsupportedKey)
        );
    }

    #[test]
    fn reads_ed25519_spki() {
        let mut der = vec![
            0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
        ];
        der.extend([7u8; 32]);
        assert_eq!(parse_spki(&der).unwrap(), PublicKey::Ed25519 { raw: [7u8; 32] });
    }

    #[test]
    fn rejects_broken_der() {
        let der = b64(RSA2048);
        assert_eq!(parse_spki(&der[..100]), Err(DerError::Truncated));
        let mut extra = der.clone();
        extra.push(0);
        assert_eq!(parse_spki(&extra), Err(DerError::TrailingData));
        assert_eq!(parse_spki(&[0x30, 0x80]), Err(DerError::Malformed));
        assert_eq!(parse_spki(&[7u8; 32]), Err(DerError::Malformed));
        assert_eq!(parse_spki(&[]), Err(DerError::Truncated));
        assert_eq!(
            parse_spki(&[0x30, 0x84, 0xff, 0xff, 0xff, 0xff]),
            Err(DerError::Truncated)
        );
    }

    proptest! {
        #[test]
        fn never_panics(b in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = parse_spki(&b);
            let _ = parse_rsa_public_key(&b);
        }

        #[test]
        fn never_panics_on_mutated_keys(i in 0usize..294, v in any::<u8>()) {
            let mut der = b64(RSA2048);
            if let Some(b) = der.get_mut(i) { *b = v; }
            let _ = parse_spki(&der);
        }
    }
}
