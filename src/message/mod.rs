//! The message test (issue 18): a message the user received, pasted or
//! dropped as an `.eml`, checked the way its receiver checked it: every
//! `DKIM-Signature` verified (RFC 6376, RFC 8463, RFC 8301), SPF for the
//! hop the user points at (RFC 7208), DMARC for the `From:` domain
//! (RFC 9989), and all three set beside the receiver's own
//! `Authentication-Results` (RFC 8601).
//!
//! Plain core: bytes in, data out. DNS goes through [`crate::dns::Resolver`];
//! the one public-key operation goes through [`crypto::SignatureVerifier`]
//! (WebCrypto in the page); the time of the check is passed in.
//!
//! One file per concern: [`header`] (bytes to fields), [`canon`]
//! (canonicalization), [`signature`] (the `DKIM-Signature` tags),
//! [`dkim`] (verification), [`crypto`] (the verifier interface),
//! [`received`] (hops and `Return-Path`), [`spf`], [`dmarc`],
//! [`auth_results`] (what the receiver wrote) and [`compare`].
//!
//! Limits, so that any paste costs bounded work: [`MAX_MESSAGE_BYTES`] of
//! input, [`dkim::MAX_SIGNATURES`] signatures verified.

pub mod auth_results;
pub mod canon;
pub mod compare;
pub mod crypto;
pub mod dkim;
pub mod dmarc;
pub mod header;
pub mod received;
pub mod signature;
pub mod spf;
pub mod view;

use crate::dns::Resolver;
use crate::finding::Finding;
use auth_results::{ArcField, AuthResults};
use crypto::SignatureVerifier;
use dkim::DkimResult;
use dmarc::MessageDmarc;
use header::MessageBytes;
pub use header::MessageError;
use received::Hop;
use spf::{MessageSpf, SpfQuestion};

/// The largest message read: 10 MiB. Mail servers commonly refuse more
/// than 25 MB on the wire, which is about 18 MB of attachments in base64;
/// a message the user pastes to test DNS records is far smaller, and the
/// page keeps the whole message and its canonical bodies in memory.
pub const MAX_MESSAGE_BYTES: usize = 10 * 1024 * 1024;

/// A message read, with what the page proposes to check SPF with.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadMessage {
    pub bytes: MessageBytes,
    /// What is odd about the input (bare LF, NUL, long lines, bad lines).
    pub findings: Vec<Finding>,
    /// The `Received:` hops, top first.
    pub hops: Vec<Hop>,
    /// The index in `hops` of the proposed hop.
    pub proposed_hop: Option<usize>,
    /// The topmost `Return-Path:`, without `<>`.
    pub return_path: Option<String>,
    /// Every `Authentication-Results`, top first.
    pub auth_results: Vec<AuthResults>,
    /// Every `ARC-*` field, top first (information only).
    pub arc: Vec<ArcField>,
}

impl ReadMessage {
    /// The SPF question for hop `index`: its client address and HELO,
    /// with MAIL FROM from `Return-Path:` (or the hop's `envelope-from`).
    pub fn spf_question(&self, index: usize) -> Option<SpfQuestion> {
        let hop = self.hops.get(index)?;
        Some(SpfQuestion {
            ip: hop.ip?,
            helo: hop.helo.clone().unwrap_or_default(),
            mail_from: self
                .return_path
                .clone()
                .or_else(|| hop.envelope_from.clone())
                .unwrap_or_default(),
        })
    }

    /// The SPF question for the proposed hop.
    pub fn proposed_spf_question(&self) -> Option<SpfQuestion> {
        self.spf_question(self.proposed_hop?)
    }
}

/// Reads a message; `Err` says why it is none ([`MessageError::to_finding`]).
pub fn read(input: &[u8]) -> Result<ReadMessage, MessageError> {
    let (bytes, findings) = header::read(input, MAX_MESSAGE_BYTES)?;
    let hops = received::hops(&bytes);
    let proposed_hop = received::proposed(&hops).map(|h| h.index);
    Ok(ReadMessage {
        return_path: received::return_path(&bytes),
        auth_results: auth_results::read_all(&bytes),
        arc: auth_results::arc_fields(&bytes),
        hops,
        proposed_hop,
        findings,
        bytes,
    })
}

/// Everything the page shows about a message.
#[derive(Clone, Debug, PartialEq)]
pub struct MessageReport {
    /// About the input itself, and signatures beyond the limit.
    pub findings: Vec<Finding>,
    pub dkim: Vec<DkimResult>,
    /// `None` when no hop was given (no `Received:` with an address).
    pub spf: Option<MessageSpf>,
    pub dmarc: MessageDmarc,
    /// The page beside the topmost `Authentication-Results`.
    pub comparison: Vec<Finding>,
}

/// Checks a read message. `spf_question` is the user's choice (or
/// [`ReadMessage::proposed_spf_question`]); `now` is seconds since the epoch.
pub async fn check(
    message: &ReadMessage,
    spf_question: Option<&SpfQuestion>,
    now: u64,
    resolver: &impl Resolver,
    verifier: &impl SignatureVerifier,
) -> MessageReport {
    let dkim_run = dkim::verify_all(&message.bytes, now, resolver, verifier);
    let spf_run = async {
        match spf_question {
            Some(q) => Some(spf::check(resolver, q).await),
            None => None,
        }
    };
    // DKIM's key questions and SPF's do not depend on each other.
    let ((dkim, notes), spf) = futures::future::join(dkim_run, spf_run).await;
    let dmarc = dmarc::evaluate(&message.bytes, &dkim, spf.as_ref(), resolver).await;
    let comparison = compare::compare(message.auth_results.first(), &dkim, spf.as_ref(), &dmarc);
    let mut findings = message.findings.clone();
    findings.extend(notes);
    // RFC 8617 §4.1: the ARC sets an intermediary added, as information.
    if let Some(seal) = message
        .arc
        .iter()
        .find(|a| a.name.eq_ignore_ascii_case("ARC-Seal"))
    {
        let instance = seal.instance.map_or("?".to_string(), |i| i.to_string());
        let cv = seal.chain_validation.clone().unwrap_or_else(|| "?".into());
        findings.push(
            Finding::info(crate::i18n::code::message::ARC_SEEN, "ARC", "RFC 8617 §4.1")
                .arg("count", message.arc.len())
                .arg("instance", instance)
                .arg("cv", cv),
        );
    }
    // No Return-Path and no envelope-from: an empty MAIL FROM here is a
    // guess, not a bounce (RFC 7208 §2.4 would check the HELO name).
    let envelope_known =
        message.return_path.is_some() || message.hops.iter().any(|h| h.envelope_from.is_some());
    if let Some(q) = spf_question.filter(|q| q.mail_from.is_empty() && !envelope_known) {
        findings.push(
            Finding::info(
                crate::i18n::code::message::NO_RETURN_PATH,
                "Return-Path",
                "RFC 5321 §4.4",
            )
            .arg("helo", &q.helo),
        );
    }
    if spf_question.is_none() {
        findings.push(Finding::info(
            crate::i18n::code::message::NO_HOP,
            "Received",
            "RFC 7208 §2.4",
        ));
    }
    MessageReport {
        findings,
        dkim,
        spf,
        dmarc,
        comparison,
    }
}

#[cfg(test)]
mod tests;
