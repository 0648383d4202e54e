//! The root component: owns the page-wide state and the Generate half's
//! state, hands the language and the Generate state down by context, keeps
//! `<html lang>` and storage in step with the chosen language, and lays out
//! the page.

use super::check_half::LazyHalf;
use super::checker::{self, Checker};
use super::components::{
    header::{header, HeaderProps},
    tabs::{tabs, TabsProps},
};
use super::context::{make_callback, CheckerContext, GenHandle, ToolsContext};
use super::generate::{self, GeneratePage};
use super::storage;
use crate::dns::endpoint::parse_check_link;
use crate::i18n::code;
use crate::i18n::{self, Lang};
use crate::page::app::{Action, AppState, Lazy, View};
use crate::share;
use yew::prelude::*;

/// The stored choice, else the browser's languages (the boot script,
/// scripts/csp.py, makes the same choice to preload that language's texts).
pub(super) fn initial_lang() -> Lang {
    storage::load_lang()
        .and_then(|t| Lang::from_tag(&t))
        .unwrap_or_else(|| {
            let tags = storage::browser_languages();
            Lang::from_browser(tags.iter().map(String::as_str))
        })
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub parts: super::parts::Parts,
    /// The language the page opens in (`initial_lang`), whose texts
    /// `super::start` fetched before mounting.
    pub lang: Lang,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let opening_lang = props.lang;
    let state = use_reducer(move || AppState::opening(opening_lang, &super::browser::fragment()));
    let gen: GenHandle = use_reducer(generate::initial_state);
    let lang = state.lang;
    let checker = {
        let dispatcher = state.dispatcher();
        let replies = props.parts.replies;
        use_memo((), move |_| {
            Checker::new(
                Callback::from(move |s| dispatcher.dispatch(Action::Checker(s))),
                replies,
            )
        })
    };
    // The export writer: loaded only when the export box asks for it.
    let replies = props.parts.replies;
    let tools = use_memo((), move |_| {
        ToolsContext(Checker::tools(Callback::noop(), replies))
    });
    let checker = CheckerContext {
        checker: (*checker).clone(),
        state: state.checker.clone(),
    };

    // The checker is not part of the first view: it is fetched when the
    // browser is first idle after it (or at once, when asked for earlier).
    {
        let checker = checker.checker.clone();
        use_effect_with((), move |_| checker::when_idle(move || checker.load()));
    }
    // Nor are the plan's reader and writer (`super::codec`) and the closed
    // sections' bodies (`generate::more`) on a first visit: fetched when
    // idle while the Generate half is shown, after the Check half's code and
    // the checker (which the Check tab waits for; these wait for nothing the user sees:
    // a save, a share link or an opened section fetches them at once). A
    // check link does not fetch them before the Generate half is shown.
    let settled = |lazy: &Lazy| matches!(lazy, Lazy::Ready | Lazy::Failed(_));
    // The other language's texts: fetched when idle once the Check half's
    // code and the checker have come, so the switch answers at once.
    let prefetch_other_lang = settled(&state.check_half) && settled(&state.checker);
    use_effect_with(prefetch_other_lang, move |prefetch| {
        if *prefetch {
            // The service worker starts then (scripts/csp.py waits for this
            // mark): its install stores every file of the page, which would
            // otherwise share the network with what the Check tab waits for.
            if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
                let _ = perf.mark("maildns-settled");
            }
            checker::when_idle(move || {
                // A failure is told by the switch, if it is ever used.
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = super::texts::load(super::texts::other(lang)).await;
                })
            });
        }
    });
    let prefetch_generate =
        state.view == View::Generate && settled(&state.check_half) && settled(&state.checker);
    use_effect_with(prefetch_generate, |prefetch| {
        if *prefetch {
            checker::when_idle(|| {
                // A failure is told where the plan is saved or shared.
                wasm_bindgen_futures::spawn_local(async {
                    let _ = super::codec::load().await;
                })
            });
        }
    });
    {
        let checker = checker.checker.clone();
        use_effect_with(state.view, move |view| {
            if *view == View::Check {
                checker.load();
            }
        });
    }

    // A plan made from published records ("Use as my plan" in the Check
    // half, or a zone export) is shown in the Generate half, where every
    // field can be edited.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(gen.adoptions, move |n| {
            if *n > 0 {
                dispatcher.dispatch(Action::Show(View::Generate));
            }
        });
    }

    // The language shown, stored once the user changed it (the one the
    // page opened in is not a choice).
    let opened_in = use_mut_ref(|| lang);
    use_effect_with(lang, move |lang| {
        if *opened_in.borrow() != *lang {
            *opened_in.borrow_mut() = *lang;
            storage::save_lang(lang.tag());
        }
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

    // A link pasted into the address bar of the open page shows its half.
    {
        let dispatcher = state.dispatcher();
        super::browser::use_fragment_change(move |fragment: String| {
            if parse_check_link(&fragment).is_some() {
                dispatcher.dispatch(Action::Show(View::Check));
            } else if share::is_share_fragment(&fragment) {
                dispatcher.dispatch(Action::Show(View::Generate));
            }
        });
    }
    // A language whose texts are not there yet (`super::texts`) is shown
    // once they come, if it is still the one asked for; the switch says
    // meanwhile that they are coming, or why they did not, with a retry.
    // The choice is stored once shown (the effect on `lang` above).
    let on_lang = {
        let dispatcher = state.dispatcher();
        Callback::from(move |lang: Lang| {
            if super::texts::ready(lang) {
                dispatcher.dispatch(Action::SetLang(lang));
                return;
            }
            dispatcher.dispatch(Action::LangTexts(lang, Lazy::Loading));
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let state = match super::texts::load(lang).await {
                    Ok(()) => Lazy::Ready,
                    Err(reason) => Lazy::Failed(reason),
                };
                dispatcher.dispatch(Action::LangTexts(lang, state));
            });
        })
    };
    let on_view = make_callback(&state, Action::Show);

    let t = |code: &str| i18n::text(lang, code).to_string();

    html! {
        <ContextProvider<Lang> context={lang}>
        <ContextProvider<GenHandle> context={gen}>
        <ContextProvider<CheckerContext> context={checker}>
        <ContextProvider<ToolsContext> context={(*tools).clone()}>
            { header(lang, &yew::props!(HeaderProps { on_lang, asked: state.asked_lang.clone() })) }
            <main id="content" class="content">
                { tabs(lang, &yew::props!(TabsProps { view: state.view, on_select: on_view })) }
                // Both halves stay mounted so that switching tabs keeps what
                // the user typed; the hidden one is `hidden`.
                <section class="panel" id="panel-generate" role="tabpanel" aria-labelledby="tab-generate"
                    hidden={state.view != View::Generate}>
                    <GeneratePage prefetch={prefetch_generate} />
                </section>
                <section class="panel" id="panel-check" role="tabpanel" aria-labelledby="tab-check"
                    hidden={state.view != View::Check}>
                    <LazyHalf half="check" wanted={state.view == View::Check} prefetch=true
                        state={state.check_half.clone()}
                        on_state={make_callback(&state, Action::CheckHalf)} load={props.parts.check_half} />
                </section>
                <section class="panel" id="panel-message" role="tabpanel" aria-labelledby="tab-message"
                    hidden={state.view != View::Message}>
                    <LazyHalf half="message" wanted={state.view == View::Message} prefetch=false
                        state={state.message_half.clone()}
                        on_state={make_callback(&state, Action::MessageHalf)} load={props.parts.message_half} />
                </section>
                <p class="privacy">{ t(code::ui::PRIVACY) }</p>
            </main>
            <footer class="footer">
                <span>{ t(code::ui::FOOTER) }</span>
                <span class="muted">{ t(code::ui::THEME_NOTE) }</span>
            </footer>
        </ContextProvider<ToolsContext>>
        </ContextProvider<CheckerContext>>
        </ContextProvider<GenHandle>>
        </ContextProvider<Lang>>
    }
}
