//! TXT record data: one or more `<character-string>`s of at most 255 octets
//! (RFC 1035 §3.3.14, §3.3), their zone-file presentation (RFC 1035 §5.1),
//! and the value mail protocols read from them.
//!
//! - The value of a TXT record is its strings joined with nothing between
//!   them (RFC 7208 §3.3 for SPF, RFC 6376 §3.6.2.2 for DKIM), so a long
//!   value is published as several strings of one record.
//! - Presentation: each string in double quotes, `\"` and `\\` escaped, and
//!   any octet outside printable ASCII written `\DDD` (three decimal digits).
//! - [`Txt::parse`] reads zone-file text strictly; [`Txt::parse_lenient`]
//!   reads what DNS-over-HTTPS JSON resolvers put in `data`, which may be the
//!   bare value with no quotes at all.

use crate::finding::Finding;
use crate::i18n::code;
use crate::model::presentation::{err, Fields, RdataError, RdataErrorKind};
use std::fmt;

/// Longest character-string, RFC 1035 §3.3.
pub const MAX_STRING: usize = 255;

/// Largest DNS message over UDP without EDNS, RFC 1035 §4.2.1. A TXT record
/// near this size forces a retry over TCP or EDNS on some paths.
pub const UDP_LIMIT: usize = 512;

/// TXT record data.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Txt {
    /// The character-strings, each at most [`MAX_STRING`] octets.
    pub strings: Vec<Vec<u8>>,
}

impl Txt {
    /// A record carrying `value`, cut into strings of at most 255 octets.
    /// Cuts fall on UTF-8 character boundaries (DNS does not require this,
    /// but it keeps every string readable on its own). An empty value is
    /// one empty string.
    pub fn from_value(value: &str) -> Txt {
        let mut strings = Vec::new();
        let mut rest = value;
        while rest.len() > MAX_STRING {
            let mut cut = MAX_STRING;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            let (head, tail) = rest.split_at(cut);
            strings.push(head.as_bytes().to_vec());
            rest = tail;
        }
        if !rest.is_empty() || strings.is_empty() {
            strings.push(rest.as_bytes().to_vec());
        }
        Txt { strings }
    }

    /// The strings joined with no separator, as octets.
    pub fn value_bytes(&self) -> Vec<u8> {
        self.strings.concat()
    }

    /// The strings joined with no separator (RFC 7208 §3.3, RFC 6376
    /// §3.6.2.2). Octets that are not UTF-8 become U+FFFD.
    pub fn value(&self) -> String {
        String::from_utf8_lossy(&self.value_bytes()).into_owned()
    }

    /// Octets of the record data on the wire: each string plus its length octet.
    pub fn wire_len(&self) -> usize {
        self.strings.iter().map(|s| s.len() + 1).sum()
    }

    /// Parses zone-file presentation: quoted strings separated by blanks or
    /// adjacent (`"a" "b"`, `"a""b"`), or bare words, with `\"`, `\\`, `\X`
    /// and `\DDD` escapes.
    pub fn parse(text: &str) -> Result<Txt, RdataError> {
        let mut fields = Fields::new(text);
        if fields.at_end() {
            return Err(err(RdataErrorKind::Empty, 0, text.len()));
        }
        let mut strings = Vec::new();
        while !fields.at_end() {
            strings.push(fields.character_string("string", Some(MAX_STRING))?);
        }
        Ok(Txt { strings })
    }

    /// Reads TXT `data` as DoH JSON resolvers give it (after JSON decoding);
    /// never fails. Forms seen (see tests/vectors/doh/FORMATS.md §4 item 5):
    /// - unquoted: the whole text is the value (`v=spf1 -all`, Google today);
    /// - quoted, zone-file style (`"a" "b"`, `"a""b"`, escapes);
    /// - quoted with a stray unescaped `"` inside a string: a quote closes a
    ///   string only when followed by the end, a blank or another quote.
    ///
    /// Strings longer than 255 octets are cut; an empty text is one empty string.
    pub fn parse_lenient(text: &str) -> Txt {
        let t = text.trim();
        if !t.starts_with('"') {
            return Txt::from_value(t);
        }
        if let Ok(txt) = Txt::parse(t) {
            return txt;
        }
        lenient_quoted(t)
    }

