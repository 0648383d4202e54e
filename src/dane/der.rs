//! Just enough DER (ITU-T X.690) to find, in an X.509 certificate
//! (RFC 5280 §4.1), the bytes TLSA selectors name: the whole certificate
//! (selector 0) and its SubjectPublicKeyInfo (selector 1, RFC 6698 §2.1.2),
//! plus the subject and issuer common names for the page to show.
//!
//! Hand-written and bounds-checked like `dkim::spki`: every read is a
//! checked slice, lengths are at most four octets, and no input can panic.
//! That module's reader keeps only content octets; selectors need each
//! element's whole encoding (tag and length included), hence this one.

/// Why bytes are not the DER this module reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DerError {
    /// The input ended inside an element (a truncated paste).
    Truncated,
    /// A tag or length form DER forbids, or the wrong element.
    Malformed,
    /// Bytes after the outer element.
    TrailingData,
}

pub(crate) const TAG_SEQUENCE: u8 = 0x30;
const TAG_SET: u8 = 0x31;
const TAG_OID: u8 = 0x06;
const TAG_BIT_STRING: u8 = 0x03;
const TAG_INTEGER: u8 = 0x02;
/// `[0] EXPLICIT Version` of TBSCertificate (RFC 5280 §4.1).
const TAG_VERSION: u8 = 0xa0;
/// id-at-commonName, 2.5.4.3.
const OID_CN: &[u8] = &[0x55, 0x04, 0x03];

/// One element: its tag, content octets and whole encoding.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Element<'a> {
    pub tag: u8,
    pub content: &'a [u8],
    pub raw: &'a [u8],
}

/// A cursor over DER bytes.
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Reader { data, pos: 0 }
    }

    fn byte(&mut self) -> Result<u8, DerError> {
        let b = *self.data.get(self.pos).ok_or(DerError::Truncated)?;
        self.pos += 1;
        Ok(b)
    }

    pub(crate) fn element(&mut self) -> Result<Element<'a>, DerError> {
        let start = self.pos;
        let tag = self.byte()?;
        if tag & 0x1f == 0x1f {
            // High tag numbers do not occur in the parts read here.
            return Err(DerError::Malformed);
        }
        let first = self.byte()?;
        let len = if first < 0x80 {
            usize::from(first)
        } else {
            // X.690 §10.1: DER uses the definite form; 0x80 (indefinite) is BER.
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
        let body = self.pos;
        let end = body.checked_add(len).ok_or(DerError::Truncated)?;
        let content = self.data.get(body..end).ok_or(DerError::Truncated)?;
        let raw = self.data.get(start..end).ok_or(DerError::Truncated)?;
        self.pos = end;
        Ok(Element { tag, content, raw })
    }

    pub(crate) fn take(&mut self, tag: u8) -> Result<Element<'a>, DerError> {
        let e = self.element()?;
        if e.tag == tag {
            Ok(e)
        } else {
            Err(DerError::Malformed)
        }
    }

    fn peek_tag(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    pub(crate) fn finish(&self) -> Result<(), DerError> {
        if self.pos >= self.data.len() {
            Ok(())
        } else {
            Err(DerError::TrailingData)
        }
    }
}

/// What a certificate's DER yields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateParts<'a> {
    /// The SubjectPublicKeyInfo, whole (RFC 5280 §4.1.2.7).
    pub spki: &'a [u8],
    pub subject_cn: Option<String>,
    pub issuer_cn: Option<String>,
}

/// Reads `Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm,
/// signatureValue }` (RFC 5280 §4.1) far enough to find the SPKI:
/// `TBSCertificate ::= SEQUENCE { [0] version OPTIONAL, serialNumber,
/// signature, issuer, validity, subject, subjectPublicKeyInfo, ... }`.
pub fn certificate(der: &[u8]) -> Result<CertificateParts<'_>, DerError> {
    let mut outer = Reader::new(der);
    let cert = outer.take(TAG_SEQUENCE)?;
    outer.finish()?;
    let mut c = Reader::new(cert.content);
    let tbs = c.take(TAG_SEQUENCE)?;
    let _signature_algorithm = c.take(TAG_SEQUENCE)?;
    let _signature = c.take(TAG_BIT_STRING)?;
    c.finish()?;
    let mut t = Reader::new(tbs.content);
    if t.peek_tag() == Some(TAG_VERSION) {
        t.element()?;
    }
    t.take(TAG_INTEGER)?;
    t.take(TAG_SEQUENCE)?;
    let issuer = t.take(TAG_SEQUENCE)?;
    t.take(TAG_SEQUENCE)?;
    let subject = t.take(TAG_SEQUENCE)?;
    let spki = t.take(TAG_SEQUENCE)?;
    public_key_info(spki.raw)?;
    Ok(CertificateParts {
        spki: spki.raw,
        subject_cn: common_name(subject.content),
        issuer_cn: common_name(issuer.content),
    })
}

/// Checks `SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier,
/// subjectPublicKey BIT STRING }` (RFC 5280 §4.1.2.7), whole and alone.
pub fn public_key_info(der: &[u8]) -> Result<(), DerError> {
    let mut outer = Reader::new(der);
    let spki = outer.take(TAG_SEQUENCE)?;
    outer.finish()?;
    let mut r = Reader::new(spki.content);
    let mut alg = Reader::new(r.take(TAG_SEQUENCE)?.content);
    alg.take(TAG_OID)?;
    r.take(TAG_BIT_STRING)?;
    r.finish()
}

/// The last commonName of a `Name` (RFC 5280 §4.1.2.4: a SEQUENCE of SETs
/// of `AttributeTypeAndValue`), read leniently: a Name that does not parse
/// just has no name to show.
fn common_name(name: &[u8]) -> Option<String> {
    let mut found = None;
    let mut rdns = Reader::new(name);
    while let Ok(set) = rdns.take(TAG_SET) {
        let mut atvs = Reader::new(set.content);
        while let Ok(atv) = atvs.take(TAG_SEQUENCE) {
            let mut r = Reader::new(atv.content);
            let (Ok(oid), Ok(value)) = (r.take(TAG_OID), r.element()) else {
                continue;
            };
            if oid.content == OID_CN {
                // UTF8String, PrintableString, IA5String, T61String: shown as
                // UTF-8, lossily; BMPString and others are skipped.
                if matches!(value.tag, 0x0c | 0x13 | 0x16 | 0x14) {
                    let text: String = String::from_utf8_lossy(value.content).chars().take(200).collect();
                    found = Some(text);
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_broken_inputs_are_errors_not_panics() {
        assert_eq!(certificate(&[]), Err(DerError::Truncated));
        assert_eq!(certificate(&[0x30]), Err(DerError::Truncated));
        assert_eq!(
            certificate(&[0x30, 0x85, 0, 0, 0, 0, 0]),
            Err(DerError::Malformed)
        );
        assert_eq!(certificate(&[0x30, 0x80]), Err(DerError::Malformed));
        assert_eq!(
            certificate(&[0x30, 0x84, 0xff, 0xff, 0xff, 0xff]),
            Err(DerError::Truncated)
        );
        assert_eq!(certificate(&[0x30, 0x00, 0x00]), Err(DerError::TrailingData));
        assert_eq!(certificate(&[0x30, 0x00]), Err(DerError::Truncated));
        assert_eq!(public_key_info(&[0x02, 0x01, 0x00]), Err(DerError::Malformed));
    }
}
