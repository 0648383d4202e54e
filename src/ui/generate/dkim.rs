//! DKIM: selector, key size, "Generate key pair" (WebCrypto) or a pasted
//! public key, and an optional Ed25519 key beside the RSA one.

use super::choice::{checkbox, select, CheckboxProps, SelectProps};
use super::field::{text_field, TextFieldProps};
use crate::i18n;
use crate::i18n::code;
use crate::page::generate::Keygen;
use crate::page::plan_edit::{DkimEdit, PlanEdit};
use crate::plan::{DkimAlgorithm, DkimInput, PlanErrors};
use crate::ui::context::use_lang;
use crate::ui::dkim_keygen::KeyKind;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DkimProps {
    pub dkim: DkimInput,
    pub findings: PlanErrors,
    pub keygen: Keygen,
    pub show_ed25519: bool,
    /// The selector can name a key (not empty, no error): generating is on.
    pub rsa_ready: bool,
    pub ed25519_ready: bool,
    pub on_edit: Callback<PlanEdit>,
    pub on_generate: Callback<KeyKind>,
    pub on_show_ed25519: Callback<bool>,
}

fn algorithm_value(a: DkimAlgorithm) -> &'static str {
    match a {
        DkimAlgorithm::Rsa2048 => "rsa-2048",
        DkimAlgorithm::Rsa1024 => "rsa-1024",
        DkimAlgorithm::Rsa4096 => "rsa-4096",
    }
}

#[component]
pub fn DkimSection(props: &DkimProps) -> Html {
    let lang = use_lang();
    let t = |code: &str| i18n::text(lang, code).to_string();
    let f = &props.findings;
    let d = &props.dkim;
    let text = |edit: fn(String) -> DkimEdit| props.on_edit.reform(move |v: String| PlanEdit::Dkim(edit(v)));
    let on_alg = props.on_edit.reform(|v: String| {
        let a = match v.as_str() {
            "rsa-1024" => DkimAlgorithm::Rsa1024,
            "rsa-4096" => DkimAlgorithm::Rsa4096,
            _ => DkimAlgorithm::Rsa2048,
        };
        PlanEdit::Dkim(DkimEdit::Algorithm(a))
    });
    let options = [
        ("rsa-2048", code::ui::GEN_DKIM_ALG_RSA_2048),
        ("rsa-1024", code::ui::GEN_DKIM_ALG_RSA_1024),
        ("rsa-4096", code::ui::GEN_DKIM_ALG_RSA_4096),
    ]
    .iter()
    .map(|(v, label)| ((*v).into(), t(label).into()))
    .collect::<Vec<_>>();
    let running = props.keygen == Keygen::Running;
    let bits = d.algorithm.bits();
    let gen_rsa = props.on_generate.reform(move |_: MouseEvent| KeyKind::Rsa(bits));
    let gen_ed = props.on_generate.reform(|_: MouseEvent| KeyKind::Ed25519);
    let status = match &props.keygen {
        Keygen::Idle => html! {},
        Keygen::Running => html! { <p class="help">{ t(code::ui::GEN_DKIM_GENERATING) }</p> },
        Keygen::Failed(e) => html! {
            <p class="help error" data-error-code={code::ui::GEN_DKIM_KEYGEN_FAILED}>
                <strong>{ t(code::ui::GEN_SEVERITY_ERROR) }{ ": " }</strong>
                { i18n::fill(i18n::text(lang, code::ui::GEN_DKIM_KEYGEN_FAILED), &[("error", e.clone())]) }
            </p>
        },
    };
    html! {
        <details class="section" id="section-dkim" open=true>
            <summary>{ t(code::ui::GEN_DKIM) }</summary>
            <p class="help">{ t(code::ui::GEN_DKIM_HELP) }</p>
            <div class="grid">
                { text_field(lang, &yew::props!(TextFieldProps { id: "dkim-selector", label: t(code::ui::GEN_DKIM_SELECTOR), value: d.selector.clone(), findings: f.get("dkim.selector").to_vec(), on_input: text(DkimEdit::Selector) })) }
                { select(&yew::props!(SelectProps { id: "dkim-algorithm", label: t(code::ui::GEN_DKIM_ALGORITHM), value: algorithm_value(d.algorithm), options, on_change: on_alg })) }
            </div>
            <div class="actions" role="status" aria-live="polite">
                <button type="button" id="dkim-generate" class="primary" disabled={running || !props.rsa_ready} onclick={gen_rsa}>
                    { t(code::ui::GEN_DKIM_GENERATE) }
                </button>
                { status }
            </div>
            { text_field(lang, &yew::props!(TextFieldProps { id: "dkim-public-key", label: t(code::ui::GEN_DKIM_PUBLIC_KEY), value: d.public_key.clone(), multiline: true, help: t(code::ui::GEN_DKIM_PUBLIC_KEY_HELP), findings: f.get("dkim.public_key").to_vec(), on_input: text(DkimEdit::PublicKey) })) }
            { checkbox(&yew::props!(CheckboxProps { id: "dkim-ed25519", label: t(code::ui::GEN_DKIM_ED25519), checked: props.show_ed25519, on_change: props.on_show_ed25519.clone() })) }
            if props.show_ed25519 {
                <div class="sub">
                    { text_field(lang, &yew::props!(TextFieldProps { id: "dkim-ed25519-selector", label: t(code::ui::GEN_DKIM_ED25519_SELECTOR), value: d.ed25519_selector.clone(), findings: f.get("dkim.ed25519_selector").to_vec(), on_input: text(DkimEdit::Ed25519Selector) })) }
                    <button type="button" id="dkim-generate-ed25519" disabled={running || !props.ed25519_ready} onclick={gen_ed}>
                        { t(code::ui::GEN_DKIM_GENERATE_ED25519) }
                    </button>
                    { text_field(lang, &yew::props!(TextFieldProps { id: "dkim-ed25519-public-key", label: t(code::ui::GEN_DKIM_ED25519_PUBLIC_KEY), value: d.ed25519_public_key.clone(), multiline: true, findings: f.get("dkim.ed25519_public_key").to_vec(), on_input: text(DkimEdit::Ed25519PublicKey) })) }
                </div>
            }
        </details>
    }
}
