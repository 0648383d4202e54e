//! Verifying each `DKIM-Signature` of a message, RFC 6376 §6.1, with the
//! Ed25519 algorithm of RFC 8463 and the rules of RFC 8301.
//!
//! Per signature, in the order of §6.1: read the field (§6.1.1), ask for
//! the key at `<s>._domainkey.<d>` (§6.1.2), compute the body hash and
//! compare it with `bh=` (§6.1.3), then build the header hash input (§3.7)
//! and hand it with the key to the [`SignatureVerifier`] (§6.1.3 step 4).
//! The verdicts keep apart what failed (RFC 8601 §2.7.1): `fail` names the
//! step; a key question that did not get an answer is `temperror`, never
//! `fail`; a malformed signature or a missing key is `permerror`.
//!
//! Bounded work: at most [`MAX_SIGNATURES`] signatures are verified; each
//! canonical body is made once and each (canonicalization, `l=`) hashed
//! once, so many signatures cost DNS questions, not passes over the body.

use super::canon::{self, Canon};
use super::crypto::{CryptoError, SignatureVerifier, VerifyAlgorithm, VerifyRequest};
use super::header::{HeaderField, MessageBytes};
use super::signature::{self, DkimSignature, SignatureError, SigningAlgorithm};
use crate::dkim::spki::{self, PublicKey};
use crate::dkim::{DkimKey, KeyType};
use crate::dns::{DnsError, RecordType, Resolver};
use crate::finding::Finding;
use crate::i18n::code;
use base64::Engine;
use futures::future::join_all;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// Signatures verified per message; the rest are named, not verified.
pub const MAX_SIGNATURES: usize = 16;

/// Leeway for `t=` in the future, as dkimpy allows ("mailers with
/// inaccurate clocks"): RFC 6376 §3.5 `t=` leaves the choice to the verifier.
pub const FUTURE_LEEWAY_S: u64 = 36_000;

/// RFC 8301 §3.2: "Verifiers MUST NOT consider signatures using RSA keys of
/// less than 1024 bits as valid signatures."
pub const MIN_RSA_BITS: u32 = 1024;

const RFC_VERIFY: &str = "RFC 6376 §6.1";
const RFC_KEY: &str = "RFC 6376 §6.1.2";
const RFC_HASH: &str = "RFC 6376 §6.1.3";

/// Which step of a failed verification failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailedStep {
    /// The body hash is not `bh=`: the body changed (or `l=` no longer fits).
    BodyHash,
    /// The header hash does not match `b=`: a signed header field changed.
    Signature,
    /// The key cannot verify this signature (revoked, too weak, wrong type, not for email).
    Key,
    /// `a=rsa-sha1` (RFC 8301 §3.1).
    Sha1,
}

/// The verdict of one signature (RFC 8601 §2.7.1 names).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum DkimVerdict {
    Pass,
    Fail {
        step: FailedStep,
    },
    /// The key question got no answer: try again later.
    TempError {
        dns: DnsError,
    },
    /// Malformed signature, no key record, unreadable key record, expired.
    PermError,
    /// The verifier could not run (no Ed25519 in this browser).
    NotVerified {
        why: String,
    },
}

impl DkimVerdict {
    /// The RFC 8601 result word.
    pub fn as_str(&self) -> &'static str {
        match self {
            DkimVerdict::Pass => "pass",
            DkimVerdict::Fail { .. } => "fail",
            DkimVerdict::TempError { .. } | DkimVerdict::NotVerified { .. } => "temperror",
            DkimVerdict::PermError => "permerror",
        }
    }
}

/// What the key record said, for the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeySummary {
    pub key_type: String,
    pub rsa_bits: Option<u32>,
    /// `t=y`: the domain is testing DKIM (RFC 6376 §3.6.1).
    pub testing: bool,
}

/// One signature's verification.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DkimResult {
    /// The line of the `DKIM-Signature` field.
    pub line: usize,
    /// `d=`, `s=` and `a=` when the field could be read that far.
    pub domain: Option<String>,
    pub selector: Option<String>,
    pub algorithm: Option<SigningAlgorithm>,
    /// `l=`, and how many canonical body bytes it leaves unsigned.
    pub body_length: Option<u64>,
    pub unsigned_body_bytes: Option<u64>,
    /// The first characters of `b=` in base64, to match the receiver's
    /// `header.b` (RFC 6008 §4).
    pub b_prefix: Option<String>,
    pub key: Option<KeySummary>,
    pub verdict: DkimVerdict,
    /// The verdict's reason first, then remarks (over-signing, `l=`, `t=y`).
    pub findings: Vec<Finding>,
}

