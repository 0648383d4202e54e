//! The mail-host chain of an audit: MX → each host's addresses (and whether
//! it is an alias, and its TLSA) → each address's PTR → the PTR target's
//! addresses (forward-confirmed reverse DNS), with the SPF evaluation of
//! every address beside the PTR checks. Only these steps wait for one
//! another; everything at one step goes out together.
//!
//! - RFC 5321 §5.1: MX targets are host names with address records.
//! - RFC 7505 §3: a null MX (`0 .`) says the domain takes no mail.
//! - RFC 2181 §10.3: an MX target must not be an alias.
//! - RFC 8601 §3 / FCrDNS (RFC 1912 §2.1): a sending host's PTR names a host
//!   whose address records lead back to it; receivers check this.
//! - RFC 7208 §2.4: the receiver runs `check_host()` for the client address.
//! - RFC 7672 §2.2: TLSA records for SMTP live at `_25._tcp.<mx host>`.

use super::cache::{Asked, Chained, RunCache};
use super::{could_not_check, void_word, Area, AreaBuilder, NOT_CHECKED_NO_HOST, NO_MAIL_HOST_REASON};
use crate::dns::{DnsError, Rdata, RecordType, Resolver};
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::mx::{lint_mx_set, target_cname_finding};
use crate::model::name::NameError;
use crate::model::{reverse_name, Mx, Name, Txt};
use crate::spf::{check_host, AddressTrace, SpfResult};
use futures::future::{join, join4, join_all};
use std::net::IpAddr;

/// What the mail-host chain found.
pub(crate) struct MailHosts {
    pub mx: AreaBuilder,
    pub addresses: AreaBuilder,
    pub ptr: AreaBuilder,
    pub tlsa: AreaBuilder,
    /// `check_host()` findings for the MX and server addresses.
    pub spf: AreaBuilder,
    /// The MX hosts (not the null MX), in MX order.
    pub mx_hosts: Vec<Name>,
    /// The MX question, for the DNSSEC verdict.
    pub mx_asked: Asked,
    pub tlsa_found: bool,
}

/// One address to check, with the host it belongs to and its depth.
struct Address {
    ip: IpAddr,
    /// The MX host, or `None` for a server address given by the user.
    host: Option<Name>,
    /// False when the host's alias question failed: the name its PTR
    /// should carry (the canonical one) is unknown.
    host_sure: bool,
    depth: usize,
}

/// What steps 1 and 2 found: the MX answer and hosts, their addresses,
/// alias check and TLSA.
struct HostAddresses {
    mx: AreaBuilder,
    addresses: AreaBuilder,
    tlsa: AreaBuilder,
    hosts: Vec<Name>,
    mx_asked: Asked,
    /// The hosts' A and AAAA answers: which addresses the reverse DNS and
    /// SPF verdicts cover rests on them.
    address_asked: Vec<Asked>,
    /// The hosts' alias questions: the name a PTR should carry rests on them.
    ptr_asked: Vec<Asked>,
    to_check: Vec<Address>,
    tlsa_found: bool,
}

/// The host's addresses of one family; as soon as they come, each address's
/// reverse DNS (PTR, then forward confirmation) and SPF questions leave, not
/// waiting for the other family or the other hosts. The verdicts are made
/// later from the run cache; these runs only ask.
async fn addresses_then_reverse<R: Resolver>(
    cache: &RunCache<'_, R>,
    domain: &Name,
    host: &Name,
    family: RecordType,
    after: usize,
) -> Asked {
    let asked = cache.ask(host.as_str(), family, after).await;
    if let Ok(answer) = &asked.result {
        let ips = answer.records.iter().filter_map(|r| match r {
            Rdata::A(v4) => Some(IpAddr::V4(*v4)),
            Rdata::Aaaa(v6) => Some(IpAddr::V6(*v6)),
            _ => None,
        });
        join_all(ips.map(|ip| {
            join(
                check_reverse(cache, ip, host.clone(), true, asked.depth),
                check_spf_for(cache, domain, ip, host.clone(), asked.depth, true),
            )
        }))
        .await;
    }
    asked
}

