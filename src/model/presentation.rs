//! Presentation (zone-file) text of record data: the field scanner every
//! record parser uses, the one error type they return, and the RFC 3597
//! generic form `\# <length> <hex>`.
//!
//! - RFC 1035 §5.1: fields are separated by blanks; a `<character-string>`
//!   is a run of non-blank characters or a quoted string, with `\X` quoting
//!   a character and `\DDD` a decimal octet.
//! - RFC 3597 §5: any record's data may be written as `\#`, the data length
//!   in octets, and the octets in hexadecimal (blanks allowed between them).
//!
//! Positions in errors are byte offsets into the text given to the parser.

use crate::finding::{Finding, Span};
use crate::i18n::code;
use crate::model::name::{Name, NameError, NameKind};

/// Why record data text was refused: what and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RdataError {
    pub kind: RdataErrorKind,
    /// Byte range of the offending part of the text.
    pub span: Span,
}

/// The ways record data text can be wrong. Each has a stable code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RdataErrorKind {
    /// Nothing to parse.
    Empty,
    /// A required field is missing (`field` names it: "preference", "target"…).
    MissingField { field: &'static str },
    /// Text is left after the last field.
    ExtraText,
    /// A field that must be a decimal number in `0..=max` is not.
    BadNumber { field: &'static str, max: u64 },
    /// A domain-name field is not a valid name.
    BadName { field: &'static str, error: NameError },
    /// Hexadecimal data has a non-hex character or an odd number of digits.
    BadHex,
    /// RFC 3597 generic data whose declared length differs from the octets given.
    GenericLength { declared: usize, actual: usize },
    /// RFC 3597 generic data that does not decode as this record type.
    GenericMalformed { rtype: &'static str },
    /// A quoted string with no closing quote.
    UnterminatedQuote,
    /// A backslash at the end, or `\D` / `\DD` without three digits.
    BadEscape,
    /// `\DDD` above 255.
    EscapeOutOfRange { value: u32 },
    /// A character-string longer than 255 octets.
    StringTooLong { len: usize },
    /// Not a dotted-quad IPv4 address.
    BadIpv4,
    /// An IPv4 octet with a leading zero (`010`): octal to some parsers.
    Ipv4LeadingZero,
    /// An IPv6 address given where IPv4 is needed.
    Ipv4WantedGotIpv6,
    /// Not an IPv6 address.
    BadIpv6,
    /// An IPv6 address with a `%zone` suffix, which only means something on one host.
    Ipv6ZoneId,
    /// An IPv4 address given where IPv6 is needed.
    Ipv6WantedGotIpv4,
    /// An MX exchange written as an IP address.
    MxIpLiteral,
    /// A CAA tag with characters other than ASCII letters and digits.
    CaaBadTag,
    /// A CAA tag longer than 15 characters.
    CaaTagTooLong { len: usize },
    /// TLSA data missing.
    TlsaNoData,
    /// A TTL above 2^31 - 1 or not a number.
    BadTtl,
    /// Not a record type mnemonic nor `TYPE<number>`.
    UnknownType,
}

impl RdataError {
    pub fn new(kind: RdataErrorKind, span: Span) -> Self {
        RdataError { kind, span }
    }

    /// Stable code, the catalogue key. Name errors keep their `name.*` code.
    pub fn code(&self) -> &'static str {
        use RdataErrorKind as K;
        match &self.kind {
            K::Empty => code::rdata::EMPTY,
            K::MissingField { .. } => code::rdata::MISSING_FIELD,
            K::ExtraText => code::rdata::EXTRA_TEXT,
            K::BadNumber { .. } => code::rdata::BAD_NUMBER,
            K::BadName { error, .. } => error.code(),
            K::BadHex => code::rdata::BAD_HEX,
            K::GenericLength { .. } => code::rdata::GENERIC_LENGTH,
            K::GenericMalformed { .. } => code::rdata::GENERIC_MALFORMED,
            K::UnterminatedQuote => code::txt::UNTERMINATED_QUOTE,
            K::BadEscape => code::txt::BAD_ESCAPE,
            K::EscapeOutOfRange { .. } => code::txt::ESCAPE_RANGE,
            K::StringTooLong { .. } => code::txt::STRING_TOO_LONG,
            K::BadIpv4 => code::address::BAD_IPV4,
            K::Ipv4LeadingZero => code::address::LEADING_ZERO,
            K::Ipv4WantedGotIpv6 => code::address::IPV6_IN_A,
            K::BadIpv6 => code::address::BAD_IPV6,
            K::Ipv6ZoneId => code::address::ZONE_ID,
            K::Ipv6WantedGotIpv4 => code::address::IPV4_IN_AAAA,
            K::MxIpLiteral => code::mx::IP_LITERAL,
            K::CaaBadTag => code::caa::BAD_TAG,
            K::CaaTagTooLong { .. } => code::caa::TAG_TOO_LONG,
            K::TlsaNoData => code::tlsa::NO_DATA,
            K::BadTtl => code::record::BAD_TTL,
            K::UnknownType => code::record::UNKNOWN_TYPE,
        }
    }

    /// Where the rule is written.
    pub fn rfc(&self) -> &'static str {
        use RdataErrorKind as K;
        match &self.kind {
            K::Empty | K::MissingField { .. } | K::ExtraText | K::BadNumber { .. } => "RFC 1035 §5.1",
            K::BadName { error, .. } => error.to_finding("").rfc,
            K::BadHex | K::GenericLength { .. } | K::GenericMalformed { .. } => "RFC 3597 §5",
            K::UnterminatedQuote | K::BadEscape | K::EscapeOutOfRange { .. } => "RFC 1035 §5.1",
            K::StringTooLong { .. } => "RFC 1035 §3.3",
            K::BadIpv4 | K::Ipv4LeadingZero | K::Ipv4WantedGotIpv6 => "RFC 1035 §3.4.1",
            K::BadIpv6 | K::Ipv6WantedGotIpv4 => "RFC 3596 §2.4",
            K::Ipv6ZoneId => "RFC 6874 §1",
            K::MxIpLiteral => "RFC 7505 §3",
            K::CaaBadTag | K::CaaTagTooLong { .. } => "RFC 8659 §4.1",
            K::TlsaNoData => "RFC 6698 §2.2",
            K::BadTtl => "RFC 2181 §8",
            K::UnknownType => "RFC 3597 §5",
        }
    }

    /// The error as an error finding about `subject`, pointing at the span.
    pub fn to_finding(&self, subject: &str) -> Finding {
        use RdataErrorKind as K;
        let mut f = match &self.kind {
            K::BadName { error, field } => error.to_finding(subject).arg("field", field),
            _ => Finding::error(self.code(), subject, self.rfc()),
        };
        f = f.at(self.span);
        if f.get_arg("pos").is_none() {
            f = f.arg("pos", self.span.start);
        }
        match &self.kind {
            K::MissingField { field } => f.arg("field", field),
            K::BadNumber { field, max } => f.arg("field", field).arg("max", max),
            K::GenericLength { declared, actual } => f.arg("declared", declared).arg("actual", actual),
            K::GenericMalformed { rtype } => f.arg("type", rtype),
            K::EscapeOutOfRange { value } => f.arg("value", value),
            K::StringTooLong { len } | K::CaaTagTooLong { len } => f.arg("len", len),
            _ => f,
        }
    }
}

impl std::fmt::Display for RdataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at {}..{}", self.code(), self.span.start, self.span.end)
    }
}