/// The canonical bodies and their hashes, made once per message.
#[derive(Default)]
struct BodyHashes {
    bodies: HashMap<Canon, Vec<u8>>,
    hashes: HashMap<(Canon, Option<u64>), Option<Vec<u8>>>,
}

impl BodyHashes {
    fn canonical_len(&mut self, msg: &MessageBytes, c: Canon) -> usize {
        self.bodies
            .entry(c)
            .or_insert_with(|| canon::body(c, msg.body()))
            .len()
    }

    /// SHA-256 of the canonical body cut at `l=`; `None` when `l=` is longer
    /// than the body (§3.5 `l=`: the verifier cannot hash what is not there).
    fn hash(&mut self, msg: &MessageBytes, c: Canon, l: Option<u64>) -> Option<Vec<u8>> {
        if let Some(h) = self.hashes.get(&(c, l)) {
            return h.clone();
        }
        let body = self.bodies.entry(c).or_insert_with(|| canon::body(c, msg.body()));
        let cut = match l {
            None => Some(body.as_slice()),
            Some(l) => usize::try_from(l).ok().and_then(|l| body.get(..l)),
        };
        let h = cut.map(|b| Sha256::digest(b).to_vec());
        self.hashes.insert((c, l), h.clone());
        h
    }
}

/// The header hash input of §3.7 for `sig`, in field `sig_field`: each
/// field named in `h=`, taken from the bottom up (§5.4.2), canonicalized;
/// then the signature field itself with `b=` emptied and no final CRLF.
pub fn header_hash_input(msg: &MessageBytes, sig: &DkimSignature, sig_field: &HeaderField) -> Vec<u8> {
    let mut by_name: HashMap<String, Vec<&HeaderField>> = HashMap::new();
    for f in &msg.fields {
        by_name.entry(f.name.to_ascii_lowercase()).or_default().push(f);
    }
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for name in &sig.signed_headers {
        let key = name.to_ascii_lowercase();
        let n = used.entry(key.clone()).or_insert(0);
        *n += 1;
        // §5.4: a name listed more often than it occurs signs its absence
        // (over-signing): the extra entries add nothing.
        let field = by_name
            .get(&key)
            .and_then(|all| all.len().checked_sub(*n).and_then(|i| all.get(i)));
        if let Some(f) = field {
            canon::header(sig.header_canon, msg.raw(f), &mut out);
        }
    }
    let raw = msg.raw(sig_field);
    let value_at = sig_field.colon + 1 - sig_field.start;
    let (b0, b1) = sig.b_value;
    let mut without_b = Vec::with_capacity(raw.len());
    without_b.extend_from_slice(raw.get(..value_at + b0).unwrap_or(raw));
    without_b.extend_from_slice(raw.get(value_at + b1..).unwrap_or_default());
    canon::header(sig.header_canon, &without_b, &mut out);
    // §3.7: the DKIM-Signature field itself is hashed last, without its final CRLF.
    out.truncate(out.len().saturating_sub(2));
    out
}

/// Verifies every `DKIM-Signature` of `msg` (top first). `now` is the
/// time of the check in seconds since the epoch, for `t=` and `x=`.
pub async fn verify_all(
    msg: &MessageBytes,
    now: u64,
    resolver: &impl Resolver,
    verifier: &impl SignatureVerifier,
) -> (Vec<DkimResult>, Vec<Finding>) {
    let fields: Vec<&HeaderField> = msg.fields_named("DKIM-Signature").collect();
    let mut notes = Vec::new();
    if fields.len() > MAX_SIGNATURES {
        notes.push(
            Finding::warning(code::message::TOO_MANY_SIGNATURES, "DKIM-Signature", RFC_VERIFY)
                .arg("count", fields.len())
                .arg("max", MAX_SIGNATURES),
        );
    }
    let parsed: Vec<(&HeaderField, Result<DkimSignature, SignatureError>)> = fields
        .iter()
        .take(MAX_SIGNATURES)
        .map(|f| (*f, signature::parse(msg, f)))
        .collect();
    // The key questions do not depend on one another: all at once.
    let keys = join_all(parsed.iter().map(|(_, s)| async move {
        match s {
            Ok(s) if s.algorithm != SigningAlgorithm::RsaSha1 => {
                Some(fetch_key(resolver, &s.key_name()).await)
            }
            _ => None,
        }
    }))
    .await;
    let mut bodies = BodyHashes::default();
    let mut out = Vec::new();
    for ((field, sig), key) in parsed.into_iter().zip(keys) {
        out.push(verify_one(msg, field, sig, key, now, &mut bodies, verifier).await);
    }
    (out, notes)
}

