//! Reverse DNS requests to send to each address's provider: reverse name,
//! target, the request text in the page's language, `dig -x`.

use crate::export::dig_ptr;
use crate::generate::PtrRequest;
use crate::i18n::code;
use crate::i18n::{self, Lang};
use crate::ui::components::copy_button::CopyButton;
use yew::prelude::*;

/// A plain function, not a component: it has no state, and each component
/// costs the page its own copy of yew's lifecycle code.
pub fn ptr_requests(lang: Lang, requests: &[PtrRequest]) -> Html {
    let t = |code: &str| i18n::text(lang, code).to_string();
    html! {
        <section class="ptr" aria-labelledby="ptr-title">
            <h3 id="ptr-title">{ t(code::ui::GEN_PTR) }</h3>
            <p class="help">{ t(code::ui::GEN_PTR_HELP) }</p>
            { for requests.iter().map(|r| {
                let text = match lang { Lang::ZhCn => r.text_zh.clone(), Lang::En => r.text_en.clone() };
                let dig = dig_ptr(r.ip);
                html! {
                    <div class="ptr-request" data-ptr-ip={r.ip.to_string()} data-ptr-name={r.reverse_name.fqdn()}
                        data-ptr-target={r.target.fqdn()}>
                        <p><code>{ r.reverse_name.fqdn() }</code>{ " PTR " }<code>{ r.target.fqdn() }</code></p>
                        <pre tabindex="0" aria-label={format!("{} {}", t(code::ui::GEN_PTR_REQUEST), r.ip)}>{ text.clone() }</pre>
                        <div class="actions">
                            <CopyButton text={text} label={format!("{} {}", t(code::ui::GEN_PTR_COPY), r.ip)} />
                            <code>{ dig.clone() }</code>
                            <CopyButton text={dig} label={format!("{} dig {}", t(code::ui::COPY), r.ip)} />
                        </div>
                    </div>
                }
            }) }
        </section>
    }
}
