//! SPF extras beyond the mail hosts' own addresses, and the `all` qualifier.

use super::choice::Select;
use super::field::Messages;
use super::list_field::{per_entry, ListField};
use super::state::{edit, PlanEdit};
use crate::i18n::{self, Lang};
use crate::plan::{PlanErrors, SpfAll, SpfInput};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SpfProps {
    pub lang: Lang,
    pub spf: SpfInput,
    pub findings: PlanErrors,
    pub on_edit: Callback<PlanEdit>,
}

#[component]
pub fn SpfSection(props: &SpfProps) -> Html {
    let lang = props.lang;
    let t = |code: &str| i18n::text(lang, code).to_string();
    let f = &props.findings;
    let s = &props.spf;
    let list = |key: &'static str,
                values: &Vec<String>,
                set: fn(&mut SpfInput, Vec<String>),
                ph: &'static str| {
        let on_change = props
            .on_edit
            .reform(move |v: Vec<String>| edit(move |p| set(&mut p.spf, v.clone())));
        html! {
            <ListField {lang} id={format!("spf-{key}")} label={t(&format!("ui.gen.spf.{key}"))} values={values.clone()}
                findings={per_entry(f, &format!("spf.{key}"), values.len())} placeholder={ph} {on_change} />
        }
    };
    let on_all = props.on_edit.reform(|v: String| {
        let all = if v == "soft" {
            SpfAll::SoftFail
        } else {
            SpfAll::Fail
        };
        edit(move |p| p.spf.all = all)
    });
    let all_value = if s.all == SpfAll::SoftFail { "soft" } else { "fail" };
    html! {
        <details class="section" id="section-spf">
            <summary>{ t("ui.gen.spf") }</summary>
            <p class="help">{ t("ui.gen.spf.help") }</p>
            { list("ip4", &s.ip4, |s, v| s.ip4 = v, "198.51.100.0/24") }
            { list("ip6", &s.ip6, |s, v| s.ip6 = v, "2001:db8::/48") }
            { list("a", &s.a, |s, v| s.a = v, "@") }
            { list("mx", &s.mx, |s, v| s.mx = v, "@") }
            { list("includes", &s.includes, |s, v| s.includes = v, "_spf.provider.example") }
            <Select id="spf-all" label={t("ui.gen.spf.all")} value={all_value} on_change={on_all}
                options={vec![("fail".into(), t("ui.gen.spf.all.fail").into()), ("soft".into(), t("ui.gen.spf.all.soft").into())]} />
            <Messages {lang} id="spf-msg" findings={f.get("spf").to_vec()} />
        </details>
    }
}
