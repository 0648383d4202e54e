//! The page's side of its workers (the checker, and the tools that write
//! exports): loads one the first time it is needed (the checker also when
//! the browser is idle after the first view), passes it requests and hands
//! each reply to whoever asked.
//!
//! Loading, and why it is done this way:
//! - The worker's two files (wasm-bindgen's no-modules glue and the wasm)
//!   are named, with their SHA-384, in `<meta name="maildns-checker">`,
//!   which the build writes into index.html (scripts/csp.py). Both are
//!   fetched at once with `integrity`, so the browser refuses a file that
//!   is not the one this page was built with (Subresource Integrity,
//!   W3C SRI §3.3.5), the same guarantee the page's own files have.
//! - The worker is started from a `blob:` URL made of the checked glue and
//!   a few lines of start-up; the checked wasm bytes are then handed to it
//!   (transferred, not copied). A `blob:` worker inherits the page's
//!   Content-Security-Policy (CSP3 §4.2.5 / HTML "initialize a worker
//!   global scope's policy container"), so the checker's DoH requests are
//!   held to the page's connect-src. A worker started from the file's own
//!   URL would run under no policy at all on GitHub Pages, which sends no
//!   CSP header. The price is `worker-src blob:` in the policy.
//! - The readers of the replies (serde_json and the derived readers of the
//!   report, the adopted plan, the exports: about a tenth of the page's
//!   module) are a part split off the page's module (src/main.rs), fetched
//!   beside the worker's files; the worker counts as loaded when both are.
//! - Requests sent while the worker loads wait in a queue. If loading
//!   fails (network, a file that does not match, a worker that does not
//!   start), every waiting request gets a [`Reply::Refused`] and the page
//!   shows the failure with a retry button; nothing waits forever.

use crate::offload::{Reply, VERSION};
use crate::page::app::Lazy;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};
use yew::Callback;

/// How long the worker may take to start once its files are here, and
/// how long the files may take to arrive: a slow link gets a long time,
/// but never forever.
const LOAD_TIMEOUT_MS: i32 = 90_000;

/// Reads the workers' replies. The page's binary hands it in (src/main.rs
/// holds the split point): the reading code is a part of the page's module
/// fetched with the worker.
#[derive(Clone, Copy)]
pub struct ReplyReader {
    /// Fetches the part; resolves at once when it is there.
    pub fetch: fn() -> ReaderFetch,
    /// Reads one reply, once `fetch` succeeded.
    pub read: fn(&str) -> Result<Reply, String>,
}

/// The fetching of the reply reader's part.
pub type ReaderFetch = Pin<Box<dyn Future<Output = Result<(), String>>>>;

impl PartialEq for ReplyReader {
    /// One reader for the page's lifetime.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl ReplyReader {
    /// The reader in the page's module itself (the shell's tests).
    pub fn whole() -> Self {
        ReplyReader {
            fetch: || Box::pin(async { Ok(()) }),
            read: Reply::from_json,
        }
    }
}

/// The files of the worker, as the build named them.
struct Manifest {
    js: String,
    js_integrity: String,
    wasm: String,
    wasm_integrity: String,
}

fn manifest(name: &str) -> Result<Manifest, String> {
    let meta = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("meta[name=\"maildns-{name}\"]"))
                .ok()
                .flatten()
        })
        .ok_or_else(|| format!("the page names no {name} (meta maildns-{name})"))?;
    let get = |attr: &str| {
        meta.get_attribute(attr)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| format!("meta maildns-{name} has no {attr}"))
    };
    Ok(Manifest {
        js: get("data-js")?,
        js_integrity: get("data-js-integrity")?,
        wasm: get("data-wasm")?,
        wasm_integrity: get("data-wasm-integrity")?,
    })
}

/// Fetches one file, refused by the browser unless its hash is `integrity`.
async fn fetch_checked(url: &str, integrity: &str) -> Result<web_sys::Response, String> {
    let response = gloo_net::http::Request::get(url)
        .integrity(integrity)
        .send()
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    Ok(web_sys::Response::from(response))
}

