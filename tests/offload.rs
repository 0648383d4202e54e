//! The checker's messages (`maildns::offload`) read back as the values that
//! were sent: `Reply::from_json(&r.to_json()) == Ok(r)`, and the same for
//! every `Request`.
//!
//! The values are real ones, made by the engine over the scenario zones of
//! `tests/zones/` (as `tests/fault_monotonicity.rs` loads them): for each
//! zone the audit (typed DKIM selectors; server addresses, for the SPF
//! traces per address) and the plan verification, fault-free and then with
//! each question the run asked failing in turn, one failure kind after
//! another (every `DnsError` kind, every transport kind); the what-if of
//! several drafts, with and without a failing question; the first-use race
//! over made-up probe results; the SPF builder's target costs, exact and
//! "at least". The requests carry the jobs that would start those runs,
//! seeded with the known answers of a finished run. Then the refusals: a
//! message naming a finding code, trace code, SPF result or DNS error that
//! does not exist is an error, never a new value.
//!
//! Prints `offload round trip: N passed, M failed`, one case per message,
//! and the first differences; exits non-zero on any failure (a plain
//! `main`, `harness = false`).

mod common;

use common::plans::{plans, PLANS};
use common::{load_zones_with_records, request, Faulty, Question};
use futures::executor::block_on;
use maildns::check::{audit_from, report_json, verify_plan_from, what_if, Area, KnownAnswers, Report};
use maildns::dns::endpoint::Endpoint;
use maildns::dns::memory::MemoryZone;
use maildns::dns::race::{choose_resolver, ProbeResult};
use maildns::dns::{Answer, DnsError, Preset, Protocol, Rdata, TransportKind};
use maildns::export::tools::{export_files, ExportFormat};
use maildns::finding::Finding;
use maildns::generate::validate_and_generate;
use maildns::i18n::Lang;
use maildns::i18n::{self, code};
use maildns::model::{Name, Record};
use maildns::mta_sts::live::{Permit, PolicyAsk, SeenPolicy};
use maildns::offload::{
    CheckRequest, ExportRequest, GenerateRequest, MessageRequest, MessageWorkerRequest, ToolsReply,
    ToolsRequest,
};
use maildns::offload::{Reply, Request, VERSION};
use maildns::page::check::{Job, JobKind, Outcome};
use maildns::page::whatif::WhatIfJob;
use maildns::spf::target_lookups;
use std::collections::HashMap;
use std::fmt::Debug;
use std::net::IpAddr;

/// The reference mail host's addresses (as in `tests/fault_monotonicity.rs`).
const SERVERS: [&str; 2] = ["185.47.112.10", "2a0e:97c0:38f::a"];

/// Drafts for the what-if box: plain, an include chain, a syntax error,
/// every querying term and a macro.
const DRAFTS: [&str; 4] = [
    "v=spf1 mx -all",
    "v=spf1 include:l1.spf-chain.net ~all",
    "v=spf1 ip4:300.1.1.1 -all",
    "v=spf1 a mx ptr exists:%{i}.spf-chain.net include:good-mail.net redirect=spf-chain.net",
];

/// Durations as a browser measures them: serde_json's default float
/// reading would not give these back exactly.
const WALL_MS: [f64; 4] = [3952.2902000000004, 10732.003700000001, 0.1 + 0.2, 0.0];

/// Every kind of failed question.
fn kinds() -> Vec<DnsError> {
    let mut kinds = vec![
        DnsError::Timeout,
        DnsError::ServFail,
        DnsError::Refused,
        DnsError::NxDomain,
        DnsError::NoData,
        DnsError::Malformed("unreadable answer: \"Status\" missing".into()),
        DnsError::BadRequest("{\"error\": \"bad name\"}".into()),
    ];
    for kind in TransportKind::ALL {
        kinds.push(DnsError::transport(kind, "TypeError: Failed to fetch — 无法连接"));
    }
    kinds
}

fn servers() -> Vec<IpAddr> {
    SERVERS.iter().filter_map(|ip| ip.parse().ok()).collect()
}

fn endpoints() -> Vec<Endpoint> {
    vec![
        Endpoint::from(Preset::Google),
        Endpoint {
            url: "https://doh.example.net/dns-query?x=\"1\"".into(),
            protocol: Protocol::Wire,
        },
    ]
}

struct Tally {
    passed: usize,
    failed: usize,
    shown: usize,
}

