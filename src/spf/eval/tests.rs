use super::*;
use crate::dns::memory::MemoryZone;
use crate::dns::Answer;
use crate::i18n::code;
use crate::spf::trace::StepKind;
use futures::executor::block_on;
use std::cell::Cell;
use std::future::Future;
use std::net::Ipv4Addr;
use std::pin::Pin;
use std::task::{Context, Poll};

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn zone() -> MemoryZone {
    let mut z = MemoryZone::new();
    z.add_txt(
        "example.com",
        &["v=spf1 mx include:_spf.provider.net a:relay.example.com -all exp=why.example.com"],
    )
    .add_txt("why.example.com", &["%{i} is not a sender for %{d}"])
    .add_mx("example.com", 10, "mx1.example.com")
    .add_mx("example.com", 20, "mx2.example.com")
    .add_mx("example.com", 30, "mx3.example.com")
    .add_mx("example.com", 40, "mx4.example.com")
    .add_mx("example.com", 50, "mx5.example.com")
    .add_a("mx1.example.com", Ipv4Addr::new(192, 0, 2, 1))
    .add_a("mx2.example.com", Ipv4Addr::new(192, 0, 2, 2))
    .add_a("mx3.example.com", Ipv4Addr::new(192, 0, 2, 3))
    .add_a("mx4.example.com", Ipv4Addr::new(192, 0, 2, 4))
    .add_a("mx5.example.com", Ipv4Addr::new(192, 0, 2, 5))
    .add_a("relay.example.com", Ipv4Addr::new(198, 51, 100, 7))
    .add_txt("_spf.provider.net", &["v=spf1 ip4:203.0.113.0/24 ~all"]);
    z
}

#[test]
fn results_and_reasons() {
    let z = zone();
    let cases = [
        ("192.0.2.3", SpfResult::Pass, code::spf::EVAL_MATCHED),
        ("203.0.113.9", SpfResult::Pass, code::spf::EVAL_MATCHED),
        ("198.51.100.7", SpfResult::Pass, code::spf::EVAL_MATCHED),
        ("198.51.100.8", SpfResult::Fail, code::spf::EVAL_MATCHED),
        ("2001:db8::1", SpfResult::Fail, code::spf::EVAL_MATCHED),
    ];
    for (client, want, code) in cases {
        let out = block_on(check_host(
            &z,
            ip(client),
            "example.com",
            "a@example.com",
            "mx.example.org",
        ));
        assert_eq!(out.result, want, "{client}");
        assert_eq!(out.reason.code, code, "{client}");
        assert!(crate::i18n::lookup(out.reason.code).is_some());
    }
    let out = block_on(check_host(
        &z,
        ip("198.51.100.8"),
        "example.com",
        "a@example.com",
        "h",
    ));
    assert_eq!(
        out.explanation.as_deref(),
        Some("198.51.100.8 is not a sender for example.com")
    );
    let out = block_on(check_host(
        &z,
        ip("192.0.2.1"),
        "nothing.example.com",
        "a@example.com",
        "h",
    ));
    assert_eq!(
        (out.result, out.reason.code),
        (SpfResult::None, code::spf::EVAL_NO_RECORD)
    );
    let out = block_on(check_host(&z, ip("192.0.2.1"), "localhost", "a@localhost", "h"));
    assert_eq!(
        (out.result, out.reason.code),
        (SpfResult::None, code::spf::EVAL_BAD_DOMAIN)
    );
}

#[test]
fn dns_failures_map_to_temperror_and_none() {
    let mut z = MemoryZone::new();
    z.add_servfail("broken.example").add_timeout("slow.example");
    z.add_txt("inc.example", &["v=spf1 include:slow.example -all"]);
    for (domain, want) in [
        ("broken.example", SpfResult::TempError),
        ("slow.example", SpfResult::TempError),
        ("missing.example", SpfResult::None),
        ("inc.example", SpfResult::TempError),
    ] {
        let out = block_on(check_host(&z, ip("192.0.2.1"), domain, "x@y.example", "h"));
        assert_eq!(out.result, want, "{domain}");
    }
}

