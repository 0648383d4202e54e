//! International domain names (IDNA): the one place the crate converts a
//! name between its Unicode form (U-labels) and its ASCII form (A-labels,
//! `xn--…`). Every other module calls [`to_ascii`], [`decode`] or
//! [`to_unicode`]; none uses an IDNA library itself.
//!
//! ToASCII. RFC 5891 §4.4: an A-label is "the encoding of the U-label
//! according to the Punycode algorithm [RFC3492] with the ACE prefix "xn--"
//! added"; UTS #46 §4 ("Processing") is the mapping, normalization and
//! validity rules that browsers and resolvers apply before that.
//! - ASCII input never leaves Rust. It is lowercased (UTS #46 §4 step 1 maps
//!   A-Z to a-z and, with UseSTD3ASCIIRules off, keeps all other ASCII), and
//!   each `xn--` label must decode (UTS #46 §4 step 4: valid Punycode, not
//!   empty, not ASCII only). Whether the decoded label is also a valid U-label
//!   (mapping, NFC, Bidi, joiners) takes Unicode tables: the caller checks it
//!   by a round trip, converting the [`decode`]d form back and comparing
//!   (RFC 5891 §5.4, RFC 5890 §2.3.2.1; `model::name` does).
//! - Non-ASCII input, natively: the `idna` crate's `domain_to_ascii`, UTS #46
//!   ToASCII with Transitional_Processing, CheckHyphens, UseSTD3ASCIIRules
//!   and VerifyDnsLength off and CheckBidi, CheckJoiners on. That is the WHATWG
//!   URL Standard's "domain to ASCII" without its forbidden-code-point check.
//!   The crate is a native-only dependency: its Unicode tables (about 46 KB
//!   gzip) never reach the page.
//! - Non-ASCII input, on wasm32: the [`Converter`] that the shell installed
//!   at start-up ([`install`]), which is the browser's own URL parser
//!   (`crate::web::idn`): its host parser runs the same "domain to ASCII". Its
//!   answer is kept only if it is a plain host (see below). With no converter
//!   installed, every non-ASCII name is refused ([`IdnError::NoConverter`]),
//!   never a panic.
//!
//! ToUnicode, for display ([`to_unicode`]) and for the caller's round trip
//! ([`decode`]): the RFC 3492 §6.2 decoder in [`punycode`], the same on both
//! targets, so that `cargo test` checks what the page runs. For a name the
//! crate accepted (every `xn--` label passed the round trip) it gives what
//! `idna::domain_to_unicode` gives.
//!
//! How the browser's URL parser differs from `idna::domain_to_ascii`, and
//! what is done about it (WHATWG URL Standard, "URL parsing" and "host
//! parsing"):
//! - URL parsing strips tabs, newlines and leading or trailing spaces and
//!   controls, ends the host at `/`, `?`, `#` or `\`, reads what precedes `@`
//!   as user info and what follows `:` as a port; host parsing percent-decodes.
//!   A name holding any ASCII other than letters, digits, `-`, `_` and `.`
//!   is therefore refused before it is handed over; a leftmost wildcard
//!   label `*` goes over as `_` (Chromium refuses `*` in a host).
//! - Host parsing refuses the forbidden domain code points (space, `%`, `<`,
//!   `>`, `^`, `|`, controls…), also where UTS #46 maps a non-ASCII character
//!   to one (U+FF05 `％` to `%`). `idna` returns them, and the caller's label
//!   rules refuse the name later (`name.bad_char` natively, `name.bad_idn` in
//!   the page). It accepts other ASCII punctuation (`ü$` becomes `xn--$-dha`);
//!   an answer that is not lowercase letters, digits, `-`, `_` and dots is
//!   refused.
//! - "If asciiDomain ends in a number, return the result of IPv4 parsing
//!   asciiDomain": `１２７.１` (full-width digits) becomes `127.0.0.1`, and
//!   `bücher.123` fails. An IPv4 answer is kept only when it is the input with
//!   full-width digits and dots folded (`１９２．０．２．１` gives
//!   `192.0.2.1`, as `idna` does), so a name never turns into another address.
//!   `bücher.123` is `name.bad_idn` in the page and `name.numeric_tld`
//!   natively.
//! - A browser may be laxer than UTS #46 on an `xn--` label already in the
//!   input (one engine keeps `xn--abc-`, which decodes to ASCII only): every
//!   `xn--` label of the answer must decode, as for ASCII input.
//! - The browser's Unicode version is its own: a code point assigned after the
//!   `idna` crate's tables were made may pass in one and not in the other.

pub mod punycode;

use std::fmt;

