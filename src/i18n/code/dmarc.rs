//! The `dmarc.*` codes, declared once; code elsewhere names them as
//! `code::dmarc::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    BAD_REPORT_SIZE = "dmarc.bad_report_size",
    BAD_VALUE = "dmarc.bad_value",
    BAD_VERSION = "dmarc.bad_version",
    DUPLICATE_TAG = "dmarc.duplicate_tag",
    EXTERNAL_AUTHORIZED = "dmarc.external_authorized",
    EXTERNAL_REPORT = "dmarc.external_report",
    EXTERNAL_UNAUTHORIZED = "dmarc.external_unauthorized",
    FALLBACK_NONE = "dmarc.fallback_none",
    FO_CONFLICT = "dmarc.fo_conflict",
    FO_WITHOUT_RUF = "dmarc.fo_without_ruf",
    IGNORED = "dmarc.ignored",
    INHERITED = "dmarc.inherited",
    MISSING = "dmarc.missing",
    MISSING_P = "dmarc.missing_p",
    MONITORING = "dmarc.monitoring",
    MULTIPLE_RECORDS = "dmarc.multiple_records",
    NO_RUA = "dmarc.no_rua",
    NON_MAILTO = "dmarc.non_mailto",
    OBSOLETE_SIZE = "dmarc.obsolete_size",
    P_NOT_SECOND = "dmarc.p_not_second",
    REMOVED_TAG = "dmarc.removed_tag",
    SP_NONE = "dmarc.sp_none",
    SPF_RECORD = "dmarc.spf_record",
    TESTING = "dmarc.testing",
    UNKNOWN_TAG = "dmarc.unknown_tag",
}
