//! The `fix.*` codes: the words of the numbered list of panel edits
//! ([`crate::fixlist`]): what to do with a row, the field labels each DNS
//! panel's form shows, and when the change will be seen. Declared once.

crate::i18n::code::declare_codes! {
    /// Add a row.
    ACTION_ADD = "fix.action.add",
    /// Change an existing row's value.
    ACTION_CHANGE = "fix.action.change",
    /// Delete a row.
    ACTION_DELETE = "fix.action.delete",
    /// Aliyun, DNSPod, Huawei: 主机记录.
    FIELD_HOST = "fix.field.host",
    /// Aliyun, DNSPod, Huawei: 记录类型.
    FIELD_TYPE = "fix.field.type",
    /// Aliyun, DNSPod, Huawei: 记录值.
    FIELD_VALUE = "fix.field.value",
    /// Aliyun, DNSPod: MX 优先级.
    FIELD_MX_PRIORITY = "fix.field.mx_priority",
    /// Every panel: TTL.
    FIELD_TTL = "fix.field.ttl",
    /// Cloudflare: Type.
    FIELD_CF_TYPE = "fix.field.cf_type",
    /// Cloudflare: Name.
    FIELD_CF_NAME = "fix.field.cf_name",
    /// Cloudflare: Content.
    FIELD_CF_CONTENT = "fix.field.cf_content",
    /// Cloudflare: Priority (MX, SRV).
    FIELD_CF_PRIORITY = "fix.field.cf_priority",
    /// Route 53: Record name.
    FIELD_R53_NAME = "fix.field.r53_name",
    /// Route 53: Record type.
    FIELD_R53_TYPE = "fix.field.r53_type",
    /// Route 53: Value.
    FIELD_R53_VALUE = "fix.field.r53_value",
    /// A BIND zone file: the whole line.
    FIELD_ZONE_LINE = "fix.field.zone_line",
    /// The value a Change replaces (the row to look for).
    REPLACES = "fix.replaces",
    /// The `dig` command that shows the edit is published.
    DIG = "fix.dig",
    /// Resolvers may keep the old answer until `{time}` (local time).
    VISIBLE_UNTIL = "fix.visible_until",
    /// The old answer gave no TTL: when the change is seen is not known.
    VISIBLE_UNKNOWN = "fix.visible_unknown",
}
