//! [`validate`]: a [`MailPlan`] as typed to a [`ValidatedPlan`], or every
//! problem keyed by field. Cheap enough for every keystroke: it parses the
//! inputs with the project's parsers and nothing more.
//!
//! The checks are split by form section: hosts and TTLs here, then
//! [`spf`], [`dkim`], [`reports`] (DMARC and TLS-RPT addresses) and
//! [`extras`] (MTA-STS, autoconfig, CAA, TLSA).

mod dkim;
mod extras;
mod reports;
mod size;
mod spf;

pub use size::max_rdata;

use super::*;
use crate::dmarc::uri;
use crate::i18n::code;
use crate::model::address::{lint_address, parse_ipv4, parse_ipv6};
use crate::model::name::NameKind;
use crate::model::record::{lint_ttl, parse_ttl};
use std::net::IpAddr;

/// Codes this module emits itself (the rest come from the model, DKIM and URI checks).
pub const CODES: &[&str] = &[
    code::plan::NO_MAIL_HOST,
    code::plan::HOST_NO_ADDRESS,
    code::plan::DUPLICATE_HOST,
    code::plan::BACKUP_MX_NO_NAME,
    code::plan::BAD_PRIORITY,
    code::plan::UNKNOWN_TTL_KIND,
    code::plan::BAD_CIDR,
    code::plan::PRIVATE_KEY_PASTED,
    code::plan::DKIM_NO_SELECTOR,
    code::plan::DKIM_NO_KEY,
    code::plan::DKIM_NOT_RSA,
    code::plan::DKIM_SIZE_MISMATCH,
    code::plan::DKIM_RSA_1024,
    code::plan::DKIM_RSA_4096,
    code::plan::DKIM_NOT_ED25519,
    code::plan::DKIM_ED25519_WITHOUT_RSA,
    code::plan::DKIM_SAME_SELECTOR,
    code::plan::BAD_MAX_AGE,
    code::plan::BAD_MX_PATTERN,
    code::plan::MTA_STS_NO_WEB_ADDRESS,
    code::plan::BAD_REPORT_URI,
    code::plan::TLS_RPT_NO_RUA,
    code::plan::CAA_NO_ISSUER,
    code::plan::CAA_BAD_IODEF,
    code::plan::TLSA_NO_PEM,
    code::plan::TLSA_BAD_PEM,
    code::plan::TLSA_BAD_DER,
    code::plan::NULL_MX_IGNORES_HOSTS,
    code::plan::AUTOCONFIG_TARGET_NO_ADDRESS,
    code::plan::SPF_TOO_MANY_LOOKUPS,
    code::plan::RECORD_TOO_LARGE,
    code::plan::DKIM_SELECTOR_SUFFIX,
    code::plan::DOMAIN_IS_HOST,
];

/// First labels that name a mail server rather than a mail domain: a domain
/// typed as `mail.example.com` is most often the server's name, and would
/// publish `MX mail.mail.example.com`.
const HOST_LABELS: [&str; 12] = [
    "mail", "mail1", "mail2", "mx", "mx1", "mx2", "smtp", "imap", "pop", "pop3", "mta", "email",
];

/// Stands in for a domain that does not parse yet (RFC 6761 §6.4 reserves `.invalid`).
const PLACEHOLDER_DOMAIN: &str = "domain.invalid";

