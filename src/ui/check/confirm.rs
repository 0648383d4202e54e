//! Asks before a share link's non-preset resolver gets any question.

use crate::i18n::{self, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmEndpointProps {
    pub lang: Lang,
    pub url: String,
    pub on_answer: Callback<bool>,
}

#[component]
pub fn ConfirmEndpoint(props: &ConfirmEndpointProps) -> Html {
    let lang = props.lang;
    let text = i18n::fill(
        i18n::text(lang, "ui.check.confirm"),
        &[("url", props.url.clone())],
    );
    let yes = props.on_answer.reform(|_| true);
    let no = props.on_answer.reform(|_| false);
    html! {
        <div class="check-confirm" role="alertdialog" aria-labelledby="check-confirm-text" data-confirm="">
            <p id="check-confirm-text">{ text }</p>
            <button type="button" class="button primary" data-action="confirm-yes" onclick={yes}>
                { i18n::text(lang, "ui.check.confirm.yes") }
            </button>
            <button type="button" class="button" data-action="confirm-no" onclick={no}>
                { i18n::text(lang, "ui.check.confirm.no") }
            </button>
        </div>
    }
}
