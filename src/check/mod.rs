//! The checker: asks DNS about a mail domain and says what is right and what
//! is wrong, as data ([`Report`]), never text. Pure: it asks its questions
//! through a [`Resolver`] (DNS-over-HTTPS in the page, a
//! [`crate::dns::memory::MemoryZone`] in tests).
//!
//! Two modes:
//! - [`audit`]: any domain: MX (RFC 5321 §5.1, RFC 7505), addresses, reverse
//!   DNS with forward confirmation, SPF (RFC 7208), DKIM (RFC 6376), DMARC
//!   (RFC 9989, RFC 9990), MTA-STS (RFC 8461), TLS-RPT (RFC 8460), CAA
//!   (RFC 8659), TLSA (RFC 7672), DNSSEC (the AD bit, RFC 4035 §3.2.3),
//!   and, when asked (`AuditRequest::blocklists`), the public blocklists
//!   (RFC 5782, [`crate::dnsbl`]).
//! - [`verify_plan`]: the records the generator planned, found and equal or
//!   not, plus the audit of the planned domain.
//!
//! Rules every check follows:
//! - a DNS failure (SERVFAIL, timeout, transport, REFUSED, unreadable) is
//!   never reported as a missing record: it gives `check.could_not_check`
//!   with the DNS error's code as `reason`, and the area's status
//!   [`AreaStatus::CouldNotCheck`]. Only NXDOMAIN and NODATA mean missing,
//!   and "missing" findings say which in their `answer` argument;
//! - an area's answers are what its verdict rests on, the answers of other
//!   areas it needed included (the MX answer under the reverse DNS); when one
//!   of them failed the area says `check.not_checked`, never OK, and a count
//!   resting on a failed answer is a lower bound (`bound = at_least`) naming
//!   the failed question (`failed`). `tests/fault_monotonicity.rs` holds
//!   every scenario zone to it;
//! - independent questions go out together; only real dependencies wait;
//!   one run never asks the same question twice ([`cache`]).
//!
//! # JSON export
//!
//! [`report_json`] writes the [`Report`] with serde:
//!
//! ```text
//! {
//!   "domain": "example.com",              // no trailing dot
//!   "questions_asked": 23,                // questions sent to the resolver
//!   "longest_chain": 4,                   // deepest dependency chain
//!   "summary": {"errors": 1, "warnings": 2, "could_not_check": 0},
//!   "areas": [{
//!     "area": "mx",                       // mx addresses ptr spf dkim dmarc mta_sts
//!                                         // tls_rpt caa tlsa dnssec blocklists plan
//!     "status": {"state": "ok"},          // ok | warnings | errors |
//!                                         // could_not_check (+ "reason": "dns.servfail")
//!     "findings": [{
//!       "code": "mx.none", "severity": "error",   // info | warning | error
//!       "subject": "example.com", "rfc": "RFC 5321 §5.1",
//!       "span": null, "args": [["answer", "NODATA"]],
//!       "fix": "example.com. 3600 IN MX 10 mail.example.com."   // or null
//!     }],
//!     "answers": [{
//!       "name": "example.com", "type": "MX", "depth": 1,  // 0: kept from the run before
//!       "records": ["10 mail.example.com."],       // presentation form, when answered
//!       "error": {"code": "dns.nodata"}            // or, instead, the DNS error
//!     }],                                          //   ("detail" for transport/malformed)
//!     "traces": [{                                 // SPF area only: check_host() per address
//!       "ip": "192.0.2.1", "result": "pass", "lookups": 1,
//!       "reason": {…},                             // a finding, as above
//!       "steps": [{"depth": 0, "code": "spf.trace.record", "args": [["domain", "example.com"], …]}]
//!     }]
//!   }]
//! }
//! ```

mod blocklists;
pub mod cache;
mod export;
pub mod form;
mod hosts;
mod plan;
pub(crate) mod policies;
mod run;
pub mod whatif;

