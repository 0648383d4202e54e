//! The `DKIM-Signature` header field, RFC 6376 §3.5: its tags, read with
//! the tag=value grammar of §3.2 ([`crate::tagvalue`]), with the line and
//! tag of every error.
//!
//! Required: `v`, `a`, `b`, `bh`, `d`, `h`, `s`; optional: `c`, `i`, `l`,
//! `q`, `t`, `x`, `z`. Unknown tags are ignored (§3.2). Algorithms:
//! `rsa-sha256` (§3.3.1), `ed25519-sha256` (RFC 8463 §3) and `rsa-sha1`,
//! which is read so that it can be reported as failing (RFC 8301 §3.1:
//! "rsa-sha1 MUST NOT be used for signing or verifying").

use super::canon::Canon;
use super::header::{HeaderField, MessageBytes};
use crate::finding::{Finding, Span};
use crate::i18n::code;
use crate::tagvalue;
use base64::Engine;
use serde::{Deserialize, Serialize};

const RFC_SIG: &str = "RFC 6376 §3.5";
const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// The `a=` tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SigningAlgorithm {
    /// `rsa-sha256`, RFC 6376 §3.3.1.
    RsaSha256,
    /// `ed25519-sha256`, RFC 8463 §3.
    Ed25519Sha256,
    /// `rsa-sha1`: RFC 8301 §3.1, "rsa-sha1 MUST NOT be used for signing or
    /// verifying".
    RsaSha1,
}

impl SigningAlgorithm {
    pub fn as_str(self) -> &'static str {
        match self {
            SigningAlgorithm::RsaSha256 => "rsa-sha256",
            SigningAlgorithm::Ed25519Sha256 => "ed25519-sha256",
            SigningAlgorithm::RsaSha1 => "rsa-sha1",
        }
    }
}

/// A parsed `DKIM-Signature`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DkimSignature {
    pub algorithm: SigningAlgorithm,
    /// `b=`, decoded.
    pub signature: Vec<u8>,
    /// `bh=`, decoded.
    pub body_hash: Vec<u8>,
    /// `c=`: header and body canonicalization (default simple/simple).
    pub header_canon: Canon,
    pub body_canon: Canon,
    /// `d=`, lowercase.
    pub domain: String,
    /// `h=`, as written (compare without case).
    pub signed_headers: Vec<String>,
    /// `i=`, or its default `@<d>`.
    pub identity: String,
    /// `l=`.
    pub body_length: Option<u64>,
    /// `s=`.
    pub selector: String,
    /// `t=`.
    pub timestamp: Option<u64>,
    /// `x=`.
    pub expiration: Option<u64>,
    /// Where `b=`'s value lies in the field's value bytes: removed for the
    /// header hash (§3.7).
    pub b_value: (usize, usize),
}

impl DkimSignature {
    /// `<s>._domainkey.<d>`, the name of the key record (§3.6.2.1).
    pub fn key_name(&self) -> String {
        format!("{}._domainkey.{}", self.selector, self.domain)
    }

    /// The domain part of `i=`.
    pub fn identity_domain(&self) -> &str {
        self.identity
            .rsplit_once('@')
            .map_or(self.identity.as_str(), |(_, d)| d)
    }
}

