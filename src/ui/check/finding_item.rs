//! One finding: severity word, explanation, RFC section, and the fix to copy.

use crate::finding::{Finding, Severity};
use crate::i18n;
use crate::ui::components::copy_button::CopyButton;
use crate::ui::context::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FindingItemProps {
    pub area: &'static str,
    pub finding: Finding,
    /// Said with the fix, inside its box (the caveat of a flattened record).
    #[prop_or_default]
    pub caveat: Option<Finding>,
}

#[component]
pub fn FindingItem(props: &FindingItemProps) -> Html {
    let lang = use_lang();
    let f = &props.finding;
    let (sev, code) = match f.severity {
        Severity::Info => ("info", "ui.check.severity.info"),
        Severity::Warning => ("warning", "ui.check.severity.warning"),
        Severity::Error => ("error", "ui.check.severity.error"),
    };
    let rfc = i18n::fill(i18n::text(lang, "ui.check.rfc"), &[("rfc", f.rfc.to_string())]);
    html! {
        <li class={classes!("finding", format!("sev-{sev}"))} data-finding-code={f.code}
            data-severity={sev} data-area={props.area}>
            <p><span class="severity">{ i18n::text(lang, code) }</span>{ " " }{ i18n::explain(lang, f) }</p>
            if !f.rfc.is_empty() {
                <p class="rfc muted">{ rfc }</p>
            }
            if let Some(fix) = &f.fix {
                <div class="fix">
                    <span>{ i18n::text(lang, "check.report.fix") }</span>
                    <pre data-fix="">{ fix.clone() }</pre>
                    if let Some(c) = &props.caveat {
                        <p class="fix-caveat warning" data-finding-code={c.code} data-severity="warning">
                            <span class="severity">{ i18n::text(lang, "ui.check.severity.warning") }</span>{ " " }{ i18n::explain(lang, c) }
                        </p>
                    }
                    <CopyButton text={fix.clone()} label={AttrValue::from(i18n::text(lang, "ui.check.copy_fix").to_string())} />
                </div>
            }
        </li>
    }
}
