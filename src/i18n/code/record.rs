//! The `record.*` codes, declared once; code elsewhere names them as
//! `code::record::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    BAD_TTL = "record.bad_ttl",
    TTL_HIGH = "record.ttl_high",
    TTL_LOW = "record.ttl_low",
    UNKNOWN_TYPE = "record.unknown_type",
}
