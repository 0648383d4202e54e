//! The codes of DNS answers, resolvers and DoH endpoints: `dns.*`, `endpoint.*`. Declared once;
//! code elsewhere names them as `code::<prefix>::NAME` ([`crate::i18n::code`]).
//!
//! A new code is declared here and given its texts in the catalogue
//! (`src/i18n/catalogue/`); a test checks that the two lists agree.

/// `dns.*`
pub mod dns {
    crate::i18n::code::declare_codes! {
        BAD_REQUEST = "dns.bad_request",
        MALFORMED = "dns.malformed",
        NODATA = "dns.nodata",
        NXDOMAIN = "dns.nxdomain",
        PRESET_ALIDNS = "dns.preset.alidns",
        PRESET_CLOUDFLARE = "dns.preset.cloudflare",
        PRESET_DNSPOD = "dns.preset.dnspod",
        PRESET_GOOGLE = "dns.preset.google",
        REFUSED = "dns.refused",
        RESOLVER_CHOSEN = "dns.resolver.chosen",
        RESOLVER_NONE = "dns.resolver.none",
        RESOLVER_PROBE_BOGUS = "dns.resolver.probe_bogus",
        RESOLVER_PROBE_FAILED = "dns.resolver.probe_failed",
        SERVFAIL = "dns.servfail",
        TIMEOUT = "dns.timeout",
        TRANSPORT_HTTP_STATUS = "dns.transport.http_status",
        TRANSPORT_INTERRUPTED = "dns.transport.interrupted",
        TRANSPORT_RATE_LIMITED = "dns.transport.rate_limited",
        TRANSPORT_SERVER_ERROR = "dns.transport.server_error",
        TRANSPORT_TRUNCATED = "dns.transport.truncated",
        TRANSPORT_UNREACHABLE = "dns.transport.unreachable",
        TRANSPORT_UNSUPPORTED = "dns.transport.unsupported",
    }
}

/// `endpoint.*`
pub mod endpoint {
    crate::i18n::code::declare_codes! {
        BAD_CHARACTERS = "endpoint.bad_characters",
        CREDENTIALS = "endpoint.credentials",
        EMPTY = "endpoint.empty",
        HTTP_NOT_LOOPBACK = "endpoint.http_not_loopback",
        NOT_A_URL = "endpoint.not_a_url",
        NOT_HTTPS = "endpoint.not_https",
    }
}
