//! Messages of the page itself (`ui.*`).

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message { code: "ui.title", en: "maildns", zh: "maildns" },
    Message {
        code: "ui.tagline",
        en: "Every DNS record your own mail server needs: generated, explained and checked in your browser.",
        zh: "自建邮件服务器所需的全部 DNS 记录：在浏览器中生成、解释和检查。",
    },
    Message { code: "ui.language", en: "Language", zh: "语言" },
    Message { code: "ui.nav.generate", en: "Generate", zh: "生成记录" },
    Message { code: "ui.nav.check", en: "Check", zh: "检查域名" },
    Message { code: "ui.nav.message", en: "Test a message", zh: "测试邮件" },
    Message {
        code: "ui.generate.intro",
        en: "Describe your mail domain and maildns writes MX, SPF, DKIM, DMARC, MTA-STS, TLS-RPT and PTR records, in the form your DNS panel wants.",
        zh: "填写你的邮件域名信息，maildns 会按你的 DNS 控制台所需格式生成 MX、SPF、DKIM、DMARC、MTA-STS、TLS-RPT 和 PTR 记录。",
    },
    Message {
        code: "ui.check.intro",
        en: "Ask public DNS-over-HTTPS resolvers what the world sees for a domain, and get each problem explained with its fix.",
        zh: "通过公共 DNS-over-HTTPS 解析器查看外界看到的域名记录，并逐条解释问题和修复方法。",
    },
    Message {
        code: "ui.checker.loading",
        en: "Loading the checker…",
        zh: "正在加载检查模块……",
    },
    Message {
        code: "ui.checker.failed",
        en: "The checker could not be loaded ({reason}). Check your connection and try again; if it keeps failing, reload the page (a newer version may have been published).",
        zh: "检查模块加载失败（{reason}）。请检查网络连接后重试；如果一直失败，请刷新页面（可能已发布了新版本）。",
    },
    Message {
        code: "ui.part.loading",
        en: "Loading this part of the page…",
        zh: "正在加载页面的这一部分……",
    },
    Message {
        code: "ui.part.failed",
        en: "This part of the page could not be loaded ({reason}). Check your connection and try again; if it keeps failing, reload the page (a newer version may have been published).",
        zh: "页面的这一部分加载失败（{reason}）。请检查网络连接后重试；如果一直失败，请刷新页面（可能已发布了新版本）。",
    },
    Message {
        code: "ui.checker.retry",
        en: "Try again",
        zh: "重试",
    },
    Message { code: "ui.domain", en: "Mail domain", zh: "邮件域名" },
    Message { code: "ui.domain.placeholder", en: "example.com", zh: "example.com" },
    Message {
        code: "ui.domain.help",
        en: "The part after @ in your addresses. Internationalized names are converted to punycode.",
        zh: "邮箱地址中 @ 后面的部分。中文域名会自动转换为 punycode。",
    },
    Message { code: "ui.domain.ok", en: "In DNS: {name}", zh: "DNS 中的形式：{name}" },
    Message {
        code: "ui.privacy",
        en: "Everything runs in this page. Nothing is sent to a server except DNS questions to the resolver you choose.",
        zh: "所有计算都在本页面中完成。除了向你选择的解析器发送 DNS 查询外，不会向任何服务器发送数据。",
    },
    Message { code: "ui.theme.note", en: "Follows your system's light or dark setting.", zh: "跟随系统的浅色或深色设置。" },
    Message { code: "ui.copy", en: "Copy", zh: "复制" },
    Message { code: "ui.copied", en: "Copied", zh: "已复制" },
    Message { code: "ui.copy_failed", en: "Copy failed: select and copy by hand", zh: "复制失败：请手动选择并复制" },
    Message { code: "ui.footer", en: "Open source, static, no tracking.", zh: "开源、纯静态页面、无跟踪。" },
    Message {
        code: "ui.lang.loading",
        en: "Loading {language}…",
        zh: "正在加载{language}……",
    },
    Message {
        code: "ui.lang.failed",
        en: "{language} could not be loaded ({reason}). Check your connection and try again.",
        zh: "{language}加载失败（{reason}）。请检查网络连接后重试。",
    },
    Message { code: "ui.lang.retry", en: "Try again", zh: "重试" },
];
