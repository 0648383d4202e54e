//! The message worker (wasm32 only; the binary is `src/bin/message.rs`):
//! tests a received message (`crate::message::view::run`) when the page's
//! message test first asks, so neither the first view nor the checker
//! carries DKIM's canonicalization and the message readers. The key and
//! policy questions go through the chosen DoH resolver, the signatures
//! through WebCrypto; all of it off the page's thread, so a large paste
//! never blocks typing.

use super::crypto::WebCryptoVerifier;
use super::{listen, post_text};
use crate::dns::doh_resolver::DohResolver;
use crate::dns::http_gloo::{GlooHttp, Progress};
use crate::i18n::catalogue::{MESSAGE_TEST, MESSAGE_UI};
use crate::message::view::{outcome_to_json, run, text_to_bytes, too_large};
use crate::offload::{MessageRequest, MessageWorkerReply, MessageWorkerRequest, VERSION};
use std::rc::Rc;

fn post(reply: &MessageWorkerReply) {
    post_text(&reply.to_json());
}

/// Serves message tests and says it is ready, after the texts of the
/// message test's view (the page's first view does not carry them).
/// Called once, by the message binary's `main`.
pub fn start() {
    crate::web::idn::install();
    listen(
        |text| match text.and_then(|t| MessageWorkerRequest::from_json(&t)) {
            Ok(MessageWorkerRequest::Message(request)) => wasm_bindgen_futures::spawn_local(test(request)),
            Err(reason) => post(&MessageWorkerReply::Refused { id: None, reason }),
        },
    );
    let codes = MESSAGE_UI.iter().flat_map(|p| p.iter()).map(|m| m.code);
    post(&MessageWorkerReply::Texts {
        texts: crate::i18n::carried(MESSAGE_UI, codes),
    });
    post(&MessageWorkerReply::Ready { version: VERSION });
}

async fn test(request: MessageRequest) {
    let id = request.id;
    if let Some(finding) = too_large(request.size) {
        let texts = crate::i18n::carried(MESSAGE_TEST, [finding.code]);
        post(&MessageWorkerReply::Texts { texts });
        let outcome = outcome_to_json(&Err(finding));
        post(&MessageWorkerReply::Message { id, outcome });
        return;
    }
    let Some(bytes) = text_to_bytes(&request.bytes) else {
        post(&MessageWorkerReply::Refused {
            id: Some(id),
            reason: "the message's bytes were not sent as bytes".to_string(),
        });
        return;
    };
    drop(request.bytes);
    let resolver = DohResolver::new(
        GlooHttp::new(request.endpoint.protocol, Rc::new(Progress::default())),
        &request.endpoint,
    );
    let outcome =
        outcome_to_json(&run(&bytes, request.hop, request.now, &resolver, &WebCryptoVerifier).await);
    // The texts of every code the outcome names first (findings, and the
    // reasons they name): the page keeps them, then reads the outcome. Codes
    // of other areas (SPF, DNS) are in the page's own catalogue.
    let texts = crate::i18n::carried_in(MESSAGE_TEST, &outcome);
    if !texts.is_empty() {
        post(&MessageWorkerReply::Texts { texts });
    }
    post(&MessageWorkerReply::Message { id, outcome });
}
