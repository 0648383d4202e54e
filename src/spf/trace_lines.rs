//! A `check_host()` trace ([`super::SpfTrace`]) as lines to show, one per
//! step: a catalogue code and its arguments, indented by depth, so the page
//! and the exports say the same thing in both languages.

use super::eval::{SpfOutcome, SpfResult};
use super::trace::{StepKind, StepOutcome, TraceQuestion, TraceStep, LOOKUP_LIMIT};
use crate::finding::{interned_args, Finding};
use crate::i18n::code;
use crate::i18n::declared_code;
use serde::{Deserialize, Deserializer, Serialize};
use std::net::IpAddr;

/// Every code a [`TraceLine`] can carry.
pub const CODES: [&str; 7] = [
    code::spf::TRACE_RECORD,
    code::spf::TRACE_NO_RECORD,
    code::spf::TRACE_MATCHED,
    code::spf::TRACE_NOT_MATCHED,
    code::spf::TRACE_RESULT,
    code::spf::TRACE_SKIPPED,
    code::spf::TRACE_PENDING,
];

/// One step of an evaluation, to show on one line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TraceLine {
    /// 0 for the checked domain, +1 inside each include or redirect.
    pub depth: usize,
    pub code: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl<'de> Deserialize<'de> for TraceLine {
    /// As serialised; the code must be declared, the argument names are
    /// interned ([`crate::finding::intern`]).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Json {
            depth: usize,
            code: String,
            args: Vec<(String, String)>,
        }
        let j = Json::deserialize(deserializer)?;
        Ok(TraceLine {
            depth: j.depth,
            code: declared_code(&j.code)?,
            args: interned_args(j.args)?,
        })
    }
}

/// The DNS questions of a step, as `TYPE name: answer`, `; `-separated.
fn questions_text(qs: &[TraceQuestion]) -> String {
    qs.iter()
        .map(|q| {
            let answer = match &q.answer {
                Ok(records) if records.len() == 1 => records[0].clone(),
                Ok(records) => format!("{} records", records.len()),
                Err(e) => e.to_string(),
            };
            format!("{} {}: {answer}", q.rtype, q.name)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl TraceLine {
    /// The line for one step.
    pub fn of(step: &TraceStep) -> TraceLine {
        let (term, code, result): (String, &'static str, Option<SpfResult>) =
            match (&step.kind, &step.outcome) {
                (StepKind::Record, StepOutcome::RecordFound { text }) => {
                    (text.clone(), code::spf::TRACE_RECORD, None)
                }
                (StepKind::Record, StepOutcome::Result(r)) => {
                    (String::new(), code::spf::TRACE_NO_RECORD, Some(*r))
                }
                (StepKind::Explanation { text }, StepOutcome::RecordFound { text: found }) => {
                    (format!("{text} “{found}”"), code::spf::TRACE_RECORD, None)
                }
                (StepKind::Record, _) => (String::new(), code::spf::TRACE_PENDING, None),
                (
                    StepKind::Term { text, .. }
                    | StepKind::Redirect { text, .. }
                    | StepKind::Explanation { text },
                    outcome,
                ) => match outcome {
                    StepOutcome::Matched => (text.clone(), code::spf::TRACE_MATCHED, None),
                    StepOutcome::NotMatched => (text.clone(), code::spf::TRACE_NOT_MATCHED, None),
                    StepOutcome::Result(r) => (text.clone(), code::spf::TRACE_RESULT, Some(*r)),
                    StepOutcome::Skipped => (text.clone(), code::spf::TRACE_SKIPPED, None),
                    StepOutcome::Pending | StepOutcome::RecordFound { .. } => {
                        (text.clone(), code::spf::TRACE_PENDING, None)
                    }
                },
            };
        let mut args = vec![
            ("domain", step.domain.clone()),
            ("term", term),
            ("lookups", step.lookups.to_string()),
            ("limit", LOOKUP_LIMIT.to_string()),
        ];
        if let Some(r) = result {
            args.push(("result", r.as_str().to_string()));
        }
        if !step.questions.is_empty() {
            args.push(("questions", questions_text(&step.questions)));
        }
        TraceLine {
            depth: step.depth,
            code,
            args,
        }
    }

    pub fn get_arg(&self, key: &str) -> Option<&str> {
        self.args.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_str())
    }
}

/// The evaluation of one address, for a report: its result, why, how many
/// lookups it used and each step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AddressTrace {
    pub ip: IpAddr,
    /// `pass`, `fail`, ... (RFC 7208 §2.6).
    pub result: &'static str,
    /// The finding that says why (`spf.eval.matched`, `spf.eval.dns_error`, ...).
    pub reason: Finding,
    /// DNS-querying terms the evaluation used (limit 10).
    pub lookups: usize,
    pub steps: Vec<TraceLine>,
}

impl AddressTrace {
    pub fn of(ip: IpAddr, outcome: &SpfOutcome) -> AddressTrace {
        AddressTrace {
            ip,
            result: outcome.result.as_str(),
            reason: outcome.reason.clone(),
            lookups: outcome.trace.lookups,
            steps: outcome.trace.steps.iter().map(TraceLine::of).collect(),
        }
    }

    /// The result word as [`SpfResult::as_str`] spells it, if `word` is one.
    fn result_word(word: &str) -> Option<&'static str> {
        [
            SpfResult::None,
            SpfResult::Neutral,
            SpfResult::Pass,
            SpfResult::Fail,
            SpfResult::SoftFail,
            SpfResult::TempError,
            SpfResult::PermError,
        ]
        .into_iter()
        .map(SpfResult::as_str)
        .find(|w| *w == word)
    }

    /// The catalogue code of the result word (`spf.result.pass`, ...).
    pub fn result_code(&self) -> &'static str {
        match self.result {
            "pass" => SpfResult::Pass.code(),
            "fail" => SpfResult::Fail.code(),
            "softfail" => SpfResult::SoftFail.code(),
            "neutral" => SpfResult::Neutral.code(),
            "temperror" => SpfResult::TempError.code(),
            "permerror" => SpfResult::PermError.code(),
            _ => SpfResult::None.code(),
        }
    }
}

