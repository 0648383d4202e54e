//! The default TTL and per-record-kind overrides (`ttl.default`, `ttl.<kind>`).

use super::field::{text_field, TextFieldProps};
use crate::i18n;
use crate::i18n::code;
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

/// The label of a kind's TTL field; `kind` is one of [`TTL_KINDS`] (a kind
/// added there without a label here gets the section's title).
fn ttl_label(kind: &str) -> &'static str {
    match kind {
        "mx" => code::ui::GEN_TTL_MX,
        "address" => code::ui::GEN_TTL_ADDRESS,
        "spf" => code::ui::GEN_TTL_SPF,
        "dkim" => code::ui::GEN_TTL_DKIM,
        "dmarc" => code::ui::GEN_TTL_DMARC,
        "mta_sts" => code::ui::GEN_TTL_MTA_STS,
        "tls_rpt" => code::ui::GEN_TTL_TLS_RPT,
        "srv" => code::ui::GEN_TTL_SRV,
        "caa" => code::ui::GEN_TTL_CAA,
        "tlsa" => code::ui::GEN_TTL_TLSA,
        _ => code::ui::GEN_TTL,
    }
}

#[component]
pub fn TtlSection(props: &TtlProps) -> Html {
    let lang = use_lang();
    let t = |code: &str| i18n::text(lang, code).to_string();
    let on_default = props
        .on_edit
        .reform(|v: String| PlanEdit::Ttl(TtlEdit::Default(v)));
    html! {
        <>
            { text_field(lang, &yew::props!(TextFieldProps { id: "ttl-default", label: t(code::ui::GEN_TTL_DEFAULT), value: props.ttl.default.clone(), placeholder: "3600", findings: props.findings.get("ttl.default").to_vec(), help: t(code::ui::GEN_TTL_HELP), on_input: on_default })) }
            <div class="grid">
                { for TTL_KINDS.iter().map(|&kind| {
                    let on_input = props.on_edit.reform(move |v: String| PlanEdit::Ttl(TtlEdit::Override(kind, v)));
                    html! {
                        { text_field(lang, &yew::props!(TextFieldProps { id: format!("ttl-{kind}"), label: t(ttl_label(kind)), value: props.ttl.overrides.get(kind).cloned().unwrap_or_default(), findings: props.findings.get(&format!("ttl.{kind}")).to_vec(), on_input })) }
                    }
                }) }
            </div>
        </>
    }
}
