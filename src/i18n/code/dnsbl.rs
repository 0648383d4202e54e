//! The `dnsbl.*` codes, declared once; code elsewhere names them as
//! `code::dnsbl::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    LISTED = "dnsbl.listed",
    NOT_A_LIST_ANSWER = "dnsbl.not_a_list_answer",
    NOT_LISTED = "dnsbl.not_listed",
    QUESTION_FAILED = "dnsbl.question_failed",
    REFUSED = "dnsbl.refused",
    TEST_ENTRY_MISSING = "dnsbl.test_entry_missing",
    TEST_ENTRY_UNEXPECTED = "dnsbl.test_entry_unexpected",
    /// The report's table of verdicts: its column heads, verdict words and
    /// the delisting link.
    COLUMN_LIST = "dnsbl.column.list",
    COLUMN_SUBJECT = "dnsbl.column.subject",
    COLUMN_VERDICT = "dnsbl.column.verdict",
    VERDICT_LISTED = "dnsbl.verdict.listed",
    VERDICT_NOT_LISTED = "dnsbl.verdict.not_listed",
    VERDICT_UNKNOWN = "dnsbl.verdict.unknown",
}
