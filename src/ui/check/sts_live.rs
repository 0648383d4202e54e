//! The live MTA-STS policy on the page's side (issue 19 item 2): before a run,
//! whether the checker may fetch `https://mta-sts.<domain>` (the page's
//! `connect-src`, `ui::connect_policy`) and what this browser remembers for
//! the domain; after it, remembering the first policy read under a new id
//! (`mta_sts::live::seen_after`); and the "allow this origin" step, the same
//! as for a custom resolver: store the origin, reload once into the audit.

use crate::dns::endpoint::{check_link_fragment, EndpointChoice};
use crate::mta_sts::live::{policy_url, seen_in, store_with, Permit, PolicyAsk};
use crate::page::check::{Job, Outcome};
use crate::ui::{browser, connect_policy, storage};

/// localStorage: the policies remembered per domain (`mta_sts::live::store_with`).
pub const SEEN_KEY: &str = "maildns.mta_sts.seen";

/// What the run is to do about the live policy.
pub fn ask_for(job: &Job) -> PolicyAsk {
    let Some(domain) = job.domain() else {
        return PolicyAsk::default();
    };
    let permit = if connect_policy::allowed_now(&policy_url(domain)) {
        Permit::Allowed
    } else {
        Permit::NotAllowed
    };
    let seen = storage::get(SEEN_KEY).and_then(|s| seen_in(&s, domain.as_str()));
    PolicyAsk { permit, seen }
}

/// Remembers what the runs' outcomes say to remember.
pub fn remember(outcomes: &[Outcome]) {
    for o in outcomes {
        if let Some(seen) = &o.mta_sts_seen {
            let store = storage::get(SEEN_KEY).unwrap_or_default();
            storage::set(SEEN_KEY, &store_with(&store, o.report.domain.as_str(), seen));
        }
    }
}

/// Allows the policy host's origin and reloads: an audit comes back as a
/// check link that runs at once (the resolver counts as confirmed: the user
/// chose it); plan mode comes back to the Check half.
pub fn allow_and_reload(origin: &str, audit: Option<(&str, &str, &EndpointChoice)>) {
    match audit {
        Some((domain, selectors, endpoint)) if !domain.trim().is_empty() => {
            if let EndpointChoice::Custom { url, .. } = endpoint {
                connect_policy::set_session(connect_policy::CONFIRMED_KEY, url);
            }
            browser::set_fragment(&check_link_fragment(domain, selectors, endpoint));
        }
        _ => browser::set_fragment("check="),
    }
    connect_policy::allow_and_reload(&format!("{origin}/"));
}
