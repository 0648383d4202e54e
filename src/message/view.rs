//! What the page shows of a message test, as plain data that travels from
//! the worker that runs it to the page (JSON, `crate::offload`), and the
//! one call the worker makes ([`run`]).
//!
//! The report's own types keep the SPF evaluation's whole trace and the
//! parsed DMARC record; the page needs their words, so [`MessageOutcome`]
//! carries the trace as [`AddressTrace`] (the lines the Check half already
//! shows) and the record as its text.

use super::auth_results::{ArcField, AuthResults};
use super::crypto::SignatureVerifier;
use super::dkim::DkimResult;
use super::dmarc::{DmarcResult, MessageDmarc};
use super::received::Hop;
use super::spf::{MessageSpf, SpfIdentity, SpfQuestion};
use super::{check, read, MessageReport, ReadMessage};
use crate::dmarc::DmarcPolicy;
use crate::dns::endpoint::Endpoint;
use crate::dns::Resolver;
use crate::finding::Finding;
use crate::spf::AddressTrace;
use serde::{Deserialize, Serialize};

/// Which `Received:` hop SPF is checked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum HopChoice {
    /// The one the page proposes (the topmost hop whose client is not the
    /// receiver itself, [`super::received::proposed`]).
    #[default]
    Proposed,
    /// Hop `n`, 0 for the topmost `Received:`.
    Index(usize),
    /// No SPF check.
    Skip,
}

/// SPF for the message, as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpfView {
    pub question: SpfQuestion,
    pub identity: SpfIdentity,
    /// The domain checked: MAIL FROM's, or the HELO name.
    pub domain: String,
    /// The `exp=` text of a `fail`, when the domain gave one (RFC 7208 §6.2).
    pub explanation: Option<String>,
    pub trace: AddressTrace,
}

impl SpfView {
    pub fn of(spf: &MessageSpf) -> SpfView {
        SpfView {
            question: spf.question.clone(),
            identity: spf.identity,
            domain: spf.domain.clone(),
            explanation: spf.outcome.explanation.clone(),
            trace: AddressTrace::of(spf.question.ip, &spf.outcome),
        }
    }
}

/// DMARC for the message, as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DmarcView {
    pub author_domain: Option<String>,
    /// Where the applying record was found (the `From:` domain, or the
    /// organizational domain by the tree walk, RFC 9989 §4.10).
    pub policy_domain: Option<String>,
    /// The applying record's text.
    pub record: Option<String>,
    pub organizational_domain: Option<String>,
    pub dkim_aligned: Option<String>,
    pub spf_aligned: Option<String>,
    pub result: DmarcResult,
    pub disposition: Option<DmarcPolicy>,
    pub findings: Vec<Finding>,
}

impl DmarcView {
    pub fn of(d: &MessageDmarc) -> DmarcView {
        DmarcView {
            author_domain: d.author_domain.clone(),
            policy_domain: d.policy_domain.clone(),
            record: d.record.as_ref().map(|r| r.to_string()),
            organizational_domain: d.organizational_domain.clone(),
            dkim_aligned: d.dkim_aligned.clone(),
            spf_aligned: d.spf_aligned.clone(),
            result: d.result,
            disposition: d.disposition,
            findings: d.findings.clone(),
        }
    }
}

/// Everything the page shows of a message test.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageOutcome {
    /// The message's size in bytes, line ends made CRLF.
    pub size: usize,
    /// The `Received:` hops, top first, to choose from.
    pub hops: Vec<Hop>,
    /// The hop the page proposes, and the one SPF was checked for.
    pub proposed_hop: Option<usize>,
    pub checked_hop: Option<usize>,
    pub return_path: Option<String>,
    /// About the input itself, then notes of the checks.
    pub findings: Vec<Finding>,
    pub dkim: Vec<DkimResult>,
    pub spf: Option<SpfView>,
    pub dmarc: DmarcView,
    /// What the receiver wrote: the topmost `Authentication-Results`.
    pub receiver: Option<AuthResults>,
    /// Every further `Authentication-Results`, for information.
    pub more_receivers: usize,
    /// Where the page and the receiver disagree, and the likely reason.
    pub comparison: Vec<Finding>,
    pub arc: Vec<ArcField>,
}

