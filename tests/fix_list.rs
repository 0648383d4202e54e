//! The fix list, applied: for each scenario zone of `tests/zones/` whose
//! fault is in its own records, a plan of the correct records (the reference
//! domain `good-mail.net`'s, renamed to the scenario domain and its host
//! number, as `tests/zones/README.md` builds every scenario), verified
//! against the zones; then for every panel, the edits of its fix list are
//! read back from the panel's fields (the BIND line for a zone file) and
//! made in a copy of the zones, and a second verification must find nothing
//! missing, different, extra or shadowed. An edit the panel cannot hold
//! (TLSA at Aliyun DNS) must be blocked with its reason and be the only
//! thing left; the TTL of the answer the change replaces must come through.
//!
//! Prints `fix list: N passed, M failed` (one case per scenario and panel,
//! plus the TLSA and TTL cases); exits non-zero on any failure.

mod common;

use common::load_zones_with_records;
use futures::executor::block_on;
use maildns::check::{verify_plan_from, KnownAnswers, Report};
use maildns::dns::memory::MemoryZone;
use maildns::dns::normalize_name;
use maildns::export::Panel;
use maildns::fixlist::{fix_list, Action, Edit, FixList};
use maildns::generate::{PlannedRecord, RecordPurpose, RecordSet};
use maildns::i18n::code;
use maildns::model::record::{Rdata, Record, RecordType};
use maildns::model::{Name, Txt};

/// The scenarios whose fault is in the domain's own records, with their
/// host numbers (README, "Scenarios").
const SCENARIOS: [(&str, u8); 13] = [
    ("spf-lookups.net", 11),
    ("spf-double.net", 12),
    ("spf-wrong-ip.net", 13),
    ("dmarc-missing.net", 14),
    ("dmarc-bad-value.net", 15),
    ("dmarc-ext-rua.net", 16),
    ("dkim-truncated.net", 18),
    ("dkim-1024.net", 19),
    ("dkim-testing.net", 20),
    ("mx-cname.net", 21),
    ("mx-ip-literal.net", 22),
    ("mta-sts-bad-id.net", 26),
    ("tls-rpt-bad.net", 27),
];

const LEFT: [&str; 4] = [
    code::plan::MISSING,
    code::plan::DIFFERENT,
    code::plan::EXTRA,
    code::plan::SHADOWED,
];

/// The reference domain's records, renamed to `domain` and host `n`.
fn plan_for(reference: &[Record], domain: &str, n: u8) -> RecordSet {
    let text: String = reference
        .iter()
        .map(|r| {
            let line = r
                .to_string()
                .replace("good-mail.net", domain)
                .replace("185.47.112.10", &format!("185.47.112.{n}"));
            // The IPv6 host part is the line's last word.
            match line.strip_suffix(" 2a0e:97c0:38f::a") {
                Some(head) => format!("{head} 2a0e:97c0:38f::{n:x}\n"),
                None => format!("{line}\n"),
            }
        })
        .collect();
    let mut z = MemoryZone::new();
    z.add_master_file(&text).expect("renamed reference");
    record_set(domain, z.records())
}

fn record_set(domain: &str, records: Vec<Record>) -> RecordSet {
    use code::explain as e;
    let records = records
        .into_iter()
        .map(|record| {
            let text = record.rdata.txt_joined().unwrap_or_default();
            let (purpose, explain_code) = match record.rtype() {
                RecordType::Mx => (RecordPurpose::Mx, e::MX),
                RecordType::A | RecordType::Aaaa if record.name.as_str().starts_with("mta-sts.") => {
                    (RecordPurpose::MtaStsHost, e::MTA_STS_HOST)
                }
                RecordType::A => (RecordPurpose::HostAddress, e::A),
                RecordType::Aaaa => (RecordPurpose::HostAddress, e::AAAA),
                RecordType::Caa => (RecordPurpose::Caa, e::CAA_ISSUE),
                RecordType::Tlsa => (RecordPurpose::Tlsa, e::TLSA),
                _ if text.starts_with("v=spf1") => (RecordPurpose::Spf, e::SPF),
                _ if text.starts_with("v=DMARC1") => (RecordPurpose::Dmarc, e::DMARC),
                _ if text.starts_with("v=STSv1") => (RecordPurpose::MtaSts, e::MTA_STS),
                _ if text.starts_with("v=TLSRPTv1") => (RecordPurpose::TlsRpt, e::TLS_RPT),
                _ => (RecordPurpose::Dkim, e::DKIM),
            };
            PlannedRecord {
                record,
                purpose,
                explain_code,
                other_zone: None,
            }
        })
        .collect();
    RecordSet {
        domain: Name::dns(domain).expect("domain"),
        default_ttl: 3600,
        records,
        ptr_requests: Vec::new(),
        mta_sts_policy: None,
        findings: Vec::new(),
    }
}

fn verify(zone: &MemoryZone, set: &RecordSet) -> (Report, KnownAnswers) {
    let expected: Vec<Record> = set.records.iter().map(|r| r.record.clone()).collect();
    block_on(verify_plan_from(zone, &expected, KnownAnswers::default()))
}

