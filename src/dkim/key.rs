//! The DKIM key record, `<selector>._domainkey.<domain> TXT`: parse, print, lint.
//!
//! Follows RFC 6376 §3.6.1 (the tags), §3.2 (the tag=value grammar), RFC 8301
//! (no SHA-1, RSA key sizes) and RFC 8463 (Ed25519 keys).

use super::spki::{self, PublicKey};
use crate::finding::{Finding, Span};
use crate::i18n::code;
use crate::tagvalue::{self, TagListError};
use base64::Engine;
use std::fmt;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;
const RFC_RECORD: &str = "RFC 6376 §3.6.1";
const RFC_TAGS: &str = "RFC 6376 §3.2";

/// The `k=` key type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyType {
    Rsa,
    /// RFC 8463 §4.2.
    Ed25519,
    /// Anything else, kept as written.
    Other(String),
}

impl KeyType {
    fn from_value(v: &str) -> KeyType {
        if v.eq_ignore_ascii_case("rsa") {
            KeyType::Rsa
        } else if v.eq_ignore_ascii_case("ed25519") {
            KeyType::Ed25519
        } else {
            KeyType::Other(v.to_string())
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            KeyType::Rsa => "rsa",
            KeyType::Ed25519 => "ed25519",
            KeyType::Other(s) => s,
        }
    }
}

/// A DKIM key record. `None` means the tag is absent (its default applies).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DkimKey {
    /// `v=DKIM1` written (RECOMMENDED, must then be first).
    pub version: bool,
    /// `k=`; default `rsa`.
    pub key_type: Option<KeyType>,
    /// `h=` acceptable hashes; default all.
    pub hashes: Option<Vec<String>>,
    /// `t=` flags (`y` testing, `s` strict).
    pub flags: Option<Vec<String>>,
    /// `s=` service types; default `*`.
    pub services: Option<Vec<String>>,
    /// `n=` notes.
    pub notes: Option<String>,
    /// `p=` decoded; empty means revoked.
    pub public_key: Vec<u8>,
    /// Tags this module does not know, in order (ignored by verifiers).
    pub unknown: Vec<(String, String)>,
}

/// Why a text is not a DKIM key record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DkimError {
    Syntax(TagListError),
    /// Whitespace after the final `;` (RFC 6376 §3.2 grammar ends at `;`).
    TrailingSpace {
        span: Span,
    },
    DuplicateTag {
        name: String,
        span: Span,
    },
    VersionNotFirst {
        span: Span,
    },
    BadVersion {
        found: String,
        span: Span,
    },
    MissingKey,
    BadBase64 {
        span: Span,
    },
    /// An empty item in a colon list (`h`, `s`, `t`) or an empty `k`.
    BadValue {
        tag: String,
        span: Span,
    },
    /// Pasted text that is neither a key nor a record.
    Unrecognized,
    /// A pasted key of an algorithm DKIM does not use.
    UnsupportedKey,
}

impl DkimError {
    pub fn code(&self) -> &'static str {
        match self {
            DkimError::Syntax(e) => e.code(),
            DkimError::TrailingSpace { .. } => code::dkim::TRAILING_SPACE,
            DkimError::DuplicateTag { .. } => code::dkim::DUPLICATE_TAG,
            DkimError::VersionNotFirst { .. } => code::dkim::VERSION_NOT_FIRST,
            DkimError::BadVersion { .. } => code::dkim::BAD_VERSION,
            DkimError::MissingKey => code::dkim::MISSING_KEY,
            DkimError::BadBase64 { .. } => code::dkim::BAD_BASE64,
            DkimError::BadValue { .. } => code::dkim::BAD_VALUE,
            DkimError::Unrecognized => code::dkim::IMPORT_UNRECOGNIZED,
            DkimError::UnsupportedKey => code::dkim::IMPORT_UNSUPPORTED,
        }
    }

    pub fn to_finding(&self, subject: &str) -> Finding {
        match self {
            DkimError::Syntax(e) => e.to_finding(subject, RFC_TAGS),
            DkimError::TrailingSpace { span } => Finding::error(self.code(), subject, RFC_TAGS).at(*span),
            DkimError::DuplicateTag { name, span } => Finding::error(self.code(), subject, RFC_TAGS)
                .at(*span)
                .arg("tag", name),
            DkimError::VersionNotFirst { span } => Finding::error(self.code(), subject, RFC_RECORD).at(*span),
            DkimError::BadVersion { found, span } => Finding::error(self.code(), subject, RFC_RECORD)
                .at(*span)
                .arg("found", found),
            DkimError::BadBase64 { span } => Finding::error(self.code(), subject, RFC_RECORD).at(*span),
            DkimError::BadValue { tag, span } => Finding::error(self.code(), subject, RFC_RECORD)
                .at(*span)
                .arg("tag", tag),
            DkimError::MissingKey | DkimError::Unrecognized | DkimError::UnsupportedKey => {
                Finding::error(self.code(), subject, RFC_RECORD)
            }
        }
    }
}

