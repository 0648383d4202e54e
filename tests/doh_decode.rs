//! DoH JSON decoding: every stored response (tests/vectors/doh, sources in its
//! SOURCES.md) decodes to the expected typed answer, and a table of every
//! quirk listed in tests/vectors/doh/FORMATS.md §4.

use maildns::dns::doh_json::{decode_json_response, rcode_name};
use maildns::dns::{Answer, DnsError, Rdata, RecordType};
use maildns::model::{Caa, Mx, Name, Txt};
use std::net::{Ipv4Addr, Ipv6Addr};
use std::path::Path;

/// Removes the `//` annotations of the Google doc examples (outside strings).
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '/' && chars.peek() == Some(&'/') {
            for skipped in chars.by_ref() {
                if skipped == '\n' {
                    out.push('\n');
                    break;
                }
            }
        } else {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

fn body(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors/doh")
        .join(file);
    strip_comments(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}")))
}

fn a(s: &str) -> Rdata {
    Rdata::A(s.parse::<Ipv4Addr>().expect("v4"))
}

fn mx(p: u16, host: &str) -> Rdata {
    Rdata::Mx(Mx::new(p, Name::host(host).expect("host")))
}

fn txt(strings: &[&str]) -> Rdata {
    Rdata::Txt(Txt {
        strings: strings.iter().map(|s| s.as_bytes().to_vec()).collect(),
    })
}

/// The answer's records and AD bit, without its TTL: the cases here are
/// about reading the data; the TTL has its own checks (the stored responses
/// below, and the decoder's unit tests).
fn decode_json(body: &str, qname: &str, qtype: RecordType) -> Result<Answer, DnsError> {
    maildns::dns::decode_json(body, qname, qtype).map(|a| Answer { ttl: None, ..a })
}

fn ok(records: Vec<Rdata>, ad: bool) -> Result<Answer, DnsError> {
    Ok(Answer {
        records,
        authenticated_data: ad,
        ttl: None,
    })
}

#[test]
fn every_stored_response_decodes_to_its_answer() {
    let dkim_1 = "k=rsa;  p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDrEee0Ri4Juz+QfiWYui/E9UGSXau/2P8LjnTD8V4Unn+2FAZVGE3kL23bzeoULYv4PeleB3gfm";
    let dkim_2 = "JiDJOKU3Ns5L4KJAUUHjFwDebt0NP+sBK0VKeTATL2Yr/S3bT/xhy+1xtj4RkdV7fVxTn56Lb4udUnwuxK4V5b5PdOKj/+XcwIDAQAB; n=A 1024 bit key;";
    let cases: Vec<(&str, &str, RecordType, Result<Answer, DnsError>)> = vec![
        (
            "cloudflare-2019-SERVFAIL-TLSA-cdnjs.dev.json",
            "cdnjs.dev",
            RecordType::Tlsa,
            Err(DnsError::ServFail),
        ),
        (
            "cloudflare-2025-A-no-trailing-dot.json",
            "cloudflare.com.",
            RecordType::A,
            ok(vec![a("104.16.132.229"), a("104.16.133.229")], true),
        ),
        (
            "cloudflare-doc-400-error.json",
            "example.com",
            RecordType::A,
            Err(DnsError::BadRequest(
                "Invalid CD flag `2`. Expected to be empty or one of `0`, `false`, `1`, or `true`.".into(),
            )),
        ),
        (
            "cloudflare-doc-AAAA-example.com.json",
            "example.com",
            RecordType::Aaaa,
            ok(
                vec![Rdata::Aaaa(
                    "2606:2800:220:1:248:1893:25c8:1946"
                        .parse::<Ipv6Addr>()
                        .expect("v6"),
                )],
                true,
            ),
        ),
        (
            "google-2019-A-cname-chain-sendgrid.json",
            "www.sendgrid.com",
            RecordType::A,
            ok(
                vec![
                    a("169.45.113.198"),
                    a("167.89.118.63"),
                    a("169.45.89.183"),
                    a("167.89.118.65"),
                ],
                false,
            ),
        ),
        (
            "google-2019-A-www.google.com.json",
            "www.google.com",
            RecordType::A,
            ok(vec![a("172.217.11.164")], false),
        ),
        (
            "google-2019-MX-gmail.json",
            "gmail.com",
            RecordType::Mx,
            ok(
                vec![
                    mx(30, "alt3.gmail-smtp-in.l.google.com"),
                    mx(5, "gmail-smtp-in.l.google.com"),
                    mx(40, "alt4.gmail-smtp-in.l.google.com"),
                    mx(10, "alt1.gmail-smtp-in.l.google.com"),
                    mx(20, "alt2.gmail-smtp-in.l.google.com"),
                ],
                false,
            ),
        ),
        (
            "google-2019-TXT-google.com-quoted.json",
            "google.com",
            RecordType::Txt,
            ok(
                vec![
                    txt(&["facebook-domain-verification=22rm551cu4k0ab0bxsw536tlds4h95"]),
                    txt(&["globalsign-smime-dv=CDYX+XFHUw2wml6/Gb8+59BsH31KzUr6c1l2BPvqKX8="]),
                    txt(&["docusign=05958488-4752-4ef2-95eb-aa7ba8a3bd0e"]),
                    txt(&["docusign=1b0a6754-49b1-4db5-8540-d2c12664b289"]),
                    txt(&["v=spf1 include:_spf.google.com ~all"]),
                ],
                false,
            ),
        ),
        (
            "google-doc-A-apple.com.jsonc",
            "apple.com",
            RecordType::A,
            ok(
                vec![a("17.178.96.59"), a("17.172.224.47"), a("17.142.160.59")],
                false,
            ),
        ),
        (
            "google-doc-SERVFAIL-dnssec-failed.jsonc",
            "dnssec-failed.org",
            RecordType::A,
            Err(DnsError::ServFail),
        ),
        (
            "google-doc-SPF99-quoted.jsonc",
            "*.dns-example.info",
            RecordType::Spf,
            ok(
                vec![Rdata::Spf(Txt {
                    strings: vec![b"v=spf1 -all".to_vec()],
                })],
                false,
            ),
        ),
        (
            "google-doc-TXT-multistring-dkim.jsonc",
            "s1024._domainkey.yahoo.com",
            RecordType::Txt,
            ok(vec![txt(&[dkim_1, dkim_2])], false),
        ),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/doh");
    let files = std::fs::read_dir(dir)
        .expect("vectors")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".json"))
        .count();
    assert_eq!(files, cases.len(), "every stored response has a case");
    for (file, qname, qtype, want) in cases {
        let got = maildns::dns::decode_json(&body(file), qname, qtype);
        // Every stored answer gives its records' TTLs: the answer has one.
        if let Ok(a) = &got {
            assert!(a.ttl.is_some(), "{file}: no TTL");
        }
        // The records and the AD bit, as stored; the TTL is checked above.
        let got = got.map(|a| Answer { ttl: None, ..a });
        assert_eq!(got, want, "{file}");
    }
}

