//! What the resolver returned, per question, as "use as my plan" reads it.
//!
//! A question is answered (records), absent (NXDOMAIN, NODATA), unknown
//! (SERVFAIL, timeout, transport: it says nothing about the record), or
//! not asked. An audit's answers ([`Found::from_known`]) leave unasked
//! questions as not asked; a zone import ([`Found::from_records`]) holds
//! every record, so a question it does not list is NXDOMAIN.

use crate::check::KnownAnswers;
use crate::dns::{normalize_name, DnsError, Rdata, RecordType};
use crate::model::Record;
use std::collections::BTreeMap;

/// One question: owner name (lowercase, no trailing dot) and type.
pub type Question = (String, RecordType);

/// What a question got, as the plan reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// The records (never empty).
    Records(&'a [Rdata]),
    /// NXDOMAIN or NODATA: there is no such record.
    Absent,
    /// The question failed: the record may or may not exist.
    Unknown(&'a DnsError),
    /// Nobody asked.
    NotAsked,
}

/// What a question not listed means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unlisted {
    NotAsked,
    NxDomain,
}

/// The answers a plan is adopted from, plus the MTA-STS policy text if the
/// user pasted it (DNS cannot give it; RFC 8461 §3.3 serves it over HTTPS).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    answers: BTreeMap<Question, Result<Vec<Rdata>, DnsError>>,
    unlisted: Unlisted,
    /// The pasted `mta-sts.txt`, if any.
    pub mta_sts_policy: Option<String>,
    /// The TTL of each record, for a zone's records; empty for a
    /// resolver's answers, whose TTLs count down in its cache and are not
    /// the ones the zone sets.
    pub ttls: Vec<u32>,
}

impl Default for Found {
    fn default() -> Self {
        Found {
            answers: BTreeMap::new(),
            unlisted: Unlisted::NotAsked,
            mta_sts_policy: None,
            ttls: Vec::new(),
        }
    }
}

impl Found {
    /// No answers yet; a question not listed counts as not asked.
    pub fn new() -> Found {
        Found::default()
    }

    /// The answers of an audit run: questions it did not ask are not asked.
    pub fn from_known(known: &KnownAnswers) -> Found {
        let mut found = Found::new();
        for (name, rtype, result) in known.iter() {
            found.insert(name, rtype, result.clone().map(|a| a.records));
        }
        found
    }

    /// The records of a zone (an import): every question not listed is
    /// NXDOMAIN, since the zone holds everything there is.
    pub fn from_records(records: &[Record]) -> Found {
        let mut found = Found {
            unlisted: Unlisted::NxDomain,
            ..Found::default()
        };
        for r in records {
            found.ttls.push(r.ttl);
            let key = (normalize_name(r.name.as_str()), r.rtype());
            if let Ok(list) = found.answers.entry(key).or_insert_with(|| Ok(Vec::new())) {
                list.push(r.rdata.clone());
            }
        }
        found
    }

    /// Sets the pasted MTA-STS policy text.
    pub fn with_mta_sts_policy(mut self, text: impl Into<String>) -> Found {
        self.mta_sts_policy = Some(text.into());
        self
    }

    /// Records one question's result; an empty list is NODATA.
    pub fn insert(&mut self, name: &str, rtype: RecordType, result: Result<Vec<Rdata>, DnsError>) {
        self.answers.insert((normalize_name(name), rtype), result);
    }

    /// What the question `name`/`rtype` got.
    pub fn get(&self, name: &str, rtype: RecordType) -> Lookup<'_> {
        match self.answers.get(&(normalize_name(name), rtype)) {
            Some(Ok(list)) if list.is_empty() => Lookup::Absent,
            Some(Ok(list)) => Lookup::Records(list),
            Some(Err(e)) if e.is_void() => Lookup::Absent,
            Some(Err(e)) => Lookup::Unknown(e),
            None if self.unlisted == Unlisted::NxDomain => Lookup::Absent,
            None => Lookup::NotAsked,
        }
    }

    /// Every question listed, in name order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.answers.keys()
    }
}
