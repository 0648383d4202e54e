//! Exports of a [`crate::generate::RecordSet`]: a BIND master file (full
//! zone or records-only fragment), CSV, JSON with a documented schema, the
//! rows each DNS panel wants, and `dig` commands to check what is published.

mod alidns;
pub mod csv;
pub mod dig;
pub mod dnscontrol;
pub mod json;
pub mod limits;
pub mod monitor;
pub mod octodns;
pub mod panel;
pub mod terraform;
pub mod tools;
pub mod zone;

pub use csv::csv;
pub use dig::{dig_command, dig_ptr};
pub use json::{json, schema};
pub use panel::{panel_rows, Panel, PanelRow};
pub use zone::{zone_file, zone_fragment};

use crate::generate::PlannedRecord;
use crate::i18n::{self, Lang};
use crate::model::record::Rdata;

/// A phrase an export writes in the page's language. Export-only wording
/// stays beside the export that writes it, not in the page's catalogue, so
/// it is loaded with the export and not with the first view.
pub(crate) fn tr(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::ZhCn => zh,
    }
}

/// What the record is for, in `lang`: the catalogue's one-line explanation.
pub(crate) fn purpose_text(lang: Lang, r: &PlannedRecord) -> &'static str {
    i18n::text(lang, r.explain_code)
}

/// The record data as a panel "value" field takes it, priority apart:
/// TXT as the joined value without quotes; MX as the target (priority in its
/// own column); names without the trailing dot; the rest in presentation form.
pub(crate) fn plain_value(rdata: &Rdata) -> (String, Option<u16>) {
    match rdata {
        Rdata::Txt(t) | Rdata::Spf(t) => (t.value(), None),
        Rdata::Mx(m) => (dotless(&m.exchange.fqdn()), Some(m.preference)),
        Rdata::Cname(n) | Rdata::Ns(n) => (dotless(&n.fqdn()), None),
        Rdata::Ptr(p) => (dotless(&p.target.fqdn()), None),
        other => (other.to_string(), None),
    }
}

/// `mail.example.com.` → `mail.example.com`; the root `.` stays `.`.
fn dotless(fqdn: &str) -> String {
    match fqdn.strip_suffix('.') {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => ".".to_string(),
    }
}

#[cfg(test)]
mod tests;
