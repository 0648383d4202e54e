//! The page header: name, tagline, language switch.

use super::lang_switch::LangSwitch;
use crate::i18n::code;
use crate::i18n::{self, Lang};
use crate::ui::context::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub on_lang: Callback<Lang>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = use_lang();
    html! {
        <header class="header">
            <a class="skip-link" href="#content">{ if lang == Lang::ZhCn { "跳到正文" } else { "Skip to content" } }</a>
            <div class="brand">
                <h1><span class="logo" aria-hidden="true">{ "@" }</span>{ i18n::text(lang, code::ui::TITLE) }</h1>
                <p class="tagline">{ i18n::text(lang, code::ui::TAGLINE) }</p>
            </div>
            <LangSwitch on_change={props.on_lang.clone()} />
        </header>
    }
}
