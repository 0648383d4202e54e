//! Terraform configurations for the plan's own zone, one resource per
//! record (per RRset for Route 53), each after a `#` line saying what it is
//! for; records for other zones are listed at the end as comments.
//!
//! Followed:
//! - Cloudflare provider v5, `cloudflare_dns_record`
//!   (github.com/cloudflare/terraform-provider-cloudflare,
//!   `docs/resources/dns_record.md`, v5.22.0): `zone_id`, `name` (Punycode),
//!   `type`, `content`, `ttl` required (1 = automatic, else 60-86400),
//!   `priority` for MX and SRV, a `data` block for CAA (`flags`, `tag`,
//!   `value`), SRV (`priority`, `weight`, `port`, `target`) and TLSA
//!   (`usage`, `selector`, `matching_type`, `certificate`). TXT `content`:
//!   the Cloudflare API schema the v5 provider is generated from says the
//!   content must be quoted RFC 1035 character-strings of at most 255
//!   octets each (TXTRecord `content`, developers.cloudflare.com/api/
//!   resources/dns/subresources/records/; the provider's issue #6354 shows
//!   unquoted content flagged in the dashboard), so TXT content is written
//!   as the record's strings, each quoted with RFC 1035 §5.1 escapes.
//!   A/AAAA/CNAME get `proxied = false`: mail must reach the host itself.
//! - Alibaba Cloud provider, `alicloud_alidns_record`
//!   (github.com/aliyun/terraform-provider-alicloud,
//!   `website/docs/r/alidns_record.html.markdown`): `domain_name`, `rr`,
//!   `type` among A, NS, MX, TXT, CNAME, SRV, AAAA, CAA (no TLSA: left out
//!   with a comment), `value` without trailing dot for MX/CNAME/SRV,
//!   `priority` 1-10 for MX, `ttl` 600-86400 on the Free edition (lower on
//!   paid ones; the plan's TTL is kept and a comment says so). MX
//!   preferences outside 1-10 become their rank (order kept). The null MX
//!   and TXT the service does not store as given are left out (see
//!   [`super::dnscontrol`] for the source of those limits). SRV and CAA
//!   values in presentation form (`0 1 587 host`, `0 issue "ca"`).
//! - AWS provider, `aws_route53_record`
//!   (github.com/hashicorp/terraform-provider-aws,
//!   `website/docs/r/route53_record.html.markdown`): one resource per
//!   name and type holding every value of the RRset in `records`, one `ttl`
//!   per RRset; `type` among A, AAAA, CAA, CNAME, DS, HTTPS, MX, NAPTR, NS,
//!   PTR, SOA, SPF, SRV, SSHFP, SVCB, TLSA, TXT in current versions. A TXT
//!   value longer than 255 characters is given with `\"\"` between
//!   255-octet pieces (`"first255\"\"rest"`), the provider adding the outer
//!   quotes; the pieces are the record's own strings.
//!
//! HCL strings (hashicorp/hcl `hclsyntax/spec.md`, "Template Literals"):
//! `"` and `\` escaped, control characters as `\uNNNN`, and `${` / `%{`
//! written `$${` / `%%{` so that no value is read as a template.

use super::alidns;
use super::{purpose_text, tr};
use crate::generate::{PlannedRecord, RecordSet};
use crate::i18n::Lang;
use crate::model::record::{Rdata, RecordType};
use crate::model::txt::quote;
use std::collections::BTreeMap;
use std::fmt::Write;