impl fmt::Display for DkimError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Splits a colon list (`h=sha1:sha256`), trimming each item; `None` if an item is empty.
fn colon_list(value: &str) -> Option<Vec<String>> {
    let items: Vec<String> = value
        .split(':')
        .map(|s| s.trim_matches(tagvalue::is_space).to_string())
        .collect();
    if items.iter().any(|s| s.is_empty()) {
        None
    } else {
        Some(items)
    }
}

impl DkimKey {
    /// The canonical record for an RSA key given as SubjectPublicKeyInfo DER.
    pub fn rsa(spki_der: Vec<u8>) -> DkimKey {
        DkimKey {
            version: true,
            key_type: Some(KeyType::Rsa),
            hashes: None,
            flags: None,
            services: None,
            notes: None,
            public_key: spki_der,
            unknown: Vec::new(),
        }
    }

    /// The canonical record for an Ed25519 key (RFC 8463 §4.2: the raw 32 bytes).
    pub fn ed25519(raw: [u8; 32]) -> DkimKey {
        DkimKey {
            key_type: Some(KeyType::Ed25519),
            public_key: raw.to_vec(),
            ..DkimKey::rsa(Vec::new())
        }
    }

    /// The key type in force: `k=` or its default `rsa`.
    pub fn effective_key_type(&self) -> KeyType {
        self.key_type.clone().unwrap_or(KeyType::Rsa)
    }

    /// RFC 6376 §3.6.1: "An empty value means that this public key has been revoked."
    pub fn is_revoked(&self) -> bool {
        self.public_key.is_empty()
    }

    /// The `p=` value as published.
    pub fn public_key_base64(&self) -> String {
        B64.encode(&self.public_key)
    }

    /// Parses a record strictly: the first error wins.
    pub fn parse(text: &str) -> Result<DkimKey, DkimError> {
        let (key, errors) = build(text)?;
        match errors.into_iter().next() {
            Some(e) => Err(e),
            None => Ok(key),
        }
    }

    /// Every finding about a record text: all parse errors (with spans), or,
    /// when it parses, everything [`DkimKey::lint`] says.
    pub fn check(text: &str, subject: &str) -> (Option<DkimKey>, Vec<Finding>) {
        match build(text) {
            Err(e) => (None, vec![e.to_finding(subject)]),
            Ok((key, errors)) if !errors.is_empty() => {
                let findings = errors
                    .iter()
                    .map(|e| match e {
                        DkimError::TrailingSpace { .. } => e
                            .to_finding(subject)
                            .with_fix(text.trim_end_matches(tagvalue::is_space)),
                        _ => e.to_finding(subject),
                    })
                    .collect();
                (Some(key), findings)
            }
            Ok((key, _)) => {
                let findings = key.lint(subject);
                (Some(key), findings)
            }
        }
    }

    /// Everything worth saying about a parsed record.
    pub fn lint(&self, subject: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        self.lint_key(subject, &mut out);
        self.lint_hashes(subject, &mut out);
        self.lint_flags_and_services(subject, &mut out);
        for (name, _) in &self.unknown {
            // RFC 6376 §3.2: "Unrecognized tags MUST be ignored."
            out.push(Finding::info(code::dkim::UNKNOWN_TAG, subject, RFC_TAGS).arg("tag", name));
        }
        out
    }

