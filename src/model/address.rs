//! A and AAAA record data: IP addresses, parsed strictly, and classified
//! against the IANA special-purpose address registries (RFC 6890 and the
//! RFCs that fill them) so a mail host is never published at an address
//! the Internet cannot reach.
//!
//! - RFC 1035 §3.4.1: A data is an IPv4 address, written as a dotted quad.
//!   Octets with leading zeros (`010`) are refused: some parsers read them
//!   as octal (inet_aton), so the same text means two different hosts.
//! - RFC 3596 §2.4 / RFC 4291 §2.2: AAAA data is an IPv6 address in text form.
//!   A `%zone` suffix (RFC 6874, RFC 4007 §11) names an interface on one
//!   machine and has no meaning in DNS.

use crate::finding::{Finding, Severity};
use crate::model::presentation::{err, RdataError, RdataErrorKind};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use Severity::{Error as E, Info as I, Warning as W};

/// Parses IPv4 presentation text (A data), e.g. `192.0.2.1`.
pub fn parse_ipv4(text: &str) -> Result<Ipv4Addr, RdataError> {
    let lead = text.len() - text.trim_start().len();
    let t = text.trim();
    if t.is_empty() {
        return Err(err(RdataErrorKind::Empty, 0, text.len()));
    }
    let end = lead + t.len();
    if t.contains(':') {
        return Err(err(RdataErrorKind::Ipv4WantedGotIpv6, lead, end));
    }
    let mut octets = [0u8; 4];
    let mut count = 0;
    let mut pos = lead;
    for part in t.split('.') {
        let span_end = pos + part.len();
        let slot = octets
            .get_mut(count)
            .ok_or_else(|| err(RdataErrorKind::BadIpv4, lead, end))?;
        if part.len() > 1 && part.starts_with('0') && part.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err(RdataErrorKind::Ipv4LeadingZero, pos, span_end));
        }
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err(RdataErrorKind::BadIpv4, pos, span_end));
        }
        *slot = part
            .parse::<u8>()
            .map_err(|_| err(RdataErrorKind::BadIpv4, pos, span_end))?;
        count += 1;
        pos = span_end + 1;
    }
    if count != 4 {
        return Err(err(RdataErrorKind::BadIpv4, lead, end));
    }
    Ok(Ipv4Addr::from(octets))
}

/// Parses IPv6 presentation text (AAAA data), e.g. `2001:db8::25`.
pub fn parse_ipv6(text: &str) -> Result<Ipv6Addr, RdataError> {
    let lead = text.len() - text.trim_start().len();
    let t = text.trim();
    if t.is_empty() {
        return Err(err(RdataErrorKind::Empty, 0, text.len()));
    }
    let end = lead + t.len();
    if let Some(pct) = t.find('%') {
        return Err(err(RdataErrorKind::Ipv6ZoneId, lead + pct, end));
    }
    if !t.contains(':') && t.contains('.') {
        return Err(err(RdataErrorKind::Ipv6WantedGotIpv4, lead, end));
    }
    t.parse::<Ipv6Addr>()
        .map_err(|_| err(RdataErrorKind::BadIpv6, lead, end))
}

/// Parses either family: IPv6 if the text has a colon, IPv4 otherwise.
pub fn parse_ip(text: &str) -> Result<IpAddr, RdataError> {
    if text.contains(':') {
        parse_ipv6(text).map(IpAddr::V6)
    } else {
        parse_ipv4(text).map(IpAddr::V4)
    }
}

/// A special-purpose address block a published address falls in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpecialUse {
    /// The block in CIDR notation, e.g. `192.0.2.0/24`.
    pub block: &'static str,
    /// Finding code, e.g. `address.documentation`.
    pub code: &'static str,
    pub rfc: &'static str,
    pub severity: Severity,
}

const fn special(block: &'static str, code: &'static str, rfc: &'static str, sev: Severity) -> SpecialUse {
    SpecialUse {
        block,
        code,
        rfc,
        severity: sev,
    }
}

