use super::*;
use crate::dns::memory::MemoryZone;
use crate::i18n::code;
use crate::spf::SpfResult;
use futures::executor::block_on;
use std::net::{Ipv4Addr, Ipv6Addr};

/// A domain with 5 providers each costing 3 lookups: 1 + 5 * 3 = 16 in all.
fn big_zone() -> MemoryZone {
    let mut z = MemoryZone::new();
    z.add_txt(
        "example.com",
        &[
            "v=spf1 mx include:p1.example include:p2.example include:p3.example include:p4.example \
           include:p5.example ~all",
        ],
    )
    .add_mx("example.com", 10, "mail.example.com")
    .add_a("mail.example.com", Ipv4Addr::new(192, 0, 2, 10));
    for i in 1..=5u8 {
        let p = format!("p{i}.example");
        z.add_txt(
            &p,
            &[format!(
                "v=spf1 ip4:198.51.{i}.0/24 include:_a.{p} a:out.{p} ~all"
            )],
        )
        .add_txt(
            &format!("_a.{p}"),
            &[format!("v=spf1 ip6:2001:db8:{i}::/48 ip4:198.51.{i}.0/25 -all")],
        )
        .add_a(&format!("out.{p}"), Ipv4Addr::new(203, 0, 113, i))
        .add_aaaa(
            &format!("out.{p}"),
            Ipv6Addr::new(0x2001, 0xdb8, 0xff, 0, 0, 0, 0, u16::from(i)),
        );
    }
    z
}

#[test]
fn resolved_count_walks_the_tree() {
    let z = big_zone();
    let tree = block_on(lookup_tree(&z, "example.com"));
    assert_eq!(tree.lookups, 6);
    assert_eq!(tree.children.len(), 5);
    assert_eq!(tree.children[0].via.as_deref(), Some("include:p1.example"));
    assert_eq!(tree.children[0].lookups, 2);
    assert_eq!(tree.children[0].children[0].depth, 2);
    assert_eq!(tree.total_lookups(), 16);
    assert!(z.repeated_questions().is_empty());
}

#[test]
fn flattening_replaces_includes_by_their_addresses() {
    let z = big_zone();
    let s = block_on(flatten(&z, "example.com"));
    assert!(s.needed);
    assert_eq!((s.before, s.after), (16, 1));
    assert_eq!(s.records.len(), 1);
    let text = &s.records[0].text;
    assert!(
        text.starts_with(
            "v=spf1 mx ip4:198.51.1.0/24 ip6:2001:db8:1::/48 ip4:203.0.113.1 ip6:2001:db8:ff::1 "
        ),
        "{text}"
    );
    // 198.51.1.0/25 is inside 198.51.1.0/24 and is dropped.
    assert!(!text.contains("/25"));
    assert!(text.ends_with(" ~all"));
    let codes: Vec<&str> = s.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, [code::spf::FLATTENED, code::spf::FLATTEN_CAVEAT]);
    assert_eq!(s.findings[1].get_arg("count"), Some("20"));
    // The flattened record passes every provider address, including those
    // the original could not reach within 10 lookups, and nothing else.
    let mut z2 = MemoryZone::new();
    z2.add_txt("example.com", &[text.as_str()])
        .add_mx("example.com", 10, "mail.example.com")
        .add_a("mail.example.com", Ipv4Addr::new(192, 0, 2, 10));
    let cases = [
        ("198.51.3.7", SpfResult::Pass, SpfResult::Pass),
        ("203.0.113.4", SpfResult::PermError, SpfResult::Pass),
        ("2001:db8:5::9", SpfResult::PermError, SpfResult::Pass),
        ("192.0.2.10", SpfResult::Pass, SpfResult::Pass),
        ("192.0.2.11", SpfResult::PermError, SpfResult::SoftFail),
    ];
    for (client, before, after) in cases {
        let ip: IpAddr = client.parse().unwrap();
        let a = block_on(crate::spf::check_host(
            &z,
            ip,
            "example.com",
            "x@example.com",
            "h",
        ))
        .result;
        let b = block_on(crate::spf::check_host(
            &z2,
            ip,
            "example.com",
            "x@example.com",
            "h",
        ))
        .result;
        assert_eq!((a, b), (before, after), "{client}");
    }
}

#[test]
fn long_results_are_split_into_chained_records() {
    let mut z = MemoryZone::new();
    z.add_txt("example.com", &["v=spf1 include:big.example -all"]);
    let nets: Vec<String> = (0..60).map(|i| format!("ip4:198.51.100.{i}")).collect();
    z.add_txt("big.example", &[format!("v=spf1 {} -all", nets.join(" "))]);
    let s = block_on(flatten(&z, "example.com"));
    assert!(!s.needed);
    assert!(s.records.len() >= 3);
    assert!(s.records[0]
        .text
        .starts_with("v=spf1 include:_spf1.example.com include:_spf2.example.com"));
    assert!(s.records.iter().all(|r| r.text.len() <= 450));
    assert!(s.records.iter().all(|r| r
        .zone_strings
        .split("\" \"")
        .all(|p| p.trim_matches('"').len() <= 255)));
    assert_eq!(s.records[1].name, "_spf1.example.com");
    assert_eq!(s.after, s.records.len() - 1);
}

#[test]
fn dynamic_includes_are_kept() {
    let mut z = MemoryZone::new();
    z.add_txt(
        "example.com",
        &["v=spf1 include:dyn.example include:static.example -all"],
    )
    .add_txt("dyn.example", &["v=spf1 exists:%{i}.allow.dyn.example -all"])
    .add_txt("static.example", &["v=spf1 ip4:192.0.2.0/24 -all"]);
    let s = block_on(flatten(&z, "example.com"));
    assert_eq!(
        s.records[0].text,
        "v=spf1 include:dyn.example ip4:192.0.2.0/24 -all"
    );
    assert_eq!((s.before, s.after), (3, 2));
    let dynamic = s
        .findings
        .iter()
        .find(|f| f.code == code::spf::FLATTEN_DYNAMIC)
        .unwrap();
    assert_eq!(dynamic.get_arg("term"), Some("exists:%{i}.allow.dyn.example"));
}

#[test]
fn loops_and_missing_records_are_reported() {
    let mut z = MemoryZone::new();
    z.add_txt("a.example", &["v=spf1 include:b.example -all"])
        .add_txt("b.example", &["v=spf1 include:a.example -all"]);
    let tree = block_on(lookup_tree(&z, "a.example"));
    assert_eq!(
        tree.children[0].children[0].problem.as_ref().map(|f| f.code),
        Some(code::spf::INCLUDE_SELF)
    );
    let s = block_on(flatten(&z, "nothing.example"));
    assert!(s.records.is_empty());
    assert_eq!(s.findings[0].code, code::spf::EVAL_NO_RECORD);
}
