//! Blocklist checks over the in-memory resolver (issue 19 item 1): listed,
//! not listed, the resolver-refused cases (the test entry answered with an
//! error code, or NXDOMAIN as Google answers for Spamhaus), and failed
//! questions. Above all: no case where a list is unreachable or refuses the
//! resolver reads as "not listed".
//!
//! Prints `dnsbl: N passed, M failed` and fails when M > 0.

use futures::executor::block_on;
use maildns::dns::memory::MemoryZone;
use maildns::dns::{DnsError, RecordType, TransportKind};
use maildns::dnsbl::{self, Blocklist, Subject, UnknownReason, Verdict, LISTS};
use maildns::i18n::{self, code, Lang};
use std::net::Ipv4Addr;

/// A way to make one question fail in a zone.
type Fault = Box<dyn Fn(&mut MemoryZone, &str)>;

struct Tally {
    passed: usize,
    failed: Vec<String>,
}

impl Tally {
    fn check(&mut self, name: &str, ok: bool, detail: impl FnOnce() -> String) {
        if ok {
            self.passed += 1;
        } else {
            self.failed.push(format!("{name}: {}", detail()));
        }
    }
}

fn list(id: &str) -> Blocklist {
    *dnsbl::by_id(id).expect("known list")
}

fn ip(s: &str) -> Subject {
    Subject::Ip(s.parse().expect("ip"))
}

/// A resolver on which every list answers its test entry as documented.
fn healthy() -> MemoryZone {
    let mut z = MemoryZone::new();
    for l in LISTS {
        let answer = match l.id {
            "spamhaus-dbl" => Ipv4Addr::new(127, 0, 1, 2),
            _ => Ipv4Addr::new(127, 0, 0, 2),
        };
        z.add_a(&dnsbl::test_query_name(l), answer);
    }
    z
}

fn only(report: &dnsbl::DnsblReport, list_id: &str, subject: &Subject) -> Option<Verdict> {
    report
        .verdicts
        .iter()
        .find(|v| v.list_id == list_id && &v.subject == subject)
        .map(|v| v.verdict.clone())
}

