//! The URL fragment codecs: share links (`#p<version>=` base64url of
//! deflated JSON, with the v0 migration) and check links
//! (`#check=<domain>&sel=..&ep=..`, percent-encoded). A decoded share plan
//! holds no private key and re-encodes to a link that decodes the same;
//! a check link re-encodes to a fragment that reads back the same.
#![no_main]
use libfuzzer_sys::fuzz_target;
use maildns::dns::endpoint::{check_link_fragment, parse_check_link};
use maildns::share::{decode, encode, is_share_fragment};

fuzz_target!(|data: &[u8]| {
    let fragment = maildns_fuzz::text(data);
    let _ = is_share_fragment(&fragment);
    match decode(&fragment) {
        Ok(plan) => {
            assert_eq!(plan.without_private_keys(), plan);
            let link = encode(&plan);
            assert!(is_share_fragment(&link));
            assert_eq!(decode(&link).as_ref(), Ok(&plan));
        }
        Err(e) => maildns_fuzz::assert_catalogued(e.code()),
    }
    if let Some(link) = parse_check_link(&fragment) {
        let again = check_link_fragment(&link.domain, &link.selectors, &link.endpoint);
        let reread = parse_check_link(&again).expect("an encoded check link reads back");
        assert_eq!(reread.domain, link.domain.trim());
        assert_eq!(reread.endpoint, link.endpoint);
    }
});
