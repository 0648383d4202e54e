//! The generator: a [`ValidatedPlan`] to the complete record set of a
//! self-hosted mail domain, each record with its purpose and a catalogue
//! key that says what it does and why.
//!
//! One file per record family; each follows its RFC:
//! - [`mx`]: MX and null MX (RFC 5321 §5.1, RFC 7505);
//! - [`address`]: A/AAAA of the mail hosts and of `mta-sts.<domain>`;
//! - [`spf`]: the SPF TXT record (RFC 7208);
//! - [`dkim`]: the DKIM key records (RFC 6376 §3.6.1, RFC 8463) and the
//!   OpenDKIM / rspamd install snippets;
//! - [`dmarc`]: the DMARC record and the external report authorizations
//!   (RFC 9989, RFC 9990 §3);
//! - [`mta_sts`]: `_mta-sts` TXT, the policy file and its id (RFC 8461);
//! - [`tls_rpt`]: `_smtp._tls` TXT (RFC 8460);
//! - [`srv`]: client autoconfiguration (RFC 6186, RFC 8314);
//! - [`caa`]: CAA (RFC 8659); [`tlsa`]: DANE TLSA 3 1 1 (RFC 7672);
//! - [`ptr`]: the reverse DNS requests to send to the address provider.
//!
//! Every generated record re-parses with the project's own parsers and has
//! no error finding ([`check_record`]); `generate` collects the warnings
//! and remarks of those checks in [`RecordSet::findings`].
//!
//! [`validate_and_generate`] is the whole way from the form to the records:
//! the plan's fields are validated ([`crate::plan::validate`]), the records
//! built, then measured ([`size`]): a plan is only accepted when every
//! record it makes fits in a DNS answer.

pub mod address;
pub mod caa;
pub mod dkim;
pub mod dmarc;
pub mod mta_sts;
pub mod mx;
pub mod ptr;
pub mod size;
pub mod spf;
pub mod srv;
pub mod tls_rpt;
pub mod tlsa;
pub mod verify;

pub use dkim::{opendkim_key_path, opendkim_snippet, pem, rspamd_key_path, rspamd_snippet};
pub use mta_sts::{policy_id, MtaStsPolicyFile};
pub use ptr::PtrRequest;
pub use verify::check_record;

use crate::finding::Finding;
use crate::i18n::code;
use crate::model::name::Name;
use crate::model::record::{Rdata, Record};
use crate::plan::{MailPlan, PlanErrors, ValidatedPlan};
use serde::Serialize;

/// What a record is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordPurpose {
    Mx,
    HostAddress,
    Spf,
    Dkim,
    Dmarc,
    DmarcReportAuth,
    MtaSts,
    MtaStsHost,
    TlsRpt,
    NullMx,
    Srv,
    Caa,
    Tlsa,
}

impl RecordPurpose {
    /// The TTL override kind (see [`crate::plan::TTL_KINDS`]).
    pub fn ttl_kind(self) -> &'static str {
        match self {
            RecordPurpose::Mx | RecordPurpose::NullMx => "mx",
            RecordPurpose::HostAddress | RecordPurpose::MtaStsHost => "address",
            RecordPurpose::Spf => "spf",
            RecordPurpose::Dkim => "dkim",
            RecordPurpose::Dmarc | RecordPurpose::DmarcReportAuth => "dmarc",
            RecordPurpose::MtaSts => "mta_sts",
            RecordPurpose::TlsRpt => "tls_rpt",
            RecordPurpose::Srv => "srv",
            RecordPurpose::Caa => "caa",
            RecordPurpose::Tlsa => "tlsa",
        }
    }
}

/// One record to publish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedRecord {
    pub record: Record,
    pub purpose: RecordPurpose,
    /// Catalogue key of a short text saying what the record does and why.
    pub explain_code: &'static str,
    /// `Some(domain)` when the record is not published in the plan's zone
    /// but in the DNS of `domain`: a DMARC report authorization goes into
    /// the report destination's zone; an address or TLSA record of a mail
    /// host named outside the domain goes wherever that host's name lives.
    /// Zone-file exports leave these out of the zone and list them apart.
    pub other_zone: Option<Name>,
}

