//! Tests of the DMARC record parser, printer and linter.

use super::*;
use crate::finding::{is_valid, Severity};
use crate::i18n::code;
use crate::model::name::Name;
use proptest::prelude::*;

fn codes(text: &str) -> Vec<&'static str> {
    check(text, "_dmarc.example.com")
        .1
        .iter()
        .map(|f| f.code)
        .collect()
}

#[test]
fn parses_every_tag() {
    let text = "v=DMARC1; p=reject; sp=quarantine; np=reject; psd=n; t=n; adkim=s; aspf=r; \
                rua=mailto:a@example.com,mailto:b@example.net!10m; ruf=mailto:f@example.com; fo=1:d";
    let rec = DmarcRecord::parse(text).unwrap();
    assert_eq!(rec.policy, Some(DmarcPolicy::Reject));
    assert_eq!(rec.subdomain_policy, Some(DmarcPolicy::Quarantine));
    assert_eq!(rec.nonexistent_policy, Some(DmarcPolicy::Reject));
    assert_eq!(rec.psd, Some(PsdFlag::No));
    assert_eq!(rec.testing, Some(false));
    assert_eq!(rec.adkim, Some(Alignment::Strict));
    assert_eq!(rec.aspf, Some(Alignment::Relaxed));
    assert_eq!(rec.rua.len(), 2);
    assert_eq!(
        rec.rua[1].size,
        Some(ReportSize {
            amount: 10,
            unit: Some('m')
        })
    );
    assert_eq!(
        rec.failure_options,
        vec![FailureOption::AnyFail, FailureOption::Dkim]
    );
    assert_eq!(DmarcRecord::parse(&rec.to_string()), Ok(rec));
}

#[test]
fn findings_by_case() {
    let cases: &[(&str, &[&str])] = &[
        ("v=DMARC1; p=reject; rua=mailto:d@example.com", &[]),
        (
            "v=DMARC1; p=none; rua=mailto:d@example.com",
            &[code::dmarc::MONITORING],
        ),
        ("v=DMARC1; p=reject", &[code::dmarc::NO_RUA]),
        ("v=DMARC1; rua=mailto:d@example.com", &[code::dmarc::MISSING_P]),
        ("v=DMARC1", &[code::dmarc::IGNORED, code::dmarc::NO_RUA]),
        (
            "v=DMARC1; sp=reject; p=reject; rua=mailto:d@example.com",
            &[code::dmarc::P_NOT_SECOND],
        ),
        (
            "v=DMARC1; p=foo; rua=mailto:d@example.com",
            &[code::dmarc::BAD_VALUE, code::dmarc::FALLBACK_NONE],
        ),
        (
            "v=DMARC1; p=reject; p=none",
            &[code::dmarc::DUPLICATE_TAG, code::dmarc::NO_RUA],
        ),
        (
            "v=DMARC1; p=reject; pct=50; rua=mailto:d@example.com",
            &[code::dmarc::REMOVED_TAG],
        ),
        (
            "v=DMARC1; p=reject; xyz=1; rua=mailto:d@example.com",
            &[code::dmarc::UNKNOWN_TAG],
        ),
        (
            "v=DMARC1; p=reject; sp=none; rua=mailto:d@example.com",
            &[code::dmarc::SP_NONE],
        ),
        (
            "v=DMARC1; p=reject; t=y; rua=mailto:d@example.com",
            &[code::dmarc::TESTING],
        ),
        (
            "v=DMARC1; p=reject; fo=0:1; rua=mailto:d@example.com",
            &[code::dmarc::FO_WITHOUT_RUF, code::dmarc::FO_CONFLICT],
        ),
        (
            "v=DMARC1; p=reject; rua=mailto:d@example.com!10m",
            &[code::dmarc::OBSOLETE_SIZE],
        ),
        (
            "v=DMARC1; p=reject; rua=https://r.example.com/x",
            &[code::dmarc::NON_MAILTO],
        ),
        (
            "v=DMARC1; p=reject; rua=d@example.com",
            &[code::uri::NO_SCHEME, code::dmarc::NO_RUA],
        ),
        (
            "v=DMARC1; p=reject; rua=mailto:d@example.com!10p",
            &[code::dmarc::BAD_REPORT_SIZE, code::dmarc::NO_RUA],
        ),
        ("v=spf1 include:example.com -all", &[code::dmarc::SPF_RECORD]),
        ("v=dmarc1; p=none", &[code::dmarc::BAD_VERSION]),
        ("p=none; v=DMARC1", &[code::dmarc::BAD_VERSION]),
        ("v=DMARC1; p", &[code::tagvalue::MISSING_EQUALS]),
        ("V = DMARC1 ;\tP = Reject ; rua=mailto:d@example.com; ", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(codes(text), *want, "{text}");
    }
}

#[test]
fn findings_point_at_their_tag() {
    let text = "v=DMARC1; p=reject; pct=50; rua=mailto:d@example.com";
    let (_, findings) = check(text, "x");
    let span = findings[0].span.unwrap();
    assert_eq!(&text[span.start..span.end], "pct=50");
}

#[test]
fn missing_p_fix_is_a_clean_record() {
    let (_, findings) = check("v=DMARC1; rua=mailto:d@example.com", "x");
    let fix = findings[0].fix.as_deref().unwrap();
    assert_eq!(fix, "v=DMARC1; p=none; rua=mailto:d@example.com");
    assert!(is_valid(&check(fix, "x").1));
}

#[test]
fn external_authorizations() {
    let domain = Name::host("example.com").unwrap();
    let rec = DmarcRecord::parse(
        "v=DMARC1; p=none; rua=mailto:a@example.com,mailto:b@reports.example.com,mailto:c@dmarc.example.net!10m; \
         ruf=mailto:d@dmarc.example.net,https://x.example.org/",
    )
    .unwrap();
    let auths = external_report_authorizations(&domain, &rec);
    assert_eq!(
        auths,
        vec![(
            Name::service("example.com._report._dmarc.dmarc.example.net").unwrap(),
            "v=DMARC1".to_string()
        )]
    );
    // Given the _dmarc owner name, the same answer.
    let owner = Name::service("_dmarc.example.com").unwrap();
    assert_eq!(external_report_authorizations(&owner, &rec), auths);
    let findings = lint_external_reports(&domain, &rec);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].severity, Severity::Warning);
    assert_eq!(
        findings[0].fix.as_deref(),
        Some("example.com._report._dmarc.dmarc.example.net. IN TXT \"v=DMARC1\"")
    );
    assert_eq!(findings[0].get_arg("dest"), Some("dmarc.example.net"));
}