impl<'de> Deserialize<'de> for AddressTrace {
    /// As serialised; `result` must be one of the RFC 7208 §2.6 words.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Json {
            ip: IpAddr,
            result: String,
            reason: Finding,
            lookups: usize,
            steps: Vec<TraceLine>,
        }
        let j = Json::deserialize(deserializer)?;
        let result = AddressTrace::result_word(&j.result)
            .ok_or_else(|| serde::de::Error::custom(format_args!("unknown SPF result {:?}", j.result)))?;
        Ok(AddressTrace {
            ip: j.ip,
            result,
            reason: j.reason,
            lookups: j.lookups,
            steps: j.steps,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::memory::MemoryZone;
    use crate::i18n::{fill, text, Lang};
    use crate::spf::check_host;
    use futures::executor::block_on;

    #[test]
    fn every_step_is_one_filled_line_in_both_languages() {
        let mut zone = MemoryZone::new();
        zone.add_txt(
            "example.com",
            &["v=spf1 a:nothing.example.com include:_spf.example.net -all"],
        );
        zone.add_txt("_spf.example.net", &["v=spf1 ip4:192.0.2.0/24 -all"]);
        let ip = "192.0.2.7".parse().expect("ip");
        let out = block_on(check_host(
            &zone,
            ip,
            "example.com",
            "postmaster@example.com",
            "mail.example.com",
        ));
        let t = AddressTrace::of(ip, &out);
        assert_eq!(t.result, "pass");
        let codes: Vec<&str> = t.steps.iter().map(|l| l.code).collect();
        assert_eq!(
            codes,
            [
                code::spf::TRACE_RECORD,
                code::spf::TRACE_NOT_MATCHED,
                code::spf::TRACE_MATCHED,
                code::spf::TRACE_RECORD,
                code::spf::TRACE_MATCHED,
            ]
        );
        assert_eq!(t.steps[3].depth, 1);
        assert_eq!(
            t.steps[1].get_arg("questions"),
            Some("A nothing.example.com: NXDOMAIN")
        );
        for lang in Lang::ALL {
            for l in &t.steps {
                let line = fill(text(lang, l.code), &l.args);
                assert!(!line.contains('{') && !line.contains('\n'), "{line}");
            }
        }
        for code in CODES {
            assert!(crate::i18n::lookup(code).is_some(), "{code}");
        }
    }
}
