//! Messages for the DNS-over-HTTPS resolver choice (`dns.preset.*` labels
//! and the first-use race, `dns.resolver.*`), see `crate::dns::presets`.

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message {
        code: "dns.preset.alidns",
        en: "AliDNS (Alibaba Cloud, mainland China)",
        zh: "阿里云公共 DNS（AliDNS，中国大陆）",
    },
    Message {
        code: "dns.preset.dnspod",
        en: "DNSPod (Tencent, mainland China)",
        zh: "腾讯 DNSPod（中国大陆）",
    },
    Message {
        code: "dns.preset.google",
        en: "Google Public DNS",
        zh: "Google 公共 DNS",
    },
    Message {
        code: "dns.preset.cloudflare",
        en: "Cloudflare (1.1.1.1)",
        zh: "Cloudflare（1.1.1.1）",
    },
    Message {
        code: "dns.resolver.chosen",
        en: "Using {resolver} ({url}): of {tried} resolvers asked, it was the first to answer correctly, in {ms} ms.",
        zh: "使用 {resolver}（{url}）：在询问的 {tried} 个解析器中，它最先给出正确应答，用时 {ms} 毫秒。",
    },
    Message {
        code: "dns.resolver.none",
        en: "None of the {tried} DNS-over-HTTPS resolvers answered a test question correctly, so no check ran and none was chosen. This network may block them: try again on another network, or choose “Other (URL)” under Resolver and give a DoH resolver you can reach. The next check tries them all again.",
        zh: "所询问的 {tried} 个 DNS-over-HTTPS 解析器都没有正确应答测试查询，因此没有进行检查，也没有选定解析器。当前网络可能屏蔽了它们：请换一个网络再试，或在“解析器”中选择“其他（URL）”，填写一个你能访问的 DoH 解析器。下次检查时会重新逐一尝试。",
    },
    Message {
        code: "dns.resolver.probe_failed",
        en: "{resolver} did not answer the test question ({detail}).",
        zh: "{resolver} 未能应答测试查询（{detail}）。",
    },
    Message {
        code: "dns.resolver.probe_bogus",
        en: "{resolver} answered the test question with {address}, a private or reserved address: something on the path rewrites DNS answers, so it is not used.",
        zh: "{resolver} 对测试查询返回了 {address}，这是私有或保留地址：网络路径上有设备在改写 DNS 应答，因此不使用该解析器。",
    },
];
