//! The private key just made: shown once, with a download of
//! `<selector>.private`, the OpenDKIM and rspamd lines that install it, and
//! the opt-in to keep it in this browser.

use super::choice::Checkbox;
use crate::i18n;
use crate::page::generate::{PrivateKey, Snippets};
use crate::ui::browser;
use crate::ui::components::copy_button::CopyButton;
use crate::ui::context::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrivateKeyProps {
    pub private: PrivateKey,
    pub snippets: Option<Snippets>,
    pub keep: bool,
    pub on_keep: Callback<bool>,
    pub on_forget: Callback<()>,
}

#[component]
pub fn PrivateKeyPanel(props: &PrivateKeyProps) -> Html {
    let lang = use_lang();
    let t = |code: &str| i18n::text(lang, code).to_string();
    let file_name = format!("{}.private", props.private.selector);
    let download = {
        let (name, pem) = (file_name.clone(), props.private.pem.clone());
        Callback::from(move |_| {
            let _ = browser::download(&name, "application/x-pem-file", &pem);
        })
    };
    let forget = props.on_forget.reform(|_: MouseEvent| ());
    let snippet = |id: &str, title: &str, text: &str| {
        html! {
            <div class="snippet">
                <div class="snippet-head">
                    <h3 id={format!("{id}-title")}>{ title.to_string() }</h3>
                    <CopyButton text={text.to_string()} label={format!("{} {title}", t("ui.copy"))} />
                </div>
                <pre id={id.to_string()} tabindex="0" aria-labelledby={format!("{id}-title")}>{ text.to_string() }</pre>
            </div>
        }
    };
    html! {
        <section class="private-key" id="private-key" aria-labelledby="private-key-title">
            <h2 id="private-key-title">{ t("ui.gen.private.title") }</h2>
            <p class="help warning"><strong>{ t("ui.gen.severity.warning") }{ ": " }</strong>{ t("ui.gen.private.once") }</p>
            <div class="actions">
                <button type="button" id="private-key-download" class="primary" onclick={download}>
                    { i18n::fill(i18n::text(lang, "ui.gen.private.download"), &[("file", file_name.clone())]) }
                </button>
                <CopyButton text={props.private.pem.clone()} label={t("ui.gen.private.copy")} />
                <button type="button" id="private-key-forget" onclick={forget}>{ t("ui.gen.private.forget") }</button>
            </div>
            <details>
                <summary>{ t("ui.gen.private.show") }</summary>
                <pre id="private-key-pem" tabindex="0" aria-label={t("ui.gen.private.title")}>{ props.private.pem.clone() }</pre>
            </details>
            if let Some(s) = &props.snippets {
                { snippet("snippet-opendkim", &t("ui.gen.private.opendkim"), &s.opendkim) }
                { snippet("snippet-rspamd", &t("ui.gen.private.rspamd"), &s.rspamd) }
            }
            <Checkbox id="keep-private" label={t("ui.gen.private.keep")} checked={props.keep}
                on_change={props.on_keep.clone()} />
        </section>
    }
}
