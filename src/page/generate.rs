//! The Generate half's state: the plan as typed, and everything derived from
//! it (field findings, the record set, the panel rows), recomputed on every
//! edit so that components only render data. [`GenState::apply`] is the
//! whole reducer: pure, and tested natively (`super::tests`); the page's
//! `yew::Reducible` calls it. No DOM code.

use super::export::{ExportAction, ExportState};
use super::plan_edit::PlanEdit;
use crate::adopt::{AdoptSource, AdoptedPlan};
use crate::dkim::selector::parse_selector;
use crate::export::{self, Panel, PanelRow};
use crate::finding::{Finding, Severity};
use crate::generate::{self, RecordSet};
use crate::i18n::code;
use crate::model::{Name, NameError};
use crate::plan::stored;
use crate::plan::{self, MailPlan, PlanErrors};
use crate::spf::{lookup_budget, parse_record, LookupBudget, TargetLookups};
use std::collections::BTreeMap;
use std::rc::Rc;

/// The RSA key before the Ed25519 one, each in the order it came. A
/// partition, not a sort: each sort's instance is a few KB of the page's
/// module.
fn rsa_first(keys: &mut Vec<PrivateKey>) {
    let (mut rsa, ed25519): (Vec<_>, Vec<_>) = std::mem::take(keys).into_iter().partition(|k| !k.ed25519);
    rsa.extend(ed25519);
    *keys = rsa;
}

/// A private DKIM key made in this page: kept in memory only (and in
/// localStorage only when the user opts in). The page holds at most one per
/// algorithm, each shown until the user forgets it.
#[derive(Clone, Debug, PartialEq)]
pub struct PrivateKey {
    /// The selector field's current value: the download is `<selector>.private`.
    pub selector: String,
    /// PKCS#8 PEM.
    pub pem: String,
    /// True for an Ed25519 key, false for RSA.
    pub ed25519: bool,
    /// Kept in this browser (the user ticked the box, or it was kept before).
    pub keep: bool,
    /// Install snippets, when the domain and the selector are valid.
    pub snippets: Option<Snippets>,
}

impl PrivateKey {
    /// A key just made or read back, before its snippets are derived.
    pub fn new(selector: &str, pem: String, ed25519: bool, keep: bool) -> Self {
        PrivateKey {
            selector: selector.trim().to_string(),
            pem,
            ed25519,
            keep,
            snippets: None,
        }
    }
}

/// Install snippets for the private key, when the domain is valid.
#[derive(Clone, Debug, PartialEq)]
pub struct Snippets {
    pub opendkim: String,
    pub rspamd: String,
}

/// Key generation progress.
#[derive(Clone, Debug, PartialEq)]
pub enum Keygen {
    Idle,
    Running,
    /// The browser refused; the text is its error.
    Failed(String),
}

/// A notice at the top of the half: a share link or stored plan that did
/// not open, a share link made. `code` is a catalogue key.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub code: &'static str,
    pub error: bool,
    pub detail: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GenState {
    pub plan: MailPlan,
    pub panel: Panel,
    /// The domain field's own parse, for the domain component.
    pub domain: Option<Result<Name, NameError>>,
    /// Findings by field key; shown once a domain has been typed.
    pub findings: PlanErrors,
    /// Every error of the form, listed where the records would be so none
    /// hides in a closed section.
    pub errors: Vec<Finding>,
    /// The first mail host's default name, `mail.<domain>`, once the domain parses.
    pub default_host: Option<String>,
    /// The generated records, when the plan validates.
    pub set: Option<Rc<RecordSet>>,
    /// `set` as the chosen panel wants it.
    pub rows: Rc<Vec<PanelRow>>,
    /// The private keys made here or kept: RSA first, at most one each.
    pub private_keys: Vec<PrivateKey>,
    pub keygen: Keygen,
    pub notices: Vec<Notice>,
    /// Show the Ed25519 inputs.
    pub show_ed25519: bool,
    /// The user's own plan that a share link replaced, kept to restore
    /// (`ui.gen.share.kept_saved`) until the notices are dismissed.
    pub displaced: Option<MailPlan>,
    /// The SPF record's lookup count (RFC 7208 §4.6.4), as the user types:
    /// its own terms, plus what the include targets need once read.
    pub spf_lookups: Option<LookupBudget>,
    /// What each include or redirect target needs, read on request.
    pub include_lookups: BTreeMap<String, TargetLookups>,
    /// The include targets are being read.
    pub includes_fetching: bool,
    /// Why the last reading could not run (the checker did not load).
    pub includes_unavailable: Option<String>,
    /// Bumped on every edit; effects key on it.
    pub revision: u64,
    /// The box of exports for other tools (written by the tools worker).
    pub exports: ExportState,
    /// The last plan made from published records, until dismissed.
    pub adoption: Option<Adoption>,
    /// How many plans were adopted: the page shows the Generate half on
    /// each new one.
    pub adoptions: u64,
    pub import: ImportState,
}

