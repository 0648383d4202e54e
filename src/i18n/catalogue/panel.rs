//! Messages for records the chosen DNS panel cannot hold as generated
//! (`panel.*`, [`crate::export::limits`]): what is wrong and what to do.

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message {
        code: "panel.type_not_offered",
        en: "This panel does not offer {rtype} records, so the {rtype} record for {subject} cannot be added here. Publish it at a DNS provider that offers {rtype}, or leave it out (for TLSA: go without DANE; mail still flows).",
        zh: "此控制台不提供 {rtype} 记录类型，{subject} 的 {rtype} 记录无法在这里添加。请在提供 {rtype} 的 DNS 服务商处发布，或不发布它（TLSA：不使用 DANE，邮件照常收发）。",
    },
    Message {
        code: "panel.txt_too_long",
        en: "The {rtype} value for {subject} is {len} characters; this panel takes at most {max}. For a DKIM key, use a 2048-bit RSA key instead, or publish an Ed25519 key alongside under its own selector.",
        zh: "{subject} 的 {rtype} 记录值有 {len} 个字符，此控制台最多接受 {max} 个。如果是 DKIM 密钥，请改用 2048 位 RSA 密钥，或在另一个选择器下同时发布 Ed25519 密钥。",
    },
    Message {
        code: "panel.txt_characters",
        en: "The {rtype} value for {subject} contains “{char}”, which this panel's documentation does not list as allowed. If the panel refuses the value, remove or replace that character where the record allows it.",
        zh: "{subject} 的 {rtype} 记录值包含“{char}”，此控制台的文档未将其列为允许的字符。如果控制台拒绝此值，请在记录允许的情况下删除或替换该字符。",
    },
    Message {
        code: "panel.mx_priority_range",
        en: "The MX priority {priority} for {subject} is outside this panel's range of {min} to {max}. Use a value in that range; only the order of the priorities matters.",
        zh: "{subject} 的 MX 优先级 {priority} 超出此控制台的范围（{min} 到 {max}）。请使用该范围内的值；只有优先级之间的大小顺序有意义。",
    },
    Message {
        code: "panel.ttl_below_minimum",
        en: "The TTL {ttl} of the {rtype} record for {subject} is below this panel's minimum of {min} seconds. Enter {min} (or more); the record works the same, changes just take a little longer to be seen.",
        zh: "{subject} 的 {rtype} 记录 TTL 为 {ttl}，低于此控制台的最小值 {min} 秒。请填写 {min}（或更大）；记录照常生效，只是修改后生效稍慢。",
    },
];
