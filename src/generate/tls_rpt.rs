//! The TLS-RPT record at `_smtp._tls.<domain>` (RFC 8460 §3):
//! `v=TLSRPTv1; rua=<uri>[,<uri>]`.

use super::{Builder, RecordPurpose};
use crate::model::name::NameKind;
use crate::model::record::Rdata;
use crate::model::txt::Txt;

pub(super) fn record(b: &mut Builder<'_>) {
    let plan = b.plan;
    let Some(rua) = &plan.tls_rpt else {
        return;
    };
    if rua.is_empty() {
        return;
    }
    let Ok(owner) = plan.domain.prepend("_smtp._tls", NameKind::Service) else {
        return;
    };
    let text = format!("v=TLSRPTv1; rua={}", rua.join(","));
    b.push(
        owner,
        Rdata::Txt(Txt::from_value(&text)),
        RecordPurpose::TlsRpt,
        "explain.tls_rpt",
    );
}
