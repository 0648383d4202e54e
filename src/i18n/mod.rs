//! The message catalogue: every user-facing string, in English and zh-CN,
//! keyed by a stable code. Finding codes (`spf.too_many_lookups`) and UI
//! strings (`ui.title`) share one key space.
//!
//! Each area keeps its messages in its own file under `catalogue/`, so areas
//! can grow without touching each other; [`all`] joins them.

pub mod catalogue;
pub mod code;
mod read_back;

pub(crate) use read_back::declared_code;

use crate::finding::Finding;
use serde::{Deserialize, Serialize};

/// A language the page speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    /// The BCP 47 tag, as used in `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language's own name, for the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "简体中文",
        }
    }

    /// Parses a stored tag; unknown tags give `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            "en" => Some(Lang::En),
            "zh-CN" => Some(Lang::ZhCn),
            _ => None,
        }
    }

    /// First choice from the browser's `navigator.language(s)`: any Chinese
    /// tag (zh, zh-CN, zh-Hans, zh-TW…) picks zh-CN, anything else English.
    pub fn from_browser<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in tags {
            let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
            match primary.as_str() {
                "zh" => return Lang::ZhCn,
                "en" => return Lang::En,
                _ => {}
            }
        }
        Lang::En
    }
}

/// One catalogue entry.
#[derive(Clone, Copy, Debug)]
pub struct Message {
    pub code: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
}

impl Message {
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::ZhCn => self.zh,
        }
    }
}

/// One language's texts of the first view's areas, in the order of their
/// codes, each ended by a NUL (`catalogue::EN`, `catalogue::ZH`).
pub type Texts = &'static str;

/// Every entry of the catalogue, the on-demand parts included.
pub fn all() -> impl Iterator<Item = &'static Message> {
    catalogue::ALWAYS
        .iter()
        .chain(catalogue::PARTS.iter().flat_map(|part| part.iter()))
        .chain(catalogue::ON_DEMAND.iter().flat_map(|part| part.iter()))
}

/// Where a code's texts are.
#[derive(Clone, Copy, Debug)]
pub enum Entry {
    /// A whole message: always in the module (`catalogue::boot`), kept
    /// from a worker ([`keep`]) or linked by one ([`link`]).
    Whole(&'static Message),
    /// A first-view message: its place in each language's [`Texts`].
    Column(usize),
}

impl Entry {
    /// The entry's text in a language; empty when that language's texts
    /// are not installed.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Entry::Whole(m) => m.text(lang),
            Entry::Column(i) => texts_of(lang).and_then(|t| t.get(i).copied()).unwrap_or(""),
        }
    }
}

/// The entry for a code: the messages always there, the first view's
/// codes, then the texts kept from a worker ([`keep`]) or linked by one;
/// natively also the on-demand parts, which a wasm page gets only through
/// [`keep`] (so its first view carries none).
pub fn lookup(code: &str) -> Option<Entry> {
    if let Some(m) = catalogue::ALWAYS.iter().find(|m| m.code == code) {
        return Some(Entry::Whole(m));
    }
    let mut before = 0;
    for area in catalogue::CODES {
        if let Some(i) = area.iter().position(|c| *c == code) {
            return Some(Entry::Column(before + i));
        }
        before += area.len();
    }
    if let Some(m) = KEPT.with(|k| k.borrow().iter().copied().find(|m| m.code == code)) {
        return Some(Entry::Whole(m));
    }
    if let Some(m) = LINKED.with(|l| {
        l.get()
            .iter()
            .flat_map(|part| part.iter())
            .find(|m| m.code == code)
    }) {
        return Some(Entry::Whole(m));
    }
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(m) = on_demand(code) {
        return Some(Entry::Whole(m));
    }
    None
}

#[cfg(not(target_arch = "wasm32"))]
fn on_demand(code: &str) -> Option<&'static Message> {
    catalogue::ON_DEMAND
        .iter()
        .flat_map(|part| part.iter())
        .find(|m| m.code == code)
}

thread_local! {
    /// The first view's texts of each language installed so far
    /// ([`install`]): English, Chinese.
    static INSTALLED: std::cell::Cell<[Option<&'static [&'static str]>; 2]> = const { std::cell::Cell::new([None, None]) };
}

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::ZhCn => 1,
    }
}

