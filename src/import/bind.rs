//! BIND master files (RFC 1035 §5.1) and `dig AXFR` output, read into
//! records.
//!
//! Read: `$ORIGIN`, `$TTL` (RFC 2308 §4, with BIND's `1h30m` units), `@`,
//! names relative to the origin, a blank at the start of a line for the
//! previous owner, omitted TTL (the `$TTL`, else the last TTL given, else
//! the SOA minimum) and class, parentheses continuing a record over lines,
//! quoted strings with `\"` and `\DDD` escapes (kept for the model's TXT
//! parser), `;` comments outside quotes. `dig AXFR` output is the same
//! syntax with absolute names and the SOA at both ends (the duplicate is
//! dropped).
//!
//! Refused, naming the line: `$INCLUDE` (another file), `$GENERATE` (a BIND
//! extension), other `$` directives, relative names with no origin, a class
//! other than IN, unbalanced parentheses or quotes, data the model's
//! parser ([`Rdata::parse`]) refuses. A type the model does not know is
//! counted, not refused. One pass over the text: linear time.

use super::{check_text, sort_records, ExportKind, ImportError, Imported, OtherType};
use crate::i18n::code;
use crate::model::name::{Name, NameKind};
use crate::model::record::{parse_ttl, Rdata, Record, RecordType, MAX_TTL};
use std::collections::BTreeMap;

/// One record or directive: the words of a logical line (several physical
/// lines inside parentheses), quoted words with their quotes.
#[derive(Debug)]
struct Entry<'a> {
    line: usize,
    /// The line starts with a blank: the owner is the previous one.
    blank_owner: bool,
    words: Vec<&'a str>,
}

/// Type mnemonics from the IANA registry (and two provider pseudo-types)
/// the model has no structure for: counted, not refused. A word that is
/// neither these nor a known type is not a type.
const OTHER_TYPES: &[&str] = &[
    "HTTPS",
    "SVCB",
    "DS",
    "DNSKEY",
    "RRSIG",
    "NSEC",
    "NSEC3",
    "NSEC3PARAM",
    "CDS",
    "CDNSKEY",
    "SSHFP",
    "NAPTR",
    "DNAME",
    "LOC",
    "HINFO",
    "RP",
    "AFSDB",
    "CERT",
    "OPENPGPKEY",
    "SMIMEA",
    "URI",
    "ZONEMD",
    "CSYNC",
    "DHCID",
    "KX",
    "IPSECKEY",
    "APL",
    "TSIG",
    "ALIAS",
    "ANAME",
];

