//! Entries too big for DNS: one report address (DMARC, TLS-RPT) or CAA
//! iodef URL can alone make a TXT or CAA record no DNS server can hand out
//! (a 100,000-character URL). Such an entry is refused here, on its field,
//! whatever the rest of the form holds. Records that only grow too big
//! together (thousands of SPF addresses, several long report addresses) are
//! measured once generated: `crate::generate`'s size check, with the budget
//! [`max_rdata`] from here.
//!
//! RFC 1035 §4.2.2: over TCP a message is preceded by a two-octet length,
//! so one answer is at most 65,535 octets: the header (12, §4.1.1), the
//! question (the owner name and 4), the answer's owner as a compression
//! pointer (2, §4.1.4), type, class, TTL and RDLENGTH (10, §4.1.3), and an
//! EDNS OPT record (11, RFC 6891 §6.1.2), which leaves this much for the
//! record data. (RDLENGTH itself also stops at 65,535, RFC 1035 §3.2.1.)

use super::Validator;
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::name::Name;
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
                let finding = Finding::error(code::plan::RECORD_TOO_LARGE, owner.as_str(), "RFC 1035 §4.2.2")
                    .arg("type", rtype)
                    .arg("len", len)
                    .arg("max", max);
                self.out.push(field, finding);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::validate;

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
    fn an_entry_too_big_alone_is_refused_while_the_form_is_unfinished() {
        let mut p = plan();
        p.hosts[0].ipv4.clear();
        p.dmarc.ruf = vec![format!("mailto:{}@example.com", "a".repeat(66_000))];
        assert!(errors_on(&p, "dmarc.ruf[0]").contains(&code::plan::RECORD_TOO_LARGE));
        // The host without an address has its own error at the same time.
        let all = validate::field_findings(&p);
        assert!(all.by_field.keys().any(|k| k.starts_with("hosts[0]")), "{all:?}");
    }

    #[test]
    fn a_huge_caa_iodef_is_refused_on_its_field() {
        let mut p = plan();
        p.caa.enabled = true;
        p.caa.issuers = vec![String::from("letsencrypt.org")];
        p.caa.iodef = format!("https://example.com/{}", "x".repeat(70_000));
        assert!(errors_on(&p, "caa.iodef").contains(&code::plan::RECORD_TOO_LARGE));
    }
}
