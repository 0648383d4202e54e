//! The Generate half of the page: the plan form and the record set. State
//! lives in [`state`]; this component wires it to storage, the URL, the
//! clipboard and WebCrypto, and lays the sections out, simple first.

mod choice;
mod dkim;
mod dmarc;
mod extras;
mod field;
mod findings;
mod hosts;
mod list_field;
mod mta_sts;
mod notices;
mod persist;
mod policy_file;
mod private_key;
mod ptr_requests;
mod records;
mod spf;
mod state;
mod toolbar;
mod ttl;

use crate::generate;
use crate::i18n::{self, Lang};
use crate::plan::HostInput;
use crate::share;
use crate::ui::browser;
use crate::ui::components::domain_field::DomainField;
use crate::ui::dkim_keygen::{self, KeyKind};
use base64::Engine;
use state::{edit, Action, GenState, Notice, PlanEdit, PrivateKey};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GeneratePageProps {
    pub lang: Lang,
}

fn perf_mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

#[component]
pub fn GeneratePage(props: &GeneratePageProps) -> Html {
    let lang = props.lang;
    let t = |code: &str| i18n::text(lang, code).to_string();
    let state = use_reducer(|| {
        let (plan, key, notices) = persist::load();
        GenState::new(plan, key, notices)
    });

    // Save every change (never the private key); mark the render for the benchmark.
    use_effect_with(state.revision, {
        let state = state.clone();
        move |rev| {
            if *rev > 0 {
                if !persist::save(&state.plan) {
                    state.dispatch(Action::Notify(Notice {
                        code: "ui.gen.storage.refused",
                        error: true,
                        detail: None,
                    }));
                }
                // A share link in the URL no longer describes the edited plan:
                // drop it so that a reload opens the saved plan, not the old link.
                if browser::fragment().contains('=') {
                    browser::set_fragment("");
                }
            }
            if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                if p.get_entries_by_name("maildns-edit").length() > 0 {
                    let _ = p.measure_with_start_mark("maildns-regenerate", "maildns-edit");
                    p.clear_marks_with_mark_name("maildns-edit");
                }
            }
        }
    });
    use_effect_with((state.keep_private, state.private_key.clone()), |(keep, key)| {
        persist::keep_private_key(if *keep { key.as_ref() } else { None });
    });

    let on_edit: Callback<PlanEdit> = {
        let state = state.clone();
        Callback::from(move |e: PlanEdit| state.dispatch(Action::Edit(e)))
    };
    let on_domain = on_edit.reform(|v: String| {
        perf_mark("maildns-edit");
        edit(move |p| p.domain = v.clone())
    });
    let on_hosts = on_edit.reform(|h: Vec<HostInput>| edit(move |p| p.hosts = h.clone()));
    let on_backup = on_edit.reform(|h: Vec<HostInput>| edit(move |p| p.backup_mx = h.clone()));
    let on_generate = {
        let state = state.clone();
        Callback::from(move |kind: KeyKind| {
            let ed25519 = kind == KeyKind::Ed25519;
            let d = &state.plan.dkim;
            let selector = if ed25519 {
                d.ed25519_selector.clone()
            } else {
                d.selector.clone()
            };
            let state = state.clone();
            state.dispatch(Action::KeygenStarted);
            wasm_bindgen_futures::spawn_local(async move {
                match dkim_keygen::generate(kind).await {
                    Ok(pair) => state.dispatch(Action::KeyMade {
                        spki_b64: base64::engine::general_purpose::STANDARD.encode(&pair.spki),
                        private: PrivateKey {
                            selector,
                            pem: generate::pem("PRIVATE KEY", &pair.pkcs8),
                            ed25519,
                        },
                    }),
                    Err(e) => state.dispatch(Action::KeygenFailed(e)),
                }
            });
        })
    };
    let on_share = {
        let state = state.clone();
        Callback::from(move |_| {
            let fragment = share::encode(&state.plan);
            browser::set_fragment(&fragment);
            let url = browser::url_with_fragment(&fragment);
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let code = if browser::copy_text(&url).await.is_ok() {
                    "ui.gen.share.copied"
                } else {
                    "ui.gen.share.made"
                };
                state.dispatch(Action::Notify(Notice {
                    code,
                    error: false,
                    detail: Some(url),
                }));
            });
        })
    };
    let dispatch = |a: fn(bool) -> Action| {
        let state = state.clone();
        Callback::from(move |on: bool| state.dispatch(a(on)))
    };
    let on_failed = {
        let state = state.clone();
        Callback::from(move |e: String| {
            state.dispatch(Action::Notify(Notice {
                code: "ui.gen.download.failed",
                error: true,
                detail: Some(e),
            }))
        })
    };
    let on_panel = {
        let state = state.clone();
        Callback::from(move |p| state.dispatch(Action::SetPanel(p)))
    };
    let on_forget = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ForgetPrivateKey))
    };
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissNotices))
    };
    let s = &*state;
    // Every error of the form in one list, so none hides in a closed section.
    let errors: Vec<_> = s
        .findings
        .iter()
        .filter(|(_, f)| f.severity == crate::finding::Severity::Error)
        .map(|(_, f)| f.clone())
        .collect();
    let placeholder = s
        .domain
        .as_ref()
        .and_then(|d| d.as_ref().ok())
        .map(|d| AttrValue::from(format!("mail.{}", d.as_str())));
    html! {
        <div class="generate">
            <p class="intro">{ t("ui.generate.intro") }{ " " }
                <a href={if s.set.is_some() { "#records-title" } else { "#records-none" }} class="jump">{ t("ui.gen.jump") }</a></p>
            <notices::Notices {lang} notices={s.notices.clone()} {on_dismiss} />
            <form class="plan-form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <fieldset class="section basics">
                    <legend>{ t("ui.gen.basics") }</legend>
                    <DomainField {lang} value={s.plan.domain.clone()} parsed={s.domain.clone()} on_input={on_domain} />
                    <hosts::Hosts {lang} prefix="hosts" hosts={s.plan.hosts.clone()} findings={s.findings.clone()}
                        first_name_placeholder={placeholder} on_change={on_hosts} />
                </fieldset>
                <details class="section" id="section-backup">
                    <summary>{ t("ui.gen.backup_mx") }</summary>
                    <hosts::Hosts {lang} prefix="backup_mx" hosts={s.plan.backup_mx.clone()} findings={s.findings.clone()}
                        on_change={on_backup} />
                </details>
                <spf::SpfSection {lang} spf={s.plan.spf.clone()} findings={s.findings.clone()} on_edit={on_edit.clone()} />
                <dkim::DkimSection {lang} dkim={s.plan.dkim.clone()} findings={s.findings.clone()} keygen={s.keygen.clone()}
                    show_ed25519={s.show_ed25519} on_edit={on_edit.clone()} {on_generate}
                    on_show_ed25519={dispatch(Action::ShowEd25519)} />
                if let Some(key) = &s.private_key {
                    <private_key::PrivateKeyPanel {lang} private={key.clone()} snippets={s.snippets.clone()}
                        keep={s.keep_private} on_keep={dispatch(Action::KeepPrivate)} {on_forget} />
                }
                <dmarc::DmarcSection {lang} dmarc={s.plan.dmarc.clone()} findings={s.findings.clone()} on_edit={on_edit.clone()} />
                <mta_sts::MtaStsSection {lang} mta_sts={s.plan.mta_sts.clone()} tls_rpt={s.plan.tls_rpt.clone()}
                    findings={s.findings.clone()} on_edit={on_edit.clone()} />
                <ttl::TtlSection {lang} ttl={s.plan.ttl.clone()} findings={s.findings.clone()} on_edit={on_edit.clone()} />
                <extras::ExtrasSection {lang} plan={s.plan.clone()} findings={s.findings.clone()} on_edit={on_edit.clone()} />
            </form>
            <div class="output" aria-live="polite">
                if let Some(set) = &s.set {
                    <toolbar::Toolbar {lang} set={set.clone()} {on_share} {on_failed} />
                    <records::Records {lang} set={set.clone()} rows={s.rows.clone()} panel={s.panel} {on_panel} />
                    if !set.ptr_requests.is_empty() {
                        <ptr_requests::PtrRequests {lang} requests={set.ptr_requests.clone()} />
                    }
                    if let Some(policy) = &set.mta_sts_policy {
                        <policy_file::PolicyFile {lang} policy={policy.clone()} />
                    }
                    if !set.findings.is_empty() {
                        <findings::FindingsList {lang} findings={set.findings.clone()} title="ui.gen.findings" id="gen-findings" />
                    }
                } else {
                    <p class="help" id="records-none" tabindex="-1">{ t("ui.gen.records.none") }</p>
                    if s.findings.has_errors() {
                        <findings::FindingsList {lang} findings={errors} title="ui.gen.errors" id="gen-errors" top=true />
                    }
                }
            </div>
        </div>
    }
}