/// Reads a BIND master file or `dig AXFR` output. `origin_hint` is the
/// origin before any `$ORIGIN` line (the domain the user typed).
pub fn read_bind(text: &str, origin_hint: Option<&Name>) -> Result<Imported, ImportError> {
    check_text(text)?;
    let entries = lex(text)?;
    let mut origin = origin_hint.cloned();
    let mut first_origin: Option<Name> = None;
    let mut soa_owner: Option<Name> = None;
    let (mut default_ttl, mut last_ttl, mut soa_min) = (None::<u32>, None::<u32>, None::<u32>);
    let mut prev_owner: Option<Name> = None;
    let mut records = Vec::new();
    let mut other: BTreeMap<OtherType, usize> = BTreeMap::new();
    let mut read_any = false;
    for e in &entries {
        let line = e.line;
        let w = &e.words;
        if !e.blank_owner && w[0].starts_with('$') {
            let directive = w[0].to_ascii_uppercase();
            match directive.as_str() {
                "$ORIGIN" => {
                    let arg = w.get(1).ok_or_else(|| bad_line(line, "$ORIGIN without a name"))?;
                    let name = owner_name(arg, origin.as_ref(), line)?;
                    first_origin.get_or_insert_with(|| name.clone());
                    origin = Some(name);
                }
                "$TTL" => {
                    let arg = w.get(1).ok_or_else(|| bad_line(line, "$TTL without a value"))?;
                    default_ttl = Some(ttl_value(arg, line)?);
                }
                "$INCLUDE" => return Err(ImportError::at(line, code::import::INCLUDE)),
                "$GENERATE" => return Err(ImportError::at(line, code::import::GENERATE)),
                _ => {
                    return Err(ImportError::at(line, code::import::UNKNOWN_DIRECTIVE).arg("directive", w[0]))
                }
            }
            read_any = true;
            continue;
        }
        // The shape first (owner, TTL and class, type), so that text that is
        // no zone file at all is named as such before its words are judged.
        let mut idx = usize::from(!e.blank_owner);
        let mut ttl = None;
        for _ in 0..2 {
            match w.get(idx) {
                Some(t) if t.as_bytes()[0].is_ascii_digit() => {
                    ttl = Some(ttl_value(t, line)?);
                    idx += 1;
                }
                Some(t)
                    if ["IN", "CH", "HS", "CS", "ANY"]
                        .iter()
                        .any(|c| t.eq_ignore_ascii_case(c)) =>
                {
                    if !t.eq_ignore_ascii_case("IN") {
                        return Err(
                            ImportError::at(line, code::import::CLASS).arg("class", t.to_ascii_uppercase())
                        );
                    }
                    idx += 1;
                }
                _ => break,
            }
        }
        let not_a_record = |problem: String| {
            if read_any {
                bad_line(line, &problem)
            } else {
                ImportError::at(line, code::import::UNKNOWN_FORMAT)
            }
        };
        let type_word = w.get(idx).ok_or_else(|| not_a_record("no record type".into()))?;
        let rtype = match RecordType::parse(type_word) {
            Ok(t) => Some(t),
            Err(_) if OTHER_TYPES.iter().any(|t| type_word.eq_ignore_ascii_case(t)) => None,
            Err(_) => return Err(not_a_record(format!("“{type_word}” is not a record type"))),
        };
        let owner = if e.blank_owner {
            prev_owner
                .clone()
                .ok_or_else(|| ImportError::at(line, code::import::NO_OWNER))?
        } else {
            owner_name(w[0], origin.as_ref(), line)?
        };
        read_any = true;
        prev_owner = Some(owner.clone());
        if ttl.is_some() {
            last_ttl = ttl;
        }
        let Some(rtype) = rtype else {
            *other
                .entry(OtherType::Mnemonic(type_word.to_ascii_uppercase()))
                .or_default() += 1;
            continue;
        };
        let ttl = ttl
            .or(default_ttl)
            .or(last_ttl)
            .or(soa_min)
            .ok_or_else(|| ImportError::at(line, code::import::NO_TTL))?;
        let data = rdata_text(rtype, &w[idx + 1..], origin.as_ref(), line)?;
        let rdata = Rdata::parse(rtype, &data).map_err(|e| {
            ImportError::at(line, code::import::BAD_DATA)
                .arg("rtype", rtype)
                .arg("reason", e.code())
        })?;
        if let Rdata::Soa(soa) = &rdata {
            soa_min.get_or_insert(soa.minimum);
            soa_owner.get_or_insert_with(|| owner.clone());
        }
        records.push(Record::new(owner, ttl, rdata));
    }
    if records.is_empty() && other.is_empty() {
        return Err(ImportError {
            line: None,
            code: code::import::EMPTY,
            args: Vec::new(),
        });
    }
    // The file's own word first: a domain typed in the form names the zone
    // only when the file does not (a fragment with absolute names).
    let origin = first_origin
        .or(soa_owner)
        .or_else(|| origin_hint.cloned())
        .or_else(|| {
            records
                .iter()
                .map(|r| &r.name)
                .min_by_key(|n| n.label_count())
                .cloned()
        })
        .unwrap_or_else(Name::root);
    Ok(sort_records(ExportKind::Bind, origin, records, other, Vec::new()))
}

fn bad_line(line: usize, problem: &str) -> ImportError {
    ImportError::at(line, code::import::BAD_LINE).arg("problem", problem)
}

/// An owner (or `$ORIGIN`) name: `@` is the origin, a name ending in a dot
/// is absolute, any other is relative to the origin, which must be known.
fn owner_name(word: &str, origin: Option<&Name>, line: usize) -> Result<Name, ImportError> {
    let absolute = word.ends_with('.');
    let origin = match origin {
        Some(o) => o,
        None if absolute => &Name::root(),
        None => return Err(ImportError::at(line, code::import::NO_ORIGIN).arg("name", word)),
    };
    Name::from_relative(word, origin, NameKind::Service)
        .map_err(|_| ImportError::at(line, code::import::BAD_NAME).arg("name", word))
}

/// A name inside record data, made absolute (the model reads every name
/// in data as absolute).
fn data_name(word: &str, origin: Option<&Name>, line: usize) -> Result<String, ImportError> {
    if word.ends_with('.') {
        return Ok(word.to_string());
    }
    match origin {
        Some(o) if word == "@" => Ok(o.fqdn()),
        Some(o) if o.is_root() => Ok(format!("{word}.")),
        Some(o) => Ok(format!("{word}.{}", o.fqdn())),
        None => Err(ImportError::at(line, code::import::NO_ORIGIN).arg("name", word)),
    }
}

