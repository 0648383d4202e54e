//! What a page cannot test, handed over properly (issue 19): the checks a
//! mail domain needs that take a raw TCP or SMTP connection, which a
//! browser cannot open (`fetch` speaks only HTTP(S)). For each, the exact
//! commands to run from a shell, filled in with the plan's MX hosts (one
//! per host, or per address, where it applies), what a good and a bad
//! output look like, why the page cannot do it itself, and the RFC section.
//!
//! - STARTTLS on port 25 and the certificate presented (RFC 3207 §4,
//!   RFC 7672 §3 for DANE): [`HandoffKind::StartTls`].
//! - Port 25 reachable from outside (RFC 5321 §4.5.4.2; outbound 25 is
//!   often blocked, RFC 5068, which leaves mail clients alone as they
//!   submit on 465/587, RFC 8314 §3.3): [`HandoffKind::Port25`].
//! - Not an open relay (RFC 5321 §3.6.2, §7.1): [`HandoffKind::OpenRelay`].
//! - The MX over IPv6 (RFC 5321 §5.2): [`HandoffKind::Ipv6`].
//! - Reverse DNS matching the server's greeting and EHLO, forward-confirmed
//!   (RFC 5321 §4.1.1.1, §2.3.5): [`HandoffKind::ReverseDns`].
//!
//! Host names reach a command only through [`shell::HostWord`]; refused
//! names come back as findings ([`Handoffs::refused`]). Texts are catalogue
//! codes (`code::handoff`), in English and zh-CN. Pure: no I/O, no clock.

mod items;
pub mod shell;

#[cfg(test)]
mod tests;

use crate::finding::Finding;
use crate::i18n::code;
use crate::model::name::{Name, NameError};
use crate::plan::ValidatedPlan;
use serde::{Deserialize, Serialize};
use shell::{Command, HostWord};
use std::net::IpAddr;

/// The things a browser cannot test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HandoffKind {
    StartTls,
    Port25,
    OpenRelay,
    Ipv6,
    ReverseDns,
}

impl HandoffKind {
    pub const ALL: [HandoffKind; 5] = [
        HandoffKind::StartTls,
        HandoffKind::Port25,
        HandoffKind::OpenRelay,
        HandoffKind::Ipv6,
        HandoffKind::ReverseDns,
    ];

    /// The stable code: the item's title and what to run.
    pub fn code(self) -> &'static str {
        match self {
            HandoffKind::StartTls => code::handoff::STARTTLS,
            HandoffKind::Port25 => code::handoff::PORT25,
            HandoffKind::OpenRelay => code::handoff::RELAY,
            HandoffKind::Ipv6 => code::handoff::IPV6,
            HandoffKind::ReverseDns => code::handoff::RDNS,
        }
    }

    /// What a good output means.
    pub fn good_code(self) -> &'static str {
        match self {
            HandoffKind::StartTls => code::handoff::STARTTLS_GOOD,
            HandoffKind::Port25 => code::handoff::PORT25_GOOD,
            HandoffKind::OpenRelay => code::handoff::RELAY_GOOD,
            HandoffKind::Ipv6 => code::handoff::IPV6_GOOD,
            HandoffKind::ReverseDns => code::handoff::RDNS_GOOD,
        }
    }

    /// What a bad output means, and what to do.
    pub fn bad_code(self) -> &'static str {
        match self {
            HandoffKind::StartTls => code::handoff::STARTTLS_BAD,
            HandoffKind::Port25 => code::handoff::PORT25_BAD,
            HandoffKind::OpenRelay => code::handoff::RELAY_BAD,
            HandoffKind::Ipv6 => code::handoff::IPV6_BAD,
            HandoffKind::ReverseDns => code::handoff::RDNS_BAD,
        }
    }

    /// Why the page cannot test it itself.
    pub fn why_code(self) -> &'static str {
        match self {
            HandoffKind::StartTls => code::handoff::STARTTLS_WHY,
            HandoffKind::Port25 => code::handoff::PORT25_WHY,
            HandoffKind::OpenRelay => code::handoff::RELAY_WHY,
            HandoffKind::Ipv6 => code::handoff::IPV6_WHY,
            HandoffKind::ReverseDns => code::handoff::RDNS_WHY,
        }
    }

    /// Where the rule is written.
    pub fn rfc(self) -> &'static str {
        match self {
            HandoffKind::StartTls => "RFC 3207 §4; RFC 7672 §3",
            HandoffKind::Port25 => "RFC 5321 §4.5.4.2",
            HandoffKind::OpenRelay => "RFC 5321 §3.6.2, §7.1",
            HandoffKind::Ipv6 => "RFC 5321 §5.2",
            HandoffKind::ReverseDns => "RFC 5321 §4.1.1.1, §2.3.5",
        }
    }
}

/// A command and the MX host (or address) it is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HostCommand {
    /// The host name in A-label form, or the address, the command tests.
    pub subject: String,
    pub command: Command,
}

/// One thing to test by hand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Handoff {
    pub kind: HandoffKind,
    /// [`HandoffKind::code`], kept here for the JSON and the page.
    pub code: &'static str,
    pub rfc: &'static str,
    pub commands: Vec<HostCommand>,
    /// Example lines of a good output (literal program output).
    pub good: Vec<String>,
    /// Example lines of a bad output.
    pub bad: Vec<String>,
    /// Remarks for this plan (no IPv6 planned, addresses unknown, …).
    pub notes: Vec<Finding>,
}

