//! The `generate.*` codes, declared once; code elsewhere names them as
//! `code::generate::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    MTA_STS_SERVE_POLICY = "generate.mta_sts_serve_policy",
    NO_DKIM = "generate.no_dkim",
    OTHER_ZONE = "generate.other_zone",
    OTHER_ZONE_REPORT_AUTH = "generate.other_zone_report_auth",
    PTR_NEEDED = "generate.ptr_needed",
    PTR_REQUEST = "generate.ptr_request",
    RECORD_ERROR = "generate.record_error",
    TLSA_NEEDS_DNSSEC = "generate.tlsa_needs_dnssec",
}
