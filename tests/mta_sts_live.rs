//! The MTA-STS policy as the page's fetch found it (issue 19 item 2), over
//! the in-memory resolver: each outcome of the fetch (read, redirected,
//! another status, another media type, kept back by CORS, failed, timed
//! out, not allowed yet) gives its own finding and never reads as "no
//! policy"; a read policy is checked like a pasted one (mode, max_age, mx
//! against the live MX set); the id rule holds against the policy this
//! browser saw first under the published id (RFC 8461 §3.1); a paste wins.
//!
//! Prints `mta-sts live: N passed, M failed` and fails when M > 0.

use futures::executor::block_on;
use maildns::check::{audit_fetching, Area, AuditRequest, KnownAnswers, LiveFound, Report};
use maildns::dns::memory::MemoryZone;
use maildns::finding::Severity;
use maildns::i18n::{self, code, Lang};
use maildns::model::Name;
use maildns::mta_sts::live::{canonical, seen_after, Fetched, SeenPolicy};
use std::net::Ipv4Addr;

const ENFORCE: &str = "version: STSv1\r\nmode: enforce\r\nmx: mail.sts-live.net\r\nmax_age: 604800\r\n";

fn zone(with_record: bool) -> MemoryZone {
    let mut z = MemoryZone::new();
    z.add_mx("sts-live.net", 10, "mail.sts-live.net");
    z.add_mx("sts-live.net", 20, "backup.sts-live.net");
    z.add_a("mail.sts-live.net", Ipv4Addr::new(192, 0, 2, 10));
    z.add_a("backup.sts-live.net", Ipv4Addr::new(192, 0, 2, 20));
    z.add_txt("sts-live.net", &["v=spf1 mx -all"]);
    if with_record {
        z.add_txt("_mta-sts.sts-live.net", &["v=STSv1; id=20261207a"]);
    }
    z.add_a("mta-sts.sts-live.net", Ipv4Addr::new(192, 0, 2, 30));
    z
}

fn request(pasted: Option<&str>) -> AuditRequest {
    AuditRequest {
        domain: Name::host("sts-live.net").expect("name"),
        dkim_selectors: Vec::new(),
        server_ips: Vec::new(),
        mta_sts_policy_text: pasted.map(str::to_string),
        blocklists: false,
    }
}

fn run(with_record: bool, pasted: Option<&str>, live: Option<LiveFound>) -> Report {
    let z = zone(with_record);
    block_on(audit_fetching(
        &z,
        &request(pasted),
        KnownAnswers::default(),
        async { live },
    ))
    .0
}

fn answer(status: u16, content_type: Option<&str>, body: &str) -> Fetched {
    Fetched::Answer {
        status,
        content_type: content_type.map(str::to_string),
        body: body.to_string(),
    }
}

fn live(fetched: Fetched) -> Option<LiveFound> {
    Some(LiveFound { fetched, seen: None })
}

/// The MTA-STS area's findings as (code, severity).
fn sts(report: &Report) -> Vec<(&'static str, Severity)> {
    report
        .areas
        .iter()
        .filter(|a| a.area == Area::MtaSts)
        .flat_map(|a| a.findings.iter().map(|f| (f.code, f.severity)))
        .collect()
}

fn has(report: &Report, code: &str, severity: Severity) -> bool {
    sts(report).iter().any(|(c, s)| *c == code && *s == severity)
}

fn lacks(report: &Report, code: &str) -> bool {
    !sts(report).iter().any(|(c, _)| *c == code)
}

