use super::*;
use crate::finding::Severity;
use crate::i18n::code;
use proptest::prelude::*;

pub(crate) const RSA2048: &str = include_str!("../../tests/vectors/generate/r2048.pub");
pub(crate) const RSA1024: &str = include_str!("../../tests/vectors/generate/r1024.pub");
pub(crate) const RSA4096: &str = include_str!("../../tests/vectors/generate/r4096.pub");
pub(crate) const ED25519: &str = include_str!("../../tests/vectors/generate/ed.pub");
pub(crate) const CERT: &str = include_str!("../../tests/vectors/generate/cert-ec.pem");
pub(crate) const CERT_PUB: &str = include_str!("../../tests/vectors/generate/cert-ec.pub");

/// The guide's example plan.
pub(crate) fn example() -> MailPlan {
    MailPlan {
        domain: "example.com".into(),
        hosts: vec![HostInput {
            ipv4: vec!["192.0.2.1".into()],
            ..HostInput::default()
        }],
        dkim: DkimInput {
            selector: "mail".into(),
            public_key: RSA2048.into(),
            ..DkimInput::default()
        },
        dmarc: DmarcInput {
            rua: vec!["dmarc@example.com".into()],
            ..DmarcInput::default()
        },
        ..MailPlan::default()
    }
}

fn codes(e: &PlanErrors, field: &str) -> Vec<&'static str> {
    e.get(field).iter().map(|f| f.code).collect()
}

#[test]
fn guide_example_validates_with_defaults() {
    let v = validate(&example()).expect("valid");
    assert_eq!(v.domain.as_str(), "example.com");
    assert_eq!(v.hosts.len(), 1);
    assert_eq!(v.hosts[0].name.as_str(), "mail.example.com");
    assert_eq!(v.hosts[0].priority, 10);
    assert_eq!(v.ttl.of("mx"), 3600);
    assert_eq!(v.dmarc.rua, vec!["mailto:dmarc@example.com".to_string()]);
    let dkim = v.dkim.expect("dkim");
    assert_eq!(dkim.owner.as_str(), "mail._domainkey.example.com");
    assert_eq!(
        codes(&v.field_findings, "hosts[0].ipv4[0]"),
        vec![code::address::DOCUMENTATION]
    );
    assert_eq!(codes(&v.field_findings, "domain"), Vec::<&str>::new());
}

#[test]
fn errors_are_keyed_by_field() {
    let mut p = example();
    p.hosts[0].ipv4.push("192.0.2.300".into());
    p.hosts[0].ipv6.push("2001:db8::1::2".into());
    p.hosts[0].priority = "70000".into();
    p.spf.includes = vec!["_spf.google.com".into(), "bad..name".into()];
    p.spf.ip4 = vec!["198.51.100.0/33".into()];
    p.dkim.selector = "".into();
    p.dmarc.ruf = vec!["ftp://x.example".into()];
    p.ttl.default = "abc".into();
    p.ttl.overrides.insert("dkim".into(), "30".into());
    let e = validate(&p).expect_err("invalid");
    assert_eq!(codes(&e, "hosts[0].ipv4[1]"), vec![code::address::BAD_IPV4]);
    assert_eq!(codes(&e, "hosts[0].ipv6[0]"), vec![code::address::BAD_IPV6]);
    assert_eq!(codes(&e, "hosts[0].priority"), vec![code::plan::BAD_PRIORITY]);
    assert_eq!(codes(&e, "spf.includes[1]"), vec![code::name::EMPTY_LABEL]);
    assert!(codes(&e, "spf.includes[0]").is_empty());
    assert_eq!(codes(&e, "spf.ip4[0]"), vec![code::plan::BAD_CIDR]);
    assert_eq!(codes(&e, "dkim.selector"), vec![code::plan::DKIM_NO_SELECTOR]);
    assert_eq!(codes(&e, "dmarc.ruf[0]"), vec![code::plan::BAD_REPORT_URI]);
    assert_eq!(codes(&e, "ttl.default"), vec![code::record::BAD_TTL]);
    assert_eq!(codes(&e, "ttl.dkim"), vec![code::record::TTL_LOW]);
    assert!(e.has_errors());
}

