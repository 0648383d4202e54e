//! A Prometheus monitoring kit for the published records: a
//! `blackbox_exporter` configuration with one DNS probe module per record
//! set, a `prometheus.yml` that probes each module through several public
//! resolvers, and alert rules that tell "the resolver failed" apart from
//! "the record is wrong or missing".
//!
//! Facts followed:
//! - blackbox_exporter `CONFIGURATION.md` (`<dns_probe>`: `query_name`,
//!   `query_type`, `transport_protocol` udp/tcp, `preferred_ip_protocol`,
//!   `valid_rcodes`, `validate_answer_rrs` with `fail_if_none_matches_regexp`)
//!   and `example.yml` (module `dns_udp_example`: an answer RR is matched as
//!   `www.prometheus.io.\t300\tIN\tA\t127.0.0.1`).
//! - blackbox_exporter `prober/dns.go` (0.23): each answer RR is matched
//!   with Go's `regexp.MatchString` (unanchored RE2) against miekg/dns
//!   `RR.String()`: owner, TTL, class, type and data separated by tabs, TXT
//!   as quoted strings separated by a space with `"` and `\` escaped and
//!   octets outside printable ASCII as `\DDD`. `fail_if_none_matches_regexp`
//!   fails only when no RR matches, so an apex TXT set holding other strings
//!   still passes; `fail_if_not_matches_regexp` would fail on any of them
//!   and is never used here. 0.23 added `probe_dns_query_succeeded` (the
//!   exchange with the resolver worked), beside `probe_success` (the whole
//!   probe, rcode and answer checks included). The probe sends no EDNS, so
//!   an answer over 512 octets needs `transport_protocol: tcp`.
//! - Prometheus `configuration.md` (`scrape_config`: `metrics_path`,
//!   `params`, `static_configs` with `labels`, `relabel_configs`;
//!   `__param_<name>` is the first value of URL parameter `<name>`) and
//!   the blackbox README's relabeling pattern (`__address__` →
//!   `__param_target`, → `instance`, `__address__` = the exporter).
//! - Prometheus `alerting_rules.md`: `alert`, `expr`, `for`, `labels`,
//!   `annotations` with `{{ $labels.x }}` templates; `and` matches series
//!   with the same labels, which a probe's two gauges share.

use crate::export::{purpose_text, tr};
use crate::generate::{PlannedRecord, RecordSet};
use crate::i18n::Lang;
use crate::model::name::Name;
use crate::model::record::{Rdata, RecordType};
use std::collections::BTreeSet;
use std::fmt::Write;

/// Where `prometheus.yml` expects the exporter (its default listen port).
pub const EXPORTER: &str = "127.0.0.1:9115";

/// The rule file name `prometheus.yml` refers to.
pub const RULES_FILE: &str = "maildns-rules.yml";

/// The resolvers every record is checked through: (address, operator).
/// Two mainland China resolvers beside two global ones, so a record that
/// one part of the Internet sees wrong is caught.
pub const RESOLVERS: &[(&str, &str)] = &[
    ("1.1.1.1", "Cloudflare"),
    ("8.8.8.8", "Google Public DNS"),
    ("223.5.5.5", "AliDNS"),
    ("119.29.29.29", "DNSPod"),
];

/// Longest prefix of a long TXT's first string that the regexp matches.
/// Long enough that a rotated DKIM key differs (an RSA modulus starts in
/// the first 60 characters of `p=`), short enough that a DNS panel that
/// cuts strings shorter than 255 octets still matches.
const TXT_PREFIX: usize = 200;

/// Probe timeout: below Prometheus's default scrape timeout (10 s).
const TIMEOUT: &str = "5s";

/// One probe module: the question and the answer RR it wants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DnsModule {
    /// Module name: type and owner name, `[a-z0-9_]` (`mx_example_com`).
    pub name: String,
    pub query_name: String,
    pub query_type: RecordType,
    /// RE2 regexps, any one of which an answer RR must match.
    pub regexps: Vec<String>,
    /// `tcp` when the answer may not fit a 512-octet UDP message.
    pub transport: &'static str,
    /// What the record is for (catalogue text in the export language).
    pub purpose: &'static str,
}

