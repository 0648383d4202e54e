//! The page's DoH transport: [`HttpGet`] over the browser's `fetch` (gloo-net).
//!
//! - each request has a deadline: an `AbortController` is raced against a
//!   timer, and the loser aborted; a request past it is [`DnsError::Timeout`];
//! - a network failure or an HTTP 5xx is retried once (RFC 8484 §4: the
//!   server may fail transiently, and a DNS client retries);
//! - HTTP 429 waits for `Retry-After` (seconds, at most 10 s) and retries
//!   once; if it persists the 429 reply is returned, which the resolver turns
//!   into a transport failure "HTTP 429";
//! - at most [`MAX_IN_FLIGHT`] requests are in flight at once
//!   ([`InFlightLimit`]), so a big SPF tree does not flood the resolver;
//! - [`Progress`] counts questions started and finished for the page;
//! - JSON answers are read as text, RFC 8484 answers as bytes (`get_bytes`);
//! - a failure is classified by kind ([`TransportKind`]), the browser's own
//!   text kept as the detail (`TypeError: Failed to fetch` is shown only
//!   under the raw answers).
//!
//! wasm32 only.

use super::http::{HttpBytesReply, HttpGet, HttpReply};
use super::limit::InFlightLimit;
use super::protocol::Protocol;
use super::{DnsError, TransportKind};
use futures::future::{select, Either};
use std::cell::Cell;
use std::rc::Rc;

/// Requests in flight at once. A full audit's first wave (MX, SPF, DMARC,
/// MTA-STS TXT and host, TLS-RPT, CAA and a DKIM selector) is 9 questions:
/// all of them go out together, with room for a few typed selectors. Over
/// HTTP/2 they share one connection; public resolvers allow far more streams.
pub const MAX_IN_FLIGHT: usize = 12;
/// Deadline of one HTTP request.
pub const DEFAULT_TIMEOUT_MS: i32 = 5_000;
/// The longest `Retry-After` honoured, in seconds.
pub const MAX_RETRY_AFTER_S: u32 = 10;

/// Questions started and finished, shared with the page.
#[derive(Debug, Default)]
pub struct Progress {
    started: Cell<usize>,
    finished: Cell<usize>,
}

impl Progress {
    pub fn started(&self) -> usize {
        self.started.get()
    }

    pub fn finished(&self) -> usize {
        self.finished.get()
    }
}

/// `fetch` with a deadline, retries and a cap on requests in flight.
pub struct GlooHttp {
    limit: Rc<InFlightLimit>,
    progress: Rc<Progress>,
    timeout_ms: i32,
    /// The `Accept` header: Cloudflare's JSON needs `application/dns-json`.
    accept: Option<&'static str>,
}

impl GlooHttp {
    /// A transport for an endpoint of this protocol (its JSON `Accept`
    /// header; wire questions set their own).
    pub fn new(protocol: Protocol, progress: Rc<Progress>) -> Self {
        GlooHttp {
            limit: InFlightLimit::new(MAX_IN_FLIGHT),
            progress,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            accept: protocol.json_accept(),
        }
    }

    /// The most requests that were in flight at once.
    pub fn peak_in_flight(&self) -> usize {
        self.limit.peak()
    }

    /// One request, no retry. `binary` reads the body as bytes (RFC 8484
    /// wire format) instead of text (the JSON APIs).
    async fn once(&self, url: &str, accept: Option<&str>, binary: bool) -> Result<RawReply, DnsError> {
        let controller = web_sys::AbortController::new().map_err(|e| {
            DnsError::transport(TransportKind::Interrupted, format!("AbortController: {e:?}"))
        })?;
        let signal = controller.signal();
        let mut request = gloo_net::http::Request::get(url).abort_signal(Some(&signal));
        if let Some(accept) = accept {
            request = request.header("accept", accept);
        }
        let fetch = async move {
            let response = request.send().await.map_err(send_failure)?;
            let headers = response.headers();
            let retry_after = headers
                .get("retry-after")
                .and_then(|v| v.trim().parse::<u32>().ok());
            let content_type = headers.get("content-type");
            let status = response.status();
            let body = if binary {
                RawBody::Bytes(
                    response
                        .binary()
                        .await
                        .map_err(|e| DnsError::transport(TransportKind::Interrupted, e.to_string()))?,
                )
            } else {
                RawBody::Text(
                    response
                        .text()
                        .await
                        .map_err(|e| DnsError::transport(TransportKind::Interrupted, e.to_string()))?,
                )
            };
            Ok(RawReply {
                status,
                content_type,
                body,
                retry_after,
            })
        };
        let deadline = crate::web::clock::sleep_ms(self.timeout_ms);
        match select(Box::pin(fetch), Box::pin(deadline)).await {
            Either::Left((result, _)) => result,
            Either::Right(((), _)) => {
                controller.abort();
                Err(DnsError::Timeout)
            }
        }
    }