/// Why a `DKIM-Signature` is malformed: the signature's verdict is
/// `permerror` (RFC 8601 §2.7.1; RFC 6376 §6.1.1 "PERMFAIL").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignatureError {
    /// Not tag=value at all (§3.2), or a byte that is not ASCII.
    Syntax {
        code: &'static str,
        line: usize,
        span: Option<Span>,
    },
    /// §3.2: "if a tag name does occur more than once, the entire tag-list is invalid".
    DuplicateTag { tag: String, line: usize },
    /// A required tag is absent (§3.5, §6.1.1).
    MissingTag { tag: &'static str },
    /// `v=` is not `1` (§3.5, §6.1.1 "incompatible version").
    BadVersion { found: String, line: usize },
    /// `a=` names no algorithm a verifier knows.
    UnknownAlgorithm { found: String, line: usize },
    /// `b=` or `bh=` is not base64 (§3.5: base64string, FWS ignored).
    BadBase64 { tag: &'static str, line: usize },
    /// A value outside its grammar: `c=`, `l=`, `t=`, `x=`, `d=`, `s=`, `h=`, `q=`.
    BadValue {
        tag: &'static str,
        found: String,
        line: usize,
    },
    /// §6.1.1: "If the "h=" tag does not include the From header field,
    /// the Verifier MUST ignore the DKIM-Signature ... PERMFAIL (From field not signed)".
    FromNotSigned { line: usize },
    /// §6.1.1: the domain of `i=` is not `d=` or below it.
    IdentityMismatch {
        identity: String,
        domain: String,
        line: usize,
    },
    /// §3.5 `x=`: "the value of the "x=" tag MUST be greater than the value of the "t=" tag".
    ExpiresBeforeSigned { line: usize },
}

impl SignatureError {
    pub fn code(&self) -> &'static str {
        match self {
            SignatureError::Syntax { code, .. } => code,
            SignatureError::DuplicateTag { .. } => code::message::SIG_DUPLICATE_TAG,
            SignatureError::MissingTag { .. } => code::message::SIG_MISSING_TAG,
            SignatureError::BadVersion { .. } => code::message::SIG_BAD_VERSION,
            SignatureError::UnknownAlgorithm { .. } => code::message::SIG_UNKNOWN_ALGORITHM,
            SignatureError::BadBase64 { .. } => code::message::SIG_BAD_BASE64,
            SignatureError::BadValue { .. } => code::message::SIG_BAD_VALUE,
            SignatureError::FromNotSigned { .. } => code::message::SIG_FROM_NOT_SIGNED,
            SignatureError::IdentityMismatch { .. } => code::message::SIG_IDENTITY_MISMATCH,
            SignatureError::ExpiresBeforeSigned { .. } => code::message::SIG_EXPIRES_BEFORE_SIGNED,
        }
    }

    /// The error as a finding about the signature on `line`.
    pub fn to_finding(&self, subject: &str, field_line: usize) -> Finding {
        let line = match self {
            SignatureError::Syntax { line, .. }
            | SignatureError::DuplicateTag { line, .. }
            | SignatureError::BadVersion { line, .. }
            | SignatureError::UnknownAlgorithm { line, .. }
            | SignatureError::BadBase64 { line, .. }
            | SignatureError::BadValue { line, .. }
            | SignatureError::FromNotSigned { line }
            | SignatureError::IdentityMismatch { line, .. }
            | SignatureError::ExpiresBeforeSigned { line } => *line,
            SignatureError::MissingTag { .. } => field_line,
        };
        let rfc = match self {
            SignatureError::Syntax { .. } | SignatureError::DuplicateTag { .. } => "RFC 6376 §3.2",
            SignatureError::FromNotSigned { .. } | SignatureError::IdentityMismatch { .. } => {
                "RFC 6376 §6.1.1"
            }
            SignatureError::UnknownAlgorithm { .. } => "RFC 8301 §3.1",
            _ => RFC_SIG,
        };
        let f = Finding::error(self.code(), subject, rfc).arg("line", line);
        match self {
            SignatureError::Syntax { span: Some(s), .. } => f.at(*s),
            SignatureError::DuplicateTag { tag, .. } => f.arg("tag", tag),
            SignatureError::MissingTag { tag } => f.arg("tag", tag),
            SignatureError::BadVersion { found, .. } => f.arg("found", found),
            SignatureError::UnknownAlgorithm { found, .. } => f.arg("found", found),
            SignatureError::BadBase64 { tag, .. } => f.arg("tag", tag),
            SignatureError::BadValue { tag, found, .. } => f.arg("tag", tag).arg("found", found),
            SignatureError::IdentityMismatch { identity, domain, .. } => {
                f.arg("identity", identity).arg("domain", domain)
            }
            _ => f,
        }
    }
}

