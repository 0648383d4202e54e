use super::*;
use crate::dns::memory::MemoryZone;
use crate::dns::DnsError;
use crate::i18n::code::adopt as c;

const ZONE: &str = r#"$ORIGIN example.net.
$TTL 3600
@ IN MX 10 mail
@ IN MX 30 mx.backup-provider.org.
mail IN A 185.47.112.10
mail IN AAAA 2a0e:97c0:38f::a
@ IN TXT "v=spf1 mx ip4:185.47.112.0/24 include:spf.provider.org ptr exists:%{i}.x.example.net ~all"
_dmarc IN TXT "v=DMARC1; p=reject; sp=quarantine; pct=50; fo=1; rua=mailto:d@example.net"
_smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:tls@example.net"
@ IN CAA 0 issue "letsencrypt.org"
@ IN CAA 0 issuewild "letsencrypt.org"
"#;

fn adopted(found: &Found) -> Adopted {
    from_records(&Name::dns("example.net").expect("name"), found)
}

fn zone_found() -> Found {
    let mut z = MemoryZone::new();
    z.add_master_file(ZONE).expect("zone");
    Found::from_records(&z.records())
}

fn codes(a: &Adopted) -> Vec<&'static str> {
    a.notes.iter().map(|f| f.code).collect()
}

#[test]
fn a_zone_becomes_a_plan_and_what_it_cannot_hold_is_listed() {
    let a = adopted(&zone_found());
    let p = &a.plan;
    assert_eq!(p.hosts.len(), 1);
    assert_eq!(
        (p.hosts[0].name.as_str(), p.hosts[0].priority.as_str()),
        ("mail", "10")
    );
    assert_eq!(p.hosts[0].ipv4, vec!["185.47.112.10"]);
    assert_eq!(p.backup_mx[0].name, "mx.backup-provider.org");
    assert_eq!(p.backup_mx[0].priority, "30");
    assert_eq!(p.spf.mx, vec!["@"]);
    assert_eq!(p.spf.ip4, vec!["185.47.112.0/24"]);
    assert_eq!(p.spf.includes, vec!["spf.provider.org"]);
    assert_eq!(p.spf.all, crate::plan::SpfAll::SoftFail);
    assert_eq!(p.dmarc.p, DmarcPolicy::Reject);
    assert_eq!(p.dmarc.sp, Some(DmarcPolicy::Quarantine));
    assert_eq!(p.dmarc.rua, vec!["mailto:d@example.net"]);
    assert!(p.tls_rpt.enabled && p.caa.enabled);
    assert_eq!(p.caa.issuers, vec!["letsencrypt.org"]);
    let terms: Vec<&str> = a
        .notes
        .iter()
        .filter(|f| f.code == c::SPF_TERM)
        .filter_map(|f| f.get_arg("term"))
        .collect();
    assert_eq!(terms, vec!["ptr", "exists:%{i}.x.example.net"]);
    for want in [
        c::MX_FOREIGN,
        c::DMARC_REMOVED_TAG,
        c::DMARC_TAG,
        c::CAA_NOT_ADOPTED,
        c::DKIM_NONE,
    ] {
        assert!(codes(&a).contains(&want), "{want}: {:?}", codes(&a));
    }
    // A zone import lists everything: a question not listed is absent, not unknown.
    assert!(!codes(&a).contains(&c::UNKNOWN));
    assert!(!codes(&a).contains(&c::NOT_ASKED));
}

#[test]
fn a_failed_question_is_unknown_not_absent() {
    let mut found = zone_found();
    found.insert("_dmarc.example.net", RecordType::Txt, Err(DnsError::ServFail));
    found.insert("example.net", RecordType::Mx, Err(DnsError::Timeout));
    let a = adopted(&found);
    let unknown: Vec<&str> = a
        .notes
        .iter()
        .filter(|f| f.code == c::UNKNOWN)
        .map(|f| f.subject.as_str())
        .collect();
    assert_eq!(unknown, vec!["example.net", "_dmarc.example.net"]);
    assert!(!codes(&a).contains(&c::DMARC_ABSENT));
    assert!(!codes(&a).contains(&c::MX_ABSENT) && !codes(&a).contains(&c::NO_OWN_HOST));
    assert_eq!(a.plan.dmarc, crate::plan::DmarcInput::default());

    let mut gone = zone_found();
    gone.insert("_dmarc.example.net", RecordType::Txt, Err(DnsError::NxDomain));
    assert!(codes(&adopted(&gone)).contains(&c::DMARC_ABSENT));
}

#[test]
fn an_audit_leaves_unasked_questions_not_asked() {
    let mut found = Found::new();
    found.insert("example.net", RecordType::Mx, Err(DnsError::NoData));
    let a = adopted(&found);
    assert!(codes(&a).contains(&c::MX_ABSENT));
    assert!(codes(&a).contains(&c::NOT_ASKED), "{:?}", codes(&a));
    assert!(!codes(&a).contains(&c::DMARC_ABSENT), "not asked is not absent");
}

#[test]
fn null_mx_reports_what_the_lockdown_replaces() {
    let mut z = MemoryZone::new();
    z.add_master_file(
        "$ORIGIN example.net.\n@ 3600 IN MX 0 .\n@ 3600 IN TXT \"v=spf1 ip4:185.47.112.1 -all\"\n",
    )
    .expect("zone");
    let a = adopted(&Found::from_records(&z.records()));
    assert!(a.plan.null_mx);
    assert!(codes(&a).contains(&c::NULL_MX_LOCKDOWN));
}

#[test]
fn the_policy_text_gives_mode_mx_and_max_age() {
    let mut z = MemoryZone::new();
    z.add_master_file(ZONE).expect("zone");
    z.add_master_file("$ORIGIN example.net.\n_mta-sts 3600 IN TXT \"v=STSv1; id=20261129T120000\"\n")
        .expect("zone");
    let policy = "version: STSv1\nmode: enforce\nmx: mail.example.net\nmax_age: 1209600\n";
    let a = adopted(&Found::from_records(&z.records()).with_mta_sts_policy(policy));
    let m = &a.plan.mta_sts;
    assert!(m.enabled);
    assert_eq!(m.mode, crate::plan::Mode::Enforce);
    assert_eq!(
        (m.max_age.as_str(), m.mx.clone()),
        ("1209600", vec!["mail.example.net".to_string()])
    );
    assert!(codes(&a).contains(&c::MTA_STS_ID));
    assert!(!codes(&a).contains(&c::MTA_STS_NO_POLICY));
}
