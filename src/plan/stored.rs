//! The plan as this browser keeps it (localStorage), versioned so a later
//! page can read what an earlier one wrote.
//!
//! Format, version 2 (written under [`KEY`]):
//!
//! ```json
//! {"format":"maildns.plan","version":2,"plan":{ …MailPlan… }}
//! ```
//!
//! Version 1 is what the first pages wrote under [`LEGACY_KEY`]: the bare
//! `serde_json` of [`MailPlan`] (an object whose `domain` is a string).
//! The plan's serialised shapes have not changed since (git history of
//! `src/plan/`), so migrating it is reading it. The DMARC and MTA-STS
//! choices became the protocol types (`DmarcPolicy`, `Alignment`, `Mode`)
//! but serialise to the same text (`"quarantine"`, `"strict"`,
//! `"enforce"`); `tests/plan_compat.rs` opens plans the earlier code wrote.
//! A later change of shape adds a `migrate_v2` step here and bumps
//! [`VERSION`].
//!
//! [`decode`] never guesses: data it cannot read is an error with a stable
//! code, so the page can set it aside and say so, and a plan written by a
//! newer page is refused ([`StoredPlanError::NewerVersion`]) so this page
//! leaves it untouched instead of overwriting it with an older shape.
//! Private keys never enter the stored plan ([`MailPlan::without_private_keys`]
//! on both ways).

use super::MailPlan;
use crate::i18n::code;
use serde::Serialize;
use serde_json::Value;

/// The localStorage key of the versioned plan (shared by both halves).
pub const KEY: &str = "maildns.plan";
/// The key version 1 was written under; read once, migrated, then removed.
pub const LEGACY_KEY: &str = "maildns.plan.v1";
/// The `format` of the envelope.
pub const FORMAT: &str = "maildns.plan";
/// The version this page writes.
pub const VERSION: u64 = 2;

/// Why stored text is not a plan this page can use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredPlanError {
    /// Not JSON at all (truncated, overwritten by something else).
    NotJson(String),
    /// JSON, but neither an envelope nor a version-1 plan, or a field has
    /// the wrong shape.
    NotAPlan(String),
    /// An envelope of some other format.
    UnknownFormat(String),
    /// An envelope whose version is missing, not a number, or 0.
    BadVersion,
    /// Written by a newer page; left as it is.
    NewerVersion(u64),
}

impl StoredPlanError {
    /// Stable catalogue code.
    pub fn code(&self) -> &'static str {
        match self {
            StoredPlanError::NotJson(_) => code::storage::NOT_JSON,
            StoredPlanError::NotAPlan(_) => code::storage::NOT_A_PLAN,
            StoredPlanError::UnknownFormat(_) => code::storage::UNKNOWN_FORMAT,
            StoredPlanError::BadVersion => code::storage::BAD_VERSION,
            StoredPlanError::NewerVersion(_) => code::storage::NEWER_VERSION,
        }
    }

    /// A technical detail for the notice (parser message, found version).
    pub fn detail(&self) -> String {
        match self {
            StoredPlanError::NotJson(d) | StoredPlanError::NotAPlan(d) => d.clone(),
            StoredPlanError::UnknownFormat(f) => format!("format: {f}"),
            StoredPlanError::BadVersion => String::from("version"),
            StoredPlanError::NewerVersion(v) => format!("version {v} > {VERSION}"),
        }
    }

    /// True when the data must be set aside (unreadable); false when it is
    /// readable by a newer page and must stay where it is.
    pub fn set_aside(&self) -> bool {
        !matches!(self, StoredPlanError::NewerVersion(_))
    }
}

/// Every code [`decode`] can return.
pub const CODES: [&str; 5] = [
    code::storage::NOT_JSON,
    code::storage::NOT_A_PLAN,
    code::storage::UNKNOWN_FORMAT,
    code::storage::BAD_VERSION,
    code::storage::NEWER_VERSION,
];

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u64,
    plan: &'a MailPlan,
}