/// IPv4 special-purpose blocks (IANA registry, RFC 6890 §2.2.2 and updates).
/// Order does not matter: the longest matching prefix wins.
const IPV4_BLOCKS: &[(u32, u8, SpecialUse)] = &[
    (
        0x0000_0000,
        8,
        special("0.0.0.0/8", "address.this_network", "RFC 791 §3.2", W),
    ),
    (
        0x0000_0000,
        32,
        special("0.0.0.0/32", "address.unspecified", "RFC 1122 §3.2.1.3", E),
    ),
    (
        0x0a00_0000,
        8,
        special("10.0.0.0/8", "address.private", "RFC 1918 §3", W),
    ),
    (
        0x6440_0000,
        10,
        special("100.64.0.0/10", "address.shared", "RFC 6598 §7", W),
    ),
    (
        0x7f00_0000,
        8,
        special("127.0.0.0/8", "address.loopback", "RFC 1122 §3.2.1.3", W),
    ),
    (
        0xa9fe_0000,
        16,
        special("169.254.0.0/16", "address.link_local", "RFC 3927 §2.1", W),
    ),
    (
        0xac10_0000,
        12,
        special("172.16.0.0/12", "address.private", "RFC 1918 §3", W),
    ),
    (
        0xc000_0000,
        24,
        special("192.0.0.0/24", "address.protocol_assignment", "RFC 6890 §2.1", W),
    ),
    (
        0xc000_0200,
        24,
        special("192.0.2.0/24", "address.documentation", "RFC 5737 §3", W),
    ),
    (
        0xc058_6300,
        24,
        special("192.88.99.0/24", "address.relay_anycast", "RFC 7526 §4", W),
    ),
    (
        0xc0a8_0000,
        16,
        special("192.168.0.0/16", "address.private", "RFC 1918 §3", W),
    ),
    (
        0xc612_0000,
        15,
        special("198.18.0.0/15", "address.benchmarking", "RFC 2544 §C.2.2", W),
    ),
    (
        0xc633_6400,
        24,
        special("198.51.100.0/24", "address.documentation", "RFC 5737 §3", W),
    ),
    (
        0xcb00_7100,
        24,
        special("203.0.113.0/24", "address.documentation", "RFC 5737 §3", W),
    ),
    (
        0xe000_0000,
        4,
        special("224.0.0.0/4", "address.multicast", "RFC 5771 §3", E),
    ),
    (
        0xf000_0000,
        4,
        special("240.0.0.0/4", "address.reserved", "RFC 1112 §4", W),
    ),
    (
        0xffff_ffff,
        32,
        special("255.255.255.255/32", "address.broadcast", "RFC 919 §7", E),
    ),
];

