//! Messages of the Generate half of the page (`ui.gen.*`).

use crate::i18n::Message;

const fn m(code: &'static str, en: &'static str, zh: &'static str) -> Message {
    Message { code, en, zh }
}

pub(crate) const MESSAGES: &[Message] = &[
    m("ui.gen.severity.error", "Error", "错误"),
    m("ui.gen.severity.warning", "Warning", "警告"),
    m("ui.gen.severity.info", "Note", "提示"),
    m("ui.gen.add", "Add", "添加"),
    m("ui.gen.remove", "Remove", "删除"),
    m("ui.gen.dismiss", "Dismiss", "关闭提示"),
    m("ui.gen.basics", "Domain and mail host", "域名与邮件主机"),
    m("ui.gen.hosts.one", "Mail host", "邮件主机"),
    m("ui.gen.hosts.add", "Add a mail host", "添加邮件主机"),
    m("ui.gen.hosts.remove", "Remove mail host {n}", "删除邮件主机 {n}"),
    m("ui.gen.backup_mx", "Backup MX", "备用 MX"),
    m("ui.gen.backup_mx.one", "Backup MX", "备用 MX"),
    m("ui.gen.backup_mx.add", "Add a backup MX", "添加备用 MX"),
    m("ui.gen.backup_mx.remove", "Remove backup MX {n}", "删除备用 MX {n}"),
    m("ui.gen.host.name", "Host name", "主机名"),
    m(
        "ui.gen.host.name.help",
        "Empty means mail.<domain>. A single label (mail) is under the domain; a name with a dot is taken as is.",
        "留空即 mail.<域名>。单个标签（如 mail）表示域名下的主机；带点的名称按原样使用。",
    ),
    // Only the first mail host has a default name; the others and every
    // backup MX must be named (plan.backup_mx_no_name).
    m(
        "ui.gen.host.name.help.other",
        "Required. A single label (mx2) is under the domain; a name with a dot is taken as is.",
        "必填。单个标签（如 mx2）表示域名下的主机；带点的名称按原样使用。",
    ),
    // A placeholder that looks like a typed value is mistaken for one.
    m("ui.gen.example", "e.g. {value}", "例如 {value}"),
    m("ui.gen.host.ipv4", "IPv4 address", "IPv4 地址"),
    m("ui.gen.host.ipv6", "IPv6 address", "IPv6 地址"),
    m("ui.gen.host.priority", "MX priority (lower is tried first)", "MX 优先级（数值小的先尝试）"),
    m("ui.gen.ttl", "TTL", "TTL（生存时间）"),
    m("ui.gen.ttl.default", "Default TTL (seconds)", "默认 TTL（秒）"),
    m(
        "ui.gen.ttl.help",
        "Empty means 3600. Lower it to 300 a day before you change records.",
        "留空即 3600。修改记录前一天可先降到 300。",
    ),
    m("ui.gen.ttl.mx", "MX TTL", "MX 的 TTL"),
    m("ui.gen.ttl.address", "A/AAAA TTL", "A/AAAA 的 TTL"),
    m("ui.gen.ttl.spf", "SPF TTL", "SPF 的 TTL"),
    m("ui.gen.ttl.dkim", "DKIM TTL", "DKIM 的 TTL"),
    m("ui.gen.ttl.dmarc", "DMARC TTL", "DMARC 的 TTL"),
    m("ui.gen.ttl.mta_sts", "MTA-STS TTL", "MTA-STS 的 TTL"),
    m("ui.gen.ttl.tls_rpt", "TLS-RPT TTL", "TLS-RPT 的 TTL"),
    m("ui.gen.ttl.srv", "SRV TTL", "SRV 的 TTL"),
    m("ui.gen.ttl.caa", "CAA TTL", "CAA 的 TTL"),
    m("ui.gen.ttl.tlsa", "TLSA TTL", "TLSA 的 TTL"),
    m("ui.gen.spf", "SPF: who else sends as this domain", "SPF：还有谁以此域名发信"),
    m(
        "ui.gen.spf.help",
        "The mail hosts' own addresses are always listed. Add only other senders.",
        "邮件主机自己的地址总会列入，这里只需添加其他发信方。",
    ),
    m("ui.gen.spf.ip4", "Extra ip4 (address or CIDR)", "额外 ip4（地址或 CIDR）"),
    m("ui.gen.spf.ip6", "Extra ip6 (address or CIDR)", "额外 ip6（地址或 CIDR）"),
    m("ui.gen.spf.a", "a: host names (@ for the domain)", "a: 主机名（@ 表示域名本身）"),
    m("ui.gen.spf.mx", "mx: domains (@ for the domain)", "mx: 域名（@ 表示域名本身）"),
    m("ui.gen.spf.includes", "include: domains of providers", "include: 服务商的域名"),
    m("ui.gen.spf.all", "Everything else", "其他所有来源"),
    m("ui.gen.spf.all.fail", "-all: fail (recommended)", "-all：拒绝（推荐）"),
    m("ui.gen.spf.all.soft", "~all: soft fail (while rolling out)", "~all：软失败（过渡期间）"),
    m("ui.gen.dkim", "DKIM signing key", "DKIM 签名密钥"),
    m(
        "ui.gen.dkim.help",
        "Generate the key pair here (the private key never leaves this page unless you download it), or paste a public key or opendkim-genkey output.",
        "在此生成密钥对（私钥只在本页面中，除非你下载它），或粘贴公钥或 opendkim-genkey 的输出。",
    ),
    m("ui.gen.dkim.selector", "Selector", "选择器（selector）"),
    m("ui.gen.dkim.algorithm", "Key", "密钥类型"),
    m("ui.gen.dkim.alg.rsa-2048", "RSA 2048 (recommended)", "RSA 2048 位（推荐）"),
    m("ui.gen.dkim.alg.rsa-1024", "RSA 1024 (weak)", "RSA 1024 位（偏弱）"),
    m(
        "ui.gen.dkim.alg.rsa-4096",
        "RSA 4096 (long; some panels refuse it)",
        "RSA 4096 位（过长，部分控制台不接受）",
    ),
    m("ui.gen.dkim.generate", "Generate key pair", "生成密钥对"),
    m("ui.gen.dkim.generating", "Generating the key pair…", "正在生成密钥对……"),
    m(
        "ui.gen.dkim.keygen_failed",
        "This browser could not make the key: {error}. Generate it with opendkim-genkey and paste the public key.",
        "此浏览器无法生成密钥：{error}。请用 opendkim-genkey 生成并粘贴公钥。",
    ),
    m("ui.gen.dkim.public_key", "Public key", "公钥"),
    m(
        "ui.gen.dkim.public_key.help",
        "Filled in by \"Generate key pair\", or paste a PEM public key, base64, a DKIM record or opendkim-genkey's .txt file. Never a private key.",
        "点击“生成密钥对”会自动填入；也可粘贴 PEM 公钥、base64、DKIM 记录或 opendkim-genkey 的 .txt 文件内容。切勿粘贴私钥。",
    ),
    m("ui.gen.dkim.ed25519", "Also publish an Ed25519 key (alongside RSA)", "同时发布 Ed25519 密钥（与 RSA 并存）"),
    m("ui.gen.dkim.ed25519_selector", "Ed25519 selector", "Ed25519 选择器"),
    m("ui.gen.dkim.ed25519_public_key", "Ed25519 public key", "Ed25519 公钥"),
    m("ui.gen.dkim.generate_ed25519", "Generate Ed25519 key pair", "生成 Ed25519 密钥对"),
    m("ui.gen.private.title", "Your DKIM private key", "你的 DKIM 私钥"),
    m(
        "ui.gen.private.once",
        "Shown once: save it now. It is not in the share link, and not kept after you leave unless you tick the box below.",
        "只显示这一次：请立即保存。它不会出现在分享链接里，离开页面后也不会保留，除非勾选下方选项。",
    ),
    m("ui.gen.private.download", "Download {file}", "下载 {file}"),
    m("ui.gen.private.copy", "Copy the private key", "复制私钥"),
    m("ui.gen.private.forget", "Forget the private key", "丢弃私钥"),
    m("ui.gen.private.show", "Show the private key", "显示私钥"),
    m("ui.gen.private.opendkim", "OpenDKIM: KeyTable and SigningTable", "OpenDKIM：KeyTable 与 SigningTable"),
    m("ui.gen.private.rspamd", "rspamd: dkim_signing.conf", "rspamd：dkim_signing.conf"),
    m(
        "ui.gen.private.keep",
        "Keep the private key in this browser (localStorage, unencrypted)",
        "在此浏览器中保存私钥（localStorage，未加密）",
    ),
    m("ui.gen.dmarc", "DMARC policy", "DMARC 策略"),
    m(
        "ui.gen.dmarc.rollout",
        "Roll out in phases: p=none while you read the reports, then quarantine, then reject once legitimate mail passes.",
        "分阶段推进：先用 p=none 观察报告，再改为 quarantine，确认正常邮件都通过后改为 reject。",
    ),
    m("ui.gen.dmarc.p", "Policy (p)", "策略（p）"),
    m("ui.gen.dmarc.sp", "Subdomain policy (sp)", "子域策略（sp）"),
    m("ui.gen.dmarc.np", "Non-existent subdomain policy (np)", "不存在子域的策略（np）"),
    m("ui.gen.dmarc.adkim", "DKIM alignment (adkim)", "DKIM 对齐（adkim）"),
    m("ui.gen.dmarc.aspf", "SPF alignment (aspf)", "SPF 对齐（aspf）"),
    m("ui.gen.dmarc.unset", "Not set (default)", "不设置（默认）"),
    m("ui.gen.dmarc.relaxed", "relaxed (r)", "宽松（r）"),
    m("ui.gen.dmarc.strict", "strict (s)", "严格（s）"),
    m("ui.gen.dmarc.p.none", "none: monitor only", "none：仅监控"),
    m("ui.gen.dmarc.p.quarantine", "quarantine: to spam", "quarantine：放入垃圾箱"),
    m("ui.gen.dmarc.p.reject", "reject: refuse", "reject：拒收"),
    m("ui.gen.dmarc.rua", "Aggregate reports to (rua)", "汇总报告发往（rua）"),
    m("ui.gen.dmarc.ruf", "Failure reports to (ruf)", "失败报告发往（ruf）"),
    m("ui.gen.mta_sts", "MTA-STS and TLS reporting", "MTA-STS 与 TLS 报告"),
    m(
        "ui.gen.mta_sts.help",
        "MTA-STS tells senders to require TLS to your MX; it needs a small file on https://mta-sts.<domain>.",
        "MTA-STS 要求发信方以 TLS 连接你的 MX；需要在 https://mta-sts.<域名> 上放一个小文件。",
    ),
    m("ui.gen.mta_sts.enabled", "Publish MTA-STS", "发布 MTA-STS"),
    m("ui.gen.mta_sts.mode", "Mode", "模式"),
    m("ui.gen.mta_sts.mode.testing", "testing: report only", "testing：仅报告"),
    m("ui.gen.mta_sts.mode.enforce", "enforce", "enforce：强制"),
    m("ui.gen.mta_sts.mode.none", "none: withdraw the policy", "none：撤销策略"),
    m("ui.gen.mta_sts.max_age", "max_age (seconds)", "max_age（秒）"),
    m("ui.gen.mta_sts.mx", "mx lines (empty: the MX hosts)", "mx 行（留空即所有 MX 主机）"),
    m("ui.gen.mta_sts.web_ipv4", "Web server IPv4 (empty: the first mail host)", "网页服务器 IPv4（留空即第一台邮件主机）"),
    m("ui.gen.mta_sts.web_ipv6", "Web server IPv6", "网页服务器 IPv6"),
    m("ui.gen.tls_rpt.enabled", "Publish TLS-RPT (TLS failure reports)", "发布 TLS-RPT（TLS 失败报告）"),
    m("ui.gen.tls_rpt.rua", "TLS reports to (rua)", "TLS 报告发往（rua）"),
    m("ui.gen.extras", "Extras: null MX, autoconfiguration, CAA, TLSA", "其他：空 MX、客户端自动配置、CAA、TLSA"),
    m("ui.gen.null_mx", "This domain sends and receives no mail (null MX)", "此域名不收发邮件（空 MX）"),
    m(
        "ui.gen.null_mx.help",
        "Publishes only the lockdown set: MX 0 ., v=spf1 -all and DMARC p=reject.",
        "只发布封锁记录：MX 0 .、v=spf1 -all 和 DMARC p=reject。",
    ),
    m("ui.gen.autoconfig", "Client autoconfiguration (SRV)", "客户端自动配置（SRV）"),
    m("ui.gen.autoconfig.target", "Server clients connect to (empty: the first mail host)", "客户端连接的服务器（留空即第一台邮件主机）"),
    m("ui.gen.autoconfig.submissions", "Submission over TLS, port 465", "TLS 提交，端口 465"),
    m("ui.gen.autoconfig.submission", "Submission with STARTTLS, port 587", "STARTTLS 提交，端口 587"),
    m("ui.gen.autoconfig.imaps", "IMAP over TLS, port 993", "IMAP over TLS，端口 993"),
    m("ui.gen.autoconfig.pop3s", "POP3 over TLS, port 995", "POP3 over TLS，端口 995"),
    m("ui.gen.caa", "CAA: which CAs may issue certificates", "CAA：允许哪些 CA 签发证书"),
    m("ui.gen.caa.issuers", "CA domain", "CA 域名"),
    m("ui.gen.caa.iodef", "Report refused requests to (iodef)", "拒绝请求报告发往（iodef）"),
    m("ui.gen.tlsa", "DANE TLSA for the mail host", "邮件主机的 DANE TLSA"),
    m("ui.gen.tlsa.pem", "Certificate or public key (PEM)", "证书或公钥（PEM）"),
    m(
        "ui.gen.tlsa.help",
        "Paste the mail server's certificate; a TLSA 3 1 1 record pins its public key. Needs DNSSEC.",
        "粘贴邮件服务器的证书；TLSA 3 1 1 记录会绑定其公钥。需要 DNSSEC。",
    ),
    m("ui.gen.records", "Records to publish", "需要添加的记录"),
    m("ui.gen.records.own", "Records for your domain's DNS panel", "在你域名的 DNS 控制台中添加的记录"),
    m("ui.gen.records.other", "Records for other domains", "在其他域名中添加的记录"),
    m(
        "ui.gen.records.other_note",
        "These go into another domain's DNS, not yours: ask whoever runs that domain to add them.",
        "这些记录属于其他域名的 DNS，而不是你的：请联系该域名的管理者添加。",
    ),
    m("ui.gen.records.zone", "In the zone of {zone}.", "添加到 {zone} 的区域中。"),
    m(
        "ui.gen.records.none",
        "The records appear here once the fields above have no errors.",
        "上方各项没有错误后，记录会显示在这里。",
    ),
    m("ui.gen.panel", "DNS panel", "DNS 控制台"),
    m("ui.gen.panel.aliyun", "Aliyun DNS (阿里云云解析)", "阿里云云解析"),
    m("ui.gen.panel.dnspod", "DNSPod (腾讯云)", "DNSPod（腾讯云）"),
    m("ui.gen.panel.cloudflare", "Cloudflare", "Cloudflare"),
    m("ui.gen.panel.route53", "AWS Route 53", "AWS Route 53"),
    m("ui.gen.panel.huawei", "Huawei Cloud DNS (华为云云解析)", "华为云云解析服务"),
    m("ui.gen.panel.findings", "What this panel cannot take as shown", "此控制台无法按原样添加的记录"),
    m("ui.gen.panel.generic", "Other (full names with trailing dot)", "其他（完整域名，带结尾的点）"),
    m("ui.gen.col.host", "Name", "名称"),
    m("ui.gen.col.host_cn", "Host (主机记录)", "主机记录"),
    m("ui.gen.col.type", "Type", "记录类型"),
    m("ui.gen.col.value", "Value", "记录值"),
    m("ui.gen.col.priority", "Priority", "优先级"),
    m("ui.gen.col.ttl", "TTL", "TTL"),
    m("ui.gen.col.record", "Zone line", "区域文件行"),
    m("ui.gen.copy.host", "Copy host of", "复制主机记录："),
    m("ui.gen.copy.value", "Copy value of", "复制记录值："),
    m("ui.gen.copy.record", "Copy zone line of", "复制区域文件行："),
    m("ui.gen.copy.priority", "Copy priority of", "复制优先级："),
    m("ui.gen.copy.ttl", "Copy TTL of", "复制 TTL："),
    m("ui.gen.copy.dig", "Copy dig command for", "复制 dig 命令："),
    m("ui.gen.copy.fix", "Copy the fix", "复制修复内容"),
    m("ui.gen.ptr", "Reverse DNS (PTR): ask your provider", "反向解析（PTR）：向服务商申请"),
    m(
        "ui.gen.ptr.help",
        "PTR records live with whoever owns the address (your VPS or ISP), not in your DNS panel. Send them this request.",
        "PTR 记录由 IP 地址的所有者（VPS 或运营商）管理，不在你的 DNS 控制台中。请把以下申请发给他们。",
    ),
    m("ui.gen.ptr.request", "Request for", "申请："),
    m("ui.gen.ptr.copy", "Copy the request for", "复制申请："),
    m("ui.gen.policy", "MTA-STS policy file", "MTA-STS 策略文件"),
    m(
        "ui.gen.policy.help",
        "Serve this file over HTTPS, with a valid certificate, at the URL below.",
        "请通过 HTTPS（证书有效）在下面的地址提供此文件。",
    ),
    m("ui.gen.policy.copy_url", "Copy the policy URL", "复制策略地址"),
    m("ui.gen.policy.copy_body", "Copy the policy file", "复制策略文件"),
    m("ui.gen.policy.download", "Download mta-sts.txt", "下载 mta-sts.txt"),
    m("ui.gen.findings", "Notes on these records", "关于这些记录的提示"),
    m("ui.gen.errors", "To fix before the records can be made", "生成记录前需要修正的问题"),
    m("ui.gen.jump", "Jump to the records ↓", "跳到生成的记录 ↓"),
    m("ui.gen.downloads", "Downloads and sharing", "下载与分享"),
    m("ui.gen.download.zone", "Download BIND zone file", "下载 BIND 区域文件"),
    m("ui.gen.download.csv", "Download CSV", "下载 CSV"),
    m("ui.gen.download.json", "Download JSON", "下载 JSON"),
    m("ui.gen.download.failed", "The browser refused the download.", "浏览器拒绝了下载。"),
    m("ui.gen.exports", "Export for dnscontrol, octoDNS, Terraform, Prometheus", "导出到 dnscontrol、octoDNS、Terraform、Prometheus"),
    m(
        "ui.gen.exports.help",
        "The same records, written for the tool you manage DNS with, or a Prometheus blackbox_exporter kit that watches them. The writer loads when you choose a format.",
        "同样的记录，按您管理 DNS 所用工具的格式写出；或生成一套 Prometheus blackbox_exporter 监控配置来持续检查它们。选择格式时才加载生成程序。",
    ),
    m("ui.gen.export.format", "Format", "格式"),
    m(
        "ui.gen.adopted",
        "This plan was made from records already published. Check every field before you publish anything.",
        "此方案由已发布的记录生成。发布任何内容之前，请逐项检查。",
    ),
    m(
        "ui.gen.adopted.live",
        "Made from what {domain} publishes now. What the plan could not take:",
        "根据 {domain} 当前发布的记录生成。方案无法采用的内容：",
    ),
    m(
        "ui.gen.adopted.export",
        "Made from a {format} export: {taken} mail {taken#record|records} taken, {left} other {left#record|records} left alone. What the plan could not take:",
        "根据 {format} 导出文件生成：采用了 {taken} 条邮件相关记录，其余 {left} 条记录未改动。方案无法采用的内容：",
    ),
    m("ui.gen.adopted.title", "Not taken into the plan", "未纳入方案的内容"),
    m("ui.gen.adopted.notes", "Nothing: every record found fits the plan.", "无：找到的每条记录都已纳入方案。"),
    m("ui.gen.import", "Start from the records you already publish", "从已发布的记录开始"),
    m(
        "ui.gen.import.help",
        "Paste or choose a BIND zone file (what Cloudflare, Route 53 and dig AXFR give) or an Aliyun DNS or DNSPod record table. Only the mail records are taken; the file never leaves this browser.",
        "粘贴或选择 BIND 区域文件（Cloudflare、Route 53、dig AXFR 导出的格式），或阿里云解析、DNSPod 的记录表格。只采用与邮件相关的记录；文件不会离开此浏览器。",
    ),
    m("ui.gen.import.text", "Zone file or record table", "区域文件或记录表格"),
    m("ui.gen.import.file", "Or choose a file", "或选择文件"),
    m("ui.gen.import.read", "Make a plan from these records", "用这些记录生成方案"),
    m("ui.gen.import.reading", "Reading the records…", "正在读取记录…"),
    m(
        "ui.gen.import.unreadable",
        "The plan made from these records could not be read ({reason}). Reload the page and try again.",
        "无法读取由这些记录生成的方案（{reason}）。请刷新页面后重试。",
    ),
    m("ui.gen.export.choose", "Choose a format…", "请选择格式…"),
    m("ui.gen.export.writing", "Writing the files…", "正在生成文件…"),
    m(
        "ui.gen.export.failed",
        "This export could not be written: {reason}",
        "无法生成此导出：{reason}",
    ),
    m("ui.gen.export.retry", "Try again", "重试"),
    m(
        "ui.gen.export.unavailable",
        "The file could not be written: the part of the page that writes files did not load. Check the connection and click again.",
        "无法生成文件：页面中负责生成文件的部分没有加载成功。请检查网络连接后再点一次。",
    ),
    m("ui.gen.export.download", "Download {name}", "下载 {name}"),
    m("ui.gen.share", "Share link", "分享链接"),
    m(
        "ui.gen.share.copied",
        "Share link copied. It holds the whole plan but never a private key.",
        "分享链接已复制。它包含完整方案，但绝不包含私钥。",
    ),
    m(
        "ui.gen.share.made",
        "Share link is in the address bar (copying was refused). It never holds a private key.",
        "分享链接已在地址栏中（复制被拒绝）。它绝不包含私钥。",
    ),
    m("ui.gen.share.opened", "Opened the plan from the share link.", "已从分享链接打开方案。"),
    m(
        "ui.gen.share.kept_saved",
        "The plan you had saved in this browser was kept aside, not overwritten. “Restore my plan” goes back to it; dismissing the notices lets it go.",
        "此浏览器中原先保存的方案已另行保留，没有被覆盖。点击“恢复我的方案”可回到该方案；关闭此提示后将不再保留。",
    ),
    m("ui.gen.share.restore", "Restore my plan", "恢复我的方案"),
    m(
        "ui.gen.codec.failed",
        "The part of the page that reads and writes plans (saving in this browser, share links, adopted records) did not load: what you asked for did not happen, and your latest changes may not be saved yet. Check your connection and try again; your next change tries again too.",
        "页面中负责读写方案（保存到此浏览器、分享链接、采用的记录）的部分未能加载：刚才的操作没有完成，最近的修改也可能尚未保存。请检查网络连接后重试；下一次修改时也会自动重试。",
    ),
    m(
        "ui.gen.codec.unread",
        "The part of the page that reads plans did not load, so the plan saved in this browser (or the share link) was not opened. It is kept as it is: nothing is saved over it until the page reloads. Check your connection and reload.",
        "页面中负责读取方案的部分未能加载，因此没有打开此浏览器中保存的方案（或分享链接）。该方案保持原样：在重新加载页面之前不会被覆盖。请检查网络连接后重新加载。",
    ),
    m(
        "ui.gen.storage.refused",
        "The browser refused to save the plan; it will be lost on reload.",
        "浏览器拒绝保存方案，重新加载后将丢失。",
    ),
];

