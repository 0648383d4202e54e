//! Conformance vectors for the policy records: DKIM keys, DMARC, MTA-STS
//! (record and policy file) and TLS-RPT, from mox and checkdmarc (see each
//! `tests/vectors/<kind>/SOURCES.md`).
//!
//! A case is "valid" for us when the record parses and no finding is an error.
//! Where a vector disagrees with the RFC we follow, [`OVERRIDES`] gives the
//! expectation we test instead and why; such a case passes only when our
//! result matches that expectation.
//!
//! Runs as a plain program (`harness = false`): one line per file on stdout,
//! failing cases on stderr, non-zero exit when any case fails.

use maildns::dkim::{DkimKey, KeyType};
use maildns::dmarc::{self, Alignment, DmarcPolicy, FailureOption, ReportUri};
use maildns::finding::{is_valid, Finding};
use maildns::mta_sts::{Mode, MtaStsPolicy, MtaStsRecord};
use maildns::tls_rpt::TlsRptRecord;
use serde_json::Value;
use std::path::Path;
use std::process::ExitCode;

/// A vector whose expectation we replace: (file, case id, input, valid, why).
type Override = (&'static str, &'static str, &'static str, bool, &'static str);

const OVERRIDES: &[Override] = &[
    (
        "dmarc/mox-dmarc-record-vectors.json",
        "#8",
        "v=DMARC1; sp=reject; p=reject",
        true,
        "RFC 9989 §4.7 only requires v first; RFC 7489 wanted p second. We warn \
         (dmarc.p_not_second). checkdmarc testDMARCPTagPositionWarns agrees.",
    ),
    (
        "dmarc/mox-dmarc-record-vectors.json",
        "#36",
        "v=DMARC1; p=reject; sp=invalid; rua=mailto:mjl@mox.example",
        false,
        "mox accepts the record because receivers fall back to p=none (RFC 9989 §4.10.1); \
         for the domain owner that fallback silently drops p=reject, and checkdmarc \
         (RFC 9989, testDMARCInvalidSpValue) rejects an invalid sp. We report errors.",
    ),
    (
        "tls-rpt/mox-tlsrpt-record-vectors.json",
        "#3",
        "v=TLSRPTv1 ; rua=mailto:x@x.example; rua=mailto:y@x.example",
        false,
        "RFC 8460 §3 ABNF does not forbid a repeated rua=, but reporters disagree on it \
         (checkdmarc rejects the record); we report an error whose fix merges the lists.",
    ),
    (
        "mta-sts/checkdmarc-mta-sts-vectors.json",
        "testParseMtaStsPolicyUnexpectedKey#0",
        "version: STSv1\r\nmode: enforce\r\nmax_age: 86400\r\nmx: mail.example.com\r\nbadkey: badvalue\r\n",
        true,
        "RFC 8461 §3.2 ABNF has sts-policy-extension: unknown keys are extensions, \
         which senders ignore (mox accepts them too). We give an info finding.",
    ),
];

/// The outcome of one case: `Ok` or what went wrong.
type CaseResult = Result<(), String>;

/// Runs every case of one parsed file, appending (case label, outcome).
type FileRunner = fn(&str, &Value, &mut Vec<(String, CaseResult)>);

fn valid(findings: &[Finding]) -> bool {
    is_valid(findings)
}

fn describe(findings: &[Finding]) -> String {
    let codes: Vec<String> = findings
        .iter()
        .map(|f| format!("{:?} {}", f.severity, f.code))
        .collect();
    codes.join(", ")
}

/// Compares validity, applying an override when the table has one.
fn expect_validity(
    file: &str,
    id: &str,
    input: &str,
    vector_valid: bool,
    findings: &[Finding],
) -> CaseResult {
    let want = match OVERRIDES.iter().find(|o| o.0 == file && o.1 == id) {
        Some(o) if o.2 == input => o.3,
        Some(o) => {
            return Err(format!(
                "override {id} names input {:?} but the case is {input:?}",
                o.2
            ))
        }
        None => vector_valid,
    };
    let got = valid(findings);
    if got == want {
        Ok(())
    } else {
        Err(format!(
            "expected valid={want}, got valid={got}: [{}]",
            describe(findings)
        ))
    }
}

