//! Messages for the shared tag=value grammar (`tagvalue.*`, RFC 6376 §3.2,
//! used by DKIM, DMARC, MTA-STS and TLS-RPT) and for DKIM key records (`dkim.*`).

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message { code: "tagvalue.empty", en: "The record is empty.", zh: "记录是空的。" },
    Message {
        code: "tagvalue.missing_equals",
        en: "At position {pos}: a tag without “=”. Every part between semicolons must be name=value.",
        zh: "第 {pos} 个位置：标签缺少“=”。分号之间的每一段都必须是 名称=值。",
    },
    Message {
        code: "tagvalue.bad_name",
        en: "At position {pos}: “{name}” is not a valid tag name (letters, digits, _ - . only, starting with a letter or digit).",
        zh: "第 {pos} 个位置：“{name}”不是合法的标签名（只能用字母、数字、_ - .，并以字母或数字开头）。",
    },
    Message {
        code: "tagvalue.empty_tag",
        en: "At position {pos}: an empty tag (two semicolons in a row, or a leading semicolon).",
        zh: "第 {pos} 个位置：空标签（连续两个分号，或以分号开头）。",
    },
    Message {
        code: "tagvalue.bad_char",
        en: "At position {pos}: the character “{ch}” is not allowed in a tag value (printable ASCII only).",
        zh: "第 {pos} 个位置：标签值中不允许出现字符“{ch}”（只能用可打印的 ASCII 字符）。",
    },
    Message {
        code: "dkim.trailing_space",
        en: "There is whitespace after the last semicolon. The DKIM grammar does not allow it and strict verifiers reject the whole key; remove it.",
        zh: "最后一个分号后面有空白。DKIM 语法不允许，严格的验证方会拒绝整个密钥；请删除。",
    },
    Message {
        code: "dkim.duplicate_tag",
        en: "The tag “{tag}” appears twice; this makes the whole key record invalid.",
        zh: "标签“{tag}”出现了两次，这会使整个密钥记录无效。",
    },
    Message {
        code: "dkim.version_not_first",
        en: "v=DKIM1 must be the first tag when present.",
        zh: "如果写了 v=DKIM1，它必须是第一个标签。",
    },
    Message {
        code: "dkim.bad_version",
        en: "The version is “{found}”; it must be exactly DKIM1 (upper case). Verifiers discard this record.",
        zh: "版本是“{found}”，必须正好是 DKIM1（大写）。验证方会丢弃这条记录。",
    },
    Message {
        code: "dkim.missing_key",
        en: "The p= tag (the public key) is missing; it is required.",
        zh: "缺少 p= 标签（公钥），它是必需的。",
    },
    Message {
        code: "dkim.bad_base64",
        en: "The p= value is not valid base64. Check for a truncated or mangled copy of the key.",
        zh: "p= 的值不是合法的 base64。请检查密钥是否复制不全或被改动。",
    },
    Message {
        code: "dkim.bad_value",
        en: "The {tag}= value is empty or has an empty item between colons.",
        zh: "{tag}= 的值为空，或冒号之间有空项。",
    },
    Message {
        code: "dkim.import_unrecognized",
        en: "This is not a public key we can read: paste a PEM “BEGIN PUBLIC KEY” block, the base64 key, or the DKIM TXT record.",
        zh: "无法识别这个公钥：请粘贴 PEM 格式的“BEGIN PUBLIC KEY”块、base64 密钥或 DKIM TXT 记录。",
    },
    Message {
        code: "dkim.import_unsupported",
        en: "This key uses an algorithm DKIM does not support; use RSA (2048 bits) or Ed25519.",
        zh: "这个密钥的算法 DKIM 不支持；请使用 RSA（2048 位）或 Ed25519。",
    },
    Message {
        code: "dkim.unknown_tag",
        en: "The tag “{tag}” is not a DKIM key tag; verifiers ignore it.",
        zh: "“{tag}”不是 DKIM 密钥标签，验证方会忽略它。",
    },
    Message {
        code: "dkim.revoked",
        en: "p= is empty: this key is revoked, and every signature made with selector {subject} fails.",
        zh: "p= 为空：这个密钥已被吊销，用选择器 {subject} 签的所有签名都会失败。",
    },
    Message {
        code: "dkim.unknown_key_type",
        en: "Key type k={k} is unknown; verifiers ignore this key. Use k=rsa or k=ed25519.",
        zh: "密钥类型 k={k} 未知，验证方会忽略这个密钥。请使用 k=rsa 或 k=ed25519。",
    },
    Message {
        code: "dkim.key_type_mismatch",
        en: "The key in p= is an {found} key but the record says (or defaults to) another type; it should say k={k}.",
        zh: "p= 中是 {found} 密钥，但记录声明（或默认）的是另一种类型；应写成 k={k}。",
    },
    Message {
        code: "dkim.bad_key",
        en: "The p= value is not a valid {k} public key; verifiers cannot use it.",
        zh: "p= 的值不是合法的 {k} 公钥，验证方无法使用。",
    },
    Message {
        code: "dkim.pkcs1_key",
        en: "The key is a bare RSAPublicKey (PKCS#1); DKIM wants it wrapped as SubjectPublicKeyInfo, and some verifiers refuse the bare form.",
        zh: "这是裸的 RSAPublicKey（PKCS#1）；DKIM 要求包装成 SubjectPublicKeyInfo，部分验证方不接受裸格式。",
    },
    Message {
        code: "dkim.rsa_too_short",
        en: "The RSA key has only {bits} bits; verifiers must treat signatures with keys under 1024 bits as invalid. Generate a 2048-bit key.",
        zh: "RSA 密钥只有 {bits} 位；验证方必须把低于 1024 位密钥的签名视为无效。请生成 2048 位密钥。",
    },
    Message {
        code: "dkim.rsa_weak",
        en: "The RSA key has {bits} bits; signers should use at least 2048. Plan a rotation to a 2048-bit key.",
        zh: "RSA 密钥只有 {bits} 位；签名方应使用至少 2048 位。请计划轮换为 2048 位密钥。",
    },
    Message {
        code: "dkim.rsa_too_long",
        en: "The RSA key has {bits} bits; verifiers only have to support up to 4096, so some may not verify it.",
        zh: "RSA 密钥有 {bits} 位；验证方只需支持到 4096 位，有些可能无法验证。",
    },
    Message {
        code: "dkim.ed25519_spki",
        en: "The Ed25519 key is wrapped in SubjectPublicKeyInfo; DKIM wants the raw 32-byte key in p=.",
        zh: "Ed25519 密钥被包装成了 SubjectPublicKeyInfo；DKIM 要求 p= 中是原始的 32 字节密钥。",
    },
    Message {
        code: "dkim.no_sha256",
        en: "h= does not allow sha256; SHA-1 signatures are no longer accepted, so no signature can verify.",
        zh: "h= 不允许 sha256；SHA-1 签名已不再被接受，所以没有签名能通过验证。",
    },
    Message {
        code: "dkim.sha1",
        en: "h= still allows sha1, which must no longer be used; keep only h=sha256 or drop h=.",
        zh: "h= 仍允许 sha1，它已不得再使用；只保留 h=sha256，或删除 h=。",
    },
    Message {
        code: "dkim.unknown_hash",
        en: "The hash “{hash}” in h= is unknown; verifiers ignore it.",
        zh: "h= 中的哈希“{hash}”未知，验证方会忽略。",
    },
    Message {
        code: "dkim.testing",
        en: "t=y marks the key as testing: receivers treat your signed mail like unsigned mail. Remove t=y once signing works.",
        zh: "t=y 表示密钥处于测试模式：收件方会把你签名的邮件当作未签名处理。签名正常后请删除 t=y。",
    },
    Message {
        code: "dkim.not_for_email",
        en: "s= does not include email or *, so this key will not be used for email.",
        zh: "s= 不包含 email 或 *，所以这个密钥不会用于邮件。",
    },
    Message {
        code: "dkim.private.not_pem",
        en: "The DKIM private key kept in this browser is not a PEM private key (a block from “-----BEGIN PRIVATE KEY-----” to “-----END PRIVATE KEY-----” and nothing else).",
        zh: "此浏览器中保存的 DKIM 私钥不是 PEM 格式（应当只有从“-----BEGIN PRIVATE KEY-----”到“-----END PRIVATE KEY-----”的一段）。",
    },
    Message {
        code: "dkim.private.other_label",
        en: "What this browser keeps as the DKIM private key is a PEM block of another kind (for example “RSA PRIVATE KEY” or “PUBLIC KEY”). This page keeps only the PKCS#8 “PRIVATE KEY” it made itself.",
        zh: "此浏览器中作为 DKIM 私钥保存的内容是其他类型的 PEM 块（例如“RSA PRIVATE KEY”或“PUBLIC KEY”）。本页面只保存它自己生成的 PKCS#8“PRIVATE KEY”。",
    },
    Message {
        code: "dkim.private.bad_base64",
        en: "The body of the DKIM private key kept in this browser is not valid base64; it has been changed or cut.",
        zh: "此浏览器中保存的 DKIM 私钥正文不是有效的 base64，它已被改动或截断。",
    },
    Message {
        code: "dkim.private.bad_der",
        en: "The DKIM private key kept in this browser is damaged: its bytes are not a PKCS#8 key (RFC 5958 §2).",
        zh: "此浏览器中保存的 DKIM 私钥已损坏：其字节不是 PKCS#8 密钥（RFC 5958 §2）。",
    },
    Message {
        code: "dkim.private.unsupported",
        en: "The private key kept in this browser is for an algorithm DKIM does not sign with. DKIM uses RSA (RFC 8301) and Ed25519 (RFC 8463) only.",
        zh: "此浏览器中保存的私钥所用的算法不能用于 DKIM 签名。DKIM 只使用 RSA（RFC 8301）和 Ed25519（RFC 8463）。",
    },
    Message {
        code: "dkim.private.mismatch",
        en: "The private key kept in this browser does not belong to the DKIM public key in the plan (selector below). Mail signed with it would fail DKIM against that record (RFC 6376 §6.1.3). Publish the public key that goes with this private key, or make a new pair and install the new private key.",
        zh: "此浏览器中保存的私钥与方案中的 DKIM 公钥不配对（选择器见下方）。用它签名的邮件在该记录下会 DKIM 验证失败（RFC 6376 §6.1.3）。请发布与此私钥配对的公钥，或者生成新的密钥对并安装新的私钥。",
    },
];
