//! The message as bytes: the header section split into fields (folded lines
//! kept), and the body (RFC 5322 §2.1, §2.2, §2.2.3).
//!
//! DKIM signs bytes, so nothing here decodes text: a field's name must be
//! ASCII (RFC 5322 §2.2 `ftext`), its value and the body are kept as the
//! bytes pasted, 8-bit and all. Lines may end in CRLF or in a bare LF (a
//! paste from a browser, an `.eml` saved on Unix); a bare LF becomes CRLF,
//! as every verifier does (RFC 5322 §2.1: the line ending on the wire is
//! CRLF), and the line numbers stay those of the input.
//!
//! The work is linear in the input, which is capped at
//! [`super::MAX_MESSAGE_BYTES`].

use crate::finding::{Finding, Span};
use crate::i18n::code;

const RFC_FORMAT: &str = "RFC 5322 §2.1";
const RFC_FIELDS: &str = "RFC 5322 §2.2";

/// RFC 5322 §2.1.1: "Each line of characters MUST be no more than 998
/// characters ... excluding the CRLF."
pub const MAX_LINE: usize = 998;

/// One header field: where it is in [`MessageBytes::bytes`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderField {
    /// The field name as written (ASCII, RFC 5322 §2.2 `ftext`).
    pub name: String,
    /// Offset of the field's first byte.
    pub start: usize,
    /// Offset of the `:` after the name.
    pub colon: usize,
    /// Offset just past the value (before its final CRLF).
    pub end: usize,
    /// The line (1-based, in the input) the field starts on.
    pub line: usize,
}

impl HeaderField {
    /// True if the field is called `name` (field names compare without case, RFC 5322 §1.2.2).
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }
}

/// A message read into header fields and body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageBytes {
    /// The input with every line ending CRLF.
    pub bytes: Vec<u8>,
    /// The header fields in order, top first.
    pub fields: Vec<HeaderField>,
    /// Offset of the body's first byte (after the empty line), or `bytes.len()`.
    pub body_start: usize,
    /// Offsets (in `bytes`) where each line starts, for line numbers.
    line_starts: Vec<usize>,
}

impl MessageBytes {
    /// The whole field, name to end of value, folding kept, no final CRLF.
    pub fn raw(&self, f: &HeaderField) -> &[u8] {
        self.bytes.get(f.start..f.end).unwrap_or_default()
    }

    /// The field's value: everything after the `:`, folding kept.
    pub fn value(&self, f: &HeaderField) -> &[u8] {
        self.bytes.get(f.colon + 1..f.end).unwrap_or_default()
    }

    /// The value as text with the folding removed and non-UTF-8 bytes
    /// replaced, for reading addresses and results (never for hashing).
    pub fn value_text(&self, f: &HeaderField) -> String {
        let v = String::from_utf8_lossy(self.value(f));
        v.replace("\r\n", "").trim().to_string()
    }

    /// The body, CRLF line endings.
    pub fn body(&self) -> &[u8] {
        self.bytes.get(self.body_start..).unwrap_or_default()
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset).max(1)
    }

    /// Every field called `name`, top first.
    pub fn fields_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a HeaderField> + 'a {
        self.fields.iter().filter(move |f| f.is(name))
    }
}

/// Why the input is not a message at all (nothing else can be said).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MessageError {
    Empty,
    /// Over [`super::MAX_MESSAGE_BYTES`].
    TooLarge {
        size: usize,
        max: usize,
    },
    /// The first line is not a header field: a body without its header, or not a message.
    NoHeaders,
}

impl MessageError {
    pub fn to_finding(&self) -> Finding {
        match self {
            MessageError::Empty => Finding::error(code::message::EMPTY, "message", RFC_FORMAT),
            MessageError::TooLarge { size, max } => {
                Finding::error(code::message::TOO_LARGE, "message", RFC_FORMAT)
                    .arg("size", size)
                    .arg("max", max)
            }
            MessageError::NoHeaders => {
                Finding::error(code::message::NO_HEADERS, "message", RFC_FIELDS).arg("line", 1)
            }
        }
    }
}

