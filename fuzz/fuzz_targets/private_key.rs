//! The kept DKIM private key (`maildns::dkim::private`): PKCS#8 PEM as the
//! page stores it (RFC 7468 §10) and the OneAsymmetricKey inside (RFC 5958
//! §2). Besides "no panic": refusals are catalogued codes; an accepted DER
//! reads the same from its PEM; an RSA key's public half is an SPKI of the
//! same size that the key belongs to.
#![no_main]
use libfuzzer_sys::fuzz_target;
use maildns::dkim::private::{read_der, read_pem, PrivateKeyKind};
use maildns::dkim::spki::{parse_spki, PublicKey};
use maildns::dkim::DkimKey;
use maildns::generate::pem;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(e) = read_pem(text) {
            maildns_fuzz::assert_catalogued(e.code());
        }
    }
    match read_der(data) {
        Err(e) => maildns_fuzz::assert_catalogued(e.code()),
        Ok(kind) => {
            assert_eq!(read_pem(&pem("PRIVATE KEY", data)).as_ref(), Ok(&kind));
            match &kind {
                PrivateKeyKind::Rsa { modulus_bits, spki } => {
                    match parse_spki(spki) {
                        Ok(PublicKey::Rsa {
                            modulus_bits: bits, ..
                        }) => assert_eq!(bits, *modulus_bits),
                        other => panic!("public half {other:?}"),
                    }
                    assert_eq!(kind.belongs_to(&DkimKey::rsa(spki.clone())), Some(true));
                }
                PrivateKeyKind::Ed25519 { public: Some(raw) } => {
                    assert_eq!(kind.belongs_to(&DkimKey::ed25519(*raw)), Some(true));
                }
                PrivateKeyKind::Ed25519 { public: None } => {
                    assert_eq!(kind.belongs_to(&DkimKey::ed25519([0; 32])), None);
                }
            }
        }
    }
});
