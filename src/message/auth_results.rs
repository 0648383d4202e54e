//! What the receiving server wrote: `Authentication-Results` (RFC 8601
//! §2.2), read for its `dkim`, `spf` and `dmarc` results; and the `ARC-*`
//! fields (RFC 8617 §4.1), listed as information.
//!
//! ```text
//! authres-header-field = "Authentication-Results:" authres-payload
//! authres-payload = [CFWS] authserv-id [ CFWS authres-version ]
//!                   ( no-result / 1*resinfo ) [CFWS] CRLF
//! resinfo   = [CFWS] ";" methodspec [ CFWS reasonspec ] [ CFWS 1*propspec ]
//! methodspec = [CFWS] method [CFWS] "=" [CFWS] result
//! reasonspec = "reason" [CFWS] "=" [CFWS] value
//! propspec  = ptype [CFWS] "." [CFWS] property [CFWS] "=" pvalue
//! ```
//!
//! Comments are dropped (§2.2: "CFWS"), quoted strings kept whole.

use super::header::MessageBytes;
use serde::{Deserialize, Serialize};

/// One `method=result` with its reason and properties.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodResult {
    /// `dkim`, `spf`, `dmarc`, ... lowercase.
    pub method: String,
    /// `pass`, `fail`, ... lowercase.
    pub result: String,
    pub reason: Option<String>,
    /// `(ptype.property, value)`: `header.d`, `header.b`, `smtp.mailfrom`, ...
    pub properties: Vec<(String, String)>,
}

impl MethodResult {
    /// The value of a property (`header.d`), compared without case.
    pub fn property(&self, name: &str) -> Option<&str> {
        self.properties
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One `Authentication-Results` field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthResults {
    pub line: usize,
    pub authserv_id: String,
    pub results: Vec<MethodResult>,
}

/// One `ARC-*` field, shown as information.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArcField {
    pub line: usize,
    /// `ARC-Seal`, `ARC-Message-Signature`, `ARC-Authentication-Results`.
    pub name: String,
    /// `i=` (RFC 8617 §4.2.1).
    pub instance: Option<u32>,
    /// `cv=` of an ARC-Seal (RFC 8617 §4.1.3).
    pub chain_validation: Option<String>,
    /// The value, unfolded (for ARC-Authentication-Results, the results).
    pub text: String,
}

/// Tokens of a value: comments dropped, quoted strings kept (unquoted),
/// `;` a token of its own.
fn tokens(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    let mut chars = value.chars();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.is_empty() {
            out.push(std::mem::take(cur));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth > 0 => {
                if c == '\\' {
                    chars.next();
                }
            }
            '"' => {
                while let Some(q) = chars.next() {
                    match q {
                        '\\' => {
                            if let Some(e) = chars.next() {
                                cur.push(e);
                            }
                        }
                        '"' => break,
                        _ => cur.push(q),
                    }
                }
            }
            ';' => {
                flush(&mut cur, &mut out);
                out.push(";".to_string());
            }
            c if c.is_whitespace() => flush(&mut cur, &mut out),
            c => cur.push(c),
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// Reads one `Authentication-Results` value.
pub fn parse(line: usize, value: &str) -> Option<AuthResults> {
    let toks = tokens(value);
    let mut parts = toks.split(|t| t == ";");
    let head = parts.next()?;
    let authserv_id = head.first()?.clone();
    let mut results = Vec::new();
    for part in parts {
        // Words may be split around "=" by CFWS; join them back.
        let joined = part
            .join(" ")
            .replace(" = ", "=")
            .replace(" =", "=")
            .replace("= ", "=");
        let mut words = joined.split_whitespace();
        let Some((method, result)) = words.next().and_then(|m| m.split_once('=')) else {
            continue;
        };
        let method = method.split('/').next().unwrap_or(method).to_ascii_lowercase();
        let mut r = MethodResult {
            method,
            result: result.to_ascii_lowercase(),
            reason: None,
            properties: Vec::new(),
        };
        for w in words {
            if let Some((k, v)) = w.split_once('=') {
                if k.eq_ignore_ascii_case("reason") {
                    r.reason = Some(v.to_string());
                } else if k.contains('.') {
                    r.properties.push((k.to_ascii_lowercase(), v.to_string()));
                }
            }
        }
        results.push(r);
    }
    Some(AuthResults {
        line,
        authserv_id,
        results,
    })
}

/// Every `Authentication-Results`, top first (the topmost is the last receiver's).
pub fn read_all(msg: &MessageBytes) -> Vec<AuthResults> {
    msg.fields_named("Authentication-Results")
        .filter_map(|f| parse(f.line, &msg.value_text(f)))
        .collect()
}

/// Every `ARC-*` field, top first.
pub fn arc_fields(msg: &MessageBytes) -> Vec<ArcField> {
    msg.fields
        .iter()
        .filter(|f| f.name.len() > 4 && f.name.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("arc-")))
        .map(|f| {
            let text = msg.value_text(f);
            let tag = |name: &str| {
                text.split(';').find_map(|t| {
                    let (k, v) = t.split_once('=')?;
                    (k.trim() == name).then(|| v.trim().to_string())
                })
            };
            ArcField {
                line: f.line,
                name: f.name.clone(),
                instance: tag("i").and_then(|i| i.parse().ok()),
                chain_validation: tag("cv"),
                text,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rfc_8601_examples() {
        // RFC 8601 Appendix B.4 (one result), B.6 (several, with comments).
        let r = parse(1, "example.com; spf=pass smtp.mailfrom=example.net").expect("parsed");
        assert_eq!(r.authserv_id, "example.com");
        assert_eq!(r.results[0].method, "spf");
        assert_eq!(r.results[0].property("smtp.mailfrom"), Some("example.net"));
        let r = parse(
            7,
            "example.com; auth=pass (cram-md5) smtp.auth=sender@example.com;\r\n spf=pass smtp.mailfrom=example.com; sender-id=pass header.from=example.com;\r\n dkim=pass (good signature) header.d=mail-router.example.net; dkim=fail (bad signature) header.d=newyork.example.com",
        )
        .expect("parsed");
        let methods: Vec<(&str, &str)> = r
            .results
            .iter()
            .map(|m| (m.method.as_str(), m.result.as_str()))
            .collect();
        assert_eq!(
            methods,
            [
                ("auth", "pass"),
                ("spf", "pass"),
                ("sender-id", "pass"),
                ("dkim", "pass"),
                ("dkim", "fail")
            ]
        );
        assert_eq!(r.results[4].property("header.d"), Some("newyork.example.com"));
        let r = parse(1, "mx.google.com; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=x.net; dkim=pass header.i=@x.net header.s=s1 header.b=\"AbCd/+12\"").expect("parsed");
        assert_eq!(r.results[1].property("header.b"), Some("AbCd/+12"));
        assert_eq!(parse(1, "example.org 1; none").map(|r| r.results.len()), Some(0));
    }
}
