//! The generator's findings (warnings and remarks on the record set), each
//! with its severity word, text, and the fix to copy when there is one.

use super::field::severity_code;
use crate::finding::{Finding, Severity};
use crate::i18n::code;
use crate::i18n::{self, Lang};
use crate::ui::components::copy_button::CopyButton;
use yew::prelude::*;

/// The list: `title` is the heading's catalogue key, `id` the section's
/// element id; `top` makes it a top-level section (heading `h2`) rather
/// than part of the records (`h3`). A plain function, not a component: it
/// has no state, and each component costs the page its own copy of yew's
/// lifecycle code.
pub fn findings_list(
    lang: Lang,
    findings: &[Finding],
    title: &'static str,
    id: &'static str,
    top: bool,
) -> Html {
    let t = |code: &str| i18n::text(lang, code).to_string();
    let class = |s: Severity| match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    };
    html! {
        <section class="gen-findings" id={id} aria-labelledby={format!("{}-title", id)}>
            <@{if top { "h2" } else { "h3" }} id={format!("{}-title", id)}>{ t(title) }</@>
            <ul>
                { for findings.iter().map(|f| html! {
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
