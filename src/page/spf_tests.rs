//! Page-state tests of the SPF parts (issue 21 item 8): the builder's
//! lookup count as the user types, the include costs read on request, the
//! what-if box's job and its result.

use super::check::{self, CheckState};
use super::generate::{self, starter_plan, GenState};
use super::plan_edit::*;
use super::whatif::{self, WhatIfRun};
use crate::check::what_if;
use crate::dns::memory::MemoryZone;
use crate::dns::{DnsError, RecordType};
use crate::export::Panel;
use crate::i18n::code;
use crate::spf::{target_lookups, TargetLookups};
use futures::executor::block_on;
use std::rc::Rc;

fn guide() -> GenState {
    let mut s = GenState::new(starter_plan(2026, 12), Vec::new(), Vec::new(), Panel::Aliyun);
    for e in [
        PlanEdit::Domain("example.com".into()),
        PlanEdit::Hosts(HostList::Mail, HostEdit::Ipv4(0, vec!["192.0.2.1".into()])),
    ] {
        s.apply(generate::Action::Edit(e));
    }
    s
}

fn edit(s: &mut GenState, e: SpfEdit) {
    s.apply(generate::Action::Edit(PlanEdit::Spf(e)));
}

#[test]
fn the_builder_counts_lookups_as_the_user_types() {
    let mut s = guide();
    let b = s.spf_lookups.clone().expect("a count for the guide's plan");
    // ip4: of the host only: no lookup at all.
    assert_eq!((b.count, b.exact(), b.code()), (0, true, code::spf::BUDGET_EXACT));
    edit(&mut s, SpfEdit::Mx(vec!["@".into()]));
    edit(&mut s, SpfEdit::A(vec!["@".into()]));
    let b = s.spf_lookups.clone().expect("count");
    assert_eq!((b.count, b.code()), (2, code::spf::BUDGET_EXACT));
    edit(
        &mut s,
        SpfEdit::Includes(vec!["_spf.provider.example".into(), "spf.other.example".into()]),
    );
    let b = s.spf_lookups.clone().expect("count");
    assert_eq!((b.count, b.code()), (4, code::spf::BUDGET_AT_LEAST));
    assert_eq!(b.unknown, ["_spf.provider.example", "spf.other.example"]);
    assert_eq!(s.unread_targets(), b.unknown);
}

#[test]
fn include_costs_read_on_request_complete_the_count() {
    let mut s = guide();
    edit(&mut s, SpfEdit::Includes(vec!["_spf.provider.example".into()]));
    let mut zone = MemoryZone::new();
    zone.add_txt(
        "_spf.provider.example",
        &["v=spf1 include:_a.provider.example include:_b.provider.example -all"],
    );
    zone.add_txt("_a.provider.example", &["v=spf1 ip4:198.51.100.0/24 -all"]);
    zone.add_failure("_b.provider.example", RecordType::Txt, DnsError::ServFail);
    // A first try whose checker did not load leaves the count as it was,
    // says why, and can be asked again.
    let before = s.spf_lookups.clone();
    s.apply(generate::Action::IncludesFetching);
    s.apply(generate::Action::IncludesUnavailable("offline".into()));
    assert_eq!(
        (s.includes_fetching, s.includes_unavailable.as_deref()),
        (false, Some("offline"))
    );
    assert_eq!(s.spf_lookups, before);
    assert!(!s.unread_targets().is_empty());
    s.apply(generate::Action::IncludesFetching);
    assert!(s.includes_fetching);
    assert_eq!(s.includes_unavailable, None);
    let costs: Vec<(String, TargetLookups)> = s
        .unread_targets()
        .into_iter()
        .map(|t| {
            let c = block_on(target_lookups(&zone, &t));
            (t, c)
        })
        .collect();
    s.apply(generate::Action::IncludesFetched(costs));
    assert!(!s.includes_fetching);
    let b = s.spf_lookups.clone().expect("count");
    // 1 (the include) + 2 (its includes); _b's own record is unknown: at least.
    assert_eq!((b.count, b.code()), (3, code::spf::BUDGET_AT_LEAST));
    // The counts stay known while the user keeps typing.
    edit(&mut s, SpfEdit::Mx(vec!["@".into()]));
    assert_eq!(s.spf_lookups.as_ref().map(|b| b.count), Some(4));
    // A target read in full makes the count exact.
    zone.add_txt("_b.provider.example", &["v=spf1 a -all"]);
    let mut z2 = MemoryZone::new();
    z2.add_txt("_spf.provider.example", &["v=spf1 a -all"]);
    let c = block_on(target_lookups(&z2, "_spf.provider.example"));
    s.apply(generate::Action::IncludesFetched(vec![(
        "_spf.provider.example".into(),
        c,
    )]));
    let b = s.spf_lookups.clone().expect("count");
    assert_eq!((b.count, b.code()), (3, code::spf::BUDGET_EXACT));
}

