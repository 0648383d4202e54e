//! DNS-over-HTTPS, JSON flavour: the request URL and the decoding of the
//! answer body. Pure: the page's transport fetches the URL and hands the body
//! here.
//!
//! The JSON format has no RFC. It is Google's `/resolve` API, which
//! Cloudflare (`application/dns-json`), AdGuard and AliDNS imitate with small
//! differences; every quirk handled here is listed, with its source, in
//! tests/vectors/doh/FORMATS.md (§4 is the checklist):
//! - `Status` is the RCODE (RFC 1035 §4.1.1, RFC 6895 §2.3): 0 NOERROR,
//!   2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED. NOERROR without records of the asked
//!   type is NODATA (RFC 2308 §2.2).
//! - sections may be omitted, `null`, or (AdGuard) `Additional` named `Extra`;
//!   `Question` may be an array or (AliDNS) one object;
//! - the answer may hold a CNAME chain in any order (RFC 1034 §3.6.2, and
//!   FORMATS.md C-11), and RRSIG or other types even when not asked for;
//! - names may lack the trailing dot and come in any case (RFC 4343);
//! - TXT data quoted or not, strings adjacent or blank-separated, with
//!   `\"`, `\\`, `\DDD` escapes (read by [`crate::model::Txt::parse_lenient`]);
//! - CAA, TLSA and other types in presentation form or RFC 3597 `\# len hex`;
//! - an HTTP 400 body `{"error": "..."}` (Cloudflare) is a refused request.

use super::protocol::Protocol;
use super::{normalize_name, Answer, DnsError, Rdata, RecordType};
use crate::model::RdataError;
use serde::Serialize;
use serde_json::Value;
use std::fmt::Write as _;

/// DNSSEC flags of a request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DohFlags {
    /// `cd=1`: checking disabled (RFC 4035 §3.2.2). Asking again with it
    /// tells a DNSSEC failure (answers now) from a dead server (still fails).
    pub checking_disabled: bool,
    /// `do=1`: include RRSIG/NSEC records (RFC 3225).
    pub dnssec_ok: bool,
}

/// The URL asking `endpoint` for `qname`/`qtype` in JSON. The name is
/// punycoded if it is not ASCII and percent-encoded; the type is sent as its
/// number, which every JSON API accepts.
pub fn doh_json_url(endpoint: &str, protocol: Protocol, qname: &str, qtype: RecordType) -> String {
    doh_json_url_with(endpoint, protocol, qname, qtype, DohFlags::default())
}

/// [`doh_json_url`] with DNSSEC flags.
pub fn doh_json_url_with(
    endpoint: &str,
    protocol: Protocol,
    qname: &str,
    qtype: RecordType,
    flags: DohFlags,
) -> String {
    let name = ascii_name(qname);
    let sep = if endpoint.contains('?') { '&' } else { '?' };
    let mut url = format!(
        "{endpoint}{sep}name={}&type={}",
        percent_encode(&name),
        qtype.number()
    );
    if protocol == Protocol::CloudflareJson {
        url.push_str("&ct=application/dns-json");
    }
    if flags.checking_disabled {
        url.push_str("&cd=1");
    }
    if flags.dnssec_ok {
        url.push_str("&do=1");
    }
    url
}

/// The name in A-label form (RFC 5891 §4), without changing an ASCII name.
fn ascii_name(name: &str) -> String {
    let t = name.trim();
    if t.is_ascii() {
        return t.to_string();
    }
    crate::idn::to_ascii(t).unwrap_or_else(|_| t.to_string())
}

/// Percent-encodes all but the URL unreserved characters (RFC 3986 §2.3).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// One question of a response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DohQuestion {
    /// As sent (trailing dot or not).
    pub name: String,
    pub rtype: RecordType,
}

/// One record of a response, as sent and as read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DohRecord {
    /// The owner name as sent.
    pub name: String,
    pub rtype: RecordType,
    /// Remaining cache time in seconds (0 when the response gave none).
    pub ttl: u32,
    /// Whether the response gave the TTL (a JSON record may lack `TTL`).
    #[serde(skip)]
    pub ttl_given: bool,
    /// The `data` text as sent.
    pub data: String,
    /// `data` read with [`Rdata::parse_lenient`].
    #[serde(skip)]
    pub rdata: Result<Rdata, RdataError>,
}

