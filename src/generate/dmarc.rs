//! The DMARC record at `_dmarc.<domain>` (RFC 9989 §4.7), built as a typed
//! [`DmarcRecord`] and printed by its `Display` (tags in the order v, p,
//! then the optional ones), and for every report address outside the
//! domain the authorization record the destination must publish at
//! `<domain>._report._dmarc.<destination>` (RFC 9990 §3), flagged as
//! belonging to the destination's zone.

use super::{Builder, RecordPurpose};
use crate::dmarc::{report_authorizations, DmarcRecord, ReportUri};
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::name::NameKind;
use crate::model::record::Rdata;
use crate::model::txt::Txt;
use crate::plan::DmarcPlan;

/// The typed record of a validated DMARC plan.
pub fn dmarc_record(d: &DmarcPlan) -> DmarcRecord {
    let uris = |list: &[String]| {
        list.iter()
            .map(|uri| ReportUri {
                uri: uri.clone(),
                size: None,
            })
            .collect()
    };
    DmarcRecord {
        policy: Some(d.p),
        subdomain_policy: d.sp,
        nonexistent_policy: d.np,
        adkim: d.adkim,
        aspf: d.aspf,
        rua: uris(&d.rua),
        ruf: uris(&d.ruf),
        ..DmarcRecord::default()
    }
}

pub(super) fn records(b: &mut Builder<'_>, _findings: &mut Vec<Finding>) {
    let plan = b.plan;
    let record = dmarc_record(&plan.dmarc);
    let Ok(owner) = plan.domain.prepend("_dmarc", NameKind::Service) else {
        return;
    };
    let explain = if plan.null_mx {
        code::explain::DMARC_NULL
    } else {
        code::explain::DMARC
    };
    b.push(
        owner,
        Rdata::Txt(Txt::from_value(&record.to_string())),
        RecordPurpose::Dmarc,
        explain,
    );
    for auth in report_authorizations(&plan.domain, &record) {
        b.push_to(
            auth.name,
            Rdata::Txt(Txt::from_value(&auth.record.to_string())),
            RecordPurpose::DmarcReportAuth,
            code::explain::DMARC_REPORT_AUTH,
            Some(auth.destination),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dmarc::{Alignment, DmarcPolicy};

    /// The printed record is what the form's choices say, tag for tag, and
    /// reads back to the same typed record.
    #[test]
    fn the_record_prints_every_choice_and_reads_back() {
        let cases: [(DmarcPlan, &str); 2] = [
            (
                DmarcPlan {
                    p: DmarcPolicy::Quarantine,
                    sp: None,
                    np: None,
                    adkim: None,
                    aspf: None,
                    rua: vec!["mailto:d@example.com".into()],
                    ruf: Vec::new(),
                },
                "v=DMARC1; p=quarantine; rua=mailto:d@example.com",
            ),
            (
                DmarcPlan {
                    p: DmarcPolicy::Reject,
                    sp: Some(DmarcPolicy::None),
                    np: Some(DmarcPolicy::Reject),
                    adkim: Some(Alignment::Strict),
                    aspf: Some(Alignment::Relaxed),
                    rua: vec!["mailto:a@example.com".into(), "https://r.example.net/".into()],
                    ruf: vec!["mailto:f@example.com".into()],
                },
                "v=DMARC1; p=reject; sp=none; np=reject; adkim=s; aspf=r; \
                 rua=mailto:a@example.com,https://r.example.net/; ruf=mailto:f@example.com",
            ),
        ];
        for (plan, want) in cases {
            let record = dmarc_record(&plan);
            assert_eq!(record.to_string(), want);
            assert_eq!(DmarcRecord::parse(want), Ok(record));
        }
    }
}
