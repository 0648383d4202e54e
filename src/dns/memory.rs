//! An in-memory zone that answers [`Resolver`] questions, for tests and for
//! checking a record set before it is published.
//!
//! It behaves like a recursive resolver in front of authoritative data:
//! names are case-insensitive, CNAME chains are followed (a loop answers
//! SERVFAIL, RFC 1034 §3.6.2), a name with no records and nothing below it
//! is NXDOMAIN, an existing name without the asked type is NODATA
//! (RFC 2308 §2.1–2.2). It counts every question it is asked, so tests can
//! assert how many questions a check needed and that none was repeated.
//!
//! Answers carry a TTL ([`Answer::ttl`]): the smallest TTL given for the
//! records of the answered name and type (a master file line's TTL, else its
//! `$TTL`; [`MemoryZone::add_record`]'s record TTL; [`MemoryZone::set_ttl`]),
//! and [`DEFAULT_TTL`] (3600 s) for records added without one. The zone does
//! not count down: every answer gives the full TTL, as a resolver that has
//! just fetched the record would.

use super::{normalize_name, Answer, DnsError, Rdata, RecordType, Resolver};
use crate::model::{Mx, Name, Ptr, Record, Txt};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::net::{Ipv4Addr, Ipv6Addr};

/// How many CNAMEs a question follows before giving up with SERVFAIL.
const MAX_CNAME_CHAIN: usize = 16;

/// The TTL of records added without one, in seconds.
pub const DEFAULT_TTL: u32 = 3600;

/// One entry of a test suite's `zonedata` (the RFC 7208 test suite format).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZoneEntry {
    A(Ipv4Addr),
    Aaaa(Ipv6Addr),
    Mx(u16, String),
    /// The character-strings of one TXT record.
    Txt(Vec<Vec<u8>>),
    /// `TXT: NONE`: the name has no TXT record, and type SPF entries are not
    /// copied to TXT.
    TxtNone,
    /// The character-strings of one type SPF (99) record.
    Spf(Vec<Vec<u8>>),
    Ptr(String),
    Cname(String),
    /// `TIMEOUT`: questions at this name for types it has no records of
    /// time out.
    Timeout,
}

/// Records by name and type, plus the failures to simulate.
#[derive(Debug, Default)]
pub struct MemoryZone {
    records: HashMap<String, BTreeMap<RecordType, Vec<Rdata>>>,
    /// The TTL of a name's records of one type, when one was given.
    ttls: HashMap<(String, RecordType), u32>,
    timeouts: HashSet<String>,
    servfails: HashSet<String>,
    failures: HashMap<(String, RecordType), DnsError>,
    authenticated: bool,
    asked: RefCell<HashMap<(String, RecordType), usize>>,
    log: RefCell<Vec<(String, RecordType)>>,
    total: Cell<usize>,
}

impl MemoryZone {
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds a zone from a test suite's `zonedata`. As the RFC 7208 suite's
    /// header asks, type SPF records are also served as TXT unless the name
    /// has TXT records of its own (or `TXT: NONE`).
    pub fn from_zonedata<I, N>(entries: I) -> Self
    where
        I: IntoIterator<Item = (N, Vec<ZoneEntry>)>,
        N: AsRef<str>,
    {
        let mut zone = MemoryZone::new();
        for (name, list) in entries {
            let name = name.as_ref();
            let has_txt = list
                .iter()
                .any(|e| matches!(e, ZoneEntry::Txt(_) | ZoneEntry::TxtNone));
            for entry in &list {
                match entry {
                    ZoneEntry::A(a) => zone.add_a(name, *a),
                    ZoneEntry::Aaaa(a) => zone.add_aaaa(name, *a),
                    ZoneEntry::Mx(p, host) => zone.add_mx(name, *p, host),
                    ZoneEntry::Txt(strings) => zone.add_txt_bytes(name, strings.clone()),
                    ZoneEntry::TxtNone => zone.touch(name),
                    ZoneEntry::Spf(strings) => {
                        zone.add(
                            name,
                            Rdata::Spf(Txt {
                                strings: strings.clone(),
                            }),
                        );
                        if !has_txt {
                            zone.add_txt_bytes(name, strings.clone());
                        }
                        &mut zone
                    }
                    ZoneEntry::Ptr(target) => zone.add_ptr(name, target),
                    ZoneEntry::Cname(target) => zone.add_cname(name, target),
                    ZoneEntry::Timeout => zone.add_timeout(name),
                };
            }
        }
        zone
    }