/// The data words joined into presentation text, the names of MX, SRV,
/// CNAME, NS, PTR and SOA data made absolute.
fn rdata_text(
    rtype: RecordType,
    words: &[&str],
    origin: Option<&Name>,
    line: usize,
) -> Result<String, ImportError> {
    let name_at: &[usize] = match rtype {
        RecordType::Mx => &[1],
        RecordType::Srv => &[3],
        RecordType::Cname | RecordType::Ns | RecordType::Ptr => &[0],
        RecordType::Soa => &[0, 1],
        _ => &[],
    };
    // The RFC 3597 generic form has no names to qualify.
    let generic = words.first() == Some(&"\\#");
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if !generic && name_at.contains(&i) {
            out.push_str(&data_name(w, origin, line)?);
        } else {
            out.push_str(w);
        }
    }
    Ok(out)
}

/// A TTL: seconds, or BIND's units (`1h30m`, `1w`, any case).
fn ttl_value(word: &str, line: usize) -> Result<u32, ImportError> {
    let bad = || ImportError::at(line, code::import::BAD_TTL).arg("ttl", word);
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return parse_ttl(word).map_err(|_| bad());
    }
    let mut total: u64 = 0;
    let mut number: Option<u64> = None;
    for b in word.bytes() {
        if b.is_ascii_digit() {
            let n = number.unwrap_or(0) * 10 + u64::from(b - b'0');
            if n > u64::from(MAX_TTL) {
                return Err(bad());
            }
            number = Some(n);
            continue;
        }
        let unit = match b.to_ascii_lowercase() {
            b's' => 1,
            b'm' => 60,
            b'h' => 3600,
            b'd' => 86_400,
            b'w' => 604_800,
            _ => return Err(bad()),
        };
        total += number.take().ok_or_else(bad)? * unit;
        if total > u64::from(MAX_TTL) {
            return Err(bad());
        }
    }
    if number.is_some() {
        return Err(bad());
    }
    u32::try_from(total).map_err(|_| bad())
}

