//! Fault monotonicity: a failed DNS question may take certainty away from a
//! report, never add a problem to it or hide one (issue 14).
//!
//! Every scenario zone of `tests/zones/` is loaded into one in-memory zone
//! (they refer to one another: the SPF include chain, the reverse zones).
//! For each zone's domain (with a typed DKIM selector list, with the common
//! selectors guessed, and with server addresses given) the audit runs once
//! without faults; then once for
//! every question that run asked, with only that question failing, once per
//! failure kind (timeout, SERVFAIL, transport error, unreadable answer); then
//! with seeded random sets of 2 to 4 failing questions. The same is done for
//! the plan verification of each zone, its own records as the plan. Each
//! faulted report
//! is held against the fault-free one:
//!
//! - (a) every error or warning in it is in the fault-free report too, same
//!   code and subject, no less severe there: a fault never adds a problem;
//! - (b) every area whose fault-free verdict rested on a failed question
//!   (the answers it shows) says "could not check" / "not checked", and is
//!   never OK or mere warnings;
//! - (c) every error or warning of the fault-free report is still there, or
//!   its area says "could not check" / "not checked": a fault never silently
//!   removes a problem;
//! - (d) a number that differs from the fault-free one is marked as a lower
//!   bound (`bound = at_least`), no larger than the true one, and names the
//!   failed question (`failed`): no number resting on a failed question is
//!   stated as exact.
//!
//! Prints `fault monotonicity: N passed, M failed`, one case per faulted
//! report, and the scenario, failed questions and offending finding of each
//! violation; exits non-zero on any (a plain `main`, `harness = false`).

mod common;

use common::{load_zones_with_records, request, Faulty, Question};
use futures::executor::block_on;
use maildns::check::{audit, is_unknown, verify_plan, Area, AreaStatus, Report};
use maildns::dns::memory::MemoryZone;
use maildns::dns::DnsError;
use maildns::finding::{Finding, Severity};
use maildns::model::Record;
use std::collections::{BTreeSet, HashMap};

/// Random sets of failing questions per zone.
const RANDOM_SETS: usize = 200;

/// xorshift64*: a fixed-seed source of choices, so every run tries the same sets.
struct Choices(u64);

impl Choices {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn kinds() -> [DnsError; 4] {
    [
        DnsError::Timeout,
        DnsError::ServFail,
        DnsError::Transport("connection reset".into()),
        DnsError::Malformed("unreadable answer".into()),
    ]
}

fn is_problem(f: &Finding) -> bool {
    f.severity >= Severity::Warning && !is_unknown(f)
}

/// The area says it could not check (status, or a could-not-check finding
/// beside an error that is known for sure).
fn says_unknown(report: &Report, area: Area) -> bool {
    report.area(area).is_some_and(|a| {
        matches!(a.status, AreaStatus::CouldNotCheck(_)) || a.findings.iter().any(is_unknown)
    })
}

fn area_of(report: &Report, f: &Finding) -> Option<Area> {
    report
        .areas
        .iter()
        .find(|a| a.findings.iter().any(|g| std::ptr::eq(g, f)))
        .map(|a| a.area)
}

fn show(f: &Finding) -> String {
    format!("{} {:?} {} {:?}", f.code, f.severity, f.subject, f.args)
}

/// The violations of (a)–(d) of `faulted` against `clean`.
fn violations(clean: &Report, faulted: &Report, failed: &BTreeSet<Question>) -> Vec<String> {
    let mut out = Vec::new();
    // (a) no problem added.
    for f in faulted.findings().filter(|f| is_problem(f)) {
        let known = clean
            .findings()
            .any(|g| g.code == f.code && g.subject == f.subject && g.severity >= f.severity);
        if !known {
            out.push(format!("(a) added: {}", show(f)));
        }
    }
    // (b) an area resting on a failed answer is not OK.
    for a in &clean.areas {
        let rests = a
            .answers
            .iter()
            .any(|x| failed.contains(&(x.name.clone(), x.rtype)));
        if rests && !says_unknown(faulted, a.area) {
            let status = faulted.area(a.area).map(|x| x.status.clone());
            out.push(format!(
                "(b) {:?} rests on a failed answer, status {status:?}",
                a.area
            ));
        }
    }
    // (c) no problem silently removed.
    for f in clean.findings().filter(|f| is_problem(f)) {
        let kept = faulted
            .findings()
            .any(|g| g.code == f.code && g.subject == f.subject);
        let area = area_of(clean, f);
        if !kept && !area.is_some_and(|a| says_unknown(faulted, a)) {
            out.push(format!("(c) removed: {} (area {area:?})", show(f)));
        }
    }
    // (d) numbers from failed answers are lower bounds naming the failure.
    for f in faulted.findings() {
        let Some(g) = clean
            .findings()
            .find(|g| g.code == f.code && g.subject == f.subject)
        else {
            continue;
        };
        for (k, v) in &f.args {
            let (Ok(n), Some(Ok(m))) = (v.parse::<u64>(), g.get_arg(k).map(str::parse::<u64>)) else {
                continue;
            };
            if n == m {
                continue;
            }
            let bound = f.get_arg("bound") == Some("at_least") && n <= m;
            let named = f.get_arg("failed").is_some_and(|q| !q.is_empty());
            if !bound || !named {
                out.push(format!(
                    "(d) {k} = {n} (fault-free {m}) stated as exact: {}",
                    show(f)
                ));
            }
        }
    }
    out
}

struct Tally {
    passed: usize,
    failed: usize,
    shown: usize,
    /// Violations by kind, for a short summary when some fail.
    kinds: std::collections::BTreeMap<String, (usize, String)>,
}

impl Tally {
    fn case(&mut self, scenario: &str, failing: &HashMap<Question, DnsError>, v: Vec<String>) {
        if v.is_empty() {
            self.passed += 1;
            return;
        }
        self.failed += 1;
        for line in &v {
            let kind: String = line
                .split(':')
                .next()
                .unwrap_or("")
                .chars()
                .filter(|c| !c.is_ascii_digit())
                .collect();
            let e = self
                .kinds
                .entry(kind)
                .or_insert((0, format!("{scenario}: {line}")));
            e.0 += 1;
        }
        if self.shown < 10 {
            self.shown += 1;
            let mut qs: Vec<String> = failing
                .iter()
                .map(|((n, t), e)| format!("{n}/{t}={}", e.code()))
                .collect();
            qs.sort();
            eprintln!("FAIL {scenario} [{}]", qs.join(", "));
            for line in v {
                eprintln!("    {line}");
            }
        }
    }
}

/// The DKIM selectors of the two audits per zone: the zones' own selector
/// and one no zone publishes (so a missing key is in the fault-free report),
/// then none (the common selectors are guessed).
const SELECTOR_SETS: [&[&str]; 2] = [&["s202611", "mail"], &[]];

/// What one case runs: the audit with these DKIM selectors, or the plan
/// verification of these records (which audits the planned domain too).
#[derive(Clone, Copy)]
enum Run<'a> {
    Audit(&'a [&'a str]),
    /// The audit with the reference domain's server addresses given too
    /// (their reverse DNS and SPF are checked beside the MX hosts').
    AuditWithServers,
    Plan(&'a [Record]),
}

