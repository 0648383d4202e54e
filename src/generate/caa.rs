//! CAA records at the domain (RFC 8659 §4.2 `issue`, §4.4 `iodef`): which
//! certificate authorities may issue for the domain and its hosts, among
//! them `mta-sts.<domain>` whose HTTPS certificate MTA-STS depends on.

use super::{Builder, RecordPurpose};
use crate::i18n::code;
use crate::model::caa::Caa;
use crate::model::record::Rdata;

pub(super) fn records(b: &mut Builder<'_>) {
    let plan = b.plan;
    let Some(caa) = &plan.caa else {
        return;
    };
    let domain = plan.domain.clone();
    for issuer in &caa.issuers {
        b.push(
            domain.clone(),
            Rdata::Caa(Caa::issue(issuer.as_str())),
            RecordPurpose::Caa,
            code::explain::CAA_ISSUE,
        );
    }
    if let Some(url) = &caa.iodef {
        b.push(
            domain,
            Rdata::Caa(Caa::iodef(url)),
            RecordPurpose::Caa,
            code::explain::CAA_IODEF,
        );
    }
}
