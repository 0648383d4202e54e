//! Reverse DNS: the name under which an address's PTR record lives, the
//! address a reverse name stands for, and PTR record data.
//!
//! - RFC 1035 §3.5: IPv4 `a.b.c.d` is `d.c.b.a.in-addr.arpa`.
//! - RFC 3596 §2.5: IPv6 is 32 nibbles, least significant first, in
//!   lowercase hex, under `ip6.arpa`.
//! - RFC 1035 §3.3.12: PTR data is a domain name; for mail (forward-confirmed
//!   reverse DNS) it is the host name of the server.

use crate::finding::{Finding, Span};
use crate::i18n::code;
use crate::model::name::{Name, NameKind};
use crate::model::presentation::{Fields, RdataError, RdataErrorKind};
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// The reverse name of an address: `1.2.0.192.in-addr.arpa` for `192.0.2.1`.
pub fn reverse_name(ip: IpAddr) -> Name {
    let text = match ip {
        IpAddr::V4(a) => {
            let [o1, o2, o3, o4] = a.octets();
            format!("{o4}.{o3}.{o2}.{o1}.in-addr.arpa")
        }
        IpAddr::V6(a) => {
            let n = u128::from(a);
            let mut s = String::with_capacity(72);
            for i in 0..32 {
                let nibble = (n >> (i * 4)) & 0xf;
                s.push_str(&format!("{nibble:x}."));
            }
            s.push_str("ip6.arpa");
            s
        }
    };
    // Always a valid name: digits, hex letters and dots, 73 characters at most.
    // The root fallback is unreachable; a test covers every shape.
    Name::host(&text).unwrap_or_else(|_| Name::root())
}

/// Why a name is not the reverse name of one address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReverseError {
    /// Not under `in-addr.arpa` or `ip6.arpa`.
    NotReverse,
    /// Under the reverse tree but with the wrong number of labels: a zone
    /// (a network), not an address.
    Partial { labels: usize, needed: usize },
    /// A label that is not a decimal octet (IPv4) or a single hex nibble (IPv6).
    BadLabel { label: String },
}

impl ReverseError {
    pub fn code(&self) -> &'static str {
        match self {
            ReverseError::NotReverse => code::ptr::NOT_REVERSE,
            ReverseError::Partial { .. } => code::ptr::PARTIAL,
            ReverseError::BadLabel { .. } => code::ptr::BAD_LABEL,
        }
    }

    pub fn to_finding(&self, subject: &str) -> Finding {
        let f = Finding::error(self.code(), subject, "RFC 3596 §2.5");
        match self {
            ReverseError::NotReverse => Finding::error(self.code(), subject, "RFC 1035 §3.5"),
            ReverseError::Partial { labels, needed } => f.arg("labels", labels).arg("needed", needed),
            ReverseError::BadLabel { label } => f.arg("label", label),
        }
    }
}

/// The address a reverse name stands for.
pub fn address_from_reverse(name: &Name) -> Result<IpAddr, ReverseError> {
    let labels: Vec<&str> = name.labels().collect();
    let n = labels.len();
    let tail: Vec<&str> = labels.iter().skip(n.saturating_sub(2)).copied().collect();
    let body = labels.get(..n.saturating_sub(2)).unwrap_or(&[]);
    match tail.as_slice() {
        ["in-addr", "arpa"] => {
            if body.len() != 4 {
                return Err(ReverseError::Partial {
                    labels: body.len(),
                    needed: 4,
                });
            }
            let mut octets = [0u8; 4];
            for (slot, label) in octets.iter_mut().rev().zip(body) {
                let ok =
                    !label.is_empty() && label.len() <= 3 && (label.len() == 1 || !label.starts_with('0'));
                *slot = label
                    .parse::<u8>()
                    .ok()
                    .filter(|_| ok && label.bytes().all(|b| b.is_ascii_digit()))
                    .ok_or_else(|| ReverseError::BadLabel {
                        label: label.to_string(),
                    })?;
            }
            Ok(IpAddr::V4(Ipv4Addr::from(octets)))
        }
        ["ip6", "arpa"] => {
            if body.len() != 32 {
                return Err(ReverseError::Partial {
                    labels: body.len(),
                    needed: 32,
                });
            }
            let mut n: u128 = 0;
            for label in body.iter().rev() {
                let digit = match label.as_bytes() {
                    [b] => char::from(*b).to_digit(16),
                    _ => None,
                }
                .ok_or_else(|| ReverseError::BadLabel {
                    label: label.to_string(),
                })?;
                n = n << 4 | u128::from(digit);
            }
            Ok(IpAddr::V6(Ipv6Addr::from(n)))
        }
        _ => Err(ReverseError::NotReverse),
    }
}

/// PTR record data: the name an address points back to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ptr {
    pub target: Name,
}

impl Ptr {
    pub fn new(target: Name) -> Ptr {
        Ptr { target }
    }

    /// Parses the target name, e.g. `mail.example.com.`. DNS allows any
    /// name here (RFC 2181 §11), so underscores are accepted; the lint
    /// says when the target is not a host name.
    pub fn parse(text: &str) -> Result<Ptr, RdataError> {
        let mut fields = Fields::new(text);
        if fields.at_end() {
            return Err(RdataError::new(RdataErrorKind::Empty, Span::new(0, text.len())));
        }
        let target = fields.name("target", NameKind::Service)?;
        fields.finish()?;
        Ok(Ptr { target })
    }

