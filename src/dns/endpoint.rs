//! Which DNS-over-HTTPS endpoint the checker asks: the public presets (the
//! JSON APIs of Google and Cloudflare, and the RFC 8484 endpoints of AliDNS
//! and DNSPod that browsers in mainland China reach), or a URL the user
//! typed, checked before any question is sent.
//!
//! RFC 8484 §5 requires HTTPS for DoH; a plain `http://` URL is accepted only
//! for the loopback address (127.0.0.1, localhost, [::1]), where a local
//! resolver or a test server answers and nothing crosses a network.
//! Pure: no I/O, tested natively.

use super::preset::Preset;
use super::protocol::Protocol;
use crate::i18n::code;
use serde::{Deserialize, Serialize};

/// A resolver choice: one of the presets or a custom URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EndpointChoice {
    Preset(Preset),
    Custom { url: String, protocol: Protocol },
}

/// A checked endpoint: the URL to ask and how to ask it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoint {
    pub url: String,
    pub protocol: Protocol,
}

impl From<Preset> for Endpoint {
    /// The preset's endpoint.
    fn from(p: Preset) -> Self {
        Endpoint {
            url: p.url().to_string(),
            protocol: p.protocol(),
        }
    }
}

/// Why a custom endpoint URL is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndpointError {
    /// Nothing typed.
    Empty,
    /// Not `scheme://host...`.
    NotAUrl,
    /// A scheme other than https (or http on loopback).
    NotHttps,
    /// `http://` to a host that is not the loopback address.
    HttpNotLoopback,
    /// User name or password in the URL.
    HasCredentials,
    /// A `#fragment`, or spaces or control characters.
    BadCharacters,
}

impl EndpointError {
    /// Stable catalogue code.
    pub fn code(self) -> &'static str {
        match self {
            EndpointError::Empty => code::endpoint::EMPTY,
            EndpointError::NotAUrl => code::endpoint::NOT_A_URL,
            EndpointError::NotHttps => code::endpoint::NOT_HTTPS,
            EndpointError::HttpNotLoopback => code::endpoint::HTTP_NOT_LOOPBACK,
            EndpointError::HasCredentials => code::endpoint::CREDENTIALS,
            EndpointError::BadCharacters => code::endpoint::BAD_CHARACTERS,
        }
    }

    /// Every code [`EndpointError::code`] can return.
    pub const CODES: [&'static str; 6] = [
        code::endpoint::EMPTY,
        code::endpoint::NOT_A_URL,
        code::endpoint::NOT_HTTPS,
        code::endpoint::HTTP_NOT_LOOPBACK,
        code::endpoint::CREDENTIALS,
        code::endpoint::BAD_CHARACTERS,
    ];
}

impl EndpointChoice {
    /// The endpoint to ask, or why the custom URL is refused.
    pub fn resolve(&self) -> Result<Endpoint, EndpointError> {
        match self {
            EndpointChoice::Preset(p) => Ok(Endpoint::from(*p)),
            EndpointChoice::Custom { url, protocol } => Ok(Endpoint {
                url: validate_url(url)?,
                protocol: *protocol,
            }),
        }
    }

    /// True for the presets, which the page may ask without confirmation.
    pub fn is_preset(&self) -> bool {
        matches!(self, EndpointChoice::Preset(_))
    }

    /// The `ep=` value of a share link: a preset's id, or the URL.
    pub fn link_value(&self) -> String {
        match self {
            EndpointChoice::Preset(p) => p.id().into(),
            EndpointChoice::Custom { url, .. } => url.clone(),
        }
    }

    /// From a share link's `ep=` (already percent-decoded) and `flavor=`.
    /// A custom URL is returned unchecked: [`EndpointChoice::resolve`] checks it.
    pub fn from_link(ep: &str, flavor: Option<&str>) -> EndpointChoice {
        let ep = ep.trim();
        match Preset::from_id(ep) {
            Some(p) => EndpointChoice::Preset(p),
            None => EndpointChoice::Custom {
                url: ep.to_string(),
                protocol: Protocol::from_word(flavor.unwrap_or("google")),
            },
        }
    }
}

