//! The policy records of an audit, each asked at once with no dependency on
//! the MX chain: SPF (RFC 7208), DMARC (RFC 9989 with the RFC 9990 §3 report
//! authorizations), DKIM (RFC 6376), MTA-STS (RFC 8461), TLS-RPT (RFC 8460)
//! and CAA (RFC 8659).

use super::cache::{Asked, Chained, RunCache};
use super::{mta_sts_curl_command, void_word, Area, AreaBuilder};
use crate::dkim::DkimKey;
use crate::dmarc::{self, DmarcRecord};
use crate::dns::{Rdata, RecordType, Resolver};
use crate::finding::{Finding, Severity};
use crate::i18n::code;
use crate::model::Name;
use crate::mta_sts::live::{canonical, is_text_plain, policy_origin, policy_url, Fetched, SeenPolicy};
use crate::mta_sts::{check_mx_coverage, MtaStsPolicy, MtaStsRecord};
use crate::spf::trace::LOOKUP_LIMIT;
use crate::spf::{flatten, is_spf_record, lint_txt_set, lookup_tree};
use crate::tls_rpt::TlsRptRecord;
use futures::future::{join3, join_all};

/// The code of the caveat that goes with every flattened record offered.
pub const FLATTEN_CAVEAT: &str = code::spf::FLATTEN_CAVEAT;

/// Selectors tried when the user gives none: the defaults of common signers
/// and providers (OpenDKIM, rspamd, Microsoft 365, Google Workspace,
/// Mailchimp, Amazon SES-style `s1`/`s2`).
pub const COMMON_DKIM_SELECTORS: &[&str] = &[
    "default",
    "mail",
    "dkim",
    "selector1",
    "selector2",
    "google",
    "k1",
    "s1",
    "s2",
];

/// True if `text` starts with the version tag `tag` (any case), followed by
/// the end, `;` or a blank, as DMARC (RFC 9989 §4.7), MTA-STS (RFC 8461
/// §3.1) and TLS-RPT (RFC 8460 §3) select their records.
pub(crate) fn has_version(text: &str, tag: &str) -> bool {
    let t = text.trim_start();
    let b = t.as_bytes();
    b.len() >= tag.len()
        && b.get(..tag.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(tag.as_bytes()))
        && matches!(b.get(tag.len()), None | Some(b';' | b' ' | b'\t'))
}

/// The joined values of the TXT records in an answer.
fn txt_values(records: &[Rdata]) -> Vec<String> {
    records.iter().filter_map(Rdata::txt_joined).collect()
}

