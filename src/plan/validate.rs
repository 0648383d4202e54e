//! [`validate`]: a [`MailPlan`] as typed to a [`ValidatedPlan`], or every
//! problem keyed by field. Cheap enough for every keystroke: it parses the
//! inputs with the project's parsers and nothing more.

use super::certificate::{spki_from_pem, spki_sha256};
use super::*;
use crate::dkim::spki::{parse_spki, PublicKey};
use crate::dkim::{from_pasted, KeyType};
use crate::dmarc::uri;
use crate::model::address::{lint_address, parse_ipv4, parse_ipv6};
use crate::model::name::NameKind;
use crate::model::record::{lint_ttl, parse_ttl};
use std::net::IpAddr;

/// Codes this module emits itself (the rest come from the model, DKIM and URI checks).
pub const CODES: &[&str] = &[
    "plan.no_mail_host",
    "plan.host_no_address",
    "plan.duplicate_host",
    "plan.backup_mx_no_name",
    "plan.bad_priority",
    "plan.unknown_ttl_kind",
    "plan.bad_cidr",
    "plan.private_key_pasted",
    "plan.dkim_no_selector",
    "plan.dkim_no_key",
    "plan.dkim_not_rsa",
    "plan.dkim_size_mismatch",
    "plan.dkim_rsa_1024",
    "plan.dkim_rsa_4096",
    "plan.dkim_not_ed25519",
    "plan.dkim_ed25519_without_rsa",
    "plan.dkim_same_selector",
    "plan.bad_max_age",
    "plan.bad_mx_pattern",
    "plan.mta_sts_no_web_address",
    "plan.bad_report_uri",
    "plan.tls_rpt_no_rua",
    "plan.caa_no_issuer",
    "plan.caa_bad_iodef",
    "plan.tlsa_no_pem",
    "plan.tlsa_bad_pem",
    "plan.tlsa_bad_der",
    "plan.null_mx_ignores_hosts",
    "plan.autoconfig_target_no_address",
    "plan.spf_too_many_lookups",
];

/// Stands in for a domain that does not parse yet (RFC 6761 §6.4 reserves `.invalid`).
const PLACEHOLDER_DOMAIN: &str = "domain.invalid";

