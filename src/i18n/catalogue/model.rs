//! Messages for the record model: record-data parsing (`rdata.*`), TXT,
//! A/AAAA addresses, MX, PTR, CAA, SRV, TLSA and whole records (`record.*`).

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    // ---- record data text (RFC 1035 §5.1, RFC 3597 §5)
    Message { code: "rdata.empty", en: "The record data is empty.", zh: "记录值为空。" },
    Message {
        code: "rdata.missing_field",
        en: "The {field} is missing (at position {pos}).",
        zh: "缺少 {field}（第 {pos} 个字符处）。",
    },
    Message {
        code: "rdata.extra_text",
        en: "Unexpected text after the record data, at position {pos}.",
        zh: "记录值后面多出了内容，位于第 {pos} 个字符处。",
    },
    Message {
        code: "rdata.bad_number",
        en: "The {field} must be a whole number from 0 to {max} (at position {pos}).",
        zh: "{field} 必须是 0 到 {max} 之间的整数（第 {pos} 个字符处）。",
    },
    Message {
        code: "rdata.bad_hex",
        en: "Hexadecimal data has a bad character or an odd number of digits at position {pos}.",
        zh: "十六进制数据在第 {pos} 个字符处有非法字符，或位数为奇数。",
    },
    Message {
        code: "rdata.generic_length",
        en: "The \\# form declares {declared} octets but gives {actual}.",
        zh: "\\# 格式声明了 {declared} 个字节，实际给出 {actual} 个。",
    },
    Message {
        code: "rdata.generic_malformed",
        en: "The \\# data does not decode as a {type} record.",
        zh: "\\# 格式的数据无法解码为 {type} 记录。",
    },
    // ---- TXT (RFC 1035 §3.3, §3.3.14, §5.1)
    Message {
        code: "txt.unterminated_quote",
        en: "The quote opened at position {pos} is never closed.",
        zh: "第 {pos} 个字符处的引号没有闭合。",
    },
    Message {
        code: "txt.bad_escape",
        en: "Bad escape at position {pos}: a backslash must be followed by a character or three digits (\\DDD).",
        zh: "第 {pos} 个字符处的转义不正确：反斜杠后面应是一个字符或三位数字（\\DDD）。",
    },
    Message {
        code: "txt.escape_range",
        en: "The escape \\{value} at position {pos} is above 255.",
        zh: "第 {pos} 个字符处的转义 \\{value} 超过了 255。",
    },
    Message {
        code: "txt.string_too_long",
        en: "A TXT string is {len} bytes long; each string holds at most 255. Split it into several quoted strings.",
        zh: "一段 TXT 字符串长 {len} 字节，每段最多 255 字节。请拆成多段带引号的字符串。",
    },
    Message {
        code: "txt.no_strings",
        en: "A TXT record needs at least one string, even an empty one (\"\").",
        zh: "TXT 记录至少要有一段字符串，哪怕是空的（\"\"）。",
    },
    Message {
        code: "txt.large",
        en: "This TXT record is {len} bytes; above {limit}, answers may need TCP or EDNS, which some networks block.",
        zh: "这条 TXT 记录有 {len} 字节；超过 {limit} 字节时应答可能需要 TCP 或 EDNS，有些网络会拦截。",
    },
    // ---- addresses: parsing
    Message {
        code: "address.bad_ipv4",
        en: "This is not an IPv4 address; write four numbers from 0 to 255 separated by dots.",
        zh: "这不是 IPv4 地址；应写成用点分隔的四个 0 到 255 的数字。",
    },
    Message {
        code: "address.leading_zero",
        en: "The part at position {pos} has a leading zero; some software reads it as octal. Drop the zero.",
        zh: "第 {pos} 个字符处的数字以 0 开头，有些软件会按八进制解读。请去掉前导 0。",
    },
    Message {
        code: "address.ipv6_in_a",
        en: "This is an IPv6 address; publish it as an AAAA record, not A.",
        zh: "这是 IPv6 地址，应发布为 AAAA 记录，而不是 A 记录。",
    },
    Message {
        code: "address.bad_ipv6",
        en: "This is not an IPv6 address.",
        zh: "这不是 IPv6 地址。",
    },
    Message {
        code: "address.zone_id",
        en: "Remove the zone index (the % part at position {pos}): it names an interface on one machine and means nothing in DNS.",
        zh: "请去掉区域索引（第 {pos} 个字符处的 % 部分）：它只指本机的某个网卡，在 DNS 中没有意义。",
    },
    Message {
        code: "address.ipv4_in_aaaa",
        en: "This is an IPv4 address; publish it as an A record, not AAAA.",
        zh: "这是 IPv4 地址，应发布为 A 记录，而不是 AAAA 记录。",
    },
    // ---- addresses: special-purpose blocks (RFC 6890 registry)
    Message {
        code: "address.this_network",
        en: "{subject} is in {block}, “this network”: it is never a destination on the Internet.",
        zh: "{subject} 属于 {block}（“本网络”），在互联网上不能作为目标地址。",
    },
    Message {
        code: "address.unspecified",
        en: "{subject} is the unspecified address: nobody can connect to it.",
        zh: "{subject} 是未指定地址，任何人都无法连接。",
    },
    Message {
        code: "address.private",
        en: "{subject} is a private address ({block}): reachable only inside your own network, not from other mail servers.",
        zh: "{subject} 是私有地址（{block}），只能在内网访问，其他邮件服务器连不上。",
    },
    Message {
        code: "address.shared",
        en: "{subject} is carrier-grade NAT space ({block}): your provider's internal address, not reachable from the Internet.",
        zh: "{subject} 属于运营商级 NAT 地址段（{block}），是运营商内部地址，互联网上无法访问。",
    },
    Message {
        code: "address.loopback",
        en: "{subject} is a loopback address: every machine reaches only itself there.",
        zh: "{subject} 是环回地址，每台机器访问它都只会连到自己。",
    },
    Message {
        code: "address.link_local",
        en: "{subject} is link-local ({block}): valid only on one network segment, never across the Internet.",
        zh: "{subject} 是链路本地地址（{block}），只在同一网段有效，无法跨互联网访问。",
    },
    Message {
        code: "address.protocol_assignment",
        en: "{subject} is in {block}, reserved for IETF protocol assignments, not for hosts.",
        zh: "{subject} 属于 {block}，保留给 IETF 协议使用，不能分配给主机。",
    },
    Message {
        code: "address.documentation",
        en: "{subject} is a documentation example address ({block}); put your server's real address here.",
        zh: "{subject} 是文档示例地址（{block}），请填写服务器的真实地址。",
    },
    Message {
        code: "address.relay_anycast",
        en: "{subject} is in {block}, the retired 6to4 relay anycast block.",
        zh: "{subject} 属于 {block}，即已废弃的 6to4 中继任播地址段。",
    },
    Message {
        code: "address.benchmarking",
        en: "{subject} is in {block}, reserved for benchmarking labs; it is not routed on the Internet.",
        zh: "{subject} 属于 {block}，保留给性能测试实验室使用，在互联网上不路由。",
    },
    Message {
        code: "address.multicast",
        en: "{subject} is a multicast address: a mail server needs a unicast address.",
        zh: "{subject} 是组播地址，邮件服务器需要单播地址。",
    },
    Message {
        code: "address.reserved",
        en: "{subject} is in reserved space ({block}) that is not routed on the Internet.",
        zh: "{subject} 属于保留地址段（{block}），在互联网上不路由。",
    },
    Message {
        code: "address.broadcast",
        en: "{subject} is the limited broadcast address: it never leaves the local network.",
        zh: "{subject} 是受限广播地址，不会离开本地网络。",
    },
    Message {
        code: "address.ipv4_compatible",
        en: "{subject} is an IPv4-compatible IPv6 address, a deprecated form; publish the IPv4 address as an A record.",
        zh: "{subject} 是已废弃的“IPv4 兼容”IPv6 地址；请把 IPv4 地址发布为 A 记录。",
    },
    Message {
        code: "address.ipv4_mapped",
        en: "{subject} is an IPv4-mapped address; publish {ipv4} as an A record instead of this AAAA.",
        zh: "{subject} 是 IPv4 映射地址；请把 {ipv4} 发布为 A 记录，不要用这条 AAAA。",
    },
    Message {
        code: "address.nat64",
        en: "{subject} is a NAT64 translation address ({block}); publish the server's own address instead.",
        zh: "{subject} 是 NAT64 转换地址（{block}），请发布服务器自己的地址。",
    },
    Message {
        code: "address.discard",
        en: "{subject} is in the discard-only block {block}: traffic to it is dropped.",
        zh: "{subject} 属于仅丢弃地址段 {block}，发往它的流量会被丢弃。",
    },
    Message {
        code: "address.teredo",
        en: "{subject} is a Teredo tunnel address ({block}); it depends on a relay and changes. Use a native IPv6 address.",
        zh: "{subject} 是 Teredo 隧道地址（{block}），依赖中继且会变化。请使用原生 IPv6 地址。",
    },
    Message {
        code: "address.6to4",
        en: "{subject} is a 6to4 address ({block}); 6to4 relays are mostly gone. Use a native IPv6 address.",
        zh: "{subject} 是 6to4 地址（{block}），6to4 中继基本已停用。请使用原生 IPv6 地址。",
    },
    Message {
        code: "address.site_local",
        en: "{subject} is a deprecated site-local address ({block}), not reachable from the Internet.",
        zh: "{subject} 是已废弃的站点本地地址（{block}），互联网上无法访问。",
    },
    // ---- MX (RFC 5321 §5.1, RFC 2181 §10.3, RFC 7505)
    Message {
        code: "mx.ip_literal",
        en: "An MX must name a host, not an IP address{target? ($)}: give the server a name (such as mail.<your domain>) with an A/AAAA record, and point the MX at that name.",
        zh: "MX 必须指向主机名，而不是 IP 地址{target?（$）}：请给服务器起个名字（例如 mail.<你的域名>）并添加 A/AAAA 记录，再让 MX 指向该名字。",
    },
    Message {
        code: "mx.null_preference",
        en: "A null MX (target “.”) should have preference 0, not {preference}.",
        zh: "空 MX（目标为“.”）的优先级应为 0，而不是 {preference}。",
    },
    Message {
        code: "mx.null_with_others",
        en: "{subject} has a null MX (“no mail here”) and {count} other MX {count#record|records}. Keep only one of the two meanings.",
        zh: "{subject} 同时有空 MX（“不收邮件”）和 {count} 条其他 MX 记录，两者只能保留一种。",
    },
    Message {
        code: "mx.duplicate_target",
        en: "{target} is listed more than once (preferences {preferences}); one record per host is enough.",
        zh: "{target} 被重复列出（优先级 {preferences}），每台主机一条记录就够了。",
    },
    Message {
        code: "mx.target_cname",
        en: "The MX target {target} is an alias (CNAME) of {canonical}; point the MX at {canonical} directly.",
        zh: "MX 目标 {target} 是 {canonical} 的别名（CNAME），请让 MX 直接指向 {canonical}。",
    },
    // ---- PTR / reverse names (RFC 1035 §3.5, RFC 3596 §2.5)
    Message {
        code: "ptr.not_reverse",
        en: "{subject} is not under in-addr.arpa or ip6.arpa, so it is not a reverse name.",
        zh: "{subject} 不在 in-addr.arpa 或 ip6.arpa 之下，不是反向解析名称。",
    },
    Message {
        code: "ptr.partial",
        en: "{subject} has {labels} address labels; one address needs {needed}. This names a network, not a host.",
        zh: "{subject} 有 {labels} 个地址标签，一个地址需要 {needed} 个。这表示的是网段，而不是主机。",
    },
    Message {
        code: "ptr.bad_label",
        en: "The label “{label}” is not part of an address (a number 0–255 for IPv4, one hex digit for IPv6).",
        zh: "标签“{label}”不是地址的一部分（IPv4 应为 0–255 的数字，IPv6 应为一位十六进制数）。",
    },
    Message {
        code: "ptr.root_target",
        en: "The PTR record points at the root “.”; it should name the mail server's host name.",
        zh: "PTR 记录指向了根“.”，应填写邮件服务器的主机名。",
    },
    Message {
        code: "ptr.not_host_name",
        en: "The PTR target {target} is not a host name; mail servers check that it matches the server's name.",
        zh: "PTR 目标 {target} 不是主机名，收件服务器会核对它是否与服务器名称一致。",
    },
    // ---- CAA (RFC 8659)
    Message {
        code: "caa.bad_tag",
        en: "A CAA tag may contain only ASCII letters and digits (at position {pos}).",
        zh: "CAA 标签只能包含 ASCII 字母和数字（第 {pos} 个字符处）。",
    },
    Message {
        code: "caa.tag_too_long",
        en: "The CAA tag is {len} characters long; at most 15 are allowed.",
        zh: "CAA 标签长 {len} 个字符，最多允许 15 个。",
    },
    Message {
        code: "caa.reserved_flags",
        en: "CAA flags {flags} set reserved bits; only 0 and 128 (critical) are defined.",
        zh: "CAA 标志 {flags} 使用了保留位，只定义了 0 和 128（关键）。",
    },
    Message {
        code: "caa.unknown_critical",
        en: "The tag “{tag}” is marked critical but no CA knows it, so every CA will refuse to issue certificates.",
        zh: "标签“{tag}”被标记为关键，但没有 CA 认识它，因此所有 CA 都会拒绝签发证书。",
    },
    Message {
        code: "caa.unknown_tag",
        en: "The tag “{tag}” is not one of issue, issuewild or iodef; CAs ignore it.",
        zh: "标签“{tag}”不是 issue、issuewild 或 iodef，CA 会忽略它。",
    },
    Message {
        code: "caa.bad_issuer",
        en: "“{issuer}” is not a valid CA domain name; write it like letsencrypt.org.",
        zh: "“{issuer}”不是有效的 CA 域名，应写成 letsencrypt.org 这样的形式。",
    },
    Message {
        code: "caa.bad_parameter",
        en: "The parameter “{parameter}” is not in the form name=value.",
        zh: "参数“{parameter}”不符合 name=value 的格式。",
    },
    Message {
        code: "caa.bad_iodef",
        en: "The iodef value must be a mailto:, http: or https: URL, not “{value}”.",
        zh: "iodef 的值必须是 mailto:、http: 或 https: 开头的 URL，而不是“{value}”。",
    },
    Message {
        code: "caa.no_issuance",
        en: "This {tag} record names no CA: no CA may issue {tag} certificates for {subject}.",
        zh: "这条 {tag} 记录没有指定 CA：任何 CA 都不得为 {subject} 签发 {tag} 证书。",
    },
    // ---- SRV (RFC 2782, RFC 6186, RFC 8314)
    Message {
        code: "srv.not_offered_port",
        en: "Target “.” means the service is not offered; write it as 0 0 0 . (port {port} is meaningless here).",
        zh: "目标“.”表示不提供该服务，应写成 0 0 0 .（这里的端口 {port} 没有意义）。",
    },
    Message {
        code: "srv.port_zero",
        en: "Port 0 with target {target}: clients cannot connect to port 0.",
        zh: "目标 {target} 的端口为 0，客户端无法连接端口 0。",
    },
    Message {
        code: "srv.not_offered_with_others",
        en: "{subject} says both “not offered” (target “.”) and offers {count} {count#server|servers}; keep one meaning.",
        zh: "{subject} 既声明“不提供”（目标“.”），又列出了 {count} 台服务器，只能保留一种含义。",
    },
    // ---- TLSA (RFC 6698, RFC 7671, RFC 7672)
    Message { code: "tlsa.no_data", en: "The TLSA certificate data (hex) is missing.", zh: "缺少 TLSA 证书数据（十六进制）。" },
    Message {
        code: "tlsa.pkix_usage",
        en: "Usage {usage} (PKIX) is not used for SMTP: mail servers treat it as unusable. Use 3 (DANE-EE) or 2 (DANE-TA).",
        zh: "用途 {usage}（PKIX）不适用于 SMTP，邮件服务器会视为不可用。请使用 3（DANE-EE）或 2（DANE-TA）。",
    },
    Message {
        code: "tlsa.unknown_usage",
        en: "Certificate usage {usage} is not defined (0–3).",
        zh: "证书用途 {usage} 未定义（应为 0–3）。",
    },
    Message {
        code: "tlsa.unknown_selector",
        en: "Selector {selector} is not defined (0 = full certificate, 1 = public key).",
        zh: "选择器 {selector} 未定义（0 = 完整证书，1 = 公钥）。",
    },
    Message {
        code: "tlsa.unknown_matching",
        en: "Matching type {matching} is not defined (0 = exact, 1 = SHA-256, 2 = SHA-512).",
        zh: "匹配类型 {matching} 未定义（0 = 完全匹配，1 = SHA-256，2 = SHA-512）。",
    },
    Message {
        code: "tlsa.digest_length",
        en: "A {digest} digest is {want} bytes, but the data has {len}.",
        zh: "{digest} 摘要应为 {want} 字节，但数据有 {len} 字节。",
    },
    Message {
        code: "tlsa.full_data",
        en: "Matching type 0 publishes the whole certificate or key ({len} bytes); a SHA-256 digest (3 1 1) is shorter and easier to keep right.",
        zh: "匹配类型 0 会发布完整的证书或公钥（{len} 字节）；使用 SHA-256 摘要（3 1 1）更短，也更不易出错。",
    },
    // ---- whole records
    Message {
        code: "record.bad_ttl",
        en: "The TTL must be a number of seconds from 0 to 2147483647.",
        zh: "TTL 必须是 0 到 2147483647 之间的秒数。",
    },
    Message {
        code: "record.ttl_low",
        en: "A TTL of {ttl} seconds is very short; resolvers will ask again constantly. 300 to 3600 is usual for mail records.",
        zh: "TTL 为 {ttl} 秒太短，解析器会频繁重新查询。邮件相关记录通常用 300 到 3600。",
    },
    Message {
        code: "record.ttl_high",
        en: "A TTL of {ttl} seconds is over a week; resolvers cap it, and a mistake would linger for days.",
        zh: "TTL 为 {ttl} 秒超过一周；解析器会截断它，而且一旦出错会持续好几天。",
    },
    Message {
        code: "record.unknown_type",
        en: "“{subject}” is not a record type; use a name like MX or TXT, or TYPE followed by a number.",
        zh: "“{subject}”不是记录类型；请使用 MX、TXT 之类的名称，或 TYPE 加数字。",
    },
];
