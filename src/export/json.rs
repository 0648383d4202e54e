//! JSON export of a record set, schema `maildns.recordset/1`.
//!
//! ```text
//! {
//!   "schema":   "maildns.recordset/1",
//!   "domain":   "xn--fsqu00a.xn--fiqs8s",      // A-label form, no trailing dot
//!   "domain_unicode": "例子.中国",
//!   "records": [{
//!     "name":   "mail.example.com",            // owner, absolute, no trailing dot
//!     "host":   "mail",                        // relative to its zone: "@", "mail", "_dmarc"
//!     "type":   "A",                           // mnemonic
//!     "ttl":    3600,
//!     "priority": null,                        // MX preference, else null
//!     "value":  "192.0.2.1",                   // panel form: TXT unquoted and joined, MX target only
//!     "rdata":  "192.0.2.1",                   // zone-file presentation of the data
//!     "txt_strings": null,                     // TXT: the character-strings as published, else null
//!     "zone_line": "mail.example.com. 3600 IN A 192.0.2.1",
//!     "purpose": "host_address",               // mx, host_address, spf, dkim, dmarc, dmarc_report_auth,
//!                                              // mta_sts, mta_sts_host, tls_rpt, null_mx, srv, caa, tlsa
//!     "explain": "explain.a",                  // catalogue key of the explanation
//!     "other_zone": null                       // domain whose DNS it goes into, when not this one
//!   }],
//!   "ptr_requests": [{ "ip": "192.0.2.1", "reverse_name": "1.2.0.192.in-addr.arpa",
//!                      "target": "mail.example.com", "text_en": "...", "text_zh": "..." }],
//!   "mta_sts_policy": { "url": "https://mta-sts.example.com/.well-known/mta-sts.txt",
//!                       "body": "version: STSv1\r\n...", "id": "..." } | null,
//!   "findings": [{ "code": "address.documentation", "severity": "warning" | "info" | "error",
//!                  "subject": "192.0.2.1", "rfc": "RFC 5737 §3",
//!                  "args": { "block": "192.0.2.0/24" }, "fix": null }]
//! }
//! ```
//!
//! [`schema`] returns the same as a JSON Schema (draft 2020-12) document.

use super::plain_value;
use crate::generate::RecordSet;
use crate::model::record::Rdata;
use serde_json::{json as j, Map, Value};

/// The schema identifier written into every export.
pub const SCHEMA_ID: &str = "maildns.recordset/1";

/// The export as a JSON value.
pub fn to_value(set: &RecordSet) -> Value {
    let records: Vec<Value> = set
        .records
        .iter()
        .map(|r| {
            let record = &r.record;
            let zone = r.other_zone.as_ref().unwrap_or(&set.domain);
            let (value, priority) = plain_value(&record.rdata);
            let txt_strings = match &record.rdata {
                Rdata::Txt(t) => Value::Array(
                    t.strings
                        .iter()
                        .map(|s| Value::String(String::from_utf8_lossy(s).into_owned()))
                        .collect(),
                ),
                _ => Value::Null,
            };
            j!({
                "name": record.name.as_str(),
                "host": record.name.relative_to(zone),
                "type": record.rtype().to_string(),
                "ttl": record.ttl,
                "priority": priority,
                "value": value,
                "rdata": record.rdata.to_string(),
                "txt_strings": txt_strings,
                "zone_line": record.to_string(),
                "purpose": r.purpose,
                "explain": r.explain_code,
                "other_zone": r.other_zone.as_ref().map(|z| z.as_str()),
            })
        })
        .collect();
    let findings: Vec<Value> = set
        .findings
        .iter()
        .map(|f| {
            let args: Map<String, Value> = f
                .args
                .iter()
                .map(|(k, v)| (k.to_string(), Value::String(v.clone())))
                .collect();
            j!({
                "code": f.code,
                "severity": f.severity,
                "subject": f.subject,
                "rfc": f.rfc,
                "args": args,
                "fix": f.fix,
            })
        })
        .collect();
    j!({
        "schema": SCHEMA_ID,
        "domain": set.domain.as_str(),
        "domain_unicode": set.domain.to_unicode(),
        "records": records,
        "ptr_requests": set.ptr_requests.iter().map(|p| j!({
            "ip": p.ip.to_string(),
            "reverse_name": p.reverse_name.as_str(),
            "target": p.target.as_str(),
            "text_en": p.text_en,
            "text_zh": p.text_zh,
        })).collect::<Vec<_>>(),
        "mta_sts_policy": set.mta_sts_policy,
        "findings": findings,
    })
}

