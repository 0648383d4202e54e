//! DMARC policy records (RFC 9989, DMARCbis, which obsoletes RFC 7489): the
//! typed record, its parser and printer, the linter, and the external report
//! authorizations (RFC 9990 §3) a record's report addresses call for.
//!
//! Where RFC 7489 and RFC 9989 differ, RFC 9989 wins: `pct`, `rf` and `ri` are
//! removed tags (a warning, values not checked), `np`, `psd` and `t` are new,
//! `p` may stand anywhere after `v` (a warning, since RFC 7489 readers disagree),
//! and a record without `p` counts as `p=none` when it has a valid `rua`.

pub mod lint;
pub mod record;
pub mod uri;

pub use lint::{
    check, external_report_authorizations, lint, lint_external_reports, report_authorizations,
    ReportAuthorization,
};
pub use record::{
    parse_detailed, Alignment, DmarcError, DmarcParse, DmarcPolicy, DmarcRecord, FailureOption, PsdFlag,
    ReportSize, ReportUri,
};

#[cfg(test)]
mod tests;
