//! What travels by context instead of through every component's props: the
//! page's language, the Generate half's state (its plan and record set,
//! which the Check half's "verify my plan" reads) and the checker worker
//! (`CheckerContext`), as yew's `contexts`
//! example does; and [`make_callback`], which turns an action constructor
//! into a callback that dispatches it.

use crate::i18n::Lang;
use crate::page::app::Lazy;
use crate::page::generate::GenState;
use crate::ui::checker::Checker;
use yew::prelude::*;

/// The Generate half's state, shared with the Check half.
pub type GenHandle = UseReducerHandle<GenState>;

/// The page's language (English outside a provider, which only tests see).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The Generate half's state. The root provides it, so it is always there;
/// `None` only for a component mounted on its own.
#[hook]
pub fn use_gen() -> Option<GenHandle> {
    use_context::<GenHandle>()
}

/// The checker's worker and its loading state, shared by the Check half
/// and the Generate half's SPF count.
#[derive(Clone, PartialEq)]
pub struct CheckerContext {
    pub checker: Checker,
    pub state: Lazy,
}

/// The checker; `None` only for a component mounted on its own.
#[hook]
pub fn use_checker() -> Option<CheckerContext> {
    use_context::<CheckerContext>()
}

/// The worker that writes exports for other tools, loaded when the
/// export box first asks for one.
#[derive(Clone, PartialEq)]
pub struct ToolsContext(pub Checker);

/// The tools worker; `None` only for a component mounted on its own.
#[hook]
pub fn use_tools() -> Option<Checker> {
    use_context::<ToolsContext>().map(|t| t.0)
}

/// A callback that dispatches `action(value)` to `state`'s reducer.
pub fn make_callback<S, T, F>(state: &UseReducerHandle<S>, action: F) -> Callback<T>
where
    S: Reducible + 'static,
    T: 'static,
    F: Fn(T) -> S::Action + 'static,
{
    let dispatcher = state.dispatcher();
    Callback::from(move |value: T| dispatcher.dispatch(action(value)))
}
