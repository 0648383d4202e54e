//! The whole include tree of a domain's SPF record, its resolved lookup
//! count (RFC 7208 §4.6.4), and a flattening suggestion: the `ip4:`/`ip6:`
//! set that would replace the includes, for records that need more than 10
//! lookups.
//!
//! The walk asks DNS like an evaluation that matches nothing would, so the
//! count is the worst case a receiver meets. The includes of one record are
//! walked together. A flattened record is a snapshot: when a provider
//! changes its addresses it goes stale, which the suggestion says plainly
//! (`spf.flatten_caveat`).

use super::lint::{split_strings, RECORD_ADVISORY_LEN};
use super::lookup::{is_queryable_name, is_valid_initial_domain, QuestionCache};
use super::parse::{is_spf_record, parse_record};
use super::trace::{static_lookup_count, LOOKUP_LIMIT};
use super::{Directive, DualCidr, Mechanism, Modifier, Qualifier, SpfRecord, Term};
use crate::dns::{normalize_name, DnsError, Rdata, RecordType, Resolver};
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::in_prefix;
use futures::future::join_all;
use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;

/// Deepest include nesting walked (a receiver would have hit the lookup limit long before).
const MAX_DEPTH: usize = 10;

/// One record in the include tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LookupNode {
    pub domain: String,
    pub depth: usize,
    /// The term that led here (`include:x`, `redirect=x`); `None` at the root.
    pub via: Option<String>,
    /// The SPF record found, parsed.
    pub record: Option<SpfRecord>,
    /// Why there is no usable record (no record, DNS error, syntax, loop).
    pub problem: Option<Finding>,
    /// This record's own DNS-querying terms.
    pub lookups: usize,
    /// The records it includes or redirects to, in record order.
    pub children: Vec<LookupNode>,
}

impl LookupNode {
    /// The resolved count: this record's lookups plus everything below it.
    pub fn total_lookups(&self) -> usize {
        self.lookups + self.children.iter().map(LookupNode::total_lookups).sum::<usize>()
    }

    /// The questions whose failure (a DNS error other than NXDOMAIN or
    /// NODATA) left a record of the tree unread, as `name TYPE`: below each
    /// one the count is unknown, so [`LookupNode::total_lookups`] is then
    /// only a lower bound.
    pub fn failed_questions(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(p) = self
            .problem
            .as_ref()
            .filter(|p| p.code == code::spf::EVAL_DNS_ERROR)
        {
            out.push(format!(
                "{} {}",
                p.get_arg("name").unwrap_or(&self.domain),
                p.get_arg("type").unwrap_or("TXT")
            ));
        }
        for c in &self.children {
            out.extend(c.failed_questions());
        }
        out
    }

    fn child(&self, via: &str) -> Option<&LookupNode> {
        self.children.iter().find(|c| c.via.as_deref() == Some(via))
    }
}

/// A record to publish: owner name, text, and the text as zone-file strings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedRecord {
    pub name: String,
    pub text: String,
    /// `"..." "..."`, each string at most 255 bytes (RFC 7208 §3.3).
    pub zone_strings: String,
}

/// What flattening would give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlattenSuggestion {
    pub tree: LookupNode,
    /// Resolved lookups of the record as published.
    pub before: usize,
    /// Lookups of the suggested record(s).
    pub after: usize,
    /// True when the published record needs more than 10 lookups.
    pub needed: bool,
    /// The suggested records: the domain's own first, then any `_spfN.` parts it includes.
    pub records: Vec<PublishedRecord>,
    /// `spf.flattened`, `spf.flatten_caveat`, one `spf.flatten_dynamic` per include kept.
    pub findings: Vec<Finding>,
}

struct Walker<'r, R> {
    cache: QuestionCache<'r, R>,
}

type NodeFuture<'a> = Pin<Box<dyn Future<Output = LookupNode> + 'a>>;
/// Networks (address, prefix length), or the term that blocks flattening.
type NetworksFuture<'a> = Pin<Box<dyn Future<Output = Result<Vec<(IpAddr, u8)>, String>> + 'a>>;

