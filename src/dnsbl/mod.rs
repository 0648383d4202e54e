//! Blocklists through DoH, honestly (issue 19 item 1): is a server address
//! or the mail domain on a public DNS-based list (RFC 5782)?
//!
//! - [`lists`]: the short, documented set of lists asked, with their test
//!   entries, return codes, error codes, usage policy and delisting pages.
//! - [`query`]: the names asked (reversed IPv4 octets, IPv6 nibbles).
//! - [`check`]: the questions over [`crate::dns::Resolver`]; a list is
//!   trusted on a resolver only after its test entry answered as a listing
//!   there, and anything else is "unknown", never "not listed".
//!
//! Pure: no I/O of its own, no clock; the resolver is passed in.

pub mod check;
pub mod lists;
pub mod query;

pub use check::{check_lists, finding, DnsblReport, ListVerdict, ListingCode, UnknownReason, Verdict};
pub use lists::{by_id, Blocklist, Covers, ReturnCode, TestEntry, LISTS};
pub use query::{query_name, reversed_ipv4, reversed_ipv6, test_query_name, Subject};
