//! One area of a report: status word and colour, findings, raw answers.

use super::finding_item::{finding_item, FindingItemProps};
use super::spf_traces::{spf_traces, SpfTracesProps};
use crate::check::{Area, AreaReport, AreaStatus, FLATTEN_CAVEAT};
use crate::i18n;
use crate::i18n::code;
use crate::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AreaViewProps {
    pub area: Rc<AreaReport>,
    /// Re-runs this area (asks its questions again, keeps the others').
    pub on_rerun: Callback<Area>,
    /// Allows the MTA-STS policy host's origin (given) and checks again.
    pub on_allow_policy: Callback<String>,
}

/// `mx`, `mta_sts`…: the area's code without its catalogue prefix.
pub fn area_word(a: &AreaReport) -> &'static str {
    a.area.title_code().trim_start_matches("check.area.")
}

fn status_word(s: &AreaStatus) -> &'static str {
    s.code().trim_start_matches("check.status.")
}

/// In the MTA-STS area, when the page may not fetch the policy host yet:
/// the button that allows its origin (RFC 8461 §3.3 names the URL).
fn allow_policy_button(lang: Lang, a: &AreaReport, on_allow: &Callback<String>) -> Html {
    let origin = a
        .findings
        .iter()
        .find(|f| f.code == code::mta_sts::FETCH_NOT_ALLOWED)
        .and_then(|f| f.get_arg("origin"));
    let Some(origin) = origin.map(str::to_string) else {
        return html! {};
    };
    let label = i18n::fill(
        i18n::text(lang, code::ui::CHECK_ALLOW_POLICY),
        &[("origin", origin.clone())],
    );
    let onclick = on_allow.reform(move |_: MouseEvent| origin.clone());
    html! {
        <p class="allow-policy">
            <button type="button" class="button" data-action="allow-policy" {onclick}>{ label }</button>
        </p>
    }
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn area_view(lang: Lang, props: &AreaViewProps) -> Html {
    let a = &props.area;
    let word = area_word(a);
    let status = status_word(&a.status);
    let reason = match &a.status {
        AreaStatus::CouldNotCheck(code) => {
            let r = i18n::fill(
                i18n::text(lang, code::ui::CHECK_REASON),
                &[("reason", i18n::text(lang, code).to_string())],
            );
            html! { <span class="check-reason" data-reason={code.clone()}>{ r }</span> }
        }
        _ => html! {},
    };
    let lines: Vec<String> = a.answers.iter().flat_map(|x| x.lines()).collect();
    // The flattened record offered as a fix is shown with its caveat beside it.
    let caveat = a.findings.iter().find(|f| f.code == FLATTEN_CAVEAT).cloned();
    // The blocklists' verdicts are in their table; the list has the rest.
    let listed: Vec<&crate::finding::Finding> = a
        .findings
        .iter()
        .filter(|f| !(caveat.is_some() && f.code == FLATTEN_CAVEAT))
        .filter(|f| super::blocklists::verdict(f).is_none())
        .collect();
    // A failed area offers to try again; any other area can be re-run after
    // a fix is published. The plan area is the whole plan: "run again".
    let rerun = (a.area != Area::Plan).then(|| {
        let label = if matches!(a.status, AreaStatus::CouldNotCheck(_)) {
            code::ui::CHECK_RETRY_AREA
        } else {
            code::ui::CHECK_RERUN_AREA
        };
        let area = a.area;
        let onclick = props.on_rerun.reform(move |_: MouseEvent| area);
        html! {
            <button type="button" class="button small" data-action="rerun-area" {onclick}>
                { i18n::text(lang, label) }
            </button>
        }
    });
    html! {
        <section class={classes!("check-area", format!("status-{status}"))} data-area={word} data-status={status}>
            <h3>
                <span>{ i18n::text(lang, a.area.title_code()) }</span>
                <span class="check-status">{ i18n::text(lang, a.status.code()) }</span>
            </h3>
            { reason }
            { for rerun }
            if a.area == Area::Blocklists {
                { super::blocklists::blocklist_table(lang, &a.findings) }
            }
            if a.findings.is_empty() {
                <p class="muted">{ i18n::text(lang, code::ui::CHECK_NO_FINDINGS) }</p>
            } else if !listed.is_empty() {
                <ul class="findings">
                    { for listed.into_iter().map(|f| html! {
                        { finding_item(lang, &yew::props!(FindingItemProps { area: word, finding: f.clone(), caveat: (f.code == code::spf::TOO_MANY_LOOKUPS && f.fix.is_some()).then(|| caveat.clone()).flatten() })) }
                    }) }
                </ul>
            }
            { spf_traces(lang, &yew::props!(SpfTracesProps { traces: Rc::new(a.traces.clone()) })) }
            { allow_policy_button(lang, a, &props.on_allow_policy) }
            if a.area == Area::Tlsa {
                <super::dane_box::DaneBox area={a.clone()} />
            }
            if !lines.is_empty() {
                <details class="raw-answers">
                    <summary>{ format!("{} ({})", i18n::text(lang, code::check::REPORT_ANSWERS), a.answers.len()) }</summary>
                    <pre data-raw-answers={word}>{ lines.join("\n") }</pre>
                </details>
            }
        </section>
    }
}
