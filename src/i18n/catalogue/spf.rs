//! Messages for SPF (`spf.*`, RFC 7208).

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    // Results (RFC 7208 §2.6).
    Message { code: "spf.result.none", en: "none", zh: "none（无 SPF）" },
    Message { code: "spf.result.neutral", en: "neutral", zh: "neutral（中立）" },
    Message { code: "spf.result.pass", en: "pass", zh: "pass（通过）" },
    Message { code: "spf.result.fail", en: "fail", zh: "fail（拒绝）" },
    Message { code: "spf.result.softfail", en: "softfail", zh: "softfail（软拒绝）" },
    Message { code: "spf.result.temperror", en: "temperror", zh: "temperror（临时错误）" },
    Message { code: "spf.result.permerror", en: "permerror", zh: "permerror（永久错误）" },
    // Syntax (parse errors).
    Message {
        code: "spf.syntax.not_spf",
        en: "This is not an SPF record: it must start with “v=spf1” followed by a space.",
        zh: "这不是 SPF 记录：必须以“v=spf1”开头，后面跟一个空格。",
    },
    Message {
        code: "spf.syntax.non_ascii",
        en: "The record contains a non-ASCII character (“{text}”). SPF records are plain ASCII: look for curly quotes or invisible characters pasted from a document.",
        zh: "记录中有非 ASCII 字符（“{text}”）。SPF 记录只能是纯 ASCII：检查是否从文档里粘贴进了弯引号或不可见字符。",
    },
    Message {
        code: "spf.syntax.bad_char",
        en: "The character {ch} is not allowed here. Terms are separated by plain spaces only.",
        zh: "这里不允许出现字符 {ch}。各项之间只能用普通空格分隔。",
    },
    Message {
        code: "spf.unknown_mechanism",
        en: "“{name}” is not an SPF mechanism (all, include, a, mx, ptr, ip4, ip6, exists). Receivers reject the whole record (permerror).",
        zh: "“{name}”不是 SPF 机制（all、include、a、mx、ptr、ip4、ip6、exists）。接收方会判定整条记录无效（permerror）。",
    },
    Message {
        code: "spf.syntax.bad_modifier_name",
        en: "“{name}” is not a valid modifier name: it must start with a letter, followed by letters, digits, “-”, “_” or “.”.",
        zh: "“{name}”不是合法的修饰符名：必须以字母开头，后面只能是字母、数字、“-”、“_”或“.”。",
    },
    Message {
        code: "spf.syntax.unexpected_argument",
        en: "“{mechanism}” takes no such argument or prefix length: “{text}”.",
        zh: "“{mechanism}”不接受这样的参数或前缀长度：“{text}”。",
    },
    Message {
        code: "spf.syntax.missing_argument",
        en: "“{text}” needs a value: a domain or an address after the colon or equals sign.",
        zh: "“{text}”缺少值：冒号或等号后面需要一个域名或地址。",
    },
    Message {
        code: "spf.syntax.bad_domain_end",
        en: "“{text}” does not end in a valid top-level label (like “.com”) or a macro. For an address, use ip4: or ip6:.",
        zh: "“{text}”没有以合法的顶级标签（如“.com”）或宏结尾。如果写的是 IP 地址，请用 ip4: 或 ip6:。",
    },
    Message {
        code: "spf.syntax.bad_cidr",
        en: "“{text}” is not a valid prefix length: 0–32 for IPv4, 0–128 for IPv6, no leading zeros; ip4: and ip6: take a single one.",
        zh: "“{text}”不是合法的前缀长度：IPv4 为 0–32，IPv6 为 0–128，不能有前导零；ip4: 和 ip6: 只能带一个。",
    },
    Message {
        code: "spf.syntax.bad_ip4",
        en: "“{text}” is not a complete IPv4 address. Write all four parts, and a prefix such as /24 for a network.",
        zh: "“{text}”不是完整的 IPv4 地址。请写全四段，网段请用 /24 这样的前缀。",
    },
    Message {
        code: "spf.syntax.bad_ip6",
        en: "“{text}” is not a valid IPv6 address.",
        zh: "“{text}”不是合法的 IPv6 地址。",
    },
    Message {
        code: "spf.syntax.bad_macro",
        en: "Broken macro “{text}”: a % must be followed by an opening brace, %, _ or -; a macro needs a letter, an optional non-zero count, r, delimiters and a closing brace. Write %% for a literal percent sign.",
        zh: "宏“{text}”写错了：% 后面只能是左花括号、%、_ 或 -；宏内需要一个字母、可选的非零数字、r、分隔符和右花括号。字面的百分号请写成 %%。",
    },
    Message {
        code: "spf.syntax.unknown_macro_letter",
        en: "Unknown macro letter “{letter}”. SPF knows s, l, o, d, i, p, v, h, and c, r, t in explanations.",
        zh: "未知的宏字母“{letter}”。SPF 只认识 s、l、o、d、i、p、v、h，以及只能用于说明文字的 c、r、t。",
    },
    Message {
        code: "spf.syntax.explanation_only_macro",
        en: "The macro letter “{letter}” may only be used in explanation text, not in a domain.",
        zh: "宏字母“{letter}”只能用在说明文字里，不能用在域名中。",
    },
    Message {
        code: "spf.duplicate_modifier",
        en: "“{name}=” appears more than once. Receivers treat the record as broken (permerror); keep only one.",
        zh: "“{name}=”出现了不止一次。接收方会判定记录无效（permerror）；只保留一个。",
    },
    // Evaluation (check_host).
    Message {
        code: "spf.eval.bad_domain",
        en: "“{subject}” is not a domain SPF can check (malformed, a single label, or an address literal); the result is none.",
        zh: "“{subject}”不是 SPF 能检查的域名（格式错误、只有一级或是地址字面量）；结果为 none。",
    },
    Message {
        code: "spf.eval.no_record",
        en: "{subject} publishes no SPF record.",
        zh: "{subject} 没有发布 SPF 记录。",
    },
    Message {
        code: "spf.eval.dns_error",
        en: "Looking up {type} {name} failed: {reason} The result is temperror: receivers will try again later.",
        zh: "查询 {name} 的 {type} 记录失败：{reason}结果为 temperror：接收方会稍后重试。",
    },
    Message {
        code: "spf.eval.matched",
        en: "“{term}” matched, so the result is {result}.",
        zh: "“{term}”匹配，结果为 {result}。",
    },
    Message {
        code: "spf.eval.default_neutral",
        en: "Nothing matched and there is no redirect, so the result is neutral.",
        zh: "没有任何项匹配，也没有 redirect，结果为 neutral。",
    },
    Message {
        code: "spf.eval.lookup_limit",
        en: "The check needed more than {limit} DNS-querying terms (include, a, mx, ptr, exists, redirect), so the result is permerror.",
        zh: "检查需要超过 {limit} 个会查询 DNS 的项（include、a、mx、ptr、exists、redirect），结果为 permerror。",
    },
    Message {
        code: "spf.eval.void_limit",
        en: "More than {limit} lookups found nothing (void lookups), so the result is permerror. Remove entries that point to names without records.",
        zh: "超过 {limit} 次查询没有结果（空查询），结果为 permerror。请删除指向无记录名称的项。",
    },
    Message {
        code: "spf.eval.mx_limit",
        en: "{subject} has {count} MX records; the mx mechanism looks at 10 at most, so the result is permerror.",
        zh: "{subject} 有 {count} 条 MX 记录；mx 机制最多检查 10 条，结果为 permerror。",
    },
    Message {
        code: "spf.eval.include_none",
        en: "include:{target} points to a domain without an SPF record, which is a permerror.",
        zh: "include:{target} 指向的域名没有 SPF 记录，这是 permerror。",
    },
    Message {
        code: "spf.eval.redirect_none",
        en: "redirect={target} points to a domain without an SPF record, which is a permerror.",
        zh: "redirect={target} 指向的域名没有 SPF 记录，这是 permerror。",
    },
    Message {
        code: "spf.eval.exp_ignored",
        en: "The explanation (exp=) could not be fetched or read, so it is ignored.",
        zh: "无法获取或解析说明（exp=），已忽略。",
    },
    // Lint.
    Message {
        code: "spf.multiple_records",
        en: "{subject} has {count} SPF records; there must be exactly one, or receivers return permerror. Merge them into one record.",
        zh: "{subject} 有 {count} 条 SPF 记录；只能有一条，否则接收方返回 permerror。请合并为一条。",
    },
    Message {
        code: "spf.no_record",
        en: "{subject} has no SPF record, so receivers cannot tell which hosts may send its mail.",
        zh: "{subject} 没有 SPF 记录，接收方无法判断哪些主机可以代它发信。",
    },
    Message {
        code: "spf.ptr_deprecated",
        en: "“{term}”: the ptr mechanism is slow, unreliable and should not be used. List the addresses with ip4:/ip6:, or use a or mx.",
        zh: "“{term}”：ptr 机制又慢又不可靠，不应使用。请用 ip4:/ip6: 列出地址，或改用 a、mx。",
    },
    Message {
        code: "spf.pass_all",
        en: "“{term}” lets every host on the Internet send mail as {subject}. Use “-all” or “~all”.",
        zh: "“{term}”允许互联网上任何主机以 {subject} 的名义发信。请改用“-all”或“~all”。",
    },
    Message {
        code: "spf.neutral_all",
        en: "“{term}” says nothing about other hosts, so SPF does not protect {subject}. Use “-all” or “~all” once the list is complete.",
        zh: "“{term}”对其他主机不作任何判断，SPF 起不到保护 {subject} 的作用。列表完整后请改用“-all”或“~all”。",
    },
    Message {
        code: "spf.terms_after_all",
        en: "“{term}” comes after “all” and is never evaluated.",
        zh: "“{term}”位于“all”之后，永远不会被检查。",
    },
    Message {
        code: "spf.redirect_with_all",
        en: "“{term}” is ignored because the record has an “all” mechanism.",
        zh: "记录中有“all”机制，所以“{term}”会被忽略。",
    },
    Message {
        code: "spf.too_many_lookups",
        en: "The record needs {bound?at least }{count} DNS {count#lookup|lookups}{failed? (not counting what lies behind $, whose question failed)}; receivers stop at 10 and return permerror.",
        zh: "这条记录需要{bound?至少} {count} 次 DNS 查询{failed?（不含 $ 之后的部分：该查询失败）}；接收方最多查 10 次，超过即返回 permerror。",
    },
    Message {
        code: "spf.record_too_long",
        en: "The record is {len} bytes long; above 450 bytes the DNS answer may not fit in one UDP packet.",
        zh: "记录长 {len} 字节；超过 450 字节时 DNS 应答可能装不进一个 UDP 包。",
    },
    Message {
        code: "spf.string_too_long",
        en: "A TXT string is {len} bytes long; one DNS character-string holds at most 255. Split the record into several quoted strings.",
        zh: "一个 TXT 字符串长 {len} 字节；DNS 单个字符串最多 255 字节。请把记录拆成多个带引号的字符串。",
    },
    Message {
        code: "spf.include_self",
        en: "“{term}” points back to {subject} itself: a loop that ends in permerror.",
        zh: "“{term}”又指回了 {subject} 本身：这是循环，结果为 permerror。",
    },
    Message {
        code: "spf.default_neutral",
        en: "There is no “all” and no redirect, so unlisted hosts get neutral. End the record with “-all” or “~all”.",
        zh: "没有“all”也没有 redirect，未列出的主机得到 neutral。请在记录末尾加上“-all”或“~all”。",
    },
    // Flattening.
    Message {
        code: "spf.flattened",
        en: "Replacing the includes by the addresses they publish today brings the lookups from {before} to {after}.",
        zh: "把 include 换成它们当前发布的地址后，DNS 查询次数从 {before} 降到 {after}。",
    },
    Message {
        code: "spf.flatten_caveat",
        en: "The flattened record copies {count} {count#address|addresses} from other domains. When a provider changes its addresses the copy goes stale and your mail fails SPF: re-check it regularly.",
        zh: "扁平化后的记录复制了其他域名的 {count} 个地址。服务商更换地址后，这份副本就会过时，你的邮件会 SPF 失败：请定期重新检查。",
    },
    Message {
        code: "spf.flatten_dynamic",
        en: "“{term}” depends on the sender or the client address (macros or ptr) and cannot be flattened; it is kept as is.",
        zh: "“{term}”取决于发件人或客户端地址（宏或 ptr），无法扁平化，保持原样。",
    },
    // The builder's count (before publishing, RFC 7208 §4.6.4).
    Message {
        code: "spf.budget.exact",
        en: "DNS lookups: {count} of the {limit} allowed.",
        zh: "DNS 查询：{count} 次（上限 {limit} 次）。",
    },
    Message {
        code: "spf.budget.at_least",
        en: "DNS lookups: at least {count} of the {limit} allowed. This record's own terms take {own}; what {unknown} need on top is not known until their records are read.",
        zh: "DNS 查询：至少 {count} 次（上限 {limit} 次）。这条记录自身的项占 {own} 次；{unknown} 还需要多少，要读到它们的记录才知道。",
    },
    Message {
        code: "spf.budget.over",
        en: "DNS lookups: {bound?at least }{count}, more than the {limit} receivers allow: they return permerror and your mail fails SPF.{unknown? Not yet counted: $.}",
        zh: "DNS 查询：{bound?至少 }{count} 次，超过接收方允许的 {limit} 次：接收方会返回 permerror，你的邮件会 SPF 失败。{unknown?尚未计入：$。}",
    },
    // The steps of check_host(), one line each.
    Message {
        code: "spf.trace.record",
        en: "{domain}: record “{term}”",
        zh: "{domain}：记录“{term}”",
    },
    Message {
        code: "spf.trace.no_record",
        en: "{domain}: no usable SPF record{questions? ($)} → {result}",
        zh: "{domain}：没有可用的 SPF 记录{questions?（$）}→ {result}",
    },
    Message {
        code: "spf.trace.matched",
        en: "“{term}” matches{questions? ($)} · lookups {lookups}/{limit}",
        zh: "“{term}”匹配{questions?（$）} · 查询 {lookups}/{limit}",
    },
    Message {
        code: "spf.trace.not_matched",
        en: "“{term}” does not match{questions? ($)} · lookups {lookups}/{limit}",
        zh: "“{term}”不匹配{questions?（$）} · 查询 {lookups}/{limit}",
    },
    Message {
        code: "spf.trace.result",
        en: "“{term}” → {result}{questions? ($)} · lookups {lookups}/{limit}",
        zh: "“{term}”→ {result}{questions?（$）} · 查询 {lookups}/{limit}",
    },
    Message {
        code: "spf.trace.skipped",
        en: "“{term}” is skipped",
        zh: "“{term}”被跳过",
    },
    Message {
        code: "spf.trace.pending",
        en: "“{term}” was not finished",
        zh: "“{term}”未完成",
    },
    Message {
        code: "spf.trace.address",
        en: "{ip}: {result}, {lookups} of {limit} DNS lookups",
        zh: "{ip}：{result}，用了 {lookups}/{limit} 次 DNS 查询",
    },
    // What if (a draft evaluated before publishing).
    Message {
        code: "spf.whatif.lookups",
        en: "With this draft the domain needs {bound?at least }{count} of the {limit} DNS lookups allowed{failed? (not counting what lies behind $, whose question failed)}.",
        zh: "用这条草稿，该域名需要{bound?至少} {count} 次 DNS 查询（上限 {limit} 次）{failed?（不含 $ 之后的部分：该查询失败）}。",
    },
];
