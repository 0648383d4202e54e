//! Building an RFC 8484 query: the DNS message (RFC 1035 §4.1) and the GET
//! URL that carries it.

use super::super::doh_json::DohFlags;
use super::super::{DnsError, RecordType};
use base64::Engine;

/// The UDP payload size advertised in the OPT record: the DNS Flag Day 2020
/// value, which every public resolver accepts (RFC 6891 §6.2.5).
pub const EDNS_UDP_SIZE: u16 = 1232;

/// Longest name on the wire, length octets included (RFC 1035 §2.3.4).
pub const MAX_WIRE_NAME: usize = 255;

/// Longest label (RFC 1035 §2.3.4).
const MAX_LABEL: usize = 63;

/// Type of the EDNS0 OPT pseudo-record (RFC 6891 §6.1.1).
pub const OPT_TYPE: u16 = 41;

/// Class IN (RFC 1035 §3.2.4).
pub const CLASS_IN: u16 = 1;

/// The DO bit in the OPT TTL field (RFC 3225 §3, RFC 6891 §6.1.3).
pub const DO_BIT: u32 = 0x8000;

/// The query for `qname`/`qtype` as an RFC 8484 message: ID 0 so that
/// caches can share answers (RFC 8484 §4.1), RD set (RFC 1035 §4.1.1), one
/// question of class IN, and an EDNS0 OPT record (RFC 6891 §6.1.2) with the
/// DO bit when `dnssec_ok` (RFC 3225 §3).
///
/// The name is taken as absolute (a trailing dot is optional), turned into
/// A-labels when it is not ASCII (RFC 5891 §4), its case kept as given
/// (RFC 4343 §4.1, as `dig` and dnspython send it); an empty
/// label, a label over 63 octets or a name over 255 octets is refused with
/// [`DnsError::BadRequest`], as a DoH server would.
pub fn build_query(qname: &str, qtype: RecordType, dnssec_ok: bool) -> Result<Vec<u8>, DnsError> {
    build_query_with(
        qname,
        qtype,
        DohFlags {
            checking_disabled: false,
            dnssec_ok,
        },
    )
}

/// [`build_query`] with every DNSSEC flag: `checking_disabled` sets the CD
/// bit (RFC 4035 §3.2.2).
pub fn build_query_with(qname: &str, qtype: RecordType, flags: DohFlags) -> Result<Vec<u8>, DnsError> {
    let name = encode_name(qname)?;
    let mut msg = Vec::with_capacity(12 + name.len() + 4 + 11);
    // Header, RFC 1035 §4.1.1: ID 0, QR=0 OPCODE=0 RD=1; CD is bit 4 of
    // the second flag octet (RFC 4035 §3.2.2 / RFC 6895 §2).
    let second = if flags.checking_disabled { 0x10 } else { 0x00 };
    msg.extend_from_slice(&[0, 0, 0x01, second]);
    // QDCOUNT 1, ANCOUNT 0, NSCOUNT 0, ARCOUNT 1 (the OPT record).
    msg.extend_from_slice(&[0, 1, 0, 0, 0, 0, 0, 1]);
    // Question, RFC 1035 §4.1.2.
    msg.extend_from_slice(&name);
    msg.extend_from_slice(&qtype.number().to_be_bytes());
    msg.extend_from_slice(&CLASS_IN.to_be_bytes());
    // OPT, RFC 6891 §6.1.2: root owner, CLASS = payload size, TTL =
    // extended RCODE 0, version 0, DO bit, RDLEN 0.
    msg.push(0);
    msg.extend_from_slice(&OPT_TYPE.to_be_bytes());
    msg.extend_from_slice(&EDNS_UDP_SIZE.to_be_bytes());
    let ttl = if flags.dnssec_ok { DO_BIT } else { 0 };
    msg.extend_from_slice(&ttl.to_be_bytes());
    msg.extend_from_slice(&[0, 0]);
    Ok(msg)
}

