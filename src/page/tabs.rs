//! The keyboard of the tabs, as the WAI-ARIA tab pattern asks (APG
//! "Tabs", automatic activation): Left/Right move to the previous/next tab,
//! wrapping around; Home/End go to the first/last. The moved-to tab is
//! shown and focused; only the selected tab is in the Tab order (roving
//! `tabindex`), so Tab leaves the tab list.

use super::app::View;

/// The tabs in their order on the page.
pub const ORDER: [View; 3] = [View::Generate, View::Check, View::Message];

/// The tab a key press on `current` moves to, or `None` for a key the tab
/// list does not handle (`KeyboardEvent.key` values).
pub fn tab_for_key(current: View, key: &str) -> Option<View> {
    let i = ORDER.iter().position(|v| *v == current)?;
    let n = ORDER.len();
    let to = match key {
        "ArrowRight" => (i + 1) % n,
        "ArrowLeft" => (i + n - 1) % n,
        "Home" => 0,
        "End" => n - 1,
        _ => return None,
    };
    ORDER.get(to).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_wrap_and_home_end_jump() {
        let cases = [
            (View::Generate, "ArrowRight", Some(View::Check)),
            (View::Check, "ArrowRight", Some(View::Message)),
            (View::Message, "ArrowRight", Some(View::Generate)),
            (View::Generate, "ArrowLeft", Some(View::Message)),
            (View::Check, "ArrowLeft", Some(View::Generate)),
            (View::Message, "Home", Some(View::Generate)),
            (View::Generate, "End", Some(View::Message)),
            (View::Generate, "Enter", None),
            (View::Check, "ArrowDown", None),
            (View::Generate, "a", None),
        ];
        for (from, key, want) in cases {
            assert_eq!(tab_for_key(from, key), want, "{from:?} {key}");
        }
    }
}
