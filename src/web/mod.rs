//! Browser glue shared by the page (`ui`) and the checker worker
//! (`worker`): wasm32 only. Everything here works in a window and in a
//! Web Worker alike (it goes through the global scope, never `window`).
//! `idn` is what every entry point installs into the core at start-up.

pub mod clock;
pub mod idn;
