//! The public lists asked, each with what its operator documents: zone,
//! what it lists, its test entry, its return codes and its error codes, its
//! usage policy and its delisting page.
//!
//! Sources, as read on 2026-12-07 (through the project's stored copies of
//! public pages; where a fact could not be confirmed there, the comment
//! beside it says so rather than guess):
//! - Spamhaus zones and return codes: "Available Zones",
//!   <https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html>.
//! - Spamhaus error codes 127.255.255.254 (query via a public/open resolver)
//!   and 127.255.255.255 (excessive number of queries): "Spamhaus DNSBL return
//!   codes: technical update", <https://www.spamhaus.org/news/article/788/>,
//!   which says they "must not be interpreted as" a listing.
//! - Barracuda test entry 127.0.0.2: "BRBL – How to Use",
//!   <http://www.barracudacentral.org/rbl/how-to-use>.
//!
//! A list's answers are only trusted after its test entry came back as a
//! listing on the same resolver (`super::check`): several lists refuse public
//! resolvers, and a refusal must never read as "not listed".

use std::net::Ipv4Addr;

/// What kinds of subject a list holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Covers {
    pub ipv4: bool,
    pub ipv6: bool,
    pub domain: bool,
}

/// A documented return code and what the operator says it means (the
/// operator's own words or data-set name, not translated).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReturnCode {
    pub addr: Ipv4Addr,
    pub meaning: &'static str,
}

const fn rc(a: u8, b: u8, c: u8, d: u8, meaning: &'static str) -> ReturnCode {
    ReturnCode {
        addr: Ipv4Addr::new(a, b, c, d),
        meaning,
    }
}

/// The entry a list keeps listed so that users can test that it answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TestEntry {
    /// An IPv4 address, asked reversed like any other
    /// (RFC 5782 §5: IPv4 lists MUST list 127.0.0.2).
    Ipv4(Ipv4Addr),
    /// A domain name, asked as `<name>.<zone>`.
    Domain(&'static str),
}

/// One public list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Blocklist {
    /// Stable identifier, for the page and the JSON.
    pub id: &'static str,
    pub name: &'static str,
    pub zone: &'static str,
    pub covers: Covers,
    pub test: TestEntry,
    /// Documented listing codes. Any other 127.0.0.0/8 answer that is not
    /// an error code is still a listing, shown without a meaning.
    pub listing: &'static [ReturnCode],
    /// Codes that mean the question was refused or wrong, never a listing.
    pub errors: &'static [ReturnCode],
    /// Where the operator states who may query it, and how.
    pub policy_url: &'static str,
    /// Where a listed address or domain asks for removal.
    pub delist_url: &'static str,
}

/// Spamhaus error codes for every zone (news article 788 for .254/.255).
/// 127.255.255.252 ("typing error in DNSBL name") is listed in Spamhaus's
/// DNSBL Usage FAQ as we remember it; the stored copies read here did not
/// show it, so it is kept as an error code (the safe side: an error code
/// makes the verdict "unknown", never "listed" or "not listed").
const SPAMHAUS_ERRORS: &[ReturnCode] = &[
    rc(127, 255, 255, 252, "typing error in the DNSBL name"),
    rc(127, 255, 255, 254, "query via a public or open resolver"),
    rc(127, 255, 255, 255, "excessive number of queries"),
];

