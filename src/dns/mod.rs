//! DNS as the core sees it: one async question in, typed records or a
//! classified error out (RFC 1035 §4.1.1 RCODEs, RFC 2308 NXDOMAIN/NODATA).
//!
//! The core never opens a socket. The page answers questions over
//! DNS-over-HTTPS; tests answer them from [`memory::MemoryZone`]. Both sit
//! behind [`Resolver`], which has no `Send` bound because browser futures are
//! not `Send`.
//!
//! `RecordType` and `Rdata` here are deliberately minimal; they are meant to
//! be unified with the record model when the branches merge.

pub mod limit;
pub mod memory;

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

/// The record types the checks ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordType {
    A,
    Aaaa,
    Mx,
    Txt,
    Ptr,
    Cname,
    /// Type 99, obsolete since RFC 7208 §3.1; kept so old zones can be read.
    Spf,
    Other(u16),
}

impl RecordType {
    /// The IANA type number.
    pub fn number(self) -> u16 {
        match self {
            RecordType::A => 1,
            RecordType::Cname => 5,
            RecordType::Ptr => 12,
            RecordType::Mx => 15,
            RecordType::Txt => 16,
            RecordType::Aaaa => 28,
            RecordType::Spf => 99,
            RecordType::Other(n) => n,
        }
    }

    /// The type for an IANA number.
    pub fn from_number(n: u16) -> RecordType {
        match n {
            1 => RecordType::A,
            5 => RecordType::Cname,
            12 => RecordType::Ptr,
            15 => RecordType::Mx,
            16 => RecordType::Txt,
            28 => RecordType::Aaaa,
            99 => RecordType::Spf,
            n => RecordType::Other(n),
        }
    }
}

impl fmt::Display for RecordType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordType::A => f.write_str("A"),
            RecordType::Aaaa => f.write_str("AAAA"),
            RecordType::Mx => f.write_str("MX"),
            RecordType::Txt => f.write_str("TXT"),
            RecordType::Ptr => f.write_str("PTR"),
            RecordType::Cname => f.write_str("CNAME"),
            RecordType::Spf => f.write_str("SPF"),
            RecordType::Other(n) => write!(f, "TYPE{n}"),
        }
    }
}

/// The data of one resource record. Names are kept as the server sent them
/// (without a trailing dot); they need not be valid host names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rdata {
    A(Ipv4Addr),
    Aaaa(Ipv6Addr),
    Mx {
        preference: u16,
        exchange: String,
    },
    /// The character-strings of one TXT (or SPF) record, as bytes
    /// (RFC 1035 §3.3.14: each at most 255 octets).
    Txt(Vec<Vec<u8>>),
    Ptr(String),
    Cname(String),
    Other {
        rtype: u16,
        data: Vec<u8>,
    },
}

impl Rdata {
    /// The type of this record.
    pub fn rtype(&self) -> RecordType {
        match self {
            Rdata::A(_) => RecordType::A,
            Rdata::Aaaa(_) => RecordType::Aaaa,
            Rdata::Mx { .. } => RecordType::Mx,
            Rdata::Txt(_) => RecordType::Txt,
            Rdata::Ptr(_) => RecordType::Ptr,
            Rdata::Cname(_) => RecordType::Cname,
            Rdata::Other { rtype, .. } => RecordType::from_number(*rtype),
        }
    }

    /// A TXT record's strings joined with nothing between them, as SPF and
    /// DKIM read them (RFC 7208 §3.3), lossily decoded as UTF-8.
    pub fn txt_joined(&self) -> Option<String> {
        match self {
            Rdata::Txt(strings) => Some(String::from_utf8_lossy(&strings.concat()).into_owned()),
            _ => None,
        }
    }
}

/// A successful answer: the records of the asked type (never empty; an empty
/// answer is [`DnsError::NoData`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub records: Vec<Rdata>,
    /// The AD bit: the resolver validated the answer with DNSSEC.
    pub authenticated_data: bool,
}

impl Answer {
    pub fn new(records: Vec<Rdata>) -> Self {
        Answer {
            records,
            authenticated_data: false,
        }
    }

    pub fn ipv4(&self) -> impl Iterator<Item = Ipv4Addr> + '_ {
        self.records.iter().filter_map(|r| match r {
            Rdata::A(a) => Some(*a),
            _ => None,
        })
    }

    pub fn ipv6(&self) -> impl Iterator<Item = Ipv6Addr> + '_ {
        self.records.iter().filter_map(|r| match r {
            Rdata::Aaaa(a) => Some(*a),
            _ => None,
        })
    }
}

