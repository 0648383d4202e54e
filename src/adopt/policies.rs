//! DMARC (RFC 9989 §4.7), MTA-STS (RFC 8461) and TLS-RPT (RFC 8460): the
//! tags the plan writes are taken, the others reported.

use super::{Adopter, Answered};
use crate::dmarc::{parse_detailed, DmarcPolicy};
use crate::dns::{Rdata, RecordType};
use crate::finding::Finding;
use crate::i18n::code;
use crate::mta_sts::{MtaStsPolicy, MtaStsRecord};
use crate::tls_rpt::TlsRptRecord;

/// The tags the plan's DMARC record writes.
const DMARC_HELD: [&str; 8] = ["v", "p", "sp", "np", "adkim", "aspf", "rua", "ruf"];
/// Tags RFC 9989 removed (its appendix on changes from RFC 7489).
const DMARC_REMOVED: [&str; 3] = ["pct", "ri", "rf"];

pub(super) fn dmarc(a: &mut Adopter<'_>) {
    let owner = a.under("_dmarc");
    let Some(records) = a.txt(&owner, |t| t.starts_with("v=DMARC1")) else {
        return;
    };
    let Some(text) = records.first() else {
        if !a.plan.null_mx {
            a.note(Finding::warning(
                code::adopt::DMARC_ABSENT,
                &owner,
                "RFC 9989 §4.7",
            ));
        }
        return;
    };
    for other in &records[1..] {
        // §4.10.1: more than one record means no policy; the first is taken.
        a.note(Finding::warning(code::adopt::UNREADABLE, &owner, "RFC 9989 §4.10.1").arg("record", other));
    }
    let parsed = match parse_detailed(text) {
        Ok(p) => p,
        Err(_) => {
            a.note(Finding::warning(code::adopt::UNREADABLE, &owner, "RFC 9989 §4.7").arg("record", text));
            return;
        }
    };
    if !parsed.errors.is_empty() {
        a.note(Finding::warning(code::adopt::DMARC_INVALID, &owner, "RFC 9989 §4.7").arg("record", text));
    }
    let r = parsed.record;
    let d = &mut a.plan.dmarc;
    match r.policy {
        Some(p) => d.p = p,
        // §4.7 p: a record without a readable p has no policy of its own.
        None if parsed.errors.is_empty() => d.p = DmarcPolicy::None,
        None => {}
    }
    d.sp = r.subdomain_policy;
    d.np = r.nonexistent_policy;
    d.adkim = r.adkim;
    d.aspf = r.aspf;
    d.rua = r.rua.iter().map(|u| u.uri.clone()).collect();
    d.ruf = r.ruf.iter().map(|u| u.uri.clone()).collect();
    for (tag, value) in tag_list(text) {
        if DMARC_REMOVED.contains(&tag.as_str()) {
            a.note(
                Finding::info(code::adopt::DMARC_REMOVED_TAG, &owner, "RFC 9989 §4.7")
                    .arg("tag", &tag)
                    .arg("value", &value),
            );
        } else if !DMARC_HELD.contains(&tag.as_str())
            || ((tag == "rua" || tag == "ruf") && value.contains('!'))
        {
            // `t`, `psd`, `fo`, a report size limit (`!10m`), unknown tags.
            a.note(
                Finding::warning(code::adopt::DMARC_TAG, &owner, "RFC 9989 §4.7")
                    .arg("tag", &tag)
                    .arg("value", &value),
            );
        }
    }
}

/// `tag=value` pairs of a tag-value list, names lowercased.
fn tag_list(text: &str) -> Vec<(String, String)> {
    text.split(';')
        .filter_map(|part| {
            let (k, v) = part.split_once('=')?;
            Some((k.trim().to_ascii_lowercase(), v.trim().to_string()))
        })
        .collect()
}

pub(super) fn mta_sts(a: &mut Adopter<'_>) {
    let owner = a.under("_mta-sts");
    let Some(records) = a.txt(&owner, |t| t.starts_with("v=STSv1")) else {
        return;
    };
    let Some(text) = records.first() else { return };
    a.plan.mta_sts.enabled = true;
    match MtaStsRecord::parse(text) {
        Ok(r) => a.note(
            // §3.1: the id must change with the policy; the plan derives it.
            Finding::info(code::adopt::MTA_STS_ID, &owner, "RFC 8461 §3.1").arg("id", r.id),
        ),
        Err(_) => {
            a.note(Finding::warning(code::adopt::UNREADABLE, &owner, "RFC 8461 §3.1").arg("record", text))
        }
    }
    let url = format!("https://{}/.well-known/mta-sts.txt", a.under("mta-sts"));
    match a.found.mta_sts_policy.as_deref().map(MtaStsPolicy::parse) {
        Some(Ok(p)) => {
            let m = &mut a.plan.mta_sts;
            m.mode = p.mode;
            m.max_age = p.max_age.to_string();
            m.mx = p.mx.iter().map(ToString::to_string).collect();
        }
        Some(Err(_)) => {
            let text = a.found.mta_sts_policy.clone().unwrap_or_default();
            a.note(
                Finding::warning(code::adopt::UNREADABLE, &url, "RFC 8461 §3.2").arg("record", text.trim()),
            );
        }
        None => a.note(Finding::info(
            code::adopt::MTA_STS_NO_POLICY,
            &owner,
            "RFC 8461 §3.3",
        )),
    }
    // The policy host's addresses; the plan's default is the first mail host's.
    let host = a.under("mta-sts");
    let first = a.plan.hosts.first().cloned().unwrap_or_default();
    let mut web = (Vec::new(), Vec::new());
    for rtype in [RecordType::A, RecordType::Aaaa] {
        let Answered::Records(r) = a.answer(&host, rtype) else {
            continue;
        };
        for r in r {
            match r {
                Rdata::A(ip) => web.0.push(ip.to_string()),
                Rdata::Aaaa(ip) => web.1.push(ip.to_string()),
                _ => {}
            }
        }
    }
    if web != (first.ipv4, first.ipv6) {
        a.plan.mta_sts.web_ipv4 = web.0;
        a.plan.mta_sts.web_ipv6 = web.1;
    }
}

pub(super) fn tls_rpt(a: &mut Adopter<'_>) {
    let owner = a.under("_smtp._tls");
    let Some(records) = a.txt(&owner, |t| t.to_ascii_lowercase().starts_with("v=tlsrpt")) else {
        return;
    };
    let Some(text) = records.first() else { return };
    match TlsRptRecord::parse(text) {
        Ok(r) => {
            a.plan.tls_rpt.enabled = true;
            a.plan.tls_rpt.rua = r.rua;
        }
        Err(_) => {
            a.note(Finding::warning(code::adopt::UNREADABLE, &owner, "RFC 8460 §3").arg("record", text))
        }
    }
}
