//! Extras: null MX (a domain that sends and receives no mail), client
//! autoconfiguration SRV records, CAA, and TLSA from a pasted PEM.

use super::choice::{checkbox, CheckboxProps};
use super::field::{messages, text_field, TextFieldProps};
use super::list_field::{list_field, per_entry, ListFieldProps};
use crate::i18n;
use crate::i18n::code;
use crate::page::plan_edit::{AutoconfigEdit, CaaEdit, PlanEdit, TlsaEdit};
use crate::plan::{MailPlan, PlanErrors};
use crate::ui::context::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExtrasProps {
    pub plan: MailPlan,
    pub findings: PlanErrors,
    pub on_edit: Callback<PlanEdit>,
}

#[component]
pub fn ExtrasSection(props: &ExtrasProps) -> Html {
    let lang = use_lang();
    let t = |code: &str| i18n::text(lang, code).to_string();
    let (p, f) = (&props.plan, &props.findings);
    let flag = |id: &str, code: &str, checked: bool, edit: fn(bool) -> PlanEdit| {
        let on_change = props.on_edit.reform(edit);
        html! { { checkbox(&yew::props!(CheckboxProps { id: id.to_string(), label: t(code), checked, on_change })) } }
    };
    let service = |id: &str, code: &str, checked: bool, edit: fn(bool) -> AutoconfigEdit| {
        let on_change = props
            .on_edit
            .reform(move |on: bool| PlanEdit::Autoconfig(edit(on)));
        html! { { checkbox(&yew::props!(CheckboxProps { id: id.to_string(), label: t(code), checked, on_change })) } }
    };
    let on_target = props
        .on_edit
        .reform(|v: String| PlanEdit::Autoconfig(AutoconfigEdit::Target(v)));
    let on_issuers = props
        .on_edit
        .reform(|v: Vec<String>| PlanEdit::Caa(CaaEdit::Issuers(v)));
    let on_iodef = props.on_edit.reform(|v: String| PlanEdit::Caa(CaaEdit::Iodef(v)));
    let on_pem = props.on_edit.reform(|v: String| PlanEdit::Tlsa(TlsaEdit::Pem(v)));
    html! {
        <>
            { flag("null-mx", code::ui::GEN_NULL_MX, p.null_mx, PlanEdit::NullMx) }
            { messages(lang, "null-mx-msg", &[], Some(t(code::ui::GEN_NULL_MX_HELP).into())) }
            { flag("autoconfig-enabled", code::ui::GEN_AUTOCONFIG, p.autoconfig.enabled, |on| PlanEdit::Autoconfig(AutoconfigEdit::Enabled(on))) }
            if p.autoconfig.enabled {
                <div class="sub">
                    { text_field(lang, &yew::props!(TextFieldProps { id: "autoconfig-target", label: t(code::ui::GEN_AUTOCONFIG_TARGET), value: p.autoconfig.target.clone(), findings: f.get("autoconfig.target").to_vec(), on_input: on_target })) }
                    { service("srv-submissions", code::ui::GEN_AUTOCONFIG_SUBMISSIONS, p.autoconfig.submissions, AutoconfigEdit::Submissions) }
                    { service("srv-submission", code::ui::GEN_AUTOCONFIG_SUBMISSION, p.autoconfig.submission, AutoconfigEdit::Submission) }
                    { service("srv-imaps", code::ui::GEN_AUTOCONFIG_IMAPS, p.autoconfig.imaps, AutoconfigEdit::Imaps) }
                    { service("srv-pop3s", code::ui::GEN_AUTOCONFIG_POP3S, p.autoconfig.pop3s, AutoconfigEdit::Pop3s) }
                </div>
            }
            { flag("caa-enabled", code::ui::GEN_CAA, p.caa.enabled, |on| PlanEdit::Caa(CaaEdit::Enabled(on))) }
            if p.caa.enabled {
                <div class="sub">
                    { list_field(lang, &yew::props!(ListFieldProps { id: "caa-issuers", label: t(code::ui::GEN_CAA_ISSUERS), values: p.caa.issuers.clone(), findings: per_entry(f, "caa.issuers", p.caa.issuers.len()), list_findings: f.get("caa.issuers").to_vec(), placeholder: "letsencrypt.org", on_change: on_issuers })) }
                    { text_field(lang, &yew::props!(TextFieldProps { id: "caa-iodef", label: t(code::ui::GEN_CAA_IODEF), value: p.caa.iodef.clone(), findings: f.get("caa.iodef").to_vec(), placeholder: "mailto:security@example.com", on_input: on_iodef })) }
                </div>
            }
            { flag("tlsa-enabled", code::ui::GEN_TLSA, p.tlsa.enabled, |on| PlanEdit::Tlsa(TlsaEdit::Enabled(on))) }
            if p.tlsa.enabled {
                { text_field(lang, &yew::props!(TextFieldProps { id: "tlsa-pem", label: t(code::ui::GEN_TLSA_PEM), value: p.tlsa.pem.clone(), multiline: true, findings: f.get("tlsa.pem").to_vec(), help: t(code::ui::GEN_TLSA_HELP), on_input: on_pem })) }
            }
        </>
    }
}