pub use cache::KnownAnswers;
pub use export::{report_json, report_markdown, report_markdown_with, ReportMeta};
pub use plan::{verify_plan, verify_plan_fetching, verify_plan_from};
pub use policies::FLATTEN_CAVEAT;
pub use run::{audit, audit_fetching, audit_from, no_live, LiveFound};
pub use whatif::{what_if, WhatIf};

use crate::dns::{DnsError, Rdata, RecordType};
use crate::finding::{Finding, Severity};
use crate::i18n::code;
use crate::model::Name;
use crate::spf::AddressTrace;
use serde::de::{Deserializer, Error as _};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::net::IpAddr;

/// What to audit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRequest {
    pub domain: Name,
    /// DKIM selectors to check; empty: a short list of common ones is tried.
    pub dkim_selectors: Vec<String>,
    /// Addresses the domain's mail leaves from (besides its MX hosts), for
    /// the SPF and reverse DNS checks.
    pub server_ips: Vec<IpAddr>,
    /// The MTA-STS policy file, pasted: a page cannot fetch it (no CORS).
    pub mta_sts_policy_text: Option<String>,
    /// Also ask the public blocklists (`dnsbl`) about the server addresses
    /// and the domain: the Check half's audits do; plan verification and
    /// the scenario tests do not.
    #[serde(default)]
    pub blocklists: bool,
}

/// A part of the check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Mx,
    Addresses,
    Ptr,
    Spf,
    Dkim,
    Dmarc,
    MtaSts,
    TlsRpt,
    Caa,
    Tlsa,
    Dnssec,
    Blocklists,
    Plan,
}

impl Area {
    pub const ALL: [Area; 13] = [
        Area::Plan,
        Area::Mx,
        Area::Addresses,
        Area::Ptr,
        Area::Spf,
        Area::Dkim,
        Area::Dmarc,
        Area::MtaSts,
        Area::TlsRpt,
        Area::Caa,
        Area::Tlsa,
        Area::Dnssec,
        Area::Blocklists,
    ];

    /// The catalogue code of the area's title.
    pub fn title_code(self) -> &'static str {
        match self {
            Area::Mx => code::check::AREA_MX,
            Area::Addresses => code::check::AREA_ADDRESSES,
            Area::Ptr => code::check::AREA_PTR,
            Area::Spf => code::check::AREA_SPF,
            Area::Dkim => code::check::AREA_DKIM,
            Area::Dmarc => code::check::AREA_DMARC,
            Area::MtaSts => code::check::AREA_MTA_STS,
            Area::TlsRpt => code::check::AREA_TLS_RPT,
            Area::Caa => code::check::AREA_CAA,
            Area::Tlsa => code::check::AREA_TLSA,
            Area::Dnssec => code::check::AREA_DNSSEC,
            Area::Blocklists => code::check::AREA_BLOCKLISTS,
            Area::Plan => code::check::AREA_PLAN,
        }
    }
}

/// The verdict of one area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AreaStatus {
    Ok,
    Warnings,
    Errors,
    /// A question failed; the reason is the DNS error's code (`dns.servfail`).
    CouldNotCheck(String),
}

impl AreaStatus {
    /// The catalogue code of the status word.
    pub fn code(&self) -> &'static str {
        match self {
            AreaStatus::Ok => code::check::STATUS_OK,
            AreaStatus::Warnings => code::check::STATUS_WARNINGS,
            AreaStatus::Errors => code::check::STATUS_ERRORS,
            AreaStatus::CouldNotCheck(_) => code::check::STATUS_COULD_NOT_CHECK,
        }
    }

    /// From the findings: an error wins (it is known for sure), then a
    /// failed question, then warnings.
    pub fn of(findings: &[Finding]) -> AreaStatus {
        if findings.iter().any(|f| f.severity == Severity::Error) {
            return AreaStatus::Errors;
        }
        if let Some(f) = findings.iter().find(|f| is_unknown(f)) {
            return AreaStatus::CouldNotCheck(f.get_arg("reason").unwrap_or(code::dns::SERVFAIL).to_string());
        }
        if findings.iter().any(|f| f.severity == Severity::Warning) {
            AreaStatus::Warnings
        } else {
            AreaStatus::Ok
        }
    }
}

