//! One change to the plan form, as data: what a field of the Generate half
//! sends when the user types, ticks or chooses. Each edit is printable
//! (`Debug`), comparable and replayable, so a sequence of them can be
//! applied natively in a test and the resulting plan asserted.
//!
//! An edit names the field it changes and carries the field's new value as
//! typed; validation stays in `crate::plan`, which judges the whole plan
//! after every edit.

use crate::plan::{Alignment, DkimAlgorithm, DmarcPolicy, HostInput, MailPlan, Mode, SpfAll};

/// Which list of hosts an edit changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostList {
    /// The hosts that receive the domain's mail (`hosts[i]`).
    Mail,
    /// Backup MX hosts (`backup_mx[i]`).
    Backup,
}

/// One change to a list of hosts. Indexes past the end change nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostEdit {
    /// A new empty host at the end.
    Add,
    Remove(usize),
    Name(usize, String),
    Ipv4(usize, Vec<String>),
    Ipv6(usize, Vec<String>),
    Priority(usize, String),
}

/// SPF terms beyond the mail hosts' own addresses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpfEdit {
    Ip4(Vec<String>),
    Ip6(Vec<String>),
    A(Vec<String>),
    Mx(Vec<String>),
    Includes(Vec<String>),
    All(SpfAll),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DkimEdit {
    Selector(String),
    Algorithm(DkimAlgorithm),
    PublicKey(String),
    Ed25519Selector(String),
    Ed25519PublicKey(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DmarcEdit {
    Policy(DmarcPolicy),
    /// `sp=`; `None` leaves the tag out.
    SubdomainPolicy(Option<DmarcPolicy>),
    /// `np=` (RFC 9989); `None` leaves the tag out.
    NonexistentPolicy(Option<DmarcPolicy>),
    DkimAlignment(Option<Alignment>),
    SpfAlignment(Option<Alignment>),
    AggregateReports(Vec<String>),
    FailureReports(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MtaStsEdit {
    Enabled(bool),
    Mode(Mode),
    MaxAge(String),
    Mx(Vec<String>),
    WebIpv4(Vec<String>),
    WebIpv6(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TlsRptEdit {
    Enabled(bool),
    Reports(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TtlEdit {
    Default(String),
    /// A per-kind override (a `crate::plan::TTL_KINDS` name); blank removes it.
    Override(&'static str, String),
}

/// Autoconfiguration SRV records (RFC 6186, RFC 8314).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AutoconfigEdit {
    Enabled(bool),
    Target(String),
    Submissions(bool),
    Submission(bool),
    Imaps(bool),
    Pop3s(bool),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaaEdit {
    Enabled(bool),
    Issuers(Vec<String>),
    Iodef(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TlsaEdit {
    Enabled(bool),
    Pem(String),
}

/// One change to the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanEdit {
    Domain(String),
    Hosts(HostList, HostEdit),
    Ttl(TtlEdit),
    Spf(SpfEdit),
    Dkim(DkimEdit),
    Dmarc(DmarcEdit),
    MtaSts(MtaStsEdit),
    TlsRpt(TlsRptEdit),
    NullMx(bool),
    Autoconfig(AutoconfigEdit),
    Caa(CaaEdit),
    Tlsa(TlsaEdit),
}

impl PlanEdit {
    /// Applies the edit to the plan.
    pub fn apply(self, plan: &mut MailPlan) {
        match self {
            PlanEdit::Domain(v) => plan.domain = v,
            PlanEdit::Hosts(HostList::Mail, e) => e.apply(&mut plan.hosts),
            PlanEdit::Hosts(HostList::Backup, e) => e.apply(&mut plan.backup_mx),
            PlanEdit::Ttl(TtlEdit::Default(v)) => plan.ttl.default = v,
            PlanEdit::Ttl(TtlEdit::Override(kind, v)) => {
                if v.trim().is_empty() {
                    plan.ttl.overrides.remove(kind);
                } else {
                    plan.ttl.overrides.insert(kind.to_string(), v);
                }
            }
            PlanEdit::Spf(e) => {
                let s = &mut plan.spf;
                match e {
                    SpfEdit::Ip4(v) => s.ip4 = v,
                    SpfEdit::Ip6(v) => s.ip6 = v,
                    SpfEdit::A(v) => s.a = v,
                    SpfEdit::Mx(v) => s.mx = v,
                    SpfEdit::Includes(v) => s.includes = v,
                    SpfEdit::All(v) => s.all = v,
                }
            }
            PlanEdit::Dkim(e) => {
                let d = &mut plan.dkim;
                match e {
                    DkimEdit::Selector(v) => d.selector = v,
                    DkimEdit::Algorithm(v) => d.algorithm = v,
                    DkimEdit::PublicKey(v) => d.public_key = v,
                    DkimEdit::Ed25519Selector(v) => d.ed25519_selector = v,
                    DkimEdit::Ed25519PublicKey(v) => d.ed25519_public_key = v,
                }
            }
            PlanEdit::Dmarc(e) => {
                let d = &mut plan.dmarc;
                match e {
                    DmarcEdit::Policy(v) => d.p = v,
                    DmarcEdit::SubdomainPolicy(v) => d.sp = v,
                    DmarcEdit::NonexistentPolicy(v) => d.np = v,
                    DmarcEdit::DkimAlignment(v) => d.adkim = v,
                    DmarcEdit::SpfAlignment(v) => d.aspf = v,
                    DmarcEdit::AggregateReports(v) => d.rua = v,
                    DmarcEdit::FailureReports(v) => d.ruf = v,
                }
            }
            PlanEdit::MtaSts(e) => {
                let m = &mut plan.mta_sts;
                match e {
                    MtaStsEdit::Enabled(v) => m.enabled = v,
                    MtaStsEdit::Mode(v) => m.mode = v,
                    MtaStsEdit::MaxAge(v) => m.max_age = v,
                    MtaStsEdit::Mx(v) => m.mx = v,
                    MtaStsEdit::WebIpv4(v) => m.web_ipv4 = v,
                    MtaStsEdit::WebIpv6(v) => m.web_ipv6 = v,
                }
            }
            PlanEdit::TlsRpt(TlsRptEdit::Enabled(v)) => plan.tls_rpt.enabled = v,
            PlanEdit::TlsRpt(TlsRptEdit::Reports(v)) => plan.tls_rpt.rua = v,
            PlanEdit::NullMx(v) => plan.null_mx = v,
            PlanEdit::Autoconfig(e) => {
                let a = &mut plan.autoconfig;
                match e {
                    AutoconfigEdit::Enabled(v) => a.enabled = v,
                    AutoconfigEdit::Target(v) => a.target = v,
                    AutoconfigEdit::Submissions(v) => a.submissions = v,
                    AutoconfigEdit::Submission(v) => a.submission = v,
                    AutoconfigEdit::Imaps(v) => a.imaps = v,
                    AutoconfigEdit::Pop3s(v) => a.pop3s = v,
                }
            }
            PlanEdit::Caa(CaaEdit::Enabled(v)) => plan.caa.enabled = v,
            PlanEdit::Caa(CaaEdit::Issuers(v)) => plan.caa.issuers = v,
            PlanEdit::Caa(CaaEdit::Iodef(v)) => plan.caa.iodef = v,
            PlanEdit::Tlsa(TlsaEdit::Enabled(v)) => plan.tlsa.enabled = v,
            PlanEdit::Tlsa(TlsaEdit::Pem(v)) => plan.tlsa.pem = v,
        }
    }
}

impl HostEdit {
    fn apply(self, hosts: &mut Vec<HostInput>) {
        match self {
            HostEdit::Add => hosts.push(HostInput::default()),
            HostEdit::Remove(i) => {
                if i < hosts.len() {
                    hosts.remove(i);
                }
            }
            HostEdit::Name(i, v) => set(hosts, i, |h| h.name = v),
            HostEdit::Ipv4(i, v) => set(hosts, i, |h| h.ipv4 = v),
            HostEdit::Ipv6(i, v) => set(hosts, i, |h| h.ipv6 = v),
            HostEdit::Priority(i, v) => set(hosts, i, |h| h.priority = v),
        }
    }
}

/// Changes host `i`, if there is one.
fn set(hosts: &mut [HostInput], i: usize, f: impl FnOnce(&mut HostInput)) {
    if let Some(h) = hosts.get_mut(i) {
        f(h);
    }
}
