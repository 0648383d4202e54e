//! "Use as my plan" round trip over the scenario zones (`tests/zones/`):
//! audit each scenario domain over the in-memory zones, adopt the answers
//! as a plan, generate its records and verify them against the same zone.
//! A `plan.missing`/`plan.different`/`plan.extra`/`plan.shadowed` finding
//! must be explained: by the zone's own fault (the table in
//! `tests/zones/README.md`, written out below) or by an `adopt.*` note on
//! the same owner (what the plan cannot hold, reported). A plan that does
//! not validate is allowed only where the fault makes it so, and an adopt
//! note must say why. Then the fault case: the DMARC question failing
//! gives `adopt.unknown` for DMARC, not a plan silently without it.
//!
//! Prints `adopt round trip: N passed, M failed` (`harness = false`).

mod common;

use futures::executor::block_on;
use maildns::adopt::{from_records, Adopted, Found};
use maildns::check::{audit_from, verify_plan_from, KnownAnswers};
use maildns::dns::{DnsError, RecordType};
use maildns::finding::Finding;
use maildns::generate::validate_and_generate;
use maildns::model::{Name, Record};

/// A scenario domain, and the owners (relative to it, `@` for the apex, or
/// a full name in another zone)
/// where its fault makes the adopted plan differ from what is published.
struct Scenario {
    domain: &'static str,
    /// Owners whose plan.* findings the fault explains.
    fault_owners: &'static [&'static str],
    /// The fault makes the adopted plan invalid: the adopt note that says so.
    invalid_because: Option<&'static str>,
}

const fn s(domain: &'static str, fault_owners: &'static [&'static str]) -> Scenario {
    Scenario {
        domain,
        fault_owners,
        invalid_because: None,
    }
}

/// The README's scenario table: each domain's one fault, as owners.
const SCENARIOS: &[Scenario] = &[
    s("good-mail.net", &[]),
    s("spf-lookups.net", &[]),
    s("spf-double.net", &[]),
    // The plan adds the MX host's own addresses, which the record lacks.
    s("spf-wrong-ip.net", &["@"]),
    s("dmarc-missing.net", &[]),
    s("dmarc-bad-value.net", &[]),
    // The destination does not authorize the reports: the plan asks for it.
    s(
        "dmarc-ext-rua.net",
        &["dmarc-ext-rua.net._report._dmarc.dmarc-reports.net"],
    ),
    s("dmarc-ext-rua-ok.net", &[]),
    s("dkim-truncated.net", &[]),
    s("dkim-1024.net", &[]),
    s("dkim-testing.net", &[]),
    // The plan's MX names the canonical host, not the alias.
    s("mx-cname.net", &["@"]),
    // No MX host with a name: the plan has no mail host.
    Scenario {
        domain: "mx-ip-literal.net",
        fault_owners: &[],
        invalid_because: Some("adopt.mx_ip_literal"),
    },
    s("ptr-mismatch.net", &[]),
    s("ptr-missing.net", &[]),
    s("null-mx.net", &[]),
    s("mta-sts-bad-id.net", &[]),
    s("tls-rpt-bad.net", &[]),
    s("dkim-split.net", &[]),
    s("odd-txt.net", &[]),
];

const PLAN_DIFFS: [&str; 4] = ["plan.missing", "plan.different", "plan.extra", "plan.shadowed"];

fn adopt(zone: &maildns::dns::memory::MemoryZone, domain: &str) -> (Adopted, KnownAnswers) {
    let req = common::request(domain, &["s202611"]);
    let (_, known) = block_on(audit_from(zone, &req, KnownAnswers::default()));
    let name = Name::dns(domain).expect("domain");
    (from_records(&name, &Found::from_known(&known)), known)
}

fn show(f: &Finding) -> String {
    format!("{} {} {:?}", f.code, f.subject, f.args)
}

fn main() {
    let (zone, _) = common::load_zones_with_records();
    let (mut passed, mut failed) = (0usize, Vec::<String>::new());
    for sc in SCENARIOS {
        let (adopted, known) = adopt(&zone, sc.domain);
        let domain = Name::dns(sc.domain).expect("domain");
        let notes: Vec<String> = adopted.notes.iter().map(show).collect();
        let explained_by_note = |owner: &str| adopted.notes.iter().any(|n| n.subject == owner);
        let explained_by_fault = |owner: &str| {
            sc.fault_owners.iter().any(|o| {
                let full = if *o == "@" {
                    domain.as_str().to_string()
                } else {
                    format!("{o}.{}", domain.as_str())
                };
                full == owner || *o == owner
            })
        };
        match validate_and_generate(&adopted.plan) {
            Err(errors) => {
                let errs: Vec<String> = errors.iter().map(|(k, f)| format!("{k}: {}", show(f))).collect();
                let ok = sc
                    .invalid_because
                    .is_some_and(|code| adopted.notes.iter().any(|n| n.code == code));
                if ok {
                    passed += 1;
                } else {
                    failed.push(format!("{}: plan invalid {errs:?}; notes {notes:?}", sc.domain));
                }
            }
            Ok((_, set)) => {
                if let Some(code) = sc.invalid_because {
                    failed.push(format!("{}: expected invalid ({code}) but valid", sc.domain));
                    continue;
                }
                let records: Vec<Record> = set.records.iter().map(|r| r.record.clone()).collect();
                let (report, _) = block_on(verify_plan_from(&zone, &records, known));
                let unexplained: Vec<String> = report
                    .findings()
                    .filter(|f| PLAN_DIFFS.contains(&f.code))
                    .filter(|f| !explained_by_fault(&f.subject) && !explained_by_note(&f.subject))
                    .map(show)
                    .collect();
                if unexplained.is_empty() {
                    passed += 1;
                } else {
                    failed.push(format!("{}: {unexplained:?}; notes {notes:?}", sc.domain));
                }
            }
        }
    }

    // The fault case: DMARC's question fails.
    let faulty = common::Faulty::failing(
        &zone,
        &[("_dmarc.good-mail.net", RecordType::Txt)],
        DnsError::ServFail,
    );
    let req = common::request("good-mail.net", &["s202611"]);
    let (_, known) = block_on(audit_from(&faulty, &req, KnownAnswers::default()));
    let name = Name::dns("good-mail.net").expect("domain");
    let adopted = from_records(&name, &Found::from_known(&known));
    let unknown = adopted.notes.iter().any(|n| {
        n.code == "adopt.unknown" && n.subject == "_dmarc.good-mail.net" && n.get_arg("type") == Some("TXT")
    });
    let absent = adopted.notes.iter().any(|n| n.code == "adopt.dmarc_absent");
    if unknown && !absent {
        passed += 1;
    } else {
        failed.push(format!(
            "DMARC SERVFAIL: want adopt.unknown, not dmarc_absent: {:?}",
            adopted.notes.iter().map(show).collect::<Vec<_>>()
        ));
    }

    for f in &failed {
        eprintln!("FAIL {f}");
    }
    println!("adopt round trip: {passed} passed, {} failed", failed.len());
    if !failed.is_empty() {
        std::process::exit(1);
    }
}
