//! The codes of the record model: names, addresses and each record type's data: `address.*`,
//! `caa.*`, `mx.*`, `name.*`, `ptr.*`, `rdata.*`, `record.*`, `srv.*`, `tlsa.*`, `txt.*`. Declared
//! once; code elsewhere names them as `code::<prefix>::NAME` ([`crate::i18n::code`]).
//!
//! A new code is declared here and given its texts in the catalogue
//! (`src/i18n/catalogue/`); a test checks that the two lists agree.

/// `address.*`
pub mod address {
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
}

/// `caa.*`
pub mod caa {
    crate::i18n::code::declare_codes! {
        BAD_IODEF = "caa.bad_iodef",
        BAD_ISSUER = "caa.bad_issuer",
        BAD_PARAMETER = "caa.bad_parameter",
        BAD_TAG = "caa.bad_tag",
        INHERITED = "caa.inherited",
        NO_ISSUANCE = "caa.no_issuance",
        NONE = "caa.none",
        PRESENT = "caa.present",
        RESERVED_FLAGS = "caa.reserved_flags",
        TAG_TOO_LONG = "caa.tag_too_long",
        UNKNOWN_CRITICAL = "caa.unknown_critical",
        UNKNOWN_TAG = "caa.unknown_tag",
    }
}

/// `mx.*`
pub mod mx {
    crate::i18n::code::declare_codes! {
        DUPLICATE_TARGET = "mx.duplicate_target",
        IP_LITERAL = "mx.ip_literal",
        NO_ADDRESS = "mx.no_address",
        NONE = "mx.none",
        NULL = "mx.null",
        NULL_PREFERENCE = "mx.null_preference",
        NULL_WITH_OTHERS = "mx.null_with_others",
        TARGET_CNAME = "mx.target_cname",
    }
}

/// `name.*`
pub mod name {
    crate::i18n::code::declare_codes! {
        BAD_CHAR = "name.bad_char",
        BAD_IDN = "name.bad_idn",
        EMPTY = "name.empty",
        EMPTY_LABEL = "name.empty_label",
        HYPHEN_EDGE = "name.hyphen_edge",
        IP_LITERAL = "name.ip_literal",
        LABEL_TOO_LONG = "name.label_too_long",
        NUMERIC_TLD = "name.numeric_tld",
        RESERVED_TLD = "name.reserved_tld",
        TOO_LONG = "name.too_long",
        UNDERSCORE = "name.underscore",
    }
}

/// `ptr.*`
pub mod ptr {
    crate::i18n::code::declare_codes! {
        BAD_LABEL = "ptr.bad_label",
        CONFIRMED = "ptr.confirmed",
        MISMATCH = "ptr.mismatch",
        MISSING = "ptr.missing",
        NOT_HOST_NAME = "ptr.not_host_name",
        NOT_MX_NAME = "ptr.not_mx_name",
        NOT_REVERSE = "ptr.not_reverse",
        PARTIAL = "ptr.partial",
        ROOT_TARGET = "ptr.root_target",
    }
}

/// `rdata.*`
pub mod rdata {
    crate::i18n::code::declare_codes! {
        BAD_HEX = "rdata.bad_hex",
        BAD_NUMBER = "rdata.bad_number",
        EMPTY = "rdata.empty",
        EXTRA_TEXT = "rdata.extra_text",
        GENERIC_LENGTH = "rdata.generic_length",
        GENERIC_MALFORMED = "rdata.generic_malformed",
        MISSING_FIELD = "rdata.missing_field",
    }
}

/// `record.*`
pub mod record {
    crate::i18n::code::declare_codes! {
        BAD_TTL = "record.bad_ttl",
        TTL_HIGH = "record.ttl_high",
        TTL_LOW = "record.ttl_low",
        UNKNOWN_TYPE = "record.unknown_type",
    }
}

/// `srv.*`
pub mod srv {
    crate::i18n::code::declare_codes! {
        NOT_OFFERED_PORT = "srv.not_offered_port",
        NOT_OFFERED_WITH_OTHERS = "srv.not_offered_with_others",
        PORT_ZERO = "srv.port_zero",
    }
}

/// `tlsa.*`
pub mod tlsa {
    crate::i18n::code::declare_codes! {
        DIGEST_LENGTH = "tlsa.digest_length",
        FULL_DATA = "tlsa.full_data",
        NO_DATA = "tlsa.no_data",
        NONE = "tlsa.none",
        PKIX_USAGE = "tlsa.pkix_usage",
        PRESENT = "tlsa.present",
        UNKNOWN_MATCHING = "tlsa.unknown_matching",
        UNKNOWN_SELECTOR = "tlsa.unknown_selector",
        UNKNOWN_USAGE = "tlsa.unknown_usage",
        WITHOUT_DNSSEC = "tlsa.without_dnssec",
    }
}

/// `txt.*`
pub mod txt {
    crate::i18n::code::declare_codes! {
        BAD_ESCAPE = "txt.bad_escape",
        ESCAPE_RANGE = "txt.escape_range",
        LARGE = "txt.large",
        NO_STRINGS = "txt.no_strings",
        STRING_TOO_LONG = "txt.string_too_long",
        UNTERMINATED_QUOTE = "txt.unterminated_quote",
    }
}
