//! Every catalogue code, declared once.
//!
//! A code (`spf.too_many_lookups`, `ui.gen.add`) keys the catalogue, the JSON
//! export and the page's tests, so a typo in one is a message the page cannot
//! find. Each prefix declares its codes in its own file under `code/` with
//! [`declare_codes!`], and code elsewhere names them through this module:
//! `code::spf::TOO_MANY_LOOKUPS` is `"spf.too_many_lookups"`.
//! The compiler then catches a misspelt code, and the tests below hold the
//! declarations and the catalogue to each other in both directions.
//!
//! The declarations live here, beside the catalogue, because a code exists
//! for the catalogue's sake: the declaration and the message it keys are
//! checked together, and the modules that use a code import it downwards
//! (i18n imports nothing from the layers above it). Finding codes and UI keys
//! share the key space, so `ui.*` keys are declared here too ([`ui`]) and are
//! tested natively though only the wasm shell uses them.
//!
//! A new prefix adds its file under `code/`, a `pub mod` line and a
//! [`DECLARED`] entry below; the test fails on a message whose code is
//! declared nowhere.

/// Declares a list of codes: one `pub const NAME: &str = "area.what";` per
/// entry (doc comments and attributes kept), and `pub const ALL: &[&str]`
/// listing them in order, for the catalogue test.
///
/// ```ignore
/// crate::i18n::code::declare_codes! {
///     /// More than 10 DNS-querying terms (RFC 7208 §4.6.4).
///     TOO_MANY_LOOKUPS = "spf.too_many_lookups",
/// }
/// ```
macro_rules! declare_codes {
    ($( $(#[$attr:meta])* $name:ident = $code:literal, )*) => {
        $( $(#[$attr])* pub const $name: &str = $code; )*
        /// Every code declared here, in declaration order.
        pub const ALL: &[&str] = &[$($name),*];
    };
}
pub(crate) use declare_codes;

// The areas, one file each under code/, by prefix.
pub mod address;
pub mod adopt;
pub mod caa;
pub mod check;
pub mod dane;
pub mod dkim;
pub mod dmarc;
pub mod dns;
pub mod dnsbl;
pub mod dnssec;
pub mod endpoint;
pub mod explain;
pub mod fix;
pub mod generate;
pub mod handoff;
pub mod import;
pub mod message;
pub mod message_view;
pub mod mta_sts;
pub mod mta_sts_kit;
pub mod mx;
pub mod name;
pub mod panel;
pub mod plan;
pub mod ptr;
pub mod rdata;
pub mod record;
pub mod share;
pub mod spf;
pub mod srv;
pub mod storage;
pub mod tagvalue;
pub mod tls_rpt;
pub mod tlsa;
pub mod txt;
pub mod ui;
pub mod uri;

/// Every area's codes, by prefix: what the catalogue test walks.
pub const DECLARED: &[(&str, &[&str])] = &[
    ("address", address::ALL),
    ("adopt", adopt::ALL),
    ("caa", caa::ALL),
    ("check", check::ALL),
    ("dane", dane::ALL),
    ("dkim", dkim::ALL),
    ("dmarc", dmarc::ALL),
    ("dns", dns::ALL),
    ("dnsbl", dnsbl::ALL),
    ("dnssec", dnssec::ALL),
    ("endpoint", endpoint::ALL),
    ("explain", explain::ALL),
    ("fix", fix::ALL),
    ("generate", generate::ALL),
    ("handoff", handoff::ALL),
    ("import", import::ALL),
    ("message", message::ALL),
    ("message_view", message_view::ALL),
    ("mta_sts", mta_sts::ALL),
    ("mta_sts_kit", mta_sts_kit::ALL),
    ("mx", mx::ALL),
    ("name", name::ALL),
    ("panel", panel::ALL),
    ("plan", plan::ALL),
    ("ptr", ptr::ALL),
    ("rdata", rdata::ALL),
    ("record", record::ALL),
    ("share", share::ALL),
    ("spf", spf::ALL),
    ("srv", srv::ALL),
    ("storage", storage::ALL),
    ("tagvalue", tagvalue::ALL),
    ("tls_rpt", tls_rpt::ALL),
    ("tlsa", tlsa::ALL),
    ("txt", txt::ALL),
    ("ui", ui::ALL),
    ("uri", uri::ALL),
];
// End of the areas.

/// The declared constant spelled `text`, if there is one: how a code read
/// back as text (a finding in a message from the checker's worker) becomes
/// the `&'static str` the code elsewhere compares against, without leaking
/// and without admitting a code nobody declared.
pub fn declared(text: &str) -> Option<&'static str> {
    let prefix = text.split('.').next()?;
    let (_, codes) = DECLARED.iter().find(|(p, _)| *p == prefix)?;
    codes.iter().copied().find(|c| *c == text)
}

#[cfg(test)]
mod scan;

#[cfg(test)]
mod tests {
    use super::DECLARED;
    use crate::i18n;
    use std::collections::HashSet;

    /// Every declared code has both texts, and every message is declared:
    /// the two lists cannot drift apart.
    #[test]
    fn declarations_and_catalogue_agree() {
        let (mut passed, mut failed) = (0, Vec::new());
        let mut declared = HashSet::new();
        for (prefix, codes) in DECLARED {
            for code in *codes {
                let mut problems = Vec::new();
                if !declared.insert(*code) {
                    problems.push("declared twice");
                }
                if code.split('.').next() != Some(*prefix) {
                    problems.push("declared under another prefix");
                }
                match i18n::lookup(code) {
                    None => problems.push("not in the catalogue"),
                    Some(m) => {
                        if m.text(i18n::Lang::En).trim().is_empty() {
                            problems.push("no English text");
                        }
                        if m.text(i18n::Lang::ZhCn).trim().is_empty() {
                            problems.push("no Chinese text");
                        }
                    }
                }
                if problems.is_empty() {
                    passed += 1;
                } else {
                    failed.push(format!("{code}: {}", problems.join(", ")));
                }
            }
        }
        for m in i18n::all() {
            if declared.contains(m.code) {
                passed += 1;
            } else {
                failed.push(format!("{}: in the catalogue but not declared", m.code));
            }
        }
        println!("declared codes: {passed} passed, {} failed", failed.len());
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn a_code_read_back_is_its_declaration() {
        for (_, codes) in DECLARED {
            for code in *codes {
                assert_eq!(super::declared(code), Some(*code));
            }
        }
        for unknown in ["spf.no_such_code", "nosuchprefix.x", "spf", ""] {
            assert_eq!(super::declared(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn prefixes_are_listed_once() {
        let mut seen = HashSet::new();
        for (prefix, codes) in DECLARED {
            assert!(seen.insert(*prefix), "{prefix} is listed twice");
            assert!(!codes.is_empty(), "{prefix} declares no code");
        }
    }
}
