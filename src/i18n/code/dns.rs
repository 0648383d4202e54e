//! The `dns.*` codes, declared once; code elsewhere names them as
//! `code::dns::NAME` ([`crate::i18n::code`]). A new code is declared here
//! and given its texts in the catalogue (`src/i18n/catalogue/`); a test checks
//! that the two lists agree.

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
