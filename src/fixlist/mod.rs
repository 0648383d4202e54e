//! The fix list: what plan verification found different, as a numbered
//! list of edits for the chosen DNS panel: add this row, change that row's
//! value, delete that row, each in the panel's own fields, with the `dig`
//! command that confirms it and how long resolvers may keep the old answer.
//!
//! Read from the plan area's findings ([`crate::check::verify_plan_from`]):
//! - `plan.missing`: add the planned record;
//! - `plan.different`: a record of a kind that must be alone at its name
//!   (SPF, DMARC, DKIM, MTA-STS, TLS-RPT TXT; RFC 7208 §4.5, RFC 9989
//!   §4.10.1, RFC 6376 §3.6.2.2, RFC 8461 §3.1, RFC 8460 §3) or a CNAME
//!   (RFC 1034 §3.6.2) is changed in place; any other set gets the planned
//!   records added and the published ones deleted;
//! - `plan.extra`: delete the published record;
//! - `plan.shadowed`: delete what shadows the planned record (a rival of the
//!   same kind, or the CNAME at its name) and add it if it is not there.
//!
//! `plan.spf_equivalent` asks for nothing: the published SPF record already
//! gives the planned verdicts.
//!
//! Order: adds and changes first, in the report's order, then deletes, so the
//! new SPF record exists before the old one goes and the new MX host before
//! the old one is dropped. The one exception: a CNAME that shadows a planned
//! record is deleted right before that record is added, because a panel
//! refuses any other record beside a CNAME (RFC 1034 §3.6.2).
//!
//! When the edit is seen: a resolver may serve the old answer for as long as
//! the TTL it gave with it ([`crate::dns::Answer::ttl`], RFC 1035 §3.2.1),
//! counted from the moment the answer was read. The core has no clock, so
//! [`Edit::visible_after_s`] is that many seconds; the page adds it to the
//! moment it read the answer and shows the local time ([`visible_until`]).
//! An add where the old answer was NXDOMAIN or NODATA has no TTL here: the
//! negative answer is cached for the zone's SOA minimum (RFC 2308 §5), which
//! the check does not ask for.
//!
//! A record the panel cannot hold ([`crate::export::limits::panel_findings`],
//! a TLSA record at Aliyun DNS) keeps its number, with the error finding in
//! [`Edit::blocked`]: the finding's message says what to do instead. A
//! warning of the same table (a TTL under the panel's minimum, a character
//! its documentation does not list) goes in [`Edit::notes`].
//!
//! Pure: no I/O, no clock.

use crate::check::{Area, KnownAnswers, Report};
use crate::dns::{Answer, DnsError};
use crate::export::limits::panel_findings;
use crate::export::{dig_command, panel_rows, Panel, PanelRow};
use crate::finding::{Finding, Severity};
use crate::generate::{PlannedRecord, RecordPurpose, RecordSet};
use crate::i18n::{self, code, Lang};
use crate::model::record::{Rdata, Record, RecordType};
use crate::model::Name;
use serde::Serialize;

/// The planned records as a worker needs them to write a fix list: what
/// [`fix_list`] reads of a [`RecordSet`], and no more, so the checker that
/// writes fix lists need not carry the generator (the page sends this
/// with a plan verification).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Planned {
    pub domain: Name,
    pub default_ttl: u32,
    pub records: Vec<(Record, RecordPurpose, Option<Name>)>,
}

impl Planned {
    pub fn of(set: &RecordSet) -> Planned {
        Planned {
            domain: set.domain.clone(),
            default_ttl: set.default_ttl,
            records: set
                .records
                .iter()
                .map(|p| (p.record.clone(), p.purpose, p.other_zone.clone()))
                .collect(),
        }
    }