    /// Findings about the record data itself (the protocols that read a
    /// value lint that value).
    pub fn lint(&self, subject: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.strings.is_empty() {
            // RFC 1035 §3.3.14: TXT data is one or more character-strings.
            out.push(Finding::error(code::txt::NO_STRINGS, subject, "RFC 1035 §3.3.14").with_fix("\"\""));
        }
        for (i, s) in self.strings.iter().enumerate() {
            if s.len() > MAX_STRING {
                // RFC 1035 §3.3: the length is one octet.
                let fix = Txt::from_value(&String::from_utf8_lossy(&self.value_bytes())).to_string();
                out.push(
                    Finding::error(code::txt::STRING_TOO_LONG, subject, "RFC 1035 §3.3")
                        .arg("len", s.len())
                        .arg("index", i + 1)
                        .with_fix(fix),
                );
            }
        }
        if self.wire_len() > UDP_LIMIT {
            out.push(
                Finding::warning(code::txt::LARGE, subject, "RFC 1035 §4.2.1")
                    .arg("len", self.wire_len())
                    .arg("limit", UDP_LIMIT),
            );
        }
        out
    }
}

impl fmt::Display for Txt {
    /// Zone-file form: every string quoted, separated by one space.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.strings.is_empty() {
            return f.write_str("\"\"");
        }
        for (i, s) in self.strings.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(&quote(s))?;
        }
        Ok(())
    }
}

/// One character-string in quotes with RFC 1035 §5.1 escapes.
pub fn quote(octets: &[u8]) -> String {
    let mut out = String::with_capacity(octets.len() + 2);
    out.push('"');
    for &b in octets {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x20..=0x7e => out.push(char::from(b)),
            _ => out.push_str(&format!("\\{b:03}")),
        }
    }
    out.push('"');
    out
}

/// Forgiving scan of quoted text: stray quotes kept, bad escapes kept as
/// written, long strings cut.
fn lenient_quoted(t: &str) -> Txt {
    let bytes = t.as_bytes();
    let mut strings: Vec<Vec<u8>> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes.get(i) {
            Some(b) if b.is_ascii_whitespace() => i += 1,
            Some(b'"') => {
                let mut s = Vec::new();
                i += 1;
                while let Some(&b) = bytes.get(i) {
                    if b == b'"' && closes(bytes, i) {
                        i += 1;
                        break;
                    }
                    if b == b'\\' {
                        if let Some((octet, next)) = lenient_escape(bytes, i) {
                            s.push(octet);
                            i = next;
                            continue;
                        }
                    }
                    s.push(b);
                    i += 1;
                }
                strings.push(s);
            }
            Some(_) => {
                let mut s = Vec::new();
                while let Some(&b) = bytes.get(i) {
                    if b.is_ascii_whitespace() || b == b'"' {
                        break;
                    }
                    s.push(b);
                    i += 1;
                }
                strings.push(s);
            }
            None => break,
        }
    }
    let mut cut = Vec::new();
    for s in strings {
        if s.len() <= MAX_STRING {
            cut.push(s);
        } else {
            cut.extend(s.chunks(MAX_STRING).map(<[u8]>::to_vec));
        }
    }
    if cut.is_empty() {
        cut.push(Vec::new());
    }
    Txt { strings: cut }
}

/// In lenient mode, a quote at `i` closes its string when followed by the
/// end, by another quote, or by blanks and then a quote.
fn closes(bytes: &[u8], i: usize) -> bool {
    let rest = bytes.get(i + 1..).unwrap_or(&[]);
    let after = rest.iter().position(|b| !b.is_ascii_whitespace());
    match after {
        None => true,
        Some(0) => rest.first() == Some(&b'"'),
        Some(n) => rest.get(n) == Some(&b'"'),
    }
}

fn lenient_escape(bytes: &[u8], i: usize) -> Option<(u8, usize)> {
    let next = *bytes.get(i + 1)?;
    if next.is_ascii_digit() {
        let d = bytes.get(i + 1..i + 4)?;
        if !d.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let v = d.iter().fold(0u32, |n, x| n * 10 + u32::from(x - b'0'));
        return u8::try_from(v).ok().map(|o| (o, i + 4));
    }
    Some((next, i + 2))
}

