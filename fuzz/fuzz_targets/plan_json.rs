//! A plan as JSON: the checker's pasted/saved plan (`serde_json` into
//! `MailPlan`), then validation, generation and every export, as the page
//! does. A plan survives the share-link codec unchanged; every generated
//! record prints as data that parses back to itself and passes its own
//! checker without an error; the JSON export is JSON.
#![no_main]
use libfuzzer_sys::fuzz_target;
use maildns::export::{csv, json, panel_rows, zone_file, zone_fragment, Panel};
use maildns::finding::Severity;
use maildns::generate::{check_record, plan_findings, validate_and_generate};
use maildns::model::Rdata;
use maildns::plan::MailPlan;
use maildns::share;

fuzz_target!(|data: &[u8]| {
    let Ok(plan) = serde_json::from_slice::<MailPlan>(data) else {
        return;
    };
    let public = plan.without_private_keys();
    assert_eq!(share::decode(&share::encode(&plan)), Ok(public));
    for (_, f) in plan_findings(&plan).iter() {
        maildns_fuzz::assert_catalogued(f.code);
    }
    let Ok((_, set)) = validate_and_generate(&plan) else { return };
    for planned in &set.records {
        let rdata = &planned.record.rdata;
        let printed = rdata.to_string();
        assert_eq!(
            Rdata::parse(rdata.rtype(), &printed).as_ref(),
            Ok(rdata),
            "printed as {printed:?}"
        );
        maildns_fuzz::assert_catalogued(planned.explain_code);
        for f in check_record(planned) {
            maildns_fuzz::assert_catalogued(f.code);
            assert!(
                f.severity != Severity::Error,
                "generated {} fails its check: {}",
                planned.record,
                f.code
            );
        }
    }
    let _ = zone_file(&set, 2026112901);
    let _ = zone_fragment(&set);
    let _ = csv(&set);
    assert!(serde_json::from_str::<serde_json::Value>(&json(&set)).is_ok());
    for panel in [
        Panel::Aliyun,
        Panel::DnsPod,
        Panel::Cloudflare,
        Panel::Route53,
        Panel::Generic,
    ] {
        let _ = panel_rows(&set, panel);
    }
});
