//! Messages for SPF (`spf.*`) and DNS (`dns.*`) codes.
use crate::i18n::Message;
pub(crate) const MESSAGES: &[Message] = &[];
