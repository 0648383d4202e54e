//! The audit's "Blocklists" area (issue 19 item 1): the domain's mail
//! server addresses (those the audit resolved for its MX hosts, and those
//! typed in the form) and the domain itself, asked of the public lists of
//! [`crate::dnsbl::LISTS`] over the run's own resolver and cache.
//!
//! The verdicts are [`crate::dnsbl::check_lists`]'s: a list counts on this
//! resolver only after its test entry came back listed (RFC 5782 §5), and an
//! error code, a failed question or an unexpected answer is "unknown" with
//! its reason, never "not listed". A failed question also gives the area's
//! usual `check.could_not_check` (the engine's first rule), so the area
//! offers "Try again".

use super::cache::{Chained, RunCache};
use super::{Area, AreaBuilder, RawAnswer};
use crate::dns::{Rdata, RecordType, Resolver};
use crate::dnsbl::{check_lists, Subject, LISTS};
use crate::model::Name;
use std::net::IpAddr;

/// The subjects asked: each address once (MX hosts' first, in the order
/// the audit saw them, then the typed ones), then the domain.
pub(crate) fn subjects(domain: &Name, addresses: &[RawAnswer], server_ips: &[IpAddr]) -> Vec<Subject> {
    let resolved = addresses
        .iter()
        .filter(|a| matches!(a.rtype, RecordType::A | RecordType::Aaaa))
        .filter_map(|a| a.result.as_ref().ok())
        .flatten()
        .filter_map(|r| match r {
            Rdata::A(v4) => Some(IpAddr::V4(*v4)),
            Rdata::Aaaa(v6) => Some(IpAddr::V6(*v6)),
            _ => None,
        });
    let mut out: Vec<Subject> = Vec::new();
    for ip in resolved.chain(server_ips.iter().copied()) {
        let s = Subject::Ip(ip);
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out.push(Subject::domain(domain.as_str()));
    out
}

/// The area: `addresses` are the address area's answers (the verdict on
/// the MX hosts' addresses rests on them), `mx` the MX answer they came from.
pub(crate) async fn blocklists<R: Resolver>(
    cache: &RunCache<'_, R>,
    domain: &Name,
    mx: &super::cache::Asked,
    addresses: &[RawAnswer],
    server_ips: &[IpAddr],
) -> AreaBuilder {
    let mut b = AreaBuilder::new(Area::Blocklists);
    // Which addresses to ask rests on the MX answer and the hosts'
    // addresses: one that failed makes the area "not checked" for them
    // (AreaBuilder::finish), never a clean bill.
    b.rests_on(mx);
    for a in addresses
        .iter()
        .filter(|a| matches!(a.rtype, RecordType::A | RecordType::Aaaa))
    {
        if !b.answers.iter().any(|x| x.name == a.name && x.rtype == a.rtype) {
            b.answers.push(a.clone());
        }
    }
    let after = addresses.iter().map(|a| a.depth).max().unwrap_or(0).max(mx.depth);
    let subjects = subjects(domain, addresses, server_ips);
    let chained = Chained::new(cache, after);
    let report = check_lists(&chained, LISTS, &subjects).await;
    for asked in chained.into_log() {
        // A failed question: `check.could_not_check` beside the list's own
        // "unknown" verdict (RFC 1035 §4.1.1: it says nothing of the entry).
        let _ = b.records(&asked);
    }
    b.extend(report.findings);
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::memory::MemoryZone;
    use crate::dns::DnsError;
    use crate::i18n::code;
    use futures::executor::block_on;
    use std::net::Ipv4Addr;

    fn zone() -> MemoryZone {
        let mut z = MemoryZone::new();
        // SpamCop answers its test entry and lists 185.47.112.66.
        z.add_a("2.0.0.127.bl.spamcop.net", Ipv4Addr::new(127, 0, 0, 2));
        z.add_a("66.112.47.185.bl.spamcop.net", Ipv4Addr::new(127, 0, 0, 2));
        // Spamhaus ZEN refuses this resolver (article 788's error code).
        z.add_a("2.0.0.127.zen.spamhaus.org", Ipv4Addr::new(127, 255, 255, 254));
        z
    }

    fn answer(ip: Ipv4Addr) -> RawAnswer {
        RawAnswer {
            name: "mail.example.com".into(),
            rtype: RecordType::A,
            result: Ok(vec![Rdata::A(ip)]),
            depth: 2,
        }
    }

    fn verdicts(ip: Ipv4Addr) -> Vec<(String, String, &'static str)> {
        let z = zone();
        let cache = RunCache::new(&z);
        let name = Name::host("example.com").expect("name");
        let mx = block_on(cache.ask("example.com", RecordType::Mx, 0));
        let area = block_on(blocklists(&cache, &name, &mx, &[answer(ip)], &[])).finish();
        area.findings
            .iter()
            .filter(|f| f.code.starts_with("dnsbl."))
            .map(|f| {
                (
                    f.get_arg("list").unwrap_or("").to_string(),
                    f.subject.clone(),
                    f.code,
                )
            })
            .collect()
    }

    #[test]
    fn listed_clean_and_refused_are_told_apart() {
        let listed = verdicts(Ipv4Addr::new(185, 47, 112, 66));
        assert!(listed.contains(&(
            "SpamCop Blocking List".into(),
            "185.47.112.66".into(),
            code::dnsbl::LISTED
        )));
        let clean = verdicts(Ipv4Addr::new(185, 47, 112, 10));
        assert!(clean.contains(&(
            "SpamCop Blocking List".into(),
            "185.47.112.10".into(),
            code::dnsbl::NOT_LISTED
        )));
        // ZEN refused the resolver: unknown, never "not listed".
        assert!(clean.contains(&(
            "Spamhaus ZEN".into(),
            "185.47.112.10".into(),
            code::dnsbl::REFUSED
        )));
        // Lists that do not answer their test entry here: unknown too.
        assert!(clean
            .iter()
            .any(|(l, _, c)| l == "Spamhaus DBL" && *c == code::dnsbl::TEST_ENTRY_MISSING));
        assert!(!clean
            .iter()
            .any(|(l, _, c)| l != "SpamCop Blocking List" && *c == code::dnsbl::NOT_LISTED));
    }

    #[test]
    fn a_failed_list_question_is_unknown_and_could_not_check() {
        let mut z = zone();
        z.add_failure("10.112.47.185.bl.spamcop.net", RecordType::A, DnsError::ServFail);
        let cache = RunCache::new(&z);
        let name = Name::host("example.com").expect("name");
        let mx = block_on(cache.ask("example.com", RecordType::Mx, 0));
        let area = block_on(blocklists(
            &cache,
            &name,
            &mx,
            &[answer(Ipv4Addr::new(185, 47, 112, 10))],
            &[],
        ))
        .finish();
        let spamcop: Vec<&str> = area
            .findings
            .iter()
            .filter(|f| f.get_arg("list") == Some("SpamCop Blocking List"))
            .map(|f| f.code)
            .collect();
        assert_eq!(spamcop, vec![code::dnsbl::QUESTION_FAILED]);
        assert!(area
            .findings
            .iter()
            .any(|f| f.code == super::super::COULD_NOT_CHECK));
        assert!(matches!(area.status, super::super::AreaStatus::CouldNotCheck(_)));
    }
}
