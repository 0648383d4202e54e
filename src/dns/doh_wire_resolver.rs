//! A [`Resolver`] over an RFC 8484 DoH endpoint in wire format, with the
//! HTTP fetch left to the caller ([`HttpGet::get_bytes`]), mirroring
//! [`super::doh_json_resolver::DohJsonResolver`]: the page's transport plugs into
//! both.
//!
//! RFC 8484 §4.1: GET `?dns=<base64url message>` with
//! `Accept: application/dns-message` (GET, not POST, so HTTP caches can
//! answer, and no CORS preflight is needed for a simple request);
//! §4.2.1: a 2xx reply carries the DNS answer whatever its RCODE, other
//! statuses are HTTP-level failures (400 a refused request, 415 a media
//! type the server does not take, 429 slow down, 5xx the service failing).

use super::doh_json::DohFlags;
use super::http::{short, HttpBytesReply, HttpGet};
use super::wire::{build_query_with, decode_wire_response, query_url, WireResponse, DNS_MESSAGE};
use super::{Answer, DnsError, RecordType, Resolver, TransportError};
use std::cell::RefCell;

/// The whole decoded response in an HTTP reply from an RFC 8484 endpoint.
pub fn decode_wire_http(reply: &HttpBytesReply) -> Result<WireResponse, DnsError> {
    match reply.status {
        200..=299 => decode_wire_response(&reply.body).map_err(|e| match &reply.content_type {
            // A captive portal or a JSON-only server answers something
            // else; say so rather than "message ends early".
            Some(ct) if !is_dns_message(ct) => {
                DnsError::Malformed(format!("expected {DNS_MESSAGE}, got {}", short(ct)))
            }
            _ => e,
        }),
        400 => Err(DnsError::BadRequest(short(&String::from_utf8_lossy(&reply.body)))),
        415 => Err(DnsError::BadRequest(format!(
            "HTTP 415: the server does not take {DNS_MESSAGE}"
        ))),
        s => Err(DnsError::Transport(TransportError::http(s))),
    }
}

/// The answer to `qname`/`qtype` in an HTTP reply from an RFC 8484 endpoint.
pub fn decode_wire_http_answer(
    reply: &HttpBytesReply,
    qname: &str,
    qtype: RecordType,
) -> Result<Answer, DnsError> {
    decode_wire_http(reply)?.answer_for(qname, qtype)
}

/// `application/dns-message`, any case, parameters ignored.
fn is_dns_message(content_type: &str) -> bool {
    content_type
        .split(';')
        .next()
        .is_some_and(|t| t.trim().eq_ignore_ascii_case(DNS_MESSAGE))
}

/// One question and the whole decoded response (or why there is none).
pub type LoggedWireResponse = (String, RecordType, Result<WireResponse, DnsError>);

/// A resolver that asks one RFC 8484 endpoint in wire format, keeping
/// every decoded response for a `dig`-style view.
pub struct DohWireResolver<H> {
    pub http: H,
    pub endpoint: String,
    /// DNSSEC flags of every query: DO asks for RRSIGs (RFC 3225), CD for
    /// unvalidated answers (RFC 4035 §3.2.2).
    pub flags: DohFlags,
    log: RefCell<Vec<LoggedWireResponse>>,
}

impl<H: HttpGet> DohWireResolver<H> {
    pub fn new(http: H, endpoint: impl Into<String>) -> Self {
        DohWireResolver {
            http,
            endpoint: endpoint.into(),
            flags: DohFlags::default(),
            log: RefCell::new(Vec::new()),
        }
    }

    /// The same resolver sending these DNSSEC flags.
    pub fn with_flags(mut self, flags: DohFlags) -> Self {
        self.flags = flags;
        self
    }

    /// The GET URL for a question (what the transport is asked to fetch).
    pub fn url(&self, name: &str, rtype: RecordType) -> Result<String, DnsError> {
        Ok(query_url(
            &self.endpoint,
            &build_query_with(name, rtype, self.flags)?,
        ))
    }

    /// Every question asked so far with its whole decoded response.
    pub fn responses(&self) -> Vec<LoggedWireResponse> {
        self.log.borrow().clone()
    }
}

