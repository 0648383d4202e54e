//! The `txt.*` codes, declared once; code elsewhere names them as
//! `code::txt::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    BAD_ESCAPE = "txt.bad_escape",
    ESCAPE_RANGE = "txt.escape_range",
    LARGE = "txt.large",
    NO_STRINGS = "txt.no_strings",
    STRING_TOO_LONG = "txt.string_too_long",
    UNTERMINATED_QUOTE = "txt.unterminated_quote",
}