/// The probe modules of a record set, in the set's order. One module per
/// (name, type); when several records share a name and type (primary and
/// backup MX, several CAA), one module per record, numbered from the second
/// (`mx_example_com`, `mx_example_com_2`): a blackbox module passes when any
/// answer RR matches any of its regexps, so only a module of its own shows
/// that every record is there. Types blackbox cannot match usefully
/// (SOA, unknown) are left out.
pub fn modules(set: &RecordSet, lang: Lang) -> Vec<DnsModule> {
    let mut groups: Vec<(Name, RecordType, Vec<&PlannedRecord>)> = Vec::new();
    for r in set.own_zone() {
        let t = r.record.rtype();
        match groups
            .iter_mut()
            .find(|(n, gt, _)| *n == r.record.name && *gt == t)
        {
            Some(g) => g.2.push(r),
            None => groups.push((r.record.name.clone(), t, vec![r])),
        }
    }
    let mut used = BTreeSet::new();
    let mut out = Vec::new();
    for (name, rtype, records) in groups {
        let size = answer_size(&name, &records);
        for r in records {
            let Some(regexp) = rr_regexp(&r.record.rdata) else {
                continue;
            };
            let base = module_base(rtype, &name);
            let mut module = base.clone();
            let mut n = 2;
            while !used.insert(module.clone()) {
                module = format!("{base}_{n}");
                n += 1;
            }
            out.push(DnsModule {
                name: module,
                query_name: name.fqdn(),
                query_type: rtype,
                regexps: vec![regexp],
                transport: if size > 512 { "tcp" } else { "udp" },
                purpose: purpose_text(lang, r),
            });
        }
    }
    out
}

/// `blackbox.yml`: one DNS module per record set (see [`modules`]).
pub fn blackbox(set: &RecordSet, lang: Lang) -> String {
    let mut out = String::new();
    header(
        &mut out,
        set,
        lang,
        tr(lang, "blackbox_exporter configuration", "blackbox_exporter 配置"),
    );
    let _ = writeln!(
        out,
        "# {}",
        tr(
            lang,
            "Each module asks one question; it fails when no answer record matches (other records at the same name are allowed).",
            "每个模块查询一个问题；没有任何应答记录匹配时失败（同名下的其他记录不影响）。"
        )
    );
    out.push_str("modules:\n");
    let ms = modules(set, lang);
    if ms.is_empty() {
        out.push_str("  {}\n");
    }
    for m in &ms {
        let _ = writeln!(out, "  # {} {}: {}", m.query_type, m.query_name, m.purpose);
        let _ = writeln!(out, "  {}:", m.name);
        let _ = writeln!(out, "    prober: dns");
        let _ = writeln!(out, "    timeout: {TIMEOUT}");
        let _ = writeln!(out, "    dns:");
        let _ = writeln!(out, "      query_name: {}", quoted(&m.query_name));
        let _ = writeln!(out, "      query_type: {}", m.query_type);
        let _ = writeln!(out, "      transport_protocol: {}", m.transport);
        let _ = writeln!(out, "      preferred_ip_protocol: ip4");
        let _ = writeln!(out, "      valid_rcodes:");
        let _ = writeln!(out, "        - NOERROR");
        let _ = writeln!(out, "      validate_answer_rrs:");
        let _ = writeln!(out, "        fail_if_none_matches_regexp:");
        for re in &m.regexps {
            let _ = writeln!(out, "          - {}", quoted(re));
        }
    }
    out
}

