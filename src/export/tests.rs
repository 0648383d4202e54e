use super::*;
use crate::generate::{generate, RecordSet};
use crate::model::record::{Rdata, Record, RecordType};
use crate::model::Name;
use crate::plan::tests::{example, RSA4096};
use crate::plan::{validate, HostInput};

fn full() -> RecordSet {
    let mut p = example();
    p.backup_mx = vec![HostInput {
        name: "mx.backup-provider.net".into(),
        ..HostInput::default()
    }];
    p.dkim.selector = "s202611".into();
    p.dkim.public_key = RSA4096.into();
    p.dmarc.rua.push("mailto:agg@dmarc.example.net".into());
    p.mta_sts.enabled = true;
    p.autoconfig.enabled = true;
    p.caa.enabled = true;
    p.caa.issuers = vec!["letsencrypt.org".into()];
    generate(&validate(&p).expect("valid"))
}

fn find<'a>(rows: &'a [PanelRow], host: &str, rtype: &str) -> &'a PanelRow {
    rows.iter()
        .find(|r| r.host == host && r.rtype == rtype)
        .unwrap_or_else(|| panic!("{host} {rtype}: {rows:#?}"))
}

#[test]
fn zone_file_has_origin_ttl_placeholder_soa_and_relative_names() {
    let z = zone_file(&full(), 2026112901);
    assert!(z.contains("$ORIGIN example.com.\n$TTL 3600\n"));
    assert!(z.contains("@ 3600 IN SOA ns1.replace-with-your-dns-provider.invalid. hostmaster.example.com. 2026112901 7200 3600 1209600 3600\n"));
    assert!(z.contains("@ 3600 IN MX 10 mail.example.com.\n"));
    assert!(z.contains("mail 3600 IN A 192.0.2.1\n"));
    assert!(z.contains("s202611._domainkey 3600 IN TXT ( \"v=DKIM1; k=rsa; p="));
    assert!(z.contains("_imap._tcp 3600 IN SRV 0 0 0 .\n"));
    // The report authorization is only a comment: it belongs to dmarc.example.net.
    assert!(z.contains("\n;   example.com._report._dmarc.dmarc.example.net. 3600 IN TXT \"v=DMARC1\"\n"));
    assert!(!z.lines().any(|l| l.starts_with("example.com._report")));
    let f = zone_fragment(&full());
    assert!(f.contains("\nexample.com. 3600 IN MX 10 mail.example.com.\n"));
    assert!(!f.contains("SOA") && !f.contains("$ORIGIN"));
}

#[test]
fn zone_txt_strings_read_back() {
    // Every TXT line of the fragment parses back, through the model, to the generated data.
    let set = full();
    let f = zone_fragment(&set);
    for r in set.own_zone() {
        let Rdata::Txt(t) = &r.record.rdata else { continue };
        let owner = r.record.name.fqdn();
        let line = f
            .lines()
            .find(|l| l.starts_with(&format!("{owner} ")) && l.contains(" IN TXT "))
            .expect("line");
        let start = line.find("IN TXT ").expect("type") + 7;
        let mut data = line[start..].to_string();
        if data.starts_with('(') {
            // Gather the continuation lines up to ')'.
            let mut it = f.lines().skip_while(|l| *l != line).skip(1);
            while !data.ends_with(')') {
                data.push(' ');
                data.push_str(it.next().expect("continuation").trim());
            }
            data = data.trim_start_matches('(').trim_end_matches(')').to_string();
        }
        assert_eq!(crate::model::txt::Txt::parse(&data).as_ref(), Ok(t), "{owner}");
        assert!(t.strings.iter().all(|s| s.len() <= 255));
    }
}

