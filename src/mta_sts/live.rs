//! The policy file as the page's own HTTPS fetch found it (RFC 8461 §3.3).
//!
//! A page may read `https://mta-sts.<domain>/.well-known/mta-sts.txt` only
//! when that host sends `Access-Control-Allow-Origin`, and only after the
//! user allowed that origin in the page's `connect-src` (the same step as for
//! a custom resolver; `scripts/csp.py`). The fetch itself is the checker's
//! (`worker::policy_fetch`); this module holds what it found as data and the
//! rules that need no I/O: what counts as `text/plain`, when two policy texts
//! are the same policy, and what the page remembers for the `id` rule
//! (RFC 8461 §3.1: the id names one instance of a policy, so a changed
//! policy needs a new id).

use super::policy::MtaStsPolicy;
use crate::model::Name;
use serde::{Deserialize, Serialize};

/// Whether the page may ask the policy host, decided by the page before a
/// run from its `connect-src`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permit {
    /// No fetch, no word about one (scenario tests, the native engine).
    #[default]
    Off,
    /// The origin is not in the page's `connect-src` yet: the report offers
    /// the step that allows it.
    NotAllowed,
    /// Fetch it.
    Allowed,
}

/// What the fetch of the policy URL found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fetched {
    /// Not asked: the origin is not allowed yet.
    NotAllowed,
    /// An answer the page could read (the host sends the CORS header).
    Answer {
        status: u16,
        content_type: Option<String>,
        body: String,
    },
    /// A 3xx answer (fetched with `redirect: "manual"`, so not followed).
    Redirect,
    /// The host answered (a `no-cors` request of the same URL went through)
    /// but without `Access-Control-Allow-Origin`: the browser keeps the
    /// answer, its status included, from the page.
    CorsBlocked,
    /// Neither request went through: DNS, TLS (a certificate not valid for
    /// the host), a refused connection or the user's network; the browser
    /// does not say which. `reason` is the browser's own text.
    Failed { reason: String },
    /// No answer within `seconds`.
    Timeout { seconds: u32 },
}

/// The policy this browser saw first under an id (kept by the page in its
/// storage, per domain), for the id rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeenPolicy {
    pub id: String,
    pub policy: String,
}

/// What a run is to do about the live policy: the page's permit and what it
/// remembers for this domain.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyAsk {
    #[serde(default)]
    pub permit: Permit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen: Option<SeenPolicy>,
}

/// How long the page waits for the policy host. Senders wait longer (RFC
/// 8461 §3.3 leaves it to them); a page that waits a minute is no use.
pub const TIMEOUT_SECONDS: u32 = 10;

/// `https://mta-sts.<domain>`: the origin the page must be allowed to ask.
pub fn policy_origin(domain: &Name) -> String {
    format!("https://mta-sts.{}", domain.as_str().trim_end_matches('.'))
}

/// The policy URL (RFC 8461 §3.3).
pub fn policy_url(domain: &Name) -> String {
    format!("{}{}", policy_origin(domain), super::kit::POLICY_PATH)
}

/// RFC 8461 §3.3: the media type must be `text/plain`; its parameters
/// (a charset) do not matter. Media types compare case-insensitively
/// (RFC 9110 §8.3.1).
pub fn is_text_plain(content_type: Option<&str>) -> bool {
    content_type
        .and_then(|c| c.split(';').next())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("text/plain"))
}

/// A policy in one line, the same for the same policy whatever its layout
/// (line endings, blanks, the order of its lines, RFC 8461 §3.2): `mode …,
/// max_age …, mx …` with the `mx` patterns sorted, then any extension.
/// `None` when the text is not a policy.
pub fn canonical(text: &str) -> Option<String> {
    let p = MtaStsPolicy::parse(text).ok()?;
    let mut mx: Vec<String> = p.mx.iter().map(ToString::to_string).collect();
    mx.sort();
    let mut out = format!(
        "mode {}, max_age {}, mx {}",
        p.mode.as_str(),
        p.max_age,
        mx.join(" ")
    );
    for (k, v) in &p.extensions {
        out.push_str(&format!(", {k} {v}"));
    }
    Some(out)
}

/// What the page should remember after a run: the policy read now (in its
/// [`canonical`] form) under the id published now, when this browser has
/// not seen a policy under that id yet. `None`: keep what it has (the first
/// policy seen under an id stays, so a policy changed without a new id is
/// said on every run until the id changes).
pub fn seen_after(previous: Option<&SeenPolicy>, id: Option<&str>, fetched: &Fetched) -> Option<SeenPolicy> {
    let id = id?;
    let Fetched::Answer {
        status: 200, body, ..
    } = fetched
    else {
        return None;
    };
    let policy = canonical(body)?;
    match previous {
        Some(p) if p.id == id => None,
        _ => Some(SeenPolicy {
            id: id.to_string(),
            policy,
        }),
    }
}

/// How many domains the page remembers a policy for.
pub const SEEN_DOMAINS: usize = 32;

/// The page's stored text: one line per domain, `domain TAB id TAB
/// canonical policy` (none of which holds a tab or a line break: names and
/// ids are letters, digits, dots and hyphens, §3.1, and policy values have
/// no blanks, §3.2). Plain text, so the page's Check half carries no JSON
/// reader for it. Lines that do not read so are skipped.
fn entries(store: &str) -> impl Iterator<Item = (&str, &str, &str)> {
    store.lines().filter_map(|line| {
        let mut f = line.split('\t');
        match (f.next(), f.next(), f.next(), f.next()) {
            (Some(d), Some(id), Some(p), None) if !d.is_empty() && !id.is_empty() => Some((d, id, p)),
            _ => None,
        }
    })
}

