//! The `Received:` trace fields (RFC 5321 §4.4) and `Return-Path:`
//! (RFC 5321 §4.4, RFC 5322 §3.6.7): where the message came from, hop by
//! hop, so the user can point at the hop whose client SPF judges.
//!
//! Each receiving server adds its `Received:` at the top, so the topmost
//! field was written by the last server. The proposal is the topmost hop
//! whose client address is public: internal hops (a filter on 127.0.0.1,
//! a relay on 10.0.0.0/8) are the receiving side talking to itself. The
//! user can choose another hop (a forwarder's) in the page.
//!
//! The `from` clause is free text in practice; the forms read here are
//! Postfix's `from helo (rdns [ip])`, Sendmail's, Exim's `from helo
//! ([ip] helo=...)` and `(envelope-from <...>)`, and Gmail's.

use super::header::MessageBytes;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;

/// One hop, as its `Received:` field tells it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hop {
    /// 0 for the topmost `Received:`.
    pub index: usize,
    pub line: usize,
    /// The name the client gave in HELO/EHLO (RFC 5321 §4.4 `From-domain`).
    pub helo: Option<String>,
    /// The client's address, from the `[...]` of the `from` clause.
    pub ip: Option<IpAddr>,
    /// The receiving host (`by`).
    pub by: Option<String>,
    /// MAIL FROM when the field says it (`envelope-from <...>`, Exim).
    pub envelope_from: Option<String>,
}

/// Text with `(comments)` kept, folding removed: Received puts the client
/// address inside a comment, so comments are read, not dropped.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect()
}

fn parse_ip(text: &str) -> Option<IpAddr> {
    let t = text.trim();
    let t = t
        .get(..5)
        .filter(|p| p.eq_ignore_ascii_case("ipv6:"))
        .map_or(t, |_| t.get(5..).unwrap_or(""));
    t.parse().ok()
}

/// Reads one `Received:` value.
pub fn parse_hop(index: usize, line: usize, value: &str) -> Hop {
    // The date follows the last ";" (RFC 5321 §4.4 `Stamp`).
    let clauses = value.rsplit_once(';').map_or(value, |(c, _)| c);
    let w = words(clauses);
    let mut hop = Hop {
        index,
        line,
        helo: None,
        ip: None,
        by: None,
        envelope_from: None,
    };
    let from_at = w.iter().position(|x| x.eq_ignore_ascii_case("from"));
    let by_at = w.iter().position(|x| x.eq_ignore_ascii_case("by"));
    if let Some(by) = by_at.and_then(|i| w.get(i + 1)) {
        hop.by = Some(by.trim_end_matches(';').to_string());
    }
    if let Some(f) = from_at {
        let end = by_at.filter(|&b| b > f).unwrap_or(w.len());
        let from_clause = w.get(f + 1..end).unwrap_or_default().join(" ");
        if let Some(first) = w.get(f + 1) {
            let helo = first.trim_matches(|c| c == '(' || c == ')');
            if !helo.is_empty() {
                hop.helo = Some(helo.to_string());
            }
        }
        // The first bracketed address of the from clause.
        let mut rest = from_clause.as_str();
        while let Some(open) = rest.find('[') {
            let after = rest.get(open + 1..).unwrap_or("");
            let Some(close) = after.find(']') else { break };
            if let Some(ip) = parse_ip(after.get(..close).unwrap_or("")) {
                hop.ip = Some(ip);
                break;
            }
            rest = after.get(close + 1..).unwrap_or("");
        }
        // Exim: "helo=name" inside the comment is the HELO name, and a
        // bracketed literal as the first word is only the address.
        if let Some(h) = from_clause
            .split(|c: char| c.is_ascii_whitespace() || c == '(' || c == ')' || c == ',')
            .find_map(|t| t.strip_prefix("helo="))
        {
            hop.helo = Some(h.to_string());
        }
        if hop.helo.as_deref().is_some_and(|h| {
            h.starts_with('[') && parse_ip(h.trim_matches(|c| c == '[' || c == ']')).is_some()
        }) && hop.ip.is_none()
        {
            hop.ip = hop
                .helo
                .as_deref()
                .and_then(|h| parse_ip(h.trim_matches(|c| c == '[' || c == ']')));
        }
    }
    if let Some(i) = w
        .iter()
        .position(|x| x.trim_start_matches('(').eq_ignore_ascii_case("envelope-from"))
    {
        if let Some(addr) = w.get(i + 1) {
            let a = addr.trim_matches(|c| c == '<' || c == '>' || c == ')' || c == '(');
            hop.envelope_from = Some(a.to_string());
        }
    }
    hop
}

