use super::*;
use crate::i18n::code;
use crate::spf::macros::{MacroEnv, MacroToken};
use proptest::prelude::*;

#[test]
fn recognises_spf_records() {
    for (text, want) in [
        ("v=spf1", true),
        ("V=SpF1 -all", true),
        ("v=spf1 ", true),
        ("v=spf10", false),
        ("v=spf1mx", false),
        ("v=spf2.0/pra", false),
        ("spf1", false),
        ("", false),
    ] {
        assert_eq!(is_spf_record(text), want, "{text:?}");
    }
}

#[test]
fn parses_every_term_kind() {
    let r = parse_record(
        "v=spf1 +a -mx:mail.example.com/24//64 ~ptr ?ip4:192.0.2.0/24 ip6:2001:db8::/32 \
         include:_spf.example.net exists:%{ir}.%{l1r+-}._spf.%{d} A:Example.com//128 \
         redirect=_spf.example.com exp=explain._spf.%{d} moo.cow-far_out=man:dog/cat -all",
    )
    .unwrap();
    let printed: Vec<String> = r.terms.iter().map(|t| t.term.to_string()).collect();
    assert_eq!(
        printed,
        [
            "+a",
            "-mx:mail.example.com/24//64",
            "~ptr",
            "?ip4:192.0.2.0/24",
            "ip6:2001:db8::/32",
            "include:_spf.example.net",
            "exists:%{ir}.%{l1r+-}._spf.%{d}",
            "a:Example.com//128",
            "redirect=_spf.example.com",
            "exp=explain._spf.%{d}",
            "moo.cow-far_out=man:dog/cat",
            "-all",
        ]
    );
    match &r.terms[1].term {
        Term::Directive(Directive {
            qualifier: Qualifier::Fail,
            mechanism: Mechanism::Mx { domain, cidr },
            ..
        }) => {
            assert_eq!(
                domain.as_ref().map(|d| d.to_string()).as_deref(),
                Some("mail.example.com")
            );
            assert_eq!(
                *cidr,
                DualCidr {
                    v4: Some(24),
                    v6: Some(64)
                }
            );
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(r.terms[0].span, Span::new(7, 9));
    assert!(r.redirect().is_some() && r.exp().is_some() && r.has_all());
}

#[test]
fn spaces_and_case() {
    let r = parse_record("V=SPF1   A  -ALL ").unwrap();
    assert_eq!(r.to_string(), "v=spf1 a -all");
    assert_eq!(r.terms[1].span, Span::new(12, 16));
    assert_eq!(parse_record("v=spf1").unwrap().terms.len(), 0);
}

#[test]
fn rejects_with_stable_codes_and_spans() {
    let cases: &[(&str, &str, (usize, usize))] = &[
        (
            "v=spf1 ip4:1.2.3.4 -all moo",
            code::spf::UNKNOWN_MECHANISM,
            (24, 27),
        ),
        (
            "v=spf1 moo.cow/far_out=man:dog/cat",
            code::spf::UNKNOWN_MECHANISM,
            (7, 14),
        ),
        (
            "v=spf1 redirect:t2.example.com",
            code::spf::UNKNOWN_MECHANISM,
            (7, 15),
        ),
        ("v=spf1 1up=foo", code::spf::SYNTAX_BAD_MODIFIER_NAME, (7, 10)),
        ("v=spf1 =all", code::spf::SYNTAX_BAD_MODIFIER_NAME, (7, 7)),
        ("v=spf1 -all.", code::spf::UNKNOWN_MECHANISM, (8, 12)),
        (
            "v=spf1 -all:foobar",
            code::spf::SYNTAX_UNEXPECTED_ARGUMENT,
            (11, 18),
        ),
        ("v=spf1 -all/8", code::spf::SYNTAX_UNEXPECTED_ARGUMENT, (11, 13)),
        (
            "v=spf1 ptr/0 -all",
            code::spf::SYNTAX_UNEXPECTED_ARGUMENT,
            (10, 12),
        ),
        (
            "v=spf1 include:ip5.example.com/24",
            code::spf::SYNTAX_UNEXPECTED_ARGUMENT,
            (30, 33),
        ),
        (
            "v=spf1 include: -all",
            code::spf::SYNTAX_MISSING_ARGUMENT,
            (15, 15),
        ),
        ("v=spf1 include", code::spf::SYNTAX_MISSING_ARGUMENT, (7, 14)),
        ("v=spf1 exists", code::spf::SYNTAX_MISSING_ARGUMENT, (7, 13)),
        ("v=spf1 a:", code::spf::SYNTAX_MISSING_ARGUMENT, (9, 9)),
        ("v=spf1 exp= -all", code::spf::SYNTAX_MISSING_ARGUMENT, (7, 11)),
        ("v=spf1 a:foo-bar", code::spf::SYNTAX_BAD_DOMAIN_END, (9, 16)),
        (
            "v=spf1 a:example.com:8080",
            code::spf::SYNTAX_BAD_DOMAIN_END,
            (9, 25),
        ),
        (
            "v=spf1 a:111.222.33.44",
            code::spf::SYNTAX_BAD_DOMAIN_END,
            (9, 22),
        ),
        ("v=spf1 redirect=-all", code::spf::SYNTAX_BAD_DOMAIN_END, (16, 20)),
        ("v=spf1 a/33", code::spf::SYNTAX_BAD_CIDR, (8, 11)),
        ("v=spf1 a//129", code::spf::SYNTAX_BAD_CIDR, (8, 13)),
        ("v=spf1 a/24/64", code::spf::SYNTAX_BAD_CIDR, (8, 14)),
        ("v=spf1 ip4:1.2.3.4/032", code::spf::SYNTAX_BAD_CIDR, (18, 22)),
        ("v=spf1 ip4:1.2.3.4//32", code::spf::SYNTAX_BAD_CIDR, (18, 22)),
        ("v=spf1 ip6:::1/129", code::spf::SYNTAX_BAD_CIDR, (14, 18)),
        ("v=spf1 ip4:1.2.3", code::spf::SYNTAX_BAD_IP4, (11, 16)),
        ("v=spf1 ip4:1.2.3.4:8080", code::spf::SYNTAX_BAD_IP4, (11, 23)),
        ("v=spf1 ip4:01.2.3.4", code::spf::SYNTAX_BAD_IP4, (11, 19)),
        ("v=spf1 ip6::CAFE::BABE", code::spf::SYNTAX_BAD_IP6, (11, 22)),
        ("v=spf1 ip4", code::spf::SYNTAX_MISSING_ARGUMENT, (7, 10)),
        ("v=spf1 include:24", code::spf::SYNTAX_BAD_DOMAIN_END, (15, 17)),
        ("v=spf1 exists:/24", code::spf::SYNTAX_BAD_DOMAIN_END, (14, 17)),
        ("v=spf1 a:1//2", code::spf::SYNTAX_BAD_DOMAIN_END, (9, 10)),
        (
            "v=spf1 a:ctrl.example.com\rptr -all",
            code::spf::SYNTAX_BAD_CHAR,
            (25, 26),
        ),
        ("v=spf1 a:foo.example.com\0", code::spf::SYNTAX_BAD_CHAR, (24, 25)),
        (
            "v=spf1 \u{80}a:example.net -all",
            code::spf::SYNTAX_NON_ASCII,
            (7, 9),
        ),
        ("v=spf1 foo=%abc", code::spf::SYNTAX_BAD_MACRO, (11, 13)),
        (
            "v=spf1 exists:%{x}.example.com",
            code::spf::SYNTAX_UNKNOWN_MACRO_LETTER,
            (16, 17),
        ),
        (
            "v=spf1 -all exp=%{r}.example.com",
            code::spf::SYNTAX_EXPLANATION_ONLY_MACRO,
            (16, 19),
        ),
        (
            "v=spf1 exp=a.example.com exp=b.example.com",
            code::spf::DUPLICATE_MODIFIER,
            (25, 42),
        ),
        (
            "v=spf1 redirect=a.example.com -all redirect=a.example.com",
            code::spf::DUPLICATE_MODIFIER,
            (35, 57),
        ),
        ("v=spf10 -all", code::spf::SYNTAX_NOT_SPF, (0, 7)),
    ];
    for (text, code, (s, e)) in cases {
        let err = parse_record(text).unwrap_err();
        assert_eq!(err.code(), *code, "{text:?}");
        assert_eq!(err.span, Span::new(*s, *e), "{text:?}");
        assert!(SpfParseError::CODES.contains(&err.code()));
    }
}

#[test]
fn lenient_parse_keeps_good_terms_and_all_errors() {
    let (r, errors) = parse_lenient("v=spf1 a foo bar:x mx -all:x");
    assert_eq!(r.to_string(), "v=spf1 a mx");
    let codes: Vec<&str> = errors.iter().map(|e| e.code()).collect();
    assert_eq!(
        codes,
        [
            code::spf::UNKNOWN_MECHANISM,
            code::spf::UNKNOWN_MECHANISM,
            code::spf::SYNTAX_UNEXPECTED_ARGUMENT
        ]
    );
}

#[test]
fn every_error_code_is_in_the_catalogue() {
    for code in SpfParseError::CODES {
        assert!(
            crate::i18n::lookup(code).is_some(),
            "{code} missing from the catalogue"
        );
    }
}

fn ident() -> impl Strategy<Value = String> {
    "[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?"
}

/// Domain-spec texts: labels and macros, ending in a toplabel or a macro.
fn domain_spec_text() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        ident(),
        "%\\{[slodipvhSLODIPVH]([1-9][0-9]?)?r?[-.+,/_=]{0,2}\\}",
        Just("%%".to_string()),
        Just("%_".to_string()),
        Just("%-".to_string()),
    ];
    let end = prop_oneof![
        "\\.[a-z][a-z0-9]{1,5}\\.?",
        "\\.xn--[a-z0-9]{2,6}",
        "\\.%\\{[dhoDHO][1-9]?\\}",
    ];
    (prop::collection::vec(part, 1..4), end).prop_map(|(parts, end)| format!("{}{end}", parts.join(".")))
}

