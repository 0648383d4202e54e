//! The SPF parts of the report over the scenario zones (issue 21 item 8):
//! every address checked has its `check_host()` trace, and a flattened
//! record is never offered without `spf.flatten_caveat`.

mod common;

use common::{load_zones, request};
use futures::executor::block_on;
use maildns::check::{audit, report_json, report_markdown, Area, FLATTEN_CAVEAT};
use maildns::i18n::Lang;

#[test]
fn every_checked_address_has_its_trace() {
    let (zone, origins) = load_zones();
    let mut passed = 0;
    let mut failed = Vec::new();
    for origin in origins.iter().filter(|o| !o.ends_with(".arpa")) {
        let mut req = request(origin, &[]);
        req.server_ips = vec!["192.0.2.99".parse().expect("ip")];
        let r = block_on(audit(&zone, &req));
        let Some(spf) = r.area(Area::Spf) else {
            failed.push(format!("{origin}: no SPF area"));
            continue;
        };
        // Every address an own_ip finding names has a trace, and the
        // server address given always has one.
        let named: Vec<&str> = spf
            .findings
            .iter()
            .filter(|f| f.code.starts_with("spf.own_ip"))
            .filter_map(|f| f.get_arg("ip"))
            .collect();
        let traced: Vec<String> = spf.traces.iter().map(|t| t.ip.to_string()).collect();
        let ok = named.iter().all(|ip| traced.iter().any(|t| t == ip))
            && traced.iter().any(|t| t == "192.0.2.99")
            && spf.traces.iter().all(|t| !t.steps.is_empty());
        if ok {
            passed += 1;
        } else {
            failed.push(format!("{origin}: named {named:?}, traced {traced:?}"));
        }
    }
    println!("spf traces per address: {passed} passed, {} failed", failed.len());
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn the_trace_shows_the_deciding_step_of_a_passing_mx_host() {
    let (zone, _) = load_zones();
    let r = block_on(audit(&zone, &request("good-mail.net", &["s202611"])));
    let spf = r.area(Area::Spf).expect("spf area");
    let t = spf
        .traces
        .iter()
        .find(|t| t.ip.to_string() == "185.47.112.10")
        .expect("the MX host's address is traced");
    assert_eq!(t.result, "pass");
    let codes: Vec<&str> = t.steps.iter().map(|s| s.code).collect();
    assert_eq!(codes, ["spf.trace.record", "spf.trace.matched"]);
    let json = report_json(&r);
    assert!(json.contains("\"traces\""), "the JSON export carries the traces");
}

#[test]
fn a_flattened_record_is_offered_with_its_caveat() {
    let (zone, _) = load_zones();
    let r = block_on(audit(&zone, &request("spf-lookups.net", &["s202611"])));
    let spf = r.area(Area::Spf).expect("spf area");
    let offered = spf
        .findings
        .iter()
        .find(|f| f.code == "spf.too_many_lookups")
        .and_then(|f| f.fix.clone())
        .expect("a flattened record is offered");
    assert!(offered.contains("ip4:185.47.112.101"), "{offered}");
    let caveat = spf
        .findings
        .iter()
        .find(|f| f.code == FLATTEN_CAVEAT)
        .expect("the caveat goes with the flattened record");
    assert_eq!(caveat.get_arg("count"), Some("10"));
    for lang in Lang::ALL {
        let md = report_markdown(&r, lang);
        let caveat_text = maildns::i18n::explain(lang, caveat);
        assert!(
            md.contains(&caveat_text),
            "{lang:?}: the Markdown report says the caveat"
        );
    }
    // Every finding of every scenario that offers a flattened record
    // (a fix with more ip4:/ip6: terms than the record it replaces) has
    // the caveat beside it.
    let (zone, origins) = load_zones();
    let mut checked = 0;
    for origin in &origins {
        let r = block_on(audit(&zone, &request(origin, &[])));
        for a in &r.areas {
            let flattened = a
                .findings
                .iter()
                .any(|f| f.code == "spf.too_many_lookups" && f.fix.is_some());
            if flattened {
                checked += 1;
                assert!(
                    a.findings.iter().any(|f| f.code == FLATTEN_CAVEAT),
                    "{origin}: flattened record without its caveat"
                );
            }
        }
    }
    assert!(checked >= 1);
}
