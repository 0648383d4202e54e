//! SPF, RFC 7208: the record grammar, a static linter, the `check_host()`
//! evaluation over a [`crate::dns::Resolver`] with a drawable trace, and a
//! flattening suggestion for records that need too many DNS lookups.
//!
//! - [`parse`]: `v=spf1` records to typed terms with byte spans (§4.6, §5, §6, §12).
//! - [`error`]: what can be wrong in a record's text, with stable codes.
//! - [`macros`]: macro strings (§7).
//! - [`lint`]: findings on a record before it is published.
//! - [`eval`]: `check_host()` (§4–§6), with [`trace`] of every question.
//! - [`lookup`]: the question cache and name checks eval and flatten share.
//! - [`flatten`]: the resolved `ip4:`/`ip6:` set that replaces includes.
//! - [`budget`]: the lookup count of a record before it is published.
//! - [`trace_lines`]: a trace as one line per step, for the report.

pub mod budget;
pub mod error;
pub mod eval;
pub mod flatten;
pub mod lint;
pub mod lookup;
pub mod macros;
pub mod parse;
pub mod trace;
pub mod trace_lines;

pub use budget::{lookup_budget, target_lookups, LookupBudget, TargetLookups};
pub use error::{SpfErrorKind, SpfParseError};
pub use eval::{check_host, check_host_with, check_mail_from, SpfOptions, SpfOutcome, SpfResult};
pub use flatten::{flatten, lookup_tree, FlattenSuggestion, LookupNode, PublishedRecord};
pub use lint::{lint_record, lint_txt_set};
pub use macros::{MacroString, MacroUse};
pub use parse::{is_spf_record, parse_lenient, parse_record};
pub use trace::{static_lookup_count, SpfTrace, StaticLookupCount, TraceQuestion, TraceStep};
pub use trace_lines::{AddressTrace, TraceLine};

use crate::finding::Span;
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

/// The version tag every SPF record starts with (RFC 7208 §4.5).
pub const VERSION: &str = "v=spf1";

/// A directive's qualifier (RFC 7208 §4.6.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// `+` (the default).
    Pass,
    /// `-`
    Fail,
    /// `~`
    SoftFail,
    /// `?`
    Neutral,
}

impl Qualifier {
    pub fn from_char(c: char) -> Option<Qualifier> {
        match c {
            '+' => Some(Qualifier::Pass),
            '-' => Some(Qualifier::Fail),
            '~' => Some(Qualifier::SoftFail),
            '?' => Some(Qualifier::Neutral),
            _ => None,
        }
    }

    pub fn as_char(self) -> char {
        match self {
            Qualifier::Pass => '+',
            Qualifier::Fail => '-',
            Qualifier::SoftFail => '~',
            Qualifier::Neutral => '?',
        }
    }
}

/// `dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ]` (RFC 7208 §5.6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct DualCidr {
    pub v4: Option<u8>,
    pub v6: Option<u8>,
}

impl fmt::Display for DualCidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(n) = self.v4 {
            write!(f, "/{n}")?;
        }
        if let Some(n) = self.v6 {
            write!(f, "//{n}")?;
        }
        Ok(())
    }
}

/// A mechanism (RFC 7208 §5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mechanism {
    /// §5.1
    All,
    /// §5.2
    Include(MacroString),
    /// §5.3
    A {
        domain: Option<MacroString>,
        cidr: DualCidr,
    },
    /// §5.4
    Mx {
        domain: Option<MacroString>,
        cidr: DualCidr,
    },
    /// §5.5 (deprecated)
    Ptr(Option<MacroString>),
    /// §5.6
    Ip4 { addr: Ipv4Addr, prefix: Option<u8> },
    /// §5.6
    Ip6 { addr: Ipv6Addr, prefix: Option<u8> },
    /// §5.7
    Exists(MacroString),
}

impl Mechanism {
    /// The mechanism's name as written in records.
    pub fn name(&self) -> &'static str {
        match self {
            Mechanism::All => "all",
            Mechanism::Include(_) => "include",
            Mechanism::A { .. } => "a",
            Mechanism::Mx { .. } => "mx",
            Mechanism::Ptr(_) => "ptr",
            Mechanism::Ip4 { .. } => "ip4",
            Mechanism::Ip6 { .. } => "ip6",
            Mechanism::Exists(_) => "exists",
        }
    }

    /// True for the mechanisms that cost one of the 10 DNS lookups (RFC 7208 §4.6.4).
    pub fn counts_as_lookup(&self) -> bool {
        matches!(
            self,
            Mechanism::Include(_)
                | Mechanism::A { .. }
                | Mechanism::Mx { .. }
                | Mechanism::Ptr(_)
                | Mechanism::Exists(_)
        )
    }
}

