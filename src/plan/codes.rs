//! The codes of the mail plan and its stored copy: `plan.*`, `storage.*`. Declared once; code
//! elsewhere names them as `code::<prefix>::NAME` ([`crate::i18n::code`]).
//!
//! A new code is declared here and given its texts in the catalogue
//! (`src/i18n/catalogue/`); a test checks that the two lists agree.

/// `plan.*`
pub mod plan {
    crate::i18n::code::declare_codes! {
        AUTOCONFIG_TARGET_NO_ADDRESS = "plan.autoconfig_target_no_address",
        BACKUP_MX_NO_NAME = "plan.backup_mx_no_name",
        BAD_CIDR = "plan.bad_cidr",
        BAD_MAX_AGE = "plan.bad_max_age",
        BAD_MX_PATTERN = "plan.bad_mx_pattern",
        BAD_PRIORITY = "plan.bad_priority",
        BAD_REPORT_URI = "plan.bad_report_uri",
        CAA_BAD_IODEF = "plan.caa_bad_iodef",
        CAA_NO_ISSUER = "plan.caa_no_issuer",
        DIFFERENT = "plan.different",
        DKIM_ED25519_WITHOUT_RSA = "plan.dkim_ed25519_without_rsa",
        DKIM_NO_KEY = "plan.dkim_no_key",
        DKIM_NO_SELECTOR = "plan.dkim_no_selector",
        DKIM_NOT_ED25519 = "plan.dkim_not_ed25519",
        DKIM_NOT_RSA = "plan.dkim_not_rsa",
        DKIM_RSA_1024 = "plan.dkim_rsa_1024",
        DKIM_RSA_4096 = "plan.dkim_rsa_4096",
        DKIM_SAME_SELECTOR = "plan.dkim_same_selector",
        DKIM_SELECTOR_SUFFIX = "plan.dkim_selector_suffix",
        DKIM_SIZE_MISMATCH = "plan.dkim_size_mismatch",
        DOMAIN_IS_HOST = "plan.domain_is_host",
        DUPLICATE_HOST = "plan.duplicate_host",
        EXTRA = "plan.extra",
        HOST_NO_ADDRESS = "plan.host_no_address",
        MISSING = "plan.missing",
        MTA_STS_NO_WEB_ADDRESS = "plan.mta_sts_no_web_address",
        NO_MAIL_HOST = "plan.no_mail_host",
        NULL_MX_IGNORES_HOSTS = "plan.null_mx_ignores_hosts",
        OK = "plan.ok",
        PRIVATE_KEY_PASTED = "plan.private_key_pasted",
        RECORD_TOO_LARGE = "plan.record_too_large",
        SHADOWED = "plan.shadowed",
        SPF_EQUIVALENT = "plan.spf_equivalent",
        SPF_TOO_MANY_LOOKUPS = "plan.spf_too_many_lookups",
        TLS_RPT_NO_RUA = "plan.tls_rpt_no_rua",
        TLSA_BAD_DER = "plan.tlsa_bad_der",
        TLSA_BAD_PEM = "plan.tlsa_bad_pem",
        TLSA_NO_PEM = "plan.tlsa_no_pem",
        UNKNOWN_TTL_KIND = "plan.unknown_ttl_kind",
    }
}

/// `storage.*`
pub mod storage {
    crate::i18n::code::declare_codes! {
        BAD_VERSION = "storage.bad_version",
        KEY_SET_ASIDE = "storage.key_set_aside",
        KEY_SET_ASIDE_FAILED = "storage.key_set_aside_failed",
        NEWER_VERSION = "storage.newer_version",
        NOT_A_PLAN = "storage.not_a_plan",
        NOT_JSON = "storage.not_json",
        SET_ASIDE = "storage.set_aside",
        SET_ASIDE_FAILED = "storage.set_aside_failed",
        UNKNOWN_FORMAT = "storage.unknown_format",
    }
}
