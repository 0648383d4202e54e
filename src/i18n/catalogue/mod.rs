//! The catalogue's parts, one file per area. A new area adds its file here.
//!
//! The first view's areas ([`PARTS`]) are also laid out by column: their
//! codes ([`CODES`]) and each language's texts in the same order, joined
//! into one string ([`EN`], [`ZH`]). The page's module carries the codes; each language's texts are
//! a part of their own, split off at build time (`texts_en`, `texts_zh` in
//! src/main.rs) and installed with `super::install` before the page mounts,
//! so a first view carries one language, not two. [`boot`]'s few messages
//! stay in the module in both languages: the page needs them when its
//! language's part did not come.

use super::{Lang, Message, Texts};

mod adopt;
mod bad_input;
pub(crate) mod boot;
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

/// An area's codes, copied at compile time. Only what code reads at run
/// time reaches the binary (the areas' `MESSAGES` are constants, never read
/// at run time by the page), so the page's module holds the codes, and
/// each language's split point its texts ([`EN`], [`ZH`]).
const fn codes<const N: usize>(area: &[Message]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = area[i].code;
        i += 1;
    }
    out
}

const fn text_of(m: &Message, lang: Lang) -> &'static str {
    match lang {
        Lang::En => m.en,
        Lang::ZhCn => m.zh,
    }
}

/// The length of one language's texts of `areas` joined by [`joined`].
const fn joined_len(areas: &[&[Message]], lang: Lang) -> usize {
    let (mut a, mut n) = (0, 0);
    while a < areas.len() {
        let mut i = 0;
        while i < areas[a].len() {
            n += text_of(&areas[a][i], lang).len() + 1;
            i += 1;
        }
        a += 1;
    }
    n
}

/// One language's texts of `areas`, in the order of their codes, each
/// followed by a NUL: one string, which compresses as text does (a table of
/// separate strings costs its part a third more, gzip).
const fn joined<const N: usize>(areas: &[&[Message]], lang: Lang) -> [u8; N] {
    let mut out = [0u8; N];
    let (mut a, mut n) = (0, 0);
    while a < areas.len() {
        let mut i = 0;
        while i < areas[a].len() {
            let text = text_of(&areas[a][i], lang).as_bytes();
            let mut b = 0;
            while b < text.len() {
                assert!(text[b] != 0, "a catalogue text holds a NUL");
                out[n] = text[b];
                n += 1;
                b += 1;
            }
            n += 1;
            i += 1;
        }
        a += 1;
    }
    out
}

/// Joined texts as a string; they are joined from `&str`s, so this never
/// fails (the build would, at compile time).
const fn utf8(joined: &'static [u8]) -> &'static str {
    match core::str::from_utf8(joined) {
        Ok(text) => text,
        Err(_) => panic!("joined catalogue texts are not UTF-8"),
    }
}

/// The first view's areas, as whole messages ([`PARTS`], for the tests)
/// and their codes ([`CODES`]).
macro_rules! first_view {
    ($($area:ident),* $(,)?) => {
        pub(super) const PARTS: &[&[Message]] = &[$($area::MESSAGES),*];
        /// The first view's codes, area by area.
        pub(super) const CODES: &[&[&str]] = &[$(&codes::<{ $area::MESSAGES.len() }>($area::MESSAGES)),*];
    };
}

// The byte arrays are read only at compile time, to make [`EN`] and [`ZH`]:
// one allocation each in the binary, never copied at run time.
const EN_LEN: usize = joined_len(PARTS, Lang::En);
#[allow(clippy::large_const_arrays)]
const EN_BYTES: [u8; EN_LEN] = joined::<EN_LEN>(PARTS, Lang::En);
/// The first view's English texts, in the order of [`CODES`], each ended by
/// a NUL.
pub const EN: Texts = utf8(&EN_BYTES);
const ZH_LEN: usize = joined_len(PARTS, Lang::ZhCn);
#[allow(clippy::large_const_arrays)]
const ZH_BYTES: [u8; ZH_LEN] = joined::<ZH_LEN>(PARTS, Lang::ZhCn);
/// The first view's Chinese texts, laid out as [`EN`].
pub const ZH: Texts = utf8(&ZH_BYTES);

first_view!(
    ui,
    name,
    model,
    spf,
    dns,
    check,
    dkim,
    dmarc,
    mta_sts,
    tls_rpt,
    plan,
    generate,
    ui_check,
    wire,
    ui_generate,
    security,
    bad_input,
    ui_spf,
    panel,
);

/// Messages always in the page's module, in both languages ([`boot`]).
pub(super) const ALWAYS: &[Message] = boot::MESSAGES;

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
