//! A labelled `<select>` and a checkbox.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SelectProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// (value, text) pairs.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub value: AttrValue,
    pub on_change: Callback<String>,
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn select(props: &SelectProps) -> Html {
    let cb = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        let el: HtmlSelectElement = e.target_unchecked_into();
        cb.emit(el.value());
    });
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select id={props.id.clone()} {onchange}>
                { for props.options.iter().map(|(v, text)| html! {
                    <option value={v.clone()} selected={*v == props.value}>{ text.clone() }</option>
                }) }
            </select>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckboxProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    pub on_change: Callback<bool>,
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn checkbox(props: &CheckboxProps) -> Html {
    let cb = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        let el: HtmlInputElement = e.target_unchecked_into();
        cb.emit(el.checked());
    });
    html! {
        <div class="checkbox-row">
            <input type="checkbox" id={props.id.clone()} checked={props.checked} {onchange} />
            <label for={props.id.clone()}>{ props.label.clone() }</label>
        </div>
    }
}
