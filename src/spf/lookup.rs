//! The lookup helpers SPF evaluation and flattening share: a cache that asks
//! each DNS question once per evaluation (RFC 7208 §4.6.4 counts terms, not
//! answers, so asking again would only cost time), and the name checks of
//! §4.3 and §5.
//!
//! Prefix matching (`ip4:`/`ip6:` with a CIDR length, §5.6) is
//! [`crate::model::in_prefix`], the one the address linter uses.

use crate::dns::{normalize_name, DnsError, Rdata, RecordType, Resolver};
use futures::future::join_all;
use std::cell::RefCell;
use std::collections::HashMap;

/// §4.3: the domain must be a multi-label name with labels of 1–63 octets,
/// at most 253 in all; a domain literal is not a domain.
pub(crate) fn is_valid_initial_domain(domain: &str) -> bool {
    is_queryable_name(domain)
        && domain.contains('.')
        && !domain.starts_with('[')
        && domain.bytes().all(|b| b.is_ascii_graphic())
}

/// A name DNS can carry: labels of 1–63 octets, at most 253 in all.
pub(crate) fn is_queryable_name(name: &str) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name);
    !name.is_empty() && name.len() <= 253 && name.split('.').all(|l| !l.is_empty() && l.len() <= 63)
}

/// The records of one question, or why there are none.
type Lookup = Result<Vec<Rdata>, DnsError>;

/// Answers each question once per evaluation.
pub(crate) struct QuestionCache<'r, R> {
    resolver: &'r R,
    answers: RefCell<HashMap<(String, RecordType), Lookup>>,
}

impl<'r, R: Resolver> QuestionCache<'r, R> {
    pub(crate) fn new(resolver: &'r R) -> Self {
        QuestionCache {
            resolver,
            answers: RefCell::new(HashMap::new()),
        }
    }

    /// Asks every question not yet answered, all at once; returns the
    /// answers in the order asked, each with whether it came from the cache.
    pub(crate) async fn ask_all(
        &self,
        questions: &[(String, RecordType)],
    ) -> Vec<(Result<Vec<Rdata>, DnsError>, bool)> {
        let mut fresh: Vec<(String, RecordType)> = Vec::new();
        {
            let answers = self.answers.borrow();
            for (name, t) in questions {
                let key = (normalize_name(name), *t);
                if !answers.contains_key(&key) && !fresh.contains(&key) {
                    fresh.push(key);
                }
            }
        }
        let results = join_all(fresh.iter().map(|(n, t)| self.resolver.query(n, *t))).await;
        let mut answers = self.answers.borrow_mut();
        for (key, res) in fresh.iter().zip(results) {
            let res = match res {
                Ok(a) if a.records.is_empty() => Err(DnsError::NoData),
                Ok(a) => Ok(a.records),
                Err(e) => Err(e),
            };
            answers.insert(key.clone(), res);
        }
        questions
            .iter()
            .map(|(name, t)| {
                let key = (normalize_name(name), *t);
                let cached = !fresh.contains(&key);
                let ans = answers.get(&key).cloned().unwrap_or(Err(DnsError::ServFail));
                (ans, cached)
            })
            .collect()
    }
}

/// True if `name` lies strictly below `parent` (case-insensitive, trailing dots ignored).
pub(crate) fn is_subdomain(name: &str, parent: &str) -> bool {
    let name = normalize_name(name);
    let parent = normalize_name(parent);
    name.len() > parent.len() + 1
        && name.ends_with(&parent)
        && name[..name.len() - parent.len()].ends_with('.')
}