fn field<'e>(e: &'e Edit, labels: &[&str]) -> Option<&'e str> {
    e.fields
        .iter()
        .find(|(l, _)| labels.contains(l))
        .map(|(_, v)| v.as_str())
}

/// A value as the panel's value field holds it, read back as record data.
fn read_value(panel: Panel, rtype: RecordType, value: &str, priority: Option<&str>) -> Result<Rdata, String> {
    let zone_form = matches!(panel, Panel::Route53 | Panel::Huawei);
    let parsed = match rtype {
        _ if zone_form => Rdata::parse_lenient(rtype, value),
        RecordType::Txt => return Ok(Rdata::Txt(Txt::from_value(value))),
        RecordType::Mx => Rdata::parse_lenient(rtype, &format!("{} {value}.", priority.unwrap_or("?"))),
        RecordType::Cname => Rdata::parse_lenient(rtype, &format!("{value}.")),
        _ => Rdata::parse_lenient(rtype, value),
    };
    parsed.map_err(|e| format!("{rtype} {value:?}: {e}"))
}

/// The owner and data an edit's fields name, and for a Change the data
/// it replaces.
fn read_edit(panel: Panel, domain: &str, e: &Edit) -> Result<(String, Rdata, Option<Rdata>), String> {
    use code::fix as c;
    if panel == Panel::Generic {
        let one = |line: &str| -> Result<Record, String> {
            let mut z = MemoryZone::new();
            z.add_master_file(line).map_err(|err| format!("{line}: {err}"))?;
            z.records().pop().ok_or_else(|| format!("{line}: no record"))
        };
        let line = field(e, &[c::FIELD_ZONE_LINE]).ok_or("no zone line")?;
        let r = one(line)?;
        let old = e.replaces.as_deref().map(one).transpose()?.map(|o| o.rdata);
        return Ok((r.name.as_str().to_string(), r.rdata, old));
    }
    let host = field(e, &[c::FIELD_HOST, c::FIELD_CF_NAME, c::FIELD_R53_NAME]).ok_or("no host")?;
    let rtype = field(e, &[c::FIELD_TYPE, c::FIELD_CF_TYPE, c::FIELD_R53_TYPE]).ok_or("no type")?;
    let value = field(e, &[c::FIELD_VALUE, c::FIELD_CF_CONTENT, c::FIELD_R53_VALUE]).ok_or("no value")?;
    let priority = field(e, &[c::FIELD_MX_PRIORITY, c::FIELD_CF_PRIORITY]);
    let rtype = RecordType::parse(rtype).map_err(|err| err.to_string())?;
    let owner = match (panel, host) {
        (Panel::Route53, h) => normalize_name(h),
        (_, "@") => domain.to_string(),
        (_, h) => format!("{h}.{domain}"),
    };
    let rdata = read_value(panel, rtype, value, priority)?;
    let old = e
        .replaces
        .as_deref()
        .map(|v| read_value(panel, rtype, v, priority))
        .transpose()?;
    Ok((owner, rdata, old))
}

/// Makes the list's edits (not the blocked ones) in `zone`.
fn apply(zone: &mut MemoryZone, panel: Panel, domain: &str, list: &FixList) -> Result<(), String> {
    for e in list.edits.iter().filter(|e| e.blocked.is_none()) {
        let (owner, rdata, old) = read_edit(panel, domain, e)?;
        let ttl = field(e, &[code::fix::FIELD_TTL]).and_then(|t| t.parse().ok());
        let add = |zone: &mut MemoryZone| -> Result<(), String> {
            let name = Name::dns(&owner).map_err(|err| format!("{owner}: {err:?}"))?;
            zone.add_record(&Record::new(name, ttl.unwrap_or(3600), rdata.clone()));
            Ok(())
        };
        match e.action {
            Action::Add => add(zone)?,
            Action::Delete => {
                if zone.remove(&owner, &rdata) == 0 {
                    return Err(format!("edit {}: nothing to delete at {owner}: {rdata}", e.n));
                }
            }
            Action::Change => {
                let old = old.ok_or(format!("edit {}: a change without the old value", e.n))?;
                if zone.remove(&owner, &old) == 0 {
                    return Err(format!("edit {}: nothing to change at {owner}: {old}", e.n));
                }
                add(zone)?;
            }
        }
    }
    Ok(())
}

/// What the verification still finds wrong, as `code subject`.
fn left(report: &Report) -> Vec<String> {
    report
        .findings()
        .filter(|f| LEFT.contains(&f.code))
        .map(|f| format!("{} {}", f.code, f.subject))
        .collect()
}

