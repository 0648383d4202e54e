//! The dnscontrol and Terraform exports of the 50 generated plans, read
//! back by the real language: each `dnsconfig.js` is run in Node with
//! stand-ins for dnscontrol's functions (`tests/export/dnscontrol-eval.mjs`),
//! each Terraform file is parsed with python-hcl2
//! (`tests/export/hcl_records.py`), and what they hold must be exactly the
//! plan's own-zone records, in both page languages:
//! - dnscontrol, every provider; for Alibaba Cloud DNS and DNSPod the
//!   records dnscontrol refuses there (TLSA, the null MX; on Alibaba Cloud
//!   also TXT over 512 octets) are absent and the rest identical, MX
//!   priorities on Alibaba Cloud mapped to 1-10 with their order kept;
//! - Cloudflare: TXT content unquoted with the zone-file reader;
//! - Alibaba Cloud: the same omissions and MX mapping;
//! - Route 53: one RRset per name and type, TXT pieces rejoined.
//!
//! Needs `node` on PATH and `.tools/venv/bin/python` with python-hcl2
//! (both installed by `scripts/setup.sh`). Missing, it fails.

mod common;

use common::plans::{plans, PLANS};
use maildns::export::dnscontrol::{dnsconfig, Provider};
use maildns::export::terraform;
use maildns::generate::{validate_and_generate, RecordSet};
use maildns::i18n::Lang;
use maildns::model::record::{Rdata, RecordType};
use maildns::model::txt::{quote, Txt};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn python() -> PathBuf {
    root().join(".tools/venv/bin/python")
}

/// `name ttl TYPE data`, lower case; TXT as its one joined value.
fn key(name: &str, ttl: u32, rdata: &Rdata) -> String {
    let data = match rdata {
        Rdata::Txt(t) => quote(&t.value_bytes()),
        other => other.to_string(),
    };
    format!("{} {ttl} {} {data}", name.trim_end_matches('.'), rdata.rtype()).to_ascii_lowercase()
}

fn parse(rtype: RecordType, text: &str) -> Result<Rdata, String> {
    Rdata::parse(rtype, text).map_err(|e| format!("{rtype} {text:?}: {}", e.code()))
}

/// What the test expects a provider to refuse (its own reading of the
/// providers' limits, not the exporter's code).
fn refused(provider: &str, rdata: &Rdata) -> bool {
    let china = provider == "alidns" || provider == "dnspod";
    match rdata {
        Rdata::Tlsa(_) => china,
        Rdata::Mx(m) => china && m.is_null(),
        Rdata::Txt(t) => {
            let v = t.value_bytes();
            provider == "alidns"
                && (v.len() > 512 || v.contains(&b'"') || v.contains(&b'\\') || v.ends_with(b" "))
        }
        _ => false,
    }
}

/// Alibaba Cloud's MX priority: the preference if all are 1-10, else rank.
fn ali_priority(set: &RecordSet, preference: u16) -> u16 {
    let mut prefs: Vec<u16> = set
        .own_zone()
        .filter_map(|r| match &r.record.rdata {
            Rdata::Mx(m) if !m.is_null() => Some(m.preference),
            _ => None,
        })
        .collect();
    prefs.sort_unstable();
    prefs.dedup();
    if prefs.iter().all(|p| (1..=10).contains(p)) {
        preference
    } else {
        (prefs.iter().position(|&p| p == preference).unwrap_or(0) + 1).min(10) as u16
    }
}

fn expected(set: &RecordSet, provider: &str) -> Vec<String> {
    let mut rrset_ttl: BTreeMap<(String, RecordType), u32> = BTreeMap::new();
    for r in set.own_zone() {
        let e = rrset_ttl
            .entry((r.record.name.as_str().to_string(), r.record.rtype()))
            .or_insert(u32::MAX);
        *e = (*e).min(r.record.ttl);
    }
    let mut want: Vec<String> = set
        .own_zone()
        .filter(|r| !refused(provider, &r.record.rdata))
        .map(|r| {
            let mut rdata = r.record.rdata.clone();
            if let (Rdata::Mx(m), "alidns") = (&mut rdata, provider) {
                m.preference = ali_priority(set, m.preference);
            }
            let ttl = if provider == "route53" {
                rrset_ttl[&(r.record.name.as_str().to_string(), r.record.rtype())]
            } else {
                r.record.ttl
            };
            key(r.record.name.as_str(), ttl, &rdata)
        })
        .collect();
    want.sort();
    want
}

