//! The `panel.*` codes: records a DNS panel cannot hold as generated
//! ([`crate::export::limits::panel_findings`]), declared once.

crate::i18n::code::declare_codes! {
    /// The panel does not offer the record's type.
    TYPE_NOT_OFFERED = "panel.type_not_offered",
    /// The TXT value is longer than the panel takes.
    TXT_TOO_LONG = "panel.txt_too_long",
    /// The TXT value holds a character the panel's documentation does not list.
    TXT_CHARACTERS = "panel.txt_characters",
    /// The MX priority is outside the panel's range.
    MX_PRIORITY_RANGE = "panel.mx_priority_range",
    /// The TTL is below the panel's minimum.
    TTL_BELOW_MINIMUM = "panel.ttl_below_minimum",
}
