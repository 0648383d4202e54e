//! All page state in one place: the state, the actions that change it, and
//! the reducer. No DOM code here.

use crate::i18n::Lang;
use crate::model::{Name, NameError};
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
    pub domain_input: String,
    /// The parsed domain, or why it is not one; `None` while the field is empty.
    pub domain: Option<Result<Name, NameError>>,
}

impl AppState {
    pub fn new(lang: Lang) -> Self {
        AppState {
            lang,
            view: View::Generate,
            domain_input: String::new(),
            domain: None,
        }
    }
}

pub enum Action {
    SetLang(Lang),
    Show(View),
    EditDomain(String),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Show(view) => next.view = view,
            Action::EditDomain(text) => {
                next.domain = if text.trim().is_empty() {
                    None
                } else {
                    Some(Name::host(&text))
                };
                next.domain_input = text;
            }
        }
        Rc::new(next)
    }
}