/// Everything the generator produces for a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordSet {
    /// The plan's domain (the zone origin).
    pub domain: Name,
    /// The plan's default TTL (the zone file's `$TTL`).
    pub default_ttl: u32,
    /// Records in a stable order: MX, addresses, SPF, DKIM, DMARC, MTA-STS,
    /// TLS-RPT, SRV, CAA, TLSA, then records for other zones.
    pub records: Vec<PlannedRecord>,
    /// Reverse DNS to request from each address's provider.
    pub ptr_requests: Vec<PtrRequest>,
    /// The MTA-STS policy file and the URL to serve it at.
    pub mta_sts_policy: Option<MtaStsPolicyFile>,
    /// Warnings and remarks: the plan's field warnings, every finding of the
    /// checks on the generated records (never an error), and notes on what
    /// must happen outside the DNS panel. Duplicates removed.
    pub findings: Vec<Finding>,
}

impl RecordSet {
    /// The records that go into the plan's own zone.
    pub fn own_zone(&self) -> impl Iterator<Item = &PlannedRecord> {
        self.records.iter().filter(|r| r.other_zone.is_none())
    }

    /// The records to publish in other zones.
    pub fn other_zones(&self) -> impl Iterator<Item = &PlannedRecord> {
        self.records.iter().filter(|r| r.other_zone.is_some())
    }
}

/// Builds records of one family, TTL taken from the plan by purpose.
pub(crate) struct Builder<'a> {
    plan: &'a ValidatedPlan,
    records: Vec<PlannedRecord>,
}

impl<'a> Builder<'a> {
    pub(crate) fn push(
        &mut self,
        name: Name,
        rdata: Rdata,
        purpose: RecordPurpose,
        explain_code: &'static str,
    ) {
        let domain = &self.plan.domain;
        let other_zone = if name.is_subdomain_of(domain) {
            None
        } else {
            zone_guess(&name)
        };
        self.push_to(name, rdata, purpose, explain_code, other_zone);
    }

    pub(crate) fn push_to(
        &mut self,
        name: Name,
        rdata: Rdata,
        purpose: RecordPurpose,
        explain_code: &'static str,
        other_zone: Option<Name>,
    ) {
        let ttl = self.plan.ttl.of(purpose.ttl_kind());
        let record = Record::new(name, ttl, rdata);
        if self.records.iter().any(|r| r.record == record) {
            return;
        }
        self.records.push(PlannedRecord {
            record,
            purpose,
            explain_code,
            other_zone,
        });
    }
}

/// The domain whose DNS holds a name outside the plan's zone, as far as it
/// can be told without DNS: the host's parent, after the service labels
/// (`_25._tcp.smtp.example.net` → `example.net`).
fn zone_guess(name: &Name) -> Option<Name> {
    let mut host = name.clone();
    while host.labels().next().is_some_and(|l| l.starts_with('_')) {
        host = host.parent()?;
    }
    host.parent().filter(|p| !p.is_root())
}