fn domain_spec() -> impl Strategy<Value = MacroString> {
    domain_spec_text().prop_filter_map("valid domain-spec", |t| {
        MacroString::parse(&t, 0, MacroUse::DomainSpec).ok()
    })
}

fn cidr() -> impl Strategy<Value = DualCidr> {
    (prop::option::of(0u8..=32), prop::option::of(0u8..=128)).prop_map(|(v4, v6)| DualCidr { v4, v6 })
}

fn mechanism() -> impl Strategy<Value = Mechanism> {
    prop_oneof![
        Just(Mechanism::All),
        domain_spec().prop_map(Mechanism::Include),
        (prop::option::of(domain_spec()), cidr()).prop_map(|(domain, cidr)| Mechanism::A { domain, cidr }),
        (prop::option::of(domain_spec()), cidr()).prop_map(|(domain, cidr)| Mechanism::Mx { domain, cidr }),
        prop::option::of(domain_spec()).prop_map(Mechanism::Ptr),
        (any::<[u8; 4]>(), prop::option::of(0u8..=32)).prop_map(|(o, prefix)| Mechanism::Ip4 {
            addr: Ipv4Addr::from(o),
            prefix
        }),
        (any::<u128>(), prop::option::of(0u8..=128)).prop_map(|(a, prefix)| Mechanism::Ip6 {
            addr: Ipv6Addr::from(a),
            prefix
        }),
        domain_spec().prop_map(Mechanism::Exists),
    ]
}