    /// The record set [`fix_list`] reads: no PTR requests, policy file or
    /// findings, and no explanations (a fix list shows none of them).
    pub fn to_set(&self) -> RecordSet {
        RecordSet {
            domain: self.domain.clone(),
            default_ttl: self.default_ttl,
            records: self
                .records
                .iter()
                .map(|(record, purpose, other_zone)| PlannedRecord {
                    record: record.clone(),
                    purpose: *purpose,
                    explain_code: "",
                    other_zone: other_zone.clone(),
                })
                .collect(),
            ptr_requests: Vec::new(),
            mta_sts_policy: None,
            findings: Vec::new(),
        }
    }
}

/// What to do with a row of the panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Add,
    Change,
    Delete,
}

impl Action {
    /// The catalogue code of the action word.
    pub fn code(self) -> &'static str {
        match self {
            Action::Add => code::fix::ACTION_ADD,
            Action::Change => code::fix::ACTION_CHANGE,
            Action::Delete => code::fix::ACTION_DELETE,
        }
    }
}

/// One numbered edit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// From 1, in the order the edits are to be made.
    pub n: usize,
    pub action: Action,
    /// The row, field by field in the panel's order: the field's label code
    /// (`fix.field.*`) and the value to type or copy. A Delete leaves out
    /// the TTL (the row is found by its name, type and value).
    pub fields: Vec<(&'static str, String)>,
    /// A Change: the value the row holds now, as the panel shows it in its
    /// value field (the whole zone line for [`Panel::Generic`]).
    pub replaces: Option<String>,
    /// The domain whose panel the row is in, when not the plan's domain.
    pub other_zone: Option<String>,
    /// The command that shows the edit is published.
    pub dig: String,
    /// The TTL of the answer read for this name and type, if it gave one.
    pub old_ttl: Option<u32>,
    /// Seconds after the answer was read until no resolver should still
    /// serve the old value; `None` when not known.
    pub visible_after_s: Option<u32>,
    /// Why the panel cannot take this edit, and what to do instead.
    pub blocked: Option<Finding>,
    /// What the panel may object to, with the way round it.
    pub notes: Vec<Finding>,
}

/// The edits for one panel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FixList {
    pub panel: Panel,
    pub edits: Vec<Edit>,
}

impl FixList {
    /// No edit: the published records are the planned ones.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }
}

/// "Resolvers may keep showing the old value until {time} (local time)."
/// in `lang`, with `time` as the page formats it (`HH:MM`).
pub fn visible_until(lang: Lang, time: &str) -> String {
    i18n::fill(
        i18n::text(lang, code::fix::VISIBLE_UNTIL),
        &[("time", time.to_string())],
    )
}

/// One step before numbering: the record the row shows, and for a Change
/// the record it replaces.
struct Step {
    action: Action,
    row: PlannedRecord,
    replaces: Option<Record>,
}

impl Step {
    fn same_as(&self, other: &Step) -> bool {
        self.action == other.action
            && self.row.record.name == other.row.record.name
            && self.row.record.rdata.same_data(&other.row.record.rdata)
    }
}

