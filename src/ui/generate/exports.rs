//! The box of exports for other tools (dnscontrol, octoDNS, Terraform,
//! Prometheus): a format `<select>`, then each file with copy and download.
//! The files are written by the tools worker (`crate::worker::tools`),
//! loaded the first time a format is chosen (or when the pointer or focus
//! first reaches the box), so none of it is in the first view. The state
//! is `page::export`; this component renders it and sends the requests it
//! asks for.

use crate::export::tools::ExportFormat;
use crate::i18n::{self, code};
use crate::offload::{ExportRequest, GenerateRequest, Reply};
use crate::page::export::{Asked, ExportAction, ExportResult};
use crate::page::generate::Action;
use crate::ui::browser;
use crate::ui::components::copy_button::CopyButton;
use crate::ui::context::{use_gen, use_lang, use_tools};
use yew::prelude::*;

#[component]
pub fn ToolExports() -> Html {
    let lang = use_lang();
    let t = |c: &str| i18n::text(lang, c).to_string();
    let gen = use_gen();
    let tools = use_tools();
    let revision = gen.as_ref().map_or(0, |g| g.revision);
    let wanted = gen.as_ref().and_then(|g| g.exports.wanted(revision, lang));

    // Ask for the files whenever the format, the plan or the language is
    // not the one the files on screen were written for.
    {
        let (gen, tools) = (gen.clone(), tools.clone());
        use_effect_with(wanted, move |wanted| {
            if let (Some((format, revision, lang)), Some(gen), Some(tools)) = (*wanted, gen, tools) {
                if gen.set.is_some() {
                    let plan = gen.plan.clone();
                    let serial = super::toolbar::today_serial();
                    let dispatcher = gen.dispatcher();
                    let on_reply = Callback::from(move |reply: Reply| {
                        let action = match reply {
                            Reply::Exported { id, files } => ExportAction::Exported { id, files },
                            Reply::Refused { id: Some(id), reason } => ExportAction::Refused { id, reason },
                            _ => return,
                        };
                        dispatcher.dispatch(Action::Export(action));
                    });
                    let mut asked = None;
                    tools.ask(
                        |id| {
                            asked = Some(Asked {
                                id,
                                format,
                                revision,
                                lang,
                            });
                            GenerateRequest::Export(ExportRequest::new(id, &plan, format, lang, serial))
                        },
                        on_reply,
                    );
                    if let Some(asked) = asked {
                        gen.dispatch(Action::Export(ExportAction::Asked(asked)));
                    }
                }
            }
        });
    }

    let Some(gen) = gen else {
        return Html::default();
    };
    let exports = &gen.exports;
    let on_format = {
        let gen = gen.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            gen.dispatch(Action::Export(ExportAction::Choose(ExportFormat::from_key(
                &value,
            ))));
        })
    };
    // Fetch the writer as soon as the user shows interest in the box.
    let prefetch = {
        let tools = tools.clone();
        Callback::from(move |_: FocusEvent| {
            if let Some(tools) = &tools {
                tools.load();
            }
        })
    };
    let prefetch_pointer = {
        let tools = tools.clone();
        Callback::from(move |_: PointerEvent| {
            if let Some(tools) = &tools {
                tools.load();
            }
        })
    };
    let retry = {
        let gen = gen.clone();
        Callback::from(move |_: MouseEvent| gen.dispatch(Action::Export(ExportAction::Retry)))
    };
    let chosen = exports.format.map(ExportFormat::key).unwrap_or("");
    html! {
        <section class="exports" id="tool-exports" aria-labelledby="tool-exports-title"
            onfocusin={prefetch} onpointerenter={prefetch_pointer}>
            <h3 id="tool-exports-title">{ t(code::ui::GEN_EXPORTS) }</h3>
            <p class="help">{ t(code::ui::GEN_EXPORTS_HELP) }</p>
            <label for="export-format">{ t(code::ui::GEN_EXPORT_FORMAT) }</label>
            <select id="export-format" onchange={on_format}>
                <option value="" selected={chosen.is_empty()}>{ t(code::ui::GEN_EXPORT_CHOOSE) }</option>
                { for ExportFormat::ALL.iter().map(|f| html! {
                    <option value={f.key()} selected={chosen == f.key()}>{ f.label() }</option>
                }) }
            </select>
            <div class="export-result" aria-live="polite" data-export-state={match &exports.result {
                ExportResult::Nothing => "none",
                ExportResult::Waiting => "waiting",
                ExportResult::Files(_) => "files",
                ExportResult::Failed(_) => "failed",
            }}>
                { match &exports.result {
                    ExportResult::Nothing => Html::default(),
                    ExportResult::Waiting => html! { <p class="help">{ t(code::ui::GEN_EXPORT_WRITING) }</p> },
                    ExportResult::Failed(reason) => html! {
                        <p class="error" role="alert">
                            { i18n::fill(&t(code::ui::GEN_EXPORT_FAILED), &[("reason", reason.clone())]) }
                            {" "}
                            <button type="button" id="export-retry" onclick={retry}>{ t(code::ui::GEN_EXPORT_RETRY) }</button>
                        </p>
                    },
                    ExportResult::Files(files) => html! {
                        { for files.iter().map(|f| {
                            let download = {
                                let f = f.clone();
                                Callback::from(move |_: MouseEvent| {
                                    // A refused download leaves the text on screen to copy.
                                    let _ = browser::download(&f.name, &f.media_type, &f.content);
                                })
                            };
                            let download_label = i18n::fill(&t(code::ui::GEN_EXPORT_DOWNLOAD), &[("name", f.name.clone())]);
                            html! {
                                <figure class="export-file" data-file={f.name.clone()}>
                                    <figcaption>
                                        <code>{ f.name.clone() }</code>
                                        <CopyButton text={AttrValue::from(f.content.clone())} label={AttrValue::from(f.name.clone())} />
                                        <button type="button" class="download" onclick={download}>{ download_label }</button>
                                    </figcaption>
                                    <pre tabindex="0"><code>{ f.content.clone() }</code></pre>
                                </figure>
                            }
                        }) }
                    },
                } }
            </div>
        </section>
    }
}