/// Validates the plan's fields. `Err` carries every finding (errors and
/// warnings) by field; `Ok` carries the warnings in
/// [`ValidatedPlan::field_findings`].
///
/// Each field is checked alone, an entry too big for any record included
/// (`size.rs`); whether the records the plan makes fit together in a DNS
/// answer takes generating them, which the generator does after this
/// (`crate::generate::validate_and_generate`).
pub fn validate(plan: &MailPlan) -> Result<ValidatedPlan, PlanErrors> {
    let mut v = Validator::default();
    let domain = v.domain(&plan.domain);
    let ttl = v.ttls(&plan.ttl);
    // While the domain is still being typed, the other fields are checked
    // against a placeholder so the form can show their errors already; the
    // domain's own error keeps the result an `Err`.
    let Some(domain) = domain.or_else(|| Name::host(PLACEHOLDER_DOMAIN).ok()) else {
        return Err(v.out);
    };
    v.entry_sizes(plan, &domain);
    let dmarc = v.dmarc(&plan.dmarc);
    let caa = plan.caa.enabled.then(|| v.caa(&plan.caa));
    let validated = if plan.null_mx {
        if !plan.hosts.is_empty() || !plan.backup_mx.is_empty() {
            v.out.push(
                "hosts",
                Finding::info(code::plan::NULL_MX_IGNORES_HOSTS, domain.as_str(), "RFC 7505 §3"),
            );
        }
        ValidatedPlan {
            null_mx: true,
            hosts: Vec::new(),
            backup_mx: Vec::new(),
            ttl,
            spf: SpfPlan {
                ip4: Vec::new(),
                ip6: Vec::new(),
                a: Vec::new(),
                mx: Vec::new(),
                includes: Vec::new(),
                all: SpfAll::Fail,
            },
            dkim: None,
            dkim_ed25519: None,
            dmarc: DmarcPlan {
                p: DmarcPolicy::Reject,
                sp: None,
                np: None,
                adkim: Some(Alignment::Strict),
                aspf: Some(Alignment::Strict),
                ..dmarc
            },
            mta_sts: None,
            tls_rpt: None,
            autoconfig: None,
            caa,
            tlsa_spki_sha256: None,
            domain,
            field_findings: PlanErrors::default(),
        }
    } else {
        let hosts = v.hosts(&plan.hosts, &domain);
        let backup_mx = v.backup_mx(&plan.backup_mx, &domain, &hosts);
        let spf = v.spf(&plan.spf, &domain);
        let (dkim, dkim_ed25519) = v.dkim(&plan.dkim, &domain);
        let mta_sts = plan
            .mta_sts
            .enabled
            .then(|| v.mta_sts(&plan.mta_sts, &domain, &hosts, &backup_mx));
        let tls_rpt = plan.tls_rpt.enabled.then(|| v.tls_rpt(&plan.tls_rpt));
        let autoconfig = plan
            .autoconfig
            .enabled
            .then(|| v.autoconfig(&plan.autoconfig, &domain, &hosts));
        let tlsa_spki_sha256 = if plan.tlsa.enabled {
            v.tlsa(&plan.tlsa)
        } else {
            None
        };
        ValidatedPlan {
            null_mx: false,
            hosts,
            backup_mx,
            ttl,
            spf,
            dkim,
            dkim_ed25519,
            dmarc,
            mta_sts,
            tls_rpt,
            autoconfig: autoconfig.flatten(),
            caa,
            tlsa_spki_sha256,
            domain,
            field_findings: PlanErrors::default(),
        }
    };
    if v.out.has_errors() {
        return Err(v.out);
    }
    Ok(ValidatedPlan {
        field_findings: v.out,
        ..validated
    })
}

/// Every finding on the plan's fields, whether or not it validates (the
/// fields alone: see [`validate`]).
pub fn field_findings(plan: &MailPlan) -> PlanErrors {
    match validate(plan) {
        Ok(v) => v.field_findings,
        Err(e) => e,
    }
}

#[derive(Default)]
struct Validator {
    out: PlanErrors,
}

/// Reads a host name typed relative to the domain the way panels take it:
/// a name ending in `.`, equal to or under the domain, or with a dot in it
/// is absolute (`mail.example.com`, `mx.provider.net`); a single label
/// (`mail`) is prefixed to the domain.
fn host_name(text: &str, domain: &Name) -> Result<Name, crate::model::NameError> {
    let t = text.trim();
    if t == "@" {
        return Ok(domain.clone());
    }
    // An address is never prefixed to the domain: `2001:db8::25` is an IP
    // literal (RFC 7505 §3 and RFC 5321 §5.1 want a name), not a bad label.
    if let Err(e @ crate::model::NameError::IpLiteral) = Name::host(t) {
        return Err(e);
    }
    if t.trim_end_matches('.').contains('.') || t.ends_with('.') {
        Name::host(t)
    } else {
        Name::from_relative(t, domain, NameKind::Host)
    }
}

/// Splits `addr/prefix`.
fn split_cidr(text: &str) -> (&str, Option<&str>) {
    match text.trim().split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (text.trim(), None),
    }
}

