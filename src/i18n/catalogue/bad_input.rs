//! Messages for the codes added while hardening the inputs against the
//! bad-input catalogue (`tests/bad_inputs/`): limits a pasted wall of text
//! or an absurd value runs into.

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message {
        code: "mta_sts.policy_too_large",
        en: "The pasted policy is {len} bytes; senders may refuse a policy over {limit} bytes, so it was not read line by line.",
        zh: "粘贴的策略有 {len} 字节；超过 {limit} 字节的策略发件方可能拒收，因此没有逐行解析。",
    },
    Message {
        code: "uri.local_part_too_long",
        en: "The part before “@” is longer than 64 characters, which mail addresses do not allow.",
        zh: "“@”前面的部分超过 64 个字符，邮件地址不允许这么长。",
    },
];
