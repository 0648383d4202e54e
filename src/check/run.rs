//! The audit of one domain: every independent part starts at once, over one
//! run cache; the parts meet at the end for the verdicts that need several
//! (MTA-STS policy against the MX hosts, TLS-RPT when MTA-STS or DANE is
//! used, DNSSEC).

use super::cache::{Asked, KnownAnswers, RunCache};
use super::hosts::check_mail_hosts;
use super::policies;
use super::{Area, AreaBuilder, AreaReport, AuditRequest, Report, Summary};
use crate::dns::Resolver;
use crate::finding::{Finding, Severity};
use crate::i18n::code;
use crate::model::Name;
use futures::future::{join, join3};
use std::future::Future;

pub use super::policies::LiveFound;

/// Audits `request.domain`: see the module documentation of [`crate::check`].
pub async fn audit<R: Resolver>(resolver: &R, request: &AuditRequest) -> Report {
    audit_from(resolver, request, KnownAnswers::default()).await.0
}

/// [`audit`] starting from answers already known (a re-run of one area:
/// the caller dropped that area's questions and the failed ones). Returns
/// the report and every answer, to start the next re-run from.
pub async fn audit_from<R: Resolver>(
    resolver: &R,
    request: &AuditRequest,
    known: KnownAnswers,
) -> (Report, KnownAnswers) {
    audit_fetching(resolver, request, known, no_live()).await
}

/// No fetch of the MTA-STS policy: the native engine and the tests.
pub fn no_live() -> std::future::Ready<Option<LiveFound>> {
    std::future::ready(None)
}

/// [`audit_from`] with the page's fetch of the MTA-STS policy (RFC 8461
/// §3.3), awaited beside the DNS questions: the fetch is the caller's, the
/// engine only reads what it found.
pub async fn audit_fetching<R: Resolver, F: Future<Output = Option<LiveFound>>>(
    resolver: &R,
    request: &AuditRequest,
    known: KnownAnswers,
    live: F,
) -> (Report, KnownAnswers) {
    let cache = RunCache::with_known(resolver, known);
    let areas = audit_areas(&cache, request, live).await;
    let report = finish_report(&cache, request.domain.clone(), areas);
    (report, cache.known())
}

pub(crate) fn finish_report<R: Resolver>(
    cache: &RunCache<'_, R>,
    domain: Name,
    mut areas: Vec<AreaReport>,
) -> Report {
    areas.sort_by_key(|a| Area::ALL.iter().position(|x| *x == a.area));
    Report {
        domain,
        summary: Summary::of(&areas),
        areas,
        questions_asked: cache.questions_sent(),
        longest_chain: cache.longest_chain(),
    }
}

