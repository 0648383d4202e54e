//! Client autoconfiguration SRV records (RFC 6186 §3, RFC 8314 §5.1).
//!
//! Every one of the six mail services gets a record, so a client never
//! falls back to guessing: offered services point at the target host on
//! their registered port; the rest say "not offered" with `0 0 0 .`
//! (RFC 6186 §3.4, RFC 2782 target "."). Plaintext IMAP (143) and POP3
//! (110) are never offered: RFC 8314 §3 prefers implicit TLS.

use super::{Builder, RecordPurpose};
use crate::i18n::code;
use crate::model::record::Rdata;
use crate::model::srv::{MailService, Srv};

pub(super) fn records(b: &mut Builder<'_>) {
    let plan = b.plan;
    let Some(a) = &plan.autoconfig else {
        return;
    };
    for service in MailService::ALL {
        let offered = match service {
            MailService::Submissions => a.submissions,
            MailService::Submission => a.submission,
            MailService::Imaps => a.imaps,
            MailService::Pop3s => a.pop3s,
            MailService::Imap | MailService::Pop3 => false,
        };
        let Ok(owner) = service.owner(&plan.domain) else {
            continue;
        };
        let (srv, explain) = if offered {
            (service.record(a.target.clone()), code::explain::SRV)
        } else {
            (Srv::not_offered(), code::explain::SRV_NOT_OFFERED)
        };
        b.push(owner, Rdata::Srv(srv), RecordPurpose::Srv, explain);
    }
}