impl MessageOutcome {
    pub fn of(read: &ReadMessage, checked_hop: Option<usize>, report: MessageReport) -> MessageOutcome {
        MessageOutcome {
            size: read.bytes.bytes.len(),
            hops: read.hops.clone(),
            proposed_hop: read.proposed_hop,
            checked_hop,
            return_path: read.return_path.clone(),
            findings: report.findings,
            dkim: report.dkim,
            spf: report.spf.as_ref().map(SpfView::of),
            dmarc: DmarcView::of(&report.dmarc),
            receiver: read.auth_results.first().cloned(),
            more_receivers: read.auth_results.len().saturating_sub(1),
            comparison: report.comparison,
            arc: read.arc.clone(),
        }
    }

    /// Every finding code in the outcome (the worker sends their texts).
    pub fn codes(&self) -> Vec<&'static str> {
        let mut all: Vec<&Finding> = self.findings.iter().collect();
        all.extend(self.dkim.iter().flat_map(|d| d.findings.iter()));
        all.extend(self.dmarc.findings.iter());
        all.extend(self.comparison.iter());
        if let Some(spf) = &self.spf {
            all.push(&spf.trace.reason);
        }
        all.iter().map(|f| f.code).collect()
    }
}

/// The refusal of a message of `size` bytes when it is over the limit
/// (the page sends at most the limit, with the real size).
pub fn too_large(size: u64) -> Option<Finding> {
    let size = usize::try_from(size).unwrap_or(usize::MAX);
    (size > super::MAX_MESSAGE_BYTES).then(|| {
        super::MessageError::TooLarge {
            size,
            max: super::MAX_MESSAGE_BYTES,
        }
        .to_finding()
    })
}

/// Reads and checks a message: what the message worker runs. `Err` is the
/// one finding that says why the input is no message (empty, too large,
/// no header).
pub async fn run(
    input: &[u8],
    hop: HopChoice,
    now: u64,
    resolver: &impl Resolver,
    verifier: &impl SignatureVerifier,
) -> Result<MessageOutcome, Finding> {
    let read = read(input).map_err(|e| e.to_finding())?;
    let index = match hop {
        HopChoice::Proposed => read.proposed_hop,
        HopChoice::Index(i) => Some(i).filter(|i| *i < read.hops.len()),
        HopChoice::Skip => None,
    };
    let question = index.and_then(|i| read.spf_question(i));
    let report = check(&read, question.as_ref(), now, resolver, verifier).await;
    let checked = question.as_ref().and(index);
    Ok(MessageOutcome::of(&read, checked, report))
}

/// A message to test, and how: what the page sends the message worker
/// (`crate::offload::MessageWorkerRequest`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageRequest {
    pub id: u32,
    /// The message's bytes as `message::view::bytes_to_text` writes them.
    pub bytes: String,
    /// The message's real size: a message over the reader's limit is sent
    /// without its bytes, and refused with its own size ([`too_large`]).
    pub size: u64,
    pub hop: HopChoice,
    /// Seconds since the epoch, for `x=` and `t=` (the worker has no clock).
    pub now: u64,
    pub endpoint: Endpoint,
}

/// What the message worker sends: the outcome, or why the input is no
/// message, as JSON text.
pub fn outcome_to_json(outcome: &Result<MessageOutcome, Finding>) -> String {
    serde_json::to_string(outcome).unwrap_or_default()
}

/// The inverse of [`outcome_to_json`], for the message test's view.
pub fn outcome_from_json(text: &str) -> Result<Result<MessageOutcome, Finding>, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// A message's bytes as text that JSON carries without loss: each byte
/// is the character of the same number (ISO 8859-1), so bytes that are
/// not UTF-8 stay what they were (DKIM signs bytes, RFC 6376 §3.4).
pub fn bytes_to_text(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// The inverse of [`bytes_to_text`]; `None` for a character above U+00FF.
pub fn text_to_bytes(text: &str) -> Option<Vec<u8>> {
    text.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_survive_the_text_form() {
        let all: Vec<u8> = (0..=255).collect();
        let text = bytes_to_text(&all);
        assert_eq!(text_to_bytes(&text).as_deref(), Some(&all[..]));
        let json = serde_json::to_string(&text).expect("json");
        let back: String = serde_json::from_str(&json).expect("read");
        assert_eq!(text_to_bytes(&back).as_deref(), Some(&all[..]));
        assert_eq!(text_to_bytes("日本"), None);
    }
}