impl Tally {
    fn record(&mut self, label: &str, problem: Option<String>) {
        match problem {
            None => self.passed += 1,
            Some(p) => {
                self.failed += 1;
                if self.shown < 10 {
                    self.shown += 1;
                    eprintln!("{label}: {p}");
                }
            }
        }
    }

    fn reply(&mut self, label: &str, r: Reply) {
        let problem = compare(&r, Reply::from_json(&r.to_json()));
        self.record(label, problem);
    }

    fn request(&mut self, label: &str, r: Request) {
        let problem = compare(&r, Request::from_json(&r.to_json()));
        self.record(label, problem);
        // The page writes it with the type of the half that sends it
        // (GenerateRequest, CheckRequest, MessageWorkerRequest): the same text.
        let written = page_writes(&r);
        let problem = (written != r.to_json()).then(|| format!("the page writes {written}"));
        self.record(&format!("{label} (as the page writes it)"), problem);
    }

    /// `text` must be refused, saying `why`.
    fn refused(&mut self, label: &str, text: &str, why: &str) {
        let problem = match Reply::from_json(text) {
            Ok(_) => Some(format!("read although it should not be: {text}")),
            Err(e) if !e.contains(why) => Some(format!("refused, but not for {why:?}: {e}")),
            Err(_) => None,
        };
        self.record(label, problem);
    }
}

/// The tools worker's messages: every export of the 50 generated plans,
/// in both languages. The page writes a [`Request`] and reads a [`Reply`];
/// the tools worker reads a [`ToolsRequest`] and writes a [`ToolsReply`]
/// (its own types, so it links none of the checker's): each must read
/// the other's JSON as the same value.
fn exports(tally: &mut Tally) {
    for (i, plan) in plans(PLANS).iter().enumerate() {
        let Ok((_, set)) = validate_and_generate(plan) else {
            tally.record(&format!("plan {i}"), Some("does not generate".into()));
            continue;
        };
        for (lang_index, lang) in [Lang::En, Lang::ZhCn].into_iter().enumerate() {
            for (k, format) in ExportFormat::ALL.iter().enumerate() {
                let id = (i * 100 + lang_index * 50 + k) as u32;
                let label = format!("plan {i} {} {lang:?}", format.key());
                let sent = ExportRequest::new(id, plan, *format, lang, 2026120701);
                tally.request(&label, Request::Export(sent.clone()));
                // The worker reads the page's request, and the plan in it.
                let read = ToolsRequest::from_json(&Request::Export(sent.clone()).to_json());
                tally.record(&label, compare(&ToolsRequest::Export(sent.clone()), read));
                tally.record(&label, compare(plan, sent.plan()));
                // The page reads the worker's reply.
                let files = export_files(&set, *format, lang, 2026120701);
                if files.is_empty() || files.iter().any(|f| f.content.is_empty()) {
                    tally.record(&label, Some("an empty export".into()));
                }
                let reply = ToolsReply::Exported {
                    id,
                    files: files.clone(),
                };
                tally.record(
                    &label,
                    compare(&Reply::Exported { id, files }, Reply::from_json(&reply.to_json())),
                );
            }
        }
    }
    for (label, reply, expected) in [
        (
            "tools ready",
            ToolsReply::Ready { version: VERSION },
            Reply::Ready { version: VERSION },
        ),
        (
            "tools refusal",
            ToolsReply::Refused {
                id: Some(7),
                reason: "the plan has errors".into(),
            },
            Reply::Refused {
                id: Some(7),
                reason: "the plan has errors".into(),
            },
        ),
        (
            "tools refusal without id",
            ToolsReply::Refused {
                id: None,
                reason: "the message is not text".into(),
            },
            Reply::Refused {
                id: None,
                reason: "the message is not text".into(),
            },
        ),
    ] {
        tally.record(label, compare(&expected, Reply::from_json(&reply.to_json())));
    }
    // The DANE paste box: its request and its comparison (a refused
    // paste, with the findings that say why, and a bare key).
    tally.request(
        "the DANE paste box: Dane",
        Request::Dane(maildns::offload::DaneRequest {
            id: 5,
            host: "mail.example.com".into(),
            text: "not a certificate".into(),
            size: 17,
            records: vec![format!("3 1 1 {}", "ab".repeat(32))],
        }),
    );
    for (label, text, size) in [("no PEM", "not a certificate", 17), ("5 MB", "", 5 * 1024 * 1024)] {
        let check = maildns::dane::check_paste("mail.example.com", text, size, &[]);
        let json = serde_json::to_string(&check).expect("check");
        let back = serde_json::from_str::<maildns::dane::PasteCheck>(&json).map_err(|e| e.to_string());
        tally.record(
            &format!("the DANE paste box: {label}, its JSON"),
            compare(&check, back),
        );
        tally.reply(
            &format!("the DANE paste box: {label}"),
            Reply::Dane { id: 5, check: json },
        );
    }
    // A check request sent to the tools worker is refused, never misread.
    let race = Request::Race { id: 3 }.to_json();
    tally.record(
        "a check request read by the tools worker",
        ToolsRequest::from_json(&race)
            .ok()
            .map(|r| format!("read as {r:?}")),
    );
}

