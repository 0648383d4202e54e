//! The `storage.*` codes, declared once; code elsewhere names them as
//! `code::storage::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    BAD_VERSION = "storage.bad_version",
    KEY_SET_ASIDE = "storage.key_set_aside",
    KEY_SET_ASIDE_FAILED = "storage.key_set_aside_failed",
    NEWER_VERSION = "storage.newer_version",
    NOT_A_PLAN = "storage.not_a_plan",
    NOT_JSON = "storage.not_json",
    SET_ASIDE = "storage.set_aside",
    SET_ASIDE_FAILED = "storage.set_aside_failed",
    UNKNOWN_FORMAT = "storage.unknown_format",
}
