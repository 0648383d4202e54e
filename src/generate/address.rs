//! A and AAAA records of the mail hosts and own backup MX hosts (RFC 1035
//! §3.4.1, RFC 3596 §2.4): an MX target must have address records, not a
//! CNAME (RFC 2181 §10.3). External backup MX hosts (no addresses given)
//! get none: their names are someone else's.

use super::{Builder, RecordPurpose};
use crate::i18n::code;
use crate::model::name::Name;
use crate::model::record::Rdata;
use std::net::{Ipv4Addr, Ipv6Addr};

pub(super) fn hosts(b: &mut Builder<'_>) {
    let plan = b.plan;
    for h in plan.hosts.iter().chain(&plan.backup_mx) {
        addresses(b, &h.name, &h.ipv4, &h.ipv6, RecordPurpose::HostAddress);
    }
}

/// The A and AAAA records of one name.
pub(super) fn addresses(
    b: &mut Builder<'_>,
    name: &Name,
    v4: &[Ipv4Addr],
    v6: &[Ipv6Addr],
    purpose: RecordPurpose,
) {
    let (a, aaaa) = match purpose {
        RecordPurpose::MtaStsHost => (code::explain::MTA_STS_HOST, code::explain::MTA_STS_HOST),
        _ => (code::explain::A, code::explain::AAAA),
    };
    for ip in v4 {
        b.push(name.clone(), Rdata::A(*ip), purpose, a);
    }
    for ip in v6 {
        b.push(name.clone(), Rdata::Aaaa(*ip), purpose, aaaa);
    }
}
