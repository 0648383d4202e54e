//! Static SPF lint (RFC 7208): everything that can be said about a record
//! before it is published, without asking DNS.
//!
//! [`lint_record`] checks one record's text; [`lint_txt_set`] checks all the
//! TXT records at a name (exactly one may be SPF, §4.5; each string at most
//! 255 bytes, §3.3) and then lints the SPF one. Every finding is returned,
//! with the fixed record in `fix` where the fix is mechanical.

use super::parse::{is_spf_record, parse_lenient};
use super::trace::{static_lookup_count, LOOKUP_LIMIT};
use super::{Directive, Mechanism, Modifier, Qualifier, SpfRecord, Term};
use crate::dns::normalize_name;
use crate::finding::Finding;
use crate::i18n::code;

/// Above this a record risks not fitting a UDP answer (RFC 7208 §3.4).
pub const RECORD_ADVISORY_LEN: usize = 450;
/// One DNS character-string (RFC 1035 §3.3, RFC 7208 §3.3).
pub const MAX_STRING_LEN: usize = 255;

/// Every code the linter can emit (parse error codes come on top).
pub const CODES: [&str; 13] = [
    code::spf::MULTIPLE_RECORDS,
    code::spf::NO_RECORD,
    code::spf::PTR_DEPRECATED,
    code::spf::PASS_ALL,
    code::spf::NEUTRAL_ALL,
    code::spf::TERMS_AFTER_ALL,
    code::spf::REDIRECT_WITH_ALL,
    code::spf::TOO_MANY_LOOKUPS,
    code::spf::RECORD_TOO_LONG,
    code::spf::STRING_TOO_LONG,
    code::spf::INCLUDE_SELF,
    code::spf::DEFAULT_NEUTRAL,
    code::spf::DUPLICATE_MODIFIER,
];

/// Lints the TXT records at `name`, each given as its character-strings.
pub fn lint_txt_set(name: &str, records: &[Vec<String>]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let spf: Vec<(String, &Vec<String>)> = records
        .iter()
        .map(|strings| (strings.concat(), strings))
        .filter(|(joined, _)| is_spf_record(joined))
        .collect();
    match spf.as_slice() {
        [] => findings.push(Finding::warning(code::spf::NO_RECORD, name, "RFC 7208 §4.5")),
        [(joined, strings)] => {
            // §3.3: a character-string holds at most 255 octets.
            for s in strings.iter().filter(|s| s.len() > MAX_STRING_LEN) {
                findings.push(
                    Finding::error(code::spf::STRING_TOO_LONG, name, "RFC 7208 §3.3")
                        .arg("len", s.len())
                        .with_fix(split_strings(joined)),
                );
            }
            findings.extend(lint_record_inner(name, joined, false));
        }
        many => {
            // §4.5: more than one v=spf1 record is a permerror.
            findings.push(
                Finding::error(code::spf::MULTIPLE_RECORDS, name, "RFC 7208 §4.5").arg("count", many.len()),
            );
            for (joined, _) in many {
                findings.extend(lint_record_inner(name, joined, false));
            }
        }
    }
    findings
}

/// Lints one record's text (the strings already joined), as the user would publish it.
pub fn lint_record(name: &str, text: &str) -> Vec<Finding> {
    lint_record_inner(name, text, true)
}

