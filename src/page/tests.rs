//! Page-state tests: edit sequences replayed through each half's `apply`,
//! the way the page dispatches them, with the resulting state asserted
//! (plan, generated records, panel rows, notices, the check form and its
//! runs), including the stored-plan and share-link round trips.

use super::app::{self, AppState, View};
use super::check::{self, CheckState, EndpointForm, JobKind, Mode, Outcome, PlanSource, Run};
use super::generate::{self, starter_plan, GenState, Keygen, Notice, PrivateKey};
use super::plan_edit::*;
use crate::check::{audit_from, Area, AuditRequest, KnownAnswers};
use crate::dns::endpoint::{parse_check_link, EndpointChoice};
use crate::dns::memory::MemoryZone;
use crate::dns::{Preset, Protocol};
use crate::export::Panel;
use crate::i18n::code;
use crate::i18n::Lang;
use crate::model::Name;
use crate::plan::{self, DkimAlgorithm, DmarcPolicy, Mode as StsMode, SpfAll};
use crate::share;
use futures::executor::block_on;
use std::rc::Rc;

/// An RSA-1024 SubjectPublicKeyInfo (tests/vectors/private/SOURCES.md).
const RSA_SPKI: &str = include_str!("../../tests/vectors/private/r1024.spki.b64");

fn fresh() -> GenState {
    GenState::new(starter_plan(2026, 12), Vec::new(), Vec::new(), Panel::Aliyun)
}

fn edit(s: &mut GenState, e: PlanEdit) {
    s.apply(generate::Action::Edit(e));
}

/// The guide's example: example.com, mail.example.com at 192.0.2.1.
fn guide() -> GenState {
    let mut s = fresh();
    for e in guide_edits() {
        edit(&mut s, e);
    }
    s
}

fn guide_edits() -> Vec<PlanEdit> {
    vec![
        PlanEdit::Domain("example.com".into()),
        PlanEdit::Hosts(HostList::Mail, HostEdit::Ipv4(0, vec!["192.0.2.1".into()])),
    ]
}

/// Every record of the generated set, as zone-file lines.
fn lines(s: &GenState) -> Vec<String> {
    s.set
        .as_ref()
        .map(|set| set.records.iter().map(|r| r.record.to_string()).collect())
        .unwrap_or_default()
}

fn has_line(s: &GenState, needle: &str) -> bool {
    lines(s).iter().any(|l| l.contains(needle))
}

fn codes(findings: &[crate::finding::Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.code).collect()
}

// --- The Generate half ---------------------------------------------------

#[test]
fn a_new_visitor_starts_from_an_empty_form() {
    let s = fresh();
    assert_eq!(s.plan.hosts.len(), 1);
    assert_eq!(s.plan.hosts[0].ipv4, vec![String::new()]);
    assert_eq!(s.plan.dkim.selector, "s202612");
    assert!(s.set.is_none() && s.rows.is_empty());
    // Nothing is judged before a domain is typed.
    assert!(s.findings.by_field.is_empty() && s.errors.is_empty());
    assert_eq!(
        (s.domain.clone(), s.default_host.clone(), s.revision),
        (None, None, 0)
    );
}

#[test]
fn typing_a_domain_names_the_default_host_and_judges_the_form() {
    let mut s = fresh();
    edit(&mut s, PlanEdit::Domain("example.com".into()));
    assert_eq!(s.default_host.as_deref(), Some("mail.example.com"));
    assert!(matches!(s.domain, Some(Ok(_))));
    assert_eq!(s.revision, 1);
    // The empty address is now an error, listed where the records would be.
    assert!(s.set.is_none());
    assert!(!s.errors.is_empty(), "{:?}", s.findings);
}

#[test]
fn an_idn_domain_keeps_its_u_labels_in_the_default_host() {
    let mut s = fresh();
    edit(&mut s, PlanEdit::Domain("例子.中国".into()));
    assert_eq!(s.default_host.as_deref(), Some("mail.例子.中国"));
}

#[test]
fn a_bad_domain_is_reported_on_the_domain_field() {
    let mut s = fresh();
    edit(&mut s, PlanEdit::Domain("exa mple.com".into()));
    assert!(matches!(s.domain, Some(Err(_))));
    assert!(s.set.is_none());
}

#[test]
fn the_guides_example_generates_the_records() {
    let s = guide();
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    assert!(has_line(&s, "MX\t10 mail.example.com.") || has_line(&s, "10 mail.example.com."));
    assert!(has_line(&s, "192.0.2.1"));
    assert!(has_line(&s, "v=spf1"));
    assert!(has_line(&s, "v=DMARC1"));
    assert_eq!(s.revision, 2);
    // The Aliyun panel writes the apex as `@`.
    assert!(
        s.rows.iter().any(|r| r.host == "@" && r.rtype == "MX"),
        "{:?}",
        s.rows
    );
}

#[test]
fn switching_panel_rewrites_the_rows_not_the_plan() {
    let mut s = guide();
    let (plan, revision, set) = (s.plan.clone(), s.revision, s.set.clone());
    s.apply(generate::Action::SetPanel(Panel::Generic));
    assert_eq!(s.panel, Panel::Generic);
    assert!(
        s.rows
            .iter()
            .any(|r| r.rtype == "MX" && r.host.starts_with("example.com")),
        "{:?}",
        s.rows
    );
    assert_eq!((s.plan.clone(), s.revision), (plan, revision));
    assert_eq!(s.set, set);
    s.apply(generate::Action::SetPanel(Panel::Aliyun));
    assert!(s.rows.iter().any(|r| r.host == "@" && r.rtype == "MX"));
}

#[test]
fn adding_a_second_host_adds_its_mx() {
    let mut s = guide();
    edit(&mut s, PlanEdit::Hosts(HostList::Mail, HostEdit::Add));
    assert_eq!(s.plan.hosts.len(), 2);
    edit(
        &mut s,
        PlanEdit::Hosts(HostList::Mail, HostEdit::Name(1, "mx2".into())),
    );
    edit(
        &mut s,
        PlanEdit::Hosts(HostList::Mail, HostEdit::Ipv4(1, vec!["192.0.2.2".into()])),
    );
    edit(
        &mut s,
        PlanEdit::Hosts(HostList::Mail, HostEdit::Priority(1, "20".into())),
    );
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    assert!(has_line(&s, "20 mx2.example.com."), "{:?}", lines(&s));
    assert!(has_line(&s, "192.0.2.2"));
    edit(&mut s, PlanEdit::Hosts(HostList::Mail, HostEdit::Remove(1)));
    assert!(!has_line(&s, "mx2.example.com."));
}

#[test]
fn host_edits_past_the_end_change_nothing() {
    let mut s = guide();
    let plan = s.plan.clone();
    for e in [
        HostEdit::Remove(5),
        HostEdit::Name(5, "x".into()),
        HostEdit::Ipv6(5, vec!["2001:db8::1".into()]),
    ] {
        edit(&mut s, PlanEdit::Hosts(HostList::Mail, e));
    }
    assert_eq!(s.plan, plan);
}

#[test]
fn a_backup_mx_gets_the_backup_priority() {
    let mut s = guide();
    edit(&mut s, PlanEdit::Hosts(HostList::Backup, HostEdit::Add));
    edit(
        &mut s,
        PlanEdit::Hosts(HostList::Backup, HostEdit::Name(0, "backup.example.net".into())),
    );
    assert_eq!(s.plan.backup_mx.len(), 1);
    assert!(has_line(&s, "20 backup.example.net."), "{:?}", lines(&s));
}

