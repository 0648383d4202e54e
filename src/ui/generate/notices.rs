//! Notices at the top of the half: a share link that did not open, stored
//! data that did not read, a share link made.

use crate::i18n;
use crate::i18n::code;
use crate::i18n::Lang;
use crate::page::generate::{Notice, KEPT_SAVED};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
    pub on_dismiss: Callback<()>,
    /// Puts back the plan a share link replaced.
    pub on_restore: Callback<()>,
    /// Fetches the plan's reader again (`ui.gen.codec.failed`), or reloads
    /// the page (`ui.gen.codec.unread`).
    pub on_retry: Callback<()>,
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn notices(lang: Lang, props: &NoticesProps) -> Html {
    let t = |code: &str| i18n::text(lang, code).to_string();
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    let restore = props.on_restore.reform(|_: MouseEvent| ());
    let retry = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <div class="notices" role="status" aria-live="polite">
            if !props.notices.is_empty() {
                { for props.notices.iter().map(|n| html! {
                    <p class={classes!("notice", if n.error { "error" } else { "ok" })} data-notice-code={n.code}
                        data-error-code={n.error.then_some(n.code)}>
                        <strong>{ t(if n.error { code::ui::GEN_SEVERITY_ERROR } else { code::ui::GEN_SEVERITY_INFO }) }{ ": " }</strong>
                        { t(n.code) }
                        if let Some(d) = &n.detail { <br /><code class="detail">{ d.clone() }</code> }
                        if n.code == KEPT_SAVED {
                            <br /><button type="button" id="restore-plan" onclick={restore.clone()}>{ t(code::ui::GEN_SHARE_RESTORE) }</button>
                        }
                        if n.code == code::ui::GEN_CODEC_FAILED || n.code == code::ui::GEN_CODEC_UNREAD {
                            <br /><button type="button" data-action="retry-plan-codec" onclick={retry.clone()}>
                                { t(if n.code == code::ui::GEN_CODEC_UNREAD { code::ui::PANIC_RELOAD } else { code::ui::CHECKER_RETRY }) }
                            </button>
                        }
                    </p>
                }) }
                <button type="button" class="dismiss" onclick={dismiss}>{ t(code::ui::GEN_DISMISS) }</button>
            }
        </div>
    }
}
