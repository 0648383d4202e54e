//! What can be wrong in an SPF record's text: the parse error kinds, their
//! stable catalogue codes and the RFC 7208 section each one breaks.
//!
//! Kept apart from [`super::parse`] so the record parser and the macro parser
//! ([`super::macros`]) both use it without importing each other.

use crate::finding::{Finding, Span};
use crate::i18n::code;
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
        code::spf::SYNTAX_NOT_SPF,
        code::spf::SYNTAX_NON_ASCII,
        code::spf::SYNTAX_BAD_CHAR,
        code::spf::UNKNOWN_MECHANISM,
        code::spf::SYNTAX_BAD_MODIFIER_NAME,
        code::spf::SYNTAX_UNEXPECTED_ARGUMENT,
        code::spf::SYNTAX_MISSING_ARGUMENT,
        code::spf::SYNTAX_BAD_DOMAIN_END,
        code::spf::SYNTAX_BAD_CIDR,
        code::spf::SYNTAX_BAD_IP4,
        code::spf::SYNTAX_BAD_IP6,
        code::spf::SYNTAX_BAD_MACRO,
        code::spf::SYNTAX_UNKNOWN_MACRO_LETTER,
        code::spf::SYNTAX_EXPLANATION_ONLY_MACRO,
        code::spf::DUPLICATE_MODIFIER,
    ];

    /// Stable catalogue code.
    pub fn code(&self) -> &'static str {
        match &self.kind {
            SpfErrorKind::NotSpf => code::spf::SYNTAX_NOT_SPF,
            SpfErrorKind::NonAscii => code::spf::SYNTAX_NON_ASCII,
            SpfErrorKind::BadChar { .. } => code::spf::SYNTAX_BAD_CHAR,
            SpfErrorKind::UnknownMechanism { .. } => code::spf::UNKNOWN_MECHANISM,
            SpfErrorKind::BadModifierName { .. } => code::spf::SYNTAX_BAD_MODIFIER_NAME,
            SpfErrorKind::UnexpectedArgument { .. } => code::spf::SYNTAX_UNEXPECTED_ARGUMENT,
            SpfErrorKind::MissingArgument => code::spf::SYNTAX_MISSING_ARGUMENT,
            SpfErrorKind::BadDomainEnd { .. } => code::spf::SYNTAX_BAD_DOMAIN_END,
            SpfErrorKind::BadCidr { .. } => code::spf::SYNTAX_BAD_CIDR,
            SpfErrorKind::BadIp4 { .. } => code::spf::SYNTAX_BAD_IP4,
            SpfErrorKind::BadIp6 { .. } => code::spf::SYNTAX_BAD_IP6,
            SpfErrorKind::BadMacro => code::spf::SYNTAX_BAD_MACRO,
            SpfErrorKind::UnknownMacroLetter { .. } => code::spf::SYNTAX_UNKNOWN_MACRO_LETTER,
            SpfErrorKind::ExplanationOnlyMacro { .. } => code::spf::SYNTAX_EXPLANATION_ONLY_MACRO,
            SpfErrorKind::DuplicateModifier { .. } => code::spf::DUPLICATE_MODIFIER,
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