/// `user@host` gets `mailto:`; anything with a scheme is kept. The domain
/// of a `mailto:` address is written in A-labels (`rua@例子.中国` →
/// `mailto:rua@xn--fsqu00a.xn--fiqs8s`): URIs are ASCII (RFC 3986 §2).
fn report_uri(text: &str) -> String {
    let t = text.trim();
    let uri = if uri::split_scheme(t).is_some_and(|(s, _)| s == "mailto" || s == "https" || s == "http") {
        t.to_string()
    } else if t.contains('@') && !t.contains(':') {
        format!("mailto:{t}")
    } else {
        t.to_string()
    };
    match uri.rsplit_once('@') {
        Some((head, domain)) if head.starts_with("mailto:") && !domain.is_ascii() => {
            match Name::host(domain) {
                Ok(n) => format!("{head}@{}", n.as_str()),
                Err(_) => uri,
            }
        }
        _ => uri,
    }
}

impl Validator {
    pub(super) fn name_err(&mut self, field: &str, text: &str, e: &crate::model::NameError) {
        self.out.push(field, e.to_finding(text.trim()));
    }

    fn domain(&mut self, text: &str) -> Option<Name> {
        match Name::host(text) {
            Ok(n) => {
                for f in n.lint() {
                    self.out.push("domain", f);
                }
                // RFC 5321 §2.3.5: the mail domain is what follows `@`. A
                // server name typed here is pointed out, never refused: a
                // subdomain can be a mail domain of its own.
                let labels: Vec<&str> = n.as_str().split('.').collect();
                if let [first, rest @ ..] = labels.as_slice() {
                    if rest.len() >= 2 && HOST_LABELS.contains(first) {
                        let parent = rest.join(".");
                        self.out.push(
                            "domain",
                            Finding::warning(code::plan::DOMAIN_IS_HOST, n.as_str(), "RFC 5321 §2.3.5")
                                .arg("domain", n.as_str())
                                .arg("parent", &parent),
                        );
                    }
                }
                Some(n)
            }
            Err(e) => {
                self.name_err("domain", text, &e);
                None
            }
        }
    }

    fn ttls(&mut self, input: &TtlInput) -> Ttls {
        let default = self.ttl("ttl.default", &input.default).unwrap_or(DEFAULT_TTL);
        let mut overrides = BTreeMap::new();
        for (kind, text) in &input.overrides {
            let Some(known) = TTL_KINDS.iter().find(|k| **k == kind.as_str()) else {
                self.out.push(
                    format!("ttl.{kind}"),
                    Finding::warning(code::plan::UNKNOWN_TTL_KIND, kind.as_str(), "RFC 2181 §8"),
                );
                continue;
            };
            if let Some(ttl) = self.ttl(&format!("ttl.{kind}"), text) {
                overrides.insert(*known, ttl);
            }
        }
        Ttls { default, overrides }
    }

    /// A TTL field; empty means "use the default" (`None`).
    fn ttl(&mut self, field: &str, text: &str) -> Option<u32> {
        if text.trim().is_empty() {
            return None;
        }
        match parse_ttl(text) {
            Ok(t) => {
                for f in lint_ttl(t, field) {
                    self.out.push(field, f);
                }
                Some(t)
            }
            Err(e) => {
                self.out.push(field, e.to_finding(text.trim()));
                None
            }
        }
    }

    fn priority(&mut self, field: &str, text: &str, default: u16) -> u16 {
        let t = text.trim();
        if t.is_empty() {
            return default;
        }
        match t.parse::<u16>() {
            Ok(p) => p,
            Err(_) => {
                self.out.push(
                    field,
                    Finding::error(code::plan::BAD_PRIORITY, t, "RFC 1035 §3.3.9").arg("value", t),
                );
                default
            }
        }
    }