/// IPv6 special-purpose blocks (IANA registry, RFC 6890 §2.2.3 and updates).
const IPV6_BLOCKS: &[(u128, u8, SpecialUse)] = &[
    (
        0,
        128,
        special("::/128", "address.unspecified", "RFC 4291 §2.5.2", E),
    ),
    (
        1,
        128,
        special("::1/128", "address.loopback", "RFC 4291 §2.5.3", W),
    ),
    (
        0,
        96,
        special("::/96", "address.ipv4_compatible", "RFC 4291 §2.5.5.1", W),
    ),
    (
        0xffff_0000_0000,
        96,
        special("::ffff:0:0/96", "address.ipv4_mapped", "RFC 4291 §2.5.5.2", W),
    ),
    (
        0x0064_ff9b << 96,
        96,
        special("64:ff9b::/96", "address.nat64", "RFC 6052 §2.1", I),
    ),
    (
        0x0064_ff9b_0001 << 80,
        48,
        special("64:ff9b:1::/48", "address.nat64", "RFC 8215 §4", I),
    ),
    (
        0x0100 << 112,
        64,
        special("100::/64", "address.discard", "RFC 6666 §4", W),
    ),
    (
        0x2001 << 112,
        32,
        special("2001::/32", "address.teredo", "RFC 4380 §2.6", W),
    ),
    (
        0x2001_0002 << 96,
        48,
        special("2001:2::/48", "address.benchmarking", "RFC 5180 §8", W),
    ),
    (
        0x2001_0db8 << 96,
        32,
        special("2001:db8::/32", "address.documentation", "RFC 3849 §4", W),
    ),
    (
        0x2002 << 112,
        16,
        special("2002::/16", "address.6to4", "RFC 3056 §2", W),
    ),
    (
        0x3fff << 112,
        20,
        special("3fff::/20", "address.documentation", "RFC 9637 §6", W),
    ),
    (
        0xfc00 << 112,
        7,
        special("fc00::/7", "address.private", "RFC 4193 §3", W),
    ),
    (
        0xfe80 << 112,
        10,
        special("fe80::/10", "address.link_local", "RFC 4291 §2.5.6", W),
    ),
    (
        0xfec0 << 112,
        10,
        special("fec0::/10", "address.site_local", "RFC 3879 §4", W),
    ),
    (
        0xff00 << 112,
        8,
        special("ff00::/8", "address.multicast", "RFC 4291 §2.7", E),
    ),
];

/// Global unicast space, RFC 4291 §2.4: everything else outside the blocks
/// above is reserved by the IETF and not routed.
const IPV6_GLOBAL_UNICAST: (u128, u8) = (0x2000 << 112, 3);

const IPV6_RESERVED: SpecialUse = special("(outside 2000::/3)", "address.reserved", "RFC 4291 §2.4", W);

/// True if `ip` is in `net`/`len` (same family; a length past the address
/// width compares the whole address, a /0 matches everything). The one prefix
/// matcher: the special-use table below and SPF `ip4:`/`ip6:`/`a`/`mx` with a
/// CIDR length (RFC 7208 §5.6) both use it.
pub fn in_prefix(ip: IpAddr, net: IpAddr, len: u8) -> bool {
    match (ip, net) {
        (IpAddr::V4(a), IpAddr::V4(b)) => prefix_matches(u32::from(a), u32::from(b), len, 32),
        (IpAddr::V6(a), IpAddr::V6(b)) => prefix_matches(u128::from(a), u128::from(b), len, 128),
        _ => false,
    }
}

fn prefix_matches<T>(addr: T, prefix: T, len: u8, bits: u32) -> bool
where
    T: Copy + std::ops::Shr<u32, Output = T> + PartialEq,
{
    let shift = bits.saturating_sub(u32::from(len));
    if shift >= bits {
        return true; // a /0 matches everything
    }
    (addr >> shift) == (prefix >> shift)
}

/// The most specific special-purpose block `ip` falls in, if any.
pub fn special_use(ip: IpAddr) -> Option<SpecialUse> {
    match ip {
        IpAddr::V4(a) => {
            let n = u32::from(a);
            IPV4_BLOCKS
                .iter()
                .filter(|(p, len, _)| prefix_matches(n, *p, *len, 32))
                .max_by_key(|(_, len, _)| *len)
                .map(|(_, _, s)| *s)
        }
        IpAddr::V6(a) => {
            let n = u128::from(a);
            let listed = IPV6_BLOCKS
                .iter()
                .filter(|(p, len, _)| prefix_matches(n, *p, *len, 128))
                .max_by_key(|(_, len, _)| *len)
                .map(|(_, _, s)| *s);
            let (gp, glen) = IPV6_GLOBAL_UNICAST;
            listed.or_else(|| (!prefix_matches(n, gp, glen, 128)).then_some(IPV6_RESERVED))
        }
    }
}

