//! The root component: owns the reducer, keeps `<html lang>` and storage in
//! step with the chosen language, and lays out the page.

use super::check::CheckPage;
use super::components::{header::Header, tabs::Tabs};
use super::generate::GeneratePage;
use super::state::{Action, AppState, View};
use super::storage;
use crate::i18n::{self, Lang};
use yew::prelude::*;

fn initial_lang() -> Lang {
    storage::load_lang()
        .and_then(|t| Lang::from_tag(&t))
        .unwrap_or_else(|| {
            let tags = storage::browser_languages();
            Lang::from_browser(tags.iter().map(String::as_str))
        })
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let mut s = AppState::new(initial_lang());
        // A checker share link (`#check=...`) opens the Check half.
        if super::browser::fragment().starts_with("check=") {
            s.view = View::Check;
        }
        s
    });
    let lang = state.lang;

    use_effect_with(lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.tag());
        }
    });

    // Marks the moment the page is first interactive, for the benchmark.
    use_effect_with((), |_| {
        if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
            let _ = perf.mark("maildns-interactive");
        }
    });

    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang: Lang| {
            storage::save_lang(lang.tag());
            state.dispatch(Action::SetLang(lang));
        })
    };
    let on_view = {
        let state = state.clone();
        Callback::from(move |view: View| state.dispatch(Action::Show(view)))
    };
    let t = |code: &str| i18n::text(lang, code).to_string();

    html! {
        <>
            <Header {lang} {on_lang} />
            <main id="content" class="content">
                <Tabs {lang} view={state.view} on_select={on_view} />
                // Both halves stay mounted so that switching tabs keeps what
                // the user typed; the hidden one is `hidden`.
                <section class="panel" id="panel-generate" role="tabpanel" aria-labelledby="tab-generate"
                    hidden={state.view != View::Generate}>
                    <GeneratePage {lang} />
                </section>
                <section class="panel" id="panel-check" role="tabpanel" aria-labelledby="tab-check"
                    hidden={state.view != View::Check}>
                    <CheckPage {lang} />
                </section>
                <p class="privacy">{ t("ui.privacy") }</p>
            </main>
            <footer class="footer">
                <span>{ t("ui.footer") }</span>
                <span class="muted">{ t("ui.theme.note") }</span>
            </footer>
        </>
    }
}
