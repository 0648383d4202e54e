//! The per-run question cache: every question of one check goes through it,
//! so the same question (name case-insensitive, trailing dot ignored, and
//! type) is sent to the resolver at most once per run, even when two parts of
//! the check ask it at the same time: the second asker waits for the first
//! one's answer (in-flight deduplication).
//!
//! It also measures the run: how many questions were sent, and each
//! question's dependency depth, the length of the chain of answers it had to
//! wait for (the MX answer, then the MX host's address, then its PTR, then
//! the PTR target's address: depth 4). A question asked again finds its
//! first depth: it costs no further round trip.
//!
//! A run can start from the answers of an earlier one ([`KnownAnswers`]):
//! re-running one area keeps every other answer and asks only what was
//! dropped. A kept answer has depth 0: it cost this run no round trip.
//!
//! Single-threaded (`RefCell`), as browser futures are. Nothing here is ever
//! cancelled during a run; a first asker dropped before its answer would
//! leave the waiters pending.

use crate::dns::{normalize_name, Answer, DnsError, RecordType, Resolver};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::poll_fn;
use std::task::{Poll, Waker};

/// The result of one question as the run saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asked {
    /// The name as asked (normalized: lowercase, no trailing dot).
    pub name: String,
    pub rtype: RecordType,
    /// The answer; an empty answer is [`DnsError::NoData`].
    pub result: Result<Answer, DnsError>,
    /// Dependency depth: 1 for a question that waited for nothing.
    pub depth: usize,
}

enum Slot {
    Pending {
        depth: usize,
        waiters: Vec<Waker>,
    },
    Done {
        depth: usize,
        result: Result<Answer, DnsError>,
    },
}

type Key = (String, RecordType);

/// The answers a run got, to start a later run from (a re-run of one area).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KnownAnswers(HashMap<Key, Result<Answer, DnsError>>);

impl KnownAnswers {
    /// How many questions are known.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every known question: name (lowercase, no trailing dot), type and
    /// result, in no particular order. Read-only: what a plan adopted from
    /// the run is built from.
    pub fn iter(&self) -> impl Iterator<Item = (&str, RecordType, &Result<Answer, DnsError>)> {
        self.0
            .iter()
            .map(|((name, rtype), result)| (name.as_str(), *rtype, result))
    }

    /// The answer to a question (name in any case, trailing dot or not), if
    /// the run asked it.
    pub fn get(&self, name: &str, rtype: RecordType) -> Option<&Result<Answer, DnsError>> {
        self.0.get(&(normalize_name(name), rtype))
    }

    /// Drops the given questions (name as in a report: lowercase, no
    /// trailing dot), so the next run asks them again.
    pub fn forget<'a>(&mut self, questions: impl IntoIterator<Item = (&'a str, RecordType)>) {
        for (name, rtype) in questions {
            self.0.remove(&(normalize_name(name), rtype));
        }
    }

    /// Drops every question that failed (SERVFAIL, timeout, transport…):
    /// only NXDOMAIN and NODATA are answers worth keeping.
    pub fn forget_failures(&mut self) {
        self.0
            .retain(|_, r| matches!(r, Ok(_) | Err(DnsError::NxDomain) | Err(DnsError::NoData)));
    }
}

/// In JSON, a list of `[name, type, result]` entries: JSON object keys are
/// text, and a key here is a (name, type) pair. The order is the map's, so
/// two serialisations of one value may list the entries differently; the
/// value read back is the same.
impl Serialize for KnownAnswers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|((name, rtype), result)| (name, rtype, result)))
    }
}

impl<'de> Deserialize<'de> for KnownAnswers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let entries = Vec::<(String, RecordType, Result<Answer, DnsError>)>::deserialize(deserializer)?;
        Ok(KnownAnswers(
            entries
                .into_iter()
                .map(|(name, rtype, result)| ((name, rtype), result))
                .collect(),
        ))
    }
}

/// The cache in front of a resolver for one run.
pub struct RunCache<'r, R> {
    resolver: &'r R,
    slots: RefCell<HashMap<Key, Slot>>,
    sent: Cell<usize>,
    longest: Cell<usize>,
}

impl<'r, R: Resolver> RunCache<'r, R> {
    pub fn new(resolver: &'r R) -> Self {
        RunCache {
            resolver,
            slots: RefCell::new(HashMap::new()),
            sent: Cell::new(0),
            longest: Cell::new(0),
        }
    }