/// A request as the half of the page that sends it writes it.
fn page_writes(r: &Request) -> String {
    let r = r.clone();
    let text = match r {
        Request::Run { id, job } => serde_json::to_string(&CheckRequest::Run { id, job }),
        Request::Race { id } => serde_json::to_string(&CheckRequest::Race { id }),
        Request::WhatIf { id, job } => serde_json::to_string(&CheckRequest::WhatIf { id, job }),
        Request::Adopt(a) => serde_json::to_string(&CheckRequest::Adopt(a)),
        Request::Markdown(m) => serde_json::to_string(&CheckRequest::Markdown(m)),
        Request::SpfTargets {
            id,
            endpoint,
            targets,
        } => serde_json::to_string(&GenerateRequest::SpfTargets {
            id,
            endpoint,
            targets,
        }),
        Request::Export(e) => serde_json::to_string(&GenerateRequest::Export(e)),
        Request::Import(i) => serde_json::to_string(&GenerateRequest::Import(i)),
        Request::Message(m) => serde_json::to_string(&MessageWorkerRequest::Message(m)),
        Request::Dane(d) => serde_json::to_string(&CheckRequest::Dane(d)),
    };
    text.unwrap_or_default()
}

/// `None` when `back` is `sent`; else where they part.
fn compare<T: PartialEq + Debug>(sent: &T, back: Result<T, String>) -> Option<String> {
    match back {
        Ok(b) if b == *sent => None,
        Err(e) => Some(format!("not read back: {e}")),
        Ok(b) => {
            let (s, b) = (format!("{sent:?}"), format!("{b:?}"));
            let at = s.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
            let near = |t: &str| {
                t.get(at.saturating_sub(60)..(at + 60).min(t.len()))
                    .unwrap_or("")
                    .to_string()
            };
            Some(format!(
                "read back differently\n  sent: …{}…\n  back: …{}…",
                near(&s),
                near(&b)
            ))
        }
    }
}

/// What one run does.
#[derive(Clone, Copy)]
enum Run<'a> {
    Audit,
    AuditWithServers,
    Plan(&'a [Record]),
}

fn run(
    zone: &MemoryZone,
    domain: &str,
    what: Run<'_>,
    failing: HashMap<Question, DnsError>,
) -> (Report, KnownAnswers, Vec<Question>) {
    let r = Faulty::new(zone, failing);
    let (report, known) = match what {
        Run::Audit => block_on(audit_from(
            &r,
            &request(domain, &["s202611", "mail"]),
            KnownAnswers::default(),
        )),
        Run::AuditWithServers => {
            let mut req = request(domain, &["s202611"]);
            req.server_ips = servers();
            req.blocklists = true;
            block_on(audit_from(&r, &req, KnownAnswers::default()))
        }
        Run::Plan(records) => block_on(verify_plan_from(&r, records, KnownAnswers::default())),
    };
    let asked = r.asked.into_inner().into_iter().collect();
    (report, known, asked)
}

fn job_kind(domain: &str, what: Run<'_>) -> JobKind {
    match what {
        Run::Audit => JobKind::Audit(request(domain, &["s202611", "mail"])),
        Run::AuditWithServers => {
            let mut req = request(domain, &["s202611"]);
            req.server_ips = servers();
            req.mta_sts_policy_text = Some("version: STSv1\nmode: enforce\nmx: mail.example.com\n".into());
            // The page's audits ask the blocklists: their verdicts and
            // findings must read back too.
            req.blocklists = true;
            JobKind::Audit(req)
        }
        Run::Plan(records) => JobKind::Plan(records.to_vec()),
    }
}

