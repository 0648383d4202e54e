//! An octoDNS zone file for its YAML provider
//! (`octodns.provider.yaml.YamlProvider`), so a domain kept in octoDNS can
//! take the mail records as a file to review and `octodns-sync`.
//!
//! Facts followed (octoDNS 1.22.0, github.com/octodns/octodns):
//! - `octodns/provider/yaml.py`: the file is `<directory>/<zone>.yaml`
//!   (zone name with its trailing dot), top-level keys are record names
//!   relative to the zone, `''` for the apex; a key holds one record or a
//!   list of records (one per type); `enforce_order` defaults to true with
//!   `order_mode: natural`.
//! - `octodns/yaml.py`: with `enforce_order`, every mapping's keys must come
//!   in the order `natsort.natsort_keygen()` gives (digit runs compared as
//!   numbers, the rest by code point), else loading fails "keys out of
//!   order". That holds for record names and for the keys inside a record
//!   (`ttl`, `type`, `value`/`values`) and inside a value.
//! - `octodns/record/base.py`: the apex is `''`, `@` is rejected.
//! - `octodns/record/chunked.py`: TXT/SPF values carry `;` escaped as `\;`
//!   (an unescaped `;` after a word character fails validation) and must be
//!   ASCII; a long value is given as one string and octoDNS cuts it into
//!   255-octet character-strings itself when it writes the record.
//! - `octodns/record/{mx,srv,caa,tlsa}.py`: value fields `exchange` and
//!   `preference`; `priority`, `weight`, `port`, `target`; `flags`, `tag`,
//!   `value`; `certificate_usage`, `selector`, `matching_type`,
//!   `certificate_association_data`. Null MX and "no service" SRV use the
//!   target `.` with zero numbers.
//!
//! Records that belong in other zones are listed at the end as comments, as
//! in the BIND export ([`crate::export::zone`]).

use crate::export::{purpose_text, tr};
use crate::generate::{PlannedRecord, RecordSet};
use crate::i18n::Lang;
use crate::model::record::{Rdata, RecordType};
use std::cmp::Ordering;
use std::fmt::Write;

/// The zone file for octoDNS's YAML provider, comments in `lang`.
pub fn zone_yaml(set: &RecordSet, lang: Lang) -> String {
    let mut out = String::from("---\n");
    header(&mut out, set, lang);
    let mut names: Vec<(String, Vec<RrSet>)> = Vec::new();
    for r in set.own_zone() {
        let name = octodns_name(set, r);
        let at = match names.iter().position(|(n, _)| *n == name) {
            Some(i) => i,
            None => {
                names.push((name, Vec::new()));
                names.len() - 1
            }
        };
        let sets = &mut names[at].1;
        match sets.iter_mut().find(|s| s.rtype == r.record.rtype()) {
            Some(s) => s.records.push(r),
            None => sets.push(RrSet {
                rtype: r.record.rtype(),
                records: vec![r],
            }),
        }
    }
    names.sort_by(|a, b| natural_cmp(&a.0, &b.0));
    for (name, sets) in &names {
        let _ = writeln!(out, "{}:", single_quoted(name));
        if let [only] = sets.as_slice() {
            write_rrset(&mut out, only, "  ", "  ", lang);
        } else {
            for s in sets {
                write_rrset(&mut out, s, "  - ", "    ", lang);
            }
        }
    }
    other_zones(&mut out, set, lang);
    out
}

/// The records of one name and type: one octoDNS record.
struct RrSet<'a> {
    rtype: RecordType,
    records: Vec<&'a PlannedRecord>,
}

fn header(out: &mut String, set: &RecordSet, lang: Lang) {
    let _ = writeln!(
        out,
        "# {}{} (maildns)",
        tr(lang, "Mail DNS records for ", "邮件 DNS 记录："),
        set.domain.as_str()
    );
    let unicode = set.domain.to_unicode();
    if unicode != set.domain.as_str() {
        let _ = writeln!(
            out,
            "# {unicode}: {} {}",
            tr(lang, "in IDNA A-label form", "的 IDNA A-label 形式为"),
            set.domain.as_str()
        );
    }
    let _ = writeln!(
        out,
        "# {} {}yaml {}",
        tr(
            lang,
            "octoDNS YamlProvider zone file: save it as",
            "octoDNS YamlProvider 区域文件：保存为"
        ),
        set.domain.fqdn(),
        tr(
            lang,
            "in the provider's directory, then run octodns-validate and octodns-sync.",
            "（放在该 provider 的 directory 里），再运行 octodns-validate 和 octodns-sync。"
        )
    );
    let _ = writeln!(
        out,
        "# {}",
        tr(
            lang,
            "Keys are in natural sort order, as enforce_order (the default) requires; ';' in TXT is written '\\;' as octoDNS requires.",
            "键按自然排序排列（默认的 enforce_order 要求如此）；TXT 中的 ';' 按 octoDNS 的要求写作 '\\;'。"
        )
    );
}

/// The record name relative to the zone, `''` for the apex.
fn octodns_name(set: &RecordSet, r: &PlannedRecord) -> String {
    match r.record.name.relative_to(&set.domain).as_str() {
        "@" => String::new(),
        rel => rel.to_string(),
    }
}

