//! MTA-STS (mode, max_age, mx lines, web server addresses) and TLS-RPT
//! report addresses.

use super::choice::{Checkbox, Select};
use super::field::TextField;
use super::list_field::{per_entry, ListField};
use super::state::{edit, PlanEdit};
use crate::i18n::{self, Lang};
use crate::plan::{Mode, MtaStsInput, PlanErrors, TlsRptInput};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MtaStsProps {
    pub lang: Lang,
    pub mta_sts: MtaStsInput,
    pub tls_rpt: TlsRptInput,
    pub findings: PlanErrors,
    pub on_edit: Callback<PlanEdit>,
}

#[component]
pub fn MtaStsSection(props: &MtaStsProps) -> Html {
    let lang = props.lang;
    let t = |code: &str| i18n::text(lang, code).to_string();
    let (m, r, f) = (&props.mta_sts, &props.tls_rpt, &props.findings);
    let list = |id: &str, key: &str, values: &Vec<String>, set: fn(&mut MtaStsInput, Vec<String>)| {
        let on_change = props
            .on_edit
            .reform(move |v: Vec<String>| edit(move |p| set(&mut p.mta_sts, v.clone())));
        html! {
            <ListField {lang} id={id.to_string()} label={t(&format!("ui.gen.{key}"))} values={values.clone()}
                findings={per_entry(f, key, values.len())} list_findings={f.get(key).to_vec()} {on_change} />
        }
    };
    let on_enabled = props
        .on_edit
        .reform(|on: bool| edit(move |p| p.mta_sts.enabled = on));
    let on_mode = props.on_edit.reform(|v: String| {
        let mode = match v.as_str() {
            "enforce" => Mode::Enforce,
            "none" => Mode::None,
            _ => Mode::Testing,
        };
        edit(move |p| p.mta_sts.mode = mode)
    });
    let mode = match m.mode {
        Mode::Testing => "testing",
        Mode::Enforce => "enforce",
        Mode::None => "none",
    };
    let modes = ["testing", "enforce", "none"]
        .iter()
        .map(|v| ((*v).into(), t(&format!("ui.gen.mta_sts.mode.{v}")).into()))
        .collect::<Vec<_>>();
    let on_max_age = props
        .on_edit
        .reform(|v: String| edit(move |p| p.mta_sts.max_age = v.clone()));
    let on_rpt = props
        .on_edit
        .reform(|on: bool| edit(move |p| p.tls_rpt.enabled = on));
    let on_rua = props
        .on_edit
        .reform(|v: Vec<String>| edit(move |p| p.tls_rpt.rua = v.clone()));
    html! {
        <details class="section" id="section-mta-sts">
            <summary>{ t("ui.gen.mta_sts") }</summary>
            <p class="help">{ t("ui.gen.mta_sts.help") }</p>
            <Checkbox id="mta-sts-enabled" label={t("ui.gen.mta_sts.enabled")} checked={m.enabled} on_change={on_enabled} />
            if m.enabled {
                <div class="sub">
                    <div class="grid">
                        <Select id="mta-sts-mode" label={t("ui.gen.mta_sts.mode")} value={mode} options={modes} on_change={on_mode} />
                        <TextField {lang} id="mta-sts-max-age" label={t("ui.gen.mta_sts.max_age")} value={m.max_age.clone()}
                            placeholder="604800" findings={f.get("mta_sts.max_age").to_vec()} on_input={on_max_age} />
                    </div>
                    { list("mta-sts-mx", "mta_sts.mx", &m.mx, |m, v| m.mx = v) }
                    { list("mta-sts-web-ipv4", "mta_sts.web_ipv4", &m.web_ipv4, |m, v| m.web_ipv4 = v) }
                    { list("mta-sts-web-ipv6", "mta_sts.web_ipv6", &m.web_ipv6, |m, v| m.web_ipv6 = v) }
                </div>
            }
            <Checkbox id="tls-rpt-enabled" label={t("ui.gen.tls_rpt.enabled")} checked={r.enabled} on_change={on_rpt} />
            if r.enabled {
                <ListField {lang} id="tls-rpt-rua" label={t("ui.gen.tls_rpt.rua")} values={r.rua.clone()}
                    findings={per_entry(f, "tls_rpt.rua", r.rua.len())} list_findings={f.get("tls_rpt.rua").to_vec()}
                    placeholder="tlsrpt@example.com" on_change={on_rua} />
            }
        </details>
    }
}
