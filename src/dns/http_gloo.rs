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
//! - [`Progress`] counts questions started and finished for the page.
//!
//! wasm32 only.

use super::doh_resolver::{HttpGet, HttpReply};
use super::limit::InFlightLimit;
use super::{DnsError, JsonFlavor};
use crate::ui::browser;
use futures::future::{select, Either};
use std::cell::Cell;
use std::rc::Rc;

/// Requests in flight at once.
pub const MAX_IN_FLIGHT: usize = 8;
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
    pub fn new(flavor: JsonFlavor, progress: Rc<Progress>) -> Self {
        GlooHttp {
            limit: InFlightLimit::new(MAX_IN_FLIGHT),
            progress,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            accept: match flavor {
                JsonFlavor::Google => None,
                JsonFlavor::Cloudflare => Some("application/dns-json"),
            },
        }
    }

    /// The most requests that were in flight at once.
    pub fn peak_in_flight(&self) -> usize {
        self.limit.peak()
    }

    /// One request, no retry: the reply and its `Retry-After` in seconds.
    async fn once(&self, url: &str) -> Result<(HttpReply, Option<u32>), DnsError> {
        let controller = web_sys::AbortController::new()
            .map_err(|e| DnsError::Transport(format!("AbortController: {e:?}")))?;
        let signal = controller.signal();
        let mut request = gloo_net::http::Request::get(url).abort_signal(Some(&signal));
        if let Some(accept) = self.accept {
            request = request.header("accept", accept);
        }
        let fetch = async move {
            let response = request
                .send()
                .await
                .map_err(|e| DnsError::Transport(e.to_string()))?;
            let retry_after = response
                .headers()
                .get("retry-after")
                .and_then(|v| v.trim().parse::<u32>().ok());
            let status = response.status();
            let body = response
                .text()
                .await
                .map_err(|e| DnsError::Transport(e.to_string()))?;
            Ok((HttpReply { status, body }, retry_after))
        };
        let deadline = browser::sleep_ms(self.timeout_ms);
        match select(Box::pin(fetch), Box::pin(deadline)).await {
            Either::Left((result, _)) => result,
            Either::Right(((), _)) => {
                controller.abort();
                Err(DnsError::Timeout)
            }
        }
    }

    async fn with_retry(&self, url: &str) -> Result<HttpReply, DnsError> {
        match self.once(url).await {
            Ok((reply, retry_after)) if reply.status == 429 => {
                let wait = retry_after.unwrap_or(1).min(MAX_RETRY_AFTER_S);
                browser::sleep_ms(i32::try_from(wait * 1000).unwrap_or(10_000)).await;
                self.once(url).await.map(|(r, _)| r)
            }
            Ok((reply, _)) if reply.status >= 500 => self.once(url).await.map(|(r, _)| r),
            Ok((reply, _)) => Ok(reply),
            Err(DnsError::Transport(_)) => self.once(url).await.map(|(r, _)| r),
            Err(e) => Err(e),
        }
    }
}

impl HttpGet for GlooHttp {
    async fn get(&self, url: &str) -> Result<HttpReply, DnsError> {
        let _permit = self.limit.acquire().await;
        self.progress.started.set(self.progress.started.get() + 1);
        let result = self.with_retry(url).await;
        self.progress.finished.set(self.progress.finished.get() + 1);
        result
    }
}
