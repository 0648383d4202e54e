//! The SubjectPublicKeyInfo of a pasted certificate or public key, and its
//! SHA-256: the data of a DANE-EE `TLSA 3 1 1` record (RFC 7671 §5.1,
//! RFC 6698 §2.1.2-§2.1.3: selector 1 hashes the DER of the
//! SubjectPublicKeyInfo).
//!
//! A small bounds-checked DER walk over RFC 5280 §4.1:
//! `Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version OPTIONAL,
//! serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, ... } ... }`.
//! PEM per RFC 7468 (`CERTIFICATE` §5, `PUBLIC KEY` §13).

use crate::i18n::code;
use base64::Engine;
use sha2::{Digest, Sha256};

const TAG_SEQUENCE: u8 = 0x30;
const TAG_VERSION: u8 = 0xa0;

/// Why no SubjectPublicKeyInfo could be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CertificateError {
    /// No PEM block, or its body is not base64.
    BadPem,
    /// The DER is not a certificate or SubjectPublicKeyInfo.
    BadDer,
}

impl CertificateError {
    pub fn code(self) -> &'static str {
        match self {
            CertificateError::BadPem => code::plan::TLSA_BAD_PEM,
            CertificateError::BadDer => code::plan::TLSA_BAD_DER,
        }
    }
}

/// One DER element: (tag, whole element bytes, content bytes, the bytes after it).
type Element<'a> = (u8, &'a [u8], &'a [u8], &'a [u8]);

/// Reads the first DER element of `data`.
fn element(data: &[u8]) -> Result<Element<'_>, CertificateError> {
    let tag = *data.first().ok_or(CertificateError::BadDer)?;
    let first = *data.get(1).ok_or(CertificateError::BadDer)?;
    let (len, header) = if first < 0x80 {
        (usize::from(first), 2usize)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 {
            return Err(CertificateError::BadDer);
        }
        let mut len = 0usize;
        for i in 0..n {
            let b = *data.get(2 + i).ok_or(CertificateError::BadDer)?;
            len = (len << 8) | usize::from(b);
        }
        (len, 2 + n)
    };
    let end = header.checked_add(len).ok_or(CertificateError::BadDer)?;
    let whole = data.get(..end).ok_or(CertificateError::BadDer)?;
    let content = whole.get(header..).ok_or(CertificateError::BadDer)?;
    let rest = data.get(end..).ok_or(CertificateError::BadDer)?;
    Ok((tag, whole, content, rest))
}

/// The SubjectPublicKeyInfo element of a DER certificate.
pub fn spki_from_certificate(der: &[u8]) -> Result<Vec<u8>, CertificateError> {
    let (tag, _, cert, rest) = element(der)?;
    if tag != TAG_SEQUENCE || !rest.is_empty() {
        return Err(CertificateError::BadDer);
    }
    let (tag, _, tbs, _) = element(cert)?;
    if tag != TAG_SEQUENCE {
        return Err(CertificateError::BadDer);
    }
    let mut cur = tbs;
    if cur.first() == Some(&TAG_VERSION) {
        cur = element(cur)?.3;
    }
    // serialNumber, signature, issuer, validity, subject.
    for _ in 0..5 {
        cur = element(cur)?.3;
    }
    let (tag, whole, _, _) = element(cur)?;
    if tag != TAG_SEQUENCE {
        return Err(CertificateError::BadDer);
    }
    check_spki(whole)?;
    Ok(whole.to_vec())
}

/// A SubjectPublicKeyInfo is `SEQUENCE { AlgorithmIdentifier SEQUENCE, BIT STRING }`.
fn check_spki(der: &[u8]) -> Result<(), CertificateError> {
    let (tag, _, body, rest) = element(der)?;
    if tag != TAG_SEQUENCE || !rest.is_empty() {
        return Err(CertificateError::BadDer);
    }
    let (alg_tag, _, _, rest) = element(body)?;
    let (bits_tag, _, _, rest) = element(rest)?;
    if alg_tag != TAG_SEQUENCE || bits_tag != 0x03 || !rest.is_empty() {
        return Err(CertificateError::BadDer);
    }
    Ok(())
}

