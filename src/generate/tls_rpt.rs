//! The TLS-RPT record at `_smtp._tls.<domain>` (RFC 8460 §3):
//! `v=TLSRPTv1; rua=<uri>[,<uri>]`, built as a [`TlsRptRecord`] and printed
//! by its `Display`.

use super::{Builder, RecordPurpose};
use crate::i18n::code;
use crate::model::name::NameKind;
use crate::model::record::Rdata;
use crate::model::txt::Txt;
use crate::tls_rpt::TlsRptRecord;

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
    let record = TlsRptRecord {
        rua: rua.clone(),
        extensions: Vec::new(),
    };
    b.push(
        owner,
        Rdata::Txt(Txt::from_value(&record.to_string())),
        RecordPurpose::TlsRpt,
        code::explain::TLS_RPT,
    );
}