/// Step 1, the MX question; step 2, each host's addresses, alias check and
/// TLSA, all at once.
async fn host_addresses<R: Resolver>(cache: &RunCache<'_, R>, domain: &Name) -> HostAddresses {
    let mut mx = AreaBuilder::new(Area::Mx);
    let mut addresses = AreaBuilder::new(Area::Addresses);
    let mut tlsa = AreaBuilder::new(Area::Tlsa);
    let d = domain.as_str();
    let mx_asked = cache.ask(d, RecordType::Mx, 0).await;
    let mut hosts: Vec<Name> = Vec::new();
    let mut literals: Vec<IpAddr> = Vec::new();
    match mx.records(&mx_asked) {
        None => {}
        Some(Err(e)) => {
            // RFC 5321 §5.1: without MX, senders fall back to the domain's
            // own address; a mail domain should say where its mail goes.
            mx.push(
                Finding::error(code::mx::NONE, d, "RFC 5321 §5.1")
                    .arg("answer", void_word(&e))
                    .with_fix(format!("{} 3600 IN MX 10 mail.{}.", domain.fqdn(), d)),
            );
            if e == DnsError::NxDomain {
                mx.push(
                    Finding::error(code::check::DOMAIN_MISSING, d, "RFC 8020 §2").arg("answer", "NXDOMAIN"),
                );
            }
        }
        Some(Ok(records)) => {
            let set: Vec<Mx> = records
                .iter()
                .filter_map(|r| match r {
                    Rdata::Mx(m) => Some(m.clone()),
                    _ => None,
                })
                .collect();
            mx.extend(lint_mx_set(d, &set));
            if set.len() == 1 && set.iter().all(Mx::is_null) {
                // RFC 7505 §3: a lone null MX: the domain takes no mail.
                mx.push(Finding::info(code::mx::NULL, d, "RFC 7505 §3"));
            }
            let mut ordered = set.clone();
            ordered.sort();
            for m in ordered.iter().filter(|m| !m.is_null()) {
                let literal = matches!(
                    m.exchange.host_name_error(),
                    Some(NameError::IpLiteral | NameError::AllNumericTld { .. })
                );
                // An address-shaped target was reported by the lint; senders
                // would look it up as a name and find nothing. The address it
                // names is most likely the server's: its reverse DNS and SPF
                // are checked as for an address given by the user.
                if literal {
                    let text = m.exchange.as_str();
                    let ip = text
                        .trim_start_matches('[')
                        .trim_end_matches(']')
                        .parse::<IpAddr>();
                    if let Ok(ip) = ip {
                        if !literals.contains(&ip) {
                            literals.push(ip);
                        }
                    }
                } else if !hosts.contains(&m.exchange) {
                    hosts.push(m.exchange.clone());
                }
            }
        }
    }

    // Step 2: each host's addresses, alias check and TLSA, all at once.
    let after = mx_asked.depth;
    let per_host = join_all(hosts.iter().map(|h| {
        let tlsa_name = format!("_25._tcp.{}", h.as_str());
        async move {
            join4(
                addresses_then_reverse(cache, domain, h, RecordType::A, after),
                addresses_then_reverse(cache, domain, h, RecordType::Aaaa, after),
                cache.ask(h.as_str(), RecordType::Cname, after),
                cache.ask(&tlsa_name, RecordType::Tlsa, after),
            )
            .await
        }
    }))
    .await;
    let mut to_check: Vec<Address> = Vec::new();
    let mut address_asked: Vec<Asked> = Vec::new();
    let mut ptr_asked: Vec<Asked> = Vec::new();
    let mut tlsa_found = false;
    let mut tlsa_void = 0;
    for (host, (a, aaaa, cname, tlsa_asked)) in hosts.iter().zip(per_host) {
        let h = host.as_str();
        // The name the host's addresses really belong to: the canonical name
        // when the MX target is an alias (RFC 2181 §10.3), which is the name
        // its PTR and greeting should carry, never the alias.
        let mut canonical = host.clone();
        let cname_answer = mx.records(&cname);
        let host_sure = cname_answer.is_some();
        if let Some(Ok(records)) = cname_answer {
            if let Some(Rdata::Cname(target)) = records.first() {
                mx.push(target_cname_finding(host, target));
                canonical = target.clone();
            }
        }
        ptr_asked.push(cname.clone());
        address_asked.push(a.clone());
        address_asked.push(aaaa.clone());
        let mut voids = Vec::new();
        let mut failed = false;
        for asked in [&a, &aaaa] {
            match addresses.records(asked) {
                None => failed = true,
                Some(Err(e)) => voids.push(void_word(&e)),
                Some(Ok(records)) => {
                    for r in &records {
                        let ip = match r {
                            Rdata::A(v4) => IpAddr::V4(*v4),
                            Rdata::Aaaa(v6) => IpAddr::V6(*v6),
                            _ => continue,
                        };
                        addresses.extend(r.lint(h));
                        if !to_check.iter().any(|x| x.ip == ip) {
                            to_check.push(Address {
                                ip,
                                host: Some(canonical.clone()),
                                host_sure,
                                depth: asked.depth,
                            });
                        }
                    }
                }
            }
        }
        if voids.len() == 2 && !failed {
            addresses.push(
                Finding::error(code::mx::NO_ADDRESS, h, "RFC 5321 §5.1")
                    .arg("host", h)
                    .arg("answer", voids.join("/")),
            );
        }
        match tlsa.records(&tlsa_asked) {
            None => {}
            Some(Err(_)) => tlsa_void += 1,
            Some(Ok(records)) => {
                tlsa_found = true;
                tlsa.push(
                    Finding::info(code::tlsa::PRESENT, &tlsa_asked.name, "RFC 7672 §2.2")
                        .arg("host", h)
                        .arg("count", records.len()),
                );
                for r in &records {
                    tlsa.extend(r.lint(&tlsa_asked.name));
                }
            }
        }
    }
    if !hosts.is_empty() && tlsa_void == hosts.len() {
        tlsa.push(Finding::info(code::tlsa::NONE, d, "RFC 7672 §2.2").arg("answer", "NXDOMAIN/NODATA"));
    }
    if hosts.is_empty() && !literals.is_empty() {
        // Nothing was looked up: say so rather than show a clean area.
        let list: Vec<String> = literals.iter().map(IpAddr::to_string).collect();
        for b in [&mut addresses, &mut tlsa] {
            b.push(
                Finding::info(NOT_CHECKED_NO_HOST, d, "RFC 5321 §5.1")
                    .arg("targets", list.join(", "))
                    .arg("count", list.len())
                    .arg("reason", NO_MAIL_HOST_REASON),
            );
        }
    }
    for ip in literals {
        if !to_check.iter().any(|x| x.ip == ip) {
            to_check.push(Address {
                ip,
                host: None,
                host_sure: true,
                depth: mx_asked.depth,
            });
        }
    }
    HostAddresses {
        mx,
        addresses,
        tlsa,
        hosts,
        mx_asked,
        address_asked,
        ptr_asked,
        to_check,
        tlsa_found,
    }
}

