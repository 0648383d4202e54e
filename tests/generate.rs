//! The guide's own example, end to end through the public API: plan →
//! validate → generate → exports, and the same for an IDN domain.

use maildns::export::{dig_command, panel_rows, zone_fragment, Panel};
use maildns::finding::Severity;
use maildns::generate::{check_record, generate, RecordPurpose, RecordSet};
use maildns::plan::*;

const RSA2048: &str = include_str!("vectors/generate/r2048.pub");

/// example.com, mail.example.com at 192.0.2.1, MX 10, TTL 3600, SPF
/// `v=spf1 ip4:192.0.2.1 -all`, DKIM selector `mail`, DMARC
/// `p=quarantine; rua=mailto:dmarc@example.com`.
fn guide_plan() -> MailPlan {
    MailPlan {
        domain: "example.com".into(),
        hosts: vec![HostInput {
            name: "mail.example.com".into(),
            ipv4: vec!["192.0.2.1".into()],
            ipv6: vec![],
            priority: "10".into(),
        }],
        ttl: TtlInput {
            default: "3600".into(),
            ..TtlInput::default()
        },
        dkim: DkimInput {
            selector: "mail".into(),
            public_key: RSA2048.into(),
            ..DkimInput::default()
        },
        dmarc: DmarcInput {
            p: DmarcPolicy::Quarantine,
            rua: vec!["mailto:dmarc@example.com".into()],
            ..DmarcInput::default()
        },
        ..MailPlan::default()
    }
}

fn guide_set() -> RecordSet {
    generate(&validate(&guide_plan()).expect("the guide's plan is valid"))
}

/// The DKIM value of the test key, as `opendkim-genkey` would print it.
fn dkim_value() -> String {
    let b64: String = RSA2048
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect::<Vec<_>>()
        .concat();
    format!("v=DKIM1; k=rsa; p={b64}")
}

#[test]
fn guide_example_records_exactly() {
    let set = guide_set();
    let got: Vec<(String, String, u32, RecordPurpose)> = set
        .records
        .iter()
        .map(|r| {
            let value = match &r.record.rdata {
                maildns::model::Rdata::Txt(t) => t.value(),
                other => other.to_string(),
            };
            (r.record.name.as_str().to_string(), value, r.record.ttl, r.purpose)
        })
        .collect();
    let want = vec![
        (
            "example.com".into(),
            "10 mail.example.com.".into(),
            3600,
            RecordPurpose::Mx,
        ),
        (
            "mail.example.com".into(),
            "192.0.2.1".into(),
            3600,
            RecordPurpose::HostAddress,
        ),
        (
            "example.com".into(),
            "v=spf1 ip4:192.0.2.1 -all".into(),
            3600,
            RecordPurpose::Spf,
        ),
        (
            "mail._domainkey.example.com".into(),
            dkim_value(),
            3600,
            RecordPurpose::Dkim,
        ),
        (
            "_dmarc.example.com".into(),
            "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com".into(),
            3600,
            RecordPurpose::Dmarc,
        ),
    ];
    assert_eq!(got, want);
    // The DKIM value is longer than one string holds: published as two.
    let dkim = &set.records[3].record;
    assert_eq!(dkim.rdata.to_string().matches("\" \"").count(), 1);
}

#[test]
fn guide_example_warns_about_the_documentation_address() {
    let set = guide_set();
    let doc: Vec<_> = set
        .findings
        .iter()
        .filter(|f| f.code == "address.documentation")
        .collect();
    assert!(!doc.is_empty(), "{:#?}", set.findings);
    assert!(doc
        .iter()
        .all(|f| f.subject.contains("192.0.2.1") && f.severity == Severity::Warning));
    assert!(set.findings.iter().all(|f| f.severity != Severity::Error));
    // The field finding is keyed to the input it came from.
    let fields = field_findings(&guide_plan());
    assert_eq!(fields.get("hosts[0].ipv4[0]")[0].code, "address.documentation");
}

#[test]
fn guide_example_records_reparse_and_lint_clean() {
    for r in guide_set().records {
        let errors: Vec<_> = check_record(&r)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", r.record);
    }
}

#[test]
fn guide_example_ptr_request_and_panels() {
    let set = guide_set();
    assert_eq!(set.ptr_requests.len(), 1);
    let ptr = &set.ptr_requests[0];
    assert_eq!(ptr.reverse_name.as_str(), "1.2.0.192.in-addr.arpa");
    assert_eq!(ptr.target.as_str(), "mail.example.com");
    assert!(ptr.text_en.contains("192.0.2.1") && ptr.text_en.contains("mail.example.com"));
    assert!(ptr.text_zh.contains("反向解析"));

    let rows = panel_rows(&set, Panel::Aliyun);
    let hosts: Vec<(&str, &str, Option<u16>)> = rows
        .iter()
        .map(|r| (r.host.as_str(), r.rtype.as_str(), r.priority))
        .collect();
    assert_eq!(
        hosts,
        [
            ("@", "MX", Some(10)),
            ("mail", "A", None),
            ("@", "TXT", None),
            ("mail._domainkey", "TXT", None),
            ("_dmarc", "TXT", None)
        ]
    );
    assert_eq!(rows[0].value, "mail.example.com");
    assert_eq!(rows[2].value, "v=spf1 ip4:192.0.2.1 -all");
    assert_eq!(
        dig_command(&set.records[4].record),
        "dig +short TXT _dmarc.example.com"
    );
    let fragment = zone_fragment(&set);
    assert!(fragment.contains("\nexample.com. 3600 IN TXT \"v=spf1 ip4:192.0.2.1 -all\"\n"));
}

#[test]
fn idn_domain_goes_out_as_punycode() {
    let mut p = guide_plan();
    p.domain = "例子.中国".into();
    p.hosts[0].name = "mail".into();
    p.dmarc.rua = vec!["dmarc@例子.中国".into()];
    let set = generate(&validate(&p).expect("valid"));
    let names: Vec<&str> = set.records.iter().map(|r| r.record.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "xn--fsqu00a.xn--fiqs8s",
            "mail.xn--fsqu00a.xn--fiqs8s",
            "xn--fsqu00a.xn--fiqs8s",
            "mail._domainkey.xn--fsqu00a.xn--fiqs8s",
            "_dmarc.xn--fsqu00a.xn--fiqs8s"
        ]
    );
    let dmarc = set.records[4].record.to_string();
    assert!(
        dmarc.ends_with("\"v=DMARC1; p=quarantine; rua=mailto:dmarc@xn--fsqu00a.xn--fiqs8s\""),
        "{dmarc}"
    );
}

#[test]
fn share_link_carries_the_guide_plan() {
    let p = guide_plan();
    let link = maildns::share::encode(&p);
    assert_eq!(maildns::share::decode(&format!("#{link}")), Ok(p));
}
