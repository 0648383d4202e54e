//! Extras: null MX (a domain that sends and receives no mail), client
//! autoconfiguration SRV records, CAA, and TLSA from a pasted PEM.

use super::choice::Checkbox;
use super::field::{Messages, TextField};
use super::list_field::{per_entry, ListField};
use super::state::{edit, PlanEdit};
use crate::i18n::{self, Lang};
use crate::plan::{AutoconfigInput, MailPlan, PlanErrors};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExtrasProps {
    pub lang: Lang,
    pub plan: MailPlan,
    pub findings: PlanErrors,
    pub on_edit: Callback<PlanEdit>,
}

#[component]
pub fn ExtrasSection(props: &ExtrasProps) -> Html {
    let lang = props.lang;
    let t = |code: &str| i18n::text(lang, code).to_string();
    let (p, f) = (&props.plan, &props.findings);
    let flag = |id: &str, code: &str, checked: bool, set: fn(&mut MailPlan, bool)| {
        let on_change = props.on_edit.reform(move |on: bool| edit(move |p| set(p, on)));
        html! { <Checkbox id={id.to_string()} label={t(code)} {checked} {on_change} /> }
    };
    let service = |id: &str, code: &str, checked: bool, set: fn(&mut AutoconfigInput, bool)| {
        let on_change = props
            .on_edit
            .reform(move |on: bool| edit(move |p| set(&mut p.autoconfig, on)));
        html! { <Checkbox id={id.to_string()} label={t(code)} {checked} {on_change} /> }
    };
    let on_target = props
        .on_edit
        .reform(|v: String| edit(move |p| p.autoconfig.target = v.clone()));
    let on_issuers = props
        .on_edit
        .reform(|v: Vec<String>| edit(move |p| p.caa.issuers = v.clone()));
    let on_iodef = props
        .on_edit
        .reform(|v: String| edit(move |p| p.caa.iodef = v.clone()));
    let on_pem = props
        .on_edit
        .reform(|v: String| edit(move |p| p.tlsa.pem = v.clone()));
    html! {
        <details class="section" id="section-extras">
            <summary>{ t("ui.gen.extras") }</summary>
            { flag("null-mx", "ui.gen.null_mx", p.null_mx, |p, on| p.null_mx = on) }
            <Messages {lang} id="null-mx-msg" findings={Vec::new()} help={t("ui.gen.null_mx.help")} />
            { flag("autoconfig-enabled", "ui.gen.autoconfig", p.autoconfig.enabled, |p, on| p.autoconfig.enabled = on) }
            if p.autoconfig.enabled {
                <div class="sub">
                    <TextField {lang} id="autoconfig-target" label={t("ui.gen.autoconfig.target")}
                        value={p.autoconfig.target.clone()} findings={f.get("autoconfig.target").to_vec()}
                        on_input={on_target} />
                    { service("srv-submissions", "ui.gen.autoconfig.submissions", p.autoconfig.submissions, |a, on| a.submissions = on) }
                    { service("srv-submission", "ui.gen.autoconfig.submission", p.autoconfig.submission, |a, on| a.submission = on) }
                    { service("srv-imaps", "ui.gen.autoconfig.imaps", p.autoconfig.imaps, |a, on| a.imaps = on) }
                    { service("srv-pop3s", "ui.gen.autoconfig.pop3s", p.autoconfig.pop3s, |a, on| a.pop3s = on) }
                </div>
            }
            { flag("caa-enabled", "ui.gen.caa", p.caa.enabled, |p, on| p.caa.enabled = on) }
            if p.caa.enabled {
                <div class="sub">
                    <ListField {lang} id="caa-issuers" label={t("ui.gen.caa.issuers")} values={p.caa.issuers.clone()}
                        findings={per_entry(f, "caa.issuers", p.caa.issuers.len())}
                        list_findings={f.get("caa.issuers").to_vec()} placeholder="letsencrypt.org" on_change={on_issuers} />
                    <TextField {lang} id="caa-iodef" label={t("ui.gen.caa.iodef")} value={p.caa.iodef.clone()}
                        findings={f.get("caa.iodef").to_vec()} placeholder="mailto:security@example.com" on_input={on_iodef} />
                </div>
            }
            { flag("tlsa-enabled", "ui.gen.tlsa", p.tlsa.enabled, |p, on| p.tlsa.enabled = on) }
            if p.tlsa.enabled {
                <TextField {lang} id="tlsa-pem" label={t("ui.gen.tlsa.pem")} value={p.tlsa.pem.clone()} multiline=true
                    findings={f.get("tlsa.pem").to_vec()} help={t("ui.gen.tlsa.help")} on_input={on_pem} />
            }
        </details>
    }
}
