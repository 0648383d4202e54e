//! Messages for SMTP TLS Reporting records (`tls_rpt.*`).

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message {
        code: "tls_rpt.spf_record",
        en: "This is an SPF record, not a TLS-RPT record; _smtp._tls needs v=TLSRPTv1; rua=…",
        zh: "这是 SPF 记录，不是 TLS-RPT 记录；_smtp._tls 需要 v=TLSRPTv1; rua=…",
    },
    Message {
        code: "tls_rpt.bad_version",
        en: "The record must start with v=TLSRPTv1; it starts with “{found}”, so senders ignore it.",
        zh: "记录必须以 v=TLSRPTv1 开头；现在开头是“{found}”，发件方会忽略它。",
    },
    Message {
        code: "tls_rpt.version_prefix",
        en: "The record must begin exactly with “v=TLSRPTv1” (no spaces before or around =).",
        zh: "记录必须严格以“v=TLSRPTv1”开头（前面和 = 两边都不能有空格）。",
    },
    Message {
        code: "tls_rpt.missing_rua",
        en: "The rua= field is missing: without it nobody knows where to send TLS reports.",
        zh: "缺少 rua= 字段：没有它，发件方不知道把 TLS 报告发到哪里。",
    },
    Message {
        code: "tls_rpt.duplicate_rua",
        en: "rua= appears twice; senders disagree on what that means and some ignore the record. Put all addresses in one rua=, separated by commas.",
        zh: "rua= 出现了两次；发件方对此理解不一，有的会忽略整条记录。请把所有地址放在一个 rua= 中，用逗号分隔。",
    },
    Message {
        code: "tls_rpt.duplicate_tag",
        en: "The field “{tag}” appears twice; keep one.",
        zh: "字段“{tag}”出现了两次，只保留一个。",
    },
    Message {
        code: "tls_rpt.bad_scheme",
        en: "{uri}: TLS reports go only to mailto: or https: addresses.",
        zh: "{uri}：TLS 报告只能发送到 mailto: 或 https: 地址。",
    },
    Message {
        code: "tls_rpt.bad_extension",
        en: "The field “{tag}” is malformed: names are up to 32 letters, digits, _ - . and values cannot be empty or contain = or spaces.",
        zh: "字段“{tag}”格式错误：名称最多 32 个字母、数字或 _ - .，值不能为空，也不能含 = 或空格。",
    },
    Message {
        code: "tls_rpt.extension",
        en: "“{tag}” is an extension field; senders that do not know it ignore it.",
        zh: "“{tag}”是扩展字段，不认识它的发件方会忽略。",
    },
];