fn main() {
    let mut passed = 0;
    let mut failed: Vec<String> = Vec::new();
    let mut check = |name: &str, ok: bool, report: &Report| {
        if ok {
            passed += 1;
        } else {
            failed.push(format!("{name}: {:?}", sts(report)));
        }
    };

    // Off: today's "fetch it yourself", nothing else.
    let r = run(true, None, None);
    check("off", has(&r, code::mta_sts::FETCH_POLICY, Severity::Info), &r);

    // Not allowed yet: the allow step, not "fetch it yourself".
    let r = run(true, None, live(Fetched::NotAllowed));
    check(
        "not allowed",
        has(&r, code::mta_sts::FETCH_NOT_ALLOWED, Severity::Info) && lacks(&r, code::mta_sts::FETCH_POLICY),
        &r,
    );

    // Read: the file is checked; backup.sts-live.net is not covered (enforce → error).
    let r = run(
        true,
        None,
        live(answer(200, Some("text/plain; charset=utf-8"), ENFORCE)),
    );
    check(
        "read, one MX not covered",
        has(&r, code::mta_sts::FETCHED, Severity::Info)
            && has(&r, code::mta_sts::MX_NOT_COVERED, Severity::Error)
            && lacks(&r, code::mta_sts::FETCH_POLICY)
            && lacks(&r, code::mta_sts::POLICY_CONTENT_TYPE),
        &r,
    );
    let covering = ENFORCE.replace("mx: mail.sts-live.net", "mx: *.sts-live.net");
    let r = run(true, None, live(answer(200, Some("text/plain"), &covering)));
    check(
        "read, all covered",
        has(&r, code::mta_sts::FETCHED, Severity::Info) && lacks(&r, code::mta_sts::MX_NOT_COVERED),
        &r,
    );
    // The same file in testing mode: a warning, not an error.
    let testing = covering
        .replace("mode: enforce", "mode: testing")
        .replace("*.sts-live.net", "mail.sts-live.net");
    let r = run(true, None, live(answer(200, Some("text/plain"), &testing)));
    check(
        "testing mode: uncovered MX is a warning",
        has(&r, code::mta_sts::MX_NOT_COVERED, Severity::Warning)
            && has(&r, code::mta_sts::POLICY_TESTING, Severity::Info),
        &r,
    );
    // A broken file: the parser's findings, no "fetched" summary.
    let r = run(
        true,
        None,
        live(answer(
            200,
            Some("text/plain"),
            "version: STSv1\r\nmode: strict\r\n",
        )),
    );
    check(
        "read, broken file",
        has(&r, code::mta_sts::POLICY_BAD_MODE, Severity::Error) && lacks(&r, code::mta_sts::FETCHED),
        &r,
    );
    // Served as HTML.
    let r = run(true, None, live(answer(200, Some("text/html"), &covering)));
    check(
        "content type",
        has(&r, code::mta_sts::POLICY_CONTENT_TYPE, Severity::Warning),
        &r,
    );
    let r = run(true, None, live(answer(200, None, &covering)));
    check(
        "no content type",
        has(&r, code::mta_sts::POLICY_CONTENT_TYPE, Severity::Warning),
        &r,
    );

    // A hostile host: a body past the parser's limit (the page reads one
    // byte more than it) is refused as too large, not parsed.
    let huge = format!("{ENFORCE}{}", "x: y\r\n".repeat(20_000));
    let r = run(true, None, live(answer(200, Some("text/plain"), &huge)));
    check(
        "too large",
        has(&r, code::mta_sts::POLICY_TOO_LARGE, Severity::Error) && lacks(&r, code::mta_sts::FETCHED),
        &r,
    );

    // Not 200: senders have no policy.
    for status in [404, 403, 500, 204] {
        let r = run(
            true,
            None,
            live(answer(status, Some("text/html"), "<h1>Not Found</h1>")),
        );
        check(
            &format!("HTTP {status}"),
            has(&r, code::mta_sts::POLICY_HTTP_STATUS, Severity::Error) && lacks(&r, code::mta_sts::FETCHED),
            &r,
        );
    }
    let r = run(true, None, live(Fetched::Redirect));
    check(
        "redirect",
        has(&r, code::mta_sts::POLICY_REDIRECT, Severity::Error),
        &r,
    );

    // CORS: the host answered, the page cannot read it: information, the paste stays the way.
    let r = run(true, None, live(Fetched::CorsBlocked));
    check(
        "cors blocked",
        has(&r, code::mta_sts::FETCH_CORS_BLOCKED, Severity::Info)
            && lacks(&r, code::mta_sts::POLICY_HTTP_STATUS),
        &r,
    );
    // Failed and timed out: a warning that says it could not fetch, never "no policy".
    let r = run(
        true,
        None,
        live(Fetched::Failed {
            reason: "TypeError: Failed to fetch".into(),
        }),
    );
    check(
        "failed",
        has(&r, code::mta_sts::FETCH_FAILED, Severity::Warning),
        &r,
    );
    let r = run(true, None, live(Fetched::Timeout { seconds: 10 }));
    check(
        "timeout",
        has(&r, code::mta_sts::FETCH_FAILED, Severity::Warning),
        &r,
    );
    for fetched in [
        Fetched::NotAllowed,
        Fetched::CorsBlocked,
        Fetched::Failed { reason: "x".into() },
        Fetched::Timeout { seconds: 10 },
        Fetched::Redirect,
    ] {
        let r = run(true, None, live(fetched.clone()));
        check(
            &format!("{fetched:?} is not 'missing'"),
            lacks(&r, code::mta_sts::MISSING) && lacks(&r, code::mta_sts::FETCHED),
            &r,
        );
    }

    // No record: a served policy is a warning (senders never look), a failed fetch says nothing.
    let r = run(false, None, live(answer(200, Some("text/plain"), &covering)));
    check(
        "policy without record",
        has(&r, code::mta_sts::POLICY_WITHOUT_RECORD, Severity::Warning) && lacks(&r, code::mta_sts::FETCHED),
        &r,
    );
    let r = run(false, None, live(Fetched::Failed { reason: "x".into() }));
    check(
        "no record, failed fetch: silent",
        lacks(&r, code::mta_sts::FETCH_FAILED),
        &r,
    );

    // The id rule: same id, other policy → warning; same policy in another layout → nothing.
    let seen = SeenPolicy {
        id: "20261207a".into(),
        policy: canonical(&covering.replace("604800", "86400")).unwrap_or_default(),
    };
    let with_seen = |s: SeenPolicy, body: &str| {
        Some(LiveFound {
            fetched: answer(200, Some("text/plain"), body),
            seen: Some(s),
        })
    };
    let r = run(true, None, with_seen(seen.clone(), &covering));
    check(
        "id unchanged, policy changed",
        has(&r, code::mta_sts::ID_UNCHANGED, Severity::Warning),
        &r,
    );
    let r = run(
        true,
        None,
        with_seen(
            seen.clone(),
            &covering.replace("604800", "86400").replace("\r\n", "\n"),
        ),
    );
    check(
        "id unchanged, same policy",
        lacks(&r, code::mta_sts::ID_UNCHANGED),
        &r,
    );
    let other_id = SeenPolicy {
        id: "20261101a".into(),
        ..seen.clone()
    };
    let r = run(true, None, with_seen(other_id, &covering));
    check("id changed", lacks(&r, code::mta_sts::ID_UNCHANGED), &r);
    // What the page remembers after these runs: the first under an id.
    let ok = answer(200, Some("text/plain"), &covering);
    let ok_first = seen_after(None, Some("20261207a"), &ok).is_some()
        && seen_after(Some(&seen), Some("20261207a"), &ok).is_none();
    check("remembered: first policy under an id", ok_first, &r);

    // The id the page remembers the policy under.
    let r = run(true, None, None);
    check(
        "the report's id",
        r.mta_sts_id().as_deref() == Some("20261207a"),
        &r,
    );
    let r = run(false, None, None);
    check("no record, no id", r.mta_sts_id().is_none(), &r);

    // A paste wins over the fetch.
    let r = run(true, Some(&covering), live(Fetched::CorsBlocked));
    check(
        "paste wins",
        lacks(&r, code::mta_sts::FETCH_CORS_BLOCKED) && lacks(&r, code::mta_sts::FETCH_POLICY),
        &r,
    );

    // Every new finding says something in both languages, with no placeholder left.
    let r = run(
        true,
        None,
        live(Fetched::Failed {
            reason: "TypeError: Failed to fetch".into(),
        }),
    );
    for area in &r.areas {
        for f in &area.findings {
            for lang in [Lang::En, Lang::ZhCn] {
                let text = i18n::explain(lang, f);
                if text.contains('{') || text.is_empty() || text == f.code {
                    failed.push(format!("{} {lang:?}: {text}", f.code));
                }
            }
        }
    }

    println!("mta-sts live: {passed} passed, {} failed", failed.len());
    assert!(failed.is_empty(), "{failed:#?}");
}
