//! The Check half of the page: ask DoH resolvers and show the report.
//!
//! The state (`crate::page::check`) holds the form and the runs; this
//! component starts a run when the state asks for one (`start_request`),
//! drives the engine over the browser transport, and feeds progress and
//! results back. "Verify my plan" reads the Generate half's plan from the
//! shared state (`crate::ui::context`).

mod area;
mod compare;
mod confirm;
mod endpoint_picker;
mod finding_item;
mod form;
mod progress;
mod race;
mod report;
mod spf_traces;
mod whatif;

use crate::check::{audit_from, verify_plan_from, KnownAnswers};
use crate::dns::doh_resolver::DohResolver;
use crate::dns::endpoint::{parse_check_link, Endpoint};
use crate::dns::http_gloo::{GlooHttp, Progress};
use crate::i18n;
use crate::i18n::code;
use crate::page::check::{Action, CheckState, Job, JobKind, Outcome, PlanSource, Run};
use crate::ui::context::{make_callback, use_gen, use_lang, GenHandle};
use crate::ui::{browser, storage};
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn CheckPage() -> Html {
    let lang = use_lang();
    let gen = use_gen();
    let state = use_reducer(CheckState::default);

    // A share link `#check=...` pre-fills the form (and starts, or asks
    // first); otherwise a resolver remembered from an earlier visit is used.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            if let Some(link) = parse_check_link(&browser::fragment()) {
                dispatcher.dispatch(Action::FromLink(link));
            } else if let Some(preset) = storage::remembered_resolver() {
                dispatcher.dispatch(Action::Remembered(preset));
            }
        });
    }

    // A check link pasted into the address bar of the open page.
    {
        let dispatcher = state.dispatcher();
        browser::use_fragment_change(move |fragment: String| {
            if let Some(link) = parse_check_link(&fragment) {
                dispatcher.dispatch(Action::FromLink(link));
            }
        });
    }

    // Remember a preset once it is chosen (by the user or the race).
    use_effect_with(
        (state.endpoint_chosen, state.endpoint.preset),
        |(chosen, preset)| {
            if let (true, Some(preset)) = (*chosen, preset) {
                storage::remember_resolver(*preset);
            }
        },
    );

    // Start a run whenever the reducer asks for one; the very first run,
    // with no resolver chosen yet, races the presets first.
    {
        let state = state.clone();
        use_effect_with(state.start_request, move |n| {
            if *n > 0 && !state.endpoint_chosen {
                let dispatcher = state.dispatcher();
                wasm_bindgen_futures::spawn_local(async move {
                    let outcome = race::run().await;
                    dispatcher.dispatch(Action::RaceDone {
                        chosen: outcome.chosen,
                        note: outcome.findings.into_iter().next(),
                    });
                });
            } else if *n > 0 {
                start(&state, gen.as_ref());
            }
        });
    }

    let request = make_callback(&state, Action::Request);
    let on_confirm = make_callback(&state, Action::Confirm);

    // "Run again" repeats the last mode; an area's button re-runs that area.
    let last_mode = state.start_mode;
    let rerun_area = make_callback(&state, Action::RerunArea);
    let body = match &state.run {
        Run::Idle => html! {},
        Run::AwaitingConfirm => html! {
            <confirm::ConfirmEndpoint url={state.endpoint.url.clone()} on_answer={on_confirm} />
        },
        Run::Running { asked, answered } => html! {
            <progress::RunProgress asked={*asked} answered={*answered} />
        },
        Run::Done { outcomes, diff } => html! {
            <>
                if let Some(rows) = diff {
                    <compare::CompareTable rows={rows.clone()} />
                }
                <div class={classes!("check-reports", (outcomes.len() > 1).then_some("side-by-side"))}>
                    { for outcomes.iter().map(|o| html! {
                        <report::ReportView outcome={o.clone()}
                            on_rerun={request.reform(move |_: ()| last_mode)}
                            on_rerun_area={rerun_area.clone()} />
                    }) }
                </div>
            </>
        },
    };

    html! {
        <div class="check" data-run={run_word(&state.run)}>
            <p class="intro">{ i18n::text(lang, code::ui::CHECK_INTRO) }</p>
            <form::CheckForm state={state.clone()} on_request={request.clone()} />
            <whatif::WhatIfBox state={state.clone()} />
            if let Some(note) = &state.resolver_note {
                <p class="help resolver-note" role="status" data-finding-code={note.code}>
                    { i18n::explain(lang, note) }
                </p>
            }
            if !state.notices.is_empty() {
                <div class="check-notices" role="alert">
                    { for state.notices.iter().map(|n| html! {
                        <p class="help error" data-notice-code={n.code}>{ i18n::explain(lang, n) }</p>
                    }) }
                </div>
            }
            <div class="check-results" aria-live="polite">{ body }</div>
        </div>
    }
}