async fn js_value<T: JsCast>(promise: Result<js_sys::Promise, JsValue>, url: &str) -> Result<T, String> {
    let promise = promise.map_err(|e| format!("{url}: {e:?}"))?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| format!("{url}: {e:?}"))?
        .dyn_into::<T>()
        .map_err(|_| format!("{url}: unexpected body"))
}

/// The worker's start-up, after the glue: wait for the wasm bytes, start
/// the module (whose `main` says Ready), or report why it could not.
const START: &str = ";onmessage=function(e){onmessage=null;\
var f=function(r){postMessage(JSON.stringify({Refused:{id:null,reason:\"start: \"+r}}))};\
try{wasm_bindgen({module_or_path:e.data}).catch(f)}catch(r){f(r)}};";

/// Fetches both files, checks them and starts the worker with the bytes.
async fn spawn(name: &str) -> Result<Worker, String> {
    let m = manifest(name)?;
    let (glue, wasm) = futures::future::join(
        fetch_checked(&m.js, &m.js_integrity),
        fetch_checked(&m.wasm, &m.wasm_integrity),
    )
    .await;
    let glue: js_sys::JsString = js_value(glue?.text(), &m.js).await?;
    let bytes: js_sys::ArrayBuffer = js_value(wasm?.array_buffer(), &m.wasm).await?;
    let parts = js_sys::Array::of2(&glue, &JsValue::from_str(START));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("blob: {e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("blob URL: {e:?}"))?;
    let worker = Worker::new(&url).map_err(|e| format!("worker: {e:?}"));
    // The worker has read its script once it runs; the URL is not needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    let worker = worker?;
    worker
        .post_message_with_transfer(&bytes, &js_sys::Array::of1(&bytes))
        .map_err(|e| format!("worker: {e:?}"))?;
    Ok(worker)
}

/// A listener on the worker, kept alive while it is attached.
type Listener = Closure<dyn FnMut(JsValue)>;

struct Inner {
    /// Which worker: `checker`, `tools` or `message` (its meta and its messages).
    name: &'static str,
    reader: ReplyReader,
    /// The reply reader is here (it stays once fetched).
    reader_ready: Cell<bool>,
    /// What the worker said before the reader was here, in order.
    unread: RefCell<Vec<(u32, String)>>,
    state: RefCell<Lazy>,
    worker: RefCell<Option<Worker>>,
    /// Requests that wait for the worker to be ready.
    /// Requests that wait for the worker to be ready, as JSON text.
    queue: RefCell<Vec<String>>,
    /// Who asked each request still open.
    waiting: RefCell<HashMap<u32, Callback<Reply>>>,
    next_id: Cell<u32>,
    /// Incremented on each load, so events of an abandoned worker are ignored.
    generation: Cell<u32>,
    on_state: Callback<Lazy>,
    listeners: RefCell<Vec<Listener>>,
}

/// The handle the page shares by context.
#[derive(Clone)]
pub struct Checker(Rc<Inner>);

impl PartialEq for Checker {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Checker {
    /// The checker, not loaded yet; `on_state` hears each change of its state.
    pub fn new(on_state: Callback<Lazy>, reader: ReplyReader) -> Self {
        Self::named("checker", on_state, reader)
    }

    /// The worker that writes exports for other tools, not loaded yet.
    pub fn tools(on_state: Callback<Lazy>, reader: ReplyReader) -> Self {
        Self::named("tools", on_state, reader)
    }

    /// Another worker (`message`: the one that tests messages), not
    /// loaded yet, whose replies are read by the same reader: the view
    /// that needs it makes it, so the first view carries none of it.
    pub fn sibling(&self, name: &'static str, on_state: Callback<Lazy>) -> Self {
        Self::named(name, on_state, self.0.reader)
    }

    fn named(name: &'static str, on_state: Callback<Lazy>, reader: ReplyReader) -> Self {
        Checker(Rc::new(Inner {
            name,
            reader,
            reader_ready: Cell::new(false),
            unread: RefCell::new(Vec::new()),
            state: RefCell::new(Lazy::NotLoaded),
            worker: RefCell::new(None),
            queue: RefCell::new(Vec::new()),
            waiting: RefCell::new(HashMap::new()),
            next_id: Cell::new(0),
            generation: Cell::new(0),
            on_state,
            listeners: RefCell::new(Vec::new()),
        }))
    }

    fn set_state(&self, state: Lazy) {
        *self.0.state.borrow_mut() = state.clone();
        self.0.on_state.emit(state);
    }

    /// Starts loading, unless it is loading or loaded. Also a retry after
    /// a failure.
    pub fn load(&self) {
        if matches!(*self.0.state.borrow(), Lazy::Loading | Lazy::Ready) {
            return;
        }
        let generation = self.0.generation.get().wrapping_add(1);
        self.0.generation.set(generation);
        self.set_state(Lazy::Loading);
        let this = self.clone();
        // The worker's listeners go on as soon as it exists (a message sent
        // before would be lost); what it says before the reply reader is
        // here waits, in order, until the reader is.
        wasm_bindgen_futures::spawn_local(async move {
            match spawn(this.0.name).await {
                Ok(worker) if this.0.generation.get() == generation => this.attach(worker, generation),
                Ok(worker) => worker.terminate(),
                Err(reason) => this.fail(generation, reason),
            }
        });
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match (this.0.reader.fetch)().await {
                Ok(()) => {
                    this.0.reader_ready.set(true);
                    let held = std::mem::take(&mut *this.0.unread.borrow_mut());
                    for (held_generation, text) in held {
                        this.receive(held_generation, &text);
                    }
                }
                Err(reason) => this.fail(generation, reason),
            }
        });
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            crate::web::clock::sleep_ms(LOAD_TIMEOUT_MS).await;
            if this.0.generation.get() == generation && *this.0.state.borrow() == Lazy::Loading {
                let name = this.0.name;
                this.fail(generation, format!("the {name} did not start in time"));
            }
        });
    }

    fn attach(&self, worker: Worker, generation: u32) {
        let this = self.clone();
        let on_message = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let text = event
                .dyn_into::<MessageEvent>()
                .ok()
                .and_then(|e| e.data().as_string())
                .unwrap_or_default();
            this.receive(generation, &text);
        });
        let this = self.clone();
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let detail = event
                .dyn_into::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .unwrap_or_else(|_| "error".to_string());
            this.fail(generation, format!("worker: {detail}"));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        *self.0.listeners.borrow_mut() = vec![on_message, on_error];
        *self.0.worker.borrow_mut() = Some(worker);
    }

    fn receive(&self, generation: u32, text: &str) {
        if generation != self.0.generation.get() {
            return;
        }
        if !self.0.reader_ready.get() {
            self.0.unread.borrow_mut().push((generation, text.to_string()));
            return;
        }
        let reply = match (self.0.reader.read)(text) {
            Ok(reply) => reply,
            Err(reason) => return self.fail(generation, format!("unreadable reply: {reason}")),
        };
        match reply {
            Reply::Ready { version } if version == VERSION => {
                self.set_state(Lazy::Ready);
                let queued = std::mem::take(&mut *self.0.queue.borrow_mut());
                for request in queued {
                    self.post(request);
                }
            }
            Reply::Ready { version } => self.fail(
                generation,
                format!("the {} speaks version {version}, the page {VERSION}", self.0.name),
            ),
            // Before Ready, a refusal without id is a start that failed.
            Reply::Refused { id: None, reason } if *self.0.state.borrow() == Lazy::Loading => {
                self.fail(generation, reason)
            }
            Reply::Texts { texts } => crate::i18n::keep(texts),
            reply => self.deliver(reply),
        }
    }

    fn deliver(&self, reply: Reply) {
        let (id, last) = match &reply {
            Reply::Progress { id, .. } => (Some(*id), false),
            Reply::Finished { id, .. }
            | Reply::Raced { id, .. }
            | Reply::WhatIf { id, .. }
            | Reply::SpfTargets { id, .. }
            | Reply::Exported { id, .. }
            | Reply::Adopted { id, .. }
            | Reply::ImportRefused { id, .. }
            | Reply::Message { id, .. }
            | Reply::Dane { id, .. } => (Some(*id), true),
            Reply::Refused { id, .. } => (*id, true),
            Reply::Ready { .. } | Reply::Texts { .. } => (None, false),
        };
        let Some(id) = id else {
            return;
        };
        let callback = if last {
            self.0.waiting.borrow_mut().remove(&id)
        } else {
            self.0.waiting.borrow().get(&id).cloned()
        };
        if let Some(callback) = callback {
            callback.emit(reply);
        }
    }

    /// Loading failed: says so, and answers every open request.
    fn fail(&self, generation: u32, reason: String) {
        if generation != self.0.generation.get() {
            return;
        }
        // Events of this worker are ignored from now on.
        self.0.generation.set(generation.wrapping_add(1));
        if let Some(worker) = self.0.worker.borrow_mut().take() {
            worker.terminate();
        }
        // The listeners stay until the next worker replaces them: this may
        // run inside one of them.
        self.0.queue.borrow_mut().clear();
        self.0.unread.borrow_mut().clear();
        let waiting: Vec<(u32, Callback<Reply>)> = self.0.waiting.borrow_mut().drain().collect();
        self.set_state(Lazy::Failed(reason.clone()));
        for (id, callback) in waiting {
            callback.emit(Reply::Refused {
                id: Some(id),
                reason: reason.clone(),
            });
        }
    }

    fn post(&self, request: String) {
        let sent = self
            .0
            .worker
            .borrow()
            .as_ref()
            .map(|w| w.post_message(&JsValue::from_str(&request)));
        if !matches!(sent, Some(Ok(()))) {
            let generation = self.0.generation.get();
            let name = self.0.name;
            self.fail(generation, format!("the {name} did not take the request"));
        }
    }

    /// Sends a request (made from the id it is given); `on_reply` hears
    /// every reply to it, the last one included. Loads the worker first
    /// when needed.
    ///
    /// `R` is the part of [`crate::offload::Request`] the caller sends
    /// ([`crate::offload::GenerateRequest`], `CheckRequest`,
    /// `MessageWorkerRequest`: the same JSON), so that each writer is
    /// compiled where it is used: the Check half's and the message test's
    /// in their own parts, not in the first view.
    pub fn ask<R: serde::Serialize>(&self, make: impl FnOnce(u32) -> R, on_reply: Callback<Reply>) {
        let id = self.0.next_id.get().wrapping_add(1);
        self.0.next_id.set(id);
        // Plain data to a String cannot fail; an empty text would be
        // refused by the worker, never misread.
        let request = serde_json::to_string(&make(id)).unwrap_or_default();
        self.0.waiting.borrow_mut().insert(id, on_reply);
        let ready = *self.0.state.borrow() == Lazy::Ready;
        if ready {
            self.post(request);
        } else {
            self.0.queue.borrow_mut().push(request);
            self.load();
        }
    }
}

/// Calls `f` when the browser is next idle (or after two seconds where
/// `requestIdleCallback` does not exist): for prefetching the checker
/// without competing with the first view.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(f);
    let global = js_sys::global();
    let idle = js_sys::Reflect::get(&global, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(request_idle) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(
                &options,
                &JsValue::from_str("timeout"),
                &JsValue::from_f64(5000.0),
            );
            let _ = request_idle.call2(&global, &callback, &options);
        }
        None => {
            if let Ok(set_timeout) = js_sys::Reflect::get(&global, &JsValue::from_str("setTimeout"))
                .and_then(|v| v.dyn_into::<js_sys::Function>())
            {
                let _ = set_timeout.call2(&global, &callback, &JsValue::from_f64(2000.0));
            }
        }
    }
}
