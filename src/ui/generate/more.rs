//! The sections a first view shows closed (starting from published
//! records, SPF beyond the hosts, MTA-STS and TLS reporting, TTLs, the
//! extras) and the box of exports for other tools below the records: the
//! sections' summaries are always there, their bodies are a part split
//! off the page's module (`more_sections`, src/main.rs), fetched when the
//! browser is first idle after the first view, or when one of them is
//! opened first. An opened section says it is loading meanwhile; when the
//! fetch failed, why, with a retry. The bodies read the plan from context,
//! so the part is called with the section's name only.

use super::{exports, extras, import, mta_sts, spf, ttl};
use crate::page::generate::Action;
use crate::ui::context::{make_callback, use_gen, use_lang, use_tools};
use crate::ui::gate::{gate_load, gate_ready, Gate, PartFetch};
use std::cell::Cell;
use std::future::Future;
use yew::prelude::*;

/// A section whose body is in the part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Import,
    Spf,
    MtaSts,
    Ttl,
    Extras,
    Exports,
}

/// What the page's binary hands in: the part's fetch, and the call into it
/// (`None` while the part is not there).
#[derive(Clone, Copy)]
pub struct MoreLoader {
    pub fetch: fn() -> PartFetch,
    pub render: fn(Section) -> Option<Html>,
}

impl PartialEq for MoreLoader {
    /// One loader for the page's lifetime.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl MoreLoader {
    /// The bodies already in the module (the shell's wasm-bindgen tests,
    /// which are not split).
    pub fn whole() -> Self {
        MoreLoader {
            fetch: || Box::pin(async { Ok(()) }),
            render: |which| Some(body(which)),
        }
    }
}

thread_local! {
    static LOADER: Cell<Option<MoreLoader>> = const { Cell::new(None) };
    static GATE: Gate = const { Gate::new() };
}

/// Installs the loader (once, at start).
pub fn install(loader: MoreLoader) {
    LOADER.with(|l| l.set(Some(loader)));
}

pub fn ready() -> bool {
    gate_ready(&GATE)
}

/// Fetches the part (once; later calls wait for the same fetch).
pub fn load() -> impl Future<Output = Result<(), String>> {
    gate_load(&GATE, LOADER.with(Cell::get).map(|l| l.fetch))
}

/// The body of `which`, when the part is there.
pub fn render(which: Section) -> Option<Html> {
    if !ready() {
        return None;
    }
    LOADER.with(Cell::get).and_then(|l| (l.render)(which))
}

/// What the part renders: the body of `which`.
pub fn body(which: Section) -> Html {
    html! { <Body {which} /> }
}

#[derive(Properties, PartialEq)]
struct BodyProps {
    which: Section,
}

#[component]
fn Body(props: &BodyProps) -> Html {
    let lang = use_lang();
    let tools = use_tools();
    let Some(state) = use_gen() else {
        return html! {};
    };
    let on_edit = make_callback(&state, Action::Edit);
    let s = &*state;
    match props.which {
        Section::Import => import::import_box(lang, &state, tools),
        Section::Spf => html! {
            <spf::SpfSection spf={s.plan.spf.clone()} findings={s.findings.clone()} {on_edit} />
        },
        Section::MtaSts => html! {
            <mta_sts::MtaStsSection mta_sts={s.plan.mta_sts.clone()} tls_rpt={s.plan.tls_rpt.clone()}
                findings={s.findings.clone()} {on_edit} />
        },
        Section::Ttl => html! {
            <ttl::TtlSection ttl={s.plan.ttl.clone()} findings={s.findings.clone()} {on_edit} />
        },
        Section::Extras => html! {
            <extras::ExtrasSection plan={s.plan.clone()} findings={s.findings.clone()} {on_edit} />
        },
        Section::Exports => html! { <exports::ToolExports /> },
    }
}