    /// This record with another key type and key bytes, for fixes.
    fn with_key(&self, key_type: KeyType, public_key: Vec<u8>) -> DkimKey {
        DkimKey {
            key_type: Some(key_type),
            public_key,
            ..self.clone()
        }
    }

    fn lint_key(&self, subject: &str, out: &mut Vec<Finding>) {
        let key_type = self.effective_key_type();
        if let KeyType::Other(k) = &key_type {
            // RFC 6376 §3.6.1: "Unrecognized key types MUST be ignored" — so no
            // verifier will use this record, revoked or not.
            out.push(Finding::error(code::dkim::UNKNOWN_KEY_TYPE, subject, RFC_RECORD).arg("k", k));
            return;
        }
        if self.is_revoked() {
            out.push(Finding::warning(code::dkim::REVOKED, subject, RFC_RECORD));
            return;
        }
        match key_type {
            KeyType::Ed25519 => self.lint_ed25519(subject, out),
            _ => self.lint_rsa(subject, out),
        }
    }

    fn lint_rsa(&self, subject: &str, out: &mut Vec<Finding>) {
        let bits = match spki::parse_spki(&self.public_key) {
            Ok(PublicKey::Rsa { modulus_bits, .. }) => modulus_bits,
            Ok(PublicKey::Ed25519 { raw }) => {
                out.push(mismatch(
                    subject,
                    "ed25519",
                    self.with_key(KeyType::Ed25519, raw.to_vec()),
                ));
                return;
            }
            Ok(PublicKey::Other { .. }) => {
                out.push(Finding::error(code::dkim::BAD_KEY, subject, RFC_RECORD).arg("k", "rsa"));
                return;
            }
            Err(_) => match spki::parse_rsa_public_key(&self.public_key) {
                // A bare PKCS#1 RSAPublicKey: RFC 6376 §3.6.1 wants it wrapped
                // in a SubjectPublicKeyInfo; some verifiers accept it, others do not.
                Ok(PublicKey::Rsa { modulus_bits, pkcs1 }) => {
                    let fixed = self.with_key(KeyType::Rsa, spki::wrap_rsa_pkcs1(&pkcs1));
                    out.push(
                        Finding::warning(code::dkim::PKCS1_KEY, subject, RFC_RECORD)
                            .with_fix(fixed.to_string()),
                    );
                    modulus_bits
                }
                _ if self.public_key.len() == 32 => {
                    // 32 raw bytes is the shape of an RFC 8463 Ed25519 key.
                    out.push(mismatch(
                        subject,
                        "ed25519",
                        self.with_key(KeyType::Ed25519, self.public_key.clone()),
                    ));
                    return;
                }
                _ => {
                    out.push(Finding::error(code::dkim::BAD_KEY, subject, RFC_RECORD).arg("k", "rsa"));
                    return;
                }
            },
        };
        // RFC 8301 §3.2: "Verifiers MUST NOT consider signatures using RSA keys of
        // less than 1024 bits as valid signatures." "Signers SHOULD use RSA keys of
        // at least 2048 bits." Verifiers need only handle up to 4096 bits.
        if bits < 1024 {
            out.push(Finding::error(code::dkim::RSA_TOO_SHORT, subject, "RFC 8301 §3.2").arg("bits", bits));
        } else if bits < 2048 {
            out.push(Finding::warning(code::dkim::RSA_WEAK, subject, "RFC 8301 §3.2").arg("bits", bits));
        } else if bits > 4096 {
            out.push(Finding::warning(code::dkim::RSA_TOO_LONG, subject, "RFC 8301 §3.2").arg("bits", bits));
        }
    }

