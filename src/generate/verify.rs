//! The check every generated record passes: its zone-file text parses back
//! to the same data (RFC 1035 §5.1 presentation), and the project's own
//! linters find no error in it. Tests assert this over many plans;
//! [`super::generate`] collects the warnings.

use super::{PlannedRecord, RecordPurpose};
use crate::dkim::DkimKey;
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::record::Rdata;
use crate::mta_sts::MtaStsRecord;
use crate::tls_rpt::TlsRptRecord;

/// Every finding about one generated record. An error means the generator
/// is wrong (`generate.record_error` for a record that does not re-parse).
pub fn check_record(r: &PlannedRecord) -> Vec<Finding> {
    let record = &r.record;
    let owner = record.name.as_str();
    let mut out = Vec::new();
    let text = record.rdata.to_string();
    if Rdata::parse(record.rtype(), &text).as_ref() != Ok(&record.rdata) {
        out.push(
            Finding::error(code::generate::RECORD_ERROR, owner, "RFC 1035 §5.1")
                .arg("record", record.to_string()),
        );
    }
    out.extend(record.lint());
    let value = match &record.rdata {
        Rdata::Txt(t) => t.value(),
        _ => return out,
    };
    match r.purpose {
        RecordPurpose::Spf => out.extend(crate::spf::lint_record(owner, &value)),
        RecordPurpose::Dkim => out.extend(DkimKey::check(&value, owner).1),
        RecordPurpose::Dmarc => out.extend(crate::dmarc::check(&value, owner).1),
        // RFC 9990 §3: the authorization record is a DMARC version tag.
        RecordPurpose::DmarcReportAuth if value != "v=DMARC1" => {
            out.push(Finding::error(code::generate::RECORD_ERROR, owner, "RFC 9990 §3").arg("record", value));
        }
        RecordPurpose::MtaSts => out.extend(MtaStsRecord::check(&value, owner).1),
        RecordPurpose::TlsRpt => out.extend(TlsRptRecord::check(&value, owner).1),
        _ => {}
    }
    out
}
