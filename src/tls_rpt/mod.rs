//! The SMTP TLS Reporting record, `_smtp._tls.<domain> TXT`: parse, print, lint.
//!
//! Follows RFC 8460 §3:
//! ```text
//! tlsrpt-record    = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
//! field-delim      = *WSP ";" *WSP
//! tlsrpt-field     = tlsrpt-rua / tlsrpt-extension
//! tlsrpt-version   = %s"v=TLSRPTv1"
//! tlsrpt-rua       = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
//! tlsrpt-extension = tlsrpt-ext-name "=" tlsrpt-ext-value
//! ```
//! `rua` URIs are `mailto:` or `https:` (§3, "rua").
//!
//! A repeated `rua=` field: the ABNF does not forbid it and mox accepts it,
//! while checkdmarc rejects the record. We report it as an error: §3 defines
//! `rua` as one field holding a comma-separated list, reporters disagree on
//! what two fields mean (reject the record, keep the first, or merge), so some
//! reports would be lost; and the fix (one `rua=` with all URIs) loses nothing.
//! The parsed record keeps every URI, merged, so the fix is its printed form.

use crate::dmarc::uri::{self, UriError};
use crate::finding::{Finding, Span};
use crate::i18n::code;
use crate::tagvalue::{self, HeadError, TagListError};
use std::fmt;

const RFC: &str = "RFC 8460 §3";

/// A TLS-RPT record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TlsRptRecord {
    /// Report destinations, `mailto:` or `https:` URIs, in order.
    pub rua: Vec<String>,
    /// Extension fields, in order.
    pub extensions: Vec<(String, String)>,
}

/// Why a text is not a TLS-RPT record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TlsRptError {
    Syntax(TagListError),
    SpfRecord,
    BadVersion {
        found: String,
        span: Span,
    },
    /// The text does not begin with `v=TLSRPTv1` literally (`%s"v=TLSRPTv1"`).
    VersionPrefix,
    MissingRua,
    /// A second `rua=` field (see the module doc).
    DuplicateRua {
        span: Span,
    },
    DuplicateTag {
        name: String,
        span: Span,
    },
    BadUri {
        uri: String,
        error: UriError,
        span: Span,
    },
    /// A URI that is neither `mailto:` nor `https:`.
    BadScheme {
        uri: String,
        span: Span,
    },
    BadExtension {
        name: String,
        span: Span,
    },
}

impl TlsRptError {
    pub fn code(&self) -> &'static str {
        match self {
            TlsRptError::Syntax(e) => e.code(),
            TlsRptError::SpfRecord => code::tls_rpt::SPF_RECORD,
            TlsRptError::BadVersion { .. } => code::tls_rpt::BAD_VERSION,
            TlsRptError::VersionPrefix => code::tls_rpt::VERSION_PREFIX,
            TlsRptError::MissingRua => code::tls_rpt::MISSING_RUA,
            TlsRptError::DuplicateRua { .. } => code::tls_rpt::DUPLICATE_RUA,
            TlsRptError::DuplicateTag { .. } => code::tls_rpt::DUPLICATE_TAG,
            TlsRptError::BadUri { error, .. } => error.code(),
            TlsRptError::BadScheme { .. } => code::tls_rpt::BAD_SCHEME,
            TlsRptError::BadExtension { .. } => code::tls_rpt::BAD_EXTENSION,
        }
    }

    pub fn to_finding(&self, subject: &str) -> Finding {
        let f = Finding::error(self.code(), subject, RFC);
        match self {
            TlsRptError::Syntax(e) => e.to_finding(subject, RFC),
            TlsRptError::BadVersion { found, span } => f.at(*span).arg("found", found),
            TlsRptError::DuplicateRua { span } => f.at(*span),
            TlsRptError::DuplicateTag { name, span } | TlsRptError::BadExtension { name, span } => {
                f.at(*span).arg("tag", name)
            }
            TlsRptError::BadUri { uri, span, .. } | TlsRptError::BadScheme { uri, span } => {
                f.at(*span).arg("uri", uri).arg("tag", "rua")
            }
            TlsRptError::SpfRecord | TlsRptError::VersionPrefix | TlsRptError::MissingRua => f,
        }
    }
}

