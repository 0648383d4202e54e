//! The `check.*` codes, declared once; code elsewhere names them as
//! `code::check::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    AREA_ADDRESSES = "check.area.addresses",
    AREA_CAA = "check.area.caa",
    AREA_DKIM = "check.area.dkim",
    AREA_DMARC = "check.area.dmarc",
    AREA_DNSSEC = "check.area.dnssec",
    /// The public blocklists (RFC 5782); its text is carried by the checker.
    AREA_BLOCKLISTS = "check.area.blocklists",
    AREA_MTA_STS = "check.area.mta_sts",
    AREA_MX = "check.area.mx",
    AREA_PLAN = "check.area.plan",
    AREA_PTR = "check.area.ptr",
    AREA_SPF = "check.area.spf",
    AREA_TLS_RPT = "check.area.tls_rpt",
    AREA_TLSA = "check.area.tlsa",
    COULD_NOT_CHECK = "check.could_not_check",
    DOMAIN_MISSING = "check.domain_missing",
    NOT_CHECKED = "check.not_checked",
    NOT_CHECKED_NO_HOST = "check.not_checked_no_host",
    REASON_NO_MAIL_HOST = "check.reason.no_mail_host",
    REPORT_ANSWERS = "check.report.answers",
    REPORT_COUNTS = "check.report.counts",
    REPORT_FIX = "check.report.fix",
    REPORT_META = "check.report.meta",
    REPORT_SUMMARY = "check.report.summary",
    REPORT_TITLE = "check.report.title",
    STATUS_COULD_NOT_CHECK = "check.status.could_not_check",
    STATUS_ERRORS = "check.status.errors",
    STATUS_OK = "check.status.ok",
    STATUS_WARNINGS = "check.status.warnings",
}