/// The key record's answer: the key, or why there is none.
enum KeyAnswer {
    Found(DkimKey),
    /// NXDOMAIN or NODATA, or TXT without a readable key (§6.1.2 PERMFAIL).
    None(String),
    Unreadable(String),
    Failed(DnsError),
}

async fn fetch_key(resolver: &impl Resolver, name: &str) -> KeyAnswer {
    match resolver.query(name, RecordType::Txt).await {
        Err(e) if e.is_temporary() => KeyAnswer::Failed(e),
        Err(e) => KeyAnswer::None(e.to_string()),
        Ok(a) => {
            let texts: Vec<String> = a.records.iter().filter_map(|r| r.txt_joined()).collect();
            let mut first_error = None;
            for t in &texts {
                match DkimKey::check(t, name) {
                    (Some(k), _) => return KeyAnswer::Found(k),
                    (None, f) => {
                        first_error = first_error.or_else(|| f.first().map(|f| f.code.to_string()));
                    }
                }
            }
            match first_error {
                Some(e) => KeyAnswer::Unreadable(e),
                None => KeyAnswer::None("NODATA".to_string()),
            }
        }
    }
}

/// A result with only its verdict and reason so far.
fn result_for(
    field: &HeaderField,
    sig: Option<&DkimSignature>,
    verdict: DkimVerdict,
    reason: Finding,
) -> DkimResult {
    DkimResult {
        line: field.line,
        domain: sig.map(|s| s.domain.clone()),
        selector: sig.map(|s| s.selector.clone()),
        algorithm: sig.map(|s| s.algorithm),
        body_length: sig.and_then(|s| s.body_length),
        unsigned_body_bytes: None,
        b_prefix: sig.map(|s| {
            let mut b = base64::engine::general_purpose::STANDARD.encode(&s.signature);
            b.truncate(16);
            b
        }),
        key: None,
        verdict,
        findings: vec![reason],
    }
}