impl fmt::Display for Mechanism {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mechanism::All => f.write_str("all"),
            Mechanism::Include(d) => write!(f, "include:{d}"),
            Mechanism::A { domain, cidr } | Mechanism::Mx { domain, cidr } => {
                f.write_str(self.name())?;
                if let Some(d) = domain {
                    write!(f, ":{d}")?;
                }
                write!(f, "{cidr}")
            }
            Mechanism::Ptr(d) => match d {
                Some(d) => write!(f, "ptr:{d}"),
                None => f.write_str("ptr"),
            },
            Mechanism::Ip4 { addr, prefix } => {
                write!(f, "ip4:{addr}")?;
                match prefix {
                    Some(p) => write!(f, "/{p}"),
                    None => Ok(()),
                }
            }
            Mechanism::Ip6 { addr, prefix } => {
                write!(f, "ip6:{addr}")?;
                match prefix {
                    Some(p) => write!(f, "/{p}"),
                    None => Ok(()),
                }
            }
            Mechanism::Exists(d) => write!(f, "exists:{d}"),
        }
    }
}

/// `directive = [ qualifier ] mechanism` (RFC 7208 §4.6.1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    pub qualifier: Qualifier,
    /// The qualifier was written out (`+all` rather than `all`).
    pub explicit_qualifier: bool,
    pub mechanism: Mechanism,
}

impl fmt::Display for Directive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.explicit_qualifier || self.qualifier != Qualifier::Pass {
            write!(f, "{}", self.qualifier.as_char())?;
        }
        write!(f, "{}", self.mechanism)
    }
}

/// A modifier (RFC 7208 §6).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Modifier {
    /// §6.1
    Redirect(MacroString),
    /// §6.2
    Exp(MacroString),
    /// `name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )`, ignored by evaluation (§6).
    Unknown { name: String, value: MacroString },
}

impl fmt::Display for Modifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Modifier::Redirect(d) => write!(f, "redirect={d}"),
            Modifier::Exp(d) => write!(f, "exp={d}"),
            Modifier::Unknown { name, value } => write!(f, "{name}={value}"),
        }
    }
}

/// A term: a directive or a modifier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Term {
    Directive(Directive),
    Modifier(Modifier),
}

impl Term {
    /// True for the terms that cost one of the 10 DNS lookups (RFC 7208 §4.6.4):
    /// include, a, mx, ptr, exists and redirect.
    pub fn counts_as_lookup(&self) -> bool {
        match self {
            Term::Directive(d) => d.mechanism.counts_as_lookup(),
            Term::Modifier(Modifier::Redirect(_)) => true,
            Term::Modifier(_) => false,
        }
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Directive(d) => write!(f, "{d}"),
            Term::Modifier(m) => write!(f, "{m}"),
        }
    }
}

/// A term and where it was in the record text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpfTerm {
    pub term: Term,
    pub span: Span,
}

/// A parsed `v=spf1` record.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SpfRecord {
    pub terms: Vec<SpfTerm>,
}

impl SpfRecord {
    /// A record from terms, with the spans they have in the canonical text.
    pub fn from_terms(terms: Vec<Term>) -> SpfRecord {
        let mut pos = VERSION.len();
        let terms = terms
            .into_iter()
            .map(|term| {
                let len = term.to_string().len();
                let span = Span::new(pos + 1, pos + 1 + len);
                pos += 1 + len;
                SpfTerm { term, span }
            })
            .collect();
        SpfRecord { terms }
    }

    pub fn directives(&self) -> impl Iterator<Item = &Directive> {
        self.terms.iter().filter_map(|t| match &t.term {
            Term::Directive(d) => Some(d),
            Term::Modifier(_) => None,
        })
    }

    /// The `redirect=` target, if any.
    pub fn redirect(&self) -> Option<&MacroString> {
        self.terms.iter().find_map(|t| match &t.term {
            Term::Modifier(Modifier::Redirect(d)) => Some(d),
            _ => None,
        })
    }

    /// The `exp=` target, if any.
    pub fn exp(&self) -> Option<&MacroString> {
        self.terms.iter().find_map(|t| match &t.term {
            Term::Modifier(Modifier::Exp(d)) => Some(d),
            _ => None,
        })
    }

    /// True if an `all` mechanism is present (which makes `redirect` ignored, §6.1).
    pub fn has_all(&self) -> bool {
        self.directives().any(|d| d.mechanism == Mechanism::All)
    }
}

impl fmt::Display for SpfRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(VERSION)?;
        for t in &self.terms {
            write!(f, " {}", t.term)?;
        }
        Ok(())
    }
}

impl std::str::FromStr for SpfRecord {
    type Err = SpfParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_record(s)
    }
}
