//! Wording and the Markdown report, as a first-time user met them (issue 21
//! item 9): the downloaded report says when and through which resolver it
//! was made; help texts and labels say what is true. The page side (the
//! help of each host, the placeholders, the tabs' keyboard, the layout) is
//! in `tests/e2e/wording.test.mjs`.

use futures::executor::block_on;
use maildns::check::{audit, report_markdown, report_markdown_with, AuditRequest, ReportMeta};
use maildns::dns::memory::MemoryZone;
use maildns::i18n::{self, Lang};
use maildns::model::Name;

fn report() -> maildns::check::Report {
    let request = AuditRequest {
        domain: Name::host("example.com").expect("name"),
        dkim_selectors: vec!["s1".into()],
        server_ips: Vec::new(),
        mta_sts_policy_text: None,
        blocklists: false,
    };
    block_on(audit(&MemoryZone::new(), &request))
}

#[test]
fn markdown_report_says_when_and_through_which_resolver() {
    let r = report();
    let meta = ReportMeta {
        date: "2026-12-07 09:30 UTC".into(),
        resolver: "https://dns.alidns.com/resolve".into(),
    };
    for (lang, words) in [(Lang::En, "Checked on"), (Lang::ZhCn, "检查时间")] {
        let md = report_markdown_with(&r, lang, Some(&meta));
        let head: Vec<&str> = md.lines().take(4).collect();
        let line = head.iter().find(|l| l.contains(words)).unwrap_or(&"");
        assert!(line.contains("2026-12-07 09:30 UTC"), "{lang:?}: {head:?}");
        assert!(
            line.contains("https://dns.alidns.com/resolve"),
            "{lang:?}: {head:?}"
        );
        assert!(i18n::unfilled(&md).is_empty(), "{md}");
    }
    // Without them (tests, the fuzzer) the report is as before.
    assert!(!report_markdown(&r, Lang::En).contains("Checked on"));
}

#[test]
fn help_and_labels_say_what_is_true() {
    fn both(code: &'static str) -> [&'static str; 2] {
        [i18n::text(Lang::En, code), i18n::text(Lang::ZhCn, code)]
    }
    // Only the first mail host defaults to mail.<domain>.
    for t in both("ui.gen.host.name.help.other") {
        assert!(!t.contains("mail.<"), "{t}");
    }
    // The PTR requests are not below the note that points at them.
    for t in both("generate.ptr_needed") {
        assert!(!t.contains("below") && !t.contains("下面"), "{t}");
    }
    // One of the resolver formats is RFC 8484 wire, not JSON.
    for t in both("ui.check.endpoint.flavor") {
        assert!(!t.contains("JSON"), "{t}");
    }
    // A placeholder says it is an example.
    assert_eq!(
        i18n::fill(i18n::text(Lang::En, "ui.gen.example"), &[("value", "10".into())]),
        "e.g. 10"
    );
    assert_eq!(
        i18n::fill(
            i18n::text(Lang::ZhCn, "ui.gen.example"),
            &[("value", "10".into())]
        ),
        "例如 10"
    );
}

#[test]
fn counts_in_chinese_are_set_apart_from_the_words_around_them() {
    // "需要2 次" read as a typo; the count stands apart as elsewhere ("需要 2 次",
    // "需要至少 2 次").
    for code in [
        "spf.too_many_lookups",
        "spf.lookups_resolved",
        "spf.whatif.lookups",
    ] {
        let zh = i18n::text(Lang::ZhCn, code);
        let exact = i18n::fill(
            zh,
            &[
                ("count", "2".into()),
                ("limit", "10".into()),
                ("subject", "example.com".into()),
            ],
        );
        assert!(exact.contains("需要 2 次"), "{code}: {exact}");
        let bound = i18n::fill(
            zh,
            &[
                ("count", "2".into()),
                ("bound", "1".into()),
                ("limit", "10".into()),
                ("subject", "example.com".into()),
            ],
        );
        assert!(bound.contains("需要至少 2 次"), "{code}: {bound}");
    }
}
