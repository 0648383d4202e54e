//! The tools worker (wasm32 only; the binary is `src/bin/tools.rs`): writes
//! the exports for other tools (`crate::export::tools`) when the page first
//! asks for one, so their code is not part of the first view. It reads and
//! writes only its own part of the protocol ([`ToolsRequest`],
//! [`ToolsReply`]), so it carries none of the checker's messages.

use super::{listen, post_text};
use crate::export::tools::export_files;
use crate::generate::validate_and_generate;
use crate::offload::{
    AdoptSource, AdoptedPlan, ExportRequest, ImportRequest, ToolsReply, ToolsRequest, VERSION,
};

fn post(reply: &ToolsReply) {
    post_text(&reply.to_json());
}

/// Installs the browser's IDNA converter (the plan's names are converted
/// when the set is generated), then serves export requests and says it is
/// ready. Called once, by the tools binary's `main`.
pub fn start() {
    crate::web::idn::install();
    listen(|text| match text.and_then(|t| ToolsRequest::from_json(&t)) {
        Ok(ToolsRequest::Export(request)) => post(&export(request)),
        Ok(ToolsRequest::Import(request)) => post(&import(request)),
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
            texts: crate::i18n::carried([finding.code]),
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
            texts: crate::i18n::carried([finding.code]),
            finding: *finding,
        },
    }
}
