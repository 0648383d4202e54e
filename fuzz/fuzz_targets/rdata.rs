//! Record data of every type through the dispatcher, strict (zone file)
//! and lenient (DoH `data` field), including the RFC 3597 generic form,
//! SOA, CNAME, NS and unknown types: a strict parse prints as text that
//! parses back to the same data, and a lenient parse never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use maildns::model::record::parse_ttl;
use maildns::model::{Rdata, RecordType};

const TYPES: [u16; 14] = [1, 2, 5, 6, 12, 15, 16, 28, 33, 52, 99, 257, 13, 65];

fuzz_target!(|data: &[u8]| {
    let (selector, rest) = maildns_fuzz::split_first(data);
    let text = maildns_fuzz::text(rest);
    let rtype = RecordType::from_number(TYPES[usize::from(selector) % TYPES.len()]);
    match Rdata::parse(rtype, &text) {
        Ok(rdata) => {
            assert_eq!(rdata.rtype(), rtype);
            let printed = rdata.to_string();
            assert_eq!(
                Rdata::parse(rtype, &printed).as_ref(),
                Ok(&rdata),
                "printed as {printed:?}"
            );
            maildns_fuzz::assert_findings(&rdata.lint("example.com"), None);
        }
        Err(e) => {
            maildns_fuzz::assert_catalogued(e.code());
            assert!(e.span.end <= text.len(), "{e}");
        }
    }
    if let Ok(rdata) = Rdata::parse_lenient(rtype, &text) {
        maildns_fuzz::assert_findings(&rdata.lint("example.com"), None);
    }
    match RecordType::parse(&text) {
        Ok(t) => assert_eq!(RecordType::parse(&t.to_string()), Ok(t)),
        Err(e) => maildns_fuzz::assert_catalogued(e.code()),
    }
    if let Ok(ttl) = parse_ttl(&text) {
        assert_eq!(parse_ttl(&ttl.to_string()), Ok(ttl));
    }
});
