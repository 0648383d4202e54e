//! DNS wire format for DNS-over-HTTPS (RFC 8484): building the query, the
//! GET URL, and decoding the `application/dns-message` answer. Pure.
//!
//! AliDNS (`https://dns.alidns.com/dns-query`) and DNSPod
//! (`https://doh.pub/dns-query`), the resolvers reachable from mainland
//! China, answer anonymous browsers only in this format.
//!
//! - RFC 1035 §4.1: header, question, answer/authority/additional sections;
//!   §4.1.4 name compression, read with loop protection (every pointer
//!   must go backwards); §3.3 record data.
//! - RFC 1035 §4.1.1 / RFC 6895 §2.3: RCODE 0 NOERROR (no records of the
//!   asked type is NODATA, RFC 2308 §2.2), 2 SERVFAIL, 3 NXDOMAIN,
//!   5 REFUSED, mapped exactly as the JSON decoder does.
//! - RFC 6891 §6.1: the OPT pseudo-record (payload size, extended RCODE,
//!   DO bit) is read into [`Edns`], not shown as a record.
//! - RFC 2181 §9: an answer with TC set is not used.
//! - RFC 3597: types the model does not know are kept as octets; RRSIG
//!   and others that are not asked for are listed but never answer.
//! - RFC 4035 §3.2.3: the AD bit becomes `authenticated_data`.
//!
//! Why not `hickory-proto` (measured 2026-11-29, hickory-proto 0.26.3 with
//! `default-features = false`): it builds for wasm32-unknown-unknown without
//! getrandom or tokio trouble (it brings `rand_core`, `chacha20`, `tracing`,
//! `thiserror`), but it is big for this page. Probe cdylibs built like the
//! page (opt-level "z", LTO, one codegen unit, panic=abort, then
//! `wasm-opt -Oz`), sizes gzip -9:
//! - on top of maildns' JSON decoder and dig view (what the page already
//!   has, 311.2 KB in the probe): hickory `Message::from_bytes` + its
//!   `Display` + encoding one query: +45.6 KB; this module (build_query,
//!   query_url, decode_wire_response, answer_for, dig_text): +6.3 KB;
//! - on a bare baseline with `idna` and `format!`: hickory decoding A/TXT
//!   and encoding a query, +45.8 KB; with its `Display`, +50.6 KB.
//!
//! The page itself (`trunk build`, each part made reachable from the Check
//! page in a throwaway build): 157.8 KB as it is; 190.6 KB with the JSON
//! decoder; 197.1 KB with the JSON decoder and this module (+6.5 KB);
//! 173.8 KB with this module alone (+16.0 KB, much of it the record model
//! the JSON decoder shares).
//!
//! The page budget is 250 KB gzip in all, with about 40 KB allowed for
//! this, so this module is a small, bounds-checked decoder instead:
//! proptested on arbitrary bytes, every prefix and single-octet mutation of
//! the fixtures, round trips of every typed record, and answers generated
//! by dnspython (tests/vectors/wire/).

mod query;
mod reader;
mod response;
#[cfg(test)]
mod roundtrip;

pub use query::{
    build_query, build_query_with, query_url, CLASS_IN, DO_BIT, EDNS_UDP_SIZE, MAX_WIRE_NAME, OPT_TYPE,
};
pub use response::{decode_wire, decode_wire_response, Edns, WireResponse, TRUNCATED};

/// The media type of RFC 8484 messages (RFC 8484 §6), for `Accept`.
pub const DNS_MESSAGE: &str = "application/dns-message";