    /// A run that starts from `known` answers: they are not asked again.
    pub fn with_known(resolver: &'r R, known: KnownAnswers) -> Self {
        let slots = known
            .0
            .into_iter()
            .map(|(key, result)| (key, Slot::Done { depth: 0, result }))
            .collect();
        RunCache {
            resolver,
            slots: RefCell::new(slots),
            sent: Cell::new(0),
            longest: Cell::new(0),
        }
    }

    /// Every answer of the run so far (kept ones included).
    pub fn known(&self) -> KnownAnswers {
        let slots = self.slots.borrow();
        KnownAnswers(
            slots
                .iter()
                .filter_map(|(k, s)| match s {
                    Slot::Done { result, .. } => Some((k.clone(), result.clone())),
                    Slot::Pending { .. } => None,
                })
                .collect(),
        )
    }

    /// How many questions went to the resolver.
    pub fn questions_sent(&self) -> usize {
        self.sent.get()
    }

    /// The deepest dependency chain of the run.
    pub fn longest_chain(&self) -> usize {
        self.longest.get()
    }

    /// Asks a question that depends on answers of depth `after` (0: on
    /// nothing). Answers from the cache, or waits for the same question
    /// already under way, or sends it.
    pub async fn ask(&self, name: &str, rtype: RecordType, after: usize) -> Asked {
        let key: Key = (normalize_name(name), rtype);
        let state = {
            let mut slots = self.slots.borrow_mut();
            match slots.get(&key) {
                Some(Slot::Done { depth, result }) => Some(Some((*depth, result.clone()))),
                Some(Slot::Pending { .. }) => Some(None),
                None => {
                    let depth = after + 1;
                    slots.insert(
                        key.clone(),
                        Slot::Pending {
                            depth,
                            waiters: Vec::new(),
                        },
                    );
                    self.sent.set(self.sent.get() + 1);
                    self.longest.set(self.longest.get().max(depth));
                    None
                }
            }
        };
        let (depth, result) = match state {
            Some(Some(done)) => done,
            Some(None) => self.wait(&key).await,
            None => self.send(&key).await,
        };
        Asked {
            name: key.0,
            rtype,
            result,
            depth,
        }
    }

    /// [`RunCache::ask`] with an owned name (for questions built in a closure).
    pub async fn ask_string(&self, name: String, rtype: RecordType, after: usize) -> Asked {
        self.ask(&name, rtype, after).await
    }

    async fn send(&self, key: &Key) -> (usize, Result<Answer, DnsError>) {
        let result = match self.resolver.query(&key.0, key.1).await {
            Ok(a) if a.records.is_empty() => Err(DnsError::NoData),
            other => other,
        };
        let mut slots = self.slots.borrow_mut();
        let (depth, waiters) = match slots.remove(key) {
            Some(Slot::Pending { depth, waiters }) => (depth, waiters),
            Some(Slot::Done { depth, .. }) => (depth, Vec::new()),
            None => (1, Vec::new()),
        };
        slots.insert(
            key.clone(),
            Slot::Done {
                depth,
                result: result.clone(),
            },
        );
        drop(slots);
        for w in waiters {
            w.wake();
        }
        (depth, result)
    }

    fn wait<'a>(
        &'a self,
        key: &'a Key,
    ) -> impl std::future::Future<Output = (usize, Result<Answer, DnsError>)> + 'a {
        poll_fn(move |cx| {
            let mut slots = self.slots.borrow_mut();
            match slots.get_mut(key) {
                Some(Slot::Done { depth, result }) => Poll::Ready((*depth, result.clone())),
                Some(Slot::Pending { waiters, .. }) => {
                    if !waiters.iter().any(|w| w.will_wake(cx.waker())) {
                        waiters.push(cx.waker().clone());
                    }
                    Poll::Pending
                }
                // Unreachable: a slot is never removed for good.
                None => Poll::Ready((1, Err(DnsError::ServFail))),
            }
        })
    }
}

/// A view of the cache as a [`Resolver`] for code that asks its own
/// questions in sequence (the SPF evaluation): each question depends on the
/// deepest answer this view has received so far, starting at `after`. It
/// also keeps what was asked, for the report.
pub struct Chained<'c, 'r, R> {
    cache: &'c RunCache<'r, R>,
    level: Cell<usize>,
    log: RefCell<Vec<Asked>>,
}

impl<'c, 'r, R: Resolver> Chained<'c, 'r, R> {
    pub fn new(cache: &'c RunCache<'r, R>, after: usize) -> Self {
        Chained {
            cache,
            level: Cell::new(after),
            log: RefCell::new(Vec::new()),
        }
    }

