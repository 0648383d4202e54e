//! The tag=value list of RFC 6376 §3.2, shared by the DKIM key record, DMARC
//! (RFC 9989 §4.7 says DMARC "follows the tag-value syntax" of DKIM), the
//! `_mta-sts` record (RFC 8461 §3.1) and the TLS-RPT record (RFC 8460 §3).
//!
//! ```text
//! tag-list  =  tag-spec *( ";" tag-spec ) [ ";" ]
//! tag-spec  =  [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]
//! tag-value =  [ tval *( 1*(WSP / FWS) tval ) ]
//! tval      =  1*VALCHAR
//! VALCHAR   =  %x21-3A / %x3C-7E    ; printable ASCII but ";"
//! ```
//!
//! The parser is the common ground of the four grammars: tag names may be
//! `(ALPHA / DIGIT) *(ALPHA / DIGIT / "_" / "-" / ".")` (the widest of the
//! four, RFC 8460/8461 extension names) and each record narrows its own.
//! Whitespace after the final `;` is allowed by the DMARC, MTA-STS and
//! TLS-RPT grammars (`*WSP ";" *WSP`) but not by RFC 6376 §3.2, so it is
//! reported in [`TagList::trailing_space`] for each record to judge.
//! Duplicate names are left to the records too: TLS-RPT decides otherwise.
//!
//! Every span is a byte range of the input; every cut is at an ASCII
//! delimiter, so slicing never splits a character.

use crate::finding::{Finding, Span};
use crate::i18n::code;

/// One `name=value` pair, both trimmed of surrounding whitespace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag<'a> {
    pub name: &'a str,
    pub value: &'a str,
    pub name_span: Span,
    pub value_span: Span,
    /// The whole tag-spec, whitespace trimmed.
    pub span: Span,
}

/// A parsed tag list, in the order written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagList<'a> {
    pub tags: Vec<Tag<'a>>,
    /// Whitespace after the final `;`, which RFC 6376 §3.2 does not allow.
    pub trailing_space: Option<Span>,
}

impl<'a> TagList<'a> {
    /// The first tag with this name (exact, case-sensitive).
    pub fn get(&self, name: &str) -> Option<&Tag<'a>> {
        self.tags.iter().find(|t| t.name == name)
    }

    /// Tags whose name already occurred earlier, compared with `same`.
    pub fn duplicates(&self, same: impl Fn(&str, &str) -> bool) -> Vec<&Tag<'a>> {
        self.tags
            .iter()
            .enumerate()
            .filter(|(i, t)| self.tags.iter().take(*i).any(|e| same(e.name, t.name)))
            .map(|(_, t)| t)
            .collect()
    }
}

/// Why a text is not a tag list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TagListError {
    /// Nothing but whitespace.
    Empty,
    /// A tag-spec with no `=`.
    MissingEquals { span: Span },
    /// A tag name with a character names cannot have, or no name at all.
    BadName { name: String, span: Span },
    /// Two `;` with nothing between them.
    EmptyTag { span: Span },
    /// A character no tag value may hold (control or non-ASCII).
    BadChar { ch: char, span: Span },
}

impl TagListError {
    /// Stable code, the catalogue key.
    pub fn code(&self) -> &'static str {
        match self {
            TagListError::Empty => code::tagvalue::EMPTY,
            TagListError::MissingEquals { .. } => code::tagvalue::MISSING_EQUALS,
            TagListError::BadName { .. } => code::tagvalue::BAD_NAME,
            TagListError::EmptyTag { .. } => code::tagvalue::EMPTY_TAG,
            TagListError::BadChar { .. } => code::tagvalue::BAD_CHAR,
        }
    }

    pub fn span(&self) -> Option<Span> {
        match self {
            TagListError::Empty => None,
            TagListError::MissingEquals { span }
            | TagListError::BadName { span, .. }
            | TagListError::EmptyTag { span }
            | TagListError::BadChar { span, .. } => Some(*span),
        }
    }

    /// The error as an error finding; `rfc` is the grammar of the record at hand.
    pub fn to_finding(&self, subject: &str, rfc: &'static str) -> Finding {
        let mut f = Finding::error(self.code(), subject, rfc);
        if let Some(span) = self.span() {
            f = f.at(span).arg("pos", span.start);
        }
        match self {
            TagListError::BadName { name, .. } => f.arg("name", name),
            TagListError::BadChar { ch, .. } => f.arg("ch", ch.escape_default()),
            _ => f,
        }
    }
}

/// Folding whitespace as it can appear in a TXT value: SP, HTAB, CR, LF.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// VALCHAR of RFC 6376 §3.2: printable ASCII except `;`.
fn is_valchar(c: char) -> bool {
    ('\x21'..='\x7e').contains(&c) && c != ';'
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')
}

/// Trims whitespace from `text[start..end]`, returning the inner byte range.
fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = text.get(start..end).unwrap_or("");
    let lead = slice.len() - slice.trim_start_matches(is_space).len();
    let trail = slice.len() - slice.trim_end_matches(is_space).len();
    if lead == slice.len() {
        return (start, start);
    }
    (start + lead, end - trail)
}

