//! DMARC for a received message, RFC 9989: the Author Domain (the domain
//! of the single `From:` address), its policy found by the
//! DNS Tree Walk (§4.10), the Organizational Domains for relaxed alignment
//! (§4.10, also by the Tree Walk: no public suffix list), the alignment
//! of DKIM `d=` and the SPF domain (§4.4.1, §4.4.2), and the disposition.

use super::dkim::{DkimResult, DkimVerdict};
use super::header::MessageBytes;
use super::spf::MessageSpf;
use crate::check::policies::{has_version, tree_walk_targets};
use crate::dmarc::record::{parse_detailed, Alignment, DmarcPolicy, DmarcRecord, PsdFlag};
use crate::dns::{DnsError, RecordType, Resolver};
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::Name;
use crate::spf::eval::SpfResult;
use futures::future::join_all;
use std::cell::RefCell;
use std::collections::HashMap;

/// Why the message has not exactly one author domain (RFC 9989: the
/// domain of the RFC5322.From address; RFC 5322 §3.6: From occurs exactly
/// once).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuthorError {
    Missing,
    Twice { count: usize, line: usize },
    NoAddress { line: usize },
    ManyAddresses { count: usize, line: usize },
}

impl AuthorError {
    pub fn to_finding(&self) -> Finding {
        match self {
            AuthorError::Missing => Finding::error(code::message::FROM_MISSING, "From", "RFC 5322 §3.6"),
            AuthorError::Twice { count, line } => {
                Finding::error(code::message::FROM_TWICE, "From", "RFC 5322 §3.6")
                    .arg("count", count)
                    .arg("line", line)
            }
            AuthorError::NoAddress { line } => {
                Finding::error(code::message::FROM_NO_ADDRESS, "From", "RFC 5322 §3.4").arg("line", line)
            }
            AuthorError::ManyAddresses { count, line } => {
                Finding::error(code::message::FROM_MANY_ADDRESSES, "From", "RFC 5322 §3.6.2")
                    .arg("count", count)
                    .arg("line", line)
            }
        }
    }
}

/// The `From:` domain, or why there is not exactly one.
pub fn author_domain(msg: &MessageBytes) -> Result<String, AuthorError> {
    let froms: Vec<_> = msg.fields_named("From").collect();
    let f = match froms.as_slice() {
        [] => return Err(AuthorError::Missing),
        [f] => f,
        [_, second, ..] => {
            return Err(AuthorError::Twice {
                count: froms.len(),
                line: second.line,
            })
        }
    };
    let addresses = mailbox_domains(&msg.value_text(f));
    match addresses.as_slice() {
        [d] if !d.is_empty() => Ok(d.clone()),
        [] | [_] => Err(AuthorError::NoAddress { line: f.line }),
        many => Err(AuthorError::ManyAddresses {
            count: many.len(),
            line: f.line,
        }),
    }
}

/// The domains of the mailboxes in an address list (RFC 5322 §3.4):
/// comments and quoted display names set aside, `<addr>` preferred.
fn mailbox_domains(value: &str) -> Vec<String> {
    let mut plain = String::new();
    let (mut depth, mut quoted, mut escaped) = (0usize, false, false);
    for c in value.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '"' if depth == 0 => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted && depth > 0 => depth -= 1,
            _ if quoted || depth > 0 => {}
            c => plain.push(c),
        }
    }
    // A group "name: a@b, c@d;" lists its members after the colon.
    let plain = match plain.split_once(':') {
        Some((_, rest)) if !plain.trim_start().starts_with('<') => rest.trim_end_matches(';').to_string(),
        _ => plain,
    };
    plain
        .split(',')
        .filter(|m| !m.trim().is_empty())
        .map(|m| {
            let addr = match (m.find('<'), m.rfind('>')) {
                (Some(a), Some(b)) if a < b => m.get(a + 1..b).unwrap_or(""),
                _ => m,
            };
            addr.trim().rsplit_once('@').map_or(String::new(), |(_, d)| {
                d.trim().trim_end_matches('.').to_ascii_lowercase()
            })
        })
        .collect()
}

/// The `_dmarc` answers of one evaluation, each asked once.
struct DmarcLookups<'r, R> {
    resolver: &'r R,
    answers: RefCell<HashMap<String, Result<Option<DmarcRecord>, DnsError>>>,
}