fn directive() -> impl Strategy<Value = Term> {
    let q = prop_oneof![
        Just(Qualifier::Pass),
        Just(Qualifier::Fail),
        Just(Qualifier::SoftFail),
        Just(Qualifier::Neutral)
    ];
    (q, any::<bool>(), mechanism()).prop_map(|(qualifier, explicit, mechanism)| {
        Term::Directive(Directive {
            qualifier,
            explicit_qualifier: explicit || qualifier != Qualifier::Pass,
            mechanism,
        })
    })
}

fn unknown_modifier() -> impl Strategy<Value = Term> {
    (
        "[a-zA-Z][a-zA-Z0-9._-]{0,8}",
        "([!-$&-~]|%%|%_|%-|%\\{[slodipvhcrt][0-9]?r?\\}){0,6}",
    )
        .prop_filter_map("not a known modifier, valid value", |(name, value)| {
            if name.eq_ignore_ascii_case("redirect") || name.eq_ignore_ascii_case("exp") {
                return None;
            }
            let value = MacroString::parse(&value, 0, MacroUse::ModifierValue).ok()?;
            Some(Term::Modifier(Modifier::Unknown { name, value }))
        })
}

fn record() -> impl Strategy<Value = SpfRecord> {
    (
        prop::collection::vec(prop_oneof![4 => directive(), 1 => unknown_modifier()], 0..8),
        prop::option::of(domain_spec()),
        prop::option::of(domain_spec()),
    )
        .prop_map(|(mut terms, redirect, exp)| {
            if let Some(r) = redirect {
                terms.push(Term::Modifier(Modifier::Redirect(r)));
            }
            if let Some(e) = exp {
                terms.push(Term::Modifier(Modifier::Exp(e)));
            }
            SpfRecord::from_terms(terms)
        })
}

