//! The Generate half of the page: the plan form and the record set. State
//! lives in [`state`], side effects (storage, URL, clipboard, WebCrypto) in
//! [`handlers`]; this component lays the sections out, simple first.

mod choice;
mod dkim;
mod dmarc;
mod exports;
mod extras;
mod field;
mod findings;
mod handlers;
mod hosts;
mod import;
mod list_field;
pub mod more;
mod mta_sts;
mod notices;
mod output;
mod persist;
mod policy_file;
mod private_key;
mod ptr_requests;
mod records;
mod spf;
mod spf_lookups;
mod toolbar;
mod ttl;

use crate::i18n;
use crate::page::app::Lazy;
use crate::page::generate::{Action, ImportState, Notice};
use crate::page::plan_edit::{HostEdit, HostList, PlanEdit};
use crate::share;
use crate::ui::browser;
use crate::ui::checker::when_idle;
use crate::ui::codec;
use crate::ui::components::domain_field::{domain_field, DomainFieldProps};
use crate::ui::components::lazy_line::{lazy_line, LazyWords};
use crate::ui::context::{make_callback, use_gen, use_lang, use_tools};
use yew::prelude::*;

use crate::i18n::code;
pub use more::MoreLoader;
pub use persist::{initial_state, plan_to_read};

fn perf_mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

#[derive(Properties, PartialEq)]
pub struct GeneratePageProps {
    /// Fetch the closed sections' bodies when the browser is next idle
    /// (the root decides when: `ui::app`).
    pub prefetch: bool,
}

