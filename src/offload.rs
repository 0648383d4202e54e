//! What the page hands to its workers, and what comes back.
//!
//! The checker (check engine, SPF evaluation, DoH transports and decoders)
//! is a second wasm module that runs in a Web Worker and is fetched only
//! when the Check half or a check link first needs it (`ui::checker`), so
//! the first view does not carry it. The tools (the writers of every
//! export) are a third, fetched when an export is first asked for; they
//! read and write only their part of the protocol ([`ToolsRequest`],
//! [`ToolsReply`]). The two sides talk in messages: a
//! [`Request`] goes in, any number of [`Reply`]s come out, each tagged with
//! the request's `id`. A message is JSON text (serde), so both modules
//! agree on one typed protocol instead of on JavaScript objects.
//!
//! Pure data: no DOM, no network. `tests/offload.rs` round-trips the
//! messages of every scenario zone, failed questions included.

pub use crate::adopt::{AdoptSource, AdoptedPlan};
use crate::check::KnownAnswers;
use crate::check::WhatIf;
use crate::dns::endpoint::Endpoint;
use crate::dns::race::RaceOutcome;
use crate::export::tools::{ExportFile, ExportFormat};
use crate::finding::Finding;
use crate::i18n::{CarriedText, Lang};
pub use crate::message::view::MessageRequest;
use crate::page::check::{Job, Outcome};
use crate::page::whatif::WhatIfJob;
use crate::plan::MailPlan;
use crate::spf::TargetLookups;
use serde::{Deserialize, Serialize};

/// The version of this protocol. The page and the worker are built
/// together, so they always agree; the worker says its version in
/// [`Reply::Ready`] and the page refuses a worker of another (a stale
/// cached file), instead of misreading its messages.
pub const VERSION: u32 = 1;

/// The catalogue words of a finished audit's on-demand sections that no
/// finding names (the blocklists' table, the hand-offs' headings): the
/// checker sends their texts with every [`Reply::Finished`], so the page's
/// first view carries none of them.
pub const REPORT_WORDS: &[&str] = &[
    crate::i18n::code::check::AREA_BLOCKLISTS,
    crate::i18n::code::dnsbl::COLUMN_LIST,
    crate::i18n::code::dnsbl::COLUMN_SUBJECT,
    crate::i18n::code::dnsbl::COLUMN_VERDICT,
    crate::i18n::code::dnsbl::VERDICT_LISTED,
    crate::i18n::code::dnsbl::VERDICT_NOT_LISTED,
    crate::i18n::code::dnsbl::VERDICT_UNKNOWN,
    crate::i18n::code::handoff::SECTION,
    crate::i18n::code::handoff::SECTION_INTRO,
    crate::i18n::code::dane::BOX,
    crate::i18n::code::dane::BOX_HELP,
    crate::i18n::code::dane::BOX_PASTE,
    crate::i18n::code::dane::BOX_COMPARE,
    crate::i18n::code::dane::BOX_MATCHES,
    crate::i18n::code::dane::BOX_ROLLOVER,
    crate::i18n::code::dane::BOX_COMMAND,
];

/// A question for the checker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// A check run: one resolver, or two to compare. Progress comes as
    /// [`Reply::Progress`], the end as [`Reply::Finished`].
    Run { id: u32, job: Job },
    /// The first-use race of the preset resolvers.
    Race { id: u32 },
    /// The what-if box: a draft SPF record evaluated over DNS.
    WhatIf { id: u32, job: WhatIfJob },
    /// The SPF builder's count: what each include target costs.
    SpfTargets {
        id: u32,
        endpoint: Endpoint,
        targets: Vec<String>,
    },
    /// An export for another tool: served by the tools worker, not the
    /// checker ([`ToolsRequest`] says why it has its own type).
    Export(ExportRequest),
    /// A report's Markdown download (tools worker).
    Markdown(MarkdownRequest),
    /// "Use as my plan": the plan the answers of an audit give
    /// (`adopt::from_records`), with the pasted MTA-STS policy if any.
    /// Served by the tools worker, which reads zone exports the same way.
    Adopt(AdoptRequest),
    /// A zone export pasted or dropped: read it (`import::read_export`) and
    /// adopt its records. Served by the tools worker.
    Import(ImportRequest),
    /// A received message to test (`message::view::run`). Served by the
    /// message worker ([`MessageWorkerRequest`]).
    Message(MessageRequest),
    /// The DANE paste box (checker).
    Dane(DaneRequest),
}

