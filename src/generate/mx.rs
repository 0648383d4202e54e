//! MX records: one per mail host and backup MX (RFC 5321 §5.1: lower
//! preference is tried first), or the null MX `0 .` of a domain that
//! receives no mail (RFC 7505 §3).

use super::{Builder, RecordPurpose};
use crate::i18n::code;
use crate::model::mx::Mx;
use crate::model::record::Rdata;

pub(super) fn records(b: &mut Builder<'_>) {
    let domain = b.plan.domain.clone();
    for h in &b.plan.hosts {
        let rdata = Rdata::Mx(Mx::new(h.priority, h.name.clone()));
        b.push(domain.clone(), rdata, RecordPurpose::Mx, code::explain::MX);
    }
    for h in &b.plan.backup_mx {
        let rdata = Rdata::Mx(Mx::new(h.priority, h.name.clone()));
        b.push(domain.clone(), rdata, RecordPurpose::Mx, code::explain::MX_BACKUP);
    }
}

/// RFC 7505 §3: "0 ." and no other MX record.
pub(super) fn null(b: &mut Builder<'_>) {
    let domain = b.plan.domain.clone();
    b.push(
        domain,
        Rdata::Mx(Mx::null()),
        RecordPurpose::NullMx,
        code::explain::NULL_MX,
    );
}