pub(crate) async fn check_mail_hosts<R: Resolver>(
    cache: &RunCache<'_, R>,
    domain: &Name,
    server_ips: &[IpAddr],
) -> MailHosts {
    // Server addresses given by the user wait for no answer: their reverse
    // DNS and SPF questions go out with the first wave, beside the MX chain;
    // the verdicts below (which name the first MX host) then come from the
    // run cache without another round trip.
    let early = join_all(server_ips.iter().map(|ip| {
        join(
            check_reverse(cache, *ip, domain.clone(), true, 0),
            check_spf_for(cache, domain, *ip, domain.clone(), 0, false),
        )
    }));
    let (found, _) = join(host_addresses(cache, domain), early).await;
    let HostAddresses {
        mx,
        mut addresses,
        mut tlsa,
        hosts,
        mx_asked,
        address_asked,
        ptr_asked,
        mut to_check,
        tlsa_found,
    } = found;
    let d = domain.as_str();
    for ip in server_ips {
        if !to_check.iter().any(|x| x.ip == *ip) {
            to_check.push(Address {
                ip: *ip,
                host: None,
                host_sure: true,
                depth: 0,
            });
        }
    }

    // Step 3 and 4: reverse DNS with forward confirmation, and SPF, together.
    let first_host = hosts.first().cloned();
    let fallback = Name::service(&format!("mail.{d}")).unwrap_or_else(|_| domain.clone());
    let (ptr_results, spf_results) = join(
        join_all(to_check.iter().map(|x| {
            let host = x
                .host
                .clone()
                .or_else(|| first_host.clone())
                .unwrap_or_else(|| fallback.clone());
            check_reverse(cache, x.ip, host, x.host_sure, x.depth)
        })),
        join_all(to_check.iter().map(|x| {
            let helo = x.host.clone().unwrap_or_else(|| domain.clone());
            check_spf_for(cache, domain, x.ip, helo, x.depth, x.host.is_some())
        })),
    )
    .await;
    let mut ptr = AreaBuilder::new(Area::Ptr);
    for b in ptr_results {
        ptr.extend(b.findings);
        for a in b.answers {
            if !ptr.answers.iter().any(|x| x.name == a.name && x.rtype == a.rtype) {
                ptr.answers.push(a);
            }
        }
    }
    let mut spf = AreaBuilder::new(Area::Spf);
    for (findings, log, trace) in spf_results {
        spf.trace(trace);
        for f in findings {
            if !spf.findings.contains(&f) {
                spf.push(f);
            }
        }
        for asked in &log {
            spf.saw(asked);
        }
    }
    // What these verdicts rest on besides their own questions: which hosts
    // there are (the MX answer), and for reverse DNS and SPF, which
    // addresses (the hosts' A and AAAA answers). When one of them failed,
    // the area is "not checked" rather than clean (AreaBuilder::finish).
    for b in [&mut addresses, &mut ptr, &mut tlsa, &mut spf] {
        b.rests_on(&mx_asked);
    }
    for asked in &address_asked {
        ptr.rests_on(asked);
        spf.rests_on(asked);
    }
    for asked in &ptr_asked {
        ptr.rests_on(asked);
    }
    MailHosts {
        mx,
        addresses,
        ptr,
        tlsa,
        spf,
        mx_hosts: hosts,
        mx_asked,
        tlsa_found,
    }
}

