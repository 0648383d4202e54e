//! The Check half's state: the form, the run in progress and its reports.
//! [`CheckState::apply`] is the reducer (pure, tested natively in
//! `super::tests`); the state also turns the form into a [`Job`] (parsed
//! request and checked endpoints) and computes the differences between two
//! resolvers. No DOM code.

use super::whatif::{self, WhatIfJob, WhatIfState};
use crate::check::{Area, AuditRequest, KnownAnswers, RawAnswer, Report};
use crate::dns::endpoint::{CheckLink, Endpoint, EndpointChoice};
use crate::dns::{Preset, Protocol, RecordType};
use crate::finding::{Finding, Severity};
use crate::generate::RecordSet;
use crate::i18n::code;
use crate::model::{Name, Record};
use crate::plan::MailPlan;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::rc::Rc;

/// One resolver picker's values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndpointForm {
    /// The preset chosen, or `None` for "Other (URL)".
    pub preset: Option<Preset>,
    /// The URL typed for "Other" (kept while a preset is shown).
    pub url: String,
    /// How the typed URL is asked.
    pub protocol: Protocol,
}

impl EndpointForm {
    pub fn preset(preset: Preset) -> Self {
        EndpointForm {
            preset: Some(preset),
            url: String::new(),
            protocol: Protocol::GoogleJson,
        }
    }

    pub fn choice(&self) -> EndpointChoice {
        match self.preset {
            Some(p) => EndpointChoice::Preset(p),
            None => EndpointChoice::Custom {
                url: self.url.clone(),
                protocol: self.protocol,
            },
        }
    }

    pub fn from_choice(choice: &EndpointChoice) -> Self {
        match choice {
            EndpointChoice::Preset(p) => EndpointForm::preset(*p),
            EndpointChoice::Custom { url, protocol } => EndpointForm {
                preset: None,
                url: url.clone(),
                protocol: *protocol,
            },
        }
    }

    /// True for "Other (URL)".
    pub fn is_custom(&self) -> bool {
        self.preset.is_none()
    }

    /// The catalogue code of the custom URL's error, shown under the field.
    pub fn error_code(&self) -> Option<&'static str> {
        match self.preset {
            None if !self.url.is_empty() => self.choice().resolve().err().map(|e| e.code()),
            _ => None,
        }
    }
}

/// What a run does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Audit,
    Plan,
    Compare,
}

/// What a run asks, ready for the engine.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum JobKind {
    Audit(AuditRequest),
    Plan(Vec<Record>),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Job {
    pub kind: JobKind,
    /// One endpoint, or two to compare.
    pub endpoints: Vec<Endpoint>,
    /// Per endpoint, the answers a re-run of one area starts from (empty:
    /// ask everything).
    pub seeds: Vec<KnownAnswers>,
    /// Plan mode: the planned records, from which the checker writes the
    /// fix list for each panel (`crate::fixlist`).
    #[serde(default)]
    pub plan: Option<crate::fixlist::Planned>,
    /// Whether the checker may fetch the MTA-STS policy itself (the page's
    /// `connect-src` decides, `ui::connect_policy`), and the policy this
    /// browser saw first under an id, for the id rule (RFC 8461 §3.1).
    #[serde(default)]
    pub mta_sts: crate::mta_sts::live::PolicyAsk,
}

impl Job {
    /// The domain the run is about: the audited one, or the plan's.
    pub fn domain(&self) -> Option<&Name> {
        match &self.kind {
            JobKind::Audit(request) => Some(&request.domain),
            JobKind::Plan(_) => self.plan.as_ref().map(|p| &p.domain),
        }
    }
}

/// The fix list of one panel as the page shows it: a [`crate::fixlist::FixList`]
/// with its label and action codes as text, and the texts of those codes
/// (the fix list's catalogue is not part of the first view).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FixRows {
    pub panel: crate::export::Panel,
    pub edits: Vec<FixRow>,
    pub texts: Vec<crate::i18n::CarriedText>,
}