impl fmt::Display for TlsRptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Checks one `tlsrpt-uri`.
fn check_uri(u: &str, span: Span) -> Result<(), TlsRptError> {
    let scheme = uri::check(u).map_err(|error| TlsRptError::BadUri {
        uri: u.to_string(),
        error,
        span,
    })?;
    // §3 rua: "mailto:" or "https:" URIs.
    if scheme == "mailto" || scheme == "https" {
        Ok(())
    } else {
        Err(TlsRptError::BadScheme {
            uri: u.to_string(),
            span,
        })
    }
}

/// Parses into the record (when some valid `rua` was found) and every error.
pub fn parse_detailed(text: &str) -> (Option<TlsRptRecord>, Vec<TlsRptError>) {
    let mut errors = Vec::new();
    let list = match tagvalue::parse_versioned(text, "TLSRPTv1") {
        // §3: the record starts with exactly `v=TLSRPTv1`.
        Ok(v) => {
            if !v.exact_prefix {
                errors.push(TlsRptError::VersionPrefix);
            }
            v.list
        }
        Err(HeadError::SpfRecord) => return (None, vec![TlsRptError::SpfRecord]),
        Err(HeadError::Syntax(e)) => return (None, vec![TlsRptError::Syntax(e)]),
        Err(HeadError::BadVersion { found, span }) => {
            return (None, vec![TlsRptError::BadVersion { found, span }])
        }
    };
    let mut rua = Vec::new();
    let mut rua_seen = false;
    let mut extensions: Vec<(String, String)> = Vec::new();
    for tag in list.tags.iter().skip(1) {
        match tag.name {
            "rua" => {
                if rua_seen {
                    errors.push(TlsRptError::DuplicateRua { span: tag.span });
                }
                rua_seen = true;
                for item in tag.value.split(',') {
                    let item = item.trim_matches(tagvalue::is_space);
                    match check_uri(item, tag.value_span) {
                        Ok(()) => rua.push(item.to_string()),
                        Err(e) => errors.push(e),
                    }
                }
            }
            name if extensions.iter().any(|(n, _)| n == name) || name == "v" => {
                errors.push(TlsRptError::DuplicateTag {
                    name: name.to_string(),
                    span: tag.span,
                })
            }
            name if tagvalue::is_extension_name(name) && tagvalue::is_extension_value(tag.value) => {
                extensions.push((name.to_string(), tag.value.to_string()))
            }
            name => errors.push(TlsRptError::BadExtension {
                name: name.to_string(),
                span: tag.span,
            }),
        }
    }
    if !rua_seen {
        errors.push(TlsRptError::MissingRua);
    }
    let record = (!rua.is_empty()).then_some(TlsRptRecord { rua, extensions });
    (record, errors)
}

impl TlsRptRecord {
    /// Parses strictly: the first error wins.
    pub fn parse(text: &str) -> Result<TlsRptRecord, TlsRptError> {
        match parse_detailed(text) {
            (Some(r), errors) if errors.is_empty() => Ok(r),
            (_, errors) => Err(errors.into_iter().next().unwrap_or(TlsRptError::MissingRua)),
        }
    }

    /// Every finding about a record text; the version and duplicate-rua errors
    /// carry the corrected record as their fix.
    pub fn check(text: &str, subject: &str) -> (Option<TlsRptRecord>, Vec<Finding>) {
        let (rec, errors) = parse_detailed(text);
        let mut out = Vec::new();
        for e in &errors {
            let mut f = e.to_finding(subject);
            if let (Some(r), TlsRptError::DuplicateRua { .. } | TlsRptError::VersionPrefix) = (&rec, e) {
                f.fix = Some(r.to_string());
            }
            out.push(f);
        }
        if let Some(r) = &rec {
            out.extend(r.lint(subject));
        }
        (rec, out)
    }

    /// Remarks about a parsed record.
    pub fn lint(&self, subject: &str) -> Vec<Finding> {
        self.extensions
            .iter()
            .map(|(name, _)| Finding::info(code::tls_rpt::EXTENSION, subject, RFC).arg("tag", name))
            .collect()
    }
}