#[test]
fn full_response_keeps_everything() {
    let r = decode_json_response(&body("google-2019-MX-gmail.json")).expect("decodes");
    assert_eq!(
        (r.status, r.tc, r.rd, r.ra, r.ad, r.cd),
        (0, false, true, true, false, false)
    );
    assert_eq!(r.question.len(), 1);
    assert_eq!(
        (r.question[0].name.as_str(), r.question[0].rtype),
        ("gmail.com.", RecordType::Mx)
    );
    assert_eq!(r.answer.len(), 5);
    assert_eq!(
        (r.answer[1].ttl, r.answer[1].data.as_str()),
        (3599, "5 gmail-smtp-in.l.google.com.")
    );
    assert_eq!(r.comment.as_deref(), Some("Response from 2001:4860:4802:32::a."));
    let dig = r.dig_text();
    assert!(dig.starts_with(";; status: NOERROR, flags: rd ra\n"), "{dig}");
    assert!(dig.contains(";gmail.com.\t\tIN\tMX\n"), "{dig}");
    assert!(
        dig.contains("\n;; ANSWER SECTION:\ngmail.com.\t3599\tIN\tMX\t30 alt3.gmail-smtp-in.l.google.com.\n"),
        "{dig}"
    );
    assert!(
        dig.ends_with(";; Comment: Response from 2001:4860:4802:32::a.\n"),
        "{dig}"
    );

    let apple = decode_json_response(&body("google-doc-A-apple.com.jsonc")).expect("decodes");
    assert_eq!(apple.edns_client_subnet.as_deref(), Some("12.34.56.78/0"));
    let fail = decode_json_response(&body("google-doc-SERVFAIL-dnssec-failed.jsonc")).expect("decodes");
    assert_eq!(fail.status, 2);
    assert!(fail
        .comment
        .as_deref()
        .unwrap_or("")
        .starts_with("DNSSEC validation failure"));
    assert!(fail.dig_text().starts_with(";; status: SERVFAIL"));
    let json = serde_json::to_value(&r).expect("serializes");
    assert_eq!(json["answer"][0]["rtype"], "MX");
    assert_eq!(rcode_name(3), "NXDOMAIN");
    assert_eq!(rcode_name(23), "RCODE23");
}