#[test]
fn panel_views() {
    let set = full();
    for panel in [Panel::Aliyun, Panel::DnsPod] {
        let rows = panel_rows(&set, panel);
        let mx = find(&rows, "@", "MX");
        assert_eq!((mx.value.as_str(), mx.priority), ("mail.example.com", Some(10)));
        assert_eq!(
            find(&rows, "_dmarc", "TXT").value,
            "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com,mailto:agg@dmarc.example.net"
        );
        let dkim = find(&rows, "s202611._domainkey", "TXT");
        assert!(dkim.value.starts_with("v=DKIM1; k=rsa; p=MIIC") && !dkim.value.contains('"'));
        assert_eq!(find(&rows, "mail", "A").value, "192.0.2.1");
        assert_eq!(
            find(&rows, "_submissions._tcp", "SRV").value,
            "0 1 465 mail.example.com."
        );
        let auth = find(&rows, "example.com._report._dmarc", "TXT");
        assert_eq!(auth.other_zone.as_deref(), Some("dmarc.example.net"));
    }
    let rows = panel_rows(&set, Panel::Cloudflare);
    let srv = find(&rows, "_submissions._tcp", "SRV");
    assert_eq!(
        (srv.value.as_str(), srv.priority),
        ("1 465 mail.example.com", Some(0))
    );
    assert_eq!(find(&rows, "@", "TXT").value, "v=spf1 ip4:192.0.2.1 -all");
    let rows = panel_rows(&set, Panel::Route53);
    assert_eq!(find(&rows, "example.com.", "MX").value, "10 mail.example.com.");
    assert_eq!(find(&rows, "_dmarc.example.com.", "TXT").priority, None);
    let dkim = find(&rows, "s202611._domainkey.example.com.", "TXT");
    assert!(dkim.value.starts_with("\"v=DKIM1; k=rsa; p=") && dkim.value.contains("\" \""));
    // Huawei: relative host, MX priority inside the value, TXT quoted and split.
    let rows = panel_rows(&set, Panel::Huawei);
    let mx = find(&rows, "@", "MX");
    assert_eq!((mx.value.as_str(), mx.priority), ("10 mail.example.com.", None));
    let dkim = find(&rows, "s202611._domainkey", "TXT");
    assert!(dkim.value.starts_with("\"v=DKIM1; k=rsa; p=") && dkim.value.contains("\" \""));
    let rows = panel_rows(&set, Panel::Generic);
    assert_eq!(find(&rows, "mail.example.com.", "A").value, "192.0.2.1");
}

#[test]
fn csv_quotes_per_rfc4180() {
    let c = csv(&full());
    let mut lines = c.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("name,host,type,ttl,priority,value,zone_value,purpose,other_zone")
    );
    assert!(c.contains("\r\nexample.com,@,MX,3600,10,mail.example.com,10 mail.example.com.,mx,\r\n"));
    assert!(c.contains("\r\nexample.com,@,TXT,3600,,v=spf1 ip4:192.0.2.1 -all,\"\"\"v=spf1 ip4:192.0.2.1 -all\"\"\",spf,\r\n"));
    assert!(c.contains(",dmarc_report_auth,dmarc.example.net\r\n"));
}

#[test]
fn json_export_follows_its_schema() {
    let set = full();
    let v: serde_json::Value = serde_json::from_str(&json(&set)).expect("json");
    let schema: serde_json::Value = serde_json::from_str(schema()).expect("schema is JSON");
    let keys = |o: &serde_json::Value| {
        let mut k: Vec<String> = o.as_object().expect("object").keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&v), keys(&schema["properties"]));
    let record_schema = &schema["properties"]["records"]["items"]["properties"];
    let purposes = schema["properties"]["records"]["items"]["properties"]["purpose"]["enum"]
        .as_array()
        .expect("enum")
        .clone();
    for r in v["records"].as_array().expect("records") {
        assert_eq!(keys(r), keys(record_schema));
        assert!(purposes.contains(&r["purpose"]), "{}", r["purpose"]);
    }
    let finding_schema = &schema["properties"]["findings"]["items"]["properties"];
    for f in v["findings"].as_array().expect("findings") {
        assert_eq!(keys(f), keys(finding_schema));
    }
    assert_eq!(
        keys(&v["mta_sts_policy"]),
        keys(&schema["properties"]["mta_sts_policy"]["properties"])
    );
    for p in v["ptr_requests"].as_array().expect("ptr") {
        assert_eq!(
            keys(p),
            keys(&schema["properties"]["ptr_requests"]["items"]["properties"])
        );
    }
    let a = v["records"]
        .as_array()
        .expect("records")
        .iter()
        .find(|r| r["type"] == "A")
        .expect("A");
    assert_eq!(a["zone_line"], "mail.example.com. 3600 IN A 192.0.2.1");
    assert_eq!(a["host"], "mail");
    assert_eq!(v["schema"], json::SCHEMA_ID);
}

