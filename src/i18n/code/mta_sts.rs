//! The `mta_sts.*` codes, declared once; code elsewhere names them as
//! `code::mta_sts::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    BAD_EXTENSION = "mta_sts.bad_extension",
    BAD_ID = "mta_sts.bad_id",
    BAD_VERSION = "mta_sts.bad_version",
    DUPLICATE_TAG = "mta_sts.duplicate_tag",
    EXTENSION = "mta_sts.extension",
    FETCH_POLICY = "mta_sts.fetch_policy",
    HOST_MISSING = "mta_sts.host_missing",
    MISSING = "mta_sts.missing",
    MISSING_ID = "mta_sts.missing_id",
    MULTIPLE_RECORDS = "mta_sts.multiple_records",
    MX_NOT_COVERED = "mta_sts.mx_not_covered",
    POLICY_BAD_EXTENSION = "mta_sts.policy_bad_extension",
    POLICY_BAD_KEY = "mta_sts.policy_bad_key",
    POLICY_BAD_MAX_AGE = "mta_sts.policy_bad_max_age",
    POLICY_BAD_MODE = "mta_sts.policy_bad_mode",
    POLICY_BAD_MX = "mta_sts.policy_bad_mx",
    POLICY_BAD_VERSION = "mta_sts.policy_bad_version",
    POLICY_DUPLICATE_KEY = "mta_sts.policy_duplicate_key",
    POLICY_EXTENSION = "mta_sts.policy_extension",
    POLICY_MAX_AGE_TOO_LARGE = "mta_sts.policy_max_age_too_large",
    POLICY_MISSING_MAX_AGE = "mta_sts.policy_missing_max_age",
    POLICY_MISSING_MODE = "mta_sts.policy_missing_mode",
    POLICY_MISSING_MX = "mta_sts.policy_missing_mx",
    POLICY_MISSING_VERSION = "mta_sts.policy_missing_version",
    POLICY_MODE_NONE = "mta_sts.policy_mode_none",
    POLICY_NON_ASCII_MX = "mta_sts.policy_non_ascii_mx",
    POLICY_NOT_KEY_VALUE = "mta_sts.policy_not_key_value",
    POLICY_SHORT_MAX_AGE = "mta_sts.policy_short_max_age",
    POLICY_TESTING = "mta_sts.policy_testing",
    POLICY_TOO_LARGE = "mta_sts.policy_too_large",
    SPF_RECORD = "mta_sts.spf_record",
    VERSION_PREFIX = "mta_sts.version_prefix",
}
