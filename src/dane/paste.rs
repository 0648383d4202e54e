//! The audit report's DANE paste box (issue 19 item 3), as one pure step:
//! the chain or key pasted for an MX host, read ([`read_presented`]) and
//! compared with the TLSA records the audit found for `_25._tcp.<host>`
//! ([`compare`], RFC 7672 §3.1), plus the "current + next" `3 1 1` pair
//! when a next key is pasted after the chain ([`rollover`], RFC 7671 §8.1)
//! and the command that prints what the host presents
//! ([`openssl_commands`]). Plain data out, so it crosses the worker
//! boundary; the page renders it.

use super::MAX_PASTE_BYTES;
use super::{compare, openssl_commands, read_presented, record_for, rollover, Presented, PresentedKind};
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::Tlsa;
use serde::{Deserialize, Serialize};

/// One TLSA record and the certificates or keys it matched (their labels).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordRow {
    pub record: String,
    pub matched: Vec<String>,
}

/// What the paste box shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasteCheck {
    pub host: String,
    /// The certificates and keys read, as the page names them.
    pub presented: Vec<String>,
    pub records: Vec<RecordRow>,
    /// `3 1 1` of the current key, then of the next (RFC 7671 §8.1).
    pub rollover: Vec<String>,
    pub commands: Vec<String>,
    pub findings: Vec<Finding>,
}

/// Checks `text` (of `size` bytes: the page sends nothing of a paste over
/// [`MAX_PASTE_BYTES`], only its size) against `records` for `host`.
pub fn check_paste(host: &str, text: &str, size: u64, records: &[Tlsa]) -> PasteCheck {
    let mut out = PasteCheck {
        host: host.to_string(),
        commands: openssl_commands([host]),
        ..PasteCheck::default()
    };
    if size > MAX_PASTE_BYTES as u64 || text.len() > MAX_PASTE_BYTES {
        // RFC 7468 §2 bounds nothing, but a chain is a few kilobytes: a
        // paste this large is not one, and is refused whole.
        out.findings.push(
            Finding::error(code::dane::TOO_LARGE, host, "RFC 7468 §2")
                .arg("bytes", size.max(text.len() as u64))
                .arg("max", MAX_PASTE_BYTES),
        );
        return out;
    }
    let read = read_presented(text);
    out.findings.extend(read.findings);
    // A key pasted after a chain (position > 0, a bare public key) is the
    // next key of a rollover, not part of what the server presents.
    let (chain, next): (Vec<Presented>, Vec<Presented>) = read
        .items
        .into_iter()
        .partition(|p| p.position == 0 || p.kind == PresentedKind::Certificate);
    out.presented = chain.iter().chain(next.iter()).map(Presented::label).collect();
    if chain.is_empty() && next.is_empty() && !out.findings.is_empty() {
        // Nothing was read and the findings say why (no PEM, a private
        // key, bad base64): a comparison would only add "no chain".
        return out;
    }
    let comparison = compare(records, &chain, host);
    out.records = comparison
        .records
        .iter()
        .map(|r| RecordRow {
            record: r.record.to_string(),
            matched: r
                .matched
                .iter()
                .filter_map(|p| chain.iter().find(|c| c.position == *p).map(Presented::label))
                .collect(),
        })
        .collect();
    out.findings.extend(comparison.findings);
    if let Some(leaf) = chain.iter().find(|c| c.position == 0) {
        match next.last() {
            Some(next) => {
                let r = rollover(leaf, next, host);
                out.rollover = r.records.iter().map(Tlsa::to_string).collect();
                out.findings.extend(r.findings);
            }
            None => {
                out.rollover = record_for(leaf, Tlsa::DANE_EE, Tlsa::SELECTOR_SPKI, Tlsa::MATCH_SHA256)
                    .map(|t| t.to_string())
                    .into_iter()
                    .collect();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_pastes_get_their_findings_and_nothing_else() {
        let not_pem = check_paste("mx.example.com", "hello, this is no certificate", 29, &[]);
        assert_eq!(
            not_pem.findings.iter().map(|f| f.code).collect::<Vec<_>>(),
            vec![code::dane::NO_PEM]
        );
        assert_eq!(
            not_pem.commands,
            vec!["openssl s_client -starttls smtp -connect mx.example.com:25 -showcerts -servername mx.example.com </dev/null"]
        );
        let huge = check_paste("mx.example.com", "", 5 * 1024 * 1024, &[]);
        assert_eq!(
            huge.findings.iter().map(|f| f.code).collect::<Vec<_>>(),
            vec![code::dane::TOO_LARGE]
        );
        assert_eq!(huge.findings[0].get_arg("bytes"), Some("5242880"));
        let bad = check_paste(
            "mx.example.com",
            "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n",
            64,
            &[],
        );
        assert!(bad.presented.is_empty());
        assert!(!bad.findings.is_empty());
        assert!(bad.findings.iter().all(|f| f.code.starts_with("dane.")));
    }
}
