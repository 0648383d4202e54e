//! The page-wide state: language and which half is shown. Each half keeps
//! its own state (`super::generate`, `super::check`). No DOM code here.

use crate::i18n::Lang;

/// Which half of the tool is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Generate,
    Check,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub view: View,
}

impl AppState {
    pub fn new(lang: Lang) -> Self {
        AppState {
            lang,
            view: View::Generate,
        }
    }

    /// The state of a page that just opened with this URL fragment (without
    /// `#`): a check link (`check=...`) opens the Check half.
    pub fn opening(lang: Lang, fragment: &str) -> Self {
        let mut s = AppState::new(lang);
        if fragment.starts_with("check=") {
            s.view = View::Check;
        }
        s
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    SetLang(Lang),
    Show(View),
}

impl AppState {
    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SetLang(lang) => self.lang = lang,
            Action::Show(view) => self.view = view,
        }
    }
}
