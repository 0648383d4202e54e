//! Just enough DER (ITU-T X.690) to find, in an X.509 certificate
//! (RFC 5280 §4.1), the bytes TLSA selectors name: the whole certificate
//! (selector 0) and its SubjectPublicKeyInfo (selector 1, RFC 6698 §2.1.2),
//! plus the subject and issuer common names for the page to show.
//!
//! Read with `dkim::spki`'s bounds-checked DER reader (every read a
//! checked slice, lengths at most four octets, no input can panic), whose
//! `element_whole` also gives an element's whole encoding (tag and length
//! included), which selector 0 and 1 hash.

pub use crate::dkim::spki::DerError;
use crate::dkim::spki::Reader;

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

/// The next element of `r`, which must carry `tag`, with its whole encoding.
fn take<'a>(r: &mut Reader<'a>, tag: u8) -> Result<Element<'a>, DerError> {
    match r.element_whole()? {
        (t, content, raw) if t == tag => Ok(Element { tag: t, content, raw }),
        _ => Err(DerError::Malformed),
    }
}

/// Any next element of `r`, with its whole encoding.
fn element<'a>(r: &mut Reader<'a>) -> Result<Element<'a>, DerError> {
    r.element_whole()
        .map(|(tag, content, raw)| Element { tag, content, raw })
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
    let cert = take(&mut outer, TAG_SEQUENCE)?;
    outer.finish()?;
    let mut c = Reader::new(cert.content);
    let tbs = take(&mut c, TAG_SEQUENCE)?;
    let _signature_algorithm = take(&mut c, TAG_SEQUENCE)?;
    let _signature = take(&mut c, TAG_BIT_STRING)?;
    c.finish()?;
    let mut t = Reader::new(tbs.content);
    if t.peek_tag() == Some(TAG_VERSION) {
        element(&mut t)?;
    }
    take(&mut t, TAG_INTEGER)?;
    take(&mut t, TAG_SEQUENCE)?;
    let issuer = take(&mut t, TAG_SEQUENCE)?;
    take(&mut t, TAG_SEQUENCE)?;
    let subject = take(&mut t, TAG_SEQUENCE)?;
    let spki = take(&mut t, TAG_SEQUENCE)?;
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
    let spki = take(&mut outer, TAG_SEQUENCE)?;
    outer.finish()?;
    let mut r = Reader::new(spki.content);
    let mut alg = Reader::new(take(&mut r, TAG_SEQUENCE)?.content);
    take(&mut alg, TAG_OID)?;
    take(&mut r, TAG_BIT_STRING)?;
    r.finish()
}

/// The last commonName of a `Name` (RFC 5280 §4.1.2.4: a SEQUENCE of SETs
/// of `AttributeTypeAndValue`), read leniently: a Name that does not parse
/// just has no name to show.
fn common_name(name: &[u8]) -> Option<String> {
    let mut found = None;
    let mut rdns = Reader::new(name);
    while let Ok(set) = take(&mut rdns, TAG_SET) {
        let mut atvs = Reader::new(set.content);
        while let Ok(atv) = take(&mut atvs, TAG_SEQUENCE) {
            let mut r = Reader::new(atv.content);
            let (Ok(oid), Ok(value)) = (take(&mut r, TAG_OID), element(&mut r)) else {
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
