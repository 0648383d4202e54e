//! MX record data: where mail for a domain is delivered.
//!
//! - RFC 1035 §3.3.9: `preference exchange`, the lowest preference tried first.
//! - RFC 5321 §5.1 / RFC 2181 §10.3: the exchange is a host name with
//!   address records, never an IP literal and never an alias (CNAME).
//! - RFC 7505: the null MX `0 .` says the domain accepts no mail; it must be
//!   the only MX of its domain (§3).

use crate::finding::Finding;
use crate::i18n::code;
use crate::model::name::{Name, NameError, NameKind};
use crate::model::presentation::{Fields, RdataError, RdataErrorKind};
use std::fmt;

/// MX record data.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mx {
    pub preference: u16,
    pub exchange: Name,
}

impl Mx {
    pub fn new(preference: u16, exchange: Name) -> Mx {
        Mx { preference, exchange }
    }

    /// The null MX `0 .` (RFC 7505 §3): this domain accepts no mail.
    pub fn null() -> Mx {
        Mx::new(0, Name::root())
    }

    /// True when the exchange is the root (a null MX, whatever its preference).
    pub fn is_null(&self) -> bool {
        self.exchange.is_root()
    }

    /// Parses `preference exchange`, e.g. `10 mail.example.com.`.
    pub fn parse(text: &str) -> Result<Mx, RdataError> {
        let mut fields = Fields::new(text);
        if fields.at_end() {
            return Err(RdataError::new(
                RdataErrorKind::Empty,
                crate::finding::Span::new(0, text.len()),
            ));
        }
        let preference = fields.u16("preference")?;
        let word = fields.word("exchange")?;
        let exchange = Name::parse(word.text, NameKind::Host).map_err(|error| {
            // RFC 7505 §3 / RFC 5321 §5.1: an MX names a host, not an address.
            let kind = if error == NameError::IpLiteral {
                RdataErrorKind::MxIpLiteral
            } else {
                RdataErrorKind::BadName {
                    field: "exchange",
                    error,
                }
            };
            RdataError::new(kind, word.span())
        })?;
        fields.finish()?;
        Ok(Mx { preference, exchange })
    }

    /// Findings about this one record; `owner` is the domain it is published at.
    pub fn lint(&self, owner: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.is_null() {
            if self.preference != 0 {
                // RFC 7505 §3: the null MX has preference 0.
                out.push(
                    Finding::warning(code::mx::NULL_PREFERENCE, owner, "RFC 7505 §3")
                        .arg("preference", self.preference)
                        .with_fix(Mx::null().to_string()),
                );
            }
        } else {
            // A name read from DNS ([`NameKind::Dns`]) may be anything DNS
            // carries; an MX exchange must be a host name (RFC 5321 §2.3.5)
            // and never an address (RFC 5321 §5.1, RFC 7505 §3 on `0 .`).
            match self.exchange.host_name_error() {
                Some(NameError::IpLiteral) | Some(NameError::AllNumericTld { .. }) => out.push(
                    Finding::error(code::mx::IP_LITERAL, owner, "RFC 5321 §5.1")
                        .arg("target", self.exchange.as_str()),
                ),
                Some(e) => out.push(e.to_finding(self.exchange.as_str())),
                None => {}
            }
            out.extend(self.exchange.lint());
        }
        out
    }
}

impl fmt::Display for Mx {
    /// `10 mail.example.com.` / `0 .`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.preference, self.exchange)
    }
}

