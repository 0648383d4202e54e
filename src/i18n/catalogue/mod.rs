//! The catalogue's parts, one file per area. A new area adds its file here.

use super::Message;

mod adopt;
mod bad_input;
mod check;
mod check_findings;
mod dane;
mod dkim;
mod dmarc;
mod dns;
mod dnsbl;
mod fix;
mod generate;
mod handoff;
mod import;
mod message;
mod model;
mod mta_sts;
mod mta_sts_kit;
mod name;
mod panel;
mod plan;
mod security;
mod spf;
mod tls_rpt;
mod ui;
mod ui_check;
mod ui_generate;
mod ui_message;
mod ui_spf;
mod wire;

pub(super) const PARTS: &[&[Message]] = &[
    ui::MESSAGES,
    name::MESSAGES,
    model::MESSAGES,
    spf::MESSAGES,
    dns::MESSAGES,
    check::MESSAGES,
    dkim::MESSAGES,
    dmarc::MESSAGES,
    mta_sts::MESSAGES,
    tls_rpt::MESSAGES,
    plan::MESSAGES,
    generate::MESSAGES,
    ui_check::MESSAGES,
    wire::MESSAGES,
    ui_generate::MESSAGES,
    security::MESSAGES,
    bad_input::MESSAGES,
    ui_spf::MESSAGES,
    panel::MESSAGES,
];

/// Parts whose messages only features loaded on demand emit (adopting the
/// live DNS, reading a zone export, the fix list): the page's first view does not carry
/// them. The worker that emits such a finding sends its texts along
/// (`i18n::carried`) and the page keeps them (`i18n::keep`); native builds
/// (the tests) read them directly.
pub(super) const ON_DEMAND: &[&[Message]] = &[
    adopt::MESSAGES,
    import::MESSAGES,
    fix::MESSAGES,
    check_findings::MESSAGES,
    message::MESSAGES,
    dane::MESSAGES,
    dnsbl::MESSAGES,
    ui_message::MESSAGES,
    handoff::MESSAGES,
    mta_sts_kit::MESSAGES,
];

/// The on-demand texts of a plan made from published records (adopting
/// the live DNS, reading a zone export): what the tools worker carries.
pub const ADOPTED: &[&[Message]] = &[adopt::MESSAGES, import::MESSAGES];
/// The on-demand texts of the message test (`crate::message`): what the
/// worker that runs it carries with its findings.
pub const MESSAGE_TEST: &[&[Message]] = &[message::MESSAGES];
/// The words of the message test's view: the message worker sends them
/// when it starts.
pub const MESSAGE_UI: &[&[Message]] = &[ui_message::MESSAGES];
/// The on-demand texts of the fix list: what the checker carries.
pub const FIX_LIST: &[&[Message]] = &[fix::MESSAGES];
/// The texts of the checker's findings: the checker sends those of the
/// codes in each reply (`Reply::Texts`); the tools worker links them
/// (`i18n::link`) to write a report's Markdown.
/// The blocklists' and the hand-offs' texts ride with them: only the
/// checker's audits emit those.
pub const CHECKED: &[&[Message]] = &[
    check_findings::MESSAGES,
    dnsbl::MESSAGES,
    handoff::MESSAGES,
    dane::MESSAGES,
];
/// What the tools worker writes with: the checker's findings (a report's
/// Markdown) and the MTA-STS policy-host kit's texts (an export).
pub const TOOLS: &[&[Message]] = &[
    check_findings::MESSAGES,
    dnsbl::MESSAGES,
    handoff::MESSAGES,
    dane::MESSAGES,
    mta_sts_kit::MESSAGES,
];
