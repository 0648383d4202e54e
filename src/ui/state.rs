//! The page-wide state: language and which half is shown. Each half keeps
//! its own reducer (`generate::state`, `check::state`). No DOM code here.

use crate::i18n::Lang;
use std::rc::Rc;
use yew::Reducible;

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
}

pub enum Action {
    SetLang(Lang),
    Show(View),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Show(view) => next.view = view,
        }
        Rc::new(next)
    }
}
