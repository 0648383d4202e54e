//! "What this page cannot test", at the end of an audit report: each
//! hand-off (`handoff`) with its commands for the audited MX hosts (in
//! `<pre>` with a copy button), a good and a bad output, why a page cannot
//! run it, and its RFC section. Its texts come from the checker with the
//! report (`offload::REPORT_WORDS` and the codes in the sheet).

use super::finding_item::{finding_item, FindingItemProps};
use crate::handoff::HandoffSheet;
use crate::i18n;
use crate::i18n::code;
use crate::i18n::Lang;
use crate::ui::components::copy_button::CopyButton;
use yew::prelude::*;

/// A plain function, not a component (see `area::area_view`).
pub fn handoff_section(lang: Lang, sheet: &HandoffSheet) -> Html {
    if sheet.cards.is_empty() && sheet.refused.is_empty() {
        return html! {};
    }
    let rfc = |r: &str| i18n::fill(i18n::text(lang, code::ui::CHECK_RFC), &[("rfc", r.to_string())]);
    html! {
        // A plain block, not a landmark: a comparison shows two reports,
        // and two regions of one name are one too many (axe landmark-unique).
        <div class="section handoffs">
            <h3>{ i18n::text(lang, code::handoff::SECTION) }</h3>
            <p class="muted">{ i18n::text(lang, code::handoff::SECTION_INTRO) }</p>
            if !sheet.refused.is_empty() {
                <ul class="findings">
                    { for sheet.refused.iter().map(|f| finding_item(lang, &yew::props!(FindingItemProps { area: "handoffs", finding: f.clone() }))) }
                </ul>
            }
            { for sheet.cards.iter().map(|c| html! {
                <details data-handoff={c.code.clone()}>
                    <summary>{ i18n::text(lang, &c.code) }</summary>
                    { for c.commands.iter().map(|(_, line)| html! {
                        <div class="fix">
                            <pre>{ line.clone() }</pre>
                            <CopyButton text={AttrValue::from(line.clone())} />
                        </div>
                    }) }
                    if !c.notes.is_empty() {
                        <ul class="findings">
                            { for c.notes.iter().map(|f| finding_item(lang, &yew::props!(FindingItemProps { area: "handoffs", finding: f.clone() }))) }
                        </ul>
                    }
                    <pre>{ c.good.join("\n") }</pre>
                    <p class="muted">{ i18n::text(lang, &c.good_code) }</p>
                    <pre>{ c.bad.join("\n") }</pre>
                    <p class="muted">{ i18n::text(lang, &c.bad_code) }</p>
                    <p class="muted">{ i18n::text(lang, &c.why_code) }</p>
                    <p class="rfc muted">{ rfc(&c.rfc) }</p>
                </details>
            }) }
        </div>
    }
}
