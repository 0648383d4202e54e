//! The page's entry point: Trunk builds this binary for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    maildns::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("maildns is a web page: serve it with `./scripts/serve.sh` (see README.md).");
}
