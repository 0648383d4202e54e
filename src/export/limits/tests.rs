use super::*;
use crate::finding::Severity;
use crate::generate::generate;
use crate::plan::tests::{example, RSA4096};
use crate::plan::validate;

/// Every panel × limit: the documented value and where it comes from.
#[test]
fn table_values_and_sources() {
    use RecordType as T;
    type Row = (
        Panel,
        Option<usize>,
        Option<usize>,
        Option<usize>,
        Option<TxtEntry>,
        Option<(u16, u16)>,
        Option<u32>,
        Option<bool>,
    );
    let table: [Row; 6] = [
        (
            Panel::Aliyun,
            None,
            Some(511),
            None,
            None,
            Some((1, 10)),
            Some(600),
            Some(true),
        ),
        (
            Panel::DnsPod,
            None,
            None,
            None,
            None,
            Some((1, 20)),
            None,
            Some(true),
        ),
        (
            Panel::Cloudflare,
            None,
            None,
            Some(4096),
            Some(TxtEntry::Unquoted),
            None,
            Some(60),
            Some(true),
        ),
        (
            Panel::Route53,
            Some(255),
            Some(4000),
            None,
            Some(TxtEntry::Quoted255),
            None,
            None,
            None,
        ),
        (
            Panel::Huawei,
            Some(255),
            Some(4096),
            None,
            Some(TxtEntry::Quoted255),
            None,
            Some(1),
            None,
        ),
        (Panel::Generic, None, None, None, None, None, None, None),
    ];
    for (panel, string, value, wire, entry, mx, ttl, at) in table {
        let l = limits(panel);
        assert_eq!(l.txt_string_max.map(|x| x.value), string, "{panel:?} string");
        assert_eq!(l.txt_value_max.map(|x| x.value), value, "{panel:?} value");
        assert_eq!(l.wire_max.map(|x| x.value), wire, "{panel:?} wire");
        assert_eq!(l.txt_entry.map(|x| x.value), entry, "{panel:?} entry");
        assert_eq!(l.mx_priority.map(|x| x.value), mx, "{panel:?} mx");
        assert_eq!(l.min_ttl.map(|x| x.value), ttl, "{panel:?} ttl");
        assert_eq!(l.host_at.map(|x| x.value), at, "{panel:?} @");
    }
    let types = |p| limits(p).types.map(|t| t.value);
    assert!(types(Panel::Aliyun).is_some_and(|t| t.contains(&T::Caa) && !t.contains(&T::Tlsa)));
    assert!(types(Panel::Huawei).is_some_and(|t| t.contains(&T::Srv) && !t.contains(&T::Tlsa)));
    assert!(types(Panel::Route53).is_some_and(|t| t.contains(&T::Tlsa) && t.contains(&T::Caa)));
    for p in [Panel::DnsPod, Panel::Cloudflare, Panel::Generic] {
        assert_eq!(types(p), None, "{p:?}");
    }
    let chars = |p| limits(p).txt_characters.map(|c| c.value);
    assert_eq!(chars(Panel::Aliyun), Some(TxtCharacters::Only("-~=:;/.@+^!*")));
    assert_eq!(chars(Panel::Huawei), Some(TxtCharacters::Not("\\")));
}

/// Every limit names a document of the provider it describes.
#[test]
fn every_limit_has_its_providers_source() {
    let host = |p| match p {
        Panel::Aliyun => "alibabacloud.com/",
        Panel::Cloudflare => "cloudflare",
        Panel::Route53 => "docs.aws.amazon.com/Route53/",
        Panel::Huawei => "support.huaweicloud.com/",
        Panel::DnsPod => "github.com/TencentCloud/",
        Panel::Generic => "(none)",
    };
    for p in Panel::ALL {
        let l = limits(p);
        let sources = [
            l.types.map(|x| x.source),
            l.txt_string_max.map(|x| x.source),
            l.txt_value_max.map(|x| x.source),
            l.wire_max.map(|x| x.source),
            l.txt_characters.map(|x| x.source),
            l.txt_entry.map(|x| x.source),
            l.mx_priority.map(|x| x.source),
            l.min_ttl.map(|x| x.source),
            l.host_at.map(|x| x.source),
        ];
        for s in sources.into_iter().flatten() {
            assert!(s.starts_with("https://") && s.contains(host(p)), "{p:?}: {s}");
        }
    }
}

fn codes(set: &RecordSet, panel: Panel) -> Vec<&'static str> {
    panel_findings(set, panel).iter().map(|f| f.code).collect()
}