#[test]
fn trace_shows_depth_counts_and_the_deciding_term() {
    let z = zone();
    let out = block_on(check_host(
        &z,
        ip("203.0.113.9"),
        "example.com",
        "a@example.com",
        "h",
    ));
    let t = &out.trace;
    let summary: Vec<(usize, String, usize)> = t
        .steps
        .iter()
        .map(|s| {
            let what = match &s.kind {
                StepKind::Record => format!("record {}", s.domain),
                StepKind::Term { text, .. } => text.clone(),
                StepKind::Redirect { text, .. } => text.clone(),
                StepKind::Explanation { text } => text.clone(),
            };
            (s.depth, what, s.lookups)
        })
        .collect();
    assert_eq!(
        summary,
        [
            (0, "record example.com".to_string(), 0),
            (0, "mx".to_string(), 1),
            (0, "include:_spf.provider.net".to_string(), 2),
            (1, "record _spf.provider.net".to_string(), 2),
            (1, "ip4:203.0.113.0/24".to_string(), 2),
        ]
    );
    assert_eq!(t.lookups, 2);
    assert_eq!(t.decided_by, Some(2));
    assert_eq!(
        t.decisive_step().map(|s| s.outcome.clone()),
        Some(StepOutcome::Matched)
    );
    // mx asked MX once, then the five A records.
    assert_eq!(t.steps[1].questions.len(), 6);
    assert_eq!(t.questions_sent(), 8);
}

#[test]
fn lookup_and_void_limits_are_counted_in_the_trace() {
    let mut z = MemoryZone::new();
    let many: Vec<String> = (0..11).map(|i| format!("a:h{i}.example")).collect();
    z.add_txt("many.example", &[format!("v=spf1 {} -all", many.join(" "))]);
    for i in 0..11 {
        z.add_a(&format!("h{i}.example"), Ipv4Addr::new(192, 0, 2, 100));
    }
    z.add_txt(
        "void.example",
        &["v=spf1 a:n1.void.example a:n2.void.example a:n3.void.example -all"],
    );
    let out = block_on(check_host(
        &z,
        ip("192.0.2.1"),
        "many.example",
        "x@many.example",
        "h",
    ));
    assert_eq!(
        (out.result, out.reason.code),
        (SpfResult::PermError, code::spf::EVAL_LOOKUP_LIMIT)
    );
    assert_eq!(out.trace.lookups, 11);
    let out = block_on(check_host(
        &z,
        ip("192.0.2.1"),
        "void.example",
        "x@void.example",
        "h",
    ));
    assert_eq!(
        (out.result, out.reason.code),
        (SpfResult::PermError, code::spf::EVAL_VOID_LIMIT)
    );
    assert_eq!(out.trace.voids, 3);
    let voids: Vec<usize> = out.trace.steps.iter().map(|s| s.voids).collect();
    assert_eq!(voids, [0, 1, 2, 3]);
}

#[test]
fn one_evaluation_never_asks_twice() {
    let mut z = zone();
    z.add_txt(
        "dup.example",
        &[
            "v=spf1 mx:example.com a:mx1.example.com mx:example.com include:_spf.provider.net \
           include:_spf.provider.net ptr ptr -all",
        ],
    );
    z.add_ptr("50.100.51.198.in-addr.arpa", "mx1.example.com");
    let out = block_on(check_host(
        &z,
        ip("198.51.100.50"),
        "dup.example",
        "x@dup.example",
        "h",
    ));
    assert_eq!(out.result, SpfResult::Fail);
    assert!(z.repeated_questions().is_empty(), "{:?}", z.repeated_questions());
    // TXT dup + MX + 5 A + TXT provider + PTR = 9 distinct questions.
    assert_eq!(z.total_questions(), 9, "{:?}", z.question_log());
    assert!(out.trace.questions().count() > out.trace.questions_sent());
}

/// A future that is pending once, so that joined questions are in flight together.
struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// Records the most questions in flight at once.
struct InFlight<'z> {
    zone: &'z MemoryZone,
    now: Cell<usize>,
    max: Cell<usize>,
}

impl Resolver for InFlight<'_> {
    async fn query(&self, name: &str, rtype: RecordType) -> Result<Answer, DnsError> {
        self.now.set(self.now.get() + 1);
        self.max.set(self.max.get().max(self.now.get()));
        YieldOnce(false).await;
        let r = self.zone.query(name, rtype).await;
        self.now.set(self.now.get() - 1);
        r
    }
}

