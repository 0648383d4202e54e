//! The mail plan: what the user types into the generator form, and its
//! validation into typed values the generator can trust.
//!
//! [`MailPlan`] holds every input as the text the form holds (so a half-typed
//! address survives a reload or a share link); [`validate`] turns it into a
//! [`ValidatedPlan`] or returns [`PlanErrors`], findings keyed by a stable
//! field key. `validate` runs on every keystroke, so it does no more than
//! parse: no DNS, no key generation.
//!
//! Field keys (the UI shows each finding under the input with that key):
//!
//! | key | input |
//! |---|---|
//! | `domain` | the mail domain |
//! | `hosts` | the list of mail hosts as a whole (none given; null MX ignores them) |
//! | `hosts[i].name`, `hosts[i].ipv4[j]`, `hosts[i].ipv6[j]`, `hosts[i].priority` | one mail host |
//! | `hosts[i].ipv4` | the host's addresses as a whole (none given) |
//! | `backup_mx[i].name`, `backup_mx[i].priority`, `backup_mx[i].ipv4[j]`, `backup_mx[i].ipv6[j]`, `backup_mx[i].ipv4` | a backup MX |
//! | `ttl.default`, `ttl.<kind>` (`mx`, `address`, `spf`, `dkim`, `dmarc`, `mta_sts`, `tls_rpt`, `srv`, `caa`, `tlsa`) | TTLs |
//! | `spf.ip4[i]`, `spf.ip6[i]`, `spf.a[i]`, `spf.mx[i]`, `spf.includes[i]`; `spf` | SPF extras; the record as a whole |
//! | `dkim.selector`, `dkim.public_key`, `dkim.ed25519_selector`, `dkim.ed25519_public_key` | DKIM |
//! | `dmarc.rua[i]`, `dmarc.ruf[i]` | DMARC report addresses |
//! | `mta_sts.max_age`, `mta_sts.mx[i]`, `mta_sts.web_ipv4[i]`, `mta_sts.web_ipv6[i]`, `mta_sts.web_ipv4` | MTA-STS |
//! | `tls_rpt.rua[i]`, `tls_rpt.rua` | TLS-RPT report addresses; the list as a whole |
//! | `autoconfig.target` | the host clients connect to |
//! | `caa.issuers[i]`, `caa.issuers`, `caa.iodef` | CAA |
//! | `tlsa.pem` | the certificate or public key for TLSA |
//!
//! While `domain` does not parse, the other fields are still checked
//! (against the placeholder `domain.invalid`), so their errors show at once.
//!
//! Host names are read the way panels take them: `@` is the domain, a single
//! label (`mail`) is prefixed to the domain, and anything with a dot
//! (`mail.example.com`, `mx.provider.net`) is taken as absolute.
//!
//! The private DKIM key never enters a plan: the page keeps it in memory and
//! offers it for download; only the public key (SPKI base64) is set here.
//! [`MailPlan::without_private_keys`] clears any input that holds a pasted
//! private key, and the share codec applies it before encoding.

mod certificate;
pub mod stored;
mod validate;

pub use certificate::{spki_from_pem, spki_sha256, CertificateError};
pub use validate::{field_findings, max_rdata, validate, CODES};

use crate::dkim::DkimKey;
pub use crate::dmarc::{Alignment, DmarcPolicy};
use crate::finding::Finding;
use crate::model::name::Name;
pub use crate::mta_sts::{Mode, MxPattern};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::net::{Ipv4Addr, Ipv6Addr};

/// Default TTL in seconds when the form leaves it empty.
pub const DEFAULT_TTL: u32 = 3600;
/// Default MX preference of a mail host.
pub const DEFAULT_PRIORITY: u16 = 10;
/// Default MX preference of a backup MX.
pub const DEFAULT_BACKUP_PRIORITY: u16 = 20;
/// Default MTA-STS `max_age`: one week (RFC 8461 §3.2 suggests weeks or more).
pub const DEFAULT_MTA_STS_MAX_AGE: u64 = 604_800;

/// Everything the user typed, as text. `Default` is an empty form.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MailPlan {
    /// The mail domain, Unicode or ASCII (`例子.中国`, `example.com`).
    pub domain: String,
    /// The hosts that receive (and send) the domain's mail; at least one
    /// unless `null_mx`.
    pub hosts: Vec<HostInput>,
    /// Backup MX hosts, own (with addresses to publish) or external (no addresses).
    pub backup_mx: Vec<HostInput>,
    pub ttl: TtlInput,
    pub spf: SpfInput,
    pub dkim: DkimInput,
    pub dmarc: DmarcInput,
    pub mta_sts: MtaStsInput,
    pub tls_rpt: TlsRptInput,
    /// The domain sends and receives no mail: publish the lockdown set
    /// (null MX, `v=spf1 -all`, DMARC `p=reject`) and nothing else.
    pub null_mx: bool,
    pub autoconfig: AutoconfigInput,
    pub caa: CaaInput,
    pub tlsa: TlsaInput,
}