/// What the Generate half sends (the first view): the part of [`Request`]
/// it asks, with the same JSON. The page writes each part with its own
/// type, so the writer of the Check half's requests is compiled into the
/// Check half's part, not into the first view (`ui::checker::Checker::ask`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum GenerateRequest {
    SpfTargets {
        id: u32,
        endpoint: Endpoint,
        targets: Vec<String>,
    },
    Export(ExportRequest),
    Import(ImportRequest),
}

/// The DANE paste box: a chain or key pasted for an MX host, to compare
/// with the TLSA records the audit found there (`dane::check_paste`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DaneRequest {
    pub id: u32,
    pub host: String,
    /// The paste; empty when it is over `dane::MAX_PASTE_BYTES` (only its
    /// size is sent, and the checker refuses it with that size).
    pub text: String,
    pub size: u64,
    /// The TLSA records of `_25._tcp.<host>` as the audit read them
    /// (presentation form).
    pub records: Vec<String>,
}

/// What the Check half sends: see [`GenerateRequest`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CheckRequest {
    Dane(DaneRequest),
    Run { id: u32, job: Job },
    Race { id: u32 },
    WhatIf { id: u32, job: WhatIfJob },
    Adopt(AdoptRequest),
    Markdown(MarkdownRequest),
}

/// What the message worker reads: the part of [`Request`] it serves, with
/// the same JSON (see [`ToolsRequest`] for why it has its own type).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum MessageWorkerRequest {
    Message(MessageRequest),
}

impl MessageWorkerRequest {
    pub fn from_json(text: &str) -> Result<MessageWorkerRequest, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

/// What the message worker says: each the same JSON as the [`Reply`] of
/// that name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum MessageWorkerReply {
    Ready {
        version: u32,
    },
    Texts {
        texts: Vec<CarriedText>,
    },
    /// `outcome`: see [`Reply::Message`].
    Message {
        id: u32,
        outcome: String,
    },
    Refused {
        id: Option<u32>,
        reason: String,
    },
}

impl MessageWorkerReply {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// An audit's answers to make a plan of.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdoptRequest {
    pub id: u32,
    pub domain: String,
    pub known: KnownAnswers,
    pub mta_sts_policy: Option<String>,
}

/// A zone file or panel export to start a plan from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportRequest {
    pub id: u32,
    pub text: String,
    /// The domain typed in the form, for relative names without `$ORIGIN`.
    pub origin: Option<String>,
    /// A chosen file's real size: the page sends at most the reader's
    /// limit of its bytes, and a larger file is refused with its own size.
    #[serde(default)]
    pub size: Option<u64>,
}

/// An export for another tool (dnscontrol, octoDNS, Terraform,
/// Prometheus), written by the tools worker from the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportRequest {
    pub id: u32,
    /// The plan as JSON text: only the tools worker reads it, so the
    /// checker, which reads every [`Request`], does not carry a plan reader.
    pub plan: String,
    pub format: ExportFormat,
    pub lang: Lang,
    /// The zone serial, dated by the page (the worker has no clock either).
    pub serial: u32,
}

impl ExportRequest {
    pub fn new(id: u32, plan: &MailPlan, format: ExportFormat, lang: Lang, serial: u32) -> Self {
        Self::with_plan_json(id, Self::plan_json(plan), format, lang, serial)
    }

    /// The plan as the request carries it: JSON. Plain data to a String:
    /// cannot fail; an empty text would be refused by the worker, never
    /// misread.
    pub fn plan_json(plan: &MailPlan) -> String {
        serde_json::to_string(plan).unwrap_or_default()
    }

    /// A request whose plan was written by [`ExportRequest::plan_json`]
    /// elsewhere (the page's plan writer, which is not in its first view).
    pub fn with_plan_json(id: u32, plan: String, format: ExportFormat, lang: Lang, serial: u32) -> Self {
        ExportRequest {
            id,
            plan,
            format,
            lang,
            serial,
        }
    }

