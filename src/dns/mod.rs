//! DNS as the core sees it: one async question in, typed records or a
//! classified error out (RFC 1035 §4.1.1 RCODEs, RFC 2308 NXDOMAIN/NODATA).
//!
//! The core never opens a socket. The page answers questions over
//! DNS-over-HTTPS; tests answer them from [`memory::MemoryZone`]. Both sit
//! behind [`Resolver`], which has no `Send` bound because browser futures are
//! not `Send`.
//!
//! Answers carry the record model's typed data ([`crate::model::record::Rdata`],
//! re-exported here with [`RecordType`]); names inside answers are read with
//! [`crate::model::NameKind::Dns`], so whatever DNS carries can be held and
//! judged by the linters.

pub mod doh_json;
pub mod doh_json_resolver;
pub mod doh_resolver;
pub mod doh_wire_resolver;
pub mod endpoint;
pub mod http;
#[cfg(target_arch = "wasm32")]
pub mod http_gloo;
pub mod limit;
pub mod memory;
pub mod preset;
pub mod protocol;
pub mod race;
pub mod transport;
pub mod wire;

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

use crate::i18n::code;
pub use crate::model::record::{Rdata, RecordType};
pub use doh_json::{
    decode_json, decode_json_response, doh_json_url, doh_json_url_with, DohFlags, DohResponse,
};
pub use preset::Preset;
pub use protocol::Protocol;
pub use transport::{TransportError, TransportKind};

/// A successful answer: the records of the asked type (never empty; an empty
/// answer is [`DnsError::NoData`]).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Answer {
    pub records: Vec<Rdata>,
    /// The AD bit: the resolver validated the answer with DNSSEC.
    pub authenticated_data: bool,
    /// How long, in seconds from when the answer was read, the resolver may
    /// keep serving it: the smallest TTL of the records of the asked type
    /// (RFC 2181 §5.2 wants one TTL per RRset; a resolver that counts down
    /// may still differ). `None` when the source gives no TTL (a DoH JSON
    /// answer without `TTL` fields, an answer saved before TTLs were kept).
    #[serde(default)]
    pub ttl: Option<u32>,
}

impl Answer {
    /// An answer without AD bit or TTL.
    pub fn new(records: Vec<Rdata>) -> Self {
        Answer {
            records,
            authenticated_data: false,
            ttl: None,
        }
    }

    /// The answer with its TTL.
    pub fn with_ttl(mut self, ttl: Option<u32>) -> Self {
        self.ttl = ttl;
        self
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
    /// The network or the DoH endpoint failed: how ([`TransportKind`]) and
    /// the raw text.
    Transport(TransportError),
    /// The answer could not be read.
    Malformed(String),
    /// The DoH server refused the request itself (HTTP 400, a JSON body
    /// `{"error": ...}`): a bad name or parameter. The text is the server's.
    BadRequest(String),
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
                | DnsError::BadRequest(_)
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
            DnsError::NxDomain => code::dns::NXDOMAIN,
            DnsError::NoData => code::dns::NODATA,
            DnsError::ServFail => code::dns::SERVFAIL,
            DnsError::Refused => code::dns::REFUSED,
            DnsError::Timeout => code::dns::TIMEOUT,
            DnsError::Transport(t) => t.kind.code(),
            DnsError::Malformed(_) => code::dns::MALFORMED,
            DnsError::BadRequest(_) => code::dns::BAD_REQUEST,
        }
    }

    /// Every code [`DnsError::code`] can return.
    pub const CODES: [&'static str; 14] = [
        code::dns::NXDOMAIN,
        code::dns::NODATA,
        code::dns::SERVFAIL,
        code::dns::REFUSED,
        code::dns::TIMEOUT,
        code::dns::TRANSPORT_UNREACHABLE,
        code::dns::TRANSPORT_RATE_LIMITED,
        code::dns::TRANSPORT_SERVER_ERROR,
        code::dns::TRANSPORT_HTTP_STATUS,
        code::dns::TRANSPORT_INTERRUPTED,
        code::dns::TRANSPORT_TRUNCATED,
        code::dns::TRANSPORT_UNSUPPORTED,
        code::dns::MALFORMED,
        code::dns::BAD_REQUEST,
    ];

    /// A transport failure of this kind, with its raw text.
    pub fn transport(kind: TransportKind, detail: impl Into<String>) -> Self {
        DnsError::Transport(TransportError::new(kind, detail))
    }

    /// The detail text of `Transport`, `Malformed` and `BadRequest`.
    pub fn detail(&self) -> Option<&str> {
        match self {
            DnsError::Transport(t) => Some(&t.detail),
            DnsError::Malformed(m) | DnsError::BadRequest(m) => Some(m),
            _ => None,
        }
    }
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
            DnsError::BadRequest(m) => write!(f, "bad request: {m}"),
        }
    }
}

impl std::error::Error for DnsError {}

impl serde::Serialize for DnsError {
    /// `{"code": "dns.servfail"}`, plus `"detail"` for the kinds that carry text.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let detail = self.detail();
        let mut map = serializer.serialize_map(Some(1 + usize::from(detail.is_some())))?;
        map.serialize_entry("code", self.code())?;
        if let Some(d) = detail {
            map.serialize_entry("detail", d)?;
        }
        map.end()
    }
}

impl<'de> serde::Deserialize<'de> for DnsError {
    /// Reads back what `Serialize` writes: a code of [`DnsError::CODES`],
    /// and the detail for the kinds that carry one.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        #[derive(serde::Deserialize)]
        struct Json {
            code: String,
            detail: Option<String>,
        }
        let Json { code: c, detail } = Json::deserialize(deserializer)?;
        let detail = || detail.ok_or_else(|| D::Error::custom(format_args!("{c} without its detail")));
        Ok(match c.as_str() {
            code::dns::NXDOMAIN => DnsError::NxDomain,
            code::dns::NODATA => DnsError::NoData,
            code::dns::SERVFAIL => DnsError::ServFail,
            code::dns::REFUSED => DnsError::Refused,
            code::dns::TIMEOUT => DnsError::Timeout,
            code::dns::MALFORMED => DnsError::Malformed(detail()?),
            code::dns::BAD_REQUEST => DnsError::BadRequest(detail()?),
            other => match TransportKind::ALL.into_iter().find(|k| k.code() == other) {
                Some(kind) => DnsError::transport(kind, detail()?),
                None => return Err(D::Error::custom(format_args!("unknown DNS error {other:?}"))),
            },
        })
    }
}

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
            DnsError::transport(TransportKind::RateLimited, "HTTP 429"),
            DnsError::Malformed("y".into()),
            DnsError::BadRequest("z".into()),
        ] {
            assert!(DnsError::CODES.contains(&e.code()), "{}", e.code());
            assert!(
                crate::i18n::lookup(e.code()).is_some(),
                "{} not in catalogue",
                e.code()
            );
        }
    }

    #[test]
    fn txt_strings_join_without_separator() {
        let r = Rdata::Txt(crate::model::Txt {
            strings: vec![b"v=spf1 ip4:".to_vec(), b"192.0.2.5 -all".to_vec()],
        });
        assert_eq!(r.txt_joined().as_deref(), Some("v=spf1 ip4:192.0.2.5 -all"));
    }
}
