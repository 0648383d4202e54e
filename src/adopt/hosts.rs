//! The MX set (RFC 5321 §5.1): hosts under the domain become the plan's
//! mail hosts with the addresses found for them, hosts elsewhere become
//! backup MX entries without addresses; priorities are kept. A null MX
//! (RFC 7505) makes a null-MX plan.

use super::{Adopter, Answered};
use crate::dns::{Rdata, RecordType};
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::Name;
use crate::plan::{Alignment, DmarcPolicy, HostInput};

pub(super) fn mail_hosts(a: &mut Adopter<'_>) {
    let domain = a.domain.as_str().to_string();
    let records = match a.answer(&domain, RecordType::Mx) {
        Answered::Records(r) => r,
        Answered::Absent => {
            a.note(Finding::warning(code::adopt::MX_ABSENT, &domain, "RFC 5321 §5.1"));
            return;
        }
        Answered::Unknown | Answered::NotAsked => return,
    };
    let mut mx: Vec<(u16, Name)> = records
        .iter()
        .filter_map(|r| match r {
            Rdata::Mx(m) => Some((m.preference, m.exchange.clone())),
            _ => None,
        })
        .collect();
    mx.sort_by(|x, y| (x.0, x.1.as_str()).cmp(&(y.0, y.1.as_str())));
    mx.dedup_by(|x, y| x.1 == y.1);
    if mx.iter().any(|(_, n)| n.is_root()) {
        if mx.len() == 1 {
            a.plan.null_mx = true;
            return;
        }
        // RFC 7505 §3: a null MX must be the only MX; the others are taken.
        a.note(Finding::warning(code::adopt::UNREADABLE, &domain, "RFC 7505 §3").arg("record", "MX 0 ."));
        mx.retain(|(_, n)| !n.is_root());
    }
    let mut literal = false;
    for (priority, host) in mx {
        if looks_like_ipv4(&host) {
            // RFC 7505 §4 / RFC 5321 §5.1: an MX names a host, not an address.
            a.note(
                Finding::error(code::adopt::MX_IP_LITERAL, &domain, "RFC 5321 §5.1")
                    .arg("host", host.as_str()),
            );
            literal = true;
            continue;
        }
        let canonical = match a.found.get(host.as_str(), RecordType::Cname) {
            super::Lookup::Records([Rdata::Cname(target), ..]) => {
                // RFC 2181 §10.3: an MX must not name an alias.
                a.note(
                    Finding::warning(code::adopt::MX_ALIAS, host.as_str(), "RFC 2181 §10.3")
                        .arg("host", host.as_str())
                        .arg("target", target.as_str()),
                );
                target.clone()
            }
            _ => host.clone(),
        };
        if canonical == *a.domain || canonical.is_subdomain_of(a.domain) {
            let ipv4 = addresses(a, &host, RecordType::A);
            let ipv6 = addresses(a, &host, RecordType::Aaaa);
            if matches!((&ipv4, &ipv6), (Some(v4), Some(v6)) if v4.is_empty() && v6.is_empty()) {
                a.note(
                    Finding::error(code::adopt::HOST_NO_ADDRESS, host.as_str(), "RFC 5321 §5.1")
                        .arg("host", host.as_str()),
                );
            }
            let name = a.host_text(&canonical);
            a.plan.hosts.push(HostInput {
                name,
                ipv4: ipv4.unwrap_or_default(),
                ipv6: ipv6.unwrap_or_default(),
                priority: priority.to_string(),
            });
        } else {
            a.note(
                Finding::info(code::adopt::MX_FOREIGN, canonical.as_str(), "RFC 5321 §5.1")
                    .arg("host", canonical.as_str())
                    .arg("priority", priority),
            );
            a.plan.backup_mx.push(HostInput {
                name: canonical.as_str().to_string(),
                priority: priority.to_string(),
                ..HostInput::default()
            });
        }
    }
    if a.plan.hosts.is_empty() && !literal {
        a.note(Finding::error(code::adopt::NO_OWN_HOST, &domain, "RFC 5321 §5.1"));
    }
}

/// The addresses of one family at `host` as text (`None`: the question
/// failed or was not asked).
fn addresses(a: &mut Adopter<'_>, host: &Name, rtype: RecordType) -> Option<Vec<String>> {
    match a.answer(host.as_str(), rtype) {
        Answered::Records(r) => Some(
            r.iter()
                .filter_map(|r| match r {
                    Rdata::A(ip) => Some(ip.to_string()),
                    Rdata::Aaaa(ip) => Some(ip.to_string()),
                    _ => None,
                })
                .collect(),
        ),
        Answered::Absent => Some(Vec::new()),
        Answered::Unknown | Answered::NotAsked => None,
    }
}

/// `185.47.112.22`: four labels, all decimal numbers up to 255.
fn looks_like_ipv4(host: &Name) -> bool {
    host.labels().count() == 4 && host.labels().all(|l| l.parse::<u8>().is_ok())
}

/// A null-MX plan publishes a fixed set (RFC 7505 §4, RFC 7208 §10.1.2,
/// RFC 9989 §7): what is published beyond it is reported, once per owner.
pub(super) fn lockdown(a: &mut Adopter<'_>) {
    let domain = a.domain.as_str().to_string();
    let mut published: Vec<(String, String)> = Vec::new();
    if let Some(spf) = a.txt(&domain, crate::spf::is_spf_record) {
        published.extend(
            spf.into_iter()
                .filter(|t| t.trim() != "v=spf1 -all")
                .map(|t| (domain.clone(), t)),
        );
    }
    let d = &a.plan.dmarc;
    let strict = Some(Alignment::Strict);
    let fixed = d.p == DmarcPolicy::Reject
        && d.sp.is_none()
        && d.np.is_none()
        && d.adkim == strict
        && d.aspf == strict;
    let dmarc = a.under("_dmarc");
    if !fixed {
        if let Some(t) = a
            .txt(&dmarc, |t| t.starts_with("v=DMARC1"))
            .and_then(|t| t.into_iter().next())
        {
            published.push((dmarc, t));
        }
    }
    let suffix = format!("._domainkey.{domain}");
    let others: Vec<String> = a
        .found
        .questions()
        .filter(|(n, t)| {
            *t == RecordType::Txt
                && (n.ends_with(&suffix) || *n == a.under("_mta-sts") || *n == a.under("_smtp._tls"))
        })
        .map(|(n, _)| n.clone())
        .collect();
    for owner in others {
        if let Some(t) = a.txt(&owner, |_| true).and_then(|t| t.into_iter().next()) {
            published.push((owner, t));
        }
    }
    for (owner, record) in published {
        a.note(Finding::info(code::adopt::NULL_MX_LOCKDOWN, owner, "RFC 7505 §4").arg("record", record));
    }
}
