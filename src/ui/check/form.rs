//! The check form: domain, DKIM selectors, server addresses, resolver(s),
//! pasted MTA-STS policy, and the run buttons.

use super::endpoint_picker::EndpointPicker;
use crate::check::mta_sts_curl_command;
use crate::i18n::code;
use crate::i18n::{self, Lang};
use crate::page::check::{Action, CheckState, Mode};
use crate::ui::components::copy_button::CopyButton;
use crate::ui::context::make_callback;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckFormProps {
    pub state: UseReducerHandle<CheckState>,
    pub on_request: Callback<Mode>,
}

fn text_input(
    lang: Lang,
    id: &'static str,
    label: &'static str,
    help: &'static str,
    value: &str,
    on: Callback<String>,
) -> Html {
    let oninput =
        Callback::from(move |e: InputEvent| on.emit(e.target_unchecked_into::<HtmlInputElement>().value()));
    let help_id = format!("{id}-help");
    html! {
        <div class="field">
            <label for={id}>{ i18n::text(lang, label) }</label>
            <input {id} type="text" autocomplete="off" spellcheck="false" aria-describedby={help_id.clone()}
                value={value.to_string()} {oninput} />
            <p id={help_id} class="help">{ i18n::text(lang, help) }</p>
        </div>
    }
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn check_form(lang: Lang, props: &CheckFormProps) -> Html {
    let s = &props.state;
    let send = |make: fn(String) -> Action| make_callback(s, make);
    let on_policy = make_callback(s, |e: InputEvent| {
        Action::Policy(e.target_unchecked_into::<HtmlTextAreaElement>().value())
    });
    let on_ep = make_callback(s, Action::Endpoint);
    let on_ep2 = make_callback(s, Action::Endpoint2);
    let curl = s.domain_name().map(|d| mta_sts_curl_command(&d));
    let button = |mode: Mode, code: &'static str, primary: bool| {
        let cb = props.on_request.clone();
        html! {
            <button type="button" class={classes!("button", primary.then_some("primary"))}
                data-action={code.trim_start_matches("ui.check.")} disabled={s.is_running()}
                onclick={Callback::from(move |_| cb.emit(mode))}>
                { i18n::text(lang, code) }
            </button>
        }
    };
    html! {
        <form class="check-form" aria-label={i18n::text(lang, code::ui::CHECK_FORM).to_string()}
            onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            { text_input(lang, "check-domain", code::ui::CHECK_DOMAIN, code::ui::CHECK_DOMAIN_HELP, &s.domain, send(Action::Domain)) }
            { text_input(lang, "check-selectors", code::ui::CHECK_SELECTORS, code::ui::CHECK_SELECTORS_HELP, &s.selectors, send(Action::Selectors)) }
            { text_input(lang, "check-ips", code::ui::CHECK_IPS, code::ui::CHECK_IPS_HELP, &s.ips, send(Action::Ips)) }
            <EndpointPicker id="ep" label={code::ui::CHECK_ENDPOINT} form={s.endpoint.clone()} on_change={on_ep}
                domain={s.domain.clone()} selectors={s.selectors.clone()} />
            <div class="field wide">
                <label for="check-policy">{ i18n::text(lang, code::ui::CHECK_POLICY) }</label>
                <p id="check-policy-help" class="help">{ i18n::text(lang, code::ui::CHECK_POLICY_HELP) }</p>
                if let Some(cmd) = curl {
                    <div class="command">
                        <code data-curl="">{ cmd.clone() }</code>
                        <CopyButton text={cmd} />
                    </div>
                }
                <textarea id="check-policy" rows="4" spellcheck="false" aria-describedby="check-policy-help"
                    value={s.policy.clone()} oninput={on_policy} />
            </div>
            <div class="check-actions">
                { button(Mode::Audit, code::ui::CHECK_AUDIT, true) }
                { button(Mode::Plan, code::ui::CHECK_VERIFY, false) }
            </div>
            <details class="check-compare">
                <summary>{ i18n::text(lang, code::ui::CHECK_COMPARE) }</summary>
                <EndpointPicker id="ep2" label={code::ui::CHECK_ENDPOINT2} form={s.endpoint2.clone()} on_change={on_ep2}
                    domain={s.domain.clone()} selectors={s.selectors.clone()} />
                { button(Mode::Compare, code::ui::CHECK_COMPARE, false) }
            </details>
        </form>
    }
}