proptest! {
    #[test]
    fn never_panics_on_text(s in "\\PC{0,400}") {
        let _ = parse_lenient(&s);
        let _ = parse_lenient(&format!("v=spf1 {s}"));
        for usage in [MacroUse::DomainSpec, MacroUse::ModifierValue, MacroUse::Explanation] {
            if let Ok(m) = MacroString::parse(&s, 0, usage) {
                let env = MacroEnv {
                    sender: &s, domain: &s, ip: "2001:db8::1".parse().unwrap(), helo: &s,
                    validated_name: "unknown", receiver: "unknown", timestamp: 0,
                };
                let _ = m.expand_domain(&env);
            }
        }
    }

    #[test]
    fn never_panics_on_bytes(b in prop::collection::vec(any::<u8>(), 0..400)) {
        let s = String::from_utf8_lossy(&b);
        let _ = parse_lenient(&s);
        let _ = parse_lenient(&format!("v=spf1 {s}"));
        let _ = parse_lenient(&format!("v=spf1 a:{s} ip4:{s} ip6:{s} mx/{s} %{{{s}}}"));
    }

    #[test]
    fn never_panics_on_term_shapes(
        terms in prop::collection::vec(
            "[-+~?]?(all|include|a|mx|ptr|ip4|ip6|exists|redirect|exp|x)[:=/]?[0-9a-z./:%{}_-]{0,12}", 0..6)
    ) {
        let _ = parse_lenient(&format!("v=spf1 {}", terms.join(" ")));
    }

    #[test]
    fn spans_cover_the_error(s in "v=spf1( [ -~]{0,20}){0,6}") {
        let (_, errors) = parse_lenient(&s);
        for e in errors {
            prop_assert!(e.span.start <= e.span.end && e.span.end <= s.len());
            prop_assert!(s.get(e.span.start..e.span.end).is_some());
        }
    }

    #[test]
    fn round_trips(r in record()) {
        let text = r.to_string();
        let back = parse_record(&text);
        prop_assert_eq!(back.as_ref(), Ok(&r), "text {}", text);
    }

    #[test]
    fn domain_specs_round_trip(m in domain_spec()) {
        let again = MacroString::parse(&m.to_string(), 0, MacroUse::DomainSpec).unwrap();
        prop_assert_eq!(&again, &m);
        prop_assert!(!m.tokens.windows(2).any(|w| matches!(w, [MacroToken::Literal(_), MacroToken::Literal(_)])));
    }
}
