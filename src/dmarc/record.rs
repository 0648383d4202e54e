//! The DMARC policy record, `_dmarc.<domain> TXT`: the typed record, its
//! parser (with spans) and its printer.
//!
//! Follows RFC 9989 (DMARCbis, which obsoletes RFC 7489): §4.7 lists the tags,
//! §4.8 gives the grammar. Tag names compare case-insensitively (RFC 5234
//! quoted strings); the version value `DMARC1` is case-sensitive (§4.8 `%s`).

use super::uri::{self, UriError};
use crate::finding::{Finding, Span};
use crate::i18n::code;
use crate::tagvalue::{self, HeadError, TagListError};
use serde::{Deserialize, Serialize};
use std::fmt;

pub(crate) const RFC_TAGS: &str = "RFC 9989 §4.7";
pub(crate) const RFC_GRAMMAR: &str = "RFC 9989 §4.8";

/// `p`, `sp`, `np` (RFC 9989 §4.8 `dmarc-request`). Serialised as the tag
/// value (`"none"`, `"quarantine"`, `"reject"`), the form plans have always
/// been stored and shared in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DmarcPolicy {
    None,
    Quarantine,
    Reject,
}

/// `adkim`, `aspf` (`dmarc-rors`). Serialised as `"relaxed"` / `"strict"`
/// (the stored plan's form, not the tag values `r` / `s`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Alignment {
    Relaxed,
    Strict,
}

/// `psd` (`dmarc-psd`): is this a Public Suffix Domain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PsdFlag {
    Yes,
    No,
    Unknown,
}

/// One `fo` option (`dmarc-fo`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureOption {
    /// `0`: report when all mechanisms fail to give an aligned pass.
    AllFail,
    /// `1`: report when any mechanism fails to give an aligned pass.
    AnyFail,
    /// `d`: DKIM failure report.
    Dkim,
    /// `s`: SPF failure report.
    Spf,
}

/// The obsolete `!size` suffix of a report URI (RFC 9989 §4.8 `obs-dmarc-report-size`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportSize {
    pub amount: u64,
    /// `k`, `m`, `g` or `t`, lowercase; `None` for bytes.
    pub unit: Option<char>,
}

/// One `rua` / `ruf` destination.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportUri {
    pub uri: String,
    pub size: Option<ReportSize>,
}

/// A DMARC policy record. `None` / empty means the tag is absent.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DmarcRecord {
    pub policy: Option<DmarcPolicy>,
    pub subdomain_policy: Option<DmarcPolicy>,
    pub nonexistent_policy: Option<DmarcPolicy>,
    pub psd: Option<PsdFlag>,
    /// `t=y` / `t=n`.
    pub testing: Option<bool>,
    pub adkim: Option<Alignment>,
    pub aspf: Option<Alignment>,
    pub rua: Vec<ReportUri>,
    pub ruf: Vec<ReportUri>,
    pub failure_options: Vec<FailureOption>,
    /// `pct`, `rf`, `ri` as written: removed by RFC 9989, kept for old readers.
    pub removed: Vec<(String, String)>,
    /// Tags RFC 9989 does not define, as written (receivers ignore them).
    pub unknown: Vec<(String, String)>,
}

/// Why (part of) a text is not a valid DMARC record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DmarcError {
    Syntax(TagListError),
    /// An SPF record where the DMARC record should be.
    SpfRecord,
    /// First tag is not `v=DMARC1`: the whole record is ignored (§4.7 `v`).
    BadVersion {
        found: String,
        span: Span,
    },
    DuplicateTag {
        name: String,
        span: Span,
    },
    /// A value outside its tag's grammar.
    BadValue {
        tag: String,
        value: String,
        span: Span,
    },
    /// A `rua` / `ruf` entry that is not a URI.
    BadUri {
        tag: String,
        uri: String,
        error: UriError,
        span: Span,
    },
    /// A `!size` suffix that is not `!` digits [`k`/`m`/`g`/`t`].
    BadReportSize {
        uri: String,
        span: Span,
    },
}

