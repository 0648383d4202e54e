//! Downloads (BIND zone file, CSV, JSON) and the share link.
//!
//! The files are written by the tools worker (`crate::worker::tools`), like
//! the exports for other tools: their writers are not part of the first
//! view. The worker is fetched as soon as the pointer or focus reaches the
//! toolbar, so it is usually there by the click; the download starts when
//! the file comes back.

use crate::export::tools::ExportFormat;
use crate::generate::RecordSet;
use crate::i18n;
use crate::i18n::code;
use crate::offload::{ExportRequest, GenerateRequest, Reply};
use crate::page::generate::{Action, Notice};
use crate::ui::browser;
use crate::ui::codec;
use crate::ui::context::{use_gen, use_lang, use_tools};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub set: Rc<RecordSet>,
    pub on_share: Callback<()>,
    /// A download the browser refused, by its catalogue code.
    pub on_failed: Callback<String>,
}

/// Today's zone serial, `YYYYMMDD01` (RFC 1912 §2.2 date convention).
pub(super) fn today_serial() -> u32 {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    y.saturating_mul(1_000_000)
        .saturating_add(m.saturating_mul(10_000))
        .saturating_add(d.saturating_mul(100))
        .saturating_add(1)
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let lang = use_lang();
    let t = |code: &str| i18n::text(lang, code).to_string();
    let gen = use_gen();
    let tools = use_tools();
    let offer = |format: ExportFormat| {
        let (failed, gen, tools) = (props.on_failed.clone(), gen.clone(), tools.clone());
        Callback::from(move |_: MouseEvent| {
            let (Some(gen), Some(tools)) = (gen.clone(), tools.clone()) else {
                return;
            };
            let plan = gen.plan.clone();
            let failed = failed.clone();
            let notify = gen.dispatcher();
            let on_reply = Callback::from(move |reply: Reply| match reply {
                Reply::Exported { files, .. } => {
                    for f in files {
                        if let Err(e) = browser::download(&f.name, &f.media_type, &f.content) {
                            failed.emit(e);
                        }
                    }
                }
                Reply::Refused { reason, .. } => gen.dispatch(Action::Notify(Notice {
                    code: code::ui::GEN_EXPORT_UNAVAILABLE,
                    error: true,
                    detail: Some(reason),
                })),
                _ => {}
            });
            // The plan's writer first (fetched when idle; at once if not yet).
            wasm_bindgen_futures::spawn_local(async move {
                let json = match codec::with(codec::Op::WriteRequestPlan(Box::new(plan))).await {
                    Ok(codec::Out::Text(json)) => json,
                    Ok(_) => return,
                    Err(reason) => {
                        notify.dispatch(Action::Notify(Notice {
                            code: code::ui::GEN_EXPORT_UNAVAILABLE,
                            error: true,
                            detail: Some(reason),
                        }));
                        return;
                    }
                };
                tools.ask(
                    |id| {
                        GenerateRequest::Export(ExportRequest::with_plan_json(
                            id,
                            json,
                            format,
                            lang,
                            today_serial(),
                        ))
                    },
                    on_reply,
                );
            });
        })
    };
    let prefetch = {
        let tools = tools.clone();
        move || {
            if let Some(tools) = &tools {
                tools.load();
            }
        }
    };
    let on_focus = {
        let prefetch = prefetch.clone();
        Callback::from(move |_: FocusEvent| prefetch())
    };
    let on_pointer = Callback::from(move |_: PointerEvent| prefetch());
    let share = props.on_share.reform(|_: MouseEvent| ());
    html! {
        <div class="toolbar" role="group" aria-label={t(code::ui::GEN_DOWNLOADS)}
            onfocusin={on_focus} onpointerenter={on_pointer}>
            <button type="button" id="download-zone" onclick={offer(ExportFormat::Zone)}>{ t(code::ui::GEN_DOWNLOAD_ZONE) }</button>
            <button type="button" id="download-csv" onclick={offer(ExportFormat::Csv)}>{ t(code::ui::GEN_DOWNLOAD_CSV) }</button>
            <button type="button" id="download-json" onclick={offer(ExportFormat::Json)}>{ t(code::ui::GEN_DOWNLOAD_JSON) }</button>
            <button type="button" id="share-link" class="primary" onclick={share}>{ t(code::ui::GEN_SHARE) }</button>
        </div>
    }
}