impl Serialize for AreaStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (state, reason) = match self {
            AreaStatus::Ok => ("ok", None),
            AreaStatus::Warnings => ("warnings", None),
            AreaStatus::Errors => ("errors", None),
            AreaStatus::CouldNotCheck(r) => ("could_not_check", Some(r)),
        };
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("state", state)?;
        if let Some(r) = reason {
            map.serialize_entry("reason", r)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for AreaStatus {
    /// Reads back what `Serialize` writes: `{"state": "ok"}`, or
    /// `{"state": "could_not_check", "reason": "dns.servfail"}`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Json {
            state: String,
            reason: Option<String>,
        }
        let j = Json::deserialize(deserializer)?;
        Ok(match (j.state.as_str(), j.reason) {
            ("ok", None) => AreaStatus::Ok,
            ("warnings", None) => AreaStatus::Warnings,
            ("errors", None) => AreaStatus::Errors,
            ("could_not_check", Some(reason)) => AreaStatus::CouldNotCheck(reason),
            (state, _) => return Err(D::Error::custom(format_args!("bad area status {state:?}"))),
        })
    }
}

/// One question and what came back, for showing the raw answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawAnswer {
    /// Lowercase, no trailing dot.
    pub name: String,
    pub rtype: RecordType,
    pub result: Result<Vec<Rdata>, DnsError>,
    /// Dependency depth of the question (1: asked first; 0: the answer was
    /// kept from the run before, when one area was re-run).
    pub depth: usize,
}

impl RawAnswer {
    /// As `dig` shows it: one zone-file line per record, or a comment with
    /// the error (`; example.com. MX: NODATA`).
    pub fn lines(&self) -> Vec<String> {
        match &self.result {
            Ok(records) => records
                .iter()
                .map(|r| format!("{}. IN {} {r}", self.name, self.rtype))
                .collect(),
            Err(e) => vec![format!("; {}. {}: {e}", self.name, self.rtype)],
        }
    }
}

impl Serialize for RawAnswer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("name", &self.name)?;
        map.serialize_entry("type", &self.rtype)?;
        map.serialize_entry("depth", &self.depth)?;
        match &self.result {
            Ok(records) => {
                let texts: Vec<String> = records.iter().map(Rdata::to_string).collect();
                map.serialize_entry("records", &texts)?;
            }
            Err(e) => map.serialize_entry("error", e)?,
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for RawAnswer {
    /// Reads back what `Serialize` writes. The records are presentation
    /// text: each is read with [`Rdata::parse_lenient`] for the answer's
    /// type, which gives back the very value that was printed (the answer
    /// holds only records of the asked type; data read from DNS may hold
    /// what only the lenient reading accepts, such as an MX target
    /// `192.0.2.1.`; `tests/offload.rs` holds every scenario's answers to it).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Json {
            name: String,
            #[serde(rename = "type")]
            rtype: RecordType,
            depth: usize,
            records: Option<Vec<String>>,
            error: Option<DnsError>,
        }
        let j = Json::deserialize(deserializer)?;
        let result = match (j.records, j.error) {
            (Some(texts), None) => Ok(texts
                .iter()
                .map(|t| Rdata::parse_lenient(j.rtype, t))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| D::Error::custom(format_args!("{} {}: {e}", j.name, j.rtype)))?),
            (None, Some(e)) => Err(e),
            _ => return Err(D::Error::custom("an answer has either records or an error")),
        };
        Ok(RawAnswer {
            name: j.name,
            rtype: j.rtype,
            result,
            depth: j.depth,
        })
    }
}

/// The result of one area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaReport {
    pub area: Area,
    pub status: AreaStatus,
    pub findings: Vec<Finding>,
    pub answers: Vec<RawAnswer>,
    /// SPF only: the `check_host()` of each address, step by step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub traces: Vec<AddressTrace>,
}

