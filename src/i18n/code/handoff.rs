//! The `handoff.*` codes, declared once; code elsewhere names them as
//! `code::handoff::NAME` ([`crate::i18n::code`]): the checks a browser
//! cannot run, handed over as commands (src/handoff). Each item has four
//! texts: what to run (the bare code), and what a good output means, what a
//! bad one means, and why the page cannot test it (`.good`, `.bad`, `.why`).

crate::i18n::code::declare_codes! {
    /// STARTTLS on port 25 and the certificate presented (RFC 3207).
    STARTTLS = "handoff.starttls",
    STARTTLS_GOOD = "handoff.starttls.good",
    STARTTLS_BAD = "handoff.starttls.bad",
    STARTTLS_WHY = "handoff.starttls.why",
    /// Port 25 reachable from outside.
    PORT25 = "handoff.port25",
    PORT25_GOOD = "handoff.port25.good",
    PORT25_BAD = "handoff.port25.bad",
    PORT25_WHY = "handoff.port25.why",
    /// Many access networks block outbound port 25 (RFC 5068).
    PORT25_OUTBOUND_BLOCKED = "handoff.port25.outbound_blocked",
    /// Not an open relay (RFC 5321 §3.6.2, §7.1).
    RELAY = "handoff.relay",
    RELAY_GOOD = "handoff.relay.good",
    RELAY_BAD = "handoff.relay.bad",
    RELAY_WHY = "handoff.relay.why",
    /// Run the relay test from a network the server does not trust.
    RELAY_TRUSTED_NETWORK = "handoff.relay.trusted_network",
    /// The MX over IPv6 (RFC 5321 §5.2).
    IPV6 = "handoff.ipv6",
    IPV6_GOOD = "handoff.ipv6.good",
    IPV6_BAD = "handoff.ipv6.bad",
    IPV6_WHY = "handoff.ipv6.why",
    /// The plan gives the host no IPv6 address.
    IPV6_NOT_PLANNED = "handoff.ipv6.not_planned",
    /// Reverse DNS as the receiving side sees it (RFC 5321 §4.1.1.1, §2.3.5).
    RDNS = "handoff.rdns",
    RDNS_GOOD = "handoff.rdns.good",
    RDNS_BAD = "handoff.rdns.bad",
    RDNS_WHY = "handoff.rdns.why",
    /// The host's addresses are not known: look them up first.
    RDNS_ADDRESSES_UNKNOWN = "handoff.rdns.addresses_unknown",
    /// A name that is not a plain DNS name, left out of every command.
    REFUSED_NAME = "handoff.refused_name",
    /// The audit report's section: its heading, introduction, the labels of
    /// the example outputs and of the copy button.
    SECTION = "handoff.section",
    SECTION_INTRO = "handoff.section.intro",
}
