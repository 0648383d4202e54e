//! The MTA-STS policy file, `https://mta-sts.<domain>/.well-known/mta-sts.txt`:
//! parse, print, lint, and MX matching.
//!
//! Follows RFC 8461 §3.2 (the file: `key: value` lines ending in CRLF, LF
//! tolerated as the ABNF's `sts-policy-term = LF / CRLF` allows) and §4.1
//! (matching MX hosts against the `mx` patterns).

use crate::finding::{Finding, Severity, Span};
use crate::i18n::code;
use crate::model::name::Name;
use serde::{Deserialize, Serialize};
use std::fmt;

const RFC: &str = "RFC 8461 §3.2";
/// §3.2 max_age: "maximum value of 31557600" (one year).
pub const MAX_AGE_LIMIT: u64 = 31_557_600;
/// §3.3: "a suggested maximum policy size is 64 kilobytes"; senders may
/// refuse a larger body, so a larger pasted text is refused whole.
pub const MAX_POLICY_BYTES: usize = 64 * 1024;

/// `mode` (§3.2). Serialised as the field value (`"enforce"`, `"testing"`,
/// `"none"`), the form plans have always been stored and shared in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Enforce,
    Testing,
    None,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Enforce => "enforce",
            Mode::Testing => "testing",
            Mode::None => "none",
        }
    }
}

/// One `mx` line: a host name, or `*.` plus a domain, matching exactly one
/// more label (§4.1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MxPattern {
    pub wildcard: bool,
    pub domain: Name,
}

impl MxPattern {
    /// §4.1: "*.example.com" matches "mail.example.com" but not "example.com"
    /// nor "foo.bar.example.com"; names compare case-insensitively.
    pub fn matches(&self, host: &Name) -> bool {
        if self.wildcard {
            host.label_count() == self.domain.label_count() + 1
                && host.parent().as_ref() == Some(&self.domain)
        } else {
            *host == self.domain
        }
    }
}

impl fmt::Display for MxPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.wildcard {
            f.write_str("*.")?;
        }
        f.write_str(self.domain.as_str())
    }
}

/// A policy file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MtaStsPolicy {
    pub mode: Mode,
    pub mx: Vec<MxPattern>,
    pub max_age: u64,
    /// Extension fields, in order.
    pub extensions: Vec<(String, String)>,
}

/// Why a text is not a policy file. Spans cover the offending line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PolicyError {
    /// A line without `:`.
    NotKeyValue {
        span: Span,
    },
    /// A key that is not `(ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")`.
    BadKey {
        key: String,
        span: Span,
    },
    /// An extension with an empty value or control characters.
    BadExtensionValue {
        key: String,
        span: Span,
    },
    DuplicateKey {
        key: String,
        span: Span,
    },
    BadVersion {
        found: String,
        span: Span,
    },
    BadMode {
        found: String,
        span: Span,
    },
    BadMaxAge {
        found: String,
        span: Span,
    },
    MaxAgeTooLarge {
        found: String,
        span: Span,
    },
    BadMx {
        found: String,
        span: Span,
    },
    /// A non-ASCII `mx`; `fix` is its A-label form when it has one.
    NonAsciiMx {
        found: String,
        fix: Option<String>,
        span: Span,
    },
    MissingVersion,
    MissingMode,
    MissingMaxAge,
    /// `enforce` or `testing` without any `mx` line.
    MissingMx,
    /// Longer than [`MAX_POLICY_BYTES`] (§3.3).
    TooLarge {
        len: usize,
    },
}

