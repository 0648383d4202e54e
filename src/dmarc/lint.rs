//! Findings about a DMARC record (RFC 9989), and the external report
//! authorizations its `rua` / `ruf` need (RFC 9990 §3).

use super::record::{
    parse_detailed, DmarcError, DmarcPolicy, DmarcRecord, FailureOption, RFC_GRAMMAR, RFC_TAGS,
};
use super::uri;
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::name::Name;

const RFC_DISCOVERY: &str = "RFC 9989 §4.10.1";
const RFC_EXTERNAL: &str = "RFC 9990 §3";

/// Every finding about a record text: the parse errors (with spans), then
/// what [`lint`] says about what is left, spans attached where a tag is named.
pub fn check(text: &str, subject: &str) -> (Option<DmarcRecord>, Vec<Finding>) {
    let parsed = match parse_detailed(text) {
        Ok(p) => p,
        Err(e) => return (None, vec![e.to_finding(subject)]),
    };
    let mut out: Vec<Finding> = parsed.errors.iter().map(|e| e.to_finding(subject)).collect();
    // RFC 9989 §4.10.1: "If a retrieved DMARC Policy Record does not contain a
    // valid "p" tag, or contains an "sp" or "np" tag that is not valid" the
    // receiver falls back to p=none (with a valid rua) or ignores the record.
    let invalid_policy = parsed
        .errors
        .iter()
        .any(|e| matches!(e, DmarcError::BadValue { tag, .. } if ["p", "sp", "np"].contains(&tag.as_str())));
    if let Some(span) = parsed.p_not_second {
        // RFC 9989 allows any order after v; RFC 7489 §6.4 wanted p second and
        // receivers built on it still reject the record otherwise.
        out.push(
            Finding::warning(code::dmarc::P_NOT_SECOND, subject, "RFC 7489 §6.4")
                .at(span)
                .with_fix(parsed.record.to_string()),
        );
    }
    for mut f in lint_inner(&parsed.record, subject, invalid_policy) {
        if f.span.is_none() {
            if let Some(tag) = f.get_arg("tag") {
                f.span = parsed
                    .spans
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(tag))
                    .map(|(_, s)| *s);
            }
        }
        out.push(f);
    }
    (Some(parsed.record), out)
}

/// Everything worth saying about a parsed record.
pub fn lint(record: &DmarcRecord, subject: &str) -> Vec<Finding> {
    lint_inner(record, subject, false)
}

impl DmarcRecord {
    /// Same as [`check`], for symmetry with the other record types.
    pub fn check(text: &str, subject: &str) -> (Option<DmarcRecord>, Vec<Finding>) {
        check(text, subject)
    }

    /// Same as [`lint`].
    pub fn lint(&self, subject: &str) -> Vec<Finding> {
        lint(self, subject)
    }
}

fn lint_inner(rec: &DmarcRecord, subject: &str, invalid_policy: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    let with_p_none = DmarcRecord {
        policy: Some(rec.policy.unwrap_or(DmarcPolicy::None)),
        ..rec.clone()
    };
    if rec.policy.is_none() || invalid_policy {
        if rec.rua.is_empty() {
            // §4.10.1: no valid p and no valid rua: "the Mail Receiver applies no
            // DMARC processing".
            out.push(
                Finding::error(code::dmarc::IGNORED, subject, RFC_DISCOVERY)
                    .with_fix(with_p_none.to_string()),
            );
        } else if invalid_policy {
            out.push(Finding::error(code::dmarc::FALLBACK_NONE, subject, RFC_DISCOVERY));
        } else {
            // §4.7 p: absent p "is treated as if it included p=none".
            out.push(
                Finding::warning(code::dmarc::MISSING_P, subject, RFC_TAGS)
                    .arg("tag", "v")
                    .with_fix(with_p_none.to_string()),
            );
        }
    }
    if rec.policy == Some(DmarcPolicy::None) {
        // §4.7 p=none: "The Domain Owner offers no expression of preference."
        out.push(Finding::info(code::dmarc::MONITORING, subject, RFC_TAGS).arg("tag", "p"));
    }
    if let (Some(p), Some(DmarcPolicy::None)) = (rec.policy, rec.subdomain_policy) {
        if p > DmarcPolicy::None {
            out.push(Finding::warning(code::dmarc::SP_NONE, subject, RFC_TAGS).arg("tag", "sp"));
        }
    }
    if rec.testing == Some(true) && rec.effective_policy() > DmarcPolicy::None {
        // §4.7 t=y: the policy applied is "one level below the specified policy".
        out.push(Finding::warning(code::dmarc::TESTING, subject, RFC_TAGS).arg("tag", "t"));
    }
    if rec.rua.is_empty() {
        // §4.7 rua: "If the tag is not provided, Mail Receivers MUST NOT generate
        // aggregate feedback reports for the domain."
        out.push(Finding::warning(code::dmarc::NO_RUA, subject, RFC_TAGS));
    }
    if !rec.failure_options.is_empty() {
        // §4.7 fo: "This tag's content MUST be ignored if a "ruf" tag ... is not
        // also specified", and "0" and "1" are mutually exclusive.
        if rec.ruf.is_empty() {
            out.push(Finding::info(code::dmarc::FO_WITHOUT_RUF, subject, RFC_TAGS).arg("tag", "fo"));
        }
        let has = |o| rec.failure_options.contains(&o);
        if has(FailureOption::AllFail) && has(FailureOption::AnyFail) {
            out.push(Finding::warning(code::dmarc::FO_CONFLICT, subject, RFC_GRAMMAR).arg("tag", "fo"));
        }
    }
    for (tag, list) in [("rua", &rec.rua), ("ruf", &rec.ruf)] {
        for u in list {
            if u.size.is_some() {
                // §4.8 obs-dmarc-report-size: "reporters should ignore" it.
                out.push(
                    Finding::info(code::dmarc::OBSOLETE_SIZE, subject, RFC_GRAMMAR)
                        .arg("tag", tag)
                        .arg("uri", u),
                );
            }
            if !matches!(uri::split_scheme(&u.uri), Some((s, _)) if s == "mailto") {
                // §4.7 rua/ruf: receivers MUST support mailto:; other schemes
                // they do not support "MUST be ignored".
                out.push(
                    Finding::warning(code::dmarc::NON_MAILTO, subject, RFC_TAGS)
                        .arg("tag", tag)
                        .arg("uri", u),
                );
            }
        }
    }
    for (tag, value) in &rec.removed {
        out.push(
            Finding::warning(code::dmarc::REMOVED_TAG, subject, RFC_TAGS)
                .arg("tag", tag)
                .arg("value", value),
        );
    }
    for (tag, _) in &rec.unknown {
        // §4.7: "unknown tags MUST be ignored".
        out.push(Finding::warning(code::dmarc::UNKNOWN_TAG, subject, RFC_TAGS).arg("tag", tag));
    }
    out
}

