//! Exports of a [`Report`]: Markdown for people (in the page's language,
//! through the message catalogue) and JSON for tools (the schema is in the
//! [`crate::check`] module documentation).

use super::{AreaStatus, Report};
use crate::finding::Severity;
use crate::i18n::{explain, fill, text, Lang};
use std::fmt::Write as _;

/// The report as JSON (pretty-printed); see [`crate::check`] for the schema.
pub fn report_json(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The report as Markdown in `lang`: a title, a summary, then per area its
/// status, each finding explained (with the RFC and the fix to publish) and
/// the raw answers as `dig` would show them.
pub fn report_markdown(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    let domain = report.domain.as_str();
    let title = fill(
        text(lang, "check.report.title"),
        &[("domain", domain.to_string())],
    );
    let _ = writeln!(out, "# {title}\n");
    let summary = fill(
        text(lang, "check.report.summary"),
        &[
            ("questions", report.questions_asked.to_string()),
            ("chain", report.longest_chain.to_string()),
        ],
    );
    let counts = fill(text(lang, super::Summary::CODE), &report.summary.args());
    let _ = writeln!(out, "{counts}\n\n{summary}\n");
    for area in &report.areas {
        let status = match &area.status {
            AreaStatus::CouldNotCheck(reason) => {
                format!("{} ({})", text(lang, area.status.code()), text(lang, reason))
            }
            s => text(lang, s.code()).to_string(),
        };
        let _ = writeln!(out, "## {} — {status}\n", text(lang, area.area.title_code()));
        let mut findings: Vec<_> = area.findings.iter().collect();
        findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
        for f in findings {
            let mark = match f.severity {
                Severity::Error => "❌",
                Severity::Warning => "⚠️",
                Severity::Info => "ℹ️",
            };
            let _ = writeln!(out, "- {mark} {} — `{}` ({})", explain(lang, f), f.code, f.rfc);
            if let Some(fix) = &f.fix {
                let _ = writeln!(out, "  {}\n  ```\n  {fix}\n  ```", text(lang, "check.report.fix"));
            }
        }
        if !area.findings.is_empty() {
            out.push('\n');
        }
        if !area.answers.is_empty() {
            let _ = writeln!(
                out,
                "<details><summary>{}</summary>\n\n```",
                text(lang, "check.report.answers")
            );
            for a in &area.answers {
                for line in a.lines() {
                    let _ = writeln!(out, "{line}");
                }
            }
            let _ = writeln!(out, "```\n</details>\n");
        }
    }
    out
}
