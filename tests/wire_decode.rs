//! Decodes every RFC 8484 wire-format fixture in tests/vectors/wire/ (DNS
//! responses rendered by dnspython from the test zones, see
//! make_fixtures.py there) and checks the header, the sections and the
//! typed answer against what dnspython read; also checks that
//! `build_query` sends the same octets dnspython does.

use maildns::dns::doh_json::DohFlags;
use maildns::dns::doh_wire_resolver::DohWireResolver;
use maildns::dns::http::{HttpBytesReply, HttpGet, HttpReply};
use maildns::dns::wire::{build_query, decode_wire, decode_wire_response, TRUNCATED};
use maildns::dns::{DnsError, Rdata, RecordType, Resolver};
use maildns::model::UnknownData;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or_default().to_string()
}

fn num(v: &Value, key: &str) -> u64 {
    v.get(key).and_then(Value::as_u64).unwrap_or(u64::MAX)
}

/// A name as dnspython prints it: absolute with the dot, the root `.`.
fn fqdn(name: &maildns::model::Name) -> String {
    format!("{}.", name.as_str()).replace("..", ".")
}

/// Compares one decoded record with dnspython's fields.
fn same_record(got: &Rdata, want: &Value) -> Result<(), String> {
    let ok = match got {
        Rdata::A(a) => a.to_string() == text(want, "address"),
        Rdata::Aaaa(a) => a.to_string() == text(want, "address"),
        Rdata::Mx(mx) => {
            u64::from(mx.preference) == num(want, "preference")
                && fqdn(&mx.exchange) == text(want, "exchange")
        }
        Rdata::Txt(t) => {
            let strings: Vec<String> = t.strings.iter().map(|s| hex(s)).collect();
            let want: Vec<String> = want
                .get("strings_hex")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).map(String::from).collect())
                .unwrap_or_default();
            strings == want
        }
        Rdata::Ptr(p) => fqdn(&p.target) == text(want, "target"),
        Rdata::Cname(n) | Rdata::Ns(n) => fqdn(n) == text(want, "target"),
        Rdata::Soa(s) => {
            fqdn(&s.mname) == text(want, "mname")
                && fqdn(&s.rname) == text(want, "rname")
                && [s.serial, s.refresh, s.retry, s.expire, s.minimum].map(u64::from)
                    == ["serial", "refresh", "retry", "expire", "minimum"].map(|k| num(want, k))
        }
        Rdata::Srv(s) => {
            [s.priority, s.weight, s.port].map(u64::from)
                == ["priority", "weight", "port"].map(|k| num(want, k))
                && fqdn(&s.target) == text(want, "target")
        }
        Rdata::Caa(c) => {
            u64::from(c.flags) == num(want, "flags")
                && c.tag.as_str() == text(want, "tag")
                && c.value == text(want, "value")
        }
        Rdata::Tlsa(t) => {
            [t.usage, t.selector, t.matching_type].map(u64::from)
                == ["usage", "selector", "mtype"].map(|k| num(want, k))
                && hex(&t.data) == text(want, "cert_hex")
        }
        Rdata::Unknown {
            data: UnknownData::Bytes(b),
            ..
        } => hex(b) == text(want, "hex"),
        other => return Err(format!("unexpected data {other:?}")),
    };
    if ok {
        Ok(())
    } else {
        Err(format!("got {got:?} ({got}), want {want}"))
    }
}

