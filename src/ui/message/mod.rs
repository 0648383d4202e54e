//! The message test's view (issue 18): paste a received message or open
//! an `.eml`, and see its DKIM signatures, SPF and DMARC as this page
//! finds them, beside what the receiving server wrote.
//!
//! This code is a part split off the page's module (src/main.rs); the work
//! runs in the message worker (`worker::message`), which also brings the
//! view's words (`catalogue::MESSAGE_UI`): until it is there, the view
//! says it is loading, or why it failed, with a retry.

mod report;

use crate::i18n::code::message_view as code;
use crate::i18n::{self, Lang};
use crate::message::view::{outcome_from_json, HopChoice};
use crate::message::MAX_MESSAGE_BYTES;
use crate::offload::{MessageWorkerRequest, Reply};
use crate::page::app::Lazy;
use crate::page::message::{MessageAction, MessageInput, MessageRun, MessageState, NotReady};
use crate::ui::check::endpoint_picker::EndpointPicker;
use crate::ui::checker::Checker;
use crate::ui::components::lazy_line::{lazy_line, LazyWords};
use crate::ui::context::{use_checker, use_lang};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

type Handle = UseReducerHandle<MessageState>;

fn textarea_value() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("message-source"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        .map(|t| t.value())
        .unwrap_or_default()
}

/// Reads a chosen or dropped file as bytes (at most the limit and one).
fn read_file(file: web_sys::File, state: Handle) {
    let size = file.size() as u64;
    let cap = (MAX_MESSAGE_BYTES + 1) as f64;
    let blob: web_sys::Blob = if file.size() > cap {
        file.slice_with_f64_and_f64(0.0, cap)
            .unwrap_or_else(|_| file.clone().into())
    } else {
        file.clone().into()
    };
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
            .await
            .ok()
            .map(|b| js_sys::Uint8Array::new(&b).to_vec())
            .unwrap_or_default();
        state.dispatch(MessageAction::File {
            name,
            bytes: Rc::new(bytes),
            size,
        });
    });
}

/// Sends the message as `state` holds it, with `hop`.
fn send(state: &Handle, worker: &Checker, next: MessageState, problem: &UseStateHandle<Option<NotReady>>) {
    let now = (js_sys::Date::now() / 1000.0) as u64;
    let request = match next.request(0, now) {
        Ok(r) => r,
        Err(why) => {
            problem.set(Some(why));
            return;
        }
    };
    problem.set(None);
    let on_reply = {
        let state = state.clone();
        Callback::from(move |reply: Reply| match reply {
            Reply::Message { id, outcome } => match outcome_from_json(&outcome) {
                Ok(outcome) => state.dispatch(MessageAction::Replied(id, Rc::new(outcome))),
                Err(reason) => {
                    state.dispatch(MessageAction::Failed(id, format!("unreadable reply: {reason}")))
                }
            },
            Reply::Refused { id, reason } => state.dispatch(MessageAction::Failed(id.unwrap_or(0), reason)),
            _ => {}
        })
    };
    let dispatcher = state.dispatcher();
    worker.ask(
        move |id| {
            dispatcher.dispatch(MessageAction::Started(id));
            MessageWorkerRequest::Message(crate::offload::MessageRequest { id, ..request })
        },
        on_reply,
    );
}

