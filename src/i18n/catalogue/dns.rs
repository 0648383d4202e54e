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
    // Transport failures (dns::TransportKind): the plain sentence; the raw
    // text (the browser's "TypeError: Failed to fetch", "HTTP 503") stays
    // under the raw answers.
    Message {
        code: "dns.transport.unreachable",
        en: "The browser could not reach the DNS resolver: this device may be offline, or a firewall, proxy, browser extension or network filter blocks the resolver (the browser does not say which).",
        zh: "浏览器无法连接到 DNS 解析服务器：可能本机已断网，或者防火墙、代理、浏览器扩展或网络过滤屏蔽了该解析服务器（浏览器不会说明是哪一种）。",
    },
    Message {
        code: "dns.transport.rate_limited",
        en: "The DNS resolver is refusing more questions for now (too many requests): wait a minute and try again, or use another resolver.",
        zh: "DNS 解析服务器暂时不再接受查询（请求过多）：请等一分钟再试，或换一个解析服务器。",
    },
    Message {
        code: "dns.transport.server_error",
        en: "The DNS resolver's web service failed (a server error on its side): try again later, or use another resolver.",
        zh: "DNS 解析服务器的网页服务出错（对方服务器故障）：请稍后重试，或换一个解析服务器。",
    },
    Message {
        code: "dns.transport.http_status",
        en: "The DNS resolver's address answered with a web error instead of a DNS answer: check the resolver's URL.",
        zh: "DNS 解析服务器的地址返回了网页错误，而不是 DNS 应答：请检查解析服务器的网址。",
    },
    Message {
        code: "dns.transport.interrupted",
        en: "The connection to the DNS resolver broke off before the whole answer arrived: try again.",
        zh: "完整应答到达之前，与 DNS 解析服务器的连接就中断了：请重试。",
    },
    Message {
        code: "dns.transport.truncated",
        en: "The DNS resolver could not send the whole answer (it was cut short): try again, or use another resolver.",
        zh: "DNS 解析服务器无法发送完整应答（应答被截断）：请重试，或换一个解析服务器。",
    },
    Message {
        code: "dns.transport.unsupported",
        en: "This page cannot ask this resolver in its binary (RFC 8484) format.",
        zh: "本页面无法以二进制（RFC 8484）格式向该解析服务器查询。",
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
