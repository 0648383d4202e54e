//! The Check half of the page: ask DoH resolvers and show the report.

use crate::i18n::{self, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckPageProps {
    pub lang: Lang,
}

#[component]
pub fn CheckPage(props: &CheckPageProps) -> Html {
    html! { <p class="intro">{ i18n::text(props.lang, "ui.check.intro") }</p> }
}
