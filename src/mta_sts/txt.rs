//! The MTA-STS discovery record, `_mta-sts.<domain> TXT`: parse, print, lint.
//!
//! Follows RFC 8461 §3.1:
//! ```text
//! sts-text-record = sts-version 1*(sts-field-delim sts-field) [sts-field-delim]
//! sts-field       = sts-id / sts-extension
//! sts-field-delim = *WSP ";" *WSP
//! sts-version     = %s"v=STSv1"
//! sts-id          = %s"id=" 1*32(ALPHA / DIGIT)
//! sts-extension   = sts-ext-name "=" sts-ext-value
//! ```

use crate::finding::{Finding, Span};
use crate::i18n::code;
use crate::tagvalue::{self, HeadError, TagListError};
use std::fmt;

const RFC: &str = "RFC 8461 §3.1";

/// An `_mta-sts` record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MtaStsRecord {
    /// The policy id, 1 to 32 letters and digits; change it whenever the policy changes.
    pub id: String,
    /// Extension fields, in order.
    pub extensions: Vec<(String, String)>,
}

/// Why a text is not an `_mta-sts` record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MtaStsError {
    Syntax(TagListError),
    SpfRecord,
    /// The first field is not `v=STSv1`.
    BadVersion {
        found: String,
        span: Span,
    },
    /// The text does not begin with `v=STSv1;` literally (senders filter on it).
    VersionPrefix,
    MissingId,
    BadId {
        id: String,
        span: Span,
    },
    DuplicateTag {
        name: String,
        span: Span,
    },
    BadExtension {
        name: String,
        span: Span,
    },
}

impl MtaStsError {
    pub fn code(&self) -> &'static str {
        match self {
            MtaStsError::Syntax(e) => e.code(),
            MtaStsError::SpfRecord => code::mta_sts::SPF_RECORD,
            MtaStsError::BadVersion { .. } => code::mta_sts::BAD_VERSION,
            MtaStsError::VersionPrefix => code::mta_sts::VERSION_PREFIX,
            MtaStsError::MissingId => code::mta_sts::MISSING_ID,
            MtaStsError::BadId { .. } => code::mta_sts::BAD_ID,
            MtaStsError::DuplicateTag { .. } => code::mta_sts::DUPLICATE_TAG,
            MtaStsError::BadExtension { .. } => code::mta_sts::BAD_EXTENSION,
        }
    }

    pub fn to_finding(&self, subject: &str) -> Finding {
        let f = Finding::error(self.code(), subject, RFC);
        match self {
            MtaStsError::Syntax(e) => e.to_finding(subject, RFC),
            MtaStsError::BadVersion { found, span } => f.at(*span).arg("found", found),
            MtaStsError::BadId { id, span } => f.at(*span).arg("id", id),
            MtaStsError::DuplicateTag { name, span } | MtaStsError::BadExtension { name, span } => {
                f.at(*span).arg("tag", name)
            }
            MtaStsError::SpfRecord | MtaStsError::VersionPrefix | MtaStsError::MissingId => f,
        }
    }
}