#[test]
fn an_ipv6_address_gives_an_aaaa_record() {
    let mut s = guide();
    edit(
        &mut s,
        PlanEdit::Hosts(HostList::Mail, HostEdit::Ipv6(0, vec!["2001:db8::25".into()])),
    );
    assert!(has_line(&s, "AAAA\t2001:db8::25") || has_line(&s, "2001:db8::25"));
}

#[test]
fn a_bad_address_is_an_error_on_its_field_and_nothing_is_generated() {
    let mut s = guide();
    edit(
        &mut s,
        PlanEdit::Hosts(HostList::Mail, HostEdit::Ipv4(0, vec!["192.0.2.300".into()])),
    );
    assert!(s.set.is_none() && s.rows.is_empty());
    assert!(!s.findings.get("hosts[0].ipv4[0]").is_empty(), "{:?}", s.findings);
    assert!(!s.errors.is_empty());
}

#[test]
fn spf_edits_reach_the_spf_record() {
    let mut s = guide();
    edit(
        &mut s,
        PlanEdit::Spf(SpfEdit::Ip4(vec!["198.51.100.0/24".into()])),
    );
    edit(
        &mut s,
        PlanEdit::Spf(SpfEdit::Includes(vec!["_spf.provider.example".into()])),
    );
    edit(&mut s, PlanEdit::Spf(SpfEdit::All(SpfAll::SoftFail)));
    let spf = lines(&s)
        .into_iter()
        .find(|l| l.contains("v=spf1"))
        .unwrap_or_default();
    assert!(spf.contains("ip4:198.51.100.0/24"), "{spf}");
    assert!(spf.contains("include:_spf.provider.example"), "{spf}");
    assert!(spf.contains("~all"), "{spf}");
}

#[test]
fn dmarc_edits_reach_the_dmarc_record() {
    let mut s = guide();
    edit(
        &mut s,
        PlanEdit::Dmarc(DmarcEdit::Policy(DmarcPolicy::Quarantine)),
    );
    edit(
        &mut s,
        PlanEdit::Dmarc(DmarcEdit::SubdomainPolicy(Some(DmarcPolicy::Reject))),
    );
    edit(
        &mut s,
        PlanEdit::Dmarc(DmarcEdit::AggregateReports(vec!["dmarc@example.com".into()])),
    );
    let dmarc = lines(&s)
        .into_iter()
        .find(|l| l.contains("v=DMARC1"))
        .unwrap_or_default();
    assert!(dmarc.contains("p=quarantine"), "{dmarc}");
    assert!(dmarc.contains("sp=reject"), "{dmarc}");
    assert!(dmarc.contains("rua=mailto:dmarc@example.com"), "{dmarc}");
}

#[test]
fn mta_sts_and_tls_rpt_when_enabled() {
    let mut s = guide();
    assert!(!has_line(&s, "v=STSv1"));
    edit(&mut s, PlanEdit::MtaSts(MtaStsEdit::Enabled(true)));
    edit(&mut s, PlanEdit::MtaSts(MtaStsEdit::Mode(StsMode::Enforce)));
    edit(&mut s, PlanEdit::TlsRpt(TlsRptEdit::Enabled(true)));
    edit(
        &mut s,
        PlanEdit::TlsRpt(TlsRptEdit::Reports(vec!["tls@example.com".into()])),
    );
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    assert!(has_line(&s, "v=STSv1"), "{:?}", lines(&s));
    assert!(has_line(&s, "v=TLSRPTv1"), "{:?}", lines(&s));
    let policy = s
        .set
        .as_ref()
        .and_then(|set| set.mta_sts_policy.as_ref().map(|m| format!("{m:?}")));
    assert!(policy.is_some_and(|p| p.contains("enforce")));
}

#[test]
fn ttl_overrides_are_kept_and_a_blank_one_removed() {
    let mut s = guide();
    edit(&mut s, PlanEdit::Ttl(TtlEdit::Override("mx", "300".into())));
    assert_eq!(s.plan.ttl.overrides.get("mx").map(String::as_str), Some("300"));
    assert!(s.rows.iter().any(|r| r.rtype == "MX" && r.ttl == 300));
    edit(&mut s, PlanEdit::Ttl(TtlEdit::Override("mx", "  ".into())));
    assert!(s.plan.ttl.overrides.is_empty());
    edit(&mut s, PlanEdit::Ttl(TtlEdit::Default("7200".into())));
    assert!(s.rows.iter().all(|r| r.ttl == 7200), "{:?}", s.rows);
}

#[test]
fn a_null_mx_domain_publishes_the_lockdown_set() {
    let mut s = fresh();
    edit(&mut s, PlanEdit::Domain("example.com".into()));
    edit(&mut s, PlanEdit::NullMx(true));
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    assert!(has_line(&s, "0 ."), "{:?}", lines(&s));
    assert!(has_line(&s, "v=spf1 -all"), "{:?}", lines(&s));
}

#[test]
fn caa_autoconfig_and_their_records() {
    let mut s = guide();
    edit(&mut s, PlanEdit::Caa(CaaEdit::Enabled(true)));
    edit(
        &mut s,
        PlanEdit::Caa(CaaEdit::Issuers(vec!["letsencrypt.org".into()])),
    );
    edit(&mut s, PlanEdit::Autoconfig(AutoconfigEdit::Enabled(true)));
    edit(&mut s, PlanEdit::Autoconfig(AutoconfigEdit::Imaps(true)));
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    assert!(has_line(&s, "issue \"letsencrypt.org\""), "{:?}", lines(&s));
    assert!(
        lines(&s)
            .iter()
            .any(|l| l.contains("_imaps._tcp") || l.contains("993")),
        "{:?}",
        lines(&s)
    );
}

fn made(selector: &str, ed25519: bool) -> PrivateKey {
    let pem = format!("-----BEGIN PRIVATE KEY-----\n{selector}\n-----END PRIVATE KEY-----\n");
    PrivateKey::new(selector, pem, ed25519, false)
}

#[test]
fn a_generated_key_goes_into_the_plan_and_its_private_half_stays_in_the_state() {
    let mut s = guide();
    edit(
        &mut s,
        PlanEdit::Dkim(DkimEdit::Algorithm(DkimAlgorithm::Rsa1024)),
    );
    s.apply(generate::Action::KeygenStarted);
    assert_eq!(s.keygen, Keygen::Running);
    s.apply(generate::Action::KeyMade {
        spki_b64: RSA_SPKI.trim().into(),
        private: made("s202612", false),
    });
    assert_eq!(s.keygen, Keygen::Idle);
    assert_eq!(s.plan.dkim.public_key, RSA_SPKI.trim());
    let key = s.private_key(false).cloned().unwrap_or_else(|| panic!("no key"));
    assert_eq!((key.selector.as_str(), key.keep), ("s202612", false));
    assert!(has_line(&s, "v=DKIM1"), "{:?}", lines(&s));
    let snippets = key.snippets.unwrap_or_else(|| panic!("no snippets"));
    assert!(
        snippets.opendkim.contains("s202612._domainkey.example.com"),
        "{}",
        snippets.opendkim
    );
    // The stored plan never holds the private key.
    assert!(!plan::stored::encode(&s.plan).contains("PRIVATE KEY"));
}

