//! The record table for the chosen DNS panel: host, type, value, priority,
//! TTL, each with a copy button, the record's explanation and its `dig`
//! command. Records for other zones are listed apart with a note.

use super::findings::findings_list;
use crate::export::limits::panel_findings;
use crate::export::{dig_command, Panel, PanelRow};
use crate::finding::Finding;
use crate::generate::{PlannedRecord, RecordSet};
use crate::i18n::code;
use crate::i18n::{self, Lang};
use crate::ui::components::copy_button::CopyButton;
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
        Panel::Huawei => "huawei",
        Panel::Generic => "generic",
    }
}

/// The panel's name in the picker.
fn panel_label(p: Panel) -> &'static str {
    match p {
        Panel::Aliyun => code::ui::GEN_PANEL_ALIYUN,
        Panel::DnsPod => code::ui::GEN_PANEL_DNSPOD,
        Panel::Cloudflare => code::ui::GEN_PANEL_CLOUDFLARE,
        Panel::Route53 => code::ui::GEN_PANEL_ROUTE53,
        Panel::Huawei => code::ui::GEN_PANEL_HUAWEI,
        Panel::Generic => code::ui::GEN_PANEL_GENERIC,
    }
}

fn row_html(
    lang: Lang,
    host_col: &str,
    r: &PlannedRecord,
    row: &PanelRow,
    flag: Option<&'static str>,
) -> Html {
    let t = |code: &str| i18n::text(lang, code).to_string();
    let what = format!("{} {}", row.rtype, row.host);
    let copy = |code: &str| format!("{} {what}", t(code));
    let dig = dig_command(&r.record);
    html! {
        <>
            <tr class={classes!(flag.map(|_| "panel-blocked"))} data-panel-finding={flag}
                data-record-type={row.rtype.clone()} data-record-name={r.record.name.fqdn()}
                data-record-host={row.host.clone()} data-record-value={row.value.clone()}
                data-record-priority={row.priority.map(|p| p.to_string())} data-record-ttl={row.ttl.to_string()}>
                <td class="host" data-label={t(host_col)}><code>{ row.host.clone() }</code>
                    <CopyButton text={row.host.clone()} label={copy(code::ui::GEN_COPY_HOST)} /></td>
                <td data-label={t(code::ui::GEN_COL_TYPE)}>{ row.rtype.clone() }</td>
                <td class="value" data-label={t(code::ui::GEN_COL_VALUE)}><code>{ row.value.clone() }</code>
                    <CopyButton text={row.value.clone()} label={copy(code::ui::GEN_COPY_VALUE)} /></td>
                <td class="priority" data-label={t(code::ui::GEN_COL_PRIORITY)}>
                    if let Some(p) = row.priority {
                        { p }<CopyButton text={p.to_string()} label={copy(code::ui::GEN_COPY_PRIORITY)} />
                    }
                </td>
                <td data-label={t(code::ui::GEN_COL_TTL)}>{ row.ttl }
                    <CopyButton text={row.ttl.to_string()} label={copy(code::ui::GEN_COPY_TTL)} /></td>
                <td data-label={t(code::ui::GEN_COL_RECORD)}><CopyButton text={r.record.to_string()} label={copy(code::ui::GEN_COPY_RECORD)} /></td>
            </tr>
            <tr class="detail">
                <td colspan="6">
                    <span class="explain">{ t(row.explain_code) }</span>
                    if let Some(zone) = &row.other_zone {
                        <span class="zone">{ i18n::fill(i18n::text(lang, code::ui::GEN_RECORDS_ZONE), &[("zone", zone.clone())]) }</span>
                    }
                    <span class="dig"><code>{ dig.clone() }</code>
                        <CopyButton text={dig} label={copy(code::ui::GEN_COPY_DIG)} /></span>
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
    findings: &[Finding],
) -> Html {
    // The panel finding about a row, by the record's name and type.
    let flag = |r: &PlannedRecord, row: &PanelRow| {
        findings
            .iter()
            .find(|f| f.subject == r.record.name.fqdn() && f.get_arg("rtype") == Some(row.rtype.as_str()))
            .map(|f| f.code)
    };
    let t = |code: &str| i18n::text(lang, code).to_string();
    let host = if matches!(panel, Panel::Aliyun | Panel::DnsPod) {
        code::ui::GEN_COL_HOST_CN
    } else {
        code::ui::GEN_COL_HOST
    };
    html! {
        <div class="table-wrap" role="region" tabindex="0" aria-label={caption.clone()}>
            <table class="records" id={id.to_string()}>
                <caption>{ caption }</caption>
                <thead><tr>
                    <th scope="col">{ t(host) }</th><th scope="col">{ t(code::ui::GEN_COL_TYPE) }</th>
                    <th scope="col">{ t(code::ui::GEN_COL_VALUE) }</th><th scope="col">{ t(code::ui::GEN_COL_PRIORITY) }</th>
                    <th scope="col">{ t(code::ui::GEN_COL_TTL) }</th><th scope="col">{ t(code::ui::GEN_COL_RECORD) }</th>
                </tr></thead>
                <tbody>{ for rows.into_iter().map(|(r, row)| row_html(lang, host, r, row, flag(r, row))) }</tbody>
            </table>
        </div>
    }
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn records(lang: Lang, props: &RecordsProps) -> Html {
    let t = |code: &str| i18n::text(lang, code).to_string();
    let pairs: Vec<(&PlannedRecord, &PanelRow)> = props.set.records.iter().zip(props.rows.iter()).collect();
    let (own, other): (Vec<_>, Vec<_>) = pairs.into_iter().partition(|(r, _)| r.other_zone.is_none());
    let findings = panel_findings(&props.set, props.panel);
    let on_panel = props.on_panel.clone();
    let onchange = Callback::from(move |e: Event| {
        let el: HtmlSelectElement = e.target_unchecked_into();
        if let Some(p) = Panel::ALL.iter().find(|p| panel_value(**p) == el.value()) {
            on_panel.emit(*p);
        }
    });
    html! {
        <section class="records-section" aria-labelledby="records-title">
            <h2 id="records-title">{ t(code::ui::GEN_RECORDS) }</h2>
            <div class="field">
                <label for="panel">{ t(code::ui::GEN_PANEL) }</label>
                <select id="panel" {onchange}>
                    { for Panel::ALL.iter().map(|p| html! {
                        <option value={panel_value(*p)} selected={*p == props.panel}>
                            { t(panel_label(*p)) }
                        </option>
                    }) }
                </select>
            </div>
            if !findings.is_empty() {
                { findings_list(lang, &findings, code::ui::GEN_PANEL_FINDINGS, "panel-findings", false) }
            }
            { table(lang, props.panel, "records", t(code::ui::GEN_RECORDS_OWN), own, &findings) }
            if !other.is_empty() {
                <p class="help" id="other-zone-note">{ t(code::ui::GEN_RECORDS_OTHER_NOTE) }</p>
                { table(lang, props.panel, "records-other", t(code::ui::GEN_RECORDS_OTHER), other, &findings) }
            }
        </section>
    }
}
