//! The lookup count of a record before it is published (RFC 7208 §4.6.4):
//! what the builder shows as the user types.
//!
//! A record's own DNS-querying terms (include, a, mx, ptr, exists, and
//! redirect when there is no `all`) are known from its text; what an
//! `include:` or `redirect=` target needs on top is only known once its
//! record has been read. Until then the count is a lower bound ("at least
//! N") that names the targets whose cost is unknown. The costs, once
//! fetched ([`target_lookups`]), come in as a map from target to
//! [`TargetLookups`].

use super::flatten::{lookup_tree, LookupNode};
use super::trace::{static_lookup_count, LOOKUP_LIMIT};
use super::{Directive, Mechanism, Modifier, SpfRecord, Term};
use crate::dns::{normalize_name, Resolver};
use crate::i18n::code;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What one include or redirect target needs below itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TargetLookups {
    /// Its record was read, and everything below it: exactly this many.
    Known(usize),
    /// A question below it failed (`failed`, as `name TYPE`): at least this many.
    AtLeast { count: usize, failed: Vec<String> },
}

impl TargetLookups {
    /// From the target's include tree ([`lookup_tree`] of the target).
    pub fn of_tree(tree: &LookupNode) -> TargetLookups {
        let failed = tree.failed_questions();
        let count = tree.total_lookups();
        if failed.is_empty() {
            TargetLookups::Known(count)
        } else {
            TargetLookups::AtLeast { count, failed }
        }
    }

    fn count(&self) -> usize {
        match self {
            TargetLookups::Known(n) | TargetLookups::AtLeast { count: n, .. } => *n,
        }
    }
}

/// Reads `target`'s record and everything below it, for the builder's count.
pub async fn target_lookups(resolver: &impl Resolver, target: &str) -> TargetLookups {
    TargetLookups::of_tree(&lookup_tree(resolver, target).await)
}

/// The count of a planned or draft record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LookupBudget {
    /// The record's own DNS-querying terms (each include and redirect counts one).
    pub own: usize,
    /// Own terms plus what is known below the targets.
    pub count: usize,
    /// The include and redirect targets, in record order, normalized.
    pub targets: Vec<String>,
    /// Targets whose cost is not known, or known only as a lower bound
    /// (a macro target can never be known before evaluation).
    pub unknown: Vec<String>,
}

impl LookupBudget {
    /// True when `count` is exact: every target's cost is known.
    pub fn exact(&self) -> bool {
        self.unknown.is_empty()
    }

    /// True when the record is certainly over the limit of 10.
    pub fn over_limit(&self) -> bool {
        self.count > LOOKUP_LIMIT
    }

    /// The catalogue code of the line the builder shows.
    pub fn code(&self) -> &'static str {
        match (self.exact(), self.over_limit()) {
            (true, false) => code::spf::BUDGET_EXACT,
            (false, false) => code::spf::BUDGET_AT_LEAST,
            (_, true) => code::spf::BUDGET_OVER,
        }
    }

    /// The arguments of [`LookupBudget::code`].
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let mut args = vec![
            ("count", self.count.to_string()),
            ("own", self.own.to_string()),
            ("limit", LOOKUP_LIMIT.to_string()),
        ];
        if !self.exact() {
            args.push(("bound", "at_least".to_string()));
            args.push(("unknown", self.unknown.join(", ")));
        }
        args
    }
}

/// The include and redirect targets of a record whose cost comes on top of
/// its own terms (a redirect beside `all` is never followed, §6.1).
pub fn lookup_targets(record: &SpfRecord) -> Vec<String> {
    record
        .terms
        .iter()
        .filter_map(|t| match &t.term {
            Term::Directive(Directive {
                mechanism: Mechanism::Include(m),
                ..
            }) => Some(m.to_string()),
            Term::Modifier(Modifier::Redirect(m)) if !record.has_all() => Some(m.to_string()),
            _ => None,
        })
        .map(|t| normalize_name(&t))
        .collect()
}