impl DohRecord {
    /// The record as a zone-file line (`name. TTL IN TYPE data`), with the
    /// data as read when it could be, else as sent.
    pub fn line(&self) -> String {
        let name = if self.name.ends_with('.') {
            self.name.clone()
        } else {
            format!("{}.", self.name)
        };
        let data = match &self.rdata {
            Ok(r) => r.to_string(),
            Err(_) => self.data.clone(),
        };
        format!("{name}\t{}\tIN\t{}\t{data}", self.ttl, self.rtype)
    }
}

/// A whole decoded JSON response, for showing the raw answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DohResponse {
    /// The RCODE.
    pub status: u32,
    /// Truncated.
    pub tc: bool,
    pub rd: bool,
    pub ra: bool,
    /// Authenticated data: the resolver validated the answer with DNSSEC.
    pub ad: bool,
    /// Checking disabled.
    pub cd: bool,
    pub question: Vec<DohQuestion>,
    pub answer: Vec<DohRecord>,
    pub authority: Vec<DohRecord>,
    /// `Additional`, or AdGuard's `Extra`.
    pub additional: Vec<DohRecord>,
    pub comment: Option<String>,
    pub edns_client_subnet: Option<String>,
}

/// The name of an RCODE (RFC 6895 §2.3), as `dig` prints it.
pub fn rcode_name(status: u32) -> String {
    match status {
        0 => "NOERROR".into(),
        1 => "FORMERR".into(),
        2 => "SERVFAIL".into(),
        3 => "NXDOMAIN".into(),
        4 => "NOTIMP".into(),
        5 => "REFUSED".into(),
        n => format!("RCODE{n}"),
    }
}

/// The TTL of an answer: the smallest of its records' (RFC 2181 §5.2: one
/// RRset, one TTL; a resolver counting down may still give several). A
/// record without a TTL says nothing; no TTL at all is `None`.
fn smallest_ttl(ttls: &[Option<u32>]) -> Option<u32> {
    ttls.iter().flatten().copied().min()
}

/// The outcome of a response's `Status` alone.
fn status_error(status: u32) -> Option<DnsError> {
    match status {
        0 => None,
        2 => Some(DnsError::ServFail),
        3 => Some(DnsError::NxDomain),
        5 => Some(DnsError::Refused),
        n => Some(DnsError::Malformed(format!("status {}", rcode_name(n)))),
    }
}

/// How many CNAMEs are followed inside one answer.
const MAX_CHAIN: usize = 16;

impl DohResponse {
    /// The answer to `qname`/`qtype` in this response: the records of that
    /// type at the end of the CNAME chain starting at `qname` (a CNAME
    /// question gets the CNAME itself). Other types (RRSIG…) are ignored.
    pub fn answer_for(&self, qname: &str, qtype: RecordType) -> Result<Answer, DnsError> {
        if let Some(e) = status_error(self.status) {
            return Err(e);
        }
        let mut current = normalize_name(&ascii_name(qname));
        let mut seen: Vec<String> = Vec::new();
        for _ in 0..=MAX_CHAIN {
            let here = current.as_str();
            let at_name = |t: RecordType| {
                self.answer
                    .iter()
                    .filter(move |r| r.rtype == t && normalize_name(&r.name) == here)
            };
            let wanted: Vec<&DohRecord> = at_name(qtype).collect();
            if !wanted.is_empty() {
                let wanted_ttls: Vec<Option<u32>> =
                    wanted.iter().map(|r| r.ttl_given.then_some(r.ttl)).collect();
                let mut records = Vec::with_capacity(wanted.len());
                for r in wanted {
                    match &r.rdata {
                        Ok(d) => records.push(d.clone()),
                        Err(e) => {
                            return Err(DnsError::Malformed(format!(
                                "{} {}: {}",
                                r.rtype,
                                r.data,
                                e.code()
                            )))
                        }
                    }
                }
                return Ok(Answer {
                    records,
                    authenticated_data: self.ad,
                    ttl: smallest_ttl(&wanted_ttls),
                });
            }
            let next = at_name(RecordType::Cname).find_map(|r| match &r.rdata {
                Ok(Rdata::Cname(target)) => Some(target.as_str().to_string()),
                _ => None,
            });
            match next {
                Some(target) if !seen.contains(&target) => {
                    seen.push(std::mem::replace(&mut current, target));
                }
                // RFC 1034 §3.6.2: a chain that loops has no answer.
                Some(_) => return Err(DnsError::Malformed(format!("CNAME loop at {current}"))),
                None => break,
            }
        }
        Err(DnsError::NoData)
    }

