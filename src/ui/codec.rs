//! Plans as text: the stored plan (`crate::plan::stored`), share links
//! (`crate::share`), the plan a worker adopted and the plan a download
//! asks the tools worker to write. Reading them takes
//! serde_json's parser, the derived readers of every plan field, DEFLATE
//! and base64, about 51 KB (gzip) of the page's module that a first visit
//! (no saved plan, no share link) does not use before the first edit. So
//! this code is a part split off the page's module (`plan_codec` in
//! src/main.rs), fetched:
//!
//! - before the page mounts, when the URL is a share link or the browser
//!   holds a saved plan ([`needed_at_start`]; the boot script preloads its
//!   file beside the page's own then, scripts/csp.py);
//! - otherwise when the browser is first idle after the first view;
//! - at the latest when a save, a share link or an adopted plan needs it
//!   (they wait for it: [`with`]).
//!
//! The loader is installed once, at start, like the storage it serves:
//! the persistence code runs in reducers' initialisers and effects, which
//! have no props to carry it.

use super::gate::{gate_failure, gate_load, gate_ready, Gate, PartFetch};
use crate::plan::stored::{self, StoredPlanError};
use crate::plan::MailPlan;
use crate::share::{self, ShareError};
use std::cell::Cell;
use std::future::Future;

/// One use of the codec.
pub enum Op {
    ReadStored(String),
    ReadShare(String),
    WriteStored(Box<MailPlan>),
    WriteShare(Box<MailPlan>),
    /// The plan as an export request carries it (`ExportRequest::plan_json`).
    WriteRequestPlan(Box<MailPlan>),
}

/// What an [`Op`] gave.
pub enum Out {
    Stored(Result<MailPlan, StoredPlanError>),
    Shared(Result<MailPlan, ShareError>),
    Text(String),
}

/// The codec itself: what the split point in src/main.rs runs.
pub fn run(op: Op) -> Out {
    match op {
        Op::ReadStored(text) => Out::Stored(stored::decode(&text)),
        Op::ReadShare(fragment) => Out::Shared(share::decode(&fragment)),
        Op::WriteStored(plan) => Out::Text(stored::encode(&plan)),
        Op::WriteShare(plan) => Out::Text(share::encode(&plan)),
        Op::WriteRequestPlan(plan) => Out::Text(crate::offload::ExportRequest::plan_json(&plan)),
    }
}

/// What the page's binary hands in: the part's fetch, and the call into it
/// (`None` while the part is not there).
#[derive(Clone, Copy)]
pub struct CodecLoader {
    pub fetch: fn() -> PartFetch,
    pub call: fn(Op) -> Option<Out>,
}

impl PartialEq for CodecLoader {
    /// One loader for the page's lifetime.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl CodecLoader {
    /// The codec already in the module (the shell's wasm-bindgen tests,
    /// which are not split).
    pub fn whole() -> Self {
        CodecLoader {
            fetch: || Box::pin(async { Ok(()) }),
            call: |op| Some(run(op)),
        }
    }
}

thread_local! {
    static LOADER: Cell<Option<CodecLoader>> = const { Cell::new(None) };
    static GATE: Gate = const { Gate::new() };
}

/// Why the last fetch of the part failed (empty when none did).
pub fn failure() -> String {
    gate_failure(&GATE)
}

/// Installs the loader (once, at start).
pub fn install(loader: CodecLoader) {
    LOADER.with(|l| l.set(Some(loader)));
}

/// True once the part is there: [`now`] then answers.
pub fn ready() -> bool {
    gate_ready(&GATE)
}

/// Runs `op` when the part is there; `None` otherwise.
pub fn now(op: Op) -> Option<Out> {
    if !ready() {
        return None;
    }
    LOADER.with(Cell::get).and_then(|l| (l.call)(op))
}

/// Fetches the part (once; later calls wait for the same fetch, or resolve
/// at once when it is there). A failed fetch can be tried again.
pub fn load() -> impl Future<Output = Result<(), String>> {
    gate_load(&GATE, LOADER.with(Cell::get).map(|l| l.fetch))
}

/// Runs `op` once the part is there, at once when it is; `Err` with the
/// network's reason when it could not be fetched.
pub async fn with(op: Op) -> Result<Out, String> {
    load().await?;
    now(op).ok_or_else(|| String::from("the plan reader did not answer"))
}

/// Hands a plan a worker adopted to the Generate half, read by the codec
/// (fetched first when it is not there yet).
pub fn adopt(gen: &crate::ui::context::GenHandle, adopted: crate::adopt::AdoptedPlan) {
    use crate::page::generate::{adopted_action, Action};
    let gen = gen.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match with(Op::ReadStored(adopted.plan.clone())).await {
            Ok(Out::Stored(read)) => gen.dispatch(adopted_action(adopted, read)),
            Ok(_) => {}
            Err(reason) => gen.dispatch(Action::ImportFailed(crate::page::app::Lazy::part_unavailable(
                &reason,
            ))),
        }
    });
}

/// The stored text of `plan`, when the part is there.
pub fn write_stored(plan: &MailPlan) -> Option<String> {
    match now(Op::WriteStored(Box::new(plan.clone())))? {
        Out::Text(t) => Some(t),
        _ => None,
    }
}

/// The plan in stored text, when the part is there.
pub fn read_stored(text: &str) -> Option<Result<MailPlan, StoredPlanError>> {
    match now(Op::ReadStored(text.to_string()))? {
        Out::Stored(r) => Some(r),
        _ => None,
    }
}

/// The plan of a share link, when the part is there.
pub fn read_share(fragment: &str) -> Option<Result<MailPlan, ShareError>> {
    match now(Op::ReadShare(fragment.to_string()))? {
        Out::Shared(r) => Some(r),
        _ => None,
    }
}
