//! The zh-CN / English switch: two buttons, the current one pressed. A
//! language whose texts are not there yet (each language is a part of the
//! page's module, `crate::ui::texts`) is shown once they come: meanwhile
//! the switch says they are coming, or why they did not, with a retry.

use crate::i18n::code;
use crate::i18n::{self, Lang};
use crate::page::app::Lazy;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub on_change: Callback<Lang>,
    /// A language asked for whose texts are not there yet.
    pub asked: Option<(Lang, Lazy)>,
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn lang_switch(lang: Lang, props: &LangSwitchProps) -> Html {
    let status = match &props.asked {
        Some((asked, Lazy::Loading)) => html! {
            <p class="lang-status" role="status" data-lazy-state="loading">
                { i18n::fill(i18n::text(lang, code::ui::LANG_LOADING), &[("language", asked.native_name().to_string())]) }
            </p>
        },
        Some((asked, Lazy::Failed(reason))) => {
            let on_change = props.on_change.clone();
            let asked = *asked;
            html! {
                <p class="lang-status" role="alert" data-lazy-state="failed">
                    { i18n::fill(i18n::text(lang, code::ui::LANG_FAILED), &[
                        ("language", asked.native_name().to_string()),
                        ("reason", reason.clone()),
                    ]) }
                    { " " }
                    <button type="button" data-action="retry-lang" onclick={Callback::from(move |_| on_change.emit(asked))}>
                        { i18n::text(lang, code::ui::LANG_RETRY) }
                    </button>
                </p>
            }
        }
        _ => Html::default(),
    };
    html! {
        <div class="lang">
        <div class="lang-switch" role="group" aria-label={i18n::text(lang, code::ui::LANGUAGE)}>
            { for Lang::ALL.iter().map(|&l| {
                let on_change = props.on_change.clone();
                let pressed = l == lang;
                let busy = matches!(&props.asked, Some((a, Lazy::Loading)) if *a == l);
                html! {
                    <button type="button" lang={l.tag()} data-lang={l.tag()}
                        aria-pressed={pressed.to_string()} aria-busy={busy.then_some("true")}
                        onclick={Callback::from(move |_| on_change.emit(l))}>
                        { l.native_name() }
                    </button>
                }
            }) }
        </div>
        { status }
        </div>
    }
}
