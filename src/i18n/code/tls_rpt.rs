//! The `tls_rpt.*` codes, declared once; code elsewhere names them as
//! `code::tls_rpt::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    BAD_EXTENSION = "tls_rpt.bad_extension",
    BAD_SCHEME = "tls_rpt.bad_scheme",
    BAD_VERSION = "tls_rpt.bad_version",
    DUPLICATE_RUA = "tls_rpt.duplicate_rua",
    DUPLICATE_TAG = "tls_rpt.duplicate_tag",
    EXTENSION = "tls_rpt.extension",
    MISSING = "tls_rpt.missing",
    MISSING_RUA = "tls_rpt.missing_rua",
    MULTIPLE_RECORDS = "tls_rpt.multiple_records",
    SPF_RECORD = "tls_rpt.spf_record",
    VERSION_PREFIX = "tls_rpt.version_prefix",
}
