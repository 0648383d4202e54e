//! The checker's side of the Web Worker (wasm32 only; the binary is
//! `src/bin/checker.rs`). The page (`ui::checker`) posts one JSON
//! [`Request`] per message; this module runs it with the DoH transport of
//! the browser (`fetch` works in a worker) and posts the [`Reply`]s back.
//! Everything heavy the page used to carry lives behind this boundary: the
//! check engine, SPF evaluation, the DoH resolvers and the DNS decoders.
//!
//! The worker is created from a `blob:` URL by the page, so it inherits
//! the page's Content-Security-Policy: its `fetch`es are held to the same
//! connect-src as the page's own (scripts/csp.py).

mod crypto;
pub mod message;
mod policy_fetch;
mod race;
pub mod tools;

use crate::check::report_json;
use crate::check::{audit_fetching, verify_plan_fetching, what_if, KnownAnswers, LiveFound};
use crate::dns::doh_resolver::DohResolver;
use crate::dns::endpoint::Endpoint;
use crate::dns::http_gloo::{GlooHttp, Progress};
use crate::mta_sts::live::{seen_after, Fetched, Permit};
use crate::offload::{Reply, Request, VERSION};
use crate::page::check::{FixRows, Job, JobKind, Outcome};
use crate::spf::target_lookups;
use crate::web::clock::{now_ms, sleep_ms};
use futures::channel::oneshot;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn scope() -> Option<DedicatedWorkerGlobalScope> {
    js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>().ok()
}

/// Posts one reply to the page (as JSON text), after the texts of the
/// checker's findings it names: the page does not carry them.
fn post(reply: &Reply) {
    let json = reply.to_json();
    let parts = crate::i18n::catalogue::CHECKED;
    // Replies may hold JSON text (the hand-offs, the DANE comparison):
    // their codes are found with their quotes unescaped.
    let mut texts = crate::i18n::carried_in(parts, &json.replace("\\\"", "\""));
    if let Reply::Finished { .. } = reply {
        // The words of the report's on-demand sections (the blocklists'
        // table, the hand-offs), which no finding names.
        for t in crate::i18n::carried(parts, crate::offload::REPORT_WORDS.iter().copied()) {
            if !texts.iter().any(|x| x.code == t.code) {
                texts.push(t);
            }
        }
    }
    if !texts.is_empty() {
        post_text(&Reply::Texts { texts }.to_json());
    }
    post_text(&json);
}

fn post_text(text: &str) {
    if let Some(scope) = scope() {
        let _ = scope.post_message(&JsValue::from_str(text));
    }
}

