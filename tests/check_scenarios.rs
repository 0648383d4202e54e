//! Checker scenarios on in-memory zones: a fully correct domain, one fault
//! at a time, DNS failures (never reported as missing records), the plan
//! verification, question counting, dependency depth and concurrency.

mod common;

use futures::executor::block_on;
use maildns::check::{
    audit, audit_from, report_json, report_markdown, verify_plan, Area, AreaStatus, AuditRequest,
    KnownAnswers, Report, COULD_NOT_CHECK, MISSING_CODES,
};
use maildns::dns::memory::MemoryZone;
use maildns::dns::{Answer, DnsError, Rdata, RecordType, Resolver};
use maildns::finding::Severity;
use maildns::i18n::Lang;
use maildns::model::{reverse_name, Mx, Name, Record, Txt};
use std::cell::Cell;
use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::pin::Pin;
use std::task::{Context, Poll};

/// A 2048-bit RSA public key (SubjectPublicKeyInfo, base64).
const RSA2048: &str = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAy3Z9ffZe8gUTJrdGuKj6IwEembmKYpp0jMa8uhudErcI4gFVUaFiiRWxc4jP/XR9NAEv3XwHm+CVcHu+L/n6VWt6g59U7vHXQicMfKGmEp2VplsgojNy/Y5X9HdVYM0azsI47NcJCDW9UVfeOHdOSgFME4F8dNtUKC4KTB2d1pqj/yixz+V8Sv8xkEyPfSRHcNXIw0LvelqJ1MRfN3hO/3uQSVrPYYk4SyV0b6wfnkQs28fpiIpGQvzlGI5WkrdOQT5k4YHaEvZDLNdwiMeVZOEL7dDoFs2mQsovm+tH0StUAZTnr61NLVFfD5V6Ip1V9zVtspPHvYSuOWwyArFZ9QIDAQAB";
/// A 1024-bit RSA key (the `s1024._domainkey.yahoo.com` key of the Google DoH doc).
const RSA1024: &str = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDrEee0Ri4Juz+QfiWYui/E9UGSXau/2P8LjnTD8V4Unn+2FAZVGE3kL23bzeoULYv4PeleB3gfmJiDJOKU3Ns5L4KJAUUHjFwDebt0NP+sBK0VKeTATL2Yr/S3bT/xhy+1xtj4RkdV7fVxTn56Lb4udUnwuxK4V5b5PdOKj/+XcwIDAQAB";

const V4: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 25);
const V6: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0x25);
const POLICY: &str = "version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n";

/// What each scenario changes in the correct zone.
#[derive(Default)]
struct Zone {
    mx: Vec<(u16, &'static str)>,
    spf: Vec<String>,
    dmarc: Option<String>,
    dkim: Option<String>,
    ptr_v4: Option<&'static str>,
    mta_sts: Option<String>,
    tls_rpt: Option<String>,
}

impl Zone {
    fn correct() -> Zone {
        Zone {
            mx: vec![(10, "mail.example.com.")],
            spf: vec!["v=spf1 mx -all".into()],
            dmarc: Some("v=DMARC1; p=reject; rua=mailto:dmarc@example.com".into()),
            dkim: Some(format!("v=DKIM1; k=rsa; p={RSA2048}")),
            ptr_v4: Some("mail.example.com."),
            mta_sts: Some("v=STSv1; id=20260101000000".into()),
            tls_rpt: Some("v=TLSRPTv1; rua=mailto:tlsrpt@example.com".into()),
        }
    }

    fn build(&self) -> MemoryZone {
        let mut z = MemoryZone::new();
        for (p, host) in &self.mx {
            z.add_mx("example.com", *p, host);
        }
        for s in &self.spf {
            z.add_txt("example.com", &[s.as_str()]);
        }
        z.add_txt("example.com", &["google-site-verification=abc"]);
        z.add_a("mail.example.com", V4).add_aaaa("mail.example.com", V6);
        if let Some(t) = self.ptr_v4 {
            z.add_ptr(reverse_name(IpAddr::V4(V4)).as_str(), t);
        }
        z.add_ptr(reverse_name(IpAddr::V6(V6)).as_str(), "mail.example.com.");
        if let Some(t) = &self.dmarc {
            z.add_txt("_dmarc.example.com", &[t.as_str()]);
        }
        if let Some(t) = &self.dkim {
            // A 2048-bit key needs two strings (RFC 1035 §3.3.14: 255 octets each).
            let (a, b) = t.split_at(t.len() / 2);
            z.add_txt("s1._domainkey.example.com", &[a, b]);
        }
        if let Some(t) = &self.mta_sts {
            z.add_txt("_mta-sts.example.com", &[t.as_str()]);
            z.add_a("mta-sts.example.com", Ipv4Addr::new(192, 0, 2, 80));
        }
        if let Some(t) = &self.tls_rpt {
            z.add_txt("_smtp._tls.example.com", &[t.as_str()]);
        }
        z.add(
            "example.com",
            Rdata::parse(RecordType::Caa, "0 issue \"letsencrypt.org\"").expect("caa"),
        );
        z
    }
}

fn request() -> AuditRequest {
    AuditRequest {
        domain: Name::host("example.com").expect("name"),
        dkim_selectors: vec!["s1".into()],
        server_ips: Vec::new(),
        mta_sts_policy_text: Some(POLICY.into()),
        blocklists: false,
    }
}

fn run(zone: &MemoryZone) -> Report {
    block_on(audit(zone, &request()))
}

fn codes(report: &Report) -> Vec<&'static str> {
    report.findings().map(|f| f.code).collect()
}

fn errors(report: &Report) -> Vec<String> {
    report
        .findings()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {} {:?}", f.code, f.subject, f.args))
        .collect()
}

/// Every "missing" finding says which void answer it saw, and every
/// finding's code is in the catalogue and renders whole in both languages.
fn sound(report: &Report) {
    for f in report.findings() {
        assert!(
            maildns::i18n::lookup(f.code).is_some(),
            "{} not in catalogue",
            f.code
        );
        let unfilled = maildns::i18n::render_problems(f);
        assert!(unfilled.is_empty(), "{unfilled:?}");
        if MISSING_CODES.contains(&f.code) {
            let answer = f.get_arg("answer").unwrap_or("");
            assert!(
                answer
                    .split('/')
                    .all(|a| ["NXDOMAIN", "NODATA", "NOERROR"].contains(&a)),
                "{} without a void answer: {:?}",
                f.code,
                f.args
            );
        }
    }
}

fn status(report: &Report, area: Area) -> AreaStatus {
    report
        .area(area)
        .map(|a| a.status.clone())
        .unwrap_or(AreaStatus::Ok)
}

