//! SPF macro strings (RFC 7208 §7): their grammar, canonical printing and
//! expansion.
//!
//! ```text
//! macro-string  = *( macro-expand / macro-literal )
//! macro-expand  = ( "%{" macro-letter transformers *delimiter "}" ) / "%%" / "%_" / "%-"
//! macro-literal = %x21-24 / %x26-7E        ; visible characters except "%"
//! macro-letter  = "s" / "l" / "o" / "d" / "i" / "p" / "h" / "c" / "r" / "t" / "v"
//! transformers  = *DIGIT [ "r" ]
//! delimiter     = "." / "-" / "+" / "," / "/" / "_" / "="
//! domain-spec   = macro-string domain-end
//! domain-end    = ( "." toplabel [ "." ] ) / macro-expand
//! ```

use super::error::{SpfErrorKind, SpfParseError};
use crate::finding::Span;
use std::fmt;
use std::net::IpAddr;

/// A macro letter (RFC 7208 §7.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MacroLetter {
    /// `s`: the sender, `local@domain`.
    Sender,
    /// `l`: the local part of the sender.
    Local,
    /// `o`: the domain of the sender.
    SenderDomain,
    /// `d`: the domain being checked.
    Domain,
    /// `i`: the client IP (dotted quad, or dotted nibbles for IPv6).
    Ip,
    /// `p`: the validated domain name of the client IP (discouraged).
    ValidatedName,
    /// `v`: `in-addr` or `ip6`.
    IpVersion,
    /// `h`: the HELO/EHLO name.
    Helo,
    /// `c`: the client IP in its readable form (explanations only).
    ClientIp,
    /// `r`: the name of the checking host (explanations only).
    Receiver,
    /// `t`: the current timestamp (explanations only).
    Timestamp,
}

impl MacroLetter {
    pub fn from_char(c: char) -> Option<MacroLetter> {
        Some(match c.to_ascii_lowercase() {
            's' => MacroLetter::Sender,
            'l' => MacroLetter::Local,
            'o' => MacroLetter::SenderDomain,
            'd' => MacroLetter::Domain,
            'i' => MacroLetter::Ip,
            'p' => MacroLetter::ValidatedName,
            'v' => MacroLetter::IpVersion,
            'h' => MacroLetter::Helo,
            'c' => MacroLetter::ClientIp,
            'r' => MacroLetter::Receiver,
            't' => MacroLetter::Timestamp,
            _ => return None,
        })
    }

    pub fn as_char(self) -> char {
        match self {
            MacroLetter::Sender => 's',
            MacroLetter::Local => 'l',
            MacroLetter::SenderDomain => 'o',
            MacroLetter::Domain => 'd',
            MacroLetter::Ip => 'i',
            MacroLetter::ValidatedName => 'p',
            MacroLetter::IpVersion => 'v',
            MacroLetter::Helo => 'h',
            MacroLetter::ClientIp => 'c',
            MacroLetter::Receiver => 'r',
            MacroLetter::Timestamp => 't',
        }
    }

    /// `c`, `r` and `t` are allowed only in explanation text (RFC 7208 §7.2).
    pub fn explanation_only(self) -> bool {
        matches!(
            self,
            MacroLetter::ClientIp | MacroLetter::Receiver | MacroLetter::Timestamp
        )
    }
}

/// One `%{...}` expansion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MacroExpand {
    pub letter: MacroLetter,
    /// Written in uppercase: the value is URL-escaped (RFC 7208 §7.3).
    pub url_escape: bool,
    /// Keep only this many right-hand parts (never zero).
    pub keep: Option<u32>,
    /// Reverse the parts before keeping.
    pub reverse: bool,
    /// The characters to split on, as written (empty means `.`).
    pub delimiters: String,
}

/// A piece of a macro string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MacroToken {
    /// Text copied as is (never empty; never two in a row).
    Literal(String),
    /// `%%`: a percent sign.
    Percent,
    /// `%_`: a space.
    Space,
    /// `%-`: `%20`.
    UrlSpace,
    Expand(MacroExpand),
}

/// A parsed macro string.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct MacroString {
    pub tokens: Vec<MacroToken>,
}

