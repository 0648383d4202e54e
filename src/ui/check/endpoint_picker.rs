//! A resolver choice: preset select, and for "other" a URL and its JSON format.
//! A new https resolver is outside the page's connect-src until the page
//! stores its origin and reloads once (`ui::connect_policy`); the picker says
//! so, offers the button, and gets its choice back after the reload.

use super::state::{EndpointForm, EndpointKind};
use crate::dns::endpoint::{check_link_fragment, flavor_from_str, flavor_str, Flavor};
use crate::i18n::{self, Lang};
use crate::ui::browser;
use crate::ui::connect_policy::{self, CONFIRMED_KEY, PENDING_KEY};
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
    // After the reload that allowed a new resolver: take the choice back.
    {
        let cb = props.on_change.clone();
        use_effect_with((), move |_| {
            if let Some(pending) = connect_policy::take_session(PENDING_KEY) {
                match pending_form(&pending, id) {
                    // A tick later, after the page's own first effects (a
                    // remembered preset must not win over this choice).
                    Some(form) => wasm_bindgen_futures::spawn_local(async move {
                        browser::sleep_ms(0).await;
                        cb.emit(form);
                    }),
                    None => connect_policy::set_session(PENDING_KEY, &pending),
                }
            }
        });
    }
    let needs_reload = props.form.kind == EndpointKind::Custom
        && props.form.error_code().is_none()
        && !props.form.url.trim().is_empty()
        && !connect_policy::allowed_now(props.form.url.trim());
    let on_allow = {
        let form = props.form.clone();
        Callback::from(move |_: MouseEvent| allow_and_reload(id, &form))
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
                    if needs_reload {
                        <div class="connect-reload" role="status" data-connect-reload="">
                            <p class="help">{ i18n::text(lang, "ui.connect.explain") }</p>
                            <button type="button" class="button" data-action="allow-endpoint" onclick={on_allow}>
                                { i18n::text(lang, "ui.connect.allow") }
                            </button>
                        </div>
                    }
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

/// The pending choice saved before the reload, if it is this picker's.
fn pending_form(json: &str, id: &str) -> Option<EndpointForm> {
    let v: serde_json::Value = serde_json::from_str(json).ok()?;
    if v.get("id")?.as_str()? != id {
        return None;
    }
    Some(EndpointForm {
        kind: EndpointKind::Custom,
        url: v.get("url")?.as_str()?.to_string(),
        flavor: flavor_from_str(v.get("flavor")?.as_str()?),
    })
}

/// Stores the origin and reloads into the Check half. The main resolver with
/// a domain typed comes back as a check link whose audit then starts (the
/// confirmation is taken as given: the user just chose it); otherwise the
/// picker gets its choice back from sessionStorage.
fn allow_and_reload(id: &str, form: &EndpointForm) {
    let url = form.url.trim();
    let domain = input_value("check-domain");
    if id == "ep" && !domain.trim().is_empty() {
        let link = check_link_fragment(&domain, &input_value("check-selectors"), &form.choice());
        connect_policy::set_session(CONFIRMED_KEY, url);
        browser::set_fragment(&link);
    } else {
        let pending = serde_json::json!({"id": id, "url": url, "flavor": flavor_str(form.flavor)});
        connect_policy::set_session(PENDING_KEY, &pending.to_string());
        // `check=` alone opens the Check half and pre-fills nothing.
        browser::set_fragment("check=");
    }
    connect_policy::allow_and_reload(url);
}

/// The value of a text input of the Check form (empty if absent).
fn input_value(element_id: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(element_id))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(e).ok())
        .map(|i| i.value())
        .unwrap_or_default()
}
