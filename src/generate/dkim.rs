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
use crate::i18n::code;
use crate::model::name::Name;
use crate::model::record::Rdata;
use crate::model::txt::Txt;
use crate::plan::DkimPlan;

pub(super) fn records(b: &mut Builder<'_>, findings: &mut Vec<Finding>) {
    let plan = b.plan;
    match &plan.dkim {
        Some(k) => push(b, k, code::explain::DKIM),
        None => findings.push(Finding::warning(
            code::generate::NO_DKIM,
            plan.domain.as_str(),
            "RFC 6376 §3.6.1",
        )),
    }
    if let Some(k) = &plan.dkim_ed25519 {
        push(b, k, code::explain::DKIM_ED25519);
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

/// Where OpenDKIM keys usually live: `/etc/opendkim/keys/<domain>/<selector>.private`.
pub fn opendkim_key_path(domain: &Name, selector: &str) -> String {
    format!("/etc/opendkim/keys/{}/{selector}.private", domain.as_str())
}

/// rspamd's default key path pattern `/var/lib/rspamd/dkim/$domain.$selector.key`, filled in.
pub fn rspamd_key_path(domain: &Name, selector: &str) -> String {
    format!("/var/lib/rspamd/dkim/{}.{selector}.key", domain.as_str())
}

/// PEM text (RFC 7468 §2: base64 lines of 64 characters between BEGIN and
/// END lines) of DER bytes, e.g. `pem("PRIVATE KEY", pkcs8)` for the key file
/// the page offers for download after WebCrypto made the pair. The core
/// only formats; it keeps nothing.
pub fn pem(label: &str, der: &[u8]) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    let mut rest = b64.as_str();
    while !rest.is_empty() {
        let (line, tail) = rest.split_at(rest.len().min(64));
        out.push_str(line);
        out.push('\n');
        rest = tail;
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
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
