//! The Generate half's side effects, kept out of the layout: saving the
//! plan and the opted-in private key, the benchmark's render measure,
//! WebCrypto key generation and the share link.

use super::persist;
use crate::generate;
use crate::i18n::code;
use crate::page::generate::{Action, GenState, Notice, PrivateKey};
use crate::share;
use crate::ui::browser;
use crate::ui::codec;
use crate::ui::dkim_keygen::{self, KeyKind};
use base64::Engine;
use yew::prelude::*;

/// Saves every change (never the private key) and keeps or deletes the
/// private key as the user chose; measures each edit's regenerate + render.
#[hook]
pub fn use_persistence(state: &UseReducerHandle<GenState>) {
    use_effect_with(state.revision, {
        let state = state.clone();
        move |rev| {
            // Saved at once too, so that the Check half's "verify my plan"
            // sees the plan on screen, also one just opened from a link.
            let dispatcher = state.dispatcher();
            persist::save(&state.plan, move |n| dispatcher.dispatch(Action::Notify(n)));
            // A share link in the URL no longer describes an edited plan:
            // drop it so that a reload opens the saved plan, not the old link.
            if *rev > 0 && share::is_share_fragment(&browser::fragment()) {
                browser::set_fragment("");
            }
            if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                if p.get_entries_by_name("maildns-edit").length() > 0 {
                    let _ = p.measure_with_start_mark("maildns-regenerate", "maildns-edit");
                    p.clear_marks_with_mark_name("maildns-edit");
                }
            }
        }
    });
    use_effect_with(state.private_keys.clone(), |keys| {
        persist::keep_private_keys(keys)
    });
    use_effect_with(state.displaced.clone(), |displaced| {
        persist::keep_displaced(displaced.as_ref());
    });
    use_effect_with(state.displaced.clone(), |displaced| {
        persist::keep_displaced(displaced.as_ref());
    });
}

/// "Generate key pair": makes the pair, puts the public key into the plan
/// and keeps the private key in the state only.
pub fn keygen(state: UseReducerHandle<GenState>) -> Callback<KeyKind> {
    Callback::from(move |kind: KeyKind| {
        let ed25519 = kind == KeyKind::Ed25519;
        // Never a key for an empty or bad selector (the button is off then).
        if !state.selector_ready(ed25519) {
            return;
        }
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
                    private: PrivateKey::new(
                        &selector,
                        generate::pem("PRIVATE KEY", &pair.pkcs8),
                        ed25519,
                        false,
                    ),
                }),
                Err(e) => state.dispatch(Action::KeygenFailed(e)),
            }
        });
    })
}

/// "Share link": the plan into the URL fragment, the full URL to the
/// clipboard (the plan's writer fetched first, when it is not there yet).
pub fn share(state: UseReducerHandle<GenState>) -> Callback<()> {
    Callback::from(move |_| {
        let state = state.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let fragment = match codec::with(codec::Op::WriteShare(Box::new(state.plan.clone()))).await {
                Ok(codec::Out::Text(fragment)) => fragment,
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
            state.dispatch(Action::Withdraw(code::ui::GEN_CODEC_FAILED));
            browser::set_fragment(&fragment);
            let url = browser::url_with_fragment(&fragment);
            let code = if browser::copy_text(&url).await.is_ok() {
                code::ui::GEN_SHARE_COPIED
            } else {
                code::ui::GEN_SHARE_MADE
            };
            state.dispatch(Action::Notify(Notice {
                code,
                error: false,
                detail: Some(url),
            }));
        });
    })
}
