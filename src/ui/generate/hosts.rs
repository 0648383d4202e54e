//! Mail hosts or backup MX: name, IPv4s, IPv6s, MX priority; add and remove.
//! Field keys `<prefix>[i].name`, `.ipv4[j]`, `.ipv6[j]`, `.priority`.

use super::field::{messages, text_field, TextFieldProps};
use super::list_field::{list_field, per_entry, ListFieldProps};
use crate::i18n;
use crate::i18n::code;
use crate::page::plan_edit::HostEdit;
use crate::plan::{HostInput, PlanErrors};
use crate::ui::context::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HostsProps {
    /// `hosts` or `backup_mx`: the field key prefix and the id prefix.
    pub prefix: AttrValue,
    pub hosts: Vec<HostInput>,
    pub findings: PlanErrors,
    /// Placeholder of the first mail host's name (`mail.<domain>`, its
    /// default; the other hosts have none).
    #[prop_or_default]
    pub first_name_placeholder: Option<AttrValue>,
    pub on_edit: Callback<HostEdit>,
}

/// The texts of a host list: one host, add, remove. `prefix` is `hosts` or
/// `backup_mx`, as for the placeholder of the priority below.
fn texts(prefix: &str) -> [&'static str; 3] {
    if prefix == "hosts" {
        [
            code::ui::GEN_HOSTS_ONE,
            code::ui::GEN_HOSTS_ADD,
            code::ui::GEN_HOSTS_REMOVE,
        ]
    } else {
        [
            code::ui::GEN_BACKUP_MX_ONE,
            code::ui::GEN_BACKUP_MX_ADD,
            code::ui::GEN_BACKUP_MX_REMOVE,
        ]
    }
}

#[component]
pub fn Hosts(props: &HostsProps) -> Html {
    let lang = use_lang();
    let t = |code: &str| i18n::text(lang, code).to_string();
    let prefix = props.prefix.to_string();
    let [one_text, add_text, remove_text] = texts(&prefix);
    let host = |i: usize, h: &HostInput| {
        let key = format!("{prefix}[{i}]");
        let id = format!("{prefix}-{i}");
        let list = |edit: fn(usize, Vec<String>) -> HostEdit| props.on_edit.reform(move |v| edit(i, v));
        let text = |edit: fn(usize, String) -> HostEdit| props.on_edit.reform(move |v| edit(i, v));
        let remove = props.on_edit.reform(move |_: MouseEvent| HostEdit::Remove(i));
        // Only the first mail host defaults to mail.<domain>.
        let (placeholder, name_help) = match (prefix.as_str(), i) {
            ("hosts", 0) => (props.first_name_placeholder.clone(), code::ui::GEN_HOST_NAME_HELP),
            _ => (None, code::ui::GEN_HOST_NAME_HELP_OTHER),
        };
        let example = |value: &str| i18n::fill(&t(code::ui::GEN_EXAMPLE), &[("value", value.to_string())]);
        let f = &props.findings;
        let title = format!("{} {}", t(one_text), i + 1);
        html! {
            <fieldset class="host" id={id.clone()}>
                <legend>{ title.clone() }</legend>
                { text_field(lang, &yew::props!(TextFieldProps { id: format!("{id}-name"), label: t(code::ui::GEN_HOST_NAME), value: h.name.clone(), findings: f.get(&format!("{key}.name")).to_vec(), placeholder, help: t(name_help), on_input: text(HostEdit::Name) })) }
                { list_field(lang, &yew::props!(ListFieldProps { id: format!("{id}-ipv4"), label: t(code::ui::GEN_HOST_IPV4), values: h.ipv4.clone(), findings: per_entry(f, &format!("{key}.ipv4"), h.ipv4.len()), list_findings: f.get(&format!("{key}.ipv4")).to_vec(), placeholder: example("192.0.2.1"), on_change: list(HostEdit::Ipv4) })) }
                { list_field(lang, &yew::props!(ListFieldProps { id: format!("{id}-ipv6"), label: t(code::ui::GEN_HOST_IPV6), values: h.ipv6.clone(), findings: per_entry(f, &format!("{key}.ipv6"), h.ipv6.len()), placeholder: example("2001:db8::25"), on_change: list(HostEdit::Ipv6) })) }
                { text_field(lang, &yew::props!(TextFieldProps { id: format!("{id}-priority"), label: t(code::ui::GEN_HOST_PRIORITY), value: h.priority.clone(), findings: f.get(&format!("{key}.priority")).to_vec(), placeholder: example(if prefix == "hosts" { "10" } else { "20" }), on_input: text(HostEdit::Priority) })) }
                <button type="button" class="remove-host" onclick={remove}>
                    { i18n::fill(&t(remove_text), &[("n", (i + 1).to_string())]) }
                </button>
            </fieldset>
        }
    };
    let add = props.on_edit.reform(|_: MouseEvent| HostEdit::Add);
    html! {
        <div class="hosts">
            { for props.hosts.iter().enumerate().map(|(i, h)| host(i, h)) }
            <button type="button" class="add" id={format!("{prefix}-add")} onclick={add}>
                { format!("+ {}", t(add_text)) }
            </button>
            { messages(lang, format!("{prefix}-msg"), props.findings.get(&prefix), None) }
        </div>
    }
}