/// (owner, type number, TTL) of each record of a section.
fn lines(v: &Value, key: &str) -> Vec<(String, u64, u64)> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|l| {
                    (
                        l.get(0).and_then(Value::as_str).unwrap_or_default().to_string(),
                        l.get(2).and_then(Value::as_u64).unwrap_or_default(),
                        l.get(3).and_then(Value::as_u64).unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn check(dir: &Path, case: &Value) -> Result<(), String> {
    let file = text(case, "file");
    let bytes = std::fs::read(dir.join(&file)).map_err(|e| format!("read: {e}"))?;
    let qname = text(case, "qname");
    let qtype = RecordType::from_number(num(case, "qtype_number") as u16);
    let dnssec_ok = case.get("dnssec_ok").and_then(Value::as_bool).unwrap_or(false);

    let query = build_query(&qname, qtype, dnssec_ok).map_err(|e| e.to_string())?;
    if hex(&query) != text(case, "query_hex") {
        return Err(format!(
            "query {} != dnspython {}",
            hex(&query),
            text(case, "query_hex")
        ));
    }

    let r = decode_wire_response(&bytes).map_err(|e| format!("decode: {e}"))?;
    let m = &r.message;
    if u64::from(m.status) != num(case, "rcode") {
        return Err(format!("rcode {}", m.status));
    }
    let flags = case.get("flags").cloned().unwrap_or_default();
    let flag = |k: &str| flags.get(k).and_then(Value::as_bool).unwrap_or(false);
    let got_flags = [r.aa, m.tc, m.rd, m.ra, m.ad, m.cd];
    let want_flags = ["aa", "tc", "rd", "ra", "ad", "cd"].map(flag);
    if got_flags != want_flags {
        return Err(format!("flags {got_flags:?} != {want_flags:?}"));
    }
    if r.id != 0 {
        return Err(format!("id {}", r.id));
    }
    let edns_do = case.get("edns_do").and_then(Value::as_bool).unwrap_or(false);
    if r.edns.as_ref().map(|e| (e.udp_size, e.dnssec_ok)) != Some((1232, edns_do)) {
        return Err(format!("edns {:?}", r.edns));
    }
    for (key, section) in [("answer", &m.answer), ("authority", &m.authority)] {
        let got: Vec<(String, u64, u64)> = section
            .iter()
            .map(|rec| {
                (
                    rec.name.clone(),
                    u64::from(rec.rtype.number()),
                    u64::from(rec.ttl),
                )
            })
            .collect();
        let want = lines(case, key);
        if got != want {
            return Err(format!("{key} section {got:?} != {want:?}"));
        }
    }
    if case.get("compressed").and_then(Value::as_bool) == Some(true)
        && !bytes.windows(2).any(|w| w == [0xc0, 0x0c])
    {
        return Err("expected a compression pointer".into());
    }
    let _ = r.dig_text();

    let outcome = decode_wire(&bytes, &qname, qtype);
    if let Some(error) = case.get("error").and_then(Value::as_str) {
        let want = match error {
            "nxdomain" => DnsError::NxDomain,
            "nodata" => DnsError::NoData,
            "servfail" => DnsError::ServFail,
            "refused" => DnsError::Refused,
            "truncated" => DnsError::transport(maildns::dns::TransportKind::Truncated, TRUNCATED),
            other => return Err(format!("unknown expected error {other}")),
        };
        return if outcome == Err(want.clone()) {
            Ok(())
        } else {
            Err(format!("got {outcome:?}, want {want:?}"))
        };
    }
    let answer = outcome.map_err(|e| format!("answer: {e}"))?;
    let want = case
        .get("records")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if answer.records.len() != want.len() {
        return Err(format!("{} records, want {}", answer.records.len(), want.len()));
    }
    for (got, want) in answer.records.iter().zip(&want) {
        same_record(got, want)?;
    }
    if answer.authenticated_data != flag("ad") {
        return Err("authenticated_data differs from AD".into());
    }
    Ok(())
}

/// Every prefix of the message, and the message with each octet replaced by
/// a few telling values (pointer bits, length 63, 0, 255, off by one),
/// decode without panicking; returns how many were tried.
fn mutations(bytes: &[u8], qname: &str, qtype: RecordType) -> usize {
    let mut tried = 0;
    for end in 0..bytes.len() {
        let _ = decode_wire(bytes.get(..end).unwrap_or_default(), qname, qtype);
        tried += 1;
    }
    let mut m = bytes.to_vec();
    for i in 0..m.len() {
        let original = m[i];
        for v in [
            0x00,
            0xff,
            0xc0,
            0x3f,
            0x0c,
            original.wrapping_add(1),
            original.wrapping_sub(1),
        ] {
            m[i] = v;
            if let Ok(r) = decode_wire_response(&m) {
                let _ = r.dig_text();
                let _ = r.answer_for(qname, qtype);
            }
            tried += 1;
        }
        m[i] = original;
    }
    tried
}

/// HTTP/1.1 GET over a plain socket, enough for the local test server.
struct LocalHttp {
    base: String,
}

impl LocalHttp {
    fn fetch(&self, url: &str, accept: &str) -> Result<HttpBytesReply, String> {
        let path = url.strip_prefix(&self.base).ok_or("not the local server")?;
        let host = self.base.trim_start_matches("http://");
        let mut stream = TcpStream::connect(host).map_err(|e| e.to_string())?;
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: {accept}\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).map_err(|e| e.to_string())?;
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .ok_or("no header end")?;
        let head = String::from_utf8_lossy(&raw[..split]).to_string();
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or("no status")?;
        let content_type = head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-type")
                .then(|| v.trim().to_string())
        });
        Ok(HttpBytesReply {
            status,
            content_type,
            body: raw[split + 4..].to_vec(),
        })
    }
}

impl HttpGet for LocalHttp {
    async fn get(&self, _url: &str) -> Result<HttpReply, DnsError> {
        Err(DnsError::Transport("wire only".into()))
    }

