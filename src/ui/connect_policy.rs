//! The page's `connect-src` as the boot script set it (see `src/csp.rs` and
//! `scripts/csp.py`): whether a resolver can be asked now, and allowing a new
//! one (store its origin, reload once: a policy in force cannot be widened).

use crate::csp::{self, Reach};
use crate::dns::endpoint::Endpoint;
use crate::finding::Finding;
use crate::i18n::code;
use crate::ui::storage;

/// sessionStorage: a custom resolver the user chose just before the reload
/// that allowed it (`{"id":…,"url":…,"flavor":…}`), restored by its picker.
pub const PENDING_KEY: &str = "maildns.connect.pending";
/// sessionStorage: a share link's resolver URL the user confirmed just
/// before the reload that allowed it; the confirmation is not asked twice.
pub const CONFIRMED_KEY: &str = "maildns.connect.confirmed";

/// The connect-src text the boot script added, `None` in a build without it
/// (then nothing narrows connect-src and every validated URL is reachable).
fn boot_policy() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let meta = doc.query_selector("meta[data-maildns-connect]").ok()??;
    meta.get_attribute("content")
}

/// True when the page may fetch `url` now.
pub fn allowed_now(url: &str) -> bool {
    match csp::reach(url) {
        Reach::Always => true,
        Reach::Inexpressible => false,
        Reach::Added(origin) => boot_policy().is_none_or(|p| csp::policy_names(&p, &origin)),
    }
}

/// Why a run cannot ask these endpoints yet, if it cannot.
pub fn refusal(endpoints: &[Endpoint]) -> Option<Finding> {
    let blocked = endpoints.iter().find(|e| !allowed_now(&e.url))?;
    let code = match csp::reach(&blocked.url) {
        Reach::Inexpressible => code::ui::CONNECT_INEXPRESSIBLE,
        _ => code::ui::CONNECT_RELOAD_NEEDED,
    };
    Some(Finding::error(code, blocked.url.clone(), ""))
}

/// Adds the URL's origin to the stored list and reloads the page, so the
/// boot script allows it. False when there is nothing that can be allowed.
pub fn allow_and_reload(url: &str) -> bool {
    let Reach::Added(origin) = csp::reach(url) else {
        return false;
    };
    let list = storage::get(csp::ORIGINS_KEY).unwrap_or_else(|| String::from("[]"));
    if !storage::set(csp::ORIGINS_KEY, &csp::add_origin(&list, &origin)) {
        return false;
    }
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
    true
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Reads and removes a sessionStorage value.
pub fn take_session(key: &str) -> Option<String> {
    let s = session()?;
    let v = s.get_item(key).ok().flatten();
    let _ = s.remove_item(key);
    v
}

/// Stores a sessionStorage value (lost when the tab closes).
pub fn set_session(key: &str, value: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(key, value);
    }
}
