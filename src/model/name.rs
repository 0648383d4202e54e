//! Domain names: validation, IDN to punycode, relative and absolute forms.
//!
//! Rules:
//! - RFC 1035 §2.3.4: a label is at most 63 octets, a name at most 255 octets
//!   on the wire, which is 253 characters in dotted form without the final dot.
//! - RFC 1123 §2.1 / RFC 952: host names are LDH (letters, digits, hyphen),
//!   and a label neither starts nor ends with a hyphen.
//! - RFC 2181 §11: DNS itself allows any octet; underscore labels such as
//!   `_dmarc` or `_25._tcp` are how service records are named (RFC 8552), so
//!   they are allowed where the record needs them ([`NameKind::Service`]).
//! - RFC 4343: names compare case-insensitively. Names are kept lowercase.
//! - RFC 5890/5891 (IDNA 2008, via UTS #46 in `crate::idn`): a name with
//!   non-ASCII characters is stored as its A-label (punycode) form.
//! - RFC 2606 / RFC 6761: `.test`, `.example`, `.invalid`, `.localhost` are
//!   reserved; they are accepted with a warning.

use crate::finding::Finding;
use crate::i18n::code;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest label, RFC 1035 §2.3.4.
pub const MAX_LABEL: usize = 63;
/// Longest name in dotted form without the trailing dot (255 octets on the wire).
pub const MAX_NAME: usize = 253;

/// Which characters a name's labels may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    /// A host name (mail host, MX target): LDH only.
    Host,
    /// An owner name of a service record: labels may also start with `_`
    /// (`_dmarc`, `s1._domainkey`, `_25._tcp.mail`), and the leftmost label
    /// may be the wildcard `*` (RFC 4592 §2.1.1).
    Service,
    /// Any name DNS itself carries (RFC 1035 §2.3.4 lengths, RFC 2181 §11:
    /// any octet): labels of printable ASCII other than dot and space.
    /// Used for names received from DNS (MX and PTR targets, SPF macro
    /// expansions) so that a bad one can be held and reported instead of
    /// refused: `192.0.2.1.` as an MX target is a name here. No IDN
    /// conversion is done: non-ASCII input is refused, `xn--` labels are
    /// kept as they are, presentation escapes (`\032`) are kept literally.
    Dns,
}

/// Why a name was refused. `pos` is a byte offset into the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameError {
    Empty,
    EmptyLabel { pos: usize },
    LabelTooLong { label: String, len: usize, pos: usize },
    NameTooLong { len: usize },
    BadChar { ch: char, pos: usize },
    HyphenEdge { label: String, pos: usize },
    Underscore { label: String, pos: usize },
    AllNumericTld { label: String },
    IpLiteral,
    Idna { input: String },
}

impl NameError {
    /// Stable code, the catalogue key.
    pub fn code(&self) -> &'static str {
        match self {
            NameError::Empty => code::name::EMPTY,
            NameError::EmptyLabel { .. } => code::name::EMPTY_LABEL,
            NameError::LabelTooLong { .. } => code::name::LABEL_TOO_LONG,
            NameError::NameTooLong { .. } => code::name::TOO_LONG,
            NameError::BadChar { .. } => code::name::BAD_CHAR,
            NameError::HyphenEdge { .. } => code::name::HYPHEN_EDGE,
            NameError::Underscore { .. } => code::name::UNDERSCORE,
            NameError::AllNumericTld { .. } => code::name::NUMERIC_TLD,
            NameError::IpLiteral => code::name::IP_LITERAL,
            NameError::Idna { .. } => code::name::BAD_IDN,
        }
    }

    /// The error as an error finding about `subject`, for the UI and reports.
    pub fn to_finding(&self, subject: &str) -> Finding {
        let rfc = match self {
            NameError::Idna { .. } => "RFC 5891 §4",
            NameError::Underscore { .. } | NameError::HyphenEdge { .. } | NameError::BadChar { .. } => {
                "RFC 1123 §2.1"
            }
            NameError::AllNumericTld { .. } => "RFC 3696 §2",
            _ => "RFC 1035 §2.3.4",
        };
        let mut f = Finding::error(self.code(), subject, rfc);
        match self {
            NameError::EmptyLabel { pos } => f = f.arg("pos", pos),
            NameError::LabelTooLong { label, len, .. } => f = f.arg("label", label).arg("len", len),
            NameError::NameTooLong { len } => f = f.arg("len", len),
            NameError::BadChar { ch, pos } => f = f.arg("ch", ch.escape_default()).arg("pos", pos),
            NameError::HyphenEdge { label, .. }
            | NameError::Underscore { label, .. }
            | NameError::AllNumericTld { label } => f = f.arg("label", label),
            _ => {}
        }
        f
    }
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for NameError {}