/// The ACE prefix of an A-label (RFC 5890 §2.3.2.5), matched in any case.
const ACE_PREFIX: &str = "xn--";

/// Why a name could not be converted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdnError {
    /// An `xn--` label that is not valid Punycode, or decodes to nothing or to
    /// ASCII only (UTS #46 §4 step 4).
    BadALabel { label: String },
    /// UTS #46 processing refused the name (a disallowed code point, the
    /// Bidi or joiner rules), or the browser's URL parser did, or its answer
    /// was not a plain host.
    Refused,
    /// wasm32 only: the name is not ASCII and no converter is installed.
    NoConverter,
}

impl fmt::Display for IdnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdnError::BadALabel { label } => write!(f, "not a valid A-label: {label}"),
            IdnError::Refused => f.write_str("not a valid international name"),
            IdnError::NoConverter => f.write_str("international names cannot be converted here"),
        }
    }
}

impl std::error::Error for IdnError {}

/// A converter for names with non-ASCII characters: UTS #46 ToASCII of the
/// whole name, or `None` when it refuses the name.
pub type Converter = fn(&str) -> Option<String>;

#[cfg(target_arch = "wasm32")]
static CONVERTER: std::sync::OnceLock<Converter> = std::sync::OnceLock::new();

/// Installs the converter for non-ASCII names (wasm32 only). Every wasm entry
/// point (the page's `ui::start`, a worker's start) calls
/// `crate::web::idn::install()`, which calls this once, before any name is
/// parsed. The first install wins; later calls change nothing.
#[cfg(target_arch = "wasm32")]
pub fn install(convert: Converter) {
    let _ = CONVERTER.set(convert);
}

/// The A-label form of a name (RFC 5891 §4.4, UTS #46 §4 ToASCII): lowercase,
/// every non-ASCII label as `xn--` and its Punycode. A trailing dot, empty
/// labels and lengths are left as they are: the caller's rules judge them.
/// ASCII input is only lowercased and its `xn--` labels checked (see the
/// module doc for what the caller still checks).
pub fn to_ascii(name: &str) -> Result<String, IdnError> {
    if name.is_ascii() {
        let lower = name.to_ascii_lowercase();
        decode(&lower)?;
        return Ok(lower);
    }
    non_ascii_to_ascii(name)
}

#[cfg(not(target_arch = "wasm32"))]
fn non_ascii_to_ascii(name: &str) -> Result<String, IdnError> {
    idna::domain_to_ascii(name).map_err(|_| IdnError::Refused)
}

#[cfg(target_arch = "wasm32")]
fn non_ascii_to_ascii(name: &str) -> Result<String, IdnError> {
    let convert = CONVERTER.get().ok_or(IdnError::NoConverter)?;
    convert_with(name, *convert)
}

/// Converts a non-ASCII name with `convert` (the browser's URL parser in the
/// page) and keeps its answer only if it is a plain host that says the same
/// thing as the input (see the module doc, and WHATWG URL "host parsing").
#[cfg(any(target_arch = "wasm32", test))]
fn convert_with(name: &str, convert: impl FnOnce(&str) -> Option<String>) -> Result<String, IdnError> {
    // RFC 4592 §2.1.1: the wildcard is the whole leftmost label `*`. Chromium
    // refuses `*` in a host (the URL Standard allows it), so the label goes
    // over as `_` and comes back as `*`: UTS #46 treats the two alike (valid
    // with UseSTD3ASCIIRules off, Bidi class ON for the Bidi rule).
    let wildcard = name
        .strip_prefix('*')
        .and_then(|rest| rest.chars().next())
        .is_some_and(is_label_separator);
    let sent = if wildcard {
        format!("_{}", &name['*'.len_utf8()..])
    } else {
        name.to_string()
    };
    // URL parsing would read these ASCII characters as syntax, strip them or
    // percent-decode them, and convert another name than the one given.
    if sent.chars().any(|c| c.is_ascii() && !is_plain_ascii(c)) {
        return Err(IdnError::Refused);
    }
    let mut host = convert(&sent).ok_or(IdnError::Refused)?;
    if !is_plain_host(&host) {
        return Err(IdnError::Refused);
    }
    // WHATWG URL, host parsing: "If asciiDomain ends in a number, return the
    // result of IPv4 parsing asciiDomain." Keep an address only if it is what
    // the input says, digit for digit.
    if ends_in_number(&host) && host != fold_digits_and_dots(name) {
        return Err(IdnError::Refused);
    }
    // UTS #46 §4 step 4, which a browser may apply more loosely to an `xn--`
    // label the input already had.
    decode(&host)?;
    if wildcard {
        host = match host.strip_prefix("_.") {
            Some(rest) => format!("*.{rest}"),
            None => return Err(IdnError::Refused),
        };
    }
    Ok(host)
}

