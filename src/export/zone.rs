//! BIND master files (RFC 1035 §5.1): `$ORIGIN`, `$TTL`, one record per
//! line, owner names relative to the origin, explicit TTL and class.
//!
//! [`zone_file`] is a full zone that `named-checkzone` accepts: a zone needs
//! an SOA and NS records (RFC 1035 §5.2), which the generator cannot know
//! (they belong to the DNS provider), so it writes clearly marked
//! placeholders in the reserved `.invalid` TLD (RFC 6761 §6.4) that must be
//! replaced. [`zone_fragment`] is the records alone with absolute names, to
//! paste into an existing zone. Records that belong in other zones (DMARC
//! report authorizations, hosts named outside the domain) are listed at the
//! end as comments, never as records of this zone.
//!
//! TXT data is written as quoted strings of at most 255 octets with `"` and
//! `\` escaped and non-printable octets as `\DDD` (RFC 1035 §5.1), through
//! the model's `Txt` printer.

use crate::generate::{PlannedRecord, RecordSet};
use crate::i18n::{self, Lang};
use crate::model::record::Rdata;
use crate::model::txt::quote;
use std::fmt::Write;

/// The placeholder name server: replace it with the provider's.
pub const PLACEHOLDER_NS: &str = "ns1.replace-with-your-dns-provider.invalid.";

/// A full zone: header comments, `$ORIGIN`, `$TTL`, a placeholder SOA and
/// NS, then the records. `serial` goes into the SOA (the page passes a date
/// such as 2026112901; the core has no clock).
pub fn zone_file(set: &RecordSet, serial: u32) -> String {
    let origin = set.domain.fqdn();
    let default_ttl = set.default_ttl;
    let mut out = String::new();
    header(&mut out, set);
    let _ = writeln!(out, "$ORIGIN {origin}");
    let _ = writeln!(out, "$TTL {default_ttl}");
    let _ = writeln!(
        out,
        "; PLACEHOLDER SOA and NS: your DNS provider's servers go here. Replace both before loading this zone."
    );
    // RFC 1035 §3.3.13: MNAME RNAME SERIAL REFRESH RETRY EXPIRE MINIMUM.
    let _ = writeln!(
        out,
        "@ {default_ttl} IN SOA {PLACEHOLDER_NS} hostmaster.{origin} {serial} 7200 3600 1209600 3600"
    );
    let _ = writeln!(out, "@ {default_ttl} IN NS {PLACEHOLDER_NS}");
    out.push('\n');
    for r in set.own_zone() {
        comment_line(&mut out, r);
        let _ = writeln!(
            out,
            "{} {} IN {} {}",
            r.record.name.relative_to(&set.domain),
            r.record.ttl,
            r.record.rtype(),
            rdata_text(&r.record.rdata)
        );
    }
    other_zones(&mut out, set);
    out
}

/// The records only, absolute names, to paste into an existing zone.
pub fn zone_fragment(set: &RecordSet) -> String {
    let mut out = String::new();
    header(&mut out, set);
    for r in set.own_zone() {
        comment_line(&mut out, r);
        let _ = writeln!(
            out,
            "{} {} IN {} {}",
            r.record.name,
            r.record.ttl,
            r.record.rtype(),
            rdata_text(&r.record.rdata)
        );
    }
    other_zones(&mut out, set);
    out
}

fn header(out: &mut String, set: &RecordSet) {
    let unicode = set.domain.to_unicode();
    let _ = writeln!(
        out,
        "; Mail DNS records for {} (made by maildns)",
        set.domain.as_str()
    );
    if unicode != set.domain.as_str() {
        let _ = writeln!(out, "; {unicode} in IDNA A-label form: {}", set.domain.as_str());
    }
}

/// A one-line comment saying what the record does (the catalogue's English text).
fn comment_line(out: &mut String, r: &PlannedRecord) {
    let _ = writeln!(out, "; {}", i18n::text(Lang::En, r.explain_code));
}

/// The record data; TXT of several strings as a parenthesized group, one
/// string per line (RFC 1035 §5.1: parentheses continue a record over lines).
fn rdata_text(rdata: &Rdata) -> String {
    match rdata {
        Rdata::Txt(t) if t.strings.len() > 1 => {
            let strings: Vec<String> = t.strings.iter().map(|s| quote(s)).collect();
            format!("( {} )", strings.join("\n\t"))
        }
        other => other.to_string(),
    }
}

fn other_zones(out: &mut String, set: &RecordSet) {
    let mut first = true;
    for r in set.other_zones() {
        if first {
            let _ = writeln!(
                out,
                "\n; Records for OTHER zones: not part of this zone. Publish each where it says."
            );
            first = false;
        }
        let zone = r.other_zone.as_ref().map_or("", |z| z.as_str());
        let _ = writeln!(out, "; in the DNS of {zone}:");
        let _ = writeln!(out, ";   {}", r.record);
    }
}
