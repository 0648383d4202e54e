//! The answers two resolvers gave differently, as a table.

use crate::i18n;
use crate::page::check::DiffRow;
use crate::ui::context::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareTableProps {
    pub rows: Vec<DiffRow>,
}

#[component]
pub fn CompareTable(props: &CompareTableProps) -> Html {
    let lang = use_lang();
    let t = |c: &str| i18n::text(lang, c).to_string();
    html! {
        <section class="check-diff" data-diff-rows={props.rows.len().to_string()}>
            <h2>{ t("ui.check.diff.title") }</h2>
            if props.rows.is_empty() {
                <p>{ t("ui.check.diff.none") }</p>
            } else {
                <div class="table-scroll" tabindex="0" role="region" aria-label={t("ui.check.diff.title")}>
                    <table>
                        <thead><tr>
                            <th scope="col">{ t("ui.check.diff.question") }</th>
                            <th scope="col">{ t("ui.check.diff.left") }</th>
                            <th scope="col">{ t("ui.check.diff.right") }</th>
                        </tr></thead>
                        <tbody>
                            { for props.rows.iter().map(|r| html! {
                                <tr data-diff={r.question.clone()}>
                                    <th scope="row"><code>{ r.question.clone() }</code></th>
                                    <td><pre>{ r.left.join("\n") }</pre></td>
                                    <td><pre>{ r.right.join("\n") }</pre></td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