/// The PTR record to ask the address's provider for.
fn ptr_fix(ip: IpAddr, host: &Name) -> String {
    format!("{} IN PTR {}", reverse_name(ip).fqdn(), host.fqdn())
}

/// PTR of `ip`, then the addresses of each PTR target (RFC 1912 §2.1).
async fn check_reverse<R: Resolver>(
    cache: &RunCache<'_, R>,
    ip: IpAddr,
    host: Name,
    host_sure: bool,
    after: usize,
) -> AreaBuilder {
    let mut b = AreaBuilder::new(Area::Ptr);
    // The record to publish names `host`, unless which name the PTR should
    // carry is unknown (the host's alias question failed).
    let fix = |f: Finding| {
        if host_sure {
            f.with_fix(ptr_fix(ip, &host))
        } else {
            f
        }
    };
    let reverse = reverse_name(ip);
    let subject = ip.to_string();
    let asked = cache.ask(reverse.as_str(), RecordType::Ptr, after).await;
    let targets: Vec<Name> = match b.records(&asked) {
        None => return b,
        Some(Err(e)) => {
            b.push(fix(Finding::error(code::ptr::MISSING, &subject, "RFC 1912 §2.1")
                .arg("ip", ip)
                .arg("host", host.as_str())
                .arg("answer", void_word(&e))));
            return b;
        }
        Some(Ok(records)) => records
            .iter()
            .filter_map(|r| match r {
                Rdata::Ptr(p) => {
                    b.extend(p.lint(&subject));
                    Some(p.target.clone())
                }
                _ => None,
            })
            .collect(),
    };
    let family = match ip {
        IpAddr::V4(_) => RecordType::A,
        IpAddr::V6(_) => RecordType::Aaaa,
    };
    let forward = join_all(
        targets
            .iter()
            .filter(|t| !t.is_root())
            .map(|t| cache.ask(t.as_str(), family, asked.depth)),
    )
    .await;
    let mut failed = false;
    let mut confirmed: Option<&str> = None;
    for f in &forward {
        match b.records(f) {
            None => failed = true,
            Some(Err(_)) => {}
            Some(Ok(records)) => {
                let back = records.iter().any(|r| match (r, ip) {
                    (Rdata::A(a), IpAddr::V4(v4)) => *a == v4,
                    (Rdata::Aaaa(a), IpAddr::V6(v6)) => *a == v6,
                    _ => false,
                });
                if back && confirmed.is_none() {
                    confirmed = Some(f.name.as_str());
                }
            }
        }
    }
    let names: Vec<&str> = targets.iter().map(Name::as_str).collect();
    match confirmed {
        Some(target) => {
            b.push(
                Finding::info(code::ptr::CONFIRMED, &subject, "RFC 1912 §2.1")
                    .arg("ip", ip)
                    .arg("ptr", target),
            );
            // Forward-confirmed, but for another name than the MX host: the
            // server should greet (HELO/EHLO, RFC 5321 §4.1.1.1) with the
            // name its address maps back to, and many receivers compare them.
            if host_sure && !targets.iter().any(|t| t == &host) {
                b.push(
                    Finding::warning(code::ptr::NOT_MX_NAME, &subject, "RFC 5321 §4.1.1.1")
                        .arg("ip", ip)
                        .arg("ptr", target)
                        .arg("host", host.as_str())
                        .with_fix(ptr_fix(ip, &host)),
                );
            }
        }
        // A forward lookup failed: the PTR may well be right; say nothing false.
        None if failed => {}
        None => b.push(fix(Finding::error(
            code::ptr::MISMATCH,
            &subject,
            "RFC 1912 §2.1",
        )
        .arg("ip", ip)
        .arg("ptr", names.join(", "))
        .arg("host", host.as_str()))),
    }
    b
}

