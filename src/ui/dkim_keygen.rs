//! DKIM key pairs made by the browser's WebCrypto: RSASSA-PKCS1-v1_5 with
//! SHA-256 (the `rsa-sha256` of RFC 6376 §3.3, public exponent 65537) or
//! Ed25519 (RFC 8463). The public key leaves as SPKI DER (what the DKIM
//! `p=` tag holds, RFC 6376 §3.6.1), the private key as PKCS#8 DER for the
//! signer's key file. Nothing here keeps either key.
//!
//! The time from `generateKey` to both exports is recorded as the
//! performance measure `maildns-keygen` for the benchmark.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A fresh key pair.
pub struct KeyPairDer {
    /// SubjectPublicKeyInfo DER.
    pub spki: Vec<u8>,
    /// PKCS#8 PrivateKeyInfo DER.
    pub pkcs8: Vec<u8>,
}

/// Which key to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyKind {
    Rsa(u32),
    Ed25519,
}

fn err(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            Reflect::get(&e, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

fn set(obj: &Object, key: &str, value: &JsValue) -> Result<(), String> {
    Reflect::set(obj, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(err)
}

fn algorithm(kind: KeyKind) -> Result<Object, String> {
    let alg = Object::new();
    match kind {
        KeyKind::Rsa(bits) => {
            set(&alg, "name", &"RSASSA-PKCS1-v1_5".into())?;
            set(&alg, "modulusLength", &JsValue::from(bits))?;
            // 65537 as big-endian bytes.
            let exponent = Uint8Array::from(&[0x01u8, 0x00, 0x01][..]);
            set(&alg, "publicExponent", &exponent)?;
            set(&alg, "hash", &"SHA-256".into())?;
        }
        KeyKind::Ed25519 => set(&alg, "name", &"Ed25519".into())?,
    }
    Ok(alg)
}

async fn export(
    subtle: &web_sys::SubtleCrypto,
    format: &str,
    key: &web_sys::CryptoKey,
) -> Result<Vec<u8>, String> {
    let promise = subtle.export_key(format, key).map_err(err)?;
    let buffer = JsFuture::from(promise).await.map_err(err)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Makes a key pair (extractable, for signing) and exports both halves.
pub async fn generate(kind: KeyKind) -> Result<KeyPairDer, String> {
    let window = web_sys::window().ok_or("no window")?;
    let subtle = window.crypto().map_err(err)?.subtle();
    let performance = window.performance();
    if let Some(p) = &performance {
        let _ = p.mark("maildns-keygen-start");
    }
    let usages = Array::of2(&"sign".into(), &"verify".into());
    let promise = subtle
        .generate_key_with_object(&algorithm(kind)?, true, &usages)
        .map_err(err)?;
    let pair: web_sys::CryptoKeyPair = JsFuture::from(promise).await.map_err(err)?.unchecked_into();
    let spki = export(&subtle, "spki", &pair.get_public_key()).await?;
    let pkcs8 = export(&subtle, "pkcs8", &pair.get_private_key()).await?;
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark("maildns-keygen", "maildns-keygen-start");
    }
    Ok(KeyPairDer { spki, pkcs8 })
}
