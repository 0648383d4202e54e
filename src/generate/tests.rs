use super::*;
use crate::finding::Severity;
use crate::i18n::code;
use crate::plan::tests::{example, valid_plan};
use crate::plan::{validate, HostInput};
use proptest::prelude::*;

fn lines(set: &RecordSet) -> Vec<String> {
    set.records.iter().map(|r| r.record.to_string()).collect()
}

#[test]
fn guide_example_gives_exactly_its_records() {
    let set = generate(&validate(&example()).expect("valid"));
    let got = lines(&set);
    assert_eq!(got[0], "example.com. 3600 IN MX 10 mail.example.com.");
    assert_eq!(got[1], "mail.example.com. 3600 IN A 192.0.2.1");
    assert_eq!(got[2], "example.com. 3600 IN TXT \"v=spf1 ip4:192.0.2.1 -all\"");
    assert!(got[3].starts_with("mail._domainkey.example.com. 3600 IN TXT \"v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApUnw2K7O"), "{}", got[3]);
    assert_eq!(
        got[4],
        "_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\""
    );
    assert_eq!(got.len(), 5);
    let purposes: Vec<RecordPurpose> = set.records.iter().map(|r| r.purpose).collect();
    assert_eq!(
        purposes,
        [
            RecordPurpose::Mx,
            RecordPurpose::HostAddress,
            RecordPurpose::Spf,
            RecordPurpose::Dkim,
            RecordPurpose::Dmarc
        ]
    );
    assert!(set
        .findings
        .iter()
        .any(|f| f.code == code::address::DOCUMENTATION && f.subject.contains("192.0.2.1")));
    assert_eq!(set.ptr_requests.len(), 1);
    assert_eq!(
        set.ptr_requests[0].reverse_name.as_str(),
        "1.2.0.192.in-addr.arpa"
    );
    assert!(
        set.ptr_requests[0].text_en.contains("192.0.2.1")
            && set.ptr_requests[0].text_zh.contains("mail.example.com")
    );
    assert!(set.mta_sts_policy.is_none());
}

#[test]
fn null_mx_lockdown_set() {
    let mut p = example();
    p.null_mx = true;
    let set = generate(&validate(&p).expect("valid"));
    assert_eq!(
        lines(&set),
        [
            "example.com. 3600 IN MX 0 .",
            "example.com. 3600 IN TXT \"v=spf1 -all\"",
            "_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=reject; adkim=s; aspf=s; rua=mailto:dmarc@example.com\"",
        ]
    );
    assert!(set.ptr_requests.is_empty());
}