fn run_word(run: &Run) -> &'static str {
    match run {
        Run::Idle => "idle",
        Run::AwaitingConfirm => "confirm",
        Run::Running { .. } => "running",
        Run::Done { .. } => "done",
    }
}

/// Prepares the job from the form (and, to verify the plan, the Generate
/// half's state, which the root always provides) and runs it in the background.
fn start(state: &UseReducerHandle<CheckState>, gen: Option<&GenHandle>) {
    let dispatcher = state.dispatcher();
    let no_plan = Default::default();
    let plan = match gen {
        Some(g) => PlanSource {
            plan: &g.plan,
            set: g.set.as_deref(),
            findings: &g.errors,
        },
        None => PlanSource {
            plan: &no_plan,
            set: None,
            findings: &[],
        },
    };
    let prepared = match state.rerun_job() {
        Some(job) => Ok(job),
        None => state.prepare(state.start_mode, plan),
    };
    let job = match prepared {
        Ok(job) => Rc::new(job),
        Err(notices) => {
            dispatcher.dispatch(Action::Refused(notices));
            return;
        }
    };
    // The page's connect-src must name every resolver (ui::connect_policy).
    if let Some(refusal) = crate::ui::connect_policy::refusal(&job.endpoints) {
        dispatcher.dispatch(Action::Refused(vec![refusal]));
        return;
    }
    let id = state.run_id.wrapping_add(1);
    dispatcher.dispatch(Action::Started { id, job: job.clone() });
    let progress = Rc::new(Progress::default());
    let done = Rc::new(Cell::new(false));
    {
        let (progress, done, dispatcher) = (progress.clone(), done.clone(), dispatcher.clone());
        wasm_bindgen_futures::spawn_local(async move {
            while !done.get() {
                browser::sleep_ms(100).await;
                dispatcher.dispatch(Action::Progress {
                    id,
                    asked: progress.started(),
                    answered: progress.finished(),
                });
            }
        });
    }
    wasm_bindgen_futures::spawn_local(async move {
        let t0 = browser::now_ms();
        let runs = job
            .endpoints
            .iter()
            .zip(job.seeds.iter())
            .map(|(e, seed)| run_one(&job, e.clone(), seed.clone(), progress.clone(), t0));
        let outcomes = futures::future::join_all(runs).await;
        done.set(true);
        dispatcher.dispatch(Action::Finished { id, outcomes });
    });
}

async fn run_one(
    job: &Job,
    endpoint: Endpoint,
    seed: KnownAnswers,
    progress: Rc<Progress>,
    t0: f64,
) -> Outcome {
    let resolver = DohResolver::new(GlooHttp::new(endpoint.protocol, progress), &endpoint);
    let (report, known) = match &job.kind {
        JobKind::Audit(request) => audit_from(&resolver, request, seed).await,
        JobKind::Plan(records) => verify_plan_from(&resolver, records, seed).await,
    };
    Outcome {
        report,
        wall_ms: browser::now_ms() - t0,
        endpoint: endpoint.url,
        known,
    }
}
