//! The record table for the chosen DNS panel: host, type, value, priority,
//! TTL, each with a copy button, the record's explanation and its `dig`
//! command. Records for other zones are listed apart with a note.

use crate::export::{dig_command, Panel, PanelRow};
use crate::generate::{PlannedRecord, RecordSet};
use crate::i18n::{self, Lang};
use crate::ui::components::copy_button::CopyButton;
use crate::ui::context::use_lang;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RecordsProps {
    pub set: Rc<RecordSet>,
    pub rows: Rc<Vec<PanelRow>>,
    pub panel: Panel,
    pub on_panel: Callback<Panel>,
}

pub fn panel_value(p: Panel) -> &'static str {
    match p {
        Panel::Aliyun => "aliyun",
        Panel::DnsPod => "dnspod",
        Panel::Cloudflare => "cloudflare",
        Panel::Route53 => "route53",
        Panel::Generic => "generic",
    }
}

fn row_html(lang: Lang, host_col: &str, r: &PlannedRecord, row: &PanelRow) -> Html {
    let t = |code: &str| i18n::text(lang, code).to_string();
    let what = format!("{} {}", row.rtype, row.host);
    let copy = |code: &str| format!("{} {what}", t(code));
    let dig = dig_command(&r.record);
    html! {
        <>
            <tr data-record-type={row.rtype.clone()} data-record-name={r.record.name.fqdn()}
                data-record-host={row.host.clone()} data-record-value={row.value.clone()}
                data-record-priority={row.priority.map(|p| p.to_string())} data-record-ttl={row.ttl.to_string()}>
                <td class="host" data-label={t(host_col)}><code>{ row.host.clone() }</code>
                    <CopyButton text={row.host.clone()} label={copy("ui.gen.copy.host")} /></td>
                <td data-label={t("ui.gen.col.type")}>{ row.rtype.clone() }</td>
                <td class="value" data-label={t("ui.gen.col.value")}><code>{ row.value.clone() }</code>
                    <CopyButton text={row.value.clone()} label={copy("ui.gen.copy.value")} /></td>
                <td class="priority" data-label={t("ui.gen.col.priority")}>
                    if let Some(p) = row.priority {
                        { p }<CopyButton text={p.to_string()} label={copy("ui.gen.copy.priority")} />
                    }
                </td>
                <td data-label={t("ui.gen.col.ttl")}>{ row.ttl }
                    <CopyButton text={row.ttl.to_string()} label={copy("ui.gen.copy.ttl")} /></td>
                <td data-label={t("ui.gen.col.record")}><CopyButton text={r.record.to_string()} label={copy("ui.gen.copy.record")} /></td>
            </tr>
            <tr class="detail">
                <td colspan="6">
                    <span class="explain">{ t(row.explain_code) }</span>
                    if let Some(zone) = &row.other_zone {
                        <span class="zone">{ i18n::fill(i18n::text(lang, "ui.gen.records.zone"), &[("zone", zone.clone())]) }</span>
                    }
                    <span class="dig"><code>{ dig.clone() }</code>
                        <CopyButton text={dig} label={copy("ui.gen.copy.dig")} /></span>
                </td>
            </tr>
        </>
    }
}

fn table(
    lang: Lang,
    panel: Panel,
    id: &str,
    caption: String,
    rows: Vec<(&PlannedRecord, &PanelRow)>,
) -> Html {
    let t = |code: &str| i18n::text(lang, code).to_string();
    let host = if matches!(panel, Panel::Aliyun | Panel::DnsPod) {
        "ui.gen.col.host_cn"
    } else {
        "ui.gen.col.host"
    };
    html! {
        <div class="table-wrap" role="region" tabindex="0" aria-label={caption.clone()}>
            <table class="records" id={id.to_string()}>
                <caption>{ caption }</caption>
                <thead><tr>
                    <th scope="col">{ t(host) }</th><th scope="col">{ t("ui.gen.col.type") }</th>
                    <th scope="col">{ t("ui.gen.col.value") }</th><th scope="col">{ t("ui.gen.col.priority") }</th>
                    <th scope="col">{ t("ui.gen.col.ttl") }</th><th scope="col">{ t("ui.gen.col.record") }</th>
                </tr></thead>
                <tbody>{ for rows.into_iter().map(|(r, row)| row_html(lang, host, r, row)) }</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn Records(props: &RecordsProps) -> Html {
    let lang = use_lang();
    let t = |code: &str| i18n::text(lang, code).to_string();
    let pairs: Vec<(&PlannedRecord, &PanelRow)> = props.set.records.iter().zip(props.rows.iter()).collect();
    let (own, other): (Vec<_>, Vec<_>) = pairs.into_iter().partition(|(r, _)| r.other_zone.is_none());
    let on_panel = props.on_panel.clone();
    let onchange = Callback::from(move |e: Event| {
        let el: HtmlSelectElement = e.target_unchecked_into();
        if let Some(p) = Panel::ALL.iter().find(|p| panel_value(**p) == el.value()) {
            on_panel.emit(*p);
        }
    });
    html! {
        <section class="records-section" aria-labelledby="records-title">
            <h2 id="records-title">{ t("ui.gen.records") }</h2>
            <div class="field">
                <label for="panel">{ t("ui.gen.panel") }</label>
                <select id="panel" {onchange}>
                    { for Panel::ALL.iter().map(|p| html! {
                        <option value={panel_value(*p)} selected={*p == props.panel}>
                            { t(&format!("ui.gen.panel.{}", panel_value(*p))) }
                        </option>
                    }) }
                </select>
            </div>
            { table(lang, props.panel, "records", t("ui.gen.records.own"), own) }
            if !other.is_empty() {
                <p class="help" id="other-zone-note">{ t("ui.gen.records.other_note") }</p>
                { table(lang, props.panel, "records-other", t("ui.gen.records.other"), other) }
            }
        </section>
    }
}