#[test]
fn correct_domain_has_no_errors() {
    let zone = Zone::correct().build();
    let report = run(&zone);
    sound(&report);
    assert_eq!(errors(&report), Vec::<String>::new());
    let c = codes(&report);
    for expected in [
        "ptr.confirmed",
        "spf.own_ip_passes",
        "spf.lookups_resolved",
        "dkim.found",
        "caa.present",
        "tlsa.none",
        "dnssec.unsigned",
    ] {
        assert!(c.contains(&expected), "{expected} missing from {c:?}");
    }
    for area in [
        Area::Mx,
        Area::Ptr,
        Area::Spf,
        Area::Dkim,
        Area::Dmarc,
        Area::MtaSts,
        Area::TlsRpt,
    ] {
        assert_eq!(status(&report, area), AreaStatus::Ok, "{area:?}");
    }
    // Documentation addresses are flagged, but only as warnings.
    assert_eq!(status(&report, Area::Addresses), AreaStatus::Warnings);
    assert_eq!(report.area(Area::Plan), None);
    assert!(
        !codes(&report).contains(&"mta_sts.fetch_policy"),
        "the policy was given"
    );
    let mut req = request();
    req.mta_sts_policy_text = None;
    let report = block_on(audit(&zone, &req));
    let fetch = report
        .findings()
        .find(|f| f.code == "mta_sts.fetch_policy")
        .expect("curl");
    assert_eq!(
        fetch.get_arg("command"),
        Some("curl -sS https://mta-sts.example.com/.well-known/mta-sts.txt")
    );
}

#[test]
fn no_question_is_asked_twice_and_the_chain_is_short() {
    let zone = Zone::correct().build();
    let report = run(&zone);
    assert_eq!(zone.repeated_questions(), Vec::new());
    assert_eq!(report.questions_asked, zone.total_questions());
    // 10 first questions (MX and 9 others, CAA at the domain and at `com`);
    // A, AAAA, CNAME, TLSA of the host; 2 PTRs.
    assert_eq!(report.questions_asked, 16, "{:?}", zone.question_log());
    // MX -> host address -> PTR; the PTR target's address is already known.
    assert_eq!(report.longest_chain, 3);
    let mx = report.area(Area::Mx).expect("mx area");
    assert_eq!(mx.answers[0].depth, 1);
    let ptr = report.area(Area::Ptr).expect("ptr area");
    assert!(ptr
        .answers
        .iter()
        .any(|a| a.rtype == RecordType::Ptr && a.depth == 3));
}

/// Answers every question only after yielding once, and records how many
/// questions were in flight at most: questions asked together overlap.
struct InFlight<'a> {
    zone: &'a MemoryZone,
    now: Cell<usize>,
    max: Cell<usize>,
}

struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

impl Resolver for InFlight<'_> {
    async fn query(&self, name: &str, rtype: RecordType) -> Result<Answer, DnsError> {
        self.now.set(self.now.get() + 1);
        self.max.set(self.max.get().max(self.now.get()));
        YieldOnce(false).await;
        let answer = self.zone.query(name, rtype).await;
        self.now.set(self.now.get() - 1);
        answer
    }
}

#[test]
fn independent_questions_go_out_together() {
    let zone = Zone::correct().build();
    let gate = InFlight {
        zone: &zone,
        now: Cell::new(0),
        max: Cell::new(0),
    };
    let report = block_on(audit(&gate, &request()));
    // MX, TXT, _dmarc, the DKIM selector, _mta-sts, mta-sts A and AAAA,
    // _smtp._tls and CAA (at the domain and at `com`) have no dependency: all
    // ten go out at once; when the MX answer comes, the host's A, AAAA, CNAME
    // and TLSA join them before the other nine are answered.
    assert_eq!(gate.max.get(), 13);
    assert_eq!(zone.repeated_questions(), Vec::new());
    assert_eq!(errors(&report), Vec::<String>::new());
    assert_eq!(report.longest_chain, 3);
}

/// The scenarios with one fault: (name, zone change, codes that must appear).
fn one_fault(change: impl FnOnce(&mut Zone), must: &[&str]) -> Report {
    let mut z = Zone::correct();
    change(&mut z);
    let zone = z.build();
    let report = run(&zone);
    sound(&report);
    let c = codes(&report);
    for code in must {
        assert!(c.contains(code), "expected {code}, got {c:?}");
    }
    assert_eq!(zone.repeated_questions(), Vec::new());
    report
}

#[test]
fn spf_over_the_lookup_limit() {
    let mut zone = Zone::correct();
    zone.spf = vec!["v=spf1 mx include:_spf.example.com -all".into()];
    let mut z = zone.build();
    let many: Vec<String> = (1..=10).map(|i| format!("a:h{i}.example.com")).collect();
    z.add_txt(
        "_spf.example.com",
        &[format!("v=spf1 {} -all", many.join(" ")).as_str()],
    );
    let report = run(&z);
    sound(&report);
    let f = report
        .findings()
        .find(|f| f.code == "spf.too_many_lookups")
        .expect("resolved count over the limit");
    assert_eq!(f.get_arg("count"), Some("12"));
    assert_eq!(f.severity, Severity::Error);
    assert!(f.fix.is_some(), "a flattened record is suggested");
    // ... never without its caveat (issue 21 item 8), even when the
    // include it replaces publishes no address today.
    assert!(report.findings().any(|f| f.code == "spf.flatten_caveat"));
    assert!(report.longest_chain >= 2);
}

#[test]
fn two_spf_records() {
    let r = one_fault(
        |z| z.spf.push("v=spf1 a -all".into()),
        &["spf.multiple_records", "spf.own_ip_fails"],
    );
    assert_eq!(status(&r, Area::Spf), AreaStatus::Errors);
    // The lint and the evaluation both see it; the report says it once.
    let said = r.findings().filter(|f| f.code == "spf.multiple_records").count();
    assert_eq!(said, 1);
}

#[test]
fn spf_not_passing_the_mx_address() {
    let r = one_fault(
        |z| z.spf = vec!["v=spf1 ip4:198.51.100.7 -all".into()],
        &["spf.own_ip_fails"],
    );
    let fails: Vec<_> = r.findings().filter(|f| f.code == "spf.own_ip_fails").collect();
    assert_eq!(fails.len(), 2, "both the v4 and the v6 MX address");
    assert_eq!(fails[0].get_arg("result"), Some("fail"));
    assert_eq!(
        fails[0].fix.as_deref(),
        Some("example.com. 3600 IN TXT \"v=spf1 ip4:192.0.2.25 ip4:198.51.100.7 -all\"")
    );
}

