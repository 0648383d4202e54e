//! Every zone file the generator writes loads in BIND: 50 deterministic
//! plans (IDN domains, IPv6, RSA-1024/2048/4096 and Ed25519 keys, null MX,
//! external report addresses, backup MX, SRV, CAA, TLSA, TTL overrides),
//! each written as a full zone and as a records-only fragment (wrapped in
//! a minimal SOA/NS header) and checked with `named-checkzone`. The dump
//! of each loaded zone (`-D`) is read back with the project's own parsers
//! and must hold exactly the generated records: BIND and maildns read the
//! same data from the file.
//!
//! Needs /usr/bin/named-checkzone (Debian bind9-utils). Missing, it fails.

mod common;

use common::plans::{plan, Choices, PLANS};
use maildns::export::{zone_file, zone_fragment};
use maildns::generate::{validate_and_generate, RecordSet};
use maildns::model::record::{Rdata, Record, RecordType};
use maildns::model::Name;
use std::path::{Path, PathBuf};
use std::process::Command;

const CHECKZONE: &str = "/usr/bin/named-checkzone";

/// Runs named-checkzone; on success returns the loaded records from its dump.
fn checkzone(origin: &str, path: &Path) -> Result<Vec<Record>, String> {
    let out = Command::new(CHECKZONE)
        // Fail on bad names, MX/SRV targets that are CNAMEs or addresses; integrity checks in-zone only (no network).
        .args([
            "-k", "fail", "-n", "fail", "-m", "fail", "-M", "fail", "-S", "fail", "-i", "local", "-D", "-o",
            "-",
        ])
        .arg(origin)
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run {CHECKZONE}: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        return Err(format!("{}{}", stdout, String::from_utf8_lossy(&out.stderr)));
    }
    let mut records = Vec::new();
    for line in stdout
        .lines()
        .filter(|l| !l.starts_with("zone ") && *l != "OK" && !l.trim().is_empty())
    {
        let mut words = line.split_whitespace();
        let (Some(name), Some(ttl), Some(_class), Some(rtype)) =
            (words.next(), words.next(), words.next(), words.next())
        else {
            return Err(format!("unreadable dump line: {line}"));
        };
        let rtype = RecordType::parse(rtype).map_err(|e| format!("{line}: {}", e.code()))?;
        let at = line
            .find(&format!("\t{rtype}\t"))
            .or_else(|| line.find(&format!(" {rtype}\t")));
        let data = at
            .map(|a| line[a + rtype.to_string().len() + 2..].trim())
            .unwrap_or("");
        let rdata = Rdata::parse(rtype, data).map_err(|e| format!("{line}: {}", e.code()))?;
        let name = Name::service(name).map_err(|e| format!("{line}: {}", e.code()))?;
        let ttl: u32 = ttl.parse().map_err(|_| format!("bad ttl in {line}"))?;
        records.push(Record::new(name, ttl, rdata));
    }
    Ok(records)
}

fn same_records(set: &RecordSet, loaded: &[Record]) -> Result<(), String> {
    let mut want: Vec<String> = set.own_zone().map(|r| r.record.to_string()).collect();
    let mut got: Vec<String> = loaded
        .iter()
        .filter(|r| !matches!(r.rtype(), RecordType::Soa | RecordType::Ns))
        .map(|r| r.to_string().to_ascii_lowercase())
        .collect();
    want.iter_mut().for_each(|w| *w = w.to_ascii_lowercase());
    want.sort();
    got.sort();
    if want == got {
        Ok(())
    } else {
        let missing: Vec<_> = want.iter().filter(|w| !got.contains(w)).collect();
        let extra: Vec<_> = got.iter().filter(|g| !want.contains(g)).collect();
        Err(format!(
            "BIND read different records.\nmissing: {missing:#?}\nextra: {extra:#?}"
        ))
    }
}

fn main() {
    if !Path::new(CHECKZONE).exists() {
        eprintln!(
            "named-checkzone: {CHECKZONE} is missing (install bind9-utils); this test cannot pass without it"
        );
        println!("named-checkzone: 0 passed, {} failed", 2 * PLANS);
        std::process::exit(1);
    }
    let dir: PathBuf = std::env::temp_dir().join(format!("maildns-zonefile-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    let mut c = Choices(0x6d61_696c_646e_7321);
    let (mut passed, mut failed) = (0usize, 0usize);
    let mut kinds = std::collections::BTreeSet::new();
    for i in 0..PLANS {
        let p = plan(i, &mut c);
        let set = match validate_and_generate(&p) {
            Ok((_, set)) => set,
            Err(e) => {
                eprintln!("plan {i} does not validate: {:#?}", e.by_field);
                failed += 2;
                continue;
            }
        };
        for r in &set.records {
            kinds.insert(format!("{:?}", r.purpose));
        }
        let origin = set.domain.fqdn();
        let full = zone_file(&set, 2026112900 + i as u32);
        let fragment = format!(
            "$TTL 3600\n@ IN SOA ns1.invalid. hostmaster.invalid. 1 7200 3600 1209600 3600\n@ IN NS ns1.invalid.\n{}",
            zone_fragment(&set)
        );
        for (kind, text) in [("full", full), ("fragment", fragment)] {
            let path = dir.join(format!("plan{i:02}-{kind}.zone"));
            let result = std::fs::write(&path, &text)
                .map_err(|e| e.to_string())
                .and_then(|_| checkzone(&origin, &path))
                .and_then(|loaded| same_records(&set, &loaded));
            match result {
                Ok(()) => passed += 1,
                Err(e) => {
                    failed += 1;
                    eprintln!(
                        "plan {i} ({kind}, {origin}) FAILED: {e}\n--- {}\n{text}",
                        path.display()
                    );
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!(
        "record kinds covered: {}",
        kinds.into_iter().collect::<Vec<_>>().join(", ")
    );
    println!("named-checkzone: {passed} passed, {failed} failed");
    if failed > 0 || passed == 0 {
        std::process::exit(1);
    }
}
