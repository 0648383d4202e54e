//! The default TTL and per-record-kind overrides (`ttl.default`, `ttl.<kind>`).

use super::field::TextField;
use super::state::{edit, PlanEdit};
use crate::i18n::{self, Lang};
use crate::plan::{PlanErrors, TtlInput, TTL_KINDS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TtlProps {
    pub lang: Lang,
    pub ttl: TtlInput,
    pub findings: PlanErrors,
    pub on_edit: Callback<PlanEdit>,
}

#[component]
pub fn TtlSection(props: &TtlProps) -> Html {
    let lang = props.lang;
    let t = |code: &str| i18n::text(lang, code).to_string();
    let on_default = props
        .on_edit
        .reform(|v: String| edit(move |p| p.ttl.default = v.clone()));
    html! {
        <details class="section" id="section-ttl">
            <summary>{ t("ui.gen.ttl") }</summary>
            <TextField {lang} id="ttl-default" label={t("ui.gen.ttl.default")} value={props.ttl.default.clone()}
                placeholder="3600" findings={props.findings.get("ttl.default").to_vec()}
                help={t("ui.gen.ttl.help")} on_input={on_default} />
            <div class="grid">
                { for TTL_KINDS.iter().map(|&kind| {
                    let on_input = props.on_edit.reform(move |v: String| edit(move |p| {
                        if v.trim().is_empty() {
                            p.ttl.overrides.remove(kind);
                        } else {
                            p.ttl.overrides.insert(kind.to_string(), v.clone());
                        }
                    }));
                    html! {
                        <TextField {lang} id={format!("ttl-{kind}")} label={t(&format!("ui.gen.ttl.{kind}"))}
                            value={props.ttl.overrides.get(kind).cloned().unwrap_or_default()}
                            findings={props.findings.get(&format!("ttl.{kind}")).to_vec()} {on_input} />
                    }
                }) }
            </div>
        </details>
    }
}
