//! The checker's Web Worker: Trunk builds this binary as a second wasm
//! module (`data-type="worker"` in index.html), which the page fetches
//! only when the Check half first needs it (`maildns::worker`).

#[cfg(target_arch = "wasm32")]
fn main() {
    maildns::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the checker runs in the page's Web Worker: serve the page with `./scripts/serve.sh`.");
}
