//! The Generate half's state: the plan as typed, and everything derived from
//! it (field findings, the record set, the panel rows), recomputed by the
//! reducer on every edit so that components only render data. No DOM code.

use crate::export::{self, Panel, PanelRow};
use crate::finding::{Finding, Severity};
use crate::generate::{self, RecordSet};
use crate::model::{Name, NameError};
use crate::plan::{self, MailPlan, PlanErrors};
use std::rc::Rc;
use yew::Reducible;

/// One change to the plan, applied in the reducer.
pub type PlanEdit = Rc<dyn Fn(&mut MailPlan)>;

/// Wraps a closure as a [`PlanEdit`].
pub fn edit(f: impl Fn(&mut MailPlan) + 'static) -> PlanEdit {
    Rc::new(f)
}

/// A private DKIM key made in this page: kept in memory only (and in
/// localStorage only when the user opts in).
#[derive(Clone, Debug, PartialEq)]
pub struct PrivateKey {
    /// The selector field's current value: the download is `<selector>.private`.
    pub selector: String,
    /// PKCS#8 PEM.
    pub pem: String,
    /// True for an Ed25519 key, false for RSA.
    pub ed25519: bool,
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
    pub private_key: Option<PrivateKey>,
    pub snippets: Option<Snippets>,
    pub keep_private: bool,
    pub keygen: Keygen,
    pub notices: Vec<Notice>,
    /// Show the Ed25519 inputs.
    pub show_ed25519: bool,
    /// Bumped on every edit; effects key on it.
    pub revision: u64,
}

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
    ForgetPrivateKey,
    KeepPrivate(bool),
    ShowEd25519(bool),
    Notify(Notice),
    DismissNotices,
}

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
    pub fn new(plan: MailPlan, private_key: Option<PrivateKey>, notices: Vec<Notice>, panel: Panel) -> Self {
        let show_ed25519 = !plan.dkim.ed25519_selector.is_empty() || !plan.dkim.ed25519_public_key.is_empty();
        let keep_private = private_key.is_some();
        let mut s = GenState {
            plan,
            panel,
            domain: None,
            findings: PlanErrors::default(),
            errors: Vec::new(),
            default_host: None,
            set: None,
            rows: Rc::new(Vec::new()),
            private_key,
            snippets: None,
            keep_private,
            keygen: Keygen::Idle,
            notices,
            show_ed25519,
            revision: 0,
        };
        s.derive();
        s
    }

    /// Re-validates and regenerates from the plan.
    fn derive(&mut self) {
        let typed = !self.plan.domain.trim().is_empty();
        self.domain = typed.then(|| Name::host(&self.plan.domain));
        let (findings, set) = match crate::generate::validate_and_generate(&self.plan) {
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
        self.derive_rows();
        // The key is not bound to a selector: it follows the selector field.
        if let Some(k) = &mut self.private_key {
            let d = &self.plan.dkim;
            k.selector = if k.ed25519 {
                &d.ed25519_selector
            } else {
                &d.selector
            }
            .trim()
            .to_string();
        }
        self.snippets = match (
            &self.private_key,
            self.domain.as_ref().and_then(|d| d.as_ref().ok()),
        ) {
            (Some(k), Some(domain)) => Some(Snippets {
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

    fn derive_rows(&mut self) {
        self.rows = Rc::new(match &self.set {
            Some(set) => export::panel_rows(set, self.panel),
            None => Vec::new(),
        });
    }
}

impl Reducible for GenState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(f) => {
                f(&mut next.plan);
                next.revision += 1;
                next.derive();
            }
            Action::SetPanel(p) => {
                next.panel = p;
                next.derive_rows();
            }
            Action::KeygenStarted => next.keygen = Keygen::Running,
            Action::KeygenFailed(e) => next.keygen = Keygen::Failed(e),
            Action::KeyMade { spki_b64, private } => {
                if private.ed25519 {
                    next.plan.dkim.ed25519_public_key = spki_b64;
                } else {
                    next.plan.dkim.public_key = spki_b64;
                }
                next.private_key = Some(private);
                next.keygen = Keygen::Idle;
                next.revision += 1;
                next.derive();
            }
            Action::ForgetPrivateKey => {
                next.private_key = None;
                next.keep_private = false;
                next.snippets = None;
            }
            Action::KeepPrivate(on) => next.keep_private = on,
            Action::ShowEd25519(on) => {
                next.show_ed25519 = on;
                if !on {
                    next.plan.dkim.ed25519_selector.clear();
                    next.plan.dkim.ed25519_public_key.clear();
                    next.revision += 1;
                    next.derive();
                }
            }
            Action::Notify(n) => {
                next.notices.retain(|old| old.code != n.code);
                next.notices.push(n);
            }
            Action::DismissNotices => next.notices.clear(),
        }
        Rc::new(next)
    }
}
