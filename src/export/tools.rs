//! The exports written on demand, in the tools worker (`src/bin/tools.rs`)
//! rather than in the first view: each [`ExportFormat`] gives the files a
//! tool reads, made from the same [`RecordSet`] as every other view, with
//! the plan's comments in the page's language.
//!
//! The page sends the plan and the format; the worker generates the set
//! itself (the generator is deterministic, so both sides see the same
//! records) and answers with the files.

use crate::generate::RecordSet;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// What the user asked to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// A full BIND zone (RFC 1035 §5), as `export::zone_file` writes it.
    Zone,
}

impl ExportFormat {
    pub const ALL: &'static [ExportFormat] = &[ExportFormat::Zone];

    /// A stable name, for the page's `<select>` and the e2e tests.
    pub fn key(self) -> &'static str {
        match self {
            ExportFormat::Zone => "zone",
        }
    }

    /// The tool's own name for it, the same in both languages.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Zone => "BIND zone file",
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
    let _ = lang;
    let domain = set.domain.as_str();
    match format {
        ExportFormat::Zone => vec![ExportFile::new(
            format!("{domain}.zone"),
            "text/dns",
            super::zone_file(set, serial),
        )],
    }
}
