//! The `caa.*` codes, declared once; code elsewhere names them as
//! `code::caa::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    BAD_IODEF = "caa.bad_iodef",
    BAD_ISSUER = "caa.bad_issuer",
    BAD_PARAMETER = "caa.bad_parameter",
    BAD_TAG = "caa.bad_tag",
    INHERITED = "caa.inherited",
    NO_ISSUANCE = "caa.no_issuance",
    NONE = "caa.none",
    PRESENT = "caa.present",
    RESERVED_FLAGS = "caa.reserved_flags",
    TAG_TOO_LONG = "caa.tag_too_long",
    UNKNOWN_CRITICAL = "caa.unknown_critical",
    UNKNOWN_TAG = "caa.unknown_tag",
}
