//! The line a part of the page shows while it is fetched (the checker's
//! worker, the Check half's code): "loading" meanwhile; when fetching
//! failed, why, with a button to try again; nothing once it is there.

use crate::i18n::{self, code, Lang};
use crate::page::app::Lazy;
use yew::prelude::*;

/// What the line says: the checker's words, or another part's.
#[derive(Clone, Copy)]
pub struct LazyWords {
    loading: &'static str,
    unavailable: fn(&str) -> crate::finding::Finding,
}

impl LazyWords {
    /// "Loading the checker…", "The checker could not be loaded".
    pub const CHECKER: LazyWords = LazyWords {
        loading: code::ui::CHECKER_LOADING,
        unavailable: Lazy::unavailable,
    };
    /// "Loading this part of the page…" and its failure.
    pub const PART: LazyWords = LazyWords {
        loading: code::ui::PART_LOADING,
        unavailable: Lazy::part_unavailable,
    };
}

/// `action` names the retry button for tests (`data-action`).
pub fn lazy_line(
    lang: Lang,
    state: &Lazy,
    retry: Option<Callback<MouseEvent>>,
    action: &'static str,
    words: LazyWords,
) -> Html {
    match state {
        Lazy::NotLoaded | Lazy::Ready => html! {},
        Lazy::Loading => html! {
            <p class="help lazy-loading" role="status">{ i18n::text(lang, words.loading) }</p>
        },
        Lazy::Failed(reason) => {
            let finding = (words.unavailable)(reason);
            html! {
            <div class="check-notices lazy-failed" role="alert">
                <p class="help error" data-notice-code={finding.code}>
                    { i18n::explain(lang, &finding) }
                </p>
                <button type="button" class="button small" data-action={action} onclick={retry}>
                    { i18n::text(lang, code::ui::CHECKER_RETRY) }
                </button>
            </div>
            }
        }
    }
}
