//! The `tagvalue.*` codes, declared once; code elsewhere names them as
//! `code::tagvalue::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    BAD_CHAR = "tagvalue.bad_char",
    BAD_NAME = "tagvalue.bad_name",
    EMPTY = "tagvalue.empty",
    EMPTY_TAG = "tagvalue.empty_tag",
    MISSING_EQUALS = "tagvalue.missing_equals",
}
