//! The commands and example outputs of each hand-off, filled in with the
//! plan's hosts. Every host name here is a [`HostWord`] and every address
//! an [`IpAddr`]; the rest of each command is constant text.

use super::shell::{Command, HostWord};
use super::{Handoff, HandoffKind, Host, HostCommand};
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::name::Name;
use std::net::IpAddr;

pub(super) fn item(kind: HandoffKind, domain: Option<&Name>, hosts: &[Host]) -> Handoff {
    let first = hosts.first().map_or("mx.example.com", |h| h.word.as_str());
    let (commands, notes) = match kind {
        HandoffKind::StartTls => (hosts.iter().flat_map(starttls).collect(), Vec::new()),
        HandoffKind::Port25 => (
            hosts.iter().map(|h| on(&h.word, nc(&h.word, false))).collect(),
            // RFC 5068 lets access networks block outbound 25 (clients submit
            // on 465/587, RFC 8314 §3.3); the test must then run from
            // elsewhere, or it reads as the server's fault.
            vec![Finding::info(
                code::handoff::PORT25_OUTBOUND_BLOCKED,
                first,
                "RFC 5068; RFC 8314 §3.3",
            )],
        ),
        HandoffKind::OpenRelay => {
            let (to, from) = foreign_domains(domain);
            (
                hosts
                    .iter()
                    .map(|h| on(&h.word, relay(&h.word, to, from)))
                    .collect(),
                vec![Finding::info(
                    code::handoff::RELAY_TRUSTED_NETWORK,
                    first,
                    "RFC 5321 §7.1",
                )],
            )
        }
        HandoffKind::Ipv6 => ipv6(hosts),
        HandoffKind::ReverseDns => reverse_dns(hosts),
    };
    let (good, bad) = examples(kind, hosts, domain);
    Handoff {
        kind,
        code: kind.code(),
        rfc: kind.rfc(),
        commands,
        good,
        bad,
        notes,
    }
}

fn on(subject: impl ToString, command: Command) -> HostCommand {
    HostCommand {
        subject: subject.to_string(),
        command,
    }
}

/// `-showcerts` prints the chain (to paste into the DANE check); `-brief`
/// with `-verify_hostname` says in a few lines whether the certificate is
/// trusted and names this host (s_client checks no name without it).
fn starttls(h: &Host) -> [HostCommand; 2] {
    let w = h.word.as_str();
    let connect = format!("{w}:25");
    let base = [
        "openssl",
        "s_client",
        "-starttls",
        "smtp",
        "-connect",
        &connect,
        "-servername",
        w,
    ];
    let showcerts = Command::new(base.iter().copied().chain(["-showcerts"])).stdin_null();
    let brief = Command::new(base.iter().copied().chain(["-verify_hostname", w, "-brief"])).stdin_null();
    [on(w, showcerts), on(w, brief)]
}

fn nc(w: &HostWord, six: bool) -> Command {
    let family: &[&str] = if six { &["-6"] } else { &[] };
    Command::new(
        ["nc"]
            .iter()
            .chain(family)
            .chain(&["-vz", "-w", "5", w.as_str(), "25"])
            .copied(),
    )
}

/// `--quit-after RCPT`: the answer to RCPT TO is the verdict, and stopping
/// there means an open relay does not actually relay the test message.
fn relay(w: &HostWord, to: &str, from: &str) -> Command {
    Command::new([
        "swaks".to_string(),
        "--to".into(),
        format!("postmaster@{to}"),
        "--from".into(),
        format!("test@{from}"),
        "--server".into(),
        w.to_string(),
        "--quit-after".into(),
        "RCPT".into(),
    ])
}

/// Two reserved domains (RFC 2606 §3) that are not the user's own, so the
/// test asks the server to send mail elsewhere, which is what relaying is.
fn foreign_domains(domain: Option<&Name>) -> (&'static str, &'static str) {
    let mut free = ["example.org", "example.net", "example.com"]
        .into_iter()
        .filter(|d| {
            let mine = domain.is_some_and(|own| {
                Name::host(d).is_ok_and(|d| own.is_subdomain_of(&d) || d.is_subdomain_of(own))
            });
            !mine
        });
    let to = free.next().unwrap_or("example.org");
    let from = free.next().unwrap_or("example.net");
    (to, from)
}

fn dig(kind: &str, target: &str) -> Command {
    Command::new(["dig", "+short", kind, target])
}

fn dig_reverse(ip: &IpAddr) -> Command {
    Command::new(["dig".to_string(), "+short".into(), "-x".into(), ip.to_string()])
}