/// The export as pretty-printed JSON text.
pub fn json(set: &RecordSet) -> String {
    serde_json::to_string_pretty(&to_value(set)).unwrap_or_default()
}

/// The JSON Schema (draft 2020-12) of the export.
pub fn schema() -> &'static str {
    SCHEMA
}

const SCHEMA: &str = r##"{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "maildns.recordset/1",
  "title": "maildns record set export",
  "type": "object",
  "required": ["schema", "domain", "domain_unicode", "records", "ptr_requests", "mta_sts_policy", "findings"],
  "additionalProperties": false,
  "properties": {
    "schema": { "const": "maildns.recordset/1" },
    "domain": { "type": "string", "description": "The mail domain in A-label form, no trailing dot." },
    "domain_unicode": { "type": "string", "description": "The mail domain in Unicode (U-label) form." },
    "records": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["name", "host", "type", "ttl", "priority", "value", "rdata", "txt_strings", "zone_line", "purpose", "explain", "other_zone"],
        "additionalProperties": false,
        "properties": {
          "name": { "type": "string", "description": "Owner name, absolute, no trailing dot." },
          "host": { "type": "string", "description": "Owner relative to its zone: @, mail, _dmarc, s202611._domainkey." },
          "type": { "type": "string", "description": "Record type mnemonic: MX, A, AAAA, TXT, SRV, CAA, TLSA." },
          "ttl": { "type": "integer", "minimum": 0, "maximum": 2147483647 },
          "priority": { "type": ["integer", "null"], "minimum": 0, "maximum": 65535, "description": "MX preference; null for other types." },
          "value": { "type": "string", "description": "Panel form: TXT unquoted and joined, MX target without priority, names without trailing dot." },
          "rdata": { "type": "string", "description": "Zone-file presentation of the record data (RFC 1035 §5.1)." },
          "txt_strings": { "type": ["array", "null"], "items": { "type": "string", "maxLength": 255 }, "description": "TXT character-strings as published (each at most 255 octets)." },
          "zone_line": { "type": "string", "description": "The whole zone-file line: name. TTL IN TYPE rdata." },
          "purpose": { "enum": ["mx", "host_address", "spf", "dkim", "dmarc", "dmarc_report_auth", "mta_sts", "mta_sts_host", "tls_rpt", "null_mx", "srv", "caa", "tlsa"] },
          "explain": { "type": "string", "description": "Catalogue key of the record's explanation." },
          "other_zone": { "type": ["string", "null"], "description": "Domain whose DNS the record goes into when not the mail domain's." }
        }
      }
    },
    "ptr_requests": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["ip", "reverse_name", "target", "text_en", "text_zh"],
        "additionalProperties": false,
        "properties": {
          "ip": { "type": "string" },
          "reverse_name": { "type": "string" },
          "target": { "type": "string" },
          "text_en": { "type": "string" },
          "text_zh": { "type": "string" }
        }
      }
    },
    "mta_sts_policy": {
      "type": ["object", "null"],
      "required": ["url", "body", "id"],
      "additionalProperties": false,
      "properties": {
        "url": { "type": "string" },
        "body": { "type": "string", "description": "Policy file body, CRLF line endings." },
        "id": { "type": "string", "pattern": "^[A-Za-z0-9]{1,32}$" }
      }
    },
    "findings": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["code", "severity", "subject", "rfc", "args", "fix"],
        "additionalProperties": false,
        "properties": {
          "code": { "type": "string", "description": "Catalogue key, <area>.<what>." },
          "severity": { "enum": ["info", "warning", "error"] },
          "subject": { "type": "string" },
          "rfc": { "type": "string" },
          "args": { "type": "object", "additionalProperties": { "type": "string" } },
          "fix": { "type": ["string", "null"] }
        }
      }
    }
  }
}
"##;
