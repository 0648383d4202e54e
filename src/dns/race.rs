//! The pure half of the first-use race: the page asks each preset
//! ([`Preset::ALL`]) the same harmless question, times the answers, and
//! [`choose_resolver`] picks the fastest that answered correctly, saying
//! which and why. From mainland China that is AliDNS or DNSPod, where
//! Google's endpoint is blocked (RFC 8484 §3: the client chooses its DoH
//! server by configuration).

use super::preset::Preset;
use super::{Answer, DnsError, RecordType};
use crate::finding::Finding;
use crate::i18n::code;
use serde::{Deserialize, Serialize};
use std::net::Ipv4Addr;

/// The race question: the A record of a name reserved by IANA (RFC 2606
/// §3), answered by every public resolver, in China too, and harmless.
pub const PROBE_NAME: &str = "example.com";
/// The type of the race question.
pub const PROBE_TYPE: RecordType = RecordType::A;

/// What one resolver did with the race question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProbeResult {
    pub preset: Preset,
    /// Time from asking to the answer, measured by the caller.
    pub elapsed_ms: u32,
    pub outcome: Result<Answer, DnsError>,
}

/// Why a resolver's answer to the race question is not right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProbeFault {
    /// It failed (the error says how).
    Failed(DnsError),
    /// It answered with an address no public name has: something on the
    /// path rewrites DNS (a "fake-IP" proxy, a hijacking resolver).
    Bogus(Ipv4Addr),
}

/// Checks an answer to the race question: at least one A record, and
/// none in a special-purpose range (RFC 6890 §2.2.2) where a public name
/// never points.
pub fn check_probe(outcome: &Result<Answer, DnsError>) -> Result<(), ProbeFault> {
    let answer = outcome.as_ref().map_err(|e| ProbeFault::Failed(e.clone()))?;
    let mut any = false;
    for ip in answer.ipv4() {
        any = true;
        if is_special(ip) {
            return Err(ProbeFault::Bogus(ip));
        }
    }
    if any {
        Ok(())
    } else {
        Err(ProbeFault::Failed(DnsError::NoData))
    }
}

/// RFC 6890 §2.2.2 special-purpose IPv4 blocks (0/8, 10/8, 100.64/10,
/// 127/8, 169.254/16, 172.16/12, 192.0.0/24, the documentation nets,
/// 192.168/16, 198.18/15 (where fake-IP proxies answer from), and 240/4
/// with broadcast), plus multicast 224/4 (RFC 5771).
fn is_special(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    ip.is_unspecified()
        || ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0
        || a >= 240
        || (a == 100 && (64..128).contains(&b))
        || (a == 192 && b == 0 && c == 0)
        || (a == 198 && (b == 18 || b == 19))
}

/// The result of the race.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaceOutcome {
    /// The resolver to use, if any answered correctly.
    pub chosen: Option<Preset>,
    /// First the choice (`dns.resolver.chosen`) or its absence
    /// (`dns.resolver.none`), then one finding per resolver that failed.
    pub findings: Vec<Finding>,
}

/// The RFC cited by the race findings: choosing a DoH server.
const RFC: &str = "RFC 8484 §3";

/// Picks the resolver that answered the race question correctly in the
/// least time; ties go to the earlier preset. May be called with the
/// results received so far: absent presets simply do not compete.
pub fn choose_resolver(results: &[ProbeResult]) -> RaceOutcome {
    let rank = |p: Preset| Preset::ALL.iter().position(|q| *q == p).unwrap_or(usize::MAX);
    let mut ranked: Vec<(usize, &ProbeResult, Preset)> =
        results.iter().map(|r| (rank(r.preset), r, r.preset)).collect();
    ranked.sort_by_key(|(i, r, _)| (r.elapsed_ms, *i));
    let mut chosen: Option<(&ProbeResult, Preset)> = None;
    let mut rejected = Vec::new();
    for (_, r, p) in &ranked {
        match check_probe(&r.outcome) {
            Ok(()) if chosen.is_none() => chosen = Some((r, *p)),
            Ok(()) => {}
            Err(ProbeFault::Failed(e)) => rejected.push(
                Finding::info(code::dns::RESOLVER_PROBE_FAILED, p.name(), RFC)
                    .arg("resolver", p.name())
                    .arg("error", e.code())
                    .arg("reason", e.code())
                    .arg("detail", &e)
                    .arg("ms", r.elapsed_ms),
            ),
            Err(ProbeFault::Bogus(ip)) => rejected.push(
                Finding::warning(code::dns::RESOLVER_PROBE_BOGUS, p.name(), RFC)
                    .arg("resolver", p.name())
                    .arg("address", ip),
            ),
        }
    }
    let head = match chosen {
        Some((r, p)) => Finding::info(code::dns::RESOLVER_CHOSEN, p.name(), RFC)
            .arg("resolver", p.name())
            .arg("url", p.url())
            .arg("ms", r.elapsed_ms)
            .arg("tried", ranked.len()),
        None => Finding::error(code::dns::RESOLVER_NONE, "DNS-over-HTTPS", RFC).arg("tried", ranked.len()),
    };
    let mut findings = vec![head];
    findings.extend(rejected);
    RaceOutcome {
        chosen: chosen.map(|(_, p)| p),
        findings,
    }
}

