//! The `share.*` codes, declared once; code elsewhere names them as
//! `code::share::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    BAD_BASE64 = "share.bad_base64",
    BAD_COMPRESSION = "share.bad_compression",
    BAD_JSON = "share.bad_json",
    BAD_VERSION = "share.bad_version",
    TOO_LARGE = "share.too_large",
}