/// `cloudflare_dns_record` resources (Cloudflare provider v5).
pub fn cloudflare(set: &RecordSet, lang: Lang) -> String {
    let mut out = header(set, lang, "cloudflare/cloudflare ~> 5");
    zone_id_variable(&mut out, lang);
    let records: Vec<&PlannedRecord> = set.own_zone().collect();
    let names = identifiers(records.iter().map(|r| base_ident(set, r.record.rdata.rtype(), r)));
    for (r, ident) in records.iter().zip(names) {
        let _ = writeln!(out, "# {}", comment_text(purpose_text(lang, r)));
        let _ = writeln!(out, "resource \"cloudflare_dns_record\" \"{ident}\" {{");
        attr(&mut out, "zone_id", "var.zone_id");
        attr(&mut out, "name", &hcl_string(r.record.name.as_str()));
        attr(&mut out, "type", &hcl_string(&r.record.rtype().to_string()));
        attr(&mut out, "ttl", &r.record.ttl.to_string());
        match &r.record.rdata {
            Rdata::A(_) | Rdata::Aaaa(_) | Rdata::Cname(_) => {
                attr(
                    &mut out,
                    "content",
                    &hcl_string(&super::plain_value(&r.record.rdata).0),
                );
                attr(&mut out, "proxied", "false");
            }
            Rdata::Mx(m) => {
                attr(&mut out, "content", &hcl_string(&dotless(&m.exchange.fqdn())));
                attr(&mut out, "priority", &m.preference.to_string());
            }
            Rdata::Txt(t) | Rdata::Spf(t) => {
                let quoted: Vec<String> = t.strings.iter().map(|s| quote(s)).collect();
                attr(&mut out, "content", &hcl_string(&quoted.join(" ")));
            }
            Rdata::Srv(s) => {
                attr(&mut out, "priority", &s.priority.to_string());
                out.push_str("  data = {\n");
                attr_in(&mut out, "priority", &s.priority.to_string());
                attr_in(&mut out, "weight", &s.weight.to_string());
                attr_in(&mut out, "port", &s.port.to_string());
                attr_in(&mut out, "target", &hcl_string(&dotless(&s.target.fqdn())));
                out.push_str("  }\n");
            }
            Rdata::Caa(c) => {
                out.push_str("  data = {\n");
                attr_in(&mut out, "flags", &c.flags.to_string());
                attr_in(&mut out, "tag", &hcl_string(c.tag.as_str()));
                attr_in(&mut out, "value", &hcl_string(&c.value));
                out.push_str("  }\n");
            }
            Rdata::Tlsa(t) => {
                out.push_str("  data = {\n");
                attr_in(&mut out, "usage", &t.usage.to_string());
                attr_in(&mut out, "selector", &t.selector.to_string());
                attr_in(&mut out, "matching_type", &t.matching_type.to_string());
                attr_in(&mut out, "certificate", &hcl_string(&hex(&t.data)));
                out.push_str("  }\n");
            }
            other => attr(&mut out, "content", &hcl_string(&other.to_string())),
        }
        out.push_str("}\n\n");
    }
    other_zones(&mut out, set, lang);
    out
}

/// `alicloud_alidns_record` resources (Alibaba Cloud DNS).
pub fn alicloud(set: &RecordSet, lang: Lang) -> String {
    let mut out = header(set, lang, "aliyun/alicloud");
    if set.own_zone().any(|r| r.record.ttl < 600) {
        let _ = writeln!(
            out,
            "# {}\n",
            tr(
                lang,
                "Some TTLs are under 600 s: the Free edition of Alibaba Cloud DNS takes 600-86400; raise them there.",
                "部分 TTL 小于 600 秒：阿里云解析免费版只接受 600-86400，使用免费版请调高。"
            )
        );
    }
    let mut left_out = Vec::new();
    let mut kept = Vec::new();
    for r in set.own_zone() {
        match alicloud_refuses(lang, &r.record.rdata) {
            Some(why) => left_out.push((r, why)),
            None => kept.push(r),
        }
    }
    let names = identifiers(kept.iter().map(|r| base_ident(set, r.record.rdata.rtype(), r)));
    let domain = hcl_string(set.domain.as_str());
    for (r, ident) in kept.iter().zip(names) {
        let _ = writeln!(out, "# {}", comment_text(purpose_text(lang, r)));
        let (value, priority) = match &r.record.rdata {
            Rdata::Mx(m) => (
                dotless(&m.exchange.fqdn()),
                Some(alidns::mx_priority(set, m.preference)),
            ),
            Rdata::Srv(s) => (
                format!(
                    "{} {} {} {}",
                    s.priority,
                    s.weight,
                    s.port,
                    dotless(&s.target.fqdn())
                ),
                None,
            ),
            other => (super::plain_value(other).0, None),
        };
        if let (Rdata::Mx(m), Some(p)) = (&r.record.rdata, priority) {
            if p != m.preference {
                let _ = writeln!(
                    out,
                    "# {} {} → {p}",
                    tr(
                        lang,
                        "MX preference (Alibaba Cloud takes 1-10; order kept):",
                        "MX 优先级（阿里云只接受 1-10，顺序不变）："
                    ),
                    m.preference
                );
            }
        }
        let _ = writeln!(out, "resource \"alicloud_alidns_record\" \"{ident}\" {{");
        attr(&mut out, "domain_name", &domain);
        attr(
            &mut out,
            "rr",
            &hcl_string(&r.record.name.relative_to(&set.domain)),
        );
        attr(&mut out, "type", &hcl_string(&r.record.rtype().to_string()));
        attr(&mut out, "value", &hcl_string(&value));
        if let Some(p) = priority {
            attr(&mut out, "priority", &p.to_string());
        }
        attr(&mut out, "ttl", &r.record.ttl.to_string());
        out.push_str("}\n\n");
    }
    if !left_out.is_empty() {
        let _ = writeln!(
            out,
            "# {}",
            tr(
                lang,
                "LEFT OUT for Alibaba Cloud DNS:",
                "阿里云解析不能发布、已略去："
            )
        );
        for (r, why) in left_out {
            let _ = writeln!(out, "#   {}", comment_text(&r.record.to_string()));
            let _ = writeln!(out, "#     {why}");
        }
        out.push('\n');
    }
    other_zones(&mut out, set, lang);
    out
}