    async fn with_retry(&self, url: &str, accept: Option<&str>, binary: bool) -> Result<RawReply, DnsError> {
        match self.once(url, accept, binary).await {
            Ok(reply) if reply.status == 429 => {
                let wait = reply.retry_after.unwrap_or(1).min(MAX_RETRY_AFTER_S);
                crate::web::clock::sleep_ms(i32::try_from(wait * 1000).unwrap_or(10_000)).await;
                self.once(url, accept, binary).await
            }
            Ok(reply) if reply.status >= 500 => self.once(url, accept, binary).await,
            Ok(reply) => Ok(reply),
            Err(DnsError::Transport(_)) => self.once(url, accept, binary).await,
            Err(e) => Err(e),
        }
    }

    /// A request under the in-flight cap, counted for the progress display.
    async fn fetch(&self, url: &str, accept: Option<&str>, binary: bool) -> Result<RawReply, DnsError> {
        let _permit = self.limit.acquire().await;
        self.progress.started.set(self.progress.started.get() + 1);
        let result = self.with_retry(url, accept, binary).await;
        self.progress.finished.set(self.progress.finished.get() + 1);
        result
    }
}

/// Why `fetch` gave no reply. The browser rejects with a `TypeError`
/// ("Failed to fetch", "NetworkError when attempting to fetch resource")
/// for every network failure alike (offline, TLS, CORS, a blocking proxy):
/// that is [`TransportKind::Unreachable`]. An `AbortError` that is not our
/// deadline is an interrupted request. The browser's text is kept as the
/// detail.
fn send_failure(e: gloo_net::Error) -> DnsError {
    let kind = match &e {
        gloo_net::Error::JsError(js) if js.name == "AbortError" => TransportKind::Interrupted,
        _ => TransportKind::Unreachable,
    };
    DnsError::transport(kind, e.to_string())
}

/// A reply before it is shaped for [`HttpGet::get`] or [`HttpGet::get_bytes`].
struct RawReply {
    status: u16,
    content_type: Option<String>,
    body: RawBody,
    retry_after: Option<u32>,
}

enum RawBody {
    Text(String),
    Bytes(Vec<u8>),
}

impl RawBody {
    fn into_text(self) -> String {
        match self {
            RawBody::Text(t) => t,
            RawBody::Bytes(b) => String::from_utf8_lossy(&b).into_owned(),
        }
    }

    fn into_bytes(self) -> Vec<u8> {
        match self {
            RawBody::Text(t) => t.into_bytes(),
            RawBody::Bytes(b) => b,
        }
    }
}

impl HttpGet for GlooHttp {
    async fn get(&self, url: &str) -> Result<HttpReply, DnsError> {
        let reply = self.fetch(url, self.accept, false).await?;
        Ok(HttpReply {
            status: reply.status,
            body: reply.body.into_text(),
        })
    }

    /// RFC 8484 §4.1: GET with `Accept: application/dns-message`, binary body.
    async fn get_bytes(&self, url: &str, accept: &str) -> Result<HttpBytesReply, DnsError> {
        let reply = self.fetch(url, Some(accept), true).await?;
        Ok(HttpBytesReply {
            status: reply.status,
            content_type: reply.content_type,
            body: reply.body.into_bytes(),
        })
    }
}
