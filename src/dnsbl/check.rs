//! Asking the lists, honestly: a list's answers count only after its test
//! entry came back as a listing on the same resolver.
//!
//! Why: several lists refuse public resolvers. Spamhaus answers
//! 127.255.255.254 through some public resolvers and NXDOMAIN through
//! others (issue 19), and an NXDOMAIN read naively is "not listed". So:
//! 1. ask the test entry (RFC 5782 §5: a list keeps it listed);
//! 2. if it is not a listing (NXDOMAIN, NODATA, an error code, an answer
//!    outside 127.0.0.0/8) or the question failed, every verdict of this
//!    list is [`Verdict::Unknown`] with that reason, and nothing else is
//!    asked of it;
//! 3. otherwise each subject: A records in 127.0.0.0/8 are a listing,
//!    NXDOMAIN is "not listed", an error code or a failed question is
//!    unknown.
//!
//! A failed question is never "not listed".

use super::lists::{Blocklist, ReturnCode};
use super::query::{query_name, test_query_name, Subject};
use crate::dns::{Answer, DnsError, RecordType, Resolver};
use crate::finding::Finding;
use crate::i18n::code;
use futures::future::join_all;
use std::net::Ipv4Addr;

/// One return code of a listing, with its documented meaning if any.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ListingCode {
    pub addr: Ipv4Addr,
    pub meaning: Option<String>,
}

/// Why a verdict is unknown.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum UnknownReason {
    /// The test entry did not come back listed: NXDOMAIN or NODATA (as
    /// when a list silently refuses the resolver).
    TestEntryNotListed { error: DnsError },
    /// The list answered one of its error codes, to the test entry or to
    /// the question itself: the question was refused, not judged.
    ErrorCode {
        addr: Ipv4Addr,
        meaning: String,
        on_test_entry: bool,
    },
    /// The test entry answered a code the list does not document as a
    /// listing.
    TestEntryUnexpected { addr: Ipv4Addr },
    /// An answer outside 127.0.0.0/8: not what a list answers (a parked or
    /// hijacked zone answers every name).
    NotAListAnswer { addr: String, on_test_entry: bool },
    /// The question failed (SERVFAIL, timeout, transport...).
    QuestionFailed { error: DnsError, on_test_entry: bool },
}

/// The verdict of one list on one subject.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Verdict {
    Listed {
        codes: Vec<ListingCode>,
        delist_url: String,
    },
    NotListed,
    Unknown {
        reason: UnknownReason,
    },
}

/// One list's verdict on one subject.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ListVerdict {
    pub list_id: String,
    pub list_name: String,
    pub subject: Subject,
    /// The name asked (or that would have been asked).
    pub query: String,
    pub verdict: Verdict,
}

/// Every verdict, and the findings that explain them.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DnsblReport {
    pub verdicts: Vec<ListVerdict>,
    pub findings: Vec<Finding>,
}

/// How an answer reads on `list`: listing codes, or why it is no listing.
fn classify(
    list: &Blocklist,
    answer: &Answer,
    on_test_entry: bool,
) -> Result<Vec<ListingCode>, UnknownReason> {
    let mut codes = Vec::new();
    for r in &answer.records {
        let crate::dns::Rdata::A(addr) = r else {
            continue;
        };
        // The list's error codes first: Spamhaus says they "must not be
        // interpreted" as a listing (news article 788). That article also
        // reserves 127.255.255.0/24 for such errors; an answer there from
        // any list is read as an error, never as a listing.
        let documented = list.errors.iter().find(|e| e.addr == *addr);
        let [a, b, c, _] = addr.octets();
        if documented.is_some() || (a, b, c) == (127, 255, 255) {
            return Err(UnknownReason::ErrorCode {
                addr: *addr,
                meaning: documented
                    .map_or("error range 127.255.255.0/24", |e| e.meaning)
                    .to_string(),
                on_test_entry,
            });
        }
        // RFC 5782 §2.1: list entries are A records in 127.0.0.0/8.
        if addr.octets()[0] != 127 {
            return Err(UnknownReason::NotAListAnswer {
                addr: addr.to_string(),
                on_test_entry,
            });
        }
        let meaning = list
            .listing
            .iter()
            .find(|c: &&ReturnCode| c.addr == *addr)
            .map(|c| c.meaning.to_string());
        // The test entry must come back as a documented listing: anything
        // else means this resolver does not get the list's real answers.
        if on_test_entry && meaning.is_none() {
            return Err(UnknownReason::TestEntryUnexpected { addr: *addr });
        }
        codes.push(ListingCode { addr: *addr, meaning });
    }
    if codes.is_empty() {
        // Records, but no A among them: not a listing we can read.
        return Err(UnknownReason::TestEntryNotListed {
            error: DnsError::NoData,
        });
    }
    Ok(codes)
}

/// Asks the test entry; `Err` is why this list cannot be trusted here.
async fn test_entry<R: Resolver>(resolver: &R, list: &Blocklist) -> Result<(), UnknownReason> {
    match resolver.query(&test_query_name(list), RecordType::A).await {
        Ok(answer) => classify(list, &answer, true).map(|_| ()),
        Err(error @ (DnsError::NxDomain | DnsError::NoData)) => {
            Err(UnknownReason::TestEntryNotListed { error })
        }
        Err(error) => Err(UnknownReason::QuestionFailed {
            error,
            on_test_entry: true,
        }),
    }
}

