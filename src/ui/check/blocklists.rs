//! The "Blocklists" area's table: one row per list and address (or
//! domain), saying listed, not listed or unknown, never "not listed" for
//! an unknown (`dnsbl::check`). Its words come from the checker with the
//! report (`offload::REPORT_WORDS`).

use crate::finding::Finding;
use crate::i18n;
use crate::i18n::code;
use crate::i18n::Lang;
use yew::prelude::*;

/// The verdict a `dnsbl.*` finding states, or `None` for another finding
/// (a failed question's `check.could_not_check`).
pub fn verdict(f: &Finding) -> Option<(&'static str, &'static str)> {
    if !f.code.starts_with("dnsbl.") {
        return None;
    }
    Some(match f.code {
        code::dnsbl::LISTED => ("listed", code::dnsbl::VERDICT_LISTED),
        code::dnsbl::NOT_LISTED => ("not_listed", code::dnsbl::VERDICT_NOT_LISTED),
        _ => ("unknown", code::dnsbl::VERDICT_UNKNOWN),
    })
}

/// A plain function, not a component (see `area::area_view`).
pub fn blocklist_table(lang: Lang, findings: &[Finding]) -> Html {
    let rows = findings.iter().filter_map(|f| verdict(f).map(|v| (f, v)));
    html! {
        <div class="table-wrap">
            <table class="records">
                <thead>
                    <tr>
                        <th scope="col">{ i18n::text(lang, code::dnsbl::COLUMN_LIST) }</th>
                        <th scope="col">{ i18n::text(lang, code::dnsbl::COLUMN_SUBJECT) }</th>
                        <th scope="col">{ i18n::text(lang, code::dnsbl::COLUMN_VERDICT) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.map(|(f, (word, label))| {
                        let list = f.get_arg("list").unwrap_or_default().to_string();
                        let delist = f.get_arg("delist").filter(|u| u.starts_with("https://"));
                        html! {
                            <tr data-list={list.clone()} data-subject={f.subject.clone()} data-verdict={word}
                                data-finding-code={f.code}>
                                <td>{ list }</td>
                                <td><code>{ f.subject.clone() }</code></td>
                                <td>
                                    <strong>{ i18n::text(lang, label) }</strong>
                                    <p class="muted">{ i18n::explain(lang, f) }</p>
                                    if let Some(url) = delist {
                                        <a href={url.to_string()}>{ url }</a>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