#[test]
fn dmarc_faults() {
    let r = one_fault(|z| z.dmarc = None, &["dmarc.missing"]);
    let f = r.findings().find(|f| f.code == "dmarc.missing").expect("missing");
    assert_eq!(f.get_arg("answer"), Some("NXDOMAIN"));
    assert_eq!(
        f.fix.as_deref(),
        Some("_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=none; rua=mailto:postmaster@example.com\"")
    );
    one_fault(
        |z| z.dmarc = Some("v=DMARC1; p=rejected".into()),
        &["dmarc.bad_value"],
    );
    let r = one_fault(
        |z| z.dmarc = Some("v=DMARC1; p=reject; rua=mailto:agg@reports.example.net".into()),
        &["dmarc.external_unauthorized"],
    );
    let f = r
        .findings()
        .find(|f| f.code == "dmarc.external_unauthorized")
        .expect("f");
    assert_eq!(
        f.fix.as_deref(),
        Some("example.com._report._dmarc.reports.example.net. 3600 IN TXT \"v=DMARC1\"")
    );
    assert!(
        !codes(&r).contains(&"dmarc.external_report"),
        "replaced by the verified finding"
    );
    // Authorized: the destination publishes the record.
    let mut z = Zone::correct();
    z.dmarc = Some("v=DMARC1; p=reject; rua=mailto:agg@reports.example.net".into());
    let mut zone = z.build();
    zone.add_txt("example.com._report._dmarc.reports.example.net", &["v=DMARC1"]);
    let r = run(&zone);
    assert!(codes(&r).contains(&"dmarc.external_authorized"));
    assert_eq!(errors(&r), Vec::<String>::new());
}

#[test]
fn dmarc_of_a_subdomain_comes_from_the_organizational_domain() {
    let mut zone = Zone::correct().build();
    zone.add_mx("news.example.com", 10, "mail.example.com.");
    zone.add_txt("news.example.com", &["v=spf1 mx -all"]);
    let mut req = request();
    req.domain = Name::host("news.example.com").expect("name");
    let report = block_on(audit(&zone, &req));
    let f = report
        .findings()
        .find(|f| f.code == "dmarc.inherited")
        .expect("inherited");
    assert_eq!(
        (f.get_arg("org"), f.get_arg("policy")),
        (Some("example.com"), Some("reject"))
    );
    assert!(!codes(&report).contains(&"dmarc.missing"));
}

#[test]
fn dkim_faults() {
    let r = one_fault(
        |z| z.dkim = Some(format!("v=DKIM1; k=rsa; p={}", &RSA2048[..200])),
        &[],
    );
    let dkim = r.area(Area::Dkim).expect("dkim");
    assert_eq!(dkim.status, AreaStatus::Errors, "{:?}", dkim.findings);
    assert!(
        dkim.findings.iter().any(|f| f.code.starts_with("dkim.bad")),
        "{:?}",
        dkim.findings
    );
    one_fault(
        |z| z.dkim = Some(format!("v=DKIM1; k=rsa; p={RSA1024}")),
        &["dkim.rsa_weak"],
    );
    one_fault(
        |z| z.dkim = Some(format!("v=DKIM1; k=rsa; t=y; p={RSA2048}")),
        &["dkim.testing"],
    );
    let r = one_fault(|z| z.dkim = None, &["dkim.missing"]);
    assert_eq!(status(&r, Area::Dkim), AreaStatus::Errors);
}

#[test]
fn dkim_selectors_are_guessed_when_none_given() {
    let zone = Zone::correct().build();
    let mut req = request();
    req.dkim_selectors.clear();
    let report = block_on(audit(&zone, &req));
    let f = report
        .findings()
        .find(|f| f.code == "dkim.selector_guessed")
        .expect("guessed s1");
    assert_eq!(f.get_arg("selector"), Some("s1"));
    let mut z = Zone::correct();
    z.dkim = None;
    let report = block_on(audit(&z.build(), &req));
    assert!(codes(&report).contains(&"dkim.no_selector_found"));
}

#[test]
fn mx_to_an_alias_and_to_an_address() {
    let mut z = Zone::correct();
    z.mx = vec![(10, "mx.example.com.")];
    let mut zone = z.build();
    zone.add_cname("mx.example.com", "mail.example.com");
    let r = run(&zone);
    sound(&r);
    assert!(codes(&r).contains(&"mx.target_cname"), "{:?}", codes(&r));
    let r = one_fault(|z| z.mx = vec![(10, "192.0.2.25.")], &["mx.ip_literal"]);
    assert_eq!(status(&r, Area::Mx), AreaStatus::Errors);
    assert!(
        !codes(&r).contains(&"mx.no_address"),
        "the address-shaped name is not looked up"
    );
}

#[test]
fn reverse_dns_faults() {
    let r = one_fault(|z| z.ptr_v4 = Some("host.example.net."), &["ptr.mismatch"]);
    let f = r.findings().find(|f| f.code == "ptr.mismatch").expect("mismatch");
    assert_eq!(f.get_arg("ptr"), Some("host.example.net"));
    assert_eq!(
        f.fix.as_deref(),
        Some("25.2.0.192.in-addr.arpa. IN PTR mail.example.com.")
    );
    // Forward-confirmed, but another name than the MX host: a warning with
    // the PTR to ask for.
    let mut zone = Zone::correct();
    zone.ptr_v4 = Some("vps123.hoster.example.");
    let mut z = zone.build();
    z.add_a("vps123.hoster.example", V4);
    let r = run(&z);
    sound(&r);
    let f = r
        .findings()
        .find(|f| f.code == "ptr.not_mx_name")
        .expect("other name");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(
        (f.get_arg("ptr"), f.get_arg("host")),
        (Some("vps123.hoster.example"), Some("mail.example.com"))
    );
    assert!(codes(&r).contains(&"ptr.confirmed"));
    let r = one_fault(|z| z.ptr_v4 = None, &["ptr.missing"]);
    let f = r.findings().find(|f| f.code == "ptr.missing").expect("missing");
    assert_eq!(
        (f.get_arg("ip"), f.get_arg("answer")),
        (Some("192.0.2.25"), Some("NXDOMAIN"))
    );
}

