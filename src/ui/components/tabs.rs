//! The two halves of the tool as tabs.

use crate::i18n;
use crate::i18n::code;
use crate::page::app::View;
use crate::ui::context::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub view: View,
    pub on_select: Callback<View>,
}

#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let lang = use_lang();
    let tab = |view: View, id: &'static str, code: &'static str| {
        let selected = props.view == view;
        let on_select = props.on_select.clone();
        html! {
            <button type="button" role="tab" id={format!("tab-{id}")} aria-controls={format!("panel-{id}")}
                aria-selected={selected.to_string()} class={classes!("tab", selected.then_some("active"))}
                onclick={Callback::from(move |_| on_select.emit(view))}>
                { i18n::text(lang, code) }
            </button>
        }
    };
    html! {
        <nav class="tabs" role="tablist">
            { tab(View::Generate, "generate", code::ui::NAV_GENERATE) }
            { tab(View::Check, "check", code::ui::NAV_CHECK) }
        </nav>
    }
}
