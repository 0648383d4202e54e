//! The shell: the yew page. wasm32 only; everything here renders state and
//! sends actions. The state and its actions are `crate::page` (pure, tested
//! natively); parsing and rules live in the core. Shared things (the
//! language, the Generate half's state) travel by context (`context`).

mod app;
pub mod browser;
mod check;
mod check_half;
pub use check_half::{check_page, message_page, PartFuture, PartLoader};
pub use checker::ReplyReader;
mod checker;
pub mod codec;
mod parts;
pub use generate::more::{body as more_body, MoreLoader, Section};
pub use parts::Parts;
mod components;
pub mod connect_policy;
mod context;
mod dkim_keygen;
mod gate;
pub(crate) mod generate;
mod message;
pub mod panic;
mod reducers;
pub mod storage;
pub mod texts;

/// Mounts the page into `<main id="app">`, after installing the panic hook
/// so that any later panic shows a visible error instead of a dead page, and
/// the browser's IDNA converter, before anything parses a name.
///
/// The texts of the page's language come first (`texts`: each language is
/// a part of the module); when they do not, the page says so in the few
/// words its module always carries, with a retry, and mounts once they
/// come. A share link, or a plan saved in this browser, is read before the
/// page shows: its reader (`codec`) is fetched beside the texts then. When
/// that fetch fails, the page still mounts, says so and reads or overwrites
/// nothing.
pub fn start(parts: Parts) {
    panic::install();
    crate::web::idn::install();
    codec::install(parts.codec);
    generate::more::install(parts.more);
    texts::install(parts.texts);
    let lang = app::initial_lang();
    wasm_bindgen_futures::spawn_local(async move {
        let plan = async {
            if generate::plan_to_read() {
                // A failure is remembered by `codec` and told by the Generate half.
                let _ = codec::load().await;
            }
        };
        let (texts, ()) = futures::future::join(texts::load(lang), plan).await;
        match texts {
            Ok(()) => mount(parts, lang),
            Err(reason) => texts::show_unloaded(lang, &reason, std::rc::Rc::new(move || mount(parts, lang))),
        }
    });
}

/// Mounts the page in `lang`, the language whose texts `start` fetched.
fn mount(parts: Parts, lang: crate::i18n::Lang) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps { parts, lang }).render();
        }
        None => panic::show_banner("the page has no element with id \"app\""),
    }
}
