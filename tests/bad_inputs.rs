//! The bad-input catalogue (`tests/bad_inputs/cases.json`, see the README
//! there) run natively: each case goes through the same core function the
//! page calls for its surface, and the exact code it names must come out
//! with the expected severity (`expect: "ok"` cases must give no error).
//! Every finding a case gives must also render whole in both languages: a
//! literal `{name}` left in the text fails the case (issue 21 item 7).
//! The page run of the same file is `tests/e2e/bad_inputs.test.mjs`.
//!
//! Prints `bad_inputs: N passed, M failed` and exits non-zero on a failure.
//! Before the cases it proves it can fail: a case given a wrong code must not
//! pass.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use maildns::check::form::audit_request;
use maildns::dns::endpoint::{parse_check_link, EndpointChoice};
use maildns::dns::Protocol;
use maildns::export::limits::panel_findings;
use maildns::export::Panel;
use maildns::finding::{Finding, Severity};
use maildns::generate::generate;
use maildns::import;
use maildns::model::name::Name;
use maildns::mta_sts::policy::MtaStsPolicy;
use maildns::plan::{field_findings, validate, DkimAlgorithm, HostInput, MailPlan};
use maildns::{i18n, share};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The categories of GitHub issue 7 item 2, and `zone_import` (a zone
/// export read into a plan); each must have at least 3 cases.
const CATEGORIES: &[&str] = &[
    "overlong",
    "empty_label",
    "bad_idn",
    "ipv6_zone_id",
    "ipv4_leading_zero",
    "ip_literal_mx",
    "txt_characters",
    "big_keys",
    "huge_input",
    "share_link",
    "storage",
    "endpoint_url",
    "zone_import",
    "message",
];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs")
}

/// Expands an input spec (see the README): a string, or an object that
/// builds one. Text surfaces take text: a spec that builds bytes which are
/// not UTF-8 (`bytes`) is an error in the case, not an input.
fn build(spec: &Value) -> Result<String, String> {
    String::from_utf8(build_bytes(spec)?)
        .map_err(|_| format!("{spec} is not UTF-8 text; only zone_import takes bytes"))
}

