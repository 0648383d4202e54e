//! The `tlsa.*` codes, declared once; code elsewhere names them as
//! `code::tlsa::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    DIGEST_LENGTH = "tlsa.digest_length",
    FULL_DATA = "tlsa.full_data",
    NO_DATA = "tlsa.no_data",
    NONE = "tlsa.none",
    PKIX_USAGE = "tlsa.pkix_usage",
    PRESENT = "tlsa.present",
    UNKNOWN_MATCHING = "tlsa.unknown_matching",
    UNKNOWN_SELECTOR = "tlsa.unknown_selector",
    UNKNOWN_USAGE = "tlsa.unknown_usage",
    WITHOUT_DNSSEC = "tlsa.without_dnssec",
}
