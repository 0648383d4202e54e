//! `check_host()`, RFC 7208 §4–§6: is this IP allowed to send mail for
//! this domain?
//!
//! Follows §4.3 (initial processing), §4.4 (record lookup), §4.5 (record
//! selection), §4.6 (evaluation in order, limits of §4.6.4), §5 (mechanisms),
//! §6 (redirect, exp) and §7 (macros). Every question goes through a
//! per-evaluation cache, so one evaluation never asks the same question
//! twice; questions that do not depend on each other (the address lookups of
//! one `mx`, the forward lookups of one `ptr`) go out together.

use super::lookup::{is_queryable_name, is_subdomain, is_valid_initial_domain, QuestionCache};
use super::macros::{MacroEnv, MacroString, MacroUse};
use super::parse::parse_record;
use super::trace::{SpfTrace, StepKind, StepOutcome, TraceQuestion, TraceStep, LOOKUP_LIMIT, VOID_LIMIT};
use super::{is_spf_record, DualCidr, Mechanism, Modifier, Qualifier, SpfRecord, Term};
use crate::dns::{DnsError, Rdata, RecordType, Resolver};
use crate::finding::Finding;
use crate::model::{in_prefix, reverse_name};
use std::collections::HashMap;
use std::fmt;
use std::net::IpAddr;

/// The result of `check_host()` (RFC 7208 §2.6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpfResult {
    None,
    Neutral,
    Pass,
    Fail,
    SoftFail,
    TempError,
    PermError,
}

impl SpfResult {
    /// The lowercase name used in `Received-SPF` and the test suite.
    pub fn as_str(self) -> &'static str {
        match self {
            SpfResult::None => "none",
            SpfResult::Neutral => "neutral",
            SpfResult::Pass => "pass",
            SpfResult::Fail => "fail",
            SpfResult::SoftFail => "softfail",
            SpfResult::TempError => "temperror",
            SpfResult::PermError => "permerror",
        }
    }

    /// The catalogue code of the result's name (`spf.result.pass`, ...).
    pub fn code(self) -> &'static str {
        match self {
            SpfResult::None => "spf.result.none",
            SpfResult::Neutral => "spf.result.neutral",
            SpfResult::Pass => "spf.result.pass",
            SpfResult::Fail => "spf.result.fail",
            SpfResult::SoftFail => "spf.result.softfail",
            SpfResult::TempError => "spf.result.temperror",
            SpfResult::PermError => "spf.result.permerror",
        }
    }

    pub fn from_qualifier(q: Qualifier) -> SpfResult {
        match q {
            Qualifier::Pass => SpfResult::Pass,
            Qualifier::Fail => SpfResult::Fail,
            Qualifier::SoftFail => SpfResult::SoftFail,
            Qualifier::Neutral => SpfResult::Neutral,
        }
    }
}

impl fmt::Display for SpfResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the core cannot know by itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpfOptions {
    /// `%{r}`: the name of the host doing the check (RFC 7208 §7.2).
    pub receiver: String,
    /// `%{t}`: seconds since the epoch (the core has no clock).
    pub timestamp: u64,
}

impl Default for SpfOptions {
    fn default() -> Self {
        SpfOptions {
            receiver: "unknown".to_string(),
            timestamp: 0,
        }
    }
}

/// The answer of `check_host()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpfOutcome {
    pub result: SpfResult,
    /// The `exp=` text, expanded, when the result is `fail` and the domain gave one (§6.2).
    pub explanation: Option<String>,
    /// Why: a finding with a catalogue code (`spf.eval.*`, a syntax code, ...).
    pub reason: Finding,
    pub trace: SpfTrace,
}

/// `check_host(<ip>, <domain>, <sender>)` with `helo` for `%{h}` (RFC 7208 §4.1).
pub async fn check_host(
    resolver: &impl Resolver,
    ip: IpAddr,
    domain: &str,
    sender: &str,
    helo: &str,
) -> SpfOutcome {
    check_host_with(resolver, ip, domain, sender, helo, &SpfOptions::default()).await
}

