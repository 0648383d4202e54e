//! Texts of the message test's view (`ui::message`), carried by the
//! message worker when it starts.

use crate::i18n::Message;

pub(super) const MESSAGES: &[Message] = &[
    Message {
        code: "message_view.title",
        en: "Test a message you received",
        zh: "测试收到的邮件",
    },
    Message {
        code: "message_view.intro",
        en: "Send a message from your server to a mailbox elsewhere, open it there, and paste its whole source here. The page verifies its DKIM signatures, SPF and DMARC itself and sets them beside what the receiving server wrote. The message stays in this browser: only DNS questions leave it.",
        zh: "从你的服务器发一封邮件到其他邮箱，在那里打开它，把完整的邮件原文粘贴到这里。本页自行验证其 DKIM 签名、SPF 和 DMARC，并与收件服务器写下的结果对照。邮件只留在本浏览器中，发出的只有 DNS 查询。",
    },
    Message {
        code: "message_view.where",
        en: "Where to find the source: Gmail \u{22ee} \u{2192} Show original; Outlook on the web \u{2026} \u{2192} View \u{2192} View message source; Thunderbird View \u{2192} Message Source (Ctrl+U); QQ Mail / 163 Mail: More \u{2192} View original (显示邮件原文).",
        zh: "原文在哪里：Gmail 点 \u{22ee} →“显示原始邮件”；Outlook 网页版 … → 查看 → 查看邮件源；Thunderbird 查看 → 消息源（Ctrl+U）；QQ 邮箱 / 网易 163 邮箱：更多 →“显示邮件原文”。",
    },
    Message {
        code: "message_view.source",
        en: "Message source (header fields and body)",
        zh: "邮件原文（头部字段和正文）",
    },
    Message {
        code: "message_view.file",
        en: "Or open an .eml file",
        zh: "或打开一个 .eml 文件",
    },
    Message {
        code: "message_view.file_chosen",
        en: "File {name}, {size} bytes, read as bytes (DKIM signs bytes, so nothing is converted).",
        zh: "文件 {name}，{size} 字节，按原始字节读取（DKIM 签名针对字节，因此不做任何转换）。",
    },
    Message {
        code: "message_view.forget_file",
        en: "Use the text box instead",
        zh: "改用文本框",
    },
    Message {
        code: "message_view.limit",
        en: "Up to {max} MiB.",
        zh: "最大 {max} MiB。",
    },
    Message {
        code: "message_view.run",
        en: "Test the message",
        zh: "测试这封邮件",
    },
    Message {
        code: "message_view.running",
        en: "Testing: asking DNS for the keys and policies\u{2026}",
        zh: "正在测试：向 DNS 查询密钥和策略……",
    },
    Message {
        code: "message_view.empty",
        en: "Paste a message or open a file first.",
        zh: "请先粘贴邮件原文或打开一个文件。",
    },
    Message {
        code: "message_view.failed",
        en: "The test could not run: {reason}",
        zh: "测试无法运行：{reason}",
    },
    Message {
        code: "message_view.summary",
        en: "Results as this page finds them now",
        zh: "本页此刻的验证结果",
    },
    Message {
        code: "message_view.notes",
        en: "About the message itself",
        zh: "关于邮件本身",
    },
    Message {
        code: "message_view.dkim_heading",
        en: "DKIM signatures ({count})",
        zh: "DKIM 签名（{count} 个）",
    },
    Message {
        code: "message_view.dkim_none",
        en: "The message has no DKIM-Signature field: it was not signed, so DMARC can pass only through an aligned SPF pass, which forwarding breaks. Sign outgoing mail (RFC 6376) with the key the generator makes.",
        zh: "这封邮件没有 DKIM-Signature 字段：它未经签名，因此 DMARC 只能依靠对齐的 SPF 通过，而转发会使 SPF 失效。请用生成器生成的密钥为外发邮件签名（RFC 6376）。",
    },
    Message {
        code: "message_view.signature",
        en: "Signature {n}, line {line}: d={domain}, s={selector}, {algorithm}",
        zh: "第 {n} 个签名，第 {line} 行：d={domain}，s={selector}，{algorithm}",
    },
    Message {
        code: "message_view.key",
        en: "Key record: {type}",
        zh: "密钥记录：{type}",
    },
    Message {
        code: "message_view.key_bits",
        en: "Key record: RSA, {bits} bits",
        zh: "密钥记录：RSA，{bits} 位",
    },
    Message {
        code: "message_view.body_length",
        en: "l={length}: {unsigned} bytes of the body are not signed.",
        zh: "l={length}：正文中有 {unsigned} 字节未被签名。",
    },
    Message {
        code: "message_view.spf_heading",
        en: "SPF",
        zh: "SPF",
    },
    Message {
        code: "message_view.hop",
        en: "Checked for the hop (Received: field) where the mail entered the receiving side",
        zh: "按邮件进入收件方时的那一跳（Received: 字段）检查",
    },
    Message {
        code: "message_view.hop_option",
        en: "Received #{n}: from {helo} [{ip}] by {by}",
        zh: "Received 第 {n} 个：来自 {helo} [{ip}]，由 {by} 接收",
    },
    Message {
        code: "message_view.hop_proposed",
        en: "(proposed)",
        zh: "（建议）",
    },
    Message {
        code: "message_view.hop_skip",
        en: "Do not check SPF",
        zh: "不检查 SPF",
    },
    Message {
        code: "message_view.spf_question",
        en: "Client {ip}, HELO {helo}, MAIL FROM <{from}>: checked for {domain}.",
        zh: "客户端 {ip}，HELO {helo}，MAIL FROM <{from}>：检查的是 {domain}。",
    },
    Message {
        code: "message_view.spf_helo",
        en: "Client {ip}, HELO {helo}, empty MAIL FROM (a bounce): the HELO name {domain} is checked (RFC 7208 \u{a7}2.3).",
        zh: "客户端 {ip}，HELO {helo}，MAIL FROM 为空（退信）：检查的是 HELO 名称 {domain}（RFC 7208 §2.3）。",
    },
    Message {
        code: "message_view.spf_not_checked",
        en: "SPF was not checked for this message.",
        zh: "这封邮件未检查 SPF。",
    },
    Message {
        code: "message_view.dmarc_heading",
        en: "DMARC",
        zh: "DMARC",
    },
    Message {
        code: "message_view.dmarc_from",
        en: "From: domain {domain}; policy found at {policy_domain}",
        zh: "From: 域名 {domain}；策略位于 {policy_domain}",
    },
    Message {
        code: "message_view.dmarc_record",
        en: "Record: {record}",
        zh: "记录：{record}",
    },
    Message {
        code: "message_view.dmarc_aligned",
        en: "{method} aligned: {domain}",
        zh: "{method} 已对齐：{domain}",
    },
    Message {
        code: "message_view.dmarc_not_aligned",
        en: "{method}: no aligned pass",
        zh: "{method}：没有对齐的通过结果",
    },
    Message {
        code: "message_view.dmarc_disposition",
        en: "The policy asks receivers to: {policy}",
        zh: "策略要求收件方：{policy}",
    },
    Message {
        code: "message_view.receiver_heading",
        en: "What the receiving server wrote",
        zh: "收件服务器写下的结果",
    },
    Message {
        code: "message_view.receiver_wrote",
        en: "{id} wrote (Authentication-Results, line {line}):",
        zh: "{id} 写道（Authentication-Results，第 {line} 行）：",
    },
    Message {
        code: "message_view.receiver_more",
        en: "{count} further Authentication-Results below it, written by earlier hops, are not compared.",
        zh: "其下还有 {count} 个由更早各跳写下的 Authentication-Results，未作比较。",
    },
];