/// Every hand-off for a plan, and the names that were refused.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize)]
pub struct Handoffs {
    pub items: Vec<Handoff>,
    /// One error per host name (or the domain) that is not a plain DNS
    /// name: it appears in no command.
    pub refused: Vec<Finding>,
}

/// One MX host as the caller knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MxHost<'a> {
    /// As typed: `mail.example.com`, `邮件.例子.中国`.
    pub name: &'a str,
    /// Its addresses; `None` when not known (an external backup MX, or
    /// not looked up), which is not the same as known to have none.
    pub addresses: Option<Vec<IpAddr>>,
}

/// A host that passed [`HostWord`], with what is known of its addresses.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Host {
    word: HostWord,
    addresses: Option<Vec<IpAddr>>,
}

/// One hand-off as the audit report shows it: plain data that crosses
/// the worker boundary (the page carries no command builder). The codes
/// are the catalogue's; the checker sends their texts with the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoffCard {
    pub code: String,
    pub good_code: String,
    pub bad_code: String,
    pub why_code: String,
    pub rfc: String,
    /// The host (or address) each command tests, and the command line.
    pub commands: Vec<(String, String)>,
    pub good: Vec<String>,
    pub bad: Vec<String>,
    pub notes: Vec<Finding>,
}

/// Every card of an audit, and the names that were refused.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoffSheet {
    pub cards: Vec<HandoffCard>,
    pub refused: Vec<Finding>,
}

impl Handoffs {
    /// As the report shows it.
    pub fn sheet(&self) -> HandoffSheet {
        HandoffSheet {
            cards: self
                .items
                .iter()
                .map(|h| HandoffCard {
                    code: h.code.to_string(),
                    good_code: h.kind.good_code().to_string(),
                    bad_code: h.kind.bad_code().to_string(),
                    why_code: h.kind.why_code().to_string(),
                    rfc: h.rfc.to_string(),
                    commands: h
                        .commands
                        .iter()
                        .map(|c| (c.subject.clone(), c.command.to_string()))
                        .collect(),
                    good: h.good.clone(),
                    bad: h.bad.clone(),
                    notes: h.notes.clone(),
                })
                .collect(),
            refused: self.refused.clone(),
        }
    }
}

/// The hand-offs for `domain` and its MX hosts, in the order given.
pub fn handoffs(domain: &str, hosts: &[MxHost<'_>]) -> Handoffs {
    let mut refused = Vec::new();
    let domain = match Name::host(domain) {
        Ok(name) => Some(name),
        Err(e) => {
            refused.extend(refusal(domain, &e));
            None
        }
    };
    let mut ok = Vec::new();
    for h in hosts {
        match HostWord::parse(h.name) {
            Ok(word) => ok.push(Host {
                word,
                addresses: h.addresses.clone(),
            }),
            Err(e) => refused.extend(refusal(h.name, &e)),
        }
    }
    build(domain.as_ref(), ok, refused)
}

/// The hand-offs for a validated plan: its mail hosts (addresses known)
/// and backup MX (addresses known when the plan publishes some, else
/// external and unknown). A null-MX plan receives no mail: no hand-off.
pub fn from_plan(plan: &ValidatedPlan) -> Handoffs {
    if plan.null_mx {
        return Handoffs::default();
    }
    let mut refused = Vec::new();
    let mut ok = Vec::new();
    for (h, own) in plan
        .hosts
        .iter()
        .map(|h| (h, true))
        .chain(plan.backup_mx.iter().map(|h| (h, false)))
    {
        let addresses: Vec<IpAddr> = h
            .ipv4
            .iter()
            .map(|a| IpAddr::V4(*a))
            .chain(h.ipv6.iter().map(|a| IpAddr::V6(*a)))
            .collect();
        let known = own || !addresses.is_empty();
        match HostWord::from_name(&h.name) {
            Ok(word) if !ok.iter().any(|o: &Host| o.word == word) => ok.push(Host {
                word,
                addresses: known.then_some(addresses),
            }),
            Ok(_) => {}
            Err(e) => refused.extend(refusal(h.name.as_str(), &e)),
        }
    }
    build(Some(&plan.domain), ok, refused)
}

fn build(domain: Option<&Name>, hosts: Vec<Host>, refused: Vec<Finding>) -> Handoffs {
    if hosts.is_empty() {
        return Handoffs {
            items: Vec::new(),
            refused,
        };
    }
    let items = HandoffKind::ALL
        .iter()
        .map(|kind| items::item(*kind, domain, &hosts))
        .collect();
    Handoffs { items, refused }
}

/// The errors for a name that is not a plain DNS name: that it is left out
/// of every command, and what is wrong with it (the `name.*` finding). The
/// subject is the input with control characters escaped, so the page shows
/// what was typed.
fn refusal(input: &str, e: &NameError) -> [Finding; 2] {
    let subject: String = input.chars().flat_map(char::escape_debug).take(300).collect();
    [
        Finding::error(code::handoff::REFUSED_NAME, subject.as_str(), "RFC 1123 §2.1"),
        e.to_finding(&subject),
    ]
}