/// One scenario in one panel: fix, apply, verify again.
fn fixes(reference: &[Record], domain: &str, n: u8, panel: Panel) -> Result<(), String> {
    let set = plan_for(reference, domain, n);
    let (mut zone, _) = load_zones_with_records();
    let (report, known) = verify(&zone, &set);
    if left(&report).is_empty() {
        return Err("the scenario shows no difference to fix".into());
    }
    let list = fix_list(&set, &report, &known, panel);
    if list.is_empty() {
        return Err(format!("no edits for {:?}", left(&report)));
    }
    if let Some(e) = list.edits.iter().find(|e| e.blocked.is_some()) {
        return Err(format!("edit {} blocked: {:?}", e.n, e.blocked));
    }
    let numbers: Vec<usize> = list.edits.iter().map(|e| e.n).collect();
    if numbers != (1..=list.edits.len()).collect::<Vec<_>>() {
        return Err(format!("numbers {numbers:?}"));
    }
    // Nothing is deleted before the last add or change.
    let first_delete = list.edits.iter().position(|e| e.action == Action::Delete);
    let last_add = list.edits.iter().rposition(|e| e.action != Action::Delete);
    if let (Some(d), Some(a)) = (first_delete, last_add) {
        if d < a {
            return Err(format!("a delete (edit {}) before an add", d + 1));
        }
    }
    // Every answer of these zones has TTL 3600: it comes through.
    for e in list.edits.iter().filter(|e| e.action != Action::Add) {
        if e.old_ttl != Some(3600) || e.visible_after_s != Some(3600) {
            return Err(format!("edit {}: old TTL {:?}", e.n, e.old_ttl));
        }
    }
    apply(&mut zone, panel, domain, &list)?;
    let (after, _) = verify(&zone, &set);
    match left(&after) {
        l if l.is_empty() => Ok(()),
        l => Err(format!("left after the edits {list:#?}: {l:?}")),
    }
}

/// The reference domain without its TLSA record: Aliyun cannot take it,
/// and says so; Route 53 can, and the list fixes the zone.
fn tlsa(reference: &[Record], panel: Panel) -> Result<(), String> {
    let set = record_set("good-mail.net", reference.to_vec());
    let (mut zone, _) = load_zones_with_records();
    let tlsa = reference
        .iter()
        .find(|r| r.rtype() == RecordType::Tlsa)
        .ok_or("no TLSA in the reference")?;
    zone.remove(tlsa.name.as_str(), &tlsa.rdata);
    let (report, known) = verify(&zone, &set);
    let list = fix_list(&set, &report, &known, panel);
    let [edit] = list.edits.as_slice() else {
        return Err(format!("one edit expected: {list:#?}"));
    };
    match (panel, &edit.blocked) {
        (Panel::Aliyun, Some(f)) if f.code == code::panel::TYPE_NOT_OFFERED && edit.action == Action::Add => {
            Ok(())
        }
        (Panel::Aliyun, other) => Err(format!("not blocked as expected: {other:?}")),
        (_, Some(f)) => Err(format!("blocked: {f:?}")),
        (_, None) => {
            apply(&mut zone, panel, "good-mail.net", &list)?;
            let (after, _) = verify(&zone, &set);
            match left(&after) {
                l if l.is_empty() => Ok(()),
                l => Err(format!("left: {l:?}")),
            }
        }
    }
}

/// An old answer's TTL of 600 comes through to the Change.
fn old_ttl(reference: &[Record]) -> Result<(), String> {
    let set = plan_for(reference, "spf-wrong-ip.net", 13);
    let (mut zone, _) = load_zones_with_records();
    zone.set_ttl("spf-wrong-ip.net", RecordType::Txt, 600);
    let (report, known) = verify(&zone, &set);
    let list = fix_list(&set, &report, &known, Panel::DnsPod);
    let change = list
        .edits
        .iter()
        .find(|e| e.action == Action::Change && e.dig == "dig +short TXT spf-wrong-ip.net")
        .ok_or_else(|| format!("no SPF change: {list:#?}"))?;
    match (change.old_ttl, change.visible_after_s) {
        (Some(600), Some(600)) => Ok(()),
        other => Err(format!("TTL {other:?}")),
    }
}

fn main() {
    let (_, zones) = load_zones_with_records();
    let reference: Vec<Record> = zones
        .iter()
        .find(|(origin, _)| origin == "good-mail.net")
        .map(|(_, records)| records.clone())
        .expect("good-mail.net zone");
    let mut cases: Vec<(String, Result<(), String>)> = Vec::new();
    for (domain, n) in SCENARIOS {
        for panel in Panel::ALL {
            cases.push((format!("{domain} {panel:?}"), fixes(&reference, domain, n, panel)));
        }
    }
    for panel in [Panel::Aliyun, Panel::Route53, Panel::Generic] {
        cases.push((format!("TLSA {panel:?}"), tlsa(&reference, panel)));
    }
    cases.push(("old TTL".into(), old_ttl(&reference)));
    let failed: Vec<&(String, Result<(), String>)> = cases.iter().filter(|(_, r)| r.is_err()).collect();
    for (name, r) in &failed {
        if let Err(e) = r {
            eprintln!("FAIL {name}: {e}");
        }
    }
    println!(
        "fix list: {} passed, {} failed",
        cases.len() - failed.len(),
        failed.len()
    );
    if !failed.is_empty() {
        std::process::exit(1);
    }
}