    fn lint_ed25519(&self, subject: &str, out: &mut Vec<Finding>) {
        // RFC 8463 §4.2: the p= value is the raw 32-byte Ed25519 public key.
        if self.public_key.len() == 32 {
            return;
        }
        match spki::parse_spki(&self.public_key) {
            Ok(PublicKey::Ed25519 { raw }) => {
                let fixed = self.with_key(KeyType::Ed25519, raw.to_vec());
                out.push(
                    Finding::error(code::dkim::ED25519_SPKI, subject, "RFC 8463 §4.2")
                        .with_fix(fixed.to_string()),
                );
            }
            Ok(PublicKey::Rsa { .. }) => {
                out.push(mismatch(
                    subject,
                    "rsa",
                    self.with_key(KeyType::Rsa, self.public_key.clone()),
                ));
            }
            _ => out.push(
                Finding::error(code::dkim::BAD_KEY, subject, "RFC 8463 §4.2")
                    .arg("k", "ed25519")
                    .arg("len", self.public_key.len()),
            ),
        }
    }

    fn lint_hashes(&self, subject: &str, out: &mut Vec<Finding>) {
        let Some(hashes) = &self.hashes else { return };
        let has = |h: &str| hashes.iter().any(|x| x.eq_ignore_ascii_case(h));
        // RFC 8301 §3.1: rsa-sha1 "MUST NOT be used for signing or verifying".
        if !has("sha256") {
            out.push(
                Finding::error(code::dkim::NO_SHA256, subject, "RFC 8301 §3.1").with_fix(
                    DkimKey {
                        hashes: Some(vec!["sha256".into()]),
                        ..self.clone()
                    }
                    .to_string(),
                ),
            );
        } else if has("sha1") {
            out.push(Finding::warning(code::dkim::SHA1, subject, "RFC 8301 §3.1"));
        }
        for h in hashes {
            if !h.eq_ignore_ascii_case("sha1") && !h.eq_ignore_ascii_case("sha256") {
                out.push(Finding::info(code::dkim::UNKNOWN_HASH, subject, RFC_RECORD).arg("hash", h));
            }
        }
    }

    fn lint_flags_and_services(&self, subject: &str, out: &mut Vec<Finding>) {
        if let Some(flags) = &self.flags {
            // RFC 6376 §3.6.1 t=y: "Verifiers MUST NOT treat messages from Signers
            // in testing mode differently from unsigned email".
            if flags.iter().any(|f| f == "y") {
                out.push(Finding::warning(code::dkim::TESTING, subject, RFC_RECORD));
            }
        }
        if let Some(services) = &self.services {
            // RFC 6376 §3.6.1 s=: "*" (all) or "email"; others are ignored.
            if !services
                .iter()
                .any(|s| s == "*" || s.eq_ignore_ascii_case("email"))
            {
                out.push(Finding::error(code::dkim::NOT_FOR_EMAIL, subject, RFC_RECORD));
            }
        }
    }
}

fn mismatch(subject: &str, found: &str, fixed: DkimKey) -> Finding {
    Finding::error(code::dkim::KEY_TYPE_MISMATCH, subject, RFC_RECORD)
        .arg("found", found)
        .arg("k", fixed.effective_key_type().as_str().to_string())
        .with_fix(fixed.to_string())
}

