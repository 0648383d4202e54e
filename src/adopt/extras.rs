//! CAA (RFC 8659), TLSA (RFC 7672) and the client SRV set (RFC 6186,
//! RFC 8314).

use super::{Adopter, Answered};
use crate::dns::{Rdata, RecordType};
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::caa::CaaTag;
use crate::model::srv::MailService;
use crate::model::Name;

/// `issue` entries (the CA domain alone) and one `iodef`; other tags,
/// parameters, an empty `issue` (no CA may issue) and the critical flag are
/// reported.
pub(super) fn caa(a: &mut Adopter<'_>) {
    let domain = a.domain.as_str().to_string();
    let Answered::Records(records) = a.answer(&domain, RecordType::Caa) else {
        return;
    };
    for r in records {
        let Rdata::Caa(c) = r else { continue };
        let value = c.value.trim();
        let taken = match &c.tag {
            _ if c.is_critical() => false,
            CaaTag::Issue if !value.is_empty() && !value.contains(';') => {
                a.plan.caa.issuers.push(value.to_string());
                true
            }
            CaaTag::Iodef if a.plan.caa.iodef.is_empty() => {
                a.plan.caa.iodef = value.to_string();
                true
            }
            _ => false,
        };
        if !taken {
            a.note(Finding::warning(code::adopt::CAA_NOT_ADOPTED, &domain, "RFC 8659 §4").arg("record", c));
        }
    }
    a.plan.caa.enabled = !a.plan.caa.issuers.is_empty() || !a.plan.caa.iodef.is_empty();
}

/// TLSA at `_25._tcp.<host>` for each own mail host: the plan holds the
/// certificate, which DNS does not give back, so it is reported.
pub(super) fn tlsa(a: &mut Adopter<'_>) {
    let hosts: Vec<String> = a
        .found
        .questions()
        .filter(|(n, t)| *t == RecordType::Tlsa && n.starts_with("_25._tcp."))
        .map(|(n, _)| n.clone())
        .collect();
    for owner in hosts {
        let host = &owner["_25._tcp.".len()..];
        let own = Name::host(host).is_ok_and(|h| h == *a.domain || h.is_subdomain_of(a.domain));
        if !own {
            continue;
        }
        if let Answered::Records(_) = a.answer(&owner, RecordType::Tlsa) {
            a.note(Finding::warning(
                code::adopt::TLSA_NOT_ADOPTED,
                &owner,
                "RFC 7672 §3.1",
            ));
        }
    }
}

/// The four implicit-TLS/STARTTLS services the plan offers, one target on
/// the registered port; plaintext services may only say "not offered".
pub(super) fn autoconfig(a: &mut Adopter<'_>) {
    let mut found_any = false;
    let mut not_asked = None;
    let mut target: Option<Name> = None;
    for service in MailService::ALL {
        let Ok(owner) = service.owner(a.domain) else {
            continue;
        };
        let owner = owner.as_str().to_string();
        let records = match a.answer(&owner, RecordType::Srv) {
            Answered::Records(r) => r,
            Answered::NotAsked => {
                not_asked.get_or_insert(owner);
                continue;
            }
            Answered::Absent => {
                set(a, service, false);
                continue;
            }
            Answered::Unknown => continue,
        };
        found_any = true;
        let mut offered = false;
        for r in records {
            let Rdata::Srv(s) = r else { continue };
            let plaintext = matches!(service, MailService::Imap | MailService::Pop3);
            let fits = if s.is_not_offered() {
                true
            } else if plaintext || offered || s.port != service.port() {
                false
            } else if target.as_ref().is_none_or(|t| *t == s.target) {
                target = Some(s.target.clone());
                offered = true;
                true
            } else {
                false
            };
            if !fits {
                a.note(
                    Finding::warning(code::adopt::SRV_NOT_ADOPTED, &owner, service.rfc()).arg("record", s),
                );
            }
        }
        set(a, service, offered);
    }
    if let Some(owner) = not_asked {
        a.note(Finding::info(code::adopt::NOT_ASKED, owner, "RFC 6186 §3").arg("type", RecordType::Srv));
    }
    a.plan.autoconfig.enabled = found_any;
    if let Some(t) = target {
        a.plan.autoconfig.target = a.host_text(&t);
    }
}

fn set(a: &mut Adopter<'_>, service: MailService, offered: bool) {
    let c = &mut a.plan.autoconfig;
    match service {
        MailService::Submissions => c.submissions = offered,
        MailService::Submission => c.submission = offered,
        MailService::Imaps => c.imaps = offered,
        MailService::Pop3s => c.pop3s = offered,
        MailService::Imap | MailService::Pop3 => {}
    }
}
