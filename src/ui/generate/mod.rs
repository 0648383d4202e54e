//! The Generate half of the page: the plan form and the record set.

use crate::i18n::{self, Lang};
use crate::model::Name;
use crate::ui::components::domain_field::DomainField;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GeneratePageProps {
    pub lang: Lang,
}

#[component]
pub fn GeneratePage(props: &GeneratePageProps) -> Html {
    let domain = use_state(String::new);
    let on_input = {
        let domain = domain.clone();
        Callback::from(move |text: String| domain.set(text))
    };
    let parsed = if domain.trim().is_empty() {
        None
    } else {
        Some(Name::host(&domain))
    };
    html! {
        <>
            <p class="intro">{ i18n::text(props.lang, "ui.generate.intro") }</p>
            <DomainField lang={props.lang} value={(*domain).clone()} {parsed} {on_input} />
        </>
    }
}