/// Parses into a record plus the non-fatal errors; `Err` only when the text is
/// not a tag list at all.
fn build(text: &str) -> Result<(DkimKey, Vec<DkimError>), DkimError> {
    let list = tagvalue::parse(text).map_err(DkimError::Syntax)?;
    let mut errors = Vec::new();
    if let Some(span) = list.trailing_space {
        errors.push(DkimError::TrailingSpace { span });
    }
    // RFC 6376 §3.2: "Tags with duplicate names MUST NOT occur within a single
    // tag-list; if a tag name does occur more than once, the entire tag-list is
    // invalid." Tag names are case-sensitive.
    for dup in list.duplicates(|a, b| a == b) {
        errors.push(DkimError::DuplicateTag {
            name: dup.name.to_string(),
            span: dup.span,
        });
    }
    let mut key = DkimKey {
        version: false,
        ..DkimKey::rsa(Vec::new())
    };
    key.key_type = None;
    let mut have_p = false;
    for (i, tag) in list.tags.iter().enumerate() {
        let bad_value = || DkimError::BadValue {
            tag: tag.name.to_string(),
            span: tag.value_span,
        };
        match tag.name {
            // RFC 6376 §3.6.1 v=: "If specified, this tag MUST be set to "DKIM1"
            // ... This tag MUST be the first tag in the record."
            "v" => {
                if i != 0 {
                    errors.push(DkimError::VersionNotFirst { span: tag.span });
                }
                if tag.value != "DKIM1" {
                    errors.push(DkimError::BadVersion {
                        found: tag.value.to_string(),
                        span: tag.value_span,
                    });
                }
                key.version = true;
            }
            "k" if tag.value.is_empty() => errors.push(bad_value()),
            "k" => key.key_type = Some(KeyType::from_value(tag.value)),
            "h" => match colon_list(tag.value) {
                Some(l) => key.hashes = Some(l),
                None => errors.push(bad_value()),
            },
            "t" => match colon_list(tag.value) {
                Some(l) => key.flags = Some(l),
                None => errors.push(bad_value()),
            },
            "s" => match colon_list(tag.value) {
                Some(l) => key.services = Some(l),
                None => errors.push(bad_value()),
            },
            "n" => key.notes = Some(tag.value.to_string()),
            // RFC 6376 §3.6.1 p=: base64; whitespace is ignored (FWS in base64string).
            "p" => {
                have_p = true;
                let compact: String = tag.value.chars().filter(|c| !tagvalue::is_space(*c)).collect();
                match B64.decode(compact.as_bytes()) {
                    Ok(bytes) => key.public_key = bytes,
                    Err(_) => errors.push(DkimError::BadBase64 { span: tag.value_span }),
                }
            }
            other => key.unknown.push((other.to_string(), tag.value.to_string())),
        }
    }
    // RFC 6376 §3.6.1: p= is REQUIRED.
    if !have_p {
        errors.push(DkimError::MissingKey);
    }
    Ok((key, errors))
}

impl fmt::Display for DkimKey {
    /// The TXT value: `v=DKIM1; k=rsa; p=...`, optional tags in between.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if self.version {
            parts.push("v=DKIM1".into());
        }
        if let Some(k) = &self.key_type {
            parts.push(format!("k={}", k.as_str()));
        }
        if let Some(h) = &self.hashes {
            parts.push(format!("h={}", h.join(":")));
        }
        if let Some(t) = &self.flags {
            parts.push(format!("t={}", t.join(":")));
        }
        if let Some(s) = &self.services {
            parts.push(format!("s={}", s.join(":")));
        }
        if let Some(n) = &self.notes {
            parts.push(format!("n={n}"));
        }
        for (name, value) in &self.unknown {
            parts.push(format!("{name}={value}"));
        }
        parts.push(format!("p={}", self.public_key_base64()));
        f.write_str(&parts.join("; "))
    }
}

/// Codes this module can emit, for the catalogue test.
pub const CODES: &[&str] = &[
    code::dkim::TRAILING_SPACE,
    code::dkim::DUPLICATE_TAG,
    code::dkim::VERSION_NOT_FIRST,
    code::dkim::BAD_VERSION,
    code::dkim::MISSING_KEY,
    code::dkim::BAD_BASE64,
    code::dkim::BAD_VALUE,
    code::dkim::IMPORT_UNRECOGNIZED,
    code::dkim::IMPORT_UNSUPPORTED,
    code::dkim::UNKNOWN_TAG,
    code::dkim::REVOKED,
    code::dkim::UNKNOWN_KEY_TYPE,
    code::dkim::KEY_TYPE_MISMATCH,
    code::dkim::BAD_KEY,
    code::dkim::PKCS1_KEY,
    code::dkim::RSA_TOO_SHORT,
    code::dkim::RSA_WEAK,
    code::dkim::RSA_TOO_LONG,
    code::dkim::ED25519_SPKI,
    code::dkim::NO_SHA256,
    code::dkim::SHA1,
    code::dkim::UNKNOWN_HASH,
    code::dkim::TESTING,
    code::dkim::NOT_FOR_EMAIL,
];

