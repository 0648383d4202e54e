//! Messages for DNS errors (`dns.*`): why a question got no records, as the
//! checks and the SPF evaluation report it.

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message {
        code: "dns.nxdomain",
        en: "The name does not exist (NXDOMAIN).",
        zh: "该名称不存在（NXDOMAIN）。",
    },
    Message {
        code: "dns.nodata",
        en: "The name exists but has no record of this type.",
        zh: "该名称存在，但没有这种类型的记录。",
    },
    Message {
        code: "dns.servfail",
        en: "The DNS server failed to answer (SERVFAIL); often a DNSSEC or delegation problem.",
        zh: "DNS 服务器未能应答（SERVFAIL），通常是 DNSSEC 或授权问题。",
    },
    Message {
        code: "dns.refused",
        en: "The DNS server refused to answer (REFUSED).",
        zh: "DNS 服务器拒绝应答（REFUSED）。",
    },
    Message {
        code: "dns.timeout",
        en: "No answer came in time.",
        zh: "没有及时收到应答。",
    },
    Message {
        code: "dns.transport",
        en: "The DNS query could not be sent.",
        zh: "DNS 查询无法发出。",
    },
    Message {
        code: "dns.malformed",
        en: "The DNS answer could not be read.",
        zh: "无法解析 DNS 应答。",
    },
    Message {
        code: "dns.bad_request",
        en: "The DNS-over-HTTPS server refused the question as malformed.",
        zh: "DNS-over-HTTPS 服务器认为该查询格式有误，拒绝了它。",
    },
];