impl PolicyError {
    pub fn code(&self) -> &'static str {
        match self {
            PolicyError::NotKeyValue { .. } => code::mta_sts::POLICY_NOT_KEY_VALUE,
            PolicyError::BadKey { .. } => code::mta_sts::POLICY_BAD_KEY,
            PolicyError::BadExtensionValue { .. } => code::mta_sts::POLICY_BAD_EXTENSION,
            PolicyError::DuplicateKey { .. } => code::mta_sts::POLICY_DUPLICATE_KEY,
            PolicyError::BadVersion { .. } => code::mta_sts::POLICY_BAD_VERSION,
            PolicyError::BadMode { .. } => code::mta_sts::POLICY_BAD_MODE,
            PolicyError::BadMaxAge { .. } => code::mta_sts::POLICY_BAD_MAX_AGE,
            PolicyError::MaxAgeTooLarge { .. } => code::mta_sts::POLICY_MAX_AGE_TOO_LARGE,
            PolicyError::BadMx { .. } => code::mta_sts::POLICY_BAD_MX,
            PolicyError::NonAsciiMx { .. } => code::mta_sts::POLICY_NON_ASCII_MX,
            PolicyError::MissingVersion => code::mta_sts::POLICY_MISSING_VERSION,
            PolicyError::MissingMode => code::mta_sts::POLICY_MISSING_MODE,
            PolicyError::MissingMaxAge => code::mta_sts::POLICY_MISSING_MAX_AGE,
            PolicyError::MissingMx => code::mta_sts::POLICY_MISSING_MX,
            PolicyError::TooLarge { .. } => code::mta_sts::POLICY_TOO_LARGE,
        }
    }

    pub fn to_finding(&self, subject: &str) -> Finding {
        let f = Finding::error(self.code(), subject, RFC);
        match self {
            PolicyError::TooLarge { len } => Finding::error(self.code(), subject, "RFC 8461 §3.3")
                .arg("len", len)
                .arg("limit", MAX_POLICY_BYTES),
            PolicyError::NotKeyValue { span } => f.at(*span),
            PolicyError::BadKey { key, span }
            | PolicyError::BadExtensionValue { key, span }
            | PolicyError::DuplicateKey { key, span } => f.at(*span).arg("key", key),
            PolicyError::BadVersion { found, span }
            | PolicyError::BadMode { found, span }
            | PolicyError::BadMaxAge { found, span }
            | PolicyError::MaxAgeTooLarge { found, span }
            | PolicyError::BadMx { found, span } => f.at(*span).arg("found", found),
            PolicyError::NonAsciiMx { found, fix, span } => {
                let f = f.at(*span).arg("found", found);
                match fix {
                    Some(fix) => f.with_fix(format!("mx: {fix}")),
                    None => f,
                }
            }
            PolicyError::MissingVersion
            | PolicyError::MissingMode
            | PolicyError::MissingMaxAge
            | PolicyError::MissingMx => f,
        }
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

fn is_wsp(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// `sts-policy-mx-value = ["*."] Domain` (Domain as in RFC 5321 §4.1.2: ASCII,
/// no trailing dot).
fn parse_mx(value: &str, span: Span) -> Result<MxPattern, PolicyError> {
    let (wildcard, domain) = match value.strip_prefix("*.") {
        Some(rest) => (true, rest),
        None => (false, value),
    };
    let bad = || PolicyError::BadMx {
        found: value.to_string(),
        span,
    };
    if !domain.is_ascii() {
        let fix = Name::host(domain).ok().map(|n| {
            let p = MxPattern { wildcard, domain: n };
            p.to_string()
        });
        return Err(PolicyError::NonAsciiMx {
            found: value.to_string(),
            fix,
            span,
        });
    }
    // The line reader trims only blanks (RFC 8461 §3.2 `*WSP`); any other
    // white space or control character left inside is part of the value
    // and not a name character (`Name::host` would trim it away).
    if domain.is_empty()
        || domain.ends_with('.')
        || domain.contains('*')
        || domain.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(bad());
    }
    let domain = Name::host(domain).map_err(|_| bad())?;
    if domain.is_root() {
        return Err(bad());
    }
    Ok(MxPattern { wildcard, domain })
}

/// Parses into the policy (when version, mode and max_age were found) and every error.
pub fn parse_detailed(text: &str) -> (Option<MtaStsPolicy>, Vec<PolicyError>) {
    if text.len() > MAX_POLICY_BYTES {
        // Refused whole: one finding instead of one per line of a pasted wall of text.
        return (None, vec![PolicyError::TooLarge { len: text.len() }]);
    }
    let mut errors = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    let (mut version, mut mode, mut max_age) = (false, None, None);
    let mut mx = Vec::new();
    let mut extensions = Vec::new();
    let mut start = 0;
    for raw in text.split('\n') {
        let line_start = start;
        start += raw.len() + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let span = Span::new(line_start, line_start + line.len());
        if line.trim_matches(is_wsp).is_empty() {
            continue;
        }
        // `sts-policy-field-delim = ":" *WSP`; trailing *WSP before the line end.
        let Some((key, value)) = line.split_once(':') else {
            errors.push(PolicyError::NotKeyValue { span });
            continue;
        };
        let value = value.trim_matches(is_wsp);
        if !crate::tagvalue::is_extension_name(key) {
            errors.push(PolicyError::BadKey {
                key: key.to_string(),
                span,
            });
            continue;
        }
        if key != "mx" && seen.contains(&key) {
            errors.push(PolicyError::DuplicateKey {
                key: key.to_string(),
                span,
            });
            continue;
        }
        seen.push(key);
        let found = || value.to_string();
        match key {
            "version" if value == "STSv1" => version = true,
            "version" => errors.push(PolicyError::BadVersion { found: found(), span }),
            "mode" => match value {
                "enforce" => mode = Some(Mode::Enforce),
                "testing" => mode = Some(Mode::Testing),
                "none" => mode = Some(Mode::None),
                _ => errors.push(PolicyError::BadMode { found: found(), span }),
            },
            // `sts-policy-max-age-value = 1*10(DIGIT)`, at most 31557600.
            "max_age" => {
                if value.is_empty() || value.len() > 10 || !value.bytes().all(|b| b.is_ascii_digit()) {
                    errors.push(PolicyError::BadMaxAge { found: found(), span });
                } else {
                    match value.parse::<u64>() {
                        Ok(n) if n <= MAX_AGE_LIMIT => max_age = Some(n),
                        _ => errors.push(PolicyError::MaxAgeTooLarge { found: found(), span }),
                    }
                }
            }
            "mx" => match parse_mx(value, span) {
                Ok(p) => mx.push(p),
                Err(e) => errors.push(e),
            },
            // `sts-policy-ext-value = sts-policy-vchar [*(%x20 / sts-policy-vchar) sts-policy-vchar]`
            _ if value.is_empty() || value.chars().any(|c| c.is_control()) => {
                errors.push(PolicyError::BadExtensionValue {
                    key: key.to_string(),
                    span,
                })
            }
            _ => extensions.push((key.to_string(), value.to_string())),
        }
    }
    let bad = |code: &str| errors.iter().any(|e: &PolicyError| e.code() == code);
    let mut missing = Vec::new();
    if !version && !bad(code::mta_sts::POLICY_BAD_VERSION) {
        missing.push(PolicyError::MissingVersion);
    }
    if mode.is_none() && !bad(code::mta_sts::POLICY_BAD_MODE) {
        missing.push(PolicyError::MissingMode);
    }
    if max_age.is_none()
        && !bad(code::mta_sts::POLICY_BAD_MAX_AGE)
        && !bad(code::mta_sts::POLICY_MAX_AGE_TOO_LARGE)
    {
        missing.push(PolicyError::MissingMaxAge);
    }
    // §3.2 mx: required for "enforce" and "testing" (a policy with no MX to
    // match can only fail or report every delivery).
    let has_mx_error = bad(code::mta_sts::POLICY_BAD_MX) || bad(code::mta_sts::POLICY_NON_ASCII_MX);
    if matches!(mode, Some(Mode::Enforce | Mode::Testing)) && mx.is_empty() && !has_mx_error {
        missing.push(PolicyError::MissingMx);
    }
    errors.extend(missing);
    let policy = match (version, mode, max_age) {
        (true, Some(mode), Some(max_age)) => Some(MtaStsPolicy {
            mode,
            mx,
            max_age,
            extensions,
        }),
        _ => None,
    };
    (policy, errors)
}

impl MtaStsPolicy {
    /// Parses strictly: the first error wins.
    pub fn parse(text: &str) -> Result<MtaStsPolicy, PolicyError> {
        match parse_detailed(text) {
            (Some(p), errors) if errors.is_empty() => Ok(p),
            (_, errors) => Err(errors.into_iter().next().unwrap_or(PolicyError::MissingVersion)),
        }
    }

    /// Every finding about a policy text.
    pub fn check(text: &str, subject: &str) -> (Option<MtaStsPolicy>, Vec<Finding>) {
        let (policy, errors) = parse_detailed(text);
        let mut out: Vec<Finding> = errors.iter().map(|e| e.to_finding(subject)).collect();
        if let Some(p) = &policy {
            out.extend(p.lint(subject));
        }
        (policy, out)
    }

    /// Remarks about a parsed policy.
    pub fn lint(&self, subject: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        match self.mode {
            Mode::Testing => out.push(Finding::info(code::mta_sts::POLICY_TESTING, subject, RFC)),
            Mode::None => out.push(Finding::warning(code::mta_sts::POLICY_MODE_NONE, subject, RFC)),
            Mode::Enforce => {}
        }
        // §3.2: "it is expected that this value typically be in the range of
        // weeks or greater".
        if self.max_age < 7 * 86400 && self.mode != Mode::None {
            out.push(
                Finding::info(code::mta_sts::POLICY_SHORT_MAX_AGE, subject, RFC).arg("max_age", self.max_age),
            );
        }
        for (key, _) in &self.extensions {
            out.push(Finding::info(code::mta_sts::POLICY_EXTENSION, subject, RFC).arg("key", key));
        }
        out
    }
}

impl fmt::Display for MtaStsPolicy {
    /// The file body, CRLF line endings (§3.2).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "version: STSv1\r\nmode: {}\r\n", self.mode.as_str())?;
        for p in &self.mx {
            write!(f, "mx: {p}\r\n")?;
        }
        write!(f, "max_age: {}\r\n", self.max_age)?;
        for (k, v) in &self.extensions {
            write!(f, "{k}: {v}\r\n")?;
        }
        Ok(())
    }
}

