//! Reverse DNS requests. The PTR record of an address lives in the
//! `in-addr.arpa` / `ip6.arpa` zone of whoever holds the address block
//! (RFC 1035 §3.5, RFC 3596 §2.5): the hosting or access provider, not the
//! domain's DNS panel. Receivers check that the name of the connecting
//! address resolves back to it (RFC 1912 §2.1; forward-confirmed reverse
//! DNS, RFC 8601 §3 "iprev"), so each mail host address needs one.
//! This module writes the request to send, in English and Chinese.

use crate::i18n::code;
use crate::i18n::{self, Lang};
use crate::model::name::Name;
use crate::model::ptr::reverse_name;
use crate::plan::ValidatedPlan;
use serde::Serialize;
use std::net::IpAddr;

/// A ready-to-send request for one address's PTR record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PtrRequest {
    pub ip: IpAddr,
    /// `1.2.0.192.in-addr.arpa`
    pub reverse_name: Name,
    /// The mail host name the PTR must point to.
    pub target: Name,
    pub text_en: String,
    pub text_zh: String,
}

impl PtrRequest {
    pub fn new(ip: IpAddr, target: Name) -> PtrRequest {
        let reverse = reverse_name(ip);
        let args = [
            ("ip", ip.to_string()),
            ("host", target.as_str().to_string()),
            ("reverse", reverse.fqdn()),
            ("subject", target.as_str().to_string()),
        ];
        let text = |lang| i18n::fill(i18n::text(lang, code::generate::PTR_REQUEST), &args);
        PtrRequest {
            text_en: text(Lang::En),
            text_zh: text(Lang::ZhCn),
            ip,
            reverse_name: reverse,
            target,
        }
    }
}

/// One request per address of each mail host and own backup MX.
pub(super) fn requests(plan: &ValidatedPlan) -> Vec<PtrRequest> {
    let mut out: Vec<PtrRequest> = Vec::new();
    for h in plan.hosts.iter().chain(&plan.backup_mx) {
        let ips = h
            .ipv4
            .iter()
            .map(|a| IpAddr::V4(*a))
            .chain(h.ipv6.iter().map(|a| IpAddr::V6(*a)));
        for ip in ips {
            if !out.iter().any(|r| r.ip == ip) {
                out.push(PtrRequest::new(ip, h.name.clone()));
            }
        }
    }
    out
}