impl fmt::Display for MtaStsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// `1*32(ALPHA / DIGIT)`.
pub fn is_valid_id(id: &str) -> bool {
    (1..=32).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Parses into the record (when an id was found) and every error.
pub fn parse_detailed(text: &str) -> (Option<MtaStsRecord>, Vec<MtaStsError>) {
    let mut errors = Vec::new();
    let list = match tagvalue::parse_versioned(text, "STSv1") {
        // §3.1: `sts-version = %s"v=STSv1"` with no space, and "records that
        // do not begin with "v=STSv1;" are discarded". `v=STSv1 ;` is left
        // alone: the ABNF's `*WSP ";"` allows it.
        Ok(v) => {
            if !v.exact_prefix {
                errors.push(MtaStsError::VersionPrefix);
            }
            v.list
        }
        Err(HeadError::SpfRecord) => return (None, vec![MtaStsError::SpfRecord]),
        Err(HeadError::Syntax(e)) => return (None, vec![MtaStsError::Syntax(e)]),
        Err(HeadError::BadVersion { found, span }) => {
            return (None, vec![MtaStsError::BadVersion { found, span }])
        }
    };
    for dup in list.duplicates(|a, b| a == b) {
        errors.push(MtaStsError::DuplicateTag {
            name: dup.name.to_string(),
            span: dup.span,
        });
    }
    let mut id = None;
    let mut extensions = Vec::new();
    for tag in list.tags.iter().skip(1) {
        match tag.name {
            "id" if id.is_some() => {}
            "id" if is_valid_id(tag.value) => id = Some(tag.value.to_string()),
            "id" => errors.push(MtaStsError::BadId {
                id: tag.value.to_string(),
                span: tag.value_span,
            }),
            "v" => {}
            name if tagvalue::is_extension_name(name) && tagvalue::is_extension_value(tag.value) => {
                extensions.push((name.to_string(), tag.value.to_string()))
            }
            name => errors.push(MtaStsError::BadExtension {
                name: name.to_string(),
                span: tag.span,
            }),
        }
    }
    let has_bad_id = errors.iter().any(|e| matches!(e, MtaStsError::BadId { .. }));
    if id.is_none() && !has_bad_id {
        errors.push(MtaStsError::MissingId);
    }
    (id.map(|id| MtaStsRecord { id, extensions }), errors)
}

impl MtaStsRecord {
    /// Parses strictly: the first error wins.
    pub fn parse(text: &str) -> Result<MtaStsRecord, MtaStsError> {
        match parse_detailed(text) {
            (Some(r), errors) if errors.is_empty() => Ok(r),
            (_, errors) => Err(errors.into_iter().next().unwrap_or(MtaStsError::MissingId)),
        }
    }

    /// Every finding about a record text.
    pub fn check(text: &str, subject: &str) -> (Option<MtaStsRecord>, Vec<Finding>) {
        let (rec, errors) = parse_detailed(text);
        let mut out: Vec<Finding> = errors.iter().map(|e| e.to_finding(subject)).collect();
        if let Some(r) = &rec {
            if errors.contains(&MtaStsError::VersionPrefix) {
                if let Some(f) = out.iter_mut().find(|f| f.code == code::mta_sts::VERSION_PREFIX) {
                    f.fix = Some(r.to_string());
                }
            }
            out.extend(r.lint(subject));
        }
        (rec, out)
    }

    /// Remarks about a parsed record.
    pub fn lint(&self, subject: &str) -> Vec<Finding> {
        self.extensions
            .iter()
            .map(|(name, _)| Finding::info(code::mta_sts::EXTENSION, subject, RFC).arg("tag", name))
            .collect()
    }
}

impl fmt::Display for MtaStsRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "v=STSv1; id={}", self.id)?;
        for (name, value) in &self.extensions {
            write!(f, "; {name}={value}")?;
        }
        Ok(())
    }
}

/// Codes this module can emit, for the catalogue test.
pub const CODES: &[&str] = &[
    code::mta_sts::SPF_RECORD,
    code::mta_sts::BAD_VERSION,
    code::mta_sts::VERSION_PREFIX,
    code::mta_sts::MISSING_ID,
    code::mta_sts::BAD_ID,
    code::mta_sts::DUPLICATE_TAG,
    code::mta_sts::BAD_EXTENSION,
    code::mta_sts::EXTENSION,
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn codes(text: &str) -> Vec<&'static str> {
        MtaStsRecord::check(text, "_mta-sts.example.com")
            .1
            .iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn cases() {
        let cases: &[(&str, &[&str])] = &[
            ("v=STSv1; id=20240101T010101", &[]),
            ("v=STSv1; id=a; ext=2", &[code::mta_sts::EXTENSION]),
            ("v=STSv1;id=a;", &[]),
            ("v=STSv1", &[code::mta_sts::MISSING_ID]),
            ("v=STSv2; id=a", &[code::mta_sts::BAD_VERSION]),
            ("v=STSv1; id=test-123", &[code::mta_sts::BAD_ID]),
            (
                "v=STSv1; id=012345678901234567890123456789012",
                &[code::mta_sts::BAD_ID],
            ),
            ("v=STSv1; id=foo; id=bar", &[code::mta_sts::DUPLICATE_TAG]),
            ("v=STSv1; id=a; more=", &[code::mta_sts::BAD_EXTENSION]),
            ("v=STSv1; id=a; test==", &[code::mta_sts::BAD_EXTENSION]),
            ("v = STSv1; id=a", &[code::mta_sts::VERSION_PREFIX]),
            ("v=spf1 -all", &[code::mta_sts::SPF_RECORD]),
            ("v=STSv1; id=a;;", &[code::tagvalue::EMPTY_TAG]),
        ];
        for (text, want) in cases {
            assert_eq!(codes(text), *want, "{text}");
        }
        let (_, f) = MtaStsRecord::check(" v=STSv1; id=1", "x");
        assert_eq!(f[0].fix.as_deref(), Some("v=STSv1; id=1"));
    }

    #[test]
    fn every_code_is_in_the_catalogue() {
        crate::i18n::assert_catalogued(CODES);
    }

    proptest! {
        #[test]
        fn round_trip(
            id in "[A-Za-z0-9]{1,32}",
            extensions in proptest::collection::btree_map("x[a-z0-9_.-]{0,31}", "[!-:<>-~]{1,10}", 0..3),
        ) {
            let rec = MtaStsRecord { id, extensions: extensions.into_iter().collect() };
            prop_assert_eq!(MtaStsRecord::parse(&rec.to_string()), Ok(rec));
        }

        #[test]
        fn never_panics(s in "\\PC{0,400}") {
            let _ = MtaStsRecord::check(&s, "x");
        }

        #[test]
        fn never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = MtaStsRecord::check(&String::from_utf8_lossy(&b), "x");
        }
    }
}
