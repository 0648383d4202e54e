//! The page-wide state: language and which half is shown. Each half keeps
//! its own state (`super::generate`, `super::check`). No DOM code here.

use crate::finding::Finding;
use crate::i18n::{code, Lang};

/// Which half of the tool is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Generate,
    Check,
    /// The message test (`super::message`).
    Message,
}

/// A part of the page that is fetched when first needed (the checker's
/// worker, the Check half's code).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Lazy {
    /// Not asked for yet.
    #[default]
    NotLoaded,
    Loading,
    Ready,
    /// Loading failed, for this reason (a technical detail, shown as is
    /// under the translated message); the user can retry.
    Failed(String),
}

impl Lazy {
    /// The state as one word, for tests and styles (`data-lazy-state`).
    pub fn word(&self) -> &'static str {
        match self {
            Lazy::NotLoaded => "idle",
            Lazy::Loading => "loading",
            Lazy::Ready => "ready",
            Lazy::Failed(_) => "failed",
        }
    }

    /// The notice for what could not run because the checker did not
    /// load, with the reason: the same words in the Check half, the what-if
    /// box and the SPF builder.
    pub fn unavailable(reason: &str) -> Finding {
        Finding::error(code::ui::CHECKER_FAILED, "", "").arg("reason", reason)
    }

    /// The same for another part of the page (the Generate half's closed
    /// sections, the plan's reader): not named "the checker".
    pub fn part_unavailable(reason: &str) -> Finding {
        Finding::error(code::ui::PART_FAILED, "", "").arg("reason", reason)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub view: View,
    /// The checker's worker (`ui::checker`).
    pub checker: Lazy,
    /// The Check half's own code, a part of the page's module split off
    /// at build time (`ui::check_half`, scripts/split.py).
    pub check_half: Lazy,
    /// The message test's code, split off the same way (`ui::message`).
    pub message_half: Lazy,
    /// A language the switch asked for whose texts are not there yet
    /// (each language's texts are a part of the page's module,
    /// `ui::texts`): coming, or why they did not come. The page keeps
    /// speaking `lang` meanwhile.
    pub asked_lang: Option<(Lang, Lazy)>,
}

impl AppState {
    pub fn new(lang: Lang) -> Self {
        AppState {
            lang,
            view: View::Generate,
            checker: Lazy::NotLoaded,
            check_half: Lazy::NotLoaded,
            message_half: Lazy::NotLoaded,
            asked_lang: None,
        }
    }

    /// The state of a page that just opened with this URL fragment (without
    /// `#`): a check link (`check=...`) opens the Check half, `#message`
    /// the message test.
    pub fn opening(lang: Lang, fragment: &str) -> Self {
        let mut s = AppState::new(lang);
        if fragment.starts_with("check=") {
            s.view = View::Check;
        } else if fragment == "message" {
            s.view = View::Message;
        }
        s
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    SetLang(Lang),
    /// Where the texts of a language the switch asked for stand; `Ready`
    /// shows it, if it is still the one asked for.
    LangTexts(Lang, Lazy),
    Show(View),
    Checker(Lazy),
    CheckHalf(Lazy),
    MessageHalf(Lazy),
}

impl AppState {
    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SetLang(lang) => {
                self.lang = lang;
                self.asked_lang = None;
            }
            // The texts came: the page switches only if that language is
            // still the one asked for (the user may have gone back).
            Action::LangTexts(lang, Lazy::Ready) => {
                if matches!(&self.asked_lang, Some((asked, _)) if *asked == lang) {
                    self.lang = lang;
                    self.asked_lang = None;
                }
            }
            // A new ask (a click, a retry).
            Action::LangTexts(lang, Lazy::Loading) => {
                if lang != self.lang {
                    self.asked_lang = Some((lang, Lazy::Loading));
                }
            }
            // A failure is told only for the language still asked for.
            Action::LangTexts(lang, state) => {
                if matches!(&self.asked_lang, Some((asked, _)) if *asked == lang) {
                    self.asked_lang = Some((lang, state));
                }
            }
            Action::Show(view) => self.view = view,
            Action::Checker(state) => self.checker = state,
            // Code once loaded stays loaded: a late report of a second
            // attempt never takes the Check half away.
            Action::CheckHalf(state) => {
                if self.check_half != Lazy::Ready {
                    self.check_half = state;
                }
            }
            Action::MessageHalf(state) => {
                if self.message_half != Lazy::Ready {
                    self.message_half = state;
                }
            }
        }
    }
}
