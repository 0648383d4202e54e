//! The rows each DNS panel's "add record" form wants.
//!
//! - Aliyun DNS (阿里云云解析) and DNSPod: 主机记录 relative to the domain
//!   (`@`, `mail`, `_dmarc`, `s202611._domainkey`), 记录类型, 记录值 with TXT
//!   unquoted (the panel quotes and splits it), MX 优先级 in its own column,
//!   SRV and CAA values in presentation form (`0 1 465 mail.example.com`,
//!   `0 issue "letsencrypt.org"`), names without the trailing dot.
//! - Cloudflare: Name relative or `@`, Content, Priority apart for MX and SRV
//!   (SRV content is then `weight port target`), TXT unquoted.
//! - Route 53: Record name as FQDN with trailing dot; value in zone-file
//!   form: MX `10 mail.example.com.`, TXT quoted and split `"..." "..."`.
//! - Huawei Cloud DNS (华为云云解析服务): 主机记录 relative to the domain like
//!   Aliyun, and the value in zone-file form: MX `10 mail.example.com.` in the
//!   one value field, TXT in double quotes, a long one as several quoted
//!   strings of at most 255 characters separated by one space, SRV
//!   `priority weight port target` (the rules of its record set types page,
//!   <https://support.huaweicloud.com/usermanual-dns/dns_usermanual_0601.html>).
//! - Generic: FQDN with trailing dot and the zone-file data.
//!
//! A record for another zone is given relative to that zone, with
//! [`PanelRow::other_zone`] set: the user enters it in that domain's panel.

use super::plain_value;
use crate::generate::{PlannedRecord, RecordPurpose, RecordSet};
use crate::model::record::Rdata;
use serde::{Deserialize, Serialize};

/// A DNS panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Panel {
    Aliyun,
    DnsPod,
    Cloudflare,
    Route53,
    Huawei,
    Generic,
}

impl Panel {
    pub const ALL: [Panel; 6] = [
        Panel::Aliyun,
        Panel::DnsPod,
        Panel::Cloudflare,
        Panel::Route53,
        Panel::Huawei,
        Panel::Generic,
    ];

    /// The panel's stored word, as serde writes it (`dns_pod`): the page
    /// remembers the chosen panel by it without linking a JSON reader into
    /// its first view.
    pub fn word(self) -> &'static str {
        match self {
            Panel::Aliyun => "aliyun",
            Panel::DnsPod => "dns_pod",
            Panel::Cloudflare => "cloudflare",
            Panel::Route53 => "route53",
            Panel::Huawei => "huawei",
            Panel::Generic => "generic",
        }
    }

    /// The panel a stored word names ([`Panel::word`]).
    pub fn from_word(word: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.word() == word)
    }
}

/// One row of a panel's record form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PanelRow {
    /// Host / Name field.
    pub host: String,
    /// Record type mnemonic.
    pub rtype: String,
    /// Value / Content field.
    pub value: String,
    /// MX (and for Cloudflare SRV) priority, when the panel has a column for it.
    pub priority: Option<u16>,
    pub ttl: u32,
    pub purpose: RecordPurpose,
    pub explain_code: &'static str,
    /// The domain whose panel this row goes into, when not the plan's domain.
    pub other_zone: Option<String>,
}

/// The rows for `panel`, in the record set's order.
pub fn panel_rows(set: &RecordSet, panel: Panel) -> Vec<PanelRow> {
    set.records.iter().map(|r| row(set, r, panel)).collect()
}

fn row(set: &RecordSet, r: &PlannedRecord, panel: Panel) -> PanelRow {
    let zone = r.other_zone.as_ref().unwrap_or(&set.domain);
    let record = &r.record;
    let relative = || {
        let h = record.name.relative_to(zone);
        // relative_to gives an absolute name when outside the zone; panels want it without the dot.
        h.strip_suffix('.').map(str::to_string).unwrap_or(h)
    };
    let (host, value, priority) = match panel {
        Panel::Aliyun | Panel::DnsPod => {
            let (value, priority) = plain_value(&record.rdata);
            (relative(), value, priority)
        }
        Panel::Cloudflare => {
            let (value, priority) = match &record.rdata {
                Rdata::Srv(s) => (
                    format!("{} {} {}", s.weight, s.port, dotless(&s.target.fqdn())),
                    Some(s.priority),
                ),
                other => plain_value(other),
            };
            (relative(), value, priority)
        }
        Panel::Huawei => (relative(), record.rdata.to_string(), None),
        Panel::Route53 | Panel::Generic => (record.name.fqdn(), record.rdata.to_string(), None),
    };
    PanelRow {
        host,
        rtype: record.rtype().to_string(),
        value,
        priority,
        ttl: record.ttl,
        purpose: r.purpose,
        explain_code: r.explain_code,
        other_zone: r.other_zone.as_ref().map(|z| z.as_str().to_string()),
    }
}

fn dotless(fqdn: &str) -> String {
    match fqdn.strip_suffix('.') {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => ".".to_string(),
    }
}
