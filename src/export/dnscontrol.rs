//! A dnscontrol `dnsconfig.js` for the plan's own zone: one `D()` with a
//! `NONE` registrar (delegation stays with the user), the chosen DNS
//! provider, `DefaultTTL`, and one record function per record, each after a
//! `//` line saying what it is for.
//!
//! Followed: dnscontrol v4.40 documentation, github.com/StackExchange/dnscontrol
//! (`documentation/`):
//! - `language-reference/top-level-functions/NewDnsProvider.md`: the
//!   argument names an entry of `creds.json`; the provider type is that
//!   entry's `TYPE`. `pkg/credsfile/providerConfig.go` adds the entries
//!   `none` (type `NONE`, a registrar only) and `bind` (type `BIND`) when
//!   `creds.json` lacks them, so the provider-neutral file runs as is and
//!   writes a BIND zone file.
//! - `provider/index.md`: provider types `CLOUDFLAREAPI`, `ALIDNS`,
//!   `TENCENTDNS` (Tencent Cloud DNS, i.e. DNSPod), and the record-type
//!   table: CAA and SRV on all three; TLSA on `CLOUDFLAREAPI` and `BIND`,
//!   not on `ALIDNS` (❌) nor declared by `TENCENTDNS` (❔). dnscontrol
//!   refuses a zone that uses a type its provider does not declare
//!   (`pkg/normalize/validate.go`, `checkProviderCapabilities`), so such
//!   records are left out here, each with a comment.
//! - `providers/alidns/auditrecords.go`, `providers/tencentdns/auditrecords.go`:
//!   both reject the null MX; ALIDNS also rejects TXT over 512 octets and
//!   TXT holding `"`, a trailing space or an unpaired backslash. Those
//!   records are left out the same way.
//! - `language-reference/domain-modifiers/TXT.md`: a string over 255
//!   octets is split into 255-octet strings by dnscontrol itself (the old
//!   `AUTOSPLIT` is a no-op), so a TXT record is written as its one joined
//!   value: the value SPF and DKIM read (RFC 7208 §3.3, RFC 6376 §3.6.2.2).
//!   The quoting rules of DNS are applied by dnscontrol; only JavaScript
//!   escaping is needed here.
//! - `MX.md`, `SRV.md`, `CAA.md` (`CAA_CRITICAL` for flag 128), `TLSA.md`,
//!   `CNAME.md`, `record-modifiers/TTL.md`: argument order; names relative
//!   to the domain (`@` for the apex), targets absolute with a trailing dot.
//!
//! DMARC is written as the plain TXT record, not with `DMARC_BUILDER`, so
//! the published text is exactly the generated one. Records that belong in
//! other zones are listed at the end as comments, as in [`super::zone`].

use super::alidns;
use super::{purpose_text, tr};
use crate::generate::{PlannedRecord, RecordSet};
use crate::i18n::Lang;
use crate::model::record::Rdata;
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// The DNS provider the `dnsconfig.js` is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provider {
    /// No particular provider: dnscontrol's built-in `bind` entry.
    None,
    Cloudflare,
    AliDns,
    /// DNSPod, dnscontrol's `TENCENTDNS`.
    DnsPod,
}

impl Provider {
    pub const ALL: [Provider; 4] = [
        Provider::None,
        Provider::Cloudflare,
        Provider::AliDns,
        Provider::DnsPod,
    ];

    /// The `creds.json` entry the file names in `NewDnsProvider`.
    pub fn creds_entry(self) -> &'static str {
        match self {
            Provider::None => "bind",
            Provider::Cloudflare => "cloudflare",
            Provider::AliDns => "alidns",
            Provider::DnsPod => "dnspod",
        }
    }

    /// The dnscontrol provider type that entry must have.
    pub fn provider_type(self) -> &'static str {
        match self {
            Provider::None => "BIND",
            Provider::Cloudflare => "CLOUDFLAREAPI",
            Provider::AliDns => "ALIDNS",
            Provider::DnsPod => "TENCENTDNS",
        }
    }

    /// Why this provider cannot take `rdata` through dnscontrol, or `None`
    /// when it can (see the module documentation for the sources).
    pub fn refuses(self, lang: Lang, rdata: &Rdata) -> Option<&'static str> {
        let china = matches!(self, Provider::AliDns | Provider::DnsPod);
        match rdata {
            Rdata::Tlsa(_) if china => Some(tr(
                lang,
                "dnscontrol has no TLSA support for this provider; publish it by hand if the provider's panel offers TLSA",
                "dnscontrol 不支持在此服务商发布 TLSA；如服务商控制台提供 TLSA，请手动添加",
            )),
            Rdata::Mx(m) if china && m.is_null() => Some(tr(
                lang,
                "dnscontrol refuses the null MX (RFC 7505) for this provider",
                "dnscontrol 不允许在此服务商发布空 MX（RFC 7505）",
            )),
            Rdata::Txt(t) if self == Provider::AliDns && alidns::refuses_txt(&t.value_bytes()) => {
                Some(alidns::txt_refused(lang))
            }
            _ => None,
        }
    }
}

