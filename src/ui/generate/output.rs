//! The output half: downloads and share link, the record table, PTR
//! requests, the MTA-STS policy file and the generator's notes; or, while
//! the form has errors, the list of them.

use super::findings::findings_list;
use super::policy_file::policy_file;
use super::ptr_requests::ptr_requests;
use super::records::{records, RecordsProps};
use super::toolbar::Toolbar;
use crate::export::{Panel, PanelRow};
use crate::finding::Finding;
use crate::generate::RecordSet;
use crate::i18n;
use crate::i18n::code;
use crate::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutputProps {
    pub set: Option<Rc<RecordSet>>,
    pub rows: Rc<Vec<PanelRow>>,
    pub panel: Panel,
    pub errors: Vec<Finding>,
    pub on_share: Callback<()>,
    pub on_failed: Callback<String>,
    pub on_panel: Callback<Panel>,
    /// The box of exports for other tools (`super::exports`), rendered by
    /// the closed sections' part (`super::more`), or its loading line.
    pub exports: Html,
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn output(lang: Lang, props: &OutputProps) -> Html {
    let Some(set) = &props.set else {
        return html! {
            <div class="output">
                <p class="help" id="records-none" tabindex="-1">{ i18n::text(lang, code::ui::GEN_RECORDS_NONE) }</p>
                if !props.errors.is_empty() {
                    { findings_list(lang, &props.errors, code::ui::GEN_ERRORS, "gen-errors", true) }
                }
            </div>
        };
    };
    html! {
        <div class="output">
            <Toolbar set={set.clone()} on_share={props.on_share.clone()} on_failed={props.on_failed.clone()} />
            { records(lang, &yew::props!(RecordsProps { set: set.clone(), rows: props.rows.clone(), panel: props.panel, on_panel: props.on_panel.clone() })) }
            { props.exports.clone() }
            if !set.ptr_requests.is_empty() {
                { ptr_requests(lang, &set.ptr_requests) }
            }
            if let Some(policy) = &set.mta_sts_policy {
                { policy_file(lang, policy) }
            }
            if !set.findings.is_empty() {
                { findings_list(lang, &set.findings, code::ui::GEN_FINDINGS, "gen-findings", false) }
            }
        </div>
    }
}