/// Generates the record set. Pure: the same plan always gives the same set.
pub fn generate(plan: &ValidatedPlan) -> RecordSet {
    let mut b = Builder {
        plan,
        records: Vec::new(),
    };
    let mut findings: Vec<Finding> = plan.field_findings.iter().map(|(_, f)| f.clone()).collect();
    let mut mta_sts_policy = None;
    if plan.null_mx {
        mx::null(&mut b);
        spf::null(&mut b);
        dmarc::records(&mut b, &mut findings);
    } else {
        mx::records(&mut b);
        address::hosts(&mut b);
        spf::record(&mut b);
        dkim::records(&mut b, &mut findings);
        dmarc::records(&mut b, &mut findings);
        mta_sts_policy = mta_sts::records(&mut b, &mut findings);
        tls_rpt::record(&mut b);
        srv::records(&mut b);
        tlsa::records(&mut b, &mut findings);
    }
    caa::records(&mut b);
    // Own zone first, in generation order; then other zones (a partition,
    // not a sort: each sort's instance is a few KB of the page's module).
    let (mut records, other): (Vec<_>, Vec<_>) = b.records.into_iter().partition(|r| r.other_zone.is_none());
    records.extend(other);
    for r in &records {
        findings.extend(check_record(r));
        if let Some(zone) = &r.other_zone {
            let code = if r.purpose == RecordPurpose::DmarcReportAuth {
                code::generate::OTHER_ZONE_REPORT_AUTH
            } else {
                code::generate::OTHER_ZONE
            };
            findings.push(
                Finding::info(code, r.record.name.as_str(), "RFC 1034 §4.2")
                    .arg("zone", zone.as_str())
                    .with_fix(r.record.to_string()),
            );
        }
    }
    // RFC 7505 §3 and RFC 5321 §5.1 rules over the whole MX set.
    let mxs: Vec<crate::model::mx::Mx> = records
        .iter()
        .filter_map(|r| match &r.record.rdata {
            Rdata::Mx(m) => Some(m.clone()),
            _ => None,
        })
        .collect();
    findings.extend(crate::model::mx::lint_mx_set(plan.domain.as_str(), &mxs));
    let ptr_requests = ptr::requests(plan);
    if !ptr_requests.is_empty() {
        findings.push(Finding::info(
            code::generate::PTR_NEEDED,
            plan.domain.as_str(),
            "RFC 1912 §2.1",
        ));
    }
    let mut unique: Vec<Finding> = Vec::new();
    for f in findings {
        if !unique.contains(&f) {
            unique.push(f);
        }
    }
    RecordSet {
        domain: plan.domain.clone(),
        default_ttl: plan.ttl.default,
        records,
        ptr_requests,
        mta_sts_policy,
        findings: unique,
    }
}

/// Validates the plan, generates its record set, and measures the records:
/// `Err` carries every finding by field (the field warnings, and
/// `plan.record_too_large` on the entry that makes a record too big,
/// RFC 1035 §4.2.2); `Ok` the validated plan (warnings in
/// [`ValidatedPlan::field_findings`]) and its records, generated once.
pub fn validate_and_generate(plan: &MailPlan) -> Result<(ValidatedPlan, RecordSet), PlanErrors> {
    let valid = crate::plan::validate(plan)?;
    let set = generate(&valid);
    // The set carries the field warnings too (RecordSet::findings); the
    // size check only ever adds errors.
    let mut findings = valid.field_findings.clone();
    size::record_sizes(plan, &set, &mut findings);
    if findings.has_errors() {
        Err(findings)
    } else {
        Ok((valid, set))
    }
}

/// Every finding on the plan's fields, whether or not it validates, records
/// too large included: what the form shows under its inputs.
pub fn plan_findings(plan: &MailPlan) -> PlanErrors {
    match validate_and_generate(plan) {
        Ok((v, _)) => v.field_findings,
        Err(e) => e,
    }
}

/// Codes `generate` emits itself (record checks add the model's and parsers' codes).
pub const CODES: &[&str] = &[
    code::generate::OTHER_ZONE,
    code::generate::OTHER_ZONE_REPORT_AUTH,
    code::generate::PTR_NEEDED,
    code::generate::PTR_REQUEST,
    code::generate::NO_DKIM,
    code::generate::MTA_STS_SERVE_POLICY,
    code::generate::TLSA_NEEDS_DNSSEC,
    code::generate::RECORD_ERROR,
];

/// Explanation keys of generated records.
pub const EXPLAIN_CODES: &[&str] = &[
    code::explain::MX,
    code::explain::MX_BACKUP,
    code::explain::NULL_MX,
    code::explain::A,
    code::explain::AAAA,
    code::explain::SPF,
    code::explain::SPF_NULL,
    code::explain::DKIM,
    code::explain::DKIM_ED25519,
    code::explain::DMARC,
    code::explain::DMARC_NULL,
    code::explain::DMARC_REPORT_AUTH,
    code::explain::MTA_STS,
    code::explain::MTA_STS_HOST,
    code::explain::TLS_RPT,
    code::explain::SRV,
    code::explain::SRV_NOT_OFFERED,
    code::explain::CAA_ISSUE,
    code::explain::CAA_IODEF,
    code::explain::TLSA,
];

#[cfg(test)]
mod tests;
