use super::*;
use crate::check::verify_plan_from;
use crate::dns::memory::MemoryZone;
use crate::i18n::code::explain;
use futures::executor::block_on;

const DOMAIN: &str = "example.net";

fn planned(name: &str, ttl: u32, rtype: RecordType, data: &str, purpose: RecordPurpose) -> PlannedRecord {
    let explain_code = match purpose {
        RecordPurpose::Mx => explain::MX,
        RecordPurpose::Spf => explain::SPF,
        RecordPurpose::Dmarc => explain::DMARC,
        RecordPurpose::Tlsa => explain::TLSA,
        _ => explain::A,
    };
    PlannedRecord {
        record: Record::new(
            Name::dns(name).expect("name"),
            ttl,
            Rdata::parse(rtype, data).expect("data"),
        ),
        purpose,
        explain_code,
        other_zone: None,
    }
}

/// The plan: MX to mail, its address, SPF, DMARC, TLSA.
fn set() -> RecordSet {
    use RecordPurpose as P;
    use RecordType as T;
    RecordSet {
        domain: Name::dns(DOMAIN).expect("domain"),
        default_ttl: 3600,
        records: vec![
            planned(DOMAIN, 3600, T::Mx, "10 mail.example.net.", P::Mx),
            planned("mail.example.net", 3600, T::A, "192.0.2.10", P::HostAddress),
            planned(DOMAIN, 3600, T::Txt, "\"v=spf1 mx -all\"", P::Spf),
            planned(
                "_dmarc.example.net",
                3600,
                T::Txt,
                "\"v=DMARC1; p=reject\"",
                P::Dmarc,
            ),
            planned(
                "_25._tcp.mail.example.net",
                3600,
                T::Tlsa,
                "3 1 1 e45af1b1d677c5c97c35eb6084bba7ad2849a190bf3f24917c70a534d36a320f",
                P::Tlsa,
            ),
        ],
        ptr_requests: Vec::new(),
        mta_sts_policy: None,
        findings: Vec::new(),
    }
}

/// Published: the old MX host, an SPF record (TTL 600) that differs, a
/// verification TXT beside it, no DMARC and no TLSA.
fn zone() -> MemoryZone {
    let mut z = MemoryZone::new();
    z.add_master_file(
        "$ORIGIN example.net.\n$TTL 3600\n\
         @ IN MX 10 old\n\
         old IN A 192.0.2.9\n\
         mail IN A 192.0.2.10\n\
         @ 600 IN TXT \"v=spf1 ip4:192.0.2.9 -all\"\n\
         @ 600 IN TXT \"google-site-verification=abc\"\n",
    )
    .expect("zone");
    z
}

fn list(panel: Panel) -> FixList {
    let set = set();
    let expected: Vec<Record> = set.records.iter().map(|r| r.record.clone()).collect();
    let (report, known) = block_on(verify_plan_from(&zone(), &expected, KnownAnswers::default()));
    fix_list(&set, &report, &known, panel)
}

fn field<'e>(e: &'e Edit, label: &str) -> Option<&'e str> {
    e.fields
        .iter()
        .find(|(l, _)| *l == label)
        .map(|(_, v)| v.as_str())
}

