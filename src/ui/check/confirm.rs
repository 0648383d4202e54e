//! Asks before a share link's non-preset resolver gets any question.
//!
//! A link's https resolver is outside the page's connect-src until its origin
//! is stored and the page reloads (`ui::connect_policy`). "Yes" then does
//! both; after the reload the link is read again and this dialog, finding the
//! same URL confirmed in sessionStorage and now allowed, answers itself.

use crate::i18n;
use crate::i18n::code;
use crate::ui::connect_policy::{self, CONFIRMED_KEY};
use crate::ui::context::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmEndpointProps {
    pub url: String,
    pub on_answer: Callback<bool>,
}

#[component]
pub fn ConfirmEndpoint(props: &ConfirmEndpointProps) -> Html {
    let lang = use_lang();
    {
        let (url, cb) = (props.url.clone(), props.on_answer.clone());
        use_effect_with(url.clone(), move |_| {
            let confirmed = connect_policy::take_session(CONFIRMED_KEY);
            if confirmed.as_deref() == Some(url.as_str()) && connect_policy::allowed_now(&url) {
                cb.emit(true);
            }
        });
    }
    let allowed = connect_policy::allowed_now(&props.url);
    let text = i18n::fill(
        i18n::text(lang, code::ui::CHECK_CONFIRM),
        &[("url", props.url.clone())],
    );
    let yes = {
        let (url, cb) = (props.url.clone(), props.on_answer.clone());
        Callback::from(move |_: MouseEvent| {
            if connect_policy::allowed_now(&url) {
                cb.emit(true);
            } else {
                connect_policy::set_session(CONFIRMED_KEY, &url);
                if !connect_policy::allow_and_reload(&url) {
                    // Cannot be allowed (or storage refused): let the run
                    // start and say why it is refused.
                    let _ = connect_policy::take_session(CONFIRMED_KEY);
                    cb.emit(true);
                }
            }
        })
    };
    let no = props.on_answer.reform(|_| false);
    html! {
        <div class="check-confirm" role="alertdialog" aria-labelledby="check-confirm-text" data-confirm="">
            <p id="check-confirm-text">{ text }</p>
            if !allowed {
                <p class="help" data-connect-reload="">{ i18n::text(lang, code::ui::CONNECT_CONFIRM_RELOAD) }</p>
            }
            <button type="button" class="button primary" data-action="confirm-yes" onclick={yes}>
                { i18n::text(lang, code::ui::CHECK_CONFIRM_YES) }
            </button>
            <button type="button" class="button" data-action="confirm-no" onclick={no}>
                { i18n::text(lang, code::ui::CHECK_CONFIRM_NO) }
            </button>
        </div>
    }
}