/// The reply that ends a run, the request that would start it again with
/// its known answers, and the export of its report.
fn check_run(tally: &mut Tally, label: &str, domain: &str, what: Run<'_>, runs: [(Report, KnownAnswers); 2]) {
    let outcomes: Vec<Outcome> = runs
        .into_iter()
        .zip(WALL_MS)
        .zip(endpoints())
        .map(|(((report, known), wall_ms), ep)| Outcome {
            fixes: Vec::new(),
            json: None,
            date: String::new(),
            read_at: None,
            // What the page cannot test, as the worker adds it to an audit:
            // its findings and codes must read back too.
            handoffs: Some(serde_json::to_string(&report.handoffs()).expect("sheet")),
            mta_sts_seen: Some(SeenPolicy {
                id: "b2".into(),
                policy: "version: STSv1\nmode: enforce\nmx: *.example.com\nmax_age: 604800\n".into(),
            }),
            report,
            wall_ms,
            endpoint: ep.url,
            known,
        })
        .collect();
    for o in &outcomes {
        let export = serde_json::from_str::<Report>(&report_json(&o.report)).map_err(|e| e.to_string());
        tally.record(&format!("{label}: the JSON export"), compare(&o.report, export));
    }
    let seeds = outcomes
        .iter()
        .map(|o| o.report.rerun_seed(&o.known, Area::Spf))
        .collect();
    tally.request(
        &format!("{label}: Run"),
        Request::Run {
            id: 7,
            job: Job {
                plan: None,
                kind: job_kind(domain, what),
                endpoints: endpoints(),
                seeds,
                mta_sts: PolicyAsk {
                    permit: Permit::Allowed,
                    seen: Some(SeenPolicy {
                        id: "20261207a".into(),
                        policy:
                            "version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\nmax_age: 86400\r\n"
                                .into(),
                    }),
                },
            },
        },
    );
    let finished = Reply::Finished { id: 7, outcomes };
    carried_texts(tally, label, &finished);
    tally.reply(&format!("{label}: Finished"), finished);
}

/// The texts the checker sends before `reply` (`Reply::Texts`) name every
/// on-demand code its findings use, as code or as a code argument: the
/// page, which does not carry them, can explain each finding.
fn carried_texts(tally: &mut Tally, label: &str, reply: &Reply) {
    let Reply::Finished { outcomes, .. } = reply else {
        return;
    };
    let texts = i18n::carried_in(i18n::catalogue::CHECKED, &reply.to_json());
    let on_demand = |code: &str| {
        i18n::catalogue::CHECKED
            .iter()
            .flat_map(|p| p.iter())
            .any(|m| m.code == code)
    };
    let mut missing = Vec::new();
    for f in outcomes.iter().flat_map(|o| o.report.findings()) {
        let args = f
            .args
            .iter()
            .filter(|(k, _)| i18n::CODE_ARGS.contains(k))
            .map(|(_, v)| v.as_str());
        for code in std::iter::once(f.code).chain(args) {
            if on_demand(code) && !texts.iter().any(|t| t.code == code) && !missing.contains(&code) {
                missing.push(code);
            }
        }
    }
    let problem = (!missing.is_empty()).then(|| format!("no texts sent for {missing:?}"));
    tally.record(&format!("{label}: texts of its findings"), problem);
    tally.reply(&format!("{label}: Texts"), Reply::Texts { texts });
}