/// True when reports to `dest` need an authorization record: the two names
/// are in different organizations. Without a public suffix list this is
/// approximated as "neither name is the other or lies below it".
fn is_external(dmarc_domain: &Name, dest: &Name) -> bool {
    !dest.is_subdomain_of(dmarc_domain) && !dmarc_domain.is_subdomain_of(dest)
}

/// The policy domain itself when given as `_dmarc.<domain>`.
fn policy_domain(dmarc_domain: &Name) -> Name {
    match dmarc_domain.labels().next() {
        Some("_dmarc") => dmarc_domain.parent().unwrap_or_else(|| dmarc_domain.clone()),
        _ => dmarc_domain.clone(),
    }
}

/// The record a report destination outside the DMARC domain publishes to
/// accept the domain's reports: RFC 9990 §3 (RFC 7489 §7.1 before it) has
/// receivers query `<dmarc-domain>._report._dmarc.<destination-domain>` for
/// `v=DMARC1`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportAuthorization {
    /// `<dmarc-domain>._report._dmarc.<destination-domain>`.
    pub name: Name,
    /// The destination domain: the record lives in its DNS.
    pub destination: Name,
    /// The record to publish there: a DMARC record with only `v=DMARC1`.
    pub record: DmarcRecord,
}

/// For every `mailto:` report address outside the DMARC domain, the
/// authorization its destination must publish (RFC 9990 §3), once per name.
pub fn report_authorizations(dmarc_domain: &Name, record: &DmarcRecord) -> Vec<ReportAuthorization> {
    let domain = policy_domain(dmarc_domain);
    let mut out: Vec<ReportAuthorization> = Vec::new();
    for u in record.rua.iter().chain(&record.ruf) {
        let Ok(destination) = uri::mailto_domain(&u.uri) else {
            continue;
        };
        if !is_external(&domain, &destination) {
            continue;
        }
        let Ok(name) = Name::service(&format!(
            "{}._report._dmarc.{}",
            domain.as_str(),
            destination.as_str()
        )) else {
            continue;
        };
        if !out.iter().any(|a| a.name == name) {
            out.push(ReportAuthorization {
                name,
                destination,
                record: DmarcRecord::default(),
            });
        }
    }
    out
}

/// [`report_authorizations`] as (owner name, TXT value) pairs.
pub fn external_report_authorizations(dmarc_domain: &Name, record: &DmarcRecord) -> Vec<(Name, String)> {
    report_authorizations(dmarc_domain, record)
        .into_iter()
        .map(|a| (a.name, a.record.to_string()))
        .collect()
}

/// One warning per external destination, with the record to publish as the fix
/// (zone-file line, since it lives under the destination's domain).
pub fn lint_external_reports(dmarc_domain: &Name, record: &DmarcRecord) -> Vec<Finding> {
    report_authorizations(dmarc_domain, record)
        .into_iter()
        .map(|a| {
            Finding::warning(code::dmarc::EXTERNAL_REPORT, dmarc_domain.as_str(), RFC_EXTERNAL)
                .arg("dest", a.destination.as_str())
                .arg("name", a.name.fqdn())
                .with_fix(format!("{} IN TXT \"{}\"", a.name.fqdn(), a.record))
        })
        .collect()
}

/// Codes this module and the parser can emit, for the catalogue test.
pub const CODES: &[&str] = &[
    code::dmarc::SPF_RECORD,
    code::dmarc::BAD_VERSION,
    code::dmarc::DUPLICATE_TAG,
    code::dmarc::BAD_VALUE,
    code::dmarc::BAD_REPORT_SIZE,
    code::dmarc::P_NOT_SECOND,
    code::dmarc::IGNORED,
    code::dmarc::FALLBACK_NONE,
    code::dmarc::MISSING_P,
    code::dmarc::MONITORING,
    code::dmarc::SP_NONE,
    code::dmarc::TESTING,
    code::dmarc::NO_RUA,
    code::dmarc::FO_WITHOUT_RUF,
    code::dmarc::FO_CONFLICT,
    code::dmarc::OBSOLETE_SIZE,
    code::dmarc::NON_MAILTO,
    code::dmarc::REMOVED_TAG,
    code::dmarc::UNKNOWN_TAG,
    code::dmarc::EXTERNAL_REPORT,
];