/// A valid, absolute domain name in A-label form, lowercase, kept without
/// the trailing dot. The root is the empty name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Name {
    ascii: String,
}

impl Name {
    /// The root name `.` (the target of a null MX, RFC 7505).
    pub fn root() -> Name {
        Name { ascii: String::new() }
    }

    /// Parses a name of the given kind. Accepts a trailing dot, any case,
    /// and Unicode (converted to punycode). `.` alone is the root.
    pub fn parse(input: &str, kind: NameKind) -> Result<Name, NameError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(NameError::Empty);
        }
        if trimmed == "." {
            return Ok(Name::root());
        }
        let body = trimmed.strip_suffix('.').unwrap_or(trimmed);
        if kind == NameKind::Dns {
            let ascii = body.to_ascii_lowercase();
            check_dns_labels(&ascii)?;
            return Ok(Name { ascii });
        }
        if is_ip_literal(body) {
            return Err(NameError::IpLiteral);
        }
        // RFC 1035 §2.3.4 counts octets of the A-label form, and every
        // character of a U-label becomes at least one A-label octet, so a
        // Unicode name of more than 253 characters can never fit. Refusing
        // it here keeps a pasted wall of text from reaching IDNA (which
        // gives up on very long input with a less helpful error).
        if !body.is_ascii() {
            let chars = body.chars().count();
            if chars > MAX_NAME {
                return Err(NameError::NameTooLong { len: chars });
            }
        }
        let ascii = if body.is_ascii()
            && !body
                .split('.')
                .any(|l| l.len() >= 4 && l[..4].eq_ignore_ascii_case("xn--"))
        {
            body.to_ascii_lowercase()
        } else {
            let ascii = to_ascii(body)?;
            // An A-label must encode a valid U-label (RFC 5891 §4.2.3.1,
            // §5.4): `xn--xn--a-8x9a` decodes to `xn--ᳵa`, hyphens in
            // positions 3 and 4, which does not encode back.
            let round_trip = crate::idn::decode(&ascii)
                .ok()
                .and_then(|unicode| to_ascii(&unicode).ok());
            if round_trip.as_deref() != Some(ascii.as_str()) {
                return Err(NameError::Idna {
                    input: body.to_string(),
                });
            }
            ascii
        };
        check_labels(&ascii, kind)?;
        Ok(Name { ascii })
    }

    /// A host name (LDH labels).
    pub fn host(input: &str) -> Result<Name, NameError> {
        Name::parse(input, NameKind::Host)
    }

    /// An owner name that may have underscore labels.
    pub fn service(input: &str) -> Result<Name, NameError> {
        Name::parse(input, NameKind::Service)
    }

    /// Any name DNS can carry ([`NameKind::Dns`]), for names read from answers.
    pub fn dns(input: &str) -> Result<Name, NameError> {
        Name::parse(input, NameKind::Dns)
    }

    /// Why this name is not a valid host name (RFC 1123 §2.1), if it is not:
    /// what the linters report about a name received with [`NameKind::Dns`].
    pub fn host_name_error(&self) -> Option<NameError> {
        if self.is_root() {
            return None;
        }
        Name::host(&self.ascii).err()
    }

    /// True if the leftmost label is the wildcard `*` (RFC 4592 §2.1.1).
    pub fn is_wildcard(&self) -> bool {
        self.ascii == "*" || self.ascii.starts_with("*.")
    }

    /// Resolves a name written relative to `origin` the way DNS panels and
    /// zone files do: `@` or empty is the origin itself, a name ending in
    /// `.` is absolute, anything else is prefixed to the origin.
    pub fn from_relative(input: &str, origin: &Name, kind: NameKind) -> Result<Name, NameError> {
        let t = input.trim();
        if t.is_empty() || t == "@" {
            return Ok(origin.clone());
        }
        if t.ends_with('.') {
            return Name::parse(t, kind);
        }
        if origin.is_root() {
            return Name::parse(t, kind);
        }
        Name::parse(&format!("{t}.{}", origin.ascii), kind)
    }

    /// The name without trailing dot, e.g. `mail.example.com`; empty for the root.
    pub fn as_str(&self) -> &str {
        &self.ascii
    }

    /// The absolute form with the trailing dot, as in a zone file.
    pub fn fqdn(&self) -> String {
        format!("{}.", self.ascii)
    }

    pub fn is_root(&self) -> bool {
        self.ascii.is_empty()
    }

    /// The labels from left to right.
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        self.ascii.split('.').filter(|l| !l.is_empty())
    }

    pub fn label_count(&self) -> usize {
        self.labels().count()
    }

    /// True if `self` equals `other` or lies below it.
    pub fn is_subdomain_of(&self, other: &Name) -> bool {
        if other.is_root() || self.ascii == other.ascii {
            return true;
        }
        self.ascii.len() > other.ascii.len()
            && self.ascii.ends_with(&other.ascii)
            && self.ascii.as_bytes()[self.ascii.len() - other.ascii.len() - 1] == b'.'
    }

    /// The form a DNS panel wants relative to `origin`: `@` for the origin
    /// itself, the leading labels for a name below it, and the absolute form
    /// with trailing dot for a name elsewhere.
    pub fn relative_to(&self, origin: &Name) -> String {
        if self.ascii == origin.ascii {
            "@".to_string()
        } else if !origin.is_root() && self.is_subdomain_of(origin) {
            self.ascii[..self.ascii.len() - origin.ascii.len() - 1].to_string()
        } else {
            self.fqdn()
        }
    }

    /// `label.self`; fails if the result is not a valid name.
    pub fn prepend(&self, label: &str, kind: NameKind) -> Result<Name, NameError> {
        if self.is_root() {
            Name::parse(label, kind)
        } else {
            Name::parse(&format!("{label}.{}", self.ascii), kind)
        }
    }

    /// The name one label up, `None` at the root.
    pub fn parent(&self) -> Option<Name> {
        if self.is_root() {
            return None;
        }
        Some(match self.ascii.split_once('.') {
            Some((_, rest)) => Name {
                ascii: rest.to_string(),
            },
            None => Name::root(),
        })
    }

    /// The Unicode form for display (U-labels), or the ASCII form if it has none.
    pub fn to_unicode(&self) -> String {
        crate::idn::to_unicode(&self.ascii)
    }

    /// The reserved top-level domain this name is under, if any (RFC 2606, RFC 6761).
    pub fn reserved_tld(&self) -> Option<&'static str> {
        let tld = self.labels().last()?;
        ["test", "example", "invalid", "localhost"]
            .into_iter()
            .find(|r| *r == tld)
    }

    /// Warnings that do not make the name invalid.
    pub fn lint(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        if let Some(tld) = self.reserved_tld() {
            out.push(
                Finding::warning(code::name::RESERVED_TLD, self.as_str(), "RFC 6761 §6").arg("tld", tld),
            );
        }
        out
    }
}