#[cfg(test)]
pub(crate) const CODES: &[&str] = &[
    code::txt::NO_STRINGS,
    code::txt::STRING_TOO_LONG,
    code::txt::LARGE,
    code::txt::UNTERMINATED_QUOTE,
    code::txt::BAD_ESCAPE,
    code::txt::ESCAPE_RANGE,
    code::rdata::EMPTY,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Span;
    use proptest::prelude::*;

    fn txt(parts: &[&[u8]]) -> Txt {
        Txt {
            strings: parts.iter().map(|p| p.to_vec()).collect(),
        }
    }

    #[test]
    fn from_value_splits_at_255_on_char_boundaries() {
        assert_eq!(Txt::from_value(""), txt(&[b""]));
        assert_eq!(Txt::from_value("v=spf1 -all"), txt(&[b"v=spf1 -all"]));
        let long = "a".repeat(600);
        let t = Txt::from_value(&long);
        assert_eq!(
            t.strings.iter().map(Vec::len).collect::<Vec<_>>(),
            vec![255, 255, 90]
        );
        assert_eq!(t.value(), long);
        // 254 ASCII + a 3-byte character: the character moves to the next string.
        let mixed = format!("{}中x", "a".repeat(254));
        let t = Txt::from_value(&mixed);
        assert_eq!(t.strings.iter().map(Vec::len).collect::<Vec<_>>(), vec![254, 4]);
        assert_eq!(t.value(), mixed);
        assert_eq!(Txt::from_value(&"b".repeat(255)).strings.len(), 1);
    }

    #[test]
    fn prints_quoted_and_escaped() {
        let cases: &[(Txt, &str)] = &[
            (txt(&[b"v=spf1 -all"]), r#""v=spf1 -all""#),
            (txt(&[b"a", b"b"]), r#""a" "b""#),
            (txt(&[b"say \"hi\" \\ ok"]), r#""say \"hi\" \\ ok""#),
            (txt(&[b"tab\there\n"]), r#""tab\009here\010""#),
            (txt(&["中".as_bytes()]), r#""\228\184\173""#),
            (txt(&[b""]), r#""""#),
            (txt(&[]), r#""""#),
        ];
        for (t, want) in cases {
            assert_eq!(t.to_string(), *want);
        }
    }

    #[test]
    fn parses_presentation_forms() {
        let cases: &[(&str, Txt)] = &[
            (r#""v=spf1 -all""#, txt(&[b"v=spf1 -all"])),
            (r#""a" "b""#, txt(&[b"a", b"b"])),
            (r#""a""b""#, txt(&[b"a", b"b"])),
            ("word", txt(&[b"word"])),
            ("two words", txt(&[b"two", b"words"])),
            (r#""q\"" "\\" "\065""#, txt(&[b"q\"", b"\\", b"A"])),
            (r#""""#, txt(&[b""])),
            ("\t\"x\"  ", txt(&[b"x"])),
        ];
        for (text, want) in cases {
            assert_eq!(Txt::parse(text).as_ref(), Ok(want), "{text}");
        }
    }

    #[test]
    fn parse_errors_have_positions() {
        let cases = [
            (r#""a" "open"#, code::txt::UNTERMINATED_QUOTE, Span::new(4, 9)),
            (r#""bad \x \1""#, code::txt::BAD_ESCAPE, Span::new(8, 10)),
            (r#""\300""#, code::txt::ESCAPE_RANGE, Span::new(1, 5)),
            ("  ", code::rdata::EMPTY, Span::new(0, 2)),
        ];
        for (text, code, span) in cases {
            let e = Txt::parse(text).expect_err(text);
            assert_eq!((e.code(), e.span), (code, span), "{text}");
        }
        let long = format!("\"ok\" \"{}\"", "y".repeat(256));
        let e = Txt::parse(&long).expect_err("too long");
        assert_eq!((e.code(), e.span.start), (code::txt::STRING_TOO_LONG, 5));
    }

    #[test]
    fn lenient_reads_doh_data() {
        let dkim = "\"k=rsa;  p=MIGfMA0\"\"JiDJ; n=A 1024 bit key;\"";
        let cases: &[(&str, &str, usize)] = &[
            (
                "v=spf1 include:_spf.google.com ~all",
                "v=spf1 include:_spf.google.com ~all",
                1,
            ),
            ("\"v=spf1 -all\"", "v=spf1 -all", 1),
            (dkim, "k=rsa;  p=MIGfMA0JiDJ; n=A 1024 bit key;", 2),
            ("\"a\" \"b\"", "ab", 2),
            (
                "\"test\"\"test\"\"test with \" quote\"",
                "testtesttest with \" quote",
                3,
            ),
            ("\"bad \\x \\999 esc\"", "bad x \\999 esc", 1),
            ("", "", 1),
        ];
        for (text, value, n) in cases {
            let t = Txt::parse_lenient(text);
            assert_eq!((t.value().as_str(), t.strings.len()), (*value, *n), "{text}");
        }
        let long = format!("\"{}\"", "z".repeat(300));
        let t = Txt::parse_lenient(&long);
        assert_eq!(
            (t.strings.len(), t.value()),
            (2, "z".repeat(300)),
            "strict parse refuses, lenient cuts"
        );
        assert_eq!(Txt::parse_lenient(&"z".repeat(300)).strings.len(), 2);
    }

    #[test]
    fn lint_findings() {
        assert!(Txt::from_value("v=spf1 -all").lint("example.com").is_empty());
        let codes = |t: &Txt| t.lint("x").iter().map(|f| f.code).collect::<Vec<_>>();
        assert_eq!(codes(&txt(&[])), vec![code::txt::NO_STRINGS]);
        let over = Txt {
            strings: vec![vec![b'a'; 300]],
        };
        let f = over.lint("x");
        assert_eq!(f[0].code, code::txt::STRING_TOO_LONG);
        assert_eq!(
            f[0].fix.as_deref(),
            Some(Txt::from_value(&"a".repeat(300)).to_string().as_str())
        );
        assert_eq!(codes(&Txt::from_value(&"k".repeat(600))), vec![code::txt::LARGE]);
    }

    #[test]
    fn every_code_is_in_the_catalogue() {
        for code in CODES {
            assert!(
                crate::i18n::lookup(code).is_some(),
                "{code} missing from catalogue"
            );
        }
    }

    fn valid_txt() -> impl Strategy<Value = Txt> {
        proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..=255), 1..4)
            .prop_map(|strings| Txt { strings })
    }

    proptest! {
        #[test]
        fn round_trip(t in valid_txt()) {
            prop_assert_eq!(Txt::parse(&t.to_string()), Ok(t.clone()));
            prop_assert_eq!(Txt::parse_lenient(&t.to_string()), t);
        }

        #[test]
        fn from_value_keeps_the_value(v in "\\PC{0,700}") {
            let t = Txt::from_value(&v);
            prop_assert_eq!(t.value(), v);
            prop_assert!(t.strings.iter().all(|s| s.len() <= MAX_STRING));
            prop_assert!(t.strings.iter().all(|s| std::str::from_utf8(s).is_ok()));
        }

        #[test]
        fn tricky_text_reparses_to_itself(s in "[\"\\\\0-9 a\t]{0,40}") {
            if let Ok(t) = Txt::parse(&s) {
                prop_assert_eq!(Txt::parse(&t.to_string()), Ok(t.clone()));
            }
            let t = Txt::parse_lenient(&s);
            prop_assert_eq!(Txt::parse(&t.to_string()), Ok(t));
        }

        #[test]
        fn never_panics(s in "\\PC{0,400}") {
            let _ = Txt::parse(&s);
            let t = Txt::parse_lenient(&s);
            prop_assert!(t.strings.iter().all(|s| s.len() <= MAX_STRING));
        }

        #[test]
        fn never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..400)) {
            let s = String::from_utf8_lossy(&b);
            let _ = Txt::parse(&s);
            let _ = Txt::parse_lenient(&s);
            for f in (Txt { strings: vec![b.clone()] }).lint("x") {
                prop_assert!(crate::i18n::lookup(f.code).is_some());
            }
        }
    }
}