/// The lookup count of `record` with the target costs known so far
/// (RFC 7208 §4.6.4: the limit counts the terms of included records too).
pub fn lookup_budget(record: &SpfRecord, known: &BTreeMap<String, TargetLookups>) -> LookupBudget {
    let own = static_lookup_count(record).count;
    let targets = lookup_targets(record);
    let mut count = own;
    let mut unknown = Vec::new();
    for t in &targets {
        match known.get(t) {
            Some(k) => {
                count += k.count();
                if matches!(k, TargetLookups::AtLeast { .. }) && !unknown.contains(t) {
                    unknown.push(t.clone());
                }
            }
            None if !unknown.contains(t) => unknown.push(t.clone()),
            None => {}
        }
    }
    LookupBudget {
        own,
        count,
        targets,
        unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::memory::MemoryZone;
    use crate::dns::{DnsError, RecordType};
    use crate::spf::parse_record;
    use futures::executor::block_on;

    fn budget(text: &str, known: &[(&str, TargetLookups)]) -> LookupBudget {
        let known = known.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        lookup_budget(&parse_record(text).expect("record"), &known)
    }

    /// Record, target costs known, count, unknown targets, code.
    type Case<'a> = (
        &'a str,
        &'a [(&'a str, TargetLookups)],
        usize,
        &'a [&'a str],
        &'a str,
    );

    #[test]
    fn own_terms_then_at_least_until_targets_are_known() {
        let cases: &[Case] = &[
            ("v=spf1 ip4:192.0.2.1 -all", &[], 0, &[], code::spf::BUDGET_EXACT),
            ("v=spf1 a mx -all", &[], 2, &[], code::spf::BUDGET_EXACT),
            (
                "v=spf1 mx include:_spf.example.net -all",
                &[],
                2,
                &["_spf.example.net"],
                code::spf::BUDGET_AT_LEAST,
            ),
            (
                "v=spf1 mx include:_spf.example.net -all",
                &[("_spf.example.net", TargetLookups::Known(3))],
                5,
                &[],
                code::spf::BUDGET_EXACT,
            ),
            (
                "v=spf1 mx include:_spf.example.net -all",
                &[(
                    "_spf.example.net",
                    TargetLookups::AtLeast {
                        count: 1,
                        failed: vec!["x.example.net TXT".into()],
                    },
                )],
                3,
                &["_spf.example.net"],
                code::spf::BUDGET_AT_LEAST,
            ),
            (
                "v=spf1 include:a.example include:b.example -all",
                &[("a.example", TargetLookups::Known(9))],
                11,
                &["b.example"],
                code::spf::BUDGET_OVER,
            ),
            // redirect counts, and its target's cost comes on top (§6.1)...
            (
                "v=spf1 mx redirect=_spf.example.net",
                &[],
                2,
                &["_spf.example.net"],
                code::spf::BUDGET_AT_LEAST,
            ),
            // ...unless beside all, where it is never followed.
            (
                "v=spf1 mx redirect=_spf.example.net -all",
                &[],
                1,
                &[],
                code::spf::BUDGET_EXACT,
            ),
        ];
        let mut failed = 0;
        for (text, known, count, unknown, code) in cases {
            let b = budget(text, known);
            let ok = b.count == *count && b.unknown == *unknown && b.code() == *code;
            if !ok {
                failed += 1;
                eprintln!("{text}: {b:?}");
            }
        }
        println!(
            "spf lookup budget: {} passed, {failed} failed",
            cases.len() - failed
        );
        assert_eq!(failed, 0);
    }

    #[test]
    fn at_least_names_the_unknown_targets_in_both_languages() {
        let b = budget("v=spf1 mx include:_spf.example.net -all", &[]);
        for lang in [crate::i18n::Lang::En, crate::i18n::Lang::ZhCn] {
            let text = crate::i18n::fill(crate::i18n::text(lang, b.code()), &b.args());
            assert!(text.contains("_spf.example.net"), "{text}");
            assert!(!text.contains('{'), "{text}");
        }
        let en = crate::i18n::fill(crate::i18n::text(crate::i18n::Lang::En, b.code()), &b.args());
        assert!(en.contains("at least 2"), "{en}");
    }

    #[test]
    fn target_cost_from_the_include_tree() {
        let mut zone = MemoryZone::new();
        zone.add_txt("_spf.example.net", &["v=spf1 a include:_x.example.net -all"]);
        zone.add_txt("_x.example.net", &["v=spf1 mx -all"]);
        zone.add_failure("_y.example.net", RecordType::Txt, DnsError::ServFail);
        zone.add_txt("_z.example.net", &["v=spf1 a include:_y.example.net -all"]);
        assert_eq!(
            block_on(target_lookups(&zone, "_spf.example.net")),
            TargetLookups::Known(3)
        );
        assert_eq!(
            block_on(target_lookups(&zone, "_z.example.net")),
            TargetLookups::AtLeast {
                count: 2,
                failed: vec!["_y.example.net TXT".into()]
            }
        );
    }
}
