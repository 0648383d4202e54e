//! The `check_host()` of each address, step by step: one collapsed
//! `<details>` per address, one line per step, indented by depth.

use crate::i18n::code;
use crate::i18n::{self, Lang};
use crate::spf::trace::LOOKUP_LIMIT;
use crate::spf::AddressTrace;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SpfTracesProps {
    pub traces: Rc<Vec<AddressTrace>>,
}

/// The summary line of one address: result and lookups used.
pub fn address_line(lang: Lang, t: &AddressTrace) -> String {
    i18n::fill(
        i18n::text(lang, code::spf::TRACE_ADDRESS),
        &[
            ("ip", t.ip.to_string()),
            ("result", i18n::text(lang, t.result_code()).to_string()),
            ("lookups", t.lookups.to_string()),
            ("limit", LOOKUP_LIMIT.to_string()),
        ],
    )
}

/// One address's evaluation, collapsed.
/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn address_trace(lang: Lang, props: &AddressTraceProps) -> Html {
    let t = &props.trace;
    html! {
        <details class="spf-trace" data-ip={t.ip.to_string()} data-result={t.result}>
            <summary>{ address_line(lang, t) }</summary>
            <p class="muted">{ i18n::explain(lang, &t.reason) }</p>
            <ol class="trace-steps">
                { for t.steps.iter().map(|s| html! {
                    <li class={classes!("trace-step", format!("depth-{}", s.depth.min(4)))}
                        data-code={s.code} data-depth={s.depth.to_string()}>
                        { i18n::fill(i18n::text(lang, s.code), &s.args) }
                    </li>
                }) }
            </ol>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct AddressTraceProps {
    pub trace: AddressTrace,
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn spf_traces(lang: Lang, props: &SpfTracesProps) -> Html {
    if props.traces.is_empty() {
        return html! {};
    }
    html! {
        <div class="spf-traces" data-spf-traces="">
            <h4>{ i18n::text(lang, code::ui::SPF_TRACES) }</h4>
            { for props.traces.iter().map(|t| html! { { address_trace(lang, &yew::props!(AddressTraceProps { trace: t.clone() })) } }) }
        </div>
    }
}
