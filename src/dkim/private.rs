//! The DKIM private key a user chose to keep in this browser: read back
//! before it is offered again, so that stored text which is not such a key
//! is set aside with a reason (never shown as a key), the page knows the
//! key's algorithm without trusting a flag, and a key that no longer belongs
//! to the public key in the plan is pointed out before anyone installs it.
//!
//! The page stores exactly what WebCrypto exported: a PKCS#8 key in PEM.
//! - RFC 7468 §10: the `PRIVATE KEY` label, base64 lines between
//!   `-----BEGIN PRIVATE KEY-----` and `-----END PRIVATE KEY-----`.
//! - RFC 5958 §2 (OneAsymmetricKey, which extends RFC 5208 §5
//!   PrivateKeyInfo): `SEQUENCE { version INTEGER (0 | 1),
//!   privateKeyAlgorithm AlgorithmIdentifier, privateKey OCTET STRING,
//!   attributes [0] IMPLICIT OPTIONAL, publicKey [1] IMPLICIT BIT STRING
//!   OPTIONAL (version 1 only) }`.
//! - RSA (OID 1.2.840.113549.1.1.1, NULL parameters): the OCTET STRING holds
//!   an RFC 8017 §A.1.2 RSAPrivateKey, `SEQUENCE { version, modulus,
//!   publicExponent, privateExponent, prime1, prime2, exponent1, exponent2,
//!   coefficient, otherPrimeInfos OPTIONAL }`; its first two integers are
//!   the public key, so the DKIM `p=` value (RFC 6376 §3.6.1) follows.
//! - Ed25519 (OID 1.3.101.112, no parameters, RFC 8410 §7): the OCTET STRING
//!   holds `CurvePrivateKey ::= OCTET STRING` of 32 octets. The public key
//!   is only there when the optional `publicKey` field is (WebCrypto leaves
//!   it out); deriving it would take curve arithmetic this module does not do.
//!
//! Nothing here can panic on any input: every read goes through the bounds-
//! checked DER reader of [`super::spki`].

use super::key::{DkimKey, KeyType};
use super::spki::{
    self, push_element, DerError, PublicKey, Reader, OID_ED25519, OID_RSA, TAG_INTEGER, TAG_NULL, TAG_OID,
    TAG_SEQUENCE,
};
use crate::i18n::code;
use base64::Engine;

const TAG_OCTET_STRING: u8 = 0x04;
/// `attributes [0] IMPLICIT Attributes` (constructed).
const TAG_ATTRIBUTES: u8 = 0xa0;
/// `publicKey [1] IMPLICIT BIT STRING` (primitive).
const TAG_PUBLIC_KEY: u8 = 0x81;

const BEGIN: &str = "-----BEGIN PRIVATE KEY-----";
const END: &str = "-----END PRIVATE KEY-----";

/// A private key this page can hold for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrivateKeyKind {
    /// An RSA key and its public half as a SubjectPublicKeyInfo.
    Rsa { modulus_bits: u32, spki: Vec<u8> },
    /// An Ed25519 key; its public half when the PKCS#8 carries it.
    Ed25519 { public: Option<[u8; 32]> },
}

impl PrivateKeyKind {
    pub fn is_ed25519(&self) -> bool {
        matches!(self, PrivateKeyKind::Ed25519 { .. })
    }

    /// Whether this private key belongs to `public`: `Some(false)` when it
    /// certainly does not (other algorithm or other key), `None` when that
    /// cannot be told (an Ed25519 key stored without its public half).
    pub fn belongs_to(&self, public: &DkimKey) -> Option<bool> {
        match (self, public.effective_key_type()) {
            (PrivateKeyKind::Rsa { spki: ours, .. }, KeyType::Rsa) => {
                // Compare the keys, not the bytes: a p= value may be the
                // bare PKCS#1 form some tools publish.
                let theirs = spki::parse_spki(&public.public_key)
                    .or_else(|_| spki::parse_rsa_public_key(&public.public_key));
                Some(spki::parse_spki(ours).ok() == theirs.ok())
            }
            (PrivateKeyKind::Ed25519 { public: Some(raw) }, KeyType::Ed25519) => {
                Some(public.public_key.as_slice() == raw.as_slice())
            }
            (PrivateKeyKind::Ed25519 { public: None }, KeyType::Ed25519) => None,
            _ => Some(false),
        }
    }
}

