//! MTA-STS inputs (RFC 8461 §3.2), the autoconfig target (RFC 6186),
//! CAA (RFC 8659) and the TLSA certificate (RFC 7672).

use super::{host_name, report_uri, Validator};
use crate::dmarc::uri;
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::address::{parse_ipv4, parse_ipv6};
use crate::model::name::{Name, NameError};
use crate::plan::certificate::{spki_from_pem, spki_sha256};
use crate::plan::{
    holds_private_key, AutoconfigInput, AutoconfigPlan, CaaInput, CaaPlan, MailHost, MtaStsInput, MtaStsPlan,
    MxPattern, TlsaInput, DEFAULT_MTA_STS_MAX_AGE,
};
use std::net::IpAddr;

impl Validator {
    pub(super) fn mta_sts(
        &mut self,
        input: &MtaStsInput,
        domain: &Name,
        hosts: &[MailHost],
        backup: &[MailHost],
    ) -> MtaStsPlan {
        let max_age = if input.max_age.trim().is_empty() {
            DEFAULT_MTA_STS_MAX_AGE
        } else {
            // RFC 8461 §3.2: max_age is at most 31557600 seconds.
            match input.max_age.trim().parse::<u64>() {
                Ok(n) if n <= 31_557_600 => n,
                _ => {
                    self.out.push(
                        "mta_sts.max_age",
                        Finding::error(code::plan::BAD_MAX_AGE, input.max_age.trim(), "RFC 8461 §3.2"),
                    );
                    DEFAULT_MTA_STS_MAX_AGE
                }
            }
        };
        let mut mx = Vec::new();
        for (i, text) in input.mx.iter().enumerate() {
            let t = text.trim().trim_end_matches('.').to_ascii_lowercase();
            if t.is_empty() {
                continue;
            }
            // RFC 8461 §3.2: an mx pattern is a host name, or `*.` and a name (one label wildcard).
            let checked = match t.strip_prefix("*.") {
                Some(rest) => Name::host(rest).map(|domain| MxPattern {
                    wildcard: true,
                    domain,
                }),
                None => Name::host(&t).map(|domain| MxPattern {
                    wildcard: false,
                    domain,
                }),
            };
            match checked {
                Ok(p) if !p.domain.is_root() => {
                    if !mx.contains(&p) {
                        mx.push(p);
                    }
                }
                // A name that is wrong in itself (an IP literal, an empty or
                // overlong label, a bad IDN) says so; anything else, such as a
                // misplaced `*`, is a bad pattern.
                Err(
                    e @ (NameError::IpLiteral
                    | NameError::EmptyLabel { .. }
                    | NameError::LabelTooLong { .. }
                    | NameError::NameTooLong { .. }
                    | NameError::Idna { .. }),
                ) => self
                    .out
                    .push(format!("mta_sts.mx[{i}]"), e.to_finding(t.as_str())),
                _ => self.out.push(
                    format!("mta_sts.mx[{i}]"),
                    Finding::error(code::plan::BAD_MX_PATTERN, t.as_str(), "RFC 8461 §3.2"),
                ),
            }
        }
        if mx.is_empty() {
            mx = hosts
                .iter()
                .chain(backup)
                .map(|h| MxPattern {
                    wildcard: false,
                    domain: h.name.clone(),
                })
                .collect();
        }
        let mut web_ipv4 = self.addresses("mta_sts.web_ipv4", &input.web_ipv4, parse_ipv4, IpAddr::V4);
        let mut web_ipv6 = self.addresses("mta_sts.web_ipv6", &input.web_ipv6, parse_ipv6, IpAddr::V6);
        if web_ipv4.is_empty() && web_ipv6.is_empty() {
            if let Some(first) = hosts.first() {
                web_ipv4 = first.ipv4.clone();
                web_ipv6 = first.ipv6.clone();
            }
        }
        if web_ipv4.is_empty() && web_ipv6.is_empty() {
            self.out.push(
                "mta_sts.web_ipv4",
                Finding::warning(
                    code::plan::MTA_STS_NO_WEB_ADDRESS,
                    domain.as_str(),
                    "RFC 8461 §3.3",
                ),
            );
        }
        MtaStsPlan {
            mode: input.mode,
            max_age,
            mx,
            web_ipv4,
            web_ipv6,
        }
    }