impl<R: Resolver> Walker<'_, R> {
    async fn ask(&self, name: &str, t: RecordType) -> Result<Vec<Rdata>, DnsError> {
        let mut v = self.cache.ask_all(&[(name.to_string(), t)]).await;
        v.pop().map(|(a, _)| a).unwrap_or(Err(DnsError::ServFail))
    }

    fn walk<'a>(&'a self, domain: String, via: Option<String>, path: Vec<String>) -> NodeFuture<'a> {
        Box::pin(async move {
            let depth = path.len();
            let mut node = LookupNode {
                domain: domain.clone(),
                depth,
                via,
                record: None,
                problem: None,
                lookups: 0,
                children: Vec::new(),
            };
            if path.iter().any(|p| normalize_name(p) == normalize_name(&domain)) || depth > MAX_DEPTH {
                node.problem = Some(Finding::error(
                    code::spf::INCLUDE_SELF,
                    &domain,
                    "RFC 7208 §4.6.4",
                ));
                return node;
            }
            if !is_valid_initial_domain(&domain) {
                node.problem = Some(Finding::error(
                    code::spf::EVAL_BAD_DOMAIN,
                    &domain,
                    "RFC 7208 §4.3",
                ));
                return node;
            }
            let texts: Vec<String> = match self.ask(&domain, RecordType::Txt).await {
                Ok(rs) => rs
                    .iter()
                    .filter_map(Rdata::txt_joined)
                    .filter(|t| is_spf_record(t))
                    .collect(),
                Err(e) if e.is_void() => Vec::new(),
                Err(e) => {
                    node.problem = Some(
                        Finding::error(code::spf::EVAL_DNS_ERROR, &domain, "RFC 7208 §4.4")
                            .arg("name", &domain)
                            .arg("type", RecordType::Txt)
                            .arg("reason", e.code())
                            .arg("error", &e),
                    );
                    return node;
                }
            };
            let text = match texts.as_slice() {
                [one] => one,
                [] => {
                    node.problem = Some(Finding::error(
                        code::spf::EVAL_NO_RECORD,
                        &domain,
                        "RFC 7208 §4.4",
                    ));
                    return node;
                }
                many => {
                    node.problem = Some(
                        Finding::error(code::spf::MULTIPLE_RECORDS, &domain, "RFC 7208 §4.5")
                            .arg("count", many.len()),
                    );
                    return node;
                }
            };
            let record = match parse_record(text) {
                Ok(r) => r,
                Err(e) => {
                    node.problem = Some(e.to_finding(&domain, text));
                    return node;
                }
            };
            node.lookups = static_lookup_count(&record).count;
            let mut next_path = path.clone();
            next_path.push(domain.clone());
            let targets: Vec<(String, String)> = record
                .terms
                .iter()
                .filter_map(|t| match &t.term {
                    Term::Directive(Directive {
                        mechanism: Mechanism::Include(m),
                        ..
                    }) if m.is_literal() => Some((t.term.to_string(), m.to_string())),
                    Term::Modifier(Modifier::Redirect(m)) if m.is_literal() && !record.has_all() => {
                        Some((t.term.to_string(), m.to_string()))
                    }
                    _ => None,
                })
                .collect();
            let children = targets.into_iter().map(|(via, target)| {
                let target = target.strip_suffix('.').unwrap_or(&target).to_string();
                self.walk(target, Some(via), next_path.clone())
            });
            node.children = join_all(children).await;
            node.record = Some(record);
            node
        })
    }

    /// The addresses of `name` of both families (flattening is client-independent).
    async fn addresses(&self, name: &str) -> Result<Vec<IpAddr>, String> {
        if !is_queryable_name(name) {
            return Ok(Vec::new());
        }
        let answers = self
            .cache
            .ask_all(&[
                (name.to_string(), RecordType::A),
                (name.to_string(), RecordType::Aaaa),
            ])
            .await;
        let mut out = Vec::new();
        for (a, _) in answers {
            match a {
                Ok(rs) => out.extend(rs.iter().filter_map(|r| match r {
                    Rdata::A(a) => Some(IpAddr::V4(*a)),
                    Rdata::Aaaa(a) => Some(IpAddr::V6(*a)),
                    _ => None,
                })),
                Err(e) if e.is_void() => {}
                Err(e) => return Err(format!("{name}: {e}")),
            }
        }
        Ok(out)
    }

    /// The networks for which `node`'s record returns pass, or `Err` with the
    /// term that makes that depend on more than the client's address.
    fn pass_networks<'a>(&'a self, node: &'a LookupNode) -> NetworksFuture<'a> {
        Box::pin(async move {
            let Some(record) = &node.record else {
                return Err(node.domain.clone());
            };
            let mut nets = Vec::new();
            for t in &record.terms {
                match &t.term {
                    Term::Directive(d) if d.mechanism == Mechanism::All => {
                        if d.qualifier == Qualifier::Pass {
                            return Err(t.term.to_string());
                        }
                        return Ok(nets);
                    }
                    // An earlier non-pass term would shadow later addresses: order matters.
                    Term::Directive(d) if d.qualifier != Qualifier::Pass => return Err(t.term.to_string()),
                    Term::Directive(d) => match &d.mechanism {
                        Mechanism::Ip4 { addr, prefix } => {
                            nets.push((IpAddr::V4(*addr), prefix.unwrap_or(32)))
                        }
                        Mechanism::Ip6 { addr, prefix } => {
                            nets.push((IpAddr::V6(*addr), prefix.unwrap_or(128)))
                        }
                        Mechanism::A { domain, cidr } if domain.as_ref().is_none_or(|m| m.is_literal()) => {
                            let name = domain
                                .as_ref()
                                .map(|m| m.to_string())
                                .unwrap_or_else(|| node.domain.clone());
                            for ip in self.addresses(name.trim_end_matches('.')).await? {
                                nets.push(with_cidr(ip, *cidr));
                            }
                        }
                        Mechanism::Mx { domain, cidr } if domain.as_ref().is_none_or(|m| m.is_literal()) => {
                            let name = domain
                                .as_ref()
                                .map(|m| m.to_string())
                                .unwrap_or_else(|| node.domain.clone());
                            let hosts = match self.ask(name.trim_end_matches('.'), RecordType::Mx).await {
                                Ok(rs) => rs,
                                Err(e) if e.is_void() => Vec::new(),
                                Err(e) => return Err(format!("{name}: {e}")),
                            };
                            for r in &hosts {
                                if let Rdata::Mx(mx) = r {
                                    for ip in self.addresses(mx.exchange.as_str()).await? {
                                        nets.push(with_cidr(ip, *cidr));
                                    }
                                }
                            }
                        }
                        Mechanism::Include(_) => {
                            let via = t.term.to_string();
                            match node.child(&via) {
                                Some(child) => nets.extend(self.pass_networks(child).await?),
                                None => return Err(via),
                            }
                        }
                        _ => return Err(t.term.to_string()),
                    },
                    Term::Modifier(Modifier::Redirect(_)) => {
                        let via = t.term.to_string();
                        match node.child(&via) {
                            Some(child) => nets.extend(self.pass_networks(child).await?),
                            None => return Err(via),
                        }
                    }
                    Term::Modifier(_) => {}
                }
            }
            Ok(nets)
        })
    }
}