/// `check_host()` for one of the domain's own addresses (RFC 7208 §2.4).
async fn check_spf_for<R: Resolver>(
    cache: &RunCache<'_, R>,
    domain: &Name,
    ip: IpAddr,
    helo: Name,
    after: usize,
    is_mx: bool,
) -> (Vec<Finding>, Vec<Asked>, AddressTrace) {
    let view = Chained::new(cache, after);
    let d = domain.as_str();
    let outcome = check_host(&view, ip, d, &format!("postmaster@{d}"), helo.as_str()).await;
    let log = view.into_log();
    let trace = AddressTrace::of(ip, &outcome);
    let mut out = Vec::new();
    let subject = ip.to_string();
    match outcome.result {
        SpfResult::Pass => out.push(
            Finding::info(code::spf::OWN_IP_PASSES, &subject, "RFC 7208 §2.6.3")
                .arg("ip", ip)
                .arg("domain", d),
        ),
        SpfResult::Fail | SpfResult::SoftFail | SpfResult::PermError => {
            if outcome.result == SpfResult::PermError {
                // The audit drops both when the record check already names
                // the root cause (too many lookups): one finding, one fix.
                out.push(outcome.reason.clone());
            }
            let current = current_spf(&log, d);
            out.push(
                Finding::error(code::spf::OWN_IP_FAILS, &subject, "RFC 7208 §2.6")
                    .arg("ip", ip)
                    .arg("domain", d)
                    .arg("result", outcome.result)
                    .with_fix(spf_fix(domain, current.as_deref(), ip, is_mx)),
            );
        }
        SpfResult::Neutral => out.push(
            Finding::warning(code::spf::OWN_IP_NOT_PASS, &subject, "RFC 7208 §2.6.2")
                .arg("ip", ip)
                .arg("domain", d)
                .arg("result", outcome.result)
                .with_fix(spf_fix(domain, current_spf(&log, d).as_deref(), ip, is_mx)),
        ),
        // No record: reported once by the SPF record check.
        SpfResult::None => {}
        SpfResult::TempError => {
            let failed = log
                .iter()
                .find_map(|a| a.result.as_ref().err().filter(|e| !e.is_void()).map(|e| (a, e)));
            match failed {
                Some((a, e)) => out.push(could_not_check(&a.name, a.rtype, e)),
                None => out.push(outcome.reason.clone()),
            }
        }
    }
    (out, log, trace)
}

