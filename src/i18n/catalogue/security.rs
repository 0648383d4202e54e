//! Messages for the stored plan (`storage.*`, `crate::plan::stored`) and the
//! page's connect-src policy (`ui.connect.*`, `ui::connect_policy`).

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message {
        code: "storage.not_json",
        en: "The plan saved in this browser is not readable data (not JSON).",
        zh: "此浏览器中保存的方案不是可读的数据（不是 JSON）。",
    },
    Message {
        code: "storage.not_a_plan",
        en: "The data saved in this browser is not a maildns plan, or part of it has the wrong shape.",
        zh: "此浏览器中保存的数据不是 maildns 方案，或其中部分内容格式不对。",
    },
    Message {
        code: "storage.unknown_format",
        en: "The data saved under the plan's key is of another format.",
        zh: "方案键下保存的数据属于其他格式。",
    },
    Message {
        code: "storage.bad_version",
        en: "The plan saved in this browser has no usable version number.",
        zh: "此浏览器中保存的方案没有可用的版本号。",
    },
    Message {
        code: "storage.newer_version",
        en: "The plan in this browser was saved by a newer version of this page. It is left untouched and this page will not save over it; reload to get the newer page.",
        zh: "此浏览器中的方案由本页面的较新版本保存。它保持原样，本页面不会覆盖它；请重新加载以获取新版页面。",
    },
    Message {
        code: "storage.set_aside",
        en: "The plan saved in this browser could not be read. It is kept, unchanged, under the key shown below; the form starts empty.",
        zh: "此浏览器中保存的方案无法读取。它已原样保存在下方所示的键下；表单从空白开始。",
    },
    Message {
        code: "storage.set_aside_failed",
        en: "The plan saved in this browser could not be read, and the browser refused to keep a copy aside. It stays where it is; changes here are not saved over it.",
        zh: "此浏览器中保存的方案无法读取，浏览器也拒绝另存副本。它保持原位；此处的修改不会覆盖它。",
    },
    Message {
        code: "storage.key_set_aside",
        en: "The DKIM private key kept in this browser could not be read, so it is not offered as a key. It is kept, unchanged, under the key shown below. Take the key from your mail server's key file, or make a new key pair and publish its public key.",
        zh: "此浏览器中保存的 DKIM 私钥无法读取，因此不会作为密钥提供。它已原样保存在下方所示的键下。请从邮件服务器的密钥文件中取回私钥，或生成新的密钥对并发布其公钥。",
    },
    Message {
        code: "storage.key_set_aside_failed",
        en: "The DKIM private key kept in this browser could not be read, and the browser refused to keep a copy aside. It stays where it is and is not offered as a key.",
        zh: "此浏览器中保存的 DKIM 私钥无法读取，浏览器也拒绝另存副本。它保持原位，不会作为密钥提供。",
    },
    Message {
        code: "ui.connect.explain",
        en: "For safety this page only talks to the resolvers it was loaded with. To add this one, the page stores its address in this browser and reloads once.",
        zh: "为安全起见，本页面只与加载时允许的解析器通信。要添加此解析器，页面会在此浏览器中记下其地址并重新加载一次。",
    },
    Message {
        code: "ui.connect.allow",
        en: "Allow this resolver and reload",
        zh: "允许此解析器并重新加载",
    },
    Message {
        code: "ui.connect.confirm_reload",
        en: "If you say yes, the page stores this resolver's address in this browser and reloads once before asking it.",
        zh: "如果选择“是”，页面会在此浏览器中记下该解析器的地址，并在询问前重新加载一次。",
    },
    Message {
        code: "ui.connect.reload_needed",
        en: "The page may not ask {subject} yet: use “Allow this resolver and reload” under its address first.",
        zh: "页面暂时不能询问 {subject}：请先点击地址下方的“允许此解析器并重新加载”。",
    },
    Message {
        code: "ui.connect.inexpressible",
        en: "The page cannot be allowed to ask {subject}: its address cannot be named in the page's security policy. Use 127.0.0.1 instead of [::1], or the ASCII (xn--) form of the host name.",
        zh: "无法允许页面询问 {subject}：其地址无法写入页面的安全策略。请用 127.0.0.1 代替 [::1]，或使用主机名的 ASCII（xn--）形式。",
    },
];
