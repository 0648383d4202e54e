//! A button that copies a text to the clipboard and says so for a moment.

use crate::i18n;
use crate::i18n::code;
use crate::ui::browser;
use crate::ui::context::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// The exact text to copy.
    pub text: AttrValue,
    /// What is copied, for screen readers ("Copy value of MX record").
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

#[derive(Clone, Copy, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    Failed,
}

#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let lang = use_lang();
    let state = use_state(|| CopyState::Idle);
    let onclick = {
        let state = state.clone();
        let text = props.text.to_string();
        Callback::from(move |_| {
            let state = state.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = browser::copy_text(&text).await.is_ok();
                state.set(if ok { CopyState::Copied } else { CopyState::Failed });
                browser::sleep_ms(1500).await;
                state.set(CopyState::Idle);
            });
        })
    };
    let code = match *state {
        CopyState::Idle => code::ui::COPY,
        CopyState::Copied => code::ui::COPIED,
        CopyState::Failed => code::ui::COPY_FAILED,
    };
    let label = props
        .label
        .clone()
        .unwrap_or_else(|| i18n::text(lang, code::ui::COPY).to_string().into());
    html! {
        <button type="button" class="copy" aria-label={label} data-copy={props.text.clone()} {onclick}>
            <span aria-live="polite">{ i18n::text(lang, code) }</span>
        </button>
    }
}