#[cfg(test)]
mod tests {
    use super::super::spki::tests::{pkcs1, RSA2048};
    use super::*;
    use proptest::prelude::*;

    fn codes(text: &str) -> Vec<&'static str> {
        DkimKey::check(text, "s._domainkey.example.com")
            .1
            .iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn parses_and_prints_canonical_rsa() {
        let text = format!("v=DKIM1; k=rsa; p={RSA2048}");
        let key = DkimKey::parse(&text).unwrap();
        assert_eq!(key.to_string(), text);
        assert_eq!(key.effective_key_type(), KeyType::Rsa);
        assert!(codes(&text).is_empty(), "{:?}", codes(&text));
    }

    #[test]
    fn findings_by_case() {
        let ed = "JDcbZ0Hpba5NKXI4UAW3G0IDhhFOxhJTDybZEwe1FeA=";
        let weak = B64.encode(spki::wrap_rsa_pkcs1(&pkcs1(128, 0xc0)));
        let tiny = B64.encode(spki::wrap_rsa_pkcs1(&pkcs1(64, 0xc0)));
        let bare = B64.encode(pkcs1(256, 0xc0));
        let cases: Vec<(String, Vec<&str>)> = vec![
            ("v=DKIM1; p=".into(), vec![code::dkim::REVOKED]),
            (format!("v=DKIM1; p={ed}"), vec![code::dkim::KEY_TYPE_MISMATCH]),
            (format!("v=DKIM1; k=ed25519; p={ed}"), vec![]),
            (
                format!("v=DKIM1; k=ed25519; p={RSA2048}"),
                vec![code::dkim::KEY_TYPE_MISMATCH],
            ),
            (
                "v=DKIM1; k=ed25519; p=HbawiMnQXTCopHTkR0jlKQ==".into(),
                vec![code::dkim::BAD_KEY],
            ),
            ("v=DKIM1; k=foo; p=".into(), vec![code::dkim::UNKNOWN_KEY_TYPE]),
            (
                "v=DKIM1; k=foo; p=AAAA".into(),
                vec![code::dkim::UNKNOWN_KEY_TYPE],
            ),
            (format!("v=DKIM1; p={weak}"), vec![code::dkim::RSA_WEAK]),
            (format!("v=DKIM1; p={tiny}"), vec![code::dkim::RSA_TOO_SHORT]),
            (format!("v=DKIM1; p={bare}"), vec![code::dkim::PKCS1_KEY]),
            (
                format!("v=DKIM1; h=sha1; p={RSA2048}"),
                vec![code::dkim::NO_SHA256],
            ),
            (
                format!("v=DKIM1; h=sha1:sha256; p={RSA2048}"),
                vec![code::dkim::SHA1],
            ),
            (
                format!("v=DKIM1; t=y; s=email; p={RSA2048}"),
                vec![code::dkim::TESTING],
            ),
            (
                format!("v=DKIM1; s=tlsrpt; p={RSA2048}"),
                vec![code::dkim::NOT_FOR_EMAIL],
            ),
            (
                format!("v=DKIM1; x=1; p={RSA2048}"),
                vec![code::dkim::UNKNOWN_TAG],
            ),
            ("v=DKIM1".into(), vec![code::dkim::MISSING_KEY]),
            ("p=; v=DKIM1".into(), vec![code::dkim::VERSION_NOT_FIRST]),
            ("v=DKIM1; p=; ".into(), vec![code::dkim::TRAILING_SPACE]),
            ("v=dkim1; p=".into(), vec![code::dkim::BAD_VERSION]),
            ("v=DKIM1; p=; p=".into(), vec![code::dkim::DUPLICATE_TAG]),
            ("v=DKIM1; p=!!".into(), vec![code::dkim::BAD_BASE64]),
            ("v=DKIM1; h=sha256:; p=".into(), vec![code::dkim::BAD_VALUE]),
            ("".into(), vec![code::tagvalue::EMPTY]),
        ];
        for (text, want) in cases {
            assert_eq!(codes(&text), want, "{text}");
        }
    }

