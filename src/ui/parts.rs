//! What the page's binary hands the shell: the loaders of the parts split
//! off the page's module (src/main.rs holds the split points,
//! scripts/split.py splits them off at build time).

use super::check_half::{check_page, message_page, PartLoader};
use super::checker::ReplyReader;
use super::codec::CodecLoader;
use super::generate::MoreLoader;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::thread::LocalKey;

/// The parts of the page's module that are fetched on first use, each with
/// its loader (the page's binary, src/main.rs, holds the split points).
#[derive(Clone, Copy, PartialEq)]
pub struct Parts {
    pub check_half: PartLoader,
    pub message_half: PartLoader,
    pub replies: ReplyReader,
    /// Plans as text (`super::codec`).
    pub codec: CodecLoader,
    /// The bodies of the Generate half's closed sections.
    pub more: MoreLoader,
}

impl Parts {
    /// Every part already in the module, nothing to fetch (the shell's
    /// wasm-bindgen tests, which are not split).
    pub fn whole() -> Self {
        Parts {
            check_half: PartLoader(|| Box::pin(async { Ok(check_page()) })),
            message_half: PartLoader(|| Box::pin(async { Ok(message_page()) })),
            replies: ReplyReader::whole(),
            codec: CodecLoader::whole(),
            more: MoreLoader::whole(),
        }
    }
}

/// The fetching of a part that is called synchronously once there.
pub type PartFetch = Pin<Box<dyn Future<Output = Result<(), String>>>>;

/// Someone waiting for the fetch under way.
type Waiter = Rc<dyn Fn(Result<(), String>)>;

/// Where a part called synchronously once there stands: fetched yet, the
/// fetch under way and who waits for it, why the last one failed.
pub struct Gate {
    ready: Cell<bool>,
    busy: Cell<bool>,
    waiting: RefCell<Vec<Waiter>>,
    failure: RefCell<String>,
}

impl Gate {
    pub const fn new() -> Self {
        Gate {
            ready: Cell::new(false),
            busy: Cell::new(false),
            waiting: RefCell::new(Vec::new()),
            failure: RefCell::new(String::new()),
        }
    }
}

/// True once the part behind `gate` is there.
pub fn gate_ready(gate: &'static LocalKey<Gate>) -> bool {
    gate.with(|g| g.ready.get())
}

/// Why the last fetch behind `gate` failed (empty when none did).
pub fn gate_failure(gate: &'static LocalKey<Gate>) -> String {
    gate.with(|g| g.failure.borrow().clone())
}

/// Fetches the part behind `gate` with `fetch` (once; later calls wait for
/// the same fetch, or resolve at once when it is there). A failed fetch can
/// be tried again.
pub fn gate_load(
    gate: &'static LocalKey<Gate>,
    fetch: Option<fn() -> PartFetch>,
) -> impl Future<Output = Result<(), String>> {
    let (tx, rx) = futures::channel::oneshot::channel::<Result<(), String>>();
    let tx = RefCell::new(Some(tx));
    let done = move |r: Result<(), String>| {
        if let Some(tx) = tx.borrow_mut().take() {
            let _ = tx.send(r);
        }
    };
    if gate_ready(gate) {
        done(Ok(()));
    } else {
        gate.with(|g| g.waiting.borrow_mut().push(Rc::new(done)));
        if !gate.with(|g| g.busy.replace(true)) {
            wasm_bindgen_futures::spawn_local(async move {
                let result = match fetch {
                    Some(fetch) => fetch().await,
                    None => Err(String::from("the part's loader was not installed")),
                };
                let waiting = gate.with(|g| {
                    g.ready.set(result.is_ok());
                    if let Err(reason) = &result {
                        *g.failure.borrow_mut() = reason.clone();
                    }
                    g.busy.set(false);
                    std::mem::take(&mut *g.waiting.borrow_mut())
                });
                for w in waiting {
                    w(result.clone());
                }
            });
        }
    }
    async move {
        rx.await
            .unwrap_or_else(|_| Err(String::from("the part's fetch was dropped")))
    }
}
