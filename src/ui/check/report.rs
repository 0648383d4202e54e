//! One report: summary line, exports, rerun, and the areas.

use super::area::{area_view, AreaViewProps};
use crate::check::{Area, Summary};
use crate::i18n;
use crate::i18n::code;
use crate::i18n::Lang;
use crate::offload::{CheckRequest, MarkdownRequest, Reply};
use crate::page::check::Outcome;
use crate::ui::browser;
use crate::ui::checker::Checker;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportViewProps {
    pub outcome: Rc<Outcome>,
    pub on_rerun: Callback<()>,
    pub on_rerun_area: Callback<Area>,
    /// "Use as my plan": an audit's answers made into a plan.
    #[prop_or_default]
    pub on_adopt: Option<Callback<()>>,
    /// Allows the MTA-STS policy host's origin (given) and checks again.
    pub on_allow_policy: Callback<String>,
    /// The panel chosen in the Generate half: its fix list is shown.
    pub panel: crate::export::Panel,
    /// The tools worker, which writes the Markdown download.
    pub tools: Option<Checker>,
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn report_view(lang: Lang, props: &ReportViewProps) -> Html {
    let o = &props.outcome;
    let r = &o.report;
    let title = i18n::fill(
        i18n::text(lang, code::check::REPORT_TITLE),
        &[("domain", r.domain.as_str().to_string())],
    );
    let summary = i18n::fill(
        i18n::text(lang, code::ui::CHECK_SUMMARY),
        &[
            ("questions", r.questions_asked.to_string()),
            ("chain", r.longest_chain.to_string()),
            ("ms", whole_ms(o.wall_ms)),
            ("endpoint", o.endpoint.clone()),
        ],
    );
    let counts = i18n::fill(i18n::text(lang, Summary::CODE), &r.summary.args());
    let file = r.domain.as_str().to_string();
    // The JSON was written by the checker when the run ended; the
    // Markdown is written from it by the tools worker, on demand.
    let export_json = {
        let (o, name) = (o.clone(), format!("maildns-{file}.json"));
        Callback::from(move |_| {
            if let Some(json) = &o.json {
                let _ = browser::download(&name, "application/json", json);
            }
        })
    };
    let export_md = {
        let (o, tools) = (o.clone(), props.tools.clone());
        Callback::from(move |_| {
            let (Some(json), Some(tools)) = (o.json.clone(), tools.clone()) else {
                return;
            };
            let (date, resolver) = (o.date.clone(), o.endpoint.clone());
            let on_reply = Callback::from(|reply: Reply| {
                if let Reply::Exported { files, .. } = reply {
                    for f in files {
                        let _ = browser::download(&f.name, &f.media_type, &f.content);
                    }
                }
            });
            tools.ask(
                |id| {
                    CheckRequest::Markdown(MarkdownRequest {
                        id,
                        json,
                        lang,
                        date,
                        resolver,
                    })
                },
                on_reply,
            );
        })
    };
    let rerun = props.on_rerun.reform(|_| ());
    html! {
        <article class="check-report" data-report={r.domain.as_str().to_string()} data-endpoint={o.endpoint.clone()}
            data-questions={r.questions_asked.to_string()} data-chain={r.longest_chain.to_string()}
            data-wall-ms={whole_ms(o.wall_ms)}>
            <h2>{ title }</h2>
            <p class="check-counts" data-errors={r.summary.errors.to_string()} data-warnings={r.summary.warnings.to_string()}
                data-unknown={r.summary.could_not_check.to_string()}>{ counts }</p>
            <p class="check-summary" role="status">{ summary }</p>
            <div class="check-actions">
                <button type="button" class="button" data-action="rerun" onclick={rerun}>
                    { i18n::text(lang, code::ui::CHECK_RERUN) }
                </button>
                if let Some(adopt) = &props.on_adopt {
                    <button type="button" class="button primary" data-action="adopt" onclick={adopt.reform(|_| ())}>
                        { i18n::text(lang, code::ui::CHECK_ADOPT) }
                    </button>
                }
                <button type="button" class="button" data-action="export-json" onclick={export_json}>
                    { i18n::text(lang, code::ui::CHECK_EXPORT_JSON) }
                </button>
                <button type="button" class="button" data-action="export-markdown" onclick={export_md}>
                    { i18n::text(lang, code::ui::CHECK_EXPORT_MARKDOWN) }
                </button>
            </div>
            if let Some(fixes) = o.fixes.iter().find(|f| f.panel == props.panel) {
                { super::fixes::fix_list(lang, fixes, o.read_at) }
            }
            { for r.areas.iter().map(|a| html! {
                { area_view(lang, &yew::props!(AreaViewProps { area: Rc::new(a.clone()), on_rerun: props.on_rerun_area.clone(), on_allow_policy: props.on_allow_policy.clone() })) }
            }) }
            if let Some(sheet) = o.handoffs.as_deref().and_then(|j| serde_json::from_str(j).ok()) {
                { super::handoffs::handoff_section(lang, &sheet) }
            }
        </article>
    }
}

/// A duration in whole milliseconds, as text: through an integer, so the
/// page carries no float formatting.
fn whole_ms(ms: f64) -> String {
    // `as` saturates: a negative or NaN duration reads 0.
    (ms.round() as u64).to_string()
}
