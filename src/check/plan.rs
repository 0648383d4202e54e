//! Plan mode: are the records the generator planned published, and equal?
//!
//! For every planned record: found and equal, missing (NXDOMAIN and NODATA
//! told apart), different (both values given, for a diff), or shadowed: a
//! CNAME at the name hides every other record there (RFC 1034 §3.6.2,
//! RFC 2181 §10.1), and a second record of a kind that must be alone at its
//! name (a second `v=spf1`, RFC 7208 §4.5; a second `v=DMARC1`, RFC 9989
//! §4.10.1; DKIM, MTA-STS and TLS-RPT alike) voids the planned one. Records
//! of a planned name and type that the plan does not have are `plan.extra`.
//! Then the planned domain is audited like any other, over the same cache.

use super::cache::{KnownAnswers, RunCache};
use super::run::{audit_areas, finish_report, LiveFound};
use super::{void_word, Area, AreaBuilder, AreaReport, AuditRequest, Report};
use crate::dns::{Rdata, RecordType, Resolver};
use crate::finding::{Finding, Severity};
use crate::i18n::code;
use crate::model::{Name, Record};
use crate::spf::{is_spf_record, parse_record, Mechanism, Qualifier, SpfRecord};
use futures::future::{join, join_all};
use std::future::Future;

/// Verifies the planned records, then audits the planned domain (the owner
/// of the planned MX records, else the shortest planned name).
pub async fn verify_plan<R: Resolver>(resolver: &R, expected: &[Record]) -> Report {
    verify_plan_from(resolver, expected, KnownAnswers::default())
        .await
        .0
}

/// [`verify_plan`] starting from answers already known (see
/// [`super::audit_from`]); returns every answer too.
pub async fn verify_plan_from<R: Resolver>(
    resolver: &R,
    expected: &[Record],
    known: KnownAnswers,
) -> (Report, KnownAnswers) {
    verify_plan_fetching(resolver, expected, known, super::run::no_live()).await
}

/// [`verify_plan_from`] with the page's fetch of the MTA-STS policy (see
/// [`super::audit_fetching`]).
pub async fn verify_plan_fetching<R: Resolver, F: Future<Output = Option<LiveFound>>>(
    resolver: &R,
    expected: &[Record],
    known: KnownAnswers,
    live: F,
) -> (Report, KnownAnswers) {
    let cache = RunCache::with_known(resolver, known);
    let report = plan_report(&cache, expected, live).await;
    (report, cache.known())
}

async fn plan_report<R: Resolver, F: Future<Output = Option<LiveFound>>>(
    cache: &RunCache<'_, R>,
    expected: &[Record],
    live: F,
) -> Report {
    let Some(domain) = planned_domain(expected) else {
        let plan = plan_area(cache, expected).await;
        return finish_report(cache, Name::root(), vec![plan.finish()]);
    };
    let selectors: Vec<String> = expected
        .iter()
        .filter(|r| r.rtype() == RecordType::Txt)
        .filter_map(|r| {
            let owner = r.name.as_str();
            owner
                .strip_suffix(domain.as_str())
                .and_then(|head| head.strip_suffix("._domainkey."))
                .map(str::to_string)
        })
        .collect();
    let request = AuditRequest {
        domain: domain.clone(),
        dkim_selectors: selectors,
        server_ips: Vec::new(),
        mta_sts_policy_text: None,
        blocklists: false,
    };
    let (mut plan, mut areas) = join(plan_area(cache, expected), audit_areas(cache, &request, live)).await;
    if let Some(spf) = areas.iter().find(|a| a.area == Area::Spf) {
        soften_equivalent_spf(&mut plan, spf);
    }
    areas.push(plan.finish());
    finish_report(cache, domain, areas)
}

