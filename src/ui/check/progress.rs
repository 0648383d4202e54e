//! Questions asked and answered while a run is in flight.

use crate::i18n;
use crate::i18n::code;
use crate::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RunProgressProps {
    pub asked: usize,
    pub answered: usize,
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn run_progress(lang: Lang, props: &RunProgressProps) -> Html {
    let text = i18n::fill(
        i18n::text(lang, code::ui::CHECK_PROGRESS),
        &[
            ("asked", props.asked.to_string()),
            ("answered", props.answered.to_string()),
        ],
    );
    html! {
        <p class="check-progress" role="status" data-asked={props.asked.to_string()}
            data-answered={props.answered.to_string()}>{ text }</p>
    }
}
