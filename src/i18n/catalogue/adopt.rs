//! Messages for "use as my plan" (`adopt.*`): what the plan built from the
//! published records could not take, why, and what to do.

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message {
        code: "adopt.ttl_live",
        en: "The TTLs a resolver returns are what is left of them in its cache, not the ones your zone sets, so the plan keeps its own default TTL. Set it to your zone's TTL under “TTL” if it differs.",
        zh: "解析器返回的 TTL 是其缓存中剩余的时间，而不是您的区域设置的值，因此方案保留自己的默认 TTL。如与您的区域不同，请在“TTL”中修改。",
    },
    Message {
        code: "adopt.ttl_varied",
        en: "The records have different TTLs: the plan uses {ttl} seconds, the one most of them have, for all of them; the others ({others}) are not kept. Set per-record TTLs under “TTL” if you need them.",
        zh: "这些记录的 TTL 不同：方案对所有记录使用大多数记录的 {ttl} 秒；其他值（{others}）未保留。如需要，请在“TTL”中为各类记录单独设置。",
    },
    Message {
        code: "adopt.unknown",
        en: "The {type} question for {subject} failed ({error}), so this part of the plan is unknown, not absent: it is left at the plan's default. Run the check again, then use it as your plan again.",
        zh: "{subject} 的 {type} 查询失败（{error}），所以方案中这一部分是未知的，而不是不存在：它保留为方案的默认值。请重新检查，然后再次“用作我的方案”。",
    },
    Message {
        code: "adopt.not_asked",
        en: "The check does not look up the {type} records at {subject}, so the plan leaves them at its default. If you publish them, set them in the plan yourself.",
        zh: "检查不会查询 {subject} 的 {type} 记录，所以方案保留默认值。如果你发布了这些记录，请在方案中自行填写。",
    },
    Message {
        code: "adopt.unreadable",
        en: "The record at {subject} could not be read, so the plan does not take it: “{record}”. The check report says what is wrong; the plan writes a correct record in its place.",
        zh: "{subject} 的记录无法解析，方案没有采用它：“{record}”。检查报告说明了问题所在；方案会用一条正确的记录代替它。",
    },
    Message {
        code: "adopt.mx_absent",
        en: "{subject} has no MX record, so the plan has no mail host. Add the host that receives the domain's mail.",
        zh: "{subject} 没有 MX 记录，所以方案中没有邮件主机。请添加接收该域名邮件的主机。",
    },
    Message {
        code: "adopt.mx_foreign",
        en: "The MX host {host} (priority {priority}) is outside the domain: the plan keeps it as a backup MX whose addresses are not the domain's to publish.",
        zh: "MX 主机 {host}（优先级 {priority}）不在本域名下：方案把它保留为备用 MX，它的地址不由本域名发布。",
    },
    Message {
        code: "adopt.mx_alias",
        en: "The MX host {host} is an alias (CNAME) of {target}; an MX must name the host itself, so the plan names {target}. Change the MX record as the plan shows.",
        zh: "MX 主机 {host} 是 {target} 的别名（CNAME）；MX 必须直接指向主机本身，所以方案使用 {target}。请按方案修改 MX 记录。",
    },
    Message {
        code: "adopt.mx_ip_literal",
        en: "The MX record names {host}, an address, not a host name, so the plan does not take it. Give the mail host a name with A/AAAA records and add it to the plan.",
        zh: "MX 记录指向 {host}，这是地址而不是主机名，所以方案没有采用它。请为邮件主机起一个带 A/AAAA 记录的名字，并把它加入方案。",
    },
    Message {
        code: "adopt.no_own_host",
        en: "No MX host of {subject} is under the domain, so the plan has no mail host of its own and does not validate. Add the host that receives the domain's mail.",
        zh: "{subject} 的 MX 主机都不在本域名下，所以方案中没有自己的邮件主机，无法通过校验。请添加接收该域名邮件的主机。",
    },
    Message {
        code: "adopt.host_no_address",
        en: "The mail host {host} has no A or AAAA record, so the plan has no address for it. Enter its addresses in the plan.",
        zh: "邮件主机 {host} 没有 A 或 AAAA 记录，所以方案中没有它的地址。请在方案中填写它的地址。",
    },
    Message {
        code: "adopt.null_mx_lockdown",
        en: "{subject} accepts no mail (null MX), so the plan publishes the fixed lockdown set: v=spf1 -all and DMARC p=reject with strict alignment, nothing else. The published “{record}” is replaced or left out; keep it by hand only if you know why.",
        zh: "{subject} 不接收邮件（null MX），所以方案发布固定的封锁记录：v=spf1 -all 和严格对齐的 DMARC p=reject，别无其他。已发布的“{record}”会被替换或省略；除非你清楚原因，否则不必手动保留。",
    },
    Message {
        code: "adopt.spf_absent",
        en: "{subject} has no SPF record; the plan publishes one that lists the mail hosts and ends with -all.",
        zh: "{subject} 没有 SPF 记录；方案会发布一条列出邮件主机并以 -all 结尾的记录。",
    },
    Message {
        code: "adopt.spf_multiple",
        en: "{subject} has more than one SPF record, which makes SPF fail; the plan takes the first and drops “{record}”. Publish only the plan's record.",
        zh: "{subject} 有多条 SPF 记录，这会让 SPF 失败；方案采用第一条，舍弃了“{record}”。请只发布方案中的那一条。",
    },
    Message {
        code: "adopt.spf_term",
        en: "The SPF term “{term}” cannot be written by the plan, so it is not taken (quoted here verbatim). If it is still needed, add it to the published record by hand after the plan's records.",
        zh: "方案无法写出 SPF 项“{term}”，所以没有采用（此处原样列出）。如果仍需要它，请在发布方案的记录后手动加回。",
    },
    Message {
        code: "adopt.spf_all_added",
        en: "The SPF record of {subject} has no “all” at the end; the plan ends it with -all, so mail from anywhere else fails SPF. Choose ~all in the plan while you roll out.",
        zh: "{subject} 的 SPF 记录末尾没有“all”；方案以 -all 结尾，其他来源的邮件将无法通过 SPF。过渡期间可在方案中选择 ~all。",
    },
    Message {
        code: "adopt.dkim_none",
        en: "No DKIM key was found at {subject} under the selectors asked. Enter your selector and key in the plan, or generate a key.",
        zh: "在 {subject} 下查询的选择器中没有找到 DKIM 密钥。请在方案中填写你的选择器和密钥，或生成新密钥。",
    },
    Message {
        code: "adopt.dkim_extra_selector",
        en: "The plan holds one RSA and one Ed25519 DKIM key; the key under selector {selector} is not taken. Keep its record published as long as mail signed with it may still be checked.",
        zh: "方案只容纳一个 RSA 和一个 Ed25519 DKIM 密钥；选择器 {selector} 的密钥没有采用。只要还有用它签名的邮件可能被验证，就请保留这条记录。",
    },
    Message {
        code: "adopt.dkim_revoked",
        en: "The DKIM key under selector {selector} is revoked (empty p=), so the plan does not take it. Keep the record as it is if you revoked it on purpose.",
        zh: "选择器 {selector} 的 DKIM 密钥已撤销（p= 为空），方案没有采用。如果是有意撤销，请保持记录不变。",
    },
    Message {
        code: "adopt.dkim_key_type",
        en: "The DKIM key under selector {selector} has type “{type}”, which the plan does not hold; it is not taken.",
        zh: "选择器 {selector} 的 DKIM 密钥类型为“{type}”，方案不支持，没有采用。",
    },
    Message {
        code: "adopt.dkim_tag",
        en: "The DKIM record at {subject} has “{tag}”, which the plan does not write; the plan's record leaves it out. Add it back by hand if you need it.",
        zh: "{subject} 的 DKIM 记录含有“{tag}”，方案不会写出它；方案的记录中没有这一项。如有需要，请手动加回。",
    },
    Message {
        code: "adopt.dkim_ed25519_alone",
        en: "The Ed25519 DKIM key under selector {selector} has no RSA key beside it; the plan publishes Ed25519 only alongside RSA, so it is not taken. Add an RSA key to the plan first.",
        zh: "选择器 {selector} 的 Ed25519 DKIM 密钥旁没有 RSA 密钥；方案只在有 RSA 密钥时才发布 Ed25519，所以没有采用。请先在方案中添加 RSA 密钥。",
    },
    Message {
        code: "adopt.dmarc_absent",
        en: "{subject} has no DMARC record; the plan publishes one with its default policy (p=quarantine). Review the policy before you publish it.",
        zh: "{subject} 没有 DMARC 记录；方案会发布一条使用默认策略（p=quarantine）的记录。发布前请检查策略。",
    },
    Message {
        code: "adopt.dmarc_invalid",
        en: "The DMARC record at {subject} has errors: “{record}”. The tags that could be read are taken; the others are the plan's defaults. Check the DMARC section of the plan.",
        zh: "{subject} 的 DMARC 记录有错误：“{record}”。能读取的标签已采用，其余使用方案的默认值。请检查方案中的 DMARC 部分。",
    },
    Message {
        code: "adopt.dmarc_removed_tag",
        en: "The DMARC tag {tag}={value} was removed by RFC 9989 and receivers ignore it; the plan leaves it out.",
        zh: "DMARC 标签 {tag}={value} 已被 RFC 9989 删除，接收方会忽略它；方案中不再包含。",
    },
    Message {
        code: "adopt.dmarc_tag",
        en: "The DMARC tag {tag}={value} is not one the plan writes; the plan's record leaves it out. Add it back by hand if you need it.",
        zh: "DMARC 标签 {tag}={value} 不在方案能写出的范围内；方案的记录中没有它。如有需要，请手动加回。",
    },
    Message {
        code: "adopt.mta_sts_id",
        en: "The MTA-STS id “{id}” is not kept: the plan derives the id from the policy text, so publish the plan's TXT record together with its policy file.",
        zh: "MTA-STS 的 id“{id}”没有保留：方案根据策略内容生成 id，请把方案的 TXT 记录和策略文件一起发布。",
    },
    Message {
        code: "adopt.mta_sts_no_policy",
        en: "MTA-STS is published at {subject}, but no policy text was given, so mode, mx and max_age are the plan's defaults (testing, the MX hosts, one week). Paste the policy file to take them.",
        zh: "{subject} 已发布 MTA-STS，但没有提供策略内容，所以 mode、mx 和 max_age 使用方案的默认值（testing、MX 主机、一周）。粘贴策略文件即可采用其中的值。",
    },
    Message {
        code: "adopt.caa_not_adopted",
        en: "The CAA record “{record}” is not one the plan holds (it keeps issue and one iodef); it is not taken. Add it back by hand if you need it.",
        zh: "CAA 记录“{record}”不在方案支持的范围内（方案只保存 issue 和一个 iodef），没有采用。如有需要，请手动加回。",
    },
    Message {
        code: "adopt.tlsa_not_adopted",
        en: "The TLSA record at {subject} is not taken: the plan builds TLSA from the mail host's certificate, which DNS does not give back. Paste the certificate (or its public key) in the plan.",
        zh: "{subject} 的 TLSA 记录没有采用：方案根据邮件主机的证书生成 TLSA，而 DNS 无法给出证书。请在方案中粘贴证书（或其公钥）。",
    },
    Message {
        code: "adopt.srv_not_adopted",
        en: "The SRV record “{record}” at {subject} is not one the plan writes (one target, the registered port); it is not taken. Add it back by hand if you need it.",
        zh: "{subject} 的 SRV 记录“{record}”不在方案能写出的范围内（单一目标、标准端口），没有采用。如有需要，请手动加回。",
    },
];