/// Why a question got no records. Kept apart because the protocols treat
/// them differently: SPF maps NXDOMAIN on the checked domain to `none` but a
/// timeout to `temperror` (RFC 7208 §4.3, §4.4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DnsError {
    /// RCODE 3: the name does not exist.
    NxDomain,
    /// RCODE 0 with no records of the asked type (RFC 2308 §2.2).
    NoData,
    /// RCODE 2.
    ServFail,
    /// RCODE 5.
    Refused,
    /// No answer in time.
    Timeout,
    /// The network or the DoH endpoint failed.
    Transport(String),
    /// The answer could not be read.
    Malformed(String),
}

impl DnsError {
    /// True for failures that may go away on retry (SPF `temperror`).
    pub fn is_temporary(&self) -> bool {
        matches!(
            self,
            DnsError::ServFail
                | DnsError::Refused
                | DnsError::Timeout
                | DnsError::Transport(_)
                | DnsError::Malformed(_)
        )
    }

    /// True for "no records here": NXDOMAIN or NODATA (an SPF void lookup,
    /// RFC 7208 §4.6.4).
    pub fn is_void(&self) -> bool {
        matches!(self, DnsError::NxDomain | DnsError::NoData)
    }

    /// Stable catalogue code.
    pub fn code(&self) -> &'static str {
        match self {
            DnsError::NxDomain => "dns.nxdomain",
            DnsError::NoData => "dns.nodata",
            DnsError::ServFail => "dns.servfail",
            DnsError::Refused => "dns.refused",
            DnsError::Timeout => "dns.timeout",
            DnsError::Transport(_) => "dns.transport",
            DnsError::Malformed(_) => "dns.malformed",
        }
    }

    /// Every code [`DnsError::code`] can return.
    pub const CODES: [&'static str; 7] = [
        "dns.nxdomain",
        "dns.nodata",
        "dns.servfail",
        "dns.refused",
        "dns.timeout",
        "dns.transport",
        "dns.malformed",
    ];
}

impl fmt::Display for DnsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DnsError::NxDomain => f.write_str("NXDOMAIN"),
            DnsError::NoData => f.write_str("NODATA"),
            DnsError::ServFail => f.write_str("SERVFAIL"),
            DnsError::Refused => f.write_str("REFUSED"),
            DnsError::Timeout => f.write_str("timeout"),
            DnsError::Transport(m) => write!(f, "transport error: {m}"),
            DnsError::Malformed(m) => write!(f, "malformed answer: {m}"),
        }
    }
}

impl std::error::Error for DnsError {}

/// Something that answers DNS questions.
///
/// `name` is text, not [`crate::model::Name`]: SPF macro expansion builds
/// names that are not valid host names (RFC 7208 §7.3) and must still be
/// asked. Implementations compare names case-insensitively and ignore a
/// trailing dot.
#[allow(async_fn_in_trait)]
pub trait Resolver {
    async fn query(&self, name: &str, rtype: RecordType) -> Result<Answer, DnsError>;
}

impl<R: Resolver + ?Sized> Resolver for &R {
    async fn query(&self, name: &str, rtype: RecordType) -> Result<Answer, DnsError> {
        (**self).query(name, rtype).await
    }
}

/// A name as resolvers key it: lowercase, no trailing dot.
pub fn normalize_name(name: &str) -> String {
    name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_classify() {
        assert!(DnsError::Timeout.is_temporary());
        assert!(DnsError::ServFail.is_temporary());
        assert!(!DnsError::NxDomain.is_temporary());
        assert!(DnsError::NoData.is_void());
        assert!(!DnsError::Timeout.is_void());
        for e in [
            DnsError::NxDomain,
            DnsError::NoData,
            DnsError::ServFail,
            DnsError::Refused,
            DnsError::Timeout,
            DnsError::Transport("x".into()),
            DnsError::Malformed("y".into()),
        ] {
            assert!(DnsError::CODES.contains(&e.code()));
            assert!(
                crate::i18n::lookup(e.code()).is_some(),
                "{} not in catalogue",
                e.code()
            );
        }
    }

    #[test]
    fn record_type_numbers_round_trip() {
        for t in [
            RecordType::A,
            RecordType::Aaaa,
            RecordType::Mx,
            RecordType::Txt,
            RecordType::Spf,
        ] {
            assert_eq!(RecordType::from_number(t.number()), t);
        }
        assert_eq!(RecordType::from_number(257), RecordType::Other(257));
    }

    #[test]
    fn txt_strings_join_without_separator() {
        let r = Rdata::Txt(vec![b"v=spf1 ip4:".to_vec(), b"192.0.2.5 -all".to_vec()]);
        assert_eq!(r.txt_joined().as_deref(), Some("v=spf1 ip4:192.0.2.5 -all"));
    }
}
