//! A resolver choice: preset select, and for "other" a URL and its JSON format.

use super::state::{EndpointForm, EndpointKind};
use crate::dns::endpoint::{flavor_from_str, Flavor};
use crate::i18n::{self, Lang};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EndpointPickerProps {
    pub lang: Lang,
    /// Prefix of the element ids (`ep`, `ep2`).
    pub id: &'static str,
    pub label: &'static str,
    pub form: EndpointForm,
    pub on_change: Callback<EndpointForm>,
}

#[component]
pub fn EndpointPicker(props: &EndpointPickerProps) -> Html {
    let lang = props.lang;
    let id = props.id;
    let on_kind = {
        let (form, cb) = (props.form.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let kind = match e.target_unchecked_into::<HtmlSelectElement>().value().as_str() {
                "cloudflare" => EndpointKind::Cloudflare,
                "alidns" => EndpointKind::AliDns,
                "dnspod" => EndpointKind::DnsPod,
                "custom" => EndpointKind::Custom,
                _ => EndpointKind::Google,
            };
            cb.emit(EndpointForm { kind, ..form.clone() })
        })
    };
    let on_url = {
        let (form, cb) = (props.form.clone(), props.on_change.clone());
        Callback::from(move |e: InputEvent| {
            let url = e.target_unchecked_into::<HtmlInputElement>().value();
            cb.emit(EndpointForm { url, ..form.clone() })
        })
    };
    let on_flavor = {
        let (form, cb) = (props.form.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let flavor = flavor_from_str(&e.target_unchecked_into::<HtmlSelectElement>().value());
            cb.emit(EndpointForm {
                flavor,
                ..form.clone()
            })
        })
    };
    let kind = props.form.kind;
    let opt = |value: &'static str, code: &'static str, selected: bool| {
        html! {
            <option {value} {selected}>{ i18n::text(lang, code) }</option>
        }
    };
    let error = props.form.error_code();
    let err_id = format!("{id}-url-error");
    html! {
        <fieldset class="endpoint">
            <legend>{ i18n::text(lang, props.label) }</legend>
            <div class="field">
                <label for={format!("{id}-kind")}>{ i18n::text(lang, "ui.check.endpoint.choice") }</label>
                <select id={format!("{id}-kind")} onchange={on_kind}>
                    { opt("google", "ui.check.endpoint.google", kind == EndpointKind::Google) }
                    { opt("cloudflare", "ui.check.endpoint.cloudflare", kind == EndpointKind::Cloudflare) }
                    { opt("alidns", "dns.preset.alidns", kind == EndpointKind::AliDns) }
                    { opt("dnspod", "dns.preset.dnspod", kind == EndpointKind::DnsPod) }
                    { opt("custom", "ui.check.endpoint.custom", kind == EndpointKind::Custom) }
                </select>
            </div>
            if kind == EndpointKind::Custom {
                <div class="field">
                    <label for={format!("{id}-url")}>{ i18n::text(lang, "ui.check.endpoint.url") }</label>
                    <input id={format!("{id}-url")} type="url" autocomplete="off" spellcheck="false"
                        placeholder="https://dns.example/resolve" value={props.form.url.clone()}
                        aria-invalid={error.is_some().to_string()} aria-describedby={err_id.clone()}
                        oninput={on_url} />
                    <p id={err_id} class="help error" data-error-code={error.unwrap_or_default()}>
                        { error.map(|c| i18n::text(lang, c)).unwrap_or_default() }
                    </p>
                </div>
                <div class="field">
                    <label for={format!("{id}-flavor")}>{ i18n::text(lang, "ui.check.endpoint.flavor") }</label>
                    <select id={format!("{id}-flavor")} onchange={on_flavor}>
                        { opt("google", "ui.check.flavor.google", props.form.flavor == Flavor::Google) }
                        { opt("cloudflare", "ui.check.flavor.cloudflare", props.form.flavor == Flavor::Cloudflare) }
                        { opt("wire", "ui.check.flavor.wire", props.form.flavor == Flavor::Wire) }
                    </select>
                </div>
            }
        </fieldset>
    }
}
