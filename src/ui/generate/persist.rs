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
use crate::i18n::code;
use crate::page::generate::{starter_plan, GenState, Notice, PrivateKey};
use crate::plan::stored::{KEY, LEGACY_KEY};
use crate::plan::MailPlan;
use crate::share;
use crate::ui::codec;
use crate::ui::{browser, storage};
use std::cell::{Cell, RefCell};

/// The private DKIM RSA key, only when the user opted in (an older page
/// kept its one key here whatever its algorithm: read as what it is).
pub const PRIVATE_KEY: &str = "maildns.dkim.private";
/// The private DKIM Ed25519 key, only when the user opted in.
pub const PRIVATE_KEY_ED25519: &str = "maildns.dkim.private.ed25519";
/// The user's own plan that a share link replaced, kept (in the stored
/// format) until it is restored or the notice dismissed.
pub const DISPLACED_KEY: &str = "maildns.plan.before-link";

thread_local! {
    /// A plan was saved in this browser but its reader did not load when
    /// the page opened: nothing is saved over it until the page reloads.
    static UNREAD: Cell<bool> = const { Cell::new(false) };
    /// The latest plan to save once the reader is there (a first visit
    /// edits before it has come).
    static PENDING: RefCell<Option<MailPlan>> = const { RefCell::new(None) };
}

/// True when the page has a plan to read before it shows: a share link in
/// the URL, or a plan (or a share link's displaced plan) saved in this
/// browser. The reader (`crate::ui::codec`) is then fetched first.
pub fn plan_to_read() -> bool {
    share::is_share_fragment(&browser::fragment())
        || [KEY, LEGACY_KEY, DISPLACED_KEY]
            .iter()
            .any(|k| storage::get(k).is_some())
}

/// The Generate half of a page that just opened: the plan of a share link
/// or the stored one, the kept private key, the notices, the panel.
pub fn initial_state() -> GenState {
    if plan_to_read() && !codec::ready() {
        // Shown as a first visit would see it, with why; the stored plan
        // stays where it is, unread and not overwritten.
        UNREAD.with(|u| u.set(true));
        let notices = vec![notice(code::ui::GEN_CODEC_UNREAD, true, Some(codec::failure()))];
        let (year, month) = browser::year_month();
        return GenState::with_displaced(starter_plan(year, month), None, Vec::new(), notices, load_panel());
    }
    let (plan, displaced, keys, notices) = load();
    GenState::with_displaced(plan, displaced, keys, notices, load_panel())
}

/// The plan, the user's own plan a share link replaced (now or on an
/// earlier visit), the stored private key and the notices for a page that
/// just opened.
fn load() -> (MailPlan, Option<MailPlan>, Vec<PrivateKey>, Vec<Notice>) {
    let mut notices = Vec::new();
    // Read (and set aside what does not read) even when a share link wins,
    // so the save that follows never overwrites data nobody has read.
    let stored = stored_plan(&mut notices);
    let fragment = browser::fragment();
    let mut plan = None;
    // A share link is `p<version>=...`; other fragments (`#content` from the
    // skip link, `#check=...` for the Check half) are not share links.
    if share::is_share_fragment(&fragment) {
        match codec::read_share(&fragment).unwrap_or(Err(share::ShareError::BadJson)) {
            Ok(p) => {
                notices.push(notice(code::ui::GEN_SHARE_OPENED, false, None));
                plan = Some(p);
            }
            Err(e) => notices.push(notice(e.code(), true, None)),
        }
    }
    // A link never overwrites the saved plan unseen: it is kept aside.
    let displaced = match &plan {
        Some(_) => stored.clone(),
        None => storage::get(DISPLACED_KEY).and_then(|raw| codec::read_stored(&raw)?.ok()),
    };
    let plan = plan.or(stored).unwrap_or_else(|| {
        let (year, month) = browser::year_month();
        starter_plan(year, month)
    });
    let mut keys: Vec<PrivateKey> = Vec::new();
    for slot in [PRIVATE_KEY, PRIVATE_KEY_ED25519] {
        if let Some(key) = stored_private_key(slot, &plan, &mut notices) {
            // One per algorithm: the first read wins.
            if !keys.iter().any(|k| k.ed25519 == key.ed25519) {
                keys.push(key);
            }
        }
    }
    (plan, displaced, keys, notices)
}