async fn verify_one(
    msg: &MessageBytes,
    field: &HeaderField,
    sig: Result<DkimSignature, SignatureError>,
    key: Option<KeyAnswer>,
    now: u64,
    bodies: &mut BodyHashes,
    verifier: &impl SignatureVerifier,
) -> DkimResult {
    let subject = format!("DKIM-Signature (line {})", field.line);
    let sig = match sig {
        Ok(s) => s,
        Err(e) => {
            let reason = e.to_finding(&subject, field.line);
            return result_for(field, None, DkimVerdict::PermError, reason);
        }
    };
    let subject = format!("d={} s={}", sig.domain, sig.selector);
    let line = field.line;
    let fail = |step: FailedStep, code: &'static str, rfc: &'static str| {
        (
            DkimVerdict::Fail { step },
            Finding::error(code, &subject, rfc).arg("line", line),
        )
    };
    let mut r = result_for(
        field,
        Some(&sig),
        DkimVerdict::Pass,
        Finding::info(code::message::DKIM_PASS, &subject, RFC_VERIFY),
    );
    let mut remarks = remarks(msg, &sig, &subject, line, bodies);
    if let Some(l) = sig.body_length {
        let len = bodies.canonical_len(msg, sig.body_canon) as u64;
        r.unsigned_body_bytes = Some(len.saturating_sub(l));
    }
    let (verdict, reason) = 'verdict: {
        // RFC 8301 §3.1: "rsa-sha1 MUST NOT be used for signing or verifying."
        if sig.algorithm == SigningAlgorithm::RsaSha1 {
            break 'verdict fail(FailedStep::Sha1, code::message::DKIM_SHA1, "RFC 8301 §3.1");
        }
        // §3.5 x=: "Signatures MAY be considered invalid if the verification
        // time at the Verifier is past the expiration date."
        if let Some(x) = sig.expiration.filter(|&x| now > x) {
            break 'verdict (
                DkimVerdict::PermError,
                Finding::error(code::message::DKIM_EXPIRED, &subject, "RFC 6376 §3.5")
                    .arg("line", line)
                    .arg("expired", x)
                    .arg("now", now),
            );
        }
        if let Some(t) = sig.timestamp.filter(|&t| t > now.saturating_add(FUTURE_LEEWAY_S)) {
            break 'verdict (
                DkimVerdict::PermError,
                Finding::error(code::message::DKIM_FUTURE, &subject, "RFC 6376 §3.5")
                    .arg("line", line)
                    .arg("signed", t)
                    .arg("now", now),
            );
        }
        let key_name = sig.key_name();
        let key = match key {
            Some(KeyAnswer::Found(k)) => k,
            // §6.1.2: "If the query for the public key fails to respond, the
            // Verifier MAY seek a later verification attempt by returning TEMPFAIL".
            Some(KeyAnswer::Failed(dns)) => {
                let f = Finding::warning(code::message::DKIM_KEY_TEMPERROR, &subject, RFC_KEY)
                    .arg("line", line)
                    .arg("name", &key_name)
                    .arg("answer", dns.to_string());
                break 'verdict (DkimVerdict::TempError { dns }, f);
            }
            // §6.1.2: "If the query for the public key fails because the
            // corresponding key record does not exist, the Verifier MUST
            // immediately return PERMFAIL (no key for signature)."
            Some(KeyAnswer::None(answer)) => {
                let f = Finding::error(code::message::DKIM_NO_KEY, &subject, RFC_KEY)
                    .arg("line", line)
                    .arg("name", &key_name)
                    .arg("answer", answer);
                break 'verdict (DkimVerdict::PermError, f);
            }
            Some(KeyAnswer::Unreadable(why)) => {
                let f = Finding::error(code::message::DKIM_KEY_SYNTAX, &subject, RFC_KEY)
                    .arg("line", line)
                    .arg("name", &key_name)
                    .arg("why", why);
                break 'verdict (DkimVerdict::PermError, f);
            }
            None => {
                break 'verdict (
                    DkimVerdict::PermError,
                    Finding::error(code::message::DKIM_NO_KEY, &subject, RFC_KEY),
                )
            }
        };
        let testing = key.flags.as_ref().is_some_and(|f| f.iter().any(|f| f == "y"));
        let request_key = match usable_key(&key, &sig) {
            Ok((k, bits)) => {
                r.key = Some(KeySummary {
                    key_type: key.effective_key_type().as_str().to_string(),
                    rsa_bits: bits,
                    testing,
                });
                k
            }
            Err(code) => {
                r.key = Some(KeySummary {
                    key_type: key.effective_key_type().as_str().to_string(),
                    rsa_bits: None,
                    testing,
                });
                let (v, f) = fail(FailedStep::Key, code, RFC_KEY);
                break 'verdict (v, f.arg("name", &key_name));
            }
        };
        if testing {
            // §3.6.1 t=y: "Verifiers MUST NOT treat messages from Signers in
            // testing mode differently from unsigned email".
            remarks.push(
                Finding::info(code::message::DKIM_KEY_TESTING, &subject, "RFC 6376 §3.6.1")
                    .arg("name", &key_name),
            );
        }
        // §6.1.3: the body hash first; a mismatch ends the verification.
        match bodies.hash(msg, sig.body_canon, sig.body_length) {
            None => {
                let (v, f) = fail(
                    FailedStep::BodyHash,
                    code::message::DKIM_BODY_SHORTER_THAN_L,
                    "RFC 6376 §3.5",
                );
                break 'verdict (v, f.arg("l", sig.body_length.unwrap_or(0)));
            }
            Some(h) if h != sig.body_hash => {
                break 'verdict fail(FailedStep::BodyHash, code::message::DKIM_BODY_HASH, RFC_HASH);
            }
            Some(_) => {}
        }
        let input = header_hash_input(msg, &sig, field);
        let (algorithm, message) = match sig.algorithm {
            SigningAlgorithm::Ed25519Sha256 => (VerifyAlgorithm::Ed25519, Sha256::digest(&input).to_vec()),
            _ => (VerifyAlgorithm::RsaPkcs1Sha256, input),
        };
        let request = VerifyRequest {
            algorithm,
            public_key: request_key,
            message,
            signature: sig.signature.clone(),
        };
        match verifier.verify(&request).await {
            Ok(true) => (
                DkimVerdict::Pass,
                Finding::info(code::message::DKIM_PASS, &subject, RFC_VERIFY).arg("line", line),
            ),
            Ok(false) => fail(FailedStep::Signature, code::message::DKIM_SIGNATURE, RFC_HASH),
            Err(CryptoError::BadKey(why)) => {
                let (v, f) = fail(FailedStep::Key, code::message::DKIM_KEY_UNUSABLE, RFC_KEY);
                (v, f.arg("name", &key_name).arg("why", why))
            }
            Err(CryptoError::Unsupported(why)) => (
                DkimVerdict::NotVerified { why: why.clone() },
                Finding::warning(code::message::DKIM_NOT_VERIFIED, &subject, RFC_VERIFY)
                    .arg("line", line)
                    .arg("why", why),
            ),
        }
    };
    r.verdict = verdict;
    r.findings = std::iter::once(reason).chain(remarks).collect();
    r
}

