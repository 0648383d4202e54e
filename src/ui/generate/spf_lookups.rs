//! The SPF record's lookup count, under the SPF section, as the user types
//! (`GenState::spf_lookups`); and, on request only, the include targets'
//! records read over DoH to complete it. Typing never asks DNS.

use crate::dns::doh_resolver::DohResolver;
use crate::dns::endpoint::Endpoint;
use crate::dns::http_gloo::{GlooHttp, Progress};
use crate::dns::Preset;
use crate::i18n;
use crate::i18n::code;
use crate::page::generate::Action;
use crate::spf::target_lookups;
use crate::ui::context::{use_gen, use_lang, GenHandle};
use crate::ui::storage;
use std::rc::Rc;
use yew::prelude::*;

/// Reads each unread target's records through the remembered resolver (the
/// Check half's choice) or Google's, then hands the costs to the state.
fn fetch(state: GenHandle) {
    let targets = state.unread_targets();
    if targets.is_empty() || state.includes_fetching {
        return;
    }
    state.dispatch(Action::IncludesFetching);
    let preset = storage::remembered_resolver().unwrap_or(Preset::Google);
    let endpoint = Endpoint::from(preset);
    wasm_bindgen_futures::spawn_local(async move {
        let http = GlooHttp::new(endpoint.protocol, Rc::new(Progress::default()));
        let resolver = DohResolver::new(http, &endpoint);
        let costs = futures::future::join_all(targets.iter().map(|t| target_lookups(&resolver, t))).await;
        state.dispatch(Action::IncludesFetched(targets.into_iter().zip(costs).collect()));
    });
}

#[component]
pub fn SpfLookups() -> Html {
    let lang = use_lang();
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
        Callback::from(move |_: MouseEvent| fetch(state.clone()))
    };
    let class = if b.over_limit() { "help error" } else { "help" };
    html! {
        <div class="spf-lookups">
            <p id="spf-lookups" class={class} aria-live="polite" data-finding-code={b.code()}
                data-count={b.count.to_string()} data-exact={b.exact().to_string()}>{ line }</p>
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
