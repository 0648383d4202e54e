//! The SPF record (RFC 7208) as plan entries. The plan writes the mail
//! hosts' addresses, then `ip4`/`ip6`, `a`, `mx`, `include` with a pass
//! qualifier, then `-all` or `~all`; every other term (`ptr`, `exists`,
//! `redirect`, `exp`, a non-pass qualifier, a CIDR on `a`/`mx`, a macro,
//! `?all`, `+all`) cannot be written by the generator, so it is reported
//! verbatim (`adopt.spf_term`) rather than kept in a field the generator
//! would ignore.

use super::Adopter;
use crate::finding::Finding;
use crate::i18n::code;
use crate::plan::SpfAll;
use crate::spf::{is_spf_record, parse_record, Mechanism, Modifier, Qualifier, Term};

pub(super) fn spf(a: &mut Adopter<'_>) {
    let domain = a.domain.as_str().to_string();
    let Some(records) = a.txt(&domain, is_spf_record) else {
        return;
    };
    let Some(first) = records.first() else {
        a.note(Finding::info(code::adopt::SPF_ABSENT, &domain, "RFC 7208 §4.5"));
        return;
    };
    if records.len() > 1 {
        // §4.5: more than one record is a permerror.
        a.note(
            Finding::warning(code::adopt::SPF_MULTIPLE, &domain, "RFC 7208 §4.5")
                .arg("record", records[1..].join(" / ")),
        );
    }
    let record = match parse_record(first) {
        Ok(r) => r,
        Err(_) => {
            a.note(Finding::warning(code::adopt::UNREADABLE, &domain, "RFC 7208 §4.6").arg("record", first));
            return;
        }
    };
    let own: Vec<String> = a
        .plan
        .hosts
        .iter()
        .flat_map(|h| h.ipv4.iter().chain(&h.ipv6).cloned())
        .collect();
    let mut ends = false;
    for t in &record.terms {
        let text = t.term.to_string();
        let taken = match &t.term {
            Term::Directive(d) if matches!(d.mechanism, Mechanism::All) => {
                ends = true;
                match d.qualifier {
                    Qualifier::Fail => {
                        a.plan.spf.all = SpfAll::Fail;
                        true
                    }
                    Qualifier::SoftFail => {
                        a.plan.spf.all = SpfAll::SoftFail;
                        true
                    }
                    Qualifier::Pass | Qualifier::Neutral => false,
                }
            }
            Term::Directive(d) if d.qualifier == Qualifier::Pass => match &d.mechanism {
                Mechanism::Ip4 { addr, prefix } => {
                    if !(prefix.is_none_or(|p| p == 32) && own.contains(&addr.to_string())) {
                        a.plan.spf.ip4.push(text.trim_start_matches("ip4:").to_string());
                    }
                    true
                }
                Mechanism::Ip6 { addr, prefix } => {
                    if !(prefix.is_none_or(|p| p == 128) && own.contains(&addr.to_string())) {
                        a.plan.spf.ip6.push(text.trim_start_matches("ip6:").to_string());
                    }
                    true
                }
                Mechanism::A { domain, cidr } | Mechanism::Mx { domain, cidr }
                    if cidr.v4.is_none() && cidr.v6.is_none() =>
                {
                    let target = match domain {
                        None => Some("@".to_string()),
                        Some(m) => plain(&m.to_string()),
                    };
                    match (target, &d.mechanism) {
                        (Some(t), Mechanism::A { .. }) => a.plan.spf.a.push(t),
                        (Some(t), _) => a.plan.spf.mx.push(t),
                        (None, _) => {}
                    }
                    domain.as_ref().is_none_or(|m| plain(&m.to_string()).is_some())
                }
                Mechanism::Include(m) => match plain(&m.to_string()) {
                    Some(t) => {
                        a.plan.spf.includes.push(t);
                        true
                    }
                    None => false,
                },
                _ => false,
            },
            Term::Modifier(Modifier::Redirect(_)) => {
                // §6.1: redirect stands in for the final `all`.
                ends = true;
                false
            }
            _ => false,
        };
        if !taken {
            a.note(Finding::warning(code::adopt::SPF_TERM, &domain, "RFC 7208 §4.6.1").arg("term", &text));
        }
    }
    if !ends {
        // §4.7: with no `all` the result is neutral; the plan always ends the record.
        a.note(Finding::warning(
            code::adopt::SPF_ALL_ADDED,
            &domain,
            "RFC 7208 §4.7",
        ));
    }
}

/// A domain with no macro (`%{…}`), which the plan can hold.
fn plain(text: &str) -> Option<String> {
    (!text.contains('%')).then(|| text.to_string())
}
