//! The DANE paste box in the TLSA area of a report: paste the chain (or a
//! public key) an MX host presents; the checker compares it with the TLSA
//! records this audit found (`dane::check_paste`, RFC 7672 §3.1) and says
//! which record matches which certificate, the `3 1 1` pair for a key
//! rollover (RFC 7671 §8.1) and the `openssl s_client -starttls smtp`
//! command. Its words come from the checker with the report.

use super::finding_item::{finding_item, FindingItemProps};
use crate::check::AreaReport;
use crate::dane::{PasteCheck, MAX_PASTE_BYTES};
use crate::dns::{Rdata, RecordType};
use crate::i18n;
use crate::i18n::code;
use crate::offload::{CheckRequest, DaneRequest, Reply};
use crate::ui::components::copy_button::CopyButton;
use crate::ui::context::{use_checker, use_lang};
use std::rc::Rc;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DaneBoxProps {
    pub area: Rc<AreaReport>,
}

/// A number per box, for its element ids: a comparison shows two reports.
static BOXES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

#[derive(Clone, PartialEq)]
enum Run {
    Idle,
    Running,
    Done(Rc<PasteCheck>),
    Refused(String),
}

/// Each host with TLSA records in the area, and its records as text.
pub fn tlsa_hosts(area: &AreaReport) -> Vec<(String, Vec<String>)> {
    area.answers
        .iter()
        .filter(|a| a.rtype == RecordType::Tlsa)
        .filter_map(|a| {
            let host = a.name.strip_prefix("_25._tcp.")?;
            let records: Vec<String> = a
                .result
                .as_ref()
                .ok()?
                .iter()
                .filter(|r| matches!(r, Rdata::Tlsa(_)))
                .map(ToString::to_string)
                .collect();
            (!records.is_empty()).then(|| (host.to_string(), records))
        })
        .collect()
}

#[component]
pub fn DaneBox(props: &DaneBoxProps) -> Html {
    let lang = use_lang();
    let checker = use_checker().map(|c| c.checker);
    let hosts = Rc::new(tlsa_hosts(&props.area));
    let chosen = use_state(|| 0usize);
    let text = use_state(String::new);
    let run = use_state(|| Run::Idle);
    let n = *use_state(|| BOXES.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
    let (help_id, host_id, paste_id) = (
        format!("dane-help-{n}"),
        format!("dane-host-{n}"),
        format!("dane-paste-{n}"),
    );
    if hosts.is_empty() {
        return html! {};
    }
    let on_host = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let i = e.target_unchecked_into::<HtmlSelectElement>().selected_index();
            chosen.set(usize::try_from(i).unwrap_or(0));
        })
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_compare = {
        let (hosts, chosen, text, run) = (hosts.clone(), chosen.clone(), text.clone(), run.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(checker) = checker.clone() else {
                return;
            };
            let Some((host, records)) = hosts.get(*chosen).cloned() else {
                return;
            };
            // Over the reader's limit only the size goes: it is refused
            // with that size, and 5 MB never crosses to the worker.
            let size = text.len() as u64;
            let body = if text.len() > MAX_PASTE_BYTES {
                String::new()
            } else {
                (*text).clone()
            };
            run.set(Run::Running);
            let run = run.clone();
            checker.ask(
                move |id| {
                    CheckRequest::Dane(DaneRequest {
                        id,
                        host,
                        text: body,
                        size,
                        records,
                    })
                },
                Callback::from(move |reply| match reply {
                    Reply::Dane { check, .. } => run.set(match serde_json::from_str::<PasteCheck>(&check) {
                        Ok(c) => Run::Done(Rc::new(c)),
                        Err(e) => Run::Refused(e.to_string()),
                    }),
                    Reply::Refused { reason, .. } => run.set(Run::Refused(reason)),
                    _ => {}
                }),
            );
        })
    };
    let t = |c: &str| i18n::text(lang, c).to_string();
    html! {
        <details class="dane-box">
            <summary>{ t(code::dane::BOX) }</summary>
            <p id={help_id.clone()} class="help">{ t(code::dane::BOX_HELP) }</p>
            if hosts.len() > 1 {
                <div class="field">
                    <label for={host_id.clone()}>{ t(code::ui::GEN_HOSTS_ONE) }</label>
                    <select id={host_id} onchange={on_host}>
                        { for hosts.iter().enumerate().map(|(i, (h, _))| html! {
                            <option value={h.clone()} selected={i == *chosen}>{ h.clone() }</option>
                        }) }
                    </select>
                </div>
            }
            <div class="field wide">
                <label for={paste_id.clone()}>{ t(code::dane::BOX_PASTE) }</label>
                <textarea id={paste_id} rows="4" spellcheck="false" aria-describedby={help_id}
                    oninput={on_text} />
            </div>
            <button type="button" class="button" data-action="dane-compare"
                disabled={*run == Run::Running} onclick={on_compare}>{ t(code::dane::BOX_COMPARE) }</button>
            <div aria-live="polite">
                { match &*run {
                    Run::Idle => html! {},
                    // The disabled button says it is running.
                    Run::Running => html! {},
                    Run::Refused(reason) => html! { <p class="help error">{ reason.clone() }</p> },
                    Run::Done(c) => result(lang, c),
                } }
            </div>
        </details>
    }
}

fn result(lang: i18n::Lang, c: &PasteCheck) -> Html {
    let t = |code: &str| i18n::text(lang, code).to_string();
    html! {
        <div class="dane-result">
            if !c.records.is_empty() {
                // No scrolling box: a long record breaks inside its cell.
                <table class="records">
                        <thead><tr>
                            <th scope="col">{ "TLSA" }</th>
                            <th scope="col">{ t(code::dane::BOX_MATCHES) }</th>
                        </tr></thead>
                        <tbody>
                            { for c.records.iter().map(|r| html! {
                                <tr data-tlsa={r.record.clone()} data-matched={r.matched.len().to_string()}>
                                    <td class="value"><code>{ r.record.clone() }</code></td>
                                    <td>{ if r.matched.is_empty() { "—".to_string() } else { r.matched.join(", ") } }</td>
                                </tr>
                            }) }
                        </tbody>
                </table>
            }
            if !c.findings.is_empty() {
                <ul class="findings">
                    { for c.findings.iter().map(|f| finding_item(lang, &yew::props!(FindingItemProps { area: "tlsa", finding: f.clone() }))) }
                </ul>
            }
            if !c.rollover.is_empty() {
                <p>{ t(code::dane::BOX_ROLLOVER) }</p>
                <pre data-rollover="">{ c.rollover.join("\n") }</pre>
            }
            { for c.commands.iter().map(|cmd| html! {
                <div class="fix">
                    <span>{ t(code::dane::BOX_COMMAND) }</span>
                    <pre>{ cmd.clone() }</pre>
                    <CopyButton text={AttrValue::from(cmd.clone())} />
                </div>
            }) }
        </div>
    }
}