    /// The questions asked through this view, each once, in order.
    pub fn into_log(self) -> Vec<Asked> {
        self.log.into_inner()
    }
}

impl<R: Resolver> Resolver for Chained<'_, '_, R> {
    async fn query(&self, name: &str, rtype: RecordType) -> Result<Answer, DnsError> {
        let asked = self.cache.ask(name, rtype, self.level.get()).await;
        self.level.set(self.level.get().max(asked.depth));
        let result = asked.result.clone();
        let mut log = self.log.borrow_mut();
        if !log.iter().any(|a| a.name == asked.name && a.rtype == asked.rtype) {
            log.push(asked);
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::memory::MemoryZone;
    use futures::executor::block_on;
    use futures::future::join_all;
    use std::net::Ipv4Addr;

    #[test]
    fn concurrent_askers_share_one_question() {
        let mut zone = MemoryZone::new();
        zone.add_a("mail.example.com", Ipv4Addr::new(192, 0, 2, 1));
        let cache = RunCache::new(&zone);
        let answers = block_on(join_all((0..5).map(|i| {
            let name = if i % 2 == 0 {
                "MAIL.example.com."
            } else {
                "mail.example.com"
            };
            cache.ask(name, RecordType::A, i)
        })));
        assert_eq!(zone.total_questions(), 1);
        assert_eq!(cache.questions_sent(), 1);
        assert!(answers.iter().all(|a| a.depth == 1 && a.result.is_ok()));
        let again = block_on(cache.ask("mail.example.com", RecordType::A, 3));
        assert_eq!(
            (again.depth, zone.total_questions()),
            (1, 1),
            "cached: first depth kept"
        );
        let nx = block_on(cache.ask("none.example.com", RecordType::A, 2));
        assert_eq!((nx.depth, nx.result), (3, Err(DnsError::NxDomain)));
        assert_eq!(cache.longest_chain(), 3);
    }

    #[test]
    fn a_run_from_known_answers_asks_only_what_was_dropped() {
        let mut zone = MemoryZone::new();
        zone.add_a("a.example", Ipv4Addr::new(192, 0, 2, 1))
            .add_a("b.example", Ipv4Addr::new(192, 0, 2, 2));
        let first = RunCache::new(&zone);
        block_on(first.ask("a.example", RecordType::A, 0));
        block_on(first.ask("b.example", RecordType::A, 0));
        block_on(first.ask("none.example", RecordType::A, 0));
        let mut known = first.known();
        assert_eq!(known.len(), 3);
        known.forget([("B.example.", RecordType::A)]);
        known.forget_failures();
        assert_eq!(known.len(), 2, "NXDOMAIN is an answer, kept");

        let second = RunCache::with_known(&zone, known);
        let a = block_on(second.ask("a.example", RecordType::A, 0));
        let b = block_on(second.ask("b.example", RecordType::A, a.depth));
        assert_eq!((a.depth, b.depth), (0, 1), "kept answers cost no round trip");
        assert_eq!(second.questions_sent(), 1);
        assert_eq!(zone.total_questions(), 4);
    }

    #[test]
    fn failures_are_not_kept() {
        let mut known = KnownAnswers::default();
        known
            .0
            .insert(("a.example".into(), RecordType::A), Err(DnsError::ServFail));
        known
            .0
            .insert(("b.example".into(), RecordType::A), Err(DnsError::Timeout));
        known
            .0
            .insert(("c.example".into(), RecordType::A), Err(DnsError::NoData));
        known.forget_failures();
        assert_eq!(known.len(), 1);
    }

    #[test]
    fn chained_view_deepens_only_on_new_answers() {
        let mut zone = MemoryZone::new();
        zone.add_a("a.example", Ipv4Addr::new(192, 0, 2, 1))
            .add_a("b.example", Ipv4Addr::new(192, 0, 2, 2));
        let cache = RunCache::new(&zone);
        block_on(cache.ask("a.example", RecordType::A, 0));
        let view = Chained::new(&cache, 1);
        let _ = block_on(view.query("a.example", RecordType::A));
        let _ = block_on(view.query("b.example", RecordType::A));
        let _ = block_on(view.query("c.example", RecordType::A));
        let depths: Vec<usize> = view.into_log().iter().map(|a| a.depth).collect();
        assert_eq!(depths, vec![1, 2, 3]);
    }
}
