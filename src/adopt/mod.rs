//! "Use as my plan": an editable [`MailPlan`] built from what the resolver
//! returned for a domain, and one finding per thing the plan could not take.
//!
//! [`from_records`] reads the answers ([`Found`]: an audit's known answers,
//! or a zone's records) and fills the plan the way a user would: the MX set
//! ([`hosts`]), the SPF record ([`spf`]), the DKIM keys ([`dkim`]), DMARC,
//! MTA-STS and TLS-RPT ([`policies`]), CAA, TLSA and the client SRV set
//! ([`extras`]). Nothing is dropped silently: whatever the plan cannot hold
//! becomes an `adopt.*` finding saying what, why and what to do, and a
//! question that failed (SERVFAIL, timeout) is `adopt.unknown`: its part of
//! the plan stays at the default and is marked unknown, never taken as
//! absent.
//!
//! Pure: no I/O, no clock, no randomness; input is never trusted.

mod dkim;
mod extras;
mod found;
mod hosts;
mod policies;
mod spf;

pub use found::{Found, Lookup, Question};

use crate::dns::{Rdata, RecordType};
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::Name;
#[cfg(test)]
use crate::plan::DmarcPolicy;
use crate::plan::MailPlan;

/// A plan taken from published records, and what it could not take, as a
/// worker sends it to the page.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AdoptedPlan {
    /// The plan in its stored form (`plan::stored::encode`): the page reads
    /// it with the reader it already has for saved plans, instead of
    /// carrying a second one for this message.
    pub plan: String,
    /// One `adopt.*` / `import.*` finding per thing not taken.
    pub notes: Vec<Finding>,
    /// The texts of those notes: they are not in the first view's catalogue.
    pub texts: Vec<crate::i18n::CarriedText>,
    /// Where the records came from: the audited domain, or the format read
    /// with the count of mail records taken and of other records left alone.
    pub source: AdoptSource,
}