/// SPF at the domain: the TXT set lint, then the resolved lookup count.
pub(crate) async fn spf_record<R: Resolver>(cache: &RunCache<'_, R>, domain: &Name) -> (AreaBuilder, Asked) {
    let mut b = AreaBuilder::new(Area::Spf);
    let d = domain.as_str();
    let asked = cache.ask(d, RecordType::Txt, 0).await;
    let records = match b.records(&asked) {
        None => return (b, asked),
        Some(Err(e)) => {
            b.push(
                Finding::warning(code::spf::NO_RECORD, d, "RFC 7208 §4.5")
                    .arg("answer", void_word(&e))
                    .with_fix("v=spf1 mx -all"),
            );
            return (b, asked);
        }
        Some(Ok(r)) => r,
    };
    let sets: Vec<Vec<String>> = records
        .iter()
        .filter_map(|r| match r {
            Rdata::Txt(t) => Some(
                t.strings
                    .iter()
                    .map(|s| String::from_utf8_lossy(s).into_owned())
                    .collect(),
            ),
            _ => None,
        })
        .collect();
    for mut f in lint_txt_set(d, &sets) {
        if f.code == code::spf::NO_RECORD {
            f = f.arg("answer", "NOERROR").with_fix("v=spf1 mx -all");
        }
        b.push(f);
    }
    let spf_count = txt_values(&records).iter().filter(|t| is_spf_record(t)).count();
    if spf_count == 1 {
        // RFC 7208 §4.6.4: the limit counts every lookup of the evaluation,
        // includes' own terms too, which only the resolved tree shows.
        let view = Chained::new(cache, asked.depth);
        let tree = lookup_tree(&view, d).await;
        let total = tree.total_lookups();
        // A record of the tree that could not be read hides its own
        // lookups: the count is then a lower bound, and says which question
        // it stopped at.
        let failed = tree.failed_questions();
        let bound = |f: Finding| {
            if failed.is_empty() {
                f
            } else {
                f.arg("bound", "at_least").arg("failed", failed.join(", "))
            }
        };
        b.push(bound(
            Finding::info(code::spf::LOOKUPS_RESOLVED, d, "RFC 7208 §4.6.4").arg("count", total),
        ));
        if total > LOOKUP_LIMIT {
            // Over the limit even as a lower bound: certain. A flattened
            // record is only offered when every include was read.
            // A flattened record is a copy of other domains' addresses: it
            // is never offered without saying it goes stale when they
            // change (`spf.flatten_caveat`, which the suggestion carries).
            let (fix, mut caveat) = if failed.is_empty() {
                let s = flatten(&view, d).await;
                let caveat = s.findings.into_iter().find(|f| f.code == FLATTEN_CAVEAT);
                match (s.records.first(), caveat) {
                    (Some(r), Some(c)) => (Some(r.text.clone()), Some(c)),
                    _ => (None, None),
                }
            } else {
                (None, None)
            };
            match b
                .findings
                .iter_mut()
                .find(|f| f.code == code::spf::TOO_MANY_LOOKUPS)
            {
                Some(f) => {
                    f.args
                        .retain(|(k, _)| !matches!(*k, "count" | "bound" | "failed"));
                    f.args.push(("count", total.to_string()));
                    if !failed.is_empty() {
                        f.args.push(("bound", "at_least".to_string()));
                        f.args.push(("failed", failed.join(", ")));
                    }
                    if f.fix.is_none() {
                        f.fix = fix;
                    } else {
                        // The lint's own fix stands; no copy was offered.
                        caveat = None;
                    }
                }
                None => {
                    let mut f = bound(
                        Finding::error(code::spf::TOO_MANY_LOOKUPS, d, "RFC 7208 §4.6.4").arg("count", total),
                    );
                    f.fix = fix;
                    b.push(f);
                }
            }
            if let Some(c) = caveat {
                b.push(c);
            }
        }
        for asked in view.into_log() {
            b.saw(&asked);
        }
    }
    (b, asked)
}

/// DMARC: the record at `_dmarc.<domain>`, or the walk up to the
/// organizational domain's, and the external report authorizations.
pub(crate) async fn dmarc<R: Resolver>(cache: &RunCache<'_, R>, domain: &Name) -> AreaBuilder {
    let mut b = AreaBuilder::new(Area::Dmarc);
    let d = domain.as_str();
    let name = format!("_dmarc.{d}");
    let asked = cache.ask(&name, RecordType::Txt, 0).await;
    let void = match b.records(&asked) {
        None => return b,
        Some(Err(e)) => void_word(&e),
        Some(Ok(records)) => {
            let found: Vec<String> = txt_values(&records)
                .into_iter()
                .filter(|t| has_version(t, "v=DMARC1"))
                .collect();
            match found.as_slice() {
                [] => "NOERROR",
                [text] => {
                    check_dmarc_record(cache, &mut b, domain, &name, text, asked.depth).await;
                    return b;
                }
                many => {
                    // RFC 9989 §4.10.1: more than one record: no policy applies.
                    b.push(
                        Finding::error(code::dmarc::MULTIPLE_RECORDS, &name, "RFC 9989 §4.10.1")
                            .arg("count", many.len()),
                    );
                    return b;
                }
            }
        }
    };
    // RFC 9989 §4.10.2: no record here: walk up the DNS tree, one label at
    // a time (a name of 8 labels or more jumps to its last 7 first), up to
    // and including the top-level domain; the closest record found applies.
    // No public suffix list is needed. The levels do not depend on one
    // another, so they are all asked at once.
    let parents = tree_walk_targets(domain);
    let walked = join_all(
        parents
            .iter()
            .map(|p| cache.ask_string(format!("_dmarc.{}", p.as_str()), RecordType::Txt, asked.depth)),
    )
    .await;
    for (parent, a) in parents.iter().zip(&walked) {
        match b.records(a) {
            // A closer level is unknown: the applicable policy is too.
            None => return b,
            Some(Err(_)) => {}
            Some(Ok(records)) => {
                let found: Vec<String> = txt_values(&records)
                    .into_iter()
                    .filter(|t| has_version(t, "v=DMARC1"))
                    .collect();
                if let [text] = found.as_slice() {
                    let record = DmarcRecord::parse(text).ok();
                    let policy = record
                        .as_ref()
                        .and_then(|r| r.subdomain_policy.or(r.policy))
                        .map_or("none", |p| p.as_str());
                    b.push(
                        Finding::warning(code::dmarc::INHERITED, d, "RFC 9989 §4.10.2")
                            .arg("org", parent.as_str())
                            .arg("policy", policy)
                            .arg("answer", void)
                            .with_fix(default_dmarc(domain)),
                    );
                    return b;
                }
            }
        }
    }
    b.push(
        Finding::error(code::dmarc::MISSING, &name, "RFC 9989 §4.10.1")
            .arg("answer", void)
            .with_fix(default_dmarc(domain)),
    );
    b
}