/// Everything that can happen to the Generate half.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Edit(PlanEdit),
    SetPanel(Panel),
    KeygenStarted,
    KeygenFailed(String),
    /// A key pair made: SPKI base64 goes into the plan, the PEM stays here.
    KeyMade {
        spki_b64: String,
        private: PrivateKey,
    },
    /// Forgets the private key of that algorithm (true: Ed25519).
    ForgetPrivateKey {
        ed25519: bool,
    },
    /// Keeps (or stops keeping) that algorithm's private key in this browser.
    KeepPrivate {
        ed25519: bool,
        keep: bool,
    },
    /// Shows the Ed25519 inputs (with a selector of its own when none is
    /// typed), or hides them and takes the Ed25519 key out of the plan.
    ShowEd25519(bool),
    Notify(Notice),
    /// Takes back the notices of one code (what they said is over: a part
    /// that had failed to load came after all).
    Withdraw(&'static str),
    /// Dismisses the notices, and so lets go of a displaced plan.
    DismissNotices,
    /// A share link opened while the page was open: its plan replaces the
    /// one on screen, which is kept to restore.
    OpenShared(Box<MailPlan>),
    /// Puts back the plan a share link replaced.
    RestoreDisplaced,
    /// The user asked to read the include targets' records.
    IncludesFetching,
    /// What each target needs (targets whose reading gave nothing are absent).
    IncludesFetched(Vec<(String, TargetLookups)>),
    /// The reading could not run: the checker that reads DNS did not load
    /// (the reason). The count stays as it was and can be asked again.
    IncludesUnavailable(String),
    /// The box of exports for other tools.
    Export(ExportAction),
    /// A plan made from published records (an audit's answers or a zone
    /// export) replaces the one on screen, as a share link's does.
    Adopted {
        plan: Box<MailPlan>,
        adoption: Adoption,
    },
    /// A zone export is being read.
    ImportReading,
    /// The export could not be read: why, naming the line.
    ImportFailed(Finding),
}

/// Where an adopted plan came from, and what it could not take: shown
/// above the form until the notices are dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Adoption {
    pub source: AdoptSource,
    pub notes: Vec<Finding>,
}

/// The "start from your published records" box.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum ImportState {
    #[default]
    Idle,
    Reading,
    Failed(Finding),
}

/// The notice that says a share link's plan replaced the user's own, which
/// is kept and can be put back.
pub const KEPT_SAVED: &str = code::ui::GEN_SHARE_KEPT_SAVED;
/// The notice of a share link that opened.
pub const SHARE_OPENED: &str = code::ui::GEN_SHARE_OPENED;
/// The notice that says the plan was made from published records.
pub const ADOPTED: &str = code::ui::GEN_ADOPTED;

/// The plan a new visitor starts from: one mail host with one empty IPv4
/// field, a dated DKIM selector.
pub fn starter_plan(year: u16, month: u8) -> MailPlan {
    let mut p = MailPlan::default();
    p.hosts.push(plan::HostInput {
        ipv4: vec![String::new()],
        ..Default::default()
    });
    p.dkim.selector = plan::suggest_selector(year, month);
    p
}

