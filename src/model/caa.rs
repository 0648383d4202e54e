//! CAA record data (RFC 8659): which certificate authorities may issue
//! certificates for a domain, e.g. `0 issue "letsencrypt.org"`.
//!
//! - §4.1: flags (one octet; 128 = issuer critical), a tag of 1–15 ASCII
//!   letters and digits matched case-insensitively, and a value.
//! - §4.1.1: presentation `flags tag value`, the value a quoted string or a
//!   bare word, not limited to 255 octets (it is the rest of the data).
//! - §4.2/§4.3: `issue`/`issuewild` value: an issuer domain name, optionally
//!   followed by `; name=value` parameters; empty (or `;`) forbids issuance.
//! - §4.4: `iodef` value: a mailto:, http: or https: URL.
//! - RFC 3597 §5: the generic form `\# len hex` is accepted (some DoH
//!   resolvers send CAA that way).

use crate::finding::Finding;
use crate::i18n::code;
use crate::model::name::Name;
use crate::model::presentation::{err, parse_generic, Fields, RdataError, RdataErrorKind};
use crate::model::txt::quote;
use std::fmt;

/// Longest tag, RFC 8659 §4.1.
pub const MAX_TAG: usize = 15;

/// The issuer-critical flag bit, RFC 8659 §4.1.
pub const CRITICAL: u8 = 128;

/// A CAA property tag. Known tags are kept lowercase; others as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CaaTag {
    /// `issue`, RFC 8659 §4.2.
    Issue,
    /// `issuewild`, RFC 8659 §4.3.
    IssueWild,
    /// `iodef`, RFC 8659 §4.4.
    Iodef,
    /// Any other tag (1–15 ASCII letters and digits).
    Other(String),
}

impl CaaTag {
    /// The tag from its text, checking RFC 8659 §4.1 syntax. `start` is the
    /// byte offset of `text` in the whole input, for error spans.
    pub fn parse(text: &str, start: usize) -> Result<CaaTag, RdataError> {
        if text.is_empty() {
            return Err(err(RdataErrorKind::MissingField { field: "tag" }, start, start));
        }
        if let Some((i, _)) = text.char_indices().find(|(_, c)| !c.is_ascii_alphanumeric()) {
            return Err(err(RdataErrorKind::CaaBadTag, start + i, start + text.len()));
        }
        if text.len() > MAX_TAG {
            return Err(err(
                RdataErrorKind::CaaTagTooLong { len: text.len() },
                start,
                start + text.len(),
            ));
        }
        Ok(match text.to_ascii_lowercase().as_str() {
            "issue" => CaaTag::Issue,
            "issuewild" => CaaTag::IssueWild,
            "iodef" => CaaTag::Iodef,
            _ => CaaTag::Other(text.to_string()),
        })
    }

    pub fn as_str(&self) -> &str {
        match self {
            CaaTag::Issue => "issue",
            CaaTag::IssueWild => "issuewild",
            CaaTag::Iodef => "iodef",
            CaaTag::Other(t) => t,
        }
    }
}

impl fmt::Display for CaaTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// CAA record data.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Caa {
    pub flags: u8,
    pub tag: CaaTag,
    /// The property value. Octets that are not UTF-8 (possible only through
    /// `\DDD` escapes or generic data) are replaced by U+FFFD.
    pub value: String,
}

impl Caa {
    /// `0 issue "<ca>"`: `ca` may issue certificates.
    pub fn issue(ca: &str) -> Caa {
        Caa {
            flags: 0,
            tag: CaaTag::Issue,
            value: ca.to_string(),
        }
    }

    /// `0 issuewild "<ca>"`: `ca` may issue wildcard certificates.
    pub fn issuewild(ca: &str) -> Caa {
        Caa {
            flags: 0,
            tag: CaaTag::IssueWild,
            value: ca.to_string(),
        }
    }

    /// `0 iodef "<url>"`: where CAs report refused requests.
    pub fn iodef(url: &str) -> Caa {
        Caa {
            flags: 0,
            tag: CaaTag::Iodef,
            value: url.to_string(),
        }
    }

