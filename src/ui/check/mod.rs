//! The Check half of the page: ask DoH resolvers and show the report.
//!
//! The state (`crate::page::check`) holds the form and the runs; this
//! component starts a run when the state asks for one (`start_request`),
//! drives the engine over the browser transport, and feeds progress and
//! results back. "Verify my plan" reads the Generate half's plan from the
//! shared state (`crate::ui::context`).

mod area;
mod blocklists;
mod compare;
mod confirm;
mod dane_box;
pub(crate) mod endpoint_picker;
pub(crate) mod finding_item;
mod fixes;
mod form;
mod handoffs;
mod progress;
mod report;
pub(crate) mod spf_traces;
mod sts_live;
mod whatif;

use crate::dns::endpoint::parse_check_link;
use crate::i18n;
use crate::i18n::code;
use crate::offload::{AdoptRequest, CheckRequest, Reply};
use crate::page::app::Lazy;
use crate::page::check::{Action, CheckState, Mode, Outcome, PlanSource, Run};
use crate::ui::checker::Checker;
use crate::ui::components::lazy_line::{lazy_line, LazyWords};
use crate::ui::context::{make_callback, use_checker, use_gen, use_lang, GenHandle};
use crate::ui::{browser, storage};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn CheckPage() -> Html {
    let lang = use_lang();
    let gen = use_gen();
    let checker = use_checker();
    let tools = crate::ui::context::use_tools();
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

    // Offline, a check waits for the connection (Action::Offline); this
    // starts it when the connection is back.
    {
        let dispatcher = state.dispatcher();
        browser::use_window_event("online", move || dispatcher.dispatch(Action::Online));
    }

    // Start a run whenever the reducer asks for one; the very first run,
    // with no resolver chosen yet, races the presets first. Both happen in
    // the checker's worker, which loads first if it is not there yet; while
    // the browser is offline, neither starts.
    {
        let state = state.clone();
        let gen = gen.clone();
        let checker = checker.as_ref().map(|c| c.checker.clone());
        use_effect_with(state.start_request, move |n| {
            let Some(checker) = checker else {
                return;
            };
            if *n > 0 && !browser::online() {
                state.dispatch(Action::Offline);
            } else if *n > 0 && !state.endpoint_chosen {
                let dispatcher = state.dispatcher();
                checker.ask(
                    |id| CheckRequest::Race { id },
                    Callback::from(move |reply| match reply {
                        // Nobody answered because the connection went.
                        Reply::Raced { .. } if !browser::online() => dispatcher.dispatch(Action::Offline),
                        Reply::Raced { outcome, .. } => dispatcher.dispatch(Action::RaceDone {
                            chosen: outcome.chosen,
                            note: outcome.findings.into_iter().next(),
                        }),
                        Reply::Refused { reason, .. } => {
                            dispatcher.dispatch(Action::Refused(vec![Lazy::unavailable(&reason)]))
                        }
                        _ => {}
                    }),
                );
            } else if *n > 0 {
                start(&state, gen.as_ref(), &checker);
            }
        });
    }

    let request = make_callback(&state, Action::Request);
    let on_confirm = make_callback(&state, Action::Confirm);

    // "Use as my plan" (an audit's report only): the tools worker turns
    // the answers into a plan, which replaces the Generate half's.
    let adopt = |o: &Rc<Outcome>| -> Option<Callback<()>> {
        if state.start_mode != Mode::Audit {
            return None;
        }
        let (tools, gen, o, state) = (tools.clone()?, gen.clone()?, o.clone(), state.clone());
        let policy = Some(state.policy.clone()).filter(|p| !p.trim().is_empty());
        Some(Callback::from(move |_| {
            let (gen, state) = (gen.clone(), state.clone());
            let on_reply = Callback::from(move |reply: Reply| match reply {
                Reply::Adopted { adopted, .. } => {
                    i18n::keep(adopted.texts.clone());
                    crate::ui::codec::adopt(&gen, adopted);
                }
                Reply::Refused { reason, .. } => {
                    state.dispatch(Action::Refused(vec![Lazy::unavailable(&reason)]))
                }
                _ => {}
            });
            let (domain, known, policy) = (
                o.report.domain.as_str().trim_end_matches('.').to_string(),
                o.known.clone(),
                policy.clone(),
            );
            tools.ask(
                move |id| {
                    CheckRequest::Adopt(AdoptRequest {
                        id,
                        domain,
                        known,
                        mta_sts_policy: policy,
                    })
                },
                on_reply,
            );
        }))
    };

    // "Allow … and check again" in the MTA-STS area: the policy host's
    // origin joins the page's connect-src, then the audit runs again.
    let allow_policy = {
        let (mode, domain, selectors, endpoint) = (
            state.start_mode,
            state.domain.clone(),
            state.selectors.clone(),
            state.endpoint.choice(),
        );
        Callback::from(move |origin: String| {
            let audit = (mode != Mode::Plan).then_some((domain.as_str(), selectors.as_str(), &endpoint));
            sts_live::allow_and_reload(&origin, audit);
        })
    };

    // "Run again" repeats the last mode; an area's button re-runs that area.
    let last_mode = state.start_mode;
    let rerun_area = make_callback(&state, Action::RerunArea);
    let body = match &state.run {
        Run::Idle => html! {},
        Run::AwaitingConfirm => html! {
            <confirm::ConfirmEndpoint url={state.endpoint.url.clone()} on_answer={on_confirm} />
        },
        Run::Running { asked, answered } => html! {
            { progress::run_progress(lang, &yew::props!(progress::RunProgressProps { asked: *asked, answered: *answered })) }
        },
        Run::Done { outcomes, diff } => html! {
            <>
                if let Some(rows) = diff {
                    { compare::compare_table(lang, &yew::props!(compare::CompareTableProps { rows: rows.clone() })) }
                }
                <div class={classes!("check-reports", (outcomes.len() > 1).then_some("side-by-side"))}>
                    { for outcomes.iter().map(|o| html! {
                        { report::report_view(lang, &yew::props!(report::ReportViewProps { outcome: o.clone(), on_rerun: request.reform(move |_: ()| last_mode), on_rerun_area: rerun_area.clone(), on_adopt: adopt(o), on_allow_policy: allow_policy.clone(), panel: gen.as_ref().map(|g| g.panel).unwrap_or(crate::export::Panel::Generic), tools: tools.clone() })) }
                    }) }
                </div>
            </>
        },
    };

    let lazy = checker.as_ref().map(|c| c.state.clone()).unwrap_or_default();
    let retry = checker.as_ref().map(|c| {
        let (checker, request) = (c.checker.clone(), request.clone());
        let wanted = !matches!(state.run, Run::Idle | Run::AwaitingConfirm) || !state.notices.is_empty();
        Callback::from(move |_: MouseEvent| {
            checker.load();
            // A run that failed for want of the checker is asked again.
            if wanted {
                request.emit(last_mode);
            }
        })
    });

    html! {
        <div class="check" data-run={run_word(&state.run)} data-lazy-state={lazy.word()}>
            <p class="intro">{ i18n::text(lang, code::ui::CHECK_INTRO) }</p>
            { lazy_line(lang, &lazy, retry, "retry-checker", LazyWords::CHECKER) }
            { form::check_form(lang, &yew::props!(form::CheckFormProps { state: state.clone(), on_request: request.clone() })) }
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
/// half's state, which the root always provides) and hands it to the
/// checker's worker.
fn start(state: &UseReducerHandle<CheckState>, gen: Option<&GenHandle>, checker: &Checker) {
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
        Ok(mut job) => {
            // The live MTA-STS policy: may the checker fetch it, and what
            // does this browser remember for the domain.
            job.mta_sts = sts_live::ask_for(&job);
            Rc::new(job)
        }
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
    checker.ask(
        |request_id| CheckRequest::Run {
            id: request_id,
            job: (*job).clone(),
        },
        Callback::from(move |reply| match reply {
            Reply::Progress { asked, answered, .. } => {
                dispatcher.dispatch(Action::Progress { id, asked, answered })
            }
            // The connection went during the run: its questions failed for
            // want of a network; it runs again when the connection is back.
            Reply::Finished { .. } if !browser::online() => dispatcher.dispatch(Action::Offline),
            Reply::Finished { outcomes, .. } => {
                sts_live::remember(&outcomes);
                // The fix lists' words come with them (not in the first view).
                for o in &outcomes {
                    for f in &o.fixes {
                        i18n::keep(f.texts.clone());
                    }
                }
                dispatcher.dispatch(Action::Finished { id, outcomes })
            }
            Reply::Refused { reason, .. } => dispatcher.dispatch(Action::Unavailable {
                id,
                notice: Lazy::unavailable(&reason),
            }),
            _ => {}
        }),
    );
}
