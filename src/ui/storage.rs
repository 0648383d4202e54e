//! localStorage access. Every call tolerates a browser that refuses storage
//! (private mode, disabled cookies): the page then just forgets on reload.

use crate::dns::Preset;

const LANG_KEY: &str = "maildns.lang";
/// The resolver remembered from an earlier check (a preset id).
const RESOLVER_KEY: &str = "maildns.resolver.v1";

/// The preset remembered from an earlier check, if the stored id names one.
pub fn remembered_resolver() -> Option<Preset> {
    get(RESOLVER_KEY).and_then(|id| Preset::from_id(&id))
}

/// Remembers the preset a check used.
pub fn remember_resolver(preset: Preset) {
    set(RESOLVER_KEY, preset.id());
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a stored value.
pub fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores a value; false when the browser refused (quota, private mode).
pub fn set(key: &str, value: &str) -> bool {
    local_storage()
        .map(|s| s.set_item(key, value).is_ok())
        .unwrap_or(false)
}

/// Removes a stored value.
pub fn remove(key: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(key);
    }
}

pub fn load_lang() -> Option<String> {
    local_storage()?.get_item(LANG_KEY).ok().flatten()
}

pub fn save_lang(tag: &str) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(LANG_KEY, tag);
    }
}

/// The browser's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut tags: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if tags.is_empty() {
        tags.extend(nav.language());
    }
    tags
}
