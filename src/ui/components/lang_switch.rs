//! The zh-CN / English switch: two buttons, the current one pressed.

use crate::i18n::code;
use crate::i18n::{self, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub on_change: Callback<Lang>,
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn lang_switch(lang: Lang, props: &LangSwitchProps) -> Html {
    html! {
        <div class="lang-switch" role="group" aria-label={i18n::text(lang, code::ui::LANGUAGE)}>
            { for Lang::ALL.iter().map(|&l| {
                let on_change = props.on_change.clone();
                let pressed = l == lang;
                html! {
                    <button type="button" lang={l.tag()} data-lang={l.tag()}
                        aria-pressed={pressed.to_string()}
                        onclick={Callback::from(move |_| on_change.emit(l))}>
                        { l.native_name() }
                    </button>
                }
            }) }
        </div>
    }
}