    /// The same property with the issuer-critical flag set.
    pub fn critical(mut self) -> Caa {
        self.flags |= CRITICAL;
        self
    }

    pub fn is_critical(&self) -> bool {
        self.flags & CRITICAL != 0
    }

    /// Parses `flags tag value` or the RFC 3597 generic form.
    pub fn parse(text: &str) -> Result<Caa, RdataError> {
        if let Some(generic) = parse_generic(text) {
            let data = generic?;
            return Caa::from_wire(&data)
                .ok_or_else(|| err(RdataErrorKind::GenericMalformed { rtype: "CAA" }, 0, text.len()));
        }
        let mut fields = Fields::new(text);
        if fields.at_end() {
            return Err(err(RdataErrorKind::Empty, 0, text.len()));
        }
        let flags = fields.u8("flags")?;
        let tag_word = fields.word("tag")?;
        let tag = CaaTag::parse(tag_word.text, tag_word.start)?;
        let value = fields.character_string("value", None)?;
        fields.finish()?;
        Ok(Caa {
            flags,
            tag,
            value: String::from_utf8_lossy(&value).into_owned(),
        })
    }

    /// Decodes wire data: flags, tag length, tag, value (RFC 8659 §4.1).
    fn from_wire(data: &[u8]) -> Option<Caa> {
        let (&flags, rest) = data.split_first()?;
        let (&tag_len, rest) = rest.split_first()?;
        let tag_bytes = rest.get(..usize::from(tag_len))?;
        let value = rest.get(usize::from(tag_len)..)?;
        let tag = CaaTag::parse(std::str::from_utf8(tag_bytes).ok()?, 0).ok()?;
        Some(Caa {
            flags,
            tag,
            value: String::from_utf8_lossy(value).into_owned(),
        })
    }

    /// Findings about this property; `owner` is the domain it is published at.
    pub fn lint(&self, owner: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.flags & !CRITICAL != 0 {
            // RFC 8659 §4.1: the other flag bits are reserved and must be zero.
            out.push(
                Finding::warning(code::caa::RESERVED_FLAGS, owner, "RFC 8659 §4.1")
                    .arg("flags", self.flags)
                    .with_fix(
                        Caa {
                            flags: self.flags & CRITICAL,
                            ..self.clone()
                        }
                        .to_string(),
                    ),
            );
        }
        match &self.tag {
            CaaTag::Issue | CaaTag::IssueWild => lint_issuer_value(self, owner, &mut out),
            CaaTag::Iodef => {
                // RFC 8659 §4.4: mailto:, http: or https: URLs.
                let v = self.value.trim().to_ascii_lowercase();
                let ok = ["mailto:", "http://", "https://"]
                    .iter()
                    .any(|p| v.starts_with(p) && v.len() > p.len());
                if !ok {
                    out.push(
                        Finding::error(code::caa::BAD_IODEF, owner, "RFC 8659 §4.4")
                            .arg("value", &self.value),
                    );
                }
            }
            CaaTag::Other(tag) => {
                if self.is_critical() {
                    // RFC 8659 §4.1: a CA must not issue when it meets a
                    // critical property it does not understand.
                    out.push(
                        Finding::error(code::caa::UNKNOWN_CRITICAL, owner, "RFC 8659 §4.1")
                            .arg("tag", tag)
                            .with_fix(
                                Caa {
                                    flags: 0,
                                    ..self.clone()
                                }
                                .to_string(),
                            ),
                    );
                } else {
                    out.push(Finding::info(code::caa::UNKNOWN_TAG, owner, "RFC 8659 §4.1").arg("tag", tag));
                }
            }
        }
        out
    }
}