    pub fn plan(&self) -> Result<MailPlan, String> {
        serde_json::from_str(&self.plan).map_err(|e| e.to_string())
    }
}

/// What the tools worker reads and writes: the part of [`Request`] and
/// [`Reply`] it serves, with the same JSON (a test holds them together).
/// With types of its own, the tools worker does not link the readers and
/// writers of check runs and reports, nor the checker those of exports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToolsRequest {
    Export(ExportRequest),
    Adopt(AdoptRequest),
    Import(ImportRequest),
    Markdown(MarkdownRequest),
}

/// A check report as Markdown, from its published JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MarkdownRequest {
    pub id: u32,
    /// The report as `check::report_json` wrote it.
    pub json: String,
    pub lang: Lang,
    /// When the check ran, and through which resolver.
    pub date: String,
    pub resolver: String,
}

/// See [`ToolsRequest`]: the tools worker's replies, each the same JSON as
/// the [`Reply`] of that name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToolsReply {
    Ready {
        version: u32,
    },
    Exported {
        id: u32,
        files: Vec<ExportFile>,
    },
    Adopted {
        id: u32,
        adopted: AdoptedPlan,
    },
    ImportRefused {
        id: u32,
        finding: Finding,
        texts: Vec<CarriedText>,
    },
    Refused {
        id: Option<u32>,
        reason: String,
    },
}

impl ToolsRequest {
    pub fn from_json(text: &str) -> Result<ToolsRequest, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

impl ToolsReply {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What the checker says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// Sent once, when the worker has started and can take requests.
    Ready {
        version: u32,
    },
    Progress {
        id: u32,
        asked: usize,
        answered: usize,
    },
    Finished {
        id: u32,
        outcomes: Vec<Outcome>,
    },
    Raced {
        id: u32,
        outcome: RaceOutcome,
    },
    WhatIf {
        id: u32,
        result: WhatIf,
    },
    SpfTargets {
        id: u32,
        costs: Vec<(String, TargetLookups)>,
    },
    Exported {
        id: u32,
        files: Vec<ExportFile>,
    },
    /// The plan of [`Request::Adopt`] or [`Request::Import`].
    Adopted {
        id: u32,
        adopted: AdoptedPlan,
    },
    /// Why an export could not be read: one finding naming the line, its
    /// text carried.
    ImportRefused {
        id: u32,
        finding: Finding,
        texts: Vec<CarriedText>,
    },
    /// A message test's outcome, or the finding that says why the input
    /// is no message, as JSON text (`message::view::outcome_to_json`):
    /// only the message test's own view reads it, so neither the first
    /// view nor the other replies' reader carries its reader.
    Message {
        id: u32,
        outcome: String,
    },
    /// The DANE paste box's comparison (`dane::PasteCheck`) as JSON text:
    /// only the box reads it, so the first view's reply handling carries
    /// no code for its type (as [`Reply::Message`]).
    Dane {
        id: u32,
        check: String,
    },
    /// The texts of the on-demand messages the next reply uses
    /// (`i18n::carried_in`), sent just before it: the page keeps them
    /// (`i18n::keep`) and so explains the checker's findings without
    /// carrying their texts in its first view.
    Texts {
        texts: Vec<CarriedText>,
    },
    /// The request could not be read (never for a DNS failure, which is
    /// part of a report): the page shows it instead of waiting forever.
    Refused {
        id: Option<u32>,
        reason: String,
    },
}

impl Request {
    pub fn to_json(&self) -> String {
        // Serialising plain data to a String cannot fail (no maps with
        // non-string keys, no I/O); an empty string would be refused by
        // the reader, never misread.
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<Request, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    pub fn id(&self) -> u32 {
        match self {
            Request::Run { id, .. }
            | Request::Race { id }
            | Request::WhatIf { id, .. }
            | Request::SpfTargets { id, .. }
            | Request::Export(ExportRequest { id, .. })
            | Request::Markdown(MarkdownRequest { id, .. })
            | Request::Adopt(AdoptRequest { id, .. })
            | Request::Import(ImportRequest { id, .. })
            | Request::Message(MessageRequest { id, .. })
            | Request::Dane(DaneRequest { id, .. }) => *id,
        }
    }
}

impl Reply {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<Reply, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}