fn eq<T: PartialEq + std::fmt::Debug>(what: &str, got: T, want: T) -> CaseResult {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

fn pairs(v: &Value) -> Vec<(String, String)> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|p| {
                    (
                        p[0].as_str().unwrap_or("").into(),
                        p[1].as_str().unwrap_or("").into(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

// ---- DKIM -------------------------------------------------------------------

fn dkim_expected(key: &DkimKey, txt: &str, exp: &Value) -> CaseResult {
    if let Some(k) = exp["k"].as_str() {
        eq("k", key.effective_key_type().as_str().to_string(), k.to_string())?;
    }
    if let Some(s) = exp.get("s") {
        eq(
            "s",
            key.services.clone().unwrap_or_else(|| vec!["*".into()]),
            strings(s),
        )?;
    }
    for (name, field) in [("h", &key.hashes), ("t", &key.flags)] {
        if let Some(v) = exp.get(name) {
            eq(name, field.clone().unwrap_or_default(), strings(v))?;
        }
    }
    if let Some(n) = exp["n"].as_str() {
        eq("n", key.notes.as_deref(), Some(n))?;
    }
    if exp["p"].as_str() == Some("") {
        eq("revoked", key.is_revoked(), true)?;
    }
    match exp["p_base64"].as_str() {
        Some("(same as in record)") => {
            let p = txt.split("p=").nth(1).unwrap_or("");
            eq("p", key.public_key_base64(), p.to_string())?;
        }
        Some(p) => eq("p", key.public_key_base64(), p.to_string())?,
        None => {}
    }
    if key.effective_key_type() == KeyType::Rsa && !key.is_revoked() {
        eq("lint", valid(&key.lint("x")), true)?;
    }
    Ok(())
}

fn run_dkim(file: &str, doc: &Value, out: &mut Vec<(String, CaseResult)>) {
    for (i, case) in doc["cases"].as_array().into_iter().flatten().enumerate() {
        let id = format!("#{i}");
        let txt = case["txt"].as_str().unwrap_or("");
        let (key, findings) = DkimKey::check(txt, "sel._domainkey.example");
        let mut r = expect_validity(file, &id, txt, case["valid"] == true, &findings);
        if let (Ok(()), Some(k), Some(exp)) = (&r, &key, case.get("expected")) {
            r = dkim_expected(k, txt, exp);
        }
        out.push((format!("{id} {txt:?}"), r));
    }
}

// ---- DMARC ------------------------------------------------------------------

fn uri_json(u: &ReportUri) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("uri".into(), Value::from(u.uri.clone()));
    if let Some(size) = u.size {
        m.insert("max_size".into(), Value::from(size.amount));
        m.insert(
            "unit".into(),
            Value::from(size.unit.map(String::from).unwrap_or_default()),
        );
    }
    Value::Object(m)
}

fn dmarc_expected(rec: &dmarc::DmarcRecord, exp: &Value) -> CaseResult {
    let align = |a: Option<Alignment>| a.unwrap_or(Alignment::Relaxed).as_str().to_string();
    eq(
        "p",
        rec.effective_policy().as_str(),
        exp["p"].as_str().unwrap_or("none"),
    )?;
    if let Some(sp) = exp["sp"].as_str() {
        eq("sp", rec.subdomain_policy.map(DmarcPolicy::as_str), Some(sp))?;
    }
    eq(
        "adkim",
        align(rec.adkim),
        exp["adkim"].as_str().unwrap_or("r").to_string(),
    )?;
    eq(
        "aspf",
        align(rec.aspf),
        exp["aspf"].as_str().unwrap_or("r").to_string(),
    )?;
    for (name, list) in [("rua", &rec.rua), ("ruf", &rec.ruf)] {
        let got: Vec<Value> = list.iter().map(uri_json).collect();
        let want = exp[name].as_array().cloned().unwrap_or_default();
        eq(name, got, want)?;
    }
    let fo: Vec<String> = if rec.failure_options.is_empty() {
        vec!["0".into()]
    } else {
        rec.failure_options
            .iter()
            .map(|o| FailureOption::as_str(*o).to_string())
            .collect()
    };
    eq("fo", fo, strings(&exp["fo"]))?;
    // pct / ri / rf: removed by RFC 9989; kept as written, not interpreted.
    Ok(())
}

fn run_dmarc_mox(file: &str, doc: &Value, out: &mut Vec<(String, CaseResult)>) {
    for (i, case) in doc["cases"].as_array().into_iter().flatten().enumerate() {
        let id = format!("#{i}");
        let txt = case["record"].as_str().unwrap_or("");
        let (rec, findings) = dmarc::check(txt, "_dmarc.example");
        let mut r = expect_validity(file, &id, txt, case["valid"] == true, &findings);
        if let (Ok(()), Some(rec), Some(exp), true) = (&r, &rec, case.get("expected"), valid(&findings)) {
            r = dmarc_expected(rec, exp);
        }
        out.push((format!("{id} {txt:?}"), r));
    }
}

/// checkdmarc-style files: `tests[].inputs[]`, valid when no exception is expected.
fn run_checkdmarc(
    file: &str,
    doc: &Value,
    out: &mut Vec<(String, CaseResult)>,
    check: impl Fn(&str, &str) -> Vec<Finding>,
) {
    for test in doc["tests"].as_array().into_iter().flatten() {
        let name = test["test"].as_str().unwrap_or("?");
        let vector_valid = test["expected_exception"].is_null();
        for (i, input) in test["inputs"].as_array().into_iter().flatten().enumerate() {
            let id = format!("{name}#{i}");
            let function = input["function"].as_str().unwrap_or("");
            let txt = input["input"].as_str().unwrap_or("");
            let findings = check(function, txt);
            let r = expect_validity(file, &id, txt, vector_valid, &findings);
            out.push((format!("{id} {txt:?}"), r));
        }
    }
}

// ---- MTA-STS ----------------------------------------------------------------

fn run_mta_sts_mox(file: &str, doc: &Value, out: &mut Vec<(String, CaseResult)>) {
    for (i, case) in doc["record_cases"].as_array().into_iter().flatten().enumerate() {
        let id = format!("record#{i}");
        let txt = case["txt"].as_str().unwrap_or("");
        let (rec, findings) = MtaStsRecord::check(txt, "_mta-sts.example");
        let mut r = expect_validity(file, &id, txt, case["valid"] == true, &findings);
        if let (Ok(()), Some(rec), Some(exp)) = (&r, &rec, case.get("expected")) {
            r = eq("id", rec.id.as_str(), exp["id"].as_str().unwrap_or(""))
                .and_then(|()| eq("extensions", rec.extensions.clone(), pairs(&exp["extensions"])));
        }
        out.push((format!("{id} {txt:?}"), r));
    }
    for (i, case) in doc["policy_cases"].as_array().into_iter().flatten().enumerate() {
        let id = format!("policy#{i}");
        let txt = case["policy"].as_str().unwrap_or("");
        let (policy, findings) = MtaStsPolicy::check(txt, "mta-sts.example");
        let mut r = expect_validity(file, &id, txt, case["valid"] == true, &findings);
        if let (Ok(()), Some(p), Some(exp)) = (&r, &policy, case.get("expected")) {
            r = mta_sts_policy_expected(p, exp);
        }
        out.push((format!("{id} {txt:?}"), r));
    }
}

fn mta_sts_policy_expected(p: &MtaStsPolicy, exp: &Value) -> CaseResult {
    let mode = match p.mode {
        Mode::Enforce => "enforce",
        Mode::Testing => "testing",
        Mode::None => "none",
    };
    eq("mode", mode, exp["mode"].as_str().unwrap_or(""))?;
    eq("max_age", Some(p.max_age), exp["max_age"].as_u64())?;
    let got: Vec<(bool, String)> =
        p.mx.iter()
            .map(|m| (m.wildcard, m.domain.as_str().to_string()))
            .collect();
    let want: Vec<(bool, String)> = exp["mx"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| {
            (
                m["wildcard"] == true,
                m["domain"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    eq("mx", got, want)?;
    eq("extensions", p.extensions.clone(), pairs(&exp["extensions"]))
}

fn mta_sts_checkdmarc(function: &str, txt: &str) -> Vec<Finding> {
    match function {
        "parse_mta_sts_policy" => MtaStsPolicy::check(txt, "mta-sts.example").1,
        _ => MtaStsRecord::check(txt, "_mta-sts.example").1,
    }
}

// ---- TLS-RPT ----------------------------------------------------------------

fn run_tls_rpt_mox(file: &str, doc: &Value, out: &mut Vec<(String, CaseResult)>) {
    for (i, case) in doc["cases"].as_array().into_iter().flatten().enumerate() {
        let id = format!("#{i}");
        let txt = case["txt"].as_str().unwrap_or("");
        let (rec, findings) = TlsRptRecord::check(txt, "_smtp._tls.example");
        let mut r = expect_validity(file, &id, txt, case["valid"] == true, &findings);
        if let (Ok(()), Some(rec), Some(exp), true) = (&r, &rec, case.get("expected"), valid(&findings)) {
            let want: Vec<String> = exp["rua"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(strings)
                .collect();
            r = eq("rua", rec.rua.clone(), want)
                .and_then(|()| eq("extensions", rec.extensions.clone(), pairs(&exp["extensions"])));
        }
        out.push((format!("{id} {txt:?}"), r));
    }
}

// ---- main -------------------------------------------------------------------

fn main() -> ExitCode {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let files: &[(&str, FileRunner)] = &[
        ("dkim/mox-dkim-key-record-vectors.json", run_dkim),
        ("dmarc/mox-dmarc-record-vectors.json", run_dmarc_mox),
        ("dmarc/checkdmarc-dmarc-vectors.json", |f, d, o| {
            run_checkdmarc(f, d, o, |_, t| dmarc::check(t, "_dmarc.example").1)
        }),
        ("mta-sts/mox-mta-sts-vectors.json", run_mta_sts_mox),
        ("mta-sts/checkdmarc-mta-sts-vectors.json", |f, d, o| {
            run_checkdmarc(f, d, o, mta_sts_checkdmarc)
        }),
        ("tls-rpt/mox-tlsrpt-record-vectors.json", run_tls_rpt_mox),
        ("tls-rpt/checkdmarc-tlsrpt-vectors.json", |f, d, o| {
            run_checkdmarc(f, d, o, |_, t| TlsRptRecord::check(t, "_smtp._tls.example").1)
        }),
    ];
    let mut any_failed = false;
    for (file, run) in files {
        let doc: Value = match std::fs::read_to_string(dir.join(file)).map(|s| serde_json::from_str(&s)) {
            Ok(Ok(doc)) => doc,
            other => {
                println!("vectors {file}: 0 passed, 1 failed");
                eprintln!("  cannot read {file}: {other:?}");
                any_failed = true;
                continue;
            }
        };
        let mut results = Vec::new();
        run(file, &doc, &mut results);
        let failed: Vec<&(String, CaseResult)> = results.iter().filter(|(_, r)| r.is_err()).collect();
        println!(
            "vectors {file}: {} passed, {} failed",
            results.len() - failed.len(),
            failed.len()
        );
        for (case, r) in &failed {
            eprintln!(
                "  FAIL {file} {case}: {}",
                r.as_ref().err().map_or("", |e| e.as_str())
            );
        }
        any_failed |= !failed.is_empty() || results.is_empty();
    }
    if any_failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