/// `prometheus.yml`: one scrape job per module, each probing through every
/// resolver in [`RESOLVERS`] via the exporter at [`EXPORTER`].
pub fn prometheus(set: &RecordSet, lang: Lang) -> String {
    let mut out = String::new();
    header(
        &mut out,
        set,
        lang,
        tr(lang, "Prometheus configuration", "Prometheus 配置"),
    );
    let _ = writeln!(
        out,
        "# {} {EXPORTER}; {} {RULES_FILE} {}",
        tr(lang, "Expects blackbox_exporter at", "blackbox_exporter 应监听在"),
        tr(lang, "put", "把"),
        tr(lang, "beside this file.", "放在本文件旁边。")
    );
    out.push_str("global:\n  scrape_interval: 1m\n  scrape_timeout: 10s\n  evaluation_interval: 1m\n");
    let _ = writeln!(out, "rule_files:\n  - {RULES_FILE}");
    let ms = modules(set, lang);
    if ms.is_empty() {
        out.push_str("scrape_configs: []\n");
        return out;
    }
    out.push_str("scrape_configs:\n");
    let domain = set.domain.as_str();
    for (i, m) in ms.iter().enumerate() {
        let _ = writeln!(out, "  # {} {}: {}", m.query_type, m.query_name, m.purpose);
        let _ = writeln!(out, "  - job_name: maildns_{}", m.name);
        let _ = writeln!(out, "    metrics_path: /probe");
        let _ = writeln!(out, "    params:\n      module: [{}]", m.name);
        if i > 0 {
            let _ = writeln!(out, "    static_configs: *maildns_resolvers");
            let _ = writeln!(out, "    relabel_configs: *maildns_relabel");
            continue;
        }
        let _ = writeln!(
            out,
            "    # {}",
            tr(
                lang,
                "Each target is a resolver; later jobs reuse these lists (YAML anchors).",
                "每个 target 是一个解析器；后面的 job 通过 YAML 锚点复用这两个列表。"
            )
        );
        out.push_str("    static_configs: &maildns_resolvers\n");
        for (ip, operator) in RESOLVERS {
            let _ = writeln!(out, "      - targets: ['{ip}']");
            let _ = writeln!(out, "        labels:\n          resolver: {}", quoted(operator));
        }
        out.push_str("    relabel_configs: &maildns_relabel\n");
        out.push_str("      - source_labels: [__address__]\n        target_label: __param_target\n");
        out.push_str("      - source_labels: [__param_target]\n        target_label: instance\n");
        out.push_str("      - source_labels: [__param_module]\n        target_label: module\n");
        let _ = writeln!(
            out,
            "      - target_label: domain\n        replacement: {}",
            quoted(domain)
        );
        let _ = writeln!(
            out,
            "      - target_label: __address__\n        replacement: {}",
            quoted(EXPORTER)
        );
    }
    out
}

