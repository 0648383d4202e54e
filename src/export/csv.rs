//! CSV export (RFC 4180: CRLF line ends, fields with `,` `"` or line breaks
//! quoted, `"` doubled). One row per record, with a header:
//! `name,host,type,ttl,priority,value,zone_value,purpose,other_zone`.
//! `value` is the panel form (TXT unquoted, MX priority apart); `zone_value`
//! is the zone-file data.

use super::plain_value;
use crate::generate::RecordSet;

/// The CSV text.
pub fn csv(set: &RecordSet) -> String {
    let mut out = String::from("name,host,type,ttl,priority,value,zone_value,purpose,other_zone\r\n");
    for r in &set.records {
        let record = &r.record;
        let zone = r.other_zone.as_ref().unwrap_or(&set.domain);
        let (value, priority) = plain_value(&record.rdata);
        let fields = [
            record.name.as_str().to_string(),
            record.name.relative_to(zone),
            record.rtype().to_string(),
            record.ttl.to_string(),
            priority.map(|p| p.to_string()).unwrap_or_default(),
            value,
            record.rdata.to_string(),
            serde_json::to_value(r.purpose)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            r.other_zone
                .as_ref()
                .map(|z| z.as_str().to_string())
                .unwrap_or_default(),
        ];
        let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One RFC 4180 field. A leading `=`, `+`, `-` or `@` is not escaped: the
/// values are DNS data the user pastes, and `-all` must stay `-all`.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
