//! The Check half is not part of the first view: its code (the form, the
//! report, the comparison, the what-if box) is a part of the page's module
//! (and so is the message test's, the same way)
//! that `scripts/split.py` splits off at build time, fetched the first time
//! the Check half is shown, or earlier when the browser is idle after the
//! first view, so that switching to Check on a good connection does not
//! wait. Until it is there, the panel says it is loading; when fetching it
//! failed, why, with a button to try again (the page's state keeps which,
//! `crate::page::app::Lazy`).

use super::check::CheckPage;
use super::checker::when_idle;
use super::components::lazy_line::{lazy_line, LazyWords};
use super::context::use_lang;
use crate::page::app::Lazy;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use yew::prelude::*;

/// Fetches the Check half's code and renders the Check half with it, or
/// says why the code did not come. The page's binary (src/main.rs) holds
/// the split point and hands this in: an exported split point in the
/// library would pull the Check half into the workers' modules too, which
/// link the same library.
#[derive(Clone, Copy)]
pub struct PartLoader(pub fn() -> PartFuture);

/// The loading of a part: the rendered half, or why its code did not come.
pub type PartFuture = Pin<Box<dyn Future<Output = Result<Html, String>>>>;

impl PartialEq for PartLoader {
    /// One loader for the page's lifetime.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The Check half as the split-off part renders it.
pub fn check_page() -> Html {
    html! { <CheckPage /> }
}

/// The message test as the split-off part renders it.
pub fn message_page() -> Html {
    html! { <super::message::MessagePage /> }
}

#[derive(Properties, PartialEq)]
pub struct LazyHalfProps {
    /// Which half: `check` or `message` (its class, the retry button's
    /// `data-action` `retry-<half>-half`, `data-half`).
    pub half: &'static str,
    /// The half is shown (or about to be).
    pub wanted: bool,
    /// Fetch its code when the browser is first idle after the first view
    /// (the Check half). The message test's is not: it is mounted as soon
    /// as its code is there and then starts its worker (175 KB gzip), which
    /// its first use needs anyway; prefetching its 38 KB would spend every
    /// visitor's data and, measured on the emulated mobile link, delayed
    /// the Check half's prefetch (Check tab after 2 s idle: 3 -> 879 ms).
    pub prefetch: bool,
    pub state: Lazy,
    pub on_state: Callback<Lazy>,
    pub load: PartLoader,
}

/// A half of the page whose code is a split-off part (the Check half, the
/// message test).
#[component]
pub fn LazyHalf(props: &LazyHalfProps) -> Html {
    let lang = use_lang();
    let body = use_state(|| None::<Html>);
    // One fetch at a time, whoever asks (the idle prefetch, the tab, retry).
    let busy = use_memo((), |_| Rc::new(Cell::new(false)));
    let load = {
        let body = body.clone();
        let busy = (*busy).clone();
        let on_state = props.on_state.clone();
        let fetch = props.load.0;
        Callback::from(move |()| {
            if busy.get() || body.is_some() {
                return;
            }
            busy.set(true);
            on_state.emit(Lazy::Loading);
            let (body, busy, on_state) = (body.clone(), busy.clone(), on_state.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match fetch().await {
                    Ok(html) => {
                        body.set(Some(html));
                        on_state.emit(Lazy::Ready);
                    }
                    Err(reason) => on_state.emit(Lazy::Failed(reason)),
                }
                busy.set(false);
            });
        })
    };
    {
        let load = load.clone();
        use_effect_with(props.prefetch, move |prefetch| {
            if *prefetch {
                when_idle(move || load.emit(()));
            }
        });
    }

    {
        // Shown: load now (again, after a failure the idle prefetch met).
        let load = load.clone();
        use_effect_with(props.wanted, move |wanted| {
            if *wanted {
                load.emit(());
            }
        });
    }
    if let Some(html) = &*body {
        return html.clone();
    }
    let retry = load.reform(|_: MouseEvent| ());
    // The line only where the Check half is shown: an idle prefetch that
    // failed says nothing until the user asks for the half.
    let action = if props.half == "check" {
        "retry-check-half"
    } else {
        "retry-message-half"
    };
    let line = if props.wanted {
        lazy_line(lang, &props.state, Some(retry), action, LazyWords::CHECKER)
    } else {
        html! {}
    };
    let word = props.state.word();
    html! {
        <div class={props.half} data-half={props.half} data-lazy-state={word}
            data-check-half={(props.half == "check").then_some(word)}>
            { line }
        </div>
    }
}
