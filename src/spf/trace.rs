//! What an SPF evaluation did, step by step, for the UI to draw as a tree;
//! and the static count of DNS-querying terms in a record (RFC 7208 §4.6.4).
//!
//! A trace is a flat list of steps in evaluation order, each with its depth
//! (0 for the checked domain, +1 inside each `include:` or `redirect=`), the
//! DNS questions it asked and how they were answered, and the running count
//! of lookups (limit 10) and void lookups (limit 2) after it.

use super::{Modifier, SpfRecord, Term};
use crate::dns::{DnsError, Rdata, RecordType};
use crate::finding::Span;

/// The limit on DNS-querying terms in one evaluation (RFC 7208 §4.6.4).
pub const LOOKUP_LIMIT: usize = 10;
/// The recommended limit on void lookups (RFC 7208 §4.6.4).
pub const VOID_LIMIT: usize = 2;

/// One DNS question and its outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceQuestion {
    pub name: String,
    pub rtype: RecordType,
    /// The records (presentation form) or the error.
    pub answer: Result<Vec<String>, DnsError>,
    /// Answered from this evaluation's cache: no question went out.
    pub cached: bool,
}

impl TraceQuestion {
    pub(crate) fn new(
        name: &str,
        rtype: RecordType,
        answer: &Result<Vec<Rdata>, DnsError>,
        cached: bool,
    ) -> Self {
        TraceQuestion {
            name: name.to_string(),
            rtype,
            answer: answer
                .as_ref()
                .map(|rs| rs.iter().map(rdata_text).collect())
                .map_err(Clone::clone),
            cached,
        }
    }
}

/// A record's data as one line of text: its zone-file presentation.
pub fn rdata_text(r: &Rdata) -> String {
    r.to_string()
}

/// What a step was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// Fetching and selecting the SPF record of `domain` (RFC 7208 §4.4, §4.5).
    Record,
    /// Evaluating one term; `text` as written, `span` in that domain's record.
    Term { text: String, span: Span },
    /// Following `redirect=` (RFC 7208 §6.1).
    Redirect { text: String, span: Span },
    /// Fetching the `exp=` explanation (RFC 7208 §6.2); not counted against limits.
    Explanation { text: String },
}

/// How a step ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepOutcome {
    /// Still running (only seen if evaluation stopped inside it).
    Pending,
    /// A record was found and parsed.
    RecordFound {
        text: String,
    },
    /// The mechanism matched; the record's result is its qualifier's.
    Matched,
    NotMatched,
    /// The step ended the evaluation (or the include/redirect) with this result.
    Result(super::SpfResult),
    /// Not evaluated (e.g. `redirect` beside `all`, unknown modifiers).
    Skipped,
}

/// One step of the evaluation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceStep {
    pub depth: usize,
    /// The domain whose record this step belongs to.
    pub domain: String,
    pub kind: StepKind,
    pub questions: Vec<TraceQuestion>,
    /// DNS-querying terms used so far, after this step (limit [`LOOKUP_LIMIT`]).
    /// For `include:` and `redirect=` this is after everything below them.
    pub lookups: usize,
    /// Void lookups so far, after this step (limit [`VOID_LIMIT`]).
    pub voids: usize,
    pub outcome: StepOutcome,
    /// A catalogue code saying why (e.g. `spf.eval.void_limit`), when there is one.
    pub note: Option<&'static str>,
}

/// The whole evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SpfTrace {
    pub steps: Vec<TraceStep>,
    /// DNS-querying terms used (the "resolved" count, RFC 7208 §4.6.4).
    pub lookups: usize,
    pub voids: usize,
    /// The step that decided the result, if one did.
    pub decided_by: Option<usize>,
}

impl SpfTrace {
    /// Every question asked, in order, with the step it belongs to.
    pub fn questions(&self) -> impl Iterator<Item = (usize, &TraceQuestion)> {
        self.steps
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.questions.iter().map(move |q| (i, q)))
    }

    /// How many questions actually went to the resolver (cache hits excluded).
    pub fn questions_sent(&self) -> usize {
        self.questions().filter(|(_, q)| !q.cached).count()
    }

    /// The deciding step.
    pub fn decisive_step(&self) -> Option<&TraceStep> {
        self.decided_by.and_then(|i| self.steps.get(i))
    }
}

/// The static lookup count of one record: which terms cost a DNS lookup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaticLookupCount {
    /// Terms in this record that query DNS (include, a, mx, ptr, exists, redirect).
    pub count: usize,
    /// Each such term, as written, with its span.
    pub terms: Vec<(String, Span)>,
}

/// Counts the DNS-querying terms of a record without asking DNS
/// (RFC 7208 §4.6.4). Included records add their own counts when
/// evaluated; see [`super::flatten::lookup_tree`] for the resolved count.
pub fn static_lookup_count(record: &SpfRecord) -> StaticLookupCount {
    let terms: Vec<(String, Span)> = record
        .terms
        .iter()
        .filter(|t| t.term.counts_as_lookup())
        .filter(|t| !(matches!(t.term, Term::Modifier(Modifier::Redirect(_))) && record.has_all()))
        .map(|t| (t.term.to_string(), t.span))
        .collect();
    StaticLookupCount {
        count: terms.len(),
        terms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spf::parse_record;

    #[test]
    fn static_count_lists_querying_terms() {
        let cases = [
            ("v=spf1 -all", 0),
            ("v=spf1 ip4:192.0.2.1 ip6:2001:db8::/32 -all", 0),
            (
                "v=spf1 a mx ptr exists:%{i}.x.example include:_spf.example.net -all",
                5,
            ),
            ("v=spf1 mx redirect=_spf.example.com", 2),
            // redirect beside all is never followed (§6.1).
            ("v=spf1 mx redirect=_spf.example.com -all", 1),
            ("v=spf1 exp=explain.example.com -all", 0),
        ];
        for (text, want) in cases {
            let c = static_lookup_count(&parse_record(text).unwrap());
            assert_eq!(c.count, want, "{text}");
            assert_eq!(c.terms.len(), want);
        }
        let c = static_lookup_count(&parse_record("v=spf1 a:x.example mx -all").unwrap());
        assert_eq!(c.terms[0], ("a:x.example".to_string(), Span::new(7, 18)));
    }
}