#[test]
fn every_option_on() {
    let mut p = example();
    p.backup_mx = vec![HostInput {
        name: "mx.backup-provider.net".into(),
        ..HostInput::default()
    }];
    p.hosts[0].ipv6 = vec!["2001:db8::25".into()];
    p.dmarc.rua.push("mailto:agg@dmarc.example.net".into());
    p.mta_sts.enabled = true;
    p.tls_rpt.enabled = true;
    p.tls_rpt.rua = vec!["tlsrpt@example.com".into()];
    p.autoconfig.enabled = true;
    p.caa.enabled = true;
    p.caa.issuers = vec!["letsencrypt.org".into()];
    p.caa.iodef = "mailto:security@example.com".into();
    p.tlsa.enabled = true;
    p.tlsa.pem = crate::plan::tests::CERT.into();
    p.ttl.overrides.insert("mx".into(), "7200".into());
    let set = generate(&validate(&p).expect("valid"));
    let got = lines(&set);
    for want in [
        "example.com. 7200 IN MX 10 mail.example.com.",
        "example.com. 7200 IN MX 20 mx.backup-provider.net.",
        "mail.example.com. 3600 IN AAAA 2001:db8::25",
        "example.com. 3600 IN TXT \"v=spf1 ip4:192.0.2.1 ip6:2001:db8::25 -all\"",
        "mta-sts.example.com. 3600 IN A 192.0.2.1",
        "mta-sts.example.com. 3600 IN AAAA 2001:db8::25",
        "_smtp._tls.example.com. 3600 IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@example.com\"",
        "_submissions._tcp.example.com. 3600 IN SRV 0 1 465 mail.example.com.",
        "_submission._tcp.example.com. 3600 IN SRV 0 1 587 mail.example.com.",
        "_imaps._tcp.example.com. 3600 IN SRV 0 1 993 mail.example.com.",
        "_imap._tcp.example.com. 3600 IN SRV 0 0 0 .",
        "_pop3._tcp.example.com. 3600 IN SRV 0 0 0 .",
        "_pop3s._tcp.example.com. 3600 IN SRV 0 0 0 .",
        "example.com. 3600 IN CAA 0 issue \"letsencrypt.org\"",
        "example.com. 3600 IN CAA 0 iodef \"mailto:security@example.com\"",
        "_25._tcp.mail.example.com. 3600 IN TLSA 3 1 1 7B6FA3B5D0B23B1C362647282A112295585DB4109A8E59AF0E08613B93976A26",
        "example.com._report._dmarc.dmarc.example.net. 3600 IN TXT \"v=DMARC1\"",
    ] {
        assert!(got.iter().any(|l| l.eq_ignore_ascii_case(want)), "missing {want}\n{got:#?}");
    }
    let auth = set
        .records
        .iter()
        .find(|r| r.purpose == RecordPurpose::DmarcReportAuth)
        .expect("auth");
    assert_eq!(
        auth.other_zone.as_ref().map(|z| z.as_str()),
        Some("dmarc.example.net")
    );
    assert_eq!(
        set.records.last().map(|r| r.purpose),
        Some(RecordPurpose::DmarcReportAuth)
    );
    let policy = set.mta_sts_policy.as_ref().expect("policy");
    assert_eq!(policy.url, "https://mta-sts.example.com/.well-known/mta-sts.txt");
    assert_eq!(
        policy.body,
        "version: STSv1\r\nmode: testing\r\nmx: mail.example.com\r\nmx: mx.backup-provider.net\r\nmax_age: 604800\r\n"
    );
    let sts = set
        .records
        .iter()
        .find(|r| r.purpose == RecordPurpose::MtaSts)
        .expect("sts");
    assert_eq!(
        sts.record.rdata.to_string(),
        format!("\"v=STSv1; id={}\"", policy.id)
    );
    assert!(set
        .findings
        .iter()
        .any(|f| f.code == code::generate::TLSA_NEEDS_DNSSEC));
    assert!(set
        .findings
        .iter()
        .any(|f| f.code == code::generate::OTHER_ZONE_REPORT_AUTH));
}

#[test]
fn mta_sts_id_changes_exactly_with_the_policy() {
    let mut p = example();
    p.mta_sts.enabled = true;
    let id = |p: &crate::plan::MailPlan| {
        generate(&validate(p).expect("valid"))
            .mta_sts_policy
            .expect("policy")
            .id
    };
    let first = id(&p);
    assert_eq!(first.len(), 32);
    assert!(crate::mta_sts::txt::is_valid_id(&first));
    p.dkim.selector = "other".into(); // not part of the policy
    assert_eq!(id(&p), first);
    p.mta_sts.mode = crate::mta_sts::Mode::Enforce;
    assert_ne!(id(&p), first);
}

#[test]
fn dkim_4096_is_split_into_255_byte_strings() {
    let mut p = example();
    p.dkim.public_key = crate::plan::tests::RSA4096.into();
    let set = generate(&validate(&p).expect("valid"));
    let dkim = set
        .records
        .iter()
        .find(|r| r.purpose == RecordPurpose::Dkim)
        .expect("dkim");
    let crate::model::record::Rdata::Txt(t) = &dkim.record.rdata else {
        panic!("txt")
    };
    assert!(t.strings.len() >= 3);
    assert!(t.strings.iter().all(|s| s.len() <= 255));
}

#[test]
fn hosts_without_addresses_fall_back_to_mx_in_spf() {
    // The mail host is run by a provider: its addresses are not ours to list.
    let mut p = example();
    p.hosts[0].ipv4.clear();
    p.hosts[0].name = "mx.provider.example.net".into();
    let set = generate(&validate(&p).expect("valid"));
    assert!(lines(&set).contains(&"example.com. 3600 IN TXT \"v=spf1 mx -all\"".to_string()));
}

