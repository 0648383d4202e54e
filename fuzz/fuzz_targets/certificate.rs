//! Pasted TLS certificates and public keys for the TLSA record (RFC 6698
//! §2.1.1, DANE-EE SPKI): PEM or bare base64 of an X.509 certificate or of
//! a SubjectPublicKeyInfo. The key taken out is a DER SEQUENCE, and
//! pasting it back as PEM gives it again.
#![no_main]
use libfuzzer_sys::fuzz_target;
use maildns::dkim::spki::parse_spki;
use maildns::generate::pem;
use maildns::plan::spki_from_pem;

fuzz_target!(|data: &[u8]| {
    let text = maildns_fuzz::text(data);
    match spki_from_pem(&text) {
        Ok(spki) => {
            // Only the outer shape is checked (any algorithm may be hashed
            // for TLSA), so the DKIM reader may refuse it, but not panic.
            assert_eq!(spki.first(), Some(&0x30), "not a SEQUENCE: {spki:02x?}");
            let _ = parse_spki(&spki);
            assert_eq!(spki_from_pem(&pem("PUBLIC KEY", &spki)).as_ref(), Ok(&spki));
        }
        Err(e) => maildns_fuzz::assert_catalogued(e.code()),
    }
});
