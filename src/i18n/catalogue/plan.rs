//! Messages for the generator form's field checks (`plan.*`).

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message {
        code: "plan.no_mail_host",
        en: "Add at least one mail host for {subject}, or switch on “no mail” (null MX).",
        zh: "请为 {subject} 至少添加一台邮件主机，或打开“不收发邮件”（空 MX）。",
    },
    Message {
        code: "plan.host_no_address",
        en: "{subject} is in your domain but has no IPv4 or IPv6 address here: the MX would point to a name that does not resolve. Enter its address.",
        zh: "{subject} 属于您的域名，但这里没有填写 IPv4 或 IPv6 地址：MX 会指向一个无法解析的名称。请填写其地址。",
    },
    Message {
        code: "plan.duplicate_host",
        en: "{subject} is listed twice.",
        zh: "{subject} 重复填写了。",
    },
    Message {
        code: "plan.backup_mx_no_name",
        en: "Give the backup MX a host name.",
        zh: "请填写备用 MX 的主机名。",
    },
    Message {
        code: "plan.bad_priority",
        en: "MX priority “{value}” must be a whole number from 0 to 65535; lower is tried first.",
        zh: "MX 优先级“{value}”必须是 0 到 65535 的整数；数值越小越先尝试。",
    },
    Message {
        code: "plan.unknown_ttl_kind",
        en: "There is no record kind “{subject}” to set a TTL for.",
        zh: "没有名为“{subject}”的记录类别可以设置 TTL。",
    },
    Message {
        code: "plan.bad_cidr",
        en: "The prefix length in {subject} must be 0 to {max}.",
        zh: "{subject} 中的前缀长度必须在 0 到 {max} 之间。",
    },
    Message {
        code: "plan.private_key_pasted",
        en: "This is a PRIVATE key. Never paste it into a web page or DNS; paste the public key. It was not kept.",
        zh: "这是私钥。切勿把私钥粘贴到网页或 DNS 中；请粘贴公钥。此内容未被保存。",
    },
    Message {
        code: "plan.dkim_selector_suffix",
        en: "“{text}” is the host record, not the selector. The selector is “{selector}”: the key is published at {selector}._domainkey under your domain, and the page uses “{selector}”.",
        zh: "“{text}”是主机记录，不是选择器。选择器是“{selector}”：公钥发布在你的域名下的 {selector}._domainkey，本页将使用“{selector}”。",
    },
    Message {
        code: "plan.domain_is_host",
        en: "“{domain}” looks like the name of a mail server, not a mail domain. The mail domain is what follows @ in your addresses: for you@{parent} it is {parent}, and the mail host is then mail.{parent}. Keep {domain} only if your addresses really end in @{domain}.",
        zh: "“{domain}”看起来像邮件服务器的名字，而不是邮件域名。邮件域名是邮箱地址中 @ 后面的部分：对 you@{parent} 来说是 {parent}，邮件主机则是 mail.{parent}。只有当你的邮箱地址确实以 @{domain} 结尾时，才保留 {domain}。",
    },
    Message {
        code: "plan.dkim_no_selector",
        en: "Enter a DKIM selector (for example s202611) so the key can be published.",
        zh: "请填写 DKIM 选择器（例如 s202611），否则无法发布公钥。",
    },
    Message {
        code: "plan.dkim_no_key",
        en: "No public key yet for selector {subject}: generate one or paste it to get the DKIM record.",
        zh: "选择器 {subject} 还没有公钥：生成或粘贴公钥后才会生成 DKIM 记录。",
    },
    Message {
        code: "plan.dkim_not_rsa",
        en: "This is not an RSA public key. Paste the RSA key here; an Ed25519 key goes in its own field.",
        zh: "这不是 RSA 公钥。请在此粘贴 RSA 公钥；Ed25519 公钥请填在单独的栏位。",
    },
    Message {
        code: "plan.dkim_size_mismatch",
        en: "The pasted key has {bits} bits, not the {wanted} chosen; the record uses the key as pasted.",
        zh: "粘贴的公钥是 {bits} 位，而不是所选的 {wanted} 位；记录按粘贴的公钥生成。",
    },
    Message {
        code: "plan.dkim_rsa_1024",
        en: "A {bits}-bit RSA key is weak; use 2048 bits.",
        zh: "{bits} 位 RSA 密钥强度不足；请使用 2048 位。",
    },
    Message {
        code: "plan.dkim_rsa_4096",
        en: "A {bits}-bit key makes a TXT record longer than 255 bytes: it is split into several strings, and some DNS panels refuse or mangle values that long. 2048 bits is the usual choice.",
        zh: "{bits} 位密钥会让 TXT 记录超过 255 字节：需拆成多个字符串，部分 DNS 控制台会拒绝或截断这么长的值。通常用 2048 位即可。",
    },
    Message {
        code: "plan.dkim_not_ed25519",
        en: "This is not an Ed25519 public key.",
        zh: "这不是 Ed25519 公钥。",
    },
    Message {
        code: "plan.dkim_ed25519_without_rsa",
        en: "Publish an Ed25519 key only alongside an RSA key: many receivers cannot verify Ed25519 yet.",
        zh: "Ed25519 密钥只能与 RSA 密钥一起发布：很多收件方还不能验证 Ed25519。",
    },
    Message {
        code: "plan.dkim_same_selector",
        en: "The Ed25519 key needs a selector of its own, different from the RSA key's.",
        zh: "Ed25519 密钥需要单独的选择器，不能与 RSA 密钥相同。",
    },
    Message {
        code: "plan.bad_max_age",
        en: "max_age “{subject}” must be a number of seconds, at most 31557600 (one year).",
        zh: "max_age“{subject}”必须是秒数，最大 31557600（一年）。",
    },
    Message {
        code: "plan.bad_mx_pattern",
        en: "“{subject}” is not an MX pattern: use a host name such as mail.example.com or *.example.com.",
        zh: "“{subject}”不是有效的 MX 模式：请填写主机名，例如 mail.example.com 或 *.example.com。",
    },
    Message {
        code: "plan.mta_sts_no_web_address",
        en: "No address for the web server mta-sts.{subject}: publish its A/AAAA record yourself, or enter the address.",
        zh: "没有 mta-sts.{subject} 网站服务器的地址：请自行发布其 A/AAAA 记录，或填写地址。",
    },
    Message {
        code: "plan.bad_report_uri",
        en: "“{subject}” cannot be a report address here: use mailto:you@example.com or an https:// URL, without commas or “!”.",
        zh: "“{subject}”不能作为报告地址：请用 mailto:you@example.com 或 https:// 网址，且不含逗号或“!”。",
    },
    Message {
        code: "plan.tls_rpt_no_rua",
        en: "TLS-RPT needs at least one report address.",
        zh: "TLS-RPT 至少需要一个报告地址。",
    },
    Message {
        code: "plan.caa_no_issuer",
        en: "Name at least one certificate authority (for example letsencrypt.org), or switch CAA off.",
        zh: "请至少填写一个证书颁发机构（例如 letsencrypt.org），或关闭 CAA。",
    },
    Message {
        code: "plan.caa_bad_iodef",
        en: "“{subject}” is not a report URL: use mailto: or https:.",
        zh: "“{subject}”不是有效的报告网址：请使用 mailto: 或 https:。",
    },
    Message {
        code: "plan.tlsa_no_pem",
        en: "Paste the mail server's certificate or public key (PEM) to get the TLSA record.",
        zh: "请粘贴邮件服务器的证书或公钥（PEM 格式）以生成 TLSA 记录。",
    },
    Message {
        code: "plan.tlsa_bad_pem",
        en: "This is not a PEM certificate or public key (-----BEGIN CERTIFICATE----- or -----BEGIN PUBLIC KEY-----).",
        zh: "这不是 PEM 格式的证书或公钥（-----BEGIN CERTIFICATE----- 或 -----BEGIN PUBLIC KEY-----）。",
    },
    Message {
        code: "plan.tlsa_bad_der",
        en: "The PEM block does not hold a readable certificate or public key.",
        zh: "PEM 内容不是可读取的证书或公钥。",
    },
    Message {
        code: "plan.autoconfig_target_no_address",
        en: "{subject} is in your domain but is not a mail host with an address here: clients could not reach it. Pick a mail host, or add it as one.",
        zh: "{subject} 属于您的域名，但不是这里已填写地址的邮件主机：客户端将无法连接。请选择一台邮件主机，或把它添加为邮件主机。",
    },
    Message {
        code: "plan.record_too_large",
        en: "The {type} record at {subject} would carry {len} octets of data, but one DNS answer holds at most {max}; no DNS server can hand it out and zone files with it do not load. Shorten this entry or publish fewer of them.",
        zh: "{subject} 的 {type} 记录将有 {len} 字节的数据，而一个 DNS 应答最多只能容纳 {max} 字节；任何 DNS 服务器都无法返回它，含有它的区域文件也无法加载。请缩短此项或减少条目数量。",
    },
    Message {
        code: "plan.spf_too_many_lookups",
        en: "The SPF record would need {count} DNS lookups before counting what the includes need; receivers stop at 10 and fail it.",
        zh: "SPF 记录在计入 include 内部查询之前就已需要 {count} 次 DNS 查询；收件方最多查询 10 次，超过即判定失败。",
    },
    Message {
        code: "plan.null_mx_ignores_hosts",
        en: "“No mail” is on: the mail hosts you entered are not published.",
        zh: "已打开“不收发邮件”：填写的邮件主机不会被发布。",
    },
];
