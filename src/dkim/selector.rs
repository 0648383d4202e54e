//! The DKIM selector as a user types it (RFC 6376 §3.1: `selector =
//! sub-domain *( "." sub-domain )`), checked before any name is built from
//! it or any question is asked. The generator and the checker read it the
//! same way: trimmed, a trailing `._domainkey` dropped, lowercase, a
//! Unicode selector turned into its A-labels.

use crate::model::name::{Name, NameError, NameKind};

/// Stands in for the domain while the selector's own labels are checked:
/// the all-numeric-last-label rule of host names must not apply to a
/// selector such as `2026`. `.invalid` is reserved (RFC 6761 §6.4).
const PLACEHOLDER: &str = ".invalid";

/// The selector in its published form (`s202611`, `dkim.2026`,
/// `xn--...`), or why it is not one.
pub fn parse_selector(text: &str) -> Result<String, NameError> {
    let t = text.trim().trim_end_matches('.');
    let t = match t.len().checked_sub("._domainkey".len()) {
        Some(cut) if t.is_char_boundary(cut) && t[cut..].eq_ignore_ascii_case("._domainkey") => &t[..cut],
        _ => t,
    };
    if t.is_empty() {
        return Err(NameError::Empty);
    }
    let name = Name::host(&format!("{t}{PLACEHOLDER}"))?;
    Ok(name.as_str().trim_end_matches(PLACEHOLDER).to_string())
}

/// `<selector>._domainkey.<domain>`: fails when the whole name is too long.
pub fn selector_owner(selector: &str, domain: &Name) -> Result<Name, NameError> {
    domain.prepend(&format!("{selector}._domainkey"), NameKind::Service)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::code;
    use proptest::prelude::*;

    #[test]
    fn selectors() {
        let ok = [
            ("s202611", "s202611"),
            ("  Mail ", "mail"),
            ("dkim.2026", "dkim.2026"),
            ("2026", "2026"),
            ("s1._domainkey", "s1"),
            ("s1._DomainKey.", "s1"),
            ("选择器", "xn--m7rv40afk9a"),
        ];
        for (input, want) in ok {
            assert_eq!(parse_selector(input).as_deref(), Ok(want), "{input}");
        }
        let bad = [
            ("", code::name::EMPTY),
            ("._domainkey", code::name::EMPTY),
            ("a..b", code::name::EMPTY_LABEL),
            ("\"s1\"", code::name::BAD_CHAR),
            ("s1;", code::name::BAD_CHAR),
            ("s1\\", code::name::BAD_CHAR),
            ("_s1", code::name::UNDERSCORE),
            ("-s1", code::name::HYPHEN_EDGE),
            ("xn--zz", code::name::BAD_IDN),
        ];
        for (input, code) in bad {
            assert_eq!(parse_selector(input).map_err(|e| e.code()), Err(code), "{input}");
        }
        let long = "a".repeat(64);
        assert_eq!(
            parse_selector(&long).map_err(|e| e.code()),
            Err(code::name::LABEL_TOO_LONG)
        );
    }

    #[test]
    fn owner_length_counts_the_domain() {
        let domain = Name::host(&format!("{}.example.com", "d".repeat(60))).expect("domain");
        let sel = ["abcdefghij"; 18].join(".");
        assert!(parse_selector(&sel).is_ok());
        assert_eq!(
            selector_owner(&sel, &domain).map_err(|e| e.code()),
            Err(code::name::TOO_LONG)
        );
        assert_eq!(
            selector_owner("s1", &domain).map(|n| n.as_str().to_string()),
            Ok(format!("s1._domainkey.{}", domain.as_str()))
        );
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = parse_selector(&s);
        }

        #[test]
        fn never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = parse_selector(&String::from_utf8_lossy(&b));
        }
    }
}