#[test]
fn null_mx_is_correct() {
    let mut z = Zone::correct();
    z.mx = vec![(0, ".")];
    z.spf = vec!["v=spf1 -all".into()];
    z.mta_sts = None;
    z.tls_rpt = None;
    let zone = z.build();
    let mut req = request();
    req.mta_sts_policy_text = None;
    let r = block_on(audit(&zone, &req));
    sound(&r);
    assert_eq!(errors(&r), Vec::<String>::new());
    assert!(codes(&r).contains(&"mx.null"));
    assert!(!codes(&r).contains(&"mx.none"));
    // A domain that takes no mail sends none either: no DKIM key is fine.
    z.dkim = None;
    let r = block_on(audit(&z.build(), &req));
    let f = r
        .findings()
        .find(|f| f.code == "dkim.missing")
        .expect("said, as info");
    assert_eq!(f.severity, Severity::Info);
    assert_eq!(errors(&r), Vec::<String>::new());
    let r = one_fault(|z| z.mx.push((0, ".")), &["mx.null_with_others"]);
    assert_eq!(status(&r, Area::Mx), AreaStatus::Errors);
}

#[test]
fn mta_sts_and_tls_rpt_faults() {
    one_fault(
        |z| z.mta_sts = Some("v=STSv1; id=2026-01-01".into()),
        &["mta_sts.bad_id"],
    );
    // A record meant as TLS-RPT or MTA-STS with a wrong version is reported
    // as such, not as missing.
    let r = one_fault(
        |z| z.tls_rpt = Some("v=TLSRPTv2; rua=mailto:t@example.com".into()),
        &["tls_rpt.bad_version"],
    );
    assert!(!codes(&r).contains(&"tls_rpt.missing"));
    let r = one_fault(
        |z| z.mta_sts = Some("v=STSv2; id=1".into()),
        &["mta_sts.bad_version"],
    );
    assert!(!codes(&r).contains(&"mta_sts.missing"));
    let r = one_fault(
        |z| z.tls_rpt = Some("v=TLSRPTv1; rua=ftp://example.com".into()),
        &[],
    );
    assert_eq!(
        status(&r, Area::TlsRpt),
        AreaStatus::Errors,
        "{:?}",
        r.area(Area::TlsRpt)
    );
    let mut req = request();
    req.mta_sts_policy_text = Some(POLICY.replace("mail.example.com", "mx.example.org"));
    let report = block_on(audit(&Zone::correct().build(), &req));
    assert!(codes(&report).contains(&"mta_sts.mx_not_covered"));
    // The record without its policy host.
    let mut zone = Zone::correct();
    zone.mta_sts = Some("v=STSv1; id=1".into());
    let mut z = zone.build();
    z.add_failure("mta-sts.example.com", RecordType::A, DnsError::NxDomain);
    z.add_failure("mta-sts.example.com", RecordType::Aaaa, DnsError::NxDomain);
    let r = run(&z);
    assert!(codes(&r).contains(&"mta_sts.host_missing"));
}

#[test]
fn server_addresses_are_checked_too() {
    let zone = Zone::correct().build();
    let mut req = request();
    req.server_ips = vec![IpAddr::V4(Ipv4Addr::new(198, 51, 100, 9))];
    let r = block_on(audit(&zone, &req));
    let own: Vec<_> = r
        .findings()
        .filter(|f| f.subject == "198.51.100.9")
        .map(|f| f.code)
        .collect();
    assert!(own.contains(&"spf.own_ip_fails"), "{own:?}");
    assert!(own.contains(&"ptr.missing"), "{own:?}");
    assert_eq!(zone.repeated_questions(), Vec::new());
    assert_eq!(r.longest_chain, 3);
    // A given address waits for no answer: its PTR goes out with the first
    // wave, one more than the 13 at once without it.
    let gate = InFlight {
        zone: &zone,
        now: Cell::new(0),
        max: Cell::new(0),
    };
    block_on(audit(&gate, &req));
    assert_eq!(gate.max.get(), 14);
}

/// DNS failures on chosen questions: each area that hit one says it could
/// not check, and no finding claims a record is missing there.
#[test]
fn failures_are_never_reported_as_missing() {
    let cases: Vec<(&str, RecordType, DnsError, Area, &[&str])> = vec![
        (
            "example.com",
            RecordType::Mx,
            DnsError::Timeout,
            Area::Mx,
            &["mx.none"],
        ),
        (
            "example.com",
            RecordType::Txt,
            DnsError::ServFail,
            Area::Spf,
            &["spf.no_record"],
        ),
        (
            "_dmarc.example.com",
            RecordType::Txt,
            DnsError::ServFail,
            Area::Dmarc,
            &["dmarc.missing"],
        ),
        (
            "s1._domainkey.example.com",
            RecordType::Txt,
            DnsError::Timeout,
            Area::Dkim,
            &["dkim.missing"],
        ),
        (
            "25.2.0.192.in-addr.arpa",
            RecordType::Ptr,
            DnsError::Timeout,
            Area::Ptr,
            &["ptr.missing", "ptr.mismatch"],
        ),
        (
            "mail.example.com",
            RecordType::A,
            DnsError::ServFail,
            Area::Addresses,
            &["mx.no_address"],
        ),
        (
            "_mta-sts.example.com",
            RecordType::Txt,
            DnsError::Refused,
            Area::MtaSts,
            &["mta_sts.missing"],
        ),
        (
            "_smtp._tls.example.com",
            RecordType::Txt,
            DnsError::Transport("offline".into()),
            Area::TlsRpt,
            &["tls_rpt.missing"],
        ),
        (
            "example.com",
            RecordType::Caa,
            DnsError::Malformed("x".into()),
            Area::Caa,
            &["caa.none"],
        ),
    ];
    for (name, t, error, area, not) in cases {
        let mut zone = Zone::correct().build();
        zone.add_failure(name, t, error.clone());
        let report = run(&zone);
        sound(&report);
        let a = report.area(area).expect("area");
        assert_eq!(
            a.status,
            AreaStatus::CouldNotCheck(error.code().into()),
            "{name} {t}: {:?}",
            a.findings
        );
        let f = a
            .findings
            .iter()
            .find(|f| f.code == COULD_NOT_CHECK)
            .expect("could_not_check");
        assert_eq!(
            (f.get_arg("name"), f.get_arg("reason")),
            (Some(name), Some(error.code()))
        );
        for code in not {
            assert!(!codes(&report).contains(code), "{name} {t}: {code} claimed");
        }
        assert_eq!(zone.repeated_questions(), Vec::new());
    }
}

/// A resolver where every question fails.
struct AllFail;

impl Resolver for AllFail {
    async fn query(&self, _: &str, _: RecordType) -> Result<Answer, DnsError> {
        Err(DnsError::ServFail)
    }
}

