//! The catalogue's parts, one file per area. A new area adds its file here.

use super::Message;

mod name;
mod spf;
mod ui;

pub(super) const PARTS: &[&[Message]] = &[ui::MESSAGES, name::MESSAGES, spf::MESSAGES];