/// The MAIL FROM check (RFC 7208 §2.4): the domain is the one of the
/// reverse-path, or the HELO name when the reverse-path is empty (`<>`).
pub async fn check_mail_from(
    resolver: &impl Resolver,
    ip: IpAddr,
    mail_from: &str,
    helo: &str,
) -> SpfOutcome {
    let domain = match mail_from.rsplit_once('@') {
        Some((_, d)) => d.to_string(),
        None if mail_from.is_empty() => helo.to_string(),
        None => mail_from.to_string(),
    };
    let sender = if mail_from.is_empty() {
        format!("postmaster@{helo}")
    } else {
        mail_from.to_string()
    };
    check_host(resolver, ip, &domain, &sender, helo).await
}

/// [`check_host`] with options.
pub async fn check_host_with(
    resolver: &impl Resolver,
    ip: IpAddr,
    domain: &str,
    sender: &str,
    helo: &str,
    options: &SpfOptions,
) -> SpfOutcome {
    // §5.6 / test suite: an IPv4-mapped IPv6 client is an IPv4 client.
    let ip = match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    };
    // §4.3: a sender without a local part gets "postmaster".
    let sender = match sender.rsplit_once('@') {
        Some(("", d)) => format!("postmaster@{d}"),
        Some(_) => sender.to_string(),
        None => format!("postmaster@{sender}"),
    };
    let domain = domain.strip_suffix('.').unwrap_or(domain).to_string();
    let mut ev = Evaluator {
        cache: QuestionCache::new(resolver),
        ip,
        sender,
        helo: helo.to_string(),
        options,
        trace: SpfTrace::default(),
        validated: HashMap::new(),
    };
    let top = if is_valid_initial_domain(&domain) {
        ev.check(&domain, 0).await
    } else {
        Checked::new(
            SpfResult::None,
            Finding::info("spf.eval.bad_domain", &domain, "RFC 7208 §4.3").arg("domain", &domain),
        )
    };
    let explanation = match (&top.exp, top.result) {
        (Some(src), SpfResult::Fail) => ev.explain(src).await,
        _ => None,
    };
    ev.trace.decided_by = top.decided_by;
    SpfOutcome {
        result: top.result,
        explanation,
        reason: top.reason,
        trace: ev.trace,
    }
}

/// Where the explanation of a `fail` comes from: an `exp=` and its record's domain.
#[derive(Clone, Debug)]
struct ExpSource {
    target: MacroString,
    domain: String,
}

/// The result of one (possibly nested) `check_host()`.
struct Checked {
    result: SpfResult,
    exp: Option<ExpSource>,
    reason: Finding,
    decided_by: Option<usize>,
}

impl Checked {
    fn new(result: SpfResult, reason: Finding) -> Self {
        Checked {
            result,
            exp: None,
            reason,
            decided_by: None,
        }
    }
}

/// A mechanism's verdict, or the result that ends evaluation.
enum Verdict {
    Match,
    NoMatch,
    Stop(SpfResult, Finding),
}

struct Evaluator<'a, 'r, R> {
    cache: QuestionCache<'r, R>,
    ip: IpAddr,
    sender: String,
    helo: String,
    options: &'a SpfOptions,
    trace: SpfTrace,
    /// `%{p}` per domain, computed once.
    validated: HashMap<String, String>,
}

impl<R: Resolver> Evaluator<'_, '_, R> {
    fn push_step(&mut self, depth: usize, domain: &str, kind: StepKind) -> usize {
        self.trace.steps.push(TraceStep {
            depth,
            domain: domain.to_string(),
            kind,
            questions: Vec::new(),
            lookups: self.trace.lookups,
            voids: self.trace.voids,
            outcome: StepOutcome::Pending,
            note: None,
        });
        self.trace.steps.len() - 1
    }

    fn finish_step(&mut self, step: usize, outcome: StepOutcome, note: Option<&'static str>) {
        let (lookups, voids) = (self.trace.lookups, self.trace.voids);
        if let Some(s) = self.trace.steps.get_mut(step) {
            s.outcome = outcome;
            s.note = note;
            s.lookups = lookups;
            s.voids = voids;
        }
    }

