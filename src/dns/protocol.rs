//! How a DNS-over-HTTPS endpoint is asked: one of the two JSON APIs that
//! browsers can read without decoding DNS messages, or RFC 8484 wire format.
//!
//! RFC 8484 §4.1 defines only `application/dns-message`; the JSON shapes are
//! the operators' own (Google's `/resolve`, Cloudflare's
//! `application/dns-json`), which the page reads because they are what
//! Google and Cloudflare serve to a browser without CORS surprises.

use crate::i18n::code;
use serde::{Deserialize, Serialize};

/// The shape of a DoH endpoint's questions and answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Protocol {
    /// Google `https://dns.google/resolve` (also AdGuard and AliDNS
    /// `/resolve`): JSON is the default answer.
    GoogleJson,
    /// Cloudflare `https://cloudflare-dns.com/dns-query`: JSON only with
    /// `ct=application/dns-json` (or that exact `Accept` header).
    CloudflareJson,
    /// RFC 8484 wire format: `?dns=<base64url>`, `application/dns-message`.
    Wire,
}

impl Protocol {
    /// Every protocol, in the order the page offers them.
    pub const ALL: [Protocol; 3] = [Protocol::GoogleJson, Protocol::CloudflareJson, Protocol::Wire];

    /// The word of a share link's `flavor=` and of the form's select.
    pub fn word(self) -> &'static str {
        match self {
            Protocol::GoogleJson => "google",
            Protocol::CloudflareJson => "cloudflare",
            Protocol::Wire => "wire",
        }
    }

    /// The protocol a word names: `cloudflare` and `wire` (any case, spaces
    /// around) name those; anything else is Google's JSON, the shape most
    /// JSON resolvers speak.
    pub fn from_word(word: &str) -> Protocol {
        match word.trim().to_ascii_lowercase().as_str() {
            "cloudflare" => Protocol::CloudflareJson,
            "wire" => Protocol::Wire,
            _ => Protocol::GoogleJson,
        }
    }

    /// True for the two JSON APIs.
    pub fn is_json(self) -> bool {
        self != Protocol::Wire
    }

    /// The `Accept` header a JSON question sends: Cloudflare answers JSON
    /// only to `application/dns-json`; Google needs none. Wire questions set
    /// their own (`application/dns-message`, RFC 8484 §4.1).
    pub fn json_accept(self) -> Option<&'static str> {
        match self {
            Protocol::CloudflareJson => Some("application/dns-json"),
            Protocol::GoogleJson | Protocol::Wire => None,
        }
    }

    /// Catalogue code of the protocol's name in the resolver form.
    pub fn label(self) -> &'static str {
        match self {
            Protocol::GoogleJson => code::ui::CHECK_FLAVOR_GOOGLE,
            Protocol::CloudflareJson => code::ui::CHECK_FLAVOR_CLOUDFLARE,
            Protocol::Wire => code::ui::CHECK_FLAVOR_WIRE,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for p in Protocol::ALL {
            assert_eq!(Protocol::from_word(p.word()), p);
            assert!(crate::i18n::lookup(p.label()).is_some(), "{p:?}");
        }
        assert_eq!(Protocol::from_word(" WIRE "), Protocol::Wire);
        assert_eq!(Protocol::from_word("json"), Protocol::GoogleJson);
        assert_eq!(Protocol::from_word(""), Protocol::GoogleJson);
    }

    #[test]
    fn only_cloudflare_needs_an_accept_header() {
        let accepts: Vec<_> = Protocol::ALL.iter().map(|p| p.json_accept()).collect();
        assert_eq!(accepts, [None, Some("application/dns-json"), None]);
        assert!(!Protocol::Wire.is_json());
    }
}