fn compare(mut got: Vec<String>, want: &[String]) -> Result<(), String> {
    got.sort();
    if got == want {
        return Ok(());
    }
    let missing: Vec<_> = want.iter().filter(|w| !got.contains(w)).collect();
    let extra: Vec<_> = got.iter().filter(|g| !want.contains(g)).collect();
    Err(format!(
        "different records.\nmissing: {missing:#?}\nextra: {extra:#?}"
    ))
}

fn run(cmd: &mut Command) -> Result<Value, String> {
    let out = cmd.output().map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{cmd:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("{cmd:?}: bad JSON: {e}"))
}

fn s(v: &Value) -> Result<&str, String> {
    v.as_str().ok_or_else(|| format!("not a string: {v}"))
}

fn n(v: &Value) -> Result<u64, String> {
    v.as_u64()
        .or_else(|| v.as_str().and_then(|t| t.parse().ok()))
        .ok_or_else(|| format!("not a number: {v}"))
}

fn absolute(target: &str) -> Result<&str, String> {
    if target.ends_with('.') {
        Ok(target)
    } else {
        Err(format!("target {target:?} is not absolute"))
    }
}

// ---- dnscontrol ----

fn check_dnscontrol(set: &RecordSet, provider: Provider, js: &str, path: &Path) -> Result<(), String> {
    std::fs::write(path, js).map_err(|e| e.to_string())?;
    let v = run(Command::new("node")
        .arg(root().join("tests/export/dnscontrol-eval.mjs"))
        .arg(path))?;
    let domains = v["domains"].as_array().ok_or("no domains")?;
    let [d] = domains.as_slice() else {
        return Err(format!("{} D() calls", domains.len()));
    };
    let domain = set.domain.as_str();
    if s(&d["name"])? != domain
        || s(&d["registrar"])? != "registrar:none"
        || s(&d["dsp"])? != format!("dsp:{}", provider.creds_entry())
        || n(&d["default_ttl"])? != u64::from(set.default_ttl)
    {
        return Err(format!("D() header differs: {d}"));
    }
    let mut got = Vec::new();
    for r in d["records"].as_array().ok_or("no records")? {
        let args = r["args"].as_array().ok_or("no args")?;
        let rtype = RecordType::parse(s(&r["type"])?).map_err(|e| e.code().to_string())?;
        let rdata = match rtype {
            RecordType::Txt => {
                let joined = match &args[0] {
                    Value::Array(parts) => parts.iter().map(s).collect::<Result<String, _>>()?,
                    other => s(other)?.to_string(),
                };
                Rdata::Txt(Txt::from_value(&joined))
            }
            RecordType::Mx => {
                let t = s(&args[1])?;
                let t = if t == "." { t } else { absolute(t)? };
                parse(rtype, &format!("{} {t}", n(&args[0])?))?
            }
            RecordType::Cname => parse(rtype, absolute(s(&args[0])?)?)?,
            RecordType::Srv => parse(
                rtype,
                &format!(
                    "{} {} {} {}",
                    n(&args[0])?,
                    n(&args[1])?,
                    n(&args[2])?,
                    absolute(s(&args[3])?)?
                ),
            )?,
            RecordType::Caa => {
                let flags = if r["critical"].as_bool() == Some(true) {
                    128
                } else {
                    0
                };
                let value = quote(s(&args[1])?.as_bytes());
                parse(rtype, &format!("{flags} {} {value}", s(&args[0])?))?
            }
            RecordType::Tlsa => parse(
                rtype,
                &format!(
                    "{} {} {} {}",
                    n(&args[0])?,
                    n(&args[1])?,
                    n(&args[2])?,
                    s(&args[3])?
                ),
            )?,
            _ => parse(rtype, s(&args[0])?)?,
        };
        let name = s(&r["name"])?;
        let fqdn = match name {
            "@" => domain.to_string(),
            n if n.ends_with('.') => n.to_string(),
            n => format!("{n}.{domain}"),
        };
        let ttl = if r["ttl"].is_null() {
            set.default_ttl
        } else {
            n(&r["ttl"])? as u32
        };
        got.push(key(&fqdn, ttl, &rdata));
    }
    let which = match provider {
        Provider::AliDns => "alidns",
        Provider::DnsPod => "dnspod",
        _ => "other",
    };
    compare(got, &expected(set, which))
}

