//! "Start from the records you already publish": a zone file or a panel's
//! record table, pasted or chosen, read by the tools worker (`import` and
//! `adopt` are not part of the first view) into a plan that replaces the
//! one on screen; and, once a plan was made from published records (here
//! or by "Use as my plan" in the Check half), where it came from and what
//! it could not take.

use super::findings::findings_list;
use crate::adopt::AdoptSource;
use crate::i18n::{self, code, Lang};
use crate::offload::{GenerateRequest, ImportRequest, Reply};
use crate::page::app::Lazy;
use crate::page::generate::{Action, ImportState};
use crate::ui::checker::Checker;
use crate::ui::context::GenHandle;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The largest file read (the reader refuses more, naming the limit).
const MAX_FILE_BYTES: f64 = 2.0 * 1024.0 * 1024.0 + 1.0;

/// Sends `text` to the tools worker; its plan (or why not) comes back to
/// the Generate half.
fn read(gen: &GenHandle, tools: &Checker, text: String, size: Option<u64>) {
    gen.dispatch(Action::ImportReading);
    let origin = Some(gen.plan.domain.clone());
    let on_reply = {
        let gen = gen.clone();
        Callback::from(move |reply: Reply| match reply {
            Reply::Adopted { adopted, .. } => {
                i18n::keep(adopted.texts.clone());
                crate::ui::codec::adopt(&gen, adopted);
            }
            Reply::ImportRefused { finding, texts, .. } => {
                i18n::keep(texts);
                gen.dispatch(Action::ImportFailed(finding));
            }
            Reply::Refused { reason, .. } => gen.dispatch(Action::ImportFailed(Lazy::unavailable(&reason))),
            _ => {}
        })
    };
    tools.ask(
        |id| {
            GenerateRequest::Import(ImportRequest {
                id,
                text,
                origin,
                size,
            })
        },
        on_reply,
    );
}

fn textarea_value() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("import-text"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        .map(|t| t.value())
        .unwrap_or_default()
}

/// The box. A plain function, not a component: it has no state of its own
/// (the text stays in the text area until read), and each component costs
/// the page its own copy of yew's lifecycle code.
pub fn import_box(lang: Lang, gen: &GenHandle, tools: Option<Checker>) -> Html {
    let t = |c: &str| i18n::text(lang, c).to_string();
    let on_read = {
        let (gen, tools) = (gen.clone(), tools.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(tools) = &tools {
                read(&gen, tools, textarea_value(), None);
            }
        })
    };
    // A chosen file is read as text (UTF-8; the reader names a line that
    // is not) and sent at once; one over the limit is sent as its first
    // bytes, which the reader refuses with the limit named.
    let on_file = {
        let (gen, tools) = (gen.clone(), tools.clone());
        Callback::from(move |e: Event| {
            let file = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0));
            let (Some(file), Some(tools)) = (file, tools.clone()) else {
                return;
            };
            let size = Some(file.size() as u64);
            let blob: web_sys::Blob = if file.size() > MAX_FILE_BYTES {
                file.slice_with_f64_and_f64(0.0, MAX_FILE_BYTES)
                    .unwrap_or_else(|_| file.clone().into())
            } else {
                file.into()
            };
            let gen = gen.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(blob.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                read(&gen, &tools, text, size);
            });
        })
    };
    html! {
        <div class="import-body">
            <p class="help">{ t(code::ui::GEN_IMPORT_HELP) }</p>
            <label for="import-text">{ t(code::ui::GEN_IMPORT_TEXT) }</label>
            <textarea id="import-text" rows="6" spellcheck="false" aria-describedby="import-msg" />
            <div class="actions">
                <button type="button" id="import-read" class="primary" onclick={on_read}
                    disabled={gen.import == ImportState::Reading}>{ t(code::ui::GEN_IMPORT_READ) }</button>
                <label for="import-file">{ t(code::ui::GEN_IMPORT_FILE) }</label>
                <input type="file" id="import-file" accept=".zone,.txt,.csv,.tsv,.db,text/*" onchange={on_file} />
            </div>
            <div id="import-msg" class="messages" aria-live="polite">
                { match &gen.import {
                    ImportState::Reading => html! { <p class="help">{ t(code::ui::GEN_IMPORT_READING) }</p> },
                    ImportState::Failed(f) => html! {
                        <p class="help error" data-error-code={f.code}>
                            <strong>{ t(code::ui::GEN_SEVERITY_ERROR) }{ ": " }</strong>{ i18n::explain(lang, f) }
                        </p>
                    },
                    ImportState::Idle => Html::default(),
                } }
            </div>
        </div>
    }
}

/// Where an adopted plan came from and what it could not take.
pub fn adoption(lang: Lang, gen: &GenHandle) -> Html {
    let Some(a) = &gen.adoption else {
        return Html::default();
    };
    let intro = match &a.source {
        AdoptSource::Live { domain } => i18n::fill(
            i18n::text(lang, code::ui::GEN_ADOPTED_LIVE),
            &[("domain", domain.clone())],
        ),
        AdoptSource::Export {
            format,
            taken,
            left_alone,
        } => i18n::fill(
            i18n::text(lang, code::ui::GEN_ADOPTED_EXPORT),
            &[
                ("format", format.clone()),
                ("taken", taken.to_string()),
                ("left", left_alone.to_string()),
            ],
        ),
    };
    html! {
        <div class="adoption" id="adoption" data-notes={a.notes.len().to_string()}>
            <p class="help">{ intro }</p>
            if a.notes.is_empty() {
                <p class="help">{ i18n::text(lang, code::ui::GEN_ADOPTED_NOTES) }</p>
            } else {
                { findings_list(lang, &a.notes, code::ui::GEN_ADOPTED_TITLE, "adoption-notes", true) }
            }
        </div>
    }
}
