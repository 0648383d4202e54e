//! Messages for MTA-STS (`mta_sts.*`): the `_mta-sts` record and the policy file.

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message {
        code: "mta_sts.spf_record",
        en: "This is an SPF record, not an MTA-STS record; _mta-sts needs v=STSv1; id=…",
        zh: "这是 SPF 记录，不是 MTA-STS 记录；_mta-sts 需要 v=STSv1; id=…",
    },
    Message {
        code: "mta_sts.bad_version",
        en: "The record must start with v=STSv1; it starts with “{found}”, so senders ignore it.",
        zh: "记录必须以 v=STSv1 开头；现在开头是“{found}”，发件方会忽略它。",
    },
    Message {
        code: "mta_sts.version_prefix",
        en: "The record must begin exactly with “v=STSv1;” (no spaces); senders discard records that do not.",
        zh: "记录必须严格以“v=STSv1;”开头（不能有空格），否则发件方会丢弃它。",
    },
    Message {
        code: "mta_sts.missing_id",
        en: "The id= field is missing; it is required.",
        zh: "缺少 id= 字段，它是必需的。",
    },
    Message {
        code: "mta_sts.bad_id",
        en: "The id “{id}” is invalid: use 1 to 32 letters and digits only, e.g. a timestamp like 20240101T0000.",
        zh: "id“{id}”不合法：只能用 1 到 32 个字母和数字，例如 20240101T0000 这样的时间戳。",
    },
    Message {
        code: "mta_sts.duplicate_tag",
        en: "The field “{tag}” appears twice; keep one.",
        zh: "字段“{tag}”出现了两次，只保留一个。",
    },
    Message {
        code: "mta_sts.bad_extension",
        en: "The field “{tag}” is malformed: names are up to 32 letters, digits, _ - . and values cannot be empty or contain = or spaces.",
        zh: "字段“{tag}”格式错误：名称最多 32 个字母、数字或 _ - .，值不能为空，也不能含 = 或空格。",
    },
    Message {
        code: "mta_sts.extension",
        en: "“{tag}” is an extension field; senders that do not know it ignore it.",
        zh: "“{tag}”是扩展字段，不认识它的发件方会忽略。",
    },
    Message {
        code: "mta_sts.policy_not_key_value",
        en: "A line of the policy file is not “key: value”.",
        zh: "策略文件中有一行不是“键: 值”格式。",
    },
    Message {
        code: "mta_sts.policy_bad_key",
        en: "“{key}” is not a valid key: up to 32 letters, digits, _ - . starting with a letter or digit.",
        zh: "“{key}”不是合法的键：最多 32 个字母、数字或 _ - .，以字母或数字开头。",
    },
    Message {
        code: "mta_sts.policy_bad_extension",
        en: "The field “{key}” has an empty value or control characters.",
        zh: "字段“{key}”的值为空或含有控制字符。",
    },
    Message {
        code: "mta_sts.policy_duplicate_key",
        en: "“{key}” appears twice; only mx may repeat.",
        zh: "“{key}”出现了两次；只有 mx 可以重复。",
    },
    Message {
        code: "mta_sts.policy_bad_version",
        en: "version is “{found}”; it must be STSv1.",
        zh: "version 是“{found}”，必须是 STSv1。",
    },
    Message {
        code: "mta_sts.policy_bad_mode",
        en: "mode is “{found}”; it must be enforce, testing or none (lower case).",
        zh: "mode 是“{found}”，必须是 enforce、testing 或 none（小写）。",
    },
    Message {
        code: "mta_sts.policy_bad_max_age",
        en: "max_age is “{found}”; it must be a whole number of seconds (up to 10 digits).",
        zh: "max_age 是“{found}”，必须是整数秒（最多 10 位数字）。",
    },
    Message {
        code: "mta_sts.policy_max_age_too_large",
        en: "max_age is {found}; the maximum is 31557600 (one year).",
        zh: "max_age 是 {found}，最大值是 31557600（一年）。",
    },
    Message {
        code: "mta_sts.policy_bad_mx",
        en: "“{found}” is not a valid mx pattern: a host name, optionally starting with a single “*.”.",
        zh: "“{found}”不是合法的 mx 模式：应为主机名，可以用一个“*.”开头。",
    },
    Message {
        code: "mta_sts.policy_non_ascii_mx",
        en: "“{found}” is not ASCII; mx lines need the punycode (A-label) form.",
        zh: "“{found}”不是 ASCII；mx 行需要使用 punycode（A-label）形式。",
    },
    Message {
        code: "mta_sts.policy_missing_version",
        en: "The line “version: STSv1” is missing.",
        zh: "缺少“version: STSv1”这一行。",
    },
    Message {
        code: "mta_sts.policy_missing_mode",
        en: "The mode line is missing (enforce, testing or none).",
        zh: "缺少 mode 行（enforce、testing 或 none）。",
    },
    Message {
        code: "mta_sts.policy_missing_max_age",
        en: "The max_age line is missing.",
        zh: "缺少 max_age 行。",
    },
    Message {
        code: "mta_sts.policy_missing_mx",
        en: "In enforce or testing mode the policy needs at least one mx line naming your MX hosts.",
        zh: "enforce 或 testing 模式下，策略至少需要一行 mx，列出你的 MX 主机。",
    },
    Message {
        code: "mta_sts.policy_testing",
        en: "mode: testing only reports problems; switch to enforce once the TLS reports are clean.",
        zh: "mode: testing 只报告问题；TLS 报告正常后请改为 enforce。",
    },
    Message {
        code: "mta_sts.policy_mode_none",
        en: "mode: none withdraws the policy; senders stop applying MTA-STS.",
        zh: "mode: none 表示撤销策略，发件方将不再执行 MTA-STS。",
    },
    Message {
        code: "mta_sts.policy_short_max_age",
        en: "max_age is {max_age} seconds; once the policy is stable use weeks (e.g. 604800) or more.",
        zh: "max_age 是 {max_age} 秒；策略稳定后请设为几周（例如 604800）或更长。",
    },
    Message {
        code: "mta_sts.policy_extension",
        en: "“{key}” is an extension field; senders that do not know it ignore it.",
        zh: "“{key}”是扩展字段，不认识它的发件方会忽略。",
    },
    Message {
        code: "mta_sts.mx_not_covered",
        en: "The MX host {host} matches no mx line of the MTA-STS policy; senders enforcing the policy will not deliver to it.",
        zh: "MX 主机 {host} 不匹配 MTA-STS 策略中的任何 mx 行；执行策略的发件方不会向它投递。",
    },
];
