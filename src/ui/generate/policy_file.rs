//! The MTA-STS policy file: its URL and body, to copy or download.

use crate::generate::MtaStsPolicyFile;
use crate::i18n::code;
use crate::i18n::{self, Lang};
use crate::ui::browser;
use crate::ui::components::copy_button::CopyButton;
use yew::prelude::*;

/// A plain function, not a component: it has no state, and each component
/// costs the page its own copy of yew's lifecycle code.
pub fn policy_file(lang: Lang, p: &MtaStsPolicyFile) -> Html {
    let t = |code: &str| i18n::text(lang, code).to_string();
    let download = {
        let body = p.body.clone();
        Callback::from(move |_| {
            let _ = browser::download("mta-sts.txt", "text/plain", &body);
        })
    };
    html! {
        <section class="policy" aria-labelledby="policy-title">
            <h3 id="policy-title">{ t(code::ui::GEN_POLICY) }</h3>
            <p class="help">{ t(code::ui::GEN_POLICY_HELP) }</p>
            <p><code id="policy-url">{ p.url.clone() }</code>
                <CopyButton text={p.url.clone()} label={t(code::ui::GEN_POLICY_COPY_URL)} /></p>
            <pre id="policy-body" tabindex="0" aria-label={t(code::ui::GEN_POLICY)}>{ p.body.clone() }</pre>
            <div class="actions">
                <CopyButton text={p.body.clone()} label={t(code::ui::GEN_POLICY_COPY_BODY)} />
                <button type="button" id="policy-download" onclick={download}>{ t(code::ui::GEN_POLICY_DOWNLOAD) }</button>
            </div>
        </section>
    }
}