/// The numbered edits that make the published records of `report` (a plan
/// verification of `set`, whose answers are `known`) the planned ones, in
/// `panel`'s fields.
pub fn fix_list(set: &RecordSet, report: &Report, known: &KnownAnswers, panel: Panel) -> FixList {
    let findings = report
        .area(Area::Plan)
        .map(|a| a.findings.as_slice())
        .unwrap_or(&[]);
    let mut first: Vec<Step> = Vec::new();
    let mut last: Vec<Step> = Vec::new();
    let push = |list: &mut Vec<Step>, step: Step| {
        if !list.iter().any(|s| s.same_as(&step)) {
            list.push(step);
        }
    };
    for f in findings {
        let planned = planned_of(set, f);
        match f.code {
            code::plan::MISSING => {
                if let Some(p) = planned {
                    push(&mut first, add(p));
                }
            }
            code::plan::DIFFERENT => {
                let Some(p) = planned else { continue };
                let published = unplanned(set, known, &p.record.name, p.record.rtype());
                let found = f.get_arg("found").unwrap_or_default();
                let single = is_single_valued(p);
                let old = match p.record.rtype() {
                    // compare_txt names the one rival it compared.
                    RecordType::Txt | RecordType::Spf => published.iter().find(|r| r.to_string() == found),
                    _ if single && published.len() == 1 => published.first(),
                    _ => None,
                };
                match old {
                    Some(old) if single => push(
                        &mut first,
                        Step {
                            action: Action::Change,
                            row: p.clone(),
                            replaces: Some(Record::new(p.record.name.clone(), p.record.ttl, old.clone())),
                        },
                    ),
                    _ => {
                        push(&mut first, add(p));
                        for r in published.iter().filter(|r| found.contains(&r.to_string())) {
                            push(&mut last, delete(p, r));
                        }
                    }
                }
            }
            code::plan::EXTRA => {
                let (Some(found), Some(rtype)) = (f.get_arg("found"), f.get_arg("type")) else {
                    continue;
                };
                let Ok(rtype) = RecordType::parse(rtype) else {
                    continue;
                };
                let Some(p) = set
                    .records
                    .iter()
                    .find(|p| p.record.rtype() == rtype && same_owner(&p.record.name, &f.subject))
                else {
                    continue;
                };
                let published = unplanned(set, known, &p.record.name, rtype);
                let old = published
                    .iter()
                    .find(|r| r.to_string() == found)
                    .cloned()
                    .or_else(|| Rdata::parse(rtype, found).ok());
                if let Some(old) = old {
                    push(&mut last, delete(p, &old));
                }
            }
            code::plan::SHADOWED => {
                let Some(p) = planned else { continue };
                let by = f.get_arg("by").unwrap_or_default();
                let name = &p.record.name;
                let cname = match known.get(name.as_str(), RecordType::Cname) {
                    Some(Ok(a)) => a.records.first().filter(|_| by.starts_with("CNAME ")),
                    _ => None,
                };
                if let Some(c) = cname {
                    // The CNAME goes first: no panel takes a record beside it.
                    let mut gone = delete(p, c);
                    gone.row.record = Record::new(name.clone(), p.record.ttl, c.clone());
                    push(&mut first, gone);
                    push(&mut first, add(p));
                    continue;
                }
                for r in unplanned(set, known, name, p.record.rtype())
                    .iter()
                    .filter(|r| by.contains(&r.to_string()))
                {
                    push(&mut last, delete(p, r));
                }
            }
            _ => {}
        }
    }
    let edits = first
        .into_iter()
        .chain(last)
        .enumerate()
        .map(|(i, step)| edit(set, known, panel, i + 1, step))
        .collect();
    FixList { panel, edits }
}

fn add(p: &PlannedRecord) -> Step {
    Step {
        action: Action::Add,
        row: p.clone(),
        replaces: None,
    }
}

/// Deleting `old`, published at the planned record's name and type: shown
/// with the planned record's zone and purpose.
fn delete(p: &PlannedRecord, old: &Rdata) -> Step {
    Step {
        action: Action::Delete,
        row: PlannedRecord {
            record: Record::new(p.record.name.clone(), p.record.ttl, old.clone()),
            ..p.clone()
        },
        replaces: None,
    }
}

/// The planned record a finding is about (its `record` argument is the
/// record's zone line).
fn planned_of<'s>(set: &'s RecordSet, f: &Finding) -> Option<&'s PlannedRecord> {
    let line = f.get_arg("record")?;
    set.records.iter().find(|p| p.record.to_string() == line)
}

fn same_owner(name: &Name, subject: &str) -> bool {
    crate::dns::normalize_name(name.as_str()) == crate::dns::normalize_name(subject)
}

/// A kind that has one record at its name: changed in place, not added and
/// deleted.
fn is_single_valued(p: &PlannedRecord) -> bool {
    p.record.rtype() == RecordType::Cname
        || matches!(
            p.purpose,
            RecordPurpose::Spf
                | RecordPurpose::Dmarc
                | RecordPurpose::Dkim
                | RecordPurpose::MtaSts
                | RecordPurpose::TlsRpt
        )
}

