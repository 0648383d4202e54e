//! The name asked for a subject on a list: an IPv4 address with its octets
//! reversed (RFC 5782 §2.1), an IPv6 address as 32 reversed nibbles
//! (RFC 5782 §2.4), a domain as itself (RFC 5782 §3), each followed by the
//! list's zone. (RFC 5782's subsection numbers are cited from memory: the
//! RFC text was not at hand in this session.)

use super::lists::{Blocklist, TestEntry};
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// What is looked up: a server address or the mail domain.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Subject {
    Ip(IpAddr),
    /// A domain name, lowercase, without the trailing dot.
    Domain(String),
}

impl Subject {
    /// A domain subject, normalised (lowercase, no trailing dot).
    pub fn domain(name: &str) -> Subject {
        Subject::Domain(crate::dns::normalize_name(name))
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Ip(ip) => write!(f, "{ip}"),
            Subject::Domain(d) => f.write_str(d),
        }
    }
}

/// `d.c.b.a` for `a.b.c.d` (RFC 5782 §2.1).
pub fn reversed_ipv4(ip: Ipv4Addr) -> String {
    let [a, b, c, d] = ip.octets();
    format!("{d}.{c}.{b}.{a}")
}

/// The 32 nibbles of the address, lowest first, dot-separated
/// (RFC 5782 §2.4, the same form as `ip6.arpa`, RFC 3596 §2.5).
pub fn reversed_ipv6(ip: Ipv6Addr) -> String {
    let mut out = String::with_capacity(63);
    for byte in ip.octets().iter().rev() {
        for nibble in [byte & 0x0f, byte >> 4] {
            if !out.is_empty() {
                out.push('.');
            }
            out.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
        }
    }
    out
}

/// The name to ask for `subject` on `list`, or `None` when the list does
/// not hold that kind of subject (an IPv6 address on an IPv4-only list).
pub fn query_name(list: &Blocklist, subject: &Subject) -> Option<String> {
    let prefix = match subject {
        Subject::Ip(IpAddr::V4(ip)) if list.covers.ipv4 => reversed_ipv4(*ip),
        Subject::Ip(IpAddr::V6(ip)) if list.covers.ipv6 => reversed_ipv6(*ip),
        Subject::Domain(d) if list.covers.domain && !d.is_empty() => d.clone(),
        _ => return None,
    };
    Some(format!("{prefix}.{}", list.zone))
}

/// The name of the list's test entry.
pub fn test_query_name(list: &Blocklist) -> String {
    match list.test {
        TestEntry::Ipv4(ip) => format!("{}.{}", reversed_ipv4(ip), list.zone),
        TestEntry::Domain(d) => format!("{d}.{}", list.zone),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dnsbl::lists::by_id;

    #[test]
    fn names_are_built_as_rfc_5782_says() {
        let zen = by_id("spamhaus-zen").expect("zen");
        let ip = |s: &str| Subject::Ip(s.parse().expect("ip"));
        assert_eq!(
            query_name(zen, &ip("192.0.2.5")).as_deref(),
            Some("5.2.0.192.zen.spamhaus.org")
        );
        assert_eq!(
            query_name(zen, &ip("2001:db8::1")).as_deref(),
            Some("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org")
        );
        assert_eq!(query_name(zen, &Subject::domain("Example.COM.")), None);
        assert_eq!(test_query_name(zen), "2.0.0.127.zen.spamhaus.org");
        let dbl = by_id("spamhaus-dbl").expect("dbl");
        assert_eq!(
            query_name(dbl, &Subject::domain("Example.COM.")).as_deref(),
            Some("example.com.dbl.spamhaus.org")
        );
        assert_eq!(query_name(dbl, &ip("192.0.2.5")), None);
        assert_eq!(test_query_name(dbl), "dbltest.com.dbl.spamhaus.org");
        let spamcop = by_id("spamcop").expect("spamcop");
        assert_eq!(query_name(spamcop, &ip("2001:db8::1")), None);
    }
}
