//! Where a plan comes from when the page opens, and where it goes on every
//! change: a share link in the URL fragment first, else localStorage.
//!
//! Stored format and keys: `crate::plan::stored` (a versioned envelope
//! under `maildns.plan`; the bare version-1 plan under `maildns.plan.v1` is
//! read, rewritten as version 2 and then removed). Never a private key.
//! Stored data that does not read is moved aside under `<key>.unreadable`
//! (or `.unreadable.2` … `.9` when that is taken) and reported, never dropped
//! in silence; a plan written by a newer page is left untouched and this page
//! does not save over it.

use crate::dkim::{self, private};
use crate::export::Panel;
use crate::page::generate::{starter_plan, GenState, Notice, PrivateKey};
use crate::plan::stored::{self, KEY, LEGACY_KEY};
use crate::plan::MailPlan;
use crate::share;
use crate::ui::{browser, storage};

/// The private DKIM key, only when the user opted in.
pub const PRIVATE_KEY: &str = "maildns.dkim.private";
/// The user's own plan that a share link replaced, kept (in the stored
/// format) until it is restored or the notice dismissed.
pub const DISPLACED_KEY: &str = "maildns.plan.before-link";

/// The Generate half of a page that just opened: the plan of a share link
/// or the stored one, the kept private key, the notices, the panel.
pub fn initial_state() -> GenState {
    let (plan, displaced, key, notices) = load();
    GenState::with_displaced(plan, displaced, key, notices, load_panel())
}

/// The plan, the user's own plan a share link replaced (now or on an
/// earlier visit), the stored private key and the notices for a page that
/// just opened.
fn load() -> (MailPlan, Option<MailPlan>, Option<PrivateKey>, Vec<Notice>) {
    let mut notices = Vec::new();
    // Read (and set aside what does not read) even when a share link wins,
    // so the save that follows never overwrites data nobody has read.
    let stored = stored_plan(&mut notices);
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
    // A link never overwrites the saved plan unseen: it is kept aside.
    let displaced = match &plan {
        Some(_) => stored.clone(),
        None => storage::get(DISPLACED_KEY).and_then(|raw| stored::decode(&raw).ok()),
    };
    let plan = plan.or(stored).unwrap_or_else(|| {
        let (year, month) = browser::year_month();
        starter_plan(year, month)
    });
    let private_key = stored_private_key(&plan, &mut notices);
    (plan, displaced, private_key, notices)
}

/// The private key kept by opt-in, when it reads as the PKCS#8 key this page
/// stores (`crate::dkim::private`); anything else is set aside with its
/// reason and not offered as a key. Its algorithm comes from the key itself,
/// and a key that does not belong to the plan's public key for that
/// algorithm is pointed out (`dkim.private.mismatch`).
fn stored_private_key(plan: &MailPlan, notices: &mut Vec<Notice>) -> Option<PrivateKey> {
    let pem = storage::get(PRIVATE_KEY)?;
    let kind = match private::read_pem(&pem) {
        Ok(kind) => kind,
        Err(e) => {
            // The detail names the reason only: the text may be a key.
            let slots = ["storage.key_set_aside", "storage.key_set_aside_failed"];
            set_aside(PRIVATE_KEY, &pem, (e.code(), None), slots, notices);
            return None;
        }
    };
    let ed25519 = kind.is_ed25519();
    let d = &plan.dkim;
    let (selector, public) = if ed25519 {
        (&d.ed25519_selector, &d.ed25519_public_key)
    } else {
        (&d.selector, &d.public_key)
    };
    // An empty public key field is a mismatch too; one that does not read
    // has its own error under the field.
    let mismatch = match dkim::from_pasted(public) {
        Ok(key) => kind.belongs_to(&key) == Some(false),
        Err(_) => public.trim().is_empty(),
    };
    if mismatch {
        let detail = format!("{}._domainkey", selector.trim());
        notices.push(notice("dkim.private.mismatch", true, Some(detail)));
    }
    Some(PrivateKey {
        selector: selector.clone(),
        ed25519,
        pem,
    })
}