/// Where a macro string appears; decides which characters and letters it may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MacroUse {
    /// A mechanism or modifier target: no `c`, `r`, `t`; must end in a
    /// toplabel or a macro (RFC 7208 §7.1).
    DomainSpec,
    /// An unknown modifier's value (RFC 7208 §6): any macro string.
    ModifierValue,
    /// Explanation text fetched by `exp=` (RFC 7208 §6.2): spaces allowed,
    /// all letters.
    Explanation,
}

impl MacroString {
    /// Parses `text`, whose first byte is at `offset` in the record (for spans).
    pub fn parse(text: &str, offset: usize, usage: MacroUse) -> Result<MacroString, SpfParseError> {
        let mut tokens: Vec<MacroToken> = Vec::new();
        let mut literal = String::new();
        let mut chars = text.char_indices().peekable();
        let err = |kind: SpfErrorKind, start: usize, end: usize| {
            Err(SpfParseError {
                kind,
                span: Span::new(offset + start, offset + end),
            })
        };
        while let Some((i, c)) = chars.next() {
            if c != '%' {
                let allowed = match c {
                    ' ' => usage == MacroUse::Explanation,
                    '\x21'..='\x7e' => true,
                    _ => false,
                };
                if !allowed {
                    let kind = if c.is_ascii() {
                        SpfErrorKind::BadChar { ch: c }
                    } else {
                        SpfErrorKind::NonAscii
                    };
                    return err(kind, i, i + c.len_utf8());
                }
                literal.push(c);
                continue;
            }
            let simple = match chars.peek().map(|(_, n)| *n) {
                Some('%') => Some(MacroToken::Percent),
                Some('_') => Some(MacroToken::Space),
                Some('-') => Some(MacroToken::UrlSpace),
                Some('{') => None,
                _ => {
                    // RFC 7208 §7.1: a '%' not followed by '{', '%', '-' or '_' is a syntax error.
                    let end = chars.peek().map(|(j, n)| j + n.len_utf8()).unwrap_or(text.len());
                    return err(SpfErrorKind::BadMacro, i, end);
                }
            };
            chars.next();
            if !literal.is_empty() {
                tokens.push(MacroToken::Literal(std::mem::take(&mut literal)));
            }
            if let Some(tok) = simple {
                tokens.push(tok);
                continue;
            }
            // Inside "%{": letter, digits, optional r, delimiters, "}".
            let Some((li, lc)) = chars.next() else {
                return err(SpfErrorKind::BadMacro, i, text.len());
            };
            let Some(letter) = MacroLetter::from_char(lc) else {
                return err(
                    SpfErrorKind::UnknownMacroLetter { letter: lc },
                    li,
                    li + lc.len_utf8(),
                );
            };
            if usage == MacroUse::DomainSpec && letter.explanation_only() {
                return err(SpfErrorKind::ExplanationOnlyMacro { letter: lc }, i, li + 1);
            }
            let mut keep: Option<u32> = None;
            let mut reverse = false;
            let mut delimiters = String::new();
            let mut closed = false;
            let mut stage = 0; // 0 digits, 1 after r, 2 delimiters
            for (j, d) in chars.by_ref() {
                match d {
                    '}' => {
                        closed = true;
                        break;
                    }
                    '0'..='9' if stage == 0 => {
                        let v = keep
                            .unwrap_or(0)
                            .saturating_mul(10)
                            .saturating_add(d as u32 - '0' as u32);
                        keep = Some(v);
                    }
                    'r' | 'R' if stage == 0 => {
                        reverse = true;
                        stage = 1;
                    }
                    '.' | '-' | '+' | ',' | '/' | '_' | '=' => {
                        stage = 2;
                        delimiters.push(d);
                    }
                    _ => return err(SpfErrorKind::BadMacro, i, j + d.len_utf8()),
                }
            }
            if !closed {
                return err(SpfErrorKind::BadMacro, i, text.len());
            }
            if keep == Some(0) {
                // RFC 7208 §7.3: "If a DIGIT is specified, the value MUST be nonzero."
                return err(SpfErrorKind::BadMacro, i, li + 1);
            }
            tokens.push(MacroToken::Expand(MacroExpand {
                letter,
                url_escape: lc.is_ascii_uppercase(),
                keep,
                reverse,
                delimiters,
            }));
        }
        if !literal.is_empty() {
            tokens.push(MacroToken::Literal(literal));
        }
        let parsed = MacroString { tokens };
        if usage == MacroUse::DomainSpec {
            parsed.check_domain_end(text, offset)?;
        }
        Ok(parsed)
    }