impl fmt::Display for Name {
    /// The zone-file form: absolute, with the trailing dot.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.", self.ascii)
    }
}

impl TryFrom<String> for Name {
    type Error = NameError;
    /// A service name ([`Name::service`]); the empty string is the root,
    /// as `From<Name> for String` writes it, so that every name the page
    /// makes (the domain `.` included) reads back from JSON.
    fn try_from(s: String) -> Result<Self, Self::Error> {
        if s.is_empty() {
            return Ok(Name::root());
        }
        Name::service(&s)
    }
}

impl From<Name> for String {
    fn from(n: Name) -> String {
        n.ascii
    }
}

impl std::str::FromStr for Name {
    type Err = NameError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Name::service(s)
    }
}

/// True for text that is an IP address rather than a name: anything the
/// standard parser reads, an address in brackets (`[192.0.2.1]`, the SMTP
/// address literal of RFC 5321 §4.1.3), a dotted quad with leading zeros
/// (`010.0.0.1`, which `inet_aton` reads as octal), and an IPv6 address with
/// a `%zone` suffix (RFC 4007 §11).
fn is_ip_literal(body: &str) -> bool {
    if body.parse::<std::net::IpAddr>().is_ok() || (body.starts_with('[') && body.ends_with(']')) {
        return true;
    }
    let quad = body.split('.').count() == 4
        && body
            .split('.')
            .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    let zoned = body
        .split_once('%')
        .is_some_and(|(addr, _)| addr.parse::<std::net::Ipv6Addr>().is_ok());
    quad || zoned
}