/// The stored plan of any known version: the current key first, else the
/// version-1 key.
fn stored_plan(notices: &mut Vec<Notice>) -> Option<MailPlan> {
    for key in [KEY, LEGACY_KEY] {
        let Some(raw) = storage::get(key) else { continue };
        match stored::decode(&raw) {
            Ok(plan) => return Some(plan),
            Err(e) if !e.set_aside() => {
                notices.push(notice(e.code(), true, Some(e.detail())));
                return None;
            }
            Err(e) => {
                let slots = ["storage.set_aside", "storage.set_aside_failed"];
                set_aside(key, &raw, (e.code(), Some(e.detail())), slots, notices);
            }
        }
    }
    None
}

/// Moves unreadable stored text to a free `<key>.unreadable…` slot and says
/// why (`reason`: a code and its detail) and where it went (`messages`: the
/// set-aside notice, and the one for a browser that refused the copy).
fn set_aside(
    key: &str,
    raw: &str,
    reason: (&'static str, Option<String>),
    messages: [&'static str; 2],
    notices: &mut Vec<Notice>,
) {
    let (code, detail) = reason;
    let slots = (1..=9).map(|n| match n {
        1 => format!("{key}.unreadable"),
        n => format!("{key}.unreadable.{n}"),
    });
    for slot in slots {
        match storage::get(&slot) {
            Some(held) if held != raw => continue,
            Some(_) => {}
            None if !storage::set(&slot, raw) => break,
            None => {}
        }
        storage::remove(key);
        // What was wrong with it, then where it went.
        notices.push(notice(code, true, detail));
        notices.push(notice(messages[0], true, Some(format!("{slot} ← {key}"))));
        return;
    }
    let detail = match detail {
        Some(d) => format!("{key}: {code} ({d})"),
        None => format!("{key}: {code}"),
    };
    notices.push(notice(messages[1], true, Some(detail)));
}

fn notice(code: &'static str, error: bool, detail: Option<String>) -> Notice {
    Notice { code, error, detail }
}

/// Saves the plan (versioned, without private keys); false when the browser
/// refused or the stored text is one this page cannot read (kept as it is).
/// A plan written by a newer page is not overwritten (the notice at load
/// said so). A plan with no domain yet is nothing to keep: the stored one is
/// removed, so the Check half does not "verify" an empty form.
pub fn save(plan: &MailPlan) -> bool {
    if let Some(raw) = storage::get(KEY) {
        match stored::decode(&raw) {
            Ok(_) => {}
            Err(e) if !e.set_aside() => return true,
            Err(_) => return false,
        }
    }
    let saved = if plan.domain.trim().is_empty() {
        storage::remove(KEY);
        true
    } else {
        storage::set(KEY, &stored::encode(plan))
    };
    // The version-1 copy is superseded once it has been read (an unreadable
    // one was moved aside at load; anything else unreadable stays).
    if saved && storage::get(LEGACY_KEY).is_some_and(|old| stored::decode(&old).is_ok()) {
        storage::remove(LEGACY_KEY);
    }
    saved
}

/// Keeps the plan a share link displaced, or lets it go.
pub fn keep_displaced(plan: Option<&MailPlan>) {
    match plan {
        Some(p) => {
            storage::set(DISPLACED_KEY, &stored::encode(p));
        }
        None => storage::remove(DISPLACED_KEY),
    }
}

/// Keeps or deletes the private key in localStorage.
pub fn keep_private_key(key: Option<&PrivateKey>) -> bool {
    match key {
        Some(k) => storage::set(PRIVATE_KEY, &k.pem),
        // Only a key this page can read is removed: unreadable text that
        // could not be set aside at load stays where it is.
        None => {
            if storage::get(PRIVATE_KEY).is_some_and(|pem| private::read_pem(&pem).is_ok()) {
                storage::remove(PRIVATE_KEY);
            }
            true
        }
    }
}

/// localStorage key of the DNS panel last chosen (`aliyun`, `dns_pod`…).
pub const PANEL_KEY: &str = "maildns.panel";

/// The panel chosen on an earlier visit; Aliyun (the most common panel of
/// the page's users) when none was, or the stored word is not a panel.
pub fn load_panel() -> Panel {
    storage::get(PANEL_KEY)
        .and_then(|word| serde_json::from_value(serde_json::Value::String(word)).ok())
        .unwrap_or(Panel::Aliyun)
}

/// Remembers the chosen panel (nothing secret: a word).
pub fn save_panel(panel: Panel) {
    if let Ok(serde_json::Value::String(word)) = serde_json::to_value(panel) {
        storage::set(PANEL_KEY, &word);
    }
}