// ---- Terraform ----

fn hcl_resources(text: &str, path: &Path, resource: &str) -> Result<Vec<BTreeMap<String, Value>>, String> {
    std::fs::write(path, text).map_err(|e| e.to_string())?;
    let v = run(Command::new(python())
        .arg(root().join("tests/export/hcl_records.py"))
        .arg(path))?;
    let mut out = Vec::new();
    for r in v["resources"].as_array().ok_or("no resources")? {
        if s(&r["type"])? != resource {
            return Err(format!("unexpected resource type {}", r["type"]));
        }
        let attrs: BTreeMap<String, Value> =
            serde_json::from_value(r["attrs"].clone()).map_err(|e| e.to_string())?;
        out.push(attrs);
    }
    let wants_zone_id = resource != "alicloud_alidns_record";
    let has_zone_id = v["variables"]
        .as_array()
        .is_some_and(|a| a.iter().any(|x| x == "zone_id"));
    if wants_zone_id != has_zone_id {
        return Err(format!("variable \"zone_id\" present: {has_zone_id}"));
    }
    Ok(out)
}

fn check_cloudflare(set: &RecordSet, text: &str, path: &Path) -> Result<(), String> {
    let mut got = Vec::new();
    for a in hcl_resources(text, path, "cloudflare_dns_record")? {
        if s(&a["zone_id"])? != "${var.zone_id}" {
            return Err(format!("zone_id: {}", a["zone_id"]));
        }
        let rtype = RecordType::parse(s(&a["type"])?).map_err(|e| e.code().to_string())?;
        let content = || a.get("content").ok_or("no content".to_string()).and_then(s);
        let data = |k: &str| a.get("data").and_then(|d| d.get(k)).ok_or(format!("no data.{k}"));
        let rdata = match rtype {
            RecordType::A | RecordType::Aaaa | RecordType::Cname => {
                if a.get("proxied") != Some(&Value::Bool(false)) {
                    return Err(format!("{rtype} not proxied = false"));
                }
                let c = content()?;
                parse(
                    rtype,
                    &if rtype == RecordType::Cname {
                        format!("{c}.")
                    } else {
                        c.to_string()
                    },
                )?
            }
            RecordType::Mx => {
                let c = content()?;
                let target = if c == "." { ".".into() } else { format!("{c}.") };
                parse(rtype, &format!("{} {target}", n(&a["priority"])?))?
            }
            // Cloudflare v5 wants the quoted character-strings: read them as a zone file does.
            RecordType::Txt => parse(rtype, content()?)?,
            RecordType::Srv => {
                if n(&a["priority"])? != n(data("priority")?)? {
                    return Err("SRV priority differs from data.priority".into());
                }
                parse(
                    rtype,
                    &format!(
                        "{} {} {} {}.",
                        n(data("priority")?)?,
                        n(data("weight")?)?,
                        n(data("port")?)?,
                        s(data("target")?)?
                    ),
                )?
            }
            RecordType::Caa => parse(
                rtype,
                &format!(
                    "{} {} {}",
                    n(data("flags")?)?,
                    s(data("tag")?)?,
                    quote(s(data("value")?)?.as_bytes())
                ),
            )?,
            RecordType::Tlsa => parse(
                rtype,
                &format!(
                    "{} {} {} {}",
                    n(data("usage")?)?,
                    n(data("selector")?)?,
                    n(data("matching_type")?)?,
                    s(data("certificate")?)?
                ),
            )?,
            other => return Err(format!("unexpected type {other}")),
        };
        got.push(key(s(&a["name"])?, n(&a["ttl"])? as u32, &rdata));
    }
    compare(got, &expected(set, "cloudflare"))
}