/// A NOERROR body with `answer` as the Answer section (JSON text).
fn with_answer(answer: &str) -> String {
    format!(
        r#"{{"Status":0,"TC":false,"RD":true,"RA":true,"AD":false,"CD":false,"Question":[{{"name":"example.com.","type":16}}],"Answer":{answer}}}"#
    )
}

fn rr(name: &str, t: u16, data: &str) -> String {
    format!(
        r#"{{"name":{},"type":{t},"TTL":300,"data":{}}}"#,
        serde_json::Value::from(name),
        serde_json::Value::from(data)
    )
}

#[test]
fn txt_forms() {
    // (data as the server sends it, after JSON decoding) -> strings
    let cases: &[(&str, &[&str])] = &[
        ("v=spf1 -all", &["v=spf1 -all"]),
        ("\"v=spf1 -all\"", &["v=spf1 -all"]),
        ("\"v=spf1 \"\"-all\"", &["v=spf1 ", "-all"]),
        ("\"v=spf1 \" \"-all\"", &["v=spf1 ", "-all"]),
        ("\"say \\\"hi\\\"\"", &["say \"hi\""]),
        ("\"back\\\\slash\"", &["back\\slash"]),
        ("\"caf\\195\\169\"", &["café"]),
        ("\"\"", &[""]),
    ];
    for (data, strings) in cases {
        let body = with_answer(&format!("[{}]", rr("example.com.", 16, data)));
        assert_eq!(
            decode_json(&body, "example.com", RecordType::Txt),
            ok(vec![txt(strings)], false),
            "{data}"
        );
    }
    // Several TXT records are several answers; a long unquoted value keeps its bytes.
    let long = "x".repeat(300);
    let body = with_answer(&format!(
        "[{},{}]",
        rr("example.com.", 16, "\"a\""),
        rr("example.com.", 16, &long)
    ));
    let got = decode_json(&body, "example.com", RecordType::Txt).expect("answer");
    assert_eq!(got.records.len(), 2);
    assert_eq!(got.records[1].txt_joined(), Some(long));
}