/// The GET URL for a query message: `dns=` and the message in base64url
/// without padding (RFC 8484 §4.1, §6; RFC 4648 §5).
pub fn query_url(endpoint: &str, query: &[u8]) -> String {
    let sep = if endpoint.contains('?') { '&' } else { '?' };
    let encoded = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(query);
    format!("{endpoint}{sep}dns={encoded}")
}

/// The name in wire form (RFC 1035 §3.1): length-prefixed labels, then 0.
fn encode_name(qname: &str) -> Result<Vec<u8>, DnsError> {
    let trimmed = qname.trim();
    let bad = |why: &str| DnsError::BadRequest(format!("{why}: {trimmed}"));
    let ascii = if trimmed.is_ascii() {
        trimmed.to_string()
    } else {
        crate::idn::to_ascii(trimmed).map_err(|_| bad("not a valid international name"))?
    };
    let body = ascii.strip_suffix('.').unwrap_or(&ascii);
    let mut wire = Vec::with_capacity(body.len() + 2);
    if !body.is_empty() {
        for label in body.split('.') {
            if label.is_empty() {
                return Err(bad("empty label"));
            }
            if label.len() > MAX_LABEL {
                return Err(bad("label longer than 63 octets"));
            }
            // Fits in a u8: at most 63.
            wire.push(label.len() as u8);
            wire.extend_from_slice(label.as_bytes());
        }
    }
    wire.push(0);
    if wire.len() > MAX_WIRE_NAME {
        return Err(bad("name longer than 255 octets"));
    }
    Ok(wire)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_bytes() {
        let q = build_query("Example.COM.", RecordType::Mx, true).expect("query");
        let want: Vec<u8> = [
            &[0u8, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1][..],
            b"\x07Example\x03COM\x00",
            &[0, 15, 0, 1],
            &[0, 0, 41, 0x04, 0xd0, 0, 0, 0x80, 0, 0, 0],
        ]
        .concat();
        assert_eq!(q, want);
        let plain = build_query("example.com", RecordType::Mx, false).expect("query");
        assert_eq!(plain.get(plain.len() - 4), Some(&0));
        let cd = build_query_with(
            "a.b",
            RecordType::A,
            DohFlags {
                checking_disabled: true,
                dnssec_ok: false,
            },
        )
        .expect("query");
        assert_eq!(cd.get(3), Some(&0x10));
    }

    #[test]
    fn names() {
        let idn = build_query("邮件.中国", RecordType::A, false).expect("idn");
        assert_eq!(idn.get(12..36), Some(&b"\x0bxn--5nq051n\x0axn--fiqs8s\x00"[..]));
        let root = build_query(".", RecordType::Ns, false).expect("root");
        assert_eq!(root.get(12), Some(&0));
        let long_label = format!("{}.com", "a".repeat(64));
        let long_name = ["abcdefghi"; 26].join(".");
        for bad in ["a..b", ".a", long_label.as_str(), long_name.as_str(), "xn--a.b"] {
            let r = build_query(bad, RecordType::A, false);
            if bad == "xn--a.b" {
                // ASCII is sent as given: the server judges it.
                assert!(r.is_ok(), "{bad}");
            } else {
                assert!(matches!(r, Err(DnsError::BadRequest(_))), "{bad}: {r:?}");
            }
        }
        let max = ["a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61)].join(".");
        assert!(build_query(&max, RecordType::A, false).is_ok());
        assert!(build_query(&format!("{max}e"), RecordType::A, false).is_err());
    }

    #[test]
    fn urls() {
        // RFC 8484 §4.1.1: the example query for www.example.com A.
        let q =
            b"\x00\x00\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x03www\x07example\x03com\x00\x00\x01\x00\x01";
        assert_eq!(
            query_url("https://dnsserver.example.net/dns-query", q),
            "https://dnsserver.example.net/dns-query?dns=AAABAAABAAAAAAAAA3d3dwdleGFtcGxlA2NvbQAAAQAB"
        );
        assert!(query_url("https://x/q?a=1", q).starts_with("https://x/q?a=1&dns=AAAB"));
    }
}
