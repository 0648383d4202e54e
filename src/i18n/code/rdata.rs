//! The `rdata.*` codes, declared once; code elsewhere names them as
//! `code::rdata::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    BAD_HEX = "rdata.bad_hex",
    BAD_NUMBER = "rdata.bad_number",
    EMPTY = "rdata.empty",
    EXTRA_TEXT = "rdata.extra_text",
    GENERIC_LENGTH = "rdata.generic_length",
    GENERIC_MALFORMED = "rdata.generic_malformed",
    MISSING_FIELD = "rdata.missing_field",
}