    /// The response as `dig` would print it, for showing the raw answer.
    pub fn dig_text(&self) -> String {
        let mut out = String::new();
        let mut flags = Vec::new();
        for (on, name) in [
            (self.tc, "tc"),
            (self.rd, "rd"),
            (self.ra, "ra"),
            (self.ad, "ad"),
            (self.cd, "cd"),
        ] {
            if on {
                flags.push(name);
            }
        }
        let _ = writeln!(
            out,
            ";; status: {}, flags: {}",
            rcode_name(self.status),
            flags.join(" ")
        );
        if !self.question.is_empty() {
            out.push_str(";; QUESTION SECTION:\n");
            for q in &self.question {
                let dot = if q.name.ends_with('.') { "" } else { "." };
                let _ = writeln!(out, ";{}{dot}\t\tIN\t{}", q.name, q.rtype);
            }
        }
        for (title, section) in [
            ("ANSWER", &self.answer),
            ("AUTHORITY", &self.authority),
            ("ADDITIONAL", &self.additional),
        ] {
            if !section.is_empty() {
                let _ = writeln!(out, "\n;; {title} SECTION:");
                for r in section {
                    out.push_str(&r.line());
                    out.push('\n');
                }
            }
        }
        if let Some(c) = &self.comment {
            let _ = writeln!(out, "\n;; Comment: {c}");
        }
        out
    }
}

/// Decodes a JSON response body completely. Fails only when the body is not
/// a response at all: `{"error": ...}` gives [`DnsError::BadRequest`],
/// anything unreadable [`DnsError::Malformed`]. A SERVFAIL or NXDOMAIN
/// response decodes fine; [`DohResponse::answer_for`] turns it into the error.
pub fn decode_json_response(body: &str) -> Result<DohResponse, DnsError> {
    let json: Value =
        serde_json::from_str(body).map_err(|e| DnsError::Malformed(format!("not JSON: {e}")))?;
    let Value::Object(obj) = &json else {
        return Err(DnsError::Malformed("not a JSON object".into()));
    };
    if let Some(error) = obj.get("error") {
        let text = match error {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        return Err(DnsError::BadRequest(text));
    }
    let status = obj
        .get("Status")
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| DnsError::Malformed("no Status".into()))?;
    let flag = |key: &str| obj.get(key).and_then(Value::as_bool).unwrap_or(false);
    let question = match obj.get("Question") {
        Some(Value::Array(items)) => items.iter().filter_map(question_of).collect(),
        Some(one @ Value::Object(_)) => question_of(one).into_iter().collect(),
        _ => Vec::new(),
    };
    let additional = match obj.get("Additional") {
        Some(v) if !v.is_null() => section(Some(v))?,
        _ => section(obj.get("Extra"))?,
    };
    Ok(DohResponse {
        status,
        tc: flag("TC"),
        rd: flag("RD"),
        ra: flag("RA"),
        ad: flag("AD"),
        cd: flag("CD"),
        question,
        answer: section(obj.get("Answer"))?,
        authority: section(obj.get("Authority"))?,
        additional,
        comment: text_field(obj.get("Comment")),
        edns_client_subnet: text_field(obj.get("edns_client_subnet")),
    })
}

/// Decodes a JSON response body into the answer to `qname`/`qtype`
/// (see [`DohResponse::answer_for`]).
pub fn decode_json(body: &str, qname: &str, qtype: RecordType) -> Result<Answer, DnsError> {
    decode_json_response(body)?.answer_for(qname, qtype)
}

fn text_field(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Array(parts) => Some(
            parts
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(" "),
        ),
        _ => None,
    }
}

/// A `type` field: a number, or a mnemonic / `TYPEn` text.
fn rtype_of(v: Option<&Value>) -> Option<RecordType> {
    match v? {
        Value::Number(n) => n
            .as_u64()
            .and_then(|n| u16::try_from(n).ok())
            .map(RecordType::from_number),
        Value::String(s) => RecordType::parse(s).ok(),
        _ => None,
    }
}

fn question_of(v: &Value) -> Option<DohQuestion> {
    Some(DohQuestion {
        name: v.get("name")?.as_str()?.to_string(),
        rtype: rtype_of(v.get("type"))?,
    })
}