fn lint_record_inner(name: &str, text: &str, check_split: bool) -> Vec<Finding> {
    let (record, errors) = parse_lenient(text);
    let mut findings: Vec<Finding> = errors.iter().map(|e| e.to_finding(name, text)).collect();
    if errors.iter().any(|e| e.code() == code::spf::SYNTAX_NOT_SPF) {
        return findings;
    }
    let clean = errors.is_empty();
    let fix = |r: SpfRecord| if clean { Some(r.to_string()) } else { None };
    let with_fix = |f: Finding, r: Option<String>| match r {
        Some(r) => f.with_fix(r),
        None => f,
    };

    // §3.4: keep records small enough for UDP.
    if text.len() > RECORD_ADVISORY_LEN {
        findings
            .push(Finding::warning(code::spf::RECORD_TOO_LONG, name, "RFC 7208 §3.4").arg("len", text.len()));
    }
    // §3.3: one string holds 255 bytes; a longer record is published as several.
    if check_split && text.len() > MAX_STRING_LEN {
        findings.push(
            Finding::info(code::spf::STRING_TOO_LONG, name, "RFC 7208 §3.3")
                .arg("len", text.len())
                .with_fix(split_strings(text)),
        );
    }

    let all_index = record.terms.iter().position(|t| {
        matches!(
            &t.term,
            Term::Directive(Directive {
                mechanism: Mechanism::All,
                ..
            })
        )
    });
    for (i, t) in record.terms.iter().enumerate() {
        match &t.term {
            Term::Directive(d) => {
                // §5.1: mechanisms after "all" are never evaluated.
                if all_index.is_some_and(|a| i > a) {
                    let kept = without(&record, |j, _| j != i);
                    findings.push(with_fix(
                        Finding::warning(code::spf::TERMS_AFTER_ALL, name, "RFC 7208 §5.1")
                            .at(t.span)
                            .arg("term", &t.term),
                        fix(kept),
                    ));
                }
                match &d.mechanism {
                    // §5.5: "This mechanism SHOULD NOT be published."
                    Mechanism::Ptr(_) => findings.push(
                        Finding::warning(code::spf::PTR_DEPRECATED, name, "RFC 7208 §5.5")
                            .at(t.span)
                            .arg("term", &t.term),
                    ),
                    Mechanism::All if d.qualifier == Qualifier::Pass => findings.push(with_fix(
                        Finding::error(code::spf::PASS_ALL, name, "RFC 7208 §5.1")
                            .at(t.span)
                            .arg("term", &t.term),
                        fix(replace_all(&record, i)),
                    )),
                    Mechanism::All if d.qualifier == Qualifier::Neutral => findings.push(with_fix(
                        Finding::warning(code::spf::NEUTRAL_ALL, name, "RFC 7208 §5.1")
                            .at(t.span)
                            .arg("term", &t.term),
                        fix(replace_all(&record, i)),
                    )),
                    Mechanism::Include(target)
                        if is_same_literal_name(&target.to_string(), name, target.is_literal()) =>
                    {
                        findings.push(
                            Finding::error(code::spf::INCLUDE_SELF, name, "RFC 7208 §5.2")
                                .at(t.span)
                                .arg("term", &t.term),
                        )
                    }
                    _ => {}
                }
            }
            Term::Modifier(Modifier::Redirect(target)) => {
                // §6.1: "redirect" is ignored when there is an "all" mechanism.
                if all_index.is_some() {
                    findings.push(with_fix(
                        Finding::warning(code::spf::REDIRECT_WITH_ALL, name, "RFC 7208 §6.1")
                            .at(t.span)
                            .arg("term", &t.term),
                        fix(without(&record, |j, _| j != i)),
                    ));
                } else if is_same_literal_name(&target.to_string(), name, target.is_literal()) {
                    findings.push(
                        Finding::error(code::spf::INCLUDE_SELF, name, "RFC 7208 §6.1")
                            .at(t.span)
                            .arg("term", &t.term),
                    );
                }
            }
            Term::Modifier(_) => {}
        }
    }

    // §4.6.4: at most 10 DNS-querying terms (this record's own; includes add theirs).
    let count = static_lookup_count(&record);
    if count.count > LOOKUP_LIMIT {
        findings.push(
            Finding::error(code::spf::TOO_MANY_LOOKUPS, name, "RFC 7208 §4.6.4").arg("count", count.count),
        );
    }

    // §4.7: no "all" and no redirect means unlisted hosts get neutral.
    if all_index.is_none() && record.redirect().is_none() {
        let mut terms: Vec<Term> = record.terms.iter().map(|t| t.term.clone()).collect();
        let pos = terms
            .iter()
            .position(|t| matches!(t, Term::Modifier(_)))
            .unwrap_or(terms.len());
        terms.insert(pos, soft_all());
        findings.push(with_fix(
            Finding::info(code::spf::DEFAULT_NEUTRAL, name, "RFC 7208 §4.7"),
            fix(SpfRecord::from_terms(terms)),
        ));
    }
    findings
}

fn soft_all() -> Term {
    Term::Directive(Directive {
        qualifier: Qualifier::SoftFail,
        explicit_qualifier: true,
        mechanism: Mechanism::All,
    })
}

