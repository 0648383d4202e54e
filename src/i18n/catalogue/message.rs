//! Messages of the message test (`message.*`): reading the pasted message,
//! each DKIM signature's verdict and why, DMARC, and the comparison with the
//! receiver's Authentication-Results. Loaded on demand with the view.

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message {
        code: "message.empty",
        en: "Nothing to check: paste the full source of a received message (in most mail programs: “Show original” or “View source”), or drop its .eml file.",
        zh: "没有可检查的内容：请粘贴收到的邮件的完整原文（多数邮件程序里叫“显示原始邮件”或“查看源代码”），或拖入它的 .eml 文件。",
    },
    Message {
        code: "message.too_large",
        en: "The message is {size} bytes; the page reads at most {max}. Save the message without its attachments (or forward it to yourself as plain text) and paste that: the signatures cover the headers, and the body hash only needs the text as sent.",
        zh: "邮件有 {size} 字节，页面最多读取 {max} 字节。请去掉附件后保存（或作为纯文本转发给自己）再粘贴：签名覆盖邮件头，正文哈希只需要发送时的原文。",
    },
    Message {
        code: "message.no_headers",
        en: "Line {line} is not a header field (“Name: value”): this looks like a message body without its header. Paste the whole source, from the first Received: or Return-Path: line to the end.",
        zh: "第 {line} 行不是邮件头字段（“名称: 值”）：这看起来只是正文，没有邮件头。请粘贴完整原文，从第一行 Received: 或 Return-Path: 一直到结尾。",
    },
    Message {
        code: "message.bare_lf",
        en: "Lines end in LF only (as a paste or a Unix file does); they were read as CRLF, the line ending on the wire, as every verifier does.",
        zh: "行尾只有 LF（粘贴或 Unix 文件常见）；已按网络上的行尾 CRLF 读取，所有验证程序都这样做。",
    },
    Message {
        code: "message.nul_byte",
        en: "Line {line} holds a NUL byte, which a message may not contain. It is kept as is (DKIM hashes bytes), but a server may have removed or refused it, so a signature may fail here only.",
        zh: "第 {line} 行含有 NUL 字节，邮件中不允许出现。页面按原样保留（DKIM 对字节做哈希），但服务器可能已删除或拒收它，因此签名可能只在这里验证失败。",
    },
    Message {
        code: "message.mbox_from",
        en: "Line {line} is an mbox separator (“From ” without a colon), not part of the message; it was skipped.",
        zh: "第 {line} 行是 mbox 分隔行（没有冒号的“From ”），不属于邮件本身，已跳过。",
    },
    Message {
        code: "message.bad_header_line",
        en: "Line {line} is neither a header field (“Name: value”) nor the continuation of one (starting with a space or tab); it was skipped. A copy that lost a line break or an indent makes signatures fail: copy the source again.",
        zh: "第 {line} 行既不是邮件头字段（“名称: 值”），也不是上一字段的续行（以空格或制表符开头），已跳过。复制时丢失换行或缩进会导致签名失败：请重新复制原文。",
    },
    Message {
        code: "message.no_body",
        en: "The message has no empty line after the header, so it has no body; if it had one, the paste lost it and body hashes will fail.",
        zh: "邮件头之后没有空行，因此没有正文；如果原本有正文，说明粘贴时丢失了，正文哈希会失败。",
    },
    Message {
        code: "message.long_line",
        en: "Line {line} is longer than {max} characters, the limit of RFC 5322; servers may have broken it, which changes what was signed.",
        zh: "第 {line} 行超过 RFC 5322 规定的 {max} 个字符；服务器可能把它折断，从而改变了被签名的内容。",
    },
    Message {
        code: "message.sig_syntax",
        en: "The DKIM-Signature at line {line} is not a list of tag=value pairs separated by semicolons; it cannot be verified (permerror). Fix the signer's configuration.",
        zh: "第 {line} 行的 DKIM-Signature 不是用分号分隔的 标签=值 列表，无法验证（permerror）。请修正签名程序的配置。",
    },
    Message {
        code: "message.sig_not_ascii",
        en: "The DKIM-Signature at line {line} holds bytes that are not ASCII; it cannot be verified (permerror).",
        zh: "第 {line} 行的 DKIM-Signature 含有非 ASCII 字节，无法验证（permerror）。",
    },
    Message {
        code: "message.sig_duplicate_tag",
        en: "The DKIM-Signature at line {line} has the tag {tag}= twice, which makes the whole signature invalid (permerror).",
        zh: "第 {line} 行的 DKIM-Signature 中标签 {tag}= 出现了两次，整个签名因此无效（permerror）。",
    },
    Message {
        code: "message.sig_missing_tag",
        en: "The DKIM-Signature at line {line} lacks the required tag {tag}=; it cannot be verified (permerror).",
        zh: "第 {line} 行的 DKIM-Signature 缺少必需的标签 {tag}=，无法验证（permerror）。",
    },
    Message {
        code: "message.sig_bad_version",
        en: "The DKIM-Signature at line {line} has v={found}; only v=1 exists, so it is ignored (permerror).",
        zh: "第 {line} 行的 DKIM-Signature 写的是 v={found}；只有 v=1，因此该签名被忽略（permerror）。",
    },
    Message {
        code: "message.sig_unknown_algorithm",
        en: "The DKIM-Signature at line {line} uses a={found}, which no verifier knows (permerror). Sign with rsa-sha256 or ed25519-sha256.",
        zh: "第 {line} 行的 DKIM-Signature 使用 a={found}，没有验证程序认识它（permerror）。请用 rsa-sha256 或 ed25519-sha256 签名。",
    },
    Message {
        code: "message.sig_bad_base64",
        en: "The {tag}= value of the DKIM-Signature at line {line} is not valid base64 (a character outside A–Z a–z 0–9 + / =, or a cut value); it cannot be verified (permerror). Was the header re-wrapped or cut when copied?",
        zh: "第 {line} 行 DKIM-Signature 的 {tag}= 值不是合法的 base64（含有 A–Z a–z 0–9 + / = 以外的字符，或值被截断），无法验证（permerror）。复制时邮件头是否被重新折行或截断？",
    },
    Message {
        code: "message.sig_bad_value",
        en: "The DKIM-Signature at line {line} has {tag}={found}, which is not a valid value for that tag (permerror).",
        zh: "第 {line} 行的 DKIM-Signature 中 {tag}={found} 不是该标签的合法值（permerror）。",
    },
    Message {
        code: "message.sig_from_not_signed",
        en: "The DKIM-Signature at line {line} does not list From in h=, so it does not vouch for the sender and must be ignored (permerror). Add From to the signed headers.",
        zh: "第 {line} 行的 DKIM-Signature 的 h= 中没有 From，它不能为发件人作证，必须被忽略（permerror）。请把 From 加入签名的邮件头。",
    },
    Message {
        code: "message.sig_identity_mismatch",
        en: "The DKIM-Signature at line {line} has i={identity}, which is not in {domain} (d=) or below it (permerror).",
        zh: "第 {line} 行的 DKIM-Signature 的 i={identity} 不在 {domain}（d=）或其子域之下（permerror）。",
    },
    Message {
        code: "message.sig_expires_before_signed",
        en: "The DKIM-Signature at line {line} expires (x=) no later than it was made (t=), so it is invalid (permerror).",
        zh: "第 {line} 行的 DKIM-Signature 过期时间（x=）不晚于签名时间（t=），因此无效（permerror）。",
    },
    Message {
        code: "message.too_many_signatures",
        en: "The message has {count} DKIM signatures; the page verifies the first {max} (from the top) and leaves the others. Receivers also stop after a few.",
        zh: "邮件有 {count} 个 DKIM 签名；页面只验证最上面的 {max} 个，其余不验证。收件服务器同样只看前几个。",
    },
    Message {
        code: "message.dkim_pass",
        en: "The signature {subject} verifies: the body hash matches and the signature over the signed headers is good with the published key.",
        zh: "签名 {subject} 验证通过：正文哈希一致，已签名的邮件头用已发布的公钥验证无误。",
    },
    Message {
        code: "message.dkim_sha1",
        en: "The signature {subject} (line {line}) uses rsa-sha1, which verifiers must not accept any more (fail). Sign with rsa-sha256.",
        zh: "签名 {subject}（第 {line} 行）使用 rsa-sha1，验证程序已不得接受（fail）。请改用 rsa-sha256 签名。",
    },
    Message {
        code: "message.dkim_expired",
        en: "The signature {subject} (line {line}) expired at {expired} (x=), before this check at {now} (permerror). The receiver may have checked it in time; signers should set x= days ahead, not minutes.",
        zh: "签名 {subject}（第 {line} 行）已于 {expired}（x=）过期，早于本次检查时间 {now}（permerror）。收件方当时可能是在有效期内检查的；签名方应把 x= 设在几天之后，而不是几分钟。",
    },
    Message {
        code: "message.dkim_future",
        en: "The signature {subject} (line {line}) says it was made at {signed} (t=), well after this check at {now}: the signer's clock is wrong (permerror).",
        zh: "签名 {subject}（第 {line} 行）声称签于 {signed}（t=），远晚于本次检查时间 {now}：签名服务器的时钟不对（permerror）。",
    },
    Message {
        code: "message.dkim_key_temperror",
        en: "The key question {name} got no answer ({answer}); the signature {subject} could not be checked (temperror), which says nothing about the signature. Try again, or another resolver.",
        zh: "查询公钥 {name} 没有得到答复（{answer}）；签名 {subject} 无法检查（temperror），这并不说明签名有问题。请重试，或换一个解析服务器。",
    },
    Message {
        code: "message.dkim_no_key",
        en: "There is no key at {name} ({answer}), so the signature {subject} cannot be verified (permerror). Publish the key of selector in s= as a TXT record at that name, or sign with a selector whose key is published.",
        zh: "{name} 没有公钥（{answer}），签名 {subject} 无法验证（permerror）。请在该名称发布 s= 所指选择器的公钥 TXT 记录，或改用已发布公钥的选择器签名。",
    },
    Message {
        code: "message.dkim_key_syntax",
        en: "The record at {name} is not a readable DKIM key ({why}), so the signature {subject} cannot be verified (permerror). Check the record with the Check tab and republish it.",
        zh: "{name} 处的记录不是可读的 DKIM 公钥（{why}），签名 {subject} 无法验证（permerror）。请在“检查”页检查该记录并重新发布。",
    },
    Message {
        code: "message.dkim_key_revoked",
        en: "The key at {name} is revoked (empty p=), so the signature {subject} fails at the key step. If the server still signs with this selector, configure it with the current key and selector.",
        zh: "{name} 处的公钥已吊销（p= 为空），签名 {subject} 在公钥这一步失败。如果服务器仍用这个选择器签名，请改用当前的密钥和选择器。",
    },
    Message {
        code: "message.dkim_key_hash",
        en: "The key at {name} allows only other hash algorithms (h=), not sha256, so the signature {subject} fails at the key step. Remove h= from the key record.",
        zh: "{name} 处的公钥只允许其他哈希算法（h=），不含 sha256，签名 {subject} 在公钥这一步失败。请从公钥记录中删除 h=。",
    },
    Message {
        code: "message.dkim_key_service",
        en: "The key at {name} is not for email (s=), so the signature {subject} fails at the key step. Remove s= from the key record or set s=email.",
        zh: "{name} 处的公钥不用于电子邮件（s=），签名 {subject} 在公钥这一步失败。请从公钥记录中删除 s=，或设为 s=email。",
    },
    Message {
        code: "message.dkim_key_strict",
        en: "The key at {name} has t=s, so i= must be exactly d=; the signature {subject} signs for a subdomain and fails at the key step. Remove the s flag or sign with i= equal to d=.",
        zh: "{name} 处的公钥带有 t=s，要求 i= 与 d= 完全相同；签名 {subject} 用的是子域，在公钥这一步失败。请去掉 s 标志，或让 i= 等于 d=。",
    },
    Message {
        code: "message.dkim_key_type",
        en: "The key at {name} is of another type (k=) than the signature {subject} (a=), so it fails at the key step. Publish the key the signer uses, under its own selector.",
        zh: "{name} 处的公钥类型（k=）与签名 {subject} 的算法（a=）不符，在公钥这一步失败。请在签名程序所用的选择器下发布它实际使用的公钥。",
    },
    Message {
        code: "message.dkim_key_weak",
        en: "The RSA key at {name} is shorter than 1024 bits, which verifiers must not accept, so the signature {subject} fails at the key step. Make a 2048-bit key (the Generate tab does) and publish it under a new selector.",
        zh: "{name} 处的 RSA 公钥短于 1024 位，验证程序不得接受，签名 {subject} 在公钥这一步失败。请生成 2048 位密钥（“生成”页即可）并以新的选择器发布。",
    },
    Message {
        code: "message.dkim_key_unusable",
        en: "The key at {name} cannot be used to verify {subject} (not a valid RSA or Ed25519 public key), so it fails at the key step. Republish the key as the signer's tool printed it.",
        zh: "{name} 处的公钥无法用于验证 {subject}（不是有效的 RSA 或 Ed25519 公钥），在公钥这一步失败。请按签名工具输出的原样重新发布公钥。",
    },
    Message {
        code: "message.dkim_key_testing",
        en: "The key at {name} has t=y (testing): receivers treat the message as if it were unsigned whatever the verdict. Remove t=y once signing works.",
        zh: "{name} 处的公钥带有 t=y（测试模式）：无论验证结果如何，收件方都按未签名邮件对待。签名正常后请删除 t=y。",
    },
    Message {
        code: "message.dkim_body_shorter_than_l",
        en: "The signature {subject} (line {line}) covers {l} bytes of body (l=), but the body is shorter now: it was cut after signing, and the body hash fails.",
        zh: "签名 {subject}（第 {line} 行）覆盖 {l} 字节正文（l=），但现在的正文更短：签名后被截断了，正文哈希失败。",
    },
    Message {
        code: "message.dkim_body_hash",
        en: "The signature {subject} (line {line}) fails at the body hash: the body is not the one that was signed. A forwarder or list may have changed it, or the copy changed line breaks, spaces or encoding; copy the original source again.",
        zh: "签名 {subject}（第 {line} 行）在正文哈希这一步失败：正文已不是签名时的内容。可能是转发或邮件列表改了它，或复制时改动了换行、空格或编码；请重新复制原始邮件。",
    },
    Message {
        code: "message.dkim_signature",
        en: "The signature {subject} (line {line}) fails at the signature: the body is intact, but a signed header field changed after signing (or the published key is not the one that signed).",
        zh: "签名 {subject}（第 {line} 行）在签名这一步失败：正文未变，但某个已签名的邮件头在签名后被改动（或已发布的公钥不是签名所用的那把）。",
    },
    Message {
        code: "message.dkim_not_verified",
        en: "The signature {subject} (line {line}) could not be checked here: {why}. Try another browser; this says nothing about the signature.",
        zh: "签名 {subject}（第 {line} 行）无法在此检查：{why}。请换一个浏览器；这并不说明签名有问题。",
    },
    Message {
        code: "message.dkim_from_oversigned",
        en: "The signature {subject} lists From in h= more often than the message has it (over-signing), so nobody can add a second From without breaking it. Good.",
        zh: "签名 {subject} 在 h= 中列出 From 的次数多于邮件中的 From 个数（过量签名），任何人都无法再添加第二个 From 而不破坏签名。很好。",
    },
    Message {
        code: "message.dkim_from_not_oversigned",
        en: "The signature {subject} signs From once: a second From added above it would still verify. Sign From twice (h=from:from:…) to prevent that; OpenDKIM's OversignHeaders From does it.",
        zh: "签名 {subject} 只签了一次 From：在上方再加一个 From 签名仍然有效。请把 From 签两次（h=from:from:…）来防止；OpenDKIM 的 OversignHeaders From 即可做到。",
    },
    Message {
        code: "message.dkim_body_length",
        en: "The signature {subject} covers only the first {l} bytes of the body (l=); {unsigned} bytes after them are not signed, and anyone can append text that still verifies. Remove l= from the signer's configuration.",
        zh: "签名 {subject} 只覆盖正文的前 {l} 字节（l=）；其后的 {unsigned} 字节未签名，任何人都可以追加内容而签名仍然有效。请在签名程序配置中去掉 l=。",
    },
    Message {
        code: "message.from_missing",
        en: "The message has no From: field, so DMARC has no domain to judge (permerror).",
        zh: "邮件没有 From: 字段，DMARC 没有可判断的域名（permerror）。",
    },
    Message {
        code: "message.from_twice",
        en: "The message has {count} From: fields (the second at line {line}); a message has exactly one, and receivers reject or refuse to judge such mail (permerror).",
        zh: "邮件有 {count} 个 From: 字段（第二个在第 {line} 行）；邮件只能有一个，收件方会拒收或不予判断（permerror）。",
    },
    Message {
        code: "message.from_no_address",
        en: "The From: field at line {line} holds no address with a domain, so DMARC has nothing to judge (permerror).",
        zh: "第 {line} 行的 From: 字段中没有带域名的地址，DMARC 无从判断（permerror）。",
    },
    Message {
        code: "message.from_many_addresses",
        en: "The From: field at line {line} holds {count} addresses; DMARC needs one author domain, and receivers may reject such mail (permerror).",
        zh: "第 {line} 行的 From: 字段有 {count} 个地址；DMARC 需要唯一的作者域名，收件方可能拒收这类邮件（permerror）。",
    },
    Message {
        code: "message.dmarc_temperror",
        en: "The DMARC question {name} got no answer ({answer}), so the DMARC result is unknown (temperror). Try again, or another resolver.",
        zh: "DMARC 查询 {name} 没有得到答复（{answer}），DMARC 结果未知（temperror）。请重试，或换一个解析服务器。",
    },
    Message {
        code: "message.dmarc_no_policy",
        en: "{domain} and the domains above it publish no DMARC policy: receivers apply none (result none). Publish _dmarc.{domain} (the Generate tab writes one).",
        zh: "{domain} 及其上级域名都没有发布 DMARC 策略：收件方不执行任何策略（结果 none）。请发布 _dmarc.{domain}（“生成”页可以写出）。",
    },
    Message {
        code: "message.dmarc_dkim_not_aligned",
        en: "The passing DKIM signature of {d} is not aligned with the From: domain {from} ({mode} alignment), so it does not count for DMARC. Sign with d= the From domain (or, relaxed, its organizational domain).",
        zh: "{d} 的 DKIM 签名虽然通过，但与 From: 域名 {from} 不对齐（{mode} 对齐），不计入 DMARC。请用 From 域名（宽松对齐时可用其组织域名）作为 d= 签名。",
    },
    Message {
        code: "message.dmarc_spf_not_aligned",
        en: "SPF passed for {domain}, which is not aligned with the From: domain {from} ({mode} alignment), so it does not count for DMARC. Use a Return-Path (bounce address) in the From domain.",
        zh: "SPF 对 {domain} 通过，但它与 From: 域名 {from} 不对齐（{mode} 对齐），不计入 DMARC。请使用 From 域名下的 Return-Path（退信地址）。",
    },
    Message {
        code: "message.dmarc_pass",
        en: "DMARC passes for {subject}, through{dkim? DKIM aligned with $}{both? and}{spf? SPF aligned with $}.",
        zh: "{subject} 的 DMARC 通过，依据：{dkim?与 $ 对齐的 DKIM}{both?和}{spf?与 $ 对齐的 SPF}。",
    },
    Message {
        code: "message.dmarc_fail",
        en: "DMARC fails for {subject}: neither DKIM nor SPF passed aligned with the From domain. The policy at {record} asks receivers to apply {policy}.",
        zh: "{subject} 的 DMARC 未通过：DKIM 和 SPF 都没有在与 From 域名对齐的情况下通过。{record} 的策略要求收件方执行 {policy}。",
    },
    Message {
        code: "message.no_auth_results",
        en: "The message has no Authentication-Results: field, so there is no receiver's verdict to compare with (some servers do not add one, or remove it).",
        zh: "邮件中没有 Authentication-Results: 字段，没有收件方的结论可供对比（有的服务器不添加，或会删除它）。",
    },
    Message {
        code: "message.agree",
        en: "{subject}: the page and the receiver {receiver} (line {line}) agree: {result}.",
        zh: "{subject}：页面与收件方 {receiver}（第 {line} 行）结论一致：{result}。",
    },
    Message {
        code: "message.differ",
        en: "{subject}: the page says {ours}, the receiver {receiver} said {theirs} (line {line}). Likely reason: {reason}",
        zh: "{subject}：页面的结论是 {ours}，收件方 {receiver} 的结论是 {theirs}（第 {line} 行）。可能的原因：{reason}",
    },
    Message {
        code: "message.differ_modified",
        en: "The message was changed after the receiver checked it: a forwarding hop or a mailing list, a mail client that re-encoded it, or a copy that changed line breaks or spaces. Copy the original source (“Show original”) again.",
        zh: "邮件在收件方检查之后被改动了：经过转发或邮件列表、邮件客户端重新编码，或复制时改变了换行或空格。请重新复制原始邮件（“显示原始邮件”）。",
    },
    Message {
        code: "message.differ_key_changed",
        en: "The key was rotated, revoked or removed since the message arrived: the receiver verified with the key of that day. Expected after a key change; otherwise check the key record.",
        zh: "邮件到达后公钥已被轮换、吊销或删除：收件方用的是当时的公钥。更换密钥后出现属正常；否则请检查公钥记录。",
    },
    Message {
        code: "message.differ_expired",
        en: "The signature has expired (x=) since the receiver checked it.",
        zh: "签名在收件方检查之后已过期（x=）。",
    },
    Message {
        code: "message.differ_dns_changed",
        en: "The DNS changed since the message arrived (a key or record published or fixed afterwards), or the receiver had trouble asking DNS then.",
        zh: "邮件到达后 DNS 有变化（之后才发布或修正了公钥或记录），或者收件方当时查询 DNS 出了问题。",
    },
    Message {
        code: "message.differ_temporary",
        en: "A DNS question failed on one side (temperror); that is not a verdict. Run the check again.",
        zh: "某一方的 DNS 查询失败（temperror）；这不是结论。请再检查一次。",
    },
    Message {
        code: "message.differ_hop_or_dns",
        en: "SPF was asked about another hop than the receiver judged (a forwarder's address, or an internal relay), or the SPF record changed since. Choose the hop whose “by” is the receiving server.",
        zh: "页面检查的 SPF 跳与收件方判断的不同（转发服务器的地址，或内部中继），或 SPF 记录之后有变化。请选择“by”为收件服务器的那一跳。",
    },
    Message {
        code: "message.differ_follows",
        en: "DMARC follows from DKIM and SPF: see the differences above.",
        zh: "DMARC 取决于 DKIM 和 SPF：请看上面的差异。",
    },
    Message {
        code: "message.differ_other",
        en: "The page and the receiver judge this differently; see the page's reason above.",
        zh: "页面与收件方的判断不同；原因见上方页面的说明。",
    },
    Message {
        code: "message.no_hop",
        en: "No Received: field gives a client address, so SPF was not checked. Choose the hop, or type the sending server's address.",
        zh: "没有任何 Received: 字段给出客户端地址，因此未检查 SPF。请选择一跳，或填写发件服务器的地址。",
    },
    Message {
        code: "message.arc_seen",
        en: "The message carries {count} ARC header fields (the newest seal, instance {instance}, says cv={cv}): an intermediary (a forwarder, a list) recorded the results it saw before changing the message. Shown as information; the page does not verify ARC.",
        zh: "邮件带有 {count} 个 ARC 头字段（最新的封印为第 {instance} 个实例，cv={cv}）：中间方（转发服务器、邮件列表）在改动邮件之前记下了它看到的结果。仅供参考；页面不验证 ARC。",
    },
    Message {
        code: "message.no_return_path",
        en: "The message has no Return-Path: field (some mail programs drop it when saving), so MAIL FROM is unknown; SPF was checked for the HELO name {helo} as for a bounce. Type the MAIL FROM address (the bounce address your server uses) to check the right identity.",
        zh: "邮件没有 Return-Path: 字段（有些邮件程序保存时会去掉它），因此不知道 MAIL FROM；SPF 按退信的方式检查了 HELO 名称 {helo}。请填写 MAIL FROM 地址（你的服务器使用的退信地址），以检查正确的身份。",
    },
];
