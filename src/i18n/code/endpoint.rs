//! The `endpoint.*` codes, declared once; code elsewhere names them as
//! `code::endpoint::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    BAD_CHARACTERS = "endpoint.bad_characters",
    CREDENTIALS = "endpoint.credentials",
    EMPTY = "endpoint.empty",
    HTTP_NOT_LOOPBACK = "endpoint.http_not_loopback",
    NOT_A_URL = "endpoint.not_a_url",
    NOT_HTTPS = "endpoint.not_https",
}