/// The names above `domain` whose `_dmarc` records the tree walk reads
/// (RFC 9989 §4.10.2): a name of eight labels or more is first cut to its
/// last seven, then one label is removed at a time down to the top-level
/// domain. At most seven names, so at most eight questions in all.
pub(crate) fn tree_walk_targets(domain: &Name) -> Vec<Name> {
    let mut out = Vec::new();
    let mut next = if domain.label_count() >= 8 {
        let mut n = domain.clone();
        while n.label_count() > 7 {
            match n.parent() {
                Some(p) => n = p,
                None => break,
            }
        }
        Some(n)
    } else {
        domain.parent()
    };
    while let Some(n) = next {
        if n.label_count() == 0 {
            break;
        }
        next = n.parent();
        out.push(n);
    }
    out
}

/// A first DMARC record to publish: monitoring, reports to postmaster.
fn default_dmarc(domain: &Name) -> String {
    format!(
        "_dmarc.{} 3600 IN TXT \"v=DMARC1; p=none; rua=mailto:postmaster@{}\"",
        domain.fqdn(),
        domain.as_str()
    )
}

async fn check_dmarc_record<R: Resolver>(
    cache: &RunCache<'_, R>,
    b: &mut AreaBuilder,
    domain: &Name,
    name: &str,
    text: &str,
    after: usize,
) {
    let (record, findings) = dmarc::check(text, name);
    // The static lint only says an authorization is needed; it is checked below.
    b.extend(
        findings
            .into_iter()
            .filter(|f| f.code != code::dmarc::EXTERNAL_REPORT),
    );
    let Some(record) = record else { return };
    let needed = dmarc::external_report_authorizations(domain, &record);
    let answers = join_all(
        needed
            .iter()
            .map(|(n, _)| cache.ask(n.as_str(), RecordType::Txt, after)),
    )
    .await;
    for ((auth_name, value), a) in needed.iter().zip(&answers) {
        let dest = auth_name
            .as_str()
            .rsplit("._report._dmarc.")
            .next()
            .unwrap_or("")
            .to_string();
        let verdict = match b.records(a) {
            None => continue,
            Some(Err(e)) => Err(void_word(&e)),
            Some(Ok(records)) => {
                if txt_values(&records).iter().any(|t| has_version(t, "v=DMARC1")) {
                    Ok(())
                } else {
                    Err("NOERROR")
                }
            }
        };
        match verdict {
            Ok(()) => b.push(
                Finding::info(code::dmarc::EXTERNAL_AUTHORIZED, name, "RFC 9990 §3")
                    .arg("dest", &dest)
                    .arg("name", auth_name.as_str()),
            ),
            // RFC 9990 §3: without it, receivers do not send the reports.
            Err(answer) => b.push(
                Finding::warning(code::dmarc::EXTERNAL_UNAUTHORIZED, name, "RFC 9990 §3")
                    .arg("dest", &dest)
                    .arg("name", auth_name.as_str())
                    .arg("answer", answer)
                    .with_fix(format!("{} 3600 IN TXT \"{value}\"", auth_name.fqdn())),
            ),
        }
    }
}

