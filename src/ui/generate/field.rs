//! A labelled text input (or text area) with the findings of its field key
//! under it, each message carrying its `data-error-code`.

use crate::finding::{Finding, Severity};
use crate::i18n::code;
use crate::i18n::{self, Lang};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The severity word shown before a message (colour is never the only signal).
pub fn severity_code(s: Severity) -> &'static str {
    match s {
        Severity::Error => code::ui::GEN_SEVERITY_ERROR,
        Severity::Warning => code::ui::GEN_SEVERITY_WARNING,
        Severity::Info => code::ui::GEN_SEVERITY_INFO,
    }
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// The messages under a field; `id` is what the input's `aria-describedby`
/// names. A plain function, not a component: it has no state of its own,
/// and each component costs the page its own copy of yew's lifecycle code.
pub fn messages(lang: Lang, id: impl Into<AttrValue>, findings: &[Finding], help: Option<AttrValue>) -> Html {
    html! {
        <div id={id.into()} class="messages" aria-live="polite">
            if let Some(help) = help { <p class="help">{ help }</p> }
            { for findings.iter().map(|f| html! {
                <p class={classes!("help", severity_class(f.severity))} data-error-code={f.code}>
                    <strong>{ i18n::text(lang, severity_code(f.severity)) }{ ": " }</strong>
                    { i18n::explain(lang, f) }
                </p>
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: String,
    #[prop_or_default]
    pub findings: Vec<Finding>,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// A multi-line box (pasted keys, certificates).
    #[prop_or_default]
    pub multiline: bool,
    pub on_input: Callback<String>,
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn text_field(lang: Lang, props: &TextFieldProps) -> Html {
    let msg_id: AttrValue = format!("{}-msg", props.id).into();
    let invalid = props.findings.iter().any(|f| f.severity == Severity::Error);
    let cb = props.on_input.clone();
    let input = if props.multiline {
        let oninput = Callback::from(move |e: InputEvent| {
            let el: HtmlTextAreaElement = e.target_unchecked_into();
            cb.emit(el.value());
        });
        html! {
            <textarea id={props.id.clone()} rows="4" spellcheck="false" aria-describedby={msg_id.clone()}
                aria-invalid={invalid.to_string()} placeholder={props.placeholder.clone()}
                value={props.value.clone()} {oninput} />
        }
    } else {
        let oninput = Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            cb.emit(el.value());
        });
        html! {
            <input id={props.id.clone()} type="text" autocomplete="off" spellcheck="false"
                aria-describedby={msg_id.clone()} aria-invalid={invalid.to_string()}
                placeholder={props.placeholder.clone()} value={props.value.clone()} {oninput} />
        }
    };
    html! {
        <div class="field" data-field={props.id.clone()}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            { input }
            { messages(lang, msg_id, &props.findings, props.help.clone()) }
        </div>
    }
}
