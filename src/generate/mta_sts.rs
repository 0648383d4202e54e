//! MTA-STS (RFC 8461): the `_mta-sts.<domain>` TXT record (§3.1), the
//! policy file served at `https://mta-sts.<domain>/.well-known/mta-sts.txt`
//! (§3.2, §3.3), and the address records of the `mta-sts` web host. The
//! record and the policy are built as their typed values
//! ([`MtaStsRecord`], [`MtaStsPolicy`]) and printed by their `Display`.
//!
//! The policy `id` must change whenever the policy does (§3.1: senders
//! refetch only when the id changes). It is derived from the policy body:
//! the first 32 hex digits of its SHA-256, so it changes exactly when the
//! policy text changes and is stable otherwise.
//!
//! The web host's addresses come from the plan (`mta_sts.web_ipv4/6`) or
//! default to the first mail host's (one box serving mail and the policy
//! over HTTPS is the common self-hosted setup); see [`crate::plan::MtaStsInput`].

use super::address::addresses;
use super::{Builder, RecordPurpose};
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::name::{Name, NameKind};
use crate::model::record::Rdata;
use crate::model::txt::Txt;
use crate::mta_sts::{check_mx_coverage, MtaStsPolicy, MtaStsRecord};
use crate::plan::MtaStsPlan;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The policy file to put on the web server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MtaStsPolicyFile {
    /// `https://mta-sts.<domain>/.well-known/mta-sts.txt`
    pub url: String,
    /// The file body, CRLF line endings (§3.2).
    pub body: String,
    /// The `id` published in the TXT record.
    pub id: String,
}

/// The policy id for a policy body: 32 lowercase hex digits of its SHA-256
/// (RFC 8461 §3.1 allows 1 to 32 letters and digits).
pub fn policy_id(body: &str) -> String {
    Sha256::digest(body.as_bytes())
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The typed policy.
pub fn policy(m: &MtaStsPlan) -> MtaStsPolicy {
    MtaStsPolicy {
        mode: m.mode,
        mx: m.mx.clone(),
        max_age: m.max_age,
        extensions: Vec::new(),
    }
}

pub(super) fn records(b: &mut Builder<'_>, findings: &mut Vec<Finding>) -> Option<MtaStsPolicyFile> {
    let plan = b.plan;
    let m = plan.mta_sts.as_ref()?;
    let policy = policy(m);
    let body = policy.to_string();
    let id = policy_id(&body);
    let owner = plan.domain.prepend("_mta-sts", NameKind::Service).ok()?;
    let web = plan.domain.prepend("mta-sts", NameKind::Host).ok()?;
    let record = MtaStsRecord {
        id: id.clone(),
        extensions: Vec::new(),
    };
    b.push(
        owner,
        Rdata::Txt(Txt::from_value(&record.to_string())),
        RecordPurpose::MtaSts,
        code::explain::MTA_STS,
    );
    addresses(b, &web, &m.web_ipv4, &m.web_ipv6, RecordPurpose::MtaStsHost);
    let url = format!("https://{}/.well-known/mta-sts.txt", web.as_str());
    let subject = url.clone();
    // §3.3: the policy is served over HTTPS with a valid certificate for mta-sts.<domain>.
    findings.push(
        Finding::info(
            code::generate::MTA_STS_SERVE_POLICY,
            subject.as_str(),
            "RFC 8461 §3.3",
        )
        .arg("url", &url)
        .with_fix(body.clone()),
    );
    let (_, policy_findings) = MtaStsPolicy::check(&body, &subject);
    findings.extend(policy_findings);
    let mx_hosts: Vec<Name> = plan
        .hosts
        .iter()
        .chain(&plan.backup_mx)
        .map(|h| h.name.clone())
        .collect();
    findings.extend(check_mx_coverage(&policy, &mx_hosts));
    Some(MtaStsPolicyFile { url, body, id })
}