impl DmarcError {
    pub fn code(&self) -> &'static str {
        match self {
            DmarcError::Syntax(e) => e.code(),
            DmarcError::SpfRecord => code::dmarc::SPF_RECORD,
            DmarcError::BadVersion { .. } => code::dmarc::BAD_VERSION,
            DmarcError::DuplicateTag { .. } => code::dmarc::DUPLICATE_TAG,
            DmarcError::BadValue { .. } => code::dmarc::BAD_VALUE,
            DmarcError::BadUri { error, .. } => error.code(),
            DmarcError::BadReportSize { .. } => code::dmarc::BAD_REPORT_SIZE,
        }
    }

    /// True when receivers ignore the whole record, not just one tag.
    pub fn is_fatal(&self) -> bool {
        matches!(
            self,
            DmarcError::Syntax(_) | DmarcError::SpfRecord | DmarcError::BadVersion { .. }
        )
    }

    pub fn to_finding(&self, subject: &str) -> Finding {
        match self {
            DmarcError::Syntax(e) => e.to_finding(subject, RFC_GRAMMAR),
            DmarcError::SpfRecord => Finding::error(self.code(), subject, RFC_TAGS),
            DmarcError::BadVersion { found, span } => Finding::error(self.code(), subject, RFC_TAGS)
                .at(*span)
                .arg("found", found),
            DmarcError::DuplicateTag { name, span } => Finding::error(self.code(), subject, "RFC 6376 §3.2")
                .at(*span)
                .arg("tag", name),
            DmarcError::BadValue { tag, value, span } => Finding::error(self.code(), subject, RFC_GRAMMAR)
                .at(*span)
                .arg("tag", tag)
                .arg("value", value),
            DmarcError::BadUri { tag, uri, span, .. } => Finding::error(self.code(), subject, RFC_GRAMMAR)
                .at(*span)
                .arg("tag", tag)
                .arg("uri", uri),
            DmarcError::BadReportSize { uri, span } => Finding::error(self.code(), subject, RFC_GRAMMAR)
                .at(*span)
                .arg("uri", uri),
        }
    }
}

impl fmt::Display for DmarcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What the parser saw beyond the typed record: per-tag errors, and where `p` stood.
#[derive(Clone, Debug, Default)]
pub struct DmarcParse {
    pub record: DmarcRecord,
    /// Non-fatal errors: the tags they concern are left out of `record`.
    pub errors: Vec<DmarcError>,
    /// Span of each tag by lowercase name (first occurrence), for pointing findings.
    pub spans: Vec<(String, Span)>,
    /// The span of `p` when it is not the tag right after `v` (RFC 7489 required that).
    pub p_not_second: Option<Span>,
}

impl DmarcPolicy {
    fn from_value(v: &str) -> Option<DmarcPolicy> {
        match v.to_ascii_lowercase().as_str() {
            "none" => Some(DmarcPolicy::None),
            "quarantine" => Some(DmarcPolicy::Quarantine),
            "reject" => Some(DmarcPolicy::Reject),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DmarcPolicy::None => "none",
            DmarcPolicy::Quarantine => "quarantine",
            DmarcPolicy::Reject => "reject",
        }
    }
}

impl Alignment {
    pub fn as_str(self) -> &'static str {
        match self {
            Alignment::Relaxed => "r",
            Alignment::Strict => "s",
        }
    }
}

impl PsdFlag {
    pub fn as_str(self) -> &'static str {
        match self {
            PsdFlag::Yes => "y",
            PsdFlag::No => "n",
            PsdFlag::Unknown => "u",
        }
    }
}

impl FailureOption {
    fn from_value(v: &str) -> Option<FailureOption> {
        match v.to_ascii_lowercase().as_str() {
            "0" => Some(FailureOption::AllFail),
            "1" => Some(FailureOption::AnyFail),
            "d" => Some(FailureOption::Dkim),
            "s" => Some(FailureOption::Spf),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FailureOption::AllFail => "0",
            FailureOption::AnyFail => "1",
            FailureOption::Dkim => "d",
            FailureOption::Spf => "s",
        }
    }
}