#[cfg(test)]
mod tests {
    use crate::export::Panel;
    use crate::i18n::lookup;
    use crate::plan::TTL_KINDS;

    /// Codes the page builds from parts must all exist.
    #[test]
    fn composed_codes_exist() {
        let mut codes: Vec<String> = TTL_KINDS.iter().map(|k| format!("ui.gen.ttl.{k}")).collect();
        for k in ["ip4", "ip6", "a", "mx", "includes"] {
            codes.push(format!("ui.gen.spf.{k}"));
        }
        for p in ["hosts", "backup_mx"] {
            codes.push(format!("ui.gen.{p}.one"));
            codes.push(format!("ui.gen.{p}.add"));
            codes.push(format!("ui.gen.{p}.remove"));
        }
        for a in ["rsa-2048", "rsa-1024", "rsa-4096"] {
            codes.push(format!("ui.gen.dkim.alg.{a}"));
        }
        for p in ["none", "quarantine", "reject"] {
            codes.push(format!("ui.gen.dmarc.p.{p}"));
        }
        for m in ["testing", "enforce", "none"] {
            codes.push(format!("ui.gen.mta_sts.mode.{m}"));
        }
        for k in ["mx", "web_ipv4", "web_ipv6"] {
            codes.push(format!("ui.gen.mta_sts.{k}"));
        }
        assert_eq!(Panel::ALL.len(), 6);
        for p in ["aliyun", "dnspod", "cloudflare", "route53", "huawei", "generic"] {
            codes.push(format!("ui.gen.panel.{p}"));
        }
        for c in crate::share::CODES {
            codes.push((*c).to_string());
        }
        for c in &codes {
            assert!(lookup(c).is_some(), "{c} is not in the catalogue");
        }
    }
}
