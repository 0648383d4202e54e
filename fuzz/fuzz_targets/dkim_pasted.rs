//! Pasted DKIM keys as the generator accepts them (RFC 6376 §3.6.1): PEM
//! public keys (SPKI or PKCS#1), bare base64, a whole record or its quoted
//! zone-file strings; and the private-key detector that keeps private keys
//! out of share links. A key read from a paste prints as a record that
//! parses back to the same key.
#![no_main]
use libfuzzer_sys::fuzz_target;
use maildns::dkim::from_pasted;
use maildns::plan::holds_private_key;

fuzz_target!(|data: &[u8]| {
    let text = maildns_fuzz::text(data);
    let _ = holds_private_key(&text);
    match from_pasted(&text) {
        Ok(key) => {
            maildns_fuzz::assert_key_round_trip(&key);
            maildns_fuzz::assert_findings(&key.lint("s._domainkey.example.com"), None);
        }
        Err(e) => maildns_fuzz::assert_catalogued(e.code()),
    }
});