impl std::error::Error for RdataError {}

/// Shorthand for an error over `start..end`.
pub(crate) fn err(kind: RdataErrorKind, start: usize, end: usize) -> RdataError {
    RdataError::new(kind, Span::new(start, end))
}

/// One blank-separated word of the text and where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
}

impl Word<'_> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end())
    }
}

/// Reads the fields of record data left to right (RFC 1035 §5.1).
pub(crate) struct Fields<'a> {
    text: &'a str,
    pos: usize,
}

fn is_blank(b: u8) -> bool {
    b.is_ascii_whitespace()
}

impl<'a> Fields<'a> {
    pub fn new(text: &'a str) -> Self {
        Fields { text, pos: 0 }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn skip_blanks(&mut self) {
        while self.bytes().get(self.pos).is_some_and(|b| is_blank(*b)) {
            self.pos += 1;
        }
    }

    /// True when only blanks remain.
    pub fn at_end(&mut self) -> bool {
        self.skip_blanks();
        self.pos >= self.text.len()
    }

    /// Current byte offset.
    #[cfg(test)]
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// The next blank-separated word, or `MissingField` naming `field`.
    pub fn word(&mut self, field: &'static str) -> Result<Word<'a>, RdataError> {
        self.skip_blanks();
        let start = self.pos;
        while self.bytes().get(self.pos).is_some_and(|b| !is_blank(*b)) {
            self.pos += 1;
        }
        // Blanks are ASCII, so both ends are char boundaries.
        match self.text.get(start..self.pos) {
            Some(w) if !w.is_empty() => Ok(Word { text: w, start }),
            _ => Err(err(RdataErrorKind::MissingField { field }, start, start)),
        }
    }

    /// The next word as a decimal number no larger than `max`.
    pub fn number(&mut self, field: &'static str, max: u64) -> Result<u64, RdataError> {
        let w = self.word(field)?;
        parse_decimal(w.text, max)
            .ok_or_else(|| RdataError::new(RdataErrorKind::BadNumber { field, max }, w.span()))
    }

    pub fn u8(&mut self, field: &'static str) -> Result<u8, RdataError> {
        self.number(field, u8::MAX.into()).map(|n| n as u8)
    }

    pub fn u16(&mut self, field: &'static str) -> Result<u16, RdataError> {
        self.number(field, u16::MAX.into()).map(|n| n as u16)
    }

    pub fn u32(&mut self, field: &'static str) -> Result<u32, RdataError> {
        self.number(field, u32::MAX.into()).map(|n| n as u32)
    }

    /// The next word as a domain name of `kind`.
    pub fn name(&mut self, field: &'static str, kind: NameKind) -> Result<Name, RdataError> {
        let w = self.word(field)?;
        Name::parse(w.text, kind)
            .map_err(|error| RdataError::new(RdataErrorKind::BadName { field, error }, w.span()))
    }

    /// The next `<character-string>`: quoted or a bare word, escapes decoded.
    /// `limit` caps its length in octets (255 for TXT; `None` for a CAA value).
    pub fn character_string(
        &mut self,
        field: &'static str,
        limit: Option<usize>,
    ) -> Result<Vec<u8>, RdataError> {
        self.skip_blanks();
        let start = self.pos;
        if start >= self.text.len() {
            return Err(err(RdataErrorKind::MissingField { field }, start, start));
        }
        let quoted = self.bytes().get(start) == Some(&b'"');
        let mut out = Vec::new();
        let mut i = if quoted { start + 1 } else { start };
        loop {
            let Some(&b) = self.bytes().get(i) else {
                if quoted {
                    return Err(err(RdataErrorKind::UnterminatedQuote, start, i));
                }
                break;
            };
            if quoted && b == b'"' {
                i += 1;
                break;
            }
            if !quoted && (is_blank(b) || b == b'"') {
                break;
            }
            if b == b'\\' {
                let (octet, next) = decode_escape(self.bytes(), i)?;
                out.push(octet);
                i = next;
            } else {
                out.push(b);
                i += 1;
            }
        }
        self.pos = i;
        if let Some(limit) = limit {
            if out.len() > limit {
                return Err(err(RdataErrorKind::StringTooLong { len: out.len() }, start, i));
            }
        }
        Ok(out)
    }

    /// Everything left, trimmed, with its start offset.
    pub fn rest(&mut self) -> Word<'a> {
        self.skip_blanks();
        let start = self.pos;
        let tail = self.text.get(start..).unwrap_or("");
        self.pos = self.text.len();
        Word {
            text: tail.trim_end(),
            start,
        }
    }

    /// Fails with `ExtraText` if anything but blanks is left.
    pub fn finish(mut self) -> Result<(), RdataError> {
        if self.at_end() {
            Ok(())
        } else {
            Err(err(RdataErrorKind::ExtraText, self.pos, self.text.len()))
        }
    }
}

/// Decodes the escape starting with the backslash at `i`: `\DDD` or `\X`.
/// Returns the octet and the index after the escape.
fn decode_escape(bytes: &[u8], i: usize) -> Result<(u8, usize), RdataError> {
    let Some(&first) = bytes.get(i + 1) else {
        return Err(err(RdataErrorKind::BadEscape, i, i + 1));
    };
    if first.is_ascii_digit() {
        let digits = bytes.get(i + 1..(i + 4).min(bytes.len())).unwrap_or(&[]);
        if digits.len() != 3 || !digits.iter().all(u8::is_ascii_digit) {
            let end = i + 1 + digits.iter().take_while(|d| d.is_ascii_digit()).count();
            return Err(err(RdataErrorKind::BadEscape, i, end));
        }
        let value = digits.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        return match u8::try_from(value) {
            Ok(octet) => Ok((octet, i + 4)),
            Err(_) => Err(err(RdataErrorKind::EscapeOutOfRange { value }, i, i + 4)),
        };
    }
    // `\X` quotes X. X may be the first byte of a multi-byte character; the
    // remaining bytes of that character are then copied as they are.
    Ok((first, i + 2))
}

/// A plain decimal number (digits only, no sign) no larger than `max`.
pub(crate) fn parse_decimal(text: &str, max: u64) -> Option<u64> {
    if text.is_empty() || text.len() > 20 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<u64>().ok().filter(|n| *n <= max)
}

/// Lowercase hexadecimal of `bytes`.
pub(crate) fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

/// Decodes hexadecimal text starting at byte `offset` of the whole input;
/// blanks between digits are allowed (RFC 3597 §5, RFC 6698 §2.2).
pub(crate) fn from_hex(text: &str, offset: usize) -> Result<Vec<u8>, RdataError> {
    let mut out = Vec::with_capacity(text.len() / 2);
    let mut high: Option<(u8, usize)> = None;
    for (i, b) in text.bytes().enumerate() {
        if is_blank(b) {
            continue;
        }
        let Some(v) = hex_value(b) else {
            // `i` indexes bytes; the span covers just that byte, which may be
            // inside a multi-byte character: spans are bytes, not chars.
            return Err(err(RdataErrorKind::BadHex, offset + i, offset + i + 1));
        };
        match high.take() {
            None => high = Some((v, i)),
            Some((h, _)) => out.push(h << 4 | v),
        }
    }
    if let Some((_, i)) = high {
        return Err(err(RdataErrorKind::BadHex, offset + i, offset + i + 1));
    }
    Ok(out)
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// If `text` is in the RFC 3597 generic form (`\# <len> <hex>`), its octets;
/// `None` when it is not in that form at all.
pub fn parse_generic(text: &str) -> Option<Result<Vec<u8>, RdataError>> {
    let mut fields = Fields::new(text);
    fields.skip_blanks();
    let head = fields.text.get(fields.pos..)?;
    if !(head.starts_with("\\#") && head.as_bytes().get(2).is_none_or(|b| is_blank(*b))) {
        return None;
    }
    Some(parse_generic_body(&mut fields))
}

fn parse_generic_body(fields: &mut Fields<'_>) -> Result<Vec<u8>, RdataError> {
    fields.word("\\#")?;
    let len_word = fields.word("length")?;
    let declared = parse_decimal(len_word.text, u16::MAX.into()).ok_or_else(|| {
        RdataError::new(
            RdataErrorKind::BadNumber {
                field: "length",
                max: u16::MAX.into(),
            },
            len_word.span(),
        )
    })? as usize;
    let rest = fields.rest();
    let data = from_hex(rest.text, rest.start)?;
    if data.len() != declared {
        return Err(RdataError::new(
            RdataErrorKind::GenericLength {
                declared,
                actual: data.len(),
            },
            rest.span(),
        ));
    }
    Ok(data)
}

/// The RFC 3597 generic presentation of `data`: `\# 3 0a0b0c`.
pub fn format_generic(data: &[u8]) -> String {
    if data.is_empty() {
        "\\# 0".to_string()
    } else {
        format!("\\# {} {}", data.len(), to_hex(data))
    }
}

/// Reads a wire-format domain name (uncompressed, RFC 1035 §3.1) from
/// `data` at `*pos`, advancing `*pos`. Used to decode RFC 3597 generic data.
pub(crate) fn wire_name(data: &[u8], pos: &mut usize, kind: NameKind) -> Option<Name> {
    let mut text = String::new();
    loop {
        let len = usize::from(*data.get(*pos)?);
        *pos += 1;
        if len == 0 {
            break;
        }
        if len > 63 {
            return None; // compression pointers are not allowed here
        }
        let label = data.get(*pos..*pos + len)?;
        *pos += len;
        if !label.iter().all(|b| b.is_ascii_graphic() && *b != b'.') {
            return None;
        }
        text.push_str(std::str::from_utf8(label).ok()?);
        text.push('.');
    }
    if text.is_empty() {
        return Some(Name::root());
    }
    Name::parse(&text, kind).ok()
}

/// Reads a big-endian u16 at `*pos`, advancing it.
pub(crate) fn wire_u16(data: &[u8], pos: &mut usize) -> Option<u16> {
    let b = data.get(*pos..*pos + 2)?;
    *pos += 2;
    Some(u16::from_be_bytes([*b.first()?, *b.get(1)?]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_positions() {
        let mut f = Fields::new("  10  mail.example.com. ");
        assert_eq!(f.u16("preference"), Ok(10));
        let w = f.word("exchange").expect("word");
        assert_eq!((w.text, w.start), ("mail.example.com.", 6));
        assert!(f.finish().is_ok());
    }

    #[test]
    fn numbers_reject_signs_and_overflow() {
        for (text, ok) in [
            ("0", true),
            ("65535", true),
            ("65536", false),
            ("-1", false),
            ("+1", false),
        ] {
            assert_eq!(Fields::new(text).u16("n").is_ok(), ok, "{text}");
        }
        let e = Fields::new("x 99999").u16("n").expect_err("bad");
        assert_eq!(e.code(), code::rdata::BAD_NUMBER);
        assert_eq!(e.span, Span::new(0, 1));
    }

    #[test]
    fn character_strings_decode_escapes() {
        let cases: &[(&str, &[u8])] = &[
            (r#""a b""#, b"a b"),
            (r#""q\"q""#, b"q\"q"),
            (r#""b\\s""#, b"b\\s"),
            (r#""\065\000""#, b"A\0"),
            ("bare", b"bare"),
            (r"b\ are", b"b are"),
            (r#""""#, b""),
        ];
        for (text, want) in cases {
            let got = Fields::new(text).character_string("s", Some(255));
            assert_eq!(got.as_deref(), Ok(*want), "{text}");
        }
    }

    #[test]
    fn character_string_errors_have_codes_and_spans() {
        let cases = [
            (r#"  "open"#, code::txt::UNTERMINATED_QUOTE, 2),
            (r#""a\"#, code::txt::BAD_ESCAPE, 2),
            (r#""\12x""#, code::txt::BAD_ESCAPE, 1),
            (r#""\256""#, code::txt::ESCAPE_RANGE, 1),
        ];
        for (text, code, start) in cases {
            let e = Fields::new(text)
                .character_string("s", Some(255))
                .expect_err(text);
            assert_eq!((e.code(), e.span.start), (code, start), "{text}");
        }
        let long = format!("\"{}\"", "x".repeat(256));
        let e = Fields::new(&long)
            .character_string("s", Some(255))
            .expect_err("long");
        assert_eq!(e.kind, RdataErrorKind::StringTooLong { len: 256 });
    }

    #[test]
    fn generic_form() {
        assert_eq!(parse_generic("10 mail."), None);
        assert_eq!(parse_generic("\\# 0"), Some(Ok(vec![])));
        assert_eq!(parse_generic(" \\# 3 0a 0B0c "), Some(Ok(vec![10, 11, 12])));
        let e = parse_generic("\\# 2 0a0b0c")
            .and_then(Result::err)
            .expect("length error");
        assert_eq!(
            e.kind,
            RdataErrorKind::GenericLength {
                declared: 2,
                actual: 3
            }
        );
        let e = parse_generic("\\# 1 0g")
            .and_then(Result::err)
            .expect("hex error");
        assert_eq!((e.code(), e.span.start), (code::rdata::BAD_HEX, 6));
        assert_eq!(format_generic(&[1, 255]), "\\# 2 01ff");
        assert_eq!(format_generic(&[]), "\\# 0");
    }

    #[test]
    fn wire_names() {
        let data = b"\x04mail\x07example\x03com\x00";
        let mut pos = 0;
        let n = wire_name(data, &mut pos, NameKind::Host).expect("name");
        assert_eq!((n.as_str(), pos), ("mail.example.com", data.len()));
        let mut pos = 0;
        assert_eq!(wire_name(b"\x00", &mut pos, NameKind::Host), Some(Name::root()));
        let mut pos = 0;
        assert_eq!(wire_name(b"\xc0\x0c", &mut pos, NameKind::Host), None);
    }

    proptest::proptest! {
        #[test]
        fn scanner_never_panics(s in "\\PC{0,400}") {
            let mut f = Fields::new(&s);
            while !f.at_end() {
                let before = f.pos();
                let _ = f.character_string("s", Some(255));
                if f.pos() == before { let _ = f.word("w"); }
                if f.pos() == before { break; }
            }
            let _ = parse_generic(&s);
            let _ = from_hex(&s, 0);
        }

        #[test]
        fn scanner_never_panics_on_bytes(b in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            let s = String::from_utf8_lossy(&b);
            let mut f = Fields::new(&s);
            let _ = f.character_string("s", None);
            let _ = f.u32("n");
            let _ = parse_generic(&format!("\\# 4 {s}"));
            let mut pos = 0;
            let _ = wire_name(&b, &mut pos, NameKind::Service);
        }
    }
}