    /// Asks questions together and records them on the step.
    async fn ask(
        &mut self,
        step: usize,
        questions: &[(String, RecordType)],
    ) -> Vec<Result<Vec<Rdata>, DnsError>> {
        let answers = self.cache.ask_all(questions).await;
        let mut out = Vec::with_capacity(answers.len());
        for ((name, t), (ans, cached)) in questions.iter().zip(answers) {
            if let Some(s) = self.trace.steps.get_mut(step) {
                s.questions.push(TraceQuestion::new(name, *t, &ans, cached));
            }
            out.push(ans);
        }
        out
    }

    async fn ask_one(&mut self, step: usize, name: &str, t: RecordType) -> Result<Vec<Rdata>, DnsError> {
        let mut v = self.ask(step, &[(name.to_string(), t)]).await;
        v.pop().unwrap_or(Err(DnsError::ServFail))
    }

    fn env<'e>(&'e self, domain: &'e str, validated: &'e str) -> MacroEnv<'e> {
        MacroEnv {
            sender: &self.sender,
            domain,
            ip: self.ip,
            helo: &self.helo,
            validated_name: validated,
            receiver: &self.options.receiver,
            timestamp: self.options.timestamp,
        }
    }

    /// Expands a macro string, looking up `%{p}` first if it is used.
    async fn expand(&mut self, step: usize, m: &MacroString, domain: &str, as_domain: bool) -> String {
        let validated = if m.uses_validated_name() {
            self.validated_name(step, domain).await
        } else {
            String::new()
        };
        let env = self.env(domain, &validated);
        if as_domain {
            m.expand_domain(&env)
        } else {
            m.expand(&env)
        }
    }

    /// `%{p}` (RFC 7208 §7.3): a validated name of the client, preferring the
    /// domain itself, then a subdomain of it, else any; `unknown` if none.
    async fn validated_name(&mut self, step: usize, domain: &str) -> String {
        if let Some(v) = self.validated.get(domain) {
            return v.clone();
        }
        let names = self.validated_names(step).await;
        let pick = names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(domain))
            .or_else(|| names.iter().find(|n| is_subdomain(n, domain)))
            .or_else(|| names.first())
            .cloned()
            .unwrap_or_else(|| "unknown".to_string());
        self.validated.insert(domain.to_string(), pick.clone());
        pick
    }

    /// The PTR names of the client that resolve back to it (RFC 7208 §5.5).
    async fn validated_names(&mut self, step: usize) -> Vec<String> {
        let reverse = reverse_name(self.ip).as_str().to_string();
        match self.ask_one(step, &reverse, RecordType::Ptr).await {
            Ok(records) => self.validate_ptr_names(step, &records).await,
            Err(_) => Vec::new(),
        }
    }

    /// Of these PTR records, the names whose addresses include the client:
    /// at most 10 names looked at (§4.6.4), asked together; errors skip a name.
    async fn validate_ptr_names(&mut self, step: usize, records: &[Rdata]) -> Vec<String> {
        let t = self.address_type();
        let questions: Vec<(String, RecordType)> = records
            .iter()
            .filter_map(|r| match r {
                Rdata::Ptr(p) => Some(p.target.as_str().to_string()),
                _ => None,
            })
            .take(10)
            .filter(|n| is_queryable_name(n))
            .map(|n| (n, t))
            .collect();
        let answers = self.ask(step, &questions).await;
        questions
            .into_iter()
            .zip(answers)
            .filter(|(_, a)| {
                a.as_ref()
                    .is_ok_and(|rs| rs.iter().any(|r| address_of(r) == Some(self.ip)))
            })
            .map(|((n, _), _)| n)
            .collect()
    }

    fn address_type(&self) -> RecordType {
        match self.ip {
            IpAddr::V4(_) => RecordType::A,
            IpAddr::V6(_) => RecordType::Aaaa,
        }
    }

    /// Counts one DNS-querying term; permerror past the limit (§4.6.4).
    fn count_lookup(&mut self) -> Option<Verdict> {
        self.trace.lookups += 1;
        if self.trace.lookups > LOOKUP_LIMIT {
            return Some(Verdict::Stop(
                SpfResult::PermError,
                Finding::error("spf.eval.lookup_limit", "", "RFC 7208 §4.6.4").arg("limit", LOOKUP_LIMIT),
            ));
        }
        None
    }

    /// Counts a void lookup; permerror past the limit (§4.6.4).
    fn count_void(&mut self) -> Option<Verdict> {
        self.trace.voids += 1;
        if self.trace.voids > VOID_LIMIT {
            return Some(Verdict::Stop(
                SpfResult::PermError,
                Finding::error("spf.eval.void_limit", "", "RFC 7208 §4.6.4").arg("limit", VOID_LIMIT),
            ));
        }
        None
    }

    /// One `check_host()` on `domain` (already known to be a valid name).
    async fn check(&mut self, domain: &str, depth: usize) -> Checked {
        let step = self.push_step(depth, domain, StepKind::Record);
        // §4.4: look up TXT only (type SPF is obsolete, §3.1).
        let answer = self.ask_one(step, domain, RecordType::Txt).await;
        let records = match answer {
            Ok(rs) => rs,
            Err(e) if e.is_void() => {
                self.finish_step(
                    step,
                    StepOutcome::Result(SpfResult::None),
                    Some("spf.eval.no_record"),
                );
                return Checked::new(
                    SpfResult::None,
                    Finding::info("spf.eval.no_record", domain, "RFC 7208 §4.4").arg("domain", domain),
                );
            }
            Err(e) => {
                self.finish_step(
                    step,
                    StepOutcome::Result(SpfResult::TempError),
                    Some("spf.eval.dns_error"),
                );
                return Checked::new(SpfResult::TempError, dns_error(domain, RecordType::Txt, &e));
            }
        };
        // §4.5: keep the records that start with "v=spf1"; exactly one may.
        let spf: Vec<String> = records
            .iter()
            .filter_map(Rdata::txt_joined)
            .filter(|t| is_spf_record(t))
            .collect();
        let text = match spf.as_slice() {
            [] => {
                self.finish_step(
                    step,
                    StepOutcome::Result(SpfResult::None),
                    Some("spf.eval.no_record"),
                );
                return Checked::new(
                    SpfResult::None,
                    Finding::info("spf.eval.no_record", domain, "RFC 7208 §4.5").arg("domain", domain),
                );
            }
            [one] => one.clone(),
            many => {
                self.finish_step(
                    step,
                    StepOutcome::Result(SpfResult::PermError),
                    Some("spf.multiple_records"),
                );
                return Checked::new(
                    SpfResult::PermError,
                    Finding::error("spf.multiple_records", domain, "RFC 7208 §4.5").arg("count", many.len()),
                );
            }
        };
        // §4.6: any syntax error anywhere is a permerror before anything is evaluated.
        let record = match parse_record(&text) {
            Ok(r) => r,
            Err(e) => {
                let code = e.code();
                self.finish_step(step, StepOutcome::Result(SpfResult::PermError), Some(code));
                return Checked::new(SpfResult::PermError, e.to_finding(domain, &text));
            }
        };
        self.finish_step(step, StepOutcome::RecordFound { text: text.clone() }, None);
        let mut out = self.evaluate(&record, domain, depth).await;
        if out.decided_by.is_none() && out.result != SpfResult::Neutral {
            out.decided_by = Some(step);
        }
        out
    }

    /// §4.6.2: directives in order; the first match decides; then redirect; else neutral.
    async fn evaluate(&mut self, record: &SpfRecord, domain: &str, depth: usize) -> Checked {
        let exp = record.exp().map(|m| ExpSource {
            target: m.clone(),
            domain: domain.to_string(),
        });
        for t in &record.terms {
            let Term::Directive(d) = &t.term else { continue };
            let step = self.push_step(
                depth,
                domain,
                StepKind::Term {
                    text: t.term.to_string(),
                    span: t.span,
                },
            );
            let verdict = self.mechanism(step, &d.mechanism, domain, depth).await;
            match verdict {
                Verdict::Match => {
                    let result = SpfResult::from_qualifier(d.qualifier);
                    self.finish_step(step, StepOutcome::Matched, None);
                    let reason = Finding::info("spf.eval.matched", domain, "RFC 7208 §4.6.2")
                        .at(t.span)
                        .arg("term", &t.term)
                        .arg("result", result);
                    return Checked {
                        result,
                        exp,
                        reason,
                        decided_by: Some(step),
                    };
                }
                Verdict::NoMatch => self.finish_step(step, StepOutcome::NotMatched, None),
                Verdict::Stop(result, reason) => {
                    let reason = if reason.subject.is_empty() {
                        Finding {
                            subject: domain.to_string(),
                            span: Some(t.span),
                            ..reason
                        }
                    } else {
                        reason
                    };
                    self.finish_step(step, StepOutcome::Result(result), Some(reason.code));
                    return Checked {
                        result,
                        exp: None,
                        reason,
                        decided_by: Some(step),
                    };
                }
            }
        }
        // §6.1: redirect applies when no mechanism matched and there is no "all".
        let redirect = record.terms.iter().find_map(|t| match &t.term {
            Term::Modifier(Modifier::Redirect(target)) => Some((t, target)),
            _ => None,
        });
        if let Some((rt, target)) = redirect {
            let step = self.push_step(
                depth,
                domain,
                StepKind::Redirect {
                    text: rt.term.to_string(),
                    span: rt.span,
                },
            );
            if record.has_all() {
                self.finish_step(step, StepOutcome::Skipped, Some("spf.redirect_with_all"));
            } else {
                if let Some(Verdict::Stop(result, reason)) = self.count_lookup() {
                    let reason = Finding {
                        subject: domain.to_string(),
                        span: Some(rt.span),
                        ..reason
                    };
                    self.finish_step(step, StepOutcome::Result(result), Some(reason.code));
                    return Checked {
                        result,
                        exp: None,
                        reason,
                        decided_by: Some(step),
                    };
                }
                let name = self.expand(step, target, domain, true).await;
                let inner = if is_valid_initial_domain(&name) {
                    Box::pin(self.check(&name, depth + 1)).await
                } else {
                    Checked::new(
                        SpfResult::None,
                        Finding::info("spf.eval.bad_domain", &name, "RFC 7208 §4.3"),
                    )
                };
                // §6.1: if the redirect target has no SPF record, the result is permerror.
                if inner.result == SpfResult::None {
                    self.finish_step(
                        step,
                        StepOutcome::Result(SpfResult::PermError),
                        Some("spf.eval.redirect_none"),
                    );
                    let reason = Finding::error("spf.eval.redirect_none", domain, "RFC 7208 §6.1")
                        .at(rt.span)
                        .arg("target", &name);
                    return Checked {
                        result: SpfResult::PermError,
                        exp: None,
                        reason,
                        decided_by: Some(step),
                    };
                }
                self.finish_step(step, StepOutcome::Result(inner.result), None);
                // §6.2: the explanation is the redirect target's, not ours.
                return Checked {
                    decided_by: inner.decided_by.or(Some(step)),
                    ..inner
                };
            }
        }
        // §4.7: no match, no redirect: neutral.
        Checked::new(
            SpfResult::Neutral,
            Finding::info("spf.eval.default_neutral", domain, "RFC 7208 §4.7").arg("domain", domain),
        )
    }

    async fn target(&mut self, step: usize, spec: Option<&MacroString>, domain: &str) -> String {
        match spec {
            Some(m) => self.expand(step, m, domain, true).await,
            None => domain.to_string(),
        }
    }

    async fn mechanism(&mut self, step: usize, m: &Mechanism, domain: &str, depth: usize) -> Verdict {
        if m.counts_as_lookup() {
            if let Some(v) = self.count_lookup() {
                return v;
            }
        }
        match m {
            Mechanism::All => Verdict::Match,
            Mechanism::Ip4 { addr, prefix } => match self.ip {
                IpAddr::V4(ip) => {
                    bool_verdict(in_prefix(IpAddr::V4(ip), IpAddr::V4(*addr), prefix.unwrap_or(32)))
                }
                IpAddr::V6(_) => Verdict::NoMatch,
            },
            Mechanism::Ip6 { addr, prefix } => match self.ip {
                IpAddr::V6(ip) => bool_verdict(in_prefix(
                    IpAddr::V6(ip),
                    IpAddr::V6(*addr),
                    prefix.unwrap_or(128),
                )),
                IpAddr::V4(_) => Verdict::NoMatch,
            },
            Mechanism::A { domain: spec, cidr } => {
                let target = self.target(step, spec.as_ref(), domain).await;
                self.mech_a(step, &target, *cidr).await
            }
            Mechanism::Mx { domain: spec, cidr } => {
                let target = self.target(step, spec.as_ref(), domain).await;
                self.mech_mx(step, &target, *cidr).await
            }
            Mechanism::Ptr(spec) => {
                let target = self.target(step, spec.as_ref(), domain).await;
                self.mech_ptr(step, &target).await
            }
            Mechanism::Exists(spec) => {
                let target = self.expand(step, spec, domain, true).await;
                if !is_queryable_name(&target) {
                    return Verdict::NoMatch;
                }
                // §5.7: always an A query, whatever the client's address family.
                match self.ask_one(step, &target, RecordType::A).await {
                    Ok(_) => Verdict::Match,
                    Err(e) if e.is_void() => self.count_void().unwrap_or(Verdict::NoMatch),
                    Err(e) => Verdict::Stop(SpfResult::TempError, dns_error(&target, RecordType::A, &e)),
                }
            }
            Mechanism::Include(spec) => {
                let target = self.expand(step, spec, domain, true).await;
                let inner = if is_valid_initial_domain(&target) {
                    Box::pin(self.check(&target, depth + 1)).await
                } else {
                    Checked::new(
                        SpfResult::None,
                        Finding::info("spf.eval.bad_domain", &target, "RFC 7208 §4.3"),
                    )
                };
                // §5.2 table.
                match inner.result {
                    SpfResult::Pass => Verdict::Match,
                    SpfResult::Fail | SpfResult::SoftFail | SpfResult::Neutral => Verdict::NoMatch,
                    SpfResult::TempError => Verdict::Stop(SpfResult::TempError, inner.reason),
                    SpfResult::PermError => Verdict::Stop(SpfResult::PermError, inner.reason),
                    SpfResult::None => Verdict::Stop(
                        SpfResult::PermError,
                        Finding::error("spf.eval.include_none", domain, "RFC 7208 §5.2")
                            .arg("target", &target),
                    ),
                }
            }
        }
    }

    /// §5.3: the addresses of the target, of the client's family, against the CIDR.
    async fn mech_a(&mut self, step: usize, target: &str, cidr: DualCidr) -> Verdict {
        if !is_queryable_name(target) {
            return Verdict::NoMatch;
        }
        let t = self.address_type();
        match self.ask_one(step, target, t).await {
            Ok(records) => bool_verdict(records.iter().any(|r| self.addr_matches(r, cidr))),
            Err(e) if e.is_void() => self.count_void().unwrap_or(Verdict::NoMatch),
            Err(e) => Verdict::Stop(SpfResult::TempError, dns_error(target, t, &e)),
        }
    }

    /// §5.4: the MX hosts of the target (at most 10, §4.6.4), their addresses asked together.
    async fn mech_mx(&mut self, step: usize, target: &str, cidr: DualCidr) -> Verdict {
        if !is_queryable_name(target) {
            return Verdict::NoMatch;
        }
        let records = match self.ask_one(step, target, RecordType::Mx).await {
            Ok(rs) => rs,
            Err(e) if e.is_void() => return self.count_void().unwrap_or(Verdict::NoMatch),
            Err(e) => return Verdict::Stop(SpfResult::TempError, dns_error(target, RecordType::Mx, &e)),
        };
        if records.len() > 10 {
            return Verdict::Stop(
                SpfResult::PermError,
                Finding::error("spf.eval.mx_limit", target, "RFC 7208 §4.6.4").arg("count", records.len()),
            );
        }
        let t = self.address_type();
        let mut hosts: Vec<(String, RecordType)> = Vec::new();
        for r in &records {
            if let Rdata::Mx(mx) = r {
                let host = mx.exchange.as_str();
                // A null MX (RFC 7505, ".") has no addresses.
                if is_queryable_name(host) && !hosts.iter().any(|(h, _)| h.eq_ignore_ascii_case(host)) {
                    hosts.push((host.to_string(), t));
                }
            }
        }
        let answers = self.ask(step, &hosts).await;
        for ((host, _), ans) in hosts.iter().zip(answers) {
            match ans {
                Ok(rs) if rs.iter().any(|r| self.addr_matches(r, cidr)) => return Verdict::Match,
                Ok(_) => {}
                Err(e) if e.is_void() => {}
                Err(e) => return Verdict::Stop(SpfResult::TempError, dns_error(host, t, &e)),
            }
        }
        Verdict::NoMatch
    }

    /// §5.5: a validated PTR name equal to or under the target.
    async fn mech_ptr(&mut self, step: usize, target: &str) -> Verdict {
        let reverse = reverse_name(self.ip).as_str().to_string();
        match self.ask_one(step, &reverse, RecordType::Ptr).await {
            Ok(records) => {
                let names = self.validate_ptr_names(step, &records).await;
                bool_verdict(
                    names
                        .iter()
                        .any(|n| n.eq_ignore_ascii_case(target) || is_subdomain(n, target)),
                )
            }
            Err(e) if e.is_void() => self.count_void().unwrap_or(Verdict::NoMatch),
            // §5.5: a DNS error on the PTR lookup means no match.
            Err(_) => Verdict::NoMatch,
        }
    }

    fn addr_matches(&self, r: &Rdata, cidr: DualCidr) -> bool {
        match (address_of(r), self.ip) {
            (Some(a @ IpAddr::V4(_)), IpAddr::V4(_)) => in_prefix(self.ip, a, cidr.v4.unwrap_or(32)),
            (Some(a @ IpAddr::V6(_)), IpAddr::V6(_)) => in_prefix(self.ip, a, cidr.v6.unwrap_or(128)),
            _ => false,
        }
    }

    /// §6.2: the explanation text, or `None` if anything about it fails.
    async fn explain(&mut self, src: &ExpSource) -> Option<String> {
        let step = self.push_step(
            0,
            &src.domain,
            StepKind::Explanation {
                text: format!("exp={}", src.target),
            },
        );
        let name = self.expand(step, &src.target, &src.domain, true).await;
        if !is_queryable_name(&name) {
            self.finish_step(step, StepOutcome::Skipped, Some("spf.eval.exp_ignored"));
            return None;
        }
        let records = match self.ask_one(step, &name, RecordType::Txt).await {
            Ok(rs) if rs.len() == 1 => rs,
            _ => {
                self.finish_step(step, StepOutcome::Skipped, Some("spf.eval.exp_ignored"));
                return None;
            }
        };
        let text = records.first().and_then(Rdata::txt_joined)?;
        // §6.2: explanation text is 7-bit ASCII; a syntax error means no explanation.
        let parsed = if text.is_ascii() {
            MacroString::parse(&text, 0, MacroUse::Explanation).ok()
        } else {
            None
        };
        let Some(m) = parsed else {
            self.finish_step(step, StepOutcome::Skipped, Some("spf.eval.exp_ignored"));
            return None;
        };
        let out = self.expand(step, &m, &src.domain, false).await;
        self.finish_step(step, StepOutcome::RecordFound { text: out.clone() }, None);
        Some(out)
    }
}

fn bool_verdict(b: bool) -> Verdict {
    if b {
        Verdict::Match
    } else {
        Verdict::NoMatch
    }
}

fn dns_error(name: &str, t: RecordType, e: &DnsError) -> Finding {
    Finding::error("spf.eval.dns_error", name, "RFC 7208 §5")
        .arg("name", name)
        .arg("type", t)
        .arg("error", e)
}

fn address_of(r: &Rdata) -> Option<IpAddr> {
    match r {
        Rdata::A(a) => Some(IpAddr::V4(*a)),
        Rdata::Aaaa(a) => Some(IpAddr::V6(*a)),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
