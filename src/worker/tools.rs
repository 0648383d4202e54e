//! The tools worker (wasm32 only; the binary is `src/bin/tools.rs`): writes
//! the exports for other tools (`crate::export::tools`) when the page first
//! asks for one, so their code is not part of the first view. It reads and
//! writes only its own part of the protocol ([`ToolsRequest`],
//! [`ToolsReply`]), so it carries none of the checker's messages.

use super::{listen, post_text};
use crate::export::tools::export_files;
use crate::generate::validate_and_generate;
use crate::offload::{
    AdoptRequest, AdoptSource, AdoptedPlan, ExportRequest, ImportRequest, MarkdownRequest, ToolsReply,
    ToolsRequest, VERSION,
};

fn post(reply: &ToolsReply) {
    post_text(&reply.to_json());
}

/// Installs the browser's IDNA converter (the plan's names are converted
/// when the set is generated), then serves export requests and says it is
/// ready. Called once, by the tools binary's `main`.
pub fn start() {
    crate::web::idn::install();
    // A report's Markdown explains the checker's findings; the MTA-STS
    // policy-host kit says what each of its files is for.
    crate::i18n::link(crate::i18n::catalogue::TOOLS);
    // A report's Markdown explains findings of the first view's areas too:
    // their texts, which the page's module has in parts of its own (the
    // checker and the message worker write no text, and link none).
    crate::i18n::install_both();
    listen(|text| match text.and_then(|t| ToolsRequest::from_json(&t)) {
        Ok(ToolsRequest::Export(request)) => post(&export(request)),
        Ok(ToolsRequest::Adopt(request)) => post(&adopt(request)),
        Ok(ToolsRequest::Import(request)) => post(&import(request)),
        Ok(ToolsRequest::Markdown(request)) => post(&markdown(request)),
        Err(reason) => post(&ToolsReply::Refused { id: None, reason }),
    });
    post(&ToolsReply::Ready { version: VERSION });
}

fn export(request: ExportRequest) -> ToolsReply {
    let id = request.id;
    let refused = |reason: String| ToolsReply::Refused { id: Some(id), reason };
    let plan = match request.plan() {
        Ok(plan) => plan,
        Err(reason) => return refused(format!("unreadable plan: {reason}")),
    };
    match validate_and_generate(&plan) {
        Ok((_, set)) => ToolsReply::Exported {
            id,
            files: export_files(&set, request.format, request.lang, request.serial),
        },
        // The page asks only for a plan it could generate; a plan the
        // worker cannot is said, not exported half.
        Err(_) => refused("the plan has errors: fix them in the form first".to_string()),
    }
}

/// A pasted or dropped zone export, read and adopted.
fn import(request: ImportRequest) -> ToolsReply {
    let hint = request
        .origin
        .as_deref()
        .filter(|o| !o.trim().is_empty())
        .and_then(|o| crate::model::Name::host(o).ok());
    let id = request.id;
    if let Some(size) = request.size.filter(|s| *s > crate::import::MAX_BYTES as u64) {
        let finding = crate::import::too_large(usize::try_from(size).unwrap_or(usize::MAX)).to_finding();
        return ToolsReply::ImportRefused {
            id,
            texts: crate::i18n::carried(crate::i18n::catalogue::ADOPTED, [finding.code]),
            finding,
        };
    }
    match crate::adopt::from_export(&request.text, hint.as_ref()) {
        Ok((adopted, format, taken, left_alone)) => ToolsReply::Adopted {
            id,
            adopted: AdoptedPlan::new(
                adopted,
                AdoptSource::Export {
                    format: format.to_string(),
                    taken,
                    left_alone,
                },
            ),
        },
        Err(finding) => ToolsReply::ImportRefused {
            id,
            texts: crate::i18n::carried(crate::i18n::catalogue::ADOPTED, [finding.code]),
            finding: *finding,
        },
    }
}

/// A check report's Markdown, from the report's JSON the checker wrote.
fn markdown(request: MarkdownRequest) -> ToolsReply {
    let report: crate::check::Report = match serde_json::from_str(&request.json) {
        Ok(report) => report,
        Err(e) => {
            return ToolsReply::Refused {
                id: Some(request.id),
                reason: format!("unreadable report: {e}"),
            }
        }
    };
    let meta = crate::check::ReportMeta {
        date: request.date,
        resolver: request.resolver,
    };
    let text = crate::check::report_markdown_with(&report, request.lang, Some(&meta));
    let domain = report.domain.as_str().trim_end_matches('.').to_string();
    ToolsReply::Exported {
        id: request.id,
        files: vec![crate::export::tools::ExportFile {
            name: format!("maildns-{domain}.md"),
            media_type: "text/markdown".to_string(),
            content: text,
        }],
    }
}

/// "Use as my plan": the plan an audit's answers give.
fn adopt(request: AdoptRequest) -> ToolsReply {
    let Ok(name) = crate::model::Name::host(&request.domain) else {
        return ToolsReply::Refused {
            id: Some(request.id),
            reason: format!("not a domain: {}", request.domain),
        };
    };
    let mut found = crate::adopt::Found::from_known(&request.known);
    if let Some(policy) = request.mta_sts_policy {
        found = found.with_mta_sts_policy(policy);
    }
    ToolsReply::Adopted {
        id: request.id,
        adopted: AdoptedPlan::new(
            crate::adopt::from_records(&name, &found),
            AdoptSource::Live {
                domain: request.domain,
            },
        ),
    }
}
