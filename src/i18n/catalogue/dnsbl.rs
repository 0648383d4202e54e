//! Texts of the `dnsbl.*` findings (src/dnsbl). An "unknown" text always
//! says the list could not be asked, never that the subject is clean.

use crate::i18n::Message;

pub(super) const MESSAGES: &[Message] = &[
    Message {
        code: "dnsbl.listed",
        en: "{subject} is listed on {list}: {codes}. Receivers that use this list may refuse its mail. Find and stop the cause (an infected machine, an open relay, a hacked account), then ask for removal at {delist}.",
        zh: "{subject} 被列入 {list}：{codes}。使用该列表的收件方可能拒收其邮件。请先查明并消除原因（受感染的机器、开放中继、被盗账号），再到 {delist} 申请移除。",
    },
    Message {
        code: "dnsbl.not_a_list_answer",
        en: "Unknown whether {subject} is on {list}: the answer {answer} is outside 127.0.0.0/8, which no list answers (the zone may be parked or hijacked). Nothing here says it is not listed; ask the list's own website.",
        zh: "无法确定 {subject} 是否在 {list} 中：应答 {answer} 不在 127.0.0.0/8 内，正常的黑名单不会这样应答（该区域可能已被停放或劫持）。这并不表示未被列入；请到该列表的网站查询。",
    },
    Message {
        code: "dnsbl.not_listed",
        en: "{subject} is not listed on {list} (the list's test entry answered on this resolver, so the answer is trusted).",
        zh: "{subject} 未被列入 {list}（该列表的测试条目在此解析器上应答正常，因此结果可信）。",
    },
    Message {
        code: "dnsbl.question_failed",
        en: "Unknown whether {subject} is on {list}: the question failed ({reason}). This is not \"not listed\"; try again, or try another resolver.",
        zh: "无法确定 {subject} 是否在 {list} 中：查询失败（{reason}）。这并不表示“未被列入”；请重试，或换一个解析器。",
    },
    Message {
        code: "dnsbl.refused",
        en: "Unknown whether {subject} is on {list}: the list answered {answer} ({meaning}), an error code meaning it does not answer this resolver, not a listing. Choose another resolver (not a large public one), or ask the list's own website.",
        zh: "无法确定 {subject} 是否在 {list} 中：该列表应答 {answer}（{meaning}），这是表示它不回答此解析器的错误码，不是列入记录。请换一个解析器（不要用大型公共解析器），或到该列表的网站查询。",
    },
    Message {
        code: "dnsbl.test_entry_missing",
        en: "Unknown whether {subject} is on {list}: its test entry, which the list always lists, did not come back listed on this resolver ({reason}), so this list does not answer this resolver. This is not \"not listed\"; choose another resolver, or ask the list's own website.",
        zh: "无法确定 {subject} 是否在 {list} 中：该列表始终列入的测试条目在此解析器上没有返回列入结果（{reason}），说明该列表不回答此解析器。这并不表示“未被列入”；请换一个解析器，或到该列表的网站查询。",
    },
    Message {
        code: "dnsbl.test_entry_unexpected",
        en: "Unknown whether {subject} is on {list}: its test entry answered {answer}, not the listing the list documents, so this resolver does not get the list's real answers. This is not \"not listed\"; choose another resolver, or ask the list's own website.",
        zh: "无法确定 {subject} 是否在 {list} 中：其测试条目应答 {answer}，而不是该列表公布的列入结果，说明此解析器得不到该列表的真实应答。这并不表示“未被列入”；请换一个解析器，或到该列表的网站查询。",
    },
    Message {
        code: "dnsbl.column.list",
        en: "List",
        zh: "黑名单",
    },
    Message {
        code: "dnsbl.column.subject",
        en: "Address or domain",
        zh: "地址或域名",
    },
    Message {
        code: "dnsbl.column.verdict",
        en: "Result",
        zh: "结果",
    },
    Message {
        code: "dnsbl.verdict.listed",
        en: "Listed",
        zh: "已列入",
    },
    Message {
        code: "dnsbl.verdict.not_listed",
        en: "Not listed",
        zh: "未列入",
    },
    Message {
        code: "dnsbl.verdict.unknown",
        en: "Unknown",
        zh: "未知",
    },
];