#[test]
fn sections_omitted_null_or_named_extra() {
    let nodata = r#"{"Status":0,"Question":[{"name":"example.com.","type":15}],"Authority":[{"name":"example.com.","type":6,"TTL":3600,"data":"ns.example.com. hostmaster.example.com. 1 2 3 4 5"}]}"#;
    assert_eq!(
        decode_json(nodata, "example.com", RecordType::Mx),
        Err(DnsError::NoData)
    );
    let r = decode_json_response(nodata).expect("decodes");
    assert_eq!(r.authority.len(), 1);
    assert_eq!(r.authority[0].rtype, RecordType::Soa);

    let adguard = r#"{"Status":0,"Question":[{"name":"example.com.","type":1}],"Answer":null,"Authority":null,"Extra":[{"name":"example.com.","type":1,"TTL":5,"data":"192.0.2.1","class":1}]}"#;
    assert_eq!(
        decode_json(adguard, "example.com", RecordType::A),
        Err(DnsError::NoData)
    );
    let r = decode_json_response(adguard).expect("decodes");
    assert_eq!(r.additional.len(), 1);

    let bare = r#"{"Status":0}"#;
    assert_eq!(
        decode_json(bare, "example.com", RecordType::A),
        Err(DnsError::NoData)
    );
}

#[test]
fn question_as_array_or_object() {
    let ali = r#"{"Status":0,"Question":{"name":"example.com.","type":1},"Answer":[{"name":"example.com.","type":1,"TTL":5,"data":"192.0.2.1"}]}"#;
    let r = decode_json_response(ali).expect("decodes");
    assert_eq!(r.question.len(), 1);
    assert_eq!(r.question[0].rtype, RecordType::A);
    assert_eq!(
        decode_json(ali, "example.com", RecordType::A),
        ok(vec![a("192.0.2.1")], false)
    );
    let texty = r#"{"Status":0,"Question":[{"name":"example.com","type":"mx"}],"Answer":[{"name":"example.com","type":"MX","TTL":5,"data":"10 mx.example.com"}]}"#;
    assert_eq!(
        decode_json(texty, "example.com", RecordType::Mx),
        ok(vec![mx(10, "mx.example.com")], false)
    );
}

#[test]
fn cname_chains_in_any_order_and_case() {
    let chain = [
        rr("B.example.net", 1, "192.0.2.7"),
        rr("a.example.org.", 5, "B.Example.NET."),
        rr("WWW.example.com.", 5, "a.example.org"),
        rr("other.example.", 1, "192.0.2.99"),
        rr(
            "b.example.net.",
            46,
            "A 8 3 300 20260101000000 20251201000000 1 example.net. AAAA",
        ),
    ];
    let body = with_answer(&format!("[{}]", chain.join(",")));
    assert_eq!(
        decode_json(&body, "www.example.com.", RecordType::A),
        ok(vec![a("192.0.2.7")], false),
        "follows the chain, skips the unrelated A and the RRSIG"
    );
    assert_eq!(
        decode_json(&body, "www.example.com", RecordType::Cname),
        ok(vec![Rdata::Cname(Name::host("a.example.org").expect("n"))], false),
        "a CNAME question gets the CNAME"
    );
    assert_eq!(
        decode_json(&body, "www.example.com", RecordType::Aaaa),
        Err(DnsError::NoData)
    );
    let looped = with_answer(&format!(
        "[{},{}]",
        rr("a.example.", 5, "b.example."),
        rr("b.example.", 5, "a.example.")
    ));
    assert!(matches!(
        decode_json(&looped, "a.example", RecordType::A),
        Err(DnsError::Malformed(_))
    ));
}

#[test]
fn caa_and_tlsa_in_both_forms() {
    let caa = with_answer(&format!(
        "[{},{}]",
        rr("example.com.", 257, "0 issue \"comodoca.com\" "),
        rr(
            "example.com.",
            257,
            "\\# 21 00 05 69 73 73 75 65 67 6c 6f 62 61 6c 73 69 67 6e 2e 63 6f 6d"
        )
    ));
    assert_eq!(
        decode_json(&caa, "example.com", RecordType::Caa),
        ok(
            vec![
                Rdata::Caa(Caa::issue("comodoca.com")),
                Rdata::Caa(Caa::issue("globalsign.com"))
            ],
            false
        )
    );
    let hash = "0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6";
    let tlsa = with_answer(&format!(
        "[{},{}]",
        rr("_25._tcp.mx.example.com.", 52, &format!("3 1 1 {hash}")),
        rr("_25._tcp.mx.example.com.", 52, &format!("\\# 35 03 01 01 {hash}"))
    ));
    let got = decode_json(&tlsa, "_25._tcp.mx.example.com", RecordType::Tlsa).expect("tlsa");
    assert_eq!(got.records.len(), 2);
    assert_eq!(got.records[0], got.records[1]);
    assert_eq!(got.records[0].to_string(), format!("3 1 1 {hash}"));
}