    pub(super) fn autoconfig(
        &mut self,
        input: &AutoconfigInput,
        domain: &Name,
        hosts: &[MailHost],
    ) -> Option<AutoconfigPlan> {
        let target = if input.target.trim().is_empty() {
            hosts.first().map(|h| h.name.clone())?
        } else {
            match host_name(&input.target, domain) {
                Ok(n) => n,
                Err(e) => {
                    self.name_err("autoconfig.target", &input.target, &e);
                    return None;
                }
            }
        };
        let published = hosts.iter().any(|h| h.name == target && h.has_addresses());
        if target.is_subdomain_of(domain) && !published {
            // RFC 2782: the SRV target must have address records; in our zone only the plan can give them.
            self.out.push(
                "autoconfig.target",
                Finding::error(
                    code::plan::AUTOCONFIG_TARGET_NO_ADDRESS,
                    target.as_str(),
                    "RFC 2782",
                ),
            );
        }
        Some(AutoconfigPlan {
            target,
            submissions: input.submissions,
            submission: input.submission,
            imaps: input.imaps,
            pop3s: input.pop3s,
        })
    }

    pub(super) fn caa(&mut self, input: &CaaInput) -> CaaPlan {
        let mut issuers = Vec::new();
        for (i, text) in input.issuers.iter().enumerate() {
            if text.trim().is_empty() {
                continue;
            }
            match Name::host(text) {
                // RFC 8659 §4.2: the CAA linter wants a CA's domain (two
                // labels or more), so the plan must not generate less.
                Ok(n) if n.label_count() < 2 => self.out.push(
                    format!("caa.issuers[{i}]"),
                    Finding::error(code::caa::BAD_ISSUER, text.trim(), "RFC 8659 §4.2")
                        .arg("issuer", text.trim()),
                ),
                Ok(n) if !issuers.contains(&n) => issuers.push(n),
                Ok(_) => {}
                Err(e) => self.name_err(&format!("caa.issuers[{i}]"), text, &e),
            }
        }
        if issuers.is_empty() && !self.out.by_field.keys().any(|k| k.starts_with("caa.issuers")) {
            self.out.push(
                "caa.issuers",
                Finding::error(code::plan::CAA_NO_ISSUER, "caa", "RFC 8659 §4.2"),
            );
        }
        let iodef_text = input.iodef.trim();
        let iodef = if iodef_text.is_empty() {
            None
        } else {
            let u = report_uri(iodef_text);
            // RFC 8659 §4.4: iodef is a mailto:, http: or https: URL; no `"` or `\` in our quoting.
            match uri::check(&u) {
                Ok(s) if (s == "mailto" || s == "https" || s == "http") && !u.contains(['"', '\\']) => {
                    Some(u)
                }
                _ => {
                    self.out.push(
                        "caa.iodef",
                        Finding::error(code::plan::CAA_BAD_IODEF, u.as_str(), "RFC 8659 §4.4"),
                    );
                    None
                }
            }
        };
        CaaPlan { issuers, iodef }
    }

    pub(super) fn tlsa(&mut self, input: &TlsaInput) -> Option<[u8; 32]> {
        let t = input.pem.trim();
        if t.is_empty() {
            self.out.push(
                "tlsa.pem",
                Finding::error(code::plan::TLSA_NO_PEM, "tlsa", "RFC 7672 §3.1.1"),
            );
            return None;
        }
        if holds_private_key(t) {
            self.out.push(
                "tlsa.pem",
                Finding::error(code::plan::PRIVATE_KEY_PASTED, "tlsa", "RFC 7672 §3.1.1"),
            );
            return None;
        }
        match spki_from_pem(t) {
            Ok(spki) => Some(spki_sha256(&spki)),
            Err(e) => {
                self.out
                    .push("tlsa.pem", Finding::error(e.code(), "tlsa", "RFC 6698 §2.1.2"));
                None
            }
        }
    }
}
