//! The fix list of a plan verification, for the panel chosen in the
//! Generate half: numbered edits (add, change, delete), each row in that
//! panel's own fields with a copy button per field, the `dig` command that
//! shows the edit is published, and until when resolvers may still show
//! the old value (local time). The list is written by the checker
//! (`crate::fixlist`); its words come with it.

use crate::i18n::{self, code, Lang};
use crate::page::check::FixRows;
use crate::ui::components::copy_button::CopyButton;
use yew::prelude::*;

/// `HH:MM` local time, `after_s` seconds after `read_at` (ms since the epoch).
fn local_time(read_at: u64, after_s: u32) -> String {
    let at = read_at as f64 + f64::from(after_s) * 1000.0;
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at));
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// The list, or nothing to do. A plain function, not a component: it has
/// no state, and each component costs the page its own copy of yew's
/// lifecycle code.
pub fn fix_list(lang: Lang, fixes: &FixRows, read_at: Option<u64>) -> Html {
    let t = |c: &str| i18n::text(lang, c).to_string();
    if fixes.edits.is_empty() {
        return Html::default();
    }
    html! {
        <section class="fix-list" id="fix-list" data-panel={format!("{:?}", fixes.panel)} aria-labelledby="fix-list-title">
            <h3 id="fix-list-title">{ t(code::ui::CHECK_FIX_LIST) }</h3>
            <ol>
                { for fixes.edits.iter().map(|e| {
                    let (when, when_class) = match (read_at, e.visible_after_s) {
                        (Some(at), Some(s)) => (i18n::fill(&t(code::fix::VISIBLE_UNTIL), &[("time", local_time(at, s))]), "visible-until"),
                        _ => (t(code::fix::VISIBLE_UNKNOWN), "visible-unknown"),
                    };
                    html! {
                        <li class={classes!("fix", e.blocked.is_some().then_some("blocked"))} data-n={e.n.to_string()} data-action={e.action.clone()}>
                            <p><strong>{ format!("{}. {}", e.n, t(&e.action)) }</strong>
                                if let Some(zone) = &e.other_zone { <span class="muted">{ format!(" ({zone})") }</span> }
                            </p>
                            if let Some(blocked) = &e.blocked {
                                <p class="help error" data-finding-code={blocked.code}>{ i18n::explain(lang, blocked) }</p>
                            }
                            <dl class="fix-fields">
                                { for e.fields.iter().map(|(label, value)| html! {
                                    <>
                                        <dt>{ t(label) }</dt>
                                        <dd data-field={label.clone()}><code>{ value.clone() }</code>
                                            <CopyButton text={AttrValue::from(value.clone())} label={AttrValue::from(t(label))} /></dd>
                                    </>
                                }) }
                                if let Some(old) = &e.replaces {
                                    <dt>{ t(code::fix::REPLACES) }</dt>
                                    <dd data-field="replaces"><code>{ old.clone() }</code></dd>
                                }
                                <dt>{ t(code::fix::DIG) }</dt>
                                <dd data-field="dig"><code>{ e.dig.clone() }</code>
                                    <CopyButton text={AttrValue::from(e.dig.clone())} label={AttrValue::from(t(code::fix::DIG))} /></dd>
                            </dl>
                            { for e.notes.iter().map(|n| html! {
                                <p class="help warning" data-finding-code={n.code}>{ i18n::explain(lang, n) }</p>
                            }) }
                            <p class={classes!("help", when_class)}>{ when }</p>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