/// Alert rules for the jobs of [`prometheus`]: the resolver failed, the
/// record is wrong or missing, the exporter cannot be scraped.
pub fn rules(set: &RecordSet, lang: Lang) -> String {
    let mut out = String::new();
    header(
        &mut out,
        set,
        lang,
        tr(lang, "Prometheus alert rules", "Prometheus 告警规则"),
    );
    let domain = set.domain.as_str();
    let sel = format!("{{domain=\"{domain}\"}}");
    let _ = writeln!(
        out,
        "groups:\n  - name: {}\n    rules:",
        quoted(&format!("maildns {domain}"))
    );
    let alerts = [
        (
            "MailDnsRecordWrong",
            format!("probe_success{sel} == 0 and probe_dns_query_succeeded{sel} == 1"),
            "15m",
            "critical",
            tr(
                lang,
                "{{ $labels.module }}: the record is wrong or missing at resolver {{ $labels.resolver }} ({{ $labels.instance }})",
                "{{ $labels.module }}：解析器 {{ $labels.resolver }}（{{ $labels.instance }}）看到的记录错误或缺失",
            ),
            tr(
                lang,
                "The resolver answered, but no answer matched the record maildns generated. Compare the published record with the maildns export (the module's comment in blackbox.yml names it) and fix it at your DNS provider. If you changed it on purpose, regenerate this kit. If only one resolver reports it, that resolver still holds the old answer: wait for the TTL.",
                "解析器有应答，但没有一条与 maildns 生成的记录相符。请把已发布的记录与 maildns 导出的记录（见 blackbox.yml 中该模块的注释）对照，并在 DNS 服务商处改正。若是有意修改，请重新生成本套配置。若只有一个解析器报警，说明它仍缓存着旧应答：等待 TTL 过期即可。",
            ),
        ),
        (
            "MailDnsResolverFailed",
            format!("probe_dns_query_succeeded{sel} == 0"),
            "10m",
            "warning",
            tr(
                lang,
                "{{ $labels.module }}: resolver {{ $labels.resolver }} ({{ $labels.instance }}) did not answer",
                "{{ $labels.module }}：解析器 {{ $labels.resolver }}（{{ $labels.instance }}）没有应答",
            ),
            tr(
                lang,
                "The DNS query itself failed (timeout or no connection); this says nothing about the record. Check the network path from the exporter to this resolver. If every resolver fails for this domain, check your authoritative name servers and the delegation (NS records at the registrar).",
                "DNS 查询本身失败（超时或无法连接），与记录内容无关。请检查 exporter 到该解析器的网络。若所有解析器对本域名都失败，请检查权威域名服务器和委派（注册商处的 NS 记录）。",
            ),
        ),
        (
            "MailDnsProbeDown",
            format!("up{sel} == 0"),
            "5m",
            "warning",
            tr(
                lang,
                "{{ $labels.module }}: blackbox_exporter at {{ $labels.instance }} cannot be scraped",
                "{{ $labels.module }}：无法抓取 blackbox_exporter（{{ $labels.instance }}）",
            ),
            tr(
                lang,
                "Prometheus cannot reach blackbox_exporter, so these records are not being checked. Start the exporter with the generated blackbox.yml and check it listens where prometheus.yml says.",
                "Prometheus 连不上 blackbox_exporter，这些记录目前没有被检查。请用生成的 blackbox.yml 启动 exporter，并确认它监听在 prometheus.yml 所写的地址。",
            ),
        ),
    ];
    for (name, expr, for_, severity, summary, description) in alerts {
        let _ = writeln!(out, "      - alert: {name}");
        let _ = writeln!(out, "        expr: {}", quoted(&expr));
        let _ = writeln!(out, "        for: {for_}");
        let _ = writeln!(out, "        labels:\n          severity: {severity}");
        let _ = writeln!(out, "        annotations:");
        let _ = writeln!(out, "          summary: {}", quoted(summary));
        let _ = writeln!(out, "          description: {}", quoted(description));
    }
    out
}

fn header(out: &mut String, set: &RecordSet, lang: Lang, what: &str) {
    let _ = writeln!(
        out,
        "# {what}: {}{} (maildns)",
        tr(lang, "mail DNS records of ", "邮件 DNS 记录："),
        set.domain.as_str()
    );
    let unicode = set.domain.to_unicode();
    if unicode != set.domain.as_str() {
        let _ = writeln!(out, "# {unicode} = {}", set.domain.as_str());
    }
    if set.other_zones().next().is_some() {
        let _ = writeln!(
            out,
            "# {}",
            tr(
                lang,
                "Records published in other zones are not probed here.",
                "发布在其他区域的记录不在此检查。"
            )
        );
    }
}

/// `mx_example_com`: the type and the owner name, lower case, every run of
/// other characters as one `_`.
fn module_base(rtype: RecordType, name: &Name) -> String {
    let raw = format!("{}_{}", rtype.to_string().to_ascii_lowercase(), name.as_str());
    let mut out = String::new();
    for c in raw.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_string()
}

