//! The exports written on demand, in the tools worker (`src/bin/tools.rs`)
//! rather than in the first view: each [`ExportFormat`] gives the files a
//! tool reads, made from the same [`RecordSet`] as every other view, with
//! the plan's comments in the page's language.
//!
//! The page sends the plan and the format; the worker generates the set
//! itself (the generator is deterministic, so both sides see the same
//! records) and answers with the files.

use super::dnscontrol::Provider as DnsControlProvider;
use crate::generate::RecordSet;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// What the user asked to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// A dnscontrol `dnsconfig.js` for one DNS provider (`export::dnscontrol`).
    DnsControl(DnsControlProvider),
    /// Terraform for the Cloudflare provider v5 (`cloudflare_dns_record`).
    TerraformCloudflare,
    /// Terraform for Alibaba Cloud DNS (`alicloud_alidns_record`).
    TerraformAlicloud,
    /// Terraform for Route 53 (`aws_route53_record`).
    TerraformRoute53,
    /// An octoDNS zone for its YAML provider (`export::octodns`).
    OctoDns,
    /// A Prometheus blackbox_exporter kit: `blackbox.yml`, the scrape
    /// jobs and the alert rules (`export::monitor`).
    Monitoring,
    /// A full BIND zone (RFC 1035 §5), as `export::zone_file` writes it.
    Zone,
    /// One row per record (`export::csv`).
    Csv,
    /// The documented JSON (`export::json`).
    Json,
    /// The files that serve the MTA-STS policy with the CORS header, for
    /// nginx, Caddy, Apache and GitHub Pages (`mta_sts::kit`, RFC 8461 §3.3).
    MtaStsHost,
}

impl ExportFormat {
    pub const ALL: &'static [ExportFormat] = &[
        ExportFormat::DnsControl(DnsControlProvider::None),
        ExportFormat::DnsControl(DnsControlProvider::Cloudflare),
        ExportFormat::DnsControl(DnsControlProvider::AliDns),
        ExportFormat::DnsControl(DnsControlProvider::DnsPod),
        ExportFormat::OctoDns,
        ExportFormat::TerraformCloudflare,
        ExportFormat::TerraformAlicloud,
        ExportFormat::TerraformRoute53,
        ExportFormat::Monitoring,
        ExportFormat::Zone,
        ExportFormat::Csv,
        ExportFormat::Json,
        ExportFormat::MtaStsHost,
    ];

    /// A stable name, for the page's `<select>` and the e2e tests.
    pub fn key(self) -> &'static str {
        match self {
            ExportFormat::DnsControl(DnsControlProvider::None) => "dnscontrol",
            ExportFormat::DnsControl(DnsControlProvider::Cloudflare) => "dnscontrol-cloudflare",
            ExportFormat::DnsControl(DnsControlProvider::AliDns) => "dnscontrol-alidns",
            ExportFormat::DnsControl(DnsControlProvider::DnsPod) => "dnscontrol-dnspod",
            ExportFormat::TerraformCloudflare => "terraform-cloudflare",
            ExportFormat::TerraformAlicloud => "terraform-alicloud",
            ExportFormat::TerraformRoute53 => "terraform-route53",
            ExportFormat::OctoDns => "octodns",
            ExportFormat::Monitoring => "monitoring",
            ExportFormat::Zone => "zone",
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::MtaStsHost => "mta-sts-host",
        }
    }

    /// The tool's own name for it, the same in both languages.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::DnsControl(DnsControlProvider::None) => "dnscontrol (BIND or your own provider)",
            ExportFormat::DnsControl(DnsControlProvider::Cloudflare) => "dnscontrol: Cloudflare",
            ExportFormat::DnsControl(DnsControlProvider::AliDns) => "dnscontrol: Alibaba Cloud DNS (ALIDNS)",
            ExportFormat::DnsControl(DnsControlProvider::DnsPod) => "dnscontrol: DNSPod (TENCENTDNS)",
            ExportFormat::TerraformCloudflare => "Terraform: Cloudflare (provider v5)",
            ExportFormat::TerraformAlicloud => "Terraform: Alibaba Cloud DNS",
            ExportFormat::TerraformRoute53 => "Terraform: AWS Route 53",
            ExportFormat::OctoDns => "octoDNS (YAML provider)",
            ExportFormat::Monitoring => "Prometheus blackbox_exporter",
            ExportFormat::Zone => "BIND zone file",
            ExportFormat::Csv => "CSV",
            ExportFormat::Json => "JSON",
            ExportFormat::MtaStsHost => "MTA-STS policy host: nginx, Caddy, Apache, GitHub Pages",
        }
    }

    pub fn from_key(key: &str) -> Option<ExportFormat> {
        Self::ALL.iter().copied().find(|f| f.key() == key)
    }
}