async fn one_subject<R: Resolver>(resolver: &R, list: &Blocklist, name: &str) -> Verdict {
    match resolver.query(name, RecordType::A).await {
        Ok(answer) => match classify(list, &answer, false) {
            Ok(codes) => Verdict::Listed {
                codes,
                delist_url: list.delist_url.to_string(),
            },
            Err(reason) => Verdict::Unknown { reason },
        },
        // RFC 5782 §2.1: a name that is not listed does not exist. With the
        // test entry answered just before on this resolver, NXDOMAIN is a
        // real "not listed"; NODATA (the name exists, no A) is no listing
        // either.
        Err(DnsError::NxDomain | DnsError::NoData) => Verdict::NotListed,
        Err(error) => Verdict::Unknown {
            reason: UnknownReason::QuestionFailed {
                error,
                on_test_entry: false,
            },
        },
    }
}

/// Asks every list in `lists` about every subject it holds. Lists go out
/// together; within a list the test entry comes first, then its subjects
/// together (they depend on it: HOUSE_STYLE habit 7).
pub async fn check_lists<R: Resolver>(
    resolver: &R,
    lists: &[Blocklist],
    subjects: &[Subject],
) -> DnsblReport {
    let per_list = join_all(lists.iter().map(|list| check_list(resolver, list, subjects))).await;
    let mut report = DnsblReport::default();
    for verdicts in per_list {
        for v in verdicts {
            report.findings.push(finding(&v));
            report.verdicts.push(v);
        }
    }
    report
}

async fn check_list<R: Resolver>(resolver: &R, list: &Blocklist, subjects: &[Subject]) -> Vec<ListVerdict> {
    let asked: Vec<(Subject, String)> = subjects
        .iter()
        .filter_map(|s| query_name(list, s).map(|q| (s.clone(), q)))
        .collect();
    if asked.is_empty() {
        return Vec::new();
    }
    let make = |subject: Subject, query: String, verdict: Verdict| ListVerdict {
        list_id: list.id.to_string(),
        list_name: list.name.to_string(),
        subject,
        query,
        verdict,
    };
    if let Err(reason) = test_entry(resolver, list).await {
        return asked
            .into_iter()
            .map(|(s, q)| {
                make(
                    s,
                    q,
                    Verdict::Unknown {
                        reason: reason.clone(),
                    },
                )
            })
            .collect();
    }
    let verdicts = join_all(asked.iter().map(|(_, q)| one_subject(resolver, list, q))).await;
    asked
        .into_iter()
        .zip(verdicts)
        .map(|((s, q), v)| make(s, q, v))
        .collect()
}

/// The finding for one verdict.
pub fn finding(v: &ListVerdict) -> Finding {
    let subject = v.subject.to_string();
    match &v.verdict {
        Verdict::Listed { codes, delist_url } => {
            let codes = codes
                .iter()
                .map(|c| match &c.meaning {
                    Some(m) => format!("{} ({m})", c.addr),
                    None => c.addr.to_string(),
                })
                .collect::<Vec<_>>()
                .join(", ");
            Finding::error(code::dnsbl::LISTED, subject, "RFC 5782 §2.1")
                .arg("list", &v.list_name)
                .arg("codes", codes)
                .arg("delist", delist_url)
        }
        Verdict::NotListed => {
            Finding::info(code::dnsbl::NOT_LISTED, subject, "RFC 5782 §2.1").arg("list", &v.list_name)
        }
        Verdict::Unknown { reason } => match reason {
            UnknownReason::TestEntryNotListed { error } => {
                Finding::warning(code::dnsbl::TEST_ENTRY_MISSING, subject, "RFC 5782 §5")
                    .arg("list", &v.list_name)
                    .arg("reason", error.code())
            }
            UnknownReason::ErrorCode { addr, meaning, .. } => {
                Finding::warning(code::dnsbl::REFUSED, subject, "RFC 5782 §5")
                    .arg("list", &v.list_name)
                    .arg("answer", addr)
                    .arg("meaning", meaning)
            }
            UnknownReason::TestEntryUnexpected { addr } => {
                Finding::warning(code::dnsbl::TEST_ENTRY_UNEXPECTED, subject, "RFC 5782 §5")
                    .arg("list", &v.list_name)
                    .arg("answer", addr)
            }
            UnknownReason::NotAListAnswer { addr, .. } => {
                Finding::warning(code::dnsbl::NOT_A_LIST_ANSWER, subject, "RFC 5782 §2.1")
                    .arg("list", &v.list_name)
                    .arg("answer", addr)
            }
            UnknownReason::QuestionFailed { error, .. } => {
                Finding::warning(code::dnsbl::QUESTION_FAILED, subject, "RFC 5782 §5")
                    .arg("list", &v.list_name)
                    .arg("reason", error.code())
            }
        },
    }
}