/// The full stop and the three characters UTS #46 §4 step 1 maps to it.
#[cfg(any(target_arch = "wasm32", test))]
fn is_label_separator(c: char) -> bool {
    matches!(c, '.' | '\u{3002}' | '\u{FF0E}' | '\u{FF61}')
}

/// The ASCII a name may hold when it goes to the URL parser.
#[cfg(any(target_arch = "wasm32", test))]
fn is_plain_ascii(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')
}

/// Lowercase LDH and underscore labels, and empty labels (the caller judges
/// them).
#[cfg(any(target_arch = "wasm32", test))]
fn is_plain_host(host: &str) -> bool {
    !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.'))
}

/// WHATWG URL "ends in a number": the last label, or the one before a final
/// empty label, is all ASCII digits or parses as an IPv4 number (`0x` hex).
#[cfg(any(target_arch = "wasm32", test))]
fn ends_in_number(host: &str) -> bool {
    let mut labels: Vec<&str> = host.split('.').collect();
    if labels.len() > 1 && labels.last() == Some(&"") {
        labels.pop();
    }
    let last = labels.last().copied().unwrap_or_default();
    if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    last.strip_prefix("0x")
        .or_else(|| last.strip_prefix("0X"))
        .is_some_and(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The input as UTS #46 §4 step 1 maps its digits and label separators:
/// full-width digits to ASCII, U+3002, U+FF0E and U+FF61 to `.`, ASCII
/// lowercased; anything else is kept (and then cannot equal an address).
#[cfg(any(target_arch = "wasm32", test))]
fn fold_digits_and_dots(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            c if is_label_separator(c) => '.',
            '\u{FF10}'..='\u{FF19}' => char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')).unwrap_or(c),
            _ => c.to_ascii_lowercase(),
        })
        .collect()
}

/// True if the label starts with the ACE prefix `xn--`, in any case.
fn is_a_label(label: &str) -> bool {
    label
        .get(..ACE_PREFIX.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(ACE_PREFIX))
}

/// The name with every `xn--` label decoded to Unicode (RFC 3492 §6.2) and
/// the other labels as they are. UTS #46 §4 step 4: a label that starts with
/// `xn--` is an error if the rest is not valid Punycode, or if the label it
/// decodes to is empty or ASCII only. No mapping or validation beyond that:
/// for a name from the user or from DNS, compare [`to_ascii`] of the result
/// with the A-label form (the round trip of RFC 5891 §5.4).
pub fn decode(name: &str) -> Result<String, IdnError> {
    let mut out = String::with_capacity(name.len());
    for (i, label) in name.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        if !is_a_label(label) {
            out.push_str(label);
            continue;
        }
        let bad = || IdnError::BadALabel {
            label: label.to_string(),
        };
        let rest = label.get(ACE_PREFIX.len()..).ok_or_else(bad)?;
        let unicode = punycode::decode(rest).map_err(|_| bad())?;
        if unicode.is_ascii() {
            return Err(bad());
        }
        out.push_str(&unicode);
    }
    Ok(out)
}

/// The Unicode form of a name for display: every `xn--` label as its
/// U-label. The name as it is if a label does not decode or decodes to
/// something that should not be shown as a name (controls, spaces, invisible
/// formatting such as the Bidi overrides, label separators), none of which a
/// valid U-label holds (UTS #46 §4.1): names read from DNS answers are not
/// validated, and the report must not draw text a name cannot hold.
pub fn to_unicode(name: &str) -> String {
    match decode(name) {
        Ok(unicode) if unicode.chars().all(is_displayable) => unicode,
        _ => name.to_string(),
    }
}

/// A character that can be shown in a name. The invisible ones
/// are UTS #46 "ignored" or "disallowed": soft hyphen, combining grapheme
/// joiner, the Arabic letter mark, Hangul fillers, Mongolian variation
/// selectors, the zero width space, the directional marks, embeddings,
/// overrides and isolates, word joiner and the invisible operators,
/// variation selectors, the byte order mark, specials and tags. ZWNJ and ZWJ
/// (U+200C, U+200D) stay: RFC 5892 appendix A.1, A.2 allows them in context.
fn is_displayable(c: char) -> bool {
    !(c.is_control()
        || c.is_whitespace()
        || matches!(c,
            '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}' | '\u{200E}' | '\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFF}'
            | '\u{E0000}'..='\u{E0FFF}'
            // Label separators UTS #46 §4 step 1 maps to `.`.
            | '\u{3002}' | '\u{FF0E}' | '\u{FF61}'))
}

#[cfg(test)]
mod tests;
