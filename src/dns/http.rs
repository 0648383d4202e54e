//! What a DoH resolver needs from HTTP: GET a URL and hand back the status
//! and body. The page implements [`HttpGet`] over the browser's `fetch`
//! (`super::http_gloo`); tests implement it over canned replies or a local
//! endpoint. Nothing here does I/O.

use super::DnsError;

/// One HTTP reply: status and body text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpReply {
    pub status: u16,
    pub body: String,
}

/// One HTTP reply with its body as octets (RFC 8484 `application/dns-message`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpBytesReply {
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// Something that can GET a URL (the browser's `fetch`, a test double).
#[allow(async_fn_in_trait)]
pub trait HttpGet {
    /// The reply, or why there is none (network error, CORS, timeout). A
    /// timeout should be reported as `Err(DnsError::Timeout)`.
    async fn get(&self, url: &str) -> Result<HttpReply, DnsError>;

    /// GET `url` sending `Accept: <accept>`, the body kept as octets: what
    /// [`super::doh_wire_resolver::DohWireResolver`] needs (RFC 8484 §4.1).
    /// Errors as for [`HttpGet::get`]. The default, for transports that
    /// only fetch text, says it cannot.
    async fn get_bytes(&self, url: &str, accept: &str) -> Result<HttpBytesReply, DnsError> {
        let _ = (url, accept);
        Err(DnsError::transport(
            super::TransportKind::Unsupported,
            "this transport cannot fetch binary (RFC 8484) answers",
        ))
    }
}

/// The first line of a body, at most 200 characters.
pub(crate) fn short(body: &str) -> String {
    body.lines().next().unwrap_or("").chars().take(200).collect()
}