impl<H: HttpGet> Resolver for DohWireResolver<H> {
    async fn query(&self, name: &str, rtype: RecordType) -> Result<Answer, DnsError> {
        let response = match self.url(name, rtype) {
            Ok(url) => match self.http.get_bytes(&url, DNS_MESSAGE).await {
                Ok(reply) => decode_wire_http(&reply),
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        };
        let answer = response
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|r| r.answer_for(name, rtype));
        self.log.borrow_mut().push((name.to_string(), rtype, response));
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::http::HttpReply;
    use crate::dns::Rdata;
    use base64::Engine;
    use futures::executor::block_on;
    use std::cell::RefCell;

    fn reply(status: u16, ct: Option<&str>, body: &[u8]) -> HttpBytesReply {
        HttpBytesReply {
            status,
            content_type: ct.map(String::from),
            body: body.to_vec(),
        }
    }

    /// A tiny DoH server: answers the decoded query with one A record for
    /// names starting with "a", NXDOMAIN otherwise, and times out on TXT.
    struct Canned {
        seen: RefCell<Vec<(String, String)>>,
    }

    impl HttpGet for Canned {
        async fn get(&self, _url: &str) -> Result<HttpReply, DnsError> {
            Err(DnsError::Transport("text only in tests".into()))
        }

        async fn get_bytes(&self, url: &str, accept: &str) -> Result<HttpBytesReply, DnsError> {
            self.seen.borrow_mut().push((url.to_string(), accept.to_string()));
            let b64 = url.split("dns=").nth(1).unwrap_or_default();
            let mut msg = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(b64)
                .map_err(|e| DnsError::BadRequest(e.to_string()))?;
            if msg.get(msg.len().saturating_sub(15)..msg.len().saturating_sub(13)) == Some(&[0, 16]) {
                return Err(DnsError::Timeout);
            }
            let name_first = msg.get(13).copied();
            // Response: QR RD RA, and drop the OPT record (ARCOUNT 0).
            msg[2] = 0x81;
            msg[3] = if name_first == Some(b'a') { 0xa0 } else { 0x83 };
            msg[11] = 0;
            msg.truncate(msg.len() - 11);
            if name_first == Some(b'a') {
                msg[7] = 1;
                msg.extend_from_slice(&[0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 7]);
            }
            Ok(reply(200, Some("application/dns-message"), &msg))
        }
    }

    #[test]
    fn resolver_over_a_fetch() {
        let r = DohWireResolver::new(
            Canned {
                seen: RefCell::new(Vec::new()),
            },
            "https://doh.pub/dns-query",
        );
        let a = block_on(r.query("a.example.com", RecordType::A)).expect("answer");
        assert_eq!(a.records, vec![Rdata::A([192, 0, 2, 7].into())]);
        assert!(a.authenticated_data);
        assert_eq!(
            block_on(r.query("b.example.com", RecordType::A)),
            Err(DnsError::NxDomain)
        );
        assert_eq!(
            block_on(r.query("a.example.com", RecordType::Txt)),
            Err(DnsError::Timeout)
        );
        assert!(matches!(
            block_on(r.query("a..b", RecordType::A)),
            Err(DnsError::BadRequest(_))
        ));
        let seen = r.http.seen.borrow();
        assert_eq!(seen.len(), 3);
        assert!(seen[0].0.starts_with("https://doh.pub/dns-query?dns=AAABAAAB"));
        assert_eq!(seen[0].1, "application/dns-message");
        let log = r.responses();
        assert_eq!(log.len(), 4);
        assert!(log[0]
            .2
            .as_ref()
            .is_ok_and(|w| w.dig_text().contains("a.example.com.\t60\tIN\tA\t192.0.2.7")));
    }

    #[test]
    fn http_statuses() {
        let cases = [
            (
                reply(200, Some("text/html; charset=utf-8"), b"<html>"),
                DnsError::Malformed("expected application/dns-message, got text/html; charset=utf-8".into()),
            ),
            (
                reply(400, None, b"bad dns param\nmore"),
                DnsError::BadRequest("bad dns param".into()),
            ),
            (
                reply(415, None, b""),
                DnsError::BadRequest("HTTP 415: the server does not take application/dns-message".into()),
            ),
            (
                reply(429, None, b""),
                DnsError::transport(
                    crate::dns::TransportKind::RateLimited,
                    "HTTP 429: too many requests, slow down",
                ),
            ),
            (
                reply(503, None, b""),
                DnsError::transport(crate::dns::TransportKind::ServerError, "HTTP 503"),
            ),
        ];
        for (r, want) in cases {
            assert_eq!(decode_wire_http(&r).map(|_| ()), Err(want));
        }
        assert!(matches!(
            decode_wire_http(&reply(200, Some("Application/DNS-Message"), b"\x00")),
            Err(DnsError::Malformed(m)) if m.contains("ends early")
        ));
    }

    struct TextOnly;

    impl HttpGet for TextOnly {
        async fn get(&self, _url: &str) -> Result<HttpReply, DnsError> {
            Ok(HttpReply {
                status: 200,
                body: String::new(),
            })
        }
    }

    #[test]
    fn a_text_only_transport_says_so() {
        let r = DohWireResolver::new(TextOnly, "https://dns.alidns.com/dns-query");
        assert!(matches!(
            block_on(r.query("example.com", RecordType::A)),
            Err(DnsError::Transport(t)) if t.kind == crate::dns::TransportKind::Unsupported && t.detail.contains("binary")
        ));
    }
}