#[test]
fn the_private_key_follows_the_selector_field() {
    let mut s = guide();
    s.apply(generate::Action::KeyMade {
        spki_b64: RSA_SPKI.trim().into(),
        private: made("s202612", false),
    });
    edit(&mut s, PlanEdit::Dkim(DkimEdit::Selector("mail2026".into())));
    let key = s.private_key(false).cloned().unwrap_or_else(|| panic!("no key"));
    assert_eq!(key.selector, "mail2026");
    assert!(key.snippets.is_some_and(|k| k.rspamd.contains("mail2026")));
}

#[test]
fn a_refused_keygen_says_why_and_forgetting_the_key_clears_it() {
    let mut s = guide();
    s.apply(generate::Action::KeygenFailed("NotSupportedError".into()));
    assert_eq!(s.keygen, Keygen::Failed("NotSupportedError".into()));
    s.apply(generate::Action::KeyMade {
        spki_b64: RSA_SPKI.trim().into(),
        private: made("s202612", false),
    });
    s.apply(generate::Action::KeepPrivate {
        ed25519: false,
        keep: true,
    });
    assert!(s.private_key(false).is_some_and(|k| k.keep));
    s.apply(generate::Action::ForgetPrivateKey { ed25519: false });
    assert!(s.private_keys.is_empty());
    // The public key stays published.
    assert!(has_line(&s, "v=DKIM1"));
}

#[test]
fn an_ed25519_key_beside_the_rsa_one_gets_its_own_selector_and_panel() {
    // Issue 21 item 3: the Ed25519 key used to replace the RSA key's panel
    // (an RSA key not yet saved was lost), and an empty Ed25519 selector
    // gave `._domainkey` snippets.
    let mut s = guide();
    s.apply(generate::Action::KeyMade {
        spki_b64: RSA_SPKI.trim().into(),
        private: made("s202612", false),
    });
    s.apply(generate::Action::ShowEd25519(true));
    assert_eq!(s.plan.dkim.ed25519_selector, "e202612", "a selector of its own");
    assert!(s.selector_ready(true));
    s.apply(generate::Action::KeyMade {
        spki_b64: "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=".into(),
        private: made("e202612", true),
    });
    let held: Vec<(bool, &str)> = s
        .private_keys
        .iter()
        .map(|k| (k.ed25519, k.selector.as_str()))
        .collect();
    assert_eq!(held, [(false, "s202612"), (true, "e202612")], "both keys stay");
    for k in &s.private_keys {
        let snippets = k
            .snippets
            .clone()
            .unwrap_or_else(|| panic!("snippets for {}", k.selector));
        assert!(snippets
            .opendkim
            .contains(&format!("{}._domainkey.example.com", k.selector)));
        assert!(
            snippets
                .rspamd
                .contains(&format!("selector = \"{}\"", k.selector)),
            "{}",
            snippets.rspamd
        );
    }
    // Forgetting one leaves the other.
    s.apply(generate::Action::ForgetPrivateKey { ed25519: false });
    assert_eq!(s.private_keys.len(), 1);
    assert!(s.private_key(true).is_some());
}

#[test]
fn no_key_or_snippet_for_an_empty_selector() {
    let mut s = guide();
    s.apply(generate::Action::ShowEd25519(true));
    edit(&mut s, PlanEdit::Dkim(DkimEdit::Ed25519Selector(String::new())));
    assert!(!s.selector_ready(true), "generate is off for an empty selector");
    s.apply(generate::Action::KeyMade {
        spki_b64: "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=".into(),
        private: made("", true),
    });
    assert!(
        s.private_key(true).is_some_and(|k| k.snippets.is_none()),
        "no `._domainkey` lines"
    );
    edit(&mut s, PlanEdit::Dkim(DkimEdit::Selector("bad selector".into())));
    assert!(!s.selector_ready(false));
}

#[test]
fn the_ed25519_selector_is_derived_from_the_rsa_one() {
    assert_eq!(generate::ed25519_selector_for("s202612"), "e202612");
    assert_eq!(generate::ed25519_selector_for("mail"), "mail-ed25519");
    assert_eq!(generate::ed25519_selector_for(" "), "ed25519");
    assert_eq!(generate::ed25519_selector_for("s2026"), "s2026-ed25519");
}

#[test]
fn unticking_ed25519_clears_its_fields() {
    let mut s = guide();
    s.apply(generate::Action::ShowEd25519(true));
    edit(
        &mut s,
        PlanEdit::Dkim(DkimEdit::Ed25519Selector("ed202612".into())),
    );
    assert!(s.show_ed25519);
    let revision = s.revision;
    s.apply(generate::Action::ShowEd25519(false));
    assert!(!s.show_ed25519);
    assert!(s.plan.dkim.ed25519_selector.is_empty() && s.plan.dkim.ed25519_public_key.is_empty());
    assert_eq!(s.revision, revision + 1);
}

#[test]
fn a_plan_with_an_ed25519_key_opens_with_the_ed25519_inputs_shown() {
    let mut p = guide().plan;
    p.dkim.ed25519_selector = "ed202612".into();
    let s = GenState::new(p, Vec::new(), Vec::new(), Panel::Aliyun);
    assert!(s.show_ed25519);
    assert!(!fresh().show_ed25519);
}

#[test]
fn notices_replace_their_own_code_and_dismiss_together() {
    let mut s = fresh();
    let notice = |detail: &str| Notice {
        code: code::ui::GEN_SHARE_MADE,
        error: false,
        detail: Some(detail.into()),
    };
    s.apply(generate::Action::Notify(notice("first")));
    s.apply(generate::Action::Notify(notice("second")));
    s.apply(generate::Action::Notify(Notice {
        code: code::ui::GEN_STORAGE_REFUSED,
        error: true,
        detail: None,
    }));
    let seen: Vec<_> = s.notices.iter().map(|n| (n.code, n.detail.clone())).collect();
    assert_eq!(
        seen,
        [
            (code::ui::GEN_SHARE_MADE, Some("second".to_string())),
            (code::ui::GEN_STORAGE_REFUSED, None)
        ]
    );
    s.apply(generate::Action::DismissNotices);
    assert!(s.notices.is_empty());
}

/// A long session: every kind of edit, as a user would make them.
fn long_session() -> Vec<generate::Action> {
    let mut v: Vec<generate::Action> = guide_edits().into_iter().map(generate::Action::Edit).collect();
    v.extend(
        [
            PlanEdit::Hosts(HostList::Mail, HostEdit::Ipv6(0, vec!["2001:db8::25".into()])),
            PlanEdit::Hosts(HostList::Backup, HostEdit::Add),
            PlanEdit::Hosts(
                HostList::Backup,
                HostEdit::Name(0, "mx.backup.example.net".into()),
            ),
            PlanEdit::Spf(SpfEdit::Ip4(vec!["198.51.100.7".into()])),
            PlanEdit::Dmarc(DmarcEdit::Policy(DmarcPolicy::Quarantine)),
            PlanEdit::Dmarc(DmarcEdit::FailureReports(vec!["ruf@example.com".into()])),
            PlanEdit::MtaSts(MtaStsEdit::Enabled(true)),
            PlanEdit::MtaSts(MtaStsEdit::MaxAge("86400".into())),
            PlanEdit::TlsRpt(TlsRptEdit::Enabled(true)),
            PlanEdit::TlsRpt(TlsRptEdit::Reports(vec!["tls@example.com".into()])),
            PlanEdit::Caa(CaaEdit::Enabled(true)),
            PlanEdit::Caa(CaaEdit::Issuers(vec!["letsencrypt.org".into()])),
            PlanEdit::Caa(CaaEdit::Iodef("mailto:security@example.com".into())),
            PlanEdit::Ttl(TtlEdit::Override("dmarc", "600".into())),
            PlanEdit::Dkim(DkimEdit::Selector("mail".into())),
        ]
        .into_iter()
        .map(generate::Action::Edit),
    );
    v.push(generate::Action::SetPanel(Panel::Cloudflare));
    v
}

