//! A resolver choice: preset select, and for "other" a URL and its protocol.
//! A new https resolver is outside the page's connect-src until the page
//! stores its origin and reloads once (`ui::connect_policy`); the picker says
//! so, offers the button, and gets its choice back after the reload.

use crate::dns::endpoint::check_link_fragment;
use crate::dns::{Preset, Protocol};
use crate::i18n;
use crate::i18n::code;
use crate::page::check::EndpointForm;
use crate::ui::browser;
use crate::ui::connect_policy::{self, CONFIRMED_KEY, PENDING_KEY};
use crate::ui::context::use_lang;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EndpointPickerProps {
    /// Prefix of the element ids (`ep`, `ep2`).
    pub id: &'static str,
    pub label: &'static str,
    pub form: EndpointForm,
    pub on_change: Callback<EndpointForm>,
    /// The form's domain and selectors: allowing a new resolver reloads the
    /// page into a check link made of them.
    pub domain: AttrValue,
    pub selectors: AttrValue,
}

/// The select's value for "Other (URL)".
const CUSTOM: &str = "custom";

#[component]
pub fn EndpointPicker(props: &EndpointPickerProps) -> Html {
    let lang = use_lang();
    let id = props.id;
    let on_kind = {
        let (form, cb) = (props.form.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let preset = match value.as_str() {
                CUSTOM => None,
                id => Some(Preset::from_id(id).unwrap_or(Preset::Google)),
            };
            cb.emit(EndpointForm {
                preset,
                ..form.clone()
            })
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
            let protocol = Protocol::from_word(&e.target_unchecked_into::<HtmlSelectElement>().value());
            cb.emit(EndpointForm {
                protocol,
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
    let needs_reload = props.form.is_custom()
        && props.form.error_code().is_none()
        && !props.form.url.trim().is_empty()
        && !connect_policy::allowed_now(props.form.url.trim());
    let on_allow = {
        let form = props.form.clone();
        let (domain, selectors) = (props.domain.clone(), props.selectors.clone());
        Callback::from(move |_: MouseEvent| allow_and_reload(id, &form, &domain, &selectors))
    };
    let preset = props.form.preset;
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
                <label for={format!("{id}-kind")}>{ i18n::text(lang, code::ui::CHECK_ENDPOINT_CHOICE) }</label>
                <select id={format!("{id}-kind")} onchange={on_kind}>
                    // Google and Cloudflare first, as the select has always listed them.
                    { for [Preset::Google, Preset::Cloudflare, Preset::AliDns, Preset::DnsPod].into_iter().map(|p| {
                        opt(p.id(), p.label(), preset == Some(p))
                    }) }
                    { opt(CUSTOM, code::ui::CHECK_ENDPOINT_CUSTOM, preset.is_none()) }
                </select>
            </div>
            if preset.is_none() {
                <div class="field">
                    <label for={format!("{id}-url")}>{ i18n::text(lang, code::ui::CHECK_ENDPOINT_URL) }</label>
                    <input id={format!("{id}-url")} type="url" autocomplete="off" spellcheck="false"
                        placeholder="https://dns.example/resolve" value={props.form.url.clone()}
                        aria-invalid={error.is_some().to_string()} aria-describedby={err_id.clone()}
                        oninput={on_url} />
                    <p id={err_id} class="help error" data-error-code={error.unwrap_or_default()}>
                        { error.map(|c| i18n::text(lang, c)).unwrap_or_default() }
                    </p>
                    if needs_reload {
                        <div class="connect-reload" role="status" data-connect-reload="">
                            <p class="help">{ i18n::text(lang, code::ui::CONNECT_EXPLAIN) }</p>
                            <button type="button" class="button" data-action="allow-endpoint" onclick={on_allow}>
                                { i18n::text(lang, code::ui::CONNECT_ALLOW) }
                            </button>
                        </div>
                    }
                </div>
                <div class="field">
                    <label for={format!("{id}-flavor")}>{ i18n::text(lang, code::ui::CHECK_ENDPOINT_FLAVOR) }</label>
                    <select id={format!("{id}-flavor")} onchange={on_flavor}>
                        { for Protocol::ALL.into_iter().map(|p| opt(p.word(), p.label(), props.form.protocol == p)) }
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
        preset: None,
        url: v.get("url")?.as_str()?.to_string(),
        protocol: Protocol::from_word(v.get("flavor")?.as_str()?),
    })
}

/// Stores the origin and reloads into the Check half. The main resolver with
/// a domain typed comes back as a check link whose audit then starts (the
/// confirmation is taken as given: the user just chose it); otherwise the
/// picker gets its choice back from sessionStorage.
fn allow_and_reload(id: &str, form: &EndpointForm, domain: &str, selectors: &str) {
    let url = form.url.trim();
    if id == "ep" && !domain.trim().is_empty() {
        let link = check_link_fragment(domain, selectors, &form.choice());
        connect_policy::set_session(CONFIRMED_KEY, url);
        browser::set_fragment(&link);
    } else {
        let pending = serde_json::json!({"id": id, "url": url, "flavor": form.protocol.word()});
        connect_policy::set_session(PENDING_KEY, &pending.to_string());
        // `check=` alone opens the Check half and pre-fills nothing.
        browser::set_fragment("check=");
    }
    connect_policy::allow_and_reload(url);
}