/// A mail host or backup MX as typed.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct HostInput {
    /// Host name, absolute (`mail.example.com`) or relative to the domain
    /// (`mail`); empty means `mail.<domain>` for the first mail host. A backup
    /// MX needs a name.
    pub name: String,
    /// IPv4 addresses, one per entry. For a backup MX, empty means an
    /// external host whose addresses are not ours to publish.
    pub ipv4: Vec<String>,
    pub ipv6: Vec<String>,
    /// MX preference; empty means 10 (mail host) or 20 (backup MX).
    pub priority: String,
}

/// TTLs as typed; empty means the default.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TtlInput {
    /// Default TTL for every record; empty means 3600.
    pub default: String,
    /// Per record kind overrides, keyed `mx`, `address`, `spf`, `dkim`,
    /// `dmarc`, `mta_sts`, `tls_rpt`, `srv`, `caa`, `tlsa`.
    pub overrides: BTreeMap<String, String>,
}

/// The record kinds a TTL override can name.
pub const TTL_KINDS: [&str; 10] = [
    "mx", "address", "spf", "dkim", "dmarc", "mta_sts", "tls_rpt", "srv", "caa", "tlsa",
];

/// The `all` at the end of the SPF record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpfAll {
    /// `-all`: everything else fails (the default).
    #[default]
    Fail,
    /// `~all`: everything else soft-fails (while rolling out).
    SoftFail,
}

/// SPF beyond the mail hosts' own addresses (which are always listed as
/// `ip4:`/`ip6:`, costing no DNS lookup).
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SpfInput {
    /// Extra `ip4:` entries, address or CIDR (`198.51.100.0/24`).
    pub ip4: Vec<String>,
    pub ip6: Vec<String>,
    /// `a:` host names; `@` means a bare `a` (the domain itself).
    pub a: Vec<String>,
    /// `mx:` domains; `@` means a bare `mx`.
    pub mx: Vec<String>,
    /// `include:` domains of providers that send as the domain.
    pub includes: Vec<String>,
    pub all: SpfAll,
}

/// The DKIM key algorithm the page generates (or the pasted key has).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DkimAlgorithm {
    /// RSA 2048 bits: the default, fits one panel field.
    #[default]
    Rsa2048,
    /// RSA 1024 bits: weak (RFC 8301 §3.2 wants 2048 to sign).
    Rsa1024,
    /// RSA 4096 bits: the record is split into 255-byte strings and some
    /// panels refuse values that long.
    Rsa4096,
}

impl DkimAlgorithm {
    /// Modulus size in bits.
    pub fn bits(self) -> u32 {
        match self {
            DkimAlgorithm::Rsa2048 => 2048,
            DkimAlgorithm::Rsa1024 => 1024,
            DkimAlgorithm::Rsa4096 => 4096,
        }
    }
}

/// DKIM inputs: the public key only.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DkimInput {
    /// The selector, e.g. `s202611` (see [`suggest_selector`]) or `mail`.
    pub selector: String,
    pub algorithm: DkimAlgorithm,
    /// The RSA public key: pasted (PEM, base64, a DKIM record, an
    /// `opendkim-genkey` line) or the SPKI base64 the page set after
    /// generating the key with WebCrypto. Empty: no DKIM record yet.
    pub public_key: String,
    /// Optional second selector for an Ed25519 key (RFC 8463), published
    /// only alongside RSA because many verifiers do not know Ed25519.
    pub ed25519_selector: String,
    /// The Ed25519 public key, raw 32 bytes base64 or SPKI PEM/base64.
    pub ed25519_public_key: String,
}

/// DMARC inputs, the tags' own types (RFC 9989 §4.7). `None` in
/// `sp`/`np`/`adkim`/`aspf` means the tag is left out (its default applies).
/// Stored and shared as `"p":"quarantine"`, `"adkim":"strict"`, the same
/// text the earlier plan-only enums wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DmarcInput {
    /// `p`; a new plan starts at `quarantine`.
    pub p: DmarcPolicy,
    pub sp: Option<DmarcPolicy>,
    pub np: Option<DmarcPolicy>,
    pub adkim: Option<Alignment>,
    pub aspf: Option<Alignment>,
    /// Aggregate report addresses: `dmarc@example.com` or `mailto:dmarc@example.com`.
    pub rua: Vec<String>,
    /// Failure report addresses.
    pub ruf: Vec<String>,
}