fn main() {
    let mut t = Tally {
        passed: 0,
        failed: Vec::new(),
    };
    let server = ip("192.0.2.5");
    let server6 = ip("2001:db8::25");
    let domain = Subject::domain("example.com");
    let subjects = vec![server.clone(), server6.clone(), domain.clone()];
    let zen = list("spamhaus-zen");
    let dbl = list("spamhaus-dbl");

    // Listed: ZEN answers XBL and PBL for the server, DBL low reputation
    // for the domain; meanings and the delisting page come along.
    let mut z = healthy();
    z.add_a("5.2.0.192.zen.spamhaus.org", Ipv4Addr::new(127, 0, 0, 4));
    z.add_a("5.2.0.192.zen.spamhaus.org", Ipv4Addr::new(127, 0, 0, 10));
    z.add_a("example.com.dbl.spamhaus.org", Ipv4Addr::new(127, 0, 1, 2));
    let r = block_on(dnsbl::check_lists(&z, LISTS, &subjects));
    match only(&r, "spamhaus-zen", &server) {
        Some(Verdict::Listed { codes, delist_url }) => {
            let meanings: Vec<Option<&str>> = codes.iter().map(|c| c.meaning.as_deref()).collect();
            t.check(
                "ZEN listing codes",
                meanings.len() == 2
                    && meanings[0].is_some_and(|m| m.starts_with("XBL"))
                    && meanings[1].is_some_and(|m| m.starts_with("PBL")),
                || format!("{meanings:?}"),
            );
            t.check("ZEN delisting page", delist_url == zen.delist_url, || {
                delist_url.clone()
            });
        }
        other => t.check("ZEN listed", false, || format!("{other:?}")),
    }
    t.check(
        "DBL listed",
        matches!(only(&r, "spamhaus-dbl", &domain), Some(Verdict::Listed { ref codes, .. }) if codes[0].meaning.as_deref() == Some("low-reputation domain")),
        || format!("{:?}", only(&r, "spamhaus-dbl", &domain)),
    );
    // Not listed: the other lists answered their test entry, the server's
    // name is NXDOMAIN.
    for id in ["spamcop", "barracuda", "mailspike"] {
        t.check(
            &format!("{id} not listed"),
            only(&r, id, &server) == Some(Verdict::NotListed),
            || format!("{:?}", only(&r, id, &server)),
        );
    }
    t.check(
        "ZEN IPv6 not listed",
        only(&r, "spamhaus-zen", &server6) == Some(Verdict::NotListed),
        || format!("{:?}", only(&r, "spamhaus-zen", &server6)),
    );
    // Lists that do not hold a kind of subject give no verdict on it.
    t.check(
        "IPv4-only list skips IPv6",
        only(&r, "spamcop", &server6).is_none(),
        || "verdict given".into(),
    );
    t.check(
        "IP list skips the domain",
        only(&r, "spamhaus-zen", &domain).is_none(),
        || "verdict given".into(),
    );
    t.check(
        "domain list skips IPs",
        only(&r, "spamhaus-dbl", &server).is_none(),
        || "verdict given".into(),
    );
    // Codes and texts.
    let f = r
        .findings
        .iter()
        .find(|f| f.code == code::dnsbl::LISTED && f.get_arg("list") == Some(zen.name));
    t.check(
        "listed finding names meaning and delisting page",
        f.is_some_and(|f| {
            let en = i18n::explain(Lang::En, f);
            en.contains("XBL") && en.contains(zen.delist_url)
        }),
        || format!("{f:?}"),
    );

    // Refused: the resolver answers Spamhaus's "public resolver" code for
    // every name, test entry included (as Cloudflare and Quad9 do).
    let mut z = healthy();
    z.remove(
        &dnsbl::test_query_name(&zen),
        &maildns::dns::Rdata::A(Ipv4Addr::new(127, 0, 0, 2)),
    );
    let refused = Ipv4Addr::new(127, 255, 255, 254);
    z.add_a(&dnsbl::test_query_name(&zen), refused);
    z.add_a("5.2.0.192.zen.spamhaus.org", refused);
    let r = block_on(dnsbl::check_lists(&z, &[zen], &subjects));
    for s in [&server, &server6] {
        t.check(
            &format!("ZEN refused ({s}) is unknown"),
            matches!(only(&r, "spamhaus-zen", s), Some(Verdict::Unknown { reason: UnknownReason::ErrorCode { addr, on_test_entry: true, .. } }) if addr == refused),
            || format!("{:?}", only(&r, "spamhaus-zen", s)),
        );
    }
    t.check(
        "refused: only the test entry was asked",
        z.total_questions() == 1,
        || format!("{} questions", z.total_questions()),
    );
    t.check(
        "refused finding is dnsbl.refused",
        r.findings.iter().all(|f| f.code == code::dnsbl::REFUSED),
        || format!("{:?}", r.findings.iter().map(|f| f.code).collect::<Vec<_>>()),
    );

    // NXDOMAIN variant (Google for Spamhaus): the test entry does not
    // exist, nor does the server's name; both read "unknown".
    let z = MemoryZone::new();
    let r = block_on(dnsbl::check_lists(&z, LISTS, &subjects));
    t.check(
        "NXDOMAIN everywhere: every verdict unknown",
        !r.verdicts.is_empty()
            && r.verdicts.iter().all(|v| {
                matches!(
                    v.verdict,
                    Verdict::Unknown {
                        reason: UnknownReason::TestEntryNotListed {
                            error: DnsError::NxDomain
                        }
                    }
                )
            }),
        || format!("{:?}", r.verdicts.iter().map(|v| &v.verdict).collect::<Vec<_>>()),
    );

    // Test entry fine, but the subject's own answer is an error code.
    let mut z = healthy();
    z.add_a("5.2.0.192.zen.spamhaus.org", Ipv4Addr::new(127, 255, 255, 255));
    let r = block_on(dnsbl::check_lists(&z, &[zen], std::slice::from_ref(&server)));
    t.check(
        "error code on the subject is unknown",
        matches!(
            only(&r, "spamhaus-zen", &server),
            Some(Verdict::Unknown {
                reason: UnknownReason::ErrorCode {
                    on_test_entry: false,
                    ..
                }
            })
        ),
        || format!("{:?}", only(&r, "spamhaus-zen", &server)),
    );
    // DBL's "IP queries not allowed" code.
    let mut z = healthy();
    z.add_a("example.com.dbl.spamhaus.org", Ipv4Addr::new(127, 0, 1, 255));
    let r = block_on(dnsbl::check_lists(&z, &[dbl], std::slice::from_ref(&domain)));
    t.check(
        "DBL 127.0.1.255 is unknown",
        matches!(only(&r, "spamhaus-dbl", &domain), Some(Verdict::Unknown { .. })),
        || format!("{:?}", only(&r, "spamhaus-dbl", &domain)),
    );
    // A parked zone answering a public address.
    let mut z = healthy();
    z.add_a("5.2.0.192.bl.spamcop.net", Ipv4Addr::new(198, 51, 100, 7));
    let r = block_on(dnsbl::check_lists(
        &z,
        &[list("spamcop")],
        std::slice::from_ref(&server),
    ));
    t.check(
        "answer outside 127/8 is unknown",
        matches!(
            only(&r, "spamcop", &server),
            Some(Verdict::Unknown {
                reason: UnknownReason::NotAListAnswer { .. }
            })
        ),
        || format!("{:?}", only(&r, "spamcop", &server)),
    );

    // Failed questions: SERVFAIL on the subject, timeout on the test entry,
    // a transport failure.
    let mut z = healthy();
    z.add_servfail("5.2.0.192.zen.spamhaus.org");
    let r = block_on(dnsbl::check_lists(&z, &[zen], std::slice::from_ref(&server)));
    t.check(
        "SERVFAIL is unknown",
        matches!(
            only(&r, "spamhaus-zen", &server),
            Some(Verdict::Unknown {
                reason: UnknownReason::QuestionFailed {
                    error: DnsError::ServFail,
                    on_test_entry: false
                }
            })
        ),
        || format!("{:?}", only(&r, "spamhaus-zen", &server)),
    );
    let mut z = MemoryZone::new();
    z.add_timeout(&dnsbl::test_query_name(&zen));
    let r = block_on(dnsbl::check_lists(&z, &[zen], std::slice::from_ref(&server)));
    t.check(
        "timeout on the test entry is unknown",
        matches!(
            only(&r, "spamhaus-zen", &server),
            Some(Verdict::Unknown {
                reason: UnknownReason::QuestionFailed {
                    error: DnsError::Timeout,
                    on_test_entry: true
                }
            })
        ),
        || format!("{:?}", only(&r, "spamhaus-zen", &server)),
    );
    let f = dnsbl::finding(&r.verdicts[0]);
    let en = i18n::explain(Lang::En, &f);
    t.check(
        "timeout text says unknown, not clean",
        en.starts_with("Unknown") && !en.contains("is not listed"),
        || en.clone(),
    );

    // The sweep: every way a test entry or a question can fail, on every
    // list, for every subject: never "not listed".
    let mut failures: Vec<(String, Fault)> = vec![
        ("NXDOMAIN".into(), Box::new(|_, _| {})),
        (
            "NODATA".into(),
            Box::new(|z, n| {
                z.add_failure(n, RecordType::A, DnsError::NoData);
            }),
        ),
        (
            "SERVFAIL".into(),
            Box::new(|z, n| {
                z.add_servfail(n);
            }),
        ),
        (
            "REFUSED".into(),
            Box::new(|z, n| {
                z.add_failure(n, RecordType::A, DnsError::Refused);
            }),
        ),
        (
            "timeout".into(),
            Box::new(|z, n| {
                z.add_timeout(n);
            }),
        ),
        (
            "malformed".into(),
            Box::new(|z, n| {
                z.add_failure(n, RecordType::A, DnsError::Malformed("x".into()));
            }),
        ),
    ];
    for kind in TransportKind::ALL {
        failures.push((
            format!("transport {kind:?}"),
            Box::new(move |z, n| {
                z.add_failure(n, RecordType::A, DnsError::transport(kind, "test"));
            }),
        ));
    }
    for l in LISTS {
        for e in l.errors {
            let addr = e.addr;
            failures.push((
                format!("{} {addr}", l.id),
                Box::new(move |z, n| {
                    z.add_a(n, addr);
                }),
            ));
        }
    }
    failures.push((
        "parked".into(),
        Box::new(|z, n| {
            z.add_a(n, Ipv4Addr::new(198, 51, 100, 7));
        }),
    ));
    let mut swept = 0;
    let mut wrong = Vec::new();
    for (what, apply) in &failures {
        for l in LISTS {
            // The failure on the test entry; every subject's own name is
            // NXDOMAIN, the answer that would read "not listed" if trusted.
            let mut z = MemoryZone::new();
            apply(&mut z, &dnsbl::test_query_name(l));
            let r = block_on(dnsbl::check_lists(&z, std::slice::from_ref(l), &subjects));
            // The failure on the subject's question, test entry healthy.
            let mut z2 = healthy();
            for s in &subjects {
                if let Some(q) = dnsbl::query_name(l, s) {
                    apply(&mut z2, &q);
                }
            }
            let r2 = block_on(dnsbl::check_lists(&z2, std::slice::from_ref(l), &subjects));
            for (place, v) in r
                .verdicts
                .iter()
                .map(|v| ("test entry", v))
                .chain(r2.verdicts.iter().map(|v| ("subject", v)))
            {
                // NXDOMAIN/NODATA on a subject with a healthy test entry is
                // a real "not listed"; every other failure must be unknown.
                let real_answer = place == "subject" && (what == "NXDOMAIN" || what == "NODATA");
                swept += 1;
                if !real_answer && v.verdict == Verdict::NotListed {
                    wrong.push(format!(
                        "{what} on the {place} of {} for {} read as not listed",
                        l.id, v.subject
                    ));
                }
                // On the test entry, every failure is "unknown". On a
                // subject, another list's code may read as a listing
                // without a meaning; never as "not listed" (checked above).
                if place == "test entry" && !matches!(v.verdict, Verdict::Unknown { .. }) {
                    wrong.push(format!("{what} on the {place} of {}: {:?}", l.id, v.verdict));
                }
            }
        }
    }
    t.check(
        &format!("no unreachable or refused case reads as not listed ({swept} verdicts)"),
        wrong.is_empty() && swept > 100,
        || wrong.join("; "),
    );

    // Every finding renders whole in both languages.
    let mut all = Vec::new();
    let mut z = healthy();
    z.add_a("5.2.0.192.zen.spamhaus.org", Ipv4Addr::new(127, 0, 0, 2));
    all.extend(block_on(dnsbl::check_lists(&z, LISTS, &subjects)).findings);
    all.extend(block_on(dnsbl::check_lists(&MemoryZone::new(), LISTS, &subjects)).findings);
    let mut z = healthy();
    z.add_a("5.2.0.192.bl.spamcop.net", Ipv4Addr::new(198, 51, 100, 7));
    z.add_servfail("5.2.0.192.b.barracudacentral.org");
    z.add_a("5.2.0.192.zen.spamhaus.org", refused);
    z.add_a("dbltest.com.dbl.spamhaus.org", Ipv4Addr::new(127, 0, 0, 2));
    all.extend(block_on(dnsbl::check_lists(&z, LISTS, &subjects)).findings);
    let mut seen: Vec<&str> = all.iter().map(|f| f.code).collect();
    seen.sort();
    seen.dedup();
    t.check(
        "every dnsbl code produced",
        // Every finding code; the report's table words are no findings.
        seen.len()
            == code::dnsbl::ALL
                .iter()
                .filter(|c| !maildns::offload::REPORT_WORDS.contains(c))
                .count(),
        || format!("{seen:?}"),
    );
    for f in &all {
        let problems = i18n::render_problems(f);
        t.check(&format!("{} renders", f.code), problems.is_empty(), || {
            problems.join("; ")
        });
    }
    // Reports travel to the page as JSON and back.
    let report = block_on(dnsbl::check_lists(&z, LISTS, &subjects));
    let json = serde_json::to_string(&report).expect("serialises");
    let back: Result<dnsbl::DnsblReport, _> = serde_json::from_str(&json);
    t.check(
        "report JSON round trip",
        back.as_ref().is_ok_and(|b| *b == report),
        || format!("{back:?}"),
    );

    println!("dnsbl: {} passed, {} failed", t.passed, t.failed.len());
    for f in &t.failed {
        println!("  FAILED {f}");
    }
    if !t.failed.is_empty() {
        std::process::exit(1);
    }
}
