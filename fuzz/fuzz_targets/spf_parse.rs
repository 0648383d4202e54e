//! SPF records (RFC 7208 §4.6, §7): a parsed record prints as text that
//! parses back to the same terms; the lenient parse and the linter never
//! panic, report catalogued codes and point inside the text; a record
//! that parses strictly parses leniently to the same terms with no error.
#![no_main]
use libfuzzer_sys::fuzz_target;
use maildns::spf::{lint_record, parse_lenient, parse_record, static_lookup_count, Term};

fn terms(record: &maildns::spf::SpfRecord) -> Vec<Term> {
    record.terms.iter().map(|t| t.term.clone()).collect()
}

fuzz_target!(|data: &[u8]| {
    let text = maildns_fuzz::text(data);
    let (lenient, errors) = parse_lenient(&text);
    for e in &errors {
        maildns_fuzz::assert_catalogued(e.code());
        assert!(e.span.start <= e.span.end && e.span.end <= text.len(), "{e}");
    }
    for t in &lenient.terms {
        assert!(t.span.start <= t.span.end && t.span.end <= text.len());
    }
    match parse_record(&text) {
        Ok(record) => {
            let printed = record.to_string();
            let again = parse_record(&printed).expect("a printed record parses");
            assert_eq!(terms(&again), terms(&record), "printed as {printed:?}");
            assert!(
                errors.is_empty(),
                "strict parse passed, lenient reported {errors:?}"
            );
            assert_eq!(terms(&lenient), terms(&record));
            let _ = static_lookup_count(&record);
        }
        Err(e) => {
            maildns_fuzz::assert_catalogued(e.code());
            assert!(e.span.start <= e.span.end && e.span.end <= text.len(), "{e}");
        }
    }
    maildns_fuzz::assert_findings(&lint_record("example.com", &text), Some(text.len()));
});