/// Validates the plan. `Err` carries every finding (errors and warnings)
/// by field; `Ok` carries the warnings in [`ValidatedPlan::field_findings`].
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
    let dmarc = v.dmarc(&plan.dmarc);
    let caa = plan.caa.enabled.then(|| v.caa(&plan.caa));
    let validated = if plan.null_mx {
        if !plan.hosts.is_empty() || !plan.backup_mx.is_empty() {
            v.out.push(
                "hosts",
                Finding::info("plan.null_mx_ignores_hosts", domain.as_str(), "RFC 7505 §3"),
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
                p: PolicyChoice::Reject,
                sp: None,
                np: None,
                adkim: Some(AlignmentChoice::Strict),
                aspf: Some(AlignmentChoice::Strict),
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
        Err(v.out)
    } else {
        Ok(ValidatedPlan {
            field_findings: v.out,
            ..validated
        })
    }
}

/// Every finding on the plan's fields, whether or not it validates: what the
/// form shows under its inputs.
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
    fn name_err(&mut self, field: &str, text: &str, e: &crate::model::NameError) {
        self.out.push(field, e.to_finding(text.trim()));
    }

    fn domain(&mut self, text: &str) -> Option<Name> {
        match Name::host(text) {
            Ok(n) => {
                for f in n.lint() {
                    self.out.push("domain", f);
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
                    Finding::warning("plan.unknown_ttl_kind", kind.as_str(), "RFC 2181 §8"),
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
                    Finding::error("plan.bad_priority", t, "RFC 1035 §3.3.9").arg("value", t),
                );
                default
            }
        }
    }

    /// Address lists: every entry parsed and linted (documentation, private...).
    fn addresses<T>(
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
                Finding::error("plan.no_mail_host", domain.as_str(), "RFC 5321 §5.1"),
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
                    Finding::error("plan.duplicate_host", host.name.as_str(), "RFC 5321 §5.1"),
                );
                continue;
            }
            if !host.has_addresses() && host.name.is_subdomain_of(domain) {
                // RFC 5321 §5.1: the MX target is resolved to addresses; a name in
                // our own zone has none unless this plan publishes them.
                self.out.push(
                    format!("{field}.ipv4"),
                    Finding::error("plan.host_no_address", host.name.as_str(), "RFC 5321 §5.1"),
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
                    Finding::error("plan.backup_mx_no_name", domain.as_str(), "RFC 5321 §5.1"),
                );
                continue;
            }
            let Some(host) = self.host(&field, input, domain, None, DEFAULT_BACKUP_PRIORITY) else {
                continue;
            };
            if !host.has_addresses() && host.name.is_subdomain_of(domain) {
                self.out.push(
                    format!("{field}.ipv4"),
                    Finding::error("plan.host_no_address", host.name.as_str(), "RFC 5321 §5.1"),
                );
            }
            if hosts.iter().chain(&out).any(|h| h.name == host.name) {
                self.out.push(
                    format!("{field}.name"),
                    Finding::error("plan.duplicate_host", host.name.as_str(), "RFC 5321 §5.1"),
                );
                continue;
            }
            out.push(host);
        }
        out
    }

    fn cidr_prefix(&mut self, key: &str, text: &str, prefix: Option<&str>, max: u8) -> Option<Option<u8>> {
        match prefix {
            None => Some(None),
            Some(p) => match p.parse::<u8>() {
                Ok(n) if n <= max => Some(Some(n)),
                _ => {
                    // RFC 7208 §5.6: ip4-cidr-length 0-32, ip6-cidr-length 0-128.
                    self.out.push(
                        key,
                        Finding::error("plan.bad_cidr", text.trim(), "RFC 7208 §5.6").arg("max", max),
                    );
                    None
                }
            },
        }
    }

    fn spf(&mut self, input: &SpfInput, domain: &Name) -> SpfPlan {
        let mut ip4 = Vec::new();
        for (i, text) in input.ip4.iter().enumerate() {
            if text.trim().is_empty() {
                continue;
            }
            let key = format!("spf.ip4[{i}]");
            let (addr, prefix) = split_cidr(text);
            match parse_ipv4(addr) {
                Ok(a) => {
                    if let Some(p) = self.cidr_prefix(&key, text, prefix, 32) {
                        for f in lint_address(IpAddr::V4(a)) {
                            self.out.push(key.clone(), f);
                        }
                        ip4.push((a, p));
                    }
                }
                Err(e) => self.out.push(key, e.to_finding(text.trim())),
            }
        }
        let mut ip6 = Vec::new();
        for (i, text) in input.ip6.iter().enumerate() {
            if text.trim().is_empty() {
                continue;
            }
            let key = format!("spf.ip6[{i}]");
            let (addr, prefix) = split_cidr(text);
            match parse_ipv6(addr) {
                Ok(a) => {
                    if let Some(p) = self.cidr_prefix(&key, text, prefix, 128) {
                        for f in lint_address(IpAddr::V6(a)) {
                            self.out.push(key.clone(), f);
                        }
                        ip6.push((a, p));
                    }
                }
                Err(e) => self.out.push(key, e.to_finding(text.trim())),
            }
        }
        let a = self.spf_targets("spf.a", &input.a, domain);
        let mx = self.spf_targets("spf.mx", &input.mx, domain);
        let mut includes = Vec::new();
        for (i, text) in input.includes.iter().enumerate() {
            if text.trim().is_empty() {
                continue;
            }
            match Name::service(text.trim().trim_start_matches("include:")) {
                Ok(n) => includes.push(n),
                Err(e) => self.name_err(&format!("spf.includes[{i}]"), text, &e),
            }
        }
        // RFC 7208 §4.6.4: at most 10 mechanisms that cause DNS lookups; each
        // include costs at least one (its own lookups come on top).
        let lookups = a.len() + mx.len() + includes.len();
        if lookups > 10 {
            self.out.push(
                "spf",
                Finding::error("plan.spf_too_many_lookups", domain.as_str(), "RFC 7208 §4.6.4")
                    .arg("count", lookups),
            );
        }
        SpfPlan {
            ip4,
            ip6,
            a,
            mx,
            includes,
            all: input.all,
        }
    }

    fn spf_targets(&mut self, field: &str, list: &[String], domain: &Name) -> Vec<SpfTarget> {
        let mut out = Vec::new();
        for (i, text) in list.iter().enumerate() {
            let t = text.trim();
            if t.is_empty() {
                continue;
            }
            if t == "@" {
                out.push(SpfTarget::Own);
                continue;
            }
            match host_name(t, domain) {
                Ok(n) if n == *domain => out.push(SpfTarget::Own),
                Ok(n) => out.push(SpfTarget::Domain(n)),
                Err(e) => self.name_err(&format!("{field}[{i}]"), t, &e),
            }
        }
        out
    }

    fn dkim(&mut self, input: &DkimInput, domain: &Name) -> (Option<DkimPlan>, Option<DkimPlan>) {
        const RFC: &str = "RFC 6376 §3.6.1";
        let rsa = self.dkim_key(
            "dkim",
            &input.selector,
            &input.public_key,
            "public_key",
            "selector",
            domain,
        );
        let rsa = rsa.and_then(|plan| {
            let PublicKey::Rsa { modulus_bits, .. } = (match parse_spki(&plan.key.public_key) {
                Ok(k) => k,
                Err(_) => PublicKey::Other { oid: Vec::new() },
            }) else {
                self.out.push(
                    "dkim.public_key",
                    Finding::error("plan.dkim_not_rsa", plan.owner.as_str(), RFC),
                );
                return None;
            };
            let key = "dkim.public_key";
            let subject = plan.owner.as_str();
            let wanted = input.algorithm.bits();
            // Allow a few bits of slack: a modulus may be written a bit short of its nominal size.
            if modulus_bits.abs_diff(wanted) > 8 {
                self.out.push(
                    key,
                    Finding::warning("plan.dkim_size_mismatch", subject, RFC)
                        .arg("bits", modulus_bits)
                        .arg("wanted", wanted),
                );
            }
            if modulus_bits < 1536 {
                // RFC 8301 §3.2: signers MUST use at least 1024 bits, SHOULD use 2048.
                self.out.push(
                    key,
                    Finding::warning("plan.dkim_rsa_1024", subject, "RFC 8301 §3.2")
                        .arg("bits", modulus_bits),
                );
            } else if modulus_bits > 3072 {
                // RFC 6376 §3.6.2.2: a TXT string holds 255 octets; longer records are split.
                self.out.push(
                    key,
                    Finding::warning("plan.dkim_rsa_4096", subject, "RFC 6376 §3.6.2.2")
                        .arg("bits", modulus_bits),
                );
            }
            Some(plan)
        });
        let ed = self.dkim_key(
            "dkim",
            &input.ed25519_selector,
            &input.ed25519_public_key,
            "ed25519_public_key",
            "ed25519_selector",
            domain,
        );
        let ed = ed.and_then(|plan| {
            let subject = plan.owner.as_str().to_string();
            if plan.key.effective_key_type() != KeyType::Ed25519 {
                self.out.push(
                    "dkim.ed25519_public_key",
                    Finding::error("plan.dkim_not_ed25519", subject, "RFC 8463 §4.2"),
                );
                return None;
            }
            if input.public_key.trim().is_empty() {
                // RFC 8463 §1: Ed25519 alongside RSA, since not every verifier knows it yet.
                self.out.push(
                    "dkim.ed25519_public_key",
                    Finding::error("plan.dkim_ed25519_without_rsa", subject, "RFC 8463 §1"),
                );
                return None;
            }
            if rsa.as_ref().is_some_and(|r| r.owner == plan.owner) {
                self.out.push(
                    "dkim.ed25519_selector",
                    Finding::error("plan.dkim_same_selector", subject, "RFC 6376 §3.1"),
                );
                return None;
            }
            Some(plan)
        });
        (rsa, ed)
    }

    /// One selector + key pair; `None` when either is missing or broken.
    fn dkim_key(
        &mut self,
        area: &str,
        selector: &str,
        key_text: &str,
        key_field: &str,
        selector_field: &str,
        domain: &Name,
    ) -> Option<DkimPlan> {
        const RFC: &str = "RFC 6376 §3.1";
        let key_field = format!("{area}.{key_field}");
        let selector_field = format!("{area}.{selector_field}");
        let sel = selector
            .trim()
            .trim_end_matches("._domainkey")
            .to_ascii_lowercase();
        if key_text.trim().is_empty() {
            if !sel.is_empty() {
                self.out
                    .push(key_field, Finding::info("plan.dkim_no_key", sel.as_str(), RFC));
            }
            return None;
        }
        if holds_private_key(key_text) {
            self.out.push(
                key_field,
                Finding::error("plan.private_key_pasted", domain.as_str(), "RFC 6376 §3.6.1"),
            );
            return None;
        }
        let key = match from_pasted(key_text) {
            Ok(k) => k,
            Err(e) => {
                self.out.push(key_field, e.to_finding(domain.as_str()));
                return None;
            }
        };
        if sel.is_empty() {
            self.out.push(
                selector_field,
                Finding::error("plan.dkim_no_selector", domain.as_str(), RFC),
            );
            return None;
        }
        // RFC 6376 §3.1: the selector is one or more sub-domain labels (LDH, may
        // contain dots: `dkim.2026`). It is checked as host labels under a
        // placeholder parent, since the all-numeric-TLD rule does not apply to
        // its last label; a Unicode selector becomes its A-label.
        let labels = Name::host(&format!("{sel}.invalid"))
            .map(|n| n.as_str().trim_end_matches(".invalid").to_string());
        let owner = match labels.and_then(|l| domain.prepend(&format!("{l}._domainkey"), NameKind::Service)) {
            Ok(o) => o,
            Err(e) => {
                self.name_err(&selector_field, &sel, &e);
                return None;
            }
        };
        for f in key.lint(owner.as_str()) {
            self.out.push(key_field.clone(), f);
        }
        let selector = owner
            .as_str()
            .split("._domainkey.")
            .next()
            .unwrap_or(&sel)
            .to_string();
        Some(DkimPlan { selector, owner, key })
    }

    fn report_uris(&mut self, field: &str, list: &[String], rfc: &'static str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, text) in list.iter().enumerate() {
            if text.trim().is_empty() {
                continue;
            }
            let u = report_uri(text);
            match uri::check(&u) {
                // DMARC and TLS-RPT take mailto: and https: (RFC 9989 §4.7, RFC 8460 §3).
                Ok(s) if s == "mailto" || s == "https" => {
                    // A comma or `!` would break the tag list (RFC 9989 §4.8).
                    if u.contains([',', '!', ';']) {
                        self.out.push(
                            format!("{field}[{i}]"),
                            Finding::error("plan.bad_report_uri", u.as_str(), rfc),
                        );
                    } else if !out.contains(&u) {
                        out.push(u);
                    }
                }
                Ok(_) => self.out.push(
                    format!("{field}[{i}]"),
                    Finding::error("plan.bad_report_uri", u.as_str(), rfc),
                ),
                Err(e) => self
                    .out
                    .push(format!("{field}[{i}]"), Finding::error(e.code(), u.as_str(), rfc)),
            }
        }
        out
    }

    fn dmarc(&mut self, input: &DmarcInput) -> DmarcPlan {
        let rua = self.report_uris("dmarc.rua", &input.rua, "RFC 9989 §4.7");
        let ruf = self.report_uris("dmarc.ruf", &input.ruf, "RFC 9989 §4.7");
        DmarcPlan {
            p: input.p,
            sp: input.sp,
            np: input.np,
            adkim: input.adkim,
            aspf: input.aspf,
            rua,
            ruf,
        }
    }

    fn mta_sts(
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
                        Finding::error("plan.bad_max_age", input.max_age.trim(), "RFC 8461 §3.2"),
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
                Some(rest) => Name::host(rest).map(|n| format!("*.{}", n.as_str())),
                None => Name::host(&t).map(|n| n.as_str().to_string()),
            };
            match checked {
                Ok(p) if !p.is_empty() && p != "*." => {
                    if !mx.contains(&p) {
                        mx.push(p);
                    }
                }
                _ => self.out.push(
                    format!("mta_sts.mx[{i}]"),
                    Finding::error("plan.bad_mx_pattern", t.as_str(), "RFC 8461 §3.2"),
                ),
            }
        }
        if mx.is_empty() {
            mx = hosts
                .iter()
                .chain(backup)
                .map(|h| h.name.as_str().to_string())
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
                Finding::warning("plan.mta_sts_no_web_address", domain.as_str(), "RFC 8461 §3.3"),
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

    fn tls_rpt(&mut self, input: &TlsRptInput) -> Vec<String> {
        let rua = self.report_uris("tls_rpt.rua", &input.rua, "RFC 8460 §3");
        if rua.is_empty() && !self.out.by_field.keys().any(|k| k.starts_with("tls_rpt.rua")) {
            // RFC 8460 §3: rua is required.
            self.out.push(
                "tls_rpt.rua",
                Finding::error("plan.tls_rpt_no_rua", "tls_rpt", "RFC 8460 §3"),
            );
        }
        rua
    }

    fn autoconfig(
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
                Finding::error("plan.autoconfig_target_no_address", target.as_str(), "RFC 2782"),
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

    fn caa(&mut self, input: &CaaInput) -> CaaPlan {
        let mut issuers = Vec::new();
        for (i, text) in input.issuers.iter().enumerate() {
            if text.trim().is_empty() {
                continue;
            }
            match Name::host(text) {
                Ok(n) if !issuers.contains(&n) => issuers.push(n),
                Ok(_) => {}
                Err(e) => self.name_err(&format!("caa.issuers[{i}]"), text, &e),
            }
        }
        if issuers.is_empty() && !self.out.by_field.keys().any(|k| k.starts_with("caa.issuers")) {
            self.out.push(
                "caa.issuers",
                Finding::error("plan.caa_no_issuer", "caa", "RFC 8659 §4.2"),
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
                        Finding::error("plan.caa_bad_iodef", u.as_str(), "RFC 8659 §4.4"),
                    );
                    None
                }
            }
        };
        CaaPlan { issuers, iodef }
    }

    fn tlsa(&mut self, input: &TlsaInput) -> Option<[u8; 32]> {
        let t = input.pem.trim();
        if t.is_empty() {
            self.out.push(
                "tlsa.pem",
                Finding::error("plan.tlsa_no_pem", "tlsa", "RFC 7672 §3.1.1"),
            );
            return None;
        }
        if holds_private_key(t) {
            self.out.push(
                "tlsa.pem",
                Finding::error("plan.private_key_pasted", "tlsa", "RFC 7672 §3.1.1"),
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