fn domain_key(domain: &str) -> String {
    domain.trim_end_matches('.').to_ascii_lowercase()
}

fn clean(field: &str) -> String {
    field.replace(['\t', '\r', '\n'], " ")
}

/// The policy remembered for `domain` in the page's stored text.
pub fn seen_in(store: &str, domain: &str) -> Option<SeenPolicy> {
    let key = domain_key(domain);
    entries(store)
        .find(|(d, _, _)| *d == key)
        .map(|(_, id, policy)| SeenPolicy {
            id: id.to_string(),
            policy: policy.to_string(),
        })
}

/// The stored text with `seen` as the policy remembered for `domain`: the
/// most recent last, at most [`SEEN_DOMAINS`] domains (the oldest go).
pub fn store_with(store: &str, domain: &str, seen: &SeenPolicy) -> String {
    let key = clean(&domain_key(domain));
    let mut lines: Vec<String> = entries(store)
        .filter(|(d, _, _)| *d != key)
        .map(|(d, id, p)| format!("{d}\t{id}\t{p}"))
        .collect();
    lines.push(format!("{key}\t{}\t{}", clean(&seen.id), clean(&seen.policy)));
    let excess = lines.len().saturating_sub(SEEN_DOMAINS);
    lines.drain(..excess);
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str = "version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmx: mx2.example.com\r\nmax_age: 604800\r\n";

    #[test]
    fn text_plain_with_or_without_parameters() {
        assert!(is_text_plain(Some("text/plain")));
        assert!(is_text_plain(Some("Text/Plain; charset=utf-8")));
        assert!(!is_text_plain(Some("text/html")));
        assert!(!is_text_plain(Some("application/octet-stream")));
        assert!(!is_text_plain(Some("text/plainx")));
        assert!(!is_text_plain(None));
    }

    #[test]
    fn canonical_ignores_layout_not_content() {
        let lf_reordered =
            "version: STSv1\nmax_age: 604800\nmode: enforce\nmx: mx2.example.com\nmx: mx1.example.com\n";
        assert_eq!(canonical(P), canonical(lf_reordered));
        assert_eq!(
            canonical(P).as_deref(),
            Some("mode enforce, max_age 604800, mx mx1.example.com mx2.example.com")
        );
        assert_ne!(canonical(P), canonical(&P.replace("enforce", "testing")));
        assert_ne!(canonical(P), canonical(&P.replace("604800", "86400")));
        assert_ne!(canonical(P), canonical(&P.replace("mx2", "mx3")));
        assert_eq!(canonical("garbage"), None);
    }

    #[test]
    fn the_first_policy_under_an_id_is_kept() {
        let ok = Fetched::Answer {
            status: 200,
            content_type: Some("text/plain".into()),
            body: P.into(),
        };
        let first = seen_after(None, Some("a1"), &ok).unwrap_or_else(|| panic!("first seen"));
        assert_eq!(first.id, "a1");
        // Same id: keep the first, even if the policy changed.
        assert_eq!(seen_after(Some(&first), Some("a1"), &ok), None);
        // New id: remember the new one.
        assert_eq!(
            seen_after(Some(&first), Some("b2"), &ok).map(|s| s.id),
            Some("b2".to_string())
        );
        // Nothing to remember without an id, an answer, a 200 or a policy.
        assert_eq!(seen_after(None, None, &ok), None);
        assert_eq!(seen_after(None, Some("a1"), &Fetched::CorsBlocked), None);
        let not_found = Fetched::Answer {
            status: 404,
            content_type: None,
            body: P.into(),
        };
        assert_eq!(seen_after(None, Some("a1"), &not_found), None);
        let html = Fetched::Answer {
            status: 200,
            content_type: None,
            body: "<html>".into(),
        };
        assert_eq!(seen_after(None, Some("a1"), &html), None);
    }

    #[test]
    fn the_store_keeps_one_policy_per_domain_and_the_newest_domains() {
        let s = |id: &str| SeenPolicy {
            id: id.into(),
            policy: "mode enforce, max_age 604800, mx mx1.example.com".into(),
        };
        let mut store = String::from("not a store\n\t\t\n{\"json\": 1}");
        assert_eq!(seen_in(&store, "example.com"), None);
        store = store_with(&store, "Example.COM.", &s("a"));
        assert_eq!(
            seen_in(&store, "example.com").map(|x| x.id),
            Some("a".to_string())
        );
        store = store_with(&store, "example.com", &s("b"));
        assert_eq!(seen_in(&store, "example.com"), Some(s("b")));
        // A field with a tab or a line break cannot split a line.
        let odd = SeenPolicy {
            id: "x\ty".into(),
            policy: "a\nb".into(),
        };
        store = store_with(&store, "odd.example", &odd);
        assert_eq!(
            seen_in(&store, "odd.example").map(|x| x.policy),
            Some("a b".to_string())
        );
        assert_eq!(seen_in(&store, "example.com"), Some(s("b")));
        for i in 0..SEEN_DOMAINS {
            store = store_with(&store, &format!("d{i}.example"), &s("c"));
        }
        // example.com was the oldest: gone; the newest are kept.
        assert_eq!(seen_in(&store, "example.com"), None);
        assert!(seen_in(&store, "d0.example").is_some());
        assert!(seen_in(&store, &format!("d{}.example", SEEN_DOMAINS - 1)).is_some());
    }

    #[test]
    fn url_and_origin() {
        let d = Name::host("Example.COM.").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(policy_origin(&d), "https://mta-sts.example.com");
        assert_eq!(
            policy_url(&d),
            "https://mta-sts.example.com/.well-known/mta-sts.txt"
        );
    }
}