/// Parses a tag list. Stops at the first syntax error.
pub fn parse(text: &str) -> Result<TagList<'_>, TagListError> {
    if text.trim_matches(is_space).is_empty() {
        return Err(TagListError::Empty);
    }
    // Byte offsets of every ";" (ASCII, so each is a char boundary).
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    let mut seg_start = 0;
    for (i, c) in text.char_indices() {
        if c == ';' {
            bounds.push((seg_start, i));
            seg_start = i + 1;
        }
    }
    bounds.push((seg_start, text.len()));
    let last = bounds.len() - 1;

    let mut tags = Vec::new();
    let mut trailing_space = None;
    for (n, &(start, end)) in bounds.iter().enumerate() {
        let (s, e) = trim_range(text, start, end);
        if s == e {
            if n == last && n > 0 {
                // After the final ";": `[ ";" ]` ends the list.
                if end > start {
                    trailing_space = Some(Span::new(start, end));
                }
                continue;
            }
            return Err(TagListError::EmptyTag {
                span: Span::new(start, end),
            });
        }
        tags.push(parse_spec(text, s, e)?);
    }
    Ok(TagList { tags, trailing_space })
}

/// One trimmed, non-empty tag-spec at `text[s..e]`.
fn parse_spec(text: &str, s: usize, e: usize) -> Result<Tag<'_>, TagListError> {
    let spec = text.get(s..e).unwrap_or("");
    let eq = match spec.find('=') {
        Some(i) => s + i,
        None => {
            return Err(TagListError::MissingEquals {
                span: Span::new(s, e),
            });
        }
    };
    let (ns, ne) = trim_range(text, s, eq);
    let name = text.get(ns..ne).unwrap_or("");
    let name_ok =
        name.chars().next().is_some_and(|c| c.is_ascii_alphanumeric()) && name.chars().all(is_name_char);
    if !name_ok {
        return Err(TagListError::BadName {
            name: name.to_string(),
            span: Span::new(ns, ne.max(eq)),
        });
    }
    let (vs, ve) = trim_range(text, eq + 1, e);
    let value = text.get(vs..ve).unwrap_or("");
    for (i, c) in value.char_indices() {
        if !is_valchar(c) && !is_space(c) {
            return Err(TagListError::BadChar {
                ch: c,
                span: Span::new(vs + i, vs + i + c.len_utf8()),
            });
        }
    }
    Ok(Tag {
        name,
        value,
        name_span: Span::new(ns, ne),
        value_span: Span::new(vs, ve),
        span: Span::new(s, e),
    })
}

/// An extension name of the `_mta-sts` (RFC 8461 §3.1 `sts-ext-name`) and
/// TLS-RPT (RFC 8460 §3 `tlsrpt-ext-name`) records:
/// `(ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")`.
pub fn is_extension_name(name: &str) -> bool {
    name.len() <= 32
        && name.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && name.chars().all(is_name_char)
}