    /// Findings for a PTR used for a mail server's reverse DNS.
    pub fn lint(&self, owner: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.target.is_root() {
            out.push(Finding::error(code::ptr::ROOT_TARGET, owner, "RFC 1035 §3.3.12"));
        } else if Name::host(self.target.as_str()).is_err() {
            // RFC 1123 §2.1: a mail server's reverse name must be a host name
            // that its HELO and forward lookup can match.
            out.push(
                Finding::warning(code::ptr::NOT_HOST_NAME, owner, "RFC 1123 §2.1")
                    .arg("target", self.target.as_str()),
            );
        }
        out.extend(self.target.lint());
        out
    }
}

impl fmt::Display for Ptr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.target)
    }
}

#[cfg(test)]
pub(crate) const CODES: &[&str] = &[
    code::ptr::NOT_REVERSE,
    code::ptr::PARTIAL,
    code::ptr::BAD_LABEL,
    code::ptr::ROOT_TARGET,
    code::ptr::NOT_HOST_NAME,
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("ip")
    }

    #[test]
    fn reverse_names() {
        assert_eq!(reverse_name(ip("192.0.2.1")).as_str(), "1.2.0.192.in-addr.arpa");
        assert_eq!(
            reverse_name(ip("10.0.0.255")).to_string(),
            "255.0.0.10.in-addr.arpa."
        );
        assert_eq!(
            reverse_name(ip("2001:db8::567:89ab")).as_str(),
            "b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"
        );
    }

    #[test]
    fn addresses_from_reverse_names() {
        let ok = [
            ("1.2.0.192.in-addr.arpa.", "192.0.2.1"),
            (
                "B.A.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
                "2001:db8::567:89ab",
            ),
        ];
        for (name, want) in ok {
            let n = Name::service(name).expect("name");
            assert_eq!(address_from_reverse(&n), Ok(ip(want)), "{name}");
        }
        let bad = [
            ("mail.example.com", code::ptr::NOT_REVERSE),
            ("arpa", code::ptr::NOT_REVERSE),
            ("2.0.192.in-addr.arpa", code::ptr::PARTIAL),
            ("01.2.0.192.in-addr.arpa", code::ptr::BAD_LABEL),
            ("256.2.0.192.in-addr.arpa", code::ptr::BAD_LABEL),
            ("8.b.d.0.1.0.0.2.ip6.arpa", code::ptr::PARTIAL),
            (
                "ab.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
                code::ptr::BAD_LABEL,
            ),
        ];
        for (name, code) in bad {
            let n = Name::service(name).expect("name");
            assert_eq!(
                address_from_reverse(&n).map_err(|e| e.code()),
                Err(code),
                "{name}"
            );
        }
    }

    #[test]
    fn ptr_record() {
        let p = Ptr::parse("Mail.Example.com.").expect("ptr");
        assert_eq!(p.to_string(), "mail.example.com.");
        assert!(p.lint("1.2.0.192.in-addr.arpa").is_empty());
        assert_eq!(Ptr::parse("").map_err(|e| e.code()), Err(code::rdata::EMPTY));
        assert_eq!(
            Ptr::parse("a.example. b").map_err(|e| e.code()),
            Err(code::rdata::EXTRA_TEXT)
        );
        let codes = |t: &str| {
            Ptr::parse(t)
                .expect(t)
                .lint("x")
                .iter()
                .map(|f| f.code)
                .collect::<Vec<_>>()
        };
        assert_eq!(codes("."), vec![code::ptr::ROOT_TARGET]);
        assert_eq!(codes("_x.example.com."), vec![code::ptr::NOT_HOST_NAME]);
        assert_eq!(codes("mail.test."), vec![code::name::RESERVED_TLD]);
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

    proptest! {
        #[test]
        fn reverse_round_trip_v4(n in any::<u32>()) {
            let a = IpAddr::V4(Ipv4Addr::from(n));
            let name = reverse_name(a);
            prop_assert!(!name.is_root());
            prop_assert_eq!(address_from_reverse(&name), Ok(a));
        }

        #[test]
        fn reverse_round_trip_v6(n in any::<u128>()) {
            let a = IpAddr::V6(Ipv6Addr::from(n));
            let name = reverse_name(a);
            prop_assert!(!name.is_root());
            prop_assert_eq!(address_from_reverse(&name), Ok(a));
        }

        #[test]
        fn ptr_round_trip(labels in proptest::collection::vec("[a-z0-9_]([a-z0-9-]{0,10}[a-z0-9])?", 1..5)) {
            if let Ok(target) = Name::service(&format!("{}.example", labels.join("."))) {
                let p = Ptr::new(target);
                prop_assert_eq!(Ptr::parse(&p.to_string()), Ok(p));
            }
        }

        #[test]
        fn never_panics(s in "\\PC{0,400}") {
            if let Ok(p) = Ptr::parse(&s) {
                let _ = address_from_reverse(&p.target);
                let _ = p.lint("x");
            }
        }

        #[test]
        fn never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = Ptr::parse(&String::from_utf8_lossy(&b));
        }
    }
}
