//! Reading a finding back from JSON (the checker worker's replies,
//! `crate::offload`): its code becomes the declared constant, so the rest
//! of the page compares it as before, and a code nobody declared is an
//! error, never a new code. Here rather than in `finding`, because the
//! declarations are the catalogue's (`code::DECLARED`).

use super::code;
use crate::finding::{interned, interned_args, Finding, Severity, Span};
use serde::{Deserialize, Deserializer};

impl<'de> Deserialize<'de> for Finding {
    /// The fields as [`Finding`] serialises them; an undeclared `code` is
    /// an error, never a new code.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Json {
            code: String,
            severity: Severity,
            subject: String,
            rfc: String,
            span: Option<Span>,
            args: Vec<(String, String)>,
            fix: Option<String>,
        }
        let j = Json::deserialize(deserializer)?;
        Ok(Finding {
            code: declared_code(&j.code)?,
            severity: j.severity,
            subject: j.subject,
            rfc: interned(&j.rfc)?,
            span: j.span,
            args: interned_args(j.args)?,
            fix: j.fix,
        })
    }
}

/// The declared constant spelled `text` ([`code::declared`]), or an error
/// naming it: a code read back from a message must be one the catalogue has.
pub(crate) fn declared_code<E: serde::de::Error>(text: &str) -> Result<&'static str, E> {
    code::declared(text).ok_or_else(|| E::custom(format_args!("unknown code {text:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Finding, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    #[test]
    fn a_finding_reads_back_with_its_declared_code() {
        let f = Finding::warning(code::spf::TOO_MANY_LOOKUPS, "example.com", "RFC 7208 §4.6.4")
            .at(Span::new(3, 9))
            .arg("count", 12)
            .arg("bound", "at_least")
            .with_fix("v=spf1 ip4:192.0.2.1 -all");
        let text = serde_json::to_string(&f).expect("json");
        let back = read(&text).expect("read back");
        assert_eq!(back, f);
        // The interned strings are leaked once: a second reading reuses them.
        let again = read(&text).expect("read back");
        assert!(std::ptr::eq(again.rfc, back.rfc));
        assert!(std::ptr::eq(again.args[0].0, back.args[0].0));
    }

    #[test]
    fn an_unknown_code_is_refused() {
        let f = Finding::error(code::mx::NONE, "example.com", "RFC 5321 §5.1");
        let text = serde_json::to_string(&f).expect("json");
        for code in ["mx.nothing", "nowhere.none", "", "mx"] {
            let bad = text.replace("\"mx.none\"", &format!("{code:?}"));
            let e = read(&bad).expect_err(code);
            assert!(e.contains("unknown code"), "{code}: {e}");
        }
    }
}
