//! The import readers against the exporters and the panel samples: each of
//! the 50 generated plans, written with `export::zone_file` and
//! `export::zone_fragment` and as `dig AXFR` output, reads back as exactly
//! the records of its own zone; each sample of `tests/import/` reads as
//! the records written down here.
//!
//! Prints `zone import round trip: N passed, M failed` and
//! `panel import: N passed, M failed`.

mod common;

use common::plans::{plan, Choices, PLANS};
use maildns::export::{zone_file, zone_fragment};
use maildns::generate::{validate_and_generate, RecordSet};
use maildns::import::{read_export, ExportKind, Imported};
use maildns::model::Name;
use std::path::Path;

fn same_records(set: &RecordSet, got: &Imported) -> Result<(), String> {
    let mut want: Vec<String> = set
        .own_zone()
        .map(|r| r.record.to_string().to_ascii_lowercase())
        .collect();
    let mut have: Vec<String> = got
        .records
        .iter()
        .map(|r| r.to_string().to_ascii_lowercase())
        .collect();
    want.sort();
    have.sort();
    if want == have {
        return Ok(());
    }
    let missing: Vec<_> = want.iter().filter(|w| !have.contains(w)).collect();
    let extra: Vec<_> = have.iter().filter(|g| !want.contains(g)).collect();
    Err(format!("missing: {missing:#?}\nextra: {extra:#?}"))
}

/// A `dig AXFR`-style text of the zone: absolute names, tabs, SOA first and last.
fn axfr(set: &RecordSet) -> String {
    let o = set.domain.fqdn();
    let soa = format!("{o}\t3600\tIN\tSOA\tns1.example.net. hostmaster.{o} 1 7200 3600 1209600 300\n");
    let mut out = format!("\n; <<>> DiG 9.18 <<>> axfr {o}\n;; global options: +cmd\n{soa}");
    for r in set.own_zone() {
        out.push_str(&format!(
            "{}\t{}\tIN\t{}\t{}\n",
            r.record.name,
            r.record.ttl,
            r.record.rtype(),
            r.record.rdata
        ));
    }
    out.push_str(&soa);
    out.push_str(";; Query time: 1 msec\n");
    out
}

fn round_trip() -> (usize, Vec<String>) {
    let mut c = Choices(0x6d61_696c_646e_7321);
    let (mut passed, mut failed) = (0, Vec::new());
    for i in 0..PLANS {
        let p = plan(i, &mut c);
        let Ok((_, set)) = validate_and_generate(&p) else {
            failed.push(format!("plan {i} does not validate"));
            continue;
        };
        for (kind, text, hint) in [
            ("zone_file", zone_file(&set, 2026112900), None),
            ("zone_fragment", zone_fragment(&set), Some(&set.domain)),
            ("axfr", axfr(&set), None),
        ] {
            match read_export(&text, hint)
                .map_err(|e| e.to_string())
                .and_then(|got| {
                    if got.format != ExportKind::Bind || got.origin != set.domain {
                        return Err(format!("read as {:?} at {}", got.format, got.origin));
                    }
                    same_records(&set, &got)
                }) {
                Ok(()) => passed += 1,
                Err(e) => failed.push(format!("plan {i} {kind}: {e}")),
            }
        }
    }
    (passed, failed)
}

fn panels() -> (usize, Vec<String>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import");
    let hint = Name::host("example.com").expect("name");
    let cases: [(&str, ExportKind, &[&str], usize); 2] = [
        (
            "aliyun.csv",
            ExportKind::Aliyun,
            &[
                "example.com. 600 IN MX 5 mx1.example.com.",
                "mx1.example.com. 600 IN A 192.0.2.10",
                "example.com. 600 IN TXT \"v=spf1 mx -all\"",
                "_dmarc.example.com. 600 IN TXT \"v=DMARC1; p=quarantine\"",
            ],
            2,
        ),
        (
            "dnspod.tsv",
            ExportKind::Dnspod,
            &[
                "example.com. 600 IN MX 10 mail.example.com.",
                "mail.example.com. 600 IN A 192.0.2.25",
                "s1._domainkey.example.com. 600 IN TXT \"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"",
            ],
            2,
        ),
    ];
    let (mut passed, mut failed) = (0, Vec::new());
    for (file, kind, want, notes) in cases {
        let result = std::fs::read_to_string(dir.join(file))
            .map_err(|e| e.to_string())
            .and_then(|t| read_export(&t, Some(&hint)).map_err(|e| e.to_string()))
            .and_then(|got| {
                let have: Vec<String> = got.records.iter().map(ToString::to_string).collect();
                if got.format != kind || have != want || got.notes.len() != notes {
                    Err(format!("{:?} {have:#?} notes {:?}", got.format, got.notes))
                } else {
                    Ok(())
                }
            });
        match result {
            Ok(()) => passed += 1,
            Err(e) => failed.push(format!("{file}: {e}")),
        }
    }
    (passed, failed)
}

fn main() {
    let (p1, f1) = round_trip();
    for f in &f1 {
        eprintln!("FAIL {f}");
    }
    println!("zone import round trip: {p1} passed, {} failed", f1.len());
    let (p2, f2) = panels();
    for f in &f2 {
        eprintln!("FAIL {f}");
    }
    println!("panel import: {p2} passed, {} failed", f2.len());
    if !f1.is_empty() || !f2.is_empty() {
        std::process::exit(1);
    }
}
