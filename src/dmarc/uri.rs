//! Report URIs as DMARC (RFC 9989 §4.8 `dmarc-uri`) and TLS-RPT (RFC 8460 §3
//! `tlsrpt-uri`) use them: an RFC 3986 §3 URI, checked as far as a record
//! checker needs — scheme, allowed characters, percent escapes, and for
//! `mailto:` (RFC 6068 §2) and `https:` (RFC 9110 §4.2.2) a valid host.

use crate::i18n::code;
use crate::model::name::Name;

/// Why a URI is refused. Each has a stable `uri.*` code in the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UriError {
    /// Nothing between two commas.
    Empty,
    /// No `scheme:` in front (RFC 3986 §3.1), e.g. a bare e-mail address.
    NoScheme,
    /// A character RFC 3986 §2 does not allow unescaped.
    BadChar(char),
    /// `%` not followed by two hex digits (RFC 3986 §2.1).
    BadPercent,
    /// `mailto:` without a `local@domain` address (RFC 6068 §2).
    BadMailto,
    /// A host that is not a valid domain name.
    BadHost,
    /// A `mailto:` local part longer than 64 octets (RFC 5321 §4.5.3.1.1).
    LocalPartTooLong,
}

impl UriError {
    pub fn code(&self) -> &'static str {
        match self {
            UriError::Empty => code::uri::EMPTY,
            UriError::NoScheme => code::uri::NO_SCHEME,
            UriError::BadChar(_) => code::uri::BAD_CHAR,
            UriError::BadPercent => code::uri::BAD_PERCENT,
            UriError::BadMailto => code::uri::BAD_MAILTO,
            UriError::BadHost => code::uri::BAD_HOST,
            UriError::LocalPartTooLong => code::uri::LOCAL_PART_TOO_LONG,
        }
    }
}

/// Codes [`UriError::code`] can return.
pub const CODES: &[&str] = &[
    code::uri::EMPTY,
    code::uri::NO_SCHEME,
    code::uri::BAD_CHAR,
    code::uri::BAD_PERCENT,
    code::uri::BAD_MAILTO,
    code::uri::BAD_HOST,
    code::uri::LOCAL_PART_TOO_LONG,
];

/// RFC 3986 §2.2 reserved and §2.3 unreserved characters.
fn is_uri_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=".contains(c)
}

/// The lowercase scheme and the rest, if the URI starts with `scheme:`.
pub fn split_scheme(uri: &str) -> Option<(String, &str)> {
    let (scheme, rest) = uri.split_once(':')?;
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    if !first_ok || !chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) {
        return None;
    }
    Some((scheme.to_ascii_lowercase(), rest))
}

/// Checks a URI; returns its lowercase scheme.
pub fn check(uri: &str) -> Result<String, UriError> {
    if uri.is_empty() {
        return Err(UriError::Empty);
    }
    let (scheme, rest) = split_scheme(uri).ok_or(UriError::NoScheme)?;
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        if c == '%' {
            let hex = |c: Option<char>| c.is_some_and(|c| c.is_ascii_hexdigit());
            if !hex(chars.next()) || !hex(chars.next()) {
                return Err(UriError::BadPercent);
            }
        } else if !is_uri_char(c) {
            return Err(UriError::BadChar(c));
        }
    }
    match scheme.as_str() {
        "mailto" => {
            mailto_domain(uri)?;
        }
        "https" | "http" => {
            let authority = rest.strip_prefix("//").ok_or(UriError::BadHost)?;
            let end = authority.find(['/', '?', '#']).unwrap_or(authority.len());
            let authority = authority.get(..end).unwrap_or("");
            let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
            let host = host.split_once(':').map_or(host, |(h, _)| h);
            Name::host(host).map_err(|_| UriError::BadHost)?;
        }
        _ if rest.is_empty() => return Err(UriError::Empty),
        _ => {}
    }
    Ok(scheme)
}

/// The domain of a `mailto:` URI's address.
pub fn mailto_domain(uri: &str) -> Result<Name, UriError> {
    let (_, rest) = split_scheme(uri).ok_or(UriError::NoScheme)?;
    let addr = rest.split_once('?').map_or(rest, |(a, _)| a);
    let (local, domain) = addr.rsplit_once('@').ok_or(UriError::BadMailto)?;
    if local.is_empty() {
        return Err(UriError::BadMailto);
    }
    // RFC 5321 §4.5.3.1.1: "The maximum total length of a user name or other
    // local-part is 64 octets." Percent escapes count as the octet they stand for.
    let octets = local.len().saturating_sub(2 * local.matches('%').count());
    if octets > 64 {
        return Err(UriError::LocalPartTooLong);
    }
    Name::host(domain).map_err(|_| UriError::BadHost)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const LONG_LOCAL: &str =
        "mailto:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com";
    const LOCAL_64: &str =
        "mailto:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa%41@example.com";

    #[test]
    fn cases() {
        let cases: &[(&str, Result<&str, UriError>)] = &[
            ("mailto:dmarc@example.com", Ok("mailto")),
            ("MAILTO:d@example.com?subject=x", Ok("mailto")),
            ("https://tlsrpt.example.com/report", Ok("https")),
            ("https://user@h.example:8443/x", Ok("https")),
            ("reports@dmarc.cyber.dhs.gov", Err(UriError::NoScheme)),
            ("__mailto:a@b.example", Err(UriError::NoScheme)),
            ("not_a_valid_uri", Err(UriError::NoScheme)),
            ("", Err(UriError::Empty)),
            ("mailto:x@x.example other", Err(UriError::BadChar(' '))),
            ("http://bad/%", Err(UriError::BadPercent)),
            ("mailto:nobody", Err(UriError::BadMailto)),
            ("mailto:a@-bad.example", Err(UriError::BadHost)),
            ("https:/x", Err(UriError::BadHost)),
            ("mailto:a%40b@example.com", Ok("mailto")),
            (LONG_LOCAL, Err(UriError::LocalPartTooLong)),
            (LOCAL_64, Ok("mailto")),
        ];
        for (uri, want) in cases {
            assert_eq!(check(uri).as_deref().map_err(|e| *e), *want, "{uri}");
        }
        assert_eq!(
            mailto_domain("mailto:x@Reports.Example.NET").unwrap().as_str(),
            "reports.example.net"
        );
    }

    #[test]
    fn every_code_is_in_the_catalogue() {
        crate::i18n::assert_catalogued(CODES);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = check(&s);
            let _ = mailto_domain(&s);
        }
    }
}