#[test]
fn a_dead_resolver_claims_nothing_missing() {
    // With the blocklists asked, as the page's audits do.
    let request = AuditRequest {
        blocklists: true,
        ..request()
    };
    let report = block_on(audit(&AllFail, &request));
    let c = codes(&report);
    for code in MISSING_CODES {
        assert!(!c.contains(code), "{code} claimed with a dead resolver");
    }
    // Every area, the ones that needed the MX answer included: none shows
    // as clean when nothing could be asked.
    for area in Area::ALL.into_iter().filter(|a| *a != Area::Plan) {
        assert_eq!(
            status(&report, area),
            AreaStatus::CouldNotCheck("dns.servfail".into()),
            "{area:?}"
        );
    }
    let mut not_checked: Vec<(Area, String)> = report
        .areas
        .iter()
        .flat_map(|a| {
            a.findings
                .iter()
                .filter(|f| f.code == "check.not_checked")
                .map(move |f| (a.area, f.get_arg("type").unwrap_or("").to_string()))
        })
        .collect();
    not_checked.sort();
    // Addresses, PTR, TLSA and the SPF verdict on the mail hosts wait for
    // the MX answer; DNSSEC reads the AD bit of the MX and TXT answers.
    let want: Vec<(Area, String)> = [
        (Area::Addresses, "MX"),
        (Area::Ptr, "MX"),
        (Area::Spf, "MX"),
        (Area::Tlsa, "MX"),
        (Area::Dnssec, "MX"),
        (Area::Dnssec, "TXT"),
        // Which addresses to ask the lists about comes from the MX hosts.
        (Area::Blocklists, "MX"),
    ]
    .into_iter()
    .map(|(a, t)| (a, t.to_string()))
    .collect();
    assert_eq!(
        not_checked, want,
        "each area names the failed answers it waited for"
    );
}

fn planned() -> Vec<Record> {
    let n = |s: &str| Name::service(s).expect("name");
    let txt = |s: &str| Rdata::Txt(Txt::from_value(s));
    vec![
        Record::new(
            n("example.com"),
            3600,
            Rdata::Mx(Mx::new(10, n("mail.example.com"))),
        ),
        Record::new(n("mail.example.com"), 3600, Rdata::A(V4)),
        Record::new(n("mail.example.com"), 3600, Rdata::Aaaa(V6)),
        Record::new(n("example.com"), 3600, txt("v=spf1 mx -all")),
        Record::new(
            n("_dmarc.example.com"),
            3600,
            txt("v=DMARC1; p=reject; rua=mailto:dmarc@example.com"),
        ),
        Record::new(
            n("s1._domainkey.example.com"),
            3600,
            txt(&format!("v=DKIM1; k=rsa; p={RSA2048}")),
        ),
    ]
}

fn plan_codes(report: &Report) -> Vec<(&'static str, String)> {
    report
        .area(Area::Plan)
        .expect("plan area")
        .findings
        .iter()
        .filter(|f| f.code != "plan.ok")
        .map(|f| (f.code, f.subject.clone()))
        .collect()
}

#[test]
fn plan_found_as_planned() {
    let zone = Zone::correct().build();
    let report = block_on(verify_plan(&zone, &planned()));
    sound(&report);
    assert_eq!(plan_codes(&report), Vec::new());
    let plan = report.area(Area::Plan).expect("plan");
    assert_eq!(plan.findings.len(), 6);
    assert_eq!(plan.status, AreaStatus::Ok);
    assert_eq!(report.domain.as_str(), "example.com");
    assert!(
        report.area(Area::Dkim).is_some(),
        "the planned domain is audited too"
    );
    assert!(
        codes(&report).contains(&"dkim.found"),
        "selector taken from the plan"
    );
    assert_eq!(zone.repeated_questions(), Vec::new());
}

#[test]
fn plan_faults() {
    // Missing (NXDOMAIN), different, and an extra MX.
    let mut z = Zone::correct();
    z.dmarc = None;
    z.spf = vec!["v=spf1 a -all".into()];
    z.mx.push((20, "backup.example.net."));
    let report = block_on(verify_plan(&z.build(), &planned()));
    let got = plan_codes(&report);
    assert!(
        got.contains(&("plan.missing", "_dmarc.example.com".into())),
        "{got:?}"
    );
    assert!(got.contains(&("plan.different", "example.com".into())), "{got:?}");
    assert!(got.contains(&("plan.extra", "example.com".into())), "{got:?}");
    let plan = report.area(Area::Plan).expect("plan");
    let missing = plan
        .findings
        .iter()
        .find(|f| f.code == "plan.missing")
        .expect("missing");
    assert_eq!(missing.get_arg("answer"), Some("NXDOMAIN"));
    let diff = plan
        .findings
        .iter()
        .find(|f| f.code == "plan.different")
        .expect("different");
    assert_eq!(
        (diff.get_arg("expected"), diff.get_arg("found")),
        (Some("\"v=spf1 mx -all\""), Some("\"v=spf1 a -all\""))
    );
    assert_eq!(
        diff.fix.as_deref(),
        Some("example.com. 3600 IN TXT \"v=spf1 mx -all\"")
    );

    // Shadowed: a second SPF record, and a CNAME at a planned name.
    let mut z = Zone::correct();
    z.spf.push("v=spf1 ip4:198.51.100.1 -all".into());
    let mut zone = z.build();
    zone.add_cname("_dmarc.example.com", "dmarc.example.net");
    zone.add_txt("dmarc.example.net", &["v=DMARC1; p=none"]);
    let report = block_on(verify_plan(&zone, &planned()));
    let got = plan_codes(&report);
    assert!(got.contains(&("plan.shadowed", "example.com".into())), "{got:?}");
    assert!(
        got.contains(&("plan.shadowed", "_dmarc.example.com".into())),
        "{got:?}"
    );
    let nodata = {
        let mut z = Zone::correct().build();
        z.add_failure("s1._domainkey.example.com", RecordType::Txt, DnsError::NoData);
        block_on(verify_plan(&z, &planned()))
    };
    let f = nodata
        .area(Area::Plan)
        .and_then(|a| a.findings.iter().find(|f| f.code == "plan.missing"))
        .expect("missing");
    assert_eq!(f.get_arg("answer"), Some("NODATA"));
}

