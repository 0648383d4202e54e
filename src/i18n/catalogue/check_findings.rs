//! Messages for the checker's findings: failed questions (`check.*`), the
//! audit's own findings in each area and plan verification (`plan.*`).
//! Only the checker emits them, so the page's first view does not carry
//! them: the checker sends the texts of the codes in each reply
//! (`Reply::Texts`), and the tools worker links them for its Markdown.

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message {
        code: "check.could_not_check",
        en: "Could not check {type} at {name}: {reason} This says nothing about the record itself; try again later or with another resolver.",
        zh: "无法检查 {name} 的 {type} 记录：{reason}这并不说明记录本身有问题；请稍后重试或换一个解析服务器。",
    },
    Message {
        code: "check.not_checked",
        en: "Not checked: this part needs the {type} answer for {name}, and that question failed: {reason} Nothing is known about it yet; try again.",
        zh: "未检查：这一项需要 {name} 的 {type} 查询结果，而该查询失败了：{reason}目前对此一无所知；请重试。",
    },
    Message {
        code: "check.not_checked_no_host",
        en: "Not checked: the MX of {subject} names no host, only {count#the address|the addresses} {targets}, so there is nothing to look up here. Point the MX at a host name first.",
        zh: "未检查：{subject} 的 MX 没有指向任何主机名，只有 {count} 个地址 {targets}，因此这里没有可查询的内容。请先让 MX 指向一个主机名。",
    },
    Message {
        code: "check.reason.no_mail_host",
        en: "the MX names no host",
        zh: "MX 没有指向主机名",
    },
    Message {
        code: "check.domain_missing",
        en: "{subject} does not exist in DNS ({answer}). Check the spelling, or register and delegate the domain first.",
        zh: "{subject} 在 DNS 中不存在（{answer}）。请检查拼写，或先注册并设置该域名的 DNS 服务器。",
    },
    Message {
        code: "mx.none",
        en: "{subject} has no MX record ({answer}): senders fall back to its address record or give up. Publish an MX that points at your mail server.",
        zh: "{subject} 没有 MX 记录（{answer}）：发件方只能退而使用其地址记录，或直接放弃投递。请发布指向你的邮件服务器的 MX 记录。",
    },
    Message {
        code: "mx.null",
        en: "{subject} publishes a null MX: it accepts no mail. Correct if that is intended.",
        zh: "{subject} 发布了空 MX（null MX）：表示不接收任何邮件。如果这是有意为之，则没有问题。",
    },
    Message {
        code: "mx.no_address",
        en: "The MX host {host} has no A or AAAA record ({answer}), so nobody can deliver mail to it.",
        zh: "MX 主机 {host} 没有 A 或 AAAA 记录（{answer}），任何人都无法向它投递邮件。",
    },
    Message {
        code: "ptr.missing",
        en: "{ip} has no reverse DNS (PTR, {answer}); many receivers refuse mail from such servers. Ask the provider of this address to set its PTR to {host}.",
        zh: "{ip} 没有反向解析（PTR，{answer}）；很多收件方会拒收这类服务器的邮件。请让该地址的提供商把 PTR 设置为 {host}。",
    },
    Message {
        code: "ptr.mismatch",
        en: "The PTR of {ip} names {ptr}, but that name does not resolve back to {ip}. Ask the provider of this address to set its PTR to {host}, which must resolve to {ip}.",
        zh: "{ip} 的 PTR 指向 {ptr}，但该名称并不解析回 {ip}。请让该地址的提供商把 PTR 设置为 {host}，并确保它解析到 {ip}。",
    },
    Message {
        code: "ptr.not_mx_name",
        en: "{ip} maps back to {ptr}, not to the mail host {host}. The server should greet other servers with the name its address maps to; ask your provider to set the PTR to {host}, or make the server use {ptr} as its HELO name.",
        zh: "{ip} 的反向解析是 {ptr}，而不是邮件主机 {host}。服务器与其他服务器握手时应使用其地址反查得到的名称；请让服务商把 PTR 设为 {host}，或让服务器使用 {ptr} 作为 HELO 名称。",
    },
    Message {
        code: "ptr.confirmed",
        en: "{ip} has the reverse name {ptr}, which resolves back to it.",
        zh: "{ip} 的反向名称是 {ptr}，且能正向解析回该地址。",
    },
    Message {
        code: "spf.own_ip_fails",
        en: "Your own server {ip} gets SPF {result} for {domain}: receivers treat its mail as forged. Add it to the SPF record.",
        zh: "你自己的服务器 {ip} 对 {domain} 的 SPF 结果是 {result}：收件方会把它发的邮件当作伪造。请把它加入 SPF 记录。",
    },
    Message {
        code: "spf.own_ip_not_pass",
        en: "Your own server {ip} gets SPF {result} for {domain}, not pass. Add it to the SPF record.",
        zh: "你自己的服务器 {ip} 对 {domain} 的 SPF 结果是 {result}，而不是 pass。请把它加入 SPF 记录。",
    },
    Message {
        code: "spf.own_ip_passes",
        en: "{ip} passes SPF for {domain}.",
        zh: "{ip} 通过了 {domain} 的 SPF 检查。",
    },
    Message {
        code: "spf.lookups_resolved",
        en: "Evaluating the SPF record of {subject} needs {bound?at least }{count} DNS {count#lookup|lookups}, includes counted{failed?, not counting what lies behind $ (that question failed)}; receivers allow 10.",
        zh: "评估 {subject} 的 SPF 记录需要{bound?至少} {count} 次 DNS 查询（含 include{failed?，不含 $ 之后的部分：该查询失败}）；接收方最多允许 10 次。",
    },
    Message {
        code: "dkim.missing",
        en: "No DKIM key at selector {selector} ({subject}, {answer}): mail signed with this selector fails DKIM.",
        zh: "选择器 {selector} 没有 DKIM 公钥（{subject}，{answer}）：用该选择器签名的邮件 DKIM 验证会失败。",
    },
    Message {
        code: "dkim.found",
        en: "DKIM key found at selector {selector} ({subject}).",
        zh: "在选择器 {selector} 找到 DKIM 公钥（{subject}）。",
    },
    Message {
        code: "dkim.selector_guessed",
        en: "Found a DKIM key at the common selector {selector} ({subject}). The selector was guessed: enter yours to check the one you sign with.",
        zh: "在常见选择器 {selector} 找到了 DKIM 公钥（{subject}）。该选择器是猜测的：请输入你实际签名用的选择器再检查。",
    },
    Message {
        code: "dkim.no_selector_found",
        en: "No DKIM key at any common selector ({tried}). This proves nothing, since a selector can be any name: enter yours to check it.",
        zh: "常见选择器（{tried}）下都没有 DKIM 公钥。这说明不了什么，因为选择器可以是任意名称：请输入你的选择器再检查。",
    },
    Message {
        code: "dkim.multiple_records",
        en: "{subject} has {count} DKIM key records; keep exactly one, or verifiers may pick the wrong key.",
        zh: "{subject} 有 {count} 条 DKIM 公钥记录；只能保留一条，否则验证方可能取错密钥。",
    },
    Message {
        code: "dmarc.missing",
        en: "No DMARC record at {subject} ({answer}) nor at a parent domain: receivers apply no policy and send you no reports.",
        zh: "{subject} 及其上级域名都没有 DMARC 记录（{answer}）：收件方不会执行任何策略，也不会给你发报告。",
    },
    Message {
        code: "dmarc.multiple_records",
        en: "{subject} has {count} DMARC records; receivers then apply none. Keep one.",
        zh: "{subject} 有 {count} 条 DMARC 记录；这样收件方一条都不会采用。请只保留一条。",
    },
    Message {
        code: "dmarc.inherited",
        en: "{subject} has no DMARC record of its own ({answer}); the record of {org} applies, with policy {policy}. Publish one here to set your own.",
        zh: "{subject} 自己没有 DMARC 记录（{answer}）；适用的是 {org} 的记录，策略为 {policy}。如需自己的策略，请在这里发布一条。",
    },
    Message {
        code: "dmarc.external_unauthorized",
        en: "Reports to {dest} will not be sent: {dest} does not accept them (no v=DMARC1 at {name}, {answer}). The owner of {dest} must publish the record below.",
        zh: "发往 {dest} 的报告不会被发送：{dest} 没有授权接收（{name} 没有 v=DMARC1，{answer}）。需由 {dest} 的所有者发布下面这条记录。",
    },
    Message {
        code: "dmarc.external_authorized",
        en: "{dest} accepts your DMARC reports (v=DMARC1 at {name}).",
        zh: "{dest} 已授权接收你的 DMARC 报告（{name} 有 v=DMARC1）。",
    },
    Message {
        code: "mta_sts.missing",
        en: "No MTA-STS record ({subject}, {answer}): an attacker on the path can make senders deliver to you without TLS. Optional, but recommended.",
        zh: "没有 MTA-STS 记录（{subject}，{answer}）：路径上的攻击者可以让发件方不用 TLS 向你投递。可选，但推荐配置。",
    },
    Message {
        code: "mta_sts.multiple_records",
        en: "{subject} has {count} MTA-STS records; senders then use none. Keep one.",
        zh: "{subject} 有 {count} 条 MTA-STS 记录；这样发件方一条都不会采用。请只保留一条。",
    },
    Message {
        code: "mta_sts.host_missing",
        en: "MTA-STS is announced, but {host} does not resolve ({answer}): senders cannot fetch the policy.",
        zh: "已声明 MTA-STS，但 {host} 无法解析（{answer}）：发件方取不到策略文件。",
    },
    Message {
        code: "mta_sts.fetch_policy",
        en: "The policy file was not fetched in this run. Fetch it with {command} and paste it in the form to check it.",
        zh: "本次检查没有获取策略文件。请用 {command} 获取，再粘贴到表单里检查。",
    },
    Message {
        code: "mta_sts.fetch_not_allowed",
        en: "This page can fetch the policy file itself once you allow {origin}: the page reloads once, then asks that host, which sees your address. Or fetch it with {command} and paste it in the form.",
        zh: "允许 {origin} 之后，本页面可以自己获取策略文件：页面会重新加载一次，然后向该主机请求（对方会看到你的 IP 地址）。也可以用 {command} 获取后粘贴到表单里。",
    },
    Message {
        code: "mta_sts.fetched",
        en: "Fetched {url}: HTTP 200, {content_type}, {bytes} bytes; mode {mode}, max_age {max_age}, mx {mx}. The checks in this area are of this file.",
        zh: "已获取 {url}：HTTP 200，{content_type}，{bytes} 字节；mode {mode}，max_age {max_age}，mx {mx}。本项的检查针对的就是这个文件。",
    },
    Message {
        code: "mta_sts.fetch_cors_blocked",
        en: "{origin} answered, but without an Access-Control-Allow-Origin header, so the browser keeps the answer (even its status) from this page. Senders do not need that header; only pages do. To let this page read it, make that host send Access-Control-Allow-Origin: * (the policy-host kit in Generate does); meanwhile fetch it with {command} and paste it in the form.",
        zh: "{origin} 有应答，但没有 Access-Control-Allow-Origin 头，所以浏览器不让本页面读取应答（连状态码也看不到）。发件方不需要这个头，只有网页需要。若想让本页面读取，请让该主机发送 Access-Control-Allow-Origin: *（“生成”里的策略主机配置包已包含）；在此之前可以用 {command} 获取后粘贴到表单里。",
    },
    Message {
        code: "mta_sts.fetch_failed",
        en: "Could not fetch {url}: {reason}. The browser does not say why: the certificate may not be valid for {host} (senders require one that is, RFC 8461 §3.3), the host may not accept HTTPS connections, or your own network may block it. A sender that cannot fetch the policy delivers as if there were none. See what happens with {command}.",
        zh: "无法获取 {url}：{reason}。浏览器不说明原因：可能是证书对 {host} 无效（发件方要求证书有效，RFC 8461 §3.3），可能是该主机不接受 HTTPS 连接，也可能是你自己的网络拦截了。发件方取不到策略时，会当作没有策略来投递。请用 {command} 查看具体情况。",
    },
    Message {
        code: "mta_sts.policy_redirect",
        en: "{url} answers with a redirect. Senders do not follow redirects when they fetch the policy (RFC 8461 §3.3), so for them there is no policy. Serve the file at this exact URL with status 200.",
        zh: "{url} 返回的是重定向。发件方获取策略时不跟随重定向（RFC 8461 §3.3），所以对它们来说没有策略。请在这个地址直接以状态码 200 提供该文件。",
    },
    Message {
        code: "mta_sts.policy_http_status",
        en: "{url} answered HTTP {status}, not 200. Senders take the policy only from a 200 answer (RFC 8461 §3.3), so for them there is no policy. Serve the file at this URL.",
        zh: "{url} 返回 HTTP {status}，而不是 200。发件方只接受状态码 200 的策略（RFC 8461 §3.3），所以对它们来说没有策略。请在这个地址提供该文件。",
    },
    Message {
        code: "mta_sts.policy_content_type",
        en: "{url} is served as {content_type}, not text/plain. Senders check the media type and may refuse the policy (RFC 8461 §3.3). Serve it as text/plain (the policy-host kit in Generate does).",
        zh: "{url} 的媒体类型是 {content_type}，不是 text/plain。发件方会检查媒体类型，可能拒绝该策略（RFC 8461 §3.3）。请以 text/plain 提供（“生成”里的策略主机配置包已这样设置）。",
    },
    Message {
        code: "mta_sts.policy_without_record",
        en: "{url} serves a policy, but {subject} has no MTA-STS record, so senders never fetch it (RFC 8461 §3.1). Publish the _mta-sts TXT record with an id, or remove the file.",
        zh: "{url} 提供了策略文件，但 {subject} 没有 MTA-STS 记录，所以发件方根本不会去获取它（RFC 8461 §3.1）。请发布带 id 的 _mta-sts TXT 记录，或删掉该文件。",
    },
    Message {
        code: "mta_sts.id_unchanged",
        en: "The policy at {url} is not the one this browser saw under the same id {id} (then: {before}; now: {now}). Senders that cached the old policy do not fetch the new one until the id changes or max_age runs out (RFC 8461 §3.1, §8.1). Change the id in the TXT record whenever the policy changes.",
        zh: "{url} 的策略与本浏览器之前在同一个 id {id} 下看到的不同（之前：{before}；现在：{now}）。已缓存旧策略的发件方在 id 改变或 max_age 到期前不会获取新策略（RFC 8461 §3.1、§8.1）。每次修改策略都要同时修改 TXT 记录里的 id。",
    },
    Message {
        code: "tls_rpt.missing",
        en: "No TLS-RPT record ({subject}, {answer}): you get no reports when others fail to deliver to you over TLS.",
        zh: "没有 TLS-RPT 记录（{subject}，{answer}）：别人通过 TLS 向你投递失败时，你收不到报告。",
    },
    Message {
        code: "tls_rpt.multiple_records",
        en: "{subject} has {count} TLS-RPT records; senders then use none. Keep one.",
        zh: "{subject} 有 {count} 条 TLS-RPT 记录；这样发件方一条都不会采用。请只保留一条。",
    },
    Message {
        code: "caa.none",
        en: "No CAA record at {subject} ({answer}) nor at any parent domain: any certificate authority may issue certificates for it, including for mta-sts.{subject} and the mail hosts. To allow only your CA, publish a CAA record naming it (the fix uses Let's Encrypt; put your CA's domain there).",
        zh: "{subject} 及其所有上级域名都没有 CAA 记录（{answer}）：任何证书机构都可以为它签发证书，包括 mta-sts.{subject} 和邮件主机。若只允许你使用的证书机构，请发布指明它的 CAA 记录（修复示例用的是 Let's Encrypt，请换成你的证书机构的域名）。",
    },
    Message {
        code: "caa.inherited",
        en: "{subject} has no CAA record of its own; the one at {owner} applies to it (RFC 8659 climbs the tree): {records}.",
        zh: "{subject} 自身没有 CAA 记录，适用的是上级 {owner} 的 CAA（RFC 8659 会逐级向上查找）：{records}。",
    },
    Message {
        code: "caa.present",
        en: "CAA at {subject}: {records}.",
        zh: "{subject} 的 CAA：{records}。",
    },
    Message {
        code: "tlsa.none",
        en: "No TLSA record for the MX hosts of {subject} ({answer}): DANE is not used.",
        zh: "{subject} 的 MX 主机没有 TLSA 记录（{answer}）：未使用 DANE。",
    },
    Message {
        code: "tlsa.present",
        en: "{count} TLSA {count#record|records} for {host}: DANE protects SMTP to it.",
        zh: "{host} 有 {count} 条 TLSA 记录：发往它的 SMTP 受 DANE 保护。",
    },
    Message {
        code: "tlsa.without_dnssec",
        en: "TLSA records are published, but the answers are not DNSSEC-validated: senders ignore DANE without DNSSEC. Sign the zone.",
        zh: "已发布 TLSA 记录，但应答未经 DNSSEC 验证：没有 DNSSEC，发件方会忽略 DANE。请为区域签名。",
    },
    Message {
        code: "dnssec.unsigned",
        en: "The answers for {subject} were not validated with DNSSEC (no AD bit): the zone is probably unsigned.",
        zh: "{subject} 的应答未经 DNSSEC 验证（没有 AD 标志）：该区域很可能没有签名。",
    },
    Message {
        code: "dnssec.validated",
        en: "The answers for {subject} were validated with DNSSEC.",
        zh: "{subject} 的应答已通过 DNSSEC 验证。",
    },
    Message {
        code: "plan.ok",
        en: "Published as planned: {record}",
        zh: "已按计划发布：{record}",
    },
    Message {
        code: "plan.missing",
        en: "Not published yet ({answer}): {record}",
        zh: "尚未发布（{answer}）：{record}",
    },
    Message {
        code: "plan.different",
        en: "{subject} has a different value: planned {expected}, found {found}.",
        zh: "{subject} 的值与计划不同：计划为 {expected}，实际为 {found}。",
    },
    Message {
        code: "plan.spf_equivalent",
        en: "{subject} publishes {found} instead of the planned {expected}. The text differs, but it gives every planned server a pass and everyone else the same result, so nothing needs to change; publish the planned record only if you prefer it.",
        zh: "{subject} 发布的是 {found}，而不是计划中的 {expected}。文字不同，但它对计划中的每台服务器都给出 pass，对其他发件方给出相同结果，因此无需修改；如果你更喜欢计划中的写法，再发布它即可。",
    },
    Message {
        code: "plan.shadowed",
        en: "The planned record is void because of {by} at {subject}: {record}. Remove the conflicting record.",
        zh: "由于 {subject} 存在 {by}，计划中的记录失效：{record}。请删除冲突的记录。",
    },
    Message {
        code: "plan.extra",
        en: "{subject} also has {type} {found}, which is not in the plan.",
        zh: "{subject} 还有不在计划中的 {type} 记录 {found}。",
    },
    Message {
        code: "check.area.blocklists",
        en: "Blocklists (DNSBL)",
        zh: "黑名单（DNSBL）",
    },
];