impl GenState {
    pub fn new(plan: MailPlan, private_keys: Vec<PrivateKey>, notices: Vec<Notice>, panel: Panel) -> Self {
        Self::with_displaced(plan, None, private_keys, notices, panel)
    }

    /// A page that opened a share link over the user's own plan `displaced`
    /// (`None` when there was none, or it was the same plan): the notice
    /// that it is kept is added.
    pub fn with_displaced(
        plan: MailPlan,
        displaced: Option<MailPlan>,
        mut private_keys: Vec<PrivateKey>,
        mut notices: Vec<Notice>,
        panel: Panel,
    ) -> Self {
        let displaced = displaced.filter(|d| *d != plan && !d.domain.trim().is_empty());
        if let Some(d) = &displaced {
            notices.push(kept_notice(d));
        }
        let show_ed25519 = !plan.dkim.ed25519_selector.is_empty() || !plan.dkim.ed25519_public_key.is_empty();
        rsa_first(&mut private_keys);
        private_keys.dedup_by_key(|k| k.ed25519);
        let mut s = GenState {
            plan,
            panel,
            domain: None,
            findings: PlanErrors::default(),
            errors: Vec::new(),
            default_host: None,
            set: None,
            rows: Rc::new(Vec::new()),
            private_keys,
            keygen: Keygen::Idle,
            notices,
            show_ed25519,
            displaced,
            spf_lookups: None,
            include_lookups: BTreeMap::new(),
            includes_fetching: false,
            includes_unavailable: None,
            revision: 0,
            exports: ExportState::default(),
            adoption: None,
            adoptions: 0,
            import: ImportState::Idle,
        };
        s.derive();
        s
    }

    /// Re-validates and regenerates from the plan.
    fn derive(&mut self) {
        let typed = !self.plan.domain.trim().is_empty();
        self.domain = typed.then(|| Name::host(&self.plan.domain));
        let (findings, set) = match generate::validate_and_generate(&self.plan) {
            Ok((v, set)) => (v.field_findings, Some(Rc::new(set))),
            Err(e) => (e, None),
        };
        self.findings = if typed { findings } else { PlanErrors::default() };
        self.errors = self
            .findings
            .iter()
            .filter(|(_, f)| f.severity == Severity::Error)
            .map(|(_, f)| f.clone())
            .collect();
        self.default_host = match &self.domain {
            // Shown as the user typed the domain: U-labels, not punycode.
            Some(Ok(d)) => Some(format!("mail.{}", d.to_unicode())),
            _ => None,
        };
        self.set = set;
        self.derive_spf_lookups();
        self.derive_rows();
        // A key is not bound to a selector: it follows its selector field.
        // Snippets only for a valid domain and a selector with no error:
        // never `._domainkey` lines for an empty selector.
        let ready = [self.selector_ready(false), self.selector_ready(true)];
        let domain = self.domain.as_ref().and_then(|d| d.as_ref().ok());
        for k in &mut self.private_keys {
            let (selector, _) = selector_field(&self.plan, k.ed25519);
            k.selector = bare_selector(selector);
            let selector_ok = ready[usize::from(k.ed25519)];
            k.snippets = match domain {
                Some(domain) if selector_ok => Some(Snippets {
                    opendkim: generate::opendkim_snippet(
                        &k.selector,
                        domain,
                        &generate::opendkim_key_path(domain, &k.selector),
                    ),
                    rspamd: generate::rspamd_snippet(
                        &k.selector,
                        domain,
                        &generate::rspamd_key_path(domain, &k.selector),
                    ),
                }),
                _ => None,
            };
        }
    }

    /// The private key of that algorithm, if one is held.
    pub fn private_key(&self, ed25519: bool) -> Option<&PrivateKey> {
        self.private_keys.iter().find(|k| k.ed25519 == ed25519)
    }

    /// True when that algorithm's selector can name a key: not empty and
    /// without an error (the generate button is off otherwise).
    pub fn selector_ready(&self, ed25519: bool) -> bool {
        let (selector, field) = selector_field(&self.plan, ed25519);
        parse_selector(selector).is_ok_and(|s| !s.is_empty()) && !has_error(&self.findings, field)
    }