impl AdoptedPlan {
    pub fn new(adopted: Adopted, source: AdoptSource) -> AdoptedPlan {
        AdoptedPlan {
            plan: crate::plan::stored::encode(&adopted.plan),
            texts: crate::i18n::carried(
                crate::i18n::catalogue::ADOPTED,
                adopted.notes.iter().map(|f| f.code),
            ),
            notes: adopted.notes,
            source,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AdoptSource {
    Live {
        domain: String,
    },
    Export {
        format: String,
        taken: usize,
        left_alone: usize,
    },
}

/// A zone file or panel export read (`crate::import::read_export`) and
/// adopted: the plan, its notes (the reader's remarks first), the format's
/// name, the count of mail records taken and of records left alone. A
/// refused export is one `import.*` finding naming the line.
pub fn from_export(
    text: &str,
    origin_hint: Option<&Name>,
) -> Result<(Adopted, &'static str, usize, usize), Box<Finding>> {
    let imported = crate::import::read_export(text, origin_hint).map_err(|e| Box::new(e.to_finding()))?;
    let mut adopted = from_records(&imported.origin, &Found::from_records(&imported.records));
    let mut notes = imported.notes;
    notes.append(&mut adopted.notes);
    adopted.notes = notes;
    let format = match imported.format {
        crate::import::ExportKind::Bind => "BIND",
        crate::import::ExportKind::Aliyun => "Aliyun DNS",
        crate::import::ExportKind::Dnspod => "DNSPod",
    };
    let left_alone = imported.other.values().sum();
    Ok((adopted, format, imported.mail_relevant, left_alone))
}

/// The plan adopted from the published records, and what it could not take.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adopted {
    pub plan: MailPlan,
    /// One `adopt.*` finding per thing not taken (or taken with a change).
    pub notes: Vec<Finding>,
}

/// Builds the plan of `domain` from the answers `found`.
pub fn from_records(domain: &Name, found: &Found) -> Adopted {
    let mut a = Adopter {
        domain,
        found,
        plan: MailPlan {
            domain: domain.as_str().to_string(),
            ..MailPlan::default()
        },
        notes: Vec::new(),
    };
    hosts::mail_hosts(&mut a);
    if !a.plan.null_mx {
        spf::spf(&mut a);
        dkim::dkim(&mut a);
        policies::mta_sts(&mut a);
        policies::tls_rpt(&mut a);
        extras::tlsa(&mut a);
        extras::autoconfig(&mut a);
    }
    policies::dmarc(&mut a);
    if a.plan.null_mx {
        hosts::lockdown(&mut a);
    }
    extras::caa(&mut a);
    ttl(&mut a);
    Adopted {
        plan: a.plan,
        notes: a.notes,
    }
}

/// The zone's TTL: the one most of its mail records have becomes the
/// plan's default, and a zone whose records differ says which it did not
/// take. A resolver's TTLs count down in its cache (RFC 1035 §3.2.1: the
/// time the record may still be cached), so an audit takes none and says
/// so.
fn ttl(a: &mut Adopter<'_>) {
    let domain = a.domain.as_str().to_string();
    if a.found.ttls.is_empty() {
        a.note(Finding::info(code::adopt::TTL_LIVE, &domain, "RFC 1035 §3.2.1"));
        return;
    }
    let mut counts: std::collections::BTreeMap<u32, usize> = std::collections::BTreeMap::new();
    for t in &a.found.ttls {
        *counts.entry(*t).or_default() += 1;
    }
    // The most common; among equals the longest, the safer default.
    let Some((&common, _)) = counts.iter().max_by_key(|(t, n)| (**n, **t)) else {
        return;
    };
    a.plan.ttl.default = common.to_string();
    if counts.len() > 1 {
        let others: Vec<String> = counts
            .keys()
            .filter(|t| **t != common)
            .map(u32::to_string)
            .collect();
        a.note(
            Finding::info(code::adopt::TTL_VARIED, &domain, "RFC 2181 §8")
                .arg("ttl", common)
                .arg("others", others.join(", ")),
        );
    }
}

/// What a question gave, once its failure (if any) has been noted.
enum Answered<'a> {
    Records(&'a [Rdata]),
    Absent,
    /// Failed (noted as `adopt.unknown`) or not asked (left to the caller).
    Unknown,
    NotAsked,
}

struct Adopter<'a> {
    domain: &'a Name,
    found: &'a Found,
    plan: MailPlan,
    notes: Vec<Finding>,
}

impl<'a> Adopter<'a> {
    /// The answer to `name`/`rtype`; a failure is noted as `adopt.unknown`.
    fn answer(&mut self, name: &str, rtype: RecordType) -> Answered<'a> {
        match self.found.get(name, rtype) {
            Lookup::Records(r) => Answered::Records(r),
            Lookup::Absent => Answered::Absent,
            Lookup::NotAsked => Answered::NotAsked,
            Lookup::Unknown(error) => {
                // RFC 1035 §4.1.1: a failure RCODE says nothing about the data.
                self.note(
                    Finding::warning(code::adopt::UNKNOWN, name, "RFC 1035 §4.1.1")
                        .arg("type", rtype)
                        .arg("error", error),
                );
                Answered::Unknown
            }
        }
    }

    /// The joined TXT values at `name` that `select` accepts (`None`: the
    /// question failed or was not asked; a failure is noted).
    fn txt(&mut self, name: &str, select: impl Fn(&str) -> bool) -> Option<Vec<String>> {
        match self.answer(name, RecordType::Txt) {
            Answered::Records(r) => Some(
                r.iter()
                    .filter_map(Rdata::txt_joined)
                    .filter(|t| select(t.trim_start()))
                    .collect(),
            ),
            Answered::Absent => Some(Vec::new()),
            Answered::Unknown | Answered::NotAsked => None,
        }
    }

    fn note(&mut self, f: Finding) {
        if !self.notes.contains(&f) {
            self.notes.push(f);
        }
    }

    /// `<label>.<domain>` as text.
    fn under(&self, label: &str) -> String {
        format!("{label}.{}", self.domain.as_str())
    }

    /// A host name as the plan's form takes it: `@`, one label relative to
    /// the domain, else the full name (anything with a dot is absolute).
    fn host_text(&self, host: &Name) -> String {
        let rel = host.relative_to(self.domain);
        if rel == "@" || (!rel.contains('.') && host.is_subdomain_of(self.domain)) {
            rel
        } else {
            host.as_str().to_string()
        }
    }
}

#[cfg(test)]
mod tests;
