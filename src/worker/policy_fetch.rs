//! The checker's fetch of an MTA-STS policy file (RFC 8461 §3.3), run beside
//! the audit's DNS questions when the page allowed the origin
//! (`mta_sts::live::Permit::Allowed`). What it found goes to the engine as
//! data (`mta_sts::live::Fetched`).
//!
//! The browser rejects a cross-origin fetch without `Access-Control-Allow-Origin`
//! exactly as it rejects a network failure (a `TypeError` either way). To
//! tell the user which, a second request of the same URL goes out in
//! `no-cors` mode, which the browser lets through with an unreadable answer
//! when the host answers at all: through → the header is missing; not
//! through → DNS, TLS or the connection failed. Both requests send no
//! cookies and skip the HTTP cache; the readable one does not follow a
//! redirect (`redirect: "manual"`), as senders do not (§3.3).

use crate::model::Name;
use crate::mta_sts::live::{policy_url, Fetched, TIMEOUT_SECONDS};
use crate::mta_sts::policy::MAX_POLICY_BYTES;
use crate::web::clock::sleep_ms;
use futures::future::{select, Either};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestCredentials, RequestMode, RequestRedirect, ResponseType};

/// Fetches the domain's policy file and says what happened.
pub async fn fetch_policy(domain: &Name) -> Fetched {
    let url = policy_url(domain);
    match once(&url, RequestMode::Cors).await {
        Attempt::Answer(response) => read(response).await,
        Attempt::Timeout => Fetched::Timeout {
            seconds: TIMEOUT_SECONDS,
        },
        Attempt::Failed(reason) => match once(&url, RequestMode::NoCors).await {
            Attempt::Answer(_) => Fetched::CorsBlocked,
            Attempt::Timeout => Fetched::Timeout {
                seconds: TIMEOUT_SECONDS,
            },
            Attempt::Failed(_) => Fetched::Failed { reason },
        },
    }
}

enum Attempt {
    Answer(gloo_net::http::Response),
    Failed(String),
    Timeout,
}

async fn once(url: &str, mode: RequestMode) -> Attempt {
    let Ok(controller) = web_sys::AbortController::new() else {
        return Attempt::Failed("AbortController".to_string());
    };
    let signal = controller.signal();
    // A no-cors request must follow redirects (the browser refuses
    // `manual` for it); it only shows that the host answers.
    let redirect = if mode == RequestMode::Cors {
        RequestRedirect::Manual
    } else {
        RequestRedirect::Follow
    };
    let request = gloo_net::http::Request::get(url)
        .mode(mode)
        .redirect(redirect)
        .cache(RequestCache::NoStore)
        .credentials(RequestCredentials::Omit)
        .abort_signal(Some(&signal));
    let deadline = sleep_ms(i32::try_from(TIMEOUT_SECONDS * 1000).unwrap_or(10_000));
    match select(Box::pin(request.send()), Box::pin(deadline)).await {
        Either::Left((Ok(response), _)) => Attempt::Answer(response),
        Either::Left((Err(e), _)) => Attempt::Failed(e.to_string()),
        Either::Right(((), _)) => {
            controller.abort();
            Attempt::Timeout
        }
    }
}

/// A readable answer (or a redirect, unreadable by design).
async fn read(response: gloo_net::http::Response) -> Fetched {
    if response.type_() == ResponseType::Opaqueredirect {
        return Fetched::Redirect;
    }
    let status = response.status();
    let content_type = response.headers().get("content-type");
    // One byte past the parser's limit is enough for it to say the file is
    // too large; a host that sends more is not read further.
    let raw: web_sys::Response = response.into();
    let body = match read_capped(&raw, MAX_POLICY_BYTES + 1).await {
        // A policy is ASCII (§3.2); other bytes show as U+FFFD and fail
        // the parser there.
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(reason) => return Fetched::Failed { reason },
    };
    Fetched::Answer {
        status,
        content_type,
        body,
    }
}

/// At most `cap` bytes of the body, then the stream is cancelled.
async fn read_capped(response: &web_sys::Response, cap: usize) -> Result<Vec<u8>, String> {
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream
        .get_reader()
        .dyn_into()
        .map_err(|_| "the body cannot be read".to_string())?;
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|e| {
            e.as_string()
                .unwrap_or_else(|| "the body was cut off".to_string())
        })?;
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let Ok(value) = js_sys::Reflect::get(&chunk, &JsValue::from_str("value")) else {
            break;
        };
        let bytes = js_sys::Uint8Array::new(&value);
        let room = cap.saturating_sub(out.len());
        let take = u32::try_from(room).unwrap_or(u32::MAX).min(bytes.length());
        out.extend(bytes.subarray(0, take).to_vec());
        if out.len() >= cap {
            let _ = reader.cancel();
            break;
        }
    }
    Ok(out)
}