fn main() {
    let (zone, plans) = load_zones_with_records();
    let mut tally = Tally {
        passed: 0,
        failed: 0,
        shown: 0,
    };
    let kinds = kinds();
    let mut next_kind = 0;

    for (domain, records) in &plans {
        for what in [Run::Audit, Run::AuditWithServers, Run::Plan(records.as_slice())] {
            let name = match what {
                Run::Audit => "audit",
                Run::AuditWithServers => "audit with server addresses",
                Run::Plan(_) => "plan verification",
            };
            let (report, known, asked) = run(&zone, domain, what, HashMap::new());
            let clean = (report, known);
            // Two resolvers compared: the fault-free run and one whose
            // first question failed.
            let failing = asked.first().map(|q| (q.clone(), DnsError::ServFail));
            let (second, known2, _) = run(&zone, domain, what, failing.into_iter().collect());
            let label = format!("{domain} ({name})");
            check_run(
                &mut tally,
                &label,
                domain,
                what,
                [clean.clone(), (second, known2)],
            );
            for q in &asked {
                let kind = kinds[next_kind % kinds.len()].clone();
                next_kind += 1;
                let failing = HashMap::from([(q.clone(), kind.clone())]);
                let (report, known, _) = run(&zone, domain, what, failing);
                let label = format!("{label}, {} {} failing with {}", q.0, q.1, kind.code());
                check_run(&mut tally, &label, domain, what, [(report, known), clean.clone()]);
            }
        }

        let Ok(name) = Name::dns(domain) else { continue };
        for draft in DRAFTS {
            let clean = block_on(what_if(&zone, &name, draft, &servers()));
            let failing = Faulty::failing(
                &zone,
                &[("l3.spf-chain.net", maildns::dns::RecordType::Txt)],
                DnsError::Timeout,
            );
            let faulted = block_on(what_if(&failing, &name, draft, &servers()));
            for (how, result) in [("clean", clean), ("l3 timing out", faulted)] {
                tally.reply(
                    &format!("{domain}: what-if {draft:?}, {how}"),
                    Reply::WhatIf { id: 3, result },
                );
            }
            tally.request(
                &format!("{domain}: WhatIf request {draft:?}"),
                Request::WhatIf {
                    id: 3,
                    job: WhatIfJob {
                        endpoint: endpoints()[1].clone(),
                        domain: name.clone(),
                        draft: draft.to_string(),
                        ips: servers(),
                    },
                },
            );
        }
    }

    // The root as the domain: the form accepts `.`, and the engine
    // reports on it like any other name.
    if let Ok(req) = maildns::check::form::audit_request(".", "", "192.0.2.1", "") {
        let (report, known) = block_on(audit_from(&zone, &req, KnownAnswers::default()));
        let job = Job {
            plan: None,
            kind: JobKind::Audit(req),
            endpoints: endpoints(),
            seeds: vec![known.clone()],
            mta_sts: PolicyAsk {
                permit: Permit::NotAllowed,
                seen: None,
            },
        };
        tally.request("the root domain: Run", Request::Run { id: 4, job });
        let outcome = Outcome {
            fixes: Vec::new(),
            json: None,
            date: String::new(),
            read_at: None,
            report,
            wall_ms: WALL_MS[0],
            endpoint: endpoints()[0].url.clone(),
            known,
            handoffs: None,
            mta_sts_seen: None,
        };
        tally.reply(
            "the root domain: Finished",
            Reply::Finished {
                id: 4,
                outcomes: vec![outcome],
            },
        );
    } else {
        tally.record(
            "the root domain",
            Some("the form no longer accepts `.`: drop this case".into()),
        );
    }

    // The SPF builder's count: each scenario domain as an include target,
    // read in full and with a question below it failing.
    let targets: Vec<String> = plans
        .iter()
        .map(|(d, _)| d.clone())
        .chain(["l1.spf-chain.net".into()])
        .collect();
    let failing = Faulty::failing(
        &zone,
        &[("l5.spf-chain.net", maildns::dns::RecordType::Txt)],
        DnsError::ServFail,
    );
    for (how, costs) in [
        (
            "exact",
            targets
                .iter()
                .map(|t| (t.clone(), block_on(target_lookups(&zone, t))))
                .collect::<Vec<_>>(),
        ),
        (
            "l5 failing",
            targets
                .iter()
                .map(|t| (t.clone(), block_on(target_lookups(&failing, t))))
                .collect(),
        ),
    ] {
        tally.reply(&format!("SpfTargets ({how})"), Reply::SpfTargets { id: 5, costs });
    }
    tally.request(
        "SpfTargets request",
        Request::SpfTargets {
            id: 5,
            endpoint: Endpoint::from(Preset::AliDns),
            targets,
        },
    );

    // The first-use race: everyone answers; one is slow, one times out, one
    // is rewritten; nobody answers.
    let a = |ip: &str| Answer::new(ip.parse().into_iter().map(Rdata::A).collect());
    let probe = |preset, elapsed_ms, outcome| ProbeResult {
        preset,
        elapsed_ms,
        outcome,
    };
    let races = [
        Preset::ALL
            .iter()
            .enumerate()
            .map(|(i, p)| probe(*p, 40 * i as u32, Ok(a("93.184.215.14"))))
            .collect::<Vec<_>>(),
        vec![
            probe(Preset::AliDns, 30, Ok(a("198.18.0.7"))),
            probe(Preset::DnsPod, 90, Err(DnsError::Timeout)),
            probe(
                Preset::Google,
                2000,
                Err(DnsError::transport(
                    TransportKind::Unreachable,
                    "TypeError: Failed to fetch",
                )),
            ),
            probe(Preset::Cloudflare, 120, Ok(a("93.184.215.14"))),
        ],
        Preset::ALL
            .iter()
            .map(|p| {
                probe(
                    *p,
                    5000,
                    Err(DnsError::transport(TransportKind::HttpStatus, "HTTP 403")),
                )
            })
            .collect(),
        Vec::new(),
    ];
    for (i, results) in races.iter().enumerate() {
        tally.reply(
            &format!("race {i}"),
            Reply::Raced {
                id: 9,
                outcome: choose_resolver(results),
            },
        );
    }

    // The rest of the protocol.
    tally.request("Race request", Request::Race { id: 9 });
    // A message test, bytes that are not UTF-8 included, read by the
    // message worker as it was sent.
    let message = MessageRequest {
        id: 11,
        bytes: maildns::message::view::bytes_to_text(b"From: a@b.example\r\nSubject: \xe9\0\r\n\r\nbody\r\n"),
        size: 42,
        hop: maildns::message::view::HopChoice::Index(1),
        now: 1_800_000_000,
        endpoint: endpoints()[0].clone(),
    };
    tally.request("Message request", Request::Message(message.clone()));
    let read = MessageWorkerRequest::from_json(&Request::Message(message.clone()).to_json());
    tally.record(
        "Message request read by the message worker",
        compare(&MessageWorkerRequest::Message(message), read),
    );
    tally.reply("Ready", Reply::Ready { version: VERSION });
    tally.reply(
        "Progress",
        Reply::Progress {
            id: 1,
            asked: 23,
            answered: 4,
        },
    );
    tally.reply(
        "Refused without id",
        Reply::Refused {
            id: None,
            reason: "not JSON: \"{\"".into(),
        },
    );
    tally.reply(
        "Refused",
        Reply::Refused {
            id: Some(2),
            reason: "unknown variant".into(),
        },
    );

    // Refusals: a name that was never declared is an error, not a new value.
    let (report, known, _) = run(&zone, "spf-wrong-ip.net", Run::AuditWithServers, HashMap::new());
    let finished = Reply::Finished {
        id: 1,
        outcomes: vec![Outcome {
            fixes: Vec::new(),
            json: None,
            date: String::new(),
            read_at: None,
            report,
            wall_ms: 1.5,
            endpoint: "x".into(),
            known,
            handoffs: None,
            mta_sts_seen: None,
        }],
    }
    .to_json();
    let one = |from: &str, to: &str| {
        assert!(finished.contains(from), "{from} is not in the message");
        finished.replacen(from, to, 1)
    };
    let made_up = [
        (
            "a made-up finding code",
            one(
                "\"code\":\"spf.own_ip_fails\"",
                "\"code\":\"spf.own_ip_fails_badly\"",
            ),
            "unknown code",
        ),
        (
            "a made-up trace code",
            one("\"code\":\"spf.trace.record\"", "\"code\":\"spf.trace.recorded\""),
            "unknown code",
        ),
        (
            "a made-up SPF result",
            one("\"result\":\"fail\"", "\"result\":\"failed\""),
            "unknown SPF result",
        ),
        (
            "a made-up DNS error",
            one("\"code\":\"dns.nodata\"", "\"code\":\"dns.nothing\""),
            "unknown DNS error",
        ),
        (
            "a made-up area status",
            one("\"state\":\"errors\"", "\"state\":\"broken\""),
            "bad area status",
        ),
    ];
    for (label, text, why) in &made_up {
        tally.refused(label, text, why);
    }
    let finding = Finding::error(code::mx::NONE, "example.com", "RFC 5321 §5.1");
    let raced = Reply::Raced {
        id: 1,
        outcome: maildns::dns::race::RaceOutcome {
            chosen: None,
            findings: vec![finding],
        },
    }
    .to_json();
    tally.refused(
        "an undeclared code of a declared prefix",
        &raced.replace("mx.none", "mx.nothing"),
        "unknown code",
    );
    tally.refused(
        "a code of no prefix",
        &raced.replace("mx.none", "nowhere.none"),
        "unknown code",
    );

    exports(&mut tally);

    println!(
        "offload round trip: {} passed, {} failed",
        tally.passed, tally.failed
    );
    if tally.failed > 0 {
        eprintln!("a message did not read back as the value sent (see above)");
        std::process::exit(1);
    }
}
