//! Which origins the page's Content Security Policy lets it talk to
//! (CSP Level 3 `connect-src`, W3C CSP3 §6.1.3), and the list of user-added
//! resolver origins the page keeps for it.
//!
//! The page is static (GitHub Pages sends no headers), so its policy is a
//! `<meta http-equiv>` written at build time by `scripts/csp.py`. That
//! static policy allows `connect-src 'self' https:` and loopback (`http://`
//! and `https://` on `127.0.0.1:*` and `localhost:*`); a small inline boot
//! script then adds a second, narrower policy before the app loads: `'self'`, the preset resolvers,
//! loopback, and the origins in [`ORIGINS_KEY`]. Policies intersect
//! (CSP3 §8.1: every policy must allow a request), and one set at load cannot
//! be widened later, so a newly added https resolver becomes reachable only
//! after the page stores its origin and reloads once.

use crate::dns::endpoint::validate_url;
use crate::dns::Preset;

/// localStorage key: JSON array of extra `https://host[:port]` origins.
pub const ORIGINS_KEY: &str = "maildns.connect.origins";
/// How many user-added origins are kept (oldest dropped first).
pub const MAX_ORIGINS: usize = 8;

/// What the page must do before asking a resolver.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reach {
    /// A preset or loopback resolver: always allowed.
    Always,
    /// A user-added https origin: allowed once it is in the boot policy.
    Added(String),
    /// A URL no CSP source can name (IPv6 literal, non-ASCII host): refused.
    Inexpressible,
}

/// The origins of the preset resolvers, as CSP host sources.
pub fn preset_origins() -> Vec<String> {
    Preset::ALL.iter().filter_map(|p| origin_of(p.url())).collect()
}

/// `scheme://host[:port]` of a URL, lowercase, without the default port;
/// `None` when the URL does not validate or its host is not plain ASCII
/// letters, digits, dots and hyphens (what a CSP host source can hold).
pub fn origin_of(url: &str) -> Option<String> {
    let url = validate_url(url).ok()?;
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let authority = rest.split(['/', '?']).next()?.to_ascii_lowercase();
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) => {
            (h, Some(p))
        }
        Some(_) => return None,
        None => (authority.as_str(), None),
    };
    let host = host.trim_end_matches('.');
    let host_ok = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && !host.starts_with('.');
    if !host_ok {
        return None;
    }
    let default = matches!(
        (scheme.as_str(), port),
        ("https", Some("443")) | ("http", Some("80"))
    );
    Some(match port {
        Some(p) if !default => format!("{scheme}://{host}:{p}"),
        _ => format!("{scheme}://{host}"),
    })
}

/// How a resolver URL is reached under the page's policy.
pub fn reach(url: &str) -> Reach {
    let Some(origin) = origin_of(url) else {
        // An http URL that validated is loopback; only [::1] lands here.
        return Reach::Inexpressible;
    };
    if origin.starts_with("http://") || is_loopback(&origin) || preset_origins().contains(&origin) {
        Reach::Always
    } else {
        Reach::Added(origin)
    }
}

/// An https resolver on this machine (a local DoH proxy with TLS): the
/// policy allows `https://127.0.0.1:*` and `https://localhost:*` always.
fn is_loopback(origin: &str) -> bool {
    let host = origin.trim_start_matches("https://");
    let host = host.split(':').next().unwrap_or(host);
    host == "127.0.0.1" || host == "localhost"
}

/// The stored origin list (JSON array of strings); anything else reads as
/// empty, and entries that are not https origins are skipped, as the boot
/// script does.
pub fn parse_origins(json: &str) -> Vec<String> {
    let list: Vec<serde_json::Value> = serde_json::from_str(json).unwrap_or_default();
    list.iter()
        .filter_map(|v| v.as_str())
        .filter(|s| s.starts_with("https://") && origin_of(s).as_deref() == Some(*s))
        .map(String::from)
        .take(MAX_ORIGINS)
        .collect()
}

/// The list with `origin` added last (moved there if present), at most
/// [`MAX_ORIGINS`] long.
pub fn add_origin(json: &str, origin: &str) -> String {
    let mut list = parse_origins(json);
    list.retain(|o| o != origin);
    list.push(origin.to_string());
    let skip = list.len().saturating_sub(MAX_ORIGINS);
    let list: Vec<&String> = list.iter().skip(skip).collect();
    serde_json::to_string(&list).unwrap_or_else(|_| String::from("[]"))
}

/// True when the `connect-src` directive text (space-separated sources)
/// names `origin` exactly.
pub fn policy_names(policy: &str, origin: &str) -> bool {
    policy.split_ascii_whitespace().any(|s| s == origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_of_urls() {
        let cases: [(&str, Option<&str>); 9] = [
            ("https://dns.google/resolve", Some("https://dns.google")),
            (
                "https://DNS.Example:8443/dns-query?x=1",
                Some("https://dns.example:8443"),
            ),
            ("https://dns.example:443/q", Some("https://dns.example")),
            ("http://127.0.0.1:8053/resolve", Some("http://127.0.0.1:8053")),
            ("http://localhost/resolve", Some("http://localhost")),
            ("http://[::1]:8053/dns-query", None),
            ("https://例子.中国/dns-query", None),
            ("https://dns.example:x/", None),
            ("ftp://dns.example/", None),
        ];
        for (url, want) in cases {
            assert_eq!(origin_of(url).as_deref(), want, "{url}");
        }
    }

    #[test]
    fn reach_table() {
        assert_eq!(reach("https://doh.pub/dns-query"), Reach::Always);
        assert_eq!(reach("https://cloudflare-dns.com/dns-query?ct=1"), Reach::Always);
        assert_eq!(reach("http://127.0.0.1:9/resolve"), Reach::Always);
        assert_eq!(reach("https://127.0.0.1:8443/dns-query"), Reach::Always);
        assert_eq!(reach("https://localhost/dns-query"), Reach::Always);
        assert_eq!(
            reach("https://dns.example/q"),
            Reach::Added("https://dns.example".into())
        );
        assert_eq!(reach("http://[::1]:8053/q"), Reach::Inexpressible);
    }

    #[test]
    fn presets_are_the_four_origins_and_in_the_build_hook() {
        let want = [
            "https://dns.alidns.com",
            "https://doh.pub",
            "https://dns.google",
            "https://cloudflare-dns.com",
        ];
        assert_eq!(preset_origins(), want);
        let hook = include_str!("../scripts/csp.py");
        for origin in want {
            assert!(hook.contains(origin), "scripts/csp.py lacks {origin}");
        }
        assert!(hook.contains(ORIGINS_KEY));
    }

    #[test]
    fn origin_list_is_kept_clean_and_short() {
        assert_eq!(parse_origins("not json"), Vec::<String>::new());
        assert_eq!(
            parse_origins(
                r#"["https://a.example", "https://b.example; script-src *", 3, "http://c.example"]"#
            ),
            vec!["https://a.example".to_string()]
        );
        let mut list = String::from("[]");
        for i in 0..10 {
            list = add_origin(&list, &format!("https://r{i}.example"));
        }
        list = add_origin(&list, "https://r5.example");
        let got = parse_origins(&list);
        assert_eq!(got.len(), MAX_ORIGINS);
        assert_eq!(got.first().map(String::as_str), Some("https://r2.example"));
        assert_eq!(got.last().map(String::as_str), Some("https://r5.example"));
    }

    #[test]
    fn policy_names_exact_sources() {
        let p = "'self' https://dns.google https://dns.example:8443";
        assert!(policy_names(p, "https://dns.example:8443"));
        assert!(!policy_names(p, "https://dns.example"));
    }
}