    /// The generated SPF record's count, with the target costs read so far.
    fn derive_spf_lookups(&mut self) {
        self.spf_lookups = self.set.as_ref().and_then(|set| {
            let text = set
                .records
                .iter()
                .find(|r| r.purpose == generate::RecordPurpose::Spf)?
                .record
                .rdata
                .txt_joined()?;
            let record = parse_record(&text).ok()?;
            Some(lookup_budget(&record, &self.include_lookups))
        });
    }

    /// The include and redirect targets whose cost is not known yet.
    pub fn unread_targets(&self) -> Vec<String> {
        match &self.spf_lookups {
            Some(b) => b
                .unknown
                .iter()
                .filter(|t| {
                    !t.contains('%') && !matches!(self.include_lookups.get(*t), Some(TargetLookups::Known(_)))
                })
                .cloned()
                .collect(),
            None => Vec::new(),
        }
    }

    fn derive_rows(&mut self) {
        self.rows = Rc::new(match &self.set {
            Some(set) => export::panel_rows(set, self.panel),
            None => Vec::new(),
        });
    }
}

impl GenState {
    /// Applies one action: the Generate half's reducer.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Edit(edit) => {
                edit.apply(&mut self.plan);
                self.revision += 1;
                self.derive();
            }
            Action::SetPanel(p) => {
                self.panel = p;
                self.derive_rows();
            }
            Action::KeygenStarted => self.keygen = Keygen::Running,
            Action::KeygenFailed(e) => self.keygen = Keygen::Failed(e),
            Action::KeyMade { spki_b64, private } => {
                if private.ed25519 {
                    self.plan.dkim.ed25519_public_key = spki_b64;
                } else {
                    self.plan.dkim.public_key = spki_b64;
                }
                // The other algorithm's key stays: it may not be saved yet.
                self.private_keys.retain(|k| k.ed25519 != private.ed25519);
                self.private_keys.push(private);
                rsa_first(&mut self.private_keys);
                self.keygen = Keygen::Idle;
                self.revision += 1;
                self.derive();
            }
            Action::ForgetPrivateKey { ed25519 } => self.private_keys.retain(|k| k.ed25519 != ed25519),
            Action::KeepPrivate { ed25519, keep } => {
                for k in self.private_keys.iter_mut().filter(|k| k.ed25519 == ed25519) {
                    k.keep = keep;
                }
            }
            Action::ShowEd25519(on) => {
                self.show_ed25519 = on;
                if on && self.plan.dkim.ed25519_selector.trim().is_empty() {
                    self.plan.dkim.ed25519_selector = ed25519_selector_for(&self.plan.dkim.selector);
                    self.revision += 1;
                    self.derive();
                }
                if !on {
                    self.plan.dkim.ed25519_selector.clear();
                    self.plan.dkim.ed25519_public_key.clear();
                    self.revision += 1;
                    self.derive();
                }
            }
            Action::Notify(n) => {
                self.notices.retain(|old| old.code != n.code);
                self.notices.push(n);
            }
            Action::Withdraw(code) => self.notices.retain(|n| n.code != code),
            Action::DismissNotices => {
                self.notices.clear();
                self.displaced = None;
                self.adoption = None;
            }
            Action::OpenShared(plan) => {
                if *plan != self.plan {
                    self.take_plan(*plan, SHARE_OPENED);
                }
            }
            Action::Adopted { plan, adoption } => {
                self.take_plan(*plan, ADOPTED);
                self.adoption = Some(adoption);
                self.adoptions += 1;
                self.import = ImportState::Idle;
            }
            Action::ImportReading => self.import = ImportState::Reading,
            Action::ImportFailed(finding) => self.import = ImportState::Failed(finding),
            Action::IncludesFetching => {
                self.includes_fetching = true;
                self.includes_unavailable = None;
            }
            Action::IncludesUnavailable(reason) => {
                self.includes_fetching = false;
                self.includes_unavailable = Some(reason);
            }
            Action::IncludesFetched(costs) => {
                self.includes_fetching = false;
                self.include_lookups.extend(costs);
                self.derive_spf_lookups();
            }
            Action::Export(action) => self.exports.apply(action),
            Action::RestoreDisplaced => {
                if let Some(own) = self.displaced.take() {
                    self.plan = own;
                    self.notices
                        .retain(|n| n.code != KEPT_SAVED && n.code != SHARE_OPENED && n.code != ADOPTED);
                    self.adoption = None;
                    self.revision += 1;
                    self.derive();
                }
            }
        }
    }
}

