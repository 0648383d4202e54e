//! The SPF evaluator (RFC 7208 §4-§7) and the include walker behind the
//! lookup tree and flattening, over an in-memory zone built from the
//! input: line 1 is the TXT record of `example.com`, each further line
//! `<name> <TYPE> <data>`. The evaluator ends within the lookup and void
//! limits (§4.6.4), asks a bounded number of questions, and reports a
//! catalogued reason; flattening suggests records that parse.
#![no_main]
use futures::executor::block_on;
use libfuzzer_sys::fuzz_target;
use maildns::dns::memory::MemoryZone;
use maildns::model::{Rdata, RecordType};
use maildns::spf::{check_host, flatten, lookup_tree, parse_record, SpfResult};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// At most 10 DNS-querying terms, each `mx`/`ptr` with at most 10 address
/// lookups (§4.6.4), plus the record itself and `exp=`: far below this.
const MAX_QUESTIONS: usize = 300;

fn zone(text: &str) -> MemoryZone {
    let mut zone = MemoryZone::new();
    let mut lines = text.lines();
    if let Some(first) = lines.next() {
        zone.add_txt_bytes("example.com", vec![first.as_bytes().to_vec()]);
    }
    for line in lines.take(64) {
        let mut parts = line.splitn(3, ' ');
        let (Some(name), Some(rtype), Some(data)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let Ok(rtype) = RecordType::parse(rtype) else {
            continue;
        };
        match rtype {
            RecordType::Txt => {
                zone.add_txt_bytes(name, vec![data.as_bytes().to_vec()]);
            }
            _ => {
                if let Ok(rdata) = Rdata::parse_lenient(rtype, data) {
                    zone.add(name, rdata);
                }
            }
        }
    }
    zone
}

fuzz_target!(|data: &[u8]| {
    let (selector, rest) = maildns_fuzz::split_first(data);
    let text = maildns_fuzz::text(rest);
    let zone = zone(&text);
    let ip = match selector % 3 {
        0 => IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1)),
        1 => IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1)),
        _ => IpAddr::V4(Ipv4Addr::new(198, 51, 100, 7)),
    };
    let outcome = block_on(check_host(
        &zone,
        ip,
        "example.com",
        "user@example.com",
        "mail.example.com",
    ));
    maildns_fuzz::assert_catalogued(outcome.reason.code);
    assert!(outcome.trace.lookups <= 11, "{} lookups", outcome.trace.lookups);
    assert!(outcome.trace.voids <= 3, "{} voids", outcome.trace.voids);
    assert!(
        zone.total_questions() <= MAX_QUESTIONS,
        "{} questions",
        zone.total_questions()
    );
    if outcome.explanation.is_some() {
        assert_eq!(outcome.result, SpfResult::Fail);
    }

    zone.reset_counts();
    let tree = block_on(lookup_tree(&zone, "example.com"));
    if let Some(problem) = &tree.problem {
        maildns_fuzz::assert_catalogued(problem.code);
    }
    assert!(
        zone.total_questions() <= 10_000,
        "{} questions for the tree",
        zone.total_questions()
    );

    zone.reset_counts();
    let suggestion = block_on(flatten(&zone, "example.com"));
    maildns_fuzz::assert_findings(&suggestion.findings, None);
    for record in &suggestion.records {
        assert!(parse_record(&record.text).is_ok(), "suggested {:?}", record.text);
    }
});
