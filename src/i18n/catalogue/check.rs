//! Messages for the check report's labels the page shows (`check.area.*`,
//! `check.status.*`, `check.report.*`). The checker's findings are in
//! `check_findings.rs`, which the page gets from the checker.

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message { code: "check.area.mx", en: "Mail servers (MX)", zh: "邮件服务器（MX）" },
    Message { code: "check.area.addresses", en: "Server addresses", zh: "服务器地址" },
    Message { code: "check.area.ptr", en: "Reverse DNS (PTR)", zh: "反向解析（PTR）" },
    Message { code: "check.area.spf", en: "SPF", zh: "SPF" },
    Message { code: "check.area.dkim", en: "DKIM", zh: "DKIM" },
    Message { code: "check.area.dmarc", en: "DMARC", zh: "DMARC" },
    Message { code: "check.area.mta_sts", en: "MTA-STS", zh: "MTA-STS" },
    Message { code: "check.area.tls_rpt", en: "TLS reporting (TLS-RPT)", zh: "TLS 报告（TLS-RPT）" },
    Message { code: "check.area.caa", en: "Certificate authorities (CAA)", zh: "证书机构授权（CAA）" },
    Message { code: "check.area.tlsa", en: "DANE (TLSA)", zh: "DANE（TLSA）" },
    Message { code: "check.area.dnssec", en: "DNSSEC", zh: "DNSSEC" },
    Message { code: "check.area.plan", en: "Planned records", zh: "计划中的记录" },
    Message { code: "check.status.ok", en: "OK", zh: "正常" },
    Message { code: "check.status.warnings", en: "Warnings", zh: "有警告" },
    Message { code: "check.status.errors", en: "Errors", zh: "有错误" },
    Message { code: "check.status.could_not_check", en: "Could not check", zh: "无法检查" },
    Message { code: "check.report.title", en: "Mail DNS check: {domain}", zh: "邮件 DNS 检查：{domain}" },
    Message {
        code: "check.report.counts",
        en: "{errors} {errors#error|errors}, {warnings} {warnings#warning|warnings}, {unknown} {unknown#area|areas} that could not be checked.",
        zh: "{errors} 个错误，{warnings} 个警告，{unknown} 个部分无法检查。",
    },
    Message {
        code: "check.report.meta",
        en: "Checked on {date} through the resolver {resolver}.",
        zh: "检查时间：{date}；使用的解析服务器：{resolver}。",
    },
    Message {
        code: "check.report.summary",
        en: "{questions} DNS questions; the longest chain of questions waiting for one another: {chain}.",
        zh: "共 {questions} 次 DNS 查询；相互等待的最长查询链：{chain}。",
    },
    Message { code: "check.report.answers", en: "Raw DNS answers", zh: "原始 DNS 应答" },
    Message { code: "check.report.fix", en: "Publish:", zh: "请发布：" },
];
