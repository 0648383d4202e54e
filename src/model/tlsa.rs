//! TLSA record data (RFC 6698 §2) as used for SMTP with DANE (RFC 7672),
//! e.g. `_25._tcp.mail.example.com. IN TLSA 3 1 1 <sha-256 hex>`.
//!
//! - RFC 6698 §2.1: certificate usage, selector, matching type (one octet
//!   each) and the certificate association data.
//! - RFC 6698 §2.2: presentation `usage selector matching hex`, blanks
//!   allowed inside the hex. RFC 3597 §5 generic form also accepted.
//! - RFC 6698 §3: the owner name is `_<port>._<proto>.<host>`; for SMTP the
//!   MX host on port 25 (RFC 7672 §2.2.3).
//! - RFC 7672 §3.1.3: PKIX-TA(0) and PKIX-EE(1) are not used for SMTP; §3.1.1
//!   recommends `3 1 1`.

use crate::finding::Finding;
use crate::i18n::code;
use crate::model::name::{Name, NameError, NameKind};
use crate::model::presentation::{err, from_hex, parse_generic, to_hex, Fields, RdataError, RdataErrorKind};
use std::fmt;

/// TLSA record data.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Tlsa {
    /// Certificate usage: 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE.
    pub usage: u8,
    /// Selector: 0 full certificate, 1 SubjectPublicKeyInfo.
    pub selector: u8,
    /// Matching type: 0 full data, 1 SHA-256, 2 SHA-512.
    pub matching_type: u8,
    /// Certificate association data.
    pub data: Vec<u8>,
}

impl Tlsa {
    pub const PKIX_TA: u8 = 0;
    pub const PKIX_EE: u8 = 1;
    pub const DANE_TA: u8 = 2;
    pub const DANE_EE: u8 = 3;
    pub const SELECTOR_CERT: u8 = 0;
    pub const SELECTOR_SPKI: u8 = 1;
    pub const MATCH_FULL: u8 = 0;
    pub const MATCH_SHA256: u8 = 1;
    pub const MATCH_SHA512: u8 = 2;

    /// `3 1 1 <digest>`: the server's public key by SHA-256, the form
    /// RFC 7672 §3.1.1 recommends.
    pub fn dane_ee_spki_sha256(digest: [u8; 32]) -> Tlsa {
        Tlsa {
            usage: Tlsa::DANE_EE,
            selector: Tlsa::SELECTOR_SPKI,
            matching_type: Tlsa::MATCH_SHA256,
            data: digest.to_vec(),
        }
    }

    /// Parses `usage selector matching hex` or the RFC 3597 generic form.
    pub fn parse(text: &str) -> Result<Tlsa, RdataError> {
        if let Some(generic) = parse_generic(text) {
            let data = generic?;
            return match data.as_slice() {
                [usage, selector, matching_type, rest @ ..] if !rest.is_empty() => Ok(Tlsa {
                    usage: *usage,
                    selector: *selector,
                    matching_type: *matching_type,
                    data: rest.to_vec(),
                }),
                _ => Err(err(
                    RdataErrorKind::GenericMalformed { rtype: "TLSA" },
                    0,
                    text.len(),
                )),
            };
        }
        let mut fields = Fields::new(text);
        if fields.at_end() {
            return Err(err(RdataErrorKind::Empty, 0, text.len()));
        }
        let usage = fields.u8("usage")?;
        let selector = fields.u8("selector")?;
        let matching_type = fields.u8("matching type")?;
        let rest = fields.rest();
        if rest.text.is_empty() {
            return Err(err(RdataErrorKind::TlsaNoData, rest.start, rest.start));
        }
        let data = from_hex(rest.text, rest.start)?;
        Ok(Tlsa {
            usage,
            selector,
            matching_type,
            data,
        })
    }