/// The line a report opens with: how many errors and warnings, and how
/// many areas could not be checked (a failed question took their verdict).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub errors: usize,
    /// Warnings, not counting the failed questions (those are `could_not_check`).
    pub warnings: usize,
    /// Areas that say "could not check" or "not checked".
    pub could_not_check: usize,
}

impl Summary {
    /// Counts the areas' findings.
    pub fn of(areas: &[AreaReport]) -> Summary {
        let mut s = Summary::default();
        for a in areas {
            let mut unknown = false;
            for f in &a.findings {
                if is_unknown(f) {
                    unknown = true;
                } else if f.severity == Severity::Error {
                    s.errors += 1;
                } else if f.severity == Severity::Warning {
                    s.warnings += 1;
                }
            }
            s.could_not_check += usize::from(unknown);
        }
        s
    }

    /// The catalogue code of the line.
    pub const CODE: &'static str = code::check::REPORT_COUNTS;

    /// The arguments of [`Summary::CODE`].
    pub fn args(&self) -> Vec<(&'static str, String)> {
        vec![
            ("errors", self.errors.to_string()),
            ("warnings", self.warnings.to_string()),
            ("unknown", self.could_not_check.to_string()),
        ]
    }
}

/// The whole check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub domain: Name,
    /// Errors, warnings and areas that could not be checked, before the areas.
    pub summary: Summary,
    /// In the order of [`Area::ALL`]; areas that were not checked are absent.
    pub areas: Vec<AreaReport>,
    /// Questions sent to the resolver (each distinct question once).
    pub questions_asked: usize,
    /// The deepest chain of questions that had to wait for one another.
    pub longest_chain: usize,
}

impl Report {
    /// The report of one area, if it was checked.
    pub fn area(&self, area: Area) -> Option<&AreaReport> {
        self.areas.iter().find(|a| a.area == area)
    }