impl Default for DmarcInput {
    fn default() -> Self {
        DmarcInput {
            p: DmarcPolicy::Quarantine,
            sp: None,
            np: None,
            adkim: None,
            aspf: None,
            rua: Vec::new(),
            ruf: Vec::new(),
        }
    }
}

/// MTA-STS inputs (RFC 8461).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MtaStsInput {
    pub enabled: bool,
    /// The policy's `mode` (§3.2); a new plan starts at `testing`.
    pub mode: Mode,
    /// Seconds; empty means one week.
    pub max_age: String,
    /// `mx:` lines; empty means the MX hosts (mail hosts and backup MX).
    pub mx: Vec<String>,
    /// Addresses of the web server that serves
    /// `https://mta-sts.<domain>/.well-known/mta-sts.txt`; empty means the
    /// first mail host's addresses (the common case of one box doing both).
    pub web_ipv4: Vec<String>,
    pub web_ipv6: Vec<String>,
}

impl Default for MtaStsInput {
    fn default() -> Self {
        MtaStsInput {
            enabled: false,
            mode: Mode::Testing,
            max_age: String::new(),
            mx: Vec::new(),
            web_ipv4: Vec::new(),
            web_ipv6: Vec::new(),
        }
    }
}

/// TLS-RPT inputs (RFC 8460).
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TlsRptInput {
    pub enabled: bool,
    /// `mailto:` or `https:` destinations; a bare address gets `mailto:`.
    pub rua: Vec<String>,
}

/// Client autoconfiguration SRV records (RFC 6186, RFC 8314).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AutoconfigInput {
    pub enabled: bool,
    /// The host clients connect to; empty means the first mail host.
    pub target: String,
    /// `_submissions._tcp` 465 (implicit TLS, RFC 8314 §3.3).
    pub submissions: bool,
    /// `_submission._tcp` 587 (STARTTLS).
    pub submission: bool,
    /// `_imaps._tcp` 993.
    pub imaps: bool,
    /// `_pop3s._tcp` 995.
    pub pop3s: bool,
}

impl Default for AutoconfigInput {
    fn default() -> Self {
        AutoconfigInput {
            enabled: false,
            target: String::new(),
            submissions: true,
            submission: true,
            imaps: true,
            pop3s: false,
        }
    }
}

/// CAA inputs (RFC 8659).
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CaaInput {
    pub enabled: bool,
    /// CA domains allowed to issue, e.g. `letsencrypt.org`.
    pub issuers: Vec<String>,
    /// Where CAs report refused requests: `mailto:` or `https:` URL, or empty.
    pub iodef: String,
}

/// DANE TLSA input (RFC 7672): the mail host's certificate or public key.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TlsaInput {
    pub enabled: bool,
    /// `-----BEGIN CERTIFICATE-----` or `-----BEGIN PUBLIC KEY-----` PEM.
    pub pem: String,
}

impl MailPlan {
    /// A copy with every input that holds a private key cleared. A plan
    /// should never hold one; this guards against a key pasted into the
    /// wrong box leaving the page in a share link.
    pub fn without_private_keys(&self) -> MailPlan {
        let mut plan = self.clone();
        for field in [
            &mut plan.dkim.public_key,
            &mut plan.dkim.ed25519_public_key,
            &mut plan.tlsa.pem,
        ] {
            if holds_private_key(field) {
                field.clear();
            }
        }
        plan
    }
}

/// True if the text looks like a private key (PEM label or OpenSSH key).
pub fn holds_private_key(text: &str) -> bool {
    text.contains("PRIVATE KEY")
}

/// The selector suggested for a new key made in `year`-`month`: `s202611`.
/// Dated selectors make rotation visible (M3AAWG DKIM key rotation practice);
/// the page passes today's date because the core has no clock.
pub fn suggest_selector(year: u16, month: u8) -> String {
    format!("s{:04}{:02}", year % 10_000, month.clamp(1, 12))
}

/// Findings keyed by field key (see the module doc). The same type carries
/// the errors of a failed [`validate`] and the warnings of a passed one.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize)]
pub struct PlanErrors {
    pub by_field: BTreeMap<String, Vec<Finding>>,
}

