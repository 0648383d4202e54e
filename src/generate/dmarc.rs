//! The DMARC record at `_dmarc.<domain>` (RFC 9989 §4.7, tags in the order
//! v, p, then the optional ones), and for every report address outside the
//! domain the authorization record the destination must publish at
//! `<domain>._report._dmarc.<destination>` (RFC 9990 §3), flagged as
//! belonging to the other zone.

use super::{Builder, RecordPurpose};
use crate::dmarc::{external_report_authorizations, DmarcRecord};
use crate::finding::Finding;
use crate::model::name::NameKind;
use crate::model::record::Rdata;
use crate::model::txt::Txt;
use crate::plan::{AlignmentChoice, DmarcPlan};

/// The record text.
pub fn dmarc_text(d: &DmarcPlan) -> String {
    let mut out = format!("v=DMARC1; p={}", d.p.as_str());
    if let Some(sp) = d.sp {
        out.push_str(&format!("; sp={}", sp.as_str()));
    }
    if let Some(np) = d.np {
        out.push_str(&format!("; np={}", np.as_str()));
    }
    let align = |a: AlignmentChoice| match a {
        AlignmentChoice::Relaxed => "r",
        AlignmentChoice::Strict => "s",
    };
    if let Some(a) = d.adkim {
        out.push_str(&format!("; adkim={}", align(a)));
    }
    if let Some(a) = d.aspf {
        out.push_str(&format!("; aspf={}", align(a)));
    }
    if !d.rua.is_empty() {
        out.push_str(&format!("; rua={}", d.rua.join(",")));
    }
    if !d.ruf.is_empty() {
        out.push_str(&format!("; ruf={}", d.ruf.join(",")));
    }
    out
}

pub(super) fn records(b: &mut Builder<'_>, _findings: &mut Vec<Finding>) {
    let plan = b.plan;
    let text = dmarc_text(&plan.dmarc);
    let Ok(owner) = plan.domain.prepend("_dmarc", NameKind::Service) else {
        return;
    };
    let explain = if plan.null_mx {
        "explain.dmarc_null"
    } else {
        "explain.dmarc"
    };
    b.push(
        owner,
        Rdata::Txt(Txt::from_value(&text)),
        RecordPurpose::Dmarc,
        explain,
    );
    let Ok(parsed) = DmarcRecord::parse(&text) else {
        return;
    };
    for (name, value) in external_report_authorizations(&plan.domain, &parsed) {
        // The destination domain is what follows `._report._dmarc.`.
        let zone = name
            .as_str()
            .split_once("._report._dmarc.")
            .and_then(|(_, dest)| crate::model::name::Name::host(dest).ok());
        b.push_to(
            name,
            Rdata::Txt(Txt::from_value(&value)),
            RecordPurpose::DmarcReportAuth,
            "explain.dmarc_report_auth",
            zone,
        );
    }
}
