//! The record model: names, and the typed records a mail domain publishes.

pub mod name;

pub use name::{Name, NameError, NameKind};