/// Why `alicloud_alidns_record` cannot hold `rdata`, or `None` if it can.
fn alicloud_refuses(lang: Lang, rdata: &Rdata) -> Option<&'static str> {
    match rdata {
        Rdata::Tlsa(_) => Some(tr(
            lang,
            "TLSA is not among the record types alicloud_alidns_record accepts",
            "alicloud_alidns_record 不支持 TLSA 记录类型",
        )),
        Rdata::Mx(m) if m.is_null() => Some(tr(
            lang,
            "the null MX (RFC 7505) needs priority 0; Alibaba Cloud DNS takes 1-10 and refuses it",
            "空 MX（RFC 7505）需要优先级 0，阿里云解析只接受 1-10，不能发布",
        )),
        Rdata::Txt(t) if alidns::refuses_txt(&t.value_bytes()) => Some(alidns::txt_refused(lang)),
        _ => None,
    }
}

/// `aws_route53_record` resources, one per RRset (name and type).
pub fn route53(set: &RecordSet, lang: Lang) -> String {
    let mut out = header(set, lang, "hashicorp/aws");
    zone_id_variable(&mut out, lang);
    let mut rrsets: Vec<(String, RecordType, Vec<&PlannedRecord>)> = Vec::new();
    for r in set.own_zone() {
        let key = (r.record.name.as_str().to_string(), r.record.rtype());
        match rrsets.iter_mut().find(|(n, t, _)| (n.clone(), *t) == key) {
            Some((_, _, members)) => members.push(r),
            None => rrsets.push((key.0, key.1, vec![r])),
        }
    }
    let names = identifiers(rrsets.iter().map(|(_, t, rs)| base_ident(set, *t, rs[0])));
    for ((name, rtype, members), ident) in rrsets.iter().zip(names) {
        let mut purposes: Vec<&str> = members.iter().map(|r| purpose_text(lang, r)).collect();
        purposes.dedup();
        for p in purposes {
            let _ = writeln!(out, "# {}", comment_text(p));
        }
        let ttl = members
            .iter()
            .map(|r| r.record.ttl)
            .min()
            .unwrap_or(set.default_ttl);
        if members.iter().any(|r| r.record.ttl != ttl) {
            let _ = writeln!(
                out,
                "# {}",
                tr(
                    lang,
                    "One TTL per RRset in Route 53: the shortest is used.",
                    "Route 53 每个记录集只有一个 TTL：取最短的。"
                )
            );
        }
        let values: Vec<String> = members
            .iter()
            .map(|r| hcl_string(&route53_value(&r.record.rdata)))
            .collect();
        let _ = writeln!(out, "resource \"aws_route53_record\" \"{ident}\" {{");
        attr(&mut out, "zone_id", "var.zone_id");
        attr(&mut out, "name", &hcl_string(name));
        attr(&mut out, "type", &hcl_string(&rtype.to_string()));
        attr(&mut out, "ttl", &ttl.to_string());
        attr(&mut out, "records", &format!("[{}]", values.join(", ")));
        out.push_str("}\n\n");
    }
    other_zones(&mut out, set, lang);
    out
}

/// One value of `records`: presentation form; TXT as its strings with
/// RFC 1035 escapes, joined by `""` (the provider adds the outer quotes).
fn route53_value(rdata: &Rdata) -> String {
    match rdata {
        Rdata::Txt(t) | Rdata::Spf(t) => {
            let pieces: Vec<String> = t
                .strings
                .iter()
                .map(|s| {
                    let q = quote(s);
                    q[1..q.len() - 1].to_string()
                })
                .collect();
            pieces.join("\"\"")
        }
        other => other.to_string(),
    }
}