/// The network an address falls in under the mechanism's CIDR, host bits cleared.
fn with_cidr(ip: IpAddr, cidr: DualCidr) -> (IpAddr, u8) {
    match ip {
        IpAddr::V4(a) => {
            let p = cidr.v4.unwrap_or(32);
            let mask = if p == 0 {
                0
            } else {
                u32::MAX << (32 - u32::from(p.min(32)))
            };
            (IpAddr::V4((u32::from(a) & mask).into()), p)
        }
        IpAddr::V6(a) => {
            let p = cidr.v6.unwrap_or(128);
            let mask = if p == 0 {
                0
            } else {
                u128::MAX << (128 - u32::from(p.min(128)))
            };
            (IpAddr::V6((u128::from(a) & mask).into()), p)
        }
    }
}

fn network_term(net: &(IpAddr, u8)) -> Term {
    let (ip, p) = *net;
    let mechanism = match ip {
        IpAddr::V4(addr) => Mechanism::Ip4 {
            addr,
            prefix: (p != 32).then_some(p),
        },
        IpAddr::V6(addr) => Mechanism::Ip6 {
            addr,
            prefix: (p != 128).then_some(p),
        },
    };
    Term::Directive(Directive {
        qualifier: Qualifier::Pass,
        explicit_qualifier: false,
        mechanism,
    })
}

/// Drops duplicates and networks inside another one, keeping first-seen order.
fn dedupe(nets: Vec<(IpAddr, u8)>) -> Vec<(IpAddr, u8)> {
    let mut out: Vec<(IpAddr, u8)> = Vec::new();
    for n in &nets {
        let covered = nets
            .iter()
            .any(|m| m != n && m.1 < n.1 && in_prefix(n.0, m.0, m.1));
        if !covered && !out.contains(n) {
            out.push(*n);
        }
    }
    out
}

/// Walks the include tree of `domain`'s SPF record.
pub async fn lookup_tree(resolver: &impl Resolver, domain: &str) -> LookupNode {
    let walker = Walker {
        cache: QuestionCache::new(resolver),
    };
    walker
        .walk(domain.trim_end_matches('.').to_string(), None, Vec::new())
        .await
}