/// The regexp an answer RR (miekg/dns `RR.String()`) matches when it holds
/// this data: any owner and TTL, class IN, the type, then the data; names
/// and hex case-insensitively. A TXT of several strings is matched on the
/// start of its first string. `None` for data blackbox cannot check.
pub fn rr_regexp(rdata: &Rdata) -> Option<String> {
    let head = format!(r"^[^\t]+\t[0-9]+\tIN\t{}\t", rdata.rtype());
    let data = match rdata {
        Rdata::A(ip) => format!("{}$", re_escape(&ip.to_string())),
        Rdata::Aaaa(ip) => format!("{}$", re_escape(&ip.to_string())),
        Rdata::Mx(m) => format!("{} {}$", m.preference, name_re(&m.exchange)),
        Rdata::Cname(n) | Rdata::Ns(n) => format!("{}$", name_re(n)),
        Rdata::Ptr(p) => format!("{}$", name_re(&p.target)),
        Rdata::Srv(s) => format!("{} {} {} {}$", s.priority, s.weight, s.port, name_re(&s.target)),
        Rdata::Caa(c) => format!(
            "{} {} {}$",
            c.flags,
            re_escape(c.tag.as_str()),
            re_escape(&miekg_string(c.value.as_bytes(), true))
        ),
        Rdata::Tlsa(t) => {
            let hex: String = t.data.iter().map(|b| format!("{b:02x}")).collect();
            format!("{} {} {} (?i:{hex})$", t.usage, t.selector, t.matching_type)
        }
        Rdata::Txt(t) | Rdata::Spf(t) => match t.strings.as_slice() {
            [one] => format!("{}$", re_escape(&miekg_string(one, true))),
            [first, ..] => {
                let cut = first.len().min(TXT_PREFIX);
                format!("\"{}", re_escape(&miekg_string(&first[..cut], false)))
            }
            [] => return None,
        },
        Rdata::Soa(_) | Rdata::Unknown { .. } => return None,
    };
    Some(head + &data)
}

/// A name as miekg prints it (absolute, trailing dot), any letter case.
fn name_re(name: &Name) -> String {
    format!("(?i:{})", re_escape(&name.fqdn()))
}

/// A character-string as miekg/dns prints it: `"` and `\` escaped with
/// `\`, octets outside printable ASCII as `\DDD`; quoted if `quote`.
fn miekg_string(octets: &[u8], quote: bool) -> String {
    let mut s = String::new();
    if quote {
        s.push('"');
    }
    for &b in octets {
        match b {
            b'"' | b'\\' => {
                s.push('\\');
                s.push(b as char);
            }
            b' '..=b'~' => s.push(b as char),
            _ => {
                let _ = write!(s, "\\{b:03}");
            }
        }
    }
    if quote {
        s.push('"');
    }
    s
}