/// Findings about all MX records of one domain (the RRset), including each
/// record's own findings. An empty set gets none here: a domain without MX
/// falls back to its address records (RFC 5321 §5.1), which the checker
/// judges with the A/AAAA data in hand.
pub fn lint_mx_set(owner: &str, set: &[Mx]) -> Vec<Finding> {
    let mut out: Vec<Finding> = set.iter().flat_map(|mx| mx.lint(owner)).collect();
    if set.iter().any(Mx::is_null) && set.len() > 1 {
        // RFC 7505 §3: "A domain that advertises a null MX MUST NOT advertise any other MX RR."
        out.push(
            Finding::error(code::mx::NULL_WITH_OTHERS, owner, "RFC 7505 §3")
                .arg("count", set.len() - 1)
                .with_fix(Mx::null().to_string()),
        );
    }
    // Each host with its preferences, in the order the set names them (a
    // set is a few records: a list, not a map, and no sort to link).
    let mut seen: Vec<(&Name, Vec<u16>)> = Vec::new();
    for mx in set.iter().filter(|mx| !mx.is_null()) {
        match seen.iter_mut().find(|(name, _)| **name == mx.exchange) {
            Some((_, prefs)) => prefs.push(mx.preference),
            None => seen.push((&mx.exchange, vec![mx.preference])),
        }
    }
    for (name, prefs) in seen.into_iter().filter(|(_, p)| p.len() > 1) {
        // RFC 5321 §5.1: the list is of hosts; naming one twice adds nothing
        // (and an identical record twice is one record, RFC 2181 §5).
        let list = prefs.iter().map(u16::to_string).collect::<Vec<_>>().join(", ");
        out.push(
            Finding::warning(code::mx::DUPLICATE_TARGET, owner, "RFC 5321 §5.1")
                .arg("target", name.as_str())
                .arg("preferences", list),
        );
    }
    out
}

/// The finding for an MX whose exchange turned out to be an alias: the
/// checker calls this when a lookup of `exchange` returned a CNAME to
/// `canonical`. RFC 2181 §10.3: the exchange "MUST NOT" be an alias, so it
/// is an error, although most senders cope (some refuse).
pub fn target_cname_finding(exchange: &Name, canonical: &Name) -> Finding {
    Finding::error(code::mx::TARGET_CNAME, exchange.as_str(), "RFC 2181 §10.3")
        .arg("target", exchange.as_str())
        .arg("canonical", canonical.as_str())
}

