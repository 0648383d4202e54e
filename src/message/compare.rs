//! The page's verdicts beside the receiver's own (`Authentication-Results`,
//! RFC 8601), and where they differ, the likely reason.
//!
//! The receiver judged the message when it arrived, with the DNS of that
//! moment and the message as it came off the wire; the page judges it now,
//! as pasted. So a difference usually means one of: the key was rotated
//! or removed since (RFC 6376 §3.6.1), the DNS changed since, the message
//! was changed after it was checked (a forwarder, a mail client re-encoding
//! it, a paste that re-wrapped lines), or SPF was asked about another hop.

use super::auth_results::{AuthResults, MethodResult};
use super::dkim::{DkimResult, DkimVerdict, FailedStep};
use super::dmarc::MessageDmarc;
use super::spf::MessageSpf;
use crate::finding::Finding;
use crate::i18n::code;

const RFC_AR: &str = "RFC 8601 §2.7";

/// The receiver's result for a signature: the `dkim` result naming the same
/// `header.b` prefix (RFC 6008 §4), else the same `header.d`/`header.i` domain.
fn receiver_dkim<'a>(
    ar: &'a AuthResults,
    r: &DkimResult,
    b_prefix: Option<&str>,
) -> Option<&'a MethodResult> {
    let dkim = ar.results.iter().filter(|m| m.method == "dkim");
    if let Some(b) = b_prefix {
        if let Some(m) = dkim.clone().find(|m| {
            m.property("header.b")
                .is_some_and(|p| !p.is_empty() && (b.starts_with(p) || p.starts_with(b)))
        }) {
            return Some(m);
        }
    }
    let d = r.domain.as_deref()?;
    dkim.clone().find(|m| {
        m.property("header.d").is_some_and(|x| x.eq_ignore_ascii_case(d))
            || m.property("header.i")
                .and_then(|i| i.rsplit_once('@'))
                .is_some_and(|(_, x)| x.eq_ignore_ascii_case(d))
    })
}

/// The likely reason the receiver said `theirs` and the page says `ours`.
fn dkim_reason(ours: &DkimVerdict, theirs: &str, findings: &[Finding]) -> &'static str {
    let first = findings.first().map(|f| f.code);
    match (ours, theirs) {
        (
            DkimVerdict::Fail {
                step: FailedStep::BodyHash | FailedStep::Signature,
            },
            "pass",
        ) => code::message::DIFFER_MODIFIED,
        (
            DkimVerdict::Fail {
                step: FailedStep::Key,
            },
            "pass",
        ) => code::message::DIFFER_KEY_CHANGED,
        (DkimVerdict::PermError, "pass") if first == Some(code::message::DKIM_EXPIRED) => {
            code::message::DIFFER_EXPIRED
        }
        (DkimVerdict::PermError, "pass") if matches!(first, Some(c) if c == code::message::DKIM_NO_KEY || c == code::message::DKIM_KEY_SYNTAX) => {
            code::message::DIFFER_KEY_CHANGED
        }
        (DkimVerdict::TempError { .. } | DkimVerdict::NotVerified { .. }, _) => {
            code::message::DIFFER_TEMPORARY
        }
        (_, "temperror") => code::message::DIFFER_TEMPORARY,
        (DkimVerdict::Pass, _) => code::message::DIFFER_DNS_CHANGED,
        _ => code::message::DIFFER_OTHER,
    }
}

/// Findings comparing each verdict with the topmost `Authentication-Results`.
pub fn compare(
    ar: Option<&AuthResults>,
    dkim: &[DkimResult],
    spf: Option<&MessageSpf>,
    dmarc: &MessageDmarc,
) -> Vec<Finding> {
    let Some(ar) = ar else {
        return vec![Finding::info(
            code::message::NO_AUTH_RESULTS,
            "Authentication-Results",
            RFC_AR,
        )];
    };
    let mut out = Vec::new();
    let id = ar.authserv_id.as_str();
    let differ = |what: &str, ours: &str, theirs: &str, reason: &'static str| {
        Finding::warning(code::message::DIFFER, what, RFC_AR)
            .arg("ours", ours)
            .arg("theirs", theirs)
            .arg("receiver", id)
            .arg("reason", reason)
            .arg("line", ar.line)
    };
    let agree = |what: &str, result: &str| {
        Finding::info(code::message::AGREE, what, RFC_AR)
            .arg("result", result)
            .arg("receiver", id)
            .arg("line", ar.line)
    };
    for r in dkim {
        let what = format!("dkim d={}", r.domain.as_deref().unwrap_or("?"));
        let Some(theirs) = receiver_dkim(ar, r, r.b_prefix.as_deref()) else {
            continue;
        };
        let ours = r.verdict.as_str();
        if ours == theirs.result {
            out.push(agree(&what, ours));
        } else {
            out.push(differ(
                &what,
                ours,
                &theirs.result,
                dkim_reason(&r.verdict, &theirs.result, &r.findings),
            ));
        }
    }
    if let (Some(s), Some(theirs)) = (spf, ar.results.iter().find(|m| m.method == "spf")) {
        let ours = s.result().as_str();
        if ours == theirs.result {
            out.push(agree("spf", ours));
        } else {
            // Another client address than the receiver saw: the chosen hop
            // is not the one the receiver judged (a forwarder's).
            let reason = if theirs.result == "temperror" || ours == "temperror" {
                code::message::DIFFER_TEMPORARY
            } else {
                code::message::DIFFER_HOP_OR_DNS
            };
            out.push(differ("spf", ours, &theirs.result, reason));
        }
    }
    if let Some(theirs) = ar.results.iter().find(|m| m.method == "dmarc") {
        let ours = dmarc.result.as_str();
        if ours == theirs.result {
            out.push(agree("dmarc", ours));
        } else {
            out.push(differ(
                "dmarc",
                ours,
                &theirs.result,
                code::message::DIFFER_FOLLOWS,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::DnsError;

    fn reason(code: &'static str) -> Vec<Finding> {
        vec![Finding::error(code, "s", "RFC")]
    }

    #[test]
    fn likely_reasons() {
        let fail = |step| DkimVerdict::Fail { step };
        assert_eq!(
            dkim_reason(&fail(FailedStep::BodyHash), "pass", &[]),
            code::message::DIFFER_MODIFIED
        );
        assert_eq!(
            dkim_reason(&fail(FailedStep::Key), "pass", &[]),
            code::message::DIFFER_KEY_CHANGED
        );
        assert_eq!(
            dkim_reason(
                &DkimVerdict::PermError,
                "pass",
                &reason(code::message::DKIM_NO_KEY)
            ),
            code::message::DIFFER_KEY_CHANGED
        );
        assert_eq!(
            dkim_reason(
                &DkimVerdict::PermError,
                "pass",
                &reason(code::message::DKIM_EXPIRED)
            ),
            code::message::DIFFER_EXPIRED
        );
        let temp = DkimVerdict::TempError {
            dns: DnsError::Timeout,
        };
        assert_eq!(dkim_reason(&temp, "pass", &[]), code::message::DIFFER_TEMPORARY);
        assert_eq!(
            dkim_reason(&DkimVerdict::Pass, "fail", &[]),
            code::message::DIFFER_DNS_CHANGED
        );
    }
}