    /// RFC 7208 §7.1: `domain-end = ( "." toplabel [ "." ] ) / macro-expand`.
    fn check_domain_end(&self, text: &str, offset: usize) -> Result<(), SpfParseError> {
        let bad = || {
            Err(SpfParseError {
                kind: SpfErrorKind::BadDomainEnd {
                    domain: text.to_string(),
                },
                span: Span::new(offset, offset + text.len()),
            })
        };
        match self.tokens.last() {
            None => Err(SpfParseError {
                kind: SpfErrorKind::MissingArgument,
                span: Span::new(offset, offset + text.len()),
            }),
            Some(MacroToken::Literal(lit)) => {
                let body = lit.strip_suffix('.').unwrap_or(lit);
                // Lenient: a macro followed by a lone trailing dot ("%{d}.")
                // ends in a macro-expand once the dot is ignored.
                let after_macro = self.tokens.len() > 1
                    && matches!(
                        self.tokens.get(self.tokens.len() - 2),
                        Some(MacroToken::Expand(_))
                    );
                if body.is_empty() && after_macro {
                    return Ok(());
                }
                match body.rsplit_once('.') {
                    Some((_, top)) if is_toplabel(top) => Ok(()),
                    _ => bad(),
                }
            }
            Some(_) => Ok(()),
        }
    }

    /// True if the string uses `%{p}` (which needs DNS before expanding).
    pub fn uses_validated_name(&self) -> bool {
        self.tokens
            .iter()
            .any(|t| matches!(t, MacroToken::Expand(e) if e.letter == MacroLetter::ValidatedName))
    }

    /// True if the string has no macros at all.
    pub fn is_literal(&self) -> bool {
        self.tokens.iter().all(|t| matches!(t, MacroToken::Literal(_)))
    }

    /// Expands the string (RFC 7208 §7.3).
    pub fn expand(&self, env: &MacroEnv<'_>) -> String {
        let mut out = String::new();
        for t in &self.tokens {
            match t {
                MacroToken::Literal(s) => out.push_str(s),
                MacroToken::Percent => out.push('%'),
                MacroToken::Space => out.push(' '),
                MacroToken::UrlSpace => out.push_str("%20"),
                MacroToken::Expand(e) => out.push_str(&expand_one(e, env)),
            }
        }
        out
    }

    /// Expands a domain-spec into a name to ask DNS: trailing dot dropped,
    /// and if longer than 253 characters, leading labels removed until it
    /// fits (RFC 7208 §7.3, last paragraph).
    pub fn expand_domain(&self, env: &MacroEnv<'_>) -> String {
        let expanded = self.expand(env);
        let mut name = expanded.strip_suffix('.').unwrap_or(&expanded);
        while name.len() > 253 {
            match name.split_once('.') {
                Some((_, rest)) => name = rest,
                None => break,
            }
        }
        name.to_string()
    }
}

/// `toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )`
pub(crate) fn is_toplabel(label: &str) -> bool {
    let b = label.as_bytes();
    match (b.first(), b.last()) {
        (Some(f), Some(l)) if f.is_ascii_alphanumeric() && l.is_ascii_alphanumeric() => {
            b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
                && b.iter().any(|c| c.is_ascii_alphabetic() || *c == b'-')
        }
        _ => false,
    }
}

impl fmt::Display for MacroExpand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.letter.as_char();
        let c = if self.url_escape {
            c.to_ascii_uppercase()
        } else {
            c
        };
        write!(f, "%{{{c}")?;
        if let Some(n) = self.keep {
            write!(f, "{n}")?;
        }
        if self.reverse {
            f.write_str("r")?;
        }
        write!(f, "{}}}", self.delimiters)
    }
}

impl fmt::Display for MacroString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for t in &self.tokens {
            match t {
                MacroToken::Literal(s) => f.write_str(s)?,
                MacroToken::Percent => f.write_str("%%")?,
                MacroToken::Space => f.write_str("%_")?,
                MacroToken::UrlSpace => f.write_str("%-")?,
                MacroToken::Expand(e) => write!(f, "{e}")?,
            }
        }
        Ok(())
    }
}