#[test]
fn addresses_typed_as_host_names_are_ip_literals() {
    // Not prefixed to the domain (which would make `:` a bad character).
    for name in [
        "2001:db8::25",
        "192.0.2.1",
        "[192.0.2.1]",
        "010.0.0.1",
        "fe80::1%eth0",
    ] {
        let mut p = example();
        p.hosts[0].name = name.into();
        p.backup_mx = vec![HostInput {
            name: name.into(),
            ..Default::default()
        }];
        p.spf.mx = vec![name.into()];
        let e = validate(&p).expect_err("invalid");
        for field in ["hosts[0].name", "backup_mx[0].name", "spf.mx[0]"] {
            assert_eq!(codes(&e, field), vec![code::name::IP_LITERAL], "{name} {field}");
        }
    }
}

#[test]
fn idn_domain_becomes_punycode_and_relative_host_names_resolve() {
    let mut p = example();
    p.domain = "例子.中国".into();
    p.hosts[0].name = "smtp".into();
    p.backup_mx = vec![HostInput {
        name: "mx.backup-provider.net".into(),
        ..HostInput::default()
    }];
    p.dmarc.rua.clear();
    let v = validate(&p).expect("valid");
    assert_eq!(v.domain.as_str(), "xn--fsqu00a.xn--fiqs8s");
    assert_eq!(v.hosts[0].name.as_str(), "smtp.xn--fsqu00a.xn--fiqs8s");
    assert_eq!(v.backup_mx[0].name.as_str(), "mx.backup-provider.net");
    assert_eq!(v.backup_mx[0].priority, 20);
    assert!(!v.backup_mx[0].has_addresses());
}

#[test]
fn missing_domain_and_hosts() {
    let e = validate(&MailPlan::default()).expect_err("empty form");
    assert_eq!(codes(&e, "domain"), vec![code::name::EMPTY]);
    // Other fields are checked while the domain is still empty.
    let mut p = example();
    p.domain = "exa mple".into();
    p.hosts[0].ipv4[0] = "192.0.2".into();
    let e = validate(&p).expect_err("bad domain");
    assert_eq!(codes(&e, "domain"), vec![code::name::BAD_CHAR]);
    assert_eq!(codes(&e, "hosts[0].ipv4[0]"), vec![code::address::BAD_IPV4]);
    let p = MailPlan {
        domain: "example.org".into(),
        ..MailPlan::default()
    };
    assert_eq!(
        codes(&validate(&p).expect_err("no host"), "hosts"),
        vec![code::plan::NO_MAIL_HOST]
    );
}

#[test]
fn null_mx_ignores_hosts_and_locks_down_dmarc() {
    let mut p = example();
    p.null_mx = true;
    p.hosts[0].ipv4 = vec!["not an address".into()];
    let v = validate(&p).expect("null mx ignores host errors");
    assert!(v.hosts.is_empty());
    assert_eq!(v.dmarc.p, DmarcPolicy::Reject);
    assert_eq!(
        codes(&v.field_findings, "hosts"),
        vec![code::plan::NULL_MX_IGNORES_HOSTS]
    );
}

#[test]
fn dkim_key_sizes_and_kinds() {
    let cases: &[(DkimAlgorithm, &str, &[&str])] = &[
        (DkimAlgorithm::Rsa2048, RSA2048, &[]),
        (DkimAlgorithm::Rsa1024, RSA1024, &[code::plan::DKIM_RSA_1024]),
        (DkimAlgorithm::Rsa4096, RSA4096, &[code::plan::DKIM_RSA_4096]),
        (
            DkimAlgorithm::Rsa2048,
            RSA4096,
            &[code::plan::DKIM_SIZE_MISMATCH, code::plan::DKIM_RSA_4096],
        ),
    ];
    for (alg, key, want) in cases {
        let mut p = example();
        p.dkim.algorithm = *alg;
        p.dkim.public_key = key.to_string();
        let v = validate(&p).expect("valid");
        let got: Vec<&str> = v
            .field_findings
            .get("dkim.public_key")
            .iter()
            .filter(|f| f.code.starts_with("plan."))
            .map(|f| f.code)
            .collect();
        assert_eq!(&got, want, "{alg:?}");
        // RFC 1035 §4.2.1: only the 4096-bit record outgrows a 512-octet UDP answer.
        let large = v
            .field_findings
            .get("dkim.public_key")
            .iter()
            .any(|f| f.code == code::txt::LARGE && f.severity == Severity::Warning);
        assert_eq!(large, *key == RSA4096, "{alg:?}");
    }
    let mut p = example();
    p.dkim.public_key = ED25519.into();
    assert_eq!(
        codes(&validate(&p).expect_err("ed in rsa"), "dkim.public_key"),
        vec![code::plan::DKIM_NOT_RSA]
    );

    let mut p = example();
    p.dkim.ed25519_selector = "ed".into();
    p.dkim.ed25519_public_key = ED25519.into();
    let v = validate(&p).expect("rsa + ed25519");
    assert_eq!(
        v.dkim_ed25519.expect("ed").owner.as_str(),
        "ed._domainkey.example.com"
    );

    p.dkim.public_key.clear();
    assert_eq!(
        codes(&validate(&p).expect_err("ed alone"), "dkim.ed25519_public_key"),
        vec![code::plan::DKIM_ED25519_WITHOUT_RSA]
    );
}

