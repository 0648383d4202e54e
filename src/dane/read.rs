//! Reading what the user pastes: the PEM blocks `openssl s_client -showcerts`
//! prints (RFC 7468 §2: `-----BEGIN CERTIFICATE-----`, base64, `-----END
//! CERTIFICATE-----`), or a `-----BEGIN PUBLIC KEY-----` block (RFC 7468 §13).
//!
//! The work is bounded before anything is decoded: a paste longer than
//! [`MAX_PASTE_BYTES`] is refused whole, and at most [`MAX_BLOCKS`] blocks
//! are read. Every problem is a finding; nothing here panics.

use super::der::{self, DerError};
use crate::finding::Finding;
use crate::i18n::code;
use base64::Engine;

/// The largest paste read, in bytes. A server's chain is a few certificates
/// of 1–2 KB each in PEM; 256 KiB holds any real chain many times over,
/// and refusing more keeps the work small (a 5 MB paste is one finding).
pub const MAX_PASTE_BYTES: usize = 256 * 1024;
/// The most PEM blocks read; RFC 8446 §4.4.2 chains are rarely above 4.
pub const MAX_BLOCKS: usize = 16;

/// RFC 7468 §2 / §13 labels.
const LABEL_CERTIFICATE: &str = "CERTIFICATE";
const LABEL_PUBLIC_KEY: &str = "PUBLIC KEY";

/// What one block was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentedKind {
    /// An X.509 certificate: both selectors apply.
    Certificate,
    /// A bare SubjectPublicKeyInfo: only selector 1 (RFC 6698 §2.1.2).
    PublicKey,
}

/// A certificate or public key read from the paste.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Presented {
    /// Its place among the certificates and keys read, from 0: in a chain
    /// as the server sends it, 0 is the server's own (leaf) certificate
    /// (RFC 8446 §4.4.2: the sender's certificate comes first).
    pub position: usize,
    /// Which block of the paste it came from, from 1 (for messages).
    pub block: usize,
    pub kind: PresentedKind,
    /// The whole DER: the certificate (selector 0), or the SPKI for a key.
    pub der: Vec<u8>,
    /// The SubjectPublicKeyInfo DER (selector 1).
    pub spki: Vec<u8>,
    pub subject_cn: Option<String>,
    pub issuer_cn: Option<String>,
}

impl Presented {
    /// How the page names it: the subject CN, else its position.
    pub fn label(&self) -> String {
        match (&self.subject_cn, self.kind) {
            (Some(cn), _) => format!("#{} {cn}", self.position + 1),
            (None, PresentedKind::PublicKey) => format!("#{} public key", self.position + 1),
            (None, PresentedKind::Certificate) => format!("#{} certificate", self.position + 1),
        }
    }
}

/// The paste read: what could be read, and every problem.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PresentedChain {
    pub items: Vec<Presented>,
    pub findings: Vec<Finding>,
}

const RFC_PEM: &str = "RFC 7468 §2";

/// Reads a pasted chain or public key.
pub fn read_presented(text: &str) -> PresentedChain {
    let mut out = PresentedChain::default();
    if text.len() > MAX_PASTE_BYTES {
        out.findings.push(
            Finding::error(code::dane::TOO_LARGE, "", RFC_PEM)
                .arg("bytes", text.len())
                .arg("max", MAX_PASTE_BYTES),
        );
        return out;
    }
    let mut rest = text;
    let mut block = 0usize;
    while let Some(begin) = rest.find("-----BEGIN ") {
        let after = &rest[begin + "-----BEGIN ".len()..];
        let Some(label_end) = after.find("-----") else {
            break;
        };
        let label = &after[..label_end];
        let body_and_rest = &after[label_end + 5..];
        block += 1;
        if block > MAX_BLOCKS {
            out.findings
                .push(Finding::warning(code::dane::TOO_MANY_BLOCKS, "", RFC_PEM).arg("max", MAX_BLOCKS));
            break;
        }
        let end_marker = format!("-----END {label}-----");
        let Some(end) = body_and_rest.find(&end_marker) else {
            out.findings.push(
                Finding::error(code::dane::UNTERMINATED, format!("#{block}"), RFC_PEM).arg("label", label),
            );
            break;
        };
        let body = &body_and_rest[..end];
        rest = &body_and_rest[end + end_marker.len()..];
        let subject = format!("#{block}");
        if label.contains("PRIVATE KEY") {
            // Never read further: a private key has no business here.
            out.findings
                .push(Finding::error(code::dane::PRIVATE_KEY, subject, RFC_PEM).arg("label", label));
            continue;
        }
        let kind = match label {
            LABEL_CERTIFICATE => PresentedKind::Certificate,
            LABEL_PUBLIC_KEY => PresentedKind::PublicKey,
            _ => {
                out.findings
                    .push(Finding::warning(code::dane::OTHER_BLOCK, subject, RFC_PEM).arg("label", label));
                continue;
            }
        };
        // RFC 7468 §3: the base64 text, whitespace anywhere between lines.
        let b64: String = body.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        let bytes = match base64::engine::general_purpose::STANDARD.decode(b64.as_bytes()) {
            Ok(b) => b,
            Err(_) => {
                out.findings
                    .push(Finding::error(code::dane::BAD_BASE64, subject, "RFC 7468 §3"));
                continue;
            }
        };
        let parsed = match kind {
            PresentedKind::Certificate => {
                der::certificate(&bytes).map(|p| (p.spki.to_vec(), p.subject_cn, p.issuer_cn))
            }
            PresentedKind::PublicKey => der::public_key_info(&bytes).map(|()| (bytes.clone(), None, None)),
        };
        match parsed {
            Ok((spki, subject_cn, issuer_cn)) => out.items.push(Presented {
                position: out.items.len(),
                block,
                kind,
                der: bytes,
                spki,
                subject_cn,
                issuer_cn,
            }),
            Err(e) => {
                let code = match e {
                    DerError::Truncated => code::dane::TRUNCATED_DER,
                    DerError::Malformed | DerError::TrailingData | DerError::BadModulus => {
                        code::dane::BAD_DER
                    }
                };
                let rfc = match kind {
                    PresentedKind::Certificate => "RFC 5280 §4.1",
                    PresentedKind::PublicKey => "RFC 5280 §4.1.2.7",
                };
                out.findings
                    .push(Finding::error(code, subject, rfc).arg("label", label));
            }
        }
    }
    if block == 0 {
        out.findings.push(Finding::error(code::dane::NO_PEM, "", RFC_PEM));
    }
    out
}