impl<R: Resolver> DmarcLookups<'_, R> {
    /// The single valid DMARC record at `_dmarc.<name>`, `None` when there
    /// is none (or more than one, RFC 9989 §4.10.1), or the failed question.
    async fn record(&self, name: &str) -> Result<Option<DmarcRecord>, DnsError> {
        if let Some(a) = self.answers.borrow().get(name) {
            return a.clone();
        }
        let answer = match self
            .resolver
            .query(&format!("_dmarc.{name}"), RecordType::Txt)
            .await
        {
            Err(e) if e.is_temporary() => Err(e),
            Err(_) => Ok(None),
            Ok(a) => {
                let found: Vec<String> = a
                    .records
                    .iter()
                    .filter_map(|r| r.txt_joined())
                    .filter(|t| has_version(t, "v=DMARC1"))
                    .collect();
                Ok(match found.as_slice() {
                    [one] => parse_detailed(one)
                        .ok()
                        .filter(|p| !p.errors.iter().any(|e| e.is_fatal()))
                        .map(|p| p.record),
                    _ => None,
                })
            }
        };
        self.answers.borrow_mut().insert(name.to_string(), answer.clone());
        answer
    }

    /// The name itself, then the Tree Walk's names (§4.10.2), each with its record.
    async fn walk(&self, name: &str) -> Result<Vec<(String, Option<DmarcRecord>)>, DnsError> {
        let mut names = vec![name.to_string()];
        if let Ok(n) = Name::dns(name) {
            names.extend(tree_walk_targets(&n).iter().map(|p| p.as_str().to_string()));
        }
        let answers = join_all(names.iter().map(|n| self.record(n))).await;
        names
            .into_iter()
            .zip(answers)
            .map(|(n, a)| a.map(|r| (n, r)))
            .collect()
    }

    /// RFC 9989 §4.10, the Organizational Domain: walking up from the
    /// name, a record with `psd=n` marks it; a record with `psd=y` marks the
    /// name one label below; otherwise the record found with the fewest
    /// labels; with no record at all, the name itself.
    async fn organizational(&self, name: &str) -> Result<String, DnsError> {
        let walked = self.walk(name).await?;
        let mut below: Option<&str> = None;
        let mut fewest: Option<&str> = None;
        for (n, r) in &walked {
            if let Some(r) = r {
                match r.psd {
                    Some(PsdFlag::No) => return Ok(n.clone()),
                    Some(PsdFlag::Yes) => return Ok(below.unwrap_or(n).to_string()),
                    _ => fewest = Some(n),
                }
            }
            below = Some(n);
        }
        Ok(fewest.unwrap_or(name).to_string())
    }
}

/// True when A, AAAA and MX of `name` are all NXDOMAIN or NODATA; a failed
/// question counts as existing (the milder policy applies).
async fn author_is_nonexistent(resolver: &impl Resolver, name: &str) -> bool {
    let answers = join_all(
        [RecordType::A, RecordType::Aaaa, RecordType::Mx]
            .into_iter()
            .map(|t| resolver.query(name, t)),
    )
    .await;
    answers.iter().all(|a| match a {
        Err(e) => e.is_void(),
        Ok(a) => a.records.is_empty(),
    })
}

/// The DMARC result (RFC 8601 §2.7.1 `dmarc` values).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DmarcResult {
    Pass,
    Fail,
    None,
    TempError,
    PermError,
}

impl DmarcResult {
    pub fn as_str(self) -> &'static str {
        match self {
            DmarcResult::Pass => "pass",
            DmarcResult::Fail => "fail",
            DmarcResult::None => "none",
            DmarcResult::TempError => "temperror",
            DmarcResult::PermError => "permerror",
        }
    }
}

/// DMARC's verdict on the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageDmarc {
    pub author_domain: Option<String>,
    /// Where the applying record was found.
    pub policy_domain: Option<String>,
    pub record: Option<DmarcRecord>,
    pub organizational_domain: Option<String>,
    /// The `d=` of a passing, aligned DKIM signature.
    pub dkim_aligned: Option<String>,
    /// The SPF domain, when SPF passed and it is aligned.
    pub spf_aligned: Option<String>,
    pub result: DmarcResult,
    /// What the receiver is asked to do with the message.
    pub disposition: Option<DmarcPolicy>,
    /// Why, in order.
    pub findings: Vec<Finding>,
}

