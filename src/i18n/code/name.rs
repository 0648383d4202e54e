//! The `name.*` codes, declared once; code elsewhere names them as
//! `code::name::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    BAD_CHAR = "name.bad_char",
    BAD_IDN = "name.bad_idn",
    EMPTY = "name.empty",
    EMPTY_LABEL = "name.empty_label",
    HYPHEN_EDGE = "name.hyphen_edge",
    IP_LITERAL = "name.ip_literal",
    LABEL_TOO_LONG = "name.label_too_long",
    NUMERIC_TLD = "name.numeric_tld",
    RESERVED_TLD = "name.reserved_tld",
    TOO_LONG = "name.too_long",
    UNDERSCORE = "name.underscore",
}