/// True when some `mx` pattern of the policy matches the MX host (§4.1).
pub fn policy_matches_mx(policy: &MtaStsPolicy, mx_host: &Name) -> bool {
    policy.mx.iter().any(|p| p.matches(mx_host))
}

/// One finding per MX host no `mx` line matches, with the `mx:` line to add.
/// In enforce mode senders refuse to deliver to such a host (§5.1), so it is an
/// error; in testing mode they only report it.
pub fn check_mx_coverage(policy: &MtaStsPolicy, mx_hosts: &[Name]) -> Vec<Finding> {
    let severity = match policy.mode {
        Mode::Enforce => Severity::Error,
        Mode::Testing => Severity::Warning,
        Mode::None => return Vec::new(),
    };
    mx_hosts
        .iter()
        .filter(|h| !h.is_root() && !policy_matches_mx(policy, h))
        .map(|h| {
            Finding::new(
                code::mta_sts::MX_NOT_COVERED,
                severity,
                h.as_str(),
                "RFC 8461 §4.1",
            )
            .arg("host", h.as_str())
            .with_fix(format!("mx: {}", h.as_str()))
        })
        .collect()
}

/// Codes this module can emit, for the catalogue test.
pub const CODES: &[&str] = &[
    code::mta_sts::POLICY_NOT_KEY_VALUE,
    code::mta_sts::POLICY_BAD_KEY,
    code::mta_sts::POLICY_BAD_EXTENSION,
    code::mta_sts::POLICY_DUPLICATE_KEY,
    code::mta_sts::POLICY_BAD_VERSION,
    code::mta_sts::POLICY_BAD_MODE,
    code::mta_sts::POLICY_BAD_MAX_AGE,
    code::mta_sts::POLICY_MAX_AGE_TOO_LARGE,
    code::mta_sts::POLICY_BAD_MX,
    code::mta_sts::POLICY_NON_ASCII_MX,
    code::mta_sts::POLICY_MISSING_VERSION,
    code::mta_sts::POLICY_MISSING_MODE,
    code::mta_sts::POLICY_MISSING_MAX_AGE,
    code::mta_sts::POLICY_MISSING_MX,
    code::mta_sts::POLICY_TOO_LARGE,
    code::mta_sts::POLICY_TESTING,
    code::mta_sts::POLICY_MODE_NONE,
    code::mta_sts::POLICY_SHORT_MAX_AGE,
    code::mta_sts::POLICY_EXTENSION,
    code::mta_sts::MX_NOT_COVERED,
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn codes(text: &str) -> Vec<&'static str> {
        MtaStsPolicy::check(text, "mta-sts.example.com")
            .1
            .iter()
            .map(|f| f.code)
            .collect()
    }

    fn host(s: &str) -> Name {
        Name::host(s).unwrap()
    }

    #[test]
    fn parses_and_prints_crlf() {
        let text = "version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.backup.example.net\nmax_age: 604800\n";
        let p = MtaStsPolicy::parse(text).unwrap();
        assert_eq!(p.mx.len(), 2);
        assert_eq!(
            p.to_string(),
            "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.backup.example.net\r\nmax_age: 604800\r\n"
        );
        assert_eq!(MtaStsPolicy::parse(&p.to_string()), Ok(p));
    }

    /// Found by `cargo fuzz` (target `mta_sts_policy`): `mx: .` followed by
    /// vertical tabs was read as a pattern for the root (the name parser
    /// trimmed the tabs) and printed as `mx: `, which does not read back.
    #[test]
    fn an_mx_value_of_the_root_or_with_control_characters_is_refused() {
        for mx in [
            ".\u{b}\u{b}",
            "mail.example.com\u{b}",
            "mail\u{c}.example.com",
            "mail\u{7f}.example.com",
        ] {
            let text = format!("version: STSv1\nmode: testing\nmax_age: 1\nmx: {mx}\n");
            assert!(codes(&text).contains(&code::mta_sts::POLICY_BAD_MX), "{mx:?}");
            assert!(MtaStsPolicy::parse(&text).is_err(), "{mx:?}");
        }
    }

    #[test]
    fn a_pasted_wall_of_text_is_refused_whole() {
        let ok = "version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n";
        // At the limit: still read line by line (and valid, padded with an extension).
        let pad = MAX_POLICY_BYTES - ok.len() - "x: \n".len();
        let at_limit = format!("{ok}x: {}\n", "a".repeat(pad));
        assert_eq!(at_limit.len(), MAX_POLICY_BYTES);
        assert_eq!(codes(&at_limit), vec![code::mta_sts::POLICY_EXTENSION]);
        let wall = "no colon here\n".repeat(10_000);
        assert_eq!(codes(&wall), vec![code::mta_sts::POLICY_TOO_LARGE]);
        let f = &MtaStsPolicy::check(&wall, "s").1[0];
        assert_eq!(f.rfc, "RFC 8461 §3.3");
        assert!(crate::i18n::lookup(f.code).is_some());
    }

    #[test]
    fn findings_by_case() {
        let ok = "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n";
        let cases: &[(&str, &[&str])] = &[
            (ok, &[]),
            (
                "version: STSv1\nmode: testing\nmx: a.example\nmax_age: 604800",
                &[code::mta_sts::POLICY_TESTING],
            ),
            (
                "version: STSv1\nmode: none\nmax_age: 0",
                &[code::mta_sts::POLICY_MODE_NONE],
            ),
            (
                "version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 3600",
                &[code::mta_sts::POLICY_SHORT_MAX_AGE],
            ),
            (
                "version: STSv1\nmode: enforce\nmax_age: 604800",
                &[code::mta_sts::POLICY_MISSING_MX],
            ),
            (
                "version: STSv1\nmode: enforce\nmode: testing\nmx: a.example\nmax_age: 604800",
                &[code::mta_sts::POLICY_DUPLICATE_KEY],
            ),
            (
                "version: STSv2\nmode: none\nmax_age: 0",
                &[code::mta_sts::POLICY_BAD_VERSION],
            ),
            (
                "version: STSv1\nmode: Enforce\nmax_age: 0",
                &[code::mta_sts::POLICY_BAD_MODE],
            ),
            (
                "version: STSv1\nmode: none\nmax_age: 86400.5",
                &[code::mta_sts::POLICY_BAD_MAX_AGE],
            ),
            (
                "version: STSv1\nmode: none\nmax_age: 99999999",
                &[code::mta_sts::POLICY_MAX_AGE_TOO_LARGE],
            ),
            (
                "version: STSv1\nmode: enforce\nmax_age: 604800\nmx: *.*.example",
                &[code::mta_sts::POLICY_BAD_MX],
            ),
            (
                "version: STSv1\nmode: enforce\nmax_age: 604800\nmx: møx.example",
                &[code::mta_sts::POLICY_NON_ASCII_MX],
            ),
            (
                "version: STSv1\nnot_a_pair",
                &[
                    code::mta_sts::POLICY_NOT_KEY_VALUE,
                    code::mta_sts::POLICY_MISSING_MODE,
                    code::mta_sts::POLICY_MISSING_MAX_AGE,
                ],
            ),
            (
                "version: STSv1\nmode: none\nmax_age: 0\n_bad: x",
                &[code::mta_sts::POLICY_BAD_KEY, code::mta_sts::POLICY_MODE_NONE],
            ),
            (
                "version: STSv1\nmode: none\nmax_age: 0\next:",
                &[
                    code::mta_sts::POLICY_BAD_EXTENSION,
                    code::mta_sts::POLICY_MODE_NONE,
                ],
            ),
            (
                "",
                &[
                    code::mta_sts::POLICY_MISSING_VERSION,
                    code::mta_sts::POLICY_MISSING_MODE,
                    code::mta_sts::POLICY_MISSING_MAX_AGE,
                ],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(codes(text), *want, "{text:?}");
        }
        let (_, f) = MtaStsPolicy::check("version: STSv1\nmode: enforce\nmax_age: 0\nmx: møx.example", "x");
        assert_eq!(f[0].fix.as_deref(), Some("mx: xn--mx-lka.example"));
    }

    #[test]
    fn wildcard_matches_exactly_one_label() {
        let p = MtaStsPolicy::parse(
            "version: STSv1\nmode: enforce\nmx: *.example.com\nmx: mx.other.net\nmax_age: 86400",
        )
        .unwrap();
        assert!(policy_matches_mx(&p, &host("mail.example.com")));
        assert!(policy_matches_mx(&p, &host("MAIL.Example.COM")));
        assert!(!policy_matches_mx(&p, &host("example.com")));
        assert!(!policy_matches_mx(&p, &host("a.b.example.com")));
        assert!(policy_matches_mx(&p, &host("mx.other.net")));
        assert!(!policy_matches_mx(&p, &host("mx2.other.net")));
    }

    #[test]
    fn coverage_names_the_missing_hosts() {
        let p = MtaStsPolicy::parse("version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 86400")
            .unwrap();
        let f = check_mx_coverage(
            &p,
            &[host("mail.example.com"), host("backup.example.net"), Name::root()],
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(f[0].fix.as_deref(), Some("mx: backup.example.net"));
        let testing = MtaStsPolicy {
            mode: Mode::Testing,
            ..p
        };
        assert_eq!(
            check_mx_coverage(&testing, &[host("x.example")])[0].severity,
            Severity::Warning
        );
    }

    #[test]
    fn every_code_is_in_the_catalogue() {
        crate::i18n::assert_catalogued(CODES);
    }

    fn arb_policy() -> impl Strategy<Value = MtaStsPolicy> {
        let mode = prop_oneof![Just(Mode::Enforce), Just(Mode::Testing), Just(Mode::None)];
        let mx = proptest::collection::vec(
            (any::<bool>(), "[a-z][a-z0-9]{0,8}(\\.[a-z][a-z0-9]{0,8}){1,2}").prop_map(|(wildcard, d)| {
                MxPattern {
                    wildcard,
                    domain: Name::host(&d).unwrap(),
                }
            }),
            1..4,
        );
        let ext = proptest::collection::btree_map("x[a-z0-9_.-]{0,20}", "[!-~]([ -~]{0,10}[!-~])?", 0..3);
        (mode, mx, 0..=MAX_AGE_LIMIT, ext).prop_map(|(mode, mx, max_age, ext)| MtaStsPolicy {
            mode,
            mx,
            max_age,
            extensions: ext.into_iter().collect(),
        })
    }

    proptest! {
        #[test]
        fn round_trip(p in arb_policy()) {
            prop_assert_eq!(MtaStsPolicy::parse(&p.to_string()), Ok(p));
        }

        #[test]
        fn never_panics(s in "\\PC{0,400}") {
            let _ = MtaStsPolicy::check(&s, "x");
        }

        #[test]
        fn never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = MtaStsPolicy::check(&String::from_utf8_lossy(&b), "x");
        }
    }
}
