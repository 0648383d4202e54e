//! One resolver type for every DoH endpoint the page can ask: a JSON API or
//! RFC 8484 wire format, chosen by the endpoint's [`Protocol`]. The check
//! engine is generic over [`Resolver`]; running it over this one type keeps
//! one copy of the engine in the page instead of one per transport (each
//! copy costs tens of KB of wasm).

use super::doh_json_resolver::DohJsonResolver;
use super::doh_wire_resolver::DohWireResolver;
use super::endpoint::Endpoint;
use super::http::HttpGet;
use super::protocol::Protocol;
use super::{Answer, DnsError, RecordType, Resolver};

/// A DoH endpoint of either format.
pub enum DohResolver<H> {
    Json(DohJsonResolver<H>),
    Wire(DohWireResolver<H>),
}

impl<H: HttpGet> DohResolver<H> {
    /// The resolver that asks `endpoint` the way its protocol wants, over `http`.
    pub fn new(http: H, endpoint: &Endpoint) -> Self {
        match endpoint.protocol {
            Protocol::Wire => DohResolver::Wire(DohWireResolver::new(http, endpoint.url.clone())),
            json => DohResolver::Json(DohJsonResolver::new(http, endpoint.url.clone(), json)),
        }
    }
}

impl<H: HttpGet> Resolver for DohResolver<H> {
    async fn query(&self, name: &str, rtype: RecordType) -> Result<Answer, DnsError> {
        match self {
            DohResolver::Json(r) => r.query(name, rtype).await,
            DohResolver::Wire(r) => r.query(name, rtype).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::http::{HttpBytesReply, HttpReply};
    use futures::executor::block_on;
    use std::net::Ipv4Addr;

    /// Answers JSON questions with one A record, and wire questions with
    /// an error, so each variant shows it used its own path.
    struct Canned;

    impl HttpGet for Canned {
        async fn get(&self, _url: &str) -> Result<HttpReply, DnsError> {
            let body = r#"{"Status":0,"AD":false,"Question":[{"name":"example.com.","type":1}],
                "Answer":[{"name":"example.com.","type":1,"TTL":60,"data":"93.184.215.14"}]}"#;
            Ok(HttpReply {
                status: 200,
                body: body.to_string(),
            })
        }

        async fn get_bytes(&self, _url: &str, _accept: &str) -> Result<HttpBytesReply, DnsError> {
            Ok(HttpBytesReply {
                status: 503,
                content_type: None,
                body: Vec::new(),
            })
        }
    }

    #[test]
    fn each_variant_asks_its_own_way() {
        let json = DohResolver::new(
            Canned,
            &Endpoint {
                url: "https://dns.example/resolve".into(),
                protocol: Protocol::GoogleJson,
            },
        );
        assert!(matches!(json, DohResolver::Json(_)));
        let answer = block_on(json.query("example.com", RecordType::A)).expect("json answer");
        assert_eq!(
            answer.ipv4().collect::<Vec<_>>(),
            vec![Ipv4Addr::new(93, 184, 215, 14)]
        );
        let wire = DohResolver::new(
            Canned,
            &Endpoint {
                url: "https://dns.example/dns-query".into(),
                protocol: Protocol::Wire,
            },
        );
        assert!(matches!(wire, DohResolver::Wire(_)));
        assert_eq!(
            block_on(wire.query("example.com", RecordType::A)),
            Err(DnsError::transport(
                crate::dns::TransportKind::ServerError,
                "HTTP 503"
            ))
        );
    }
}
