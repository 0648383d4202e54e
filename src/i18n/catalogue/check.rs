//! Messages for the checker (`check.*` and the audit and plan findings).

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[];