/// The values macros expand to (RFC 7208 §7.2).
#[derive(Clone, Debug)]
pub struct MacroEnv<'a> {
    /// `<sender>`: `local@domain` (local part already defaulted to `postmaster`).
    pub sender: &'a str,
    /// The domain being checked (`%{d}`).
    pub domain: &'a str,
    /// The client address, IPv4-mapped IPv6 already turned into IPv4.
    pub ip: IpAddr,
    pub helo: &'a str,
    /// `%{p}`: the validated name, or `unknown`.
    pub validated_name: &'a str,
    /// `%{r}`: the checking host's name, or `unknown`.
    pub receiver: &'a str,
    /// `%{t}`: seconds since the epoch (the core has no clock; the caller says).
    pub timestamp: u64,
}

impl MacroEnv<'_> {
    fn raw(&self, letter: MacroLetter) -> String {
        let (local, sender_domain) = match self.sender.rsplit_once('@') {
            Some((l, d)) => (l, d),
            None => ("postmaster", self.sender),
        };
        match letter {
            MacroLetter::Sender => self.sender.to_string(),
            MacroLetter::Local => local.to_string(),
            MacroLetter::SenderDomain => sender_domain.to_string(),
            MacroLetter::Domain => self.domain.to_string(),
            MacroLetter::Ip => dotted_ip(self.ip),
            MacroLetter::ValidatedName => self.validated_name.to_string(),
            MacroLetter::IpVersion => match self.ip {
                IpAddr::V4(_) => "in-addr".to_string(),
                IpAddr::V6(_) => "ip6".to_string(),
            },
            MacroLetter::Helo => self.helo.to_string(),
            MacroLetter::ClientIp => self.ip.to_string(),
            MacroLetter::Receiver => self.receiver.to_string(),
            MacroLetter::Timestamp => self.timestamp.to_string(),
        }
    }
}

/// `%{i}`: dotted quad for IPv4, 32 dot-separated nibbles for IPv6 (RFC 7208 §7.3).
pub fn dotted_ip(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(a) => a.to_string(),
        IpAddr::V6(a) => {
            let nibbles: Vec<String> = a
                .octets()
                .iter()
                .flat_map(|b| [b >> 4, b & 0x0f])
                .map(|n| format!("{n:x}"))
                .collect();
            nibbles.join(".")
        }
    }
}

fn expand_one(e: &MacroExpand, env: &MacroEnv<'_>) -> String {
    let value = env.raw(e.letter);
    let delims: &str = if e.delimiters.is_empty() {
        "."
    } else {
        &e.delimiters
    };
    let transformed = if e.keep.is_none() && !e.reverse && delims == "." {
        value
    } else {
        // RFC 7208 §7.3: split on the delimiters, optionally reverse, keep the
        // rightmost N parts, join with ".".
        let mut parts: Vec<&str> = value.split(|c| delims.contains(c)).collect();
        if e.reverse {
            parts.reverse();
        }
        if let Some(n) = e.keep {
            let n = usize::try_from(n).unwrap_or(usize::MAX);
            if n < parts.len() {
                parts.drain(..parts.len() - n);
            }
        }
        parts.join(".")
    };
    if e.url_escape {
        url_escape(&transformed)
    } else {
        transformed
    }
}