fn header(set: &RecordSet, lang: Lang, provider: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Terraform: {} (maildns), provider {provider}",
        set.domain.as_str()
    );
    let unicode = set.domain.to_unicode();
    if unicode != set.domain.as_str() {
        let _ = writeln!(
            out,
            "# {} {unicode}",
            tr(lang, "IDNA A-label form of", "IDNA A 标签形式，原名")
        );
    }
    out.push('\n');
    out
}

fn zone_id_variable(out: &mut String, lang: Lang) {
    let _ = writeln!(
        out,
        "variable \"zone_id\" {{\n  type        = string\n  description = {}\n}}\n",
        hcl_string(tr(
            lang,
            "ID of the DNS zone to publish the records in",
            "发布这些记录的 DNS 区域 ID"
        ))
    );
}

fn other_zones(out: &mut String, set: &RecordSet, lang: Lang) {
    let mut first = true;
    for r in set.other_zones() {
        if first {
            let _ = writeln!(
                out,
                "# {}",
                tr(
                    lang,
                    "Records for OTHER zones: not part of this zone. Publish each where it says.",
                    "其他区域的记录：不属于本区域，请到所注明域名的 DNS 中发布。"
                )
            );
            first = false;
        }
        let zone = r.other_zone.as_ref().map_or("", |z| z.as_str());
        let _ = writeln!(out, "# {} {zone}:", tr(lang, "in the DNS of", "发布于"));
        let _ = writeln!(out, "#   {}", comment_text(&r.record.to_string()));
    }
}

fn attr(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "  {key} = {value}");
}

fn attr_in(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "    {key} = {value}");
}

/// `type_label`: the type in lower case and the name relative to the zone,
/// every run of characters other than `a-z0-9` one `_`; `apex` for `@`.
fn base_ident(set: &RecordSet, rtype: RecordType, r: &PlannedRecord) -> String {
    let rel = r.record.name.relative_to(&set.domain);
    let label = if rel == "@" { "apex".to_string() } else { rel };
    let mut ident = rtype.to_string().to_ascii_lowercase();
    for c in format!("_{label}").chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            ident.push(c);
        } else if !ident.ends_with('_') {
            ident.push('_');
        }
    }
    ident.trim_end_matches('_').to_string()
}