/// Why stored text is not a private key this page can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrivateKeyError {
    /// No `-----BEGIN PRIVATE KEY-----` … `-----END PRIVATE KEY-----` block,
    /// or text around it.
    NotPem,
    /// A PEM block of another kind (`RSA PRIVATE KEY`, `PUBLIC KEY`…).
    OtherPemLabel,
    /// The body is not base64.
    BadBase64,
    /// The bytes are not a PKCS#8 structure.
    BadDer(DerError),
    /// A PKCS#8 key for an algorithm DKIM does not sign with (EC, DSA…).
    Unsupported,
}

impl PrivateKeyError {
    pub fn code(&self) -> &'static str {
        match self {
            PrivateKeyError::NotPem => code::dkim::PRIVATE_NOT_PEM,
            PrivateKeyError::OtherPemLabel => code::dkim::PRIVATE_OTHER_LABEL,
            PrivateKeyError::BadBase64 => code::dkim::PRIVATE_BAD_BASE64,
            PrivateKeyError::BadDer(_) => code::dkim::PRIVATE_BAD_DER,
            PrivateKeyError::Unsupported => code::dkim::PRIVATE_UNSUPPORTED,
        }
    }
}

/// Every code of this module: the [`PrivateKeyError`] codes and the notice
/// the page shows for a key that does not belong to the plan's public key.
pub const CODES: &[&str] = &[
    code::dkim::PRIVATE_NOT_PEM,
    code::dkim::PRIVATE_OTHER_LABEL,
    code::dkim::PRIVATE_BAD_BASE64,
    code::dkim::PRIVATE_BAD_DER,
    code::dkim::PRIVATE_UNSUPPORTED,
    code::dkim::PRIVATE_MISMATCH,
];

/// Reads a PKCS#8 PEM as the page stores it. Surrounding whitespace and
/// CRLF line ends are accepted; anything else outside the block is not.
pub fn read_pem(text: &str) -> Result<PrivateKeyKind, PrivateKeyError> {
    let text = text.trim();
    let Some(rest) = text.strip_prefix(BEGIN) else {
        return Err(if text.starts_with("-----BEGIN ") {
            PrivateKeyError::OtherPemLabel
        } else {
            PrivateKeyError::NotPem
        });
    };
    let body = rest.strip_suffix(END).ok_or(PrivateKeyError::NotPem)?;
    if body.contains("-----") {
        return Err(PrivateKeyError::NotPem);
    }
    let compact: String = body.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let der = base64::engine::general_purpose::STANDARD
        .decode(compact.as_bytes())
        .map_err(|_| PrivateKeyError::BadBase64)?;
    read_der(&der)
}

/// Reads a PKCS#8 OneAsymmetricKey (RFC 5958 §2).
pub fn read_der(der: &[u8]) -> Result<PrivateKeyKind, PrivateKeyError> {
    let bad = PrivateKeyError::BadDer;
    let mut outer = Reader::new(der);
    let body = outer.take(TAG_SEQUENCE).map_err(bad)?;
    outer.finish().map_err(bad)?;
    let mut r = Reader::new(body);
    let version = match r.take(TAG_INTEGER).map_err(bad)? {
        [0] => 0,
        [1] => 1,
        _ => return Err(bad(DerError::Malformed)),
    };
    let mut alg = Reader::new(r.take(TAG_SEQUENCE).map_err(bad)?);
    let oid = alg.take(TAG_OID).map_err(bad)?;
    let is_rsa = oid == OID_RSA;
    if !is_rsa && oid != OID_ED25519 {
        return Err(PrivateKeyError::Unsupported);
    }
    // RSA: NULL parameters (RFC 8017 §A.1); Ed25519: absent (RFC 8410 §3).
    if is_rsa && !alg.at_end() {
        alg.take(TAG_NULL).map_err(bad)?;
    }
    alg.finish().map_err(bad)?;
    let private = r.take(TAG_OCTET_STRING).map_err(bad)?;
    let mut public = None;
    while !r.at_end() {
        match r.element().map_err(bad)? {
            (TAG_ATTRIBUTES, _) if public.is_none() => {}
            (TAG_PUBLIC_KEY, bits) if version == 1 && public.is_none() => public = Some(bits),
            _ => return Err(bad(DerError::Malformed)),
        }
    }
    if is_rsa {
        rsa_private_key(private)
    } else {
        let mut inner = Reader::new(private);
        let seed = inner.take(TAG_OCTET_STRING).map_err(bad)?;
        inner.finish().map_err(bad)?;
        if seed.len() != 32 {
            return Err(bad(DerError::Malformed));
        }
        let public = match public {
            None => None,
            // A BIT STRING of whole octets: a zero "unused bits" octet first.
            Some(bits) => match bits.split_first() {
                Some((0, raw)) => Some(<[u8; 32]>::try_from(raw).map_err(|_| bad(DerError::Malformed))?),
                _ => return Err(bad(DerError::Malformed)),
            },
        };
        Ok(PrivateKeyKind::Ed25519 { public })
    }
}

