//! Messages of the Check half of the page (`ui.check.*`) and of the endpoint
//! choice (`endpoint.*`).

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message { code: "ui.check.form", en: "What to check", zh: "检查内容" },
    Message { code: "ui.check.domain", en: "Domain", zh: "域名" },
    Message {
        code: "ui.check.domain.help",
        en: "The domain after @ in the mail addresses.",
        zh: "邮箱地址中 @ 后面的域名。",
    },
    Message { code: "ui.check.selectors", en: "DKIM selectors", zh: "DKIM 选择器" },
    Message {
        code: "ui.check.selectors.help",
        en: "Separated by commas or spaces. Empty: a few common selectors are tried.",
        zh: "用逗号或空格分隔。留空则尝试几个常见的选择器。",
    },
    Message { code: "ui.check.ips", en: "Sending server addresses (optional)", zh: "发信服务器地址（可选）" },
    Message {
        code: "ui.check.ips.help",
        en: "IPv4 or IPv6 addresses your mail leaves from, for the SPF and reverse DNS checks.",
        zh: "邮件发出的 IPv4 或 IPv6 地址，用于 SPF 和反向解析检查。",
    },
    Message { code: "ui.check.endpoint", en: "DNS-over-HTTPS resolver", zh: "DNS-over-HTTPS 解析器" },
    Message { code: "ui.check.endpoint2", en: "Second resolver (to compare)", zh: "第二个解析器（用于对比）" },
    Message { code: "ui.check.endpoint.choice", en: "Resolver", zh: "解析器" },
    Message { code: "ui.check.endpoint.custom", en: "Other (URL)", zh: "其他（URL）" },
    Message { code: "ui.check.endpoint.url", en: "Resolver URL", zh: "解析器 URL" },
    // JSON (two dialects) or RFC 8484 wire format: not "JSON format".
    Message { code: "ui.check.endpoint.flavor", en: "Answer format", zh: "应答格式" },
    Message { code: "ui.check.flavor.google", en: "Google (/resolve)", zh: "Google（/resolve）" },
    Message {
        code: "ui.check.flavor.cloudflare",
        en: "Cloudflare (application/dns-json)",
        zh: "Cloudflare（application/dns-json）",
    },
    Message {
        code: "ui.check.flavor.wire",
        en: "RFC 8484 wire format (application/dns-message)",
        zh: "RFC 8484 二进制格式（application/dns-message）",
    },
    Message { code: "ui.check.policy", en: "MTA-STS policy file (optional)", zh: "MTA-STS 策略文件（可选）" },
    Message {
        code: "ui.check.policy.help",
        en: "A page cannot fetch this file (the server does not allow it). Fetch it with this command and paste it here:",
        zh: "网页无法直接获取该文件（服务器不允许跨域）。请用以下命令获取后粘贴到这里：",
    },
    Message { code: "ui.check.audit", en: "Audit domain", zh: "检查域名" },
    Message { code: "ui.check.verify", en: "Verify my plan", zh: "核对我的方案" },
    Message { code: "ui.check.compare", en: "Compare two resolvers", zh: "对比两个解析器" },
    Message { code: "ui.check.rerun", en: "Run again", zh: "重新检查" },
    Message { code: "ui.check.rerun_area", en: "Check this part again", zh: "重新检查此项" },
    Message { code: "ui.check.allow_policy", en: "Allow {origin} and check again", zh: "允许 {origin} 并重新检查" },
    Message { code: "ui.check.retry_area", en: "Try again", zh: "重试" },
    Message {
        code: "ui.check.no_plan",
        en: "No saved plan in this browser. Fill in the Generate tab first; it saves the plan here.",
        zh: "此浏览器中没有保存的方案。请先在“生成记录”页填写，方案会自动保存。",
    },
    Message {
        code: "ui.check.offline",
        en: "Checks need a connection, and this browser is offline. The form is kept; the check runs when the connection is back.",
        zh: "检查需要联网，当前浏览器处于离线状态。表单已保留，恢复联网后将自动运行检查。",
    },
    Message {
        code: "ui.check.plan_invalid",
        en: "The saved plan has errors; fix them in the Generate tab first.",
        zh: "保存的方案有错误，请先在“生成记录”页修正。",
    },
    Message {
        code: "ui.check.confirm",
        en: "This link asks a resolver that is not one of the presets: {url}. Every DNS question of the check goes to it. Ask it?",
        zh: "此链接要使用一个非预设的解析器：{url}。检查中的所有 DNS 查询都会发往它。是否继续？",
    },
    Message { code: "ui.check.confirm.yes", en: "Yes, ask this resolver", zh: "是，使用此解析器" },
    Message { code: "ui.check.confirm.no", en: "No", zh: "否" },
    Message {
        code: "ui.check.progress",
        en: "Checking: {asked} questions asked, {answered} answered…",
        zh: "检查中：已发出 {asked} 个查询，已收到 {answered} 个应答……",
    },
    Message {
        code: "ui.check.summary",
        en: "{questions} DNS questions, longest chain {chain}, {ms} ms, resolver {endpoint}.",
        zh: "共 {questions} 次 DNS 查询，最长查询链 {chain}，用时 {ms} 毫秒，解析器 {endpoint}。",
    },
    Message { code: "ui.check.export.json", en: "Download JSON", zh: "下载 JSON" },
    Message { code: "ui.check.adopt", en: "Use as my plan", zh: "用作我的方案" },
    Message {
        code: "ui.check.fix_list",
        en: "What to change in your DNS panel, in this order",
        zh: "在 DNS 控制台中需要做的修改（按顺序）",
    },
    Message { code: "ui.check.export.markdown", en: "Download Markdown", zh: "下载 Markdown" },
    Message { code: "ui.check.no_findings", en: "Nothing to report.", zh: "没有发现问题。" },
    Message { code: "ui.check.rfc", en: "Reference: {rfc}", zh: "参考：{rfc}" },
    Message { code: "ui.check.severity.info", en: "Info", zh: "提示" },
    Message { code: "ui.check.severity.warning", en: "Warning", zh: "警告" },
    Message { code: "ui.check.severity.error", en: "Error", zh: "错误" },
    Message { code: "ui.check.reason", en: "Reason: {reason}", zh: "原因：{reason}" },
    Message { code: "ui.check.diff.title", en: "Answers that differ", zh: "不一致的应答" },
    Message { code: "ui.check.diff.none", en: "Both resolvers gave the same answers.", zh: "两个解析器的应答完全一致。" },
    Message { code: "ui.check.diff.question", en: "Question", zh: "查询" },
    Message { code: "ui.check.diff.left", en: "First resolver", zh: "第一个解析器" },
    Message { code: "ui.check.diff.right", en: "Second resolver", zh: "第二个解析器" },
    Message { code: "ui.check.copy_fix", en: "Copy the record", zh: "复制记录" },
    Message {
        code: "endpoint.empty",
        en: "Type the resolver's URL.",
        zh: "请输入解析器的 URL。",
    },
    Message {
        code: "endpoint.not_a_url",
        en: "Not a URL: write it as https://host/path.",
        zh: "不是有效的 URL：请写成 https://主机/路径。",
    },
    Message {
        code: "endpoint.not_https",
        en: "DNS-over-HTTPS needs an https:// URL (RFC 8484 §5).",
        zh: "DNS-over-HTTPS 必须使用 https:// URL（RFC 8484 §5）。",
    },
    Message {
        code: "endpoint.http_not_loopback",
        en: "Plain http:// is only allowed for this computer (127.0.0.1, localhost, [::1]); use https://.",
        zh: "只有本机（127.0.0.1、localhost、[::1]）可以使用 http://，其他地址请用 https://。",
    },
    Message {
        code: "endpoint.credentials",
        en: "The URL must not contain a user name or password.",
        zh: "URL 中不能包含用户名或密码。",
    },
    Message {
        code: "endpoint.bad_characters",
        en: "The URL contains spaces, control characters or a #fragment.",
        zh: "URL 中含有空格、控制字符或 # 片段。",
    },
];

#[cfg(test)]
mod tests {
    #[test]
    fn parts_are_registered() {
        assert!(crate::i18n::lookup("ui.check.audit").is_some());
        assert!(crate::i18n::lookup("endpoint.http_not_loopback").is_some());
    }
}