fn ipv6(hosts: &[Host]) -> (Vec<HostCommand>, Vec<Finding>) {
    let (mut commands, mut notes) = (Vec::new(), Vec::new());
    for h in hosts {
        let w = &h.word;
        commands.push(on(w, dig("AAAA", w.as_str())));
        let planned_none = h
            .addresses
            .as_ref()
            .is_some_and(|a| !a.iter().any(IpAddr::is_ipv6));
        if planned_none {
            // Nothing to connect to; the lookup shows whether a stale AAAA is left.
            notes.push(Finding::info(
                code::handoff::IPV6_NOT_PLANNED,
                w.as_str(),
                "RFC 5321 §5.2",
            ));
        } else {
            commands.push(on(w, nc(w, true)));
        }
    }
    (commands, notes)
}

/// Per known address, its PTR (`dig -x`); per host, the forward lookups
/// that confirm it, and the greeting and EHLO the server gives.
fn reverse_dns(hosts: &[Host]) -> (Vec<HostCommand>, Vec<Finding>) {
    let (mut commands, mut notes) = (Vec::new(), Vec::new());
    for h in hosts {
        let w = h.word.as_str();
        match &h.addresses {
            Some(addresses) => {
                for ip in addresses {
                    commands.push(on(ip, dig_reverse(ip)));
                }
                let has = |v6: bool| addresses.iter().any(|a| a.is_ipv6() == v6);
                for (kind, v6) in [("A", false), ("AAAA", true)] {
                    if has(v6) {
                        commands.push(on(w, dig(kind, w)));
                    }
                }
            }
            None => {
                commands.push(on(w, dig("A", w)));
                commands.push(on(w, dig("AAAA", w)));
                notes.push(Finding::info(
                    code::handoff::RDNS_ADDRESSES_UNKNOWN,
                    w,
                    "RFC 5321 §2.3.5",
                ));
            }
        }
        let ehlo = Command::new(["swaks", "--server", w, "--quit-after", "EHLO"]);
        commands.push(on(w, ehlo));
    }
    (commands, notes)
}

/// Literal lines of a good and a bad output, with the first host's name
/// (and address, when known) where the program prints them.
fn examples(kind: HandoffKind, hosts: &[Host], domain: Option<&Name>) -> (Vec<String>, Vec<String>) {
    let h = hosts.first().map_or("mx.example.com", |h| h.word.as_str());
    let addresses = hosts
        .first()
        .and_then(|h| h.addresses.clone())
        .unwrap_or_default();
    let v6 = addresses
        .iter()
        .find(|a| a.is_ipv6())
        .map_or("2001:db8::25".to_string(), ToString::to_string);
    let v4 = addresses
        .iter()
        .find(|a| a.is_ipv4())
        .map_or("192.0.2.25".to_string(), ToString::to_string);
    let (to, _) = foreign_domains(domain);
    match kind {
        HandoffKind::StartTls => (
            vec![
                "CONNECTION ESTABLISHED".into(),
                "Protocol version: TLSv1.3".into(),
                format!("Peer certificate: CN = {h}"),
                "Verification: OK".into(),
            ],
            vec![
                "Didn't find STARTTLS in server response, trying anyway...".into(),
                "Verification error: certificate has expired".into(),
                "Verification error: hostname mismatch".into(),
            ],
        ),
        HandoffKind::Port25 => (
            vec![format!("Connection to {h} 25 port [tcp/smtp] succeeded!")],
            vec![
                format!("nc: connect to {h} port 25 (tcp) timed out: Operation now in progress"),
                format!("nc: connect to {h} port 25 (tcp) failed: Connection refused"),
            ],
        ),
        HandoffKind::OpenRelay => (
            vec![
                format!(" -> RCPT TO:<postmaster@{to}>"),
                format!("<** 554 5.7.1 <postmaster@{to}>: Relay access denied"),
            ],
            vec![
                format!(" -> RCPT TO:<postmaster@{to}>"),
                "<-  250 2.1.5 Ok".into(),
            ],
        ),
        HandoffKind::Ipv6 => (
            vec![v6, format!("Connection to {h} 25 port [tcp/smtp] succeeded!")],
            vec![
                format!("nc: connect to {h} port 25 (tcp) failed: Network is unreachable"),
                format!("nc: connect to {h} port 25 (tcp) timed out: Operation now in progress"),
            ],
        ),
        HandoffKind::ReverseDns => (
            vec![
                format!("{h}."),
                format!("<-  220 {h} ESMTP"),
                format!("<-  250-{h}"),
            ],
            vec![
                format!("{}.dynamic.example.net.", v4.replace(['.', ':'], "-")),
                "<-  220 localhost.localdomain ESMTP".into(),
            ],
        ),
    }
}