/// A section: missing and `null` are empty; anything else must be an array
/// of records with a name, a type and data.
fn section(v: Option<&Value>) -> Result<Vec<DohRecord>, DnsError> {
    let items = match v {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(DnsError::Malformed("a section is not a list".into())),
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let name = item.get("name").and_then(Value::as_str);
        let rtype = rtype_of(item.get("type"));
        let data = item.get("data").and_then(Value::as_str);
        let (Some(name), Some(rtype), Some(data)) = (name, rtype, data) else {
            return Err(DnsError::Malformed(format!(
                "a record lacks name, type or data: {item}"
            )));
        };
        let given = item
            .get("TTL")
            .and_then(Value::as_u64)
            .map(|t| u32::try_from(t).unwrap_or(u32::MAX));
        out.push(DohRecord {
            name: name.to_string(),
            rtype,
            ttl: given.unwrap_or(0),
            ttl_given: given.is_some(),
            data: data.to_string(),
            rdata: Rdata::parse_lenient(rtype, data),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_answer_ttl_is_the_smallest_given() {
        let body = r#"{"Status":0,"Answer":[
            {"name":"example.com.","type":16,"TTL":300,"data":"\"a\""},
            {"name":"example.com.","type":16,"TTL":120,"data":"\"b\""},
            {"name":"example.com.","type":46,"TTL":5,"data":"x"}]}"#;
        let a = decode_json(body, "example.com", RecordType::Txt).expect("answer");
        assert_eq!(a.ttl, Some(120), "RRSIG and other types do not count");
        let none = r#"{"Status":0,"Answer":[{"name":"example.com.","type":1,"data":"192.0.2.1"}]}"#;
        let a = decode_json(none, "example.com", RecordType::A).expect("answer");
        assert_eq!(a.ttl, None, "no TTL given is not 0");
        let old: Answer =
            serde_json::from_str(r#"{"records":[],"authenticated_data":false}"#).expect("old shape");
        assert_eq!(old.ttl, None, "an answer saved without TTL still reads");
    }

    #[test]
    fn urls() {
        let cases = [
            (
                "https://dns.google/resolve",
                Protocol::GoogleJson,
                "_dmarc.Example.com",
                RecordType::Txt,
                "https://dns.google/resolve?name=_dmarc.Example.com&type=16",
            ),
            (
                "https://cloudflare-dns.com/dns-query",
                Protocol::CloudflareJson,
                "邮件.中国",
                RecordType::Mx,
                "https://cloudflare-dns.com/dns-query?name=xn--5nq051n.xn--fiqs8s&type=15&ct=application/dns-json",
            ),
            (
                "https://dns.example/resolve?key=1",
                Protocol::GoogleJson,
                "*.x y",
                RecordType::Caa,
                "https://dns.example/resolve?key=1&name=%2A.x%20y&type=257",
            ),
        ];
        for (endpoint, kind, name, t, want) in cases {
            assert_eq!(doh_json_url(endpoint, kind, name, t), want);
        }
        let flags = DohFlags {
            checking_disabled: true,
            dnssec_ok: true,
        };
        assert_eq!(
            doh_json_url_with(
                "https://dns.google/resolve",
                Protocol::GoogleJson,
                "a.b",
                RecordType::A,
                flags
            ),
            "https://dns.google/resolve?name=a.b&type=1&cd=1&do=1"
        );
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,400}", n in 0u16..300) {
            let _ = decode_json(&s, "example.com", RecordType::from_number(n));
            let _ = doh_json_url("https://x/resolve", Protocol::GoogleJson, &s, RecordType::from_number(n));
        }

        #[test]
        fn never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = decode_json(&String::from_utf8_lossy(&b), "example.com", RecordType::Txt);
        }

        #[test]
        fn never_panics_on_json_shaped_input(
            status in 0u32..8,
            names in proptest::collection::vec("[a-zA-Z.*_-]{0,12}", 1..4),
            types in proptest::collection::vec(0u16..300, 1..4),
            data in proptest::collection::vec("\\PC{0,40}", 1..4),
        ) {
            let answers: Vec<String> = names.iter().zip(&types).zip(&data).map(|((n, t), d)| {
                format!(r#"{{"name":{},"type":{t},"TTL":5,"data":{}}}"#,
                    serde_json::Value::from(n.as_str()), serde_json::Value::from(d.as_str()))
            }).collect();
            let body = format!(r#"{{"Status":{status},"Answer":[{}]}}"#, answers.join(","));
            for t in &types {
                if let Ok(r) = decode_json_response(&body) {
                    let _ = r.dig_text();
                    let _ = r.answer_for(&names[0], RecordType::from_number(*t));
                }
            }
        }
    }
}