#[cfg(test)]
pub(crate) const CODES: &[&str] = &[
    code::mx::NULL_PREFERENCE,
    code::mx::NULL_WITH_OTHERS,
    code::mx::DUPLICATE_TARGET,
    code::mx::TARGET_CNAME,
    code::mx::IP_LITERAL,
    code::rdata::EMPTY,
    code::rdata::MISSING_FIELD,
    code::rdata::EXTRA_TEXT,
    code::rdata::BAD_NUMBER,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Severity, Span};
    use proptest::prelude::*;

    fn mx(p: u16, host: &str) -> Mx {
        Mx::new(p, Name::host(host).expect("valid host"))
    }

    #[test]
    fn parses_and_prints() {
        let cases = [
            (
                "10 mail.example.com.",
                mx(10, "mail.example.com"),
                "10 mail.example.com.",
            ),
            (
                "  5   Gmail-SMTP-in.l.google.com  ",
                mx(5, "gmail-smtp-in.l.google.com"),
                "5 gmail-smtp-in.l.google.com.",
            ),
            ("0 .", Mx::null(), "0 ."),
            (
                "65535 mx.example.net.",
                mx(65535, "mx.example.net"),
                "65535 mx.example.net.",
            ),
        ];
        for (text, want, printed) in cases {
            let got = Mx::parse(text).expect(text);
            assert_eq!(got, want, "{text}");
            assert_eq!(got.to_string(), printed);
        }
        assert!(Mx::parse("0 .").expect("null").is_null());
    }

    #[test]
    fn refusals() {
        let cases = [
            ("", code::rdata::EMPTY, Span::new(0, 0)),
            ("10", code::rdata::MISSING_FIELD, Span::new(2, 2)),
            ("mail.example.com.", code::rdata::BAD_NUMBER, Span::new(0, 17)),
            ("65536 mx.example.com.", code::rdata::BAD_NUMBER, Span::new(0, 5)),
            ("10 192.0.2.1", code::mx::IP_LITERAL, Span::new(3, 12)),
            ("10 [2001:db8::1]", code::mx::IP_LITERAL, Span::new(3, 16)),
            ("10 _mx.example.com.", code::name::UNDERSCORE, Span::new(3, 19)),
            (
                "10 mx.example.com. extra",
                code::rdata::EXTRA_TEXT,
                Span::new(19, 24),
            ),
        ];
        for (text, code, span) in cases {
            let e = Mx::parse(text).expect_err(text);
            assert_eq!((e.code(), e.span), (code, span), "{text}");
        }
    }

    fn codes(set: &[Mx]) -> Vec<&'static str> {
        lint_mx_set("example.com", set).iter().map(|f| f.code).collect()
    }

    #[test]
    fn set_lint() {
        assert!(codes(&[mx(10, "mx1.example.com"), mx(20, "mx2.example.com")]).is_empty());
        assert!(
            codes(&[mx(10, "mx1.example.com"), mx(10, "mx2.example.com")]).is_empty(),
            "equal preferences are fine"
        );
        assert!(codes(&[Mx::null()]).is_empty());
        assert!(codes(&[]).is_empty());
        assert_eq!(
            codes(&[Mx::null(), mx(10, "mx.example.com")]),
            vec![code::mx::NULL_WITH_OTHERS]
        );
        assert_eq!(
            codes(&[Mx::new(10, Name::root())]),
            vec![code::mx::NULL_PREFERENCE]
        );
        assert_eq!(
            codes(&[Mx::new(10, Name::root()), mx(5, "mail.example")]),
            vec![
                code::mx::NULL_PREFERENCE,
                code::name::RESERVED_TLD,
                code::mx::NULL_WITH_OTHERS
            ]
        );
        let f = lint_mx_set(
            "example.com",
            &[mx(10, "mx.example.com"), mx(20, "mx.example.com")],
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, code::mx::DUPLICATE_TARGET);
        assert_eq!(f[0].get_arg("preferences"), Some("10, 20"));
        let f = lint_mx_set("example.com", &[Mx::null(), mx(10, "mx.example.com")]);
        assert_eq!(
            (f[0].severity, f[0].fix.as_deref()),
            (Severity::Error, Some("0 ."))
        );
    }

    #[test]
    fn names_read_from_dns_are_linted_as_host_names() {
        let lint = |host: &str| {
            Mx::new(10, Name::dns(host).expect("dns name"))
                .lint("example.com")
                .iter()
                .map(|f| (f.code, f.severity))
                .collect::<Vec<_>>()
        };
        assert_eq!(lint("192.0.2.1."), vec![(code::mx::IP_LITERAL, Severity::Error)]);
        assert_eq!(
            lint("_mx.example.com"),
            vec![(code::name::UNDERSCORE, Severity::Error)]
        );
        assert_eq!(
            lint("*.example.com"),
            vec![(code::name::BAD_CHAR, Severity::Error)]
        );
        assert!(lint("mx.example.com").is_empty());
    }

    #[test]
    fn cname_finding() {
        let f = target_cname_finding(
            &Name::host("mx.example.com").expect("n"),
            &Name::host("host.example.net").expect("n"),
        );
        assert_eq!((f.code, f.rfc), (code::mx::TARGET_CNAME, "RFC 2181 §10.3"));
        assert_eq!(f.get_arg("canonical"), Some("host.example.net"));
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

    fn host() -> impl Strategy<Value = Name> {
        "[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?(\\.[a-z]{2,6}){1,3}"
            .prop_filter_map("valid host", |s| Name::host(&s).ok())
    }

    proptest! {
        #[test]
        fn round_trip(p in any::<u16>(), exchange in host()) {
            let m = Mx::new(p, exchange);
            prop_assert_eq!(Mx::parse(&m.to_string()), Ok(m));
        }

        #[test]
        fn never_panics(s in "\\PC{0,400}") {
            let _ = Mx::parse(&s);
        }

        #[test]
        fn never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = Mx::parse(&String::from_utf8_lossy(&b));
        }

        #[test]
        fn set_lint_codes_are_catalogued(set in proptest::collection::vec((0u16..3, proptest::option::of(host())), 0..5)) {
            let set: Vec<Mx> = set.into_iter().map(|(p, h)| Mx::new(p, h.unwrap_or_else(Name::root))).collect();
            for f in lint_mx_set("example.com", &set) {
                prop_assert!(crate::i18n::lookup(f.code).is_some(), "{}", f.code);
            }
        }
    }
}