const RFC_ALIGN: &str = "RFC 9989 §4.4";

/// Evaluates DMARC for the message from the DKIM and SPF verdicts.
pub async fn evaluate(
    msg: &MessageBytes,
    dkim: &[DkimResult],
    spf: Option<&MessageSpf>,
    resolver: &impl Resolver,
) -> MessageDmarc {
    let mut out = MessageDmarc {
        author_domain: None,
        policy_domain: None,
        record: None,
        organizational_domain: None,
        dkim_aligned: None,
        spf_aligned: None,
        result: DmarcResult::None,
        disposition: None,
        findings: Vec::new(),
    };
    let author = match author_domain(msg) {
        Ok(d) => d,
        Err(e) => {
            out.result = DmarcResult::PermError;
            out.findings.push(e.to_finding());
            return out;
        }
    };
    out.author_domain = Some(author.clone());
    let lookups = DmarcLookups {
        resolver,
        answers: RefCell::new(HashMap::new()),
    };
    let temp = |out: &mut MessageDmarc, name: &str, e: &DnsError| {
        out.result = DmarcResult::TempError;
        out.findings.push(
            Finding::warning(code::message::DMARC_TEMPERROR, name, "RFC 9989 §4.10")
                .arg("name", format!("_dmarc.{name}"))
                .arg("answer", e.to_string()),
        );
    };
    // §4.10.1 / §4.10.2: the record at the Author Domain, else the closest up the tree.
    let walked = match lookups.walk(&author).await {
        Ok(w) => w,
        Err(e) => {
            temp(&mut out, &author, &e);
            return out;
        }
    };
    let Some((policy_domain, record)) = walked.into_iter().find_map(|(n, r)| r.map(|r| (n, r))) else {
        out.findings.push(
            Finding::warning(code::message::DMARC_NO_POLICY, &author, "RFC 9989 §4.10.2")
                .arg("domain", &author),
        );
        return out;
    };
    let org = match lookups.organizational(&author).await {
        Ok(o) => o,
        Err(e) => {
            temp(&mut out, &author, &e);
            return out;
        }
    };
    out.organizational_domain = Some(org.clone());
    // The relaxed test: the same Organizational Domain (§4.4.1, §4.4.2).
    let aligned = |mode: Alignment, other: &str| {
        let lookups = &lookups;
        let author = author.as_str();
        let org = org.as_str();
        let other = other.to_ascii_lowercase();
        async move {
            if other == author {
                return Ok(true);
            }
            if mode == Alignment::Strict {
                return Ok(false);
            }
            Ok::<bool, DnsError>(lookups.organizational(&other).await? == org)
        }
    };
    let adkim = record.adkim.unwrap_or(Alignment::Relaxed);
    let aspf = record.aspf.unwrap_or(Alignment::Relaxed);
    let mut unknown = None;
    for r in dkim.iter().filter(|r| r.verdict == DkimVerdict::Pass) {
        let Some(d) = r.domain.as_deref() else { continue };
        match aligned(adkim, d).await {
            Ok(true) => {
                out.dkim_aligned = Some(d.to_string());
                break;
            }
            Ok(false) => out.findings.push(
                Finding::info(code::message::DMARC_DKIM_NOT_ALIGNED, d, RFC_ALIGN)
                    .arg("d", d)
                    .arg("from", &author)
                    .arg("mode", adkim.as_str()),
            ),
            Err(e) => unknown = Some((d.to_string(), e)),
        }
    }
    if let Some(s) = spf.filter(|s| s.result() == SpfResult::Pass) {
        match aligned(aspf, &s.domain).await {
            Ok(true) => out.spf_aligned = Some(s.domain.clone()),
            Ok(false) => out.findings.push(
                Finding::info(code::message::DMARC_SPF_NOT_ALIGNED, &s.domain, RFC_ALIGN)
                    .arg("domain", &s.domain)
                    .arg("from", &author)
                    .arg("mode", aspf.as_str()),
            ),
            Err(e) => unknown = Some((s.domain.clone(), e)),
        }
    }
    let at_author = policy_domain == author;
    // §4.7: p= for the domain itself; sp= (else p=) for a subdomain whose
    // policy comes from a record higher up.
    let requested = match (at_author, record.nonexistent_policy) {
        (true, _) => record.effective_policy(),
        // §4.7 np=: the policy for a subdomain that does not exist, one
        // with no A, AAAA or MX (each NXDOMAIN or NODATA).
        (false, Some(np)) if author_is_nonexistent(resolver, &author).await => np,
        (false, _) => record.subdomain_policy.unwrap_or(record.effective_policy()),
    };
    out.policy_domain = Some(policy_domain.clone());
    if out.dkim_aligned.is_some() || out.spf_aligned.is_some() {
        out.result = DmarcResult::Pass;
        out.findings.insert(
            0,
            Finding::info(code::message::DMARC_PASS, &author, RFC_ALIGN)
                .arg("dkim", out.dkim_aligned.clone().unwrap_or_default())
                .arg("spf", out.spf_aligned.clone().unwrap_or_default())
                .arg(
                    "both",
                    if out.dkim_aligned.is_some() && out.spf_aligned.is_some() {
                        "y"
                    } else {
                        ""
                    },
                ),
        );
    } else if let Some((name, e)) = unknown {
        temp(&mut out, &name, &e);
    } else {
        out.result = DmarcResult::Fail;
        // §4.7 t=y: the policy is applied one step milder (reject →
        // quarantine, quarantine → none) while the domain is testing.
        let applied = match (record.testing, requested) {
            (Some(true), DmarcPolicy::Reject) => DmarcPolicy::Quarantine,
            (Some(true), _) => DmarcPolicy::None,
            (_, p) => p,
        };
        out.disposition = Some(applied);
        out.findings.insert(
            0,
            Finding::error(code::message::DMARC_FAIL, &author, RFC_ALIGN)
                .arg("policy", applied.as_str())
                .arg("record", &policy_domain),
        );
    }
    out.record = Some(record);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::memory::MemoryZone;
    use crate::message::header;
    use futures::executor::block_on;

    /// DMARC of an unsigned message from `from`, with no SPF, over `zone`.
    fn unsigned_from(from: &str, zone: &str) -> MessageDmarc {
        let mut z = MemoryZone::new();
        z.add_master_file(zone).expect("zone");
        let text = format!("From: {from}\r\n\r\nbody\r\n");
        let (m, _) = header::read(text.as_bytes(), 1 << 20).expect("message");
        block_on(evaluate(&m, &[], None, &z))
    }

    const ZONE: &str = "$ORIGIN x.net.\n@ 300 IN SOA ns hm 1 2 3 4 5\n@ 300 IN MX 10 mail\nreal 300 IN A 185.47.112.9\n_dmarc 300 IN TXT \"v=DMARC1; p=none; sp=quarantine; np=reject\"\n";

    #[test]
    fn policy_for_the_domain_its_subdomains_and_nonexistent_ones() {
        let d = unsigned_from("a@x.net", ZONE);
        assert_eq!(
            (d.result, d.disposition),
            (DmarcResult::Fail, Some(DmarcPolicy::None))
        );
        let d = unsigned_from("a@real.x.net", ZONE);
        assert_eq!(d.disposition, Some(DmarcPolicy::Quarantine));
        assert_eq!(d.policy_domain.as_deref(), Some("x.net"));
        let d = unsigned_from("a@nothere.x.net", ZONE);
        assert_eq!(d.disposition, Some(DmarcPolicy::Reject));
        assert_eq!(d.organizational_domain.as_deref(), Some("x.net"));
        let d = unsigned_from("a@y.org", ZONE);
        assert_eq!((d.result, d.disposition), (DmarcResult::None, None));
    }

    #[test]
    fn from_domains() {
        assert_eq!(mailbox_domains("Alice <alice@Example.COM>"), ["example.com"]);
        assert_eq!(mailbox_domains("\"Smith, Bob\" <bob@x.net> (work)"), ["x.net"]);
        assert_eq!(mailbox_domains("a@x.net, b@y.net"), ["x.net", "y.net"]);
        assert_eq!(mailbox_domains("team: a@x.net, b@x.net;"), ["x.net", "x.net"]);
        assert_eq!(mailbox_domains("a@x.net (comment, with comma)"), ["x.net"]);
        assert_eq!(mailbox_domains("undisclosed"), [""]);
    }
}