    async fn get_bytes(&self, url: &str, accept: &str) -> Result<HttpBytesReply, DnsError> {
        self.fetch(url, accept).map_err(|e| DnsError::Transport(e.into()))
    }
}

/// Asks tests/doh/server.py (Debian's dnspython) through DohWireResolver:
/// the GET `?dns=` URL, the Accept header and the decoding end to end.
/// Returns (passed, failed), or None when the server cannot start.
fn live_server(repo: &Path) -> Option<(usize, usize)> {
    let mut child = Command::new("/usr/bin/python3")
        .current_dir(repo)
        .args([
            "tests/doh/server.py",
            "--port",
            "0",
            "--lifetime",
            "120",
            "--ad-zone",
            "good-mail.net",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let port = child.stdout.take().and_then(|out| {
        BufReader::new(out)
            .lines()
            .map_while(Result::ok)
            .find_map(|l| l.strip_prefix("LISTENING ").map(|p| p.trim().to_string()))
    });
    let outcome = port.map(|port| {
        let base = format!("http://127.0.0.1:{port}");
        let resolver = DohWireResolver::new(LocalHttp { base: base.clone() }, format!("{base}/dns-query"))
            .with_flags(DohFlags {
                checking_disabled: false,
                dnssec_ok: true,
            });
        let ask = |name: &str, t: RecordType| futures::executor::block_on(resolver.query(name, t));
        let text = |r: Result<maildns::dns::Answer, DnsError>| match r {
            Ok(a) => a
                .records
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(" | "),
            Err(e) => format!("error {}", e.code()),
        };
        let checks: Vec<(&str, RecordType, String)> = vec![
            ("good-mail.net", RecordType::Mx, "10 mail.good-mail.net.".into()),
            ("mx.mx-cname.net", RecordType::A, "185.47.112.21".into()),
            ("nope.good-mail.net", RecordType::A, "error dns.nxdomain".into()),
            ("mail.good-mail.net", RecordType::Txt, "error dns.nodata".into()),
            (
                "_25._tcp.mail.good-mail.net",
                RecordType::Tlsa,
                "3 1 1 e45af1b1d677c5c97c35eb6084bba7ad2849a190bf3f24917c70a534d36a320f".into(),
            ),
            (
                "10.112.47.185.in-addr.arpa",
                RecordType::Ptr,
                "mail.good-mail.net.".into(),
            ),
        ];
        let (mut passed, mut failed) = (0, 0);
        for (name, t, want) in checks {
            let got = text(ask(name, t));
            if got == want {
                passed += 1;
            } else {
                failed += 1;
                eprintln!("FAIL live {name} {t}: got {got}, want {want}");
            }
        }
        // The DKIM key: one record of two character-strings, AD set.
        match ask("s202611._domainkey.good-mail.net", RecordType::Txt) {
            Ok(a)
                if a.authenticated_data
                    && matches!(&a.records[..], [Rdata::Txt(t)] if t.strings.len() == 2
                    && t.value().starts_with("v=DKIM1; k=rsa; p=MIIB")) =>
            {
                passed += 1
            }
            other => {
                failed += 1;
                eprintln!("FAIL live DKIM TXT: {other:?}");
            }
        }
        (passed, failed)
    });
    // Closing stdin stops the server; then reap it.
    drop(child.stdin.take());
    let _ = child.kill();
    let _ = child.wait();
    outcome
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/wire");
    let json = std::fs::read_to_string(dir.join("expectations.json")).unwrap_or_default();
    let cases: Vec<Value> = serde_json::from_str(&json).unwrap_or_default();
    let (mut passed, mut failed) = (0, 0);
    let mut mutated = 0;
    for case in &cases {
        if let Ok(bytes) = std::fs::read(dir.join(text(case, "file"))) {
            let qtype = RecordType::from_number(num(case, "qtype_number") as u16);
            mutated += mutations(&bytes, &text(case, "qname"), qtype);
        }
        match check(&dir, case) {
            Ok(()) => passed += 1,
            Err(e) => {
                failed += 1;
                eprintln!("FAIL {}: {e}", text(case, "file"));
            }
        }
    }
    println!("wire fixtures: {passed} passed, {failed} failed");
    println!("wire mutations: {mutated} decoded without panic");
    match live_server(Path::new(env!("CARGO_MANIFEST_DIR"))) {
        Some((p, f)) => {
            println!("wire live server: {p} passed, {f} failed");
            passed += p;
            failed += f;
        }
        None => println!("wire live server: skipped (tests/doh/server.py did not start)"),
    }
    if failed > 0 || passed < 20 {
        std::process::exit(1);
    }
}