impl fmt::Display for TlsRptRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "v=TLSRPTv1; rua={}", self.rua.join(","))?;
        for (name, value) in &self.extensions {
            write!(f, "; {name}={value}")?;
        }
        Ok(())
    }
}

/// Codes this module can emit (besides `uri.*` and `tagvalue.*`), for the catalogue test.
pub const CODES: &[&str] = &[
    code::tls_rpt::SPF_RECORD,
    code::tls_rpt::BAD_VERSION,
    code::tls_rpt::VERSION_PREFIX,
    code::tls_rpt::MISSING_RUA,
    code::tls_rpt::DUPLICATE_RUA,
    code::tls_rpt::DUPLICATE_TAG,
    code::tls_rpt::BAD_SCHEME,
    code::tls_rpt::BAD_EXTENSION,
    code::tls_rpt::EXTENSION,
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn codes(text: &str) -> Vec<&'static str> {
        TlsRptRecord::check(text, "_smtp._tls.example.com")
            .1
            .iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn cases() {
        let cases: &[(&str, &[&str])] = &[
            ("v=TLSRPTv1; rua=mailto:tlsrpt@example.com", &[]),
            (
                "v=TLSRPTv1; rua=mailto:a@example.com , \t https://r.example.com/tlsrpt  ",
                &[],
            ),
            (
                "v=TLSRPTv1; rua=mailto:a@example.com; ext=yes",
                &[code::tls_rpt::EXTENSION],
            ),
            ("v=TLSRPTv1", &[code::tls_rpt::MISSING_RUA]),
            (
                "v=TLSRPTv2; rua=mailto:a@example.com",
                &[code::tls_rpt::BAD_VERSION],
            ),
            (
                "v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com",
                &[code::tls_rpt::DUPLICATE_RUA],
            ),
            ("v=TLSRPTv1; rua=not_a_valid_uri", &[code::uri::NO_SCHEME]),
            (
                "v=TLSRPTv1; rua=http://r.example.com/",
                &[code::tls_rpt::BAD_SCHEME],
            ),
            (
                "v=TLSRPTv1; rua=,, ,",
                &[
                    code::uri::EMPTY,
                    code::uri::EMPTY,
                    code::uri::EMPTY,
                    code::uri::EMPTY,
                ],
            ),
            (
                "v=TLSRPTv1; rua=mailto:a@example.com; more=",
                &[code::tls_rpt::BAD_EXTENSION],
            ),
            ("v=TLSRPTv1 ; rua=mailto:a@example.com", &[]),
            (
                " v=TLSRPTv1; rua=mailto:a@example.com",
                &[code::tls_rpt::VERSION_PREFIX],
            ),
            ("v=spf1 -all", &[code::tls_rpt::SPF_RECORD]),
        ];
        for (text, want) in cases {
            assert_eq!(codes(text), *want, "{text}");
        }
        let (_, f) = TlsRptRecord::check(
            "v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com",
            "x",
        );
        assert_eq!(
            f[0].fix.as_deref(),
            Some("v=TLSRPTv1; rua=mailto:a@example.com,mailto:b@example.com")
        );
    }

    #[test]
    fn every_code_is_in_the_catalogue() {
        crate::i18n::assert_catalogued(CODES);
    }

    proptest! {
        #[test]
        fn round_trip(
            rua in proptest::collection::vec(prop_oneof![
                "mailto:[a-z0-9.+-]{1,10}@[a-z]{1,8}\\.(com|example)",
                "https://[a-z]{1,8}\\.example/[a-z0-9/]{0,10}",
            ], 1..4),
            extensions in proptest::collection::btree_map("x[a-z0-9_.-]{0,31}", "[!-:<>-~]{1,10}", 0..3),
        ) {
            let rec = TlsRptRecord { rua, extensions: extensions.into_iter().collect() };
            prop_assert_eq!(TlsRptRecord::parse(&rec.to_string()), Ok(rec));
        }

        #[test]
        fn never_panics(s in "\\PC{0,400}") {
            let _ = TlsRptRecord::check(&s, "x");
        }

        #[test]
        fn never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = TlsRptRecord::check(&String::from_utf8_lossy(&b), "x");
        }
    }
}