/// One numbered edit (see [`crate::fixlist::Edit`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FixRow {
    pub n: usize,
    /// `fix.action.*`.
    pub action: String,
    /// Label code (`fix.field.*`) and value, in the panel's order.
    pub fields: Vec<(String, String)>,
    pub replaces: Option<String>,
    pub other_zone: Option<String>,
    pub dig: String,
    pub visible_after_s: Option<u32>,
    pub blocked: Option<Finding>,
    pub notes: Vec<Finding>,
}

impl FixRows {
    /// The rows of `list`, with the texts its codes need.
    pub fn new(list: crate::fixlist::FixList) -> FixRows {
        let mut codes: Vec<&'static str> = Vec::new();
        let edits = list
            .edits
            .into_iter()
            .map(|e| {
                codes.push(e.action.code());
                codes.extend(e.fields.iter().map(|(c, _)| *c));
                codes.extend(e.blocked.iter().chain(e.notes.iter()).map(|f| f.code));
                FixRow {
                    n: e.n,
                    action: e.action.code().to_string(),
                    fields: e.fields.into_iter().map(|(c, v)| (c.to_string(), v)).collect(),
                    replaces: e.replaces,
                    other_zone: e.other_zone,
                    dig: e.dig,
                    visible_after_s: e.visible_after_s,
                    blocked: e.blocked,
                    notes: e.notes,
                }
            })
            .collect();
        codes.extend([
            code::fix::REPLACES,
            code::fix::DIG,
            code::fix::VISIBLE_UNTIL,
            code::fix::VISIBLE_UNKNOWN,
        ]);
        FixRows {
            panel: list.panel,
            edits,
            texts: crate::i18n::carried(crate::i18n::catalogue::FIX_LIST, codes),
        }
    }
}

/// One finished run on one resolver.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub report: Report,
    /// Plan mode: the edits that make the published records the planned
    /// ones, for each panel (empty in audit mode).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<FixRows>,
    /// The report as its published JSON (`check::report_json`), written by
    /// the checker when the run ended, so the page carries no report
    /// writer; the Markdown download is written from it by the tools
    /// worker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json: Option<String>,
    /// When the run ended, as a report's date (`2026-12-07 09:30 UTC`).
    #[serde(default)]
    pub date: String,
    /// When the run ended (ms since the Unix epoch, the worker's clock):
    /// the fix list's "visible until" counts from it.
    #[serde(default)]
    pub read_at: Option<u64>,
    /// In a message, its IEEE 754 bits ([`exact_f64`]).
    #[serde(with = "exact_f64")]
    pub wall_ms: f64,
    pub endpoint: String,
    /// Every answer of the run, for re-running one area.
    pub known: KnownAnswers,
    /// Audit mode: what the page cannot test for the audited MX hosts,
    /// as commands to run (`handoff::HandoffSheet` as JSON text, read only
    /// by the report's view, so the first view carries no code for it),
    /// shown at the end of the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handoffs: Option<String>,
    /// The policy the page should remember for this domain after the run
    /// (`mta_sts::live::seen_after`): the first one read under a new id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mta_sts_seen: Option<crate::mta_sts::live::SeenPolicy>,
}

/// An `f64` in JSON as its IEEE 754 bits, a `u64`: serde_json's default
/// float reading is not exact (`3952.2902000000004` comes back as
/// `3952.2902`), and a message must read back as the value that was sent.
mod exact_f64 {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(value.to_bits())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        u64::deserialize(deserializer).map(f64::from_bits)
    }
}

