//! Messages for DMARC records (`dmarc.*`) and for report URIs (`uri.*`),
//! which DMARC and TLS-RPT share.

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message {
        code: "uri.empty",
        en: "The {tag}= list has an empty address (two commas in a row, or nothing after =).",
        zh: "{tag}= 列表里有空地址（连续两个逗号，或 = 后面没有内容）。",
    },
    Message {
        code: "uri.no_scheme",
        en: "“{uri}” is not a URI: write mailto: in front of an e-mail address.",
        zh: "“{uri}”不是 URI：邮箱地址前要加 mailto:。",
    },
    Message {
        code: "uri.bad_char",
        en: "“{uri}” has a character that must be percent-encoded (spaces, commas, semicolons, non-ASCII).",
        zh: "“{uri}”含有必须百分号编码的字符（空格、逗号、分号、非 ASCII 字符）。",
    },
    Message {
        code: "uri.bad_percent",
        en: "“{uri}” has a % that is not followed by two hex digits.",
        zh: "“{uri}”中的 % 后面不是两位十六进制数字。",
    },
    Message {
        code: "uri.bad_mailto",
        en: "“{uri}” has no valid address after mailto: (local@domain).",
        zh: "“{uri}”的 mailto: 后面没有合法地址（local@domain）。",
    },
    Message {
        code: "uri.bad_host",
        en: "The domain in “{uri}” is not a valid host name.",
        zh: "“{uri}”中的域名不是合法的主机名。",
    },
    Message {
        code: "dmarc.spf_record",
        en: "This is an SPF record, not a DMARC record. SPF goes on the domain itself; _dmarc needs v=DMARC1; p=…",
        zh: "这是 SPF 记录，不是 DMARC 记录。SPF 放在域名本身；_dmarc 需要 v=DMARC1; p=…",
    },
    Message {
        code: "dmarc.bad_version",
        en: "The record must start with v=DMARC1 (exactly, upper case); it starts with “{found}”, so receivers ignore it.",
        zh: "记录必须以 v=DMARC1 开头（完全一致，大写）；现在开头是“{found}”，收件方会忽略整条记录。",
    },
    Message {
        code: "dmarc.duplicate_tag",
        en: "The tag “{tag}” appears twice; keep one.",
        zh: "标签“{tag}”出现了两次，只保留一个。",
    },
    Message {
        code: "dmarc.bad_value",
        en: "“{value}” is not a valid value for {tag}=; receivers ignore it.",
        zh: "“{value}”不是 {tag}= 的合法值，收件方会忽略它。",
    },
    Message {
        code: "dmarc.bad_report_size",
        en: "The size limit in “{uri}” is malformed (it must be ! digits and an optional k, m, g or t); better drop it, it is obsolete.",
        zh: "“{uri}”中的大小限制格式错误（必须是 ! 加数字，可选 k、m、g、t）；它已过时，建议删除。",
    },
    Message {
        code: "dmarc.p_not_second",
        en: "p= is not right after v=DMARC1. RFC 9989 allows that, but older receivers following RFC 7489 reject the record.",
        zh: "p= 没有紧跟在 v=DMARC1 后面。RFC 9989 允许，但遵循 RFC 7489 的旧收件方会拒绝这条记录。",
    },
    Message {
        code: "dmarc.ignored",
        en: "The record has no valid p= and no valid rua=, so receivers apply no DMARC at all. Add p=none at least.",
        zh: "记录既没有合法的 p= 也没有合法的 rua=，收件方完全不会执行 DMARC。至少加上 p=none。",
    },
    Message {
        code: "dmarc.fallback_none",
        en: "Because a policy tag (p, sp or np) is invalid, receivers act as if the record said p=none.",
        zh: "由于策略标签（p、sp 或 np）不合法，收件方会按 p=none 处理。",
    },
    Message {
        code: "dmarc.missing_p",
        en: "There is no p= tag; receivers treat the record as p=none. Write it explicitly.",
        zh: "没有 p= 标签，收件方按 p=none 处理。请明确写出来。",
    },
    Message {
        code: "dmarc.monitoring",
        en: "p=none is monitoring only: failing mail is still delivered. Move to quarantine or reject once the reports look clean.",
        zh: "p=none 只是监控：未通过的邮件仍会投递。报告正常后请改为 quarantine 或 reject。",
    },
    Message {
        code: "dmarc.sp_none",
        en: "sp=none leaves subdomains unprotected while the domain itself is protected.",
        zh: "sp=none 使子域名不受保护，而主域名是受保护的。",
    },
    Message {
        code: "dmarc.testing",
        en: "t=y is testing mode: receivers apply one level less than your policy (reject becomes quarantine, quarantine becomes none).",
        zh: "t=y 是测试模式：收件方执行比你的策略低一级的处理（reject 变 quarantine，quarantine 变 none）。",
    },
    Message {
        code: "dmarc.no_rua",
        en: "No rua= address: you will get no aggregate reports and cannot see who sends mail as your domain.",
        zh: "没有 rua= 地址：你收不到汇总报告，无法看到谁在以你的域名发信。",
    },
    Message {
        code: "dmarc.fo_without_ruf",
        en: "fo= only matters with ruf=; without ruf= receivers ignore it.",
        zh: "fo= 只有配合 ruf= 才有意义；没有 ruf= 时收件方会忽略它。",
    },
    Message {
        code: "dmarc.fo_conflict",
        en: "fo= has both 0 and 1, which exclude each other; 1 already covers 0.",
        zh: "fo= 同时有 0 和 1，二者互斥；1 已经包含了 0。",
    },
    Message {
        code: "dmarc.obsolete_size",
        en: "The size limit in {uri} is obsolete; receivers ignore it.",
        zh: "{uri} 中的大小限制已过时，收件方会忽略。",
    },
    Message {
        code: "dmarc.non_mailto",
        en: "{uri} is not a mailto: address; receivers only have to support mailto:, so reports may not arrive.",
        zh: "{uri} 不是 mailto: 地址；收件方只需支持 mailto:，报告可能收不到。",
    },
    Message {
        code: "dmarc.removed_tag",
        en: "{tag}={value} was removed from DMARC (RFC 9989); current receivers ignore it. For pct=0 use t=y instead.",
        zh: "{tag}={value} 已从 DMARC 中移除（RFC 9989），新的收件方会忽略它。pct=0 请改用 t=y。",
    },
    Message {
        code: "dmarc.unknown_tag",
        en: "The tag “{tag}” is not a DMARC tag; receivers ignore it. Check for a typo.",
        zh: "“{tag}”不是 DMARC 标签，收件方会忽略。请检查是否拼错。",
    },
    Message {
        code: "dmarc.external_report",
        en: "Reports to {dest} are only sent if that domain agrees: it must publish v=DMARC1 at {name}.",
        zh: "只有 {dest} 同意，报告才会发过去：它必须在 {name} 发布 v=DMARC1。",
    },
];
