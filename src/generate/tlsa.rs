//! DANE TLSA records for SMTP (RFC 7672 §3.1): `_25._tcp.<mx host>` TLSA
//! `3 1 1 <sha256 of the SubjectPublicKeyInfo>` (RFC 7671 §5.1 recommends
//! DANE-EE with SPKI selector: it survives certificate renewal with the same
//! key). One record per own mail host. TLSA is only trusted under DNSSEC
//! (RFC 7672 §2.2), so a remark says so.

use super::{Builder, RecordPurpose};
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::record::Rdata;
use crate::model::tlsa::{smtp_tlsa_owner, Tlsa};

pub(super) fn records(b: &mut Builder<'_>, findings: &mut Vec<Finding>) {
    let plan = b.plan;
    let Some(digest) = plan.tlsa_spki_sha256 else {
        return;
    };
    for h in &plan.hosts {
        let Ok(owner) = smtp_tlsa_owner(&h.name) else {
            continue;
        };
        b.push(
            owner,
            Rdata::Tlsa(Tlsa::dane_ee_spki_sha256(digest)),
            RecordPurpose::Tlsa,
            code::explain::TLSA,
        );
    }
    findings.push(Finding::info(
        code::generate::TLSA_NEEDS_DNSSEC,
        plan.domain.as_str(),
        "RFC 7672 §2.2",
    ));
}
