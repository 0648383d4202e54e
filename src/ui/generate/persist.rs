//! Where a plan comes from when the page opens, and where it goes on every
//! change: a share link in the URL fragment first, else localStorage
//! `maildns.plan.v1` (serde_json of the plan, never a private key). Stored
//! data that does not read is kept aside under `maildns.plan.v1.unreadable`
//! and reported, never dropped in silence.

use super::state::{starter_plan, Notice, PrivateKey};
use crate::plan::MailPlan;
use crate::share;
use crate::ui::{browser, storage};

/// The plan, shared with the Check half.
pub const PLAN_KEY: &str = "maildns.plan.v1";
/// Where an unreadable stored plan is kept.
pub const UNREADABLE_KEY: &str = "maildns.plan.v1.unreadable";
/// The private DKIM key, only when the user opted in.
pub const PRIVATE_KEY: &str = "maildns.dkim.private";

/// The plan, stored private key and notices for a page that just opened.
pub fn load() -> (MailPlan, Option<PrivateKey>, Vec<Notice>) {
    let mut notices = Vec::new();
    let fragment = browser::fragment();
    let mut plan = None;
    // A share link is `p<version>=...`; other fragments (`#content` from the
    // skip link, `#check=...` for the Check half) are not share links.
    if share::is_share_fragment(&fragment) {
        match share::decode(&fragment) {
            Ok(p) => {
                notices.push(notice("ui.gen.share.opened", false, None));
                plan = Some(p);
            }
            Err(e) => notices.push(notice(e.code(), true, None)),
        }
    }
    let plan = match plan {
        Some(p) => p,
        None => stored_plan(&mut notices),
    };
    let private_key = storage::get(PRIVATE_KEY).map(|pem| PrivateKey {
        selector: plan.dkim.selector.clone(),
        ed25519: false,
        pem,
    });
    (plan, private_key, notices)
}

fn stored_plan(notices: &mut Vec<Notice>) -> MailPlan {
    let (year, month) = browser::year_month();
    let Some(raw) = storage::get(PLAN_KEY) else {
        return starter_plan(year, month);
    };
    match serde_json::from_str::<MailPlan>(&raw) {
        Ok(p) => p,
        Err(e) => {
            let kept = storage::set(UNREADABLE_KEY, &raw);
            let code = if kept {
                "ui.gen.storage.unreadable"
            } else {
                "ui.gen.storage.unreadable_lost"
            };
            notices.push(notice(code, true, Some(e.to_string())));
            starter_plan(year, month)
        }
    }
}

fn notice(code: &'static str, error: bool, detail: Option<String>) -> Notice {
    Notice { code, error, detail }
}

/// Saves the plan without private keys; false when the browser refused.
/// A plan with no domain yet is nothing to keep: the stored one is removed,
/// so the Check half does not "verify" an empty form.
pub fn save(plan: &MailPlan) -> bool {
    if plan.domain.trim().is_empty() {
        storage::remove(PLAN_KEY);
        return true;
    }
    match serde_json::to_string(&plan.without_private_keys()) {
        Ok(json) => storage::set(PLAN_KEY, &json),
        Err(_) => false,
    }
}

/// Keeps or deletes the private key in localStorage.
pub fn keep_private_key(key: Option<&PrivateKey>) -> bool {
    match key {
        Some(k) => storage::set(PRIVATE_KEY, &k.pem),
        None => {
            storage::remove(PRIVATE_KEY);
            true
        }
    }
}