    /// Findings for a TLSA record used for SMTP (RFC 7672); `owner` is its name.
    pub fn lint(&self, owner: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        match self.usage {
            Tlsa::PKIX_TA | Tlsa::PKIX_EE => {
                // RFC 7672 §3.1.3: SMTP clients treat PKIX usages as unusable.
                out.push(
                    Finding::warning(code::tlsa::PKIX_USAGE, owner, "RFC 7672 §3.1.3")
                        .arg("usage", self.usage),
                );
            }
            Tlsa::DANE_TA | Tlsa::DANE_EE => {}
            other => {
                out.push(
                    Finding::error(code::tlsa::UNKNOWN_USAGE, owner, "RFC 6698 §2.1.1").arg("usage", other),
                );
            }
        }
        if self.selector > Tlsa::SELECTOR_SPKI {
            out.push(
                Finding::error(code::tlsa::UNKNOWN_SELECTOR, owner, "RFC 6698 §2.1.2")
                    .arg("selector", self.selector),
            );
        }
        // RFC 6698 §2.1.3: the digest lengths of SHA-256 and SHA-512.
        let digest = match self.matching_type {
            Tlsa::MATCH_FULL => None,
            Tlsa::MATCH_SHA256 => Some(("SHA-256", 32)),
            Tlsa::MATCH_SHA512 => Some(("SHA-512", 64)),
            other => {
                out.push(
                    Finding::error(code::tlsa::UNKNOWN_MATCHING, owner, "RFC 6698 §2.1.3")
                        .arg("matching", other),
                );
                None
            }
        };
        if let Some((name, want)) = digest {
            if self.data.len() != want {
                out.push(
                    Finding::error(code::tlsa::DIGEST_LENGTH, owner, "RFC 6698 §2.1.3")
                        .arg("digest", name)
                        .arg("want", want)
                        .arg("len", self.data.len()),
                );
            }
        }
        if self.matching_type == Tlsa::MATCH_FULL && self.selector <= Tlsa::SELECTOR_SPKI {
            // RFC 7672 §3.1.1 recommends `3 1 1`; full data is long and must
            // change with every certificate (selector 0) or key (selector 1).
            out.push(
                Finding::warning(code::tlsa::FULL_DATA, owner, "RFC 7672 §3.1.1").arg("len", self.data.len()),
            );
        }
        out
    }
}

impl fmt::Display for Tlsa {
    /// `3 1 1 <lowercase hex>`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} {}",
            self.usage,
            self.selector,
            self.matching_type,
            to_hex(&self.data)
        )
    }
}

/// The TLSA owner name for a TCP service on `host` (RFC 6698 §3):
/// `_25._tcp.mail.example.com` for SMTP (RFC 7672 §2.2.3).
pub fn tlsa_owner(port: u16, host: &Name) -> Result<Name, NameError> {
    host.prepend(&format!("_{port}._tcp"), NameKind::Service)
}

/// The TLSA owner name of an MX host for SMTP: `_25._tcp.<mx host>`.
pub fn smtp_tlsa_owner(mx_host: &Name) -> Result<Name, NameError> {
    tlsa_owner(25, mx_host)
}

