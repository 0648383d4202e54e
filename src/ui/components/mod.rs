//! One component per file; each takes data and callbacks as props.

pub mod copy_button;
pub mod domain_field;
pub mod header;
pub mod lang_switch;
pub mod lazy_line;
pub mod tabs;
