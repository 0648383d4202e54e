//! The catalogue against its emitters: every `{name}` a message uses must be
//! an argument some code sets, by `Finding::arg("name", …)` or in a
//! `("name", …)` pair handed to `i18n::fill`; `{subject}` is always set by
//! `i18n::explain`. A placeholder no code sets would show literally on the
//! page (issue 21 item 7; rendering real findings is checked in
//! `bad_inputs` and `check_scenarios`).
//!
//! Prints `catalogue_args: N passed, M failed`.

use maildns::i18n;
use std::collections::BTreeSet;
use std::path::Path;

/// Every `.rs` file under `dir`, read.
fn sources(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            if let Ok(text) = std::fs::read_to_string(&path) {
                out.push(text);
            }
        }
    }
}

/// The names in `.arg("name"` and `("name",` in a source text.
fn set_names(text: &str, names: &mut BTreeSet<String>) {
    for marker in [".arg(\"", "(\""] {
        let mut rest = text;
        while let Some(at) = rest.find(marker) {
            rest = &rest[at + marker.len()..];
            let Some(end) = rest.find('"') else { break };
            let name = &rest[..end];
            let after = rest[end + 1..].trim_start();
            let is_arg = marker == ".arg(\"" || after.starts_with(',');
            if is_arg
                && !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                names.insert(name.to_string());
            }
        }
    }
}

#[test]
fn every_placeholder_is_set_by_some_emitter() {
    let mut texts = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut texts);
    let mut names = BTreeSet::from(["subject".to_string()]);
    for t in &texts {
        set_names(t, &mut names);
    }
    let (mut passed, mut failed) = (0, Vec::new());
    for m in i18n::all() {
        for lang in i18n::Lang::ALL {
            for key in i18n::unfilled(m.text(lang)) {
                if names.contains(key) {
                    passed += 1;
                } else {
                    failed.push(format!("{} ({}): no code sets {{{key}}}", m.code, lang.tag()));
                }
            }
        }
    }
    for f in &failed {
        eprintln!("FAIL {f}");
    }
    println!("catalogue_args: {passed} passed, {} failed", failed.len());
    assert!(failed.is_empty(), "{failed:#?}");
}
