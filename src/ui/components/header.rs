//! The page header: name, tagline, language switch.

use super::lang_switch::{lang_switch, LangSwitchProps};
use crate::i18n::code;
use crate::i18n::{self, Lang};
use crate::page::app::Lazy;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub on_lang: Callback<Lang>,
    /// A language asked for whose texts are not there yet.
    pub asked: Option<(Lang, Lazy)>,
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn header(lang: Lang, props: &HeaderProps) -> Html {
    html! {
        <header class="header">
            <a class="skip-link" href="#content">{ if lang == Lang::ZhCn { "跳到正文" } else { "Skip to content" } }</a>
            <div class="brand">
                <h1><span class="logo" aria-hidden="true">{ "@" }</span>{ i18n::text(lang, code::ui::TITLE) }</h1>
                <p class="tagline">{ i18n::text(lang, code::ui::TAGLINE) }</p>
            </div>
            { lang_switch(lang, &yew::props!(LangSwitchProps { on_change: props.on_lang.clone(), asked: props.asked.clone() })) }
        </header>
    }
}
