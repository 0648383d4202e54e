//! The DER readers (X.690) behind pasted keys and certificates:
//! SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), PKCS#1 RSAPublicKey
//! (RFC 8017 A.1.1). An RSA key re-wrapped reads back the same; a key
//! taken as a DKIM record prints as a record that parses back to it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use maildns::dkim::from_der;
use maildns::dkim::spki::{parse_rsa_public_key, parse_spki, wrap_rsa_pkcs1, PublicKey};

fuzz_target!(|data: &[u8]| {
    if let Ok(PublicKey::Rsa { modulus_bits, pkcs1 }) = parse_spki(data) {
        let again = parse_spki(&wrap_rsa_pkcs1(&pkcs1));
        assert_eq!(
            again,
            Ok(PublicKey::Rsa {
                modulus_bits,
                pkcs1: pkcs1.clone()
            })
        );
        assert_eq!(
            parse_rsa_public_key(&pkcs1),
            Ok(PublicKey::Rsa { modulus_bits, pkcs1 })
        );
    }
    if let Ok(PublicKey::Rsa { modulus_bits, pkcs1 }) = parse_rsa_public_key(data) {
        assert_eq!(
            parse_spki(&wrap_rsa_pkcs1(&pkcs1)),
            Ok(PublicKey::Rsa { modulus_bits, pkcs1 })
        );
    }
    match from_der(data) {
        Ok(key) => maildns_fuzz::assert_key_round_trip(&key),
        Err(e) => maildns_fuzz::assert_catalogued(e.code()),
    }
});