/// The key bytes a verifier takes, and the RSA size; or the code of why
/// this key cannot verify this signature (§6.1.2, §3.6.1, RFC 8301 §3.2).
fn usable_key(key: &DkimKey, sig: &DkimSignature) -> Result<(Vec<u8>, Option<u32>), &'static str> {
    // §3.6.1 p=: "An empty value means that this public key has been revoked."
    if key.is_revoked() {
        return Err(code::message::DKIM_KEY_REVOKED);
    }
    // §3.6.1 h=: the hash algorithms the key may be used with.
    if let Some(h) = &key.hashes {
        if !h.iter().any(|h| h.eq_ignore_ascii_case("sha256")) {
            return Err(code::message::DKIM_KEY_HASH);
        }
    }
    // §3.6.1 s=: "*" or "email".
    if let Some(s) = &key.services {
        if !s.iter().any(|s| s == "*" || s.eq_ignore_ascii_case("email")) {
            return Err(code::message::DKIM_KEY_SERVICE);
        }
    }
    // §3.6.1 t=s: "the "i=" domain MUST NOT be a subdomain of "d="".
    let strict = key.flags.as_ref().is_some_and(|f| f.iter().any(|f| f == "s"));
    if strict && !sig.identity_domain().eq_ignore_ascii_case(&sig.domain) {
        return Err(code::message::DKIM_KEY_STRICT);
    }
    match (sig.algorithm, key.effective_key_type()) {
        (SigningAlgorithm::Ed25519Sha256, KeyType::Ed25519) => {
            // RFC 8463 §4.2: p= is the raw 32-byte key.
            if key.public_key.len() == 32 {
                Ok((key.public_key.clone(), None))
            } else {
                Err(code::message::DKIM_KEY_UNUSABLE)
            }
        }
        (SigningAlgorithm::RsaSha256 | SigningAlgorithm::RsaSha1, KeyType::Rsa) => {
            let (bits, spki_der) = match spki::parse_spki(&key.public_key) {
                Ok(PublicKey::Rsa { modulus_bits, .. }) => (modulus_bits, key.public_key.clone()),
                // A bare PKCS#1 key: wrapped, so WebCrypto can import it.
                _ => match spki::parse_rsa_public_key(&key.public_key) {
                    Ok(PublicKey::Rsa { modulus_bits, pkcs1 }) => {
                        (modulus_bits, spki::wrap_rsa_pkcs1(&pkcs1))
                    }
                    _ => return Err(code::message::DKIM_KEY_UNUSABLE),
                },
            };
            if bits < MIN_RSA_BITS {
                return Err(code::message::DKIM_KEY_WEAK);
            }
            Ok((spki_der, Some(bits)))
        }
        // §6.1.2: "inappropriate key algorithm".
        _ => Err(code::message::DKIM_KEY_TYPE),
    }
}

/// What is worth saying about a signature whatever its verdict: `From`
/// over-signed or not (§8.15), `l=` and what it leaves unsigned (§8.2).
fn remarks(
    msg: &MessageBytes,
    sig: &DkimSignature,
    subject: &str,
    line: usize,
    bodies: &mut BodyHashes,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let from_signed = sig
        .signed_headers
        .iter()
        .filter(|h| h.eq_ignore_ascii_case("from"))
        .count();
    let from_present = msg.fields_named("From").count();
    if from_signed > from_present {
        out.push(
            Finding::info(code::message::DKIM_FROM_OVERSIGNED, subject, "RFC 6376 §8.15").arg("line", line),
        );
    } else {
        out.push(
            Finding::info(code::message::DKIM_FROM_NOT_OVERSIGNED, subject, "RFC 6376 §8.15")
                .arg("line", line),
        );
    }
    if let Some(l) = sig.body_length {
        let len = bodies.canonical_len(msg, sig.body_canon) as u64;
        // §8.2: content appended after the signed length is not covered.
        out.push(
            Finding::warning(code::message::DKIM_BODY_LENGTH, subject, "RFC 6376 §8.2")
                .arg("line", line)
                .arg("l", l)
                .arg("unsigned", len.saturating_sub(l)),
        );
    }
    out
}

#[cfg(test)]
mod tests;
