//! The default TTL and per-record-kind overrides (`ttl.default`, `ttl.<kind>`).

use super::field::TextField;
use crate::i18n;
use crate::page::plan_edit::{PlanEdit, TtlEdit};
use crate::plan::{PlanErrors, TtlInput, TTL_KINDS};
use crate::ui::context::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TtlProps {
    pub ttl: TtlInput,
    pub findings: PlanErrors,
    pub on_edit: Callback<PlanEdit>,
}

#[component]
pub fn TtlSection(props: &TtlProps) -> Html {
    let lang = use_lang();
    let t = |code: &str| i18n::text(lang, code).to_string();
    let on_default = props
        .on_edit
        .reform(|v: String| PlanEdit::Ttl(TtlEdit::Default(v)));
    html! {
        <details class="section" id="section-ttl">
            <summary>{ t("ui.gen.ttl") }</summary>
            <TextField id="ttl-default" label={t("ui.gen.ttl.default")} value={props.ttl.default.clone()}
                placeholder="3600" findings={props.findings.get("ttl.default").to_vec()}
                help={t("ui.gen.ttl.help")} on_input={on_default} />
            <div class="grid">
                { for TTL_KINDS.iter().map(|&kind| {
                    let on_input = props.on_edit.reform(move |v: String| PlanEdit::Ttl(TtlEdit::Override(kind, v)));
                    html! {
                        <TextField id={format!("ttl-{kind}")} label={t(&format!("ui.gen.ttl.{kind}"))}
                            value={props.ttl.overrides.get(kind).cloned().unwrap_or_default()}
                            findings={props.findings.get(&format!("ttl.{kind}")).to_vec()} {on_input} />
                    }
                }) }
            </div>
        </details>
    }
}