/// The DER SubjectPublicKeyInfo from a pasted PEM certificate or public key
/// (or the bare base64 of either).
pub fn spki_from_pem(text: &str) -> Result<Vec<u8>, CertificateError> {
    let t = text.trim();
    let mut body = String::new();
    let mut label = None;
    if t.contains("-----BEGIN") {
        for line in t.lines() {
            let line = line.trim();
            if let Some(l) = line.strip_prefix("-----BEGIN ") {
                if label.is_some() {
                    break; // first block only (a chain starts with the leaf).
                }
                label = Some(l.trim_end_matches('-').trim().to_string());
            } else if line.starts_with("-----END") {
                break;
            } else if label.is_some() {
                body.push_str(line);
            }
        }
    } else {
        body = t.chars().filter(|c| !c.is_whitespace()).collect();
    }
    let der = base64::engine::general_purpose::STANDARD
        .decode(body.as_bytes())
        .map_err(|_| CertificateError::BadPem)?;
    if der.is_empty() {
        return Err(CertificateError::BadPem);
    }
    match label.as_deref() {
        Some("CERTIFICATE") | Some("TRUSTED CERTIFICATE") => spki_from_certificate(&der),
        Some("PUBLIC KEY") => check_spki(&der).map(|_| der),
        Some(_) => Err(CertificateError::BadPem),
        None => spki_from_certificate(&der).or_else(|_| check_spki(&der).map(|_| der.clone())),
    }
}

/// SHA-256 of the DER bytes.
pub fn spki_sha256(spki: &[u8]) -> [u8; 32] {
    let digest = Sha256::digest(spki);
    let mut out = [0u8; 32];
    out.copy_from_slice(&digest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_certificate_and_key() {
        let cert = include_str!("../../tests/vectors/generate/cert-ec.pem");
        let key = include_str!("../../tests/vectors/generate/cert-ec.pub");
        let a = spki_from_pem(cert).expect("certificate");
        let b = spki_from_pem(key).expect("public key");
        assert_eq!(a, b);
        // The bare base64 of the certificate works too.
        let bare: String = cert.lines().filter(|l| !l.starts_with("-----")).collect();
        assert_eq!(spki_from_pem(&bare), Ok(a));
    }

    #[test]
    fn refusals() {
        let cases: &[(&str, CertificateError)] = &[
            ("", CertificateError::BadPem),
            (
                "-----BEGIN CERTIFICATE-----\n%%%\n-----END CERTIFICATE-----",
                CertificateError::BadPem,
            ),
            (
                "-----BEGIN X509 CRL-----\nMAA=\n-----END X509 CRL-----",
                CertificateError::BadPem,
            ),
            (
                "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----",
                CertificateError::BadDer,
            ),
            (
                "-----BEGIN PUBLIC KEY-----\nMAMCAQE=\n-----END PUBLIC KEY-----",
                CertificateError::BadDer,
            ),
            // A length that runs past the end.
            (
                "-----BEGIN CERTIFICATE-----\nMIQAAAAB\n-----END CERTIFICATE-----",
                CertificateError::BadDer,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(spki_from_pem(text), Err(*want), "{text}");
        }
    }

    proptest! {
        #[test]
        fn never_panics_on_text(s in "\\PC{0,400}") {
            let _ = spki_from_pem(&s);
        }

        #[test]
        fn never_panics_on_der(b in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = spki_from_certificate(&b);
            let b64 = base64::engine::general_purpose::STANDARD.encode(&b);
            let _ = spki_from_pem(&format!("-----BEGIN CERTIFICATE-----\n{b64}\n-----END CERTIFICATE-----"));
            let _ = spki_from_pem(&String::from_utf8_lossy(&b));
        }

        #[test]
        fn never_panics_on_damaged_certificates(cut in 0usize..400, flip in 0usize..400, bit in 0u8..8) {
            let cert = include_str!("../../tests/vectors/generate/cert-ec.pem");
            let body: String = cert.lines().filter(|l| !l.starts_with("-----")).collect();
            let mut der = base64::engine::general_purpose::STANDARD.decode(body).expect("der");
            if let Some(b) = der.get_mut(flip) {
                *b ^= 1 << bit;
            }
            der.truncate(cut);
            let _ = spki_from_certificate(&der);
        }
    }
}