/// RFC 8659 §4.2: `issuer-domain-name *(";" name "=" value)`, all optional.
fn lint_issuer_value(caa: &Caa, owner: &str, out: &mut Vec<Finding>) {
    let mut parts = caa.value.split(';');
    let issuer = parts.next().unwrap_or("").trim();
    if issuer.is_empty() {
        out.push(Finding::info(code::caa::NO_ISSUANCE, owner, "RFC 8659 §4.2").arg("tag", &caa.tag));
    } else if Name::host(issuer).map_or(true, |n| n.label_count() < 2) {
        out.push(Finding::error(code::caa::BAD_ISSUER, owner, "RFC 8659 §4.2").arg("issuer", issuer));
    }
    for param in parts.map(str::trim).filter(|p| !p.is_empty()) {
        let ok = param.split_once('=').is_some_and(|(k, v)| {
            !k.trim().is_empty()
                && k.trim().chars().all(|c| c.is_ascii_alphanumeric())
                && v.trim().chars().all(|c| c.is_ascii_graphic() && c != ';')
        });
        if !ok {
            out.push(
                Finding::error(code::caa::BAD_PARAMETER, owner, "RFC 8659 §4.2").arg("parameter", param),
            );
        }
    }
}

impl fmt::Display for Caa {
    /// `0 issue "letsencrypt.org"`: the value always quoted (RFC 8659 §4.1.1).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.flags, self.tag, quote(self.value.as_bytes()))
    }
}