    /// Loads an RFC 1035 §5.1 master file of the simple shape the scenario
    /// zones of `tests/zones/` use: `$ORIGIN`, `$TTL`, one record per line
    /// (`owner [ttl] [IN] TYPE data`, `@` for the origin, relative names
    /// completed with it, parentheses on one line), `;` comments outside
    /// quotes. SOA and NS only make their owner exist (nothing here asks for
    /// them). Returns how many records were added.
    pub fn add_master_file(&mut self, text: &str) -> Result<usize, ZoneFileError> {
        let mut origin = String::new();
        let mut default_ttl = None;
        let mut added = 0;
        for (i, raw) in text.lines().enumerate() {
            let line = strip_comment(raw).replace(['(', ')'], " ");
            let line = line.trim();
            let fail = |message: &str| ZoneFileError {
                line: i + 1,
                message: message.to_string(),
            };
            if line.is_empty() {
                continue;
            }
            if let Some(rest) = line.strip_prefix("$ORIGIN") {
                origin = normalize_name(rest.trim());
                continue;
            }
            if let Some(rest) = line.strip_prefix("$TTL") {
                default_ttl = rest.trim().parse::<u32>().ok();
                continue;
            }
            if line.starts_with('$') {
                continue;
            }
            let mut words = line.split_ascii_whitespace();
            let owner = words.next().ok_or_else(|| fail("no owner"))?;
            let owner = qualify(owner, &origin);
            let mut rtype = None;
            let mut ttl = default_ttl;
            for w in words.by_ref() {
                if w.eq_ignore_ascii_case("IN") {
                    continue;
                }
                if w.bytes().all(|b| b.is_ascii_digit()) {
                    ttl = w.parse::<u32>().ok().or(ttl);
                    continue;
                }
                rtype = Some(RecordType::parse(w).map_err(|_| fail("unknown type"))?);
                break;
            }
            let rtype = rtype.ok_or_else(|| fail("no type"))?;
            // The data: the rest of the line after the type word.
            let data = words.collect::<Vec<_>>().join(" ");
            let data = match rtype {
                RecordType::Soa | RecordType::Ns => {
                    self.touch(&owner);
                    continue;
                }
                RecordType::Mx => match data.split_once(' ') {
                    Some((pref, host)) => format!("{pref} {}.", qualify(host, &origin)),
                    None => return Err(fail("MX without exchange")),
                },
                RecordType::Cname | RecordType::Ptr => format!("{}.", qualify(&data, &origin)),
                _ => data,
            };
            let parsed = match rtype {
                RecordType::Mx | RecordType::Cname | RecordType::Ptr => Rdata::parse_lenient(rtype, &data),
                _ => Rdata::parse(rtype, &data),
            };
            let rdata = parsed.map_err(|e| fail(&e.to_string()))?;
            if let Some(ttl) = ttl {
                self.set_ttl(&owner, rtype, ttl);
            }
            self.add(&owner, rdata);
            added += 1;
        }
        Ok(added)
    }

    /// Makes the name exist (so it answers NODATA rather than NXDOMAIN).
    pub fn touch(&mut self, name: &str) -> &mut Self {
        self.records.entry(normalize_name(name)).or_default();
        self
    }

    /// Adds one record of any type at `name`.
    pub fn add(&mut self, name: &str, rdata: Rdata) -> &mut Self {
        self.records
            .entry(normalize_name(name))
            .or_default()
            .entry(rdata.rtype())
            .or_default()
            .push(rdata);
        self
    }

    /// Adds a whole record; its TTL becomes the answer's if it is the
    /// smallest given for that name and type.
    pub fn add_record(&mut self, record: &Record) -> &mut Self {
        self.set_ttl(record.name.as_str(), record.rtype(), record.ttl);
        self.add(record.name.as_str(), record.rdata.clone())
    }