#[test]
fn replaying_the_same_actions_gives_the_same_state() {
    let run = || {
        let mut s = fresh();
        for a in long_session() {
            s.apply(a);
        }
        s
    };
    let (a, b) = (run(), run());
    assert_eq!(a, b);
    assert!(a.errors.is_empty(), "{:?}", a.errors);
    assert_eq!(a.revision, 17);
    // Actions are data: printable and comparable.
    let printed = format!("{:?}", long_session()[0]);
    assert_eq!(printed, r#"Edit(Domain("example.com"))"#);
    assert_eq!(long_session(), long_session());
}

#[test]
fn the_stored_plan_reopens_to_the_same_state() {
    let mut s = fresh();
    for a in long_session() {
        s.apply(a);
    }
    let stored = plan::stored::encode(&s.plan);
    let reopened = plan::stored::decode(&stored).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(reopened, s.plan);
    let again = GenState::new(reopened, Vec::new(), Vec::new(), Panel::Cloudflare);
    assert_eq!(lines(&again), lines(&s));
    assert_eq!(again.rows, s.rows);
}

#[test]
fn the_share_link_reopens_to_the_same_state() {
    let mut s = fresh();
    for a in long_session() {
        s.apply(a);
    }
    let fragment = share::encode(&s.plan);
    assert!(share::is_share_fragment(&fragment));
    let opened = share::decode(&fragment).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(opened, s.plan);
    let again = GenState::new(opened, Vec::new(), Vec::new(), Panel::Cloudflare);
    assert_eq!(lines(&again), lines(&s));
}

// --- The Check half ------------------------------------------------------

fn typed(domain: &str) -> CheckState {
    let mut c = CheckState::default();
    c.apply(check::Action::Domain(domain.into()));
    c
}

/// The zone of the guide's plan, as the resolver would answer it.
fn zone_of(s: &GenState) -> MemoryZone {
    let mut zone = MemoryZone::new();
    for r in s.set.iter().flat_map(|set| set.records.iter()) {
        zone.add_record(&r.record);
    }
    zone
}

fn audited(c: &CheckState, zone: &MemoryZone) -> Outcome {
    let request = AuditRequest {
        domain: Name::host(&c.domain).unwrap_or_else(|e| panic!("{e:?}")),
        dkim_selectors: Vec::new(),
        server_ips: Vec::new(),
        mta_sts_policy_text: None,
        blocklists: false,
    };
    let (report, known) = block_on(audit_from(zone, &request, KnownAnswers::default()));
    Outcome {
        fixes: Vec::new(),
        json: None,
        date: String::new(),
        read_at: None,
        report,
        wall_ms: 1.0,
        endpoint: Preset::Google.url().into(),
        known,
        handoffs: None,
        mta_sts_seen: None,
    }
}

#[test]
fn the_check_form_starts_on_google_with_cloudflare_to_compare() {
    let c = CheckState::default();
    assert_eq!(c.endpoint, EndpointForm::preset(Preset::Google));
    assert_eq!(c.endpoint2, EndpointForm::preset(Preset::Cloudflare));
    assert_eq!(
        (c.run.clone(), c.endpoint_chosen, c.start_request),
        (Run::Idle, false, 0)
    );
}

#[test]
fn typing_in_the_check_form() {
    let mut c = typed("example.com");
    c.apply(check::Action::Selectors("s1, s2".into()));
    c.apply(check::Action::Ips("192.0.2.9".into()));
    c.apply(check::Action::Policy("version: STSv1".into()));
    assert_eq!(
        (
            c.domain.as_str(),
            c.selectors.as_str(),
            c.ips.as_str(),
            c.policy.as_str()
        ),
        ("example.com", "s1, s2", "192.0.2.9", "version: STSv1")
    );
    assert_eq!(
        c.domain_name().map(|n| n.to_string()),
        Some("example.com.".into())
    );
}

#[test]
fn choosing_a_resolver_marks_it_chosen() {
    let mut c = CheckState::default();
    c.apply(check::Action::Endpoint(EndpointForm::preset(Preset::DnsPod)));
    assert!(c.endpoint_chosen);
    assert_eq!(c.endpoint.choice(), EndpointChoice::Preset(Preset::DnsPod));
    let mut r = CheckState::default();
    r.apply(check::Action::Remembered(Preset::AliDns));
    assert!(r.endpoint_chosen);
    assert_eq!(r.endpoint.preset, Some(Preset::AliDns));
}

#[test]
fn the_first_run_races_and_the_winner_is_used() {
    let mut c = typed("example.com");
    c.apply(check::Action::Request(Mode::Audit));
    assert_eq!(c.start_request, 1);
    c.apply(check::Action::RaceDone {
        chosen: Some(Preset::AliDns),
        note: None,
    });
    assert_eq!(c.endpoint.preset, Some(Preset::AliDns));
    assert!(c.endpoint_chosen);
    assert_eq!((c.start_request, c.start_mode), (2, Mode::Audit));
}

#[test]
fn the_race_never_overrides_a_resolver_the_user_chose() {
    let mut c = typed("example.com");
    c.apply(check::Action::Endpoint(EndpointForm::preset(Preset::Cloudflare)));
    c.apply(check::Action::RaceDone {
        chosen: Some(Preset::DnsPod),
        note: None,
    });
    assert_eq!(c.endpoint.preset, Some(Preset::Cloudflare));
}

#[test]
fn a_check_link_on_a_preset_starts_at_once() {
    let mut c = CheckState::default();
    let link = parse_check_link("check=example.com&sel=s1&ep=dnspod").unwrap_or_else(|| panic!("link"));
    c.apply(check::Action::FromLink(link));
    assert_eq!((c.domain.as_str(), c.selectors.as_str()), ("example.com", "s1"));
    assert_eq!(c.endpoint.preset, Some(Preset::DnsPod));
    assert_eq!((c.start_request, c.start_mode), (1, Mode::Audit));
}

#[test]
fn a_check_link_on_another_resolver_asks_first() {
    let mut c = CheckState::default();
    let link = parse_check_link("check=example.com&ep=https%3A%2F%2Fdns.example%2Fq&flavor=wire")
        .unwrap_or_else(|| panic!("link"));
    c.apply(check::Action::FromLink(link));
    assert_eq!(c.run, Run::AwaitingConfirm);
    assert_eq!(c.start_request, 0, "nothing is asked before the user agrees");
    assert!(c.endpoint.is_custom());
    assert_eq!(c.endpoint.protocol, Protocol::Wire);
    let mut no = c.clone();
    no.apply(check::Action::Confirm(false));
    assert_eq!((no.run.clone(), no.start_request), (Run::Idle, 0));
    c.apply(check::Action::Confirm(true));
    assert_eq!((c.run.clone(), c.start_request), (Run::Idle, 1));
}

#[test]
fn a_custom_resolver_url_is_judged_as_typed() {
    let mut form = EndpointForm {
        preset: None,
        url: "http://dns.example/resolve".into(),
        protocol: Protocol::GoogleJson,
    };
    assert_eq!(form.error_code(), Some(code::endpoint::HTTP_NOT_LOOPBACK));
    form.url = "https://dns.example/resolve".into();
    assert_eq!(form.error_code(), None);
    form.url.clear();
    assert_eq!(form.error_code(), None, "an empty field is not yet an error");
    assert_eq!(EndpointForm::from_choice(&form.choice()), form);
}

#[test]
fn an_audit_of_a_bad_domain_is_refused_with_its_reason() {
    let c = typed("not a domain");
    let s = fresh();
    let source = PlanSource {
        plan: &s.plan,
        set: None,
        findings: &[],
    };
    let refused = c.prepare(Mode::Audit, source).err().unwrap_or_default();
    assert!(!refused.is_empty());
    assert!(
        refused
            .iter()
            .all(|f| f.code.starts_with("check.form.") || f.code.starts_with("name.")),
        "{:?}",
        codes(&refused)
    );
}

#[test]
fn compare_asks_both_resolvers() {
    let mut c = typed("example.com");
    c.apply(check::Action::Endpoint2(EndpointForm::preset(Preset::AliDns)));
    let s = fresh();
    let job = c
        .prepare(
            Mode::Compare,
            PlanSource {
                plan: &s.plan,
                set: None,
                findings: &[],
            },
        )
        .unwrap_or_else(|e| panic!("{:?}", codes(&e)));
    let urls: Vec<&str> = job.endpoints.iter().map(|e| e.url.as_str()).collect();
    assert_eq!(urls, [Preset::Google.url(), Preset::AliDns.url()]);
    assert_eq!(job.seeds.len(), 2);
    assert!(matches!(job.kind, JobKind::Audit(_)));
}

#[test]
fn plan_mode_verifies_the_plan_on_screen() {
    let c = CheckState::default();
    // No plan yet.
    let empty = fresh();
    let source = PlanSource {
        plan: &empty.plan,
        set: empty.set.as_deref(),
        findings: &empty.errors,
    };
    assert_eq!(
        codes(&c.prepare(Mode::Plan, source).err().unwrap_or_default()),
        [code::ui::CHECK_NO_PLAN]
    );
    // A plan with an error: said, with the error itself.
    let mut bad = guide();
    edit(
        &mut bad,
        PlanEdit::Hosts(HostList::Mail, HostEdit::Ipv4(0, vec!["300.1.1.1".into()])),
    );
    let source = PlanSource {
        plan: &bad.plan,
        set: bad.set.as_deref(),
        findings: &bad.errors,
    };
    let refused = c.prepare(Mode::Plan, source).err().unwrap_or_default();
    assert_eq!(
        refused.first().map(|f| f.code),
        Some(code::ui::CHECK_PLAN_INVALID)
    );
    assert!(refused.len() > 1);
    // The guide's plan: exactly its generated records.
    let good = guide();
    let source = PlanSource {
        plan: &good.plan,
        set: good.set.as_deref(),
        findings: &good.errors,
    };
    let job = c
        .prepare(Mode::Plan, source)
        .unwrap_or_else(|e| panic!("{:?}", codes(&e)));
    let JobKind::Plan(records) = job.kind else {
        panic!("not a plan job")
    };
    assert_eq!(
        records.iter().map(ToString::to_string).collect::<Vec<_>>(),
        lines(&good)
    );
}

/// Prepares the form's audit against `plan` and starts it as run `id`.
fn start_audit(c: &mut CheckState, plan: &GenState, id: u32) {
    let job = c
        .prepare(
            Mode::Audit,
            PlanSource {
                plan: &plan.plan,
                set: None,
                findings: &[],
            },
        )
        .unwrap_or_else(|e| panic!("{:?}", codes(&e)));
    c.apply(check::Action::Started {
        id,
        job: Rc::new(job),
    });
}

#[test]
fn a_run_reports_progress_and_ignores_older_runs() {
    let good = guide();
    let zone = zone_of(&good);
    let mut c = typed("example.com");
    start_audit(&mut c, &good, 7);
    assert!(c.is_running());
    assert!(c.apply(check::Action::Progress {
        id: 7,
        asked: 5,
        answered: 2
    }));
    assert_eq!(
        c.run,
        Run::Running {
            asked: 5,
            answered: 2
        }
    );
    // A late message from an older run changes nothing.
    assert!(!c.apply(check::Action::Progress {
        id: 6,
        asked: 9,
        answered: 9
    }));
    assert!(!c.apply(check::Action::Finished {
        id: 6,
        outcomes: Vec::new()
    }));
    assert!(c.is_running());
    let outcome = audited(&c, &zone);
    assert!(c.apply(check::Action::Finished {
        id: 7,
        outcomes: vec![outcome]
    }));
    let Run::Done { outcomes, diff } = &c.run else {
        panic!("not done: {:?}", c.run)
    };
    assert_eq!((outcomes.len(), diff.is_none()), (1, true));
    assert!(outcomes[0].report.area(Area::Mx).is_some());
    // Progress after the end is ignored too.
    assert!(!c.apply(check::Action::Progress {
        id: 7,
        asked: 1,
        answered: 1
    }));
}

#[test]
fn rerunning_one_area_starts_from_the_last_answers() {
    let good = guide();
    let zone = zone_of(&good);
    let mut c = typed("example.com");
    let source = PlanSource {
        plan: &good.plan,
        set: None,
        findings: &[],
    };
    let job = c
        .prepare(Mode::Audit, source)
        .unwrap_or_else(|e| panic!("{:?}", codes(&e)));
    c.apply(check::Action::Started {
        id: 1,
        job: Rc::new(job),
    });
    let outcome = audited(&c, &zone);
    c.apply(check::Action::Finished {
        id: 1,
        outcomes: vec![outcome],
    });
    assert_eq!(
        c.rerun_job(),
        None,
        "nothing to re-run until an area is asked for"
    );
    c.apply(check::Action::RerunArea(Area::Dmarc));
    assert_eq!(c.rerun_area, Some(Area::Dmarc));
    assert_eq!(c.start_request, 1);
    let rerun = c.rerun_job().unwrap_or_else(|| panic!("a re-run job"));
    assert_eq!(rerun.seeds.len(), 1);
    assert!(
        rerun.seeds[0] != KnownAnswers::default(),
        "the other areas' answers are kept"
    );
    // "Run again" asks everything again.
    c.apply(check::Action::Request(Mode::Audit));
    assert_eq!(c.rerun_area, None);
}

#[test]
fn two_resolvers_that_agree_show_no_difference() {
    let good = guide();
    let zone = zone_of(&good);
    let mut c = typed("example.com");
    let source = PlanSource {
        plan: &good.plan,
        set: None,
        findings: &[],
    };
    let job = c
        .prepare(Mode::Compare, source)
        .unwrap_or_else(|e| panic!("{:?}", codes(&e)));
    c.apply(check::Action::Started {
        id: 1,
        job: Rc::new(job),
    });
    let (a, b) = (audited(&c, &zone), audited(&c, &zone));
    c.apply(check::Action::Finished {
        id: 1,
        outcomes: vec![a, b],
    });
    assert!(matches!(&c.run, Run::Done { diff: Some(rows), .. } if rows.is_empty()));
}

#[test]
fn a_refused_start_is_shown_until_the_next_run() {
    let mut c = typed("example.com");
    let refusal = crate::finding::Finding::error(code::endpoint::NOT_HTTPS, "ftp://x", "RFC 8484 §5");
    c.apply(check::Action::Refused(vec![refusal.clone()]));
    assert_eq!(c.notices, vec![refusal]);
    let good = guide();
    let job = c
        .prepare(
            Mode::Audit,
            PlanSource {
                plan: &good.plan,
                set: None,
                findings: &[],
            },
        )
        .unwrap_or_else(|e| panic!("{:?}", codes(&e)));
    c.apply(check::Action::Started {
        id: 1,
        job: Rc::new(job),
    });
    assert!(c.notices.is_empty());
}

// --- The page ------------------------------------------------------------

#[test]
fn the_page_opens_on_the_half_the_link_asks_for() {
    assert_eq!(AppState::opening(Lang::En, "").view, View::Generate);
    assert_eq!(AppState::opening(Lang::En, "p1=abc").view, View::Generate);
    assert_eq!(
        AppState::opening(Lang::ZhCn, "check=example.com").view,
        View::Check
    );
    assert_eq!(AppState::opening(Lang::En, "message").view, View::Message);
    assert_eq!(AppState::opening(Lang::En, "messages").view, View::Generate);
    let mut a = AppState::new(Lang::En);
    a.apply(app::Action::SetLang(Lang::ZhCn));
    a.apply(app::Action::Show(View::Check));
    assert_eq!((a.lang, a.view), (Lang::ZhCn, View::Check));
}

#[test]
fn a_language_whose_texts_are_coming_is_not_shown_until_they_are() {
    let mut a = AppState::new(Lang::En);
    a.apply(app::Action::LangTexts(Lang::ZhCn, app::Lazy::Loading));
    assert_eq!(a.lang, Lang::En);
    assert_eq!(a.asked_lang, Some((Lang::ZhCn, app::Lazy::Loading)));
    a.apply(app::Action::LangTexts(
        Lang::ZhCn,
        app::Lazy::Failed("offline".into()),
    ));
    assert_eq!(a.lang, Lang::En, "a failure keeps the language shown");
    assert_eq!(
        a.asked_lang,
        Some((Lang::ZhCn, app::Lazy::Failed("offline".into())))
    );
    // The retry works: the language changes and nothing is pending.
    a.apply(app::Action::LangTexts(Lang::ZhCn, app::Lazy::Loading));
    a.apply(app::Action::LangTexts(Lang::ZhCn, app::Lazy::Ready));
    assert_eq!((a.lang, a.asked_lang.clone()), (Lang::ZhCn, None));
    // Going back while the other language is coming: it does not switch
    // when it comes.
    a.apply(app::Action::LangTexts(Lang::En, app::Lazy::Loading));
    a.apply(app::Action::SetLang(Lang::ZhCn));
    a.apply(app::Action::LangTexts(Lang::En, app::Lazy::Ready));
    assert_eq!((a.lang, a.asked_lang.clone()), (Lang::ZhCn, None));
    // Nor does its failure show once the user went back.
    a.apply(app::Action::LangTexts(Lang::En, app::Lazy::Loading));
    a.apply(app::Action::SetLang(Lang::ZhCn));
    a.apply(app::Action::LangTexts(Lang::En, app::Lazy::Failed("late".into())));
    assert_eq!(a.asked_lang, None);
    // A late word about the language shown changes nothing.
    a.apply(app::Action::LangTexts(
        Lang::ZhCn,
        app::Lazy::Failed("late".into()),
    ));
    assert_eq!(a.asked_lang, None);
}

#[test]
fn the_message_test_code_loads_apart_from_the_check_half() {
    let mut a = AppState::new(Lang::En);
    a.apply(app::Action::MessageHalf(app::Lazy::Failed("offline".into())));
    assert_eq!(a.check_half, app::Lazy::NotLoaded);
    a.apply(app::Action::MessageHalf(app::Lazy::Ready));
    a.apply(app::Action::MessageHalf(app::Lazy::Failed("late".into())));
    assert_eq!(a.message_half, app::Lazy::Ready);
}

#[test]
fn the_checker_is_not_loaded_until_asked_and_its_failure_is_kept_for_a_retry() {
    let mut a = AppState::opening(Lang::En, "check=example.com");
    assert_eq!(a.checker, app::Lazy::NotLoaded);
    a.apply(app::Action::Checker(app::Lazy::Loading));
    a.apply(app::Action::Checker(app::Lazy::Failed("network".into())));
    assert_eq!(a.checker, app::Lazy::Failed("network".into()));
    // Retrying goes back to loading, then ready; the view never changes.
    a.apply(app::Action::Checker(app::Lazy::Loading));
    a.apply(app::Action::Checker(app::Lazy::Ready));
    assert_eq!((a.checker.clone(), a.view), (app::Lazy::Ready, View::Check));
}

#[test]
fn the_check_half_code_once_loaded_stays_and_a_failed_load_can_be_retried() {
    let mut a = AppState::new(Lang::En);
    assert_eq!(a.check_half, app::Lazy::NotLoaded);
    a.apply(app::Action::CheckHalf(app::Lazy::Loading));
    a.apply(app::Action::CheckHalf(app::Lazy::Failed("offline".into())));
    assert_eq!(a.check_half, app::Lazy::Failed("offline".into()));
    a.apply(app::Action::CheckHalf(app::Lazy::Loading));
    a.apply(app::Action::CheckHalf(app::Lazy::Ready));
    // A second attempt that fails late does not take the loaded code away.
    a.apply(app::Action::CheckHalf(app::Lazy::Failed("late".into())));
    a.apply(app::Action::CheckHalf(app::Lazy::Loading));
    assert_eq!(a.check_half, app::Lazy::Ready);
    // The checker's worker is a separate part with its own state.
    assert_eq!(a.checker, app::Lazy::NotLoaded);
}

#[test]
fn a_run_the_checker_could_not_take_ends_with_its_notice_not_a_spinner() {
    let good = guide();
    let mut c = typed("example.com");
    start_audit(&mut c, &good, 3);
    let notice = app::Lazy::unavailable("offline");
    // An older run's failure changes nothing.
    assert!(!c.apply(check::Action::Unavailable {
        id: 2,
        notice: notice.clone()
    }));
    assert!(c.is_running());
    assert!(c.apply(check::Action::Unavailable {
        id: 3,
        notice: notice.clone()
    }));
    assert_eq!(
        (c.run.clone(), codes(&c.notices)),
        (Run::Idle, vec![code::ui::CHECKER_FAILED])
    );
    // Once over, a late failure is ignored too.
    assert!(!c.apply(check::Action::Unavailable { id: 3, notice }));
}

#[test]
fn a_check_asked_offline_keeps_the_form_says_why_and_runs_when_the_connection_is_back() {
    // Issue 20 item 3: offline, the Check half says a check needs a
    // connection and runs it when the connection is back; nothing is
    // reported missing meanwhile.
    let mut c = typed("example.com");
    c.apply(check::Action::Request(Mode::Plan));
    assert_eq!(c.start_request, 1);
    assert!(c.apply(check::Action::Offline));
    assert!(c.waiting_online);
    assert_eq!(codes(&c.notices), vec![code::ui::CHECK_OFFLINE]);
    assert_eq!((c.domain.as_str(), c.run.clone()), ("example.com", Run::Idle));
    // Back online: the same kind of run is asked again, once.
    assert!(c.apply(check::Action::Online));
    assert_eq!((c.start_request, c.start_mode), (2, Mode::Plan));
    assert!(c.notices.is_empty() && !c.waiting_online);
    assert!(
        !c.apply(check::Action::Online),
        "nothing waited: nothing to start"
    );
    assert_eq!(c.start_request, 2);

    // The connection goes during a run: the run ends without a report (its
    // failed questions are not answers) and waits too.
    let good = guide();
    start_audit(&mut c, &good, 4);
    c.apply(check::Action::Offline);
    assert_eq!((c.run.clone(), c.waiting_online), (Run::Idle, true));
    // A run started meanwhile (the user pressed again once online) is not
    // started a second time by the late online event.
    start_audit(&mut c, &good, 5);
    assert!(!c.apply(check::Action::Online));
    assert!(c.is_running());
}

#[test]
fn a_race_nobody_won_chooses_nothing_and_the_next_check_races_again() {
    // Issue 21 item 1: a failed race used to mark Google chosen, run on it
    // and so have the page remember a resolver that never answered.
    let mut c = typed("example.com");
    c.apply(check::Action::Request(Mode::Audit));
    let none = crate::finding::Finding::error(code::dns::RESOLVER_NONE, "DNS-over-HTTPS", "RFC 8484 §3")
        .arg("tried", 4);
    c.apply(check::Action::RaceDone {
        chosen: None,
        note: Some(none.clone()),
    });
    assert!(!c.endpoint_chosen, "nothing answered, nothing is chosen");
    assert_eq!(
        c.start_request, 1,
        "no run starts on a resolver that did not answer"
    );
    assert_eq!(c.resolver_note, Some(none));
    assert_eq!(c.run, Run::Idle);
    // The next press races again, and a winner is then used.
    c.apply(check::Action::Request(Mode::Audit));
    assert_eq!((c.start_request, c.endpoint_chosen), (2, false));
    c.apply(check::Action::RaceDone {
        chosen: Some(Preset::DnsPod),
        note: None,
    });
    assert_eq!(
        (c.endpoint.preset, c.endpoint_chosen, c.start_request),
        (Some(Preset::DnsPod), true, 3)
    );
}

#[test]
fn a_resolver_chosen_while_the_race_ran_is_used_even_if_the_race_found_none() {
    let mut c = typed("example.com");
    c.apply(check::Action::Request(Mode::Audit));
    c.apply(check::Action::Endpoint(EndpointForm::preset(Preset::Cloudflare)));
    c.apply(check::Action::RaceDone {
        chosen: None,
        note: None,
    });
    assert_eq!(
        (c.endpoint.preset, c.start_request),
        (Some(Preset::Cloudflare), 2)
    );
}

#[test]
fn a_share_link_keeps_the_saved_plan_to_restore() {
    // Issue 21 item 6: opening a link used to replace the saved plan unseen.
    let own = guide().plan;
    let mut shared = own.clone();
    shared.domain = "example.net".into();
    let s = GenState::with_displaced(
        shared.clone(),
        Some(own.clone()),
        Vec::new(),
        Vec::new(),
        Panel::Aliyun,
    );
    assert_eq!(s.displaced, Some(own.clone()));
    let kept: Vec<_> = s.notices.iter().map(|n| (n.code, n.detail.clone())).collect();
    assert_eq!(kept, [(generate::KEPT_SAVED, Some("example.com".to_string()))]);
    let mut s = s;
    s.apply(generate::Action::RestoreDisplaced);
    assert_eq!((s.plan.clone(), s.displaced.clone()), (own.clone(), None));
    assert!(s.notices.is_empty());
    assert_eq!(s.revision, 1, "restoring is an edit: it is saved");
    // Nothing to keep when the link holds the same plan, or there was none.
    let same = GenState::with_displaced(
        own.clone(),
        Some(own.clone()),
        Vec::new(),
        Vec::new(),
        Panel::Aliyun,
    );
    assert_eq!((same.displaced.clone(), same.notices.len()), (None, 0));
    let fresh_plan = starter_plan(2026, 12);
    let none = GenState::with_displaced(shared, Some(fresh_plan), Vec::new(), Vec::new(), Panel::Aliyun);
    assert_eq!(none.displaced, None);
}

#[test]
fn a_share_link_pasted_into_the_open_page_opens_and_keeps_the_plan_on_screen() {
    let mut s = guide();
    let own = s.plan.clone();
    let mut first = own.clone();
    first.domain = "example.net".into();
    s.apply(generate::Action::OpenShared(Box::new(first.clone())));
    assert_eq!(s.plan, first);
    assert_eq!(s.displaced, Some(own.clone()));
    let codes: Vec<_> = s.notices.iter().map(|n| n.code).collect();
    assert_eq!(codes, [generate::KEPT_SAVED, generate::SHARE_OPENED]);
    assert!(has_line(&s, "example.net."));
    // A second link keeps the user's own plan, not the first link's.
    let mut second = own.clone();
    second.domain = "example.org".into();
    s.apply(generate::Action::OpenShared(Box::new(second.clone())));
    assert_eq!((s.plan.clone(), s.displaced.clone()), (second, Some(own.clone())));
    // Dismissing lets it go.
    s.apply(generate::Action::DismissNotices);
    assert_eq!(s.displaced, None);
    s.apply(generate::Action::RestoreDisplaced);
    assert_eq!(s.plan.domain, "example.org");
}

#[test]
fn a_selector_typed_with_its_domainkey_suffix_names_the_key_once() {
    // Issue 21 item 4: `mail._domainkey` gave `mail._domainkey._domainkey...`.
    let mut s = guide();
    edit(
        &mut s,
        PlanEdit::Dkim(DkimEdit::Selector("mail._domainkey".into())),
    );
    s.apply(generate::Action::KeyMade {
        spki_b64: RSA_SPKI.trim().into(),
        private: made("mail._domainkey", false),
    });
    let key = s.private_key(false).cloned().unwrap_or_else(|| panic!("no key"));
    assert_eq!(key.selector, "mail");
    let snippets = key.snippets.unwrap_or_else(|| panic!("no snippets"));
    assert!(
        snippets.opendkim.contains("mail._domainkey.example.com"),
        "{}",
        snippets.opendkim
    );
    assert!(
        !snippets.opendkim.contains("_domainkey._domainkey"),
        "{}",
        snippets.opendkim
    );
    assert!(has_line(&s, "v=DKIM1"));
    assert!(lines(&s).iter().all(|l| !l.contains("_domainkey._domainkey")));
}

#[test]
fn a_server_name_typed_as_the_domain_is_pointed_out_on_the_domain_field() {
    // Issue 21 item 5.
    let mut s = fresh();
    edit(&mut s, PlanEdit::Domain("mail.example.com".into()));
    edit(
        &mut s,
        PlanEdit::Hosts(HostList::Mail, HostEdit::Ipv4(0, vec!["192.0.2.1".into()])),
    );
    assert_eq!(codes(s.findings.get("domain")), [code::plan::DOMAIN_IS_HOST]);
    assert!(s.set.is_some(), "pointed out, not refused");
}

// The box of exports for other tools: replies to stale requests are
// ignored, and a changed plan or language asks again.

use crate::export::tools::{ExportFile, ExportFormat};
use crate::page::export::{Asked, ExportAction, ExportResult, ExportState};

fn file(content: &str) -> ExportFile {
    ExportFile {
        name: "example.com.zone".into(),
        media_type: "text/dns".into(),
        content: content.into(),
    }
}

fn asked(id: u32, revision: u64, lang: Lang) -> ExportAction {
    ExportAction::Asked(Asked {
        id,
        format: ExportFormat::Zone,
        revision,
        lang,
    })
}

#[test]
fn export_nothing_is_asked_until_a_format_is_chosen() {
    let mut e = ExportState::default();
    assert_eq!(e.wanted(3, Lang::En), None);
    e.apply(ExportAction::Choose(Some(ExportFormat::Zone)));
    assert_eq!(e.wanted(3, Lang::En), Some((ExportFormat::Zone, 3, Lang::En)));
    e.apply(asked(1, 3, Lang::En));
    assert_eq!(e.result, ExportResult::Waiting);
    assert_eq!(e.wanted(3, Lang::En), None, "the right request is out");
}

#[test]
fn export_an_edit_or_a_language_asks_again_and_keeps_the_old_files_meanwhile() {
    let mut e = ExportState::default();
    e.apply(ExportAction::Choose(Some(ExportFormat::Zone)));
    e.apply(asked(1, 3, Lang::En));
    e.apply(ExportAction::Exported {
        id: 1,
        files: vec![file("old")],
    });
    assert!(matches!(&e.result, ExportResult::Files(f) if f[0].content == "old"));
    assert_eq!(e.wanted(4, Lang::En), Some((ExportFormat::Zone, 4, Lang::En)));
    assert_eq!(e.wanted(3, Lang::ZhCn), Some((ExportFormat::Zone, 3, Lang::ZhCn)));
    e.apply(asked(2, 4, Lang::En));
    // The old files stay on screen while the new ones are written.
    assert!(matches!(&e.result, ExportResult::Files(f) if f[0].content == "old"));
}

#[test]
fn export_a_reply_to_an_older_request_is_ignored() {
    let mut e = ExportState::default();
    e.apply(ExportAction::Choose(Some(ExportFormat::Zone)));
    e.apply(asked(1, 3, Lang::En));
    e.apply(asked(2, 4, Lang::En));
    e.apply(ExportAction::Exported {
        id: 1,
        files: vec![file("stale")],
    });
    assert_eq!(e.result, ExportResult::Waiting);
    e.apply(ExportAction::Refused {
        id: 1,
        reason: "stale".into(),
    });
    assert_eq!(e.result, ExportResult::Waiting);
    e.apply(ExportAction::Refused {
        id: 2,
        reason: "the tools did not start in time".into(),
    });
    assert_eq!(
        e.result,
        ExportResult::Failed("the tools did not start in time".into())
    );
    // A failure is shown, and asked again only when something changes.
    assert_eq!(e.wanted(4, Lang::En), None);
    assert!(e.wanted(5, Lang::En).is_some());
}

#[test]
fn export_closing_the_box_forgets_the_request() {
    let mut e = ExportState::default();
    e.apply(ExportAction::Choose(Some(ExportFormat::Zone)));
    e.apply(asked(1, 3, Lang::En));
    e.apply(ExportAction::Choose(None));
    assert_eq!(e, ExportState::default());
    e.apply(ExportAction::Exported {
        id: 1,
        files: vec![file("late")],
    });
    assert_eq!(e.result, ExportResult::Nothing, "a late reply opens nothing");
    e.apply(asked(5, 3, Lang::En));
    assert_eq!(
        e.asked, None,
        "a request for a format no longer chosen is not recorded"
    );
}

// A plan made from published records replaces the one on screen like a
// share link's: the user's own plan is kept to restore, the notes stay
// until dismissed, and each adoption is counted (the page shows Generate).

use crate::adopt::{AdoptSource, AdoptedPlan};
use crate::page::generate::{Action as GenAction, ImportState, ADOPTED, KEPT_SAVED};

fn adopted(domain: &str) -> GenAction {
    let mut plan = starter_plan(2026, 12);
    plan.domain = domain.into();
    let notes = vec![crate::finding::Finding::warning(
        code::adopt::UNKNOWN,
        "_dmarc.example.net",
        "RFC 9989",
    )];
    let source = AdoptSource::Live {
        domain: domain.into(),
    };
    // As a worker sends it: the plan in its stored form, read back here.
    let adopted = AdoptedPlan::new(crate::adopt::Adopted { plan, notes }, source);
    let read = crate::plan::stored::decode(&adopted.plan);
    crate::page::generate::adopted_action(adopted, read)
}

#[test]
fn adopting_keeps_the_own_plan_to_restore_and_shows_the_notes_until_dismissed() {
    let mut s = fresh();
    edit(&mut s, PlanEdit::Domain("mine.example".into()));
    let before = s.revision;
    s.apply(GenAction::ImportReading);
    assert_eq!(s.import, ImportState::Reading);
    s.apply(adopted("example.net"));
    assert_eq!(s.plan.domain, "example.net");
    assert!(s.revision > before);
    assert_eq!(s.adoptions, 1);
    assert_eq!(s.import, ImportState::Idle);
    assert!(s.notices.iter().any(|n| n.code == ADOPTED));
    assert!(s.notices.iter().any(|n| n.code == KEPT_SAVED));
    assert_eq!(s.adoption.as_ref().map(|a| a.notes.len()), Some(1));
    // A second adoption keeps the user's own plan, not the first one's.
    s.apply(adopted("example.org"));
    assert_eq!(s.adoptions, 2);
    assert_eq!(
        s.displaced.as_ref().map(|p| p.domain.as_str()),
        Some("mine.example")
    );
    assert_eq!(s.notices.iter().filter(|n| n.code == ADOPTED).count(), 1);
    s.apply(GenAction::RestoreDisplaced);
    assert_eq!(s.plan.domain, "mine.example");
    assert_eq!(s.adoption, None);
    s.apply(adopted("example.net"));
    s.apply(GenAction::DismissNotices);
    assert_eq!(s.adoption, None);
    assert!(s.notices.is_empty());
}

#[test]
fn a_refused_export_leaves_the_plan_alone() {
    let mut s = fresh();
    edit(&mut s, PlanEdit::Domain("mine.example".into()));
    let plan = s.plan.clone();
    s.apply(GenAction::ImportReading);
    let refused = crate::finding::Finding::error(code::import::INCLUDE, "line 3", "RFC 1035 §5.1");
    s.apply(GenAction::ImportFailed(refused.clone()));
    assert_eq!(s.import, ImportState::Failed(refused));
    assert_eq!(s.plan, plan);
    assert_eq!(s.adoptions, 0);
}
