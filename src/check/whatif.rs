//! "What if": a draft SPF record evaluated before it is published. The
//! draft stands in for the domain's own SPF record (an overlay over the
//! real resolver: every other question, includes and `mx` hosts included,
//! goes to DNS as usual), and `check_host()` (RFC 7208 §4) runs for each
//! server address, with its trace; the resolved lookup count (§4.6.4) is a
//! lower bound, naming the question, when a question below it failed.

use crate::dns::{normalize_name, Answer, DnsError, Rdata, RecordType, Resolver};
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::{Name, Txt};
use crate::spf::trace::LOOKUP_LIMIT;
use crate::spf::{check_host, lint_record, lookup_tree, AddressTrace};
use futures::future::{join, join_all};
use serde::{Deserialize, Serialize};
use std::net::IpAddr;

/// The real resolver, with `draft` as the only TXT record of `domain`.
pub struct DraftOverlay<'r, R> {
    inner: &'r R,
    domain: String,
    draft: String,
}

impl<'r, R: Resolver> DraftOverlay<'r, R> {
    pub fn new(inner: &'r R, domain: &Name, draft: &str) -> Self {
        DraftOverlay {
            inner,
            domain: normalize_name(domain.as_str()),
            draft: draft.to_string(),
        }
    }
}

impl<R: Resolver> Resolver for DraftOverlay<'_, R> {
    async fn query(&self, name: &str, rtype: RecordType) -> Result<Answer, DnsError> {
        if rtype == RecordType::Txt && normalize_name(name) == self.domain {
            // The domain's other TXT records (verification tokens…) are not
            // SPF and play no part in check_host() (§4.5 selects v=spf1).
            return Ok(Answer::new(vec![Rdata::Txt(Txt::from_value(&self.draft))]));
        }
        self.inner.query(name, rtype).await
    }
}

/// The lookup count of the draft with everything below it resolved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftLookups {
    pub count: usize,
    /// Questions that failed below the draft (`name TYPE`): the count is then "at least".
    pub failed: Vec<String>,
}

impl DraftLookups {
    pub const CODE: &'static str = code::spf::WHATIF_LOOKUPS;

    /// The arguments of [`DraftLookups::CODE`].
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let mut args = vec![
            ("count", self.count.to_string()),
            ("limit", LOOKUP_LIMIT.to_string()),
        ];
        if !self.failed.is_empty() {
            args.push(("bound", "at_least".to_string()));
            args.push(("failed", self.failed.join(", ")));
        }
        args
    }
}

/// What the draft would do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhatIf {
    pub domain: Name,
    pub draft: String,
    /// The draft's own problems (syntax, lint), as the builder would say them.
    pub findings: Vec<Finding>,
    pub lookups: DraftLookups,
    /// One evaluation per server address, in the order given.
    pub addresses: Vec<AddressTrace>,
}

/// Evaluates `draft` as `domain`'s SPF record for each address in `ips`.
pub async fn what_if<R: Resolver>(resolver: &R, domain: &Name, draft: &str, ips: &[IpAddr]) -> WhatIf {
    let draft = draft.trim();
    let overlay = DraftOverlay::new(resolver, domain, draft);
    let d = domain.as_str();
    let sender = format!("postmaster@{d}");
    let (tree, outcomes) = join(
        lookup_tree(&overlay, d),
        join_all(ips.iter().map(|ip| check_host(&overlay, *ip, d, &sender, d))),
    )
    .await;
    WhatIf {
        domain: domain.clone(),
        draft: draft.to_string(),
        findings: lint_record(d, draft),
        lookups: DraftLookups {
            count: tree.total_lookups(),
            failed: tree.failed_questions(),
        },
        addresses: ips
            .iter()
            .zip(&outcomes)
            .map(|(ip, o)| AddressTrace::of(*ip, o))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::memory::MemoryZone;
    use crate::i18n::{fill, text, Lang};
    use futures::executor::block_on;

    fn zone() -> MemoryZone {
        let mut z = MemoryZone::new();
        z.add_txt("example.com", &["v=spf1 -all"]);
        z.add_mx("example.com", 10, "mail.example.com");
        z.add_a("mail.example.com", "192.0.2.1".parse().expect("ip"));
        z.add_txt("_spf.provider.example", &["v=spf1 ip4:198.51.100.0/24 -all"]);
        z.add_failure("_down.provider.example", RecordType::Txt, DnsError::ServFail);
        z
    }

    fn run(z: &MemoryZone, draft: &str) -> WhatIf {
        let domain = Name::host("example.com").expect("name");
        let ips: Vec<IpAddr> = ["192.0.2.1", "198.51.100.7", "203.0.113.9"]
            .iter()
            .map(|s| s.parse().expect("ip"))
            .collect();
        block_on(what_if(z, &domain, draft, &ips))
    }

    #[test]
    fn the_draft_replaces_the_published_record_for_each_address() {
        let z = zone();
        let cases: &[(&str, [&str; 3], usize, &[&str])] = &[
            // The published record fails everything; the draft is what counts.
            ("v=spf1 mx -all", ["pass", "fail", "fail"], 1, &[]),
            (
                "v=spf1 mx include:_spf.provider.example -all",
                ["pass", "pass", "fail"],
                2,
                &[],
            ),
            ("v=spf1 mx ~all", ["pass", "softfail", "softfail"], 1, &[]),
            // A failed question below the draft: "at least", and temperror.
            (
                "v=spf1 include:_down.provider.example mx -all",
                ["temperror", "temperror", "temperror"],
                2,
                &["_down.provider.example TXT"],
            ),
        ];
        let mut failed = 0;
        for (draft, results, count, bad) in cases {
            let w = run(&z, draft);
            let got: Vec<&str> = w.addresses.iter().map(|a| a.result).collect();
            if got != results || w.lookups.count != *count || w.lookups.failed != *bad {
                failed += 1;
                eprintln!("{draft}: {got:?} {:?}", w.lookups);
            }
            assert!(w.addresses.iter().all(|a| !a.steps.is_empty()));
        }
        println!(
            "spf what-if drafts: {} passed, {failed} failed",
            cases.len() - failed
        );
        assert_eq!(failed, 0);
        // Nothing was published: the real record is still the zone's.
        assert_eq!(z.times_asked("example.com", RecordType::Txt), 0);
    }

    #[test]
    fn lookups_say_at_least_when_a_question_failed() {
        let w = run(&zone(), "v=spf1 include:_down.provider.example mx -all");
        for lang in Lang::ALL {
            let line = fill(text(lang, DraftLookups::CODE), &w.lookups.args());
            assert!(line.contains("_down.provider.example TXT"), "{line}");
            assert!(!line.contains('{'), "{line}");
        }
        let en = fill(text(Lang::En, DraftLookups::CODE), &w.lookups.args());
        assert!(en.contains("at least 2"), "{en}");
    }

    #[test]
    fn a_broken_draft_says_why() {
        let w = run(&zone(), "v=spf1 mx include: -all");
        assert!(w
            .findings
            .iter()
            .any(|f| f.code == code::spf::SYNTAX_MISSING_ARGUMENT));
        assert!(w.addresses.iter().all(|a| a.result == "permerror"));
    }
}