    /// Gives the records of `name` and `rtype` a TTL: answers carry the
    /// smallest one given (RFC 2181 §5.2 wants one per RRset).
    pub fn set_ttl(&mut self, name: &str, rtype: RecordType, ttl: u32) -> &mut Self {
        let slot = self.ttls.entry((normalize_name(name), rtype)).or_insert(ttl);
        *slot = (*slot).min(ttl);
        self
    }

    /// Removes the records at `name` equal to `rdata` (TXT compared by the
    /// joined value, however it is split into strings, RFC 7208 §3.3).
    /// Returns how many were removed. The name keeps existing.
    pub fn remove(&mut self, name: &str, rdata: &Rdata) -> usize {
        let key = normalize_name(name);
        let Some(list) = self.records.get_mut(&key).and_then(|m| m.get_mut(&rdata.rtype())) else {
            return 0;
        };
        let before = list.len();
        list.retain(|r| !r.same_data(rdata));
        let removed = before - list.len();
        if list.is_empty() {
            self.ttls.remove(&(key, rdata.rtype()));
        }
        removed
    }

    pub fn add_a(&mut self, name: &str, addr: Ipv4Addr) -> &mut Self {
        self.add(name, Rdata::A(addr))
    }

    pub fn add_aaaa(&mut self, name: &str, addr: Ipv6Addr) -> &mut Self {
        self.add(name, Rdata::Aaaa(addr))
    }

    /// An MX record. The exchange is read as DNS carries it
    /// ([`crate::model::NameKind::Dns`]), so `192.0.2.1` or `_x.example` can
    /// be served; an empty exchange or `.` is the root (a null MX). A name DNS
    /// cannot carry at all only makes `name` exist.
    pub fn add_mx(&mut self, name: &str, preference: u16, exchange: &str) -> &mut Self {
        match dns_name(exchange) {
            Some(exchange) => self.add(name, Rdata::Mx(Mx::new(preference, exchange))),
            None => self.touch(name),
        }
    }

    /// One TXT record made of the given character-strings.
    pub fn add_txt<S: AsRef<str>>(&mut self, name: &str, strings: &[S]) -> &mut Self {
        let bytes = strings.iter().map(|s| s.as_ref().as_bytes().to_vec()).collect();
        self.add_txt_bytes(name, bytes)
    }

    pub fn add_txt_bytes(&mut self, name: &str, strings: Vec<Vec<u8>>) -> &mut Self {
        self.add(name, Rdata::Txt(Txt { strings }))
    }

    /// A PTR record (target read as DNS carries it, see [`MemoryZone::add_mx`]).
    pub fn add_ptr(&mut self, name: &str, target: &str) -> &mut Self {
        match dns_name(target) {
            Some(target) => self.add(name, Rdata::Ptr(Ptr::new(target))),
            None => self.touch(name),
        }
    }

    /// A CNAME record (target read as DNS carries it, see [`MemoryZone::add_mx`]).
    pub fn add_cname(&mut self, name: &str, target: &str) -> &mut Self {
        match dns_name(target) {
            Some(target) => self.add(name, Rdata::Cname(target)),
            None => self.touch(name),
        }
    }

    /// The question (`name`, `rtype`) fails with `error`, whatever the zone
    /// holds: for simulating a broken server on one question.
    pub fn add_failure(&mut self, name: &str, rtype: RecordType, error: DnsError) -> &mut Self {
        self.failures.insert((normalize_name(name), rtype), error);
        self
    }

    /// Questions at `name` for types it has no records of time out.
    pub fn add_timeout(&mut self, name: &str) -> &mut Self {
        self.timeouts.insert(normalize_name(name));
        self.touch(name)
    }

    /// Every question at `name` answers SERVFAIL.
    pub fn add_servfail(&mut self, name: &str) -> &mut Self {
        self.servfails.insert(normalize_name(name));
        self.touch(name)
    }

