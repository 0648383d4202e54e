//! The generator's findings (warnings and remarks on the record set), each
//! with its severity word, text, and the fix to copy when there is one.

use super::field::severity_code;
use crate::finding::{Finding, Severity};
use crate::i18n;
use crate::i18n::code;
use crate::ui::components::copy_button::CopyButton;
use crate::ui::context::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub findings: Vec<Finding>,
    /// Catalogue key of the heading.
    pub title: &'static str,
    /// Element id of the section.
    pub id: &'static str,
    /// A top-level section (heading `h2`) rather than part of the records (`h3`).
    #[prop_or_default]
    pub top: bool,
}

#[component]
pub fn FindingsList(props: &FindingsProps) -> Html {
    let lang = use_lang();
    let t = |code: &str| i18n::text(lang, code).to_string();
    let class = |s: Severity| match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    };
    html! {
        <section class="gen-findings" id={props.id} aria-labelledby={format!("{}-title", props.id)}>
            <@{if props.top { "h2" } else { "h3" }} id={format!("{}-title", props.id)}>{ t(props.title) }</@>
            <ul>
                { for props.findings.iter().map(|f| html! {
                    <li class={classes!("finding", class(f.severity))} data-finding-code={f.code}
                        data-severity={class(f.severity)}>
                        <strong>{ t(severity_code(f.severity)) }{ ": " }</strong>
                        { i18n::explain(lang, f) }
                        <span class="rfc muted">{ format!(" ({})", f.rfc) }</span>
                        if let Some(fix) = &f.fix {
                            <div class="fix"><code>{ fix.clone() }</code>
                                <CopyButton text={fix.clone()} label={t(code::ui::GEN_COPY_FIX)} /></div>
                        }
                    </li>
                }) }
            </ul>
        </section>
    }
}