/// The domain's SPF record text, from the answers the evaluation saw.
fn current_spf(log: &[Asked], domain: &str) -> Option<String> {
    let asked = log
        .iter()
        .find(|a| a.name == domain && a.rtype == RecordType::Txt)?;
    let answer = asked.result.as_ref().ok()?;
    answer
        .records
        .iter()
        .filter_map(Rdata::txt_joined)
        .find(|t| crate::spf::is_spf_record(t))
}

/// The zone-file line of the SPF record with the address allowed (the
/// finding's subject is the address, so the fix names the owner).
fn spf_fix(domain: &Name, current: Option<&str>, ip: IpAddr, is_mx: bool) -> String {
    let value = spf_with_ip(current, ip, is_mx);
    format!("{} 3600 IN TXT {}", domain.fqdn(), Txt::from_value(&value))
}

/// The SPF record with the address allowed: `ip4:`/`ip6:` right after the
/// version, so it matches before any `all` (RFC 7208 §4.6.2: left to right).
pub(crate) fn spf_with_ip(current: Option<&str>, ip: IpAddr, is_mx: bool) -> String {
    let term = match ip {
        IpAddr::V4(a) => format!("ip4:{a}"),
        IpAddr::V6(a) => format!("ip6:{a}"),
    };
    match current {
        Some(text) => {
            let rest = text.get(crate::spf::VERSION.len()..).unwrap_or("").trim_start();
            if rest.is_empty() {
                format!("v=spf1 {term} -all")
            } else {
                format!("v=spf1 {term} {rest}")
            }
        }
        None if is_mx => "v=spf1 mx -all".to_string(),
        None => format!("v=spf1 mx {term} -all"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spf_fix_puts_the_address_first() {
        let v4: IpAddr = "192.0.2.10".parse().expect("ip");
        let v6: IpAddr = "2001:db8::25".parse().expect("ip");
        assert_eq!(
            spf_with_ip(Some("v=spf1 include:_spf.example.net -all"), v4, true),
            "v=spf1 ip4:192.0.2.10 include:_spf.example.net -all"
        );
        assert_eq!(
            spf_with_ip(Some("v=spf1"), v6, false),
            "v=spf1 ip6:2001:db8::25 -all"
        );
        assert_eq!(spf_with_ip(None, v4, true), "v=spf1 mx -all");
        assert_eq!(spf_with_ip(None, v4, false), "v=spf1 mx ip4:192.0.2.10 -all");
    }
}