/// The width of the UTF-8 character starting with byte `lead`.
fn char_width(lead: u8) -> usize {
    match lead {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// Splits the text into entries: words outside comments, parentheses
/// joining lines, quoted strings kept whole with their quotes. A word ends
/// at a blank, `;`, `(`, `)` or `"`, never inside a backslash escape.
fn lex(text: &str) -> Result<Vec<Entry<'_>>, ImportError> {
    let b = text.as_bytes();
    let len = b.len();
    let (mut i, mut line, mut depth, mut open_line) = (0usize, 1usize, 0usize, 0usize);
    let mut entries = Vec::new();
    let mut cur: Option<Entry> = None;
    let mut at_line_start = true;
    // One step past a backslash escape, stopping before a newline.
    let escape = |i: usize| -> usize {
        let next = i + 1;
        if next >= len || b[next] == b'\n' {
            next
        } else {
            (next + char_width(b[next])).min(len)
        }
    };
    while i < len {
        if at_line_start {
            at_line_start = false;
            if depth == 0 {
                if let Some(e) = cur.take().filter(|e| !e.words.is_empty()) {
                    entries.push(e);
                }
                cur = Some(Entry {
                    line,
                    blank_owner: matches!(b[i], b' ' | b'\t'),
                    words: Vec::new(),
                });
            }
        }
        match b[i] {
            b'\n' => {
                line += 1;
                i += 1;
                at_line_start = true;
            }
            b' ' | b'\t' | b'\r' | 0x0c => i += 1,
            b';' => {
                while i < len && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'(' => {
                if depth == 0 {
                    open_line = line;
                }
                depth += 1;
                i += 1;
            }
            b')' => {
                if depth == 0 {
                    return Err(bad_line(line, "a “)” closes no “(”"));
                }
                depth -= 1;
                i += 1;
            }
            b'"' => {
                let start = i;
                i += 1;
                loop {
                    if i >= len || b[i] == b'\n' {
                        return Err(bad_line(line, "a quoted string is not closed on its line"));
                    }
                    match b[i] {
                        b'\\' => i = escape(i),
                        b'"' => {
                            i += 1;
                            break;
                        }
                        _ => i += 1,
                    }
                }
                push(&mut cur, &text[start..i]);
            }
            _ => {
                let start = i;
                while i < len
                    && !matches!(
                        b[i],
                        b' ' | b'\t' | b'\r' | b'\n' | 0x0c | b';' | b'(' | b')' | b'"'
                    )
                {
                    i = if b[i] == b'\\' { escape(i) } else { i + 1 };
                }
                push(&mut cur, &text[start..i]);
            }
        }
    }
    if depth > 0 {
        return Err(bad_line(open_line, "a “(” is never closed"));
    }
    if let Some(e) = cur.filter(|e| !e.words.is_empty()) {
        entries.push(e);
    }
    Ok(entries)
}

fn push<'a>(cur: &mut Option<Entry<'a>>, word: &'a str) {
    if let Some(e) = cur {
        e.words.push(word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Name {
        Name::service(s).expect("name")
    }

    fn lines(imported: &Imported) -> Vec<String> {
        imported.records.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn reads_the_master_file_syntax() {
        let text = "; a zone\n$ORIGIN example.com.\n$TTL 1h\n@ IN SOA ns1 hostmaster ( 1 7200 ; serial\n 3600 1209600 300 )\n  IN NS ns1.example.net.\n\tIN MX 10 mail\n  600 MX 20 mx2.example.net.\nmail A 192.0.2.1\n  AAAA 2001:db8::1\n_dmarc 300 IN TXT \"v=DMARC1; p=none; rua=mailto:d@example.com\" ; the policy\ns1._domainkey TXT ( \"v=DKIM1; k=rsa; \"\n  \"p=MIIB\" )\n@ TXT \"v=spf1 mx \\\"-all\\\" \\100\"\nwww CNAME @\n";
        let got = read_bind(text, None).expect("reads");
        assert_eq!(got.format, ExportKind::Bind);
        assert_eq!(got.origin, name("example.com"));
        assert_eq!(
            lines(&got),
            [
                "example.com. 3600 IN MX 10 mail.example.com.",
                "example.com. 600 IN MX 20 mx2.example.net.",
                "mail.example.com. 3600 IN A 192.0.2.1",
                "mail.example.com. 3600 IN AAAA 2001:db8::1",
                "_dmarc.example.com. 300 IN TXT \"v=DMARC1; p=none; rua=mailto:d@example.com\"",
                "s1._domainkey.example.com. 3600 IN TXT \"v=DKIM1; k=rsa; \" \"p=MIIB\"",
                "example.com. 3600 IN TXT \"v=spf1 mx \\\"-all\\\" d\"",
            ],
            "{:#?}",
            got.records
        );
        assert_eq!(got.other.get(&OtherType::Dns(RecordType::Soa)), Some(&1));
        assert_eq!(got.other.get(&OtherType::Dns(RecordType::Ns)), Some(&1));
        assert_eq!(got.other.get(&OtherType::Dns(RecordType::Cname)), Some(&1));
        assert_eq!(got.notes.len(), 1);
        assert_eq!(got.notes[0].code, code::import::LEFT_ALONE);
    }

    #[test]
    fn reads_dig_axfr_output() {
        let text = "\n; <<>> DiG 9.18.28 <<>> axfr example.org @ns1.example.org\n;; global options: +cmd\nexample.org.\t3600\tIN\tSOA\tns1.example.org. host.example.org. 5 7200 3600 1209600 300\nexample.org.\t3600\tIN\tMX\t0 .\nexample.org.\t3600\tIN\tTXT\t\"v=spf1 -all\"\nexample.org.\t3600\tIN\tHTTPS\t1 . alpn=h2\nexample.org.\t3600\tIN\tSOA\tns1.example.org. host.example.org. 5 7200 3600 1209600 300\n;; Query time: 3 msec\n;; XFR size: 5 records (messages 1, bytes 220)\n";
        let got = read_bind(text, None).expect("reads");
        assert_eq!(got.origin, name("example.org"));
        assert_eq!(got.mail_relevant, 2);
        assert_eq!(
            got.other.get(&OtherType::Dns(RecordType::Soa)),
            Some(&1),
            "SOA once"
        );
        assert_eq!(got.other.get(&OtherType::Mnemonic("HTTPS".into())), Some(&1));
    }

    #[test]
    fn refusals_name_the_line() {
        for (text, hint, want, line) in [
            (
                "$ORIGIN example.com.\n$INCLUDE other.zone\n",
                None,
                code::import::INCLUDE,
                Some(2),
            ),
            (
                "$ORIGIN example.com.\n\n$GENERATE 1-9 h$ A 192.0.2.$\n",
                None,
                code::import::GENERATE,
                Some(3),
            ),
            (
                "$ORIGIN example.com.\n$FOO 1\n",
                None,
                code::import::UNKNOWN_DIRECTIVE,
                Some(2),
            ),
            (
                "$TTL 300\nmail IN A 192.0.2.1\n",
                None,
                code::import::NO_ORIGIN,
                Some(2),
            ),
            (
                "$TTL 300\n@ IN MX 10 mail\n",
                None,
                code::import::NO_ORIGIN,
                Some(2),
            ),
            (
                "example.com. 300 IN MX 10 mail\n",
                None,
                code::import::NO_ORIGIN,
                Some(1),
            ),
            (
                "  IN A 192.0.2.1\n",
                Some("example.com"),
                code::import::NO_OWNER,
                Some(1),
            ),
            (
                "mail IN A 192.0.2.1\n",
                Some("example.com"),
                code::import::NO_TTL,
                Some(1),
            ),
            (
                "$TTL 1\nmail CH A 192.0.2.1\n",
                Some("example.com"),
                code::import::CLASS,
                Some(2),
            ),
            (
                "$TTL 1\nmail IN A 192.0.2.300\n",
                Some("example.com"),
                code::import::BAD_DATA,
                Some(2),
            ),
            ("$TTL 1x\n", Some("example.com"), code::import::BAD_TTL, Some(1)),
            (
                "$TTL 1\nm\u{e9}!l A 192.0.2.1\n",
                Some("example.com"),
                code::import::BAD_NAME,
                Some(2),
            ),
            (
                "$TTL 1\n@ TXT ( \"a\"\n",
                Some("example.com"),
                code::import::BAD_LINE,
                Some(2),
            ),
            (
                "$TTL 1\n@ TXT \"a\n",
                Some("example.com"),
                code::import::BAD_LINE,
                Some(2),
            ),
            (
                "$TTL 1\n@ TXT \"a\" )\n",
                Some("example.com"),
                code::import::BAD_LINE,
                Some(2),
            ),
            (
                "$TTL 1\n@ A 192.0.2.1\n@ BOGUS x\n",
                Some("example.com"),
                code::import::BAD_LINE,
                Some(3),
            ),
            (
                "hello, this is not a zone\n",
                None,
                code::import::UNKNOWN_FORMAT,
                Some(1),
            ),
            ("{\"records\": []}\n", None, code::import::UNKNOWN_FORMAT, Some(1)),
            ("; only a comment\n\n", None, code::import::EMPTY, None),
        ] {
            let hint = hint.map(name);
            let e = read_bind(text, hint.as_ref()).expect_err(text);
            assert_eq!((e.code, e.line), (want, line), "{text:?}");
            assert!(
                crate::i18n::render_problems(&e.to_finding()).is_empty(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_hint_reads_relative_names_and_ttl_units_add_up() {
        let got = read_bind(
            "$TTL 1h30m\n@ MX 10 mx1\nmx1 1D A 192.0.2.1\n",
            Some(&name("example.com")),
        )
        .expect("reads");
        assert_eq!(
            lines(&got),
            [
                "example.com. 5400 IN MX 10 mx1.example.com.",
                "mx1.example.com. 86400 IN A 192.0.2.1"
            ]
        );
    }

    #[test]
    fn unknown_types_are_counted_not_fatal() {
        let got = read_bind(
            "$ORIGIN example.com.\n$TTL 60\n@ DS 1 2 3 ab\n@ TYPE65 \\# 0\n@ MX 0 .\n",
            None,
        )
        .expect("reads");
        assert_eq!(got.mail_relevant, 1);
        assert_eq!(got.other.get(&OtherType::Mnemonic("DS".into())), Some(&1));
        assert_eq!(got.other.get(&OtherType::Dns(RecordType::Unknown(65))), Some(&1));
    }

    #[test]
    fn two_megabytes_read_in_linear_time() {
        let mut text = String::from("$ORIGIN example.com.\n$TTL 300\n");
        let mut i = 0;
        while text.len() < super::super::MAX_BYTES - 100 {
            text.push_str(&format!("h{i} IN A 192.0.2.{}\n", i % 250));
            i += 1;
        }
        let start = std::time::Instant::now();
        let got = read_bind(&text, None).expect("reads");
        assert_eq!(got.other.values().sum::<usize>(), i);
        assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
    }
}