/// The private key kept by opt-in, when it reads as the PKCS#8 key this page
/// stores (`crate::dkim::private`); anything else is set aside with its
/// reason and not offered as a key. Its algorithm comes from the key itself,
/// and a key that does not belong to the plan's public key for that
/// algorithm is pointed out (`dkim.private.mismatch`).
fn stored_private_key(slot: &str, plan: &MailPlan, notices: &mut Vec<Notice>) -> Option<PrivateKey> {
    let pem = storage::get(slot)?;
    let kind = match private::read_pem(&pem) {
        Ok(kind) => kind,
        Err(e) => {
            // The detail names the reason only: the text may be a key.
            let slots = [code::storage::KEY_SET_ASIDE, code::storage::KEY_SET_ASIDE_FAILED];
            set_aside(slot, &pem, (e.code(), None), slots, notices);
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
        notices.push(notice(code::dkim::PRIVATE_MISMATCH, true, Some(detail)));
    }
    Some(PrivateKey::new(selector, pem, ed25519, true))
}

/// The stored plan of any known version: the current key first, else the
/// version-1 key.
fn stored_plan(notices: &mut Vec<Notice>) -> Option<MailPlan> {
    for key in [KEY, LEGACY_KEY] {
        let Some(raw) = storage::get(key) else { continue };
        // Fetched before the page mounted (`plan_to_read`).
        match codec::read_stored(&raw)? {
            Ok(plan) => return Some(plan),
            Err(e) if !e.set_aside() => {
                notices.push(notice(e.code(), true, Some(e.detail())));
                return None;
            }
            Err(e) => {
                let slots = [code::storage::SET_ASIDE, code::storage::SET_ASIDE_FAILED];
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

/// Saves the plan (versioned, without private keys), at once when the
/// plan's writer is there, else once it has come (only the latest plan
/// then). `failed` hears why a save did not happen: the browser refused
/// (quota, private mode) or the writer did not load. Nothing is saved when
/// the stored plan could not be read at start ([`initial_state`]).
pub fn save(plan: &MailPlan, failed: impl Fn(Notice) + 'static) {
    if UNREAD.with(Cell::get) {
        return;
    }
    if codec::ready() {
        if !save_now(plan) {
            failed(notice(code::ui::GEN_STORAGE_REFUSED, true, None));
        }
        return;
    }
    // An empty form over an empty store (a first visit that has not typed
    // yet): nothing to write, nothing to remove, no reader to fetch.
    if plan.domain.trim().is_empty() && [KEY, LEGACY_KEY].iter().all(|k| storage::get(k).is_none()) {
        return;
    }
    let waiting = PENDING.with(|p| p.borrow_mut().replace(plan.clone()).is_some());
    if waiting {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = codec::load().await;
        let Some(latest) = PENDING.with(|p| p.borrow_mut().take()) else {
            return;
        };
        match loaded {
            Ok(()) if !save_now(&latest) => failed(notice(code::ui::GEN_STORAGE_REFUSED, true, None)),
            Ok(()) => {}
            // Tried again with the next change, or the notice's button.
            Err(reason) => failed(notice(code::ui::GEN_CODEC_FAILED, true, Some(reason))),
        }
    });
}

/// True when the page could not read the plan saved in this browser when it
/// opened (its notice offers a reload, not a retry).
pub fn unread() -> bool {
    UNREAD.with(Cell::get)
}

/// The save itself, the writer being there: false when the browser refused
/// or the stored text is one this page cannot read (kept as it is). A plan
/// written by a newer page is not overwritten (the notice at load said so).
/// A plan with no domain yet is nothing to keep: the stored one is removed,
/// so the Check half does not "verify" an empty form.
fn save_now(plan: &MailPlan) -> bool {
    if let Some(raw) = storage::get(KEY) {
        match codec::read_stored(&raw) {
            Some(Ok(_)) => {}
            Some(Err(e)) if !e.set_aside() => return true,
            _ => return false,
        }
    }
    let saved = if plan.domain.trim().is_empty() {
        storage::remove(KEY);
        true
    } else {
        match codec::write_stored(plan) {
            Some(text) => storage::set(KEY, &text),
            None => false,
        }
    };
    // The version-1 copy is superseded once it has been read (an unreadable
    // one was moved aside at load; anything else unreadable stays).
    if saved && storage::get(LEGACY_KEY).is_some_and(|old| matches!(codec::read_stored(&old), Some(Ok(_)))) {
        storage::remove(LEGACY_KEY);
    }
    saved
}

/// Keeps the plan a share link displaced, or lets it go.
pub fn keep_displaced(plan: Option<&MailPlan>) {
    match plan {
        // A displaced plan came from reading a share link: the writer is there.
        Some(p) => {
            if let Some(text) = codec::write_stored(p) {
                storage::set(DISPLACED_KEY, &text);
            }
        }
        None => storage::remove(DISPLACED_KEY),
    }
}

/// Keeps each algorithm's private key in its own localStorage slot when the
/// user chose to, and deletes it otherwise.
pub fn keep_private_keys(keys: &[PrivateKey]) {
    for (slot, ed25519) in [(PRIVATE_KEY, false), (PRIVATE_KEY_ED25519, true)] {
        match keys.iter().find(|k| k.ed25519 == ed25519 && k.keep) {
            Some(k) => {
                storage::set(slot, &k.pem);
            }
            // Only a key this page can read is removed: unreadable text that
            // could not be set aside at load stays where it is.
            None => {
                if storage::get(slot).is_some_and(|pem| private::read_pem(&pem).is_ok()) {
                    storage::remove(slot);
                }
            }
        }
    }
}

/// localStorage key of the DNS panel last chosen (`aliyun`, `dns_pod`…).
pub const PANEL_KEY: &str = "maildns.panel";

/// The panel chosen on an earlier visit; Aliyun (the most common panel of
/// the page's users) when none was, or the stored word is not a panel.
pub fn load_panel() -> Panel {
    storage::get(PANEL_KEY)
        .and_then(|word| Panel::from_word(&word))
        .unwrap_or(Panel::Aliyun)
}

/// Remembers the chosen panel (nothing secret: a word).
pub fn save_panel(panel: Panel) {
    storage::set(PANEL_KEY, panel.word());
}