/// Expands an input spec into bytes: what [`build`] reads as text, and what
/// the `zone_import` surface takes as a chosen file's content.
fn build_bytes(spec: &Value) -> Result<Vec<u8>, String> {
    let Some(obj) = spec.as_object() else {
        return spec
            .as_str()
            .map(|s| s.as_bytes().to_vec())
            .ok_or(format!("bad input spec {spec}"));
    };
    let part = |key: &str| {
        obj.get(key)
            .map(build_bytes)
            .transpose()
            .map(Option::unwrap_or_default)
    };
    let mut out = if let Some(r) = obj.get("repeat") {
        let times = obj
            .get("times")
            .and_then(Value::as_u64)
            .ok_or("repeat without times")?;
        build_bytes(r)?.repeat(usize::try_from(times).map_err(|e| e.to_string())?)
    } else if let Some(f) = obj.get("file") {
        let path = dir().join(f.as_str().ok_or("file is not a string")?);
        std::fs::read_to_string(&path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .into_bytes()
    } else if let Some(f) = obj.get("pem_body") {
        let path = dir().join(f.as_str().ok_or("pem_body is not a string")?);
        let pem = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        pem.lines()
            .filter(|l| !l.starts_with("-----"))
            .collect::<String>()
            .into_bytes()
    } else if let Some(parts) = obj.get("concat") {
        let parts = parts.as_array().ok_or("concat is not a list")?;
        parts
            .iter()
            .map(build_bytes)
            .collect::<Result<Vec<_>, _>>()?
            .concat()
    } else if let Some(hex) = obj.get("bytes") {
        // Hex digits, blanks between them ignored: the one spec that can
        // give bytes a JSON string cannot hold (GBK text, a ZIP header).
        let digits: Vec<u8> = hex
            .as_str()
            .ok_or("bytes is not a string")?
            .bytes()
            .filter(|b| !b.is_ascii_whitespace())
            .collect();
        digits
            .chunks(2)
            .map(|pair| {
                std::str::from_utf8(pair)
                    .ok()
                    .filter(|p| p.len() == 2)
                    .and_then(|p| u8::from_str_radix(p, 16).ok())
                    .ok_or(format!(
                        "bytes: {:?} is not a hex byte",
                        String::from_utf8_lossy(pair)
                    ))
            })
            .collect::<Result<Vec<u8>, String>>()?
    } else if let Some(s) = obj.get("share") {
        let json = build(s)?;
        match obj.get("version").and_then(Value::as_u64).unwrap_or(1) {
            0 => format!("p0={}", URL_SAFE_NO_PAD.encode(json.as_bytes())).into_bytes(),
            _ => {
                let mut deflated = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
                // `cut`: keep only the first bytes of the DEFLATE stream.
                if let Some(cut) = obj.get("cut").and_then(Value::as_u64) {
                    deflated.truncate(usize::try_from(cut).map_err(|e| e.to_string())?);
                }
                format!("p1={}", URL_SAFE_NO_PAD.encode(deflated)).into_bytes()
            }
        }
    } else {
        return Err(format!("unknown input spec {spec}"));
    };
    if let Some(n) = obj.get("take").and_then(Value::as_u64) {
        let text = String::from_utf8(out).map_err(|_| "take counts characters: the input is not UTF-8")?;
        out = text
            .chars()
            .take(usize::try_from(n).map_err(|e| e.to_string())?)
            .collect::<String>()
            .into_bytes();
    }
    Ok([part("prefix")?, out, part("suffix")?].concat())
}

fn text_of(v: Option<&Value>) -> String {
    v.and_then(Value::as_str).unwrap_or_default().to_string()
}

/// The form the page starts from once a domain is typed: the starter plan
/// (one mail host with an empty IPv4 entry, a dated selector).
fn base_plan() -> MailPlan {
    let mut p = MailPlan {
        domain: "example.com".into(),
        ..MailPlan::default()
    };
    p.hosts.push(HostInput {
        ipv4: vec![String::new()],
        ..HostInput::default()
    });
    p.dkim.selector = "s202611".into();
    p
}

/// Puts `input` into the plan field of a generator surface; returns the
/// field key the findings are filed under.
fn plan_field(surface: &str, p: &mut MailPlan, input: String, setup: &Value) -> Result<String, String> {
    if let Some(a) = setup.get("dkim_algorithm").and_then(Value::as_str) {
        p.dkim.algorithm = match a {
            "rsa-1024" => DkimAlgorithm::Rsa1024,
            "rsa-4096" => DkimAlgorithm::Rsa4096,
            _ => DkimAlgorithm::Rsa2048,
        };
    }
    if let Some(k) = setup.get("dkim_public_key") {
        p.dkim.public_key = build(k)?;
    }
    // The selector is only checked once there is a key to publish under it;
    // the page run pastes the same key first.
    if surface == "dkim_selector" {
        p.dkim.public_key = build(&serde_json::json!({ "file": "keys/r2048.pub" }))?;
    }
    fn host(p: &mut MailPlan) -> &mut HostInput {
        if p.hosts.is_empty() {
            p.hosts.push(HostInput::default());
        }
        &mut p.hosts[0]
    }
    let key = match surface {
        "domain" => {
            p.domain = input;
            "domain"
        }
        "host_name" => {
            host(p).name = input;
            "hosts[0].name"
        }
        "host_ipv4" => {
            host(p).ipv4 = vec![input];
            "hosts[0].ipv4[0]"
        }
        "host_ipv6" => {
            host(p).ipv6 = vec![input];
            "hosts[0].ipv6[0]"
        }
        "backup_mx_name" => {
            p.backup_mx = vec![HostInput {
                name: input,
                ..HostInput::default()
            }];
            "backup_mx[0].name"
        }
        "dkim_selector" => {
            p.dkim.selector = input;
            "dkim.selector"
        }
        "dkim_public_key" => {
            p.dkim.public_key = input;
            "dkim.public_key"
        }
        "dmarc_rua" => {
            p.dmarc.rua = vec![input];
            "dmarc.rua[0]"
        }
        "spf_include" => {
            p.spf.includes = vec![input];
            "spf.includes[0]"
        }
        "spf_ip4" => {
            p.spf.ip4 = vec![input];
            "spf.ip4[0]"
        }
        "spf_ip6" => {
            p.spf.ip6 = vec![input];
            "spf.ip6[0]"
        }
        "spf_mx" => {
            p.spf.mx = vec![input];
            "spf.mx[0]"
        }
        "caa_iodef" => {
            p.caa.enabled = true;
            p.caa.issuers = vec!["letsencrypt.org".into()];
            p.caa.iodef = input;
            "caa.iodef"
        }
        "mta_sts_mx" => {
            p.mta_sts.enabled = true;
            p.mta_sts.mx = vec![input];
            "mta_sts.mx[0]"
        }
        "tls_rpt_rua" => {
            p.tls_rpt.enabled = true;
            p.tls_rpt.rua = vec![input];
            "tls_rpt.rua[0]"
        }
        "ttl_default" => {
            p.ttl.default = input;
            "ttl.default"
        }
        other => return Err(format!("unknown surface {other}")),
    };
    Ok(key.to_string())
}

type Observed = Vec<(&'static str, Severity)>;

/// The codes and severities of `findings`, once each has been rendered in
/// both languages: a message left with a literal `{name}` (a finding built
/// without an argument its text uses) fails the case.
fn of(findings: &[Finding]) -> Result<Observed, String> {
    let unfilled: Vec<String> = findings.iter().flat_map(i18n::render_problems).collect();
    if !unfilled.is_empty() {
        return Err(unfilled.join("; "));
    }
    Ok(findings.iter().map(|f| (f.code, f.severity)).collect())
}

/// The findings of the plan's field `key`, after every finding of the whole
/// plan has rendered whole (see [`of`]).
fn plan_findings(plan: &MailPlan, key: &str) -> Result<Observed, String> {
    let all = field_findings(plan);
    let every: Vec<Finding> = all.iter().map(|(_, f)| f.clone()).collect();
    of(&every)?;
    of(all.get(key))
}

/// What the core says about the case's input on its surface.
fn observe(case: &Value) -> Result<Observed, String> {
    let surface = case["surface"].as_str().ok_or("no surface")?;
    if surface == "zone_import" {
        return zone_import_observe(&build_bytes(&case["input"])?, case);
    }
    if surface == "message" {
        return message_observe(&build_bytes(&case["input"])?);
    }
    let input = build(&case["input"])?;
    let setup = case.get("setup").cloned().unwrap_or(Value::Null);
    let field = text_of(case.get("field"));
    Ok(match surface {
        "check_domain" => audit_errors(&input, "", "", "")?,
        "check_selectors" => audit_errors("example.com", &input, "", "")?,
        "check_ips" => audit_errors("example.com", "", &input, "")?,
        "check_policy" => {
            of(&MtaStsPolicy::check(&input, "https://mta-sts.good-mail.net/.well-known/mta-sts.txt").1)?
        }
        "endpoint_url" => {
            let choice = EndpointChoice::Custom {
                url: input,
                protocol: Protocol::GoogleJson,
            };
            choice
                .resolve()
                .err()
                .map(|e| vec![(e.code(), Severity::Error)])
                .unwrap_or_default()
        }
        // The Generate half opens `p<n>=` fragments only (persist::load).
        "share_link" if !share::is_share_fragment(&input) => Vec::new(),
        "share_link" => match share::decode(&input) {
            Err(e) => vec![(e.code(), Severity::Error)],
            Ok(plan) => plan_findings(&plan, &field)?,
        },
        // The Check half (CheckPage): a link pre-fills the form and starts,
        // after confirmation for a non-preset resolver; the start validates.
        "check_link" => match parse_check_link(&input) {
            None => Vec::new(),
            Some(link) => {
                let mut out = link
                    .endpoint
                    .resolve()
                    .err()
                    .map(|e| vec![(e.code(), Severity::Error)])
                    .unwrap_or_default();
                out.extend(audit_errors(&link.domain, &link.selectors, "", "")?);
                out
            }
        },
        "storage" => match case["key"].as_str().ok_or("storage case without key")? {
            // persist::stored_plan: plan::stored::decode (any version), else
            // the text is set aside with the reason.
            "maildns.plan" | "maildns.plan.v1" => match maildns::plan::stored::decode(&input) {
                Err(e) => vec![(e.code(), Severity::Error)],
                Ok(plan) => plan_findings(&plan, &field)?,
            },
            // persist::stored_private_key: dkim::private::read_pem, else the
            // text is set aside with the reason and not offered as a key.
            "maildns.dkim.private" => match maildns::dkim::private::read_pem(&input) {
                Err(e) => vec![(e.code(), Severity::Error)],
                Ok(_) => Vec::new(),
            },
            // app::initial_lang falls back to the browser's language.
            // (A tag it does not know is simply not used.)
            "maildns.lang" => {
                let _ = i18n::Lang::from_tag(&input);
                Vec::new()
            }
            // The boot script and csp::parse_origins keep only https
            // origins; anything else in the list is skipped.
            "maildns.connect.origins" => {
                let kept = maildns::csp::parse_origins(&input);
                if let Some(bad) = kept
                    .iter()
                    .find(|o| maildns::csp::origin_of(o).as_deref() != Some(o.as_str()))
                {
                    return Err(format!("kept {bad}, which is not an origin"));
                }
                Vec::new()
            }
            // persist::load_panel falls back to Aliyun for a word it does not know.
            "maildns.panel" => {
                let _ = serde_json::from_value::<maildns::export::Panel>(Value::String(input.clone()));
                Vec::new()
            }
            // check::CheckPage: an unknown preset id is ignored.
            "maildns.resolver.v1" => {
                let _ = maildns::dns::Preset::from_id(&input);
                Vec::new()
            }
            other => return Err(format!("unknown storage key {other}")),
        },
        "panel" => panel_observe(input, &setup)?,
        _ => {
            let mut plan = base_plan();
            let key = plan_field(surface, &mut plan, input, &setup)?;
            plan_findings(&plan, &key)?
        }
    })
}

/// The `panel` surface: the input goes into the plan field `setup.field`
/// (a generator surface, or `tlsa_pem`, `host_priority`), the plan is
/// generated, and the records are held against `setup.panel`'s limits.
fn panel_observe(input: String, setup: &Value) -> Result<Observed, String> {
    let word = setup
        .get("panel")
        .and_then(Value::as_str)
        .ok_or("panel case without setup.panel")?;
    let panel: Panel = serde_json::from_value(Value::String(word.into())).map_err(|e| e.to_string())?;
    let mut plan = base_plan();
    // A panel case needs a plan that generates: give the mail host an address.
    plan.hosts[0].ipv4 = vec!["192.0.2.1".into()];
    match setup
        .get("field")
        .and_then(Value::as_str)
        .ok_or("panel case without setup.field")?
    {
        "tlsa_pem" => {
            plan.tlsa.enabled = true;
            plan.tlsa.pem = input;
        }
        "host_priority" => plan.hosts[0].priority = input,
        surface => {
            plan_field(surface, &mut plan, input, setup)?;
        }
    }
    let valid = validate(&plan).map_err(|e| format!("plan does not validate: {e:?}"))?;
    of(&panel_findings(&generate(&valid), panel))
}

/// The `zone_import` surface: the Generate half's import box
/// (`ui::generate::import`, read by the tools worker). The input is the
/// content of a chosen file, read two ways that must agree on the code and
/// the line:
/// - `import::read_export_bytes`, the reader of a file's bytes;
/// - what the page does: `Blob.text()` of at most the first 2 MB + 1 bytes
///   (UTF-8, a byte-order mark dropped, bytes that are not UTF-8 replaced
///   by U+FFFD), then `import::read_export` as the worker calls it.
///
/// `setup.origin` is the domain typed in the form (the worker's hint);
/// without it there is none. An error case names its `line` (a number, or
/// `null` for a refusal of the whole file); where there is a line, the
/// message must say it in both languages.
/// The `message` surface: the message test's one call, on an empty zone
/// with a verifier that refuses every signature (no case needs a key).
/// Every finding the report shows, or the refusal.
fn message_observe(bytes: &[u8]) -> Result<Observed, String> {
    use maildns::message::crypto::{CryptoError, SignatureVerifier, VerifyRequest};
    struct Refuses;
    impl SignatureVerifier for Refuses {
        async fn verify(&self, _: &VerifyRequest) -> Result<bool, CryptoError> {
            Ok(false)
        }
    }
    let zone = maildns::dns::memory::MemoryZone::new();
    let size = bytes.len() as u64;
    if let Some(refused) = maildns::message::view::too_large(size) {
        return of(&[refused]);
    }
    let run = maildns::message::view::run(bytes, Default::default(), 1_800_000_000, &zone, &Refuses);
    match futures::executor::block_on(run) {
        Err(refused) => of(&[refused]),
        Ok(outcome) => {
            let mut all: Vec<Finding> = outcome.findings.clone();
            all.extend(outcome.dkim.iter().flat_map(|d| d.findings.iter().cloned()));
            all.extend(outcome.dmarc.findings.iter().cloned());
            all.extend(outcome.comparison.iter().cloned());
            of(&all)
        }
    }
}

fn zone_import_observe(bytes: &[u8], case: &Value) -> Result<Observed, String> {
    let hint = case
        .get("setup")
        .and_then(|s| s.get("origin"))
        .and_then(Value::as_str)
        .filter(|o| !o.trim().is_empty())
        .map(|o| Name::host(o).map_err(|e| format!("setup.origin {o}: {e:?}")))
        .transpose()?;
    let from_bytes = import::read_export_bytes(bytes, hint.as_ref());
    let cut = &bytes[..bytes.len().min(import::MAX_BYTES + 1)];
    let page_text = String::from_utf8_lossy(cut.strip_prefix(b"\xef\xbb\xbf").unwrap_or(cut)).into_owned();
    let from_page = import::read_export(&page_text, hint.as_ref());
    let (e, page) = match (from_bytes, from_page) {
        (Ok(got), Ok(_)) => return of(&got.notes),
        (Err(e), Err(page)) => (e, page),
        (a, b) => {
            return Err(format!(
                "the bytes reader and the page disagree: {:?} against {:?}",
                a.err(),
                b.err()
            ))
        }
    };
    if (e.code, e.line) != (page.code, page.line) {
        return Err(format!("the bytes reader says {e}, the page {page}"));
    }
    let want_line = match case.get("line") {
        Some(Value::Null) => None,
        Some(v) => Some(
            v.as_u64()
                .and_then(|l| usize::try_from(l).ok())
                .ok_or(format!("line {v} is not a line number"))?,
        ),
        None => return Err("a zone_import error case names its line (or null)".into()),
    };
    if e.line != want_line {
        return Err(format!("{e}: expected line {want_line:?}"));
    }
    let finding = e.to_finding();
    let seen = of(std::slice::from_ref(&finding))?;
    if let Some(line) = e.line {
        for lang in i18n::Lang::ALL {
            let text = i18n::explain(lang, &finding);
            if !i18n::text(lang, e.code).contains("{line}") || !text.contains(&line.to_string()) {
                return Err(format!(
                    "{e}: the {} message does not name the line: {text}",
                    lang.tag()
                ));
            }
        }
    }
    Ok(seen)
}

fn audit_errors(domain: &str, selectors: &str, ips: &str, policy: &str) -> Result<Observed, String> {
    match audit_request(domain, selectors, ips, policy) {
        Ok(_) => Ok(Vec::new()),
        Err(findings) => of(&findings),
    }
}

fn severity(word: &str) -> Option<Severity> {
    match word {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "info" => Some(Severity::Info),
        _ => None,
    }
}

/// Checks one case; `Err` says what was wrong.
fn run(case: &Value) -> Result<(), String> {
    let seen = observe(case)?;
    let expect = case.get("expect").and_then(Value::as_str).unwrap_or("error");
    let code = case.get("code").and_then(Value::as_str);
    let show = || format!("{seen:?}");
    match (expect, code) {
        ("ok", code) => {
            if let Some((c, _)) = seen.iter().find(|(_, s)| *s == Severity::Error) {
                return Err(format!("expected no error, got {c} (all: {})", show()));
            }
            if let Some(code) = code {
                if !seen.iter().any(|(c, _)| *c == code) {
                    return Err(format!("expected {code} beside no error, got {}", show()));
                }
            }
        }
        (word, Some(code)) => {
            let want = severity(word).ok_or(format!("bad expect {word}"))?;
            if !seen.iter().any(|(c, s)| *c == code && *s == want) {
                return Err(format!("expected {word} {code}, got {}", show()));
            }
        }
        (word, None) => return Err(format!("expect {word} needs a code")),
    }
    Ok(())
}

/// The file's own rules: unique ids, enough cases, every category covered,
/// every code in the catalogue, every case with a page element.
fn check_catalogue(cases: &[Value]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for case in cases {
        let id = text_of(case.get("id"));
        if !ids.insert(id.clone()) {
            problems.push(format!("{id}: duplicate id"));
        }
        for key in ["what", "surface", "category", "page"] {
            if text_of(case.get(key)).is_empty() {
                problems.push(format!("{id}: no {key}"));
            }
        }
        if let Some(code) = case.get("code").and_then(Value::as_str) {
            if i18n::lookup(code).is_none() {
                problems.push(format!("{id}: {code} is not in the catalogue"));
            }
        }
    }
    if cases.len() < 70 {
        problems.push(format!(
            "only {} cases; the catalogue wants at least 70",
            cases.len()
        ));
    }
    for cat in CATEGORIES {
        let n = cases.iter().filter(|c| c["category"] == *cat).count();
        println!("  {cat}: {n}");
        if n < 3 {
            problems.push(format!("category {cat} has {n} cases; at least 3 wanted"));
        }
    }
    for case in cases {
        if !CATEGORIES.contains(&case["category"].as_str().unwrap_or("")) {
            problems.push(format!("{}: unknown category {}", case["id"], case["category"]));
        }
    }
    problems
}

fn main() {
    let path = dir().join("cases.json");
    let doc: Value = match std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            std::process::exit(2);
        }
    };
    let cases = doc["cases"].as_array().cloned().unwrap_or_default();
    let mut failed = check_catalogue(&cases);

    // The runner must be able to fail: the first error case with its code
    // swapped for another real code does not pass.
    if let Some(first) = cases
        .iter()
        .find(|c| c.get("expect").is_none_or(|e| e == "error"))
    {
        let mut wrong = first.clone();
        wrong["code"] = Value::from(if first["code"] == "name.bad_char" {
            "name.empty"
        } else {
            "name.bad_char"
        });
        if run(&wrong).is_ok() {
            failed.push(format!("{}: a wrong expected code passed", first["id"]));
        }
    }

    let mut passed = 0;
    for case in &cases {
        match run(case) {
            Ok(()) => passed += 1,
            Err(e) => failed.push(format!("{}: {e}", case["id"])),
        }
    }
    for f in &failed {
        eprintln!("FAIL {f}");
    }
    println!("bad_inputs: {passed} passed, {} failed", failed.len());
    if !failed.is_empty() {
        std::process::exit(1);
    }
}