/// Checks a typed endpoint URL (RFC 3986 §3 shape: scheme, authority, path)
/// and returns it trimmed.
pub fn validate_url(input: &str) -> Result<String, EndpointError> {
    let url = input.trim();
    if url.is_empty() {
        return Err(EndpointError::Empty);
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) || url.contains('#') {
        return Err(EndpointError::BadCharacters);
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err(EndpointError::NotAUrl);
    };
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    if authority.is_empty() {
        return Err(EndpointError::NotAUrl);
    }
    if authority.contains('@') {
        return Err(EndpointError::HasCredentials);
    }
    let host = host_of(authority);
    if host.is_empty() {
        return Err(EndpointError::NotAUrl);
    }
    match scheme.to_ascii_lowercase().as_str() {
        "https" => Ok(url.to_string()),
        "http" if is_loopback(&host) => Ok(url.to_string()),
        "http" => Err(EndpointError::HttpNotLoopback),
        _ => Err(EndpointError::NotHttps),
    }
}

/// The host of an authority (`host`, `host:port`, `[v6]:port`), lowercase.
fn host_of(authority: &str) -> String {
    if let Some(rest) = authority.strip_prefix('[') {
        return match rest.split_once(']') {
            Some((v6, _)) => format!("[{}]", v6.to_ascii_lowercase()),
            None => String::new(),
        };
    }
    authority
        .split(':')
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_ascii_lowercase()
}

fn is_loopback(host: &str) -> bool {
    matches!(host, "127.0.0.1" | "localhost" | "[::1]")
}

/// What a share link `#check=<domain>&sel=<s1,s2>&ep=<ep>&flavor=<f>` asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckLink {
    pub domain: String,
    pub selectors: String,
    pub endpoint: EndpointChoice,
}

/// Reads a URL fragment (without `#`); `None` when it is not a check link.
/// Values are percent-decoded (RFC 3986 §2.1); bad escapes are kept as typed.
pub fn parse_check_link(fragment: &str) -> Option<CheckLink> {
    let mut domain = None;
    let mut selectors = String::new();
    let mut ep = String::from("google");
    let mut flavor = None;
    for pair in fragment.trim_start_matches('#').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_decode(value);
        match key {
            "check" => domain = Some(value),
            "sel" => selectors = value,
            "ep" => ep = value,
            "flavor" => flavor = Some(value),
            _ => {}
        }
    }
    let domain = domain.filter(|d| !d.trim().is_empty())?;
    Some(CheckLink {
        domain,
        selectors,
        endpoint: EndpointChoice::from_link(&ep, flavor.as_deref()),
    })
}

/// The fragment of a share link for these values.
pub fn check_link_fragment(domain: &str, selectors: &str, endpoint: &EndpointChoice) -> String {
    let mut out = format!("check={}", percent_encode(domain.trim()));
    let sel: Vec<&str> = selectors.split([',', ' ']).filter(|s| !s.is_empty()).collect();
    if !sel.is_empty() {
        out.push_str("&sel=");
        out.push_str(&percent_encode(&sel.join(",")));
    }
    out.push_str("&ep=");
    out.push_str(&percent_encode(&endpoint.link_value()));
    if let EndpointChoice::Custom { protocol, .. } = endpoint {
        out.push_str("&flavor=");
        out.push_str(protocol.word());
    }
    out
}

fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b',') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes.get(i).copied().unwrap_or(0);
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_presets_and_protocol() {
        let ali = EndpointChoice::Preset(Preset::AliDns).resolve().expect("preset");
        assert_eq!(
            (ali.url.as_str(), ali.protocol),
            ("https://dns.alidns.com/dns-query", Protocol::Wire)
        );
        let pod = EndpointChoice::Preset(Preset::DnsPod).resolve().expect("preset");
        assert_eq!(
            (pod.url.as_str(), pod.protocol),
            ("https://doh.pub/dns-query", Protocol::Wire)
        );
        for p in Preset::ALL {
            let choice = EndpointChoice::Preset(p);
            assert!(choice.is_preset());
            assert_eq!(EndpointChoice::from_link(&choice.link_value(), None), choice);
        }
        let custom = EndpointChoice::from_link("http://127.0.0.1:8053/dns-query", Some("wire"));
        assert_eq!(custom.resolve().map(|e| e.protocol), Ok(Protocol::Wire));
    }

    #[test]
    fn urls() {
        let ok = [
            "https://dns.google/resolve",
            "https://doh.example.net:8443/dns-query?x=1",
            "http://127.0.0.1:8053/resolve",
            "http://localhost/resolve",
            "http://LOCALHOST:1/",
            "http://[::1]:8053/dns-query",
            "  https://dns.example  ",
        ];
        for u in ok {
            assert_eq!(validate_url(u), Ok(u.trim().to_string()), "{u}");
        }
        let bad = [
            ("", EndpointError::Empty),
            ("   ", EndpointError::Empty),
            ("dns.google/resolve", EndpointError::NotAUrl),
            ("https:///resolve", EndpointError::NotAUrl),
            ("https://:80/x", EndpointError::NotAUrl),
            ("http://dns.google/resolve", EndpointError::HttpNotLoopback),
            ("http://127.0.0.2/resolve", EndpointError::HttpNotLoopback),
            ("http://localhost.evil.net/", EndpointError::HttpNotLoopback),
            ("http://[::2]/", EndpointError::HttpNotLoopback),
            ("ftp://dns.google/", EndpointError::NotHttps),
            ("javascript://x/%0aalert(1)", EndpointError::NotHttps),
            ("https://user:pw@dns.google/", EndpointError::HasCredentials),
            ("http://127.0.0.1@evil.net/", EndpointError::HasCredentials),
            ("https://dns.google/a b", EndpointError::BadCharacters),
            ("https://dns.google/#x", EndpointError::BadCharacters),
        ];
        for (u, want) in bad {
            assert_eq!(validate_url(u), Err(want), "{u}");
        }
    }

    #[test]
    fn presets_and_links() {
        assert_eq!(
            EndpointChoice::Preset(Preset::Google).resolve(),
            Ok(Endpoint {
                url: "https://dns.google/resolve".into(),
                protocol: Protocol::GoogleJson
            })
        );
        assert_eq!(
            EndpointChoice::Preset(Preset::Cloudflare)
                .resolve()
                .map(|e| e.protocol),
            Ok(Protocol::CloudflareJson)
        );
        let custom = EndpointChoice::from_link("http://127.0.0.1:9/dns-query", Some("cloudflare"));
        assert!(!custom.is_preset());
        assert_eq!(
            custom.resolve(),
            Ok(Endpoint {
                url: "http://127.0.0.1:9/dns-query".into(),
                protocol: Protocol::CloudflareJson
            })
        );
        assert_eq!(custom.link_value(), "http://127.0.0.1:9/dns-query");
        assert_eq!(
            EndpointChoice::from_link("cloudflare", None),
            EndpointChoice::Preset(Preset::Cloudflare)
        );
        assert_eq!(
            EndpointChoice::from_link("http://evil.net/", None).resolve(),
            Err(EndpointError::HttpNotLoopback)
        );
    }

    #[test]
    fn every_code_is_in_the_catalogue() {
        for code in EndpointError::CODES {
            assert!(crate::i18n::lookup(code).is_some(), "{code}");
        }
    }

    #[test]
    fn share_links() {
        assert_eq!(parse_check_link("plan=abc"), None);
        assert_eq!(parse_check_link("check="), None);
        let link = parse_check_link(
            "check=good-mail.net&sel=s1,s2&ep=http%3A%2F%2F127.0.0.1%3A9%2Fdns-query&flavor=cloudflare",
        )
        .expect("link");
        assert_eq!(link.domain, "good-mail.net");
        assert_eq!(link.selectors, "s1,s2");
        assert_eq!(
            link.endpoint,
            EndpointChoice::Custom {
                url: "http://127.0.0.1:9/dns-query".into(),
                protocol: Protocol::CloudflareJson
            }
        );
        let plain = parse_check_link("#check=example.com").expect("link");
        assert_eq!(plain.endpoint, EndpointChoice::Preset(Preset::Google));
        let frag = check_link_fragment("good-mail.net", "s1, s2", &link.endpoint);
        assert_eq!(parse_check_link(&frag), Some(link));
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%E4%BE%8B"), "例");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = validate_url(&s);
            let _ = EndpointChoice::from_link(&s, Some(&s)).resolve();
            let _ = parse_check_link(&s);
        }

        #[test]
        fn never_panics_bytes(b in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let _ = validate_url(&String::from_utf8_lossy(&b));
        }
    }
}