/// A published SPF record whose text differs from the planned one but that
/// gives the same verdict for the planned servers is no error: `v=spf1 mx
/// -all` for a plan of `v=spf1 ip4:… ip6:… -all` passes the same addresses
/// (checked by `check_host()` in the SPF area, RFC 7208 §4) and fails the
/// rest the same way. Such a `plan.different` becomes `plan.spf_equivalent`
/// (information, the planned record still offered as the fix).
fn soften_equivalent_spf(plan: &mut AreaBuilder, spf: &AreaReport) {
    let passes = |ip: String| {
        spf.findings
            .iter()
            .any(|f| f.code == code::spf::OWN_IP_PASSES && f.get_arg("ip") == Some(ip.as_str()))
    };
    for f in plan
        .findings
        .iter_mut()
        .filter(|f| f.code == code::plan::DIFFERENT)
    {
        let (Some(expected), Some(found)) = (f.get_arg("expected"), f.get_arg("found")) else {
            continue;
        };
        let (Some(planned), Some(published)) = (spf_of(expected), spf_of(found)) else {
            continue;
        };
        let ips: Vec<String> = planned
            .directives()
            .filter_map(|d| match (&d.qualifier, &d.mechanism) {
                (
                    Qualifier::Pass,
                    Mechanism::Ip4 {
                        addr,
                        prefix: None | Some(32),
                    },
                ) => Some(addr.to_string()),
                (
                    Qualifier::Pass,
                    Mechanism::Ip6 {
                        addr,
                        prefix: None | Some(128),
                    },
                ) => Some(addr.to_string()),
                _ => None,
            })
            .collect();
        let same_default = final_all(&planned).is_some() && final_all(&planned) == final_all(&published);
        if !ips.is_empty() && same_default && ips.into_iter().all(passes) {
            f.code = code::plan::SPF_EQUIVALENT;
            f.severity = Severity::Info;
        }
    }
}

/// The SPF record in a TXT presentation value (`"v=spf1 …"`, maybe split).
fn spf_of(presented: &str) -> Option<SpfRecord> {
    let rdata = Rdata::parse(RecordType::Txt, presented).ok()?;
    let text = rdata.txt_joined()?;
    is_spf_record(&text).then(|| parse_record(&text).ok()).flatten()
}

/// The qualifier of a record's final `all`, what every other sender gets.
fn final_all(record: &SpfRecord) -> Option<Qualifier> {
    record
        .directives()
        .filter(|d| d.mechanism == Mechanism::All)
        .map(|d| d.qualifier)
        .last()
}

fn planned_domain(expected: &[Record]) -> Option<Name> {
    expected
        .iter()
        .find(|r| r.rtype() == RecordType::Mx)
        .or_else(|| expected.iter().min_by_key(|r| r.name.label_count()))
        .map(|r| r.name.clone())
}

/// Semantic equality ([`Rdata::same_data`]): names are already lowercase;
/// TXT compares the joined value, however it is split into strings
/// (RFC 7208 §3.3).
fn same(a: &Rdata, b: &Rdata) -> bool {
    a.same_data(b)
}

/// The kind of a TXT record that must be alone at its name, if it is one.
fn exclusive_kind(owner: &str, r: &Rdata) -> Option<&'static str> {
    let text = r.txt_joined()?;
    let t = text.trim_start();
    let starts = |tag: &str| super::policies::has_version(t, tag);
    if crate::spf::is_spf_record(t) {
        Some("spf")
    } else if starts("v=DMARC1") {
        Some("dmarc")
    } else if starts("v=STSv1") {
        Some("mta-sts")
    } else if starts("v=TLSRPTv1") {
        Some("tls-rpt")
    } else if starts("v=DKIM1") || (owner.contains("._domainkey.") && t.contains("p=")) {
        Some("dkim")
    } else {
        None
    }
}

fn joined(records: &[&Rdata]) -> String {
    records
        .iter()
        .map(|r| r.to_string())
        .collect::<Vec<_>>()
        .join(" | ")
}

async fn plan_area<R: Resolver>(cache: &RunCache<'_, R>, expected: &[Record]) -> AreaBuilder {
    let mut b = AreaBuilder::new(Area::Plan);
    let mut groups: Vec<((String, RecordType), Vec<&Record>)> = Vec::new();
    for r in expected {
        let key = (r.name.as_str().to_string(), r.rtype());
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(r),
            None => groups.push((key, vec![r])),
        }
    }
    let answers = join_all(groups.iter().map(|((name, t), _)| async move {
        let cname = async {
            if *t == RecordType::Cname {
                None
            } else {
                Some(cache.ask(name, RecordType::Cname, 0).await)
            }
        };
        join(cache.ask(name, *t, 0), cname).await
    }))
    .await;
    for (((name, t), planned), (asked, cname)) in groups.iter().zip(answers) {
        // RFC 1034 §3.6.2: a CNAME owner has no other data; the records
        // asked for come from the alias target instead.
        if let Some(c) = &cname {
            if let Some(Ok(records)) = b.records(c) {
                if let Some(Rdata::Cname(target)) = records.first() {
                    for r in planned {
                        b.push(
                            Finding::error(code::plan::SHADOWED, name, "RFC 2181 §10.1")
                                .arg("record", r)
                                .arg("by", format!("CNAME {target}"))
                                .with_fix(r.to_string()),
                        );
                    }
                    b.saw(&asked);
                    continue;
                }
            }
        }
        let found = match b.records(&asked) {
            None => continue,
            Some(Err(e)) => {
                for r in planned {
                    b.push(
                        Finding::error(code::plan::MISSING, name, "RFC 1035 §3.2.1")
                            .arg("record", r)
                            .arg("answer", void_word(&e))
                            .with_fix(r.to_string()),
                    );
                }
                continue;
            }
            Some(Ok(found)) => found,
        };
        if matches!(t, RecordType::Txt | RecordType::Spf) {
            compare_txt(&mut b, name, planned, &found);
        } else {
            compare_set(&mut b, name, *t, planned, &found);
        }
    }
    b
}

