//! Transport failures in plain words (issue 21 item 2): a check whose DNS
//! questions fail at the transport (the browser's `TypeError: Failed to
//! fetch`, an HTTP 429, 503 or 403, a truncated answer) explains each kind
//! with its own sentence in both languages, never with the raw text; the raw
//! text stays in the raw answers and the JSON report. The SPF evaluation
//! and the resolver race say the same.
//!
//! Prints `transport_text: N passed, M failed`.

use futures::executor::block_on;
use maildns::check::{audit, report_json, AreaStatus, AuditRequest};
use maildns::dns::memory::MemoryZone;
use maildns::dns::race::{choose_resolver, ProbeResult};
use maildns::dns::{DnsError, Preset, RecordType, TransportError, TransportKind};
use maildns::finding::Finding;
use maildns::i18n::{self, Lang};
use maildns::model::Name;

/// Words of a raw failure that must never reach an explanation.
const RAW: &[&str] = &[
    "TypeError",
    "Failed to fetch",
    "transport error",
    "HTTP 4",
    "HTTP 5",
    "dns.transport",
];

fn raw_words(text: &str) -> Vec<&'static str> {
    RAW.iter().copied().filter(|w| text.contains(w)).collect()
}

/// The failure the page sees for each kind, with its raw text.
fn failures() -> Vec<DnsError> {
    vec![
        DnsError::transport(TransportKind::Unreachable, "TypeError: Failed to fetch"),
        DnsError::Transport(TransportError::http(429)),
        DnsError::Transport(TransportError::http(503)),
        DnsError::Transport(TransportError::http(403)),
        DnsError::transport(TransportKind::Interrupted, "TypeError: network error"),
        DnsError::transport(TransportKind::Truncated, "answer truncated (TC bit)"),
        DnsError::transport(TransportKind::Unsupported, "this transport cannot fetch binary"),
    ]
}

/// One explanation in both languages: it names the kind's own sentence and
/// no raw word.
fn plain(f: &Finding, kind: TransportKind) -> Result<(), String> {
    for lang in Lang::ALL {
        let text = i18n::explain(lang, f);
        let raw = raw_words(&text);
        if !raw.is_empty() {
            return Err(format!("{} ({}) shows raw {raw:?}: {text}", f.code, lang.tag()));
        }
        if !text.contains(i18n::text(lang, kind.code())) {
            return Err(format!(
                "{} ({}) lacks the {} sentence: {text}",
                f.code,
                lang.tag(),
                kind.code()
            ));
        }
    }
    Ok(())
}

fn check_one(error: &DnsError) -> Result<(), String> {
    let DnsError::Transport(t) = error else {
        return Err("not a transport failure".into());
    };
    let mut zone = MemoryZone::new();
    zone.add_failure("example.com", RecordType::Mx, error.clone());
    let request = AuditRequest {
        domain: Name::host("example.com").map_err(|e| format!("{e:?}"))?,
        dkim_selectors: vec!["s1".into()],
        server_ips: Vec::new(),
        mta_sts_policy_text: None,
        blocklists: false,
    };
    let report = block_on(audit(&zone, &request));
    let mx = report
        .areas
        .iter()
        .find(|a| {
            a.answers
                .iter()
                .any(|x| x.name == "example.com" && x.rtype == RecordType::Mx)
        })
        .ok_or("no area asked the MX question")?;
    if mx.status != AreaStatus::CouldNotCheck(t.kind.code().into()) {
        return Err(format!("status {:?}", mx.status));
    }
    let failed: Vec<&Finding> = mx
        .findings
        .iter()
        .filter(|f| f.get_arg("reason").is_some())
        .collect();
    if failed.is_empty() {
        return Err("no finding says why".into());
    }
    for f in failed {
        plain(f, t.kind)?;
    }
    // The raw text stays under the raw answers and in the JSON report.
    let lines: Vec<String> = mx.answers.iter().flat_map(|a| a.lines()).collect();
    if !lines.iter().any(|l| l.contains(&t.detail)) {
        return Err(format!("raw answers lack “{}”: {lines:?}", t.detail));
    }
    if !report_json(&report).contains(&t.detail) {
        return Err("the JSON report lacks the raw text".into());
    }
    // The resolver race says the same.
    let race = choose_resolver(&[ProbeResult {
        preset: Preset::Google,
        elapsed_ms: 20,
        outcome: Err(error.clone()),
    }]);
    let probe = race
        .findings
        .iter()
        .find(|f| f.code == "dns.resolver.probe_failed")
        .ok_or("no probe_failed finding")?;
    plain(probe, t.kind)?;
    Ok(())
}

#[test]
fn transport_failures_read_as_plain_sentences() {
    let (mut passed, mut failed) = (0, Vec::new());
    for error in failures() {
        match check_one(&error) {
            Ok(()) => passed += 1,
            Err(e) => failed.push(format!("{error:?}: {e}")),
        }
    }
    // Every kind is covered.
    for kind in TransportKind::ALL {
        if !failures()
            .iter()
            .any(|e| matches!(e, DnsError::Transport(t) if t.kind == kind))
        {
            failed.push(format!("{kind:?} not exercised"));
        }
    }
    for f in &failed {
        eprintln!("FAIL {f}");
    }
    println!("transport_text: {passed} passed, {} failed", failed.len());
    assert!(failed.is_empty());
}