/// Escapes RE2 metacharacters (the set Go's `regexp.QuoteMeta` escapes).
fn re_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if r"\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A YAML single-quoted scalar (YAML 1.2 §7.3.2): backslashes literal, so
/// the regexp reaches the exporter as written; `'` doubled.
fn quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// Octets of the answer message, names uncompressed (an upper bound).
fn answer_size(name: &Name, records: &[&PlannedRecord]) -> usize {
    let name_len = |n: &Name| n.fqdn().len() + 1;
    let question = name_len(name) + 4;
    let answers: usize = records
        .iter()
        .map(|r| {
            let rdata = match &r.record.rdata {
                Rdata::A(_) => 4,
                Rdata::Aaaa(_) => 16,
                Rdata::Mx(m) => 2 + name_len(&m.exchange),
                Rdata::Txt(t) | Rdata::Spf(t) => t.wire_len(),
                Rdata::Cname(n) | Rdata::Ns(n) => name_len(n),
                Rdata::Ptr(p) => name_len(&p.target),
                Rdata::Srv(s) => 6 + name_len(&s.target),
                Rdata::Caa(c) => 2 + c.tag.as_str().len() + c.value.len(),
                Rdata::Tlsa(t) => 3 + t.data.len(),
                Rdata::Soa(_) | Rdata::Unknown { .. } => 512,
            };
            name_len(name) + 10 + rdata
        })
        .sum();
    12 + question + answers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::generate;
    use crate::model::txt::Txt;
    use crate::plan::tests::{example, RSA4096};
    use crate::plan::validate;

    fn set() -> RecordSet {
        let mut p = example();
        p.dkim.selector = "s202611".into();
        p.dkim.public_key = RSA4096.into();
        generate(&validate(&p).expect("valid"))
    }

    #[test]
    fn module_names_are_readable_and_unique() {
        let ms = modules(&set(), Lang::En);
        let names: Vec<&str> = ms.iter().map(|m| m.name.as_str()).collect();
        assert!(names.contains(&"mx_example_com"), "{names:?}");
        assert!(names.contains(&"txt_dmarc_example_com"), "{names:?}");
        assert!(names.iter().all(|n| n
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')));
        let unique: BTreeSet<&&str> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
    }

    #[test]
    fn regexps_anchor_on_data_not_ttl() {
        let mx = Rdata::parse(RecordType::Mx, "10 mail.example.com.").expect("mx");
        assert_eq!(
            rr_regexp(&mx).expect("re"),
            r"^[^\t]+\t[0-9]+\tIN\tMX\t10 (?i:mail\.example\.com\.)$"
        );
        let txt = Rdata::Txt(Txt::from_value("v=spf1 ip4:192.0.2.1 -all"));
        assert_eq!(
            rr_regexp(&txt).expect("re"),
            r#"^[^\t]+\t[0-9]+\tIN\tTXT\t"v=spf1 ip4:192\.0\.2\.1 -all"$"#
        );
    }

    #[test]
    fn long_txt_matches_a_prefix_of_the_first_string() {
        let value = format!("v=DKIM1; k=rsa; p={}", "A".repeat(600));
        let re = rr_regexp(&Rdata::Txt(Txt::from_value(&value))).expect("re");
        assert!(
            re.ends_with(&format!("\"v=DKIM1; k=rsa; p={}", "A".repeat(TXT_PREFIX - 18))),
            "{re}"
        );
        assert!(!re.ends_with('$'));
    }

    #[test]
    fn txt_escapes_follow_miekg_then_re2() {
        assert_eq!(miekg_string(b"a\"b\\c\x01", true), "\"a\\\"b\\\\c\\001\"");
        assert_eq!(re_escape("a.b+(c)$"), r"a\.b\+\(c\)\$");
    }

    #[test]
    fn blackbox_never_requires_every_rr_to_match() {
        let yaml = blackbox(&set(), Lang::En);
        assert!(!yaml.contains("fail_if_not_matches_regexp"));
        assert!(yaml.contains("fail_if_none_matches_regexp"));
        // The 4096-bit DKIM key does not fit 512 octets over UDP.
        assert!(yaml.contains("transport_protocol: tcp"), "{yaml}");
    }

    #[test]
    fn prometheus_probes_every_resolver_through_the_exporter() {
        let s = set();
        let yaml = prometheus(&s, Lang::ZhCn);
        for (ip, _) in RESOLVERS {
            assert!(yaml.contains(ip), "{ip}");
        }
        assert!(yaml.contains("__param_target") && yaml.contains(EXPORTER));
        assert!(yaml.contains(RULES_FILE));
        let jobs = yaml.matches("- job_name:").count();
        assert_eq!(jobs, modules(&s, Lang::ZhCn).len());
    }

    #[test]
    fn rules_keep_resolver_failure_apart_from_a_wrong_record() {
        let yaml = rules(&set(), Lang::En);
        assert!(yaml.contains("probe_success{domain=\"example.com\"} == 0 and probe_dns_query_succeeded{domain=\"example.com\"} == 1"));
        assert!(yaml.contains("'probe_dns_query_succeeded{domain=\"example.com\"} == 0'"));
        assert!(rules(&set(), Lang::ZhCn).contains("解析器"));
    }
}