    /// Every finding of every area.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.areas.iter().flat_map(|a| a.findings.iter())
    }

    /// What a re-run of `area` starts from: every answer of this run except
    /// the questions the area looked at (the user may have fixed them since)
    /// and every failed question (the area may depend on one of them, as the
    /// addresses depend on the MX answer), which are asked again.
    pub fn rerun_seed(&self, known: &KnownAnswers, area: Area) -> KnownAnswers {
        let mut seed = known.clone();
        seed.forget_failures();
        if let Some(a) = self.area(area) {
            seed.forget(a.answers.iter().map(|x| (x.name.as_str(), x.rtype)));
        }
        seed
    }

    /// The MX hosts the audit found, in the MX answer's order (null MX and
    /// IP-literal targets left out), each with its addresses: `Some` when
    /// the address questions were answered (empty for NXDOMAIN/NODATA),
    /// `None` when one failed or was not asked (not known, which is not
    /// the same as none).
    pub fn mail_hosts(&self) -> Vec<(String, Option<Vec<IpAddr>>)> {
        let domain = crate::dns::normalize_name(self.domain.as_str());
        let Some(mx) = self.area(Area::Mx) else {
            return Vec::new();
        };
        let mut mx_records: Vec<&crate::model::Mx> = mx
            .answers
            .iter()
            .filter(|a| a.rtype == RecordType::Mx && a.name == domain)
            .filter_map(|a| a.result.as_ref().ok())
            .flatten()
            .filter_map(|r| match r {
                Rdata::Mx(m) if !m.is_null() => Some(m),
                _ => None,
            })
            .collect();
        mx_records.sort_by_key(|m| m.preference);
        let answers: &[RawAnswer] = self.area(Area::Addresses).map_or(&[], |a| &a.answers);
        let mut out: Vec<(String, Option<Vec<IpAddr>>)> = Vec::new();
        for m in mx_records {
            let host = crate::dns::normalize_name(m.exchange.as_str());
            if host.parse::<IpAddr>().is_ok() || out.iter().any(|(h, _)| *h == host) {
                continue;
            }
            let mut known = Some(Vec::new());
            for rtype in [RecordType::A, RecordType::Aaaa] {
                let found = answers.iter().find(|a| a.name == host && a.rtype == rtype);
                known = match (known, found.map(|a| &a.result)) {
                    (Some(mut ips), Some(Ok(records))) => {
                        ips.extend(records.iter().filter_map(|r| match r {
                            Rdata::A(v4) => Some(IpAddr::V4(*v4)),
                            Rdata::Aaaa(v6) => Some(IpAddr::V6(*v6)),
                            _ => None,
                        }));
                        Some(ips)
                    }
                    (Some(ips), Some(Err(e))) if e.is_void() => Some(ips),
                    _ => None,
                };
            }
            out.push((host, known));
        }
        out
    }

    /// The id of the domain's one valid `_mta-sts` record in this report
    /// (RFC 8461 §3.1), if it has exactly one.
    pub fn mta_sts_id(&self) -> Option<String> {
        let owner = format!("_mta-sts.{}", self.domain.as_str().trim_end_matches('.'));
        let answer = self
            .areas
            .iter()
            .filter(|a| a.area == Area::MtaSts)
            .flat_map(|a| a.answers.iter())
            .find(|a| a.rtype == RecordType::Txt && a.name.trim_end_matches('.') == owner)?;
        let records = answer.result.as_ref().ok()?;
        // As the audit selects it: one `v=STSv1` record, or none counts (§3.1).
        let found: Vec<String> = records
            .iter()
            .filter_map(Rdata::txt_joined)
            .filter(|t| policies::has_version(t, "v=STSv1"))
            .collect();
        match found.as_slice() {
            [text] => crate::mta_sts::MtaStsRecord::parse(text).ok().map(|r| r.id),
            _ => None,
        }
    }

    /// What the page cannot test for the MX hosts this audit found, as
    /// commands to run (`crate::handoff`), in the form the report shows.
    pub fn handoffs(&self) -> crate::handoff::HandoffSheet {
        let hosts = self.mail_hosts();
        let hosts: Vec<crate::handoff::MxHost<'_>> = hosts
            .iter()
            .map(|(name, addresses)| crate::handoff::MxHost {
                name,
                addresses: addresses.clone(),
            })
            .collect();
        crate::handoff::handoffs(self.domain.as_str(), &hosts).sheet()
    }

    /// True when no finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings().any(|f| f.severity == Severity::Error)
    }
}

/// The code of the finding for a failed question.
pub const COULD_NOT_CHECK: &str = code::check::COULD_NOT_CHECK;
/// The code of the finding for an area that needed a failed answer (the
/// MX hosts' addresses when the MX question failed): not checked at all.
pub const NOT_CHECKED: &str = code::check::NOT_CHECKED;

/// The code of the finding for an area with nothing to look up because the
/// MX names no host, only addresses (`MX 10 192.0.2.1.`): not checked.
pub const NOT_CHECKED_NO_HOST: &str = code::check::NOT_CHECKED_NO_HOST;

/// The reason code of [`NOT_CHECKED_NO_HOST`], shown beside "could not check".
pub const NO_MAIL_HOST_REASON: &str = code::check::REASON_NO_MAIL_HOST;

/// True for a finding that says an area, or part of it, is unknown: a
/// failed question, an answer it needed that failed, nothing to look up.
pub fn is_unknown(f: &Finding) -> bool {
    f.code == COULD_NOT_CHECK || f.code == NOT_CHECKED || f.code == NOT_CHECKED_NO_HOST
}

/// The codes that claim something is missing; none of them is ever emitted
/// for a question that failed (tests assert it).
pub const MISSING_CODES: &[&str] = &[
    code::mx::NONE,
    code::mx::NO_ADDRESS,
    code::ptr::MISSING,
    code::spf::NO_RECORD,
    code::dkim::MISSING,
    code::dkim::NO_SELECTOR_FOUND,
    code::dmarc::MISSING,
    code::dmarc::EXTERNAL_UNAUTHORIZED,
    code::mta_sts::MISSING,
    code::mta_sts::HOST_MISSING,
    code::tls_rpt::MISSING,
    code::caa::NONE,
    code::tlsa::NONE,
    code::plan::MISSING,
];