/// DKIM keys at the given selectors, or a guess at common ones.
pub(crate) async fn dkim<R: Resolver>(
    cache: &RunCache<'_, R>,
    domain: &Name,
    selectors: &[String],
) -> AreaBuilder {
    let mut b = AreaBuilder::new(Area::Dkim);
    let guessed = selectors.is_empty();
    let list: Vec<String> = if guessed {
        COMMON_DKIM_SELECTORS.iter().map(|s| s.to_string()).collect()
    } else {
        selectors
            .iter()
            .map(|s| s.trim().trim_end_matches('.').to_string())
            .collect()
    };
    let d = domain.as_str();
    let answers = join_all(
        list.iter()
            .map(|s| cache.ask_string(format!("{s}._domainkey.{d}"), RecordType::Txt, 0)),
    )
    .await;
    let mut found = 0;
    let mut failed = false;
    let mut voids: Vec<&str> = Vec::new();
    for (selector, a) in list.iter().zip(&answers) {
        let name = a.name.clone();
        let void = match b.records(a) {
            None => {
                failed = true;
                continue;
            }
            Some(Err(e)) => void_word(&e),
            Some(Ok(records)) => {
                // RFC 6376 §3.6.2.2: the strings of one record are joined.
                let keys: Vec<String> = txt_values(&records)
                    .into_iter()
                    .filter(|t| has_version(t, "v=DKIM1") || t.contains("p="))
                    .collect();
                match keys.as_slice() {
                    [] => "NOERROR",
                    [text, rest @ ..] => {
                        found += 1;
                        if guessed {
                            b.push(
                                Finding::info(code::dkim::SELECTOR_GUESSED, &name, "RFC 6376 §3.1")
                                    .arg("selector", selector),
                            );
                        } else {
                            b.push(
                                Finding::info(code::dkim::FOUND, &name, "RFC 6376 §3.6.2.1")
                                    .arg("selector", selector),
                            );
                        }
                        if !rest.is_empty() {
                            // RFC 6376 §3.6.2.2: several keys at one selector give unpredictable results.
                            b.push(
                                Finding::error(code::dkim::MULTIPLE_RECORDS, &name, "RFC 6376 §3.6.2.2")
                                    .arg("count", keys.len()),
                            );
                        }
                        let (_, findings) = DkimKey::check(text, &name);
                        b.extend(findings);
                        continue;
                    }
                }
            }
        };
        if !voids.contains(&void) {
            voids.push(void);
        }
        if !guessed {
            b.push(
                Finding::error(code::dkim::MISSING, &name, "RFC 6376 §3.6.2.1")
                    .arg("selector", selector)
                    .arg("answer", void),
            );
        }
    }
    if guessed && found == 0 && !failed {
        b.push(
            Finding::warning(code::dkim::NO_SELECTOR_FOUND, d, "RFC 6376 §3.1")
                .arg("tried", list.join(", "))
                .arg("answer", voids.join("/")),
        );
    }
    b
}

/// What the MTA-STS discovery step found.
pub(crate) struct MtaStsFound {
    pub area: AreaBuilder,
    pub record: bool,
    /// The id of the one valid record, when there is one.
    pub id: Option<String>,
}

