//! The one step the core does not do itself: checking a signature with a
//! public key. The core prepares the exact bytes and the key; whoever runs
//! it answers through [`SignatureVerifier`].
//!
//! Why a trait: the browser already has both verifiers (WebCrypto
//! `crypto.subtle.verify`, "RSASSA-PKCS1-v1_5" with SHA-256 and "Ed25519"),
//! at no cost to the page's download, where a pure-Rust RSA and Ed25519
//! verifier (`rsa` 0.9.8 + `ed25519-dalek` 2.1.1 + `sha2` 0.10, a cdylib
//! exporting one verify function, wasm32, opt-level "z", LTO, one codegen
//! unit, panic=abort) measured 40,331 B gzip -9, 32,600 B after
//! `wasm-opt -Oz` (an empty export of the same shape: 363 B), in 2026-12
//! with rustc 1.95. The native tests implement the trait with those crates.
//!
//! A [`VerifyRequest`] is exactly what WebCrypto takes:
//! - RSA (RFC 6376 §3.3.1, RFC 8017 §8.2.2): `importKey("spki", key,
//!   {name: "RSASSA-PKCS1-v1_5", hash: "SHA-256"})`, then `verify` over
//!   `message`, which is the header hash input itself (WebCrypto hashes it).
//! - Ed25519 (RFC 8463 §3): `importKey("raw", key, "Ed25519")`, then
//!   `verify` over `message`, which is the SHA-256 of the header hash input:
//!   RFC 8463 §3 signs the hash ("the SHA-256 hash of the canonicalized
//!   headers ... is signed"), with PureEdDSA (RFC 8032).

use serde::{Deserialize, Serialize};

/// Which verification to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VerifyAlgorithm {
    /// RSASSA-PKCS1-v1_5 with SHA-256; the key is a SubjectPublicKeyInfo (DER).
    RsaPkcs1Sha256,
    /// Ed25519; the key is the raw 32 bytes.
    Ed25519,
}

/// One signature check, ready for WebCrypto.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifyRequest {
    pub algorithm: VerifyAlgorithm,
    /// SPKI DER for RSA (a bare PKCS#1 key from DNS is wrapped first), raw for Ed25519.
    pub public_key: Vec<u8>,
    /// The bytes the signature is over (see the module text).
    pub message: Vec<u8>,
    /// `b=`, decoded.
    pub signature: Vec<u8>,
}

/// Why a check could not be run at all (not "the signature is wrong").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CryptoError {
    /// The key could not be imported (WebCrypto `importKey` refused it).
    BadKey(String),
    /// The verifier is not there (a browser without Ed25519 in WebCrypto).
    Unsupported(String),
}

/// Checks signatures. `Ok(true)`: valid; `Ok(false)`: not valid.
#[allow(async_fn_in_trait)]
pub trait SignatureVerifier {
    async fn verify(&self, request: &VerifyRequest) -> Result<bool, CryptoError>;
}

impl<V: SignatureVerifier + ?Sized> SignatureVerifier for &V {
    async fn verify(&self, request: &VerifyRequest) -> Result<bool, CryptoError> {
        (**self).verify(request).await
    }
}
