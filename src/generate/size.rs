//! Records too big for DNS, measured once generated: a plan whose fields are
//! each valid can still make a TXT or CAA record no DNS server can hand out
//! (thousands of SPF addresses, several long report addresses together).
//! [`record_sizes`] refuses such a set on the field that filled the record,
//! before a zone file no server loads is written; an entry too big alone is
//! already refused by the plan's own validation.
//!
//! RFC 1035 §4.2.2: one answer over TCP is at most 65,535 octets, which
//! leaves [`max_rdata`] for the record data once the header, question,
//! answer fields and an EDNS OPT record are counted (the budget is worked
//! out beside the plan's entry check).

use super::{RecordPurpose, RecordSet};
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::record::Rdata;
use crate::plan::{max_rdata, MailPlan, PlanErrors};

/// Octets of record data that grow with what the user typed; other types
/// are bounded by their grammar (names at most 255 octets, addresses fixed).
fn rdata_len(rdata: &Rdata) -> usize {
    match rdata {
        Rdata::Txt(t) | Rdata::Spf(t) => t.wire_len(),
        // RFC 8659 §4.1: flags, tag length, tag, value.
        Rdata::Caa(c) => 2 + c.tag.as_str().len() + c.value.len(),
        _ => 0,
    }
}

/// The key of the longest non-empty entry among `lists` (`field[i]`).
fn longest(lists: &[(&str, &[String])]) -> Option<String> {
    lists
        .iter()
        .flat_map(|(field, list)| {
            list.iter()
                .enumerate()
                .map(move |(i, v)| (v.trim().len(), field, i))
        })
        .filter(|(len, _, _)| *len > 0)
        .max_by_key(|(len, _, _)| *len)
        .map(|(_, field, i)| format!("{field}[{i}]"))
}

/// Adds to `out` a `plan.record_too_large` error for every record of the
/// set that cannot fit in a DNS answer, on the field that fills it.
pub fn record_sizes(input: &MailPlan, set: &RecordSet, out: &mut PlanErrors) {
    for planned in &set.records {
        let r = &planned.record;
        let (len, max) = (rdata_len(&r.rdata), max_rdata(&r.name));
        if len <= max {
            continue;
        }
        let field = match planned.purpose {
            RecordPurpose::Dmarc => {
                longest(&[("dmarc.rua", &input.dmarc.rua), ("dmarc.ruf", &input.dmarc.ruf)])
            }
            RecordPurpose::TlsRpt => longest(&[("tls_rpt.rua", &input.tls_rpt.rua)]),
            RecordPurpose::Caa => Some(String::from("caa.iodef")),
            RecordPurpose::Spf => Some(String::from("spf")),
            _ => None,
        };
        let finding = Finding::error(code::plan::RECORD_TOO_LARGE, r.name.as_str(), "RFC 1035 §4.2.2")
            .arg("type", r.rdata.rtype())
            .arg("len", len)
            .arg("max", max);
        out.push(field.unwrap_or_else(|| String::from("domain")), finding);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{generate, plan_findings, validate_and_generate};
    use crate::model::name::Name;

    fn plan() -> MailPlan {
        MailPlan {
            domain: String::from("example.com"),
            hosts: vec![crate::plan::HostInput {
                name: String::from("mail"),
                ipv4: vec![String::from("192.0.2.1")],
                ..Default::default()
            }],
            ..MailPlan::default()
        }
    }

    fn errors_on(p: &MailPlan, field: &str) -> Vec<&'static str> {
        let e = plan_findings(p);
        e.get(field).iter().map(|f| f.code).collect()
    }

    #[test]
    fn a_huge_report_address_is_refused_on_its_entry() {
        let mut p = plan();
        p.dmarc.rua = vec![
            String::from("mailto:dmarc@example.com"),
            format!("https://reports.example.net/{}", "a".repeat(100_000)),
        ];
        assert_eq!(errors_on(&p, "dmarc.rua[1]"), [code::plan::RECORD_TOO_LARGE]);
        assert!(validate_and_generate(&p).is_err());
        // Just under the limit is accepted (and split into 255-octet strings).
        let owner = Name::service("_dmarc.example.com").unwrap();
        p.dmarc.rua = vec![format!("https://r.example.net/{}", "a".repeat(60_000))];
        let (ok, _) = validate_and_generate(&p).unwrap();
        let dmarc = generate(&ok)
            .records
            .into_iter()
            .find(|r| r.purpose == RecordPurpose::Dmarc)
            .unwrap();
        assert!(rdata_len(&dmarc.record.rdata) <= max_rdata(&owner));
    }

    #[test]
    fn entries_that_fit_alone_but_not_together_are_refused_on_the_longest() {
        let mut p = plan();
        p.dmarc.rua = vec![
            format!("https://a.example.net/{}", "a".repeat(33_000)),
            format!("https://b.example.net/{}", "b".repeat(34_000)),
        ];
        assert_eq!(errors_on(&p, "dmarc.rua[0]"), Vec::<&str>::new());
        assert_eq!(errors_on(&p, "dmarc.rua[1]"), [code::plan::RECORD_TOO_LARGE]);
    }

    #[test]
    fn thousands_of_spf_addresses_are_refused_on_the_spf_section() {
        let mut p = plan();
        p.spf.ip6 = (0..3000).map(|i| format!("2001:db8:{i:x}::/48")).collect();
        assert!(errors_on(&p, "spf").contains(&code::plan::RECORD_TOO_LARGE));
    }
}
