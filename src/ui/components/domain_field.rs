//! The mail-domain field with its live validation message.

use crate::finding::Finding;
use crate::i18n;
use crate::i18n::code;
use crate::i18n::Lang;
use crate::model::{Name, NameError};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DomainFieldProps {
    pub value: String,
    pub parsed: Option<Result<Name, NameError>>,
    /// The plan's findings on the domain (the name's own lint, and a server
    /// name typed as the domain).
    pub findings: Vec<Finding>,
    pub on_input: Callback<String>,
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn domain_field(lang: Lang, props: &DomainFieldProps) -> Html {
    let on_input = {
        let cb = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.value());
        })
    };
    let message = match &props.parsed {
        None => html! { <p id="domain-help" class="help">{ i18n::text(lang, code::ui::DOMAIN_HELP) }</p> },
        Some(Ok(name)) => {
            let ok = i18n::fill(
                i18n::text(lang, code::ui::DOMAIN_OK),
                &[("name", name.as_str().to_string())],
            );
            let warnings = &props.findings;
            html! {
                <div id="domain-help">
                    <p class="help ok">{ ok }</p>
                    { for warnings.iter().map(|f| html! {
                        <p class="help warning" data-error-code={f.code}>{ i18n::explain(lang, f) }</p>
                    }) }
                </div>
            }
        }
        Some(Err(err)) => {
            let finding = err.to_finding(&props.value);
            html! {
                <p id="domain-help" class="help error" role="alert" data-error-code={finding.code}>
                    { i18n::explain(lang, &finding) }
                </p>
            }
        }
    };
    let invalid = matches!(props.parsed, Some(Err(_)));
    html! {
        <div class="field">
            <label for="domain">{ i18n::text(lang, code::ui::DOMAIN) }</label>
            <input id="domain" type="text" inputmode="url" autocomplete="off" spellcheck="false"
                placeholder={i18n::text(lang, code::ui::DOMAIN_PLACEHOLDER)}
                aria-describedby="domain-help" aria-invalid={invalid.to_string()}
                value={props.value.clone()} oninput={on_input} />
            { message }
        </div>
    }
}