#[test]
fn independent_questions_go_out_together() {
    let mut z = zone();
    z.add_txt("ptr.example", &["v=spf1 ptr:nowhere.example -all"])
        .add_ptr("1.2.0.192.in-addr.arpa", "a.example")
        .add_ptr("1.2.0.192.in-addr.arpa", "b.example")
        .add_ptr("1.2.0.192.in-addr.arpa", "c.example")
        .add_ptr("1.2.0.192.in-addr.arpa", "d.example");
    // mx: the five address lookups of one mx together.
    let r = InFlight {
        zone: &z,
        now: Cell::new(0),
        max: Cell::new(0),
    };
    let out = block_on(check_host(
        &r,
        ip("198.51.100.99"),
        "example.com",
        "x@example.com",
        "h",
    ));
    assert_eq!(out.result, SpfResult::Fail);
    assert_eq!(r.max.get(), 5);
    assert_eq!(r.now.get(), 0);
    // ptr: the four forward lookups together.
    let r = InFlight {
        zone: &z,
        now: Cell::new(0),
        max: Cell::new(0),
    };
    let out = block_on(check_host(
        &r,
        ip("192.0.2.1"),
        "ptr.example",
        "x@ptr.example",
        "h",
    ));
    assert_eq!(out.result, SpfResult::Fail);
    assert_eq!(r.max.get(), 4);
    assert!(z.repeated_questions().is_empty());
}

#[test]
fn mail_from_defaults() {
    let mut z = MemoryZone::new();
    z.add_txt("helo.example", &["v=spf1 -all exp=e.helo.example"])
        .add_txt("e.helo.example", &["%{s} via %{h}"]);
    let out = block_on(check_mail_from(&z, ip("192.0.2.1"), "", "helo.example"));
    assert_eq!(
        out.explanation.as_deref(),
        Some("postmaster@helo.example via helo.example")
    );
    let out = block_on(check_mail_from(&z, ip("192.0.2.1"), "@helo.example", "other"));
    assert_eq!(
        out.explanation.as_deref(),
        Some("postmaster@helo.example via other")
    );
}

#[test]
fn result_names_are_in_the_catalogue() {
    for r in [
        SpfResult::None,
        SpfResult::Neutral,
        SpfResult::Pass,
        SpfResult::Fail,
        SpfResult::SoftFail,
        SpfResult::TempError,
        SpfResult::PermError,
    ] {
        assert!(crate::i18n::lookup(r.code()).is_some(), "{}", r.code());
        assert!(r.code().ends_with(r.as_str()));
    }
}

#[test]
fn prefixes() {
    let cases = [
        ("192.0.2.77", "192.0.2.0", 24, true),
        ("192.0.3.1", "192.0.2.0", 24, false),
        ("10.0.0.1", "0.0.0.0", 0, true),
        ("2001:db8::1", "2001:db8::", 32, true),
        ("2001:db9::1", "2001:db8::", 32, false),
        ("2001:db8::1", "192.0.2.0", 0, false),
    ];
    for (a, n, p, want) in cases {
        assert_eq!(in_prefix(ip(a), ip(n), p), want, "{a} in {n}/{p}");
    }
}

proptest::proptest! {
    #[test]
    fn evaluation_never_panics(
        terms in proptest::collection::vec(
            "[-+~?]?(all|include|a|mx|ptr|ip4|ip6|exists|redirect|exp)[:=/]?([0-9a-z.%{}/_-]{0,10}|\\.example|%\\{[a-z][0-9]?r?\\})",
            0..6),
        v4 in proptest::prelude::any::<[u8; 4]>(),
        use_v6 in proptest::prelude::any::<bool>(),
    ) {
        let mut z = zone();
        z.add_txt("fuzz.example", &[format!("v=spf1 {}", terms.join(" "))])
            .add_txt("x.example", &["v=spf1 include:fuzz.example ?all"]);
        let client = if use_v6 {
            IpAddr::V6(std::net::Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, u16::from(v4[0]), u16::from(v4[1])))
        } else {
            IpAddr::V4(Ipv4Addr::from(v4))
        };
        for domain in ["fuzz.example", "x.example"] {
            z.reset_counts();
            let out = block_on(check_host(&z, client, domain, "a b@fuzz.example", "h%{x}"));
            proptest::prop_assert!(out.trace.lookups <= LOOKUP_LIMIT + 1);
            proptest::prop_assert!(crate::i18n::lookup(out.reason.code).is_some(), "{}", out.reason.code);
            proptest::prop_assert!(z.repeated_questions().is_empty(), "{:?}", z.repeated_questions());
        }
    }
}
