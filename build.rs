//! Asks the linker for relocations in the page's own wasm module (the
//! `maildns` binary, on wasm32 only): scripts/split.py needs them to split
//! the module at its `#[wasm_split]` points. Nothing else is linked
//! differently.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=maildns=--emit-relocs");
    }
}
