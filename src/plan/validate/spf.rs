//! SPF extras: `ip4:`/`ip6:` with CIDR (RFC 7208 §5.6), `a`/`mx` targets, includes.

use super::{host_name, split_cidr, Validator};
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::address::{lint_address, parse_ipv4, parse_ipv6};
use crate::model::name::Name;
use crate::plan::{SpfInput, SpfPlan, SpfTarget};
use crate::spf::parse_record;
use std::net::IpAddr;

impl Validator {
    pub(super) fn cidr_prefix(
        &mut self,
        key: &str,
        text: &str,
        prefix: Option<&str>,
        max: u8,
    ) -> Option<Option<u8>> {
        match prefix {
            None => Some(None),
            Some(p) => match p.parse::<u8>() {
                Ok(n) if n <= max => Some(Some(n)),
                _ => {
                    // RFC 7208 §5.6: ip4-cidr-length 0-32, ip6-cidr-length 0-128.
                    self.out.push(
                        key,
                        Finding::error(code::plan::BAD_CIDR, text.trim(), "RFC 7208 §5.6").arg("max", max),
                    );
                    None
                }
            },
        }
    }

    pub(super) fn spf(&mut self, input: &SpfInput, domain: &Name) -> SpfPlan {
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
            let key = format!("spf.includes[{i}]");
            match Name::service(text.trim().trim_start_matches("include:")) {
                Ok(n) => {
                    // RFC 7208 §7.1: the domain must end in a top label of
                    // letters, digits and hyphens (`_spf.example.com` is fine,
                    // `example.bad_tld` is not), or the record does not parse.
                    let record = format!("v=spf1 include:{}", n.as_str());
                    match parse_record(&record) {
                        Ok(_) => includes.push(n),
                        Err(e) => self.out.push(key, e.to_finding(text.trim(), &record)),
                    }
                }
                Err(e) => self.name_err(&key, text, &e),
            }
        }
        // RFC 7208 §4.6.4: at most 10 mechanisms that cause DNS lookups; each
        // include costs at least one (its own lookups come on top).
        let lookups = a.len() + mx.len() + includes.len();
        if lookups > 10 {
            self.out.push(
                "spf",
                Finding::error(
                    code::plan::SPF_TOO_MANY_LOOKUPS,
                    domain.as_str(),
                    "RFC 7208 §4.6.4",
                )
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

    pub(super) fn spf_targets(&mut self, field: &str, list: &[String], domain: &Name) -> Vec<SpfTarget> {
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
}
