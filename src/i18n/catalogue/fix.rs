//! Messages of the numbered list of panel edits (`fix.*`,
//! [`crate::fixlist`]). Field labels are the words each panel's own form
//! shows: the Chinese panels' labels stay in Chinese in the English text,
//! since that is what the user sees in the console.

use crate::i18n::Message;

const fn m(code: &'static str, en: &'static str, zh: &'static str) -> Message {
    Message { code, en, zh }
}

pub(crate) const MESSAGES: &[Message] = &[
    m("fix.action.add", "Add", "添加"),
    m("fix.action.change", "Change", "修改"),
    m("fix.action.delete", "Delete", "删除"),
    m("fix.field.host", "Host (主机记录)", "主机记录"),
    m("fix.field.type", "Record type (记录类型)", "记录类型"),
    m("fix.field.value", "Record value (记录值)", "记录值"),
    m("fix.field.mx_priority", "MX priority (MX 优先级)", "MX 优先级"),
    m("fix.field.ttl", "TTL", "TTL"),
    m("fix.field.cf_type", "Type", "Type（类型）"),
    m("fix.field.cf_name", "Name", "Name（名称）"),
    m("fix.field.cf_content", "Content", "Content（内容）"),
    m("fix.field.cf_priority", "Priority", "Priority（优先级）"),
    m("fix.field.r53_name", "Record name", "Record name（记录名称）"),
    m("fix.field.r53_type", "Record type", "Record type（记录类型）"),
    m("fix.field.r53_value", "Value", "Value（值）"),
    m("fix.field.zone_line", "Zone file line", "区域文件行"),
    m(
        "fix.replaces",
        "The row to change now holds",
        "要修改的记录当前的值",
    ),
    m("fix.dig", "Confirm with", "用此命令确认"),
    m(
        "fix.visible_until",
        "Resolvers may keep showing the old value until {time} (local time).",
        "在 {time}（本地时间）之前，解析服务器可能仍返回旧值。",
    ),
    m(
        "fix.visible_unknown",
        "How long resolvers keep the old answer is not known here: a “no such record” answer is kept for the zone's negative-caching time (the SOA minimum, RFC 2308 §5), which the check does not ask for.",
        "此处无法得知解析服务器会将旧结果缓存多久：“记录不存在”的结果会按区域的否定缓存时间（SOA 记录的 minimum 字段，RFC 2308 §5）缓存，本检查不查询该值。",
    ),
];
