//! Downloads (BIND zone file, CSV, JSON) and the share link.

use crate::export;
use crate::generate::RecordSet;
use crate::i18n;
use crate::i18n::code;
use crate::ui::browser;
use crate::ui::context::use_lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub set: Rc<RecordSet>,
    pub on_share: Callback<()>,
    /// A download the browser refused, by its catalogue code.
    pub on_failed: Callback<String>,
}

/// Today's zone serial, `YYYYMMDD01` (RFC 1912 §2.2 date convention).
pub(super) fn today_serial() -> u32 {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    y.saturating_mul(1_000_000)
        .saturating_add(m.saturating_mul(10_000))
        .saturating_add(d.saturating_mul(100))
        .saturating_add(1)
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let lang = use_lang();
    let t = |code: &str| i18n::text(lang, code).to_string();
    let domain = props.set.domain.as_str().to_string();
    let offer = |kind: &'static str| {
        let (set, failed, domain) = (props.set.clone(), props.on_failed.clone(), domain.clone());
        Callback::from(move |_: MouseEvent| {
            let (name, mime, body) = match kind {
                "zone" => (
                    format!("{domain}.zone"),
                    "text/dns",
                    export::zone_file(&set, today_serial()),
                ),
                "csv" => (format!("{domain}.csv"), "text/csv", export::csv(&set)),
                _ => (format!("{domain}.json"), "application/json", export::json(&set)),
            };
            if let Err(e) = browser::download(&name, mime, &body) {
                failed.emit(e);
            }
        })
    };
    let share = props.on_share.reform(|_: MouseEvent| ());
    html! {
        <div class="toolbar" role="group" aria-label={t(code::ui::GEN_DOWNLOADS)}>
            <button type="button" id="download-zone" onclick={offer("zone")}>{ t(code::ui::GEN_DOWNLOAD_ZONE) }</button>
            <button type="button" id="download-csv" onclick={offer("csv")}>{ t(code::ui::GEN_DOWNLOAD_CSV) }</button>
            <button type="button" id="download-json" onclick={offer("json")}>{ t(code::ui::GEN_DOWNLOAD_JSON) }</button>
            <button type="button" id="share-link" class="primary" onclick={share}>{ t(code::ui::GEN_SHARE) }</button>
        </div>
    }
}
