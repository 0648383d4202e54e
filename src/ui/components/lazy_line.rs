//! The line a part of the page shows while it is fetched (the checker's
//! worker, the Check half's code): "loading" meanwhile; when fetching
//! failed, why, with a button to try again; nothing once it is there.

use crate::i18n::{self, code, Lang};
use crate::page::app::Lazy;
use yew::prelude::*;

/// `action` names the retry button for tests (`data-action`).
pub fn lazy_line(
    lang: Lang,
    state: &Lazy,
    retry: Option<Callback<MouseEvent>>,
    action: &'static str,
) -> Html {
    match state {
        Lazy::NotLoaded | Lazy::Ready => html! {},
        Lazy::Loading => html! {
            <p class="help lazy-loading" role="status">{ i18n::text(lang, code::ui::CHECKER_LOADING) }</p>
        },
        Lazy::Failed(reason) => html! {
            <div class="check-notices lazy-failed" role="alert">
                <p class="help error" data-notice-code={code::ui::CHECKER_FAILED}>
                    { i18n::explain(lang, &Lazy::unavailable(reason)) }
                </p>
                <button type="button" class="button small" data-action={action} onclick={retry}>
                    { i18n::text(lang, code::ui::CHECKER_RETRY) }
                </button>
            </div>
        },
    }
}
