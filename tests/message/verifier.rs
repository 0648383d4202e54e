//! The signature verifier of the native tests: the `rsa` and
//! `ed25519-dalek` crates behind the core's `SignatureVerifier` (the page
//! uses WebCrypto; `src/message/crypto.rs` says why).

use maildns::message::crypto::{CryptoError, SignatureVerifier, VerifyAlgorithm, VerifyRequest};

pub struct NativeVerifier;

impl SignatureVerifier for NativeVerifier {
    async fn verify(&self, r: &VerifyRequest) -> Result<bool, CryptoError> {
        match r.algorithm {
            VerifyAlgorithm::RsaPkcs1Sha256 => {
                use rsa::pkcs8::DecodePublicKey;
                use rsa::signature::Verifier;
                let key = rsa::RsaPublicKey::from_public_key_der(&r.public_key)
                    .map_err(|e| CryptoError::BadKey(e.to_string()))?;
                let key = rsa::pkcs1v15::VerifyingKey::<rsa::sha2::Sha256>::new(key);
                let Ok(sig) = rsa::pkcs1v15::Signature::try_from(r.signature.as_slice()) else {
                    return Ok(false);
                };
                Ok(key.verify(&r.message, &sig).is_ok())
            }
            VerifyAlgorithm::Ed25519 => {
                use ed25519_dalek::Verifier;
                let raw: [u8; 32] = r
                    .public_key
                    .as_slice()
                    .try_into()
                    .map_err(|_| CryptoError::BadKey("not 32 bytes".into()))?;
                let key = ed25519_dalek::VerifyingKey::from_bytes(&raw)
                    .map_err(|e| CryptoError::BadKey(e.to_string()))?;
                let Ok(sig) = ed25519_dalek::Signature::from_slice(&r.signature) else {
                    return Ok(false);
                };
                Ok(key.verify(&r.message, &sig).is_ok())
            }
        }
    }
}