fn check_alicloud(set: &RecordSet, text: &str, path: &Path) -> Result<(), String> {
    let mut got = Vec::new();
    let domain = set.domain.as_str();
    for a in hcl_resources(text, path, "alicloud_alidns_record")? {
        if s(&a["domain_name"])? != domain {
            return Err(format!("domain_name: {}", a["domain_name"]));
        }
        let rtype = RecordType::parse(s(&a["type"])?).map_err(|e| e.code().to_string())?;
        let value = s(&a["value"])?;
        let rdata = match rtype {
            RecordType::Txt => Rdata::Txt(Txt::from_value(value)),
            RecordType::Mx => {
                let p = n(&a["priority"])?;
                if !(1..=10).contains(&p) {
                    return Err(format!("MX priority {p} outside 1-10"));
                }
                parse(rtype, &format!("{p} {value}."))?
            }
            RecordType::Cname | RecordType::Srv => parse(rtype, &format!("{value}."))?,
            RecordType::Tlsa => return Err("TLSA is not an Alibaba Cloud type".into()),
            _ => parse(rtype, value)?,
        };
        let rr = s(&a["rr"])?;
        let fqdn = if rr == "@" {
            domain.to_string()
        } else {
            format!("{rr}.{domain}")
        };
        got.push(key(&fqdn, n(&a["ttl"])? as u32, &rdata));
    }
    compare(got, &expected(set, "alidns"))
}

fn check_route53(set: &RecordSet, text: &str, path: &Path) -> Result<(), String> {
    let mut got = Vec::new();
    let mut rrsets = std::collections::BTreeSet::new();
    for a in hcl_resources(text, path, "aws_route53_record")? {
        if s(&a["zone_id"])? != "${var.zone_id}" {
            return Err(format!("zone_id: {}", a["zone_id"]));
        }
        let name = s(&a["name"])?;
        let rtype = RecordType::parse(s(&a["type"])?).map_err(|e| e.code().to_string())?;
        if !rrsets.insert((name.to_string(), rtype)) {
            return Err(format!("two resources for {name} {rtype}"));
        }
        let ttl = n(&a["ttl"])? as u32;
        for v in a["records"].as_array().ok_or("no records")? {
            let v = s(v)?;
            let rdata = match rtype {
                // The provider wraps the value in quotes; `""` separates the
                // pieces: as zone-file text, adjacent quoted strings.
                RecordType::Txt => {
                    let rdata = parse(rtype, &format!("\"{v}\""))?;
                    if let Rdata::Txt(t) = &rdata {
                        if t.strings.iter().any(|p| p.len() > 255) {
                            return Err(format!("TXT piece over 255 octets in {name}"));
                        }
                    }
                    rdata
                }
                _ => parse(rtype, v)?,
            };
            got.push(key(name, ttl, &rdata));
        }
    }
    compare(got, &expected(set, "route53"))
}

/// Adds one check's result to the tally of its format.
fn count(
    tally: &mut BTreeMap<&str, (usize, usize)>,
    f: &str,
    result: Result<(), String>,
    label: &str,
    text: &str,
) {
    let t = tally.get_mut(f).expect("format");
    match result {
        Ok(()) => t.0 += 1,
        Err(e) => {
            t.1 += 1;
            eprintln!("{label} FAILED: {e}\n--- output\n{text}");
        }
    }
}