/// Percent-encodes everything outside RFC 3986 "unreserved" (RFC 7208 §7.3).
fn url_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, Ipv6Addr};

    fn env(ip: IpAddr) -> MacroEnv<'static> {
        MacroEnv {
            sender: "strong-bad@email.example.com",
            domain: "email.example.com",
            ip,
            helo: "mx.example.org",
            validated_name: "mx.example.org",
            receiver: "unknown",
            timestamp: 0,
        }
    }

    // The examples of RFC 7208 §7.4.
    #[test]
    fn rfc_examples_expand() {
        let v4 = env(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 3)));
        let v6 = env(IpAddr::V6("2001:db8::cb01".parse::<Ipv6Addr>().unwrap()));
        let cases = [
            (&v4, "%{s}", "strong-bad@email.example.com"),
            (&v4, "%{o}", "email.example.com"),
            (&v4, "%{d}", "email.example.com"),
            (&v4, "%{d4}", "email.example.com"),
            (&v4, "%{d3}", "email.example.com"),
            (&v4, "%{d2}", "example.com"),
            (&v4, "%{d1}", "com"),
            (&v4, "%{dr}", "com.example.email"),
            (&v4, "%{d2r}", "example.email"),
            (&v4, "%{l}", "strong-bad"),
            (&v4, "%{l-}", "strong.bad"),
            (&v4, "%{lr}", "strong-bad"),
            (&v4, "%{lr-}", "bad.strong"),
            (&v4, "%{l1r-}", "strong"),
            (&v4, "%{ir}.%{v}._spf.%{d2}", "3.2.0.192.in-addr._spf.example.com"),
            (&v4, "%{lr-}.lp._spf.%{d2}", "bad.strong.lp._spf.example.com"),
            (
                &v4,
                "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}",
                "bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
            ),
            (
                &v4,
                "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}",
                "3.2.0.192.in-addr.strong.lp._spf.example.com",
            ),
            (
                &v4,
                "%{d2}.trusted-domains.example.net",
                "example.com.trusted-domains.example.net",
            ),
            (
                &v6,
                "%{ir}.%{v}._spf.%{d2}",
                "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com",
            ),
            (&v4, "%%%_%-", "% %20"),
            (&v4, "%{S}", "strong-bad%40email.example.com"),
        ];
        for (e, input, want) in cases {
            let m = MacroString::parse(input, 0, MacroUse::Explanation).unwrap();
            assert_eq!(m.expand(e), want, "{input}");
            assert_eq!(m.to_string(), input, "canonical print of {input}");
        }
    }

    #[test]
    fn syntax_errors_are_caught() {
        let cases = [
            (
                "%(ir).sbl.example.com",
                MacroUse::DomainSpec,
                "spf.syntax.bad_macro",
            ),
            (
                "foo%.sbl.example.com",
                MacroUse::DomainSpec,
                "spf.syntax.bad_macro",
            ),
            (
                "%{x}.example.com",
                MacroUse::DomainSpec,
                "spf.syntax.unknown_macro_letter",
            ),
            (
                "%{r}.example.com",
                MacroUse::DomainSpec,
                "spf.syntax.explanation_only_macro",
            ),
            ("%{d0}.example.com", MacroUse::DomainSpec, "spf.syntax.bad_macro"),
            ("%{d", MacroUse::DomainSpec, "spf.syntax.bad_macro"),
            ("museum", MacroUse::DomainSpec, "spf.syntax.bad_domain_end"),
            ("museum.", MacroUse::DomainSpec, "spf.syntax.bad_domain_end"),
            ("example.-com", MacroUse::DomainSpec, "spf.syntax.bad_domain_end"),
            ("abc.123", MacroUse::DomainSpec, "spf.syntax.bad_domain_end"),
            ("a b.com", MacroUse::DomainSpec, "spf.syntax.bad_char"),
            ("a\u{feff}.com", MacroUse::DomainSpec, "spf.syntax.non_ascii"),
            ("", MacroUse::DomainSpec, "spf.syntax.missing_argument"),
        ];
        for (input, usage, code) in cases {
            let e = MacroString::parse(input, 0, usage).unwrap_err();
            assert_eq!(e.code(), code, "{input}");
        }
        for ok in [
            "foo.example.xn--zckzah",
            "%{d}",
            "x.%{d2}.",
            "a.123-456",
            "foo:bar/baz.example.com",
        ] {
            assert!(MacroString::parse(ok, 0, MacroUse::DomainSpec).is_ok(), "{ok}");
        }
    }

    #[test]
    fn long_names_lose_leading_labels() {
        let e = env(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 3)));
        let long = format!("{}example.com.", "abcdefghi.".repeat(30));
        let m = MacroString::parse(&long, 0, MacroUse::DomainSpec).unwrap();
        let name = m.expand_domain(&e);
        assert!(name.len() <= 253);
        assert!(name.ends_with("abcdefghi.example.com"));
        assert!(name.starts_with("abcdefghi."));
    }
}