#[test]
fn every_code_is_in_the_catalogue() {
    for code in lint::CODES.iter().chain(uri::CODES) {
        assert!(crate::i18n::lookup(code).is_some(), "{code}");
    }
}

fn arb_policy() -> impl Strategy<Value = Option<DmarcPolicy>> {
    proptest::option::of(prop_oneof![
        Just(DmarcPolicy::None),
        Just(DmarcPolicy::Quarantine),
        Just(DmarcPolicy::Reject)
    ])
}

fn arb_uris() -> impl Strategy<Value = Vec<ReportUri>> {
    let size = proptest::option::of(
        (
            any::<u64>(),
            proptest::option::of(prop_oneof![Just('k'), Just('m'), Just('g'), Just('t')]),
        )
            .prop_map(|(amount, unit)| ReportSize { amount, unit }),
    );
    let uri = prop_oneof![
        "mailto:[a-z0-9.+-]{1,10}@[a-z]{1,8}\\.(com|example|net)",
        "https://[a-z]{1,8}\\.example/[a-z0-9/]{0,10}",
    ];
    proptest::collection::vec((uri, size).prop_map(|(uri, size)| ReportUri { uri, size }), 0..3)
}

fn arb_record() -> impl Strategy<Value = DmarcRecord> {
    let align = || proptest::option::of(prop_oneof![Just(Alignment::Relaxed), Just(Alignment::Strict)]);
    let fo = proptest::collection::vec(
        prop_oneof![
            Just(FailureOption::AllFail),
            Just(FailureOption::AnyFail),
            Just(FailureOption::Dkim),
            Just(FailureOption::Spf)
        ],
        0..3,
    );
    let psd = proptest::option::of(prop_oneof![
        Just(PsdFlag::Yes),
        Just(PsdFlag::No),
        Just(PsdFlag::Unknown)
    ]);
    let removed = proptest::collection::vec(
        (prop_oneof![Just("pct"), Just("rf"), Just("ri")], "[a-z0-9]{1,5}")
            .prop_map(|(n, v)| (n.to_string(), v)),
        0..2,
    );
    let unknown = proptest::collection::vec(("x[a-z]{0,5}", "[!-:<-~]{1,8}"), 0..2);
    (
        (
            arb_policy(),
            arb_policy(),
            arb_policy(),
            psd,
            proptest::option::of(any::<bool>()),
        ),
        (align(), align(), arb_uris(), arb_uris(), fo, removed, unknown),
    )
        .prop_map(
            |(
                (policy, subdomain_policy, nonexistent_policy, psd, testing),
                (adkim, aspf, rua, ruf, fo, removed, unknown),
            )| {
                DmarcRecord {
                    policy,
                    subdomain_policy,
                    nonexistent_policy,
                    psd,
                    testing,
                    adkim,
                    aspf,
                    rua,
                    ruf,
                    failure_options: fo,
                    removed,
                    unknown,
                }
            },
        )
}

proptest! {
    #[test]
    fn round_trip(rec in arb_record()) {
        let text = rec.to_string();
        prop_assert_eq!(DmarcRecord::parse(&text), Ok(rec), "{}", text);
    }

    #[test]
    fn never_panics(s in "\\PC{0,400}") {
        let _ = check(&s, "x");
    }

    #[test]
    fn never_panics_after_version(s in "\\PC{0,300}") {
        let _ = check(&format!("v=DMARC1; {s}"), "x");
    }

    #[test]
    fn never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = check(&String::from_utf8_lossy(&b), "x");
    }
}
