//! The `ptr.*` codes, declared once; code elsewhere names them as
//! `code::ptr::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    BAD_LABEL = "ptr.bad_label",
    CONFIRMED = "ptr.confirmed",
    MISMATCH = "ptr.mismatch",
    MISSING = "ptr.missing",
    NOT_HOST_NAME = "ptr.not_host_name",
    NOT_MX_NAME = "ptr.not_mx_name",
    NOT_REVERSE = "ptr.not_reverse",
    PARTIAL = "ptr.partial",
    ROOT_TARGET = "ptr.root_target",
}
