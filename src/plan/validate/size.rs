//! Records too big for DNS: a plan whose fields are each valid can still
//! make a TXT or CAA record no DNS server can hand out (a 100,000-character
//! report address, thousands of SPF addresses). Such a plan is refused here,
//! on the field that made the record big, before the generator writes a
//! zone file no server loads.
//!
//! RFC 1035 §4.2.2: over TCP a message is preceded by a two-octet length,
//! so one answer is at most 65,535 octets: the header (12, §4.1.1), the
//! question (the owner name and 4), the answer's owner as a compression
//! pointer (2, §4.1.4), type, class, TTL and RDLENGTH (10, §4.1.3), and an
//! EDNS OPT record (11, RFC 6891 §6.1.2), which leaves this much for the
//! record data. (RDLENGTH itself also stops at 65,535, RFC 1035 §3.2.1.)

use super::Validator;
use crate::finding::Finding;
use crate::generate::{RecordPurpose, RecordSet};
use crate::model::name::Name;
use crate::model::record::Rdata;
use crate::plan::MailPlan;

const MESSAGE_MAX: usize = 65_535;
const HEADER: usize = 12;
const QUESTION_FIXED: usize = 4;
const ANSWER_FIXED: usize = 2 + 10;
const OPT_RECORD: usize = 11;

/// Octets of `name` on the wire: a length octet per label and the root.
fn wire_name_len(name: &Name) -> usize {
    name.labels().map(|l| l.len() + 1).sum::<usize>() + 1
}

/// The most record data one answer for `owner` can carry.
pub fn max_rdata(owner: &Name) -> usize {
    MESSAGE_MAX - HEADER - (wire_name_len(owner) + QUESTION_FIXED) - ANSWER_FIXED - OPT_RECORD
}

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

/// Octets of TXT record data for a value of `len` octets, split into
/// character-strings of at most 255 octets, each with its length octet
/// (RFC 1035 §3.3.14).
fn txt_wire_len(len: usize) -> usize {
    len + len.div_ceil(255)
}

impl Validator {
    /// Refuses an entry that alone makes its record too big, whatever the
    /// other fields hold (so the error shows while the form still has
    /// others): a report address (DMARC, TLS-RPT) or the CAA iodef URL.
    pub(super) fn entry_sizes(&mut self, input: &MailPlan, domain: &Name) {
        let owner = |label: &str| Name::service(&format!("{label}.{}", domain.as_str())).ok();
        let lists: [(&str, &[String], Option<Name>); 3] = [
            ("dmarc.rua", &input.dmarc.rua, owner("_dmarc")),
            ("dmarc.ruf", &input.dmarc.ruf, owner("_dmarc")),
            ("tls_rpt.rua", &input.tls_rpt.rua, owner("_smtp._tls")),
        ];
        let mut entries: Vec<(String, usize, Name, &'static str)> = Vec::new();
        for (field, list, owner) in lists {
            let Some(owner) = owner else { continue };
            for (i, text) in list.iter().enumerate() {
                entries.push((
                    format!("{field}[{i}]"),
                    txt_wire_len(text.trim().len()),
                    owner.clone(),
                    "TXT",
                ));
            }
        }
        if input.caa.enabled {
            // RFC 8659 §4.1: flags, tag length, "iodef", value.
            let len = 2 + "iodef".len() + input.caa.iodef.trim().len();
            entries.push((String::from("caa.iodef"), len, domain.clone(), "CAA"));
        }
        for (field, len, owner, rtype) in entries {
            let max = max_rdata(&owner);
            if len > max {
                let finding = Finding::error("plan.record_too_large", owner.as_str(), "RFC 1035 §4.2.2")
                    .arg("type", rtype)
                    .arg("len", len)
                    .arg("max", max);
                self.out.push(field, finding);
            }
        }
    }

    /// Refuses every record of the plan's set that cannot fit in a DNS
    /// answer, on the field that fills it.
    pub(super) fn record_sizes(&mut self, input: &MailPlan, set: &RecordSet) {
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
            let finding = Finding::error("plan.record_too_large", r.name.as_str(), "RFC 1035 §4.2.2")
                .arg("type", r.rdata.rtype())
                .arg("len", len)
                .arg("max", max);
            self.out
                .push(field.unwrap_or_else(|| String::from("domain")), finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate;
    use crate::plan::{validate, MailPlan};

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
        let e = validate::field_findings(p);
        e.get(field).iter().map(|f| f.code).collect()
    }

    #[test]
    fn the_budget_counts_header_question_answer_and_opt() {
        let owner = Name::service("_dmarc.example.com").unwrap();
        // 1 + 6 + 1 + 7 + 1 + 3 + 1 = 20 octets of name.
        assert_eq!(wire_name_len(&owner), 20);
        assert_eq!(max_rdata(&owner), 65_535 - 12 - 24 - 12 - 11);
    }

    #[test]
    fn a_huge_report_address_is_refused_on_its_entry() {
        let mut p = plan();
        p.dmarc.rua = vec![
            String::from("mailto:dmarc@example.com"),
            format!("https://reports.example.net/{}", "a".repeat(100_000)),
        ];
        assert_eq!(errors_on(&p, "dmarc.rua[1]"), ["plan.record_too_large"]);
        assert!(validate::validate(&p).is_err());
        // Just under the limit is accepted (and split into 255-octet strings).
        let owner = Name::service("_dmarc.example.com").unwrap();
        p.dmarc.rua = vec![format!("https://r.example.net/{}", "a".repeat(60_000))];
        let ok = validate::validate(&p).unwrap();
        let dmarc = generate::generate(&ok)
            .records
            .into_iter()
            .find(|r| r.purpose == RecordPurpose::Dmarc)
            .unwrap();
        assert!(rdata_len(&dmarc.record.rdata) <= max_rdata(&owner));
    }

    #[test]
    fn an_entry_too_big_alone_is_refused_while_the_form_is_unfinished() {
        let mut p = plan();
        p.hosts[0].ipv4.clear();
        p.dmarc.ruf = vec![format!("mailto:{}@example.com", "a".repeat(66_000))];
        assert!(errors_on(&p, "dmarc.ruf[0]").contains(&"plan.record_too_large"));
        // The host without an address has its own error at the same time.
        let all = validate::field_findings(&p);
        assert!(all.by_field.keys().any(|k| k.starts_with("hosts[0]")), "{all:?}");
    }

    #[test]
    fn entries_that_fit_alone_but_not_together_are_refused_on_the_longest() {
        let mut p = plan();
        p.dmarc.rua = vec![
            format!("https://a.example.net/{}", "a".repeat(33_000)),
            format!("https://b.example.net/{}", "b".repeat(34_000)),
        ];
        assert_eq!(errors_on(&p, "dmarc.rua[0]"), Vec::<&str>::new());
        assert_eq!(errors_on(&p, "dmarc.rua[1]"), ["plan.record_too_large"]);
    }

    #[test]
    fn thousands_of_spf_addresses_are_refused_on_the_spf_section() {
        let mut p = plan();
        p.spf.ip6 = (0..3000).map(|i| format!("2001:db8:{i:x}::/48")).collect();
        assert!(errors_on(&p, "spf").contains(&"plan.record_too_large"));
    }

    #[test]
    fn a_huge_caa_iodef_is_refused_on_its_field() {
        let mut p = plan();
        p.caa.enabled = true;
        p.caa.issuers = vec![String::from("letsencrypt.org")];
        p.caa.iodef = format!("https://example.com/{}", "x".repeat(70_000));
        assert!(errors_on(&p, "caa.iodef").contains(&"plan.record_too_large"));
    }
}
