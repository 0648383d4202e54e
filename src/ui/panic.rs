//! The panic hook. A panic in wasm leaves the page frozen with no word to the
//! user; this hook puts a banner on top of it (built with plain DOM calls,
//! because yew itself may be what died) that asks for a reload and a report.

use crate::i18n::code;
use crate::i18n::{self, Lang};
use wasm_bindgen::JsCast;

/// The banner's element id, for tests.
pub const BANNER_ID: &str = "panic-banner";

/// Installs the hook once, at start-up.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&detail.as_str().into());
        show_banner(&detail);
    }));
}

/// Shows the error banner with `detail`, in the page's current language.
/// Does nothing if the document is unreachable; never panics itself.
pub fn show_banner(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lang = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    if let Some(old) = document.get_element_by_id(BANNER_ID) {
        old.remove();
    }
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_id(BANNER_ID);
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("class", "panic-banner");
    let parts = [
        ("strong", i18n::text(lang, code::ui::PANIC_TITLE)),
        ("p", i18n::text(lang, code::ui::PANIC_BODY)),
    ];
    for (tag, text) in parts {
        if let Ok(el) = document.create_element(tag) {
            el.set_text_content(Some(text));
            let _ = banner.append_child(&el);
        }
    }
    if let Ok(pre) = document.create_element("pre") {
        pre.set_text_content(Some(detail));
        let _ = banner.append_child(&pre);
    }
    if let Ok(button) = document.create_element("button") {
        button.set_text_content(Some(i18n::text(lang, code::ui::PANIC_RELOAD)));
        let _ = button.set_attribute("type", "button");
        let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        if let Some(el) = button.dyn_ref::<web_sys::HtmlElement>() {
            el.set_onclick(Some(reload.as_ref().unchecked_ref()));
        }
        reload.forget();
        let _ = banner.append_child(&button);
    }
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&banner);
    }
}