/// The `dnsconfig.js` for `set`'s zone and `provider`, comments in `lang`.
pub fn dnsconfig(set: &RecordSet, provider: Provider, lang: Lang) -> String {
    let mut out = String::new();
    let domain = set.domain.as_str();
    let _ = writeln!(out, "// dnsconfig.js: {domain} (maildns)");
    let unicode = set.domain.to_unicode();
    if unicode != domain {
        let _ = writeln!(
            out,
            "// {} {unicode}",
            tr(lang, "IDNA A-label form of", "IDNA A 标签形式，原名")
        );
    }
    let _ = writeln!(
        out,
        "// {} \"{}\" TYPE {}",
        tr(lang, "creds.json needs the entry", "creds.json 需要条目"),
        provider.creds_entry(),
        provider.provider_type()
    );
    if provider == Provider::None {
        let _ = writeln!(
            out,
            "// {}",
            tr(
                lang,
                "\"bind\" writes a zone file; put your own DNS provider's creds.json entry in its place.",
                "\"bind\" 只写出区域文件；请换成你自己的 DNS 服务商在 creds.json 中的条目。"
            )
        );
    }
    let _ = writeln!(out, "var REG_NONE = NewRegistrar(\"none\");");
    let _ = writeln!(
        out,
        "var DSP = NewDnsProvider({});\n",
        js_string(provider.creds_entry())
    );
    let _ = writeln!(
        out,
        "D({}, REG_NONE, DnsProvider(DSP),\n  DefaultTTL({}),",
        js_string(domain),
        set.default_ttl
    );
    let mut left_out = Vec::new();
    for r in set.own_zone() {
        if let Some(why) = provider.refuses(lang, &r.record.rdata) {
            left_out.push((r, why));
            continue;
        }
        let _ = writeln!(out, "  // {}", comment_text(purpose_text(lang, r)));
        let _ = writeln!(out, "  {},", record_call(set, provider, r));
    }
    out.push_str(");\n");
    if !left_out.is_empty() {
        let _ = writeln!(
            out,
            "\n// {}",
            tr(lang, "LEFT OUT for this provider:", "此服务商不能发布、已略去：")
        );
        for (r, why) in left_out {
            let _ = writeln!(out, "//   {}", comment_text(&r.record.to_string()));
            let _ = writeln!(out, "//     {why}");
        }
    }
    other_zones(&mut out, set, lang);
    out
}

/// One record function call, with `TTL()` when the TTL is not the default.
fn record_call(set: &RecordSet, provider: Provider, r: &PlannedRecord) -> String {
    let name = js_string(&r.record.name.relative_to(&set.domain));
    let target = |n: &crate::model::Name| js_string(&n.fqdn());
    let mut call = match &r.record.rdata {
        Rdata::A(a) => format!("A({name}, {})", js_string(&a.to_string())),
        Rdata::Aaaa(a) => format!("AAAA({name}, {})", js_string(&a.to_string())),
        Rdata::Mx(m) if m.is_null() => format!("MX({name}, {}, \".\")", m.preference),
        Rdata::Mx(m) => {
            // Alibaba Cloud DNS takes MX priorities 1-10 only (see `super::terraform`).
            let preference = match provider {
                Provider::AliDns => alidns::mx_priority(set, m.preference),
                _ => m.preference,
            };
            format!("MX({name}, {preference}, {})", target(&m.exchange))
        }
        Rdata::Txt(t) | Rdata::Spf(t) => format!("TXT({name}, {})", js_string(&t.value())),
        Rdata::Cname(n) => format!("CNAME({name}, {})", target(n)),
        Rdata::Srv(s) => format!(
            "SRV({name}, {}, {}, {}, {})",
            s.priority,
            s.weight,
            s.port,
            target(&s.target)
        ),
        Rdata::Caa(c) => {
            let critical = if c.is_critical() { ", CAA_CRITICAL" } else { "" };
            format!(
                "CAA({name}, {}, {}{critical})",
                js_string(c.tag.as_str()),
                js_string(&c.value)
            )
        }
        Rdata::Tlsa(t) => format!(
            "TLSA({name}, {}, {}, {}, {})",
            t.usage,
            t.selector,
            t.matching_type,
            js_string(&hex(&t.data))
        ),
        // The generator makes none of these for the own zone; keep them
        // visible rather than lose them.
        other => return format!("// {} {}", other.rtype(), comment_text(&other.to_string())),
    };
    if r.record.ttl != set.default_ttl {
        call.insert_str(call.len() - 1, &format!(", TTL({})", r.record.ttl));
    }
    call
}