fn compare_txt(b: &mut AreaBuilder, name: &str, planned: &[&Record], found: &[Rdata]) {
    for r in planned {
        let kind = exclusive_kind(name, &r.rdata);
        let equal = found.iter().any(|f| same(&r.rdata, f));
        let rivals: Vec<&Rdata> = found
            .iter()
            .filter(|f| !same(&r.rdata, f) && kind.is_some() && exclusive_kind(name, f) == kind)
            .filter(|f| !planned.iter().any(|p| same(&p.rdata, f)))
            .collect();
        let rfc = match kind {
            Some("spf") => "RFC 7208 §4.5",
            Some("dmarc") => "RFC 9989 §4.10.1",
            Some("mta-sts") => "RFC 8461 §3.1",
            Some("tls-rpt") => "RFC 8460 §3",
            Some(_) => "RFC 6376 §3.6.2.2",
            None => "RFC 1035 §3.3.14",
        };
        match (equal, rivals.as_slice()) {
            (true, []) => b.push(Finding::info(code::plan::OK, name, "RFC 1035 §3.3.14").arg("record", r)),
            (true, others) => b.push(
                Finding::error(code::plan::SHADOWED, name, rfc)
                    .arg("record", r)
                    .arg("by", joined(others)),
            ),
            (false, []) => b.push(
                Finding::error(code::plan::MISSING, name, rfc)
                    .arg("record", r)
                    .arg("answer", "NOERROR")
                    .with_fix(r.to_string()),
            ),
            (false, [first, more @ ..]) => {
                b.push(
                    Finding::error(code::plan::DIFFERENT, name, rfc)
                        .arg("record", r)
                        .arg("expected", &r.rdata)
                        .arg("found", first)
                        .with_fix(r.to_string()),
                );
                for extra in more {
                    b.push(
                        Finding::error(code::plan::EXTRA, name, rfc)
                            .arg("found", extra)
                            .arg("type", r.rtype()),
                    );
                }
            }
        }
    }
}

fn compare_set(b: &mut AreaBuilder, name: &str, t: RecordType, planned: &[&Record], found: &[Rdata]) {
    let extras: Vec<&Rdata> = found
        .iter()
        .filter(|f| !planned.iter().any(|p| same(&p.rdata, f)))
        .collect();
    let missing: Vec<&&Record> = planned
        .iter()
        .filter(|p| !found.iter().any(|f| same(&p.rdata, f)))
        .collect();
    for r in planned.iter().filter(|p| found.iter().any(|f| same(&p.rdata, f))) {
        b.push(Finding::info(code::plan::OK, name, "RFC 1035 §3.2.1").arg("record", r));
    }
    // One value replaced by another: a difference, shown side by side.
    let replaced = !missing.is_empty()
        && !extras.is_empty()
        && (t == RecordType::Cname || missing.len() == planned.len());
    if replaced {
        for r in &missing {
            b.push(
                Finding::error(code::plan::DIFFERENT, name, "RFC 1035 §3.2.1")
                    .arg("record", r)
                    .arg("expected", &r.rdata)
                    .arg("found", joined(&extras))
                    .with_fix(r.to_string()),
            );
        }
        return;
    }
    for r in &missing {
        b.push(
            Finding::error(code::plan::MISSING, name, "RFC 1035 §3.2.1")
                .arg("record", r)
                .arg("answer", "NOERROR")
                .with_fix(r.to_string()),
        );
    }
    for extra in extras {
        b.push(
            Finding::warning(code::plan::EXTRA, name, "RFC 1035 §3.2.1")
                .arg("found", extra)
                .arg("type", t),
        );
    }
}
