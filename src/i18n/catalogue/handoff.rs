//! Texts of the `handoff.*` codes: the checks a browser cannot run, handed
//! over as commands (src/handoff). For each: what to run, what a good and a
//! bad output mean, and why the page cannot test it itself.

use crate::i18n::Message;

pub(super) const MESSAGES: &[Message] = &[
    Message {
        code: "handoff.starttls",
        en: "STARTTLS on port 25: run these from any machine with OpenSSL. The first prints the certificate chain each MX host presents (paste it into the DANE check); the second says in a few lines whether that certificate is valid and names the host.",
        zh: "25 端口上的 STARTTLS：在任意装有 OpenSSL 的机器上运行以下命令。第一条打印每台 MX 主机出示的证书链（可粘贴到 DANE 检查中）；第二条用几行说明该证书是否有效、是否包含该主机名。",
    },
    Message {
        code: "handoff.starttls.good",
        en: "Good: the connection is established, TLS 1.2 or 1.3 is used, the certificate names the MX host and \"Verification: OK\" is printed.",
        zh: "正常：连接建立，使用 TLS 1.2 或 1.3，证书包含该 MX 主机名，并打印 “Verification: OK”。",
    },
    Message {
        code: "handoff.starttls.bad",
        en: "Bad: \"Didn't find STARTTLS\" means the server does not offer STARTTLS, so mail to it travels in clear text; a verification error (expired, hostname mismatch, unable to get local issuer) means senders that check certificates (MTA-STS, DANE) will not deliver. Install a certificate for the MX host name with its full chain and turn STARTTLS on.",
        zh: "异常：“Didn't find STARTTLS” 表示服务器未提供 STARTTLS，发往它的邮件以明文传输；出现验证错误（证书过期、主机名不匹配、找不到签发者）表示会校验证书的发件方（MTA-STS、DANE）不会投递。请为 MX 主机名安装带完整证书链的证书，并启用 STARTTLS。",
    },
    Message {
        code: "handoff.starttls.why",
        en: "A web page cannot test this: STARTTLS is a command inside an SMTP session on a raw TCP connection to port 25, and a browser opens no raw TCP connection; fetch speaks only HTTP(S).",
        zh: "网页无法测试此项：STARTTLS 是 25 端口原始 TCP 连接上 SMTP 会话中的一条命令，而浏览器不能建立原始 TCP 连接；fetch 只能使用 HTTP(S)。",
    },
    Message {
        code: "handoff.port25",
        en: "Port 25 from outside: check that each MX host accepts connections on port 25 from the Internet. Run it from a machine outside the server's own network.",
        zh: "从外部访问 25 端口：检查每台 MX 主机能否从互联网接受 25 端口的连接。请在服务器所在网络之外的机器上运行。",
    },
    Message {
        code: "handoff.port25.good",
        en: "Good: \"succeeded\" (or \"open\"): the port is reachable and other mail servers can deliver.",
        zh: "正常：显示 “succeeded”（或 “open”）：端口可达，其他邮件服务器可以投递。",
    },
    Message {
        code: "handoff.port25.bad",
        en: "Bad: \"timed out\" means something drops the connection (a firewall, the hosting provider's port 25 block, or the network you test from); \"Connection refused\" means the host answers but no mail server listens on port 25. Open the port in the firewall, ask the provider to lift its block, or start the mail server.",
        zh: "异常：“timed out” 表示连接被丢弃（防火墙、主机商封锁 25 端口，或你测试所在的网络）；“Connection refused” 表示主机有响应，但 25 端口上没有邮件服务在监听。请在防火墙中放行该端口、请主机商解除封锁，或启动邮件服务。",
    },
    Message {
        code: "handoff.port25.why",
        en: "A web page cannot test this: it would need a TCP connection to port 25, and a browser only makes HTTP(S) requests (fetch), never raw TCP.",
        zh: "网页无法测试此项：这需要连接 25 端口的 TCP 连接，而浏览器只能发出 HTTP(S) 请求（fetch），不能建立原始 TCP 连接。",
    },
    Message {
        code: "handoff.port25.outbound_blocked",
        en: "Many home, office and cloud networks block outgoing connections to port 25 to stop spam. A time-out from such a network says nothing about {subject}: run the test from another network (a different provider's server, a phone hotspot) before changing anything. Such a block does not touch your mail clients: they send on port 465 or 587.",
        zh: "许多家庭、办公和云网络会封锁对外的 25 端口连接以防垃圾邮件。在这类网络中超时并不能说明 {subject} 有问题：修改任何设置之前，请换一个网络（其他服务商的服务器、手机热点）再测试。这种封锁不影响你的邮件客户端：它们通过 465 或 587 端口发信。",
    },
    Message {
        code: "handoff.relay",
        en: "Open relay: ask each MX host to accept mail from one outside address to another outside address. It must refuse: a server that relays mail for anyone is abused for spam within hours and ends up on every blocklist.",
        zh: "开放中继：请每台 MX 主机接收一封从外部地址发往另一个外部地址的邮件。它必须拒绝：替任何人转发邮件的服务器几小时内就会被滥用来发垃圾邮件，并被所有黑名单收录。",
    },
    Message {
        code: "handoff.relay.good",
        en: "Good: the RCPT TO is rejected with a 5xx reply such as \"554 5.7.1 Relay access denied\": the server only accepts mail for its own domains, or from users who log in.",
        zh: "正常：RCPT TO 被 5xx 回复拒绝，如 “554 5.7.1 Relay access denied”：服务器只接收发往自己域名的邮件，或来自已登录用户的邮件。",
    },
    Message {
        code: "handoff.relay.bad",
        en: "Bad: a 250 reply to RCPT TO means the server is an open relay. Restrict relaying to authenticated users and your own networks at once (Postfix: smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination). The test stops before DATA, so no message was sent.",
        zh: "异常：RCPT TO 得到 250 回复，说明服务器是开放中继。请立即把中继限制为已认证用户和你自己的网络（Postfix：smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination）。该测试在 DATA 之前停止，因此没有发出任何邮件。",
    },
    Message {
        code: "handoff.relay.why",
        en: "A web page cannot test this: it takes an SMTP conversation (EHLO, MAIL FROM, RCPT TO) over a raw TCP connection to port 25, which a browser cannot open; fetch speaks only HTTP(S).",
        zh: "网页无法测试此项：这需要在连接 25 端口的原始 TCP 连接上进行 SMTP 对话（EHLO、MAIL FROM、RCPT TO），而浏览器无法建立这种连接；fetch 只能使用 HTTP(S)。",
    },
    Message {
        code: "handoff.relay.trusted_network",
        en: "Run the relay test from a network {subject} does not trust (not the server itself, not its own subnet or VPN): from a trusted network relaying is allowed on purpose, and the test would wrongly look bad.",
        zh: "请在 {subject} 不信任的网络中运行中继测试（不要在服务器本机、其所在子网或 VPN 中运行）：来自受信任网络的中继是有意允许的，测试结果会被误判为异常。",
    },
    Message {
        code: "handoff.ipv6",
        en: "IPv6: check that each MX host has its IPv6 address in DNS (AAAA) and accepts connections on port 25 over IPv6. Senders with IPv6 try it first.",
        zh: "IPv6：检查每台 MX 主机是否在 DNS 中有 IPv6 地址（AAAA），并能通过 IPv6 接受 25 端口的连接。具备 IPv6 的发件方会优先尝试它。",
    },
    Message {
        code: "handoff.ipv6.good",
        en: "Good: dig prints the host's IPv6 address, and nc -6 connects (\"succeeded\").",
        zh: "正常：dig 打印出该主机的 IPv6 地址，且 nc -6 连接成功（“succeeded”）。",
    },
    Message {
        code: "handoff.ipv6.bad",
        en: "Bad: a time-out over IPv6 while IPv4 works means the AAAA record points where no mail server listens, or a firewall drops IPv6; senders then wait and retry. Fix the IPv6 firewall or remove the AAAA record. \"Network is unreachable\" means the machine you test from has no IPv6: test from another.",
        zh: "异常：IPv4 正常而 IPv6 超时，说明 AAAA 记录指向了没有邮件服务监听的地址，或防火墙丢弃了 IPv6 流量；发件方会因此等待并重试。请修正 IPv6 防火墙或删除该 AAAA 记录。“Network is unreachable” 表示你测试用的机器没有 IPv6：请换一台机器测试。",
    },
    Message {
        code: "handoff.ipv6.why",
        en: "A web page cannot test this: DNS over HTTPS shows whether an AAAA record exists, but connecting to port 25 over IPv6 takes a raw TCP connection, which a browser cannot open.",
        zh: "网页无法完整测试此项：通过 DNS over HTTPS 可以看到 AAAA 记录是否存在，但通过 IPv6 连接 25 端口需要原始 TCP 连接，浏览器无法建立。",
    },
    Message {
        code: "handoff.ipv6.not_planned",
        en: "The plan gives {subject} no IPv6 address, so there is nothing to connect to over IPv6. dig should print nothing: an address it prints is a leftover AAAA record that senders will try first and fail; remove it.",
        zh: "计划中没有为 {subject} 设置 IPv6 地址，因此无需通过 IPv6 连接。dig 应当不打印任何内容：如打印出地址，则是残留的 AAAA 记录，发件方会优先尝试它并失败；请删除它。",
    },
    Message {
        code: "handoff.rdns",
        en: "Reverse DNS as receivers see it: each address of an MX host must have a PTR record naming the host, that name must resolve back to the same address (forward-confirmed reverse DNS), and the server must give the same name in its 220 greeting and in EHLO.",
        zh: "收件方看到的反向解析：MX 主机的每个地址都必须有指向该主机名的 PTR 记录，该主机名必须能解析回同一地址（正向确认的反向解析），并且服务器在 220 问候语和 EHLO 中必须使用同一名称。",
    },
    Message {
        code: "handoff.rdns.good",
        en: "Good: dig -x prints the MX host name, dig A/AAAA of that name prints the address you started from, and swaks shows the same name after 220 and 250.",
        zh: "正常：dig -x 打印出 MX 主机名，对该名称的 dig A/AAAA 打印出最初的地址，swaks 在 220 和 250 之后显示同一名称。",
    },
    Message {
        code: "handoff.rdns.bad",
        en: "Bad: no PTR, or a generic name from the provider (with the address in it), or a greeting such as \"localhost\": many receivers reject or junk such mail. Set the PTR in the hosting provider's panel (the owner of the address sets it, not your DNS zone) and set the server's own name (Postfix: myhostname) to the MX host name.",
        zh: "异常：没有 PTR，或是服务商的通用名称（包含地址本身），或问候语为 “localhost” 之类：许多收件方会拒收此类邮件或将其归为垃圾邮件。请在主机商的控制面板中设置 PTR（由地址的所有者设置，而不是你的 DNS 区域），并把服务器自身的名称（Postfix：myhostname）设为 MX 主机名。",
    },
    Message {
        code: "handoff.rdns.why",
        en: "A web page cannot fully test this: DNS over HTTPS can look up the PTR and its forward records, but the name the server says in its greeting and EHLO is only seen in an SMTP session on a raw TCP connection, which a browser cannot open.",
        zh: "网页无法完整测试此项：通过 DNS over HTTPS 可以查询 PTR 及其正向记录，但服务器在问候语和 EHLO 中使用的名称只能在原始 TCP 连接上的 SMTP 会话中看到，浏览器无法建立这种连接。",
    },
    Message {
        code: "handoff.rdns.addresses_unknown",
        en: "The addresses of {subject} are not known here: run the dig A and AAAA lookups first, then dig +short -x on each address they print.",
        zh: "此处不知道 {subject} 的地址：请先运行 dig A 和 AAAA 查询，再对其打印的每个地址运行 dig +short -x。",
    },
    Message {
        code: "handoff.refused_name",
        en: "“{subject}” is not a plain DNS host name, so it is left out of every command: a command line must never carry such text. Correct the name.",
        zh: "“{subject}” 不是普通的 DNS 主机名，因此不会出现在任何命令中：命令行绝不能包含这样的文本。请更正该名称。",
    },
    Message {
        code: "handoff.section",
        en: "What this page cannot test",
        zh: "本页面无法测试的项目",
    },
    Message {
        code: "handoff.section.intro",
        en: "These checks need a raw connection to the mail server, which a browser cannot open. Run the commands below from a shell; each is filled in with this domain's MX hosts.",
        zh: "以下检查需要与邮件服务器建立原始连接，而浏览器无法做到。请在命令行中运行下面的命令；每条命令都已填入该域名的 MX 主机。",
    },
];