#[test]
fn dig_commands() {
    let name = |s: &str| Name::service(s).expect("name");
    let txt = Record::new(
        name("_dmarc.example.com"),
        3600,
        Rdata::Txt(crate::model::Txt::from_value("v=DMARC1; p=none")),
    );
    assert_eq!(dig_command(&txt), "dig +short TXT _dmarc.example.com");
    let ptr = Record::new(
        name("1.2.0.192.in-addr.arpa"),
        3600,
        Rdata::Ptr(crate::model::Ptr::new(name("mail.example.com"))),
    );
    assert_eq!(dig_command(&ptr), "dig -x 192.0.2.1");
    let set = full();
    let mx = set
        .records
        .iter()
        .find(|r| r.record.rtype() == RecordType::Mx)
        .expect("mx");
    assert_eq!(dig_command(&mx.record), "dig +short MX example.com");
    assert_eq!(dig_ptr(set.ptr_requests[0].ip), "dig -x 192.0.2.1");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    #[test]
    fn every_export_of_every_plan(p in crate::plan::tests::valid_plan()) {
        let set = generate(&validate(&p).expect("valid"));
        let z = zone_file(&set, 1);
        let f = zone_fragment(&set);
        for r in set.own_zone() {
            let name = r.record.name.relative_to(&set.domain);
            let relative = format!("{name} {} IN {}", r.record.ttl, r.record.rtype());
            let absolute = format!("{} {} IN {}", r.record.name, r.record.ttl, r.record.rtype());
            proptest::prop_assert!(z.lines().any(|l| l.starts_with(&relative)), "{}", relative);
            proptest::prop_assert!(f.contains(&absolute), "{}", absolute);
        }
        let v: serde_json::Value = serde_json::from_str(&json(&set)).expect("json");
        proptest::prop_assert_eq!(v["records"].as_array().map(Vec::len), Some(set.records.len()));
        proptest::prop_assert_eq!(csv(&set).split("\r\n").filter(|l| !l.is_empty()).count(), set.records.len() + 1);
        for panel in Panel::ALL {
            let rows = panel_rows(&set, panel);
            proptest::prop_assert_eq!(rows.len(), set.records.len());
            for row in rows {
                proptest::prop_assert!(!row.host.is_empty() && !row.value.is_empty());
            }
        }
        for r in &set.records {
            proptest::prop_assert!(dig_command(&r.record).starts_with("dig "));
        }
    }
}

#[test]
fn the_mta_sts_host_export_serves_the_generated_policy_for_each_server() {
    use crate::i18n::Lang;
    use tools::{export_files, ExportFormat};
    let set = full();
    let policy = set.mta_sts_policy.clone().expect("planned");
    for lang in Lang::ALL {
        let files = export_files(&set, ExportFormat::MtaStsHost, lang, 1);
        let readme = &files.first().expect("README").content;
        assert!(readme.starts_with("https://mta-sts.example.com/.well-known/mta-sts.txt\n"));
        // Every file is named in the README with its purpose, never a bare code.
        for f in files.iter().skip(1) {
            assert!(
                readme.contains(&format!("  {}: ", f.name)),
                "{} not in the README",
                f.name
            );
        }
        assert!(!readme.contains("mta_sts_kit."), "a bare code: {readme}");
        for folder in ["nginx/", "caddy/", "apache/", "github-pages/"] {
            let served: Vec<_> = files
                .iter()
                .filter(|f| f.name.starts_with(folder) && f.name.ends_with("/.well-known/mta-sts.txt"))
                .collect();
            assert_eq!(served.len(), 1, "{folder}: one policy file");
            assert_eq!(
                served[0].content, policy.body,
                "{folder}: the generated policy, byte for byte"
            );
        }
        assert!(files
            .iter()
            .any(|f| f.name == "github-pages/CNAME" && f.content.trim() == "mta-sts.example.com"));
        assert!(files
            .iter()
            .any(|f| f.name == "github-pages/_config.yml" && f.content.contains(".well-known")));
        assert!(
            readme.contains("DNS: mta-sts"),
            "the GitHub Pages record: {readme}"
        );
    }
    // Without MTA-STS in the plan, the one file says so.
    let mut p = example();
    p.mta_sts.enabled = false;
    let set = generate(&validate(&p).expect("valid"));
    let files = tools::export_files(&set, tools::ExportFormat::MtaStsHost, crate::i18n::Lang::En, 1);
    assert_eq!(files.len(), 1);
    assert!(
        files[0].content.contains("no MTA-STS policy"),
        "{}",
        files[0].content
    );
}

#[test]
fn a_panels_stored_word_is_its_serde_name_and_reads_back() {
    for panel in Panel::ALL {
        assert_eq!(
            serde_json::to_value(panel).ok(),
            Some(serde_json::Value::String(panel.word().into()))
        );
        assert_eq!(Panel::from_word(panel.word()), Some(panel));
    }
    assert_eq!(Panel::from_word("dnspod"), None);
    assert_eq!(Panel::from_word(""), None);
}
