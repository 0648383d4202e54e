//! The SPF record's lookup count, under the SPF section, as the user types
//! (`GenState::spf_lookups`); and, on request only, the include targets'
//! records read over DoH to complete it. Typing never asks DNS.

use crate::dns::endpoint::Endpoint;
use crate::dns::Preset;
use crate::i18n;
use crate::i18n::code;
use crate::offload::{GenerateRequest, Reply};
use crate::page::app::Lazy;
use crate::page::generate::Action;
use crate::ui::checker::Checker;
use crate::ui::context::{use_checker, use_gen, use_lang, GenHandle};
use crate::ui::storage;
use yew::prelude::*;

/// Reads each unread target's records through the remembered resolver (the
/// Check half's choice) or Google's, in the checker's worker (loaded now if
/// it is not there yet), then hands the costs to the state. If the checker
/// cannot load, the count stays as it was, the reason is shown and the
/// button stays.
fn fetch(state: GenHandle, checker: Checker) {
    let targets = state.unread_targets();
    if targets.is_empty() || state.includes_fetching {
        return;
    }
    state.dispatch(Action::IncludesFetching);
    let preset = storage::remembered_resolver().unwrap_or(Preset::Google);
    let endpoint = Endpoint::from(preset);
    let dispatcher = state.dispatcher();
    checker.ask(
        |id| GenerateRequest::SpfTargets {
            id,
            endpoint,
            targets,
        },
        Callback::from(move |reply| match reply {
            Reply::SpfTargets { costs, .. } => dispatcher.dispatch(Action::IncludesFetched(costs)),
            Reply::Refused { reason, .. } => dispatcher.dispatch(Action::IncludesUnavailable(reason)),
            _ => {}
        }),
    );
}

#[component]
pub fn SpfLookups() -> Html {
    let lang = use_lang();
    let checker = use_checker().map(|c| c.checker);
    let Some(state) = use_gen() else {
        return html! {};
    };
    let Some(b) = state.spf_lookups.clone() else {
        return html! {};
    };
    let line = i18n::fill(i18n::text(lang, b.code()), &b.args());
    let unread = !state.unread_targets().is_empty();
    let onclick = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(checker) = &checker {
                fetch(state.clone(), checker.clone());
            }
        })
    };
    let class = if b.over_limit() { "help error" } else { "help" };
    html! {
        <div class="spf-lookups">
            <p id="spf-lookups" class={class} aria-live="polite" data-finding-code={b.code()}
                data-count={b.count.to_string()} data-exact={b.exact().to_string()}>{ line }</p>
            if let Some(reason) = &state.includes_unavailable {
                <p class="help error" role="alert" data-notice-code={code::ui::CHECKER_FAILED}>
                    { i18n::explain(lang, &Lazy::unavailable(reason)) }
                </p>
            }
            if state.includes_fetching {
                <p class="help" role="status">{ i18n::text(lang, code::ui::SPF_FETCHING) }</p>
            } else if unread {
                <button type="button" class="button small" data-action="fetch-includes" {onclick}
                    aria-describedby="spf-fetch-help">
                    { i18n::text(lang, code::ui::SPF_FETCH_INCLUDES) }
                </button>
                <p id="spf-fetch-help" class="help muted">{ i18n::text(lang, code::ui::SPF_FETCH_INCLUDES_HELP) }</p>
            }
        </div>
    }
}
