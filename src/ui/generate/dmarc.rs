//! DMARC: policy for the domain, subdomains and non-existent subdomains,
//! alignment, report addresses, and the phased-rollout hint.

use super::choice::{select, SelectProps};
use super::list_field::{list_field, per_entry, ListFieldProps};
use crate::i18n;
use crate::i18n::code;
use crate::page::plan_edit::{DmarcEdit, PlanEdit};
use crate::plan::{Alignment, DmarcInput, DmarcPolicy, PlanErrors};
use crate::ui::context::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DmarcProps {
    pub dmarc: DmarcInput,
    pub findings: PlanErrors,
    pub on_edit: Callback<PlanEdit>,
}

fn policy(v: &str) -> Option<DmarcPolicy> {
    match v {
        "none" => Some(DmarcPolicy::None),
        "quarantine" => Some(DmarcPolicy::Quarantine),
        "reject" => Some(DmarcPolicy::Reject),
        _ => None,
    }
}

fn alignment(v: &str) -> Option<Alignment> {
    match v {
        "r" => Some(Alignment::Relaxed),
        "s" => Some(Alignment::Strict),
        _ => None,
    }
}

fn alignment_value(a: Option<Alignment>) -> &'static str {
    match a {
        Some(Alignment::Relaxed) => "r",
        Some(Alignment::Strict) => "s",
        None => "",
    }
}

#[component]
pub fn DmarcSection(props: &DmarcProps) -> Html {
    let lang = use_lang();
    let t = |code: &str| i18n::text(lang, code).to_string();
    let d = &props.dmarc;
    let f = &props.findings;
    let opt = |v: &str, code: &str| -> (AttrValue, AttrValue) { (v.to_string().into(), t(code).into()) };
    let policies = |with_unset: bool| {
        let mut v = Vec::new();
        if with_unset {
            v.push(opt("", code::ui::GEN_DMARC_UNSET));
        }
        for (p, label) in [
            ("none", code::ui::GEN_DMARC_P_NONE),
            ("quarantine", code::ui::GEN_DMARC_P_QUARANTINE),
            ("reject", code::ui::GEN_DMARC_P_REJECT),
        ] {
            v.push(opt(p, label));
        }
        v
    };
    let aligns = vec![
        opt("", code::ui::GEN_DMARC_UNSET),
        opt("r", code::ui::GEN_DMARC_RELAXED),
        opt("s", code::ui::GEN_DMARC_STRICT),
    ];
    let dmarc =
        |edit: fn(String) -> DmarcEdit| props.on_edit.reform(move |v: String| PlanEdit::Dmarc(edit(v)));
    let on_p = dmarc(|v| DmarcEdit::Policy(policy(&v).unwrap_or(DmarcPolicy::Quarantine)));
    let on_sp = dmarc(|v| DmarcEdit::SubdomainPolicy(policy(&v)));
    let on_np = dmarc(|v| DmarcEdit::NonexistentPolicy(policy(&v)));
    let on_adkim = dmarc(|v| DmarcEdit::DkimAlignment(alignment(&v)));
    let on_aspf = dmarc(|v| DmarcEdit::SpfAlignment(alignment(&v)));
    let on_rua = props
        .on_edit
        .reform(|v: Vec<String>| PlanEdit::Dmarc(DmarcEdit::AggregateReports(v)));
    let on_ruf = props
        .on_edit
        .reform(|v: Vec<String>| PlanEdit::Dmarc(DmarcEdit::FailureReports(v)));
    html! {
        <details class="section" id="section-dmarc" open=true>
            <summary>{ t(code::ui::GEN_DMARC) }</summary>
            <p class="help" id="dmarc-rollout">{ t(code::ui::GEN_DMARC_ROLLOUT) }</p>
            <div class="grid">
                { select(&yew::props!(SelectProps { id: "dmarc-p", label: t(code::ui::GEN_DMARC_P), value: d.p.as_str(), options: policies(false), on_change: on_p })) }
                { select(&yew::props!(SelectProps { id: "dmarc-sp", label: t(code::ui::GEN_DMARC_SP), value: d.sp.map_or("", |p| p.as_str()), options: policies(true), on_change: on_sp })) }
                { select(&yew::props!(SelectProps { id: "dmarc-np", label: t(code::ui::GEN_DMARC_NP), value: d.np.map_or("", |p| p.as_str()), options: policies(true), on_change: on_np })) }
                { select(&yew::props!(SelectProps { id: "dmarc-adkim", label: t(code::ui::GEN_DMARC_ADKIM), value: alignment_value(d.adkim), options: aligns.clone(), on_change: on_adkim })) }
                { select(&yew::props!(SelectProps { id: "dmarc-aspf", label: t(code::ui::GEN_DMARC_ASPF), value: alignment_value(d.aspf), options: aligns, on_change: on_aspf })) }
            </div>
            { list_field(lang, &yew::props!(ListFieldProps { id: "dmarc-rua", label: t(code::ui::GEN_DMARC_RUA), values: d.rua.clone(), findings: per_entry(f, "dmarc.rua", d.rua.len()), placeholder: "dmarc@example.com", on_change: on_rua })) }
            { list_field(lang, &yew::props!(ListFieldProps { id: "dmarc-ruf", label: t(code::ui::GEN_DMARC_RUF), values: d.ruf.clone(), findings: per_entry(f, "dmarc.ruf", d.ruf.len()), placeholder: "dmarc-failures@example.com", on_change: on_ruf })) }
        </details>
    }
}