#[test]
fn differences_become_numbered_edits_adds_first() {
    let l = list(Panel::Aliyun);
    let summary: Vec<(usize, Action, Option<&str>, Option<&str>)> = l
        .edits
        .iter()
        .map(|e| {
            (
                e.n,
                e.action,
                field(e, code::fix::FIELD_HOST),
                field(e, code::fix::FIELD_VALUE),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (1, Action::Add, Some("@"), Some("mail.example.net")),
            (2, Action::Change, Some("@"), Some("v=spf1 mx -all")),
            (3, Action::Add, Some("_dmarc"), Some("v=DMARC1; p=reject")),
            (
                4,
                Action::Add,
                Some("_25._tcp.mail"),
                Some("3 1 1 e45af1b1d677c5c97c35eb6084bba7ad2849a190bf3f24917c70a534d36a320f")
            ),
            (5, Action::Delete, Some("@"), Some("old.example.net")),
        ],
        "{l:#?}"
    );
}

#[test]
fn a_change_names_the_old_value_and_its_ttl() {
    let l = list(Panel::Aliyun);
    let spf = &l.edits[1];
    assert_eq!(spf.replaces.as_deref(), Some("v=spf1 ip4:192.0.2.9 -all"));
    assert_eq!((spf.old_ttl, spf.visible_after_s), (Some(600), Some(600)));
    assert_eq!(spf.dig, "dig +short TXT example.net");
    let labels: Vec<&str> = spf.fields.iter().map(|(l, _)| *l).collect();
    assert_eq!(
        labels,
        [
            code::fix::FIELD_HOST,
            code::fix::FIELD_TYPE,
            code::fix::FIELD_VALUE,
            code::fix::FIELD_TTL
        ]
    );
    let dmarc = &l.edits[2];
    assert_eq!(dmarc.old_ttl, None, "NXDOMAIN before: no TTL known");
    let mx = &l.edits[0];
    assert_eq!(field(mx, code::fix::FIELD_MX_PRIORITY), Some("10"));
    assert_eq!(mx.old_ttl, Some(3600));
}

#[test]
fn a_record_the_panel_cannot_hold_is_blocked_with_a_reason() {
    let aliyun = list(Panel::Aliyun);
    let tlsa = &aliyun.edits[3];
    let blocked = tlsa.blocked.as_ref().expect("Aliyun has no TLSA");
    assert_eq!(blocked.code, code::panel::TYPE_NOT_OFFERED);
    assert_eq!(blocked.get_arg("rtype"), Some("TLSA"));
    assert!(aliyun.edits.iter().filter(|e| e.blocked.is_some()).count() == 1);
    let route53 = list(Panel::Route53);
    assert!(route53.edits.iter().all(|e| e.blocked.is_none()));
}

#[test]
fn each_panel_has_its_own_fields() {
    let cf = list(Panel::Cloudflare);
    let labels: Vec<&str> = cf.edits[0].fields.iter().map(|(l, _)| *l).collect();
    assert_eq!(
        labels,
        [
            code::fix::FIELD_CF_TYPE,
            code::fix::FIELD_CF_NAME,
            code::fix::FIELD_CF_CONTENT,
            code::fix::FIELD_CF_PRIORITY,
            code::fix::FIELD_TTL
        ]
    );
    let r53 = list(Panel::Route53);
    assert_eq!(
        r53.edits[1].fields,
        vec![
            (code::fix::FIELD_R53_NAME, "example.net.".to_string()),
            (code::fix::FIELD_R53_TYPE, "TXT".to_string()),
            (code::fix::FIELD_R53_VALUE, "\"v=spf1 mx -all\"".to_string()),
            (code::fix::FIELD_TTL, "3600".to_string()),
        ]
    );
    let bind = list(Panel::Generic);
    assert_eq!(
        bind.edits[4].fields,
        vec![(
            code::fix::FIELD_ZONE_LINE,
            "example.net. 3600 IN MX 10 old.example.net.".to_string()
        )]
    );
    assert_eq!(
        bind.edits[1].replaces.as_deref(),
        Some("example.net. 3600 IN TXT \"v=spf1 ip4:192.0.2.9 -all\"")
    );
    // A delete has no TTL field to fill in.
    assert_eq!(cf.edits[4].action, Action::Delete);
    assert_eq!(field(&cf.edits[4], code::fix::FIELD_TTL), None);
}

#[test]
fn a_rival_and_a_cname_are_deleted() {
    let set = set();
    let expected: Vec<Record> = set.records.iter().map(|r| r.record.clone()).collect();
    let mut z = MemoryZone::new();
    for r in &expected {
        z.add_record(r);
    }
    // A second SPF record beside the planned one, and a CNAME at _dmarc.
    z.add_txt(DOMAIN, &["v=spf1 a -all"]);
    z.remove("_dmarc.example.net", &expected[3].rdata);
    z.add_cname("_dmarc.example.net", "dmarc.provider.example");
    let (report, known) = block_on(verify_plan_from(&z, &expected, KnownAnswers::default()));
    let l = fix_list(&set, &report, &known, Panel::DnsPod);
    let summary: Vec<(Action, Option<&str>, Option<&str>)> = l
        .edits
        .iter()
        .map(|e| {
            (
                e.action,
                field(e, code::fix::FIELD_TYPE),
                field(e, code::fix::FIELD_VALUE),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (Action::Delete, Some("CNAME"), Some("dmarc.provider.example")),
            (Action::Add, Some("TXT"), Some("v=DMARC1; p=reject")),
            (Action::Delete, Some("TXT"), Some("v=spf1 a -all")),
        ],
        "{l:#?}"
    );
}

#[test]
fn nothing_to_do_when_all_is_published() {
    let set = set();
    let expected: Vec<Record> = set.records.iter().map(|r| r.record.clone()).collect();
    let mut z = MemoryZone::new();
    for r in &expected {
        z.add_record(r);
    }
    let (report, known) = block_on(verify_plan_from(&z, &expected, KnownAnswers::default()));
    assert!(fix_list(&set, &report, &known, Panel::Aliyun).is_empty());
}

#[test]
fn the_time_is_filled_in() {
    assert_eq!(
        visible_until(Lang::En, "14:05"),
        "Resolvers may keep showing the old value until 14:05 (local time)."
    );
    assert!(visible_until(Lang::ZhCn, "14:05").contains("14:05"));
    for a in [Action::Add, Action::Change, Action::Delete] {
        assert!(i18n::lookup(a.code()).is_some());
    }
}
