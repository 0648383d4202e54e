//! The what-if box of the Check half: a draft SPF record, evaluated over
//! DNS as if it were published at the form's domain, for the form's server
//! addresses (or, when none are typed, the planned mail hosts' addresses).
//! The state and its reducer; the page runs [`crate::check::what_if`].

use crate::check::form::audit_request;
use crate::check::WhatIf;
use crate::dns::endpoint::Endpoint;
use crate::finding::Finding;
use crate::generate::{RecordPurpose, RecordSet};
use crate::i18n::code;
use crate::model::Name;
use crate::model::Rdata;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;
use std::rc::Rc;

/// What the box shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum WhatIfRun {
    #[default]
    Idle,
    Running,
    Done(Rc<WhatIf>),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct WhatIfState {
    pub draft: String,
    pub run: WhatIfRun,
    /// Why the last request could not start.
    pub notices: Vec<Finding>,
    /// Incremented to ask the page to evaluate.
    pub request: u32,
    /// The evaluation whose result is wanted.
    pub id: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Draft(String),
    /// Ask the page to evaluate the draft.
    Request,
    Refused(Vec<Finding>),
    Started(u32),
    Done {
        id: u32,
        result: Rc<WhatIf>,
    },
}

/// One evaluation, ready for the engine.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WhatIfJob {
    pub endpoint: Endpoint,
    pub domain: Name,
    pub draft: String,
    pub ips: Vec<IpAddr>,
}

impl WhatIfState {
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Draft(d) => self.draft = d,
            Action::Request => self.request = self.request.wrapping_add(1),
            Action::Refused(n) => {
                self.notices = n;
                self.run = WhatIfRun::Idle;
            }
            Action::Started(id) => {
                self.id = id;
                self.notices.clear();
                self.run = WhatIfRun::Running;
            }
            Action::Done { id, result } => {
                if id == self.id {
                    self.run = WhatIfRun::Done(result);
                }
            }
        }
    }

    /// The evaluation the box asks for, or every reason it cannot start:
    /// no draft, no valid domain, no address (from the form or the plan).
    pub fn job(
        &self,
        endpoint: Result<Endpoint, Finding>,
        domain: &str,
        ips: &str,
        plan: Option<&RecordSet>,
    ) -> Result<WhatIfJob, Vec<Finding>> {
        let mut notices = Vec::new();
        let draft = self.draft.trim();
        if draft.is_empty() {
            notices.push(Finding::error(code::ui::SPF_WHATIF_NO_DRAFT, "", ""));
        }
        if domain.trim().is_empty() {
            notices.push(Finding::error(code::ui::SPF_WHATIF_NO_DOMAIN, "", ""));
        }
        let endpoint = endpoint.map_err(|e| notices.push(e)).ok();
        let request = audit_request(domain, "", ips, "")
            .map_err(|e| notices.extend(e))
            .ok();
        let mut addresses = request.as_ref().map(|r| r.server_ips.clone()).unwrap_or_default();
        if addresses.is_empty() && request.is_some() {
            addresses = planned_addresses(plan, request.as_ref().map(|r| &r.domain));
            if addresses.is_empty() {
                notices.push(Finding::error(code::ui::SPF_WHATIF_NO_IPS, "", ""));
            }
        }
        match (endpoint, request) {
            (Some(endpoint), Some(r)) if notices.is_empty() => Ok(WhatIfJob {
                endpoint,
                domain: r.domain,
                draft: draft.to_string(),
                ips: addresses,
            }),
            _ => Err(notices),
        }
    }
}

/// The planned mail hosts' addresses, when the plan is for `domain`.
fn planned_addresses(plan: Option<&RecordSet>, domain: Option<&Name>) -> Vec<IpAddr> {
    let Some(set) = plan.filter(|s| Some(&s.domain) == domain) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for r in set
        .records
        .iter()
        .filter(|r| r.purpose == RecordPurpose::HostAddress)
    {
        let ip = match &r.record.rdata {
            Rdata::A(a) => IpAddr::V4(*a),
            Rdata::Aaaa(a) => IpAddr::V6(*a),
            _ => continue,
        };
        if !out.contains(&ip) {
            out.push(ip);
        }
    }
    out
}
