//! The message test (RFC 5322 fields, RFC 6376 `DKIM-Signature` tags and
//! canonicalization, `Received:` hops, RFC 8601 `Authentication-Results`)
//! over any bytes: `message::view::run` with an in-memory zone holding one
//! key record from the input and a verifier that accepts or refuses by the
//! input's first byte. It ends, verifies at most `MAX_SIGNATURES`
//! signatures, every finding has a catalogued code, and the outcome goes
//! to the page and back unchanged (the message worker's JSON).
#![no_main]
use futures::executor::block_on;
use libfuzzer_sys::fuzz_target;
use maildns::dns::memory::MemoryZone;
use maildns::message::crypto::{CryptoError, SignatureVerifier, VerifyRequest};
use maildns::message::dkim::MAX_SIGNATURES;
use maildns::message::view::{outcome_from_json, outcome_to_json, run, HopChoice};

struct Verifier(bool);

impl SignatureVerifier for Verifier {
    async fn verify(&self, _: &VerifyRequest) -> Result<bool, CryptoError> {
        Ok(self.0)
    }
}

fuzz_target!(|data: &[u8]| {
    let (selector, rest) = maildns_fuzz::split_first(data);
    let mut zone = MemoryZone::new();
    // A key record for the usual test selector, so signatures reach the verifier.
    zone.add_txt_bytes(
        "s._domainkey.x.net",
        vec![b"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=".to_vec()],
    );
    let hop = match selector % 3 {
        0 => HopChoice::Proposed,
        1 => HopChoice::Index(usize::from(selector / 3)),
        _ => HopChoice::Skip,
    };
    let outcome = block_on(run(rest, hop, 1_800_000_000, &zone, &Verifier(selector & 1 == 1)));
    if let Ok(o) = &outcome {
        assert!(o.dkim.len() <= MAX_SIGNATURES);
        for code in o.codes() {
            assert!(maildns::i18n::lookup(code).is_some(), "uncatalogued code {code}");
        }
    }
    let back = outcome_from_json(&outcome_to_json(&outcome)).expect("the page reads what the worker writes");
    assert_eq!(back, outcome);
});
