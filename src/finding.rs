//! Findings: what every linter and check returns.
//!
//! A finding is data, never text: a stable `code` (e.g. `spf.too_many_lookups`)
//! that keys the message catalogue in [`crate::i18n`], a severity, the subject
//! it is about, the RFC section that states the rule, named arguments for the
//! message, and, where one exists, the exact record to publish as the fix.

use serde::{Deserialize, Serialize};
use std::cell::RefCell;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
///
/// Read back from JSON (the checker's messages) by a hand-written
/// `Deserialize`: its `code` must be a declared one, and its other static
/// strings go through [`intern`].
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

/// [`intern`], or an error once too many distinct strings were read.
pub(crate) fn interned<E: serde::de::Error>(text: &str) -> Result<&'static str, E> {
    intern(text).ok_or_else(|| E::custom("too many distinct static strings"))
}

/// Arguments read back: their names interned.
pub(crate) fn interned_args<E: serde::de::Error>(
    args: Vec<(String, String)>,
) -> Result<Vec<(&'static str, String)>, E> {
    args.into_iter()
        .map(|(name, value)| Ok((interned(&name)?, value)))
        .collect()
}

/// How many distinct strings [`intern`] keeps before it refuses more.
pub const MAX_INTERNED: usize = 1024;

/// The `&'static str` spelled `text`, for the static strings a finding or
/// a trace line carries that no declaration lists: a finding's `rfc`
/// (`RFC 7208 §4.6.4`) and its argument names (`count`, `failed`).
///
/// Why: those fields are `&'static str` because every value is a literal
/// in the code, and hundreds of places build them that way; a message read
/// back from the checker's worker (`crate::offload`) holds them as text,
/// and the only way to a `&'static str` from text is to leak it. Each
/// distinct string is leaked once and kept in a thread-local set, so the
/// same `rfc` in the next report reuses it: the memory is bounded by the
/// literals in the code (about two hundred), not by the number of messages.
/// Finding codes do not come here: they map to their declaration
/// ([`declared_code`]). The set refuses new strings past [`MAX_INTERNED`],
/// so a message that is not ours (a stale or broken worker) makes reading
/// fail instead of growing memory without bound.
pub fn intern(text: &str) -> Option<&'static str> {
    thread_local! {
        static KEPT: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    }
    KEPT.with_borrow_mut(|kept| {
        if let Some(s) = kept.iter().find(|s| **s == text) {
            return Some(*s);
        }
        if kept.len() >= MAX_INTERNED {
            return None;
        }
        let s: &'static str = Box::leak(text.into());
        kept.push(s);
        Some(s)
    })
}

/// The worst severity in a list, if any.
pub fn worst(findings: &[Finding]) -> Option<Severity> {
    findings.iter().map(|f| f.severity).max()
}

/// True when no finding is an error.
pub fn is_valid(findings: &[Finding]) -> bool {
    !findings.iter().any(|f| f.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_is_bounded() {
        assert_eq!(intern("RFC 7208 §4.6.4"), intern("RFC 7208 §4.6.4"));
        let kept: Vec<_> = (0..2 * MAX_INTERNED).map(|i| intern(&format!("s{i}"))).collect();
        assert!(kept.iter().any(Option::is_none), "refuses past the cap");
        assert!(kept.iter().take(MAX_INTERNED / 2).all(Option::is_some));
    }
}
