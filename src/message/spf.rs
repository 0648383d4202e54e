//! SPF for a received message: `check_host()` (RFC 7208 §4) with the
//! client address and HELO name of the hop the user chose, and MAIL FROM
//! from `Return-Path:`, through the page's own evaluator
//! ([`crate::spf::eval::check_mail_from`]) and its trace.
//!
//! RFC 7208 §2.4: when the reverse-path is null (`<>`, a bounce), the MAIL
//! FROM identity is `postmaster@<HELO>`, so the HELO name is checked.

use crate::dns::Resolver;
use crate::spf::eval::{check_mail_from, SpfOutcome, SpfResult};
use std::net::IpAddr;

/// What SPF is asked about: the user's choice, or the proposed hop.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SpfQuestion {
    pub ip: IpAddr,
    pub helo: String,
    /// The reverse-path without `<>`; empty for a null reverse-path.
    pub mail_from: String,
}

/// Which identity was checked (RFC 7208 §2.3, §2.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpfIdentity {
    MailFrom,
    /// MAIL FROM was empty: `postmaster@<HELO>`.
    Helo,
}

/// The SPF verdict for the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageSpf {
    pub question: SpfQuestion,
    pub identity: SpfIdentity,
    /// The domain checked: MAIL FROM's, or the HELO name.
    pub domain: String,
    pub outcome: SpfOutcome,
}

impl MessageSpf {
    pub fn result(&self) -> SpfResult {
        self.outcome.result
    }
}

/// Runs `check_host()` for the question.
pub async fn check(resolver: &impl Resolver, q: &SpfQuestion) -> MessageSpf {
    let (identity, domain) = match q.mail_from.rsplit_once('@') {
        Some((_, d)) if !d.is_empty() => (SpfIdentity::MailFrom, d.to_string()),
        _ if q.mail_from.is_empty() => (SpfIdentity::Helo, q.helo.clone()),
        _ => (SpfIdentity::MailFrom, q.mail_from.clone()),
    };
    let outcome = check_mail_from(resolver, q.ip, &q.mail_from, &q.helo).await;
    MessageSpf {
        question: q.clone(),
        identity,
        domain: domain.trim_end_matches('.').to_ascii_lowercase(),
        outcome,
    }
}