impl PlanErrors {
    /// Adds a finding under `field`.
    pub fn push(&mut self, field: impl Into<String>, finding: Finding) {
        self.by_field.entry(field.into()).or_default().push(finding);
    }

    /// The findings of one field (empty if none).
    pub fn get(&self, field: &str) -> &[Finding] {
        self.by_field.get(field).map_or(&[], Vec::as_slice)
    }

    pub fn is_empty(&self) -> bool {
        self.by_field.is_empty()
    }

    /// True if any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.by_field.values().any(|v| !crate::finding::is_valid(v))
    }

    /// Every (field, finding), in field-key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Finding)> {
        self.by_field
            .iter()
            .flat_map(|(k, v)| v.iter().map(move |f| (k.as_str(), f)))
    }
}

/// A mail host or backup MX after validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailHost {
    pub name: Name,
    pub ipv4: Vec<Ipv4Addr>,
    pub ipv6: Vec<Ipv6Addr>,
    pub priority: u16,
}

impl MailHost {
    /// True if the plan publishes addresses for this host (own host, not external).
    pub fn has_addresses(&self) -> bool {
        !self.ipv4.is_empty() || !self.ipv6.is_empty()
    }
}

/// TTLs after validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ttls {
    pub default: u32,
    /// Overrides keyed by a [`TTL_KINDS`] name.
    pub overrides: BTreeMap<&'static str, u32>,
}

impl Ttls {
    /// The TTL of records of `kind` (one of [`TTL_KINDS`]).
    pub fn of(&self, kind: &str) -> u32 {
        self.overrides.get(kind).copied().unwrap_or(self.default)
    }
}

/// A mechanism target in the SPF extras: a bare `a`/`mx` or a domain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpfTarget {
    /// `@`: the mechanism without a domain.
    Own,
    Domain(Name),
}

/// SPF after validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpfPlan {
    pub ip4: Vec<(Ipv4Addr, Option<u8>)>,
    pub ip6: Vec<(Ipv6Addr, Option<u8>)>,
    pub a: Vec<SpfTarget>,
    pub mx: Vec<SpfTarget>,
    pub includes: Vec<Name>,
    pub all: SpfAll,
}

/// A DKIM key to publish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DkimPlan {
    /// The selector as validated (lowercase, may contain dots).
    pub selector: String,
    /// `<selector>._domainkey.<domain>`.
    pub owner: Name,
    pub key: DkimKey,
}

/// DMARC after validation: report URIs already `mailto:`-prefixed and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DmarcPlan {
    pub p: DmarcPolicy,
    pub sp: Option<DmarcPolicy>,
    pub np: Option<DmarcPolicy>,
    pub adkim: Option<Alignment>,
    pub aspf: Option<Alignment>,
    pub rua: Vec<String>,
    pub ruf: Vec<String>,
}

/// MTA-STS after validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MtaStsPlan {
    pub mode: Mode,
    pub max_age: u64,
    /// `mx:` patterns as they go into the policy (`mail.example.com`, `*.example.net`).
    pub mx: Vec<MxPattern>,
    pub web_ipv4: Vec<Ipv4Addr>,
    pub web_ipv6: Vec<Ipv6Addr>,
}

/// Autoconfig after validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AutoconfigPlan {
    pub target: Name,
    pub submissions: bool,
    pub submission: bool,
    pub imaps: bool,
    pub pop3s: bool,
}

/// CAA after validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaaPlan {
    pub issuers: Vec<Name>,
    pub iodef: Option<String>,
}

/// A plan every part of which parsed; what [`crate::generate`] takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidatedPlan {
    pub domain: Name,
    pub null_mx: bool,
    /// Empty in null-MX mode.
    pub hosts: Vec<MailHost>,
    pub backup_mx: Vec<MailHost>,
    pub ttl: Ttls,
    pub spf: SpfPlan,
    pub dkim: Option<DkimPlan>,
    pub dkim_ed25519: Option<DkimPlan>,
    pub dmarc: DmarcPlan,
    pub mta_sts: Option<MtaStsPlan>,
    pub tls_rpt: Option<Vec<String>>,
    pub autoconfig: Option<AutoconfigPlan>,
    pub caa: Option<CaaPlan>,
    /// SHA-256 of the mail certificate's SubjectPublicKeyInfo (TLSA 3 1 1).
    pub tlsa_spki_sha256: Option<[u8; 32]>,
    /// Warnings and remarks on the inputs, by field key (no errors).
    pub field_findings: PlanErrors,
}

#[cfg(test)]
pub(crate) mod tests;
