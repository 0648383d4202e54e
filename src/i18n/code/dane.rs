//! The `dane.*` codes, declared once; code elsewhere names them as
//! `code::dane::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    BAD_BASE64 = "dane.bad_base64",
    BAD_DER = "dane.bad_der",
    CERT_ONLY = "dane.cert_only",
    NEEDS_CERTIFICATE = "dane.needs_certificate",
    NO_CHAIN = "dane.no_chain",
    NO_MATCH = "dane.no_match",
    NO_PEM = "dane.no_pem",
    NO_RECORDS = "dane.no_records",
    OTHER_BLOCK = "dane.other_block",
    PRIVATE_KEY = "dane.private_key",
    RECORD_MATCHES = "dane.record_matches",
    RECORD_UNMATCHED = "dane.record_unmatched",
    ROLLOVER = "dane.rollover",
    SAME_KEY = "dane.same_key",
    TA_MATCHES_LEAF = "dane.ta_matches_leaf",
    TA_NOT_SENT = "dane.ta_not_sent",
    TOO_LARGE = "dane.too_large",
    TOO_MANY_BLOCKS = "dane.too_many_blocks",
    TRUNCATED_DER = "dane.truncated_der",
    UNTERMINATED = "dane.unterminated",
    UNUSABLE = "dane.unusable",
    /// The audit report's paste box (TLSA area): its words.
    BOX = "dane.box",
    BOX_HELP = "dane.box.help",
    BOX_PASTE = "dane.box.paste",
    BOX_COMPARE = "dane.box.compare",
    BOX_MATCHES = "dane.box.matches",
    BOX_ROLLOVER = "dane.box.rollover",
    BOX_COMMAND = "dane.box.command",
}
