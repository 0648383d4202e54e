//! Texts of the `dane.*` findings: a pasted chain or key compared with
//! the TLSA records (src/dane). Each says what is wrong and what to do.

use crate::i18n::Message;

pub(super) const MESSAGES: &[Message] = &[
    Message {
        code: "dane.bad_base64",
        en: "Block {subject} is not valid base64, so it cannot be read. Copy the block again whole, from its BEGIN line to its END line.",
        zh: "第 {subject} 块不是有效的 base64，无法读取。请从 BEGIN 行到 END 行完整地重新复制该块。",
    },
    Message {
        code: "dane.bad_der",
        en: "Block {subject} ({label}) decodes, but is not a well-formed {label}. Paste what openssl printed, unchanged.",
        zh: "第 {subject} 块（{label}）可以解码，但不是格式正确的 {label}。请原样粘贴 openssl 输出的内容。",
    },
    Message {
        code: "dane.cert_only",
        en: "The TLSA records for {subject} match only the whole certificate (selector 0): the next renewal breaks the match even if the key stays the same, and DANE senders will stop delivering. Publish a record of the key (3 1 1) too.",
        zh: "{subject} 的 TLSA 记录只匹配整张证书（选择器 0）：即使密钥不变，下一次续期也会使其不再匹配，启用 DANE 的发件方将停止投递。请同时发布公钥的记录（3 1 1）。",
    },
    Message {
        code: "dane.needs_certificate",
        en: "The record {record} names the whole certificate (selector 0), but only a public key was pasted: paste the certificate to check it.",
        zh: "记录 {record} 针对整张证书（选择器 0），但粘贴的只是公钥：请粘贴证书以便检查。",
    },
    Message {
        code: "dane.no_chain",
        en: "No certificate or public key was read for {subject}, so the TLSA records cannot be compared. Paste the output of the openssl command shown.",
        zh: "未读到 {subject} 的证书或公钥，无法比较 TLSA 记录。请粘贴所示 openssl 命令的输出。",
    },
    Message {
        code: "dane.no_match",
        en: "No usable TLSA record of {subject} matches the certificates its server presents: a sender that uses DANE will not deliver mail to it. Publish the record shown (3 1 1 of the server's key), or fix the records.",
        zh: "{subject} 的 TLSA 记录中没有一条可用记录与其服务器出示的证书匹配：使用 DANE 的发件方不会向它投递邮件。请发布所示记录（服务器公钥的 3 1 1），或修正现有记录。",
    },
    Message {
        code: "dane.no_pem",
        en: "No -----BEGIN CERTIFICATE----- or -----BEGIN PUBLIC KEY----- block was found. Paste the output of the openssl command shown, which prints the server's certificates in that form.",
        zh: "没有找到 -----BEGIN CERTIFICATE----- 或 -----BEGIN PUBLIC KEY----- 块。请粘贴所示 openssl 命令的输出，它会以这种格式打印服务器的证书。",
    },
    Message {
        code: "dane.no_records",
        en: "No TLSA record was given for {subject}: there is nothing to compare the certificate with. To use DANE, sign the zone with DNSSEC and publish the 3 1 1 record of the server's key shown as the fix.",
        zh: "没有给出 {subject} 的 TLSA 记录：没有可与证书比较的内容。如要使用 DANE，请用 DNSSEC 为区域签名，并发布修复建议中所示服务器公钥的 3 1 1 记录。",
    },
    Message {
        code: "dane.other_block",
        en: "Block {subject} is a {label}, not a certificate or public key; it was skipped.",
        zh: "第 {subject} 块是 {label}，不是证书或公钥，已跳过。",
    },
    Message {
        code: "dane.private_key",
        en: "Block {subject} is a PRIVATE key ({label}). It was not read and never leaves this page, but a private key should not be pasted anywhere: paste the certificate or the public key instead.",
        zh: "第 {subject} 块是私钥（{label}）。它未被读取，也不会离开本页面，但私钥不应粘贴到任何地方：请改为粘贴证书或公钥。",
    },
    Message {
        code: "dane.record_matches",
        en: "{record} matches certificate {certificate}.",
        zh: "{record} 与证书 {certificate} 匹配。",
    },
    Message {
        code: "dane.record_unmatched",
        en: "{record} matches no certificate the server presents. Harmless beside a matching record during a rollover; otherwise remove it.",
        zh: "{record} 与服务器出示的任何证书都不匹配。在密钥轮换期间与匹配的记录并存无妨；否则请删除它。",
    },
    Message {
        code: "dane.rollover",
        en: "For a key change on {subject}: publish both records now, wait at least twice the TLSA TTL, switch the server to the new key, then remove the old record.",
        zh: "要更换 {subject} 的密钥：现在同时发布这两条记录，等待至少两倍 TLSA TTL，再把服务器切换到新密钥，最后删除旧记录。",
    },
    Message {
        code: "dane.same_key",
        en: "The next certificate of {subject} keeps the same key: its 3 1 1 record stays the same, so no TLSA change is needed for this renewal.",
        zh: "{subject} 的下一张证书沿用同一密钥：其 3 1 1 记录不变，此次续期无需修改 TLSA。",
    },
    Message {
        code: "dane.ta_matches_leaf",
        en: "{record} is a trust-anchor record (usage 2) but matches the server's own certificate. For the server's own certificate use usage 3 (DANE-EE); usage 2 names the CA that issued it.",
        zh: "{record} 是信任锚记录（用途 2），却与服务器自己的证书匹配。服务器自己的证书应使用用途 3（DANE-EE）；用途 2 应指向签发它的 CA。",
    },
    Message {
        code: "dane.ta_not_sent",
        en: "{record} names a trust anchor (usage 2), but the paste holds only the server's own certificate. The server must send the CA certificate in its chain; paste the full output of -showcerts to check it.",
        zh: "{record} 指向信任锚（用途 2），但粘贴内容中只有服务器自己的证书。服务器必须在证书链中发送该 CA 证书；请粘贴 -showcerts 的完整输出以便检查。",
    },
    Message {
        code: "dane.too_large",
        en: "The paste is {bytes} bytes, more than the {max} bytes read here; a server's chain is a few kilobytes. Paste only the certificates.",
        zh: "粘贴内容有 {bytes} 字节，超过此处读取的上限 {max} 字节；服务器证书链通常只有几 KB。请只粘贴证书。",
    },
    Message {
        code: "dane.too_many_blocks",
        en: "Only the first {max} blocks were read; the rest were ignored.",
        zh: "只读取了前 {max} 个块，其余已忽略。",
    },
    Message {
        code: "dane.truncated_der",
        en: "Block {subject} ({label}) ends too early: the paste was cut. Copy the block again whole.",
        zh: "第 {subject} 块（{label}）提前结束：粘贴内容被截断。请重新完整复制该块。",
    },
    Message {
        code: "dane.unterminated",
        en: "Block {subject} has no -----END {label}----- line: the paste was cut. Copy it again whole.",
        zh: "第 {subject} 块缺少 -----END {label}----- 行：粘贴内容被截断。请重新完整复制。",
    },
    Message {
        code: "dane.unusable",
        en: "{record} has a usage, selector or matching type no sender knows, so it is ignored. Use 3 1 1.",
        zh: "{record} 的用途、选择器或匹配类型无人支持，会被忽略。请使用 3 1 1。",
    },
    Message {
        code: "dane.box",
        en: "Compare with the certificate your server presents",
        zh: "与服务器出示的证书比对",
    },
    Message {
        code: "dane.box.help",
        en: "Run the command below, paste the certificates it prints (or a public key, PEM), and see which TLSA record matches which certificate. To prepare a key rollover, paste the next public key after the chain.",
        zh: "运行下面的命令，粘贴它打印出的证书（或 PEM 格式的公钥），即可看到哪条 TLSA 记录与哪张证书匹配。若要准备密钥轮换，请在证书链之后粘贴下一把公钥。",
    },
    Message {
        code: "dane.box.paste",
        en: "Certificate chain or public key (PEM)",
        zh: "证书链或公钥（PEM）",
    },
    Message {
        code: "dane.box.compare",
        en: "Compare",
        zh: "比对",
    },
    Message {
        code: "dane.box.matches",
        en: "Matches",
        zh: "匹配",
    },
    Message {
        code: "dane.box.rollover",
        en: "Records to publish for this key (and the next one, if pasted): publish the next key's record beside the current one, wait at least twice the TLSA TTL, switch the server to the new key, then remove the old record.",
        zh: "为此密钥（以及粘贴的下一把密钥）发布的记录：先在当前记录旁发布下一把密钥的记录，至少等待 TLSA TTL 的两倍时间，再把服务器切换到新密钥，最后删除旧记录。",
    },
    Message {
        code: "dane.box.command",
        en: "What the host presents on port 25:",
        zh: "该主机在 25 端口出示的内容：",
    },
];
