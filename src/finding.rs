//! Findings: what every linter and check returns.
//!
//! A finding is data, never text: a stable `code` (e.g. `spf.too_many_lookups`)
//! that keys the message catalogue in [`crate::i18n`], a severity, the subject
//! it is about, the RFC section that states the rule, named arguments for the
//! message, and, where one exists, the exact record to publish as the fix.

use serde::Serialize;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing to fix.
    Info,
    /// Works, but weaker or riskier than it should be.
    Warning,
    /// Broken: receivers will ignore or reject it.
    Error,
}

/// A byte range in the text that was parsed, for pointing at the bad part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// One problem (or remark) about one subject.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable identifier, `<area>.<what>`; the catalogue key.
    pub code: &'static str,
    pub severity: Severity,
    /// What the finding is about: a name, a term, a tag.
    pub subject: String,
    /// Where the rule is written, e.g. `RFC 7208 §4.6.4`.
    pub rfc: &'static str,
    /// Where in the parsed text, when the finding comes from a parser.
    pub span: Option<Span>,
    /// Named values the message interpolates as `{name}`.
    pub args: Vec<(&'static str, String)>,
    /// The exact record (presentation form) that fixes it, when there is one.
    pub fix: Option<String>,
}

impl Finding {
    pub fn new(
        code: &'static str,
        severity: Severity,
        subject: impl Into<String>,
        rfc: &'static str,
    ) -> Self {
        Finding {
            code,
            severity,
            subject: subject.into(),
            rfc,
            span: None,
            args: Vec::new(),
            fix: None,
        }
    }

    pub fn error(code: &'static str, subject: impl Into<String>, rfc: &'static str) -> Self {
        Self::new(code, Severity::Error, subject, rfc)
    }

    pub fn warning(code: &'static str, subject: impl Into<String>, rfc: &'static str) -> Self {
        Self::new(code, Severity::Warning, subject, rfc)
    }

    pub fn info(code: &'static str, subject: impl Into<String>, rfc: &'static str) -> Self {
        Self::new(code, Severity::Info, subject, rfc)
    }

    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    pub fn with_fix(mut self, record: impl Into<String>) -> Self {
        self.fix = Some(record.into());
        self
    }

    /// The value of a named argument, if set.
    pub fn get_arg(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The worst severity in a list, if any.
pub fn worst(findings: &[Finding]) -> Option<Severity> {
    findings.iter().map(|f| f.severity).max()
}

/// True when no finding is an error.
pub fn is_valid(findings: &[Finding]) -> bool {
    !findings.iter().any(|f| f.severity == Severity::Error)
}