impl fmt::Display for ReportUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.uri)?;
        if let Some(size) = self.size {
            write!(f, "!{}", size.amount)?;
            if let Some(u) = size.unit {
                write!(f, "{u}")?;
            }
        }
        Ok(())
    }
}

/// Stores `value` in `slot`; `None` (the value did not parse) leaves it alone.
fn set<T>(slot: &mut Option<T>, value: Option<T>) -> Option<()> {
    *slot = Some(value?);
    Some(())
}

/// `obs-dmarc-report-size = "!" 1*DIGIT [ "k" / "m" / "g" / "t" ]` (after the `!`).
fn parse_size(s: &str) -> Option<ReportSize> {
    let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (digits, unit) = s.split_at(digits_end);
    let amount = digits.parse::<u64>().ok()?;
    let unit = match unit.to_ascii_lowercase().as_str() {
        "" => None,
        u @ ("k" | "m" | "g" | "t") => u.chars().next(),
        _ => return None,
    };
    Some(ReportSize { amount, unit })
}

/// `dmarc-urilist`: URIs separated by `*WSP "," *WSP`.
fn parse_uri_list(tag: &str, value: &str, span: Span) -> Result<Vec<ReportUri>, DmarcError> {
    let mut out = Vec::new();
    for item in value.split(',') {
        let item = item.trim_matches(tagvalue::is_space);
        // RFC 9989 §4.8: "!" must be percent-encoded in a URI, so the first one
        // starts the obsolete size suffix.
        let (uri, size) = match item.split_once('!') {
            Some((u, s)) => match parse_size(s) {
                Some(size) => (u, Some(size)),
                None => {
                    return Err(DmarcError::BadReportSize {
                        uri: item.to_string(),
                        span,
                    })
                }
            },
            None => (item, None),
        };
        if let Err(error) = uri::check(uri) {
            return Err(DmarcError::BadUri {
                tag: tag.to_string(),
                uri: item.to_string(),
                error,
                span,
            });
        }
        out.push(ReportUri {
            uri: uri.to_string(),
            size,
        });
    }
    Ok(out)
}

/// Parses a record: `Err` when receivers would ignore it entirely, otherwise
/// the record with every per-tag error collected.
pub fn parse_detailed(text: &str) -> Result<DmarcParse, DmarcError> {
    // RFC 9989 §4.7 v: "This tag MUST be the first tag in the list. The tag value
    // is case sensitive ... If the tag is not the first in the list, or the tag is
    // absent, or the value is not "DMARC1", then the entire record MUST be ignored."
    let list = match tagvalue::parse_versioned(text, "DMARC1") {
        Ok(v) => v.list,
        Err(HeadError::SpfRecord) => return Err(DmarcError::SpfRecord),
        Err(HeadError::Syntax(e)) => return Err(DmarcError::Syntax(e)),
        Err(HeadError::BadVersion { found, span }) => return Err(DmarcError::BadVersion { found, span }),
    };
    let mut out = DmarcParse::default();
    if let Some(v) = list.tags.first() {
        out.spans.push(("v".to_string(), v.span));
    }
    let rec = &mut out.record;
    for (i, tag) in list.tags.iter().enumerate().skip(1) {
        let name = tag.name.to_ascii_lowercase();
        // RFC 6376 §3.2 (which §4.7 adopts): duplicate tags make the list invalid.
        if out.spans.iter().any(|(n, _)| *n == name) {
            out.errors.push(DmarcError::DuplicateTag { name, span: tag.span });
            continue;
        }
        out.spans.push((name.clone(), tag.span));
        let value = tag.value;
        let bad = || DmarcError::BadValue {
            tag: name.clone(),
            value: value.to_string(),
            span: tag.value_span,
        };
        let lower = value.to_ascii_lowercase();
        let result: Result<(), DmarcError> = match name.as_str() {
            "p" | "sp" | "np" => {
                let slot = match name.as_str() {
                    "p" => &mut rec.policy,
                    "sp" => &mut rec.subdomain_policy,
                    _ => &mut rec.nonexistent_policy,
                };
                if name == "p" && i != 1 {
                    out.p_not_second = Some(tag.span);
                }
                set(slot, DmarcPolicy::from_value(value)).ok_or_else(bad)
            }
            "psd" => {
                let flag = match lower.as_str() {
                    "y" => Some(PsdFlag::Yes),
                    "n" => Some(PsdFlag::No),
                    "u" => Some(PsdFlag::Unknown),
                    _ => None,
                };
                set(&mut rec.psd, flag).ok_or_else(bad)
            }
            "t" => {
                let t = match lower.as_str() {
                    "y" => Some(true),
                    "n" => Some(false),
                    _ => None,
                };
                set(&mut rec.testing, t).ok_or_else(bad)
            }
            "adkim" | "aspf" => {
                let slot = if name == "adkim" {
                    &mut rec.adkim
                } else {
                    &mut rec.aspf
                };
                let a = match lower.as_str() {
                    "r" => Some(Alignment::Relaxed),
                    "s" => Some(Alignment::Strict),
                    _ => None,
                };
                set(slot, a).ok_or_else(bad)
            }
            "rua" | "ruf" => parse_uri_list(&name, value, tag.value_span).map(|list| {
                if name == "rua" {
                    rec.rua = list;
                } else {
                    rec.ruf = list;
                }
            }),
            "fo" => {
                let opts: Option<Vec<FailureOption>> = value
                    .split(':')
                    .map(|o| FailureOption::from_value(o.trim_matches(tagvalue::is_space)))
                    .collect();
                opts.map(|o| rec.failure_options = o).ok_or_else(bad)
            }
            // Removed by RFC 9989 (see its appendix on changes from RFC 7489):
            // kept as written, values not validated.
            "pct" | "rf" | "ri" => {
                rec.removed.push((tag.name.to_string(), value.to_string()));
                Ok(())
            }
            // §4.7: "unknown tags MUST be ignored".
            _ => {
                rec.unknown.push((tag.name.to_string(), value.to_string()));
                Ok(())
            }
        };
        if let Err(e) = result {
            out.errors.push(e);
        }
    }
    Ok(out)
}