/// Calls `on_text` with the text of each message the page posts (or the
/// reason it is not text). The listener lives as long as the worker.
fn listen(on_text: impl Fn(Result<String, String>) + 'static) {
    let Some(scope) = scope() else {
        return;
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        on_text(
            event
                .data()
                .as_string()
                .ok_or_else(|| "the message is not text".to_string()),
        )
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}

/// The checker worker: installs the browser's IDNA converter (the check
/// engine parses names), then listens for requests and says it is ready.
/// Called once, by the checker binary's `main`.
pub fn start() {
    crate::web::idn::install();
    // The report's JSON explains each finding (`check::report_json`).
    crate::i18n::link(crate::i18n::catalogue::CHECKED);
    listen(|text| match text.and_then(|t| Request::from_json(&t)) {
        Ok(request) => wasm_bindgen_futures::spawn_local(handle(request)),
        Err(reason) => post(&Reply::Refused { id: None, reason }),
    });
    post(&Reply::Ready { version: VERSION });
}

async fn handle(request: Request) {
    match request {
        Request::Run { id, job } => run(id, job).await,
        Request::Race { id } => {
            let outcome = race::run().await;
            post(&Reply::Raced { id, outcome });
        }
        Request::WhatIf { id, job } => {
            let resolver = resolver(&job.endpoint, Rc::new(Progress::default()));
            let result = what_if(&resolver, &job.domain, &job.draft, &job.ips).await;
            post(&Reply::WhatIf { id, result });
        }
        Request::SpfTargets {
            id,
            endpoint,
            targets,
        } => {
            let resolver = resolver(&endpoint, Rc::new(Progress::default()));
            let costs = futures::future::join_all(targets.iter().map(|t| target_lookups(&resolver, t))).await;
            post(&Reply::SpfTargets {
                id,
                costs: targets.into_iter().zip(costs).collect(),
            });
        }
        Request::Dane(request) => {
            let records: Vec<crate::model::Tlsa> = request
                .records
                .iter()
                .filter_map(
                    |t| match crate::dns::Rdata::parse_lenient(crate::dns::RecordType::Tlsa, t) {
                        Ok(crate::dns::Rdata::Tlsa(tlsa)) => Some(tlsa),
                        _ => None,
                    },
                )
                .collect();
            let check = crate::dane::check_paste(&request.host, &request.text, request.size, &records);
            let check = serde_json::to_string(&check).unwrap_or_default();
            post(&Reply::Dane {
                id: request.id,
                check,
            });
        }
        // The page sends exports and imports to the tools worker; one sent
        // here is a bug to see, not to wait on.
        request @ (Request::Export(_)
        | Request::Adopt(_)
        | Request::Import(_)
        | Request::Markdown(_)
        | Request::Message(_)) => post(&Reply::Refused {
            id: Some(request.id()),
            reason: "the checker does not write exports or plans, nor test messages".to_string(),
        }),
    }
}

fn resolver(endpoint: &Endpoint, progress: Rc<Progress>) -> DohResolver<GlooHttp> {
    DohResolver::new(GlooHttp::new(endpoint.protocol, progress), endpoint)
}

/// One check run: every endpoint at once, progress every 100 ms.
async fn run(id: u32, job: Job) {
    let progress = Rc::new(Progress::default());
    let done = Rc::new(Cell::new(false));
    {
        let (progress, done) = (progress.clone(), done.clone());
        wasm_bindgen_futures::spawn_local(async move {
            while !done.get() {
                sleep_ms(100).await;
                if !done.get() {
                    post(&Reply::Progress {
                        id,
                        asked: progress.started(),
                        answered: progress.finished(),
                    });
                }
            }
        });
    }
    let t0 = now_ms();
    let mut policies = live_policy(&job, job.endpoints.len()).into_iter();
    let runs = job.endpoints.iter().zip(job.seeds.iter()).map(|(e, seed)| {
        let policy = policies.next().flatten();
        run_one(&job, e.clone(), seed.clone(), policy, progress.clone(), t0)
    });
    let outcomes = futures::future::join_all(runs).await;
    done.set(true);
    post(&Reply::Finished { id, outcomes });
}

/// The MTA-STS policy file, fetched once per run (two resolvers compared
/// share it: the browser, not the resolver, finds the host) when the page
/// allowed its origin (RFC 8461 §3.3): for each of `n` endpoints, what it
/// found once it is there; `None` when the run does not ask (Off, or no
/// domain). The fetch starts now and goes on beside the DNS questions.
fn live_policy(job: &Job, n: usize) -> Vec<Option<oneshot::Receiver<Fetched>>> {
    let domain = match (job.mta_sts.permit, job.domain()) {
        (Permit::Off, _) | (_, None) => return (0..n).map(|_| None).collect(),
        (_, Some(d)) => d.clone(),
    };
    let (senders, receivers): (Vec<_>, Vec<_>) = (0..n).map(|_| oneshot::channel()).unzip();
    let permit = job.mta_sts.permit;
    wasm_bindgen_futures::spawn_local(async move {
        let found = match permit {
            Permit::Allowed => policy_fetch::fetch_policy(&domain).await,
            _ => Fetched::NotAllowed,
        };
        for tx in senders {
            let _ = tx.send(found.clone());
        }
    });
    receivers.into_iter().map(Some).collect()
}

async fn run_one(
    job: &Job,
    endpoint: Endpoint,
    seed: KnownAnswers,
    policy: Option<oneshot::Receiver<Fetched>>,
    progress: Rc<Progress>,
    t0: f64,
) -> Outcome {
    let resolver = resolver(&endpoint, progress);
    // What the fetch found, kept to remember the policy after the run.
    let fetched: Rc<std::cell::RefCell<Option<Fetched>>> = Rc::default();
    let live = {
        let (fetched, seen) = (fetched.clone(), job.mta_sts.seen.clone());
        async move {
            let found = policy?.await.unwrap_or_else(|_| Fetched::Failed {
                reason: "the fetch was dropped".to_string(),
            });
            *fetched.borrow_mut() = Some(found.clone());
            Some(LiveFound { fetched: found, seen })
        }
    };
    let (report, known) = match &job.kind {
        JobKind::Audit(request) => audit_fetching(&resolver, request, seed, live).await,
        JobKind::Plan(records) => verify_plan_fetching(&resolver, records, seed, live).await,
    };
    let mta_sts_seen = fetched
        .borrow()
        .as_ref()
        .and_then(|f| seen_after(job.mta_sts.seen.as_ref(), report.mta_sts_id().as_deref(), f));
    let wall_ms = now_ms() - t0;
    // What the page cannot test, for the MX hosts this audit found.
    let handoffs = matches!(job.kind, JobKind::Audit(_))
        .then(|| serde_json::to_string(&report.handoffs()).unwrap_or_default());
    Outcome {
        handoffs,
        mta_sts_seen,
        fixes: fixes(job, &report, &known),
        json: Some(report_json(&report)),
        date: crate::web::clock::now_utc_text(),
        // Whole milliseconds since the epoch: exact in a message.
        read_at: Some(js_sys::Date::now() as u64),
        report,
        wall_ms,
        endpoint: endpoint.url,
        known,
    }
}

/// Plan mode: the fix list for each panel, from the planned records the
/// page sent (none in audit mode).
fn fixes(job: &Job, report: &crate::check::Report, known: &KnownAnswers) -> Vec<FixRows> {
    let Some(set) = job.plan.as_ref().map(crate::fixlist::Planned::to_set) else {
        return Vec::new();
    };
    crate::export::Panel::ALL
        .iter()
        .map(|panel| FixRows::new(crate::fixlist::fix_list(&set, report, known, *panel)))
        .collect()
}
