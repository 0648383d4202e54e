//! Property tests: whatever the zone holds, the audit and the plan check do
//! not panic, ask no question twice, and emit only catalogued codes.

use super::*;
use crate::dns::memory::MemoryZone;
use futures::executor::block_on;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,60}",
        "v=spf1 [a-z0-9:./ ~?+-]{0,60}",
        "v=DMARC1; [a-z=; :@.]{0,60}",
        "v=DKIM1; [a-zA-Z0-9=;+/ ]{0,80}",
        "v=STSv1; [a-z0-9=; ]{0,30}",
        "v=TLSRPTv1; [a-z0-9=;:@. ]{0,40}",
    ]
}

fn zone(mx: &[String], txts: &[(usize, String)], ptr: &str, fail: Option<(usize, usize)>) -> MemoryZone {
    let names = [
        "example.com",
        "_dmarc.example.com",
        "s1._domainkey.example.com",
        "_mta-sts.example.com",
        "_smtp._tls.example.com",
        "mail.example.com",
    ];
    let mut z = MemoryZone::new();
    for (i, m) in mx.iter().enumerate() {
        z.add_mx("example.com", i as u16, m);
    }
    for (i, t) in txts {
        z.add_txt(names[i % names.len()], &[t.as_str()]);
    }
    z.add_a("mail.example.com", std::net::Ipv4Addr::new(192, 0, 2, 1));
    z.add_ptr("1.2.0.192.in-addr.arpa", ptr);
    if let Some((n, t)) = fail {
        let types = [RecordType::Txt, RecordType::Mx, RecordType::A, RecordType::Ptr];
        let error = if t % 2 == 0 {
            DnsError::ServFail
        } else {
            DnsError::Timeout
        };
        let name = if n % names.len() == 5 {
            "1.2.0.192.in-addr.arpa"
        } else {
            names[n % names.len()]
        };
        z.add_failure(name, types[t % types.len()], error);
    }
    z
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn audit_never_panics(
        mx in proptest::collection::vec(prop_oneof!["mail\\.example\\.com\\.", "\\PC{0,30}", "[0-9.]{1,15}"], 0..3),
        txts in proptest::collection::vec((0usize..6, text()), 0..8),
        ptr in prop_oneof!["mail\\.example\\.com\\.", "\\PC{0,30}"],
        fail in proptest::option::of((0usize..6, 0usize..4)),
        policy in proptest::option::of("\\PC{0,80}"),
    ) {
        let z = zone(&mx, &txts, &ptr, fail);
        let request = AuditRequest {
            domain: Name::host("example.com").expect("name"),
            dkim_selectors: Vec::new(),
            server_ips: vec!["198.51.100.1".parse().expect("ip")],
            mta_sts_policy_text: policy,
            blocklists: false,
        };
        let report = block_on(audit(&z, &request));
        prop_assert_eq!(z.repeated_questions(), Vec::new());
        prop_assert_eq!(report.questions_asked, z.total_questions());
        for f in report.findings() {
            prop_assert!(crate::i18n::lookup(f.code).is_some(), "{}", f.code);
        }
        let _ = report_markdown(&report, crate::i18n::Lang::ZhCn);
        let _ = report_json(&report);
        let plan = block_on(verify_plan(&z, &z.records()));
        for f in plan.findings() {
            prop_assert!(crate::i18n::lookup(f.code).is_some(), "{}", f.code);
        }
    }
}
