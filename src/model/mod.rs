//! The record model: names, and the typed records a mail domain publishes.

pub mod address;
pub mod mx;
pub mod name;
pub mod presentation;
pub mod ptr;
pub mod txt;

pub use mx::Mx;
pub use name::{Name, NameError, NameKind};
pub use presentation::{RdataError, RdataErrorKind};
pub use ptr::Ptr;
pub use txt::Txt;
