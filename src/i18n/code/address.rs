//! The `address.*` codes, declared once; code elsewhere names them as
//! `code::address::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

crate::i18n::code::declare_codes! {
    ADDRESS_6TO4 = "address.6to4",
    BAD_IPV4 = "address.bad_ipv4",
    BAD_IPV6 = "address.bad_ipv6",
    BENCHMARKING = "address.benchmarking",
    BROADCAST = "address.broadcast",
    DISCARD = "address.discard",
    DOCUMENTATION = "address.documentation",
    IPV4_COMPATIBLE = "address.ipv4_compatible",
    IPV4_IN_AAAA = "address.ipv4_in_aaaa",
    IPV4_MAPPED = "address.ipv4_mapped",
    IPV6_IN_A = "address.ipv6_in_a",
    LEADING_ZERO = "address.leading_zero",
    LINK_LOCAL = "address.link_local",
    LOOPBACK = "address.loopback",
    MULTICAST = "address.multicast",
    NAT64 = "address.nat64",
    PRIVATE = "address.private",
    PROTOCOL_ASSIGNMENT = "address.protocol_assignment",
    RELAY_ANYCAST = "address.relay_anycast",
    RESERVED = "address.reserved",
    SHARED = "address.shared",
    SITE_LOCAL = "address.site_local",
    TEREDO = "address.teredo",
    THIS_NETWORK = "address.this_network",
    UNSPECIFIED = "address.unspecified",
    ZONE_ID = "address.zone_id",
}