/// An area being built: its findings and the answers it looked at.
#[derive(Debug)]
pub(crate) struct AreaBuilder {
    area: Area,
    pub(crate) findings: Vec<Finding>,
    pub(crate) answers: Vec<RawAnswer>,
    pub(crate) traces: Vec<AddressTrace>,
}

impl AreaBuilder {
    pub(crate) fn new(area: Area) -> Self {
        AreaBuilder {
            area,
            findings: Vec::new(),
            answers: Vec::new(),
            traces: Vec::new(),
        }
    }

    /// Keeps the answer for the report (once per question).
    pub(crate) fn saw(&mut self, asked: &cache::Asked) {
        if self
            .answers
            .iter()
            .any(|a| a.name == asked.name && a.rtype == asked.rtype)
        {
            return;
        }
        self.answers.push(RawAnswer {
            name: asked.name.clone(),
            rtype: asked.rtype,
            result: asked
                .result
                .as_ref()
                .map(|a| a.records.clone())
                .map_err(Clone::clone),
            depth: asked.depth,
        });
    }

    /// Adds a finding, unless the same one (code, subject, arguments) is
    /// already there: two checks reaching one conclusion (the SPF lint and an
    /// evaluation both seeing two SPF records) say it once.
    pub(crate) fn push(&mut self, f: Finding) {
        let seen = self
            .findings
            .iter()
            .any(|g| g.code == f.code && g.subject == f.subject && g.args == f.args);
        if !seen {
            self.findings.push(f);
        }
    }

    /// Keeps the evaluation of one address (the first one per address).
    pub(crate) fn trace(&mut self, t: AddressTrace) {
        if !self.traces.iter().any(|x| x.ip == t.ip) {
            self.traces.push(t);
        }
    }

    pub(crate) fn extend(&mut self, fs: impl IntoIterator<Item = Finding>) {
        for f in fs {
            self.push(f);
        }
    }

    /// The answer's records, or `None` after reporting the failure; void
    /// answers (NXDOMAIN, NODATA) come back as `Some(Err)` for the caller
    /// to report as missing.
    pub(crate) fn records(&mut self, asked: &cache::Asked) -> Option<Result<Vec<Rdata>, DnsError>> {
        self.saw(asked);
        match &asked.result {
            Ok(a) => Some(Ok(a.records.clone())),
            Err(e) if e.is_void() => Some(Err(e.clone())),
            Err(e) => {
                self.push(could_not_check(&asked.name, asked.rtype, e));
                None
            }
        }
    }

    /// Keeps an answer the area's verdict rests on although the area did
    /// not read its records itself (the MX answer under the addresses, a
    /// host's A under its reverse DNS). If it failed, [`AreaBuilder::finish`]
    /// makes the area "not checked".
    pub(crate) fn rests_on(&mut self, asked: &cache::Asked) {
        self.saw(asked);
    }

    /// The area's report. An area is only as sure as the answers it rests
    /// on (the answers it shows): every one of them that failed and is not
    /// yet reported gets a `check.not_checked`, so no verdict resting on a
    /// failed answer reads as OK.
    pub(crate) fn finish(mut self) -> AreaReport {
        let unreported: Vec<(String, RecordType, DnsError)> = self
            .answers
            .iter()
            .filter_map(|a| {
                let e = a.result.as_ref().err().filter(|e| !e.is_void())?;
                let named = self.findings.iter().any(|f| {
                    (f.code == COULD_NOT_CHECK || f.code == NOT_CHECKED)
                        && f.get_arg("name") == Some(a.name.as_str())
                        && f.get_arg("type") == Some(a.rtype.to_string().as_str())
                });
                (!named).then(|| (a.name.clone(), a.rtype, e.clone()))
            })
            .collect();
        for (name, rtype, e) in unreported {
            self.push(not_checked(&name, rtype, &e));
        }
        AreaReport {
            area: self.area,
            status: AreaStatus::of(&self.findings),
            findings: self.findings,
            answers: self.answers,
            traces: self.traces,
        }
    }
}

