//! The monitoring kit loads in the real tools and works against a DNS
//! server.
//!
//! 1. For each of the 50 generated plans, in both languages:
//!    `prometheus-blackbox-exporter --config.check` accepts blackbox.yml,
//!    `promtool check config` accepts prometheus.yml (with the rule file
//!    beside it) and `promtool check rules` accepts the rules.
//! 2. End to end, for 3 plans: `tests/export/dns_server.py` serves our BIND
//!    zone on a free 127.0.0.1 port, blackbox_exporter runs on another with
//!    the generated blackbox.yml, and every module probed at that server
//!    gives `probe_success 1`. Served with one record changed (the DMARC
//!    TXT, or the first MX target), exactly that module gives
//!    `probe_success 0` with `probe_dns_query_succeeded 1` (the record is
//!    wrong, the resolver answered) and every other module still 1. With
//!    the server stopped, every module gives `probe_dns_query_succeeded 0`.
//!    Everything binds to 127.0.0.1; every process started is killed.
//!
//! Needs /usr/bin/promtool, /usr/bin/prometheus-blackbox-exporter and
//! Debian's python3 with dnspython (`scripts/setup.sh` installs them).
//! Missing, it fails.

mod common;

use common::plans::{plans, PLANS};
use maildns::export::monitor::{blackbox, modules, prometheus, rules, DnsModule, RULES_FILE};
use maildns::export::zone_file;
use maildns::generate::{validate_and_generate, RecordSet};
use maildns::i18n::Lang;
use maildns::model::mx::Mx;
use maildns::model::record::{Rdata, RecordType};
use maildns::model::txt::Txt;
use maildns::model::Name;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PROMTOOL: &str = "/usr/bin/promtool";
const BLACKBOX: &str = "/usr/bin/prometheus-blackbox-exporter";
const PYTHON: &str = "/usr/bin/python3";

fn run(cmd: &mut Command) -> Result<(), String> {
    let out = cmd.output().map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// A process killed when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The three configuration checks of one plan in one language.
fn check_configs(dir: &Path, set: &RecordSet, lang: Lang) -> [Result<(), String>; 3] {
    if let Err(e) = std::fs::create_dir_all(dir) {
        let e = e.to_string();
        return [Err(e.clone()), Err(e.clone()), Err(e)];
    }
    let bb = dir.join("blackbox.yml");
    let prom = dir.join("prometheus.yml");
    let rule_file = dir.join(RULES_FILE);
    let blackbox_ok = write(&bb, &blackbox(set, lang)).and_then(|_| {
        run(Command::new(BLACKBOX)
            .arg("--config.check")
            .arg(format!("--config.file={}", bb.display())))
    });
    let rules_written = write(&rule_file, &rules(set, lang));
    let prometheus_ok = rules_written
        .clone()
        .and_then(|_| write(&prom, &prometheus(set, lang)))
        .and_then(|_| run(Command::new(PROMTOOL).arg("check").arg("config").arg(&prom)));
    let rules_ok =
        rules_written.and_then(|_| run(Command::new(PROMTOOL).arg("check").arg("rules").arg(&rule_file)));
    [blackbox_ok, prometheus_ok, rules_ok]
}

fn free_port() -> Result<u16, String> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    l.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// GET `path` from 127.0.0.1:`port` (HTTP/1.0, no keep-alive): the body.
fn http_get(port: u16, path: &str) -> Result<String, String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(Duration::from_secs(15)))
        .map_err(|e| e.to_string())?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").map_err(|e| e.to_string())?;
    let mut text = String::new();
    s.read_to_string(&mut text).map_err(|e| e.to_string())?;
    match text.split_once("\r\n\r\n") {
        Some((head, body)) if head.starts_with("HTTP/1.") && head.contains(" 200 ") => Ok(body.to_string()),
        _ => Err(format!("GET {path}: {text}")),
    }
}

/// Starts the DNS server on `zone`; returns it and its port.
fn serve_zone(dir: &Path, set: &RecordSet) -> Result<(Running, u16), String> {
    let path = dir.join("zone.db");
    write(&path, &zone_file(set, 2026112901))?;
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/export/dns_server.py");
    let mut child = Command::new(PYTHON)
        .arg(script)
        .arg(&path)
        .arg(set.domain.fqdn())
        .arg("120")
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start the DNS server: {e}"))?;
    let mut line = String::new();
    let stdout = child.stdout.take();
    let server = Running(child);
    BufReader::new(stdout.ok_or("no stdout")?)
        .read_line(&mut line)
        .map_err(|e| e.to_string())?;
    let port = line
        .trim()
        .parse()
        .map_err(|_| format!("DNS server said {line:?}"))?;
    Ok((server, port))
}