    /// Answers carry the DNSSEC AD bit.
    pub fn set_authenticated(&mut self, on: bool) -> &mut Self {
        self.authenticated = on;
        self
    }

    /// How many questions were asked in all.
    pub fn total_questions(&self) -> usize {
        self.total.get()
    }

    /// How many times this exact question (name case-insensitive) was asked.
    pub fn times_asked(&self, name: &str, rtype: RecordType) -> usize {
        self.asked
            .borrow()
            .get(&(normalize_name(name), rtype))
            .copied()
            .unwrap_or(0)
    }

    /// The questions asked more than once, with their counts.
    pub fn repeated_questions(&self) -> Vec<((String, RecordType), usize)> {
        let mut v: Vec<_> = self
            .asked
            .borrow()
            .iter()
            .filter(|(_, n)| **n > 1)
            .map(|(k, n)| (k.clone(), *n))
            .collect();
        v.sort();
        v
    }

    /// The questions in the order they were asked.
    pub fn question_log(&self) -> Vec<(String, RecordType)> {
        self.log.borrow().clone()
    }

    /// Forgets the counts (between cases sharing one zone).
    pub fn reset_counts(&self) {
        self.asked.borrow_mut().clear();
        self.log.borrow_mut().clear();
        self.total.set(0);
    }

    /// Every record in the zone, sorted by name and type, with the TTL its
    /// answers carry.
    pub fn records(&self) -> Vec<Record> {
        let mut names: Vec<&String> = self.records.keys().collect();
        names.sort();
        let mut out = Vec::new();
        for name in names {
            let Ok(owner) = Name::dns(name) else { continue };
            for rdata in self
                .records
                .get(name)
                .into_iter()
                .flat_map(|m| m.values())
                .flatten()
            {
                let ttl = self.ttl_of(name, rdata.rtype());
                out.push(Record::new(owner.clone(), ttl, rdata.clone()));
            }
        }
        out
    }

    fn ttl_of(&self, name: &str, rtype: RecordType) -> u32 {
        self.ttls
            .get(&(name.to_string(), rtype))
            .copied()
            .unwrap_or(DEFAULT_TTL)
    }

    fn name_exists(&self, name: &str) -> bool {
        if self.records.contains_key(name) {
            return true;
        }
        let suffix = format!(".{name}");
        name.is_empty() || self.records.keys().any(|k| k.ends_with(&suffix))
    }

    /// The answer without counting, following CNAMEs.
    pub fn lookup(&self, name: &str, rtype: RecordType) -> Result<Answer, DnsError> {
        let mut current = normalize_name(name);
        if let Some(error) = self.failures.get(&(current.clone(), rtype)) {
            return Err(error.clone());
        }
        let mut seen = HashSet::new();
        for _ in 0..MAX_CNAME_CHAIN {
            if !seen.insert(current.clone()) {
                return Err(DnsError::ServFail);
            }
            if self.servfails.contains(&current) {
                return Err(DnsError::ServFail);
            }
            let at_name = self.records.get(&current);
            if let Some(found) = at_name.and_then(|m| m.get(&rtype)).filter(|v| !v.is_empty()) {
                return Ok(Answer {
                    records: found.clone(),
                    authenticated_data: self.authenticated,
                    ttl: Some(self.ttl_of(&current, rtype)),
                });
            }
            if rtype != RecordType::Cname {
                let cname = at_name
                    .and_then(|m| m.get(&RecordType::Cname))
                    .and_then(|v| v.first())
                    .and_then(|r| match r {
                        Rdata::Cname(t) => Some(t.as_str().to_string()),
                        _ => None,
                    });
                if let Some(target) = cname {
                    current = target;
                    continue;
                }
            }
            if self.timeouts.contains(&current) {
                return Err(DnsError::Timeout);
            }
            return if self.name_exists(&current) {
                Err(DnsError::NoData)
            } else {
                Err(DnsError::NxDomain)
            };
        }
        Err(DnsError::ServFail)
    }
}