fn to_ascii(body: &str) -> Result<String, NameError> {
    // UTS #46 processing with transitional handling off (IDNA 2008 behaviour)
    // and STD3 rules off here: the label rules are checked below, per kind.
    crate::idn::to_ascii(body).map_err(|_| NameError::Idna {
        input: body.to_string(),
    })
}

fn check_labels(ascii: &str, kind: NameKind) -> Result<(), NameError> {
    if ascii.len() > MAX_NAME {
        return Err(NameError::NameTooLong { len: ascii.len() });
    }
    let mut pos = 0;
    let mut last = "";
    for (index, label) in ascii.split('.').enumerate() {
        if label.is_empty() {
            return Err(NameError::EmptyLabel { pos });
        }
        // RFC 4592 §2.1.1: a wildcard is the label `*`, leftmost only.
        if index == 0 && label == "*" && kind == NameKind::Service {
            pos += 2;
            continue;
        }
        if label.len() > MAX_LABEL {
            return Err(NameError::LabelTooLong {
                label: label.to_string(),
                len: label.len(),
                pos,
            });
        }
        for (i, ch) in label.char_indices() {
            let ok = ch.is_ascii_alphanumeric() || ch == '-' || ch == '_';
            if !ok {
                return Err(NameError::BadChar { ch, pos: pos + i });
            }
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(NameError::HyphenEdge {
                label: label.to_string(),
                pos,
            });
        }
        if label.contains('_') && kind == NameKind::Host {
            return Err(NameError::Underscore {
                label: label.to_string(),
                pos,
            });
        }
        pos += label.len() + 1;
        last = label;
    }
    // RFC 3696 §2: a top-level domain is never all-numeric. This also keeps
    // a mistyped IPv4 address such as `192.0.2` from passing as a name.
    if ascii.contains('.') && last.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NameError::AllNumericTld {
            label: last.to_string(),
        });
    }
    Ok(())
}

/// The syntax DNS itself allows (RFC 1035 §2.3.4 lengths; RFC 2181 §11: any
/// octet, here restricted to printable ASCII other than dot and space, since
/// that is what presentation text without escapes can hold).
fn check_dns_labels(ascii: &str) -> Result<(), NameError> {
    if ascii.len() > MAX_NAME {
        return Err(NameError::NameTooLong { len: ascii.len() });
    }
    let mut pos = 0;
    for label in ascii.split('.') {
        if label.is_empty() {
            return Err(NameError::EmptyLabel { pos });
        }
        if label.len() > MAX_LABEL {
            return Err(NameError::LabelTooLong {
                label: label.to_string(),
                len: label.len(),
                pos,
            });
        }
        if let Some((i, ch)) = label.char_indices().find(|(_, c)| !c.is_ascii_graphic()) {
            return Err(NameError::BadChar { ch, pos: pos + i });
        }
        pos += label.len() + 1;
    }
    Ok(())
}