/// Makes a language's first-view texts available to [`text`]. The page
/// installs the language it shows from that language's part (fetched
/// before it mounts, `ui::texts`), the other when asked for; the tools
/// worker and the shell's tests install both ([`install_both`]). Installing
/// a language again changes nothing.
pub fn install(lang: Lang, texts: Texts) {
    if INSTALLED.with(|c| c.get()[slot(lang)].is_some()) {
        return;
    }
    let split: Vec<&'static str> = texts.split_terminator('\0').collect();
    let split: &'static [&'static str] = Box::leak(split.into_boxed_slice());
    INSTALLED.with(|c| {
        let mut all = c.get();
        all[slot(lang)] = Some(split);
        c.set(all);
    });
}

/// Installs both languages' first-view texts from the catalogue itself:
/// for a program that is not the page (the tools worker, a test), whose
/// module is not split.
pub fn install_both() {
    install(Lang::En, catalogue::EN);
    install(Lang::ZhCn, catalogue::ZH);
}

/// The first-view texts of a language: those installed; natively, where
/// nothing is split, the catalogue's own.
fn texts_of(lang: Lang) -> Option<&'static [&'static str]> {
    #[cfg(not(target_arch = "wasm32"))]
    install(
        lang,
        match lang {
            Lang::En => catalogue::EN,
            Lang::ZhCn => catalogue::ZH,
        },
    );
    INSTALLED.with(|c| c.get()[slot(lang)])
}

/// The texts of an on-demand message, as a worker sends them with the
/// findings that use it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CarriedText {
    pub code: String,
    pub en: String,
    pub zh: String,
}

/// The on-demand texts of [`catalogue::ADOPTED`] or [`catalogue::FIX_LIST`]
/// (`parts`) that `codes` use, each once; codes of the first view's
/// catalogue need none. Called by the worker that emits them, which links
/// only the parts it names.
pub fn carried<'a>(
    parts: &[&'static [Message]],
    codes: impl IntoIterator<Item = &'a str>,
) -> Vec<CarriedText> {
    let mut out: Vec<CarriedText> = Vec::new();
    for code in codes {
        if out.iter().any(|t| t.code == code) {
            continue;
        }
        if let Some(m) = parts.iter().flat_map(|p| p.iter()).find(|m| m.code == code) {
            out.push(CarriedText {
                code: m.code.to_string(),
                en: m.en.to_string(),
                zh: m.zh.to_string(),
            });
        }
    }
    out
}

/// The texts of `parts` whose codes appear in `json` as whole JSON
/// strings (`"plan.missing"`): what a worker sends beside a reply it wrote
/// as JSON, so the page can explain every finding in it without carrying
/// the part. A code is only ever a finding's code or a code argument
/// ([`CODE_ARGS`]), never part of a longer string, so nothing else matches.
pub fn carried_in(parts: &[&'static [Message]], json: &str) -> Vec<CarriedText> {
    let codes = parts
        .iter()
        .flat_map(|p| p.iter())
        .filter(|m| json.contains(&format!("\"{}\"", m.code)))
        .map(|m| m.code);
    carried(parts, codes)
}

/// Makes the texts of `parts` available to [`lookup`] in this program: a
/// worker links the on-demand parts it emits or writes (the page links
/// none, so its first view does not carry them).
pub fn link(parts: &'static [&'static [Message]]) {
    LINKED.with(|l| l.set(parts));
}

thread_local! {
    /// The on-demand parts this program linked ([`link`]).
    static LINKED: std::cell::Cell<&'static [&'static [Message]]> = const { std::cell::Cell::new(&[]) };
    /// Texts kept from workers: at most one per code, and only codes that
    /// are declared, so this holds at most the on-demand catalogue.
    static KEPT: std::cell::RefCell<Vec<&'static Message>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Keeps texts a worker sent, for [`lookup`]. A code that is not declared
/// (see [`code::declared`]) or already known is ignored: a worker cannot
/// add codes, nor change a text. Each kept text lives as long as the page
/// (there are at most as many as the on-demand catalogue has).
pub fn keep(texts: Vec<CarriedText>) {
    for t in texts {
        let Some(code) = code::declared(&t.code) else {
            continue;
        };
        if lookup(code).is_some() {
            continue;
        }
        let message: &'static Message = Box::leak(Box::new(Message {
            code,
            en: Box::leak(t.en.into_boxed_str()),
            zh: Box::leak(t.zh.into_boxed_str()),
        }));
        KEPT.with(|k| k.borrow_mut().push(message));
    }
}

/// Test helper: every code of a module's list is in the catalogue (the page
/// would show a bare code otherwise).
#[cfg(test)]
pub(crate) fn assert_catalogued(codes: &[&str]) {
    for code in codes {
        assert!(lookup(code).is_some(), "{code} is not in the catalogue");
    }
}

