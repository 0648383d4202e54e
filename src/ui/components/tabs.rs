//! The two halves of the tool as tabs, with the keyboard of the WAI-ARIA tab
//! pattern (`crate::page::tabs`): arrows and Home/End move between tabs and
//! show the one moved to; only the selected tab takes Tab focus.

use crate::i18n;
use crate::i18n::code;
use crate::i18n::Lang;
use crate::page::app::View;
use crate::page::tabs::tab_for_key;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub view: View,
    pub on_select: Callback<View>,
}

fn id_of(view: View) -> &'static str {
    match view {
        View::Generate => "generate",
        View::Check => "check",
        View::Message => "message",
    }
}

/// Moves focus to a tab's button (it always exists: both tabs are rendered).
fn focus_tab(view: View) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("tab-{}", id_of(view))))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn tabs(lang: Lang, props: &TabsProps) -> Html {
    let tab = |view: View, code: &'static str| {
        let id = id_of(view);
        let selected = props.view == view;
        let onclick = props.on_select.reform(move |_: MouseEvent| view);
        let on_select = props.on_select.clone();
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            if let Some(to) = tab_for_key(view, &e.key()) {
                e.prevent_default();
                on_select.emit(to);
                focus_tab(to);
            }
        });
        html! {
            <button type="button" role="tab" id={format!("tab-{id}")} aria-controls={format!("panel-{id}")}
                aria-selected={selected.to_string()} tabindex={if selected { "0" } else { "-1" }}
                class={classes!("tab", selected.then_some("active"))} {onclick} {onkeydown}>
                { i18n::text(lang, code) }
            </button>
        }
    };
    html! {
        <nav class="tabs" role="tablist">
            { tab(View::Generate, code::ui::NAV_GENERATE) }
            { tab(View::Check, code::ui::NAV_CHECK) }
            { tab(View::Message, code::ui::NAV_MESSAGE) }
        </nav>
    }
}