#[test]
fn private_keys_are_refused_and_never_kept() {
    let mut p = example();
    p.dkim.public_key = "-----BEGIN PRIVATE KEY-----\nMIIEv...\n-----END PRIVATE KEY-----".into();
    p.tlsa.pem = "-----BEGIN RSA PRIVATE KEY-----\nx\n-----END RSA PRIVATE KEY-----".into();
    p.tlsa.enabled = true;
    let e = validate(&p).expect_err("private key");
    assert_eq!(codes(&e, "dkim.public_key"), vec![code::plan::PRIVATE_KEY_PASTED]);
    assert_eq!(codes(&e, "tlsa.pem"), vec![code::plan::PRIVATE_KEY_PASTED]);
    let clean = p.without_private_keys();
    assert!(clean.dkim.public_key.is_empty() && clean.tlsa.pem.is_empty());
    assert_eq!(clean.domain, p.domain);
}

#[test]
fn tlsa_hashes_the_spki_of_a_certificate_or_key() {
    let want = "7b6fa3b5d0b23b1c362647282a112295585db4109a8e59af0e08613b93976a26";
    for pem in [CERT, CERT_PUB] {
        let mut p = example();
        p.tlsa = TlsaInput {
            enabled: true,
            pem: pem.into(),
        };
        let digest = validate(&p).expect("valid").tlsa_spki_sha256.expect("digest");
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, want);
    }
    let mut p = example();
    p.tlsa = TlsaInput {
        enabled: true,
        pem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----".into(),
    };
    assert_eq!(
        codes(&validate(&p).expect_err("bad"), "tlsa.pem"),
        vec![code::plan::TLSA_BAD_DER]
    );
    p.tlsa.pem = "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----".into();
    assert_eq!(
        codes(&validate(&p).expect_err("bad"), "tlsa.pem"),
        vec![code::plan::TLSA_BAD_PEM]
    );
}

#[test]
fn mta_sts_defaults_to_mx_hosts_and_first_host_address() {
    let mut p = example();
    p.mta_sts.enabled = true;
    p.backup_mx = vec![HostInput {
        name: "mx2.example.net".into(),
        ..HostInput::default()
    }];
    let m = validate(&p).expect("valid").mta_sts.expect("mta-sts");
    assert_eq!(
        m.mx.iter().map(ToString::to_string).collect::<Vec<_>>(),
        vec!["mail.example.com".to_string(), "mx2.example.net".to_string()]
    );
    assert_eq!(m.web_ipv4, vec![std::net::Ipv4Addr::new(192, 0, 2, 1)]);
    assert_eq!(m.max_age, 604_800);
    p.mta_sts.mx = vec![
        "*.example.com".into(),
        "*.".into(),
        "192.0.2.1".into(),
        "mail..example.com".into(),
    ];
    p.mta_sts.max_age = "31557601".into();
    let e = validate(&p).expect_err("bad");
    assert_eq!(codes(&e, "mta_sts.mx[1]"), vec![code::plan::BAD_MX_PATTERN]);
    assert_eq!(codes(&e, "mta_sts.mx[2]"), vec![code::name::IP_LITERAL]);
    assert_eq!(codes(&e, "mta_sts.mx[3]"), vec![code::name::EMPTY_LABEL]);
    assert_eq!(codes(&e, "mta_sts.max_age"), vec![code::plan::BAD_MAX_AGE]);
}

#[test]
fn spf_lookup_limit_and_spki_base64_keys() {
    let mut p = example();
    p.spf.includes = (0..11).map(|i| format!("_spf{i}.example.net")).collect();
    assert_eq!(
        codes(&validate(&p).expect_err("11 includes"), "spf"),
        vec![code::plan::SPF_TOO_MANY_LOOKUPS]
    );
    // The page sets the SPKI base64 it got from WebCrypto's exportKey("spki").
    let mut p = example();
    p.dkim.public_key = RSA2048.lines().filter(|l| !l.starts_with("-----")).collect();
    p.dkim.selector = "dkim.2026".into();
    let v = validate(&p).expect("valid");
    let d = v.dkim.expect("dkim");
    assert_eq!(
        (d.selector.as_str(), d.owner.as_str()),
        ("dkim.2026", "dkim.2026._domainkey.example.com")
    );
}