#[test]
fn starter_plan_fits_the_panels() {
    let set = generate(&validate(&example()).expect("valid"));
    for p in Panel::ALL {
        let errors: Vec<_> = panel_findings(&set, p)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{p:?}: {errors:#?}");
    }
}

#[test]
fn rsa_4096_dkim_is_too_long_for_aliyun_only() {
    let mut p = example();
    p.dkim.selector = "s202611".into();
    p.dkim.public_key = RSA4096.into();
    let set = generate(&validate(&p).expect("valid"));
    let f = panel_findings(&set, Panel::Aliyun);
    let long: Vec<_> = f.iter().filter(|f| f.code == code::panel::TXT_TOO_LONG).collect();
    assert_eq!(long.len(), 1, "{f:#?}");
    assert_eq!(long[0].subject, "s202611._domainkey.example.com.");
    assert_eq!(long[0].rfc, ALIYUN_TYPES_DOC);
    assert_eq!(long[0].get_arg("max"), Some("511"));
    for p in [Panel::Cloudflare, Panel::Route53, Panel::Huawei] {
        assert!(!codes(&set, p).contains(&code::panel::TXT_TOO_LONG), "{p:?}");
    }
}

#[test]
fn tlsa_is_not_offered_by_aliyun_or_huawei() {
    let mut p = example();
    p.tlsa.enabled = true;
    p.tlsa.pem = crate::plan::tests::RSA2048.into();
    let set = generate(&validate(&p).expect("valid"));
    for panel in [Panel::Aliyun, Panel::Huawei] {
        let f = panel_findings(&set, panel);
        let tlsa: Vec<_> = f
            .iter()
            .filter(|f| f.code == code::panel::TYPE_NOT_OFFERED)
            .collect();
        assert!(!tlsa.is_empty(), "{panel:?}");
        assert!(
            tlsa.iter().all(|f| f.get_arg("rtype") == Some("TLSA")),
            "{panel:?}: {tlsa:#?}"
        );
    }
    for panel in [Panel::Cloudflare, Panel::Route53] {
        assert!(
            !codes(&set, panel).contains(&code::panel::TYPE_NOT_OFFERED),
            "{panel:?}"
        );
    }
}

#[test]
fn mx_priority_outside_aliyun_range() {
    let mut p = example();
    p.hosts[0].priority = "20".into();
    let set = generate(&validate(&p).expect("valid"));
    let f = panel_findings(&set, Panel::Aliyun);
    let mx = f
        .iter()
        .find(|f| f.code == code::panel::MX_PRIORITY_RANGE)
        .expect("mx finding");
    assert_eq!(
        (mx.get_arg("priority"), mx.get_arg("max")),
        (Some("20"), Some("10"))
    );
    assert!(!codes(&set, Panel::Cloudflare).contains(&code::panel::MX_PRIORITY_RANGE));
}

#[test]
fn ttl_below_cloudflare_minimum_is_a_warning_with_the_minimum_as_fix() {
    let mut p = example();
    p.ttl.default = "30".into();
    let set = generate(&validate(&p).expect("valid"));
    let f = panel_findings(&set, Panel::Cloudflare);
    assert_eq!(f.len(), set.records.len(), "one finding per record");
    assert!(f.iter().all(|f| f.code == code::panel::TTL_BELOW_MINIMUM
        && f.severity == Severity::Warning
        && f.fix.as_deref() == Some("60")));
    assert!(codes(&set, Panel::Huawei).is_empty());
}

#[test]
fn characters_outside_aliyuns_list_warn() {
    let mut p = example();
    p.spf.includes = vec!["_spf.example.net".into()];
    let set = generate(&validate(&p).expect("valid"));
    let f = panel_findings(&set, Panel::Aliyun);
    let c = f
        .iter()
        .find(|f| f.code == code::panel::TXT_CHARACTERS)
        .expect("chars");
    assert_eq!((c.severity, c.get_arg("char")), (Severity::Warning, Some("_")));
}

#[test]
fn mx_priority_outside_dnspod_range() {
    let mut p = example();
    p.hosts[0].priority = "30".into();
    let set = generate(&validate(&p).expect("valid"));
    let f = panel_findings(&set, Panel::DnsPod);
    let mx = f
        .iter()
        .find(|f| f.code == code::panel::MX_PRIORITY_RANGE)
        .expect("mx finding");
    assert_eq!(mx.severity, Severity::Error);
    assert_eq!(mx.rfc, DNSPOD_API_DOC);
    assert_eq!(
        (mx.get_arg("priority"), mx.get_arg("min"), mx.get_arg("max")),
        (Some("30"), Some("1"), Some("20"))
    );
    // 20 is the top of DNSPod's range (and above Aliyun's).
    p.hosts[0].priority = "20".into();
    let set = generate(&validate(&p).expect("valid"));
    assert!(!codes(&set, Panel::DnsPod).contains(&code::panel::MX_PRIORITY_RANGE));
    assert!(codes(&set, Panel::Aliyun).contains(&code::panel::MX_PRIORITY_RANGE));
}

#[test]
fn ttl_below_aliyun_free_minimum_is_a_warning_with_600_as_fix() {
    let mut p = example();
    p.ttl.default = "300".into();
    let set = generate(&validate(&p).expect("valid"));
    let f = panel_findings(&set, Panel::Aliyun);
    let ttl: Vec<_> = f
        .iter()
        .filter(|f| f.code == code::panel::TTL_BELOW_MINIMUM)
        .collect();
    assert!(!ttl.is_empty(), "{f:#?}");
    assert!(ttl.iter().all(|f| f.severity == Severity::Warning
        && f.rfc == ALIYUN_TTL_DOC
        && f.fix.as_deref() == Some("600")));
    // 300 s is above Cloudflare's 60 s.
    assert!(!codes(&set, Panel::Cloudflare).contains(&code::panel::TTL_BELOW_MINIMUM));
}
