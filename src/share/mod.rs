//! The share link: a whole [`MailPlan`] in the URL fragment, so a plan can
//! be sent to a colleague without any server (the fragment never leaves the
//! browser in an HTTP request, RFC 3986 §3.5).
//!
//! Format, versioned by the key before `=`:
//! - `p1=<base64url, no padding, of raw DEFLATE (RFC 1951) of the plan's JSON>`
//!   (base64url: RFC 4648 §5), the current version;
//! - `p0=<base64url of uncompressed JSON>`, an earlier form whose JSON held
//!   the IP address lists and the TTL as single text fields
//!   (`"ipv4": "192.0.2.1, 192.0.2.2"`, `"ttl": "3600"`); [`decode`] still
//!   opens it through [`migrate`].
//!
//! Links made before the plan's DMARC and MTA-STS fields became the
//! protocol types open unchanged: those types serialise to the same text
//! (`tests/plan_compat.rs` opens a `p0=` and a `p1=` link of that time).
//!
//! A private key never enters a link: [`encode`] applies
//! [`MailPlan::without_private_keys`] first, and [`decode`] does again.
//! Input is capped ([`MAX_FRAGMENT`], [`MAX_JSON`]) so a crafted link cannot
//! make the page allocate without bound.

use crate::i18n::code;
use crate::plan::MailPlan;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::Value;

/// The version [`encode`] writes.
pub const CURRENT_VERSION: u32 = 1;
/// Longest fragment [`decode`] reads, in bytes.
pub const MAX_FRAGMENT: usize = 64 * 1024;
/// Largest JSON a fragment may expand to, in bytes.
pub const MAX_JSON: usize = 256 * 1024;

/// Why a fragment does not open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Not `p<version>=`, or a version this page does not know.
    BadVersion,
    BadBase64,
    BadCompression,
    BadJson,
    TooLarge,
}

impl ShareError {
    /// Stable code, the catalogue key.
    pub fn code(self) -> &'static str {
        match self {
            ShareError::BadVersion => code::share::BAD_VERSION,
            ShareError::BadBase64 => code::share::BAD_BASE64,
            ShareError::BadCompression => code::share::BAD_COMPRESSION,
            ShareError::BadJson => code::share::BAD_JSON,
            ShareError::TooLarge => code::share::TOO_LARGE,
        }
    }
}

/// Codes [`ShareError::code`] returns.
pub const CODES: &[&str] = &[
    code::share::BAD_VERSION,
    code::share::BAD_BASE64,
    code::share::BAD_COMPRESSION,
    code::share::BAD_JSON,
    code::share::TOO_LARGE,
];

/// The fragment for a plan, without the leading `#`: `p1=...`.
pub fn encode(plan: &MailPlan) -> String {
    let json = serde_json::to_vec(&plan.without_private_keys()).unwrap_or_default();
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("p{CURRENT_VERSION}={}", URL_SAFE_NO_PAD.encode(deflated))
}

/// True when `fragment` is a share link (`p<version>=...`), as opposed to
/// another use of the fragment (`check=...`, `content`).
pub fn is_share_fragment(fragment: &str) -> bool {
    match fragment.split_once('=') {
        Some((key, _)) => {
            key.len() > 1 && key.starts_with('p') && key[1..].bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// The plan in a fragment (with or without the leading `#`).
pub fn decode(fragment: &str) -> Result<MailPlan, ShareError> {
    if fragment.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLarge);
    }
    let f = fragment.trim().trim_start_matches('#');
    let (key, payload) = f.split_once('=').ok_or(ShareError::BadVersion)?;
    let version: u32 = key
        .strip_prefix('p')
        .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|v| v.parse().ok())
        .ok_or(ShareError::BadVersion)?;
    if version > CURRENT_VERSION {
        return Err(ShareError::BadVersion);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('=').as_bytes())
        .map_err(|_| ShareError::BadBase64)?;
    let json = match version {
        0 => bytes,
        _ => miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_JSON).map_err(|e| {
            if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                ShareError::TooLarge
            } else {
                ShareError::BadCompression
            }
        })?,
    };
    if json.len() > MAX_JSON {
        return Err(ShareError::TooLarge);
    }
    let value: Value = serde_json::from_slice(&json).map_err(|_| ShareError::BadJson)?;
    let plan = migrate(version, value)?;
    Ok(plan.without_private_keys())
}

/// Brings the JSON of an older version to the current [`MailPlan`].
/// Each version's step rewrites the value into the next version's shape;
/// a new version adds its step here.
pub fn migrate(version: u32, mut value: Value) -> Result<MailPlan, ShareError> {
    if version == 0 {
        value = v0_to_v1(value);
    }
    serde_json::from_value(value).map_err(|_| ShareError::BadJson)
}