/// `_mta-sts.<domain>` and the policy host `mta-sts.<domain>` (RFC 8461 §3.1, §3.3).
pub(crate) async fn mta_sts<R: Resolver>(cache: &RunCache<'_, R>, domain: &Name) -> MtaStsFound {
    let mut b = AreaBuilder::new(Area::MtaSts);
    let d = domain.as_str();
    let txt_name = format!("_mta-sts.{d}");
    let host = format!("mta-sts.{d}");
    let (txt, a, aaaa) = join3(
        cache.ask(&txt_name, RecordType::Txt, 0),
        cache.ask(&host, RecordType::A, 0),
        cache.ask(&host, RecordType::Aaaa, 0),
    )
    .await;
    let mut record = false;
    let mut id = None;
    match b.records(&txt) {
        None => {}
        Some(Err(e)) => b.push(
            Finding::info(code::mta_sts::MISSING, &txt_name, "RFC 8461 §3.1").arg("answer", void_word(&e)),
        ),
        Some(Ok(records)) => {
            let texts = txt_values(&records);
            let found: Vec<&String> = texts.iter().filter(|t| has_version(t, "v=STSv1")).collect();
            let attempts: Vec<&String> = texts.iter().filter(|t| looks_like(t, "v=sts")).collect();
            match found.as_slice() {
                // A record meant as MTA-STS with a wrong version is not
                // "missing": say what is wrong with it (RFC 8461 §3.1).
                [] if !attempts.is_empty() => {
                    for text in attempts {
                        b.extend(MtaStsRecord::check(text, &txt_name).1);
                    }
                }
                [] => b.push(
                    Finding::info(code::mta_sts::MISSING, &txt_name, "RFC 8461 §3.1")
                        .arg("answer", "NOERROR"),
                ),
                [text] => {
                    record = true;
                    let (parsed, findings) = MtaStsRecord::check(text, &txt_name);
                    id = parsed.map(|r| r.id);
                    b.extend(findings);
                }
                many => {
                    record = true;
                    // RFC 8461 §3.1: several records: senders assume no policy.
                    b.push(
                        Finding::error(code::mta_sts::MULTIPLE_RECORDS, &txt_name, "RFC 8461 §3.1")
                            .arg("count", many.len()),
                    );
                }
            }
        }
    }
    if record {
        let mut voids = Vec::new();
        let mut failed = false;
        for asked in [&a, &aaaa] {
            match b.records(asked) {
                None => failed = true,
                Some(Err(e)) => voids.push(void_word(&e)),
                Some(Ok(_)) => {}
            }
        }
        if voids.len() == 2 && !failed {
            // RFC 8461 §3.3: the policy is fetched from this host over HTTPS.
            b.push(
                Finding::error(code::mta_sts::HOST_MISSING, &host, "RFC 8461 §3.3")
                    .arg("host", &host)
                    .arg("answer", voids.join("/")),
            );
        }
        b.push(
            Finding::info(code::mta_sts::FETCH_POLICY, &host, "RFC 8461 §3.3")
                .arg("command", mta_sts_curl_command(domain)),
        );
    }
    MtaStsFound { area: b, record, id }
}

/// The pasted policy file, validated and compared with the MX hosts (RFC 8461 §3.2, §4.1).
pub(crate) fn mta_sts_policy(b: &mut AreaBuilder, domain: &Name, text: &str, mx_hosts: &[Name]) {
    let subject = format!("https://mta-sts.{}/.well-known/mta-sts.txt", domain.as_str());
    let (policy, findings) = MtaStsPolicy::check(text, &subject);
    b.extend(findings);
    if let Some(policy) = policy {
        b.extend(check_mx_coverage(&policy, mx_hosts));
    }
}