/// The text for a code in a language, or the code itself when the catalogue
/// lacks it (a visible gap, never a panic; a test keeps the catalogue whole).
/// A first-view text whose language is not installed is shown in the
/// other language when that one is (never on the page, which installs its
/// language before it mounts).
pub fn text(lang: Lang, code: &str) -> &str {
    match lookup(code) {
        Some(Entry::Whole(m)) => m.text(lang),
        Some(Entry::Column(i)) => {
            let other = if lang == Lang::En { Lang::ZhCn } else { Lang::En };
            texts_of(lang)
                .or_else(|| texts_of(other))
                .and_then(|t| t.get(i).copied())
                .unwrap_or(code)
        }
        None => code,
    }
}

/// Replaces each `{name}` in `template` by its value from `args`. Two
/// forms choose words instead:
/// - `{name#one|other}`: `one` when the value of `name` is `1`, else `other`
///   (English plurals: `{count} DNS {count#lookup|lookups}`);
/// - `{name?text}`: `text` when `name` has a value, else nothing (`needs
///   {bound?at least }{count}`, for a count that is only a lower bound);
///   a `$` in `text` is the value (`{target? ($)}`).
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let key = &after[..close];
                if let Some(word) = choose(key, args) {
                    out.push_str(&word);
                    rest = &after[close + 1..];
                    continue;
                }
                match args.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The word a `{name#one|other}` or `{name?text}` placeholder stands for,
/// or `None` for a plain `{name}`.
fn choose(key: &str, args: &[(&str, String)]) -> Option<String> {
    let value = |name: &str| args.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str());
    if let Some((name, forms)) = key.split_once('#') {
        let (one, other) = forms.split_once('|').unwrap_or((forms, forms));
        return Some(if value(name) == Some("1") { one } else { other }.to_string());
    }
    let (name, text) = key.split_once('?')?;
    Some(match value(name).filter(|v| !v.is_empty()) {
        Some(v) => text.replace('$', v),
        None => String::new(),
    })
}

/// Arguments that hold a catalogue code, not a value: `{reason}` shows that
/// code's own text in the reader's language (a DNS error's plain sentence,
/// e.g. `dns.transport.unreachable`), never the code or a raw error text.
pub const CODE_ARGS: &[&str] = &["reason"];

/// The explanation of a finding in a language, its arguments filled in
/// (those in [`CODE_ARGS`] translated).
pub fn explain(lang: Lang, finding: &Finding) -> String {
    let mut args: Vec<(&str, String)> = finding
        .args
        .iter()
        .map(|(k, v)| {
            let value = if CODE_ARGS.contains(k) {
                text(lang, v).to_string()
            } else {
                v.clone()
            };
            (*k, value)
        })
        .collect();
    args.push(("subject", finding.subject.clone()));
    fill(text(lang, finding.code), &args)
}