/// The tag value with every folding white space removed (§3.5 `b=`, `bh=`, `h=`).
fn without_fws(v: &str) -> String {
    v.chars().filter(|c| !tagvalue::is_space(*c)).collect()
}

/// Decimal digits only, at most `max_digits` of them (§3.5 `l=`: 1*76DIGIT, `t=`/`x=`: 1*12DIGIT).
fn number(v: &str, max_digits: usize) -> Option<u64> {
    if v.is_empty() || v.len() > max_digits || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Over u64 (l= may be 76 digits): saturate; no body is that long.
    Some(v.parse::<u64>().unwrap_or(u64::MAX))
}

/// A domain name as DKIM reads `d=` (§3.5, RFC 5321 `sub-domain`): labels of
/// letters, digits and hyphens (and `_`, which DNS holds), no empty label.
fn is_domain(d: &str) -> bool {
    !d.is_empty()
        && d.len() <= 253
        && d.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// Reads the `DKIM-Signature` field `f` of `msg`.
pub fn parse(msg: &MessageBytes, f: &HeaderField) -> Result<DkimSignature, SignatureError> {
    let value_start = f.colon + 1;
    let line_at = |offset: usize| msg.line_of(value_start + offset);
    let text = std::str::from_utf8(msg.value(f)).map_err(|e| SignatureError::Syntax {
        code: code::message::SIG_NOT_ASCII,
        line: line_at(e.valid_up_to()),
        span: Some(Span::new(
            value_start + e.valid_up_to(),
            value_start + e.valid_up_to() + 1,
        )),
    })?;
    let list = tagvalue::parse(text).map_err(|e| {
        let span = e.span();
        SignatureError::Syntax {
            code: code::message::SIG_SYNTAX,
            line: span.map_or(f.line, |s| line_at(s.start)),
            span: span.map(|s| Span::new(value_start + s.start, value_start + s.end)),
        }
    })?;
    if let Some(dup) = list.duplicates(|a, b| a == b).first() {
        return Err(SignatureError::DuplicateTag {
            tag: dup.name.to_string(),
            line: line_at(dup.span.start),
        });
    }
    let get = |tag: &'static str| list.get(tag);
    let need = |tag: &'static str| get(tag).ok_or(SignatureError::MissingTag { tag });
    // §6.1.1 lists the checks; the order here follows the tags of §3.5.
    let v = need("v")?;
    if v.value != "1" {
        return Err(SignatureError::BadVersion {
            found: v.value.to_string(),
            line: line_at(v.value_span.start),
        });
    }
    let a = need("a")?;
    let algorithm = match a.value {
        "rsa-sha256" => SigningAlgorithm::RsaSha256,
        "ed25519-sha256" => SigningAlgorithm::Ed25519Sha256,
        "rsa-sha1" => SigningAlgorithm::RsaSha1,
        other => {
            return Err(SignatureError::UnknownAlgorithm {
                found: other.to_string(),
                line: line_at(a.value_span.start),
            })
        }
    };
    let b = need("b")?;
    let bh = need("bh")?;
    let decode = |tag: &'static str, t: &tagvalue::Tag<'_>| {
        let bytes = B64
            .decode(without_fws(t.value))
            .map_err(|_| SignatureError::BadBase64 {
                tag,
                line: line_at(t.value_span.start),
            })?;
        if bytes.is_empty() {
            return Err(SignatureError::BadBase64 {
                tag,
                line: line_at(t.value_span.start),
            });
        }
        Ok(bytes)
    };
    let signature = decode("b", b)?;
    let body_hash = decode("bh", bh)?;
    let bad = |tag: &'static str, t: &tagvalue::Tag<'_>| SignatureError::BadValue {
        tag,
        found: t.value.to_string(),
        line: line_at(t.value_span.start),
    };
    let (header_canon, body_canon) = match get("c") {
        None => (Canon::Simple, Canon::Simple),
        Some(c) => {
            let (h, bd) = match c.value.split_once('/') {
                Some((h, bd)) => (h, Some(bd)),
                None => (c.value, None),
            };
            // §3.5 c=: "If only one algorithm is named, that algorithm is
            // used for the header and "simple" is used for the body."
            let h = Canon::from_name(h).ok_or_else(|| bad("c", c))?;
            let bd = match bd {
                None => Canon::Simple,
                Some(bd) => Canon::from_name(bd).ok_or_else(|| bad("c", c))?,
            };
            (h, bd)
        }
    };
    let d = need("d")?;
    let domain = d.value.trim_end_matches('.').to_ascii_lowercase();
    if !is_domain(&domain) {
        return Err(bad("d", d));
    }
    let h = need("h")?;
    let signed_headers: Vec<String> = without_fws(h.value).split(':').map(str::to_string).collect();
    if signed_headers
        .iter()
        .any(|n| n.is_empty() || !n.bytes().all(|b| (33..=126).contains(&b)))
    {
        return Err(bad("h", h));
    }
    if !signed_headers.iter().any(|n| n.eq_ignore_ascii_case("from")) {
        return Err(SignatureError::FromNotSigned {
            line: line_at(h.value_span.start),
        });
    }
    let identity = match get("i") {
        None => format!("@{domain}"),
        Some(i) => {
            let id = i.value.to_string();
            let id_domain = id
                .rsplit_once('@')
                .map(|(_, dm)| dm.trim_end_matches('.').to_ascii_lowercase());
            // §3.5 i=: "The domain part of the address MUST be the same as,
            // or a subdomain of, the value of the "d=" tag."
            let ok = id_domain
                .as_deref()
                .is_some_and(|dm| dm == domain || dm.ends_with(&format!(".{domain}")));
            if !ok {
                return Err(SignatureError::IdentityMismatch {
                    identity: id,
                    domain,
                    line: line_at(i.value_span.start),
                });
            }
            id
        }
    };
    let body_length = match get("l") {
        None => None,
        Some(l) => Some(number(l.value, 76).ok_or_else(|| bad("l", l))?),
    };
    if let Some(q) = get("q") {
        // §3.5 q=: "dns/txt" is the only method defined; anything else cannot be verified.
        if !without_fws(q.value)
            .split(':')
            .any(|m| m == "dns/txt" || m == "dns")
        {
            return Err(bad("q", q));
        }
    }
    let s = need("s")?;
    if !is_domain(s.value) {
        return Err(bad("s", s));
    }
    let timestamp = match get("t") {
        None => None,
        Some(t) => Some(number(t.value, 12).ok_or_else(|| bad("t", t))?),
    };
    let expiration = match get("x") {
        None => None,
        Some(x) => Some(number(x.value, 12).ok_or_else(|| bad("x", x))?),
    };
    if let (Some(t), Some(x)) = (timestamp, expiration) {
        if x <= t {
            let x_tag = get("x").map_or(f.line, |x| line_at(x.value_span.start));
            return Err(SignatureError::ExpiresBeforeSigned { line: x_tag });
        }
    }
    // The b= value ends where its tag-spec does: at the next ";" or the end
    // (the white space before it goes too, as with every verifier).
    let b_end = text
        .get(b.value_span.end..)
        .and_then(|rest| rest.find(';'))
        .map_or(text.len(), |i| b.value_span.end + i);
    let b_start = text
        .get(b.name_span.end..b.value_span.start)
        .and_then(|between| between.find('='))
        .map_or(b.value_span.start, |i| b.name_span.end + i + 1);
    Ok(DkimSignature {
        algorithm,
        signature,
        body_hash,
        header_canon,
        body_canon,
        domain,
        signed_headers,
        identity,
        body_length,
        selector: s.value.to_ascii_lowercase(),
        timestamp,
        expiration,
        b_value: (b_start, b_end),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::header;

    fn sig(value: &str) -> Result<DkimSignature, SignatureError> {
        let text = format!("From: a@example.com\r\nDKIM-Signature:{value}\r\n\r\nbody\r\n");
        let (m, _) = header::read(text.as_bytes(), 1 << 20).expect("message");
        let f = m
            .fields
            .iter()
            .find(|f| f.is("dkim-signature"))
            .expect("field")
            .clone();
        parse(&m, &f)
    }

    const GOOD: &str =
        " v=1; a=rsa-sha256; c=relaxed/simple; d=Example.com; s=s1;\r\n\th=from:to; bh=AAAA; b=AA\r\n\t AA";

    #[test]
    fn reads_the_tags() {
        let s = sig(GOOD).expect("valid");
        assert_eq!(s.algorithm, SigningAlgorithm::RsaSha256);
        assert_eq!((s.header_canon, s.body_canon), (Canon::Relaxed, Canon::Simple));
        assert_eq!(s.domain, "example.com");
        assert_eq!(s.identity, "@example.com");
        assert_eq!(s.signed_headers, ["from", "to"]);
        assert_eq!(s.key_name(), "s1._domainkey.example.com");
        assert_eq!(s.signature, vec![0; 3]);
        let value = GOOD.as_bytes();
        assert_eq!(value.get(s.b_value.1..), Some(&b""[..]));
        assert_eq!(value.get(..s.b_value.0).map(|p| p.ends_with(b"b=")), Some(true));
    }

    #[test]
    fn errors_carry_line_and_tag() {
        let e = |v: &str| sig(v).expect_err("invalid");
        assert_eq!(
            e(" v=1; a=rsa-sha256; d=x.com; s=s;\r\n h=to; bh=AAAA; b=AAAA"),
            SignatureError::FromNotSigned { line: 3 }
        );
        assert_eq!(
            e(" v=1; a=rsa-sha256; d=x.com; s=s; h=from; b=AAAA"),
            SignatureError::MissingTag { tag: "bh" }
        );
        assert_eq!(
            e(" v=1; a=rsa-sha256; d=x.com; s=s; h=from;\r\n bh=AA!A; b=AAAA"),
            SignatureError::BadBase64 { tag: "bh", line: 3 }
        );
        assert_eq!(
            e(" v=1; a=rsa-sha256; d=x.com; s=s; h=from; bh=AAAA; b=AAA"),
            SignatureError::BadBase64 { tag: "b", line: 2 }
        );
        assert!(matches!(
            e(" v=2; a=rsa-sha256"),
            SignatureError::BadVersion { .. }
        ));
        assert!(matches!(
            e(" v=1; a=rsa-md5; d=x.com; s=s; h=from; bh=AAAA; b=AAAA"),
            SignatureError::UnknownAlgorithm { .. }
        ));
        assert!(matches!(
            e(" v=1; a=rsa-sha256; d=x.com; s=s; h=from; bh=AAAA; b=AAAA; i=a@other.com"),
            SignatureError::IdentityMismatch { .. }
        ));
        assert!(matches!(
            e(" v=1; a=rsa-sha256; d=x.com; s=s; h=from; bh=AAAA; b=AAAA; t=100; x=50"),
            SignatureError::ExpiresBeforeSigned { .. }
        ));
        assert!(matches!(
            e(" v=1; v=1; a=rsa-sha256"),
            SignatureError::DuplicateTag { .. }
        ));
        assert!(matches!(
            e(" v=1; a=rsa-sha256; c=loose; d=x.com; s=s; h=from; bh=AAAA; b=AAAA"),
            SignatureError::BadValue { tag: "c", .. }
        ));
        assert!(matches!(
            e(" v=1; a=rsa-sha256; d=x.com; s=s; h=from; bh=AAAA; b=AAAA; l=-1"),
            SignatureError::BadValue { tag: "l", .. }
        ));
        assert!(matches!(e(" garbage"), SignatureError::Syntax { .. }));
    }

    #[test]
    fn every_error_is_a_finding_with_a_line() {
        let errors = [
            SignatureError::MissingTag { tag: "b" },
            SignatureError::FromNotSigned { line: 4 },
            SignatureError::BadBase64 { tag: "b", line: 4 },
        ];
        for e in errors {
            let f = e.to_finding("DKIM-Signature", 2);
            assert!(f.get_arg("line").is_some());
            assert!(crate::i18n::lookup(f.code).is_some(), "{}", f.code);
        }
    }
}
