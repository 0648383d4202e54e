//! The `uri.*` codes, declared once; code elsewhere names them as
//! `code::uri::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    BAD_CHAR = "uri.bad_char",
    BAD_HOST = "uri.bad_host",
    BAD_MAILTO = "uri.bad_mailto",
    BAD_PERCENT = "uri.bad_percent",
    EMPTY = "uri.empty",
    LOCAL_PART_TOO_LONG = "uri.local_part_too_long",
    NO_SCHEME = "uri.no_scheme",
}
