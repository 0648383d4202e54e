//! DKIM keys: the pasted or generated public key (RFC 6376 §3.6.1), its
//! size (RFC 8301 §3.2), the selector (§3.1), and Ed25519 beside RSA (RFC 8463).

use super::Validator;
use crate::dkim::selector::{parse_selector, selector_owner};
use crate::dkim::spki::{parse_spki, PublicKey};
use crate::dkim::{from_pasted, KeyType};
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::name::Name;
use crate::model::txt::Txt;
use crate::plan::{holds_private_key, DkimInput, DkimPlan};

impl Validator {
    pub(super) fn dkim(&mut self, input: &DkimInput, domain: &Name) -> (Option<DkimPlan>, Option<DkimPlan>) {
        const RFC: &str = "RFC 6376 §3.6.1";
        let rsa = self.dkim_key(
            "dkim",
            &input.selector,
            &input.public_key,
            "public_key",
            "selector",
            domain,
        );
        let rsa = rsa.and_then(|plan| {
            let PublicKey::Rsa { modulus_bits, .. } = (match parse_spki(&plan.key.public_key) {
                Ok(k) => k,
                Err(_) => PublicKey::Other { oid: Vec::new() },
            }) else {
                self.out.push(
                    "dkim.public_key",
                    Finding::error(code::plan::DKIM_NOT_RSA, plan.owner.as_str(), RFC),
                );
                return None;
            };
            let key = "dkim.public_key";
            let subject = plan.owner.as_str();
            let wanted = input.algorithm.bits();
            // Allow a few bits of slack: a modulus may be written a bit short of its nominal size.
            if modulus_bits.abs_diff(wanted) > 8 {
                self.out.push(
                    key,
                    Finding::warning(code::plan::DKIM_SIZE_MISMATCH, subject, RFC)
                        .arg("bits", modulus_bits)
                        .arg("wanted", wanted),
                );
            }
            if modulus_bits < 1536 {
                // RFC 8301 §3.2: signers MUST use at least 1024 bits, SHOULD use 2048.
                self.out.push(
                    key,
                    Finding::warning(code::plan::DKIM_RSA_1024, subject, "RFC 8301 §3.2")
                        .arg("bits", modulus_bits),
                );
            } else if modulus_bits > 3072 {
                // RFC 6376 §3.6.2.2: a TXT string holds 255 octets; longer records are split.
                self.out.push(
                    key,
                    Finding::warning(code::plan::DKIM_RSA_4096, subject, "RFC 6376 §3.6.2.2")
                        .arg("bits", modulus_bits),
                );
            }
            Some(plan)
        });
        let ed = self.dkim_key(
            "dkim",
            &input.ed25519_selector,
            &input.ed25519_public_key,
            "ed25519_public_key",
            "ed25519_selector",
            domain,
        );
        let ed = ed.and_then(|plan| {
            let subject = plan.owner.as_str().to_string();
            if plan.key.effective_key_type() != KeyType::Ed25519 {
                self.out.push(
                    "dkim.ed25519_public_key",
                    Finding::error(code::plan::DKIM_NOT_ED25519, subject, "RFC 8463 §4.2"),
                );
                return None;
            }
            if input.public_key.trim().is_empty() {
                // RFC 8463 §1: Ed25519 alongside RSA, since not every verifier knows it yet.
                self.out.push(
                    "dkim.ed25519_public_key",
                    Finding::error(code::plan::DKIM_ED25519_WITHOUT_RSA, subject, "RFC 8463 §1"),
                );
                return None;
            }
            if rsa.as_ref().is_some_and(|r| r.owner == plan.owner) {
                self.out.push(
                    "dkim.ed25519_selector",
                    Finding::error(code::plan::DKIM_SAME_SELECTOR, subject, "RFC 6376 §3.1"),
                );
                return None;
            }
            Some(plan)
        });
        (rsa, ed)
    }

    /// One selector + key pair; `None` when either is missing or broken.
    pub(super) fn dkim_key(
        &mut self,
        area: &str,
        selector: &str,
        key_text: &str,
        key_field: &str,
        selector_field: &str,
        domain: &Name,
    ) -> Option<DkimPlan> {
        const RFC: &str = "RFC 6376 §3.1";
        let key_field = format!("{area}.{key_field}");
        let selector_field = format!("{area}.{selector_field}");
        let sel = selector
            .trim()
            .trim_end_matches("._domainkey")
            .to_ascii_lowercase();
        // RFC 6376 §3.6.2.1: the key is published at
        // `<selector>._domainkey.<domain>`; a host record typed as the
        // selector is read as its selector, and the user is told so.
        if !sel.is_empty() && selector.trim().to_ascii_lowercase().ends_with("._domainkey") {
            self.out.push(
                selector_field.clone(),
                Finding::warning(
                    code::plan::DKIM_SELECTOR_SUFFIX,
                    selector.trim(),
                    "RFC 6376 §3.6.2.1",
                )
                .arg("text", selector.trim())
                .arg("selector", &sel),
            );
        }
        if key_text.trim().is_empty() {
            if !sel.is_empty() {
                self.out.push(
                    key_field,
                    Finding::info(code::plan::DKIM_NO_KEY, sel.as_str(), RFC),
                );
            }
            return None;
        }
        if holds_private_key(key_text) {
            self.out.push(
                key_field,
                Finding::error(code::plan::PRIVATE_KEY_PASTED, domain.as_str(), "RFC 6376 §3.6.1"),
            );
            return None;
        }
        let key = match from_pasted(key_text) {
            Ok(k) => k,
            Err(e) => {
                self.out.push(key_field, e.to_finding(domain.as_str()));
                return None;
            }
        };
        if sel.is_empty() {
            self.out.push(
                selector_field,
                Finding::error(code::plan::DKIM_NO_SELECTOR, domain.as_str(), RFC),
            );
            return None;
        }
        // RFC 6376 §3.1: the selector is one or more sub-domain labels (LDH, may
        // contain dots: `dkim.2026`); a Unicode selector becomes its A-label.
        // The checker reads its selectors with the same function.
        let owner = match parse_selector(&sel).and_then(|l| selector_owner(&l, domain)) {
            Ok(o) => o,
            Err(e) => {
                self.name_err(&selector_field, &sel, &e);
                return None;
            }
        };
        for f in key.lint(owner.as_str()) {
            self.out.push(key_field.clone(), f);
        }
        // RFC 1035 §4.2.1: a record over 512 octets does not fit a plain UDP
        // answer (a 4096-bit RSA key makes a record of about 740): resolvers
        // without EDNS fall back to TCP, and some paths drop it.
        let record = Txt::from_value(&key.to_string());
        for f in record.lint(owner.as_str()) {
            if f.code == code::txt::LARGE {
                self.out.push(key_field.clone(), f);
            }
        }
        let selector = owner
            .as_str()
            .split("._domainkey.")
            .next()
            .unwrap_or(&sel)
            .to_string();
        Some(DkimPlan { selector, owner, key })
    }
}
