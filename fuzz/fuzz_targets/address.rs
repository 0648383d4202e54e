//! IPv4 and IPv6 addresses as typed, and reverse (PTR owner) names: a
//! parsed address prints as text that parses back to it and agrees with
//! the standard library; a reverse name maps back to its address.
#![no_main]
use libfuzzer_sys::fuzz_target;
use maildns::model::address::{lint_address, parse_ip, parse_ipv4, parse_ipv6};
use maildns::model::{address_from_reverse, reverse_name, Name};
use std::net::IpAddr;

fuzz_target!(|data: &[u8]| {
    let text = maildns_fuzz::text(data);
    match parse_ipv4(&text) {
        Ok(a) => assert_eq!(parse_ipv4(&a.to_string()), Ok(a)),
        Err(e) => maildns_fuzz::assert_catalogued(e.code()),
    }
    match parse_ipv6(&text) {
        Ok(a) => assert_eq!(parse_ipv6(&a.to_string()), Ok(a)),
        Err(e) => maildns_fuzz::assert_catalogued(e.code()),
    }
    if let Ok(ip) = parse_ip(&text) {
        // The core is stricter than the standard library, never looser.
        assert_eq!(
            text.trim().parse::<IpAddr>().ok(),
            Some(ip),
            "std disagrees on {text:?}"
        );
        maildns_fuzz::assert_findings(&lint_address(ip), None);
        assert_eq!(address_from_reverse(&reverse_name(ip)), Ok(ip));
    }
    if let Ok(name) = Name::dns(&text) {
        match address_from_reverse(&name) {
            Ok(ip) => assert_eq!(reverse_name(ip), name),
            Err(e) => maildns_fuzz::assert_catalogued(e.code()),
        }
    }
});
