//! Small wrappers over browser APIs the components use: clipboard, file
//! downloads, the URL fragment, timers. Each tolerates a browser that
//! refuses (no clipboard permission, storage disabled) and reports it as a
//! `Result`, never a panic.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn window() -> Result<web_sys::Window, String> {
    web_sys::window().ok_or_else(|| "no window".to_string())
}

/// Copies `text` to the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = window()?.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| format!("{e:?}"))
}

/// Offers `content` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), String> {
    let document = window()?.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not an anchor".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The URL fragment without the leading `#` (empty when there is none).
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Calls `on_change` with the new fragment (without `#`) whenever the user
/// changes it: a share or check link pasted into the address bar of the open
/// page. [`set_fragment`] replaces history entries and fires no event.
#[yew::hook]
pub fn use_fragment_change<F>(on_change: F)
where
    F: Fn(String) + 'static,
{
    use_window_event("hashchange", move || on_change(fragment()));
}

/// Calls `on_event` on each `event` of the window while the component lives.
#[yew::hook]
pub fn use_window_event<F>(event: &'static str, on_event: F)
where
    F: Fn() + 'static,
{
    yew::use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn()>::new(on_event);
        let w = web_sys::window();
        if let Some(w) = &w {
            let _ = w.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(w) = w {
                let _ = w.remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
            }
            drop(listener);
        }
    });
}

/// False when the browser knows it has no network (`navigator.onLine`);
/// true otherwise, which does not promise that a resolver answers.
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Reloads the page.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Replaces the URL fragment without adding a history entry.
pub fn set_fragment(fragment: &str) {
    if let Ok(w) = window() {
        if let Ok(history) = w.history() {
            let url = if fragment.is_empty() {
                w.location().pathname().unwrap_or_default() + &w.location().search().unwrap_or_default()
            } else {
                format!("#{fragment}")
            };
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
}

/// The full page URL with `fragment` as its fragment, for share links.
pub fn url_with_fragment(fragment: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return format!("#{fragment}");
    };
    let base = format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    format!("{base}#{fragment}")
}

pub use crate::web::clock::sleep_ms;

/// Today's (year, month) from the browser clock, for a dated DKIM selector.
pub fn year_month() -> (u16, u8) {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).unwrap_or(2026);
    let month = u8::try_from(now.get_month() + 1).unwrap_or(1);
    (year, month)
}

pub use crate::web::clock::{now_ms, now_utc_text};
