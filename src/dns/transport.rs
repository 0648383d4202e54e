//! Why a DoH request brought back no DNS message at all: the kinds of
//! transport failure, each with a stable code and a plain sentence in the
//! catalogue (`dns.transport.*`), and the raw text of the failure (the
//! browser's own words, the HTTP status) kept as a detail for the raw
//! answers and the JSON report.
//!
//! RFC 8484 §4.2.1: a DoH answer is an HTTP 2xx reply; any other status,
//! or no reply, is a failure of the transport, not of DNS. The Fetch
//! standard hides why a request failed ("network error": offline, DNS of
//! the resolver's host, TLS, a blocking firewall, CORS all look alike), so
//! the page can only say which of these it could tell apart.

use crate::i18n::code;
use std::fmt;

/// What kind of transport failure it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransportKind {
    /// No HTTP reply: offline, the host unreachable, a TLS failure, or a
    /// firewall, proxy, extension or CORS refusal blocking it.
    Unreachable,
    /// HTTP 429 that persisted after waiting once.
    RateLimited,
    /// HTTP 5xx: the resolver's web service failed.
    ServerError,
    /// Another HTTP status that is not a DoH answer (403, 404, 3xx…).
    HttpStatus,
    /// The reply broke off while its body was read, or the request could
    /// not be set up.
    Interrupted,
    /// The DNS message had the TC bit: not sent whole (RFC 2181 §9).
    Truncated,
    /// The transport cannot ask in this format (binary RFC 8484).
    Unsupported,
}

impl TransportKind {
    /// Every kind, for tests and the catalogue.
    pub const ALL: [TransportKind; 7] = [
        TransportKind::Unreachable,
        TransportKind::RateLimited,
        TransportKind::ServerError,
        TransportKind::HttpStatus,
        TransportKind::Interrupted,
        TransportKind::Truncated,
        TransportKind::Unsupported,
    ];

    /// Stable catalogue code.
    pub fn code(self) -> &'static str {
        match self {
            TransportKind::Unreachable => code::dns::TRANSPORT_UNREACHABLE,
            TransportKind::RateLimited => code::dns::TRANSPORT_RATE_LIMITED,
            TransportKind::ServerError => code::dns::TRANSPORT_SERVER_ERROR,
            TransportKind::HttpStatus => code::dns::TRANSPORT_HTTP_STATUS,
            TransportKind::Interrupted => code::dns::TRANSPORT_INTERRUPTED,
            TransportKind::Truncated => code::dns::TRANSPORT_TRUNCATED,
            TransportKind::Unsupported => code::dns::TRANSPORT_UNSUPPORTED,
        }
    }

    /// The kind of an HTTP status that is not a DoH answer.
    pub fn of_status(status: u16) -> TransportKind {
        match status {
            429 => TransportKind::RateLimited,
            500..=599 => TransportKind::ServerError,
            _ => TransportKind::HttpStatus,
        }
    }
}

/// A transport failure: its kind and the raw text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransportError {
    pub kind: TransportKind,
    /// The raw text: the browser's error, `HTTP 503`… Shown under the raw
    /// answers, never as the explanation.
    pub detail: String,
}

impl TransportError {
    pub fn new(kind: TransportKind, detail: impl Into<String>) -> Self {
        TransportError {
            kind,
            detail: detail.into(),
        }
    }

    /// The failure for an HTTP reply that is not a DoH answer.
    pub fn http(status: u16) -> Self {
        let detail = match status {
            429 => "HTTP 429: too many requests, slow down".to_string(),
            s => format!("HTTP {s}"),
        };
        TransportError::new(TransportKind::of_status(status), detail)
    }
}

/// A bare text is a failure to reach the resolver (test doubles and
/// transports that know no better).
impl From<&str> for TransportError {
    fn from(detail: &str) -> Self {
        TransportError::new(TransportKind::Unreachable, detail)
    }
}

impl From<String> for TransportError {
    fn from(detail: String) -> Self {
        TransportError::new(TransportKind::Unreachable, detail)
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_classify() {
        let cases = [
            (
                429,
                TransportKind::RateLimited,
                "HTTP 429: too many requests, slow down",
            ),
            (500, TransportKind::ServerError, "HTTP 500"),
            (503, TransportKind::ServerError, "HTTP 503"),
            (403, TransportKind::HttpStatus, "HTTP 403"),
            (404, TransportKind::HttpStatus, "HTTP 404"),
            (302, TransportKind::HttpStatus, "HTTP 302"),
        ];
        for (status, kind, detail) in cases {
            assert_eq!(
                TransportError::http(status),
                TransportError::new(kind, detail),
                "{status}"
            );
        }
    }

    #[test]
    fn every_kind_has_a_plain_sentence_in_both_languages() {
        for kind in TransportKind::ALL {
            let m = crate::i18n::lookup(kind.code());
            assert!(m.is_some(), "{} not in catalogue", kind.code());
            for lang in crate::i18n::Lang::ALL {
                let text = m.map(|m| m.text(lang)).unwrap_or_default();
                assert!(!text.contains("TypeError") && !text.contains('{'), "{text}");
            }
        }
    }
}
