//! The `srv.*` codes, declared once; code elsewhere names them as
//! `code::srv::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    NOT_OFFERED_PORT = "srv.not_offered_port",
    NOT_OFFERED_WITH_OTHERS = "srv.not_offered_with_others",
    PORT_ZERO = "srv.port_zero",
}