impl Resolver for MemoryZone {
    async fn query(&self, name: &str, rtype: RecordType) -> Result<Answer, DnsError> {
        let key = (normalize_name(name), rtype);
        *self.asked.borrow_mut().entry(key.clone()).or_insert(0) += 1;
        self.log.borrow_mut().push(key);
        self.total.set(self.total.get() + 1);
        self.lookup(name, rtype)
    }
}

/// Why a master file did not load: the line (from 1) and what was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneFileError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ZoneFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// The line without its `;` comment; a `;` inside quotes or escaped is data.
fn strip_comment(line: &str) -> &str {
    let mut quoted = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            ';' if !quoted => return &line[..i],
            _ => {}
        }
    }
    line
}

/// An owner or target name made absolute (no trailing dot): `@` is the
/// origin, a name without a final dot is relative to it, `.` is the root.
fn qualify(name: &str, origin: &str) -> String {
    let name = name.trim();
    if name == "@" {
        origin.to_string()
    } else if name == "." {
        String::new()
    } else if let Some(abs) = name.strip_suffix('.') {
        normalize_name(abs)
    } else if origin.is_empty() {
        normalize_name(name)
    } else {
        normalize_name(&format!("{name}.{origin}"))
    }
}

/// A name as DNS carries it; empty or `.` is the root.
fn dns_name(text: &str) -> Option<Name> {
    if text.trim().is_empty() {
        return Some(Name::root());
    }
    Name::dns(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::executor::block_on;

    fn zone() -> MemoryZone {
        let mut z = MemoryZone::new();
        z.add_a("Mail.Example.com.", Ipv4Addr::new(192, 0, 2, 1))
            .add_txt("example.com", &["v=spf1 ", "mx -all"])
            .add_mx("example.com", 10, "mail.example.com.")
            .add_cname("alias.example.com", "mail.example.com")
            .add_cname("loop.example.com", "loop.example.com")
            .add_timeout("slow.example.com")
            .add_servfail("broken.example.com")
            .add_a("deep.sub.example.org", Ipv4Addr::new(192, 0, 2, 9))
            .add_mx("odd.example.com", 10, "192.0.2.1.")
            .add_failure("mail.example.com", RecordType::Txt, DnsError::Refused);
        z
    }

    #[test]
    fn answers_nxdomain_nodata_and_failures() {
        let z = zone();
        let cases: Vec<(&str, RecordType, Result<usize, DnsError>)> = vec![
            ("mail.example.com", RecordType::A, Ok(1)),
            ("MAIL.EXAMPLE.COM.", RecordType::A, Ok(1)),
            ("mail.example.com", RecordType::Aaaa, Err(DnsError::NoData)),
            ("nope.example.com", RecordType::A, Err(DnsError::NxDomain)),
            ("sub.example.org", RecordType::A, Err(DnsError::NoData)),
            ("alias.example.com", RecordType::A, Ok(1)),
            ("alias.example.com", RecordType::Cname, Ok(1)),
            ("loop.example.com", RecordType::A, Err(DnsError::ServFail)),
            ("slow.example.com", RecordType::Txt, Err(DnsError::Timeout)),
            ("broken.example.com", RecordType::Mx, Err(DnsError::ServFail)),
            ("odd.example.com", RecordType::Mx, Ok(1)),
            ("mail.example.com", RecordType::Txt, Err(DnsError::Refused)),
        ];
        for (name, t, want) in cases {
            let got = block_on(z.query(name, t)).map(|a| a.records.len());
            assert_eq!(got, want, "{name} {t}");
        }
        assert_eq!(z.total_questions(), 12);
        let odd = z.lookup("odd.example.com", RecordType::Mx).expect("mx");
        assert_eq!(odd.records[0].to_string(), "10 192.0.2.1.");
        assert_eq!(z.times_asked("mail.example.com", RecordType::A), 2);
        assert_eq!(z.repeated_questions().len(), 1);
        assert_eq!(odd.ttl, Some(DEFAULT_TTL), "no TTL given: the default");
    }

    #[test]
    fn records_keep_their_ttl_and_can_be_removed() {
        let mut z = MemoryZone::new();
        let owner = Name::dns("example.com").expect("name");
        let spf = Rdata::Txt(Txt::from_value("v=spf1 mx -all"));
        z.add_record(&Record::new(owner.clone(), 600, spf));
        z.add_txt("example.com", &["v=spf1 ", "a -all"]);
        assert_eq!(
            z.lookup("example.com", RecordType::Txt).map(|a| a.ttl),
            Ok(Some(600))
        );
        assert_eq!(z.records()[0].ttl, 600);
        let split = Rdata::Txt(Txt::from_value("v=spf1 a -all"));
        assert_eq!(z.remove("Example.com.", &split), 1, "TXT by its joined value");
        assert_eq!(
            z.lookup("example.com", RecordType::Txt).map(|a| a.records.len()),
            Ok(1)
        );
        assert_eq!(z.remove("example.com", &split), 0);
    }

    #[test]
    fn master_files_load_with_relative_names_quotes_and_comments() {
        let text = "; a comment\n$ORIGIN example.net.\n$TTL 3600\n\
            @ IN SOA ns1.example.org. hostmaster.example.net. ( 1 7200 3600 1209600 300 )\n\
            @ IN NS ns1.example.org.\n\
            @ IN MX 10 mail ; the mail host\n\
            mail 300 IN A 192.0.2.1\n\
            alias IN CNAME mail\n\
            none.example.org. IN MX 0 .\n\
            _dmarc IN TXT \"v=DMARC1; p=reject\" \"a\\\"b\\059\"\n";
        let mut z = MemoryZone::new();
        assert_eq!(z.add_master_file(text), Ok(5));
        let mx = z.lookup("example.net", RecordType::Mx).expect("mx");
        assert_eq!(mx.records[0].to_string(), "10 mail.example.net.");
        assert!(z.lookup("alias.example.net", RecordType::A).is_ok());
        let null = z.lookup("none.example.org", RecordType::Mx).expect("null mx");
        assert_eq!(null.records[0].to_string(), "0 .");
        let dmarc = z.lookup("_dmarc.example.net", RecordType::Txt).expect("txt");
        assert_eq!(
            dmarc.records[0].txt_joined().as_deref(),
            Some("v=DMARC1; p=rejecta\"b;")
        );
        assert_eq!(
            z.lookup("example.net", RecordType::A),
            Err(DnsError::NoData),
            "SOA/NS make it exist"
        );
        let mail = z.lookup("mail.example.net", RecordType::A).expect("a");
        assert_eq!(mail.ttl, Some(300), "the line's TTL");
        assert_eq!(mx.ttl, Some(3600), "the $TTL");
        let bad = z.add_master_file("x IN BOGUS! 1\n");
        assert_eq!(bad.map_err(|e| e.line), Err(1));
    }

    #[test]
    fn suite_zonedata_copies_spf_to_txt_unless_txt_given() {
        let z = MemoryZone::from_zonedata(vec![
            (
                "only-spf.example",
                vec![ZoneEntry::Spf(vec![b"v=spf1 -all".to_vec()])],
            ),
            (
                "none.example",
                vec![ZoneEntry::Spf(vec![b"v=spf1 -all".to_vec()]), ZoneEntry::TxtNone],
            ),
            (
                "both.example",
                vec![
                    ZoneEntry::Spf(vec![b"v=spf1 +all".to_vec()]),
                    ZoneEntry::Txt(vec![b"v=spf1 -all".to_vec()]),
                ],
            ),
            (
                "t.example",
                vec![ZoneEntry::Txt(vec![b"x".to_vec()]), ZoneEntry::Timeout],
            ),
        ]);
        let txt = |n: &str| z.lookup(n, RecordType::Txt).map(|a| a.records[0].txt_joined());
        assert_eq!(txt("only-spf.example"), Ok(Some("v=spf1 -all".into())));
        assert_eq!(txt("none.example"), Err(DnsError::NoData));
        assert_eq!(txt("both.example"), Ok(Some("v=spf1 -all".into())));
        assert_eq!(txt("t.example"), Ok(Some("x".into())));
        assert_eq!(z.lookup("t.example", RecordType::A), Err(DnsError::Timeout));
    }
}