/// A question both resolvers answered differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffRow {
    pub question: String,
    pub left: Vec<String>,
    pub right: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Run {
    Idle,
    /// A link names a resolver that is not a preset: nothing is asked yet.
    AwaitingConfirm,
    Running {
        asked: usize,
        answered: usize,
    },
    Done {
        outcomes: Vec<Rc<Outcome>>,
        diff: Option<Vec<DiffRow>>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct CheckState {
    pub domain: String,
    pub selectors: String,
    pub ips: String,
    pub policy: String,
    pub endpoint: EndpointForm,
    pub endpoint2: EndpointForm,
    pub run: Run,
    /// Why the last start was refused (rendered with `i18n::explain`).
    pub notices: Vec<Finding>,
    /// Incremented to ask the page to start `start_mode`.
    pub start_request: u32,
    pub start_mode: Mode,
    /// The run whose results are wanted; older runs' results are dropped.
    pub run_id: u32,
    /// True once a resolver was chosen: by the user, a link, a remembered
    /// choice or the first-use race. Until then the first run races first.
    pub endpoint_chosen: bool,
    /// What the first-use race decided, shown under the form.
    pub resolver_note: Option<Finding>,
    /// The job of the last run, for re-running one of its areas.
    pub last_job: Option<Rc<Job>>,
    /// Set when the requested run re-runs one area of the last one.
    pub rerun_area: Option<Area>,
    /// The draft SPF record box.
    pub whatif: WhatIfState,
    /// A run was asked while the browser was offline: it starts when the
    /// connection is back ([`Action::Online`]).
    pub waiting_online: bool,
}

impl Default for CheckState {
    fn default() -> Self {
        CheckState {
            domain: String::new(),
            selectors: String::new(),
            ips: String::new(),
            policy: String::new(),
            endpoint: EndpointForm::preset(Preset::Google),
            endpoint2: EndpointForm::preset(Preset::Cloudflare),
            run: Run::Idle,
            notices: Vec::new(),
            start_request: 0,
            start_mode: Mode::Audit,
            run_id: 0,
            endpoint_chosen: false,
            resolver_note: None,
            last_job: None,
            rerun_area: None,
            whatif: WhatIfState::default(),
            waiting_online: false,
        }
    }
}

/// Everything that can happen to the Check half.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Domain(String),
    Selectors(String),
    Ips(String),
    Policy(String),
    Endpoint(EndpointForm),
    Endpoint2(EndpointForm),
    /// A resolver remembered from an earlier visit.
    Remembered(Preset),
    /// The first-use race is over: its pick (if any) and why. The run that
    /// waited for it starts only if a resolver was chosen (by the race, or
    /// by the user meanwhile); when none answered, nothing is chosen, so
    /// nothing is remembered and the next check races again.
    RaceDone {
        chosen: Option<Preset>,
        note: Option<Finding>,
    },
    /// Pre-fill from a share link; starts at once for a preset resolver.
    FromLink(CheckLink),
    Confirm(bool),
    /// Ask the page to start a run.
    Request(Mode),
    /// Ask again the questions of one area of the last run (all of them:
    /// failed ones and ones the user may have fixed since), keep the rest.
    RerunArea(Area),
    Refused(Vec<Finding>),
    Started {
        id: u32,
        job: Rc<Job>,
    },
    Progress {
        id: u32,
        asked: usize,
        answered: usize,
    },
    Finished {
        id: u32,
        outcomes: Vec<Outcome>,
    },
    /// The checker could not run this run (it failed to load): the run
    /// ends with nothing shown but the notice.
    Unavailable {
        id: u32,
        notice: Finding,
    },
    /// The draft SPF record box.
    WhatIf(whatif::Action),
    /// The asked run cannot reach any resolver: the browser is offline
    /// (when it was to start, or when its answers came back). The form
    /// stays, a run in progress ends without a report (its questions
    /// failed for want of a network, not for anything in DNS), and the
    /// run waits for [`Action::Online`].
    Offline,
    /// The connection is back: a run that waited for it starts.
    Online,
}

impl CheckState {
    /// Applies one action: the Check half's reducer. False when the action
    /// changed nothing (progress or results of a run that is no longer the
    /// current one), so the page need not render again.
    pub fn apply(&mut self, action: Action) -> bool {
        let next = self;
        match action {
            Action::Domain(v) => next.domain = v,
            Action::Selectors(v) => next.selectors = v,
            Action::Ips(v) => next.ips = v,
            Action::Policy(v) => next.policy = v,
            Action::Endpoint(e) => {
                next.endpoint = e;
                next.endpoint_chosen = true;
            }
            Action::Remembered(preset) => {
                next.endpoint = EndpointForm::preset(preset);
                next.endpoint_chosen = true;
            }
            Action::RaceDone { chosen, note } => {
                next.resolver_note = note;
                if !next.endpoint_chosen {
                    let Some(preset) = chosen else {
                        return true;
                    };
                    next.endpoint = EndpointForm::preset(preset);
                    next.endpoint_chosen = true;
                }
                next.request(next.start_mode);
            }
            Action::Endpoint2(e) => next.endpoint2 = e,
            Action::FromLink(link) => {
                next.domain = link.domain;
                next.selectors = link.selectors;
                next.endpoint = EndpointForm::from_choice(&link.endpoint);
                next.endpoint_chosen = true;
                if link.endpoint.is_preset() {
                    next.request(Mode::Audit);
                } else {
                    next.run = Run::AwaitingConfirm;
                }
            }
            Action::Confirm(yes) => {
                next.run = Run::Idle;
                if yes {
                    next.request(Mode::Audit);
                }
            }
            Action::Request(mode) => {
                next.rerun_area = None;
                next.request(mode);
            }
            Action::RerunArea(area) => {
                next.rerun_area = Some(area);
                next.request(next.start_mode);
            }
            Action::Refused(notices) => next.notices = notices,
            Action::Started { id, job } => {
                next.run_id = id;
                next.last_job = Some(job);
                next.rerun_area = None;
                next.waiting_online = false;
                next.notices.clear();
                next.run = Run::Running {
                    asked: 0,
                    answered: 0,
                };
            }
            Action::Progress { id, asked, answered } => {
                if id != next.run_id || !matches!(next.run, Run::Running { .. }) {
                    return false;
                }
                next.run = Run::Running { asked, answered };
            }
            Action::Unavailable { id, notice } => {
                if id != next.run_id || !matches!(next.run, Run::Running { .. }) {
                    return false;
                }
                next.run = Run::Idle;
                next.notices = vec![notice];
            }
            Action::WhatIf(a) => next.whatif.apply(a),
            Action::Offline => {
                next.waiting_online = true;
                if next.is_running() {
                    next.run = Run::Idle;
                }
                next.notices = vec![Finding::warning(code::ui::CHECK_OFFLINE, "", "")];
            }
            Action::Online => {
                if !std::mem::take(&mut next.waiting_online) {
                    return false;
                }
                next.notices.clear();
                next.request(next.start_mode);
            }
            Action::Finished { id, outcomes } => {
                if id != next.run_id {
                    return false;
                }
                let diff = match outcomes.as_slice() {
                    [a, b] => Some(diff_answers(&a.report, &b.report)),
                    _ => None,
                };
                next.run = Run::Done {
                    outcomes: outcomes.into_iter().map(Rc::new).collect(),
                    diff,
                };
            }
        }
        true
    }
}

impl CheckState {
    fn request(&mut self, mode: Mode) {
        self.start_mode = mode;
        self.start_request = self.start_request.wrapping_add(1);
    }

    /// The job of a re-run of one area: the last job, each endpoint seeded
    /// with its last answers minus the area's questions. `None` when there
    /// is nothing to re-run (then the form's job runs).
    pub fn rerun_job(&self) -> Option<Job> {
        let area = self.rerun_area?;
        let job = self.last_job.as_deref()?;
        let Run::Done { outcomes, .. } = &self.run else {
            return None;
        };
        if outcomes.len() != job.endpoints.len() {
            return None;
        }
        let seeds = outcomes
            .iter()
            .map(|o| o.report.rerun_seed(&o.known, area))
            .collect();
        Some(Job { seeds, ..job.clone() })
    }

    /// The run the form asks for, or every reason it cannot start. `plan`
    /// is the Generate half's plan and what it generated, for plan mode.
    pub fn prepare(&self, mode: Mode, plan: PlanSource<'_>) -> Result<Job, Vec<Finding>> {
        let mut notices = Vec::new();
        let mut endpoints = Vec::new();
        let forms = if mode == Mode::Compare {
            vec![&self.endpoint, &self.endpoint2]
        } else {
            vec![&self.endpoint]
        };
        for form in forms {
            match form.choice().resolve() {
                Ok(e) => endpoints.push(e),
                Err(e) => notices.push(Finding::error(e.code(), form.url.clone(), "RFC 8484 §5")),
            }
        }
        let kind = match mode {
            Mode::Plan => plan.records(&mut notices).map(JobKind::Plan),
            Mode::Audit | Mode::Compare => self.audit_request(&mut notices).map(JobKind::Audit),
        };
        match kind {
            Some(kind) if notices.is_empty() => Ok(Job {
                plan: plan
                    .set
                    .filter(|_| matches!(kind, JobKind::Plan(_)))
                    .map(crate::fixlist::Planned::of),
                kind,
                seeds: vec![KnownAnswers::default(); endpoints.len()],
                endpoints,
                mta_sts: Default::default(),
            }),
            _ => Err(notices),
        }
    }

    fn audit_request(&self, notices: &mut Vec<Finding>) -> Option<AuditRequest> {
        // Validated in the core, each bad field with its own code.
        crate::check::form::audit_request(&self.domain, &self.selectors, &self.ips, &self.policy)
            .map_err(|errors| notices.extend(errors))
            .ok()
    }

    /// The what-if box's evaluation: the draft, with the form's domain,
    /// server addresses (or the plan's) and resolver.
    pub fn whatif_job(&self, plan: Option<&RecordSet>) -> Result<WhatIfJob, Vec<Finding>> {
        let endpoint = self
            .endpoint
            .choice()
            .resolve()
            .map_err(|e| Finding::error(e.code(), self.endpoint.url.clone(), "RFC 8484 §5"));
        self.whatif.job(endpoint, &self.domain, &self.ips, plan)
    }

    /// The domain typed, if it is a valid name (for the curl command).
    pub fn domain_name(&self) -> Option<Name> {
        Name::host(self.domain.trim()).ok()
    }

    pub fn is_running(&self) -> bool {
        matches!(self.run, Run::Running { .. })
    }
}

/// The plan that plan mode verifies: the Generate half's, as it is on
/// screen, with what it generated (`None` while the plan has errors) and
/// its field findings.
#[derive(Clone, Copy, Debug)]
pub struct PlanSource<'a> {
    pub plan: &'a MailPlan,
    pub set: Option<&'a RecordSet>,
    pub findings: &'a [Finding],
}

