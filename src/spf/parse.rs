//! Parsing `v=spf1` records (RFC 7208 §4.5, §4.6.1, §5, §6, §12 ABNF).
//!
//! ```text
//! record    = version terms *SP
//! version   = "v=spf1"                         ; case-insensitive (ABNF strings)
//! terms     = *( 1*SP ( directive / modifier ) )
//! directive = [ qualifier ] mechanism
//! modifier  = redirect / explanation / unknown-modifier
//! unknown-modifier = name "=" macro-string
//! name      = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )
//! ```
//!
//! [`parse_record`] stops at the first error (any syntax error anywhere makes
//! `check_host()` a permerror, §4.6); [`parse_lenient`] keeps every good term
//! and every error, for the linter.

use super::error::{SpfErrorKind, SpfParseError};
use super::macros::{MacroString, MacroUse};
use super::{Directive, DualCidr, Mechanism, Modifier, Qualifier, SpfRecord, SpfTerm, Term, VERSION};
use crate::finding::Span;
use std::net::{Ipv4Addr, Ipv6Addr};

/// True if the text is an SPF record: `v=spf1` (any case) then a space or the end (§4.5).
pub fn is_spf_record(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= VERSION.len()
        && b[..VERSION.len()].eq_ignore_ascii_case(VERSION.as_bytes())
        && matches!(b.get(VERSION.len()), None | Some(b' '))
}

/// Parses a record; the first error found (in text order) is returned.
pub fn parse_record(text: &str) -> Result<SpfRecord, SpfParseError> {
    let (record, errors) = parse_lenient(text);
    match errors.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(record),
    }
}

/// Parses a record keeping every valid term and every error. When the text
/// is not an SPF record at all the only error is [`SpfErrorKind::NotSpf`].
pub fn parse_lenient(text: &str) -> (SpfRecord, Vec<SpfParseError>) {
    let mut errors = Vec::new();
    if !is_spf_record(text) {
        let end = text.find(' ').unwrap_or(text.len());
        errors.push(SpfParseError {
            kind: SpfErrorKind::NotSpf,
            span: Span::new(0, end),
        });
        return (SpfRecord::default(), errors);
    }
    let mut terms = Vec::new();
    // Terms are separated by one or more spaces, and only spaces (§4.6.1).
    let mut pos = VERSION.len();
    for piece in text[VERSION.len()..].split(' ') {
        let start = pos;
        pos += piece.len() + 1;
        if piece.is_empty() {
            continue;
        }
        let span = Span::new(start, start + piece.len());
        match parse_term(piece, start) {
            Ok(term) => terms.push(SpfTerm { term, span }),
            Err(e) => errors.push(e),
        }
    }
    // §6: redirect and exp MUST NOT appear more than once each.
    for wanted in ["redirect", "exp"] {
        let same: Vec<&SpfTerm> = terms
            .iter()
            .filter(|t| match &t.term {
                Term::Modifier(Modifier::Redirect(_)) => wanted == "redirect",
                Term::Modifier(Modifier::Exp(_)) => wanted == "exp",
                _ => false,
            })
            .collect();
        for dup in same.iter().skip(1) {
            errors.push(SpfParseError {
                kind: SpfErrorKind::DuplicateModifier {
                    name: wanted.to_string(),
                },
                span: dup.span,
            });
        }
    }
    errors.sort_by_key(|e| (e.span.start, e.span.end));
    (SpfRecord { terms }, errors)
}

fn error<T>(kind: SpfErrorKind, start: usize, end: usize) -> Result<T, SpfParseError> {
    Err(SpfParseError {
        kind,
        span: Span::new(start, end),
    })
}