/// The policy file as the page fetched it (RFC 8461 §3.3): replaces the
/// "fetch it yourself" finding with what the fetch found, checks the file
/// like a pasted one, and applies the id rule against the policy this
/// browser saw first under the published id (§3.1).
pub(crate) fn mta_sts_live(
    b: &mut AreaBuilder,
    domain: &Name,
    (record, id): (bool, Option<&str>),
    live: &LiveFound,
    mx_hosts: &[Name],
) {
    let url = policy_url(domain);
    let origin = policy_origin(domain);
    let host = format!("mta-sts.{}", domain.as_str());
    let command = mta_sts_curl_command(domain);
    let fetched = &live.fetched;
    if !record {
        // Without a record senders never look; a served policy is worth a
        // word, a failed fetch is not.
        if let Fetched::Answer {
            status: 200, body, ..
        } = fetched
        {
            if MtaStsPolicy::parse(body).is_ok() {
                b.push(
                    Finding::warning(
                        code::mta_sts::POLICY_WITHOUT_RECORD,
                        domain.as_str(),
                        "RFC 8461 §3.1",
                    )
                    .arg("url", &url),
                );
            }
        }
        return;
    }
    b.findings.retain(|f| f.code != code::mta_sts::FETCH_POLICY);
    let failed = |reason: String| {
        Finding::warning(code::mta_sts::FETCH_FAILED, &host, "RFC 8461 §3.3")
            .arg("url", &url)
            .arg("reason", reason)
            .arg("host", &host)
            .arg("command", &command)
    };
    match fetched {
        Fetched::NotAllowed => b.push(
            Finding::info(code::mta_sts::FETCH_NOT_ALLOWED, &host, "RFC 8461 §3.3")
                .arg("origin", &origin)
                .arg("command", &command),
        ),
        Fetched::CorsBlocked => b.push(
            Finding::info(code::mta_sts::FETCH_CORS_BLOCKED, &host, "RFC 8461 §3.3")
                .arg("origin", &origin)
                .arg("command", &command),
        ),
        Fetched::Failed { reason } => b.push(failed(reason.clone())),
        Fetched::Timeout { seconds } => b.push(failed(format!("{seconds} s"))),
        Fetched::Redirect => {
            b.push(Finding::error(code::mta_sts::POLICY_REDIRECT, &host, "RFC 8461 §3.3").arg("url", &url));
        }
        Fetched::Answer { status, .. } if *status != 200 => b.push(
            Finding::error(code::mta_sts::POLICY_HTTP_STATUS, &host, "RFC 8461 §3.3")
                .arg("url", &url)
                .arg("status", status),
        ),
        Fetched::Answer {
            content_type, body, ..
        } => {
            let shown_type = content_type.clone().unwrap_or_else(|| "-".to_string());
            if !is_text_plain(content_type.as_deref()) {
                b.push(
                    Finding::warning(code::mta_sts::POLICY_CONTENT_TYPE, &host, "RFC 8461 §3.3")
                        .arg("url", &url)
                        .arg("content_type", &shown_type),
                );
            }
            if let Ok(p) = MtaStsPolicy::parse(body) {
                let mx: Vec<String> = p.mx.iter().map(ToString::to_string).collect();
                b.push(
                    Finding::info(code::mta_sts::FETCHED, &host, "RFC 8461 §3.3")
                        .arg("url", &url)
                        .arg("content_type", &shown_type)
                        .arg("bytes", body.len())
                        .arg("mode", p.mode.as_str())
                        .arg("max_age", p.max_age)
                        .arg("mx", mx.join(", ")),
                );
            }
            mta_sts_policy(b, domain, body, mx_hosts);
            // The id rule: the first policy this browser read under this id
            // (kept in canonical form) against the one read now.
            if let (Some(seen), Some(id), Some(now)) = (&live.seen, id, canonical(body)) {
                if seen.id == id && seen.policy != now {
                    b.push(
                        Finding::warning(code::mta_sts::ID_UNCHANGED, &host, "RFC 8461 §3.1")
                            .arg("url", &url)
                            .arg("id", id)
                            .arg("before", &seen.policy)
                            .arg("now", now),
                    );
                }
            }
        }
    }
}

/// What the page's fetch of the policy found, with what this browser saw
/// before under the published id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveFound {
    pub fetched: Fetched,
    pub seen: Option<SeenPolicy>,
}

/// `_smtp._tls.<domain>` (RFC 8460 §3). Missing is a warning when MTA-STS or
/// DANE is in use, since their failures are reported through it.
pub(crate) async fn tls_rpt<R: Resolver>(cache: &RunCache<'_, R>, domain: &Name) -> AreaBuilder {
    let mut b = AreaBuilder::new(Area::TlsRpt);
    let d = domain.as_str();
    let name = format!("_smtp._tls.{d}");
    let asked = cache.ask(&name, RecordType::Txt, 0).await;
    let fix = format!("{name}. 3600 IN TXT \"v=TLSRPTv1; rua=mailto:tls-reports@{d}\"");
    match b.records(&asked) {
        None => {}
        Some(Err(e)) => b.push(
            Finding::info(code::tls_rpt::MISSING, &name, "RFC 8460 §3")
                .arg("answer", void_word(&e))
                .with_fix(fix),
        ),
        Some(Ok(records)) => {
            let texts = txt_values(&records);
            let found: Vec<&String> = texts.iter().filter(|t| has_version(t, "v=TLSRPTv1")).collect();
            let attempts: Vec<&String> = texts.iter().filter(|t| looks_like(t, "v=tlsrpt")).collect();
            match found.as_slice() {
                // A record meant as TLS-RPT with a wrong version (RFC 8460 §3).
                [] if !attempts.is_empty() => {
                    for text in attempts {
                        b.extend(TlsRptRecord::check(text, &name).1);
                    }
                }
                [] => b.push(
                    Finding::info(code::tls_rpt::MISSING, &name, "RFC 8460 §3")
                        .arg("answer", "NOERROR")
                        .with_fix(fix),
                ),
                [text] => b.extend(TlsRptRecord::check(text, &name).1),
                many => b.push(
                    // RFC 8460 §3: several records: none is used.
                    Finding::error(code::tls_rpt::MULTIPLE_RECORDS, &name, "RFC 8460 §3")
                        .arg("count", many.len()),
                ),
            }
        }
    }
    b
}

