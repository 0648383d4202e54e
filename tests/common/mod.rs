//! What the native tests over `tests/zones/` share: the scenario zones
//! loaded into one in-memory zone, and a resolver that fails chosen
//! questions in front of it.

#![allow(dead_code)]

pub mod plans;

use maildns::check::AuditRequest;
use maildns::dns::memory::MemoryZone;
use maildns::dns::{normalize_name, Answer, DnsError, RecordType, Resolver};
use maildns::model::{Name, Record};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

/// A question: name (lowercase, no trailing dot) and type.
pub type Question = (String, RecordType);

/// Every zone file of `tests/zones/`, loaded into one zone (they refer to
/// one another: the SPF include chain, the reverse zones); and the origins.
pub fn load_zones() -> (MemoryZone, Vec<String>) {
    let (zone, plans) = load_zones_with_records();
    (zone, plans.into_iter().map(|(origin, _)| origin).collect())
}

/// [`load_zones`], with each zone's own records (its plan: what was meant
/// to be published there, for the plan verification).
pub fn load_zones_with_records() -> (MemoryZone, Vec<(String, Vec<Record>)>) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/zones");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/zones")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "zone"))
        .collect();
    files.sort();
    let mut zone = MemoryZone::new();
    let mut origins = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("zone file");
        let n = zone
            .add_master_file(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert!(n > 0, "{}: no records", f.display());
        let mut own = MemoryZone::new();
        own.add_master_file(&text).expect("loaded above");
        let records = own.records();
        assert_eq!(records.len(), n, "{}: every record kept", f.display());
        let origin = f
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".zone"))
            .expect("name")
            .to_string();
        origins.push((origin, records));
    }
    (zone, origins)
}

/// The audit of a scenario domain with the zones' DKIM selector typed in.
pub fn request(domain: &str, selectors: &[&str]) -> AuditRequest {
    AuditRequest {
        domain: Name::dns(domain).expect("domain"),
        dkim_selectors: selectors.iter().map(|s| s.to_string()).collect(),
        server_ips: Vec::new(),
        mta_sts_policy_text: None,
        blocklists: false,
    }
}

/// The zone, with some questions failing; it keeps every question asked.
pub struct Faulty<'z> {
    zone: &'z MemoryZone,
    failing: HashMap<Question, DnsError>,
    pub asked: RefCell<BTreeSet<Question>>,
}

impl<'z> Faulty<'z> {
    pub fn new(zone: &'z MemoryZone, failing: HashMap<Question, DnsError>) -> Self {
        Faulty {
            zone,
            failing,
            asked: RefCell::new(BTreeSet::new()),
        }
    }

    /// `zone` with the given questions failing with `error`.
    pub fn failing(zone: &'z MemoryZone, questions: &[(&str, RecordType)], error: DnsError) -> Self {
        let failing = questions
            .iter()
            .map(|(n, t)| ((normalize_name(n), *t), error.clone()))
            .collect();
        Faulty::new(zone, failing)
    }
}

impl Resolver for Faulty<'_> {
    async fn query(&self, name: &str, rtype: RecordType) -> Result<Answer, DnsError> {
        let key = (normalize_name(name), rtype);
        self.asked.borrow_mut().insert(key.clone());
        match self.failing.get(&key) {
            Some(e) => Err(e.clone()),
            None => self.zone.lookup(name, rtype),
        }
    }
}