#[test]
fn the_whatif_job_takes_the_form_or_the_plan() {
    let gen = guide();
    let mut c = CheckState::default();
    let refused = c.whatif_job(gen.set.as_deref()).expect_err("empty box");
    let codes: Vec<&str> = refused.iter().map(|f| f.code).collect();
    assert_eq!(
        codes,
        [
            code::ui::SPF_WHATIF_NO_DRAFT,
            code::ui::SPF_WHATIF_NO_DOMAIN,
            code::name::EMPTY
        ]
    );
    c.apply(check::Action::WhatIf(whatif::Action::Draft(
        " v=spf1 mx -all ".into(),
    )));
    c.apply(check::Action::Domain("example.com".into()));
    // No address typed: the plan's mail host.
    let job = c.whatif_job(gen.set.as_deref()).expect("job");
    assert_eq!(job.draft, "v=spf1 mx -all");
    assert_eq!(job.ips, ["192.0.2.1".parse::<std::net::IpAddr>().expect("ip")]);
    // Typed addresses win.
    c.apply(check::Action::Ips("198.51.100.7, 2001:db8::1".into()));
    let job = c.whatif_job(gen.set.as_deref()).expect("job");
    assert_eq!(job.ips.len(), 2);
    // Another domain than the plan's, and no address: refused, saying why.
    c.apply(check::Action::Ips(String::new()));
    c.apply(check::Action::Domain("example.org".into()));
    let refused = c.whatif_job(gen.set.as_deref()).expect_err("no address");
    assert_eq!(
        refused.iter().map(|f| f.code).collect::<Vec<_>>(),
        [code::ui::SPF_WHATIF_NO_IPS]
    );
}

#[test]
fn the_whatif_result_is_kept_only_for_the_current_request() {
    let mut c = CheckState::default();
    c.apply(check::Action::WhatIf(whatif::Action::Draft(
        "v=spf1 mx -all".into(),
    )));
    c.apply(check::Action::Domain("example.com".into()));
    c.apply(check::Action::Ips("192.0.2.1".into()));
    let before = c.whatif.request;
    c.apply(check::Action::WhatIf(whatif::Action::Request));
    assert_eq!(c.whatif.request, before + 1);
    let job = c.whatif_job(None).expect("job");
    c.apply(check::Action::WhatIf(whatif::Action::Started(2)));
    assert_eq!(c.whatif.run, WhatIfRun::Running);
    let mut zone = MemoryZone::new();
    zone.add_mx("example.com", 10, "mail.example.com");
    zone.add_a("mail.example.com", "192.0.2.1".parse().expect("ip"));
    let result = Rc::new(block_on(what_if(&zone, &job.domain, &job.draft, &job.ips)));
    c.apply(check::Action::WhatIf(whatif::Action::Done {
        id: 1,
        result: result.clone(),
    }));
    assert_eq!(c.whatif.run, WhatIfRun::Running, "an older evaluation is dropped");
    c.apply(check::Action::WhatIf(whatif::Action::Done { id: 2, result }));
    let WhatIfRun::Done(w) = &c.whatif.run else {
        panic!("not done: {:?}", c.whatif.run);
    };
    assert_eq!(w.addresses[0].result, "pass");
    assert_eq!(w.lookups.count, 1);
}
