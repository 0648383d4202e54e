//! The `mx.*` codes, declared once; code elsewhere names them as
//! `code::mx::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    DUPLICATE_TARGET = "mx.duplicate_target",
    IP_LITERAL = "mx.ip_literal",
    NO_ADDRESS = "mx.no_address",
    NONE = "mx.none",
    NULL = "mx.null",
    NULL_PREFERENCE = "mx.null_preference",
    NULL_WITH_OTHERS = "mx.null_with_others",
    TARGET_CNAME = "mx.target_cname",
}
