//! The SPF record (RFC 7208) at the domain.
//!
//! The mail hosts' own addresses go in as `ip4:`/`ip6:` (§5.6), which cost
//! no DNS lookup (§4.6.4 counts only include, a, mx, ptr, exists, redirect);
//! the user's extras follow, then `-all` or `~all` (§5.1). A plan whose
//! hosts have no addresses falls back to `mx` (§5.4) so the record still
//! covers the MX hosts. A null-MX domain publishes `v=spf1 -all`: nothing
//! sends as it. Long records are cut into strings of at most 255 octets
//! before a space (§3.3: receivers join them with nothing between).

use super::{Builder, RecordPurpose};
use crate::i18n::code;
use crate::model::record::Rdata;
use crate::model::txt::{Txt, MAX_STRING};
use crate::plan::{SpfAll, SpfTarget, ValidatedPlan};
use crate::spf::lint::split_into_strings;

/// The SPF record text for the plan (one line, strings not yet split).
pub fn spf_text(plan: &ValidatedPlan) -> String {
    if plan.null_mx {
        return "v=spf1 -all".to_string();
    }
    let host_ips = plan.hosts.iter().any(|h| h.has_addresses());
    let mut terms: Vec<String> = vec!["v=spf1".to_string()];
    let mut add = |t: String| {
        if !terms.contains(&t) {
            terms.push(t);
        }
    };
    for h in &plan.hosts {
        for ip in &h.ipv4 {
            add(format!("ip4:{ip}"));
        }
        for ip in &h.ipv6 {
            add(format!("ip6:{ip}"));
        }
    }
    for (ip, prefix) in &plan.spf.ip4 {
        add(match prefix {
            Some(p) => format!("ip4:{ip}/{p}"),
            None => format!("ip4:{ip}"),
        });
    }
    for (ip, prefix) in &plan.spf.ip6 {
        add(match prefix {
            Some(p) => format!("ip6:{ip}/{p}"),
            None => format!("ip6:{ip}"),
        });
    }
    let target = |m: &str, t: &SpfTarget| match t {
        SpfTarget::Own => m.to_string(),
        SpfTarget::Domain(n) => format!("{m}:{}", n.as_str()),
    };
    for t in &plan.spf.a {
        add(target("a", t));
    }
    let mut mx: Vec<String> = plan.spf.mx.iter().map(|t| target("mx", t)).collect();
    if !host_ips && !plan.hosts.is_empty() && !mx.iter().any(|m| m == "mx") {
        mx.insert(0, "mx".to_string());
    }
    for m in mx {
        add(m);
    }
    for n in &plan.spf.includes {
        add(format!("include:{}", n.as_str()));
    }
    add(match plan.spf.all {
        SpfAll::Fail => "-all".to_string(),
        SpfAll::SoftFail => "~all".to_string(),
    });
    terms.join(" ")
}

/// TXT data for a long value, cut before spaces into strings of ≤ 255 octets.
pub(super) fn txt_split_at_spaces(text: &str) -> Txt {
    Txt {
        strings: split_into_strings(text, MAX_STRING)
            .into_iter()
            .map(String::into_bytes)
            .collect(),
    }
}

pub(super) fn record(b: &mut Builder<'_>) {
    let text = spf_text(b.plan);
    let domain = b.plan.domain.clone();
    b.push(
        domain,
        Rdata::Txt(txt_split_at_spaces(&text)),
        RecordPurpose::Spf,
        code::explain::SPF,
    );
}

pub(super) fn null(b: &mut Builder<'_>) {
    let domain = b.plan.domain.clone();
    b.push(
        domain,
        Rdata::Txt(Txt::from_value("v=spf1 -all")),
        RecordPurpose::Spf,
        code::explain::SPF_NULL,
    );
}
