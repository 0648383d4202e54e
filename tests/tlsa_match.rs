//! DANE matching over certificates made at test time by Debian's `openssl`
//! (issue 19 item 3): an RSA root CA, an ECDSA P-256 intermediate, an RSA
//! leaf and an ECDSA leaf, a renewal of the RSA leaf with the same key and
//! a next key for the rollover. Every expected association value comes from
//! `openssl` itself (`x509 -outform DER`, `x509 -pubkey | pkey -pubin
//! -outform DER`, `dgst -sha256/-sha512`), never from the crate.
//!
//! Prints `tlsa match: N passed, M failed` and fails when M > 0.

use maildns::dane::{self, Presented};
use maildns::i18n::code;
use maildns::model::Tlsa;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Tally {
    passed: usize,
    failed: Vec<String>,
}

impl Tally {
    fn check(&mut self, name: &str, ok: bool, detail: impl FnOnce() -> String) {
        if ok {
            self.passed += 1;
        } else {
            self.failed.push(format!("{name}: {}", detail()));
        }
    }
}

fn sh(dir: &Path, script: &str) -> Vec<u8> {
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .output()
        .expect("sh runs");
    assert!(
        out.status.success(),
        "`{script}` failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn read(dir: &Path, file: &str) -> Vec<u8> {
    std::fs::read(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn text(dir: &Path, file: &str) -> String {
    String::from_utf8(read(dir, file)).expect("PEM is text")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex"))
        .collect()
}

/// Makes the certificates; returns the directory.
fn make_pki() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("maildns-tlsa-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    sh(
        &dir,
        r#"set -e
printf 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n' > ca.ext
printf 'basicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:mx1.example.test\n' > leaf.ext
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30 -subj '/CN=Test Root CA' 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout int.key -out int.csr -subj '/CN=Test Intermediate CA' 2>/dev/null
openssl x509 -req -in int.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out int.pem -days 30 -extfile ca.ext 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout rsa.key -out rsa.csr -subj '/CN=mx1.example.test' 2>/dev/null
openssl x509 -req -in rsa.csr -CA int.pem -CAkey int.key -CAcreateserial -out rsa.pem -days 30 -extfile leaf.ext 2>/dev/null
openssl x509 -req -in rsa.csr -CA int.pem -CAkey int.key -CAcreateserial -out rsa-renewed.pem -days 60 -extfile leaf.ext 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ec.key -out ec.csr -subj '/CN=mx2.example.test' 2>/dev/null
openssl x509 -req -in ec.csr -CA int.pem -CAkey int.key -CAcreateserial -out ec.pem -days 30 -extfile leaf.ext 2>/dev/null
for c in ca int rsa rsa-renewed ec; do
  openssl x509 -in $c.pem -outform DER -out $c.cert.der
  openssl x509 -in $c.pem -pubkey -noout | openssl pkey -pubin -outform DER -out $c.spki.der
  openssl x509 -in $c.pem -pubkey -noout > $c.pub.pem
  for s in cert spki; do
    openssl dgst -sha256 -r $c.$s.der | cut -d' ' -f1 > $c.$s.sha256
    openssl dgst -sha512 -r $c.$s.der | cut -d' ' -f1 > $c.$s.sha512
  done
done
cat rsa.pem int.pem ca.pem > chain.pem
"#,
    );
    dir
}

/// What openssl says the association data is.
fn expected(dir: &Path, cert: &str, selector: u8, matching: u8) -> Vec<u8> {
    let s = if selector == 0 { "cert" } else { "spki" };
    match matching {
        0 => read(dir, &format!("{cert}.{s}.der")),
        1 => unhex(text(dir, &format!("{cert}.{s}.sha256")).trim()),
        _ => unhex(text(dir, &format!("{cert}.{s}.sha512")).trim()),
    }
}

fn record(dir: &Path, usage: u8, cert: &str, selector: u8, matching: u8) -> Tlsa {
    Tlsa {
        usage,
        selector,
        matching_type: matching,
        data: expected(dir, cert, selector, matching),
    }
}

fn one(text: &str) -> Presented {
    let read = dane::read_presented(text);
    assert!(read.findings.is_empty(), "{:?}", read.findings);
    read.items.into_iter().next().expect("one item")
}

fn codes(findings: &[maildns::finding::Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.code).collect()
}

fn main() {
    let dir = make_pki();
    let mut t = Tally {
        passed: 0,
        failed: Vec::new(),
    };
    let host = "mx1.example.test";

    // The chain, as -showcerts prints it: leaf, intermediate, root.
    let chain = dane::read_presented(&text(&dir, "chain.pem"));
    t.check(
        "chain reads whole",
        chain.findings.is_empty() && chain.items.len() == 3,
        || format!("{:?}", codes(&chain.findings)),
    );
    let names: Vec<Option<&str>> = chain.items.iter().map(|p| p.subject_cn.as_deref()).collect();
    t.check(
        "subject names",
        names
            == [
                Some("mx1.example.test"),
                Some("Test Intermediate CA"),
                Some("Test Root CA"),
            ],
        || format!("{names:?}"),
    );
    t.check(
        "issuer name",
        chain.items.first().and_then(|p| p.issuer_cn.as_deref()) == Some("Test Intermediate CA"),
        || "leaf issuer".into(),
    );

    // Every certificate × selector × matching type against openssl.
    for cert in ["rsa", "ec", "int", "ca"] {
        let item = one(&text(&dir, &format!("{cert}.pem")));
        for selector in [0u8, 1] {
            for matching in [0u8, 1, 2] {
                let want = expected(&dir, cert, selector, matching);
                let got = dane::association(&item, selector, matching);
                t.check(
                    &format!("{cert} {selector} {matching}"),
                    got.as_deref() == Some(want.as_slice()),
                    || format!("got {:?}, openssl {}", got.as_deref().map(hex), hex(&want)),
                );
            }
        }
        // The same key pasted as a PUBLIC KEY block: selector 1 only.
        let key = one(&text(&dir, &format!("{cert}.pub.pem")));
        for matching in [0u8, 1, 2] {
            let want = expected(&dir, cert, 1, matching);
            let got = dane::association(&key, 1, matching);
            t.check(
                &format!("{cert} public key 1 {matching}"),
                got.as_deref() == Some(want.as_slice()),
                || format!("got {:?}", got.as_deref().map(hex)),
            );
        }
        t.check(
            &format!("{cert} public key has no selector 0"),
            dane::association(&key, 0, 1).is_none(),
            || "selector 0 computed from a bare key".into(),
        );
    }

    // Usage 3 (DANE-EE): every selector/matching combination matches the
    // leaf (position 0) and nothing else (RFC 7672 §3.1.1).
    for selector in [0u8, 1] {
        for matching in [0u8, 1, 2] {
            let r = record(&dir, 3, "rsa", selector, matching);
            let c = dane::compare(std::slice::from_ref(&r), &chain.items, host);
            t.check(
                &format!("3 {selector} {matching} matches the leaf"),
                c.records.first().map(|m| m.matched.clone()) == Some(vec![0]) && c.any_match(),
                || {
                    format!(
                        "{:?} {:?}",
                        c.records.first().map(|m| &m.matched),
                        codes(&c.findings)
                    )
                },
            );
        }
    }
    // Usage 2 (DANE-TA): the intermediate and the root match at their
    // positions, for every combination (RFC 7672 §3.1.2).
    for (cert, position) in [("int", 1usize), ("ca", 2)] {
        for selector in [0u8, 1] {
            for matching in [0u8, 1, 2] {
                let r = record(&dir, 2, cert, selector, matching);
                let c = dane::compare(std::slice::from_ref(&r), &chain.items, host);
                t.check(
                    &format!("2 {selector} {matching} matches {cert}"),
                    c.records.first().map(|m| m.matched.clone()) == Some(vec![position]),
                    || format!("{:?}", c.records.first().map(|m| &m.matched)),
                );
            }
        }
    }
    // Usage 3 of the intermediate: a DANE-EE record never matches a CA.
    let c = dane::compare(&[record(&dir, 3, "int", 1, 1)], &chain.items, host);
    t.check(
        "3 1 1 of the intermediate matches nothing",
        !c.any_match() && codes(&c.findings).contains(&code::dane::NO_MATCH),
        || format!("{:?}", codes(&c.findings)),
    );
    // The fix offered is openssl's 3 1 1 of the leaf.
    let want_fix = format!("3 1 1 {}", text(&dir, "rsa.spki.sha256").trim().to_uppercase());
    let fix = c
        .findings
        .iter()
        .find(|f| f.code == code::dane::NO_MATCH)
        .and_then(|f| f.fix.clone());
    t.check(
        "no-match fix is 3 1 1 of the leaf",
        fix.as_deref().map(str::to_uppercase) == Some(want_fix.clone()),
        || format!("{fix:?} vs {want_fix}"),
    );
    // Usage 2 naming the leaf: not a match, said so.
    let c = dane::compare(&[record(&dir, 2, "rsa", 1, 1)], &chain.items, host);
    t.check(
        "2 1 1 of the leaf is flagged",
        !c.any_match() && codes(&c.findings).contains(&code::dane::TA_MATCHES_LEAF),
        || format!("{:?}", codes(&c.findings)),
    );
    // Usage 2 with only the leaf pasted: the TA was not sent.
    let leaf_only = dane::read_presented(&text(&dir, "rsa.pem"));
    let c = dane::compare(&[record(&dir, 2, "int", 1, 1)], &leaf_only.items, host);
    t.check(
        "2 1 1 with the leaf alone",
        codes(&c.findings).contains(&code::dane::TA_NOT_SENT),
        || format!("{:?}", codes(&c.findings)),
    );
    // Usages 0 and 1: reported, never matched (RFC 7672 §3.1.3).
    for usage in [0u8, 1] {
        let c = dane::compare(&[record(&dir, usage, "rsa", 1, 1)], &chain.items, host);
        t.check(
            &format!("usage {usage} is PKIX"),
            !c.any_match() && codes(&c.findings).contains(&code::tlsa::PKIX_USAGE),
            || format!("{:?}", codes(&c.findings)),
        );
    }
    // 3 0 0: the whole certificate in DNS.
    let c = dane::compare(&[record(&dir, 3, "rsa", 0, 0)], &chain.items, host);
    t.check(
        "3 0 0 is flagged as full data",
        codes(&c.findings).contains(&code::tlsa::FULL_DATA),
        || format!("{:?}", codes(&c.findings)),
    );
    // Only selector 0 matches: the next renewal breaks it, even with the
    // same key; the renewed certificate shows it.
    let c = dane::compare(&[record(&dir, 3, "rsa", 0, 1)], &chain.items, host);
    t.check(
        "3 0 1 alone warns",
        codes(&c.findings).contains(&code::dane::CERT_ONLY),
        || format!("{:?}", codes(&c.findings)),
    );
    let renewed = dane::read_presented(&format!(
        "{}{}",
        text(&dir, "rsa-renewed.pem"),
        text(&dir, "int.pem")
    ));
    let c = dane::compare(
        &[record(&dir, 3, "rsa", 0, 1), record(&dir, 3, "rsa", 1, 1)],
        &renewed.items,
        host,
    );
    let matched: Vec<Vec<usize>> = c.records.iter().map(|m| m.matched.clone()).collect();
    t.check(
        "after renewal 3 0 1 fails and 3 1 1 holds",
        matched == [vec![], vec![0]],
        || format!("{matched:?}"),
    );
    t.check(
        "3 0 1 + 3 1 1 does not warn",
        !codes(&c.findings).contains(&code::dane::CERT_ONLY),
        || format!("{:?}", codes(&c.findings)),
    );
    // No records: the fix offered is openssl's 3 1 1 of the leaf.
    let c = dane::compare(&[], &chain.items, host);
    let fix = c
        .findings
        .iter()
        .find(|f| f.code == code::dane::NO_RECORDS)
        .and_then(|f| f.fix.clone());
    t.check(
        "no records: fix is 3 1 1 of the leaf",
        fix.as_deref().map(str::to_uppercase) == Some(want_fix.clone()),
        || format!("{fix:?}"),
    );
    // Public key only: selector 0 records cannot be judged.
    let key = dane::read_presented(&text(&dir, "rsa.pub.pem"));
    let c = dane::compare(&[record(&dir, 3, "rsa", 0, 1)], &key.items, host);
    t.check(
        "selector 0 against a bare key",
        codes(&c.findings).contains(&code::dane::NEEDS_CERTIFICATE),
        || format!("{:?}", codes(&c.findings)),
    );

    // Rollover: current RSA key, next ECDSA key; both 3 1 1 by openssl.
    let current = one(&text(&dir, "rsa.pem"));
    let next = one(&text(&dir, "ec.pem"));
    let roll = dane::rollover(&current, &next, host);
    let want = vec![record(&dir, 3, "rsa", 1, 1), record(&dir, 3, "ec", 1, 1)];
    t.check("rollover pair", roll.records == want, || {
        format!("{:?}", roll.records)
    });
    let both = dane::compare(&roll.records, &chain.items, host);
    t.check("rollover pair matches today", both.any_match(), || {
        format!("{:?}", codes(&both.findings))
    });
    let next_chain = dane::read_presented(&format!("{}{}", text(&dir, "ec.pem"), text(&dir, "int.pem")));
    let after = dane::compare(&roll.records, &next_chain.items, host);
    t.check(
        "rollover pair matches after the switch",
        after.any_match(),
        || format!("{:?}", codes(&after.findings)),
    );
    let renewed_leaf = one(&text(&dir, "rsa-renewed.pem"));
    let same = dane::rollover(&current, &renewed_leaf, host);
    t.check(
        "same key: one record",
        same.records == [record(&dir, 3, "rsa", 1, 1)] && codes(&same.findings) == [code::dane::SAME_KEY],
        || format!("{:?}", same.records),
    );

    // Bad inputs: each a clear finding, never a panic.
    let bad = |input: &str| codes(&dane::read_presented(input).findings);
    t.check(
        "not a certificate",
        bad("hello, this is my server") == [code::dane::NO_PEM],
        || bad("hello").join(","),
    );
    let big = text(&dir, "chain.pem").repeat(5 * 1024 * 1024 / text(&dir, "chain.pem").len() + 1);
    let started = std::time::Instant::now();
    let big_codes = bad(&big);
    t.check(
        "5 MB chain refused quickly",
        big_codes == [code::dane::TOO_LARGE] && started.elapsed().as_millis() < 500,
        || format!("{big_codes:?} in {:?}", started.elapsed()),
    );
    let rsa_pem = text(&dir, "rsa.pem");
    let broken = rsa_pem.replacen("MII", "M!I", 1);
    t.check("broken base64", bad(&broken) == [code::dane::BAD_BASE64], || {
        bad(&broken).join(",")
    });
    let der = read(&dir, "rsa.cert.der");
    let short = sh(
        &dir,
        &format!("head -c {} rsa.cert.der | base64 -w 64", der.len() / 2),
    );
    let truncated = format!(
        "-----BEGIN CERTIFICATE-----\n{}-----END CERTIFICATE-----\n",
        String::from_utf8_lossy(&short)
    );
    t.check(
        "truncated DER",
        bad(&truncated) == [code::dane::TRUNCATED_DER],
        || bad(&truncated).join(","),
    );
    let cut = &rsa_pem[..rsa_pem.len() / 2];
    t.check("cut paste", bad(cut) == [code::dane::UNTERMINATED], || {
        bad(cut).join(",")
    });
    let key_pem = text(&dir, "rsa.key");
    t.check(
        "private key refused",
        bad(&key_pem) == [code::dane::PRIVATE_KEY],
        || bad(&key_pem).join(","),
    );
    let csr = text(&dir, "rsa.csr");
    t.check(
        "a CSR is another block",
        bad(&csr) == [code::dane::OTHER_BLOCK],
        || bad(&csr).join(","),
    );

    // Every finding renders in both languages.
    let mut all = Vec::new();
    all.extend(dane::compare(&[record(&dir, 3, "int", 1, 1)], &chain.items, host).findings);
    all.extend(dane::compare(&[record(&dir, 3, "rsa", 0, 0)], &chain.items, host).findings);
    all.extend(roll.findings.clone());
    all.extend(dane::read_presented(&big).findings);
    all.extend(dane::read_presented(&truncated).findings);
    for f in &all {
        let problems = maildns::i18n::render_problems(f);
        t.check(&format!("{} renders", f.code), problems.is_empty(), || {
            problems.join("; ")
        });
    }

    // The command for the MX hosts.
    let cmds = dane::openssl_commands(["mx1.example.test"]);
    t.check(
        "openssl command",
        cmds == ["openssl s_client -starttls smtp -connect mx1.example.test:25 -showcerts -servername mx1.example.test </dev/null"],
        || format!("{cmds:?}"),
    );

    let _ = std::fs::remove_dir_all(&dir);
    println!("tlsa match: {} passed, {} failed", t.passed, t.failed.len());
    for f in &t.failed {
        println!("  FAILED {f}");
    }
    if !t.failed.is_empty() {
        std::process::exit(1);
    }
}
