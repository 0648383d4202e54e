//! Helpers shared by the fuzz targets: the input as text, and the checks
//! every target makes on what the core hands back.

use maildns::finding::Finding;

/// The input as text, as a browser would hand over a paste: invalid UTF-8
/// becomes U+FFFD, so every input reaches the parser.
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Every code the core emits must be in the message catalogue, or the page
/// would show a bare code.
pub fn assert_catalogued(code: &str) {
    // A set built once: `i18n::lookup` scans the whole catalogue, which made
    // inputs with many findings (a policy of a hundred bad lines) slow.
    static CODES: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    let codes = CODES.get_or_init(|| maildns::i18n::all().map(|m| m.code).collect());
    assert!(codes.contains(code), "code {code} is not in the catalogue");
}

/// As [`assert_catalogued`] for each finding, and a span must lie inside
/// the text it points into (the page underlines it by byte range).
pub fn assert_findings(findings: &[Finding], text_len: Option<usize>) {
    for f in findings {
        assert_catalogued(f.code);
        if let (Some(span), Some(len)) = (f.span, text_len) {
            assert!(
                span.start <= span.end && span.end <= len,
                "{} span {span:?} outside 0..{len}",
                f.code
            );
        }
    }
}

/// Splits the input at the first byte: a selector and the rest.
pub fn split_first(data: &[u8]) -> (u8, &[u8]) {
    match data.split_first() {
        Some((first, rest)) => (*first, rest),
        None => (0, data),
    }
}

/// The checks for a record grammar `T::parse(&str) -> Result<T, RdataError>`
/// whose `Display` is the zone-file text: a failure names a catalogued code
/// and a span inside the input; a success prints text that parses back to
/// the same value, and its lint findings are catalogued.
#[macro_export]
macro_rules! rdata_grammar {
    ($ty:ty) => {
        libfuzzer_sys::fuzz_target!(|data: &[u8]| {
            let text = maildns_fuzz::text(data);
            match <$ty>::parse(&text) {
                Ok(value) => {
                    let printed = value.to_string();
                    assert_eq!(
                        <$ty>::parse(&printed).as_ref(),
                        Ok(&value),
                        "printed as {printed:?}"
                    );
                    maildns_fuzz::assert_findings(&value.lint("example.com"), None);
                }
                Err(e) => {
                    maildns_fuzz::assert_catalogued(e.code());
                    assert!(
                        e.span.start <= e.span.end && e.span.end <= text.len(),
                        "{e}"
                    );
                }
            }
        });
    };
}

/// The checks for a tag-value record or policy file with `T::parse`,
/// `T::check(text, subject)` and `value.lint(subject)`: a failure names a
/// catalogued code; a success prints text that parses back to the same
/// value; `check` agrees with `parse` on success and reports only
/// catalogued findings with spans inside the text.
#[macro_export]
macro_rules! tag_record {
    ($ty:ty) => {
        libfuzzer_sys::fuzz_target!(|data: &[u8]| {
            let text = maildns_fuzz::text(data);
            let parsed = <$ty>::parse(&text);
            match &parsed {
                Ok(value) => {
                    let printed = value.to_string();
                    assert_eq!(
                        <$ty>::parse(&printed).as_ref(),
                        Ok(value),
                        "printed as {printed:?}"
                    );
                    maildns_fuzz::assert_findings(&value.lint("example.com"), None);
                }
                Err(e) => maildns_fuzz::assert_catalogued(e.code()),
            }
            let (checked, findings) = <$ty>::check(&text, "example.com");
            if let Ok(value) = &parsed {
                assert_eq!(checked.as_ref(), Some(value), "check and parse disagree");
            }
            maildns_fuzz::assert_findings(&findings, Some(text.len()));
        });
    };
}

/// The checks on a decoded DNS message, JSON or wire: the answer to each
/// question and to a few fixed ones holds only records of the type asked;
/// a failure names a catalogued code; every record read prints as text
/// that the lenient presentation parser reads back to the same data.
pub fn check_response(message: &maildns::dns::DohResponse) {
    use maildns::dns::{Rdata, RecordType};
    let mut questions: Vec<(String, RecordType)> = message
        .question
        .iter()
        .map(|q| (q.name.clone(), q.rtype))
        .collect();
    questions.push(("example.com".to_string(), RecordType::Txt));
    questions.push(("example.com.".to_string(), RecordType::Mx));
    for (name, rtype) in questions {
        match message.answer_for(&name, rtype) {
            Ok(answer) => {
                for r in &answer.records {
                    assert_eq!(r.rtype(), rtype, "answer to {name} {rtype} holds {r}");
                }
            }
            Err(e) => assert_catalogued(e.code()),
        }
    }
    for record in message
        .answer
        .iter()
        .chain(&message.authority)
        .chain(&message.additional)
    {
        let _ = record.line();
        // Every record prints in presentation form (RFC 1035 §5.1 escapes
        // in names) and reads back as the same data.
        if let Ok(rdata) = record.rdata.as_ref() {
            let printed = rdata.to_string();
            let again = Rdata::parse_lenient(rdata.rtype(), &printed);
            assert_eq!(
                again.as_ref(),
                Ok(rdata),
                "{} printed as {printed:?}",
                rdata.rtype()
            );
        }
    }
    let _ = message.dig_text();
}

/// A DKIM key read from a paste or from DER prints as a record that parses
/// back to the same key.
pub fn assert_key_round_trip(key: &maildns::dkim::DkimKey) {
    let printed = key.to_string();
    assert_eq!(
        maildns::dkim::DkimKey::parse(&printed).as_ref(),
        Ok(key),
        "printed as {printed:?}"
    );
}