    /// Address lists: every entry parsed and linted (documentation, private...).
    pub(super) fn addresses<T>(
        &mut self,
        field: &str,
        list: &[String],
        parse: fn(&str) -> Result<T, crate::model::RdataError>,
        into_ip: fn(T) -> IpAddr,
    ) -> Vec<T>
    where
        T: Copy + PartialEq,
    {
        let mut out = Vec::new();
        for (i, text) in list.iter().enumerate() {
            if text.trim().is_empty() {
                continue;
            }
            let key = format!("{field}[{i}]");
            match parse(text) {
                Ok(a) => {
                    for f in lint_address(into_ip(a)) {
                        self.out.push(key.clone(), f);
                    }
                    if !out.contains(&a) {
                        out.push(a);
                    }
                }
                Err(e) => self.out.push(key, e.to_finding(text.trim())),
            }
        }
        out
    }

    fn host(
        &mut self,
        field: &str,
        input: &HostInput,
        domain: &Name,
        default_name: Option<Name>,
        prio: u16,
    ) -> Option<MailHost> {
        let ipv4 = self.addresses(&format!("{field}.ipv4"), &input.ipv4, parse_ipv4, IpAddr::V4);
        let ipv6 = self.addresses(&format!("{field}.ipv6"), &input.ipv6, parse_ipv6, IpAddr::V6);
        let priority = self.priority(&format!("{field}.priority"), &input.priority, prio);
        let name = match (input.name.trim().is_empty(), default_name) {
            (true, Some(n)) => n,
            _ => match host_name(&input.name, domain) {
                Ok(n) => n,
                Err(e) => {
                    self.name_err(&format!("{field}.name"), &input.name, &e);
                    return None;
                }
            },
        };
        Some(MailHost {
            name,
            ipv4,
            ipv6,
            priority,
        })
    }

    fn hosts(&mut self, inputs: &[HostInput], domain: &Name) -> Vec<MailHost> {
        let mut hosts: Vec<MailHost> = Vec::new();
        if inputs.is_empty() {
            self.out.push(
                "hosts",
                Finding::error(code::plan::NO_MAIL_HOST, domain.as_str(), "RFC 5321 §5.1"),
            );
        }
        for (i, input) in inputs.iter().enumerate() {
            let field = format!("hosts[{i}]");
            let default = if i == 0 {
                domain.prepend("mail", NameKind::Host).ok()
            } else {
                None
            };
            let Some(host) = self.host(&field, input, domain, default, DEFAULT_PRIORITY) else {
                continue;
            };
            if hosts.iter().any(|h| h.name == host.name) {
                self.out.push(
                    format!("{field}.name"),
                    Finding::error(code::plan::DUPLICATE_HOST, host.name.as_str(), "RFC 5321 §5.1"),
                );
                continue;
            }
            if !host.has_addresses() && host.name.is_subdomain_of(domain) {
                // RFC 5321 §5.1: the MX target is resolved to addresses; a name in
                // our own zone has none unless this plan publishes them.
                self.out.push(
                    format!("{field}.ipv4"),
                    Finding::error(code::plan::HOST_NO_ADDRESS, host.name.as_str(), "RFC 5321 §5.1"),
                );
            }
            hosts.push(host);
        }
        hosts
    }

    fn backup_mx(&mut self, inputs: &[HostInput], domain: &Name, hosts: &[MailHost]) -> Vec<MailHost> {
        let mut out: Vec<MailHost> = Vec::new();
        for (i, input) in inputs.iter().enumerate() {
            let field = format!("backup_mx[{i}]");
            if input.name.trim().is_empty() {
                self.out.push(
                    format!("{field}.name"),
                    Finding::error(code::plan::BACKUP_MX_NO_NAME, domain.as_str(), "RFC 5321 §5.1"),
                );
                continue;
            }
            let Some(host) = self.host(&field, input, domain, None, DEFAULT_BACKUP_PRIORITY) else {
                continue;
            };
            if !host.has_addresses() && host.name.is_subdomain_of(domain) {
                self.out.push(
                    format!("{field}.ipv4"),
                    Finding::error(code::plan::HOST_NO_ADDRESS, host.name.as_str(), "RFC 5321 §5.1"),
                );
            }
            if hosts.iter().chain(&out).any(|h| h.name == host.name) {
                self.out.push(
                    format!("{field}.name"),
                    Finding::error(code::plan::DUPLICATE_HOST, host.name.as_str(), "RFC 5321 §5.1"),
                );
                continue;
            }
            out.push(host);
        }
        out
    }
}