/// The lists asked, in the order shown.
pub const LISTS: &[Blocklist] = &[
    Blocklist {
        id: "spamhaus-zen",
        name: "Spamhaus ZEN",
        zone: "zen.spamhaus.org",
        // IPv6 is answered by ZEN per Spamhaus's DNSBL FAQ as we know it;
        // not confirmed in the pages read here.
        covers: Covers {
            ipv4: true,
            ipv6: true,
            domain: false,
        },
        test: TestEntry::Ipv4(Ipv4Addr::new(127, 0, 0, 2)),
        listing: &[
            rc(127, 0, 0, 2, "SBL (Spamhaus Blocklist)"),
            rc(127, 0, 0, 3, "CSS (automated SBL listing)"),
            rc(127, 0, 0, 4, "XBL (exploited/infected host)"),
            rc(127, 0, 0, 9, "DROP (do not route or peer)"),
            rc(
                127,
                0,
                0,
                10,
                "PBL (maintained by the ISP: not meant to send mail directly)",
            ),
            rc(
                127,
                0,
                0,
                11,
                "PBL (maintained by Spamhaus: not meant to send mail directly)",
            ),
            rc(127, 0, 0, 30, "BCL (botnet controller)"),
        ],
        errors: SPAMHAUS_ERRORS,
        policy_url: "https://www.spamhaus.org/faq/section/DNSBL%20Usage",
        // The "IP and Domain Reputation Checker" named on the FAQ; its
        // address is not shown in the pages read here.
        delist_url: "https://check.spamhaus.org/",
    },
    Blocklist {
        id: "spamhaus-dbl",
        name: "Spamhaus DBL",
        zone: "dbl.spamhaus.org",
        covers: Covers {
            ipv4: false,
            ipv6: false,
            domain: true,
        },
        // `dbltest.com` is the DBL's documented test domain (Spamhaus DBL
        // FAQ, as we know it; not shown in the pages read here). It is
        // expected to answer 127.0.1.2.
        test: TestEntry::Domain("dbltest.com"),
        listing: &[
            rc(127, 0, 1, 2, "low-reputation domain"),
            rc(127, 0, 1, 4, "phishing domain"),
            rc(127, 0, 1, 5, "malware domain"),
            rc(127, 0, 1, 6, "botnet C&C domain"),
            rc(127, 0, 1, 102, "abused legitimate domain"),
            rc(127, 0, 1, 103, "abused redirector"),
            rc(127, 0, 1, 104, "abused domain used in phishing"),
            rc(127, 0, 1, 105, "abused domain used by malware"),
            rc(127, 0, 1, 106, "abused domain hosting C&C"),
        ],
        errors: &[
            rc(127, 0, 1, 255, "IP queries not allowed"),
            rc(127, 255, 255, 252, "typing error in the DNSBL name"),
            rc(127, 255, 255, 254, "query via a public or open resolver"),
            rc(127, 255, 255, 255, "excessive number of queries"),
        ],
        policy_url: "https://www.spamhaus.org/faq/section/DNSBL%20Usage",
        delist_url: "https://check.spamhaus.org/",
    },
    Blocklist {
        id: "spamcop",
        name: "SpamCop Blocking List",
        zone: "bl.spamcop.net",
        covers: Covers {
            ipv4: true,
            ipv6: false,
            domain: false,
        },
        // RFC 5782 §5's 127.0.0.2; SpamCop's own page saying so was not
        // among the pages read here.
        test: TestEntry::Ipv4(Ipv4Addr::new(127, 0, 0, 2)),
        listing: &[rc(127, 0, 0, 2, "listed by SpamCop (reported spam source)")],
        // SpamCop documents no error codes that we could confirm.
        errors: &[],
        // Not confirmed in the pages read here; SpamCop's list page.
        policy_url: "https://www.spamcop.net/bl.shtml",
        delist_url: "https://www.spamcop.net/bl.shtml",
    },
    Blocklist {
        id: "barracuda",
        name: "Barracuda Reputation Block List",
        zone: "b.barracudacentral.org",
        covers: Covers {
            ipv4: true,
            ipv6: false,
            domain: false,
        },
        // barracudacentral.org/rbl/how-to-use: "query
        // 2.0.0.127.b.barracudacentral.org" answers 127.0.0.2. Third-party
        // pages say servers must be registered before Barracuda's DNS
        // answers them, so through a public resolver the test entry may fail:
        // the verdict is then "unknown", as it must be.
        test: TestEntry::Ipv4(Ipv4Addr::new(127, 0, 0, 2)),
        listing: &[rc(127, 0, 0, 2, "listed by the Barracuda Reputation System")],
        errors: &[],
        policy_url: "http://www.barracudacentral.org/rbl/how-to-use",
        // Named by third-party lists (node-dnsbl's list.json); not confirmed
        // on Barracuda's own pages read here.
        delist_url: "https://www.barracudacentral.org/rbl/removal-request",
    },
    Blocklist {
        id: "mailspike",
        name: "Mailspike Blacklist",
        zone: "bl.mailspike.net",
        covers: Covers {
            ipv4: true,
            ipv6: false,
            domain: false,
        },
        // RFC 5782 §5's 127.0.0.2; not confirmed from Mailspike's own pages.
        test: TestEntry::Ipv4(Ipv4Addr::new(127, 0, 0, 2)),
        // A third-party summary (suped.com) says bl.mailspike.net answers
        // 127.0.0.2 or a code of its reputation zone; those other codes'
        // meanings were not confirmed, so they show without one.
        listing: &[rc(127, 0, 0, 2, "listed by Mailspike (part of a spam wave)")],
        errors: &[],
        // Mailspike's site; the page stating its usage policy was not among
        // the pages read here (a third-party summary says it is free below
        // 100,000 queries a day).
        policy_url: "https://mailspike.org/",
        delist_url: "https://mailspike.org/",
    },
];

/// The list with this id.
pub fn by_id(id: &str) -> Option<&'static Blocklist> {
    LISTS.iter().find(|l| l.id == id)
}