/// One record: `ttl`, `type`, then `value` or `values`, keys in natural
/// order. `first` starts the first line (a list item's `- `), `indent` the
/// rest. Comments say what each value is for.
fn write_rrset(out: &mut String, s: &RrSet, first: &str, indent: &str, lang: Lang) {
    let values: Vec<Vec<(&'static str, String)>> =
        s.records.iter().map(|r| value_fields(&r.record.rdata)).collect();
    let Some(fields) = values.first() else {
        return;
    };
    if fields.is_empty() {
        // A type octoDNS has no record class for: said, not written.
        for r in &s.records {
            let _ = writeln!(
                out,
                "{indent}# {}: {}",
                tr(
                    lang,
                    "not expressible in octoDNS, publish by hand",
                    "octoDNS 无法表示，请手动发布"
                ),
                r.record
            );
        }
        return;
    }
    let purposes: Vec<&str> = s.records.iter().map(|r| purpose_text(lang, r)).collect();
    let same_purpose = purposes.windows(2).all(|w| w[0] == w[1]);
    if same_purpose {
        // Top-level keys sit at column 0, so a record's comment is at 2.
        let _ = writeln!(out, "  # {}", purposes[0]);
    }
    // RFC 2181 §5.2: one TTL per RRset; the shortest if they differ.
    let ttl = s.records.iter().map(|r| r.record.ttl).min().unwrap_or(0);
    let _ = writeln!(out, "{first}ttl: {ttl}");
    let _ = writeln!(out, "{indent}type: {}", s.rtype);
    let scalar = fields.len() == 1 && fields[0].0.is_empty();
    if values.len() == 1 {
        if scalar {
            let _ = writeln!(out, "{indent}value: {}", fields[0].1);
        } else {
            let _ = writeln!(out, "{indent}value:");
            write_fields(out, &values[0], &format!("{indent}  "), &format!("{indent}  "));
        }
        return;
    }
    let _ = writeln!(out, "{indent}values:");
    for (v, purpose) in values.iter().zip(&purposes) {
        if !same_purpose {
            let _ = writeln!(out, "{indent}  # {purpose}");
        }
        if scalar {
            let _ = writeln!(out, "{indent}  - {}", v[0].1);
        } else {
            write_fields(out, v, &format!("{indent}  - "), &format!("{indent}    "));
        }
    }
}

fn write_fields(out: &mut String, fields: &[(&'static str, String)], first: &str, indent: &str) {
    for (i, (key, value)) in fields.iter().enumerate() {
        let lead = if i == 0 { first } else { indent };
        let _ = writeln!(out, "{lead}{key}: {value}");
    }
}

/// The value as octoDNS fields, keys in natural order, values as YAML
/// scalars. One field with an empty key is a plain scalar value. Empty for
/// a type octoDNS cannot carry.
fn value_fields(rdata: &Rdata) -> Vec<(&'static str, String)> {
    match rdata {
        Rdata::A(ip) => vec![("", single_quoted(&ip.to_string()))],
        Rdata::Aaaa(ip) => vec![("", single_quoted(&ip.to_string()))],
        Rdata::Txt(t) | Rdata::Spf(t) => vec![("", single_quoted(&t.value().replace(';', "\\;")))],
        Rdata::Cname(n) | Rdata::Ns(n) => vec![("", single_quoted(&n.fqdn()))],
        Rdata::Ptr(p) => vec![("", single_quoted(&p.target.fqdn()))],
        Rdata::Mx(m) => vec![
            ("exchange", single_quoted(&m.exchange.fqdn())),
            ("preference", m.preference.to_string()),
        ],
        Rdata::Srv(s) => vec![
            ("port", s.port.to_string()),
            ("priority", s.priority.to_string()),
            ("target", single_quoted(&s.target.fqdn())),
            ("weight", s.weight.to_string()),
        ],
        Rdata::Caa(c) => vec![
            ("flags", c.flags.to_string()),
            ("tag", single_quoted(c.tag.as_str())),
            ("value", single_quoted(&c.value)),
        ],
        Rdata::Tlsa(t) => vec![
            ("certificate_association_data", single_quoted(&hex_lower(&t.data))),
            ("certificate_usage", t.usage.to_string()),
            ("matching_type", t.matching_type.to_string()),
            ("selector", t.selector.to_string()),
        ],
        Rdata::Soa(_) | Rdata::Unknown { .. } => Vec::new(),
    }
}

fn hex_lower(data: &[u8]) -> String {
    data.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// A YAML single-quoted scalar: everything literal, `'` doubled (YAML 1.2
/// §7.3.2), so backslashes (`\;`) reach octoDNS as written.
fn single_quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn other_zones(out: &mut String, set: &RecordSet, lang: Lang) {
    let mut first = true;
    for r in set.other_zones() {
        if first {
            let _ = writeln!(
                out,
                "\n# {}",
                tr(
                    lang,
                    "Records for OTHER zones: not part of this zone. Publish each where it says.",
                    "以下记录属于其他区域，不在本区域中，请分别发布到注明的地方。"
                )
            );
            first = false;
        }
        let zone = r.other_zone.as_ref().map_or("", |z| z.as_str());
        let _ = writeln!(
            out,
            "# {} {zone}:",
            tr(lang, "in the DNS of", "发布在此域名的 DNS 中：")
        );
        let _ = writeln!(out, "#   {}", r.record);
    }
}

/// One piece of a natural-sort key: a run of digits compared as a number,
/// or a run of anything else compared by code point.
#[derive(PartialEq, Eq)]
enum Chunk<'a> {
    Text(&'a str),
    Number(&'a str),
}

/// The key `natsort.natsort_keygen()` makes with its defaults: the string
/// cut into runs of ASCII digits and of other characters, a key that starts
/// with a number getting an empty text first, so texts and numbers always
/// alternate and compare against their own kind.
fn natural_key(s: &str) -> Vec<Chunk<'_>> {
    let mut chunks = Vec::new();
    let mut start = 0;
    let bytes = s.as_bytes();
    while start < bytes.len() {
        let digit = bytes[start].is_ascii_digit();
        let end = bytes[start..]
            .iter()
            .position(|b| b.is_ascii_digit() != digit)
            .map_or(bytes.len(), |n| start + n);
        let run = &s[start..end];
        if digit {
            if chunks.is_empty() {
                chunks.push(Chunk::Text(""));
            }
            chunks.push(Chunk::Number(run));
        } else {
            chunks.push(Chunk::Text(run));
        }
        start = end;
    }
    chunks
}

/// Digit runs as numbers of any length: leading zeros off, then longer is larger.
fn number_cmp(a: &str, b: &str) -> Ordering {
    let a = a.trim_start_matches('0');
    let b = b.trim_start_matches('0');
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// The order octoDNS's loader enforces (`order_mode: natural`).
pub(crate) fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (ka, kb) = (natural_key(a), natural_key(b));
    for (x, y) in ka.iter().zip(&kb) {
        let o = match (x, y) {
            (Chunk::Number(x), Chunk::Number(y)) => number_cmp(x, y),
            (Chunk::Text(x), Chunk::Text(y)) => x.cmp(y),
            // Cannot happen (kinds alternate from a text); keep it total.
            (Chunk::Text(_), Chunk::Number(_)) => Ordering::Less,
            (Chunk::Number(_), Chunk::Text(_)) => Ordering::Greater,
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    ka.len().cmp(&kb.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::generate;
    use crate::plan::tests::example;
    use crate::plan::validate;

    #[test]
    fn natural_order_matches_natsort() {
        // The order natsort 8 gives for these (checked with natsort_keygen).
        let want = [
            "",
            "1a",
            "Mail",
            "_25._tcp.mail",
            "_dmarc",
            "_mta-sts",
            "_smtp._tls",
            "a-1",
            "a.1",
            "certificate_association_data",
            "certificate_usage",
            "mail",
            "mail2",
            "mail10",
            "s2._domainkey",
            "s10._domainkey",
            "ttl",
            "type",
            "value",
            "values",
        ];
        let mut got = want.to_vec();
        got.reverse();
        got.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(got, want);
    }

    #[test]
    fn field_keys_are_in_natural_order() {
        let set = generate(&validate(&example()).expect("valid"));
        for r in &set.records {
            let keys: Vec<&str> = value_fields(&r.record.rdata).iter().map(|(k, _)| *k).collect();
            let mut sorted = keys.clone();
            sorted.sort_by(|a, b| natural_cmp(a, b));
            assert_eq!(keys, sorted, "{}", r.record);
        }
    }

    #[test]
    fn apex_is_empty_key_and_txt_semicolons_escaped() {
        let set = generate(&validate(&example()).expect("valid"));
        let yaml = zone_yaml(&set, Lang::En);
        assert!(yaml.contains("\n'':\n"), "{yaml}");
        assert!(!yaml.contains("'@'"), "{yaml}");
        assert!(yaml.contains("v=DMARC1\\;"), "{yaml}");
        let dmarc = yaml.lines().find(|l| l.contains("v=DMARC1")).expect("dmarc");
        assert!(!dmarc.contains("; ") || dmarc.contains("\\; "), "{dmarc}");
        assert!(yaml.contains("exchange: '"), "{yaml}");
    }

    #[test]
    fn names_are_written_in_natural_order() {
        let set = generate(&validate(&example()).expect("valid"));
        let yaml = zone_yaml(&set, Lang::ZhCn);
        let names: Vec<String> = yaml
            .lines()
            .filter(|l| l.starts_with('\''))
            .map(|l| l.trim_end_matches(':').trim_matches('\'').to_string())
            .collect();
        let mut sorted = names.clone();
        sorted.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(names, sorted);
        assert!(yaml.contains("邮件 DNS 记录"));
    }

    #[test]
    fn single_quotes_double_inner_quotes() {
        assert_eq!(single_quoted("it's"), "'it''s'");
        assert_eq!(single_quoted("a\\;b"), "'a\\;b'");
    }
}