/// The finding for a failed question: it says nothing about the record.
pub fn could_not_check(name: &str, rtype: RecordType, error: &DnsError) -> Finding {
    let mut f = Finding::warning(COULD_NOT_CHECK, name, "RFC 1035 §4.1.1")
        .arg("name", name)
        .arg("type", rtype)
        .arg("reason", error.code())
        .arg("error", error);
    if let DnsError::Timeout | DnsError::Transport(_) = error {
        f.rfc = "RFC 8484 §4";
    }
    f
}

/// The finding for an area that depends on a question that failed: it was
/// not checked, and says which answer it waited for.
pub fn not_checked(name: &str, rtype: RecordType, error: &DnsError) -> Finding {
    let mut f = could_not_check(name, rtype, error);
    f.code = NOT_CHECKED;
    f
}

/// `NXDOMAIN` or `NODATA`, for the `answer` argument of "missing" findings.
pub(crate) fn void_word(e: &DnsError) -> &'static str {
    match e {
        DnsError::NxDomain => "NXDOMAIN",
        _ => "NODATA",
    }
}

/// The `curl` command that fetches a domain's MTA-STS policy (RFC 8461 §3.3).
pub fn mta_sts_curl_command(domain: &Name) -> String {
    format!(
        "curl -sS https://mta-sts.{}/.well-known/mta-sts.txt",
        domain.as_str()
    )
}

/// Every code the checker itself emits (the linters' codes come on top).
pub const CODES: &[&str] = &[
    COULD_NOT_CHECK,
    NOT_CHECKED,
    NOT_CHECKED_NO_HOST,
    code::check::DOMAIN_MISSING,
    code::mx::NONE,
    code::mx::NULL,
    code::mx::NO_ADDRESS,
    code::ptr::MISSING,
    code::ptr::MISMATCH,
    code::ptr::CONFIRMED,
    code::ptr::NOT_MX_NAME,
    code::spf::OWN_IP_FAILS,
    code::spf::OWN_IP_NOT_PASS,
    code::spf::OWN_IP_PASSES,
    code::spf::LOOKUPS_RESOLVED,
    policies::FLATTEN_CAVEAT,
    code::dkim::MISSING,
    code::dkim::SELECTOR_GUESSED,
    code::dkim::NO_SELECTOR_FOUND,
    code::dkim::MULTIPLE_RECORDS,
    code::dkim::FOUND,
    code::dmarc::MISSING,
    code::dmarc::MULTIPLE_RECORDS,
    code::dmarc::INHERITED,
    code::dmarc::EXTERNAL_UNAUTHORIZED,
    code::dmarc::EXTERNAL_AUTHORIZED,
    code::mta_sts::MISSING,
    code::mta_sts::MULTIPLE_RECORDS,
    code::mta_sts::HOST_MISSING,
    code::mta_sts::FETCH_POLICY,
    code::mta_sts::FETCH_NOT_ALLOWED,
    code::mta_sts::FETCH_CORS_BLOCKED,
    code::mta_sts::FETCH_FAILED,
    code::mta_sts::FETCHED,
    code::mta_sts::POLICY_REDIRECT,
    code::mta_sts::POLICY_HTTP_STATUS,
    code::mta_sts::POLICY_CONTENT_TYPE,
    code::mta_sts::POLICY_WITHOUT_RECORD,
    code::mta_sts::ID_UNCHANGED,
    code::tls_rpt::MISSING,
    code::tls_rpt::MULTIPLE_RECORDS,
    code::caa::NONE,
    code::caa::PRESENT,
    code::caa::INHERITED,
    code::tlsa::NONE,
    code::tlsa::PRESENT,
    code::tlsa::WITHOUT_DNSSEC,
    code::dnssec::UNSIGNED,
    code::dnssec::VALIDATED,
    code::plan::OK,
    code::plan::MISSING,
    code::plan::DIFFERENT,
    code::plan::SPF_EQUIVALENT,
    code::plan::SHADOWED,
    code::plan::EXTRA,
];