impl PlanSource<'_> {
    /// The records to verify, or why there are none: no plan yet
    /// (`ui.check.no_plan`), or a plan with errors (`ui.check.plan_invalid`
    /// followed by each error).
    fn records(&self, notices: &mut Vec<Finding>) -> Option<Vec<Record>> {
        if self.plan.domain.trim().is_empty() {
            notices.push(Finding::warning(code::ui::CHECK_NO_PLAN, "", ""));
            return None;
        }
        match self.set {
            Some(set) => Some(set.records.iter().map(|p| p.record.clone()).collect()),
            None => {
                notices.push(Finding::error(code::ui::CHECK_PLAN_INVALID, "", ""));
                let errors = self.findings.iter().filter(|f| f.severity == Severity::Error);
                notices.extend(errors.cloned());
                None
            }
        }
    }
}

/// How an answer compares: sorted records, or the error code.
fn answer_key(a: &RawAnswer) -> Vec<String> {
    match &a.result {
        Ok(records) => {
            let mut lines: Vec<String> = records.iter().map(ToString::to_string).collect();
            lines.sort();
            lines
        }
        Err(e) => vec![format!("; {e}")],
    }
}

/// The questions both reports asked whose answers differ.
pub fn diff_answers(left: &Report, right: &Report) -> Vec<DiffRow> {
    let index = |r: &Report| -> BTreeMap<(String, String), Vec<String>> {
        r.areas
            .iter()
            .flat_map(|a| a.answers.iter())
            .map(|a| ((a.name.clone(), rtype_text(a.rtype)), answer_key(a)))
            .collect()
    };
    let (l, r) = (index(left), index(right));
    l.iter()
        .filter_map(|(key, lv)| {
            let rv = r.get(key)?;
            (lv != rv).then(|| DiffRow {
                question: format!("{}. {}", key.0, key.1),
                left: lv.clone(),
                right: rv.clone(),
            })
        })
        .collect()
}

fn rtype_text(t: RecordType) -> String {
    t.to_string()
}
