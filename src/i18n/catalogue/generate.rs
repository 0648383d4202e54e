//! Messages of the generator (`generate.*`), the one-line explanation of
//! each generated record (`explain.*`), and the share link errors (`share.*`).

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message {
        code: "generate.other_zone",
        en: "{subject} is not under your domain: publish this record in the DNS of {zone}.",
        zh: "{subject} 不在您的域名下：请在 {zone} 的 DNS 中发布此记录。",
    },
    Message {
        code: "generate.other_zone_report_auth",
        en: "Reports go to another domain: whoever runs {zone} must publish this record, or receivers will not send them.",
        zh: "报告发往其他域名：必须由 {zone} 的管理者发布此记录，否则收件方不会发送报告。",
    },
    Message {
        code: "generate.ptr_needed",
        en: "Reverse DNS (PTR) is set by whoever owns the IP addresses, not in your DNS panel: send them the requests under “Reverse DNS (PTR): ask your provider”.",
        zh: "反向解析（PTR）由 IP 地址的所有者设置，而不是在您的 DNS 控制台：请把“反向解析（PTR）：向服务商申请”中的申请发给他们。",
    },
    Message {
        code: "generate.ptr_request",
        en: "Please set the reverse DNS (PTR) of {ip} to {host} (record {reverse} PTR {host}.). It is our mail server; {host} resolves back to {ip}.",
        zh: "请将 {ip} 的反向解析（PTR）设置为 {host}（记录：{reverse} PTR {host}.）。这是我们的邮件服务器，{host} 正向解析即为 {ip}。",
    },
    Message {
        code: "generate.no_dkim",
        en: "No DKIM key yet: generate one or paste its public key. Without DKIM, DMARC can only pass through SPF, which breaks on forwarding.",
        zh: "还没有 DKIM 密钥：请生成或粘贴公钥。没有 DKIM，DMARC 只能靠 SPF 通过，而邮件转发会使 SPF 失效。",
    },
    Message {
        code: "generate.mta_sts_serve_policy",
        en: "Serve this policy file at {url} over HTTPS with a valid certificate for that host; the TXT record alone does nothing.",
        zh: "请通过 HTTPS 在 {url} 提供此策略文件，并为该主机配置有效证书；只有 TXT 记录不起作用。",
    },
    Message {
        code: "generate.tlsa_needs_dnssec",
        en: "TLSA records count only when the zone of {subject} is signed with DNSSEC; without it senders ignore them.",
        zh: "只有 {subject} 的区域启用 DNSSEC 签名后 TLSA 记录才会生效；否则发件方会忽略它们。",
    },
    Message {
        code: "generate.record_error",
        en: "Internal error: the generated record {record} does not read back. Please report it.",
        zh: "内部错误：生成的记录 {record} 无法被正确读回。请报告此问题。",
    },
    Message {
        code: "explain.mx",
        en: "Where other servers deliver mail for the domain; the lowest number is tried first.",
        zh: "其他服务器向本域名投递邮件的地址；数值最小的优先尝试。",
    },
    Message {
        code: "explain.mx_backup",
        en: "Backup MX: tried when the main mail host does not answer.",
        zh: "备用 MX：主邮件服务器无响应时尝试。",
    },
    Message {
        code: "explain.null_mx",
        en: "Null MX: this domain receives no mail, so senders fail at once instead of retrying for days.",
        zh: "空 MX：本域名不接收邮件，发件方会立即失败，而不是重试好几天。",
    },
    Message {
        code: "explain.a",
        en: "The IPv4 address of the host; an MX must point to a name with address records, not a CNAME.",
        zh: "主机的 IPv4 地址；MX 必须指向有地址记录的主机名，不能是 CNAME。",
    },
    Message {
        code: "explain.aaaa",
        en: "The IPv6 address of the host. Publish it only if the server really sends and receives over IPv6.",
        zh: "主机的 IPv6 地址。仅当服务器确实通过 IPv6 收发邮件时才发布。",
    },
    Message {
        code: "explain.spf",
        en: "SPF: the addresses allowed to send mail as the domain; everything else fails.",
        zh: "SPF：允许以本域名发信的地址；其他地址一律不通过。",
    },
    Message {
        code: "explain.spf_null",
        en: "SPF for a domain that sends no mail: no address may send as it.",
        zh: "不发信域名的 SPF：任何地址都不得以它发信。",
    },
    Message {
        code: "explain.dkim",
        en: "DKIM public key: receivers check the signature your server adds to each message with it.",
        zh: "DKIM 公钥：收件方用它验证您的服务器给每封邮件加的签名。",
    },
    Message {
        code: "explain.dkim_ed25519",
        en: "Second DKIM key (Ed25519), alongside the RSA one for receivers that know it.",
        zh: "第二个 DKIM 密钥（Ed25519），与 RSA 密钥并存，供支持它的收件方使用。",
    },
    Message {
        code: "explain.dmarc",
        en: "DMARC: what receivers do with mail that fails both SPF and DKIM alignment, and where they send reports.",
        zh: "DMARC：告诉收件方如何处理 SPF 和 DKIM 对齐都失败的邮件，以及把报告发到哪里。",
    },
    Message {
        code: "explain.dmarc_null",
        en: "DMARC reject: any mail claiming to be from this domain is forged and should be refused.",
        zh: "DMARC 拒收：任何声称来自本域名的邮件都是伪造的，应当拒收。",
    },
    Message {
        code: "explain.dmarc_report_auth",
        en: "Lets the other domain accept DMARC reports about yours; it goes in that domain's DNS.",
        zh: "允许另一个域名接收关于本域名的 DMARC 报告；须发布在那个域名的 DNS 中。",
    },
    Message {
        code: "explain.mta_sts",
        en: "MTA-STS: tells senders a TLS policy exists; the id changes whenever the policy file does.",
        zh: "MTA-STS：告诉发件方存在 TLS 策略；策略文件每次变化时 id 都会随之改变。",
    },
    Message {
        code: "explain.mta_sts_host",
        en: "The web server that serves the MTA-STS policy file over HTTPS.",
        zh: "通过 HTTPS 提供 MTA-STS 策略文件的网站服务器。",
    },
    Message {
        code: "explain.tls_rpt",
        en: "TLS-RPT: where senders report failed TLS connections to your mail server.",
        zh: "TLS-RPT：发件方向此地址报告与您邮件服务器的 TLS 连接失败。",
    },
    Message {
        code: "explain.srv",
        en: "Lets mail clients find the server and port by themselves.",
        zh: "让邮件客户端自动找到服务器和端口。",
    },
    Message {
        code: "explain.srv_not_offered",
        en: "Says this service is not offered, so clients do not try it.",
        zh: "声明不提供此服务，客户端就不会尝试。",
    },
    Message {
        code: "explain.caa_issue",
        en: "Only this certificate authority may issue certificates for the domain.",
        zh: "只允许此证书颁发机构为本域名签发证书。",
    },
    Message {
        code: "explain.caa_iodef",
        en: "Where certificate authorities report requests they refused.",
        zh: "证书颁发机构报告被拒绝的签发请求的地址。",
    },
    Message {
        code: "explain.tlsa",
        en: "DANE: the fingerprint of the mail server's public key, so senders can check its certificate (needs DNSSEC).",
        zh: "DANE：邮件服务器公钥的指纹，让发件方能校验其证书（需要 DNSSEC）。",
    },
    Message {
        code: "share.bad_version",
        en: "This share link is from a version of the page that cannot be read here.",
        zh: "此分享链接来自无法识别的页面版本。",
    },
    Message {
        code: "share.bad_base64",
        en: "This share link is damaged (not valid base64url); copy it again in full.",
        zh: "此分享链接已损坏（不是有效的 base64url）；请完整地重新复制。",
    },
    Message {
        code: "share.bad_compression",
        en: "This share link is damaged (the data does not decompress); copy it again in full.",
        zh: "此分享链接已损坏（数据无法解压）；请完整地重新复制。",
    },
    Message {
        code: "share.bad_json",
        en: "This share link does not hold a readable plan.",
        zh: "此分享链接中没有可读取的配置。",
    },
    Message {
        code: "share.too_large",
        en: "This share link is too large to open.",
        zh: "此分享链接太大，无法打开。",
    },
];
