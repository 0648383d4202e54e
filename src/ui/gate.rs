//! One gate per part of the page's module that is called synchronously
//! once it is there (the plan's reader and writer, `codec`; the closed
//! sections' bodies, `generate::more`): whether it is there, the one fetch
//! under way and who waits for it, why the last fetch failed.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::thread::LocalKey;

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
