//! What can be wrong in an SPF record's text: the parse error kinds, their
//! stable catalogue codes and the RFC 7208 section each one breaks.
//!
//! Kept apart from [`super::parse`] so the record parser and the macro parser
//! ([`super::macros`]) both use it without importing each other.

use crate::finding::{Finding, Span};
use std::fmt;

/// What is wrong with a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpfErrorKind {
    /// Does not start with `v=spf1` followed by a space or the end (§4.5).
    NotSpf,
    /// A character outside 7-bit ASCII (§3, §4.5).
    NonAscii,
    /// A control or other character the grammar does not allow here.
    BadChar {
        ch: char,
    },
    /// A mechanism name RFC 7208 does not define (§4.6.1, §5).
    UnknownMechanism {
        name: String,
    },
    /// `name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )` not met (§6, §12).
    BadModifierName {
        name: String,
    },
    /// An argument or CIDR on a mechanism that takes none (`all:x`, `ptr/0`, `include:x/24`).
    UnexpectedArgument {
        mechanism: String,
    },
    /// A required argument is missing or empty (`include:`, `exists`, `exp=`).
    MissingArgument,
    /// The domain-spec does not end in a toplabel or a macro (§7.1).
    BadDomainEnd {
        domain: String,
    },
    /// A CIDR length out of range, with leading zeros, or malformed (§5.6).
    BadCidr {
        text: String,
    },
    BadIp4 {
        text: String,
    },
    BadIp6 {
        text: String,
    },
    /// A `%` not followed by `{`, `%`, `_`, `-`, or a malformed `%{...}` (§7.1).
    BadMacro,
    /// `%{x}` with a letter RFC 7208 does not define (§7.2).
    UnknownMacroLetter {
        letter: char,
    },
    /// `%{c}`, `%{r}`, `%{t}` outside explanation text (§7.2).
    ExplanationOnlyMacro {
        letter: char,
    },
    /// `redirect=` or `exp=` more than once (§6).
    DuplicateModifier {
        name: String,
    },
}

/// A parse error and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpfParseError {
    pub kind: SpfErrorKind,
    pub span: Span,
}

impl SpfParseError {
    /// Every code [`SpfParseError::code`] can return.
    pub const CODES: [&'static str; 15] = [
        "spf.syntax.not_spf",
        "spf.syntax.non_ascii",
        "spf.syntax.bad_char",
        "spf.unknown_mechanism",
        "spf.syntax.bad_modifier_name",
        "spf.syntax.unexpected_argument",
        "spf.syntax.missing_argument",
        "spf.syntax.bad_domain_end",
        "spf.syntax.bad_cidr",
        "spf.syntax.bad_ip4",
        "spf.syntax.bad_ip6",
        "spf.syntax.bad_macro",
        "spf.syntax.unknown_macro_letter",
        "spf.syntax.explanation_only_macro",
        "spf.duplicate_modifier",
    ];

    /// Stable catalogue code.
    pub fn code(&self) -> &'static str {
        match &self.kind {
            SpfErrorKind::NotSpf => "spf.syntax.not_spf",
            SpfErrorKind::NonAscii => "spf.syntax.non_ascii",
            SpfErrorKind::BadChar { .. } => "spf.syntax.bad_char",
            SpfErrorKind::UnknownMechanism { .. } => "spf.unknown_mechanism",
            SpfErrorKind::BadModifierName { .. } => "spf.syntax.bad_modifier_name",
            SpfErrorKind::UnexpectedArgument { .. } => "spf.syntax.unexpected_argument",
            SpfErrorKind::MissingArgument => "spf.syntax.missing_argument",
            SpfErrorKind::BadDomainEnd { .. } => "spf.syntax.bad_domain_end",
            SpfErrorKind::BadCidr { .. } => "spf.syntax.bad_cidr",
            SpfErrorKind::BadIp4 { .. } => "spf.syntax.bad_ip4",
            SpfErrorKind::BadIp6 { .. } => "spf.syntax.bad_ip6",
            SpfErrorKind::BadMacro => "spf.syntax.bad_macro",
            SpfErrorKind::UnknownMacroLetter { .. } => "spf.syntax.unknown_macro_letter",
            SpfErrorKind::ExplanationOnlyMacro { .. } => "spf.syntax.explanation_only_macro",
            SpfErrorKind::DuplicateModifier { .. } => "spf.duplicate_modifier",
        }
    }

    /// The RFC section that states the broken rule.
    pub fn rfc(&self) -> &'static str {
        match &self.kind {
            SpfErrorKind::NotSpf => "RFC 7208 §4.5",
            SpfErrorKind::NonAscii => "RFC 7208 §3",
            SpfErrorKind::BadChar { .. } => "RFC 7208 §4.6.1",
            SpfErrorKind::UnknownMechanism { .. } => "RFC 7208 §5",
            SpfErrorKind::BadModifierName { .. } => "RFC 7208 §12",
            SpfErrorKind::UnexpectedArgument { .. } | SpfErrorKind::MissingArgument => "RFC 7208 §5",
            SpfErrorKind::BadDomainEnd { .. } => "RFC 7208 §7.1",
            SpfErrorKind::BadCidr { .. } | SpfErrorKind::BadIp4 { .. } | SpfErrorKind::BadIp6 { .. } => {
                "RFC 7208 §5.6"
            }
            SpfErrorKind::BadMacro => "RFC 7208 §7.1",
            SpfErrorKind::UnknownMacroLetter { .. } | SpfErrorKind::ExplanationOnlyMacro { .. } => {
                "RFC 7208 §7.2"
            }
            SpfErrorKind::DuplicateModifier { .. } => "RFC 7208 §6",
        }
    }

    /// The error as an error finding; `subject` is usually the record's owner name.
    pub fn to_finding(&self, subject: &str, record: &str) -> Finding {
        let mut f = Finding::error(self.code(), subject, self.rfc()).at(self.span);
        let text = record.get(self.span.start..self.span.end).unwrap_or("");
        f = f.arg("text", text);
        match &self.kind {
            SpfErrorKind::BadChar { ch } => f.arg("ch", ch.escape_default()),
            SpfErrorKind::UnknownMechanism { name } | SpfErrorKind::BadModifierName { name } => {
                f.arg("name", name)
            }
            SpfErrorKind::DuplicateModifier { name } => f.arg("name", name),
            SpfErrorKind::UnexpectedArgument { mechanism } => f.arg("mechanism", mechanism),
            SpfErrorKind::UnknownMacroLetter { letter } | SpfErrorKind::ExplanationOnlyMacro { letter } => {
                f.arg("letter", letter)
            }
            _ => f,
        }
    }
}

impl fmt::Display for SpfParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}..{}", self.code(), self.span.start, self.span.end)
    }
}

impl std::error::Error for SpfParseError {}