/// One file of an export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportFile {
    /// The file name the tool expects (`dnsconfig.js`, `blackbox.yml`).
    pub name: String,
    /// Its media type, for the download.
    pub media_type: String,
    pub content: String,
}

impl ExportFile {
    fn new(name: impl Into<String>, media_type: &str, content: String) -> ExportFile {
        ExportFile {
            name: name.into(),
            media_type: media_type.to_string(),
            content,
        }
    }
}

/// The files of `format` for `set`. `serial` is the SOA serial of a zone
/// file (the core has no clock: the page passes today's date).
pub fn export_files(set: &RecordSet, format: ExportFormat, lang: Lang, serial: u32) -> Vec<ExportFile> {
    let domain = set.domain.as_str();
    match format {
        ExportFormat::DnsControl(provider) => vec![ExportFile::new(
            "dnsconfig.js",
            "text/javascript",
            super::dnscontrol::dnsconfig(set, provider, lang),
        )],
        ExportFormat::TerraformCloudflare => vec![ExportFile::new(
            "maildns-cloudflare.tf",
            "text/plain",
            super::terraform::cloudflare(set, lang),
        )],
        ExportFormat::TerraformAlicloud => vec![ExportFile::new(
            "maildns-alicloud.tf",
            "text/plain",
            super::terraform::alicloud(set, lang),
        )],
        ExportFormat::TerraformRoute53 => vec![ExportFile::new(
            "maildns-route53.tf",
            "text/plain",
            super::terraform::route53(set, lang),
        )],
        ExportFormat::OctoDns => vec![ExportFile::new(
            format!("{domain}.yaml"),
            "application/yaml",
            super::octodns::zone_yaml(set, lang),
        )],
        ExportFormat::Monitoring => vec![
            ExportFile::new(
                "blackbox.yml",
                "application/yaml",
                super::monitor::blackbox(set, lang),
            ),
            ExportFile::new(
                "prometheus.yml",
                "application/yaml",
                super::monitor::prometheus(set, lang),
            ),
            ExportFile::new(
                super::monitor::RULES_FILE,
                "application/yaml",
                super::monitor::rules(set, lang),
            ),
        ],
        ExportFormat::Zone => vec![ExportFile::new(
            format!("{domain}.zone"),
            "text/dns",
            super::zone_file(set, serial),
        )],
        ExportFormat::Csv => vec![ExportFile::new(
            format!("{domain}.csv"),
            "text/csv",
            super::csv(set),
        )],
        ExportFormat::Json => vec![ExportFile::new(
            format!("{domain}.json"),
            "application/json",
            super::json(set),
        )],
        ExportFormat::MtaStsHost => mta_sts_host(set, lang),
    }
}

/// The policy-host kit as files: `README.txt` (what each file is for, the
/// records to publish, the remarks), then each server's files under a
/// folder named after it (`nginx/etc/nginx/conf.d/...`, `github-pages/CNAME`).
fn mta_sts_host(set: &RecordSet, lang: Lang) -> Vec<ExportFile> {
    use crate::i18n::{self, code};
    use crate::mta_sts::kit::{kit, PolicyServer};
    let readme = |text: String| ExportFile::new("README.txt", "text/plain", text);
    let Some(policy) = &set.mta_sts_policy else {
        return vec![readme(
            i18n::text(lang, code::mta_sts_kit::NOT_PLANNED).to_string(),
        )];
    };
    let k = match kit(set.domain.as_str(), &policy.body, None) {
        Ok(k) => k,
        Err(e) => return vec![readme(i18n::explain(lang, &e.to_finding(set.domain.as_str())))],
    };
    let mut text = format!("{}\n\n", k.url);
    let mut files = Vec::new();
    for server in &k.servers {
        let folder = match server.server {
            PolicyServer::Nginx => "nginx",
            PolicyServer::Caddy => "caddy",
            PolicyServer::Apache => "apache",
            PolicyServer::GithubPages => "github-pages",
        };
        text.push_str(&format!("[{folder}]\n"));
        for f in &server.files {
            let name = format!("{folder}/{}", f.path.trim_start_matches('/'));
            text.push_str(&format!("  {name}: {}\n", i18n::text(lang, f.purpose)));
            files.push(ExportFile::new(name, "text/plain", f.contents.clone()));
        }
        for r in &server.records {
            text.push_str(&format!("  DNS: {r}\n"));
        }
        for n in &server.notes {
            text.push_str(&format!("  ! {}\n", i18n::explain(lang, n)));
        }
        text.push('\n');
    }
    let mut out = vec![readme(text)];
    out.extend(files);
    out
}