    #[test]
    fn fixes_are_valid_records() {
        let bare = B64.encode(pkcs1(256, 0xc0));
        let (_, findings) = DkimKey::check(&format!("v=DKIM1; k=rsa; p={bare}"), "x");
        let fix = findings[0].fix.clone().unwrap();
        assert!(codes(&fix).is_empty(), "{fix}");
        let (_, findings) = DkimKey::check("v=DKIM1; p=; ", "x");
        assert_eq!(findings[0].fix.as_deref(), Some("v=DKIM1; p=;"));
        let (_, findings) = DkimKey::check("v=DKIM1; p=JDcbZ0Hpba5NKXI4UAW3G0IDhhFOxhJTDybZEwe1FeA=", "x");
        assert_eq!(
            findings[0].fix.as_deref(),
            Some("v=DKIM1; k=ed25519; p=JDcbZ0Hpba5NKXI4UAW3G0IDhhFOxhJTDybZEwe1FeA=")
        );
    }

    #[test]
    fn whitespace_and_lists() {
        let text = "v = DKIM1 ;   h\t=\tsha1 \t:\t SHA256:unknown\t;k=ed25519; n = notes...; p = JDc bZ0Hpb a5NK\tXI4UAW3G0IDhhFOxhJTDybZEwe1FeA=  ;s = email : tlsrpt; t = y\t: t; unknown = bogus;";
        let key = DkimKey::parse(text).unwrap();
        assert_eq!(
            key.hashes,
            Some(vec!["sha1".into(), "SHA256".into(), "unknown".into()])
        );
        assert_eq!(key.services, Some(vec!["email".into(), "tlsrpt".into()]));
        assert_eq!(key.flags, Some(vec!["y".into(), "t".into()]));
        assert_eq!(key.notes.as_deref(), Some("notes..."));
        assert_eq!(
            key.public_key_base64(),
            "JDcbZ0Hpba5NKXI4UAW3G0IDhhFOxhJTDybZEwe1FeA="
        );
        assert_eq!(key.unknown, vec![("unknown".to_string(), "bogus".to_string())]);
    }

    #[test]
    fn every_code_is_in_the_catalogue() {
        for code in CODES {
            assert!(crate::i18n::lookup(code).is_some(), "{code}");
        }
    }

    fn word() -> impl Strategy<Value = String> {
        "[a-z0-9*][a-z0-9]{0,6}"
    }

    fn arb_key() -> impl Strategy<Value = DkimKey> {
        let kt = prop_oneof![
            Just(None),
            Just(Some(KeyType::Rsa)),
            Just(Some(KeyType::Ed25519)),
            "x[a-z0-9]{0,5}".prop_map(|s| Some(KeyType::Other(s))),
        ];
        let list = || proptest::option::of(proptest::collection::vec(word(), 1..4));
        (
            any::<bool>(),
            kt,
            list(),
            list(),
            list(),
            proptest::option::of("[!-:<-~]{1,8}( [!-:<-~]{1,8}){0,2}"),
            proptest::collection::vec(any::<u8>(), 0..300),
            proptest::collection::vec(("z[a-z0-9]{0,4}", "[a-z0-9]{1,6}"), 0..2),
        )
            .prop_map(
                |(version, key_type, hashes, flags, services, notes, public_key, unknown)| DkimKey {
                    version,
                    key_type,
                    hashes,
                    flags,
                    services,
                    notes,
                    public_key,
                    unknown,
                },
            )
    }

    proptest! {
        #[test]
        fn round_trip(key in arb_key()) {
            let text = key.to_string();
            prop_assert_eq!(DkimKey::parse(&text), Ok(key), "{}", text);
        }

        #[test]
        fn never_panics(s in "\\PC{0,400}") {
            let _ = DkimKey::check(&s, "x");
        }

        #[test]
        fn never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = DkimKey::check(&String::from_utf8_lossy(&b), "x");
        }
    }
}