#[test]
fn records_of_hosts_named_elsewhere_go_to_their_zone() {
    let mut p = example();
    p.hosts[0].name = "smtp.example.net".into();
    p.tlsa.enabled = true;
    p.tlsa.pem = crate::plan::tests::CERT.into();
    let set = generate(&validate(&p).expect("valid"));
    let zones: Vec<(String, Option<&str>)> = set
        .records
        .iter()
        .filter(|r| r.other_zone.is_some())
        .map(|r| {
            (
                r.record.name.as_str().to_string(),
                r.other_zone.as_ref().map(|z| z.as_str()),
            )
        })
        .collect();
    assert_eq!(
        zones,
        [
            ("smtp.example.net".to_string(), Some("example.net")),
            ("_25._tcp.smtp.example.net".to_string(), Some("example.net"))
        ]
    );
}

#[test]
fn snippets() {
    let d = crate::model::Name::host("example.com").expect("name");
    let o = opendkim_snippet("s202611", &d, "/etc/opendkim/keys/example.com/s202611.private");
    assert!(o.contains(
        "s202611._domainkey.example.com example.com:s202611:/etc/opendkim/keys/example.com/s202611.private\n"
    ));
    assert!(o.contains("*@example.com s202611._domainkey.example.com\n"));
    let r = rspamd_snippet("s202611", &d, "/var/lib/rspamd/dkim/s202611.key");
    assert!(
        r.contains("path = \"/var/lib/rspamd/dkim/s202611.key\";") && r.contains("selector = \"s202611\";")
    );
    assert!(r.contains("  example.com {"));
    assert_eq!(
        opendkim_key_path(&d, "s202611"),
        "/etc/opendkim/keys/example.com/s202611.private"
    );
    assert_eq!(
        rspamd_key_path(&d, "s202611"),
        "/var/lib/rspamd/dkim/example.com.s202611.key"
    );
    // PEM of the test key's DER is the test key file itself.
    let body: String = crate::plan::tests::RSA2048
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    let der = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, body).expect("base64");
    assert_eq!(pem("PUBLIC KEY", &der), crate::plan::tests::RSA2048);
}

#[test]
fn every_code_is_in_the_catalogue() {
    for code in CODES.iter().chain(EXPLAIN_CODES) {
        assert!(
            crate::i18n::lookup(code).is_some(),
            "{code} missing from the catalogue"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn generated_records_reparse_and_lint_without_errors(p in valid_plan()) {
        let v = match validate(&p) {
            Ok(v) => v,
            Err(e) => return Err(TestCaseError::fail(format!("{:?}", e.iter().filter(|(_, f)| f.severity == Severity::Error).collect::<Vec<_>>()))),
        };
        let set = generate(&v);
        prop_assert!(!set.records.is_empty());
        for r in &set.records {
            let errors: Vec<_> = check_record(r).into_iter().filter(|f| f.severity == Severity::Error).collect();
            prop_assert!(errors.is_empty(), "{}: {:?}", r.record, errors);
            prop_assert!(crate::i18n::lookup(r.explain_code).is_some());
        }
        prop_assert!(set.findings.iter().all(|f| f.severity != Severity::Error), "{:?}", set.findings);
        for f in &set.findings {
            prop_assert!(crate::i18n::lookup(f.code).is_some(), "{} not in catalogue", f.code);
        }
    }
}

/// The set handed back with the validated plan is what generating from that
/// plan gives, field warnings included (the page shows it as is).
#[test]
fn validate_and_generate_hands_back_the_generated_set() {
    let mut p = example();
    // A documentation address: a field warning that must reach the set's findings.
    p.hosts[0].ipv4 = vec!["192.0.2.1".into()];
    let (valid, set) = validate_and_generate(&p).expect("valid");
    assert_eq!(valid, validate(&p).expect("valid"));
    assert!(!valid.field_findings.is_empty());
    assert_eq!(set, generate(&valid));
    assert!(valid
        .field_findings
        .iter()
        .all(|(_, f)| set.findings.iter().any(|g| g.code == f.code)));
}