/// Findings for an address published in an A or AAAA record: one finding
/// when it is in a special-purpose block, none for a public unicast address.
pub fn lint_address(ip: IpAddr) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(s) = special_use(ip) {
        let mut f = Finding::new(s.code, s.severity, ip.to_string(), s.rfc).arg("block", s.block);
        if let IpAddr::V6(a) = ip {
            // RFC 4291 §2.5.5.2: an IPv4-mapped address belongs in an A record.
            if let Some(v4) = a.to_ipv4_mapped() {
                f = f.arg("ipv4", v4).with_fix(v4.to_string());
            }
        }
        out.push(f);
    }
    out
}

/// Every code this module's lint can emit (for the catalogue test).
#[cfg(test)]
pub(crate) fn lint_codes() -> Vec<&'static str> {
    let v4 = IPV4_BLOCKS.iter().map(|(_, _, s)| s.code);
    let v6 = IPV6_BLOCKS.iter().map(|(_, _, s)| s.code);
    v4.chain(v6).chain([IPV6_RESERVED.code]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Span;

    #[test]
    fn ipv4_accepts_dotted_quads() {
        for (t, want) in [
            ("192.0.2.1", Ipv4Addr::new(192, 0, 2, 1)),
            (" 0.0.0.0 ", Ipv4Addr::UNSPECIFIED),
            ("255.255.255.255", Ipv4Addr::BROADCAST),
            ("8.8.0.8", Ipv4Addr::new(8, 8, 0, 8)),
        ] {
            assert_eq!(parse_ipv4(t), Ok(want), "{t}");
        }
    }

    #[test]
    fn ipv4_refusals_name_the_part() {
        let cases = [
            ("010.0.0.1", "address.leading_zero", Span::new(0, 3)),
            ("10.0.00.1", "address.leading_zero", Span::new(5, 7)),
            ("10.0.0.256", "address.bad_ipv4", Span::new(7, 10)),
            ("10.0.0", "address.bad_ipv4", Span::new(0, 6)),
            ("10.0.0.1.2", "address.bad_ipv4", Span::new(0, 10)),
            ("10..0.1", "address.bad_ipv4", Span::new(3, 3)),
            ("10.0.0.x", "address.bad_ipv4", Span::new(7, 8)),
            ("2001:db8::1", "address.ipv6_in_a", Span::new(0, 11)),
            ("", "rdata.empty", Span::new(0, 0)),
        ];
        for (t, code, span) in cases {
            let e = parse_ipv4(t).expect_err(t);
            assert_eq!((e.code(), e.span), (code, span), "{t}");
        }
    }

    #[test]
    fn ipv6_forms() {
        assert_eq!(
            parse_ipv6("2001:DB8::25"),
            Ok("2001:db8::25".parse().expect("v6"))
        );
        assert_eq!(
            parse_ipv6("::ffff:192.0.2.1").map(|a| a.to_ipv4_mapped()),
            Ok(Some(Ipv4Addr::new(192, 0, 2, 1)))
        );
        let e = parse_ipv6("fe80::1%eth0").expect_err("zone");
        assert_eq!((e.code(), e.span), ("address.zone_id", Span::new(7, 12)));
        assert_eq!(
            parse_ipv6("192.0.2.1").map_err(|e| e.code()),
            Err("address.ipv4_in_aaaa")
        );
        assert_eq!(
            parse_ipv6("2001:db8:::1").map_err(|e| e.code()),
            Err("address.bad_ipv6")
        );
        assert_eq!(
            parse_ipv6("[2001:db8::1]").map_err(|e| e.code()),
            Err("address.bad_ipv6")
        );
    }

    #[test]
    fn special_use_table() {
        let cases = [
            ("8.8.8.8", None),
            ("192.0.2.10", Some("address.documentation")),
            ("198.51.100.1", Some("address.documentation")),
            ("203.0.113.255", Some("address.documentation")),
            ("10.1.2.3", Some("address.private")),
            ("172.31.255.255", Some("address.private")),
            ("172.32.0.1", None),
            ("192.168.1.1", Some("address.private")),
            ("100.64.0.1", Some("address.shared")),
            ("100.128.0.1", None),
            ("127.0.0.1", Some("address.loopback")),
            ("169.254.1.1", Some("address.link_local")),
            ("0.0.0.0", Some("address.unspecified")),
            ("0.1.2.3", Some("address.this_network")),
            ("224.0.0.1", Some("address.multicast")),
            ("240.0.0.1", Some("address.reserved")),
            ("255.255.255.255", Some("address.broadcast")),
            ("198.18.0.1", Some("address.benchmarking")),
            ("198.19.255.255", Some("address.benchmarking")),
            ("198.20.0.1", None),
            ("192.0.0.8", Some("address.protocol_assignment")),
            ("192.88.99.1", Some("address.relay_anycast")),
            ("2a00:1450:4001::1", None),
            ("2001:db8::1", Some("address.documentation")),
            ("3fff::1", Some("address.documentation")),
            ("::", Some("address.unspecified")),
            ("::1", Some("address.loopback")),
            ("::192.0.2.1", Some("address.ipv4_compatible")),
            ("::ffff:192.0.2.1", Some("address.ipv4_mapped")),
            ("fd00::1", Some("address.private")),
            ("fe80::1", Some("address.link_local")),
            ("fec0::1", Some("address.site_local")),
            ("ff02::1", Some("address.multicast")),
            ("100::1", Some("address.discard")),
            ("100:0:0:1::1", Some("address.reserved")),
            ("2001::1", Some("address.teredo")),
            ("2001:2::1", Some("address.benchmarking")),
            ("2002:c000:201::1", Some("address.6to4")),
            ("64:ff9b::192.0.2.1", Some("address.nat64")),
            ("4000::1", Some("address.reserved")),
        ];
        for (t, want) in cases {
            let ip = parse_ip(t).expect(t);
            assert_eq!(special_use(ip).map(|s| s.code), want, "{t}");
        }
    }

    #[test]
    fn lint_gives_rfc_and_fix() {
        let f = lint_address(parse_ip("192.0.2.1").expect("ip"));
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].code, f[0].rfc, f[0].severity),
            ("address.documentation", "RFC 5737 §3", W)
        );
        assert_eq!(f[0].get_arg("block"), Some("192.0.2.0/24"));
        let f = lint_address(parse_ip("::ffff:198.51.100.7").expect("ip"));
        assert_eq!(f[0].fix.as_deref(), Some("198.51.100.7"));
        assert_eq!(lint_address(parse_ip("224.0.0.1").expect("ip"))[0].severity, E);
        assert!(lint_address(parse_ip("1.1.1.1").expect("ip")).is_empty());
    }

    #[test]
    fn every_code_is_in_the_catalogue() {
        for code in lint_codes() {
            assert!(
                crate::i18n::lookup(code).is_some(),
                "{code} missing from catalogue"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,400}") {
            let _ = parse_ipv4(&s);
            let _ = parse_ipv6(&s);
        }

        #[test]
        fn never_panics_on_bytes(b in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let s = String::from_utf8_lossy(&b);
            let _ = parse_ip(&s);
        }

        #[test]
        fn ipv4_round_trip(n in proptest::num::u32::ANY) {
            let a = Ipv4Addr::from(n);
            proptest::prop_assert_eq!(parse_ipv4(&a.to_string()), Ok(a));
            let _ = lint_address(IpAddr::V4(a));
        }

        #[test]
        fn ipv6_round_trip(n in proptest::num::u128::ANY) {
            let a = Ipv6Addr::from(n);
            proptest::prop_assert_eq!(parse_ipv6(&a.to_string()), Ok(a));
            for f in lint_address(IpAddr::V6(a)) {
                proptest::prop_assert!(crate::i18n::lookup(f.code).is_some());
            }
        }
    }
}