/// The `{name}` placeholders left in a rendered text: a message built
/// without one of its arguments shows them literally, which a test must
/// catch (every finding rendered in both languages, issue 21 item 7).
/// Only `{` + a lowercase identifier + `}` counts, so a brace in prose does not.
pub fn unfilled(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let key = &after[..close];
                if !key.is_empty()
                    && key
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                {
                    out.push(key);
                }
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// What is wrong with a finding's text in either language: each message
/// that keeps an unfilled `{name}`, as `code (lang): name`. Empty when the
/// finding renders whole.
pub fn render_problems(finding: &Finding) -> Vec<String> {
    // Read from the template, not the filled text: a value may itself hold
    // braces (a character shown as `\u{516c}`).
    let mut out = Vec::new();
    for lang in Lang::ALL {
        for key in unfilled(text(lang, finding.code)) {
            if key != "subject" && finding.get_arg(key).is_none() {
                out.push(format!(
                    "{} ({}): {{{key}}} left unfilled in “{}”",
                    finding.code,
                    lang.tag(),
                    explain(lang, finding)
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::code;
    use std::collections::HashSet;

    #[test]
    fn unfilled_placeholders_are_found_and_prose_braces_are_not() {
        assert_eq!(unfilled("“{uri}” is not a URI"), vec!["uri"]);
        assert_eq!(unfilled("{a} and {b_2}"), vec!["a", "b_2"]);
        assert!(unfilled("v=spf1 {not a placeholder} { x }").is_empty());
        let f = Finding::error(code::uri::NO_SCHEME, "x", "");
        assert_eq!(render_problems(&f).len(), 2, "{:?}", render_problems(&f));
        assert!(render_problems(&f.arg("uri", "x")).is_empty());
    }

    #[test]
    fn codes_are_unique_and_both_languages_present() {
        let mut seen = HashSet::new();
        for m in all() {
            assert!(seen.insert(m.code), "duplicate catalogue code {}", m.code);
            assert!(!m.en.trim().is_empty(), "{} has no English text", m.code);
            assert!(!m.zh.trim().is_empty(), "{} has no Chinese text", m.code);
        }
    }

    #[test]
    fn each_languages_joined_texts_line_up_with_the_codes() {
        let first_view: Vec<&Message> = catalogue::PARTS.iter().flat_map(|p| p.iter()).collect();
        assert_eq!(catalogue::EN.split_terminator('\0').count(), first_view.len());
        assert_eq!(catalogue::ZH.split_terminator('\0').count(), first_view.len());
        for m in first_view {
            assert!(matches!(lookup(m.code), Some(Entry::Column(_))), "{}", m.code);
            assert_eq!(text(Lang::En, m.code), m.en, "{}", m.code);
            assert_eq!(text(Lang::ZhCn, m.code), m.zh, "{}", m.code);
        }
        for m in catalogue::ALWAYS {
            assert!(matches!(lookup(m.code), Some(Entry::Whole(_))), "{}", m.code);
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        fn names(s: &str) -> Vec<&str> {
            let mut v: Vec<&str> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split('}').next())
                .map(|p| p.split(['#', '?']).next().unwrap_or(p))
                .collect();
            v.sort();
            v.dedup();
            v
        }
        for m in all() {
            assert_eq!(names(m.en), names(m.zh), "placeholders differ in {}", m.code);
        }
    }

    #[test]
    fn browser_language_picks_chinese_for_any_zh_tag() {
        assert_eq!(Lang::from_browser(["zh-TW"]), Lang::ZhCn);
        assert_eq!(Lang::from_browser(["zh"]), Lang::ZhCn);
        assert_eq!(Lang::from_browser(["fr-FR", "zh-CN"]), Lang::ZhCn);
        assert_eq!(Lang::from_browser(["de-DE", "en-US"]), Lang::En);
        assert_eq!(Lang::from_browser(["de"]), Lang::En);
        assert_eq!(Lang::from_browser([]), Lang::En);
    }

    #[test]
    fn fill_replaces_known_and_keeps_unknown() {
        let args = [("n", "11".to_string())];
        assert_eq!(fill("{n} of 10 ({x})", &args), "11 of 10 ({x})");
        assert_eq!(fill("open { brace", &args), "open { brace");
        let one = [("n", "1".to_string())];
        assert_eq!(fill("{n} {n#lookup|lookups}", &one), "1 lookup");
        assert_eq!(fill("{n} {n#lookup|lookups}", &args), "11 lookups");
        let bound = [("n", "11".to_string()), ("bound", "at_least".to_string())];
        assert_eq!(fill("needs {bound?at least }{n}", &bound), "needs at least 11");
        assert_eq!(fill("needs {bound?at least }{n}", &args), "needs 11");
        assert_eq!(fill("an address{n? ($)}.", &args), "an address (11).");
        assert_eq!(fill("an address{x? ($)}.", &args), "an address.");
    }
}

#[cfg(test)]
mod carried_tests {
    use super::*;

    #[test]
    fn only_on_demand_texts_are_carried_each_once() {
        let texts = carried(
            catalogue::ADOPTED,
            [
                code::adopt::UNKNOWN,
                code::adopt::UNKNOWN,
                code::mx::NONE,
                code::fix::DIG,
            ],
        );
        assert_eq!(texts.len(), 1, "{texts:?}");
        assert_eq!(texts[0].code, code::adopt::UNKNOWN);
        assert_eq!(texts[0].en, text(Lang::En, code::adopt::UNKNOWN));
        assert_eq!(texts[0].zh, text(Lang::ZhCn, code::adopt::UNKNOWN));
    }

    #[test]
    fn a_worker_cannot_add_a_code_or_change_a_text() {
        keep(vec![
            CarriedText {
                code: "nowhere.made_up".into(),
                en: "x".into(),
                zh: "x".into(),
            },
            CarriedText {
                code: code::mx::NONE.into(),
                en: "changed".into(),
                zh: "changed".into(),
            },
        ]);
        assert!(lookup("nowhere.made_up").is_none());
        assert_ne!(text(Lang::En, code::mx::NONE), "changed");
    }
}
