//! Domain names as typed (host, service and DNS kinds, IDN, relative to an
//! origin): a name prints in a form that parses back to itself, its
//! Unicode form maps back to it, and it relates to its parent.
#![no_main]
use libfuzzer_sys::fuzz_target;
use maildns::model::{Name, NameKind};

fuzz_target!(|data: &[u8]| {
    let (selector, rest) = maildns_fuzz::split_first(data);
    let text = maildns_fuzz::text(rest);
    let kind = match selector % 3 {
        0 => NameKind::Host,
        1 => NameKind::Service,
        _ => NameKind::Dns,
    };
    let origin = Name::host("example.com").expect("a valid origin");
    for parsed in [
        Name::parse(&text, kind),
        Name::from_relative(&text, &origin, kind),
    ] {
        let name = match parsed {
            Ok(name) => name,
            Err(e) => {
                maildns_fuzz::assert_catalogued(e.code());
                continue;
            }
        };
        if !name.is_root() {
            assert_eq!(Name::parse(name.as_str(), kind).as_ref(), Ok(&name), "as_str");
        }
        assert_eq!(Name::parse(&name.fqdn(), kind).as_ref(), Ok(&name), "fqdn");
        assert_eq!(
            Name::parse(&name.to_string(), kind).as_ref(),
            Ok(&name),
            "display"
        );
        if kind != NameKind::Dns && !name.is_root() {
            // A DNS-kind name is read as DNS carries it (ASCII only), so
            // its Unicode form is for display, not for reading back.
            assert_eq!(
                Name::parse(&name.to_unicode(), kind).as_ref(),
                Ok(&name),
                "unicode form"
            );
        }
        assert_eq!(
            Name::from_relative(&name.relative_to(&origin), &origin, kind).as_ref(),
            Ok(&name)
        );
        assert!(name.as_str().is_ascii());
        assert_eq!(name.as_str(), name.as_str().to_ascii_lowercase());
        assert!(name.as_str().len() <= 253, "{} octets", name.as_str().len());
        if let Some(parent) = name.parent() {
            assert!(name.is_subdomain_of(&parent));
            assert_eq!(parent.label_count() + 1, name.label_count());
        }
        if let Some(e) = name.host_name_error() {
            maildns_fuzz::assert_catalogued(e.code());
        }
        maildns_fuzz::assert_findings(&name.lint(), None);
    }
});