#[cfg(test)]
pub(crate) const CODES: &[&str] = &[
    code::tlsa::NO_DATA,
    code::tlsa::PKIX_USAGE,
    code::tlsa::UNKNOWN_USAGE,
    code::tlsa::UNKNOWN_SELECTOR,
    code::tlsa::UNKNOWN_MATCHING,
    code::tlsa::DIGEST_LENGTH,
    code::tlsa::FULL_DATA,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Span;
    use proptest::prelude::*;

    const D256: &str = "0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6";

    #[test]
    fn parses_and_prints() {
        let t = Tlsa::parse(&format!("3 1 1 {D256}")).expect("tlsa");
        assert_eq!(
            (t.usage, t.selector, t.matching_type, t.data.len()),
            (3, 1, 1, 32)
        );
        assert_eq!(t.to_string(), format!("3 1 1 {D256}"));
        let upper_split = format!("3 1 1 {} {}", D256[..32].to_uppercase(), &D256[32..]);
        assert_eq!(Tlsa::parse(&upper_split), Ok(t.clone()));
        let generic = format!("\\# 35 030101 {D256}");
        assert_eq!(Tlsa::parse(&generic), Ok(t.clone()));
        assert!(t.lint("_25._tcp.mail.example.com").is_empty());
        assert_eq!(
            Tlsa::dane_ee_spki_sha256([0; 32]).to_string(),
            format!("3 1 1 {}", "00".repeat(32))
        );
    }

    #[test]
    fn refusals() {
        let cases = [
            ("", code::rdata::EMPTY, Span::new(0, 0)),
            ("3 1 1", code::tlsa::NO_DATA, Span::new(5, 5)),
            ("3 1", code::rdata::MISSING_FIELD, Span::new(3, 3)),
            ("3 1 256 00", code::rdata::BAD_NUMBER, Span::new(4, 7)),
            ("3 1 1 0g", code::rdata::BAD_HEX, Span::new(7, 8)),
            ("3 1 1 abc", code::rdata::BAD_HEX, Span::new(8, 9)),
            ("\\# 3 030101", code::rdata::GENERIC_MALFORMED, Span::new(0, 11)),
        ];
        for (text, code, span) in cases {
            let e = Tlsa::parse(text).expect_err(text);
            assert_eq!((e.code(), e.span), (code, span), "{text}");
        }
    }

    #[test]
    fn lint() {
        let codes = |u, s, m, len| {
            Tlsa {
                usage: u,
                selector: s,
                matching_type: m,
                data: vec![7; len],
            }
            .lint("_25._tcp.mx.example.com")
            .iter()
            .map(|f| f.code)
            .collect::<Vec<_>>()
        };
        assert!(codes(3, 1, 1, 32).is_empty());
        assert!(codes(2, 0, 2, 64).is_empty());
        assert_eq!(codes(1, 1, 1, 32), vec![code::tlsa::PKIX_USAGE]);
        assert_eq!(codes(0, 0, 1, 32), vec![code::tlsa::PKIX_USAGE]);
        assert_eq!(codes(4, 1, 1, 32), vec![code::tlsa::UNKNOWN_USAGE]);
        assert_eq!(codes(3, 2, 1, 32), vec![code::tlsa::UNKNOWN_SELECTOR]);
        assert_eq!(codes(3, 1, 3, 32), vec![code::tlsa::UNKNOWN_MATCHING]);
        assert_eq!(codes(3, 1, 1, 31), vec![code::tlsa::DIGEST_LENGTH]);
        assert_eq!(codes(3, 1, 2, 32), vec![code::tlsa::DIGEST_LENGTH]);
        assert_eq!(codes(3, 1, 0, 294), vec![code::tlsa::FULL_DATA]);
    }

    #[test]
    fn owner_names() {
        let mx = Name::host("mail.example.com").expect("host");
        assert_eq!(
            smtp_tlsa_owner(&mx).map(|n| n.to_string()),
            Ok("_25._tcp.mail.example.com.".to_string())
        );
        assert_eq!(
            tlsa_owner(465, &mx).map(|n| n.to_string()),
            Ok("_465._tcp.mail.example.com.".to_string())
        );
    }

    #[test]
    fn every_code_is_in_the_catalogue() {
        for code in CODES {
            assert!(
                crate::i18n::lookup(code).is_some(),
                "{code} missing from catalogue"
            );
        }
    }

    proptest! {
        #[test]
        fn round_trip(u in any::<u8>(), s in any::<u8>(), m in any::<u8>(), data in proptest::collection::vec(any::<u8>(), 1..100)) {
            let t = Tlsa { usage: u, selector: s, matching_type: m, data };
            prop_assert_eq!(Tlsa::parse(&t.to_string()), Ok(t.clone()));
            for f in t.lint("x") {
                prop_assert!(crate::i18n::lookup(f.code).is_some(), "{}", f.code);
            }
        }

        #[test]
        fn never_panics(s in "\\PC{0,400}") {
            let _ = Tlsa::parse(&s);
            let _ = Tlsa::parse(&format!("3 1 1 {s}"));
        }

        #[test]
        fn never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = Tlsa::parse(&String::from_utf8_lossy(&b));
        }
    }
}