/// Parses one term; `offset` is where it starts in the record.
fn parse_term(piece: &str, offset: usize) -> Result<Term, SpfParseError> {
    let end = offset + piece.len();
    if let Some((i, c)) = piece.char_indices().find(|(_, c)| !c.is_ascii()) {
        return error(SpfErrorKind::NonAscii, offset + i, offset + i + c.len_utf8());
    }
    // From here on the piece is ASCII, so every byte index is a char boundary.
    let bytes = piece.as_bytes();
    let name_len = bytes
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')))
        .unwrap_or(bytes.len());
    if bytes.get(name_len) == Some(&b'=') {
        return parse_modifier(
            &piece[..name_len],
            &piece[name_len + 1..],
            offset,
            offset + name_len + 1,
            end,
        );
    }
    let (qualifier, explicit, body_start) = match piece.chars().next().and_then(Qualifier::from_char) {
        Some(q) => (q, true, 1),
        None => (Qualifier::Pass, false, 0),
    };
    let body = &piece[body_start..];
    let mech_len = body
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let mech_name = &body[..mech_len];
    let rest = &body[mech_len..];
    let rest_offset = offset + body_start + mech_len;
    let follows_ok = rest.is_empty() || rest.starts_with(':') || rest.starts_with('/');
    // Mechanism names are case-insensitive (ABNF strings, RFC 5234 §2.3).
    let lower = mech_name.to_ascii_lowercase();
    let known = matches!(
        lower.as_str(),
        "all" | "include" | "a" | "mx" | "ptr" | "ip4" | "ip6" | "exists"
    );
    if !known || !follows_ok {
        // "x=..." where x is not a valid name reads as a broken modifier.
        let head = &piece[..piece.find([':', '/']).unwrap_or(piece.len())];
        if let Some(eq) = head.find('=') {
            return error(
                SpfErrorKind::BadModifierName {
                    name: head[..eq].to_string(),
                },
                offset,
                offset + eq,
            );
        }
        let name = &body[..body.find([':', '/', '=']).unwrap_or(body.len())];
        return error(
            SpfErrorKind::UnknownMechanism {
                name: name.to_string(),
            },
            offset + body_start,
            offset + body_start + name.len(),
        );
    }
    let mechanism = match lower.as_str() {
        "all" => {
            if !rest.is_empty() {
                return error(
                    SpfErrorKind::UnexpectedArgument { mechanism: lower },
                    rest_offset,
                    end,
                );
            }
            Mechanism::All
        }
        "include" | "exists" => {
            let Some(arg) = rest.strip_prefix(':') else {
                return error(SpfErrorKind::MissingArgument, offset, end);
            };
            let (domain_text, cidr) = split_dual_cidr(arg);
            if !cidr.is_empty() && !domain_text.is_empty() {
                return error(
                    SpfErrorKind::UnexpectedArgument { mechanism: lower },
                    end - cidr.len(),
                    end,
                );
            }
            let d = MacroString::parse(arg, rest_offset + 1, MacroUse::DomainSpec)?;
            if lower == "include" {
                Mechanism::Include(d)
            } else {
                Mechanism::Exists(d)
            }
        }
        "a" | "mx" => {
            let (head, cidr_text) = split_dual_cidr(rest);
            if !head.is_empty() && !head.starts_with(':') {
                return error(
                    SpfErrorKind::BadCidr {
                        text: rest.to_string(),
                    },
                    rest_offset,
                    end,
                );
            }
            let cidr = parse_dual_cidr(cidr_text, rest_offset + head.len())?;
            let domain = if head.is_empty() {
                None
            } else if let Some(arg) = head.strip_prefix(':') {
                Some(MacroString::parse(arg, rest_offset + 1, MacroUse::DomainSpec)?)
            } else {
                return error(
                    SpfErrorKind::BadCidr {
                        text: rest.to_string(),
                    },
                    rest_offset,
                    end,
                );
            };
            if lower == "a" {
                Mechanism::A { domain, cidr }
            } else {
                Mechanism::Mx { domain, cidr }
            }
        }
        "ptr" => {
            if rest.is_empty() {
                Mechanism::Ptr(None)
            } else if let Some(arg) = rest.strip_prefix(':') {
                Mechanism::Ptr(Some(MacroString::parse(
                    arg,
                    rest_offset + 1,
                    MacroUse::DomainSpec,
                )?))
            } else {
                return error(
                    SpfErrorKind::UnexpectedArgument { mechanism: lower },
                    rest_offset,
                    end,
                );
            }
        }
        "ip4" | "ip6" => {
            let Some(arg) = rest.strip_prefix(':') else {
                return error(SpfErrorKind::MissingArgument, offset, end);
            };
            let arg_offset = rest_offset + 1;
            let (addr_text, prefix_text) = match arg.split_once('/') {
                Some((a, p)) => (a, Some(p)),
                None => (arg, None),
            };
            let max = if lower == "ip4" { 32 } else { 128 };
            let prefix = match prefix_text {
                None => None,
                Some(p) => Some(parse_cidr_len(p, max).ok_or_else(|| SpfParseError {
                    kind: SpfErrorKind::BadCidr {
                        text: format!("/{p}"),
                    },
                    span: Span::new(arg_offset + addr_text.len(), end),
                })?),
            };
            let addr_span = (arg_offset, arg_offset + addr_text.len());
            if lower == "ip4" {
                match parse_ip4(addr_text) {
                    Some(addr) => Mechanism::Ip4 { addr, prefix },
                    None => {
                        return error(
                            SpfErrorKind::BadIp4 {
                                text: addr_text.to_string(),
                            },
                            addr_span.0,
                            addr_span.1,
                        )
                    }
                }
            } else {
                match addr_text.parse::<Ipv6Addr>() {
                    Ok(addr)
                        if addr_text
                            .bytes()
                            .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.') =>
                    {
                        Mechanism::Ip6 { addr, prefix }
                    }
                    _ => {
                        return error(
                            SpfErrorKind::BadIp6 {
                                text: addr_text.to_string(),
                            },
                            addr_span.0,
                            addr_span.1,
                        )
                    }
                }
            }
        }
        _ => {
            return error(
                SpfErrorKind::UnknownMechanism {
                    name: mech_name.to_string(),
                },
                offset,
                end,
            )
        }
    };
    Ok(Term::Directive(Directive {
        qualifier,
        explicit_qualifier: explicit,
        mechanism,
    }))
}

