//! DKIM key records (RFC 6376 §3.6.1, §3.6.2.1: `<selector>._domainkey.<domain>`
//! TXT `v=DKIM1; k=rsa; p=...`), an Ed25519 key beside the RSA one when
//! given (RFC 8463 §4.2), and the lines that install the private key in
//! OpenDKIM and rspamd.
//!
//! A 2048-bit RSA record is about 410 octets and a 4096-bit one about 740:
//! more than one TXT string holds (RFC 1035 §3.3: 255 octets), so the value
//! is cut into several strings, which verifiers join with nothing between
//! (RFC 6376 §3.6.2.2).

use super::{Builder, RecordPurpose};
use crate::finding::Finding;
use crate::model::name::Name;
use crate::model::record::Rdata;
use crate::model::txt::Txt;
use crate::plan::DkimPlan;

pub(super) fn records(b: &mut Builder<'_>, findings: &mut Vec<Finding>) {
    let plan = b.plan;
    match &plan.dkim {
        Some(k) => push(b, k, "explain.dkim"),
        None => findings.push(Finding::warning(
            "generate.no_dkim",
            plan.domain.as_str(),
            "RFC 6376 §3.6.1",
        )),
    }
    if let Some(k) = &plan.dkim_ed25519 {
        push(b, k, "explain.dkim_ed25519");
    }
}

fn push(b: &mut Builder<'_>, k: &DkimPlan, explain: &'static str) {
    let value = k.key.to_string();
    b.push(
        k.owner.clone(),
        Rdata::Txt(Txt::from_value(&value)),
        RecordPurpose::Dkim,
        explain,
    );
}

/// OpenDKIM `KeyTable` and `SigningTable` lines (refile form) for the key
/// at `key_path`, e.g. for `s202611`, `example.com`, `/etc/opendkim/keys/example.com/s202611.private`:
///
/// ```text
/// # /etc/opendkim/KeyTable
/// s202611._domainkey.example.com example.com:s202611:/etc/opendkim/keys/example.com/s202611.private
/// # /etc/opendkim/SigningTable (SigningTable refile:/etc/opendkim/SigningTable)
/// *@example.com s202611._domainkey.example.com
/// ```
pub fn opendkim_snippet(selector: &str, domain: &Name, key_path: &str) -> String {
    let d = domain.as_str();
    format!(
        "# /etc/opendkim/KeyTable\n\
         {selector}._domainkey.{d} {d}:{selector}:{key_path}\n\
         # /etc/opendkim/SigningTable (opendkim.conf: SigningTable refile:/etc/opendkim/SigningTable)\n\
         *@{d} {selector}._domainkey.{d}\n"
    )
}

/// rspamd `local.d/dkim_signing.conf` for the key at `key_path`.
pub fn rspamd_snippet(selector: &str, domain: &Name, key_path: &str) -> String {
    let d = domain.as_str();
    format!(
        "# /etc/rspamd/local.d/dkim_signing.conf\n\
         allow_username_mismatch = true;\n\
         domain {{\n\
         \x20 {d} {{\n\
         \x20   selectors [\n\
         \x20     {{\n\
         \x20       path = \"{key_path}\";\n\
         \x20       selector = \"{selector}\";\n\
         \x20     }}\n\
         \x20   ]\n\
         \x20 }}\n\
         }}\n"
    )
}