/// The stored text of a plan: the version-2 envelope, private keys removed.
pub fn encode(plan: &MailPlan) -> String {
    let plan = plan.without_private_keys();
    let envelope = Envelope {
        format: FORMAT,
        version: VERSION,
        plan: &plan,
    };
    // Cannot fail: every map in MailPlan has string keys.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Reads stored text of any known version into a plan.
pub fn decode(text: &str) -> Result<MailPlan, StoredPlanError> {
    let value: Value = serde_json::from_str(text).map_err(|e| StoredPlanError::NotJson(e.to_string()))?;
    let Value::Object(map) = &value else {
        return Err(StoredPlanError::NotAPlan(String::from("not a JSON object")));
    };
    let plan = match map.get("format") {
        None => migrate_v1(value)?,
        Some(Value::String(f)) if f == FORMAT => match map.get("version").and_then(Value::as_u64) {
            Some(1) => migrate_v1(map.get("plan").cloned().unwrap_or(Value::Null))?,
            Some(2) => read_v2(map.get("plan").cloned().unwrap_or(Value::Null))?,
            Some(v) if v > VERSION => return Err(StoredPlanError::NewerVersion(v)),
            _ => return Err(StoredPlanError::BadVersion),
        },
        Some(other) => return Err(StoredPlanError::UnknownFormat(other.to_string())),
    };
    Ok(plan.without_private_keys())
}

/// True when `text` was written by a newer page (this page must not
/// overwrite it).
pub fn is_newer(text: &str) -> bool {
    matches!(decode(text), Err(StoredPlanError::NewerVersion(_)))
}

/// Version 1: the bare plan object. An object without a string `domain`
/// (every version-1 plan had one) is something else and not read as an
/// empty plan.
fn migrate_v1(value: Value) -> Result<MailPlan, StoredPlanError> {
    match value.get("domain") {
        Some(Value::String(_)) => read_v2(value),
        _ => Err(StoredPlanError::NotAPlan(String::from("no domain field"))),
    }
}

/// Version 2: the plan object as `MailPlan` serialises it.
fn read_v2(value: Value) -> Result<MailPlan, StoredPlanError> {
    if !value.is_object() {
        return Err(StoredPlanError::NotAPlan(String::from("plan is not an object")));
    }
    serde_json::from_value(value).map_err(|e| StoredPlanError::NotAPlan(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::tests::example;
    use proptest::prelude::*;

    #[test]
    fn encode_writes_the_v2_envelope_and_decodes_back() {
        let plan = example();
        let text = encode(&plan);
        assert!(text.starts_with(r#"{"format":"maildns.plan","version":2,"plan":{"domain":"example.com""#));
        assert_eq!(decode(&text), Ok(plan));
    }

    #[test]
    fn version_1_bare_plan_migrates() {
        // Exactly what persist.rs stored before the envelope.
        let v1 = serde_json::to_string(&example()).unwrap_or_default();
        assert!(v1.starts_with(r#"{"domain":"example.com""#));
        assert_eq!(decode(&v1), Ok(example()));
        // Fields added with defaults: an old plan missing some still reads.
        let partial = r#"{"domain":"example.org","hosts":[{"name":"mx","ipv4":["192.0.2.7"]}]}"#;
        let plan = decode(partial).unwrap_or_default();
        assert_eq!(plan.domain, "example.org");
        assert_eq!(
            plan.hosts.first().map(|h| h.ipv4.clone()),
            Some(vec!["192.0.2.7".to_string()])
        );
        assert!(plan.autoconfig.submissions, "defaults fill missing fields");
        // A version-1 plan inside an envelope reads too.
        let wrapped = format!(r#"{{"format":"maildns.plan","version":1,"plan":{v1}}}"#);
        assert_eq!(decode(&wrapped), Ok(example()));
    }

    #[test]
    fn private_keys_never_come_back() {
        let mut plan = example();
        plan.dkim.public_key = "-----BEGIN PRIVATE KEY-----\nMC4CAQ\n-----END PRIVATE KEY-----".into();
        assert!(!encode(&plan).contains("PRIVATE"));
        let v1 = serde_json::to_string(&plan).unwrap_or_default();
        assert_eq!(decode(&v1).map(|p| p.dkim.public_key), Ok(String::new()));
    }

    #[test]
    fn errors_table() {
        let cases: [(&str, &str); 12] = [
            ("", code::storage::NOT_JSON),
            ("{\"domain\":\"exa", code::storage::NOT_JSON),
            ("not json", code::storage::NOT_JSON),
            ("[1,2]", code::storage::NOT_A_PLAN),
            ("\"example.com\"", code::storage::NOT_A_PLAN),
            ("null", code::storage::NOT_A_PLAN),
            ("{}", code::storage::NOT_A_PLAN),
            (
                r#"{"domain":"a.example","hosts":"mail"}"#,
                code::storage::NOT_A_PLAN,
            ),
            (
                r#"{"format":"maildns.plan","version":2,"plan":[]}"#,
                code::storage::NOT_A_PLAN,
            ),
            (
                r#"{"format":"other","version":2,"plan":{}}"#,
                code::storage::UNKNOWN_FORMAT,
            ),
            (
                r#"{"format":"maildns.plan","plan":{"domain":"a"}}"#,
                code::storage::BAD_VERSION,
            ),
            (
                r#"{"format":"maildns.plan","version":0,"plan":{"domain":"a"}}"#,
                code::storage::BAD_VERSION,
            ),
        ];
        for (text, code) in cases {
            assert_eq!(decode(text).map_err(|e| e.code()), Err(code), "{text:?}");
            assert!(decode(text).map_err(|e| e.set_aside()).unwrap_err(), "{text:?}");
        }
    }

    #[test]
    fn newer_version_is_refused_not_set_aside() {
        let text = r#"{"format":"maildns.plan","version":3,"plan":{"domain":"a.example","new":1}}"#;
        let err = decode(text).unwrap_err();
        assert_eq!(err, StoredPlanError::NewerVersion(3));
        assert_eq!(err.code(), code::storage::NEWER_VERSION);
        assert!(!err.set_aside());
        assert!(is_newer(text));
        assert!(!is_newer(&encode(&example())));
    }

    #[test]
    fn every_code_is_in_the_catalogue() {
        crate::i18n::assert_catalogued(&CODES);
    }

    proptest! {
        #[test]
        fn decode_never_panics(text in "\\PC{0,400}", bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = decode(&text);
            let _ = decode(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn encode_decode_round_trip(domain in "[a-z0-9.-]{0,30}", ip in "[0-9.]{0,15}", sel in "[a-z0-9]{0,10}") {
            let mut plan = example();
            plan.domain = domain;
            plan.dkim.selector = sel;
            if let Some(h) = plan.hosts.first_mut() { h.ipv4 = vec![ip]; }
            prop_assert_eq!(decode(&encode(&plan)), Ok(plan));
        }
    }
}