/// The notice that `own` was kept; its detail names its domain.
/// The action for a plan a worker adopted, given its stored form as read
/// (`read`: `stored::decode` of `adopted.plan`, done by the page's plan
/// reader), or why it cannot be read (a worker of another build).
pub fn adopted_action(adopted: AdoptedPlan, read: Result<MailPlan, stored::StoredPlanError>) -> Action {
    match read {
        Ok(plan) => Action::Adopted {
            plan: Box::new(plan),
            adoption: Adoption {
                source: adopted.source,
                notes: adopted.notes,
            },
        },
        Err(e) => Action::ImportFailed(
            Finding::error(code::ui::GEN_IMPORT_UNREADABLE, "", "").arg("reason", format!("{e:?}")),
        ),
    }
}

impl GenState {
    /// A plan from elsewhere (a share link, the published records) replaces
    /// the one on screen, which is kept to restore unless it is empty or
    /// one is kept already (a second link keeps the user's own plan, not
    /// the first link's); `notice` says where the new one came from.
    fn take_plan(&mut self, plan: MailPlan, notice: &'static str) {
        let own = std::mem::replace(&mut self.plan, plan);
        if self.displaced.is_none() && !own.domain.trim().is_empty() {
            self.notices.retain(|n| n.code != KEPT_SAVED);
            self.notices.push(kept_notice(&own));
            self.displaced = Some(own);
        }
        self.notices
            .retain(|n| n.code != SHARE_OPENED && n.code != ADOPTED);
        self.notices.push(Notice {
            code: notice,
            error: false,
            detail: None,
        });
        self.show_ed25519 |= !self.plan.dkim.ed25519_selector.is_empty();
        self.revision += 1;
        self.derive();
    }
}

fn kept_notice(own: &MailPlan) -> Notice {
    Notice {
        code: KEPT_SAVED,
        error: false,
        detail: Some(own.domain.trim().to_string()),
    }
}

/// The selector and its field key for one algorithm's key.
fn selector_field(plan: &MailPlan, ed25519: bool) -> (&str, &'static str) {
    if ed25519 {
        (&plan.dkim.ed25519_selector, "dkim.ed25519_selector")
    } else {
        (&plan.dkim.selector, "dkim.selector")
    }
}

/// The selector as DNS uses it (A-label, lowercase), without a
/// `._domainkey` the user may have copied from a host record (RFC 6376
/// §3.6.2.1: the key lives at `<selector>._domainkey.<domain>`); as typed
/// when it does not read.
fn bare_selector(selector: &str) -> String {
    parse_selector(selector).unwrap_or_else(|_| selector.trim().to_string())
}

fn has_error(findings: &PlanErrors, field: &str) -> bool {
    findings.get(field).iter().any(|f| f.severity == Severity::Error)
}

/// A selector for the Ed25519 key beside the RSA one (RFC 8463 §3: each
/// algorithm's key under its own selector): the dated RSA default `sYYYYMM`
/// gives `eYYYYMM`; any other RSA selector gets `-ed25519` appended; with
/// none, `ed25519`.
pub fn ed25519_selector_for(rsa: &str) -> String {
    let rsa = rsa.trim();
    match rsa.strip_prefix('s') {
        Some(date) if date.len() == 6 && date.bytes().all(|b| b.is_ascii_digit()) => format!("e{date}"),
        _ if rsa.is_empty() => "ed25519".to_string(),
        _ => format!("{rsa}-ed25519"),
    }
}