/// Every code this module can emit.
pub const CODES: [&str; 4] = [
    code::dns::RESOLVER_CHOSEN,
    code::dns::RESOLVER_NONE,
    code::dns::RESOLVER_PROBE_FAILED,
    code::dns::RESOLVER_PROBE_BOGUS,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::Rdata;

    fn a(ips: &[[u8; 4]]) -> Result<Answer, DnsError> {
        Ok(Answer::new(ips.iter().map(|ip| Rdata::A((*ip).into())).collect()))
    }

    fn probe(preset: Preset, ms: u32, outcome: Result<Answer, DnsError>) -> ProbeResult {
        ProbeResult {
            preset,
            elapsed_ms: ms,
            outcome,
        }
    }

    #[test]
    fn codes_are_catalogued() {
        for code in CODES {
            assert!(crate::i18n::lookup(code).is_some(), "{code} not in catalogue");
        }
    }

    #[test]
    fn probe_checks() {
        let cases: [(Result<Answer, DnsError>, Result<(), ProbeFault>); 7] = [
            (a(&[[93, 184, 215, 14]]), Ok(())),
            (a(&[]), Err(ProbeFault::Failed(DnsError::NoData))),
            (Err(DnsError::Timeout), Err(ProbeFault::Failed(DnsError::Timeout))),
            (
                a(&[[198, 18, 0, 7]]),
                Err(ProbeFault::Bogus([198, 18, 0, 7].into())),
            ),
            (
                a(&[[93, 184, 215, 14], [127, 0, 0, 1]]),
                Err(ProbeFault::Bogus([127, 0, 0, 1].into())),
            ),
            (a(&[[0, 0, 0, 0]]), Err(ProbeFault::Bogus([0, 0, 0, 0].into()))),
            (
                a(&[[100, 100, 1, 1]]),
                Err(ProbeFault::Bogus([100, 100, 1, 1].into())),
            ),
        ];
        for (outcome, want) in cases {
            assert_eq!(check_probe(&outcome), want, "{outcome:?}");
        }
    }

    #[test]
    fn fastest_correct_wins() {
        let results = [
            probe(Preset::Google, 900, Err(DnsError::Timeout)),
            probe(Preset::Cloudflare, 40, a(&[[10, 0, 0, 1]])),
            probe(Preset::DnsPod, 120, a(&[[93, 184, 215, 14]])),
            probe(Preset::AliDns, 120, a(&[[93, 184, 215, 14]])),
        ];
        let out = choose_resolver(&results);
        // Tie at 120 ms: AliDNS comes first in PRESETS.
        assert_eq!(out.chosen, Some(Preset::AliDns));
        let head = &out.findings[0];
        assert_eq!(head.code, code::dns::RESOLVER_CHOSEN);
        assert_eq!(head.get_arg("resolver"), Some("AliDNS"));
        assert_eq!(head.get_arg("ms"), Some("120"));
        assert_eq!(head.get_arg("tried"), Some("4"));
        let rest: Vec<(&str, Option<&str>)> = out.findings[1..]
            .iter()
            .map(|f| (f.code, f.get_arg("resolver")))
            .collect();
        assert_eq!(
            rest,
            [
                (code::dns::RESOLVER_PROBE_BOGUS, Some("Cloudflare")),
                (code::dns::RESOLVER_PROBE_FAILED, Some("Google")),
            ]
        );
        assert_eq!(out.findings[1].get_arg("address"), Some("10.0.0.1"));
        assert_eq!(out.findings[2].get_arg("error"), Some(code::dns::TIMEOUT));
    }

    #[test]
    fn none_answered() {
        let out = choose_resolver(&[
            probe(Preset::AliDns, 5000, Err(DnsError::Timeout)),
            probe(Preset::Google, 30, Err(DnsError::Transport("CORS".into()))),
        ]);
        assert_eq!(out.chosen, None);
        assert_eq!(out.findings[0].code, code::dns::RESOLVER_NONE);
        assert_eq!(out.findings[0].severity, crate::finding::Severity::Error);
        assert_eq!(out.findings.len(), 3);
        let empty = choose_resolver(&[]);
        assert_eq!((empty.chosen, empty.findings.len()), (None, 1));
    }
}
