//! Messages the page needs before, or without, the texts of its language
//! (`ui.panic.*`, `ui.texts.*`): the panic banner, and what the page says
//! when the part that holds its language's texts did not load. These are
//! always in the page's module, in both languages; every other first-view
//! text is in its language's part (`super::EN`, `super::ZH`).

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message {
        code: "ui.panic.title",
        en: "maildns stopped because of an internal error.",
        zh: "maildns 因内部错误而停止运行。",
    },
    Message {
        code: "ui.panic.body",
        en: "Please reload the page. If it happens again, report it with the details below.",
        zh: "请重新加载页面。如果问题再次出现，请附上以下详细信息报告给我们。",
    },
    Message { code: "ui.panic.reload", en: "Reload", zh: "重新加载" },
    Message {
        code: "ui.texts.failed",
        en: "maildns could not load its texts ({reason}). Check your connection and try again; if it keeps failing, reload the page (a newer version may have been published).",
        zh: "maildns 无法加载页面文字（{reason}）。请检查网络连接后重试；如果一直失败，请刷新页面（可能已发布了新版本）。",
    },
    Message { code: "ui.texts.retry", en: "Try again", zh: "重试" },
];
