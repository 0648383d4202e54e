//! Plans written by earlier pages still open: the stored plan (versions 1
//! and 2) and the share links (`p0=`, `p1=`) captured from the code before
//! the plan's DMARC and MTA-STS fields became the protocol types
//! (`tests/vectors/plan_compat/SOURCES.md`). Each opens into the same typed
//! plan, and that plan generates the records the old code generated.

use maildns::generate::{validate_and_generate, RecordSet};
use maildns::plan::*;
use maildns::share;

const STORED_V1: &str = include_str!("vectors/plan_compat/stored-v1.json");
const STORED_V2: &str = include_str!("vectors/plan_compat/stored-v2.json");
const SHARE_P0: &str = include_str!("vectors/plan_compat/share-p0.txt");
const SHARE_P1: &str = include_str!("vectors/plan_compat/share-p1.txt");
const RECORDS: &str = include_str!("vectors/plan_compat/records.txt");
const MTA_STS: &str = include_str!("vectors/plan_compat/mta-sts.txt");

/// The plan the fixtures hold, written with today's types.
fn rich_plan() -> MailPlan {
    MailPlan {
        domain: "example.com".into(),
        hosts: vec![HostInput {
            name: "mail".into(),
            ipv4: vec!["192.0.2.1".into()],
            ipv6: vec!["2001:db8::25".into()],
            priority: "10".into(),
        }],
        backup_mx: vec![
            HostInput {
                name: "mx2".into(),
                ipv4: vec!["192.0.2.2".into()],
                ipv6: vec![],
                priority: "20".into(),
            },
            HostInput {
                name: "backup.example.net".into(),
                ipv4: vec![],
                ipv6: vec![],
                priority: "30".into(),
            },
        ],
        ttl: TtlInput {
            default: "3600".into(),
            ..TtlInput::default()
        },
        spf: SpfInput {
            ip4: vec!["198.51.100.0/24".into()],
            ..SpfInput::default()
        },
        dkim: DkimInput {
            selector: "s202612".into(),
            algorithm: DkimAlgorithm::Rsa2048,
            public_key: include_str!("vectors/generate/r2048.pub").into(),
            ed25519_selector: "e202612".into(),
            ed25519_public_key: include_str!("vectors/generate/ed.pub").into(),
        },
        dmarc: DmarcInput {
            p: DmarcPolicy::Quarantine,
            sp: Some(DmarcPolicy::Reject),
            np: Some(DmarcPolicy::Reject),
            adkim: Some(Alignment::Strict),
            aspf: Some(Alignment::Relaxed),
            rua: vec![
                "dmarc@example.com".into(),
                "mailto:agg@reports.example.net".into(),
            ],
            ruf: vec!["forensic@example.com".into()],
        },
        mta_sts: MtaStsInput {
            enabled: true,
            mode: Mode::Enforce,
            max_age: "1209600".into(),
            ..MtaStsInput::default()
        },
        tls_rpt: TlsRptInput {
            enabled: true,
            rua: vec![
                "tlsrpt@example.com".into(),
                "https://tlsrpt.example.net/v1".into(),
            ],
        },
        null_mx: false,
        autoconfig: AutoconfigInput {
            enabled: true,
            ..AutoconfigInput::default()
        },
        caa: CaaInput {
            enabled: true,
            issuers: vec!["letsencrypt.org".into()],
            iodef: "mailto:security@example.com".into(),
        },
        tlsa: TlsaInput {
            enabled: true,
            pem: include_str!("vectors/generate/cert-ec.pem").into(),
        },
    }
}

/// The records as `records.txt` writes them: zone-file lines, other zones marked.
fn record_lines(set: &RecordSet) -> String {
    let mut out = String::new();
    for r in &set.records {
        out.push_str(&r.record.to_string());
        if let Some(zone) = &r.other_zone {
            out.push_str(&format!(" ; other zone {}", zone.as_str()));
        }
        out.push('\n');
    }
    out
}

#[test]
fn every_old_form_opens_into_the_same_typed_plan_and_records() {
    let opened: [(&str, Result<MailPlan, String>); 4] = [
        (
            "stored v1",
            stored::decode(STORED_V1).map_err(|e| e.code().to_string()),
        ),
        (
            "stored v2",
            stored::decode(STORED_V2).map_err(|e| e.code().to_string()),
        ),
        (
            "share p0",
            share::decode(SHARE_P0).map_err(|e| e.code().to_string()),
        ),
        (
            "share p1",
            share::decode(SHARE_P1).map_err(|e| e.code().to_string()),
        ),
    ];
    let (mut passed, mut failed) = (0, 0);
    for (name, plan) in opened {
        let ok = match plan {
            Ok(plan) => {
                // The typed fields, one by one, then the whole plan.
                let typed = plan.dmarc.p == DmarcPolicy::Quarantine
                    && plan.dmarc.sp == Some(DmarcPolicy::Reject)
                    && plan.dmarc.adkim == Some(Alignment::Strict)
                    && plan.dmarc.aspf == Some(Alignment::Relaxed)
                    && plan.mta_sts.mode == Mode::Enforce;
                let same = plan == rich_plan();
                let (records, policy) = match validate_and_generate(&plan) {
                    Ok((_, set)) => {
                        let policy = set
                            .mta_sts_policy
                            .as_ref()
                            .map(|p| format!("{}\n{}", p.url, p.body));
                        (record_lines(&set), policy)
                    }
                    Err(e) => (format!("{:?}", e.by_field), None),
                };
                assert_eq!(records, RECORDS, "{name}: records");
                assert_eq!(policy.as_deref(), Some(MTA_STS), "{name}: policy file");
                typed && same
            }
            Err(code) => {
                eprintln!("{name}: does not open ({code})");
                false
            }
        };
        if ok {
            passed += 1;
        } else {
            eprintln!("{name}: opened into another plan");
            failed += 1;
        }
    }
    println!("plan_compat: {passed} passed, {failed} failed");
    assert_eq!(failed, 0);
}

/// Today's forms write the same text the old ones did: a plan saved or
/// shared now opens in a page of before the change too.
#[test]
fn todays_forms_are_the_old_text() {
    assert_eq!(stored::encode(&rich_plan()), STORED_V2.trim_end());
    assert_eq!(share::encode(&rich_plan()), SHARE_P1.trim_end());
    let v1: serde_json::Value = serde_json::from_str(STORED_V1).unwrap_or_default();
    assert_eq!(serde_json::to_value(rich_plan()).ok(), Some(v1));
}

/// A stored value no type knows is set aside as unreadable, as any bad
/// stored field was before: never a panic, never a guess.
#[test]
fn an_unknown_policy_or_mode_is_set_aside() {
    for (from, to) in [
        (r#""p":"quarantine""#, r#""p":"monitor""#),
        (r#""mode":"enforce""#, r#""mode":"strict""#),
        (r#""adkim":"strict""#, r#""adkim":"s""#),
    ] {
        assert!(STORED_V2.contains(from), "{from}");
        let bad = STORED_V2.replacen(from, to, 1);
        let err = stored::decode(&bad).expect_err(to);
        assert_eq!(err.code(), "storage.not_a_plan", "{to}");
        assert!(err.set_aside());
    }
}