/// v0 held address lists as one comma- or space-separated text and the
/// default TTL as a bare string.
fn v0_to_v1(mut value: Value) -> Value {
    let split = |v: &mut Value| {
        if let Value::String(s) = v {
            let items: Vec<Value> = s
                .split([',', ' ', '\n'])
                .filter(|i| !i.is_empty())
                .map(|i| Value::String(i.to_string()))
                .collect();
            *v = Value::Array(items);
        }
    };
    for list in ["hosts", "backup_mx"] {
        if let Some(Value::Array(hosts)) = value.get_mut(list) {
            for h in hosts {
                for field in ["ipv4", "ipv6"] {
                    if let Some(v) = h.get_mut(field) {
                        split(v);
                    }
                }
            }
        }
    }
    if let Some(ttl) = value.get_mut("ttl") {
        if let Value::String(s) = ttl {
            *ttl = serde_json::json!({ "default": s });
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_fragments_are_told_from_other_fragments() {
        for f in ["p1=abc", "p0=e30", "p12=x"] {
            assert!(is_share_fragment(f), "{f}");
        }
        for f in [
            "check=example.com&ep=google",
            "content",
            "",
            "p=abc",
            "px=1",
            "=p1",
        ] {
            assert!(!is_share_fragment(f), "{f}");
        }
    }
    use crate::plan::tests::{any_plan, example};
    use proptest::prelude::*;

    #[test]
    fn round_trip_of_the_example() {
        let p = example();
        let f = encode(&p);
        assert!(f.starts_with("p1="));
        assert!(
            f.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_=".contains(&b)),
            "{f}"
        );
        assert_eq!(decode(&f), Ok(p.clone()));
        assert_eq!(decode(&format!("#{f}")), Ok(p));
    }

    #[test]
    fn a_hand_made_v0_link_still_opens() {
        let v0 = r#"{"domain":"example.com","hosts":[{"name":"mail","ipv4":"192.0.2.1, 192.0.2.2","priority":"10"}],"ttl":"7200","dmarc":{"p":"reject","rua":["dmarc@example.com"]}}"#;
        let fragment = format!("#p0={}", URL_SAFE_NO_PAD.encode(v0));
        let p = decode(&fragment).expect("v0 opens");
        assert_eq!(p.domain, "example.com");
        assert_eq!(
            p.hosts[0].ipv4,
            vec!["192.0.2.1".to_string(), "192.0.2.2".to_string()]
        );
        assert_eq!(p.ttl.default, "7200");
        assert_eq!(p.dmarc.p, crate::dmarc::DmarcPolicy::Reject);
        assert!(crate::plan::validate(&p).is_ok());
    }

    #[test]
    fn errors_have_specific_codes() {
        let deflate = |s: &[u8]| URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(s, 6));
        let bomb = deflate(&vec![b' '; MAX_JSON + 10]);
        let cases: Vec<(String, ShareError)> = vec![
            ("p2=abc".into(), ShareError::BadVersion),
            ("x1=abc".into(), ShareError::BadVersion),
            ("p=abc".into(), ShareError::BadVersion),
            ("nothing".into(), ShareError::BadVersion),
            ("p1=a$b".into(), ShareError::BadBase64),
            ("p1=AAAA".into(), ShareError::BadCompression),
            (format!("p1={}", deflate(b"{not json")), ShareError::BadJson),
            (format!("p1={}", deflate(b"{\"domain\": 5}")), ShareError::BadJson),
            (format!("p1={bomb}"), ShareError::TooLarge),
            (
                format!("p1={}", "A".repeat(MAX_FRAGMENT + 1)),
                ShareError::TooLarge,
            ),
        ];
        for (f, want) in cases {
            assert_eq!(decode(&f), Err(want), "{}", &f[..f.len().min(40)]);
            assert!(crate::i18n::lookup(want.code()).is_some());
        }
    }

    #[test]
    fn private_keys_never_travel() {
        let mut p = example();
        p.dkim.public_key = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----".into();
        let f = encode(&p);
        let back = decode(&f).expect("opens");
        assert!(back.dkim.public_key.is_empty());
        // And a link made elsewhere with a key in it is cleaned on opening.
        let json = serde_json::to_vec(&p).expect("json");
        let raw = format!("p0={}", URL_SAFE_NO_PAD.encode(json));
        assert!(decode(&raw).expect("opens").dkim.public_key.is_empty());
    }

    #[test]
    fn every_code_is_in_the_catalogue() {
        for code in CODES {
            assert!(crate::i18n::lookup(code).is_some(), "{code}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn round_trip(p in any_plan()) {
            prop_assert_eq!(decode(&encode(&p)), Ok(p.without_private_keys()));
        }

        #[test]
        fn decode_never_panics(s in "\\PC{0,200}") {
            let _ = decode(&s);
            let _ = decode(&format!("p1={s}"));
            let _ = decode(&format!("p0={s}"));
        }

        #[test]
        fn decode_never_panics_on_deflated_bytes(b in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = decode(&format!("p1={}", URL_SAFE_NO_PAD.encode(&b)));
            let _ = decode(&format!("p0={}", URL_SAFE_NO_PAD.encode(&b)));
        }
    }
}