/// The published records of `name`/`rtype` that no planned record equals.
fn unplanned(set: &RecordSet, known: &KnownAnswers, name: &Name, rtype: RecordType) -> Vec<Rdata> {
    let Some(Ok(answer)) = known.get(name.as_str(), rtype) else {
        return Vec::new();
    };
    answer
        .records
        .iter()
        .filter(|r| {
            !set.records
                .iter()
                .any(|p| p.record.name == *name && p.record.rdata.same_data(r))
        })
        .cloned()
        .collect()
}

fn old_ttl(known: &KnownAnswers, record: &Record) -> Option<u32> {
    let answer: &Result<Answer, DnsError> = known.get(record.name.as_str(), record.rtype())?;
    answer.as_ref().ok()?.ttl
}

fn edit(set: &RecordSet, known: &KnownAnswers, panel: Panel, n: usize, step: Step) -> Edit {
    let one = |row: PlannedRecord| RecordSet {
        domain: set.domain.clone(),
        default_ttl: set.default_ttl,
        records: vec![row],
        ptr_requests: Vec::new(),
        mta_sts_policy: None,
        findings: Vec::new(),
    };
    let shown = one(step.row.clone());
    let record = &step.row.record;
    let with_ttl = step.action != Action::Delete;
    let fields = panel_rows(&shown, panel)
        .first()
        .map(|row| panel_fields(panel, row, record, with_ttl))
        .unwrap_or_default();
    let replaces = step.replaces.map(|old| {
        let old_set = one(PlannedRecord {
            record: old.clone(),
            ..step.row.clone()
        });
        match (panel, panel_rows(&old_set, panel).first()) {
            (Panel::Generic, _) | (_, None) => old.to_string(),
            (_, Some(row)) => row.value.clone(),
        }
    });
    let (mut blocked, mut notes) = (None, Vec::new());
    if step.action != Action::Delete {
        for f in panel_findings(&shown, panel) {
            match (f.severity, &blocked) {
                (Severity::Error, None) => blocked = Some(f),
                _ => notes.push(f),
            }
        }
    }
    let old_ttl = old_ttl(known, record);
    Edit {
        n,
        action: step.action,
        fields,
        replaces,
        other_zone: step.row.other_zone.as_ref().map(|z| z.as_str().to_string()),
        dig: dig_command(record),
        old_ttl,
        visible_after_s: old_ttl,
        blocked,
        notes,
    }
}

/// The row's fields in the order the panel's form shows them.
fn panel_fields(
    panel: Panel,
    row: &PanelRow,
    record: &Record,
    with_ttl: bool,
) -> Vec<(&'static str, String)> {
    use code::fix as c;
    let mut out = match panel {
        Panel::Aliyun | Panel::DnsPod | Panel::Huawei => {
            let mut f = vec![
                (c::FIELD_HOST, row.host.clone()),
                (c::FIELD_TYPE, row.rtype.clone()),
                (c::FIELD_VALUE, row.value.clone()),
            ];
            if let Some(p) = row.priority {
                f.push((c::FIELD_MX_PRIORITY, p.to_string()));
            }
            f
        }
        Panel::Cloudflare => {
            let mut f = vec![
                (c::FIELD_CF_TYPE, row.rtype.clone()),
                (c::FIELD_CF_NAME, row.host.clone()),
                (c::FIELD_CF_CONTENT, row.value.clone()),
            ];
            if let Some(p) = row.priority {
                f.push((c::FIELD_CF_PRIORITY, p.to_string()));
            }
            f
        }
        Panel::Route53 => vec![
            (c::FIELD_R53_NAME, row.host.clone()),
            (c::FIELD_R53_TYPE, row.rtype.clone()),
            (c::FIELD_R53_VALUE, row.value.clone()),
        ],
        Panel::Generic => return vec![(c::FIELD_ZONE_LINE, record.to_string())],
    };
    if with_ttl {
        out.push((c::FIELD_TTL, row.ttl.to_string()));
    }
    out
}

#[cfg(test)]
mod tests;