fn missing_tools() -> Vec<String> {
    let mut missing = Vec::new();
    if Command::new("node")
        .arg("--version")
        .output()
        .map_or(true, |o| !o.status.success())
    {
        missing.push("node is not on PATH (scripts/setup.sh installs Debian's nodejs)".to_string());
    }
    let hcl = Command::new(python()).args(["-c", "import hcl2"]).output();
    if hcl.map_or(true, |o| !o.status.success()) {
        missing.push(format!(
            "{} cannot import hcl2 (scripts/setup.sh installs python-hcl2 into .tools/venv)",
            python().display()
        ));
    }
    missing
}

fn main() {
    let formats = [
        "dnscontrol",
        "terraform-cloudflare",
        "terraform-alicloud",
        "terraform-route53",
    ];
    let missing = missing_tools();
    if !missing.is_empty() {
        for m in &missing {
            eprintln!("{m}; this test cannot pass without it");
        }
        for f in formats {
            let total = if f == "dnscontrol" {
                PLANS * 2 * Provider::ALL.len()
            } else {
                PLANS * 2
            };
            println!("export {f}: 0 passed, {total} failed");
        }
        std::process::exit(1);
    }
    let dir = std::env::temp_dir().join(format!("maildns-export-iac-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    let mut tally: BTreeMap<&str, (usize, usize)> = formats.iter().map(|f| (*f, (0, 0))).collect();
    let mut covered: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, p) in plans(PLANS).iter().enumerate() {
        let set = match validate_and_generate(p) {
            Ok((_, set)) => set,
            Err(e) => {
                eprintln!("plan {i} does not validate: {:#?}", e.by_field);
                for f in formats {
                    let k = if f == "dnscontrol" {
                        2 * Provider::ALL.len()
                    } else {
                        2
                    };
                    tally.get_mut(f).expect("format").1 += k;
                }
                continue;
            }
        };
        for r in set.own_zone() {
            let rd = &r.record.rdata;
            let what = match rd {
                Rdata::Tlsa(_) => "TLSA",
                Rdata::Mx(m) if m.is_null() => "null MX",
                Rdata::Mx(m) if ali_priority(&set, m.preference) != m.preference => {
                    "MX remapped for Alibaba Cloud"
                }
                Rdata::Txt(t) if t.strings.len() > 1 => "TXT of several strings",
                Rdata::Srv(_) => "SRV",
                Rdata::Caa(_) => "CAA",
                _ => continue,
            };
            *covered.entry(what).or_default() += 1;
        }
        if set.own_zone().any(|r| r.record.ttl != set.default_ttl) {
            *covered.entry("TTL other than the default").or_default() += 1;
        }
        for lang in [Lang::En, Lang::ZhCn] {
            let tag = format!("plan {i} {:?} ({})", lang, set.domain.as_str());
            for provider in Provider::ALL {
                let js = dnsconfig(&set, provider, lang);
                let path = dir.join(format!("p{i}-{lang:?}-{provider:?}.js"));
                let r = check_dnscontrol(&set, provider, &js, &path);
                count(
                    &mut tally,
                    "dnscontrol",
                    r,
                    &format!("{tag} dnscontrol {provider:?}"),
                    &js,
                );
            }
            let path = dir.join(format!("p{i}-{lang:?}.tf"));
            let tf = terraform::cloudflare(&set, lang);
            count(
                &mut tally,
                "terraform-cloudflare",
                check_cloudflare(&set, &tf, &path),
                &tag,
                &tf,
            );
            let tf = terraform::alicloud(&set, lang);
            count(
                &mut tally,
                "terraform-alicloud",
                check_alicloud(&set, &tf, &path),
                &tag,
                &tf,
            );
            let tf = terraform::route53(&set, lang);
            count(
                &mut tally,
                "terraform-route53",
                check_route53(&set, &tf, &path),
                &tag,
                &tf,
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!("covered (records): {covered:?}");
    let mut failed_any = false;
    for f in formats {
        let (passed, failed) = tally[f];
        failed_any |= failed > 0 || passed == 0;
        println!("export {f}: {passed} passed, {failed} failed");
    }
    if failed_any {
        std::process::exit(1);
    }
}
