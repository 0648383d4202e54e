//! A private key just made (or kept): shown once, with a download of
//! `<selector>.private`, the OpenDKIM and rspamd lines that install it, and
//! the opt-in to keep it in this browser. An RSA and an Ed25519 key each get
//! their own panel; element ids of the Ed25519 one end in `-ed25519`.

use super::choice::{checkbox, CheckboxProps};
use crate::i18n;
use crate::i18n::code;
use crate::i18n::Lang;
use crate::page::generate::PrivateKey;
use crate::ui::browser;
use crate::ui::components::copy_button::CopyButton;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrivateKeyProps {
    pub private: PrivateKey,
    /// `(ed25519, keep)`.
    pub on_keep: Callback<(bool, bool)>,
    /// The algorithm of the key to forget (true: Ed25519).
    pub on_forget: Callback<bool>,
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn private_key_panel(lang: Lang, props: &PrivateKeyProps) -> Html {
    let t = |code: &str| i18n::text(lang, code).to_string();
    let ed25519 = props.private.ed25519;
    // The RSA panel keeps the ids it always had.
    let id = |base: &str| {
        if ed25519 {
            format!("{base}-ed25519")
        } else {
            base.to_string()
        }
    };
    let algorithm = if ed25519 { "Ed25519" } else { "RSA" };
    let file_name = format!("{}.private", props.private.selector);
    let download = {
        let (name, pem) = (file_name.clone(), props.private.pem.clone());
        Callback::from(move |_| {
            let _ = browser::download(&name, "application/x-pem-file", &pem);
        })
    };
    let forget = props.on_forget.reform(move |_: MouseEvent| ed25519);
    let on_keep = props.on_keep.reform(move |keep: bool| (ed25519, keep));
    let snippet = |id: String, title: &str, text: &str| {
        html! {
            <div class="snippet">
                <div class="snippet-head">
                    <h3 id={format!("{id}-title")}>{ title.to_string() }</h3>
                    <CopyButton text={text.to_string()} label={format!("{} {title}", t(code::ui::COPY))} />
                </div>
                <pre id={id.clone()} tabindex="0" aria-labelledby={format!("{id}-title")}>{ text.to_string() }</pre>
            </div>
        }
    };
    html! {
        <section class="private-key" id={id("private-key")} aria-labelledby={id("private-key-title")}
            data-algorithm={algorithm}>
            <h2 id={id("private-key-title")}>{ t(code::ui::GEN_PRIVATE_TITLE) }{ format!(" ({algorithm})") }</h2>
            <p class="help warning"><strong>{ t(code::ui::GEN_SEVERITY_WARNING) }{ ": " }</strong>{ t(code::ui::GEN_PRIVATE_ONCE) }</p>
            <div class="actions">
                <button type="button" id={id("private-key-download")} class="primary" onclick={download}>
                    { i18n::fill(i18n::text(lang, code::ui::GEN_PRIVATE_DOWNLOAD), &[("file", file_name.clone())]) }
                </button>
                <CopyButton text={props.private.pem.clone()} label={t(code::ui::GEN_PRIVATE_COPY)} />
                <button type="button" id={id("private-key-forget")} onclick={forget}>{ t(code::ui::GEN_PRIVATE_FORGET) }</button>
            </div>
            <details>
                <summary>{ t(code::ui::GEN_PRIVATE_SHOW) }</summary>
                <pre id={id("private-key-pem")} tabindex="0" aria-label={format!("{} ({algorithm})", t(code::ui::GEN_PRIVATE_TITLE))}>{ props.private.pem.clone() }</pre>
            </details>
            if let Some(s) = &props.private.snippets {
                { snippet(id("snippet-opendkim"), &t(code::ui::GEN_PRIVATE_OPENDKIM), &s.opendkim) }
                { snippet(id("snippet-rspamd"), &t(code::ui::GEN_PRIVATE_RSPAMD), &s.rspamd) }
            }
            { checkbox(&yew::props!(CheckboxProps { id: id("keep-private"), label: t(code::ui::GEN_PRIVATE_KEEP), checked: props.private.keep, on_change: on_keep })) }
        </section>
    }
}
