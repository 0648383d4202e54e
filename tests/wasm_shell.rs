//! Shell tests in headless Chromium (wasm-bindgen-test + chromedriver).
//! Run by scripts/test.sh with `--target wasm32-unknown-unknown`; natively
//! this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use maildns::i18n::{self, Lang};
use maildns::ui;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

/// Waits for the next macrotask, so yew's scheduled renders have run.
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits (up to 2 s, in ticks) until `ready` holds: a render and its effects
/// can take more than one tick on a busy machine.
async fn settle(ready: impl Fn() -> bool) {
    for _ in 0..200 {
        if ready() {
            return;
        }
        next_tick().await;
    }
}

fn root_lang(doc: &web_sys::Document) -> Option<String> {
    doc.document_element().and_then(|e| e.get_attribute("lang"))
}

#[wasm_bindgen_test]
fn panic_banner_is_visible_and_speaks_the_page_language() {
    let doc = document();
    let root = doc.document_element().expect("root element");
    root.set_attribute("lang", "zh-CN").expect("set lang");
    ui::panic::show_banner("boom at src/x.rs:1");
    let banner = doc.get_element_by_id(ui::panic::BANNER_ID).expect("banner shown");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let text = banner.text_content().unwrap_or_default();
    assert!(text.contains(i18n::text(Lang::ZhCn, "ui.panic.title")), "{text}");
    assert!(text.contains("boom at src/x.rs:1"), "{text}");
    assert!(
        banner.query_selector("button").ok().flatten().is_some(),
        "reload button"
    );
    // A second panic replaces the banner rather than stacking another.
    root.set_attribute("lang", "en").expect("set lang");
    ui::panic::show_banner("second");
    assert_eq!(
        doc.query_selector_all(".panic-banner")
            .map(|l| l.length())
            .unwrap_or(0),
        1
    );
    let text = doc
        .get_element_by_id(ui::panic::BANNER_ID)
        .and_then(|b| b.text_content())
        .unwrap_or_default();
    assert!(text.contains(i18n::text(Lang::En, "ui.panic.title")), "{text}");
    if let Some(b) = doc.get_element_by_id(ui::panic::BANNER_ID) {
        b.remove();
    }
}

#[wasm_bindgen_test]
fn language_choice_is_remembered_in_local_storage() {
    ui::storage::save_lang("zh-CN");
    assert_eq!(ui::storage::load_lang().as_deref(), Some("zh-CN"));
    ui::storage::save_lang("en");
    assert_eq!(ui::storage::load_lang().as_deref(), Some("en"));
    assert!(
        !ui::storage::browser_languages().is_empty(),
        "navigator.languages is readable"
    );
}

#[wasm_bindgen_test]
async fn app_mounts_and_switches_language() {
    let doc = document();
    ui::storage::save_lang("en");
    let body = doc.body().expect("body");
    let app = doc.create_element("div").expect("div");
    app.set_id("app");
    body.append_child(&app).expect("append");
    ui::start(ui::Parts::whole());
    settle(|| doc.query_selector("header h1").ok().flatten().is_some()).await;

    let h1 = doc
        .query_selector("header h1")
        .ok()
        .flatten()
        .expect("header rendered");
    assert!(h1.text_content().unwrap_or_default().contains("maildns"));
    assert_eq!(
        doc.document_element()
            .and_then(|e| e.get_attribute("lang"))
            .as_deref(),
        Some("en")
    );

    let zh = doc
        .query_selector("button[data-lang='zh-CN']")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("zh button");
    zh.click();
    settle(|| root_lang(&doc).as_deref() == Some("zh-CN")).await;
    assert_eq!(
        doc.document_element()
            .and_then(|e| e.get_attribute("lang"))
            .as_deref(),
        Some("zh-CN")
    );
    assert_eq!(ui::storage::load_lang().as_deref(), Some("zh-CN"));
    let tab = doc.query_selector("#tab-generate").ok().flatten().expect("tab");
    assert_eq!(
        tab.text_content().as_deref(),
        Some(i18n::text(Lang::ZhCn, "ui.nav.generate"))
    );
}
