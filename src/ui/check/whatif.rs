//! The what-if box: paste a draft SPF record, see its result for each
//! server address, its lookup count and each evaluation's trace, before
//! publishing it. The state is `crate::page::whatif`; the evaluation is
//! `crate::check::what_if` over the chosen resolver with the draft laid
//! over the domain's own SPF record.

use super::finding_item::{finding_item, FindingItemProps};
use super::spf_traces::{address_trace, AddressTraceProps};
use crate::check::WhatIf;
use crate::i18n;
use crate::i18n::code;
use crate::offload::{CheckRequest, Reply};
use crate::page::app::Lazy;
use crate::page::check::{Action, CheckState};
use crate::page::whatif::{self, WhatIfRun};
use crate::ui::context::{make_callback, use_checker, use_gen, use_lang};
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WhatIfBoxProps {
    pub state: UseReducerHandle<CheckState>,
}

#[component]
pub fn WhatIfBox(props: &WhatIfBoxProps) -> Html {
    let lang = use_lang();
    let gen = use_gen();
    let checker = use_checker().map(|c| c.checker);
    let s = &props.state;
    let w = &s.whatif;

    // Evaluate whenever the box asks for it.
    {
        let state = s.clone();
        use_effect_with(w.request, move |n| {
            if *n > 0 {
                let set = gen.as_ref().and_then(|g| g.set.clone());
                match state.whatif_job(set.as_deref()) {
                    Err(notices) => state.dispatch(Action::WhatIf(whatif::Action::Refused(notices))),
                    // The page's connect-src must name the resolver, as for a run.
                    Ok(job)
                        if crate::ui::connect_policy::refusal(std::slice::from_ref(&job.endpoint))
                            .is_some() =>
                    {
                        let refusal = crate::ui::connect_policy::refusal(std::slice::from_ref(&job.endpoint));
                        state.dispatch(Action::WhatIf(whatif::Action::Refused(
                            refusal.into_iter().collect(),
                        )));
                    }
                    Ok(job) => {
                        let Some(checker) = checker else {
                            return;
                        };
                        let id = state.whatif.id.wrapping_add(1);
                        state.dispatch(Action::WhatIf(whatif::Action::Started(id)));
                        let dispatcher = state.dispatcher();
                        // Evaluated in the checker's worker.
                        checker.ask(
                            |request_id| CheckRequest::WhatIf { id: request_id, job },
                            Callback::from(move |reply| match reply {
                                Reply::WhatIf { result, .. } => {
                                    dispatcher.dispatch(Action::WhatIf(whatif::Action::Done {
                                        id,
                                        result: Rc::new(result),
                                    }))
                                }
                                Reply::Refused { reason, .. } => {
                                    let notice = Lazy::unavailable(&reason);
                                    dispatcher.dispatch(Action::WhatIf(whatif::Action::Refused(vec![notice])))
                                }
                                _ => {}
                            }),
                        );
                    }
                }
            }
        });
    }

    let on_draft = make_callback(s, |e: InputEvent| {
        Action::WhatIf(whatif::Action::Draft(
            e.target_unchecked_into::<HtmlTextAreaElement>().value(),
        ))
    });
    let on_run = make_callback(s, |_: MouseEvent| Action::WhatIf(whatif::Action::Request));
    let running = w.run == WhatIfRun::Running;
    html! {
        <details class="section whatif" id="spf-whatif">
            <summary>{ i18n::text(lang, code::ui::SPF_WHATIF) }</summary>
            <p id="whatif-help" class="help">{ i18n::text(lang, code::ui::SPF_WHATIF_HELP) }</p>
            <div class="field wide">
                <label for="whatif-draft">{ i18n::text(lang, code::ui::SPF_WHATIF_LABEL) }</label>
                <textarea id="whatif-draft" rows="2" spellcheck="false" aria-describedby="whatif-help"
                    placeholder="v=spf1 mx include:_spf.provider.example -all"
                    value={w.draft.clone()} oninput={on_draft} />
            </div>
            <button type="button" class="button" data-action="whatif" disabled={running} onclick={on_run}>
                { i18n::text(lang, code::ui::SPF_WHATIF_RUN) }
            </button>
            if !w.notices.is_empty() {
                <div class="check-notices" role="alert">
                    { for w.notices.iter().map(|n| html! {
                        <p class="help error" data-notice-code={n.code}>{ i18n::explain(lang, n) }</p>
                    }) }
                </div>
            }
            <div class="whatif-result" aria-live="polite">
                { match &w.run {
                    WhatIfRun::Idle => html! {},
                    WhatIfRun::Running => html! { <p class="help" role="status">{ i18n::text(lang, code::ui::SPF_WHATIF_RUNNING) }</p> },
                    WhatIfRun::Done(r) => result_view(lang, r),
                } }
            </div>
        </details>
    }
}

fn result_view(lang: i18n::Lang, r: &WhatIf) -> Html {
    let title = i18n::fill(
        i18n::text(lang, code::ui::SPF_WHATIF_RESULT),
        &[("domain", r.domain.as_str().to_string())],
    );
    let lookups = i18n::fill(
        i18n::text(lang, crate::check::whatif::DraftLookups::CODE),
        &r.lookups.args(),
    );
    html! {
        <div data-whatif={r.domain.as_str().to_string()}>
            <p class="whatif-title"><strong>{ title }</strong></p>
            <p class="whatif-lookups" data-count={r.lookups.count.to_string()}
                data-bound={(!r.lookups.failed.is_empty()).to_string()}>{ lookups }</p>
            if !r.findings.is_empty() {
                <ul class="findings">
                    { for r.findings.iter().map(|f| html! { { finding_item(lang, &yew::props!(FindingItemProps { area: "spf", finding: f.clone() })) } }) }
                </ul>
            }
            { for r.addresses.iter().map(|t| html! { { address_trace(lang, &yew::props!(AddressTraceProps { trace: t.clone() })) } }) }
        </div>
    }
}