/// Every hop, top first.
pub fn hops(msg: &MessageBytes) -> Vec<Hop> {
    msg.fields_named("Received")
        .enumerate()
        .map(|(i, f)| parse_hop(i, f.line, &msg.value_text(f)))
        .collect()
}

/// True for addresses a receiving side uses for its own internal hops.
pub fn is_internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                // 100.64.0.0/10, shared address space (RFC 6598).
                || (a == 100 && (64..128).contains(&b))
        }
        IpAddr::V6(v6) => {
            let first = v6.segments().first().copied().unwrap_or(0);
            v6.is_loopback()
                || v6.is_unspecified()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                || v6.to_ipv4_mapped().is_some_and(|v4| is_internal(IpAddr::V4(v4)))
        }
    }
}

/// The hop to judge SPF by: the topmost with a public client address.
pub fn proposed(hops: &[Hop]) -> Option<&Hop> {
    hops.iter().find(|h| h.ip.is_some_and(|ip| !is_internal(ip)))
}

/// MAIL FROM from the topmost `Return-Path:` (`<>` gives the empty string).
pub fn return_path(msg: &MessageBytes) -> Option<String> {
    let f = msg.fields_named("Return-Path").next()?;
    let v = msg.value_text(f);
    let inner = match (v.find('<'), v.rfind('>')) {
        (Some(a), Some(b)) if a < b => v.get(a + 1..b).unwrap_or(""),
        _ => v.as_str(),
    };
    Some(inner.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_common_forms() {
        let postfix = parse_hop(
            0,
            3,
            "from mail.signed-mail.net (mail.signed-mail.net [185.47.112.50]) by mx.example.org (Postfix) with ESMTPS id 4X; Mon, 7 Dec 2026 10:00:00 +0000",
        );
        assert_eq!(postfix.helo.as_deref(), Some("mail.signed-mail.net"));
        assert_eq!(postfix.ip, "185.47.112.50".parse().ok());
        assert_eq!(postfix.by.as_deref(), Some("mx.example.org"));
        let exim = parse_hop(
            1,
            9,
            "from [2a0e:97c0:38f::32] (helo=mail.x.net) by mx.y.org with esmtps (envelope-from <bounce@x.net>) id 1; Mon, 7 Dec 2026",
        );
        assert_eq!(exim.helo.as_deref(), Some("mail.x.net"));
        assert_eq!(exim.ip, "2a0e:97c0:38f::32".parse().ok());
        assert_eq!(exim.envelope_from.as_deref(), Some("bounce@x.net"));
        let v6 = parse_hop(2, 1, "from a.b (a.b [IPv6:2a0e:97c0:38f::a]) by c.d; x");
        assert_eq!(v6.ip, "2a0e:97c0:38f::a".parse().ok());
        let local = parse_hop(3, 1, "from localhost (localhost [127.0.0.1]) by mx; x");
        assert!(local.ip.is_some_and(is_internal));
        let hops = [local, postfix.clone()];
        assert_eq!(proposed(&hops), Some(&postfix));
        let garbage = parse_hop(0, 1, "nothing useful here [not an ip]");
        assert_eq!(garbage.ip, None);
    }
}