/// Suggests a flattened record for `domain`: each include whose pass set
/// depends only on the client address is replaced by the `ip4:`/`ip6:`
/// terms it resolves to today. Records longer than 450 bytes are split
/// into `_spf1.<domain>`, `_spf2.<domain>`, ... included from the main one.
pub async fn flatten(resolver: &impl Resolver, domain: &str) -> FlattenSuggestion {
    let domain = domain.trim_end_matches('.').to_string();
    let walker = Walker {
        cache: QuestionCache::new(resolver),
    };
    let tree = walker.walk(domain.clone(), None, Vec::new()).await;
    let before = tree.total_lookups();
    let mut findings = Vec::new();
    let Some(record) = tree.record.clone() else {
        findings.extend(tree.problem.clone());
        return FlattenSuggestion {
            tree,
            before,
            after: before,
            needed: before > LOOKUP_LIMIT,
            records: Vec::new(),
            findings,
        };
    };

    // Each term of the root record, with includes replaced where possible.
    let mut kept: Vec<Term> = Vec::new();
    let mut nets: Vec<(IpAddr, u8)> = Vec::new();
    let mut first_flattened: Option<usize> = None;
    for t in &record.terms {
        let flattenable = match &t.term {
            Term::Directive(d) if d.qualifier == Qualifier::Pass => {
                matches!(d.mechanism, Mechanism::Include(_))
            }
            _ => false,
        };
        if flattenable {
            let via = t.term.to_string();
            let resolved = match tree.child(&via) {
                Some(child) => walker.pass_networks(child).await,
                None => Err(via.clone()),
            };
            match resolved {
                Ok(found) => {
                    first_flattened.get_or_insert(kept.len());
                    nets.extend(found);
                    continue;
                }
                Err(why) => findings.push(
                    Finding::info(code::spf::FLATTEN_DYNAMIC, &domain, "RFC 7208 §5.2")
                        .at(t.span)
                        .arg("term", why),
                ),
            }
        }
        kept.push(t.term.clone());
    }
    let nets = dedupe(nets);
    let at = first_flattened.unwrap_or(kept.len());
    let inline: Vec<Term> = kept[..at]
        .iter()
        .cloned()
        .chain(nets.iter().map(network_term))
        .chain(kept[at..].iter().cloned())
        .collect();
    let inline_record = SpfRecord::from_terms(inline);
    let mut records = Vec::new();
    if inline_record.to_string().len() <= RECORD_ADVISORY_LEN {
        records.push(published(&domain, &inline_record));
    } else {
        // Chain: _spfN.<domain> records each holding a share of the networks.
        let mut parts: Vec<Vec<Term>> = vec![Vec::new()];
        for n in &nets {
            let term = network_term(n);
            let current = parts.last_mut().map(|p| {
                let mut probe = p.clone();
                probe.push(term.clone());
                SpfRecord::from_terms(probe).to_string().len()
            });
            if current.is_some_and(|len| len > RECORD_ADVISORY_LEN) {
                parts.push(Vec::new());
            }
            if let Some(p) = parts.last_mut() {
                p.push(term);
            }
        }
        let mut main: Vec<Term> = kept[..at].to_vec();
        for (i, part) in parts.into_iter().enumerate() {
            let name = format!("_spf{}.{domain}", i + 1);
            if let Ok(m) = super::MacroString::parse(&name, 0, super::MacroUse::DomainSpec) {
                main.push(Term::Directive(Directive {
                    qualifier: Qualifier::Pass,
                    explicit_qualifier: false,
                    mechanism: Mechanism::Include(m),
                }));
            }
            records.push(published(&name, &SpfRecord::from_terms(part)));
        }
        main.extend(kept[at..].iter().cloned());
        records.insert(0, published(&domain, &SpfRecord::from_terms(main)));
    }
    // Lookups after: the new root's own terms, plus what the terms kept from
    // the old root (includes that could not be flattened, redirect) still pull in.
    let kept_vias: Vec<String> = kept.iter().map(Term::to_string).collect();
    let after = records
        .first()
        .and_then(|r| parse_record(&r.text).ok())
        .map(|r| static_lookup_count(&r).count)
        .unwrap_or(before)
        + tree
            .children
            .iter()
            .filter(|c| c.via.as_ref().is_some_and(|v| kept_vias.contains(v)))
            .map(LookupNode::total_lookups)
            .sum::<usize>();
    // An include replaced by what it publishes today, even by nothing, is
    // a copy that goes stale when its provider changes it: the caveat goes
    // with every flattened record.
    if first_flattened.is_some() {
        findings.insert(
            0,
            Finding::info(code::spf::FLATTENED, &domain, "RFC 7208 §4.6.4")
                .arg("before", before)
                .arg("after", after),
        );
        findings.insert(
            1,
            Finding::warning(code::spf::FLATTEN_CAVEAT, &domain, "RFC 7208 §4.6.4").arg("count", nets.len()),
        );
    }
    FlattenSuggestion {
        tree,
        before,
        after,
        needed: before > LOOKUP_LIMIT,
        records,
        findings,
    }
}

fn published(name: &str, record: &SpfRecord) -> PublishedRecord {
    let text = record.to_string();
    PublishedRecord {
        name: name.to_string(),
        zone_strings: split_strings(&text),
        text,
    }
}

#[cfg(test)]
mod tests;