/// The public half of an RFC 8017 §A.1.2 RSAPrivateKey, as an SPKI.
fn rsa_private_key(der: &[u8]) -> Result<PrivateKeyKind, PrivateKeyError> {
    let bad = PrivateKeyError::BadDer;
    let mut outer = Reader::new(der);
    let body = outer.take(TAG_SEQUENCE).map_err(bad)?;
    outer.finish().map_err(bad)?;
    let mut r = Reader::new(body);
    // version 0 (two primes) or 1 (multi-prime, otherPrimeInfos follows).
    let multi = match r.take(TAG_INTEGER).map_err(bad)? {
        [0] => false,
        [1] => true,
        _ => return Err(bad(DerError::Malformed)),
    };
    let modulus = r.take(TAG_INTEGER).map_err(bad)?;
    let exponent = r.take(TAG_INTEGER).map_err(bad)?;
    // privateExponent, prime1, prime2, exponent1, exponent2, coefficient.
    for _ in 0..6 {
        if r.take(TAG_INTEGER).map_err(bad)?.is_empty() {
            return Err(bad(DerError::Malformed));
        }
    }
    if multi {
        r.take(TAG_SEQUENCE).map_err(bad)?;
    }
    r.finish().map_err(bad)?;
    let mut ints = Vec::new();
    push_element(&mut ints, TAG_INTEGER, modulus);
    push_element(&mut ints, TAG_INTEGER, exponent);
    let mut pkcs1 = Vec::new();
    push_element(&mut pkcs1, TAG_SEQUENCE, &ints);
    match spki::parse_rsa_public_key(&pkcs1).map_err(bad)? {
        PublicKey::Rsa { modulus_bits, pkcs1 } => Ok(PrivateKeyKind::Rsa {
            modulus_bits,
            spki: spki::wrap_rsa_pkcs1(&pkcs1),
        }),
        _ => Err(bad(DerError::Malformed)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dkim::from_pasted;
    use proptest::prelude::*;

    // Throwaway keys made for these tests with OpenSSL 3
    // (`openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024`,
    // `openssl genpkey -algorithm ed25519`); they protect nothing.
    const RSA_PEM: &str = include_str!("../../tests/vectors/private/r1024.pem");
    const RSA_SPKI: &str = include_str!("../../tests/vectors/private/r1024.spki.b64");
    const RSA_PKCS1_PEM: &str = include_str!("../../tests/vectors/private/r1024.pkcs1.pem");
    const ED_PEM: &str = include_str!("../../tests/vectors/private/ed25519.pem");
    const ED_RAW: &str = include_str!("../../tests/vectors/private/ed25519.raw.b64");
    const EC_PEM: &str = include_str!("../../tests/vectors/private/p256.pem");

    fn der_of(pem: &str) -> Vec<u8> {
        let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        base64::engine::general_purpose::STANDARD.decode(body).unwrap()
    }

    #[test]
    fn reads_an_rsa_key_and_its_public_half() {
        let kind = read_pem(RSA_PEM).unwrap();
        let PrivateKeyKind::Rsa { modulus_bits, spki } = &kind else {
            panic!("{kind:?}")
        };
        assert_eq!(*modulus_bits, 1024);
        let expected = base64::engine::general_purpose::STANDARD
            .decode(RSA_SPKI.trim())
            .unwrap();
        assert_eq!(spki, &expected);
        assert_eq!(kind.belongs_to(&from_pasted(RSA_SPKI).unwrap()), Some(true));
        // CRLF line ends and surrounding blank lines are fine.
        assert_eq!(
            read_pem(&format!("\n{}\n", RSA_PEM.replace('\n', "\r\n"))),
            Ok(kind)
        );
    }

    #[test]
    fn an_rsa_key_does_not_belong_to_another_public_key() {
        let kind = read_pem(RSA_PEM).unwrap();
        let other = from_pasted(crate::dkim::spki::tests::RSA2048).unwrap();
        assert_eq!(kind.belongs_to(&other), Some(false));
        let ed = from_pasted(ED_RAW).unwrap();
        assert_eq!(kind.belongs_to(&ed), Some(false));
    }

    #[test]
    fn reads_an_ed25519_key_without_its_public_half() {
        let kind = read_pem(ED_PEM).unwrap();
        assert_eq!(kind, PrivateKeyKind::Ed25519 { public: None });
        assert!(kind.is_ed25519());
        assert_eq!(kind.belongs_to(&from_pasted(ED_RAW).unwrap()), None);
        assert_eq!(kind.belongs_to(&from_pasted(RSA_SPKI).unwrap()), Some(false));
    }

    /// RFC 5958 §2 version 1 with the `publicKey [1]` field, as some tools write it.
    #[test]
    fn reads_an_ed25519_key_with_its_public_half() {
        let raw = base64::engine::general_purpose::STANDARD
            .decode(ED_RAW.trim())
            .unwrap();
        let mut der = der_of(ED_PEM);
        // SEQUENCE { INTEGER 1, ..., [1] BIT STRING }: bump the version and append.
        let mut body = der.split_off(2);
        body[2] = 1;
        body.extend([TAG_PUBLIC_KEY, 33, 0]);
        body.extend(&raw);
        let mut v1 = Vec::new();
        push_element(&mut v1, TAG_SEQUENCE, &body);
        let kind = read_der(&v1).unwrap();
        let PrivateKeyKind::Ed25519 { public: Some(p) } = kind else {
            panic!("{kind:?}")
        };
        assert_eq!(p.as_slice(), raw.as_slice());
        assert_eq!(kind.belongs_to(&from_pasted(ED_RAW).unwrap()), Some(true));
        assert_eq!(kind.belongs_to(&DkimKey::ed25519([9; 32])), Some(false));
        // A version-0 key may not carry the field.
        body[2] = 0;
        let mut v0 = Vec::new();
        push_element(&mut v0, TAG_SEQUENCE, &body);
        assert_eq!(read_der(&v0), Err(PrivateKeyError::BadDer(DerError::Malformed)));
    }

    #[test]
    fn refuses_what_is_not_a_pkcs8_pem_with_its_reason() {
        let cases = [
            ("", code::dkim::PRIVATE_NOT_PEM),
            ("hello", code::dkim::PRIVATE_NOT_PEM),
            ("<script>alert(1)</script>", code::dkim::PRIVATE_NOT_PEM),
            (RSA_PKCS1_PEM, code::dkim::PRIVATE_OTHER_LABEL),
            (
                "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----",
                code::dkim::PRIVATE_OTHER_LABEL,
            ),
            (
                "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI",
                code::dkim::PRIVATE_NOT_PEM,
            ),
            (
                "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----",
                code::dkim::PRIVATE_BAD_BASE64,
            ),
            (
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----",
                code::dkim::PRIVATE_BAD_DER,
            ),
            (EC_PEM, code::dkim::PRIVATE_UNSUPPORTED),
        ];
        for (text, code) in cases {
            assert_eq!(read_pem(text).map_err(|e| e.code()), Err(code), "{text:?}");
        }
        // Two keys in one text, or text after the block.
        assert_eq!(
            read_pem(&format!("{RSA_PEM}{ED_PEM}")),
            Err(PrivateKeyError::NotPem)
        );
        assert_eq!(read_pem(&format!("{ED_PEM}\nmore")), Err(PrivateKeyError::NotPem));
    }

    #[test]
    fn a_truncated_or_padded_key_is_bad_der() {
        let der = der_of(RSA_PEM);
        assert_eq!(
            read_der(&der[..200]),
            Err(PrivateKeyError::BadDer(DerError::Truncated))
        );
        let mut extra = der.clone();
        extra.push(0);
        assert_eq!(
            read_der(&extra),
            Err(PrivateKeyError::BadDer(DerError::TrailingData))
        );
        let mut ed = der_of(ED_PEM);
        // The 32-octet seed cut to 31 inside consistent lengths is still refused.
        ed[1] -= 1;
        ed[13] -= 1;
        ed[15] -= 1;
        ed.pop();
        assert_eq!(read_der(&ed), Err(PrivateKeyError::BadDer(DerError::Malformed)));
    }

    #[test]
    fn every_code_is_in_the_catalogue() {
        crate::i18n::assert_catalogued(CODES);
    }

    proptest! {
        #[test]
        fn never_panics(b in proptest::collection::vec(any::<u8>(), 0..800)) {
            let _ = read_der(&b);
        }

        #[test]
        fn never_panics_on_mutated_keys(i in 0usize..640, v in any::<u8>()) {
            let mut der = der_of(RSA_PEM);
            if let Some(b) = der.get_mut(i) { *b = v; }
            let _ = read_der(&der);
        }

        #[test]
        fn never_panics_on_text(s in "\\PC{0,300}") {
            let _ = read_pem(&s);
            let _ = read_pem(&format!("{BEGIN}\n{s}\n{END}"));
        }
    }
}
