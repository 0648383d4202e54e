//! Pasted TLS certificates and public keys for the TLSA record (RFC 6698
//! §2.1.1, DANE-EE SPKI): PEM or bare base64 of an X.509 certificate or of
//! a SubjectPublicKeyInfo. The key taken out is a SubjectPublicKeyInfo
//! that the DER reader accepts, and pasting it back as PEM gives it again.
#![no_main]
use libfuzzer_sys::fuzz_target;
use maildns::dkim::spki::parse_spki;
use maildns::generate::pem;
use maildns::plan::spki_from_pem;

fuzz_target!(|data: &[u8]| {
    let text = maildns_fuzz::text(data);
    match spki_from_pem(&text) {
        Ok(spki) => {
            assert!(
                parse_spki(&spki).is_ok(),
                "not a SubjectPublicKeyInfo: {spki:02x?}"
            );
            assert_eq!(spki_from_pem(&pem("PUBLIC KEY", &spki)).as_ref(), Ok(&spki));
        }
        Err(e) => maildns_fuzz::assert_catalogued(e.code()),
    }
});