/// True when `text` starts like a record of the family `prefix` (lowercase,
/// e.g. `v=tlsrpt`), whatever its version: a typo to report, not a stranger.
fn looks_like(text: &str, prefix: &str) -> bool {
    text.trim_start()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Raises `tls_rpt.missing` to a warning when MTA-STS or DANE is published.
pub(crate) fn tls_rpt_matters(b: &mut AreaBuilder) {
    for f in b.findings.iter_mut().filter(|f| f.code == code::tls_rpt::MISSING) {
        f.severity = Severity::Warning;
    }
}

/// The CAA record set that governs the domain (RFC 8659 §3): the CAA at the
/// domain itself, else at its parent, and so on up to (not including) the
/// root; the closest non-empty set is the relevant one. Every level is asked
/// at once, as none waits for another: the climb costs no extra round trip.
/// A failure counts only at a level the climb had to pass (closer than the
/// first set found); farther failures are not consulted.
pub(crate) async fn caa<R: Resolver>(cache: &RunCache<'_, R>, domain: &Name) -> AreaBuilder {
    let mut b = AreaBuilder::new(Area::Caa);
    let d = domain.as_str();
    let mut levels = vec![domain.clone()];
    while let Some(parent) = levels.last().and_then(Name::parent) {
        if parent.label_count() == 0 {
            break;
        }
        levels.push(parent);
    }
    let answers = join_all(levels.iter().map(|n| cache.ask(n.as_str(), RecordType::Caa, 0))).await;
    for asked in &answers {
        match b.records(asked) {
            // Failed: the climb cannot tell what governs the domain.
            None => return b,
            Some(Err(_)) => continue,
            Some(Ok(records)) => {
                let list: Vec<String> = records.iter().map(Rdata::to_string).collect();
                let f = if asked.name == d {
                    Finding::info(code::caa::PRESENT, d, "RFC 8659 §4")
                } else {
                    Finding::info(code::caa::INHERITED, d, "RFC 8659 §3").arg("owner", &asked.name)
                };
                b.push(f.arg("records", list.join("; ")));
                for r in &records {
                    b.extend(r.lint(&asked.name));
                }
                return b;
            }
        }
    }
    // No CAA anywhere up the tree: any CA may issue (RFC 8659 §3).
    let answer = answers
        .first()
        .and_then(|a| a.result.as_ref().err())
        .map(void_word)
        .unwrap_or("NODATA");
    b.push(
        Finding::info(code::caa::NONE, d, "RFC 8659 §3")
            .arg("answer", answer)
            .with_fix(format!("{d}. 3600 IN CAA 0 issue \"letsencrypt.org\"")),
    );
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_walk_targets_follow_rfc_9989() {
        let walk = |d: &str| -> Vec<String> {
            let name = Name::host(d).expect("name");
            tree_walk_targets(&name)
                .iter()
                .map(|n| n.as_str().to_string())
                .collect()
        };
        assert_eq!(walk("mail.example.com"), ["example.com", "com"]);
        assert_eq!(walk("example.com"), ["com"]);
        assert_eq!(walk("com"), Vec::<String>::new());
        // Eight labels or more: straight to the last seven, then one at a time.
        let deep = walk("a.b.c.d.e.f.g.h.example.com");
        assert_eq!(deep.len(), 7);
        assert_eq!(deep.first().map(String::as_str), Some("d.e.f.g.h.example.com"));
        assert_eq!(deep.last().map(String::as_str), Some("com"));
    }

    #[test]
    fn version_tags() {
        assert!(has_version("v=DMARC1; p=none", "v=DMARC1"));
        assert!(has_version("  V=dmarc1;p=none", "v=DMARC1"));
        assert!(has_version("v=STSv1", "v=STSv1"));
        assert!(!has_version("v=DMARC10; p=none", "v=DMARC1"));
        assert!(!has_version("p=none; v=DMARC1", "v=DMARC1"));
        assert!(!has_version("v=DMA", "v=DMARC1"));
    }
}