#[test]
fn names_dns_carries_but_hosts_may_not_use() {
    // An MX target that looks like an address is kept, so the checker can report it.
    let body = with_answer(&format!("[{}]", rr("example.com.", 15, "10 192.0.2.1.")));
    let got = decode_json(&body, "example.com", RecordType::Mx).expect("mx");
    assert_eq!(got.records[0].to_string(), "10 192.0.2.1.");
    let codes: Vec<&str> = got.records[0]
        .lint("example.com")
        .iter()
        .map(|f| f.code)
        .collect();
    assert_eq!(codes, vec!["mx.ip_literal"]);
}

#[test]
fn status_codes() {
    let with_status = |s: u32| format!(r#"{{"Status":{s},"Question":[{{"name":"example.com.","type":1}}]}}"#);
    let cases = [
        (0, Err(DnsError::NoData)),
        (2, Err(DnsError::ServFail)),
        (3, Err(DnsError::NxDomain)),
        (5, Err(DnsError::Refused)),
        (1, Err(DnsError::Malformed("status FORMERR".into()))),
        (4, Err(DnsError::Malformed("status NOTIMP".into()))),
    ];
    for (status, want) in cases {
        assert_eq!(
            decode_json(&with_status(status), "example.com", RecordType::A),
            want,
            "{status}"
        );
    }
    // NXDOMAIN wins over records (a CNAME to a missing name answers NXDOMAIN with the CNAME).
    let nx = format!(
        r#"{{"Status":3,"Answer":[{}]}}"#,
        rr("www.example.com.", 5, "gone.example.com.")
    );
    assert_eq!(
        decode_json(&nx, "www.example.com", RecordType::A),
        Err(DnsError::NxDomain)
    );
}

#[test]
fn bad_bodies() {
    let malformed = |b: &str| {
        matches!(
            decode_json(b, "example.com", RecordType::A),
            Err(DnsError::Malformed(_))
        )
    };
    for body in [
        "",
        "<html>400 Bad Request</html>",
        "[1,2]",
        r#"{"TC":false}"#,
        r#"{"Status":"0"}"#,
        r#"{"Status":0,"Answer":{"name":"x"}}"#,
        r#"{"Status":0,"Answer":[{"name":"example.com.","type":1}]}"#,
        // Cloudflare 2018: unescaped quotes made the body invalid JSON (FORMATS.md C-6).
        r#"{"Status": 0,"Answer":[{"name": "example.com.", "type": 16, "TTL": 28, "data": ""v=spf1 -all""}]}"#,
    ] {
        assert!(malformed(body), "{body}");
    }
    assert_eq!(
        decode_json(r#"{"error":"Invalid name"}"#, "x", RecordType::A),
        Err(DnsError::BadRequest("Invalid name".into()))
    );
    // An asked-type record whose data cannot be read is a malformed answer, not NODATA.
    let bad = with_answer(&format!("[{}]", rr("example.com.", 1, "not-an-address")));
    assert!(matches!(
        decode_json(&bad, "example.com", RecordType::A),
        Err(DnsError::Malformed(_))
    ));
}

#[test]
fn ad_flag_is_kept() {
    let body =
        r#"{"Status":0,"AD":true,"Answer":[{"name":"example.com.","type":1,"TTL":5,"data":"192.0.2.1"}]}"#;
    assert_eq!(
        decode_json(body, "EXAMPLE.com.", RecordType::A),
        ok(vec![a("192.0.2.1")], true)
    );
}