#[test]
fn selector_suggestion() {
    assert_eq!(suggest_selector(2026, 11), "s202611");
    assert_eq!(suggest_selector(2027, 1), "s202701");
    assert_eq!(suggest_selector(2027, 0), "s202701");
    assert_eq!(suggest_selector(999, 13), "s099912");
}

#[test]
fn every_code_is_in_the_catalogue() {
    for code in CODES
        .iter()
        .chain(&[code::plan::TLSA_BAD_PEM, code::plan::TLSA_BAD_DER])
    {
        assert!(
            crate::i18n::lookup(code).is_some(),
            "{code} missing from the catalogue"
        );
    }
}

#[test]
fn severities_of_own_codes_are_stable() {
    let mut p = example();
    p.hosts.push(HostInput {
        name: "mx2".into(),
        ..HostInput::default()
    });
    let e = validate(&p).expect_err("an in-zone host without address is an error");
    let f = &e.get("hosts[1].ipv4")[0];
    assert_eq!(
        (f.code, f.severity),
        (code::plan::HOST_NO_ADDRESS, Severity::Error)
    );
    // A host named outside the domain is someone else's to give addresses.
    p.hosts[1].name = "mx.provider.example.net".into();
    assert!(validate(&p).is_ok());
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        proptest::collection::vec(any::<u8>(), 0..40).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        Just("192.0.2.1".to_string()),
        Just("mail".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn validate_never_panics(
        domain in text(), name in text(), ip4 in text(), ip6 in text(), prio in text(),
        sel in text(), key in text(), rua in text(), ttl in text(), mx in text(), pem in text(),
        null in any::<bool>(),
    ) {
        let p = MailPlan {
            domain,
            hosts: vec![HostInput { name, ipv4: vec![ip4], ipv6: vec![ip6], priority: prio }],
            ttl: TtlInput { default: ttl, ..TtlInput::default() },
            spf: SpfInput { includes: vec![mx.clone()], ..SpfInput::default() },
            dkim: DkimInput { selector: sel, public_key: key, ..DkimInput::default() },
            dmarc: DmarcInput { rua: vec![rua.clone()], ..DmarcInput::default() },
            mta_sts: MtaStsInput { enabled: true, mx: vec![mx], ..MtaStsInput::default() },
            tls_rpt: TlsRptInput { enabled: true, rua: vec![rua] },
            tlsa: TlsaInput { enabled: true, pem },
            null_mx: null,
            ..MailPlan::default()
        };
        let _ = field_findings(&p);
    }
}

/// Plans that should validate: a mix of every option, for the generator's
/// property tests and the share codec.
pub(crate) fn valid_plan() -> impl Strategy<Value = MailPlan> {
    let domain = prop::sample::select(vec![
        "example.com",
        "例子.中国",
        "mail-test.example.org",
        "bücher.example",
        "a.b.c.example.net",
    ]);
    let host = (
        prop::sample::select(vec!["", "mail", "mx1", "smtp.example.net"]),
        proptest::collection::vec(
            any::<u32>().prop_filter("usable address", |a| {
                crate::model::address::lint_address(std::net::Ipv4Addr::from(*a).into())
                    .iter()
                    .all(|f| f.severity != Severity::Error)
            }),
            1..3,
        ),
        // Global unicast 2a00::/12 or documentation 2001:db8::/32.
        proptest::collection::vec(
            prop_oneof![
                any::<u128>().prop_map(|x| (0x2a00u128 << 112) | (x >> 16)),
                any::<u128>().prop_map(|x| (0x2001_0db8u128 << 96) | (x >> 32)),
            ],
            0..2,
        ),
        prop::option::of(0u16..100),
    )
        .prop_map(|(name, v4, v6, prio)| HostInput {
            name: name.to_string(),
            ipv4: v4
                .into_iter()
                .map(|a| std::net::Ipv4Addr::from(a).to_string())
                .collect(),
            ipv6: v6
                .into_iter()
                .map(|a| std::net::Ipv6Addr::from(a).to_string())
                .collect(),
            priority: prio.map(|p| p.to_string()).unwrap_or_default(),
        });
    let hosts = proptest::collection::vec(host, 1..3).prop_map(|mut hs| {
        // Distinct names: the first keeps its (possibly default) name, the rest get numbered.
        for (i, h) in hs.iter_mut().enumerate().skip(1) {
            h.name = format!("host{i}");
        }
        hs
    });
    let backup = prop::option::of((any::<bool>(), 20u16..90)).prop_map(|b| match b {
        None => vec![],
        Some((own, prio)) => vec![HostInput {
            name: if own {
                "backup".into()
            } else {
                "mx.backup-provider.net".into()
            },
            ipv4: if own { vec!["203.0.113.9".into()] } else { vec![] },
            ipv6: vec![],
            priority: prio.to_string(),
        }],
    });
    let key = prop::sample::select(vec!["", RSA1024, RSA2048, RSA4096]);
    let policy = prop::sample::select(vec![
        DmarcPolicy::None,
        DmarcPolicy::Quarantine,
        DmarcPolicy::Reject,
    ]);
    let rua = prop::sample::subsequence(
        vec![
            "dmarc@example.com",
            "mailto:reports@dmarc.example.net",
            "rua@例子.中国",
        ],
        0..3,
    );
    let spf = (
        prop::sample::subsequence(vec!["198.51.100.0/24", "192.0.2.77"], 0..2),
        prop::sample::subsequence(vec!["2001:db8:1::/48"], 0..1),
        prop::sample::subsequence(vec!["_spf.google.com", "spf.protection.outlook.com"], 0..2),
        prop::sample::subsequence(vec!["@", "relay.example.net"], 0..2),
        any::<bool>(),
    )
        .prop_map(|(ip4, ip6, inc, a, soft)| SpfInput {
            ip4: ip4.into_iter().map(String::from).collect(),
            ip6: ip6.into_iter().map(String::from).collect(),
            a: a.into_iter().map(String::from).collect(),
            mx: vec![],
            includes: inc.into_iter().map(String::from).collect(),
            all: if soft { SpfAll::SoftFail } else { SpfAll::Fail },
        });
    let dmarc = (
        policy.clone(),
        prop::option::of(policy.clone()),
        prop::option::of(policy),
        rua.clone(),
        any::<bool>(),
    )
        .prop_map(|(p, sp, np, rua, strict)| DmarcInput {
            p,
            sp,
            np,
            adkim: strict.then_some(Alignment::Strict),
            aspf: None,
            rua: rua.into_iter().map(String::from).collect(),
            ruf: vec![],
        });
    let extras = (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    );
    (
        domain,
        hosts,
        backup,
        key,
        any::<bool>(),
        spf,
        dmarc,
        extras,
        prop::option::of(60u32..86400),
    )
        .prop_map(|(domain, hosts, backup_mx, key, ed, spf, dmarc, x, ttl)| {
            let mut p = MailPlan {
                domain: domain.to_string(),
                hosts,
                backup_mx,
                spf,
                dmarc,
                null_mx: x.0,
                ..MailPlan::default()
            };
            if let Some(t) = ttl {
                p.ttl.default = t.to_string();
                p.ttl.overrides.insert("dkim".into(), "86400".into());
            }
            p.dkim = DkimInput {
                selector: "s202611".into(),
                algorithm: match key.len() {
                    0..=300 => DkimAlgorithm::Rsa1024,
                    301..=500 => DkimAlgorithm::Rsa2048,
                    _ => DkimAlgorithm::Rsa4096,
                },
                public_key: key.to_string(),
                ed25519_selector: if ed && !key.is_empty() {
                    "ed202611".into()
                } else {
                    String::new()
                },
                ed25519_public_key: if ed && !key.is_empty() {
                    ED25519.into()
                } else {
                    String::new()
                },
            };
            p.mta_sts = MtaStsInput {
                enabled: x.1,
                mode: if x.2 { Mode::Enforce } else { Mode::Testing },
                web_ipv4: vec!["198.51.100.80".into()],
                ..MtaStsInput::default()
            };
            p.tls_rpt = TlsRptInput {
                enabled: x.2,
                rua: vec![
                    "tlsrpt@example.com".into(),
                    "https://reports.example.net/tlsrpt".into(),
                ],
            };
            p.autoconfig = AutoconfigInput {
                enabled: x.3,
                pop3s: x.4,
                ..AutoconfigInput::default()
            };
            p.caa = CaaInput {
                enabled: x.4,
                issuers: vec!["letsencrypt.org".into()],
                iodef: if x.5 {
                    "mailto:security@example.com".into()
                } else {
                    String::new()
                },
            };
            p.tlsa = TlsaInput {
                enabled: x.5,
                pem: CERT.into(),
            };
            p
        })
}

/// Plans with arbitrary text in every field (for the share codec).
pub(crate) fn any_plan() -> impl Strategy<Value = MailPlan> {
    let s = || "\\PC{0,20}";
    (
        valid_plan(),
        s(),
        s(),
        proptest::collection::vec(s(), 0..3),
        proptest::collection::btree_map(s(), s(), 0..2),
    )
        .prop_map(|(mut p, a, b, list, map)| {
            if let Some(h) = p.hosts.first_mut() {
                h.name = a;
                h.ipv4.extend(list.clone());
            }
            p.dkim.selector = b;
            p.dmarc.ruf = list;
            p.ttl.overrides = map;
            p
        })
}

/// Found by `cargo fuzz` (target `plan_json`): a one-label CAA issuer was
/// accepted and generated `CAA 0 issue "letsencrypteorg"`, which the CAA
/// checker calls an error.
#[test]
fn one_label_caa_issuer_is_refused() {
    let mut plan = MailPlan {
        domain: "example.com".into(),
        ..MailPlan::default()
    };
    plan.caa = CaaInput {
        enabled: true,
        issuers: vec!["letsencrypteorg".into()],
        iodef: String::new(),
    };
    let errors = field_findings(&plan);
    assert_eq!(
        errors
            .get("caa.issuers[0]")
            .iter()
            .map(|f| f.code)
            .collect::<Vec<_>>(),
        vec![code::caa::BAD_ISSUER]
    );
}

/// Found by cargo fuzz (target plan_json): an include whose last label has
/// an underscore passed validation and made an SPF record that does not
/// parse (RFC 7208 §7.1 domain-end).
#[test]
fn spf_include_with_a_bad_top_label_is_refused() {
    let mut plan = MailPlan {
        domain: "example.com".into(),
        ..MailPlan::default()
    };
    plan.spf.includes = vec![
        "_spf.example.dmarc.unknown_tagnet".into(),
        "_spf.example.net".into(),
    ];
    let errors = field_findings(&plan);
    assert_eq!(
        errors
            .get("spf.includes[0]")
            .iter()
            .map(|f| f.code)
            .collect::<Vec<_>>(),
        vec![code::spf::SYNTAX_BAD_DOMAIN_END]
    );
    assert!(
        errors.get("spf.includes[1]").is_empty(),
        "an underscore label before the end is fine"
    );
}

#[test]
fn a_selector_typed_as_its_host_record_is_read_and_pointed_out() {
    // Issue 21 item 4.
    let mut p = example();
    p.dkim.selector = "mail._domainkey".into();
    let v = validate(&p).expect("valid: a warning only");
    let on_selector: Vec<_> = v
        .field_findings
        .get("dkim.selector")
        .iter()
        .map(|f| (f.code, f.severity))
        .collect();
    assert_eq!(
        on_selector,
        [(code::plan::DKIM_SELECTOR_SUFFIX, Severity::Warning)]
    );
    let f = &v.field_findings.get("dkim.selector")[0];
    assert_eq!(
        (f.get_arg("text"), f.get_arg("selector")),
        (Some("mail._domainkey"), Some("mail"))
    );
    assert_eq!(
        v.dkim.map(|d| d.owner.to_string()),
        Some("mail._domainkey.example.com.".to_string())
    );
    // A plain selector says nothing.
    p.dkim.selector = "mail".into();
    assert!(field_findings(&p).get("dkim.selector").is_empty());
}

#[test]
fn a_mail_host_typed_as_the_domain_is_pointed_out_not_refused() {
    // Issue 21 item 5: `mail.example.com` as the domain gave MX mail.mail.example.com.
    let mut p = example();
    p.domain = "mail.example.com".into();
    let v = validate(&p).expect("valid: a warning only");
    let on_domain: Vec<_> = v
        .field_findings
        .get("domain")
        .iter()
        .map(|f| (f.code, f.get_arg("parent")))
        .collect();
    assert_eq!(on_domain, [(code::plan::DOMAIN_IS_HOST, Some("example.com"))]);
    for domain in [
        "example.com",
        "lists.example.com",
        "mail.com",
        "mailbox.example.com",
    ] {
        p.domain = domain.into();
        assert!(field_findings(&p).get("domain").is_empty(), "{domain}");
    }
}
