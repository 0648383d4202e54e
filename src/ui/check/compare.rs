//! The answers two resolvers gave differently, as a table.

use crate::i18n;
use crate::i18n::code;
use crate::i18n::Lang;
use crate::page::check::DiffRow;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareTableProps {
    pub rows: Vec<DiffRow>,
}

/// A plain function, not a component: it has no state, and each
/// component costs the page its own copy of yew's lifecycle code.
pub fn compare_table(lang: Lang, props: &CompareTableProps) -> Html {
    let t = |c: &str| i18n::text(lang, c).to_string();
    html! {
        <section class="check-diff" data-diff-rows={props.rows.len().to_string()}>
            <h2>{ t(code::ui::CHECK_DIFF_TITLE) }</h2>
            if props.rows.is_empty() {
                <p>{ t(code::ui::CHECK_DIFF_NONE) }</p>
            } else {
                <div class="table-scroll" tabindex="0" role="region" aria-label={t(code::ui::CHECK_DIFF_TITLE)}>
                    <table>
                        <thead><tr>
                            <th scope="col">{ t(code::ui::CHECK_DIFF_QUESTION) }</th>
                            <th scope="col">{ t(code::ui::CHECK_DIFF_LEFT) }</th>
                            <th scope="col">{ t(code::ui::CHECK_DIFF_RIGHT) }</th>
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