#[component]
pub fn MessagePage() -> Html {
    let lang = use_lang();
    let checker = use_checker();
    let state = use_reducer(MessageState::default);
    let problem = use_state(|| None::<NotReady>);
    // The message worker, made by this view (its code is not in the first
    // view), with the reader of the checker's replies.
    let worker = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            checker.map(|c| {
                c.checker.sibling(
                    "message",
                    Callback::from(move |s| dispatcher.dispatch(MessageAction::Worker(s))),
                )
            })
        })
    };
    // The worker brings the view's words: load it as the view opens.
    {
        let worker = (*worker).clone();
        use_effect_with((), move |_| {
            if let Some(w) = worker {
                w.load();
            }
        });
    }
    let Some(worker) = (*worker).clone() else {
        return html! {};
    };
    if state.worker != Lazy::Ready {
        let retry = {
            let worker = worker.clone();
            Callback::from(move |_: MouseEvent| worker.load())
        };
        return html! {
            <div class="message-test" data-message-worker={state.worker.word()}>
                { lazy_line(lang, &state.worker, Some(retry), "retry-message-worker", LazyWords::CHECKER) }
            </div>
        };
    }
    let t = |c: &str| i18n::text(lang, c).to_string();

    let on_run = {
        let (state, worker, problem) = (state.clone(), worker.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = (*state).clone();
            if !matches!(next.input, MessageInput::File { .. }) {
                let text = textarea_value();
                state.dispatch(MessageAction::Paste(text.clone()));
                next.apply(MessageAction::Paste(text));
            }
            send(&state, &worker, next, &problem);
        })
    };
    let on_hop = {
        let (state, worker, problem) = (state.clone(), worker.clone(), problem.clone());
        Callback::from(move |hop: HopChoice| {
            state.dispatch(MessageAction::Hop(hop));
            let mut next = (*state).clone();
            next.apply(MessageAction::Hop(hop));
            send(&state, &worker, next, &problem);
        })
    };
    let on_file = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            {
                read_file(file, state.clone());
            }
        })
    };
    let on_drop = {
        let state = state.clone();
        Callback::from(move |e: DragEvent| {
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                e.prevent_default();
                read_file(file, state.clone());
            }
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_forget = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(MessageAction::ForgetFile))
    };
    let on_endpoint = {
        let state = state.clone();
        Callback::from(move |f| state.dispatch(MessageAction::Endpoint(f)))
    };

    let running = matches!(state.run, MessageRun::Running { .. });
    let run_word = match &state.run {
        MessageRun::Idle => "idle",
        MessageRun::Running { .. } => "running",
        MessageRun::Done(_) => "done",
        MessageRun::Failed(_) => "failed",
    };
    let file = match &state.input {
        MessageInput::File { name, size, .. } => Some(html! {
            <p class="help" id="message-file-chosen">
                { i18n::fill(&t(code::FILE_CHOSEN), &[("name", name.clone()), ("size", size.to_string())]) }
                { " " }
                <button type="button" class="button small" data-action="forget-file" onclick={on_forget}>
                    { t(code::FORGET_FILE) }
                </button>
            </p>
        }),
        MessageInput::Pasted(_) => None,
    };
    let problem_line = match *problem {
        Some(NotReady::Empty) => {
            html! { <p class="help error" role="alert" data-problem="empty">{ t(code::EMPTY) }</p> }
        }
        Some(NotReady::Endpoint(e)) => html! {
            <p class="help error" role="alert" data-problem="endpoint">{ i18n::text(lang, e.code()) }</p>
        },
        None => html! {},
    };
    let limit = i18n::fill(
        &t(code::LIMIT),
        &[("max", (MAX_MESSAGE_BYTES / (1024 * 1024)).to_string())],
    );
    html! {
        <div class="message-test" data-message-worker="ready" data-run={run_word}
            data-finished={state.finished.to_string()}>
            <h2>{ t(code::TITLE) }</h2>
            <p class="help">{ t(code::INTRO) }</p>
            <p class="help muted">{ t(code::WHERE) }</p>
            <div class="field">
                <label for="message-source">{ t(code::SOURCE) }</label>
                <textarea id="message-source" rows="10" spellcheck="false" autocomplete="off"
                    disabled={file.is_some()} ondrop={on_drop} ondragover={on_dragover}
                    aria-describedby="message-limit" />
            </div>
            <div class="field">
                <label for="message-file">{ t(code::FILE) }</label>
                <input type="file" id="message-file" accept=".eml,message/rfc822,text/plain" onchange={on_file} />
                <p class="help muted" id="message-limit">{ limit }</p>
                { for file }
            </div>
            <EndpointPicker id="message-ep" label={crate::i18n::code::ui::CHECK_ENDPOINT}
                form={state.endpoint.clone()} on_change={on_endpoint}
                domain={AttrValue::default()} selectors={AttrValue::default()} />
            <div class="actions">
                <button type="button" class="button primary" data-action="test-message" onclick={on_run} disabled={running}>
                    { t(code::RUN) }
                </button>
            </div>
            { problem_line }
            { body(lang, &state, on_hop) }
        </div>
    }
}

fn body(lang: Lang, state: &MessageState, on_hop: Callback<HopChoice>) -> Html {
    match &state.run {
        MessageRun::Idle => html! {},
        MessageRun::Running { .. } => html! {
            <p class="help" role="status" data-message-running="">{ i18n::text(lang, code::RUNNING) }</p>
        },
        MessageRun::Failed(reason) => html! {
            <p class="help error" role="alert" data-message-failed="">
                { i18n::fill(i18n::text(lang, code::FAILED), &[("reason", reason.clone())]) }
            </p>
        },
        MessageRun::Done(outcome) => match outcome.as_ref() {
            Ok(o) => report::report(lang, o, state.hop, on_hop),
            Err(f) => html! {
                <ul class="findings message-refused" role="alert">
                    { crate::ui::check::finding_item::finding_item(lang, &yew::props!(
                        crate::ui::check::finding_item::FindingItemProps { area: "message", finding: f.clone() })) }
                </ul>
            },
        },
    }
}