impl DmarcRecord {
    /// Parses strictly: `Err` on the first error of any kind.
    pub fn parse(text: &str) -> Result<DmarcRecord, DmarcError> {
        let parsed = parse_detailed(text)?;
        match parsed.errors.into_iter().next() {
            Some(e) => Err(e),
            None => Ok(parsed.record),
        }
    }

    /// The policy for the domain itself: `p`, or `none` when absent (§4.7 p).
    pub fn effective_policy(&self) -> DmarcPolicy {
        self.policy.unwrap_or(DmarcPolicy::None)
    }
}

impl fmt::Display for DmarcRecord {
    /// The TXT value, tags in the conventional order with `p` right after `v`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = vec!["v=DMARC1".to_string()];
        let mut push = |name: &str, value: Option<&str>| {
            if let Some(v) = value {
                parts.push(format!("{name}={v}"));
            }
        };
        push("p", self.policy.map(DmarcPolicy::as_str));
        push("sp", self.subdomain_policy.map(DmarcPolicy::as_str));
        push("np", self.nonexistent_policy.map(DmarcPolicy::as_str));
        push("psd", self.psd.map(PsdFlag::as_str));
        push("t", self.testing.map(|t| if t { "y" } else { "n" }));
        push("adkim", self.adkim.map(Alignment::as_str));
        push("aspf", self.aspf.map(Alignment::as_str));
        let list = |l: &[ReportUri]| l.iter().map(|u| u.to_string()).collect::<Vec<_>>().join(",");
        let fo = self
            .failure_options
            .iter()
            .map(|o| o.as_str())
            .collect::<Vec<_>>()
            .join(":");
        let (rua, ruf) = (list(&self.rua), list(&self.ruf));
        push("rua", (!rua.is_empty()).then_some(rua.as_str()));
        push("ruf", (!ruf.is_empty()).then_some(ruf.as_str()));
        push("fo", (!fo.is_empty()).then_some(fo.as_str()));
        for (name, value) in self.removed.iter().chain(&self.unknown) {
            parts.push(format!("{name}={value}"));
        }
        f.write_str(&parts.join("; "))
    }
}