/// An extension value of the same records: `1*(%x21-3A / %x3C / %x3E-7E)`,
/// printable ASCII without space, `;` or `=`.
pub fn is_extension_value(value: &str) -> bool {
    !value.is_empty() && value.chars().all(|c| is_valchar(c) && c != '=')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versioned_head() {
        let v = parse_versioned("v=STSv1; id=1", "STSv1").expect("valid");
        assert!(v.exact_prefix);
        assert_eq!(v.list.tags.len(), 2);
        assert!(
            !parse_versioned(" v=STSv1; id=1", "STSv1")
                .expect("valid")
                .exact_prefix
        );
        assert!(
            !parse_versioned("V=DMARC1; p=none", "DMARC1")
                .expect("valid")
                .exact_prefix
        );
        assert_eq!(
            parse_versioned("v=spf1 -all", "DMARC1"),
            Err(HeadError::SpfRecord)
        );
        assert!(matches!(
            parse_versioned("p=none; v=DMARC1", "DMARC1"),
            Err(HeadError::BadVersion { ref found, .. }) if found == "p=none"
        ));
        assert!(matches!(
            parse_versioned("v=DMARC2", "DMARC1"),
            Err(HeadError::BadVersion { .. })
        ));
        assert_eq!(
            parse_versioned("  ", "DMARC1"),
            Err(HeadError::Syntax(TagListError::Empty))
        );
    }
    use proptest::prelude::*;

    fn pairs(text: &str) -> Vec<(&str, &str)> {
        parse(text)
            .unwrap()
            .tags
            .iter()
            .map(|t| (t.name, t.value))
            .collect()
    }

    #[test]
    fn splits_trims_and_keeps_inner_space() {
        assert_eq!(pairs("v=DKIM1; p=abc"), vec![("v", "DKIM1"), ("p", "abc")]);
        assert_eq!(
            pairs(" v = DKIM1 ;\tp\t=\ta b\tc ;"),
            vec![("v", "DKIM1"), ("p", "a b\tc")]
        );
        assert_eq!(pairs("p="), vec![("p", "")]);
        assert_eq!(pairs("a=x=y"), vec![("a", "x=y")]);
    }

    #[test]
    fn spans_point_into_the_input() {
        let text = "v=DKIM1; k = rsa";
        let list = parse(text).unwrap();
        let k = list.get("k").unwrap();
        assert_eq!(&text[k.name_span.start..k.name_span.end], "k");
        assert_eq!(&text[k.value_span.start..k.value_span.end], "rsa");
        assert_eq!(k.span, Span::new(9, 16));
    }

    #[test]
    fn trailing_semicolon_and_space() {
        assert_eq!(parse("a=1;").unwrap().trailing_space, None);
        assert_eq!(parse("a=1; ").unwrap().trailing_space, Some(Span::new(4, 5)));
        assert_eq!(parse("a=1 ").unwrap().trailing_space, None);
    }

    #[test]
    fn errors() {
        let cases: &[(&str, &str)] = &[
            ("", code::tagvalue::EMPTY),
            ("  \t", code::tagvalue::EMPTY),
            ("v=DMARC1; p", code::tagvalue::MISSING_EQUALS),
            ("a=1;;", code::tagvalue::EMPTY_TAG),
            (";a=1", code::tagvalue::EMPTY_TAG),
            ("a=1; ;b=2", code::tagvalue::EMPTY_TAG),
            ("1%=a", code::tagvalue::BAD_NAME),
            ("=a", code::tagvalue::BAD_NAME),
            ("_x=a", code::tagvalue::BAD_NAME),
            ("a=b\u{e9}", code::tagvalue::BAD_CHAR),
            ("a=b\x01", code::tagvalue::BAD_CHAR),
        ];
        for (text, code) in cases {
            assert_eq!(parse(text).map(|_| ()).unwrap_err().code(), *code, "{text:?}");
        }
    }

    #[test]
    fn duplicates_by_rule() {
        let list = parse("p=1; P=2; p=3").unwrap();
        assert_eq!(list.duplicates(|a, b| a == b).len(), 1);
        assert_eq!(list.duplicates(|a, b| a.eq_ignore_ascii_case(b)).len(), 2);
    }

    #[test]
    fn every_code_is_in_the_catalogue() {
        for e in [
            TagListError::Empty,
            TagListError::MissingEquals {
                span: Span::new(0, 0),
            },
            TagListError::BadName {
                name: String::new(),
                span: Span::new(0, 0),
            },
            TagListError::EmptyTag {
                span: Span::new(0, 0),
            },
            TagListError::BadChar {
                ch: 'x',
                span: Span::new(0, 0),
            },
        ] {
            assert!(crate::i18n::lookup(e.code()).is_some(), "{}", e.code());
        }
    }

    #[test]
    fn extension_grammar() {
        assert!(is_extension_name("ext") && is_extension_name("1a_b-c.d"));
        assert!(!is_extension_name("a12345678901234567890123456789012"));
        assert!(!is_extension_name("_bad") && !is_extension_name(""));
        assert!(is_extension_value("yes") && !is_extension_value("=") && !is_extension_value("a b"));
        assert!(!is_extension_value(""));
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,400}") {
            let _ = parse(&s);
        }

        #[test]
        fn never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..400)) {
            let s = String::from_utf8_lossy(&b);
            if let Ok(list) = parse(&s) {
                for t in list.tags {
                    prop_assert_eq!(s.get(t.value_span.start..t.value_span.end), Some(t.value));
                }
            }
        }
    }
}

/// Why a versioned record (`v=<version>; ...`) is not one at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeadError {
    /// The text is an SPF record published at the wrong name.
    SpfRecord,
    /// The tag list does not parse.
    Syntax(TagListError),
    /// The first tag is not `v=<version>`.
    BadVersion { found: String, span: Span },
}

/// A parsed versioned tag list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Versioned<'a> {
    pub list: TagList<'a>,
    /// False when the version tag is right but the text does not start with
    /// it exactly (leading space, `v = X`): some receivers then discard it.
    pub exact_prefix: bool,
}

/// Parses a record whose first tag must be `v=<version>`: DMARC (RFC 9989
/// §4.7), MTA-STS (RFC 8461 §3.1), TLS-RPT (RFC 8460 §3). The tag name
/// compares case-insensitively (`v`), the version value case-sensitively.
/// A `v=spf1` text gets its own error, the commonest mix-up.
pub fn parse_versioned<'a>(text: &'a str, version: &str) -> Result<Versioned<'a>, HeadError> {
    let trimmed = text.trim_start_matches(is_space);
    if trimmed.get(..6).is_some_and(|s| s.eq_ignore_ascii_case("v=spf1")) {
        return Err(HeadError::SpfRecord);
    }
    let list = parse(text).map_err(HeadError::Syntax)?;
    match list.tags.first() {
        Some(t) if t.name.eq_ignore_ascii_case("v") && t.value == version => {
            let exact_prefix = text
                .strip_prefix("v=")
                .is_some_and(|rest| rest.starts_with(version));
            Ok(Versioned { list, exact_prefix })
        }
        Some(t) => Err(HeadError::BadVersion {
            found: format!("{}={}", t.name, t.value),
            span: t.span,
        }),
        None => Err(HeadError::Syntax(TagListError::Empty)),
    }
}