/// Compares two names as DNS does: case-insensitive, trailing dot ignored.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim_end_matches('.')
        .eq_ignore_ascii_case(b.trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by `cargo fuzz` (target `name`): an A-label whose U-label starts
    /// `xn--` was accepted, and its Unicode form did not parse back.
    #[test]
    fn a_label_of_an_invalid_u_label_is_refused() {
        assert!(matches!(
            Name::host("xn--xn--A-8x9a"),
            Err(NameError::Idna { .. })
        ));
        let n = Name::host("xn--bcher-kva.de").expect("a valid A-label");
        assert_eq!(Name::host(&n.to_unicode()), Ok(n));
    }

    #[test]
    fn names_the_page_makes_read_back_from_json() {
        let names = [
            Name::host("."),
            Name::host("Bücher.example"),
            Name::service("_dmarc.example.com"),
            Name::service("*.example.com"),
            Name::service("s1._domainkey.example.com"),
        ];
        for n in names.into_iter().map(|n| n.expect("name")) {
            let text = serde_json::to_string(&n).expect("json");
            assert_eq!(serde_json::from_str::<Name>(&text).ok(), Some(n), "{text}");
        }
        assert!(serde_json::from_str::<Name>("\"a..b\"").is_err());
    }

    #[test]
    fn accepts_common_forms() {
        for (input, want) in [
            ("example.com", "example.com"),
            ("Example.COM.", "example.com"),
            ("  mail.example.com ", "mail.example.com"),
            ("a-b.example", "a-b.example"),
            ("xn--fiqs8s", "xn--fiqs8s"),
        ] {
            assert_eq!(
                Name::host(input).map(|n| n.as_str().to_string()),
                Ok(want.to_string()),
                "{input}"
            );
        }
    }

    #[test]
    fn idn_becomes_punycode() {
        let n = Name::host("邮件.中国").expect("valid IDN");
        assert_eq!(n.as_str(), "xn--5nq051n.xn--fiqs8s");
        assert_eq!(n.to_unicode(), "邮件.中国");
        assert_eq!(
            Name::host("Bücher.example").expect("idn").as_str(),
            "xn--bcher-kva.example"
        );
    }

    #[test]
    fn refuses_bad_names_with_specific_errors() {
        let long_label = "a".repeat(64);
        let long_name = format!("{}.com", ["abcdefghi"; 26].join("."));
        let cases: Vec<(&str, &str)> = vec![
            ("", code::name::EMPTY),
            ("a..b", code::name::EMPTY_LABEL),
            (".a", code::name::EMPTY_LABEL),
            (&long_label, code::name::LABEL_TOO_LONG),
            (&long_name, code::name::TOO_LONG),
            ("a b.com", code::name::BAD_CHAR),
            ("a@b.com", code::name::BAD_CHAR),
            ("-a.com", code::name::HYPHEN_EDGE),
            ("a-.com", code::name::HYPHEN_EDGE),
            ("_dmarc.example.com", code::name::UNDERSCORE),
            ("192.0.2.1", code::name::IP_LITERAL),
            ("2001:db8::1", code::name::IP_LITERAL),
            ("[192.0.2.1]", code::name::IP_LITERAL),
            ("192.0.2", code::name::NUMERIC_TLD),
            ("010.0.0.1", code::name::IP_LITERAL),
            ("192.000.002.001", code::name::IP_LITERAL),
            ("fe80::1%eth0", code::name::IP_LITERAL),
            ("1.2.3.4.5", code::name::NUMERIC_TLD),
            ("xn--zz.com", code::name::BAD_IDN),
        ];
        for (input, code) in cases {
            let got = Name::host(input).map_err(|e| e.code());
            assert_eq!(got, Err(code), "{input:?}");
        }
    }

    #[test]
    fn a_pasted_wall_of_unicode_is_too_long_not_bad_idn() {
        // Distinct CJK characters, no dots: IDNA would give up on it.
        let wall: String = (0..5000u32).filter_map(|i| char::from_u32(0x4e00 + i)).collect();
        assert_eq!(Name::host(&wall), Err(NameError::NameTooLong { len: 5000 }));
        // Under the limit it still goes through IDNA, and the A-label is what is measured.
        let short: String = (0..40u32)
            .filter_map(|i| char::from_u32(0x4e00 + i * 7))
            .collect();
        assert_eq!(
            Name::host(&short).map_err(|e| e.code()),
            Err(code::name::LABEL_TOO_LONG)
        );
    }

    #[test]
    fn limits_are_inclusive() {
        let label63 = "a".repeat(63);
        assert!(Name::host(&format!("{label63}.com")).is_ok());
        // 4 labels of 63 + 3 dots = 255 > 253; 61 + 3*63 + 3 = 253.
        let name253 = format!("{}.{}.{}.{}", "a".repeat(61), label63, label63, label63);
        assert_eq!(name253.len(), 253);
        assert!(Name::host(&name253).is_ok());
        assert!(Name::host(&format!("a{name253}")).is_err());
    }

    #[test]
    fn service_names_allow_underscores() {
        let n = Name::service("s202611._domainkey.example.com").expect("valid");
        assert_eq!(n.label_count(), 4);
        assert!(Name::service("_25._tcp.mail.example.com").is_ok());
    }

    #[test]
    fn dns_kind_holds_what_dns_carries() {
        for (input, want) in [
            ("192.0.2.1.", "192.0.2.1"),
            ("_spf.Example.com", "_spf.example.com"),
            ("*.example.com.", "*.example.com"),
            ("-odd-.example", "-odd-.example"),
            ("a!b#c.example", "a!b#c.example"),
            ("xn--zz.com", "xn--zz.com"),
            (".", ""),
        ] {
            let n = Name::dns(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(n.as_str(), want, "{input}");
        }
        let long_label = "a".repeat(64);
        for (input, code) in [
            ("", code::name::EMPTY),
            ("a..b", code::name::EMPTY_LABEL),
            (long_label.as_str(), code::name::LABEL_TOO_LONG),
            ("a b.com", code::name::BAD_CHAR),
            ("bücher.example", code::name::BAD_CHAR),
        ] {
            assert_eq!(Name::dns(input).map_err(|e| e.code()), Err(code), "{input:?}");
        }
        let ip = Name::dns("192.0.2.1").expect("dns name");
        assert_eq!(ip.host_name_error(), Some(NameError::IpLiteral));
        assert_eq!(ip.to_string(), "192.0.2.1.");
        assert_eq!(
            Name::dns("_x.example.com")
                .expect("n")
                .host_name_error()
                .map(|e| e.code()),
            Some(code::name::UNDERSCORE)
        );
        assert_eq!(Name::dns("mail.example.com").expect("n").host_name_error(), None);
        assert_eq!(Name::root().host_name_error(), None);
    }

    #[test]
    fn service_names_allow_a_leading_wildcard() {
        let w = Name::service("*.Example.com.").expect("wildcard");
        assert_eq!((w.as_str(), w.is_wildcard()), ("*.example.com", true));
        assert!(Name::service("*").is_ok());
        assert!(Name::service("a.*.example.com").is_err());
        assert!(Name::service("**.example.com").is_err());
        assert!(Name::host("*.example.com").is_err());
        assert!(!Name::host("example.com").expect("n").is_wildcard());
    }

    #[test]
    fn relative_and_absolute_forms() {
        let origin = Name::host("example.com").expect("valid");
        let mail = Name::from_relative("mail", &origin, NameKind::Host).expect("valid");
        assert_eq!(mail.fqdn(), "mail.example.com.");
        assert_eq!(mail.to_string(), "mail.example.com.");
        assert_eq!(mail.relative_to(&origin), "mail");
        assert_eq!(origin.relative_to(&origin), "@");
        assert_eq!(
            Name::from_relative("@", &origin, NameKind::Host),
            Ok(origin.clone())
        );
        let other = Name::from_relative("mx.other.net.", &origin, NameKind::Host).expect("valid");
        assert_eq!(other.relative_to(&origin), "mx.other.net.");
        // a name that merely ends with the same characters is not below it
        let tricky = Name::host("notexample.com").expect("valid");
        assert!(!tricky.is_subdomain_of(&origin));
        assert_eq!(tricky.relative_to(&origin), "notexample.com.");
    }

    #[test]
    fn parent_walks_up_to_root() {
        let n = Name::host("a.b.example").expect("valid");
        let p = n.parent().expect("has parent");
        assert_eq!(p.as_str(), "b.example");
        assert_eq!(Name::host("example").expect("valid").parent(), Some(Name::root()));
        assert_eq!(Name::root().parent(), None);
        assert_eq!(Name::root().fqdn(), ".");
        assert_eq!(Name::host("."), Ok(Name::root()));
    }

    #[test]
    fn reserved_tlds_warn() {
        let f = Name::host("mail.example").expect("valid").lint();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, code::name::RESERVED_TLD);
        assert!(Name::host("example.com").expect("valid").lint().is_empty());
        assert!(!Name::host("x.localhost").expect("valid").lint().is_empty());
    }

    #[test]
    fn comparison_ignores_case_and_dot() {
        assert!(same_name("Mail.Example.com.", "mail.example.com"));
        assert!(!same_name("mail.example.com", "mail.example.org"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,300}") {
            let _ = Name::host(&s);
            let _ = Name::service(&s);
            if let Ok(n) = Name::dns(&s) {
                proptest::prop_assert_eq!(Name::dns(&n.fqdn()), Ok(n.clone()));
                let _ = n.host_name_error();
            }
        }

        #[test]
        fn never_panics_on_bytes(b in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300)) {
            let s = String::from_utf8_lossy(&b);
            let _ = Name::dns(&s);
            let _ = Name::service(&s);
        }

        #[test]
        fn parse_print_round_trip(labels in proptest::collection::vec("[a-z0-9]{1,10}(-[a-z0-9]{1,10})?", 1..6)) {
            let text = format!("{}.net", labels.join("."));
            let n = Name::host(&text).expect("generated names are valid");
            proptest::prop_assert_eq!(Name::host(&n.fqdn()), Ok(n.clone()));
            proptest::prop_assert_eq!(n.as_str(), text.as_str());
        }
    }
}