fn start_exporter(dir: &Path, set: &RecordSet) -> Result<(Running, u16), String> {
    let config = dir.join("blackbox.yml");
    write(&config, &blackbox(set, Lang::En))?;
    let port = free_port()?;
    let child = Command::new(BLACKBOX)
        .arg(format!("--config.file={}", config.display()))
        .arg(format!("--web.listen-address=127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start blackbox_exporter: {e}"))?;
    let exporter = Running(child);
    let start = Instant::now();
    while http_get(port, "/-/healthy").is_err() {
        if start.elapsed() > Duration::from_secs(20) {
            return Err("blackbox_exporter did not come up".into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok((exporter, port))
}

/// `metric` from a probe's exposition text.
fn gauge(body: &str, metric: &str) -> Option<f64> {
    body.lines()
        .find_map(|l| l.strip_prefix(metric)?.strip_prefix(' ')?.trim().parse().ok())
}

/// (probe_success, probe_dns_query_succeeded) of every module.
fn probe_all(exporter: u16, dns: u16, ms: &[DnsModule]) -> Result<Vec<(f64, f64)>, String> {
    ms.iter()
        .map(|m| {
            let body = http_get(
                exporter,
                &format!("/probe?module={}&target=127.0.0.1:{dns}", m.name),
            )?;
            match (
                gauge(&body, "probe_success"),
                gauge(&body, "probe_dns_query_succeeded"),
            ) {
                (Some(s), Some(q)) => Ok((s, q)),
                _ => Err(format!("{}: no probe gauges in\n{body}", m.name)),
            }
        })
        .collect()
}

/// The set with one record changed: the DMARC TXT, or else the first MX
/// target. Returns the changed set and the query name of the changed record.
fn break_one(set: &RecordSet, prefer_dmarc: bool) -> Option<(RecordSet, String, RecordType)> {
    let mut broken = set.clone();
    let dmarc = broken
        .records
        .iter()
        .position(|r| r.other_zone.is_none() && r.record.name.as_str().starts_with("_dmarc."));
    let mx = broken
        .records
        .iter()
        .position(|r| r.other_zone.is_none() && matches!(&r.record.rdata, Rdata::Mx(m) if !m.is_null()));
    let (at, rtype) = match (prefer_dmarc, dmarc, mx) {
        (true, Some(d), _) | (false, Some(d), None) => (d, RecordType::Txt),
        (_, _, Some(m)) => (m, RecordType::Mx),
        _ => return None,
    };
    let record = &mut broken.records[at].record;
    record.rdata = match rtype {
        RecordType::Txt => Rdata::Txt(Txt::from_value(
            "v=DMARC1; p=none; rua=mailto:someone-else@example.net",
        )),
        _ => Rdata::Mx(Mx::new(10, Name::host("mx.wrong-host.example").ok()?)),
    };
    let name = record.name.fqdn();
    Some((broken, name, rtype))
}

/// One plan end to end; returns the checks passed and failed.
fn e2e(dir: &Path, set: &RecordSet, prefer_dmarc: bool) -> (usize, usize) {
    let (mut passed, mut failed) = (0, 0);
    let mut tally = |what: &str, r: Result<(), String>| match r {
        Ok(()) => passed += 1,
        Err(e) => {
            failed += 1;
            eprintln!("monitoring e2e {} ({what}) FAILED: {e}", set.domain.as_str());
        }
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        tally("setup", Err(e.to_string()));
        return (passed, failed);
    }
    let ms = modules(set, Lang::En);
    let (_exporter, exporter_port) = match start_exporter(dir, set) {
        Ok(x) => x,
        Err(e) => {
            tally("setup", Err(e));
            return (passed, failed);
        }
    };
    // 1. The records as generated: every module passes.
    let good = serve_zone(dir, set).and_then(|(server, port)| {
        let results = probe_all(exporter_port, port, &ms)?;
        drop(server);
        let bad: Vec<_> = ms
            .iter()
            .zip(&results)
            .filter(|(_, r)| **r != (1.0, 1.0))
            .map(|(m, r)| format!("{} {r:?}", m.name))
            .collect();
        if bad.is_empty() {
            eprintln!(
                "  {}: {} modules, all probe_success 1",
                set.domain.as_str(),
                ms.len()
            );
            Ok(())
        } else {
            Err(format!("modules failing on the generated zone: {bad:?}"))
        }
    });
    tally("generated zone", good);
    // 2. One record changed: exactly its module fails, the query succeeded.
    let changed = break_one(set, prefer_dmarc)
        .ok_or_else(|| "no DMARC or MX record to change".to_string())
        .and_then(|(broken, name, rtype)| {
            let (server, port) = serve_zone(dir, &broken)?;
            let results = probe_all(exporter_port, port, &ms)?;
            drop(server);
            let target = ms
                .iter()
                .position(|m| m.query_name == name && m.query_type == rtype)
                .ok_or("no module for the changed record")?;
            let wrong: Vec<_> = ms
                .iter()
                .zip(&results)
                .enumerate()
                .filter(|(i, (_, r))| {
                    if *i == target {
                        **r != (0.0, 1.0)
                    } else {
                        **r != (1.0, 1.0)
                    }
                })
                .map(|(_, (m, r))| format!("{} {r:?}", m.name))
                .collect();
            if wrong.is_empty() {
                eprintln!(
                    "  {}: {rtype} {name} changed: {} probe_success 0, probe_dns_query_succeeded 1; the other {} modules 1",
                    set.domain.as_str(),
                    ms[target].name,
                    ms.len() - 1
                );
                Ok(())
            } else {
                Err(format!("after changing {rtype} {name}, wrong results: {wrong:?}"))
            }
        });
    tally("one record changed", changed);
    // 3. The server stopped: the query itself fails on every module.
    let stopped = serve_zone(dir, set).and_then(|(server, port)| {
        drop(server);
        let results = probe_all(exporter_port, port, &ms)?;
        let answered: Vec<_> = ms
            .iter()
            .zip(&results)
            .filter(|(_, r)| **r != (0.0, 0.0))
            .map(|(m, r)| format!("{} {r:?}", m.name))
            .collect();
        if answered.is_empty() {
            eprintln!(
                "  {}: server stopped: probe_dns_query_succeeded 0 on all {} modules",
                set.domain.as_str(),
                ms.len()
            );
            Ok(())
        } else {
            Err(format!("with the server stopped: {answered:?}"))
        }
    });
    tally("server stopped", stopped);
    (passed, failed)
}

fn main() {
    let missing: Vec<&str> = [PROMTOOL, BLACKBOX, PYTHON]
        .into_iter()
        .filter(|t| !Path::new(t).exists())
        .collect();
    let dnspython = Command::new(PYTHON)
        .args(["-c", "import dns.zone"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !missing.is_empty() || !dnspython {
        for t in &missing {
            eprintln!("{t}: missing; scripts/setup.sh installs it");
        }
        if !dnspython {
            eprintln!("{PYTHON} has no dnspython (python3-dnspython); scripts/setup.sh installs it");
        }
        for what in ["blackbox", "prometheus", "alert-rules"] {
            println!("export {what}: 0 passed, {} failed", 2 * PLANS);
        }
        println!("monitoring e2e: 0 passed, 9 failed");
        std::process::exit(1);
    }
    let root: PathBuf = std::env::temp_dir().join(format!("maildns-monitor-{}", std::process::id()));
    let mut counts = [(0usize, 0usize); 3];
    let mut sets = Vec::new();
    for (i, plan) in plans(PLANS).iter().enumerate() {
        let set = match validate_and_generate(plan) {
            Ok((_, set)) => set,
            Err(e) => {
                eprintln!("plan {i} does not validate: {:#?}", e.by_field);
                counts.iter_mut().for_each(|c| c.1 += 2);
                continue;
            }
        };
        for lang in [Lang::En, Lang::ZhCn] {
            let dir = root.join(format!("plan{i:02}-{}", lang.tag()));
            let results = check_configs(&dir, &set, lang);
            for ((what, r), count) in ["blackbox", "prometheus", "alert-rules"]
                .iter()
                .zip(results)
                .zip(counts.iter_mut())
            {
                match r {
                    Ok(()) => count.0 += 1,
                    Err(e) => {
                        count.1 += 1;
                        eprintln!(
                            "plan {i} ({}, {}) {what} FAILED: {e}",
                            set.domain.as_str(),
                            lang.tag()
                        );
                    }
                }
            }
        }
        sets.push(set);
    }
    // End to end on three different plans: the first, the one with the
    // most modules, and the first whose blackbox.yml needs TCP (a long DKIM
    // key), each replaced by the next plan not yet picked if taken.
    let count = |i: usize| modules(&sets[i], Lang::En).len();
    let uses_tcp = |i: usize| modules(&sets[i], Lang::En).iter().any(|m| m.transport == "tcp");
    let mut picks: Vec<usize> = Vec::new();
    let wanted = [
        Some(0),
        (0..sets.len()).max_by_key(|&i| count(i)),
        (0..sets.len()).find(|&i| uses_tcp(i) && i != 0),
    ];
    for want in wanted.into_iter().flatten() {
        if let Some(i) = (want..sets.len()).chain(0..want).find(|i| !picks.contains(i)) {
            picks.push(i);
        }
    }
    let (mut e2e_passed, mut e2e_failed) = (0, 0);
    for (n, &i) in picks.iter().enumerate() {
        let (p, f) = e2e(&root.join(format!("e2e-plan{i:02}")), &sets[i], n % 2 == 0);
        e2e_passed += p;
        e2e_failed += f;
    }
    if std::env::var_os("MAILDNS_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&root);
    } else {
        eprintln!("kept {}", root.display());
    }
    let mut failed = e2e_failed;
    for (what, (p, f)) in ["blackbox", "prometheus", "alert-rules"].iter().zip(counts) {
        println!("export {what}: {p} passed, {f} failed");
        failed += f;
    }
    println!("monitoring e2e: {e2e_passed} passed, {e2e_failed} failed");
    if failed > 0 || e2e_passed == 0 {
        std::process::exit(1);
    }
}
