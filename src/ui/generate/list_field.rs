//! A list of text inputs (addresses, includes, report addresses) with add
//! and remove buttons; entry `i` shows the findings of `<key>[i]`.

use super::field::messages;
use crate::finding::{Finding, Severity};
use crate::i18n;
use crate::i18n::code;
use crate::i18n::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ListFieldProps {
    /// Element id prefix; entry `i` is `<id>-<i>`.
    pub id: AttrValue,
    pub label: AttrValue,
    pub values: Vec<String>,
    /// Findings per entry, by index.
    pub findings: Vec<Vec<Finding>>,
    /// Findings on the list as a whole.
    #[prop_or_default]
    pub list_findings: Vec<Finding>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    pub on_change: Callback<Vec<String>>,
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn list_field(lang: Lang, props: &ListFieldProps) -> Html {
    let t = |code: &str| i18n::text(lang, code).to_string();
    let entry = |i: usize, value: &String| {
        let id = format!("{}-{i}", props.id);
        let msg_id = format!("{id}-msg");
        let findings = props.findings.get(i).cloned().unwrap_or_default();
        let invalid = findings.iter().any(|f| f.severity == Severity::Error);
        let oninput = {
            let (values, cb) = (props.values.clone(), props.on_change.clone());
            Callback::from(move |e: InputEvent| {
                let el: HtmlInputElement = e.target_unchecked_into();
                let mut v = values.clone();
                if let Some(slot) = v.get_mut(i) {
                    *slot = el.value();
                }
                cb.emit(v);
            })
        };
        let remove = {
            let (values, cb) = (props.values.clone(), props.on_change.clone());
            Callback::from(move |_| {
                let mut v = values.clone();
                if i < v.len() {
                    v.remove(i);
                }
                cb.emit(v);
            })
        };
        let name = format!("{} {}", props.label, i + 1);
        html! {
            <li class="list-entry">
                <div class="list-row">
                    <input id={id.clone()} type="text" autocomplete="off" spellcheck="false" aria-label={name.clone()}
                        aria-describedby={msg_id.clone()} aria-invalid={invalid.to_string()}
                        placeholder={props.placeholder.clone()} value={value.clone()} {oninput} />
                    <button type="button" class="remove" aria-label={format!("{} {name}", t(code::ui::GEN_REMOVE))}
                        onclick={remove}>{ "×" }</button>
                </div>
                { messages(lang, msg_id, &findings, None) }
            </li>
        }
    };
    let add = {
        let (values, cb) = (props.values.clone(), props.on_change.clone());
        Callback::from(move |_| {
            let mut v = values.clone();
            v.push(String::new());
            cb.emit(v);
        })
    };
    html! {
        <fieldset class="list-field" id={props.id.clone()}>
            <legend>{ props.label.clone() }</legend>
            <ul class="list">{ for props.values.iter().enumerate().map(|(i, v)| entry(i, v)) }</ul>
            <button type="button" class="add" onclick={add}>{ format!("+ {}", t(code::ui::GEN_ADD)) }</button>
            { messages(lang, format!("{}-msg", props.id), &props.list_findings, props.help.clone()) }
        </fieldset>
    }
}

/// Findings of `<key>[i]` for each of `len` entries.
pub fn per_entry(findings: &crate::plan::PlanErrors, key: &str, len: usize) -> Vec<Vec<Finding>> {
    (0..len)
        .map(|i| findings.get(&format!("{key}[{i}]")).to_vec())
        .collect()
}