/// The record with the term at `i` (an `all`) replaced by `~all`.
fn replace_all(record: &SpfRecord, i: usize) -> SpfRecord {
    let terms = record
        .terms
        .iter()
        .enumerate()
        .map(|(j, t)| if j == i { soft_all() } else { t.term.clone() })
        .collect();
    SpfRecord::from_terms(terms)
}

/// The record keeping only the terms `keep` accepts.
fn without(record: &SpfRecord, keep: impl Fn(usize, &Term) -> bool) -> SpfRecord {
    SpfRecord::from_terms(
        record
            .terms
            .iter()
            .enumerate()
            .filter(|(j, t)| keep(*j, &t.term))
            .map(|(_, t)| t.term.clone())
            .collect(),
    )
}

fn is_same_literal_name(target: &str, name: &str, literal: bool) -> bool {
    literal && !name.is_empty() && normalize_name(target) == normalize_name(name)
}

/// The record as quoted zone-file strings of at most 255 bytes each
/// (`"v=spf1 ..." "...rest"`); receivers join them without spaces (§3.3).
pub fn split_strings(text: &str) -> String {
    split_into_strings(text, MAX_STRING_LEN)
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits text into pieces of at most `max` bytes, at char boundaries,
/// preferring to cut just before a space so each piece reads well.
pub fn split_into_strings(text: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    let max = max.max(1);
    while rest.len() > max {
        let mut cut = max;
        while cut > 0 && !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(space) = rest
            .get(..cut)
            .and_then(|head| head.rfind(' '))
            .filter(|s| *s > 0)
        {
            cut = space;
        }
        if cut == 0 {
            // A single char wider than max: take it whole.
            cut = rest.chars().next().map(char::len_utf8).unwrap_or(rest.len());
        }
        let (head, tail) = rest.split_at(cut);
        out.push(head.to_string());
        rest = tail;
    }
    out.push(rest.to_string());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(findings: &[Finding]) -> Vec<&'static str> {
        findings.iter().map(|f| f.code).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("v=spf1 mx -all", &[]),
            ("v=spf1 mx ~all", &[]),
            ("v=spf1 redirect=_spf.example.net", &[]),
            ("v=spf1 +all", &[code::spf::PASS_ALL]),
            ("v=spf1 all", &[code::spf::PASS_ALL]),
            ("v=spf1 mx ?all", &[code::spf::NEUTRAL_ALL]),
            ("v=spf1 mx", &[code::spf::DEFAULT_NEUTRAL]),
            ("v=spf1 ptr -all", &[code::spf::PTR_DEPRECATED]),
            ("v=spf1 -all mx a", &[code::spf::TERMS_AFTER_ALL, code::spf::TERMS_AFTER_ALL]),
            ("v=spf1 mx -all redirect=_spf.example.net", &[code::spf::REDIRECT_WITH_ALL]),
            ("v=spf1 include:example.com -all", &[code::spf::INCLUDE_SELF]),
            ("v=spf1 redirect=Example.COM.", &[code::spf::INCLUDE_SELF]),
            ("v=spf1 include:%{d} -all", &[]),
            ("v=spf1 mx foo -all", &[code::spf::UNKNOWN_MECHANISM]),
            ("v=spf1 mx -all exp=a.example exp=b.example", &[code::spf::DUPLICATE_MODIFIER]),
            (
                "v=spf1 a mx ptr a:a.example mx:b.example exists:c.example include:d.example include:e.example \
                 a:f.example a:g.example a:h.example -all",
                &[code::spf::PTR_DEPRECATED, code::spf::TOO_MANY_LOOKUPS],
            ),
            ("v=spf1 ip4:1.2.3 bogus +all", &[code::spf::SYNTAX_BAD_IP4, code::spf::UNKNOWN_MECHANISM, code::spf::PASS_ALL]),
        ];
        for (text, want) in cases {
            let got = lint_record("example.com", text);
            assert_eq!(codes(&got), *want, "{text}");
            for f in &got {
                assert!(
                    crate::i18n::lookup(f.code).is_some(),
                    "{} not in catalogue",
                    f.code
                );
                assert!(f.rfc.starts_with("RFC 7208 §"));
            }
        }
    }

    #[test]
    fn fixes_are_the_corrected_record() {
        let fix = |text: &str, code: &str| {
            lint_record("example.com", text)
                .into_iter()
                .find(|f| f.code == code)
                .and_then(|f| f.fix)
        };
        assert_eq!(
            fix("v=spf1 mx +all", code::spf::PASS_ALL).as_deref(),
            Some("v=spf1 mx ~all")
        );
        assert_eq!(
            fix("v=spf1 mx exp=x.example", code::spf::DEFAULT_NEUTRAL).as_deref(),
            Some("v=spf1 mx ~all exp=x.example")
        );
        assert_eq!(
            fix("v=spf1 -all mx", code::spf::TERMS_AFTER_ALL).as_deref(),
            Some("v=spf1 -all")
        );
        assert_eq!(
            fix("v=spf1 -all redirect=x.example", code::spf::REDIRECT_WITH_ALL).as_deref(),
            Some("v=spf1 -all")
        );
        // No mechanical fix is offered on a record with syntax errors.
        assert_eq!(fix("v=spf1 bogus +all", code::spf::PASS_ALL), None);
    }

    #[test]
    fn lengths() {
        let long = format!(
            "v=spf1 {} -all",
            (0..40)
                .map(|i| format!("ip4:192.0.2.{i}"))
                .collect::<Vec<_>>()
                .join(" ")
        );
        assert!(long.len() > 450);
        let got = lint_record("example.com", &long);
        assert_eq!(
            codes(&got),
            [code::spf::RECORD_TOO_LONG, code::spf::STRING_TOO_LONG]
        );
        let split = got[1].fix.clone().unwrap();
        let pieces: Vec<&str> = split.split("\" \"").collect();
        assert!(pieces.len() >= 3);
        assert!(pieces.iter().all(|p| p.trim_matches('"').len() <= 255));
        assert_eq!(split_into_strings(&long, 255).concat(), long);
    }

    #[test]
    fn txt_sets() {
        let set = |records: &[&[&str]]| {
            let records: Vec<Vec<String>> = records
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect();
            codes(&lint_txt_set("example.com", &records))
        };
        assert_eq!(
            set(&[&["v=spf1 -all"], &["google-site-verification=x"]]),
            Vec::<&str>::new()
        );
        assert_eq!(
            set(&[&["v=spf1 -all"], &["V=SPF1 +all"]]),
            [code::spf::MULTIPLE_RECORDS, code::spf::PASS_ALL]
        );
        assert_eq!(set(&[&["other"]]), [code::spf::NO_RECORD]);
        assert_eq!(set(&[&["v=spf1 ", "mx -all"]]), Vec::<&str>::new());
        let long = format!("v=spf1 {}", "a".repeat(300));
        assert_eq!(set(&[&[long.as_str()]])[0], code::spf::STRING_TOO_LONG);
    }

    #[test]
    fn every_code_is_in_the_catalogue() {
        for code in CODES {
            assert!(
                crate::i18n::lookup(code).is_some(),
                "{code} missing from the catalogue"
            );
        }
        for code in [
            code::spf::EVAL_BAD_DOMAIN,
            code::spf::EVAL_NO_RECORD,
            code::spf::EVAL_DNS_ERROR,
            code::spf::EVAL_MATCHED,
            code::spf::EVAL_DEFAULT_NEUTRAL,
            code::spf::EVAL_LOOKUP_LIMIT,
            code::spf::EVAL_VOID_LIMIT,
            code::spf::EVAL_MX_LIMIT,
            code::spf::EVAL_INCLUDE_NONE,
            code::spf::EVAL_REDIRECT_NONE,
            code::spf::EVAL_EXP_IGNORED,
            code::spf::FLATTENED,
            code::spf::FLATTEN_CAVEAT,
            code::spf::FLATTEN_DYNAMIC,
        ] {
            assert!(
                crate::i18n::lookup(code).is_some(),
                "{code} missing from the catalogue"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,600}", max in 1usize..300) {
            let _ = lint_record("example.com", &s);
            let _ = lint_record("example.com", &format!("v=spf1 {s}"));
            let pieces = split_into_strings(&s, max);
            proptest::prop_assert_eq!(pieces.concat(), s);
        }
    }
}