/// Unique identifiers: a base used once stays as it is; a base used
/// several times is numbered `_1`, `_2`…; a clash with another name gets
/// a further number.
fn identifiers(bases: impl Iterator<Item = String>) -> Vec<String> {
    let bases: Vec<String> = bases.collect();
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for b in &bases {
        *count.entry(b).or_default() += 1;
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut taken = std::collections::BTreeSet::new();
    let mut out = Vec::with_capacity(bases.len());
    for b in &bases {
        let n = seen.entry(b).or_default();
        *n += 1;
        let mut ident = if count[b.as_str()] > 1 {
            format!("{b}_{n}")
        } else {
            b.clone()
        };
        let mut extra = 1;
        while !taken.insert(ident.clone()) {
            extra += 1;
            ident = format!("{b}_x{extra}");
        }
        out.push(ident);
    }
    out
}

/// An HCL quoted string: `"` and `\` escaped, controls as `\uNNNN`,
/// `${` and `%{` doubled so they stay literal.
pub(crate) fn hcl_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text safe on one `#` comment line.
fn comment_text(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

fn dotless(fqdn: &str) -> String {
    fqdn.strip_suffix('.').unwrap_or(fqdn).to_string()
}

fn hex(data: &[u8]) -> String {
    data.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::generate;
    use crate::plan::tests::{example, CERT, RSA4096};
    use crate::plan::{validate, MailPlan};

    fn set_with(f: impl FnOnce(&mut MailPlan)) -> RecordSet {
        let mut p = example();
        f(&mut p);
        generate(&validate(&p).expect("valid"))
    }

    #[test]
    fn hcl_strings_escape_quotes_backslashes_and_templates() {
        for (raw, hcl) in [
            ("plain", "\"plain\""),
            ("a\"b", "\"a\\\"b\""),
            ("a\\b", "\"a\\\\b\""),
            ("${var.x}", "\"$${var.x}\""),
            ("%{if}", "\"%%{if}\""),
            ("$ and % alone", "\"$ and % alone\""),
            ("l1\nl2", "\"l1\\nl2\""),
            ("\u{7}", "\"\\u0007\""),
        ] {
            assert_eq!(hcl_string(raw), hcl, "{raw:?}");
        }
    }

    #[test]
    fn identifiers_are_unique_and_valid() {
        let ids = identifiers(
            ["mx_apex", "mx_apex", "txt_dmarc", "mx_apex_1"]
                .map(String::from)
                .into_iter(),
        );
        assert_eq!(ids, ["mx_apex_1", "mx_apex_2", "txt_dmarc", "mx_apex_1_x2"]);
        for id in ids {
            assert!(id.starts_with(|c: char| c.is_ascii_lowercase()));
            assert!(id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
        }
    }

    fn long_dkim() -> (RecordSet, crate::model::txt::Txt) {
        let set = set_with(|p| {
            p.dkim.selector = "s1".into();
            p.dkim.public_key = RSA4096.into();
        });
        let t = set
            .own_zone()
            .find_map(|r| match &r.record.rdata {
                Rdata::Txt(t) if r.record.name.as_str().starts_with("s1._domainkey") => Some(t.clone()),
                _ => None,
            })
            .expect("dkim");
        assert!(t.strings.len() > 1);
        (set, t)
    }

    #[test]
    fn long_txt_in_each_provider() {
        let (set, t) = long_dkim();
        let pieces: Vec<String> = t
            .strings
            .iter()
            .map(|s| String::from_utf8(s.clone()).expect("ascii"))
            .collect();
        // Route 53: 255-octet pieces joined by \"\" inside one string.
        let r53 = route53(&set, Lang::En);
        assert!(
            r53.contains(&format!("[\"{}\"]", pieces.join("\\\"\\\""))),
            "{r53}"
        );
        // Cloudflare: each piece quoted, separated by a space.
        let cf = cloudflare(&set, Lang::En);
        let quoted: Vec<String> = pieces.iter().map(|p| format!("\\\"{p}\\\"")).collect();
        assert!(
            cf.contains(&format!("content = \"{}\"", quoted.join(" "))),
            "{cf}"
        );
        // Alibaba Cloud: over 512 octets, left out with a reason.
        let ali = alicloud(&set, Lang::En);
        assert!(!ali.contains("\"txt_s1_domainkey\""), "{ali}");
        assert!(ali.contains("at most 512 octets"), "{ali}");
    }

    #[test]
    fn tlsa_left_out_of_alicloud_only() {
        let set = set_with(|p| {
            p.tlsa.enabled = true;
            p.tlsa.pem = CERT.into();
        });
        assert!(cloudflare(&set, Lang::En).contains("\"TLSA\""));
        assert!(route53(&set, Lang::En).contains("\"TLSA\""));
        let ali = alicloud(&set, Lang::ZhCn);
        assert!(!ali.contains("\"TLSA\""), "{ali}");
        assert!(ali.contains("不支持 TLSA"), "{ali}");
    }

    #[test]
    fn idn_domain_in_a_labels() {
        let set = set_with(|p| p.domain = "例子.中国".into());
        for text in [
            cloudflare(&set, Lang::En),
            alicloud(&set, Lang::En),
            route53(&set, Lang::En),
        ] {
            assert!(text.contains("xn--fsqu00a.xn--fiqs8s"), "{text}");
            assert!(text.contains("IDNA A-label form of 例子.中国"));
        }
    }

    #[test]
    fn alidns_priorities_keep_order_within_1_to_10() {
        let set = set_with(|p| {
            p.backup_mx = vec![crate::plan::HostInput {
                name: "mx.backup-provider.net".into(),
                ..Default::default()
            }];
        });
        let prefs: Vec<u16> = set
            .own_zone()
            .filter_map(|r| match &r.record.rdata {
                Rdata::Mx(m) => Some(m.preference),
                _ => None,
            })
            .collect();
        let mapped: Vec<u16> = prefs.iter().map(|&p| alidns::mx_priority(&set, p)).collect();
        assert!(
            mapped.iter().all(|p| (1..=10).contains(p)),
            "{prefs:?} -> {mapped:?}"
        );
        for (a, b) in prefs.iter().zip(&mapped) {
            for (c, d) in prefs.iter().zip(&mapped) {
                assert_eq!(a.cmp(c), b.cmp(d));
            }
        }
    }
}
