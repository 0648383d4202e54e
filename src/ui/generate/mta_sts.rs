//! MTA-STS (mode, max_age, mx lines, web server addresses) and TLS-RPT
//! report addresses.

use super::choice::{checkbox, select, CheckboxProps, SelectProps};
use super::field::{text_field, TextFieldProps};
use super::list_field::{list_field, per_entry, ListFieldProps};
use crate::i18n;
use crate::i18n::code;
use crate::page::plan_edit::{MtaStsEdit, PlanEdit, TlsRptEdit};
use crate::plan::{Mode, MtaStsInput, PlanErrors, TlsRptInput};
use crate::ui::context::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MtaStsProps {
    pub mta_sts: MtaStsInput,
    pub tls_rpt: TlsRptInput,
    pub findings: PlanErrors,
    pub on_edit: Callback<PlanEdit>,
}

#[component]
pub fn MtaStsSection(props: &MtaStsProps) -> Html {
    let lang = use_lang();
    let t = |code: &str| i18n::text(lang, code).to_string();
    let (m, r, f) = (&props.mta_sts, &props.tls_rpt, &props.findings);
    let list = |id: &str,
                key: &str,
                label: &str,
                values: &Vec<String>,
                edit: fn(Vec<String>) -> MtaStsEdit| {
        let on_change = props
            .on_edit
            .reform(move |v: Vec<String>| PlanEdit::MtaSts(edit(v)));
        html! {
            { list_field(lang, &yew::props!(ListFieldProps { id: id.to_string(), label: t(label), values: values.clone(), findings: per_entry(f, key, values.len()), list_findings: f.get(key).to_vec(), on_change })) }
        }
    };
    let on_enabled = props
        .on_edit
        .reform(|on: bool| PlanEdit::MtaSts(MtaStsEdit::Enabled(on)));
    let on_mode = props.on_edit.reform(|v: String| {
        let mode = match v.as_str() {
            "enforce" => Mode::Enforce,
            "none" => Mode::None,
            _ => Mode::Testing,
        };
        PlanEdit::MtaSts(MtaStsEdit::Mode(mode))
    });
    let mode = match m.mode {
        Mode::Testing => "testing",
        Mode::Enforce => "enforce",
        Mode::None => "none",
    };
    let modes = [
        ("testing", code::ui::GEN_MTA_STS_MODE_TESTING),
        ("enforce", code::ui::GEN_MTA_STS_MODE_ENFORCE),
        ("none", code::ui::GEN_MTA_STS_MODE_NONE),
    ]
    .iter()
    .map(|(v, label)| ((*v).into(), t(label).into()))
    .collect::<Vec<_>>();
    let on_max_age = props
        .on_edit
        .reform(|v: String| PlanEdit::MtaSts(MtaStsEdit::MaxAge(v)));
    let on_rpt = props
        .on_edit
        .reform(|on: bool| PlanEdit::TlsRpt(TlsRptEdit::Enabled(on)));
    let on_rua = props
        .on_edit
        .reform(|v: Vec<String>| PlanEdit::TlsRpt(TlsRptEdit::Reports(v)));
    html! {
        <>
            <p class="help">{ t(code::ui::GEN_MTA_STS_HELP) }</p>
            { checkbox(&yew::props!(CheckboxProps { id: "mta-sts-enabled", label: t(code::ui::GEN_MTA_STS_ENABLED), checked: m.enabled, on_change: on_enabled })) }
            if m.enabled {
                <div class="sub">
                    <div class="grid">
                        { select(&yew::props!(SelectProps { id: "mta-sts-mode", label: t(code::ui::GEN_MTA_STS_MODE), value: mode, options: modes, on_change: on_mode })) }
                        { text_field(lang, &yew::props!(TextFieldProps { id: "mta-sts-max-age", label: t(code::ui::GEN_MTA_STS_MAX_AGE), value: m.max_age.clone(), placeholder: "604800", findings: f.get("mta_sts.max_age").to_vec(), on_input: on_max_age })) }
                    </div>
                    { list("mta-sts-mx", "mta_sts.mx", code::ui::GEN_MTA_STS_MX, &m.mx, MtaStsEdit::Mx) }
                    { list("mta-sts-web-ipv4", "mta_sts.web_ipv4", code::ui::GEN_MTA_STS_WEB_IPV4, &m.web_ipv4, MtaStsEdit::WebIpv4) }
                    { list("mta-sts-web-ipv6", "mta_sts.web_ipv6", code::ui::GEN_MTA_STS_WEB_IPV6, &m.web_ipv6, MtaStsEdit::WebIpv6) }
                </div>
            }
            { checkbox(&yew::props!(CheckboxProps { id: "tls-rpt-enabled", label: t(code::ui::GEN_TLS_RPT_ENABLED), checked: r.enabled, on_change: on_rpt })) }
            if r.enabled {
                { list_field(lang, &yew::props!(ListFieldProps { id: "tls-rpt-rua", label: t(code::ui::GEN_TLS_RPT_RUA), values: r.rua.clone(), findings: per_entry(f, "tls_rpt.rua", r.rua.len()), list_findings: f.get("tls_rpt.rua").to_vec(), placeholder: "tlsrpt@example.com", on_change: on_rua })) }
            }
        </>
    }
}
