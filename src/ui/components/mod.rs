//! One component per file; each takes data and callbacks as props.

#[allow(dead_code)] // used by the record table and the report (being built)
pub mod copy_button;
pub mod domain_field;
pub mod header;
pub mod lang_switch;
pub mod tabs;
