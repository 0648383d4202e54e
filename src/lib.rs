//! maildns: the DNS records of a self-hosted mail domain, generated and
//! checked in the browser.
//!
//! The crate is a pure core and a thin shell:
//! - core (every module but `ui`, `web` and `worker`): record model,
//!   parsers and linters, the message catalogue, and the page state with its
//!   typed actions (`page`). Plain Rust with no DOM, network, clock or
//!   randomness; it builds and tests natively with `cargo test`.
//! - shell (`ui`, `web`, `worker`, wasm32 only): the yew page, the checker's
//!   Web Worker, and the browser glue they share, such as the IDNA converter
//!   each installs into the core at start-up (`web::idn`, behind
//!   `idn::install`). The web crates are wasm32-only dependencies, so the
//!   compiler refuses any use of them from the core.

pub mod adopt;
pub mod check;
pub mod csp;
pub mod dane;
pub mod dkim;
pub mod dmarc;
pub mod dns;
pub mod dnsbl;
pub mod export;
pub mod finding;
pub mod fixlist;
pub mod generate;
pub mod handoff;
pub mod i18n;
pub mod idn;
pub mod import;
pub mod message;
pub mod model;
pub mod mta_sts;
pub mod offload;
pub mod page;
pub mod plan;
pub mod share;
pub mod spf;
pub mod tagvalue;
pub mod tls_rpt;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// Browser glue shared by the page and the checker worker (wasm32 only).
#[cfg(target_arch = "wasm32")]
pub mod web;

/// The checker's Web Worker: runs what the page asks (`offload`).
#[cfg(target_arch = "wasm32")]
pub mod worker;