/// CRLF for every bare LF; the offsets of line starts.
fn normalize(input: &[u8]) -> (Vec<u8>, Vec<usize>) {
    let mut out = Vec::with_capacity(input.len() + input.len() / 32);
    let mut starts = vec![0];
    let mut prev = 0u8;
    for &b in input {
        if b == b'\n' {
            if prev != b'\r' {
                out.push(b'\r');
            }
            out.push(b'\n');
            starts.push(out.len());
        } else {
            out.push(b);
        }
        prev = b;
    }
    (out, starts)
}

/// RFC 5322 §2.2 `ftext`: printable ASCII but `:`.
fn is_ftext(b: u8) -> bool {
    (33..=126).contains(&b) && b != b':'
}

/// The field name at the start of a line and the offset of its colon in
/// the line, allowing the obsolete white space before the colon (§4.5.3).
fn field_name(line: &[u8]) -> Option<(&[u8], usize)> {
    let n = line.iter().take_while(|&&b| is_ftext(b)).count();
    if n == 0 {
        return None;
    }
    let ws = line
        .get(n..)?
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    match line.get(n + ws) {
        Some(b':') => Some((line.get(..n)?, n + ws)),
        _ => None,
    }
}

/// Reads a message. Findings say what is odd but readable (bare LF line
/// endings, NUL bytes, over-long lines, lines that are not header fields).
pub fn read(input: &[u8], max: usize) -> Result<(MessageBytes, Vec<Finding>), MessageError> {
    // The size first: a paste over the cap costs no further pass.
    if input.len() > max {
        return Err(MessageError::TooLarge {
            size: input.len(),
            max,
        });
    }
    if input.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(MessageError::Empty);
    }
    let mut findings = Vec::new();
    let had_bare_lf = input
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'\n' && (i == 0 || input.get(i - 1) != Some(&b'\r')));
    if had_bare_lf {
        findings.push(Finding::info(code::message::BARE_LF, "message", RFC_FORMAT));
    }
    if let Some(at) = input.iter().position(|&b| b == 0) {
        let line = input
            .get(..at)
            .unwrap_or_default()
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        findings.push(
            Finding::warning(code::message::NUL_BYTE, "message", RFC_FORMAT)
                .arg("line", line)
                .at(Span::new(at, at + 1)),
        );
    }
    let (bytes, line_starts) = normalize(input);
    let mut msg = MessageBytes {
        bytes,
        fields: Vec::new(),
        body_start: 0,
        line_starts,
    };
    let mut long_line: Option<usize> = None;
    let mut body_start = None;
    let mut n = 0;
    while let Some(&start) = msg.line_starts.get(n) {
        let next = msg.line_starts.get(n + 1).copied();
        let line_end = next.map_or(msg.bytes.len(), |s| s.saturating_sub(2));
        let line = msg.bytes.get(start..line_end).unwrap_or_default();
        if line.len() > MAX_LINE && long_line.is_none() {
            long_line = Some(n + 1);
        }
        if next.is_none() && line.is_empty() {
            break;
        }
        if line.is_empty() {
            body_start = next;
            break;
        }
        match line.first() {
            Some(b' ' | b'\t') => match msg.fields.last_mut() {
                // A continuation line (RFC 5322 §2.2.3): the field goes on.
                Some(f) => f.end = line_end,
                None => return Err(MessageError::NoHeaders),
            },
            _ => match field_name(line) {
                Some((name, colon)) => msg.fields.push(HeaderField {
                    name: String::from_utf8_lossy(name).into_owned(),
                    start,
                    colon: start + colon,
                    end: line_end,
                    line: n + 1,
                }),
                // An mbox "From " separator line before the header (RFC 4155).
                None if n == 0 && line.starts_with(b"From ") => {
                    findings
                        .push(Finding::info(code::message::MBOX_FROM, "message", RFC_FIELDS).arg("line", 1));
                }
                None if msg.fields.is_empty() => return Err(MessageError::NoHeaders),
                None => findings.push(
                    Finding::error(code::message::BAD_HEADER_LINE, "message", RFC_FIELDS)
                        .arg("line", n + 1)
                        .at(Span::new(start, line_end)),
                ),
            },
        }
        n += 1;
    }
    if msg.fields.is_empty() {
        return Err(MessageError::NoHeaders);
    }
    msg.body_start = body_start.unwrap_or(msg.bytes.len());
    if body_start.is_none() {
        findings.push(Finding::info(code::message::NO_BODY, "message", RFC_FORMAT));
    }
    if let Some(line) = long_line {
        findings.push(
            Finding::warning(code::message::LONG_LINE, "message", "RFC 5322 §2.1.1")
                .arg("line", line)
                .arg("max", MAX_LINE),
        );
    }
    Ok((msg, findings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &[u8]) -> (MessageBytes, Vec<Finding>) {
        read(text, 1 << 20).expect("a message")
    }

    #[test]
    fn folded_fields_and_body() {
        let (m, f) = parse(b"From: a@b.c\r\nSubject: one\r\n two\r\n\tthree\r\nTo: x@y.z\r\n\r\nbody\r\n");
        assert!(f.is_empty(), "{f:?}");
        let names: Vec<&str> = m.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["From", "Subject", "To"]);
        assert_eq!(m.raw(&m.fields[1]), b"Subject: one\r\n two\r\n\tthree");
        assert_eq!(m.value_text(&m.fields[1]), "one two\tthree");
        assert_eq!(m.fields[2].line, 5);
        assert_eq!(m.body(), b"body\r\n");
    }

    #[test]
    fn bare_lf_becomes_crlf_and_lines_keep_their_numbers() {
        let (m, f) = parse(b"From: a@b.c\nSubject: x\n\nline\n");
        assert_eq!(m.bytes, b"From: a@b.c\r\nSubject: x\r\n\r\nline\r\n");
        assert_eq!(m.fields[1].line, 2);
        assert_eq!(m.line_of(m.body_start), 4);
        assert!(f.iter().any(|f| f.code == code::message::BARE_LF));
    }

    #[test]
    fn eight_bit_bytes_are_kept() {
        let (m, _) = parse(b"From: a@b.c\r\nSubject: caf\xe9\r\n\r\n\xff\xfe\r\n");
        assert_eq!(m.value(&m.fields[1]), b" caf\xe9");
        assert_eq!(m.body(), b"\xff\xfe\r\n");
    }

    #[test]
    fn bad_inputs_are_named() {
        assert_eq!(read(b"", 100), Err(MessageError::Empty));
        assert_eq!(read(b" \r\n\r\n", 100), Err(MessageError::Empty));
        assert_eq!(read(b"just some text\r\n", 100), Err(MessageError::NoHeaders));
        assert_eq!(read(b"\r\nbody only\r\n", 100), Err(MessageError::NoHeaders));
        assert_eq!(read(b" folded first: x\r\n", 100), Err(MessageError::NoHeaders));
        assert!(matches!(
            read(&[b'a'; 101], 100),
            Err(MessageError::TooLarge { size: 101, max: 100 })
        ));
        let (_, f) = parse(b"From: a@b.c\r\nnot a field\r\nTo: x\r\n\r\n");
        let bad = f
            .iter()
            .find(|f| f.code == code::message::BAD_HEADER_LINE)
            .expect("named");
        assert_eq!(bad.get_arg("line"), Some("2"));
        let (_, f) = parse(b"From: a@b.c\r\nSubject: a\0b\r\n\r\n");
        let nul = f.iter().find(|f| f.code == code::message::NUL_BYTE).expect("NUL");
        assert_eq!(nul.get_arg("line"), Some("2"));
    }

    #[test]
    fn a_long_line_is_read_in_linear_time() {
        let mut text = b"From: a@b.c\r\nX-Long: ".to_vec();
        text.extend(std::iter::repeat_n(b'x', 100_000));
        text.extend_from_slice(b"\r\n\r\nbody\r\n");
        let (m, f) = parse(&text);
        assert_eq!(m.fields.len(), 2);
        let long = f
            .iter()
            .find(|f| f.code == code::message::LONG_LINE)
            .expect("long");
        assert_eq!(long.get_arg("line"), Some("2"));
    }

    #[test]
    fn mbox_separator_and_headers_only() {
        let (m, f) = parse(b"From someone@x Mon Dec  7 10:00:00 2026\nFrom: a@b.c\n");
        assert_eq!(m.fields.len(), 1);
        assert!(m.body().is_empty());
        assert!(f.iter().any(|f| f.code == code::message::MBOX_FROM));
        assert!(f.iter().any(|f| f.code == code::message::NO_BODY));
    }
}
