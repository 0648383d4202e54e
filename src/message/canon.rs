//! DKIM canonicalization, RFC 6376 §3.4: "simple" and "relaxed", for the
//! header fields (§3.4.1, §3.4.2) and the body (§3.4.3, §3.4.4), and the
//! `l=` cut (§3.4.5). Input lines end in CRLF ([`super::header`] made sure).

use serde::{Deserialize, Serialize};

/// One canonicalization algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Canon {
    Simple,
    Relaxed,
}

impl Canon {
    pub fn as_str(self) -> &'static str {
        match self {
            Canon::Simple => "simple",
            Canon::Relaxed => "relaxed",
        }
    }

    pub fn from_name(s: &str) -> Option<Canon> {
        match s {
            "simple" => Some(Canon::Simple),
            "relaxed" => Some(Canon::Relaxed),
            _ => None,
        }
    }
}

fn is_wsp(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// One header field (name to end of value, folding kept, no final CRLF),
/// canonicalized and followed by CRLF, appended to `out`.
pub fn header(canon: Canon, raw: &[u8], out: &mut Vec<u8>) {
    match canon {
        // §3.4.1: "does not change header fields in any way".
        Canon::Simple => out.extend_from_slice(raw),
        Canon::Relaxed => relaxed_header(raw, out),
    }
    out.extend_from_slice(b"\r\n");
}

/// §3.4.2, in its order: lowercase the name; unfold; reduce each run of WSP
/// to one SP; delete WSP at the end of the value; delete WSP before and
/// after the colon.
fn relaxed_header(raw: &[u8], out: &mut Vec<u8>) {
    let colon = raw.iter().position(|&b| b == b':').unwrap_or(raw.len());
    let name = raw.get(..colon).unwrap_or_default();
    let name_end = name.iter().rposition(|&b| !is_wsp(b)).map_or(0, |i| i + 1);
    out.extend(name.iter().take(name_end).map(u8::to_ascii_lowercase));
    out.push(b':');
    let value = raw.get(colon + 1..).unwrap_or_default();
    let mut pending_space = false;
    let mut started = false;
    for &b in value {
        match b {
            // Unfolding: the CRLF of a continuation goes, its WSP stays (and is reduced).
            b'\r' | b'\n' => {}
            b' ' | b'\t' => pending_space = started,
            _ => {
                if pending_space {
                    out.push(b' ');
                }
                pending_space = false;
                started = true;
                out.push(b);
            }
        }
    }
}

/// The body canonicalized (§3.4.3, §3.4.4).
pub fn body(canon: Canon, body: &[u8]) -> Vec<u8> {
    match canon {
        Canon::Simple => simple_body(body),
        Canon::Relaxed => relaxed_body(body),
    }
}

/// The body without its trailing empty lines, and whether it had any text.
fn strip_trailing_empty_lines(body: &[u8]) -> &[u8] {
    let mut end = body.len();
    while end >= 2 && body.get(end - 2..end) == Some(b"\r\n") {
        end -= 2;
    }
    body.get(..end).unwrap_or_default()
}

/// §3.4.3: "ignores all empty lines at the end of the message body ... If
/// there is no body or no trailing CRLF on the message body, a CRLF is added."
fn simple_body(body: &[u8]) -> Vec<u8> {
    let kept = strip_trailing_empty_lines(body);
    let mut out = Vec::with_capacity(kept.len() + 2);
    out.extend_from_slice(kept);
    out.extend_from_slice(b"\r\n");
    out
}

/// §3.4.4: WSP at the end of each line is ignored, runs of WSP within a
/// line become one SP, empty lines at the end are ignored, a non-empty body
/// gets a final CRLF if it lacks one, and an empty body stays empty.
fn relaxed_body(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    while !rest.is_empty() {
        let (line, ended, next) = match rest.windows(2).position(|w| w == b"\r\n") {
            Some(i) => (
                rest.get(..i).unwrap_or_default(),
                true,
                rest.get(i + 2..).unwrap_or_default(),
            ),
            None => (rest, false, &[][..]),
        };
        let mut pending_space = false;
        for &b in line {
            if is_wsp(b) {
                pending_space = true;
            } else {
                if pending_space {
                    out.push(b' ');
                }
                pending_space = false;
                out.push(b);
            }
        }
        // A last line without CRLF still gets one when it has text (§3.4.4).
        if ended || !line.is_empty() {
            out.extend_from_slice(b"\r\n");
        }
        rest = next;
    }
    let kept = strip_trailing_empty_lines(&out).len();
    out.truncate(kept);
    // A body of only empty lines is empty; any text keeps its final CRLF.
    if !out.is_empty() {
        out.extend_from_slice(b"\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relaxed(raw: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        header(Canon::Relaxed, raw, &mut out);
        out
    }

    /// RFC 6376 §3.4.5, the worked example.
    #[test]
    fn rfc_6376_example() {
        assert_eq!(relaxed(b"A: X"), b"a:X\r\n");
        assert_eq!(relaxed(b"B : Y\t\r\n\tZ  "), b"b:Y Z\r\n");
        let body = b" C \r\nD \t E\r\n\r\n\r\n";
        assert_eq!(relaxed_body(body), b" C\r\nD E\r\n");
        assert_eq!(simple_body(body), b" C \r\nD \t E\r\n");
        let mut simple = Vec::new();
        header(Canon::Simple, b"B : Y\t\r\n\tZ  ", &mut simple);
        assert_eq!(simple, b"B : Y\t\r\n\tZ  \r\n");
    }

    #[test]
    fn empty_and_unterminated_bodies() {
        assert_eq!(simple_body(b""), b"\r\n");
        assert_eq!(simple_body(b"\r\n\r\n"), b"\r\n");
        assert_eq!(simple_body(b"x"), b"x\r\n");
        assert_eq!(relaxed_body(b""), b"");
        assert_eq!(relaxed_body(b"\r\n \r\n"), b"");
        assert_eq!(relaxed_body(b"x  "), b"x\r\n");
        assert_eq!(relaxed_body(b"a\r\n\r\nb\r\n\r\n"), b"a\r\n\r\nb\r\n");
    }

    #[test]
    fn eight_bit_bytes_pass_through() {
        assert_eq!(relaxed_body(b"caf\xc3\xa9 \xff\r\n"), b"caf\xc3\xa9 \xff\r\n");
        assert_eq!(relaxed(b"Subject:  caf\xe9 "), b"subject:caf\xe9\r\n");
    }
}
