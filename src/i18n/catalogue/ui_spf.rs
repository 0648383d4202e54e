//! Messages of the SPF parts of the page (`ui.spf.*`): the builder's lookup
//! count, the trace per address in the report, the what-if box.

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message {
        code: "ui.spf.fetch_includes",
        en: "Count what the includes need",
        zh: "计算 include 所需的查询",
    },
    Message {
        code: "ui.spf.fetch_includes.help",
        en: "Reads the included records once, through the resolver chosen in the Check half (or Google's); typing never asks DNS.",
        zh: "通过“检查”部分选定的解析器（未选时用 Google）读取一次被 include 的记录；输入时不会查询 DNS。",
    },
    Message {
        code: "ui.spf.fetching",
        en: "Reading the included records…",
        zh: "正在读取被 include 的记录……",
    },
    Message {
        code: "ui.spf.traces",
        en: "check_host() step by step, for each address",
        zh: "逐个地址的 check_host() 过程",
    },
    Message {
        code: "ui.spf.whatif",
        en: "What if: try a draft SPF record",
        zh: "假如：试用一条 SPF 草稿",
    },
    Message {
        code: "ui.spf.whatif.help",
        en: "Paste the SPF record you mean to publish. It is evaluated as if it were already published at the domain above, for each server address above (or the planned hosts' addresses), with the includes and mx hosts asked from DNS as usual. Nothing is published.",
        zh: "粘贴你打算发布的 SPF 记录。它会被当作已发布在上面的域名下，对上面填写的每个服务器地址（未填时用计划中主机的地址）进行评估，include 和 mx 主机照常从 DNS 查询。不会发布任何东西。",
    },
    Message {
        code: "ui.spf.whatif.label",
        en: "Draft SPF record",
        zh: "SPF 草稿记录",
    },
    Message {
        code: "ui.spf.whatif.run",
        en: "Evaluate the draft",
        zh: "评估草稿",
    },
    Message {
        code: "ui.spf.whatif.running",
        en: "Evaluating the draft…",
        zh: "正在评估草稿……",
    },
    Message {
        code: "ui.spf.whatif.no_draft",
        en: "Paste a draft record first (it starts with v=spf1).",
        zh: "请先粘贴一条草稿记录（以 v=spf1 开头）。",
    },
    Message {
        code: "ui.spf.whatif.no_domain",
        en: "Type the domain above first: the draft is evaluated as its SPF record.",
        zh: "请先在上面输入域名：草稿会被当作它的 SPF 记录来评估。",
    },
    Message {
        code: "ui.spf.whatif.no_ips",
        en: "Give at least one server address above (or plan a mail host with an address in the Generate half): the draft is evaluated for each.",
        zh: "请在上面至少填写一个服务器地址（或在“生成”部分为邮件主机填写地址）：草稿会对每个地址进行评估。",
    },
    Message {
        code: "ui.spf.whatif.result",
        en: "Result of the draft for {domain}",
        zh: "草稿在 {domain} 下的结果",
    },
];
