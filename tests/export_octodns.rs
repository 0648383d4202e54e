//! The octoDNS export loads in octoDNS and holds the same records as the
//! BIND export: for each of the 50 generated plans, in both languages, the
//! YAML goes through `octodns-validate` with the YAML provider at its
//! defaults (`enforce_order: true`, natural order), then
//! `tests/export/octodns_compare.py` reads it with `YamlProvider` and our
//! BIND zone file with `octodns_bind.ZoneFileSource` and compares the
//! records octoDNS holds on each side.
//!
//! Needs octoDNS and octodns-bind in `.tools/venv` (`scripts/setup.sh`
//! installs them). Missing, it fails.

mod common;

use common::plans::{plans, PLANS};
use maildns::export::octodns::zone_yaml;
use maildns::export::zone_file;
use maildns::generate::validate_and_generate;
use maildns::i18n::Lang;
use std::path::{Path, PathBuf};
use std::process::Command;

fn venv_bin(tool: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(".tools/venv/bin")
        .join(tool)
}

fn run(cmd: &mut Command) -> Result<String, String> {
    let out = cmd.output().map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if out.status.success() {
        Ok(text)
    } else {
        Err(text)
    }
}

/// Writes the YAML, the BIND file and an octoDNS config into `dir`, then
/// validates and compares.
fn check(dir: &Path, zone: &str, yaml: &str, bind: &str) -> Result<(), String> {
    let config_dir = dir.join("config");
    let bind_dir = dir.join("bind");
    for d in [&config_dir, &bind_dir] {
        std::fs::create_dir_all(d).map_err(|e| e.to_string())?;
    }
    std::fs::write(config_dir.join(format!("{zone}yaml")), yaml).map_err(|e| e.to_string())?;
    // ZoneFileSource reads `<zone without its dot>` + file_extension (".").
    std::fs::write(bind_dir.join(zone), bind).map_err(|e| e.to_string())?;
    let config = format!(
        "providers:\n  config:\n    class: octodns.provider.yaml.YamlProvider\n    directory: {}\n    enforce_order: true\nzones:\n  {zone}:\n    sources:\n      - config\n    targets:\n      - config\n",
        config_dir.display()
    );
    let config_file = dir.join("octodns.yaml");
    std::fs::write(&config_file, config).map_err(|e| e.to_string())?;
    run(Command::new(venv_bin("octodns-validate"))
        .arg("--config-file")
        .arg(&config_file))
    .map_err(|e| format!("octodns-validate: {e}"))?;
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/export/octodns_compare.py");
    run(Command::new(venv_bin("python"))
        .arg(script)
        .arg(zone)
        .arg(&config_dir)
        .arg(&bind_dir))
    .map(|_| ())
    .map_err(|e| format!("octoDNS reads other records than BIND's file:\n{e}"))
}

fn main() {
    for tool in ["octodns-validate", "python"] {
        if !venv_bin(tool).exists() {
            eprintln!(
                "{}: missing; scripts/setup.sh installs octoDNS and octodns-bind into .tools/venv",
                venv_bin(tool).display()
            );
            println!("export octodns: 0 passed, {} failed", 2 * PLANS);
            std::process::exit(1);
        }
    }
    let root = std::env::temp_dir().join(format!("maildns-octodns-{}", std::process::id()));
    let (mut passed, mut failed) = (0usize, 0usize);
    for (i, plan) in plans(PLANS).iter().enumerate() {
        let set = match validate_and_generate(plan) {
            Ok((_, set)) => set,
            Err(e) => {
                eprintln!("plan {i} does not validate: {:#?}", e.by_field);
                failed += 2;
                continue;
            }
        };
        let zone = set.domain.fqdn();
        let bind = zone_file(&set, 2026112900 + i as u32);
        for lang in [Lang::En, Lang::ZhCn] {
            let yaml = zone_yaml(&set, lang);
            let dir = root.join(format!("plan{i:02}-{}", lang.tag()));
            match check(&dir, &zone, &yaml, &bind) {
                Ok(()) => passed += 1,
                Err(e) => {
                    failed += 1;
                    eprintln!("plan {i} ({zone}, {}) FAILED: {e}\n--- YAML\n{yaml}", lang.tag());
                }
            }
        }
    }
    if std::env::var_os("MAILDNS_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&root);
    } else {
        eprintln!("kept {}", root.display());
    }
    println!("export octodns: {passed} passed, {failed} failed");
    if failed > 0 || passed == 0 {
        std::process::exit(1);
    }
}