fn parse_modifier(
    name: &str,
    value: &str,
    offset: usize,
    value_offset: usize,
    end: usize,
) -> Result<Term, SpfParseError> {
    // name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )
    if !name.as_bytes().first().is_some_and(|b| b.is_ascii_alphabetic()) {
        return error(
            SpfErrorKind::BadModifierName {
                name: name.to_string(),
            },
            offset,
            offset + name.len(),
        );
    }
    let modifier = if name.eq_ignore_ascii_case("redirect") || name.eq_ignore_ascii_case("exp") {
        // An empty target is a syntax error for both (§6.1; for exp= the
        // erratum to §6.2 chose permerror too).
        if value.is_empty() {
            return error(SpfErrorKind::MissingArgument, offset, end);
        }
        let d = MacroString::parse(value, value_offset, MacroUse::DomainSpec)?;
        if name.eq_ignore_ascii_case("redirect") {
            Modifier::Redirect(d)
        } else {
            Modifier::Exp(d)
        }
    } else {
        Modifier::Unknown {
            name: name.to_string(),
            value: MacroString::parse(value, value_offset, MacroUse::ModifierValue)?,
        }
    };
    Ok(Term::Modifier(modifier))
}

/// Splits a trailing `dual-cidr-length` off `text`: returns (head, cidr text).
/// Only a suffix of the shape `/N`, `//N` or `/N//N` is taken.
fn split_dual_cidr(text: &str) -> (&str, &str) {
    let mut cut = text.len();
    // "//" 1*DIGIT at the very end
    if let Some(p) = trailing_slash_digits(&text[..cut]) {
        if text[..p].ends_with('/') {
            cut = p - 1;
        }
    }
    // "/" 1*DIGIT before that (but not a "//" one)
    if let Some(p) = trailing_slash_digits(&text[..cut]) {
        if !text[..p].ends_with('/') {
            cut = p;
        }
    }
    (&text[..cut], &text[cut..])
}

/// If `text` ends in "/" 1*DIGIT, the index of that "/".
fn trailing_slash_digits(text: &str) -> Option<usize> {
    let digits = text.bytes().rev().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 {
        return None;
    }
    let slash = text.len().checked_sub(digits + 1)?;
    (text.as_bytes().get(slash) == Some(&b'/')).then_some(slash)
}

fn parse_dual_cidr(text: &str, offset: usize) -> Result<DualCidr, SpfParseError> {
    let bad = || SpfParseError {
        kind: SpfErrorKind::BadCidr {
            text: text.to_string(),
        },
        span: Span::new(offset, offset + text.len()),
    };
    let mut cidr = DualCidr::default();
    let (v4, v6) = match text.find("//") {
        Some(i) => (&text[..i], Some(&text[i + 2..])),
        None => (text, None),
    };
    if let Some(n) = v4.strip_prefix('/') {
        cidr.v4 = Some(parse_cidr_len(n, 32).ok_or_else(bad)?);
    }
    if let Some(n) = v6 {
        cidr.v6 = Some(parse_cidr_len(n, 128).ok_or_else(bad)?);
    }
    Ok(cidr)
}

/// `1*DIGIT` without leading zeros, at most `max` (§5.6).
fn parse_cidr_len(text: &str, max: u8) -> Option<u8> {
    if text.is_empty() || text.len() > 3 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if text.len() > 1 && text.starts_with('0') {
        return None;
    }
    text.parse::<u8>().ok().filter(|n| *n <= max)
}

/// `ip4-network = qnum "." qnum "." qnum "." qnum`, qnum without leading zeros (§5.6).
fn parse_ip4(text: &str) -> Option<Ipv4Addr> {
    let parts: Vec<&str> = text.split('.').collect();
    if parts.len() != 4 {
        return None;
    }
    let mut octets = [0u8; 4];
    for (slot, p) in octets.iter_mut().zip(parts) {
        if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if p.len() > 1 && p.starts_with('0') {
            return None;
        }
        *slot = p.parse().ok()?;
    }
    Some(Ipv4Addr::from(octets))
}

#[cfg(test)]
mod tests;
