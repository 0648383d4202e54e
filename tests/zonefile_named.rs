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

use maildns::export::{zone_file, zone_fragment};
use maildns::generate::{validate_and_generate, RecordSet};
use maildns::model::record::{Rdata, Record, RecordType};
use maildns::model::Name;
use maildns::plan::*;
use std::path::{Path, PathBuf};
use std::process::Command;

const CHECKZONE: &str = "/usr/bin/named-checkzone";
const PLANS: usize = 50;

const RSA1024: &str = include_str!("vectors/generate/r1024.pub");
const RSA2048: &str = include_str!("vectors/generate/r2048.pub");
const RSA4096: &str = include_str!("vectors/generate/r4096.pub");
const ED25519: &str = include_str!("vectors/generate/ed.pub");
const CERT: &str = include_str!("vectors/generate/cert-ec.pem");

/// xorshift64*: a fixed-seed source of choices, so every run checks the same plans.
struct Choices(u64);

impl Choices {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn flip(&mut self) -> bool {
        self.next() & 1 == 1
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn plan(i: usize, c: &mut Choices) -> MailPlan {
    let domain = c.pick(&[
        "example.com",
        "例子.中国",
        "bücher.example",
        "mail-test.example.org",
        "a.b.example.net",
        "пример.рф",
        "xn--r8jz45g.example",
    ]);
    let mut hosts = Vec::new();
    for h in 0..1 + c.below(3) {
        let v4: Vec<String> = (0..c.below(3))
            .map(|k| format!("198.51.100.{}", 10 + 10 * h + k))
            .collect();
        let v6_count = if v4.is_empty() { 1 + c.below(2) } else { c.below(3) };
        let v6: Vec<String> = (0..v6_count)
            .map(|k| format!("2001:db8:{h:x}::{:x}", 25 + k))
            .collect();
        hosts.push(HostInput {
            name: match h {
                0 => c.pick(&["", "mail", "smtp"]).to_string(),
                _ => format!("mx{h}"),
            },
            ipv4: v4,
            ipv6: v6,
            priority: (10 * (h + 1)).to_string(),
        });
    }
    let backup_mx = match c.below(3) {
        0 => vec![],
        1 => vec![HostInput {
            name: "backup".into(),
            ipv4: vec!["203.0.113.25".into()],
            priority: "50".into(),
            ..HostInput::default()
        }],
        _ => vec![HostInput {
            name: "mx.backup-provider.net".into(),
            priority: "90".into(),
            ..HostInput::default()
        }],
    };
    let (alg, key) = [
        (DkimAlgorithm::Rsa2048, RSA2048),
        (DkimAlgorithm::Rsa4096, RSA4096),
        (DkimAlgorithm::Rsa1024, RSA1024),
        (DkimAlgorithm::Rsa2048, ""),
    ][c.below(4)];
    let ed = !key.is_empty() && c.flip();
    let policy =
        |c: &mut Choices| [DmarcPolicy::None, DmarcPolicy::Quarantine, DmarcPolicy::Reject][c.below(3)];
    let rua_pool = [
        "dmarc@example.com",
        "mailto:agg@dmarc.example.net",
        "rua@例子.中国",
        "https://r.example.org/x",
    ];
    let mut p = MailPlan {
        domain: domain.to_string(),
        hosts,
        backup_mx,
        null_mx: i % 7 == 3,
        ..MailPlan::default()
    };
    if c.flip() {
        p.ttl.default = c.pick(&["300", "600", "3600", "86400"]).to_string();
        p.ttl.overrides.insert("dkim".into(), "7200".into());
        p.ttl.overrides.insert("mx".into(), "1800".into());
    }
    p.spf = SpfInput {
        ip4: if c.flip() {
            vec!["192.0.2.0/24".into()]
        } else {
            vec![]
        },
        ip6: if c.flip() {
            vec!["2001:db8:ffff::/48".into()]
        } else {
            vec![]
        },
        a: if c.flip() { vec!["@".into()] } else { vec![] },
        mx: if c.flip() {
            vec!["relay.example.net".into()]
        } else {
            vec![]
        },
        includes: (0..c.below(3))
            .map(|k| ["_spf.google.com", "spf.protection.outlook.com"][k % 2].to_string())
            .collect(),
        all: if c.flip() { SpfAll::SoftFail } else { SpfAll::Fail },
    };
    p.dkim = DkimInput {
        selector: c.pick(&["s202611", "mail", "dkim.2026"]).to_string(),
        algorithm: alg,
        public_key: key.to_string(),
        ed25519_selector: if ed { "ed202611".into() } else { String::new() },
        ed25519_public_key: if ed { ED25519.into() } else { String::new() },
    };
    p.dmarc = DmarcInput {
        p: policy(c),
        sp: c.flip().then(|| policy(c)),
        np: c.flip().then(|| policy(c)),
        adkim: c.flip().then_some(Alignment::Strict),
        aspf: c.flip().then_some(Alignment::Relaxed),
        rua: (0..c.below(4))
            .map(|k| rua_pool[(k + i) % 4].to_string())
            .filter(|u| !u.starts_with("https"))
            .collect(),
        ruf: if c.flip() {
            vec!["mailto:forensic@dmarc.example.net".into()]
        } else {
            vec![]
        },
    };
    p.mta_sts = MtaStsInput {
        enabled: c.flip(),
        mode: [Mode::Testing, Mode::Enforce][c.below(2)],
        web_ipv6: if c.flip() {
            vec!["2001:db8:80::1".into()]
        } else {
            vec![]
        },
        ..MtaStsInput::default()
    };
    p.tls_rpt = TlsRptInput {
        enabled: c.flip(),
        rua: vec![
            "tlsrpt@example.com".into(),
            "https://tlsrpt.example.net/v1".into(),
        ],
    };
    p.autoconfig = AutoconfigInput {
        enabled: c.flip(),
        pop3s: c.flip(),
        submission: c.flip(),
        ..AutoconfigInput::default()
    };
    p.caa = CaaInput {
        enabled: c.flip(),
        issuers: vec!["letsencrypt.org".into(), "sectigo.com".into()],
        iodef: if c.flip() {
            "mailto:security@example.com".into()
        } else {
            String::new()
        },
    };
    p.tlsa = TlsaInput {
        enabled: c.flip(),
        pem: CERT.into(),
    };
    p
}

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
