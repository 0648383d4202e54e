//! DKIM keys (RFC 6376 §3.6.1): every `<selector>._domainkey` TXT found
//! (the selectors the audit asked: the user's and the common list). The
//! plan holds one RSA key (its size read from the key) and one Ed25519 key
//! (RFC 8463) published beside it; other keys are reported.

use super::Adopter;
use crate::dkim::spki::{parse_rsa_public_key, parse_spki, PublicKey};
use crate::dkim::{DkimKey, KeyType};
use crate::dns::RecordType;
use crate::finding::Finding;
use crate::i18n::code;
use crate::plan::DkimAlgorithm;

const RFC: &str = "RFC 6376 §3.6.1";

pub(super) fn dkim(a: &mut Adopter<'_>) {
    let suffix = format!("._domainkey.{}", a.domain.as_str());
    let owners: Vec<String> = a
        .found
        .questions()
        .filter(|(name, rtype)| *rtype == RecordType::Txt && name.ends_with(&suffix))
        .map(|(name, _)| name.clone())
        .collect();
    let (mut rsa, mut ed) = (Vec::new(), Vec::new());
    let mut seen = false;
    for owner in owners {
        let selector = owner[..owner.len() - suffix.len()].to_string();
        let Some(texts) = a.txt(&owner, |t| t.starts_with("v=DKIM1") || t.contains("p=")) else {
            seen = true;
            continue;
        };
        let Some(text) = texts.first() else { continue };
        seen = true;
        let key = match DkimKey::parse(text) {
            Ok(k) => k,
            Err(_) => {
                a.note(Finding::warning(code::adopt::UNREADABLE, &owner, RFC).arg("record", text));
                continue;
            }
        };
        if key.is_revoked() {
            a.note(Finding::info(code::adopt::DKIM_REVOKED, &owner, RFC).arg("selector", &selector));
            continue;
        }
        match key.effective_key_type() {
            KeyType::Rsa => match rsa_bits(&key.public_key) {
                Some(bits) => rsa.push((selector, owner, key, bits)),
                None => {
                    a.note(Finding::warning(code::adopt::UNREADABLE, &owner, RFC).arg("record", text));
                }
            },
            KeyType::Ed25519 => ed.push((selector, owner, key, 0)),
            KeyType::Other(t) => a.note(
                Finding::warning(code::adopt::DKIM_KEY_TYPE, &owner, RFC)
                    .arg("selector", &selector)
                    .arg("type", t),
            ),
        }
    }
    let mut rsa = rsa.into_iter();
    if let Some((selector, owner, key, bits)) = rsa.next() {
        a.plan.dkim.selector = selector;
        a.plan.dkim.public_key = key.public_key_base64();
        a.plan.dkim.algorithm = nearest(bits);
        tags(a, &owner, &key);
    }
    let mut ed = ed.into_iter();
    if let Some((selector, owner, key, _)) = ed.next() {
        if a.plan.dkim.public_key.is_empty() {
            // RFC 8463 §1: Ed25519 goes beside RSA, as not every verifier knows it.
            a.note(
                Finding::warning(code::adopt::DKIM_ED25519_ALONE, &owner, "RFC 8463 §1")
                    .arg("selector", &selector),
            );
        } else {
            a.plan.dkim.ed25519_selector = selector;
            a.plan.dkim.ed25519_public_key = key.public_key_base64();
            tags(a, &owner, &key);
        }
    }
    for (selector, owner, _, _) in rsa.chain(ed) {
        a.note(Finding::warning(code::adopt::DKIM_EXTRA_SELECTOR, &owner, RFC).arg("selector", &selector));
    }
    if !seen {
        let subject = format!("_domainkey.{}", a.domain.as_str());
        a.note(Finding::info(code::adopt::DKIM_NONE, subject, RFC));
    }
}

/// The RSA modulus size of a key given as SubjectPublicKeyInfo or bare PKCS#1.
fn rsa_bits(der: &[u8]) -> Option<u32> {
    match parse_spki(der).or_else(|_| parse_rsa_public_key(der)) {
        Ok(PublicKey::Rsa { modulus_bits, .. }) => Some(modulus_bits),
        _ => None,
    }
}

/// The plan's key size nearest to `bits` (a 3072-bit key is told apart by
/// the plan's own size check, `plan.dkim_size_mismatch`).
fn nearest(bits: u32) -> DkimAlgorithm {
    match bits {
        0..=1536 => DkimAlgorithm::Rsa1024,
        1537..=3072 => DkimAlgorithm::Rsa2048,
        _ => DkimAlgorithm::Rsa4096,
    }
}

/// One finding for the tags the plan's record leaves out (`t=`, `h=`,
/// `s=`, `n=`, unknown ones).
fn tags(a: &mut Adopter<'_>, owner: &str, key: &DkimKey) {
    let mut dropped = Vec::new();
    let list = |name: &str, v: &Option<Vec<String>>| v.as_ref().map(|v| format!("{name}={}", v.join(":")));
    dropped.extend(list("t", &key.flags));
    dropped.extend(list("h", &key.hashes));
    dropped.extend(list("s", &key.services));
    dropped.extend(key.notes.as_ref().map(|n| format!("n={n}")));
    dropped.extend(key.unknown.iter().map(|(k, v)| format!("{k}={v}")));
    if !dropped.is_empty() {
        a.note(Finding::warning(code::adopt::DKIM_TAG, owner, RFC).arg("tag", dropped.join("; ")));
    }
}
