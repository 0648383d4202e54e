//! Messages for domain-name findings (`name.*`).

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message { code: "name.empty", en: "Enter a domain name.", zh: "请输入域名。" },
    Message {
        code: "name.empty_label",
        en: "The name has an empty label (two dots in a row, or a leading dot) at position {pos}.",
        zh: "域名在第 {pos} 个字符处有空标签（连续两个点或以点开头）。",
    },
    Message {
        code: "name.label_too_long",
        en: "The label “{label}” is {len} characters long; DNS allows at most 63.",
        zh: "标签“{label}”长 {len} 个字符，DNS 最多允许 63 个。",
    },
    Message {
        code: "name.too_long",
        en: "The name is {len} characters long; DNS allows at most 253.",
        zh: "域名长 {len} 个字符，DNS 最多允许 253 个。",
    },
    Message {
        code: "name.bad_char",
        en: "The character “{ch}” at position {pos} is not allowed in a host name: use letters, digits and hyphens.",
        zh: "第 {pos} 个位置的字符“{ch}”不能出现在主机名中：只能用字母、数字和连字符。",
    },
    Message {
        code: "name.hyphen_edge",
        en: "The label “{label}” starts or ends with a hyphen, which host names do not allow.",
        zh: "标签“{label}”以连字符开头或结尾，主机名不允许这样。",
    },
    Message {
        code: "name.underscore",
        en: "The label “{label}” has an underscore: fine for service records such as _dmarc, but not in a host name.",
        zh: "标签“{label}”含有下划线：_dmarc 之类的服务记录可以，但主机名不行。",
    },
    Message {
        code: "name.numeric_tld",
        en: "The last label “{label}” is all digits: no top-level domain is. Is this an IP address with a part missing?",
        zh: "最后一个标签“{label}”全是数字，没有这样的顶级域名。是不是少写了一段的 IP 地址？",
    },
    Message {
        code: "name.ip_literal",
        en: "This is an IP address; a host name is needed here.",
        zh: "这是一个 IP 地址，这里需要填写主机名。",
    },
    Message {
        code: "name.bad_idn",
        en: "This internationalized name cannot be converted to punycode (IDNA).",
        zh: "这个国际化域名无法转换为 punycode（IDNA）。",
    },
    Message {
        code: "name.reserved_tld",
        en: "“.{tld}” is a reserved top-level domain: fine for testing, but nobody on the Internet can reach it.",
        zh: "“.{tld}”是保留的顶级域名：可用于测试，但互联网上无法访问。",
    },
];
