//! Turning a pasted public key into a DKIM key record, for the generator.
//!
//! Accepted forms:
//! - PEM `-----BEGIN PUBLIC KEY-----` (SubjectPublicKeyInfo, RFC 7468 §13) or
//!   `-----BEGIN RSA PUBLIC KEY-----` (PKCS#1, wrapped as RFC 6376 §3.6.1 wants);
//! - the base64 of either, or the DER bytes ([`from_der`]);
//! - a raw 32-byte Ed25519 key in base64 (RFC 8463 §4.2);
//! - `opendkim-genkey`'s `selector._domainkey IN TXT ( "v=DKIM1; ..." "p=..." )`
//!   or any zone-file TXT line: the quoted strings are joined (RFC 6376 §3.6.2.2)
//!   and parsed as a record;
//! - a bare record value `v=DKIM1; k=rsa; p=...`.

use super::key::{DkimError, DkimKey};
use super::spki::{self, PublicKey};
use crate::tagvalue;
use base64::Engine;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// The record for a key given as DER (SubjectPublicKeyInfo or PKCS#1 RSAPublicKey).
pub fn from_der(der: &[u8]) -> Result<DkimKey, DkimError> {
    match spki::parse_spki(der) {
        Ok(PublicKey::Rsa { .. }) => Ok(DkimKey::rsa(der.to_vec())),
        Ok(PublicKey::Ed25519 { raw }) => Ok(DkimKey::ed25519(raw)),
        Ok(PublicKey::Other { .. }) => Err(DkimError::UnsupportedKey),
        Err(_) => match spki::parse_rsa_public_key(der) {
            Ok(PublicKey::Rsa { pkcs1, .. }) => Ok(DkimKey::rsa(spki::wrap_rsa_pkcs1(&pkcs1))),
            _ => match <[u8; 32]>::try_from(der) {
                Ok(raw) => Ok(DkimKey::ed25519(raw)),
                Err(_) => Err(DkimError::Unrecognized),
            },
        },
    }
}

/// The record for pasted text in any of the forms listed in the module doc.
pub fn from_pasted(text: &str) -> Result<DkimKey, DkimError> {
    let text = text.trim();
    if text.contains("-----BEGIN") {
        return from_pem(text);
    }
    if text.contains('"') {
        return DkimKey::parse(&join_quoted(text));
    }
    // A record (`v=DKIM1; ...`, or any tag list with `p=`) is parsed as one,
    // so a broken record gets the record's own error, not "unrecognized".
    // Base64 never starts with `v=` ('=' is only trailing padding).
    let record = text.get(..2).is_some_and(|h| h.eq_ignore_ascii_case("v="));
    if record || (text.contains('=') && tagvalue::parse(text).is_ok_and(|l| l.get("p").is_some())) {
        return DkimKey::parse(text);
    }
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    match B64.decode(compact.as_bytes()) {
        Ok(der) => from_der(&der),
        Err(_) => Err(DkimError::Unrecognized),
    }
}

/// The base64 body between the BEGIN and END lines.
fn from_pem(text: &str) -> Result<DkimKey, DkimError> {
    let mut body = String::new();
    let mut inside = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("-----BEGIN") {
            inside = true;
        } else if line.starts_with("-----END") {
            break;
        } else if inside && !line.contains(':') {
            // RFC 7468 §2: no headers in these labels, but skip any `Key: value`.
            body.push_str(line);
        }
    }
    let der = B64.decode(body.as_bytes()).map_err(|_| DkimError::Unrecognized)?;
    from_der(&der)
}

/// Joins the quoted character-strings of a zone-file TXT line, undoing `\"`
/// and `\\`; a `;` outside quotes starts a zone-file comment.
fn join_quoted(text: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (inside, c) {
            (false, '"') => inside = true,
            (false, ';') => {
                // Comment to end of line.
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            (false, _) => {}
            (true, '"') => inside = false,
            (true, '\\') => {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            (true, c) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::key::KeyType;
    use super::super::spki::tests::{pkcs1, RSA2048};
    use super::*;
    use crate::i18n::code;
    use proptest::prelude::*;

    fn canonical() -> String {
        format!("v=DKIM1; k=rsa; p={RSA2048}")
    }

    #[test]
    fn pem_spki() {
        let pem = format!(
            "-----BEGIN PUBLIC KEY-----\n{}\n{}\n-----END PUBLIC KEY-----\n",
            &RSA2048[..64],
            &RSA2048[64..]
        );
        assert_eq!(from_pasted(&pem).unwrap().to_string(), canonical());
    }

    #[test]
    fn pem_pkcs1_is_wrapped() {
        let inner = pkcs1(256, 0xc1);
        let pem = format!(
            "-----BEGIN RSA PUBLIC KEY-----\n{}\n-----END RSA PUBLIC KEY-----",
            B64.encode(&inner)
        );
        let key = from_pasted(&pem).unwrap();
        assert_eq!(key.public_key, spki::wrap_rsa_pkcs1(&inner));
    }

    #[test]
    fn opendkim_genkey_output() {
        let out = format!(
            "mail._domainkey\tIN\tTXT\t( \"v=DKIM1; h=sha256; k=rsa; \"\n\t  \"p={}\"\n\t  \"{}\" )  ; ----- DKIM key mail for example.com\n",
            &RSA2048[..200],
            &RSA2048[200..]
        );
        let key = from_pasted(&out).unwrap();
        assert_eq!(key.hashes, Some(vec!["sha256".to_string()]));
        assert_eq!(key.key_type, Some(KeyType::Rsa));
        assert_eq!(key.public_key_base64(), RSA2048);
    }

    #[test]
    fn bare_forms() {
        assert_eq!(from_pasted(RSA2048).unwrap().to_string(), canonical());
        assert_eq!(from_pasted(&canonical()).unwrap().to_string(), canonical());
        let ed = from_pasted("JDcbZ0Hpba5NKXI4UAW3G0IDhhFOxhJTDybZEwe1FeA=").unwrap();
        assert_eq!(
            ed.to_string(),
            "v=DKIM1; k=ed25519; p=JDcbZ0Hpba5NKXI4UAW3G0IDhhFOxhJTDybZEwe1FeA="
        );
        // An Ed25519 SubjectPublicKeyInfo is unwrapped to the raw key.
        let mut der = vec![
            0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
        ];
        der.extend([9u8; 32]);
        assert_eq!(from_der(&der).unwrap(), DkimKey::ed25519([9u8; 32]));
        assert_eq!(from_pasted("hello world"), Err(DkimError::Unrecognized));
        // A broken record says what is broken in it.
        let broken = from_pasted("v=DKIM1; k=rsa; p=公钥").map_err(|e| e.code());
        assert_eq!(broken, Err(code::tagvalue::BAD_CHAR));
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,400}") {
            let _ = from_pasted(&s);
        }

        #[test]
        fn never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = from_pasted(&String::from_utf8_lossy(&b));
            let _ = from_der(&b);
        }
    }
}
