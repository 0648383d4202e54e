//! The codes of the generated records: `generate.*`, `explain.*`. Declared once; code elsewhere
//! names them as `code::<prefix>::NAME` ([`crate::i18n::code`]).
//!
//! A new code is declared here and given its texts in the catalogue
//! (`src/i18n/catalogue/`); a test checks that the two lists agree.

/// `generate.*`
pub mod generate {
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
}

/// `explain.*`
pub mod explain {
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
}
