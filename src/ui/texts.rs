//! The texts of the page's language. The first view's texts of each
//! language are a part of their own, split off the page's module at build
//! time (`texts_en`, `texts_zh` in src/main.rs; `crate::i18n::catalogue`
//! lays them out), so a first view carries one language, not two:
//!
//! - the language the page opens in is fetched before it mounts (the boot
//!   script preloads its file beside the page's own, scripts/csp.py, from
//!   the same choice as `initial_lang`: the stored choice, else the
//!   browser's languages);
//! - the other is fetched when the browser is idle after the first view,
//!   or at once when the switch asks for it.
//!
//! When the opening language's texts do not come, the page cannot say
//! anything else: it shows [`code::ui::TEXTS_FAILED`] (always in the
//! module, `catalogue::boot`) with a button that tries again and mounts
//! once they are there.

use super::gate::{gate_load, gate_ready, Gate, PartFetch};
use crate::i18n::{self, code, Lang};
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// What the page's binary hands in: the fetch of each language's part
/// (which installs its texts, `i18n::install`, once there).
#[derive(Clone, Copy)]
pub struct TextsLoader {
    pub en: fn() -> PartFetch,
    pub zh: fn() -> PartFetch,
}

impl PartialEq for TextsLoader {
    /// One loader for the page's lifetime.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl TextsLoader {
    /// Both languages already in the module (the shell's wasm-bindgen
    /// tests, which are not split).
    pub fn whole() -> Self {
        TextsLoader {
            en: || {
                Box::pin(async {
                    i18n::install(Lang::En, i18n::catalogue::EN);
                    Ok(())
                })
            },
            zh: || {
                Box::pin(async {
                    i18n::install(Lang::ZhCn, i18n::catalogue::ZH);
                    Ok(())
                })
            },
        }
    }
}

thread_local! {
    static LOADER: Cell<Option<TextsLoader>> = const { Cell::new(None) };
    static EN: Gate = const { Gate::new() };
    static ZH: Gate = const { Gate::new() };
}

fn gate(lang: Lang) -> &'static std::thread::LocalKey<Gate> {
    match lang {
        Lang::En => &EN,
        Lang::ZhCn => &ZH,
    }
}

/// Installs the loader (once, at start).
pub fn install(loader: TextsLoader) {
    LOADER.with(|l| l.set(Some(loader)));
}

/// True once a language's texts are there.
pub fn ready(lang: Lang) -> bool {
    gate_ready(gate(lang))
}

/// Fetches a language's texts (once; later calls wait for the same fetch,
/// or resolve at once when they are there). A failed fetch can be tried
/// again.
pub fn load(lang: Lang) -> impl Future<Output = Result<(), String>> {
    let fetch = LOADER.with(Cell::get).map(|l| match lang {
        Lang::En => l.en,
        Lang::ZhCn => l.zh,
    });
    gate_load(gate(lang), fetch)
}

/// The other language of the switch.
pub fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::ZhCn,
        Lang::ZhCn => Lang::En,
    }
}

/// Element id of the notice shown when the opening language's texts did
/// not load, for tests.
pub const UNLOADED_ID: &str = "texts-unloaded";

/// Says that the texts of `lang` did not load (`reason`), with a button
/// that tries again and calls `then` once they are there. Plain DOM calls
/// and the messages the module always carries: nothing else can speak yet.
pub fn show_unloaded(lang: Lang, reason: &str, then: Rc<dyn Fn()>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    if let Some(old) = document.get_element_by_id(UNLOADED_ID) {
        old.remove();
    }
    // A landmark with the page's name, as the page itself has.
    let Ok(notice) = document.create_element("main") else {
        return;
    };
    notice.set_id(UNLOADED_ID);
    let _ = notice.set_attribute("class", "texts-unloaded");
    if let Ok(h1) = document.create_element("h1") {
        h1.set_text_content(Some("maildns"));
        let _ = notice.append_child(&h1);
    }
    if let Ok(p) = document.create_element("p") {
        let text = i18n::fill(
            i18n::text(lang, code::ui::TEXTS_FAILED),
            &[("reason", reason.to_string())],
        );
        p.set_text_content(Some(&text));
        let _ = p.set_attribute("role", "alert");
        let _ = notice.append_child(&p);
    }
    if let Ok(button) = document.create_element("button") {
        button.set_text_content(Some(i18n::text(lang, code::ui::TEXTS_RETRY)));
        let _ = button.set_attribute("type", "button");
        let _ = button.set_attribute("data-action", "retry-texts");
        let retry = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(UNLOADED_ID))
            {
                let _ = el.set_attribute("aria-busy", "true");
            }
            let then = then.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match load(lang).await {
                    Ok(()) => {
                        if let Some(el) = web_sys::window()
                            .and_then(|w| w.document())
                            .and_then(|d| d.get_element_by_id(UNLOADED_ID))
                        {
                            el.remove();
                        }
                        then();
                    }
                    Err(reason) => show_unloaded(lang, &reason, then),
                }
            });
        });
        if let Some(el) = button.dyn_ref::<web_sys::HtmlElement>() {
            el.set_onclick(Some(retry.as_ref().unchecked_ref()));
        }
        retry.forget();
        let _ = notice.append_child(&button);
    }
    let app = document.get_element_by_id("app");
    match app {
        Some(app) => {
            let _ = app.append_child(&notice);
        }
        None => {
            if let Some(body) = document.body() {
                let _ = body.prepend_with_node_1(&notice);
            }
        }
    }
}
