//! The message worker: Trunk builds this binary as a fourth wasm module
//! (`data-type="worker"` in index.html), fetched only when the page's
//! message test is first used (`maildns::worker::message`).

#[cfg(target_arch = "wasm32")]
fn main() {
    maildns::worker::message::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the message test runs in the page's Web Worker: serve the page with `./scripts/serve.sh`.");
}
