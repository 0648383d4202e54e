//! The tools worker: Trunk builds this binary as a third wasm module
//! (`data-type="worker"` in index.html), fetched only when the page first
//! needs an export for another tool (`maildns::worker::tools`).

#[cfg(target_arch = "wasm32")]
fn main() {
    maildns::worker::tools::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the export tools run in the page's Web Worker: serve the page with `./scripts/serve.sh`.");
}
