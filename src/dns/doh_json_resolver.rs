//! A [`Resolver`] over a DoH JSON endpoint, with the HTTP fetch left to the
//! caller: the page implements [`HttpGet`] (`super::http`) with its browser
//! fetch, and this module does the rest (URL, HTTP status, JSON decoding), purely.
//!
//! HTTP statuses (Google's DoH page, FORMATS.md §1 and §4 item 1): 200 carries
//! the DNS answer, whatever its RCODE; 400 is a refused request (Cloudflare
//! explains in `{"error": ...}`, Google in HTML or text); 429 asks the client
//! to slow down; 5xx is the service failing.

use super::doh_json::{decode_json_response, doh_json_url, DohResponse};
use super::http::{short, HttpGet, HttpReply};
use super::protocol::Protocol;
use super::{Answer, DnsError, RecordType, Resolver, TransportError};
use std::cell::RefCell;

/// The answer to `qname`/`qtype` in an HTTP reply from a DoH JSON endpoint.
pub fn decode_http(reply: &HttpReply, qname: &str, qtype: RecordType) -> Result<Answer, DnsError> {
    decode_http_response(reply)?.answer_for(qname, qtype)
}

/// The whole decoded response in an HTTP reply (for showing it raw).
pub fn decode_http_response(reply: &HttpReply) -> Result<DohResponse, DnsError> {
    match reply.status {
        200 => decode_json_response(&reply.body),
        400 => Err(match decode_json_response(&reply.body) {
            Err(DnsError::BadRequest(m)) => DnsError::BadRequest(m),
            _ => DnsError::BadRequest(short(&reply.body)),
        }),
        s => Err(DnsError::Transport(TransportError::http(s))),
    }
}

/// One question and the whole decoded response (or why there is none).
pub type LoggedResponse = (String, RecordType, Result<DohResponse, DnsError>);

/// A resolver that asks one DoH JSON endpoint, keeping every decoded
/// response for a `dig`-style view.
pub struct DohJsonResolver<H> {
    pub http: H,
    pub endpoint: String,
    pub protocol: Protocol,
    log: RefCell<Vec<LoggedResponse>>,
}

impl<H: HttpGet> DohJsonResolver<H> {
    pub fn new(http: H, endpoint: impl Into<String>, protocol: Protocol) -> Self {
        DohJsonResolver {
            http,
            endpoint: endpoint.into(),
            protocol,
            log: RefCell::new(Vec::new()),
        }
    }

    /// Every question asked so far with its whole decoded response.
    pub fn responses(&self) -> Vec<LoggedResponse> {
        self.log.borrow().clone()
    }
}

impl<H: HttpGet> Resolver for DohJsonResolver<H> {
    async fn query(&self, name: &str, rtype: RecordType) -> Result<Answer, DnsError> {
        let url = doh_json_url(&self.endpoint, self.protocol, name, rtype);
        let response = match self.http.get(&url).await {
            Ok(reply) => decode_http_response(&reply),
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
    use crate::dns::Rdata;
    use futures::executor::block_on;

    fn reply(status: u16, body: &str) -> HttpReply {
        HttpReply {
            status,
            body: body.to_string(),
        }
    }

    #[test]
    fn http_statuses() {
        let ok = r#"{"Status":0,"Answer":[{"name":"example.com.","type":1,"TTL":5,"data":"192.0.2.1"}]}"#;
        assert_eq!(
            decode_http(&reply(200, ok), "example.com", RecordType::A).map(|a| a.records),
            Ok(vec![Rdata::A([192, 0, 2, 1].into())])
        );
        let cases = [
            (
                400,
                r#"{"error":"Invalid name"}"#,
                DnsError::BadRequest("Invalid name".into()),
            ),
            (
                400,
                "<html>Bad Request\nmore</html>",
                DnsError::BadRequest("<html>Bad Request".into()),
            ),
            (
                429,
                "",
                DnsError::transport(
                    crate::dns::TransportKind::RateLimited,
                    "HTTP 429: too many requests, slow down",
                ),
            ),
            (
                502,
                "",
                DnsError::transport(crate::dns::TransportKind::ServerError, "HTTP 502"),
            ),
        ];
        for (status, body, want) in cases {
            assert_eq!(
                decode_http(&reply(status, body), "example.com", RecordType::A),
                Err(want)
            );
        }
    }

    struct Canned;

    impl HttpGet for Canned {
        async fn get(&self, url: &str) -> Result<HttpReply, DnsError> {
            if url.contains("type=15") {
                Ok(reply(
                    200,
                    r#"{"Status":0,"AD":true,"Answer":[{"name":"example.com","type":15,"TTL":5,"data":"10 mx.example.com."}]}"#,
                ))
            } else if url.contains("type=16") {
                Err(DnsError::Timeout)
            } else {
                Ok(reply(200, r#"{"Status":3}"#))
            }
        }
    }

    #[test]
    fn resolver_over_a_fetch() {
        let r = DohJsonResolver::new(Canned, "https://dns.google/resolve", Protocol::GoogleJson);
        let mx = block_on(r.query("example.com", RecordType::Mx)).expect("mx");
        assert!(mx.authenticated_data);
        assert_eq!(mx.records[0].to_string(), "10 mx.example.com.");
        assert_eq!(
            block_on(r.query("example.com", RecordType::Txt)),
            Err(DnsError::Timeout)
        );
        assert_eq!(
            block_on(r.query("nope.example.com", RecordType::A)),
            Err(DnsError::NxDomain)
        );
        let log = r.responses();
        assert_eq!(log.len(), 3);
        assert!(log[0]
            .2
            .as_ref()
            .is_ok_and(|resp| resp.dig_text().contains("10 mx.example.com.")));
    }
}
