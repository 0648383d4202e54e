//! SPF extras beyond the mail hosts' own addresses, and the `all` qualifier.

use super::choice::{select, SelectProps};
use super::field::messages;
use super::list_field::{list_field, per_entry, ListFieldProps};
use crate::i18n;
use crate::i18n::code;
use crate::page::plan_edit::{PlanEdit, SpfEdit};
use crate::plan::{PlanErrors, SpfAll, SpfInput};
use crate::ui::context::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SpfProps {
    pub spf: SpfInput,
    pub findings: PlanErrors,
    pub on_edit: Callback<PlanEdit>,
}

#[component]
pub fn SpfSection(props: &SpfProps) -> Html {
    let lang = use_lang();
    let t = |code: &str| i18n::text(lang, code).to_string();
    let f = &props.findings;
    let s = &props.spf;
    let list = |key: &'static str,
                label: &str,
                values: &Vec<String>,
                edit: fn(Vec<String>) -> SpfEdit,
                ph: &'static str| {
        let on_change = props.on_edit.reform(move |v: Vec<String>| PlanEdit::Spf(edit(v)));
        html! {
            { list_field(lang, &yew::props!(ListFieldProps { id: format!("spf-{key}"), label: t(label), values: values.clone(), findings: per_entry(f, &format!("spf.{key}"), values.len()), placeholder: ph, on_change })) }
        }
    };
    let on_all = props.on_edit.reform(|v: String| {
        let all = if v == "soft" {
            SpfAll::SoftFail
        } else {
            SpfAll::Fail
        };
        PlanEdit::Spf(SpfEdit::All(all))
    });
    let all_value = if s.all == SpfAll::SoftFail { "soft" } else { "fail" };
    html! {
        <>
            <p class="help">{ t(code::ui::GEN_SPF_HELP) }</p>
            <super::spf_lookups::SpfLookups />
            { list("ip4", code::ui::GEN_SPF_IP4, &s.ip4, SpfEdit::Ip4, "198.51.100.0/24") }
            { list("ip6", code::ui::GEN_SPF_IP6, &s.ip6, SpfEdit::Ip6, "2001:db8::/48") }
            { list("a", code::ui::GEN_SPF_A, &s.a, SpfEdit::A, "@") }
            { list("mx", code::ui::GEN_SPF_MX, &s.mx, SpfEdit::Mx, "@") }
            { list("includes", code::ui::GEN_SPF_INCLUDES, &s.includes, SpfEdit::Includes, "_spf.provider.example") }
            { select(&yew::props!(SelectProps { id: "spf-all", label: t(code::ui::GEN_SPF_ALL), value: all_value, on_change: on_all, options: vec![("fail".into(), t(code::ui::GEN_SPF_ALL_FAIL).into()), ("soft".into(), t(code::ui::GEN_SPF_ALL_SOFT).into())] })) }
            { messages(lang, "spf-msg", f.get("spf"), None) }
        </>
    }
}
