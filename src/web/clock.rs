//! Time in the browser, from the global scope, so the same code runs in
//! the page and in the checker's Web Worker (which has no `window`).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// The global `setTimeout` (WindowOrWorkerGlobalScope).
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, ms: i32) -> JsValue;
}

/// Resolves after `ms` milliseconds; never fails.
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        set_timeout(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// `performance.now()` in milliseconds (0 where there is none).
pub fn now_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Now, from the browser clock, as `2026-12-07 09:30 UTC` (for a report's date).
pub fn now_utc_text() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    // `2026-12-07T09:30:12.345Z`: date and minutes.
    match (iso.get(..10), iso.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time} UTC"),
        _ => iso,
    }
}