#[test]
fn exports() {
    let mut z = Zone::correct();
    z.ptr_v4 = None;
    let report = run(&z.build());
    let json: serde_json::Value = serde_json::from_str(&report_json(&report)).expect("json");
    assert_eq!(json["domain"], "example.com");
    assert_eq!(json["questions_asked"], report.questions_asked);
    let ptr = json["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .find(|a| a["area"] == "ptr")
        .expect("ptr area");
    assert_eq!(ptr["status"]["state"], "errors");
    assert_eq!(ptr["answers"][0]["type"], "PTR");
    assert_eq!(ptr["answers"][0]["error"]["code"], "dns.nxdomain");
    assert!(ptr["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .any(|f| f["code"] == "ptr.missing" && f["severity"] == "error"));

    let en = report_markdown(&report, Lang::En);
    assert!(en.starts_with("# Mail DNS check: example.com\n"), "{en}");
    assert!(en.contains("## Reverse DNS (PTR) — Errors"), "{en}");
    assert!(
        en.contains("192.0.2.25 has no reverse DNS (PTR, NXDOMAIN)"),
        "{en}"
    );
    assert!(
        en.contains("25.2.0.192.in-addr.arpa. IN PTR mail.example.com."),
        "{en}"
    );
    assert!(en.contains("; 25.2.0.192.in-addr.arpa. PTR: NXDOMAIN"), "{en}");
    let zh = report_markdown(&report, Lang::ZhCn);
    assert!(zh.contains("## 反向解析（PTR） — 有错误"), "{zh}");
    assert!(!zh.contains('{'), "unfilled placeholder: {zh}");
    let failed = block_on(audit(&AllFail, &request()));
    let md = report_markdown(&failed, Lang::En);
    assert!(
        md.contains("Could not check (The DNS server failed to answer"),
        "{md}"
    );
}

#[test]
fn dane_needs_dnssec() {
    let tlsa = Rdata::parse(
        RecordType::Tlsa,
        "3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6",
    )
    .expect("tlsa");
    let mut z = Zone::correct();
    z.tls_rpt = None;
    let mut zone = z.build();
    zone.add("_25._tcp.mail.example.com", tlsa);
    let r = run(&zone);
    let c = codes(&r);
    assert!(
        c.contains(&"tlsa.present") && c.contains(&"tlsa.without_dnssec"),
        "{c:?}"
    );
    let sev = |code: &str| r.findings().find(|f| f.code == code).map(|f| f.severity);
    assert_eq!(sev("dnssec.unsigned"), Some(Severity::Warning));
    assert_eq!(
        sev("tls_rpt.missing"),
        Some(Severity::Warning),
        "TLS-RPT matters with DANE"
    );
    zone.set_authenticated(true);
    let r = run(&zone);
    let c = codes(&r);
    assert!(
        c.contains(&"dnssec.validated") && !c.contains(&"tlsa.without_dnssec"),
        "{c:?}"
    );
    assert_eq!(status(&r, Area::Dnssec), AreaStatus::Ok);
}

/// Re-running one area after a failure asks that area's questions again and
/// nothing else, and the rest of the report is unchanged.
#[test]
fn rerun_of_one_area_asks_only_its_questions() {
    let mut failing = Zone::correct().build();
    failing.add_servfail("_dmarc.example.com");
    let (first, known) = block_on(audit_from(&failing, &request(), KnownAnswers::default()));
    let dmarc = first.area(Area::Dmarc).expect("dmarc area");
    assert_eq!(dmarc.status, AreaStatus::CouldNotCheck("dns.servfail".into()));
    assert!(dmarc.findings.iter().all(|f| !MISSING_CODES.contains(&f.code)));

    // The DMARC record answers now (SERVFAIL was transient).
    let healthy = Zone::correct().build();
    let seed = first.rerun_seed(&known, Area::Dmarc);
    let (second, _) = block_on(audit_from(&healthy, &request(), seed));
    assert_eq!(second.area(Area::Dmarc).map(|a| &a.status), Some(&AreaStatus::Ok));
    let asked = healthy.question_log();
    assert!(!asked.is_empty());
    assert!(
        asked.iter().all(|(name, _)| name.ends_with("_dmarc.example.com")),
        "only DMARC questions are asked again: {asked:?}"
    );
    assert_eq!(second.questions_asked, asked.len());
    for area in [Area::Mx, Area::Spf, Area::Dkim, Area::Ptr, Area::MtaSts] {
        let (a, b) = (first.area(area), second.area(area));
        assert_eq!(
            a.map(|x| (&x.status, &x.findings)),
            b.map(|x| (&x.status, &x.findings)),
            "{area:?} unchanged"
        );
    }
}

/// RFC 8659 §3: a domain without CAA is governed by its closest ancestor's.
#[test]
fn caa_climbs_to_the_closest_parent_set() {
    let mut zone = MemoryZone::new();
    zone.add_mx("mail.example.com", 10, "mx.example.com.")
        .add_a("mx.example.com", V4)
        .add(
            "example.com",
            Rdata::parse(RecordType::Caa, "0 issue \"pki.example\"").expect("caa"),
        );
    let request = AuditRequest {
        domain: Name::host("mail.example.com").expect("name"),
        ..request()
    };
    let report = block_on(audit(&zone, &request));
    let caa = report.area(Area::Caa).expect("caa");
    let f = caa
        .findings
        .iter()
        .find(|f| f.code == "caa.inherited")
        .expect("inherited");
    assert_eq!(f.get_arg("owner"), Some("example.com"));
    assert!(f.get_arg("records").is_some_and(|r| r.contains("pki.example")));
    // All levels went out together: the climb adds no round trip.
    assert!(caa.answers.iter().all(|a| a.depth == 1), "{:?}", caa.answers);
    assert!(caa.findings.iter().all(|f| f.code != "caa.none"));

    // Nothing up to the TLD: any CA may issue, and the fix is a record.
    let bare = MemoryZone::new();
    let report = block_on(audit(&bare, &request));
    let none = report
        .findings()
        .find(|f| f.code == "caa.none")
        .expect("caa.none");
    assert_eq!(
        none.fix.as_deref(),
        Some("mail.example.com. 3600 IN CAA 0 issue \"letsencrypt.org\"")
    );
    assert_eq!(bare.times_asked("com", RecordType::Caa), 1, "climbs to the TLD");

    // A failure below the first set found leaves the area unchecked.
    let mut failing = zone;
    failing.add_failure("mail.example.com", RecordType::Caa, DnsError::ServFail);
    let report = block_on(audit(&failing, &request));
    let caa = report.area(Area::Caa).expect("caa");
    assert_eq!(caa.status, AreaStatus::CouldNotCheck("dns.servfail".into()));
    assert!(caa
        .findings
        .iter()
        .all(|f| f.code != "caa.none" && f.code != "caa.inherited"));
}

/// RFC 9989 §4.10.2: the tree walk finds the closest DMARC record above a
/// name without one, with no public suffix list; a failed closer level
/// leaves the policy unknown rather than inherited from farther up.
#[test]
fn dmarc_tree_walk_reaches_the_closest_record() {
    let mut zone = Zone::correct().build();
    zone.add_mx("a.b.example.com", 10, "mail.example.com.");
    let request = AuditRequest {
        domain: Name::host("a.b.example.com").expect("name"),
        ..request()
    };
    let report = block_on(audit(&zone, &request));
    let f = report
        .findings()
        .find(|f| f.code == "dmarc.inherited")
        .expect("inherited");
    assert_eq!(f.get_arg("org"), Some("example.com"));
    assert_eq!(f.get_arg("policy"), Some("reject"));
    assert_eq!(zone.times_asked("_dmarc.b.example.com", RecordType::Txt), 1);
    assert_eq!(
        zone.times_asked("_dmarc.com", RecordType::Txt),
        1,
        "the walk reaches the TLD"
    );

    zone.add_servfail("_dmarc.b.example.com");
    let report = block_on(audit(&zone, &request));
    let dmarc = report.area(Area::Dmarc).expect("dmarc");
    assert_eq!(dmarc.status, AreaStatus::CouldNotCheck("dns.servfail".into()));
    assert!(dmarc
        .findings
        .iter()
        .all(|f| f.code != "dmarc.inherited" && f.code != "dmarc.missing"));
}

/// A published SPF worded differently from the plan but passing every
/// planned server, with the same final `all`, is equivalent, not an error.
#[test]
fn equivalent_spf_is_not_a_difference() {
    let planned_spf = |text: &str| -> Vec<Record> {
        planned()
            .into_iter()
            .map(|mut r| {
                if r.rdata.txt_joined().is_some_and(|t| t.starts_with("v=spf1")) {
                    r.rdata = Rdata::Txt(Txt::from_value(text));
                }
                r
            })
            .collect()
    };
    // The zone publishes `v=spf1 mx -all`; the MX host has both addresses.
    let zone = Zone::correct().build();
    let plan = planned_spf("v=spf1 ip4:192.0.2.25 ip6:2001:db8::25 -all");
    let report = block_on(verify_plan(&zone, &plan));
    let area = report.area(Area::Plan).expect("plan");
    let f = area
        .findings
        .iter()
        .find(|f| f.code == "plan.spf_equivalent")
        .expect("equivalent");
    assert_eq!(f.severity, Severity::Info);
    assert_eq!(
        f.fix.as_deref(),
        Some("example.com. 3600 IN TXT \"v=spf1 ip4:192.0.2.25 ip6:2001:db8::25 -all\"")
    );
    assert!(area.findings.iter().all(|f| f.code != "plan.different"));

    // A different final qualifier is a real difference.
    let plan = planned_spf("v=spf1 ip4:192.0.2.25 ip6:2001:db8::25 ~all");
    let report = block_on(verify_plan(&zone, &plan));
    assert!(report.findings().any(|f| f.code == "plan.different"));
    // So is a planned server the published record does not pass.
    let plan = planned_spf("v=spf1 ip4:192.0.2.25 ip4:198.51.100.7 -all");
    let report = block_on(verify_plan(&zone, &plan));
    assert!(report.findings().any(|f| f.code == "plan.different"));
}

// ---- Issue 14: honest under failure, and one coherent report, over the
// scenario zones of tests/zones/ (the same data the e2e tests serve).

/// The audit of a scenario zone, with these questions failing.
fn scenario(domain: &str, selectors: &[&str], failing: &[(&str, RecordType)], error: DnsError) -> Report {
    let (zone, _) = common::load_zones();
    let r = common::Faulty::failing(&zone, failing, error);
    let report = block_on(audit(&r, &common::request(domain, selectors)));
    sound(&report);
    report
}

fn explained(report: &Report, lang: Lang) -> Vec<String> {
    report
        .findings()
        .map(|f| maildns::i18n::explain(lang, f))
        .collect()
}

fn unknown(report: &Report, area: Area) -> bool {
    report
        .area(area)
        .is_some_and(|a| a.findings.iter().any(maildns::check::is_unknown))
}

#[test]
fn null_mx_with_the_mx_question_failing_invents_no_dkim_error() {
    let fine = scenario("null-mx.net", &["mail"], &[], DnsError::ServFail);
    let missing: Vec<_> = fine.findings().filter(|f| f.code == "dkim.missing").collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(
        missing[0].severity,
        Severity::Info,
        "a null MX domain signs nothing"
    );
    for error in [DnsError::Timeout, DnsError::Transport("HTTP 503".into())] {
        let r = scenario(
            "null-mx.net",
            &["mail"],
            &[("null-mx.net", RecordType::Mx)],
            error,
        );
        assert!(errors(&r).is_empty(), "{:?}", errors(&r));
        let dkim = r.area(Area::Dkim).expect("dkim");
        assert!(dkim.findings.iter().all(|f| f.severity != Severity::Error));
        assert!(
            unknown(&r, Area::Dkim),
            "how bad the absence is rests on the MX answer"
        );
        assert!(matches!(dkim.status, AreaStatus::CouldNotCheck(_)));
    }
}

#[test]
fn spf_over_the_limit_with_an_include_and_the_mx_failing_hides_nothing() {
    let include = ("l5.spf-chain.net", RecordType::Txt);
    let mx = ("spf-lookups.net", RecordType::Mx);
    for failing in [vec![include], vec![include, mx]] {
        let r = scenario("spf-lookups.net", &["s202611"], &failing, DnsError::Timeout);
        let spf = r.area(Area::Spf).expect("spf");
        assert!(
            matches!(spf.status, AreaStatus::CouldNotCheck(_) | AreaStatus::Errors),
            "{:?}",
            spf.status
        );
        assert!(unknown(&r, Area::Spf), "the failed include is named");
        let count = spf
            .findings
            .iter()
            .find(|f| f.code == "spf.lookups_resolved")
            .expect("count");
        assert_eq!(count.get_arg("bound"), Some("at_least"));
        assert_eq!(count.get_arg("failed"), Some("l5.spf-chain.net TXT"));
        let en = maildns::i18n::explain(Lang::En, count);
        assert!(en.contains("needs at least "), "{en}");
        assert!(en.contains("l5.spf-chain.net TXT"), "{en}");
        let zh = maildns::i18n::explain(Lang::ZhCn, count);
        assert!(zh.contains("至少"), "{zh}");
    }
}

#[test]
fn spf_over_the_limit_is_one_error_with_one_fix() {
    let r = scenario("spf-lookups.net", &["s202611"], &[], DnsError::ServFail);
    let spf = r.area(Area::Spf).expect("spf");
    let errs: Vec<_> = spf
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(errs.len(), 1, "{:?}", errors(&r));
    assert_eq!(errs[0].code, "spf.too_many_lookups");
    assert_eq!(errs[0].get_arg("count"), Some("12"));
    let fix = errs[0].fix.as_deref().expect("a flattened record");
    assert!(fix.starts_with("v=spf1") && !fix.contains("include:l1"), "{fix}");
    let fixes = spf.findings.iter().filter(|f| f.fix.is_some()).count();
    assert_eq!(fixes, 1, "one record to publish");
    assert!(!codes(&r).contains(&"spf.own_ip_fails"));
}

#[test]
fn mx_at_an_address_literal_checks_what_it_can_and_says_what_it_cannot() {
    let r = scenario("mx-ip-literal.net", &["s202611"], &[], DnsError::ServFail);
    let literal = r
        .findings()
        .find(|f| f.code == "mx.ip_literal")
        .expect("mx.ip_literal");
    for lang in Lang::ALL {
        let text = maildns::i18n::explain(lang, literal);
        assert!(text.contains("185.47.112.22"), "{text}");
    }
    for area in [Area::Addresses, Area::Tlsa] {
        assert_eq!(
            status(&r, area),
            AreaStatus::CouldNotCheck("check.reason.no_mail_host".into()),
            "{area:?}: nothing was looked up"
        );
    }
    let ptr = r.area(Area::Ptr).expect("ptr");
    assert!(
        ptr.findings.iter().any(|f| f.subject == "185.47.112.22"),
        "the literal's reverse DNS is checked: {:?}",
        ptr.findings
    );
    let spf = r.area(Area::Spf).expect("spf");
    assert!(
        spf.findings
            .iter()
            .any(|f| f.code == "spf.own_ip_passes" && f.subject == "185.47.112.22"),
        "the literal's SPF result is evaluated: {:?}",
        spf.findings
    );
}

#[test]
fn mx_to_an_alias_is_an_error_and_nothing_points_the_ptr_at_the_alias() {
    let r = scenario("mx-cname.net", &["s202611"], &[], DnsError::ServFail);
    let cname = r.findings().find(|f| f.code == "mx.target_cname").expect("cname");
    assert_eq!(cname.severity, Severity::Error, "RFC 2181 §10.3: MUST NOT");
    assert_eq!(cname.rfc, "RFC 2181 §10.3");
    for f in r.findings().filter(|f| f.code != "mx.target_cname") {
        let fix = f.fix.as_deref().unwrap_or("");
        assert!(!fix.contains("mx.mx-cname.net"), "{}: {fix}", f.code);
        assert_ne!(f.get_arg("host"), Some("mx.mx-cname.net"), "{}", f.code);
    }
    assert!(!codes(&r).contains(&"ptr.not_mx_name"));
    assert_eq!(errors(&r).len(), 1, "{:?}", errors(&r));
}

#[test]
fn a_domain_that_takes_no_mail_is_not_told_to_publish_mta_sts_or_tls_rpt() {
    let r = scenario("null-mx.net", &[], &[], DnsError::ServFail);
    assert!(codes(&r).contains(&"mx.null"));
    for code in ["mta_sts.missing", "tls_rpt.missing"] {
        assert!(!codes(&r).contains(&code), "{code}");
    }
    assert!(!r
        .findings()
        .any(|f| f.fix.as_deref().is_some_and(|x| x.contains("TLSRPT"))));
    assert!(errors(&r).is_empty(), "{:?}", errors(&r));
}

#[test]
fn the_report_opens_with_a_summary_line() {
    let good = scenario("good-mail.net", &["s202611"], &[], DnsError::ServFail);
    let warned: Vec<String> = good
        .findings()
        .filter(|f| f.severity == Severity::Warning)
        .map(|f| format!("{} {}", f.code, f.subject))
        .collect();
    assert_eq!(
        (
            good.summary.errors,
            good.summary.warnings,
            good.summary.could_not_check
        ),
        (0, warned.len(), 0),
        "{warned:?}"
    );
    let r = scenario(
        "dmarc-missing.net",
        &["s202611"],
        &[("dmarc-missing.net", RecordType::Caa)],
        DnsError::Timeout,
    );
    assert_eq!((r.summary.errors, r.summary.could_not_check), (1, 1));
    let en = report_markdown(&r, Lang::En);
    let zh = report_markdown(&r, Lang::ZhCn);
    let first_line = |md: &str| {
        md.lines()
            .filter(|l| !l.is_empty())
            .nth(1)
            .unwrap_or("")
            .to_string()
    };
    let warnings = r.summary.warnings;
    let w = if warnings == 1 { "warning" } else { "warnings" };
    assert_eq!(
        first_line(&en),
        format!("1 error, {warnings} {w}, 1 area that could not be checked.")
    );
    assert_eq!(
        first_line(&zh),
        format!("1 个错误，{warnings} 个警告，1 个部分无法检查。")
    );
    let json: serde_json::Value = serde_json::from_str(&report_json(&r)).expect("json");
    assert_eq!(json["summary"]["errors"], 1);
    assert_eq!(json["summary"]["could_not_check"], 1);
}

/// Every finding of every scenario zone, in both languages: plurals agree
/// with their numbers, and no name ends a word with a stray dot before
/// punctuation (`at x._report._dmarc.y.).`).
#[test]
fn sentences_read_right_in_both_languages() {
    let (zone, origins) = common::load_zones();
    let mut texts = 0;
    for domain in &origins {
        let r = block_on(audit(&zone, &common::request(domain, &["s202611", "mail"])));
        for lang in Lang::ALL {
            let md = report_markdown(&r, lang);
            for text in explained(&r, lang)
                .iter()
                .map(String::as_str)
                .chain([md.as_str()])
            {
                texts += 1;
                for bad in [
                    "(s)",
                    " 1 DNS lookups",
                    " 1 errors",
                    " 1 warnings",
                    " 1 areas",
                    " 1 records",
                ] {
                    assert!(!text.contains(bad), "{domain} {lang:?}: {bad:?} in {text}");
                }
                assert!(
                    !text.contains("{"),
                    "{domain} {lang:?}: unfilled placeholder in {text}"
                );
                let sentence = text.split("```").step_by(2).collect::<String>();
                for bad in ["..", ".,", ".;", ".:", ".)", ".，", ".。", ".；", ".：", ".）"] {
                    assert!(
                        !sentence.contains(bad),
                        "{domain} {lang:?}: {bad:?} in {sentence}"
                    );
                }
            }
        }
    }
    let good = block_on(audit(&zone, &common::request("good-mail.net", &["s202611"])));
    let count = good
        .findings()
        .find(|f| f.code == "spf.lookups_resolved")
        .expect("count");
    assert!(maildns::i18n::explain(Lang::En, count).contains("needs 1 DNS lookup,"));
    println!("sentences: {texts} passed, 0 failed");
}
