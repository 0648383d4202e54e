//! One finding: severity word, explanation, RFC section, and the fix to copy.

use crate::finding::{Finding, Severity};
use crate::i18n;
use crate::i18n::code;
use crate::i18n::Lang;
use crate::ui::components::copy_button::CopyButton;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FindingItemProps {
    pub area: &'static str,
    pub finding: Finding,
    /// Said with the fix, inside its box (the caveat of a flattened record).
    #[prop_or_default]
    pub caveat: Option<Finding>,
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn finding_item(lang: Lang, props: &FindingItemProps) -> Html {
    let f = &props.finding;
    let (sev, code) = match f.severity {
        Severity::Info => ("info", code::ui::CHECK_SEVERITY_INFO),
        Severity::Warning => ("warning", code::ui::CHECK_SEVERITY_WARNING),
        Severity::Error => ("error", code::ui::CHECK_SEVERITY_ERROR),
    };
    let rfc = i18n::fill(
        i18n::text(lang, code::ui::CHECK_RFC),
        &[("rfc", f.rfc.to_string())],
    );
    html! {
        <li class={classes!("finding", format!("sev-{sev}"))} data-finding-code={f.code}
            data-severity={sev} data-area={props.area}>
            <p><span class="severity">{ i18n::text(lang, code) }</span>{ " " }{ i18n::explain(lang, f) }</p>
            if !f.rfc.is_empty() {
                <p class="rfc muted">{ rfc }</p>
            }
            if let Some(fix) = &f.fix {
                <div class="fix">
                    <span>{ i18n::text(lang, code::check::REPORT_FIX) }</span>
                    <pre data-fix="">{ fix.clone() }</pre>
                    if let Some(c) = &props.caveat {
                        <p class="fix-caveat warning" data-finding-code={c.code} data-severity="warning">
                            <span class="severity">{ i18n::text(lang, code::ui::CHECK_SEVERITY_WARNING) }</span>{ " " }{ i18n::explain(lang, c) }
                        </p>
                    }
                    <CopyButton text={fix.clone()} label={AttrValue::from(i18n::text(lang, code::ui::CHECK_COPY_FIX).to_string())} />
                </div>
            }
        </li>
    }
}