/// Server addresses for [`Run::AuditWithServers`]: the reference mail host's.
const SERVERS: [&str; 2] = ["185.47.112.10", "2a0e:97c0:38f::a"];

fn run(
    zone: &MemoryZone,
    domain: &str,
    what: Run<'_>,
    failing: HashMap<Question, DnsError>,
) -> (Report, BTreeSet<Question>) {
    let r = Faulty::new(zone, failing);
    let report = match what {
        Run::Audit(selectors) => block_on(audit(&r, &request(domain, selectors))),
        Run::AuditWithServers => {
            let mut req = request(domain, &["s202611"]);
            req.server_ips = SERVERS.iter().filter_map(|ip| ip.parse().ok()).collect();
            block_on(audit(&r, &req))
        }
        Run::Plan(records) => block_on(verify_plan(&r, records)),
    };
    let asked = r.asked.into_inner();
    (report, asked)
}

fn main() {
    let (zone, plans) = load_zones_with_records();
    let mut tally = Tally {
        passed: 0,
        failed: 0,
        shown: 0,
        kinds: Default::default(),
    };
    let mut choices = Choices(0x9e37_79b9_7f4a_7c15);
    let runs = plans.iter().flat_map(|(domain, records)| {
        let audits = SELECTOR_SETS.iter().map(|s| Run::Audit(s));
        audits
            .chain([Run::AuditWithServers, Run::Plan(records.as_slice())])
            .map(move |what| (domain, what))
    });
    for (domain, what) in runs {
        let (clean, asked) = run(&zone, domain, what, HashMap::new());
        assert!(
            !clean
                .findings()
                .any(|f| f.code == "check.could_not_check" || f.code == "check.not_checked"),
            "{domain}: the fault-free run has a failed question"
        );
        let questions: Vec<Question> = asked.into_iter().collect();
        let mut check = |failing: HashMap<Question, DnsError>| {
            let (faulted, _) = run(&zone, domain, what, failing.clone());
            let failed: BTreeSet<Question> = failing.keys().cloned().collect();
            let v = violations(&clean, &faulted, &failed);
            let label = match what {
                Run::Audit(s) => format!("{domain} (audit, selectors {s:?})"),
                Run::AuditWithServers => format!("{domain} (audit, server addresses {SERVERS:?})"),
                Run::Plan(_) => format!("{domain} (plan verification)"),
            };
            tally.case(&label, &failing, v);
        };
        for q in &questions {
            for kind in kinds() {
                check(HashMap::from([(q.clone(), kind)]));
            }
        }
        for _ in 0..RANDOM_SETS {
            let k = 2 + choices.below(3);
            let mut failing = HashMap::new();
            while failing.len() < k.min(questions.len()) {
                let q = questions[choices.below(questions.len())].clone();
                let kind = kinds()[choices.below(4)].clone();
                failing.insert(q, kind);
            }
            check(failing);
        }
    }
    for (kind, (n, example)) in &tally.kinds {
        eprintln!("{n:6} {kind}\n         e.g. {example}");
    }
    println!(
        "fault monotonicity: {} passed, {} failed",
        tally.passed, tally.failed
    );
    if tally.failed > 0 {
        eprintln!("a fault added, hid or overstated something (see above)");
        std::process::exit(1);
    }
}
