//! The page states of `crate::page` as yew reducers: each `reduce` clones
//! the state and calls its pure `apply`, so the rules are the ones the
//! native tests replay.

use crate::page::app::{self, AppState};
use crate::page::check::{self, CheckState};
use crate::page::generate::{self, GenState};
use crate::page::message::{MessageAction, MessageState};
use std::rc::Rc;
use yew::Reducible;

impl Reducible for AppState {
    type Action = app::Action;

    fn reduce(self: Rc<Self>, action: app::Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

impl Reducible for GenState {
    type Action = generate::Action;

    fn reduce(self: Rc<Self>, action: generate::Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

impl Reducible for CheckState {
    type Action = check::Action;

    fn reduce(self: Rc<Self>, action: check::Action) -> Rc<Self> {
        let mut next = (*self).clone();
        // An action that changes nothing keeps the same state, so nothing
        // renders again (progress of a run that is no longer current).
        if next.apply(action) {
            Rc::new(next)
        } else {
            self
        }
    }
}

impl Reducible for MessageState {
    type Action = MessageAction;

    fn reduce(self: Rc<Self>, action: MessageAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}