/// The catalogue codes of areas and statuses, for the export.
pub const LABEL_CODES: &[&str] = &[
    code::check::AREA_MX,
    code::check::AREA_ADDRESSES,
    code::check::AREA_PTR,
    code::check::AREA_SPF,
    code::check::AREA_DKIM,
    code::check::AREA_DMARC,
    code::check::AREA_MTA_STS,
    code::check::AREA_TLS_RPT,
    code::check::AREA_CAA,
    code::check::AREA_TLSA,
    code::check::AREA_DNSSEC,
    code::check::AREA_BLOCKLISTS,
    code::check::AREA_PLAN,
    code::check::STATUS_OK,
    code::check::STATUS_WARNINGS,
    code::check::STATUS_ERRORS,
    code::check::STATUS_COULD_NOT_CHECK,
    NO_MAIL_HOST_REASON,
    code::check::REPORT_TITLE,
    code::check::REPORT_SUMMARY,
    code::check::REPORT_COUNTS,
    code::check::REPORT_ANSWERS,
    code::check::REPORT_FIX,
];

#[cfg(test)]
mod fuzz;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_in_the_catalogue() {
        for code in CODES.iter().chain(LABEL_CODES).chain(MISSING_CODES) {
            assert!(
                crate::i18n::lookup(code).is_some(),
                "{code} missing from catalogue"
            );
        }
        for area in Area::ALL {
            assert!(LABEL_CODES.contains(&area.title_code()));
        }
        for s in [
            AreaStatus::Ok,
            AreaStatus::Warnings,
            AreaStatus::Errors,
            AreaStatus::CouldNotCheck(code::dns::TIMEOUT.into()),
        ] {
            assert!(LABEL_CODES.contains(&s.code()));
        }
    }

    #[test]
    fn status_ranks_errors_then_failures_then_warnings() {
        let fail = could_not_check("example.com", RecordType::Mx, &DnsError::Timeout);
        let warn = Finding::warning(code::mx::DUPLICATE_TARGET, "example.com", "RFC 5321 §5.1");
        let err = Finding::error(code::mx::NONE, "example.com", "RFC 5321 §5.1");
        let info = Finding::info(code::mx::NULL, "example.com", "RFC 7505 §3");
        assert_eq!(AreaStatus::of(&[]), AreaStatus::Ok);
        assert_eq!(AreaStatus::of(std::slice::from_ref(&info)), AreaStatus::Ok);
        assert_eq!(AreaStatus::of(&[info, warn.clone()]), AreaStatus::Warnings);
        assert_eq!(
            AreaStatus::of(&[warn.clone(), fail.clone()]),
            AreaStatus::CouldNotCheck(code::dns::TIMEOUT.into())
        );
        assert_eq!(AreaStatus::of(&[fail, err, warn]), AreaStatus::Errors);
    }

    #[test]
    fn raw_answers_print_like_dig() {
        let ok = RawAnswer {
            name: "example.com".into(),
            rtype: RecordType::Mx,
            result: Ok(vec![
                Rdata::parse(RecordType::Mx, "10 mail.example.com.").expect("mx")
            ]),
            depth: 1,
        };
        assert_eq!(ok.lines(), vec!["example.com. IN MX 10 mail.example.com."]);
        let err = RawAnswer {
            result: Err(DnsError::Timeout),
            ..ok
        };
        assert_eq!(err.lines(), vec!["; example.com. MX: timeout"]);
        let json = serde_json::to_value(&err).expect("json");
        assert_eq!(json["error"]["code"], code::dns::TIMEOUT);
        assert_eq!(json["type"], "MX");
    }
}
