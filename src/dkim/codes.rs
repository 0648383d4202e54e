//! The codes of DKIM keys and selectors: `dkim.*`. Declared once; code elsewhere names them as
//! `code::dkim::NAME` ([`crate::i18n::code`]).
//!
//! A new code is declared here and given its texts in the catalogue
//! (`src/i18n/catalogue/`); a test checks that the two lists agree.

crate::i18n::code::declare_codes! {
    BAD_BASE64 = "dkim.bad_base64",
    BAD_KEY = "dkim.bad_key",
    BAD_VALUE = "dkim.bad_value",
    BAD_VERSION = "dkim.bad_version",
    DUPLICATE_TAG = "dkim.duplicate_tag",
    ED25519_SPKI = "dkim.ed25519_spki",
    FOUND = "dkim.found",
    IMPORT_UNRECOGNIZED = "dkim.import_unrecognized",
    IMPORT_UNSUPPORTED = "dkim.import_unsupported",
    KEY_TYPE_MISMATCH = "dkim.key_type_mismatch",
    MISSING = "dkim.missing",
    MISSING_KEY = "dkim.missing_key",
    MULTIPLE_RECORDS = "dkim.multiple_records",
    NO_SELECTOR_FOUND = "dkim.no_selector_found",
    NO_SHA256 = "dkim.no_sha256",
    NOT_FOR_EMAIL = "dkim.not_for_email",
    PKCS1_KEY = "dkim.pkcs1_key",
    PRIVATE_BAD_BASE64 = "dkim.private.bad_base64",
    PRIVATE_BAD_DER = "dkim.private.bad_der",
    PRIVATE_MISMATCH = "dkim.private.mismatch",
    PRIVATE_NOT_PEM = "dkim.private.not_pem",
    PRIVATE_OTHER_LABEL = "dkim.private.other_label",
    PRIVATE_UNSUPPORTED = "dkim.private.unsupported",
    REVOKED = "dkim.revoked",
    RSA_TOO_LONG = "dkim.rsa_too_long",
    RSA_TOO_SHORT = "dkim.rsa_too_short",
    RSA_WEAK = "dkim.rsa_weak",
    SELECTOR_GUESSED = "dkim.selector_guessed",
    SHA1 = "dkim.sha1",
    TESTING = "dkim.testing",
    TRAILING_SPACE = "dkim.trailing_space",
    UNKNOWN_HASH = "dkim.unknown_hash",
    UNKNOWN_KEY_TYPE = "dkim.unknown_key_type",
    UNKNOWN_TAG = "dkim.unknown_tag",
    VERSION_NOT_FIRST = "dkim.version_not_first",
}
