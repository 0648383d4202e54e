//! The `explain.*` codes, declared once; code elsewhere names them as
//! `code::explain::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    A = "explain.a",
    AAAA = "explain.aaaa",
    CAA_IODEF = "explain.caa_iodef",
    CAA_ISSUE = "explain.caa_issue",
    DKIM = "explain.dkim",
    DKIM_ED25519 = "explain.dkim_ed25519",
    DMARC = "explain.dmarc",
    DMARC_NULL = "explain.dmarc_null",
    DMARC_REPORT_AUTH = "explain.dmarc_report_auth",
    MTA_STS = "explain.mta_sts",
    MTA_STS_HOST = "explain.mta_sts_host",
    MX = "explain.mx",
    MX_BACKUP = "explain.mx_backup",
    NULL_MX = "explain.null_mx",
    SPF = "explain.spf",
    SPF_NULL = "explain.spf_null",
    SRV = "explain.srv",
    SRV_NOT_OFFERED = "explain.srv_not_offered",
    TLS_RPT = "explain.tls_rpt",
    TLSA = "explain.tlsa",
}