fn hex(data: &[u8]) -> String {
    data.iter().map(|b| format!("{b:02x}")).collect()
}

fn other_zones(out: &mut String, set: &RecordSet, lang: Lang) {
    let mut first = true;
    for r in set.other_zones() {
        if first {
            let _ = writeln!(
                out,
                "\n// {}",
                tr(
                    lang,
                    "Records for OTHER zones: not part of this D(). Publish each where it says.",
                    "其他区域的记录：不属于本 D()，请到所注明域名的 DNS 中发布。"
                )
            );
            first = false;
        }
        let zone = r.other_zone.as_ref().map_or("", |z| z.as_str());
        let _ = writeln!(out, "// {} {zone}:", tr(lang, "in the DNS of", "发布于"));
        let _ = writeln!(out, "//   {}", comment_text(&r.record.to_string()));
    }
}

/// Text safe inside a `//` comment: no line terminators (ECMA-262 §12.3).
fn comment_text(text: &str) -> String {
    text.replace(['\n', '\r', '\u{2028}', '\u{2029}'], " ")
}

/// A JavaScript string literal (ECMA-262 §12.9.4): `"` and `\` escaped,
/// line terminators and other control characters as `\uXXXX`.
pub(crate) fn js_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::generate;
    use crate::plan::tests::{example, RSA4096};
    use crate::plan::validate;

    fn set_with(f: impl FnOnce(&mut crate::plan::MailPlan)) -> RecordSet {
        let mut p = example();
        f(&mut p);
        generate(&validate(&p).expect("valid"))
    }

    #[test]
    fn js_strings_escape_quotes_backslashes_and_line_ends() {
        for (raw, js) in [
            ("plain", "\"plain\""),
            ("a\"b", "\"a\\\"b\""),
            ("a\\b", "\"a\\\\b\""),
            ("l1\nl2", "\"l1\\u000al2\""),
            ("x\u{2028}y", "\"x\\u2028y\""),
            ("中文", "\"中文\""),
        ] {
            assert_eq!(js_string(raw), js, "{raw:?}");
        }
    }

    #[test]
    fn long_txt_is_one_joined_string() {
        let set = set_with(|p| {
            p.dkim.selector = "s1".into();
            p.dkim.public_key = RSA4096.into();
        });
        let dkim = set
            .own_zone()
            .find(|r| r.record.name.as_str().starts_with("s1._domainkey"))
            .expect("dkim");
        let Rdata::Txt(t) = &dkim.record.rdata else {
            panic!("txt")
        };
        assert!(t.strings.len() > 1, "RSA-4096 key takes several strings");
        let js = dnsconfig(&set, Provider::Cloudflare, Lang::En);
        assert!(js.contains(&format!("TXT(\"s1._domainkey\", {})", js_string(&t.value()))));
    }

    #[test]
    fn tlsa_left_out_where_dnscontrol_cannot_publish_it() {
        let set = set_with(|p| {
            p.tlsa.enabled = true;
            p.tlsa.pem = crate::plan::tests::CERT.into();
        });
        assert!(set.own_zone().any(|r| matches!(r.record.rdata, Rdata::Tlsa(_))));
        for provider in Provider::ALL {
            let js = dnsconfig(&set, provider, Lang::ZhCn);
            let has_call = js.lines().any(|l| l.trim_start().starts_with("TLSA("));
            let china = matches!(provider, Provider::AliDns | Provider::DnsPod);
            assert_eq!(has_call, !china, "{provider:?}\n{js}");
            assert_eq!(js.contains("已略去"), china, "{provider:?}");
        }
    }

    #[test]
    fn idn_domain_is_written_as_a_labels() {
        let set = set_with(|p| p.domain = "例子.中国".into());
        let js = dnsconfig(&set, Provider::None, Lang::En);
        assert!(js.contains("D(\"xn--fsqu00a.xn--fiqs8s\""), "{js}");
        assert!(js.contains("// IDNA A-label form of 例子.中国"));
    }
}
