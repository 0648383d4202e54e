//! Page state as data: what each half of the page holds, the typed actions
//! that change it, and a pure `apply` per half that is the whole reducer.
//!
//! Nothing here touches the DOM, storage, the network or a clock, so the
//! state compiles and is tested natively (`cargo test`, `page::tests`); the
//! shell (`crate::ui`, wasm32 only) implements `yew::Reducible` by calling
//! `apply`, renders the state, and performs the side effects the state asks
//! for (saving, starting a check run).
//!
//! - [`app`]: language and which half is shown;
//! - [`generate`]: the plan form, with [`plan_edit::PlanEdit`] as its edits;
//! - [`check`]: the check form, its runs and reports;
//! - [`export`]: the Generate half's box of exports for other tools;
//! - [`message`]: the message test;
//! - [`tabs`]: the keyboard of the tabs.
//! - [`whatif`]: the Check half's draft SPF record box.

pub mod app;
pub mod check;
pub mod export;
pub mod generate;
pub mod message;
pub mod plan_edit;
pub mod tabs;
pub mod whatif;

#[cfg(test)]
mod spf_tests;
#[cfg(test)]
mod tests;
