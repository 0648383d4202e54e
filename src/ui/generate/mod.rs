//! The Generate half of the page: the plan form and the record set. State
//! lives in [`state`], side effects (storage, URL, clipboard, WebCrypto) in
//! [`handlers`]; this component lays the sections out, simple first.

mod choice;
mod dkim;
mod dmarc;
mod extras;
mod field;
mod findings;
mod handlers;
mod hosts;
mod list_field;
mod mta_sts;
mod notices;
mod output;
mod persist;
mod policy_file;
mod private_key;
mod ptr_requests;
mod records;
mod spf;
mod state;
mod toolbar;
mod ttl;

use crate::i18n::{self, Lang};
use crate::plan::HostInput;
use crate::ui::components::domain_field::DomainField;
use state::{edit, Action, GenState, Notice, PlanEdit};
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
        GenState::new(plan, key, notices, persist::load_panel())
    });

    handlers::use_persistence(&state);
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
    let on_generate = handlers::keygen(state.clone());
    let on_share = handlers::share(state.clone());
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
        Callback::from(move |p| {
            persist::save_panel(p);
            state.dispatch(Action::SetPanel(p))
        })
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
    html! {
        <div class="generate">
            <div class="head">
                <p class="intro">{ t("ui.generate.intro") }{ " " }
                    <a href={if s.set.is_some() { "#records-title" } else { "#records-none" }} class="jump">{ t("ui.gen.jump") }</a></p>
                <notices::Notices {lang} notices={s.notices.clone()} {on_dismiss} />
            </div>
            <form class="plan-form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <fieldset class="section basics">
                    <legend>{ t("ui.gen.basics") }</legend>
                    <DomainField {lang} value={s.plan.domain.clone()} parsed={s.domain.clone()} on_input={on_domain} />
                    <hosts::Hosts {lang} prefix="hosts" hosts={s.plan.hosts.clone()} findings={s.findings.clone()}
                        first_name_placeholder={s.default_host.clone().map(AttrValue::from)} on_change={on_hosts} />
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
            <output::Output {lang} set={s.set.clone()} rows={s.rows.clone()} panel={s.panel}
                errors={s.errors.clone()} {on_share} {on_failed} {on_panel} />
        </div>
    }
}
