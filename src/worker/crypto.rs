//! The message test's signature check with the browser's own verifiers
//! (WebCrypto, W3C Web Cryptography API §14.3.4 `verify`): RSASSA-PKCS1-v1_5
//! with SHA-256 and Ed25519, at no cost to the download (the measure
//! behind this choice is in `crate::message::crypto`). Works in a worker:
//! `crypto.subtle` is taken from the global scope.

use crate::message::crypto::{CryptoError, SignatureVerifier, VerifyAlgorithm, VerifyRequest};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// WebCrypto's verifier.
pub struct WebCryptoVerifier;

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let global = js_sys::global();
    let crypto = Reflect::get(&global, &JsValue::from_str("crypto"))
        .ok()
        .filter(|c| !c.is_undefined())
        .ok_or_else(|| CryptoError::Unsupported("no crypto in this scope".into()))?;
    Reflect::get(&crypto, &JsValue::from_str("subtle"))
        .ok()
        .and_then(|s| s.dyn_into::<SubtleCrypto>().ok())
        .ok_or_else(|| CryptoError::Unsupported("no crypto.subtle (not a secure context?)".into()))
}

fn algorithm(a: VerifyAlgorithm) -> Object {
    let o = Object::new();
    let set = |k: &str, v: &str| {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    };
    match a {
        VerifyAlgorithm::RsaPkcs1Sha256 => {
            set("name", "RSASSA-PKCS1-v1_5");
            set("hash", "SHA-256");
        }
        VerifyAlgorithm::Ed25519 => set("name", "Ed25519"),
    }
    o
}

fn words(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| format!("{}: {}", String::from(e.name()), String::from(e.message())))
        .unwrap_or_else(|| format!("{e:?}"))
}

impl SignatureVerifier for WebCryptoVerifier {
    async fn verify(&self, request: &VerifyRequest) -> Result<bool, CryptoError> {
        let subtle = subtle()?;
        let alg = algorithm(request.algorithm);
        let format = match request.algorithm {
            VerifyAlgorithm::RsaPkcs1Sha256 => "spki",
            VerifyAlgorithm::Ed25519 => "raw",
        };
        let key_data = Uint8Array::from(request.public_key.as_slice());
        let usages = Array::of1(&JsValue::from_str("verify"));
        let import = subtle
            .import_key_with_object(format, &key_data, &alg, false, &usages)
            .map_err(|e| CryptoError::BadKey(words(&e)))?;
        let key: CryptoKey = match JsFuture::from(import).await {
            Ok(k) => k.unchecked_into(),
            // A browser without Ed25519 says NotSupportedError; anything
            // else is a key WebCrypto would not take.
            Err(e) if words(&e).starts_with("NotSupportedError") => {
                return Err(CryptoError::Unsupported(words(&e)))
            }
            Err(e) => return Err(CryptoError::BadKey(words(&e))),
        };
        let signature = Uint8Array::from(request.signature.as_slice());
        let data = Uint8Array::from(request.message.as_slice());
        let verify = subtle
            .verify_with_object_and_js_u8_array_and_js_u8_array(&alg, &key, &signature, &data)
            .map_err(|e| CryptoError::BadKey(words(&e)))?;
        match JsFuture::from(verify).await {
            Ok(v) => Ok(v.as_bool().unwrap_or(false)),
            Err(e) => Err(CryptoError::BadKey(words(&e))),
        }
    }
}
