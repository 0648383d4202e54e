//! The Generate half's "export for another tool" box: the format chosen,
//! and what the tools worker answered, for which plan and language.
//!
//! The files are written in a worker (`crate::export::tools`), so an answer
//! arrives after the plan may have changed again. Each request is recorded
//! with its id, the plan revision and the language it was made for; a reply
//! to any other request is ignored, and [`ExportState::wanted`] says when
//! the files on screen no longer match the form and must be asked again.

use crate::export::tools::{ExportFile, ExportFormat};
use crate::i18n::Lang;
use std::rc::Rc;

/// A request in flight or answered: what it was made for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Asked {
    pub id: u32,
    pub format: ExportFormat,
    pub revision: u64,
    pub lang: Lang,
}

/// What the box shows under the format.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum ExportResult {
    /// No format chosen yet.
    #[default]
    Nothing,
    /// Asked; the worker is loading or writing.
    Waiting,
    Files(Rc<Vec<ExportFile>>),
    /// The worker could not load or refused (the reason, for the user).
    Failed(String),
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ExportState {
    pub format: Option<ExportFormat>,
    pub asked: Option<Asked>,
    pub result: ExportResult,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExportAction {
    /// The user chose a format (or none, closing the box).
    Choose(Option<ExportFormat>),
    /// A request for the chosen format left for the worker.
    Asked(Asked),
    Exported {
        id: u32,
        files: Vec<ExportFile>,
    },
    Refused {
        id: u32,
        reason: String,
    },
    /// Ask again after a failure (the worker is loaded again if it failed).
    Retry,
}

impl ExportState {
    /// The request to send now, if the files shown (or awaited) are not
    /// those of this format, plan revision and language; `None` when no
    /// format is chosen or the right request is already out.
    pub fn wanted(&self, revision: u64, lang: Lang) -> Option<(ExportFormat, u64, Lang)> {
        let format = self.format?;
        let current = self
            .asked
            .is_some_and(|a| a.format == format && a.revision == revision && a.lang == lang);
        (!current).then_some((format, revision, lang))
    }

    pub fn apply(&mut self, action: ExportAction) {
        match action {
            ExportAction::Choose(format) => {
                if format != self.format {
                    self.format = format;
                    self.asked = None;
                    self.result = ExportResult::Nothing;
                }
            }
            ExportAction::Asked(asked) => {
                if Some(asked.format) == self.format {
                    self.asked = Some(asked);
                    // Files of an earlier revision stay on screen until the
                    // new ones come: the box does not flicker as one types.
                    if !matches!(self.result, ExportResult::Files(_)) {
                        self.result = ExportResult::Waiting;
                    }
                }
            }
            ExportAction::Exported { id, files } => {
                if self.is_current(id) {
                    self.result = ExportResult::Files(Rc::new(files));
                }
            }
            ExportAction::Refused { id, reason } => {
                if self.is_current(id) {
                    self.result = ExportResult::Failed(reason);
                }
            }
            ExportAction::Retry => {
                if matches!(self.result, ExportResult::Failed(_)) {
                    self.asked = None;
                    self.result = ExportResult::Waiting;
                }
            }
        }
    }

    fn is_current(&self, id: u32) -> bool {
        self.asked.is_some_and(|a| a.id == id)
    }
}