#[component]
pub fn GeneratePage(props: &GeneratePageProps) -> Html {
    let lang = use_lang();
    let t = |code: &str| i18n::text(lang, code).to_string();
    // The root owns the state: the Check half reads the plan too.
    let tools = use_tools();
    let Some(state) = use_gen() else {
        return html! {};
    };

    handlers::use_persistence(&state);
    let on_edit: Callback<PlanEdit> = make_callback(&state, Action::Edit);
    let on_domain = on_edit.reform(|v: String| {
        perf_mark("maildns-edit");
        PlanEdit::Domain(v)
    });
    let on_hosts = on_edit.reform(|e: HostEdit| PlanEdit::Hosts(HostList::Mail, e));
    let on_backup = on_edit.reform(|e: HostEdit| PlanEdit::Hosts(HostList::Backup, e));
    let on_generate = handlers::keygen(state.clone());
    let on_share = handlers::share(state.clone());
    let on_failed = make_callback(&state, |e: String| {
        Action::Notify(Notice {
            code: code::ui::GEN_DOWNLOAD_FAILED,
            error: true,
            detail: Some(e),
        })
    });
    let on_panel = make_callback(&state, |p| {
        persist::save_panel(p);
        Action::SetPanel(p)
    });
    let on_forget = make_callback(&state, |ed25519| Action::ForgetPrivateKey { ed25519 });
    let on_keep = make_callback(&state, |(ed25519, keep)| Action::KeepPrivate { ed25519, keep });
    let on_dismiss = make_callback(&state, |_: ()| Action::DismissNotices);
    let on_restore = make_callback(&state, |_: ()| Action::RestoreDisplaced);
    let on_retry = {
        let state = state.clone();
        Callback::from(move |()| {
            if persist::unread() {
                browser::reload();
                return;
            }
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if codec::load().await.is_ok() {
                    state.dispatch(Action::Withdraw(code::ui::GEN_CODEC_FAILED));
                    let dispatcher = state.dispatcher();
                    persist::save(&state.plan, move |n| dispatcher.dispatch(Action::Notify(n)));
                }
            });
        })
    };
    // A share link pasted into the address bar of the open page opens at
    // once (its reader fetched first, when it is not there yet).
    {
        let state = state.clone();
        browser::use_fragment_change(move |fragment: String| {
            if !share::is_share_fragment(&fragment) {
                return;
            }
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let read = match codec::with(codec::Op::ReadShare(fragment)).await {
                    Ok(codec::Out::Shared(read)) => read,
                    Ok(_) => return,
                    Err(reason) => {
                        state.dispatch(Action::Notify(Notice {
                            code: code::ui::GEN_CODEC_FAILED,
                            error: true,
                            detail: Some(reason),
                        }));
                        return;
                    }
                };
                match read {
                    Ok(plan) => state.dispatch(Action::OpenShared(Box::new(plan))),
                    Err(e) => state.dispatch(Action::Notify(Notice {
                        code: e.code(),
                        error: true,
                        detail: None,
                    })),
                }
            });
        });
    }
    // The closed sections' bodies: fetched when idle, or when one is opened.
    let more = use_state(|| {
        if more::ready() {
            Lazy::Ready
        } else {
            Lazy::NotLoaded
        }
    });
    let load_more = {
        let more = more.clone();
        Callback::from(move |()| {
            if more::ready() {
                return;
            }
            more.set(Lazy::Loading);
            let more = more.clone();
            wasm_bindgen_futures::spawn_local(async move {
                more.set(match more::load().await {
                    Ok(()) => Lazy::Ready,
                    Err(reason) => Lazy::Failed(reason),
                });
            });
        })
    };
    {
        let load_more = load_more.clone();
        use_effect_with(props.prefetch, move |prefetch| {
            if *prefetch {
                when_idle(move || load_more.emit(()));
            }
        });
    }
    // A section's body, or while its part is not there its loading line.
    let body_of = |which: more::Section| match (&*more, more::render(which)) {
        (_, Some(body)) => body,
        (state, None) => lazy_line(
            lang,
            state,
            Some(load_more.reform(|_: MouseEvent| ())),
            "retry-more-sections",
            LazyWords::PART,
        ),
    };
    let closed = |id: &'static str,
                  title: &'static str,
                  which: more::Section,
                  class: &'static str,
                  data: Option<&'static str>| {
        let tools = tools.clone();
        let ontoggle = load_more.reform(move |_: Event| {
            // Starting from published records needs the tools worker too.
            if which == more::Section::Import {
                if let Some(tools) = &tools {
                    tools.load();
                }
            }
        });
        let body = body_of(which);
        html! {
            <details class={classes!("section", class)} {id} {ontoggle} data-import-state={data}>
                <summary>{ t(title) }</summary>
                { body }
            </details>
        }
    };
    let s = &*state;
    let import_state = match &s.import {
        ImportState::Idle => "idle",
        ImportState::Reading => "reading",
        ImportState::Failed(_) => "failed",
    };
    html! {
        <div class="generate">
            <div class="head">
                <p class="intro">{ t(code::ui::GENERATE_INTRO) }{ " " }
                    <a href={if s.set.is_some() { "#records-title" } else { "#records-none" }} class="jump">{ t(code::ui::GEN_JUMP) }</a></p>
                { notices::notices(lang, &yew::props!(notices::NoticesProps { notices: s.notices.clone(), on_dismiss, on_restore, on_retry })) }
                { import::adoption(lang, &state) }
                { closed("import-box", code::ui::GEN_IMPORT, more::Section::Import, "import", Some(import_state)) }
            </div>
            <form class="plan-form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <fieldset class="section basics">
                    <legend>{ t(code::ui::GEN_BASICS) }</legend>
                    { domain_field(lang, &yew::props!(DomainFieldProps { value: s.plan.domain.clone(), parsed: s.domain.clone(), findings: s.findings.get("domain").to_vec(), on_input: on_domain })) }
                    <hosts::Hosts prefix="hosts" hosts={s.plan.hosts.clone()} findings={s.findings.clone()}
                        first_name_placeholder={s.default_host.clone().map(AttrValue::from)} on_edit={on_hosts} />
                </fieldset>
                <details class="section" id="section-backup">
                    <summary>{ t(code::ui::GEN_BACKUP_MX) }</summary>
                    <hosts::Hosts prefix="backup_mx" hosts={s.plan.backup_mx.clone()} findings={s.findings.clone()}
                        on_edit={on_backup} />
                </details>
                { closed("section-spf", code::ui::GEN_SPF, more::Section::Spf, "", None) }
                <dkim::DkimSection dkim={s.plan.dkim.clone()} findings={s.findings.clone()} keygen={s.keygen.clone()}
                    show_ed25519={s.show_ed25519} rsa_ready={s.selector_ready(false)} ed25519_ready={s.selector_ready(true)} on_edit={on_edit.clone()} {on_generate}
                    on_show_ed25519={make_callback(&state, Action::ShowEd25519)} />
                { for s.private_keys.iter().map(|key| html! {
                    { private_key::private_key_panel(lang, &yew::props!(private_key::PrivateKeyProps { private: key.clone(), on_keep: on_keep.clone(), on_forget: on_forget.clone() })) }
                }) }
                <dmarc::DmarcSection dmarc={s.plan.dmarc.clone()} findings={s.findings.clone()} on_edit={on_edit.clone()} />
                { closed("section-mta-sts", code::ui::GEN_MTA_STS, more::Section::MtaSts, "", None) }
                { closed("section-ttl", code::ui::GEN_TTL, more::Section::Ttl, "", None) }
                { closed("section-extras", code::ui::GEN_EXTRAS, more::Section::Extras, "", None) }
            </form>
            { output::output(lang, &yew::props!(output::OutputProps { set: s.set.clone(), rows: s.rows.clone(), panel: s.panel, errors: s.errors.clone(), on_share, on_failed, on_panel, exports: body_of(more::Section::Exports) })) }
        </div>
    }
}
