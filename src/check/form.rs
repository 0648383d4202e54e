//! The checker form as typed, turned into an [`AuditRequest`] before any
//! question is asked: the domain (RFC 1035 §2.3.4, RFC 5891), the DKIM
//! selectors (RFC 6376 §3.1) and the server addresses (RFC 1035 §3.4.1,
//! RFC 3596 §2.4), each refused with its own specific code. The pasted
//! MTA-STS policy is passed on as it is: the audit checks it against the MX
//! hosts it finds (RFC 8461 §3.2, §4.1).

use super::AuditRequest;
use crate::dkim::selector::{parse_selector, selector_owner};
use crate::finding::Finding;
use crate::model::address::parse_ip;
use crate::model::Name;

/// The form's lists (selectors, addresses) may be separated by commas,
/// semicolons or any blank.
pub fn split_list(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ' ', '\n', '\t', ';', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The audit the form asks for, or every reason it cannot be asked.
pub fn audit_request(
    domain: &str,
    selectors: &str,
    ips: &str,
    policy: &str,
) -> Result<AuditRequest, Vec<Finding>> {
    let mut errors = Vec::new();
    let domain_text = domain.trim();
    let domain = match Name::host(domain_text) {
        Ok(n) => Some(n),
        Err(e) => {
            errors.push(e.to_finding(domain_text));
            None
        }
    };
    let mut dkim_selectors = Vec::new();
    for word in split_list(selectors) {
        let checked = parse_selector(word).and_then(|sel| match &domain {
            // The owner name must fit too (RFC 1035 §2.3.4: 253 characters).
            Some(d) => selector_owner(&sel, d).map(|_| sel),
            None => Ok(sel),
        });
        match checked {
            Ok(sel) => {
                if !dkim_selectors.contains(&sel) {
                    dkim_selectors.push(sel);
                }
            }
            Err(e) => errors.push(e.to_finding(word)),
        }
    }
    let mut server_ips = Vec::new();
    for word in split_list(ips) {
        match parse_ip(word) {
            Ok(ip) => {
                if !server_ips.contains(&ip) {
                    server_ips.push(ip);
                }
            }
            Err(e) => errors.push(e.to_finding(word)),
        }
    }
    match domain {
        Some(domain) if errors.is_empty() => Ok(AuditRequest {
            domain,
            dkim_selectors,
            server_ips,
            mta_sts_policy_text: (!policy.trim().is_empty()).then(|| policy.to_string()),
            blocklists: true,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::code;
    use proptest::prelude::*;

    fn codes(r: Result<AuditRequest, Vec<Finding>>) -> Vec<&'static str> {
        r.err().unwrap_or_default().iter().map(|f| f.code).collect()
    }

    #[test]
    fn a_good_form() {
        let r = audit_request(" Example.COM ", "s1, s2;s1", "192.0.2.1 2001:db8::25", "  ").expect("valid");
        assert_eq!(r.domain.as_str(), "example.com");
        assert_eq!(r.dkim_selectors, vec!["s1".to_string(), "s2".to_string()]);
        assert_eq!(r.server_ips.len(), 2);
        assert_eq!(r.mta_sts_policy_text, None);
        let p = audit_request("example.com", "", "", "version: STSv1").expect("valid");
        assert_eq!(p.mta_sts_policy_text.as_deref(), Some("version: STSv1"));
    }

    #[test]
    fn every_bad_field_has_its_own_code() {
        let cases: &[(&str, &str, &str, &[&str])] = &[
            ("", "", "", &[code::name::EMPTY]),
            ("a..b", "", "", &[code::name::EMPTY_LABEL]),
            ("example.com", "\"s1\"", "", &[code::name::BAD_CHAR]),
            ("example.com", "_s1", "", &[code::name::UNDERSCORE]),
            ("example.com", "", "010.0.0.1", &[code::address::LEADING_ZERO]),
            ("example.com", "", "fe80::1%eth0", &[code::address::ZONE_ID]),
            ("example.com", "", "192.0.2.300", &[code::address::BAD_IPV4]),
            ("example.com", "", "2001:db8::g", &[code::address::BAD_IPV6]),
            (
                "-x.com",
                "a..b",
                "1.2.3",
                &[
                    code::name::HYPHEN_EDGE,
                    code::name::EMPTY_LABEL,
                    code::address::BAD_IPV4,
                ],
            ),
        ];
        for (d, s, i, want) in cases {
            assert_eq!(
                codes(audit_request(d, s, i, "")),
                want.to_vec(),
                "{d} / {s} / {i}"
            );
        }
        let domain = format!("{}.example.com", "d".repeat(60));
        let sel = ["abcdefghij"; 18].join(".");
        assert_eq!(
            codes(audit_request(&domain, &sel, "", "")),
            vec![code::name::TOO_LONG]
        );
    }

    #[test]
    fn every_code_is_in_the_catalogue() {
        let r = audit_request("-", "_a a..b", "1.2.3 ::g 01.0.0.1 fe80::1%x", "");
        for f in r.err().unwrap_or_default() {
            assert!(crate::i18n::lookup(f.code).is_some(), "{}", f.code);
        }
    }

    proptest! {
        #[test]
        fn never_panics(d in "\\PC{0,80}", s in "\\PC{0,80}", i in "\\PC{0,80}") {
            let _ = audit_request(&d, &s, &i, &s);
        }
    }
}