#[cfg(test)]
pub(crate) const CODES: &[&str] = &[
    code::caa::BAD_TAG,
    code::caa::TAG_TOO_LONG,
    code::caa::RESERVED_FLAGS,
    code::caa::UNKNOWN_CRITICAL,
    code::caa::UNKNOWN_TAG,
    code::caa::BAD_ISSUER,
    code::caa::BAD_PARAMETER,
    code::caa::BAD_IODEF,
    code::caa::NO_ISSUANCE,
    code::rdata::GENERIC_MALFORMED,
    code::rdata::GENERIC_LENGTH,
    code::rdata::BAD_HEX,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Severity, Span};
    use proptest::prelude::*;

    #[test]
    fn parses_and_prints() {
        let cases = [
            (
                r#"0 issue "letsencrypt.org""#,
                Caa::issue("letsencrypt.org"),
                r#"0 issue "letsencrypt.org""#,
            ),
            (
                r#"0 ISSUE "letsencrypt.org""#,
                Caa::issue("letsencrypt.org"),
                r#"0 issue "letsencrypt.org""#,
            ),
            ("0 issuewild ;", Caa::issuewild(";"), r#"0 issuewild ";""#),
            (
                r#"128 iodef "mailto:ca@example.com""#,
                Caa::iodef("mailto:ca@example.com").critical(),
                r#"128 iodef "mailto:ca@example.com""#,
            ),
            (
                r#"0 issue "comodoca.com" "#,
                Caa::issue("comodoca.com"),
                r#"0 issue "comodoca.com""#,
            ),
            (r#"0 issue """#, Caa::issue(""), r#"0 issue """#),
            (
                "0 issue \"ca.example; account=123\"",
                Caa::issue("ca.example; account=123"),
                "0 issue \"ca.example; account=123\"",
            ),
        ];
        for (text, want, printed) in cases {
            let got = Caa::parse(text).expect(text);
            assert_eq!(got, want, "{text}");
            assert_eq!(got.to_string(), printed);
        }
    }

    #[test]
    fn parses_generic_form() {
        // Vectors from tests/vectors/doh/FORMATS.md C-5 (Cloudflare, 2021) and workerd.
        let c5 = "\\# 21 00 05 69 73 73 75 65 67 6c 6f 62 61 6c 73 69 67 6e 2e 63 6f 6d";
        assert_eq!(Caa::parse(c5), Ok(Caa::issue("globalsign.com")));
        let w = "\\# 15 00 05 69 73 73 75 65 70 6b 69 2e 67 6f 6f 67";
        assert_eq!(Caa::parse(w), Ok(Caa::issue("pki.goog")));
        assert_eq!(
            Caa::parse("\\# 2 00 09").map_err(|e| e.code()),
            Err(code::rdata::GENERIC_MALFORMED)
        );
        assert_eq!(
            Caa::parse("\\# 3 00 01 2d").map_err(|e| e.code()),
            Err(code::rdata::GENERIC_MALFORMED)
        );
        assert_eq!(
            Caa::parse("\\# 3 00 01").map_err(|e| e.code()),
            Err(code::rdata::GENERIC_LENGTH)
        );
    }

    #[test]
    fn refusals() {
        let cases = [
            ("", code::rdata::EMPTY, Span::new(0, 0)),
            ("256 issue x", code::rdata::BAD_NUMBER, Span::new(0, 3)),
            ("0", code::rdata::MISSING_FIELD, Span::new(1, 1)),
            ("0 issue", code::rdata::MISSING_FIELD, Span::new(7, 7)),
            ("0 is-sue x", code::caa::BAD_TAG, Span::new(4, 8)),
            ("0 abcdefghijklmnop x", code::caa::TAG_TOO_LONG, Span::new(2, 18)),
            ("0 issue \"x", code::txt::UNTERMINATED_QUOTE, Span::new(8, 10)),
            ("0 issue x y", code::rdata::EXTRA_TEXT, Span::new(10, 11)),
        ];
        for (text, code, span) in cases {
            let e = Caa::parse(text).expect_err(text);
            assert_eq!((e.code(), e.span), (code, span), "{text}");
        }
    }

    fn codes(c: &Caa) -> Vec<&'static str> {
        c.lint("example.com").iter().map(|f| f.code).collect()
    }

    #[test]
    fn lint() {
        assert!(codes(&Caa::issue("letsencrypt.org")).is_empty());
        assert!(codes(&Caa::issue("letsencrypt.org; validationmethods=dns-01")).is_empty());
        assert!(codes(&Caa::iodef("https://ca-report.example.com/x")).is_empty());
        assert_eq!(codes(&Caa::issue(";")), vec![code::caa::NO_ISSUANCE]);
        assert_eq!(codes(&Caa::issue("")), vec![code::caa::NO_ISSUANCE]);
        assert_eq!(codes(&Caa::issue("not a ca")), vec![code::caa::BAD_ISSUER]);
        assert_eq!(codes(&Caa::issue("letsencrypt")), vec![code::caa::BAD_ISSUER]);
        assert_eq!(
            codes(&Caa::issue("ca.example; junk")),
            vec![code::caa::BAD_PARAMETER]
        );
        assert_eq!(codes(&Caa::iodef("ca@example.com")), vec![code::caa::BAD_IODEF]);
        assert_eq!(
            codes(&Caa::iodef("ftp://example.com")),
            vec![code::caa::BAD_IODEF]
        );
        let unknown = Caa::parse("0 tbs x").expect("parse");
        assert_eq!(codes(&unknown), vec![code::caa::UNKNOWN_TAG]);
        let critical = Caa::parse("128 future x").expect("parse");
        let f = critical.lint("example.com");
        assert_eq!(
            (f[0].code, f[0].severity),
            (code::caa::UNKNOWN_CRITICAL, Severity::Error)
        );
        assert_eq!(f[0].fix.as_deref(), Some("0 future \"x\""));
        let reserved = Caa {
            flags: 1,
            ..Caa::issue("letsencrypt.org")
        };
        assert_eq!(codes(&reserved), vec![code::caa::RESERVED_FLAGS]);
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

    fn valid_caa() -> impl Strategy<Value = Caa> {
        let tag = prop_oneof![
            Just(CaaTag::Issue),
            Just(CaaTag::IssueWild),
            Just(CaaTag::Iodef),
            "[a-zA-Z0-9]{1,15}".prop_map(|t| CaaTag::parse(&t, 0).expect("valid tag")),
        ];
        (any::<u8>(), tag, "\\PC{0,300}").prop_map(|(flags, tag, value)| Caa { flags, tag, value })
    }

    proptest! {
        #[test]
        fn round_trip(c in valid_caa()) {
            prop_assert_eq!(Caa::parse(&c.to_string()), Ok(c.clone()));
            for f in c.lint("example.com") {
                prop_assert!(crate::i18n::lookup(f.code).is_some(), "{}", f.code);
            }
        }

        #[test]
        fn never_panics(s in "\\PC{0,400}") {
            let _ = Caa::parse(&s);
            let _ = Caa::parse(&format!("0 issue {s}"));
        }

        #[test]
        fn never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = Caa::parse(&String::from_utf8_lossy(&b));
            let _ = Caa::from_wire(&b);
        }
    }
}
