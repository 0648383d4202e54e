//! Conformance: every answer in the stored DNS-over-HTTPS JSON responses
//! (tests/vectors/doh, sources in its SOURCES.md) decodes through
//! `Rdata::parse_lenient` into typed data whose zone-file form parses back
//! strictly to the same data.

use maildns::model::{Name, Rdata, Record, RecordType};
use std::path::Path;

/// Removes `//` comments outside JSON strings (the Google doc examples are
/// annotated that way).
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '/' && chars.peek() == Some(&'/') {
            for skipped in chars.by_ref() {
                if skipped == '\n' {
                    out.push('\n');
                    break;
                }
            }
        } else {
            if c == '"' {
                in_string = true;
            }
            out.push(c);
        }
    }
    out
}

fn answers(file: &str) -> Vec<Record> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors/doh")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let json: serde_json::Value =
        serde_json::from_str(&strip_comments(&text)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut out = Vec::new();
    for answer in json["Answer"].as_array().into_iter().flatten() {
        let owner = answer["name"].as_str().expect("name");
        // `*` (a wildcard label, RFC 4592) is not accepted by `Name`; such an
        // answer keeps the wildcard owner out and is checked for its data only.
        let name = Name::service(owner).unwrap_or_else(|_| {
            assert!(owner.starts_with("*."), "{file}: bad owner {owner}");
            Name::service(&owner[2..]).expect("owner below the wildcard")
        });
        let rtype = RecordType::from_number(answer["type"].as_u64().expect("type") as u16);
        let ttl = answer["TTL"].as_u64().expect("TTL") as u32;
        let data = answer["data"].as_str().expect("data");
        let rdata = Rdata::parse_lenient(rtype, data).unwrap_or_else(|e| panic!("{file}: {data}: {e}"));
        assert_eq!(rdata.rtype(), rtype, "{file}: {data}");
        // The printed form is strict zone-file text and reads back the same.
        assert_eq!(
            Rdata::parse(rtype, &rdata.to_string()),
            Ok(rdata.clone()),
            "{file}: {data}"
        );
        out.push(Record::new(name, ttl, rdata));
    }
    out
}

#[test]
fn every_stored_answer_decodes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/doh");
    let mut files = 0;
    for entry in std::fs::read_dir(dir).expect("vectors") {
        let file = entry.expect("entry").file_name().to_string_lossy().into_owned();
        if file.ends_with(".json") || file.ends_with(".jsonc") {
            answers(&file);
            files += 1;
        }
    }
    assert_eq!(files, 12);
}

#[test]
fn mx_answers_keep_preference_and_host() {
    let lines: Vec<String> = answers("google-2019-MX-gmail.json")
        .iter()
        .map(Record::to_string)
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(
        lines[0],
        "gmail.com. 3599 IN MX 30 alt3.gmail-smtp-in.l.google.com."
    );
    assert_eq!(lines[1], "gmail.com. 3599 IN MX 5 gmail-smtp-in.l.google.com.");
}

#[test]
fn multi_string_txt_joins_without_separator() {
    let records = answers("google-doc-TXT-multistring-dkim.jsonc");
    let Rdata::Txt(txt) = &records[0].rdata else {
        panic!("not TXT: {:?}", records[0].rdata)
    };
    assert_eq!(txt.strings.len(), 2);
    let value = txt.value();
    assert!(
        value.starts_with("k=rsa;  p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDrEee0"),
        "{value}"
    );
    assert!(
        value.contains("B3gfmJiDJOKU3Ns5L4KJ"),
        "the two strings join with nothing between: {value}"
    );
    assert!(value.ends_with("n=A 1024 bit key;"), "{value}");
}

#[test]
fn quoted_txt_and_spf() {
    let txt = answers("google-2019-TXT-google.com-quoted.json");
    assert_eq!(txt.len(), 5);
    assert_eq!(
        txt[4].to_string(),
        "google.com. 3599 IN TXT \"v=spf1 include:_spf.google.com ~all\""
    );
    let spf = answers("google-doc-SPF99-quoted.jsonc");
    assert_eq!(spf[0].rtype(), RecordType::Spf);
    assert_eq!(spf[0].rdata.to_string(), "\"v=spf1 -all\"");
}

#[test]
fn cname_chain_and_names_without_trailing_dot() {
    let chain = answers("google-2019-A-cname-chain-sendgrid.json");
    assert_eq!(
        chain[0].to_string(),
        "www.sendgrid.com. 988 IN CNAME sendgrid.com."
    );
    assert_eq!(chain[1].to_string(), "sendgrid.com. 89 IN A 169.45.113.198");
    let cf = answers("cloudflare-2025-A-no-trailing-dot.json");
    assert_eq!(cf[0].to_string(), "cloudflare.com. 142 IN A 104.16.132.229");
    let v6 = answers("cloudflare-doc-AAAA-example.com.json");
    assert_eq!(
        v6[0].to_string(),
        "example.com. 1726 IN AAAA 2606:2800:220:1:248:1893:25c8:1946"
    );
}

#[test]
fn error_bodies_have_no_answers() {
    for file in [
        "cloudflare-doc-400-error.json",
        "cloudflare-2019-SERVFAIL-TLSA-cdnjs.dev.json",
        "google-doc-SERVFAIL-dnssec-failed.jsonc",
    ] {
        assert!(answers(file).is_empty(), "{file}");
    }
}
