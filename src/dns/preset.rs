//! The public DNS-over-HTTPS resolvers the page offers without asking.
//!
//! AliDNS and DNSPod come first: from mainland China they are the ones that
//! answer, and they speak only RFC 8484 wire format to anonymous browsers;
//! Google and Cloudflare are asked in their JSON shapes (RFC 8484 §3: the
//! client chooses its DoH server by configuration). The page's CSP names
//! exactly these four origins (`crate::csp`).

use super::protocol::Protocol;
use crate::i18n::code;
use serde::{Deserialize, Serialize};

/// One offered resolver.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Preset {
    AliDns,
    DnsPod,
    Google,
    Cloudflare,
}

impl Preset {
    /// The offered resolvers, in order of preference when they tie.
    pub const ALL: [Preset; 4] = [Preset::AliDns, Preset::DnsPod, Preset::Google, Preset::Cloudflare];

    /// Stable id, for settings (`maildns.resolver.v1`), share links (`ep=`)
    /// and the form's select.
    pub fn id(self) -> &'static str {
        match self {
            Preset::AliDns => "alidns",
            Preset::DnsPod => "dnspod",
            Preset::Google => "google",
            Preset::Cloudflare => "cloudflare",
        }
    }

    /// The preset with this id (exact, as [`Preset::id`] writes it).
    pub fn from_id(id: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.id() == id)
    }

    /// The operator's name, as used in finding arguments.
    pub fn name(self) -> &'static str {
        match self {
            Preset::AliDns => "AliDNS",
            Preset::DnsPod => "DNSPod",
            Preset::Google => "Google",
            Preset::Cloudflare => "Cloudflare",
        }
    }

    /// Catalogue code of the label shown in the chooser.
    pub fn label(self) -> &'static str {
        match self {
            Preset::AliDns => code::dns::PRESET_ALIDNS,
            Preset::DnsPod => code::dns::PRESET_DNSPOD,
            Preset::Google => code::dns::PRESET_GOOGLE,
            Preset::Cloudflare => code::dns::PRESET_CLOUDFLARE,
        }
    }

    pub fn url(self) -> &'static str {
        match self {
            Preset::AliDns => "https://dns.alidns.com/dns-query",
            Preset::DnsPod => "https://doh.pub/dns-query",
            Preset::Google => "https://dns.google/resolve",
            Preset::Cloudflare => "https://cloudflare-dns.com/dns-query",
        }
    }

    pub fn protocol(self) -> Protocol {
        match self {
            Preset::AliDns | Preset::DnsPod => Protocol::Wire,
            Preset::Google => Protocol::GoogleJson,
            Preset::Cloudflare => Protocol::CloudflareJson,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_are_complete() {
        let ids: Vec<&str> = Preset::ALL.iter().map(|p| p.id()).collect();
        assert_eq!(ids, ["alidns", "dnspod", "google", "cloudflare"]);
        assert_eq!(
            Preset::from_id("dnspod").map(Preset::url),
            Some("https://doh.pub/dns-query")
        );
        assert_eq!(
            Preset::from_id("alidns").map(Preset::protocol),
            Some(Protocol::Wire)
        );
        assert_eq!(
            Preset::from_id("cloudflare").map(Preset::protocol),
            Some(Protocol::CloudflareJson)
        );
        assert_eq!(Preset::from_id("nope"), None);
        assert_eq!(Preset::from_id("Google"), None);
        for p in Preset::ALL {
            assert!(p.url().starts_with("https://"), "{p:?}");
            assert_eq!(Preset::from_id(p.id()), Some(p));
            assert!(crate::i18n::lookup(p.label()).is_some(), "{p:?}");
        }
    }
}