pub(crate) async fn audit_areas<R: Resolver, F: Future<Output = Option<LiveFound>>>(
    cache: &RunCache<'_, R>,
    request: &AuditRequest,
    live: F,
) -> Vec<AreaReport> {
    let d = &request.domain;
    // The blocklists wait for the hosts' addresses only, not for the
    // other areas (HOUSE_STYLE habit 7).
    let hosts_then_lists = async {
        let hosts = check_mail_hosts(cache, d, &request.server_ips).await;
        let lists = if request.blocklists {
            let addresses = &hosts.addresses.answers;
            Some(
                super::blocklists::blocklists(cache, d, &hosts.mx_asked, addresses, &request.server_ips)
                    .await,
            )
        } else {
            None
        };
        (hosts, lists)
    };
    let ((hosts, lists), (spf_record, dmarc, dkim), ((mta_sts, live), tls_rpt, caa)) = join3(
        hosts_then_lists,
        join3(
            policies::spf_record(cache, d),
            policies::dmarc(cache, d),
            policies::dkim(cache, d, &request.dkim_selectors),
        ),
        join3(
            join(policies::mta_sts(cache, d), live),
            policies::tls_rpt(cache, d),
            policies::caa(cache, d),
        ),
    )
    .await;

    let (mut spf, spf_asked) = spf_record;
    // The record check already names the root cause of the evaluation's
    // permerror when it counted too many lookups: one finding, one fix.
    let over_limit = spf.findings.iter().any(|f| f.code == code::spf::TOO_MANY_LOOKUPS);
    spf.extend(
        hosts
            .spf
            .findings
            .into_iter()
            .filter(|f| !(over_limit && is_lookup_limit_echo(f))),
    );
    for t in hosts.spf.traces {
        spf.trace(t);
    }
    for a in hosts.spf.answers {
        if !spf.answers.iter().any(|x| x.name == a.name && x.rtype == a.rtype) {
            spf.answers.push(a);
        }
    }

    let policies::MtaStsFound {
        area: mut sts,
        record,
        id,
    } = mta_sts;
    if let Some(text) = &request.mta_sts_policy_text {
        // The policy is in hand (pasted): no need to tell how to fetch it,
        // and the paste wins over the page's own fetch.
        sts.findings.retain(|f| f.code != code::mta_sts::FETCH_POLICY);
        policies::mta_sts_policy(&mut sts, d, text, &hosts.mx_hosts);
    } else if let Some(live) = &live {
        policies::mta_sts_live(&mut sts, d, (record, id.as_deref()), live, &hosts.mx_hosts);
    }
    let mut tls_rpt = tls_rpt;
    if record || hosts.tlsa_found {
        policies::tls_rpt_matters(&mut tls_rpt);
    }

    let mut dkim = dkim;
    let null_mx = hosts.mx.findings.iter().any(|f| f.code == code::mx::NULL);
    let absent = |f: &Finding| f.code == code::dkim::MISSING || f.code == code::dkim::NO_SELECTOR_FOUND;
    if dkim.findings.iter().any(absent) {
        // How bad a missing key is rests on the MX answer: RFC 7505 §4, a
        // domain with a null MX sends no mail either, so it signs nothing
        // and a missing key is expected there. While that answer is
        // unknown, the absence is stated, not judged (and the area says
        // "not checked").
        dkim.rests_on(&hosts.mx_asked);
        let known = match &hosts.mx_asked.result {
            Ok(_) => true,
            Err(e) => e.is_void(),
        };
        if null_mx || !known {
            for f in dkim.findings.iter_mut().filter(|f| absent(f)) {
                f.severity = Severity::Info;
            }
        }
    }
    if null_mx {
        // RFC 7505 §3: the domain takes no mail, so nothing is delivered to
        // it over TLS to protect or report on: neither MTA-STS nor a TLS-RPT
        // address is advice for it.
        sts.findings.retain(|f| f.code != code::mta_sts::MISSING);
        tls_rpt.findings.retain(|f| f.code != code::tls_rpt::MISSING);
    }

    let dnssec = dnssec_area(&hosts.mx_asked, &spf_asked, hosts.tlsa_found);
    let mut tlsa = hosts.tlsa;
    if hosts.tlsa_found && !validated(&hosts.mx_asked, &spf_asked).unwrap_or(false) {
        // RFC 7672 §2.2: TLSA records are only usable when DNSSEC-validated.
        tlsa.push(Finding::warning(
            code::tlsa::WITHOUT_DNSSEC,
            d.as_str(),
            "RFC 7672 §2.2",
        ));
    }

    let mut areas = vec![
        hosts.mx.finish(),
        hosts.addresses.finish(),
        hosts.ptr.finish(),
        spf.finish(),
        dkim.finish(),
        dmarc.finish(),
        sts.finish(),
        tls_rpt.finish(),
        caa.finish(),
        tlsa.finish(),
        dnssec.finish(),
    ];
    areas.extend(lists.map(AreaBuilder::finish));
    areas
}

/// A finding of an address's evaluation that only repeats "too many
/// lookups": the limit reached, or the address failing with permerror
/// (and a fix adding it, although the record's terms may well cover it).
fn is_lookup_limit_echo(f: &Finding) -> bool {
    f.code == code::spf::EVAL_LOOKUP_LIMIT
        || (f.code == code::spf::OWN_IP_FAILS && f.get_arg("result") == Some("permerror"))
}

/// The AD bit of the first of these questions that got records: whether
/// the resolver validated the domain's data with DNSSEC (RFC 4035 §3.2.3).
fn validated(mx: &Asked, txt: &Asked) -> Option<bool> {
    [mx, txt]
        .into_iter()
        .find_map(|a| a.result.as_ref().ok().map(|ans| ans.authenticated_data))
}

fn dnssec_area(mx: &Asked, txt: &Asked, tlsa_found: bool) -> AreaBuilder {
    let mut b = AreaBuilder::new(Area::Dnssec);
    let d = mx.name.as_str();
    // The verdict reads the AD bit of both answers (RFC 4035 §3.2.3); one
    // that failed leaves it unsure (AreaBuilder::finish says so).
    for a in [mx, txt] {
        b.rests_on(a);
    }
    match validated(mx, txt) {
        Some(true) => b.push(Finding::info(code::dnssec::VALIDATED, d, "RFC 4035 §3.2.3")),
        Some(false) => {
            // Unsigned is common and not wrong, unless DANE depends on it.
            let f = if tlsa_found {
                Finding::warning(code::dnssec::UNSIGNED, d, "RFC 7672 §2.2")
            } else {
                Finding::info(code::dnssec::UNSIGNED, d, "RFC 4035 §3.2.3")
            };
            b.push(f);
        }
        // Neither answer came: whether the data validates is unknown, and
        // the failed answers the area rests on say so.
        None => {}
    }
    b
}
