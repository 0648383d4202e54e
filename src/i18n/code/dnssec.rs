//! The `dnssec.*` codes, declared once; code elsewhere names them as
//! `code::dnssec::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    UNSIGNED = "dnssec.unsigned",
    VALIDATED = "dnssec.validated",
}
