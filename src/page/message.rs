//! The message test's state (issue 18): what was pasted or chosen, the
//! resolver, the `Received:` hop SPF is checked for, and the run. The
//! work itself runs in the message worker (`worker::message`); here is
//! only what the page holds and the request it sends.

use crate::dns::endpoint::EndpointError;
use crate::dns::Preset;
use crate::finding::Finding;
use crate::message::view::{bytes_to_text, HopChoice, MessageOutcome, MessageRequest};
use crate::message::MAX_MESSAGE_BYTES;
use crate::page::app::Lazy;
use crate::page::check::EndpointForm;
use std::rc::Rc;

/// What the message is taken from.
#[derive(Clone, Debug, PartialEq)]
pub enum MessageInput {
    /// The text area (UTF-8, as the browser gives it).
    Pasted(String),
    /// A chosen or dropped file: its bytes as they are (DKIM signs bytes),
    /// at most [`MAX_MESSAGE_BYTES`] + 1 of them read, and its real size.
    File {
        name: String,
        bytes: Rc<Vec<u8>>,
        size: u64,
    },
}

/// Where the run is.
#[derive(Clone, Debug, PartialEq)]
pub enum MessageRun {
    Idle,
    /// Request `id` is out.
    Running {
        id: u32,
    },
    /// The outcome, or the finding that says why the input is no message.
    Done(Rc<Result<MessageOutcome, Finding>>),
    /// The worker refused the request or did not load (the reason as it said it).
    Failed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct MessageState {
    pub input: MessageInput,
    pub endpoint: EndpointForm,
    pub hop: HopChoice,
    pub run: MessageRun,
    /// The message worker (`worker::message`), which also brings the
    /// view's words.
    pub worker: Lazy,
    /// How many runs ended (for tests to wait on the next one).
    pub finished: u32,
}

/// Why no request can be sent yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotReady {
    /// Nothing pasted, no file.
    Empty,
    /// The typed resolver URL is refused.
    Endpoint(EndpointError),
}

#[derive(Clone, Debug, PartialEq)]
pub enum MessageAction {
    Paste(String),
    File {
        name: String,
        bytes: Rc<Vec<u8>>,
        size: u64,
    },
    /// Back to the text area.
    ForgetFile,
    Endpoint(EndpointForm),
    Hop(HopChoice),
    Started(u32),
    /// The worker's answer to request `id`.
    Replied(u32, Rc<Result<MessageOutcome, Finding>>),
    Failed(u32, String),
    Worker(Lazy),
}

impl Default for MessageState {
    fn default() -> Self {
        MessageState {
            input: MessageInput::Pasted(String::new()),
            endpoint: EndpointForm::preset(Preset::Google),
            hop: HopChoice::Proposed,
            run: MessageRun::Idle,
            worker: Lazy::NotLoaded,
            finished: 0,
        }
    }
}

impl MessageState {
    pub fn apply(&mut self, action: MessageAction) {
        match action {
            // A new message: its hops are new, the old outcome is not its.
            MessageAction::Paste(text) => {
                self.input = MessageInput::Pasted(text);
                self.new_message();
            }
            MessageAction::File { name, bytes, size } => {
                self.input = MessageInput::File { name, bytes, size };
                self.new_message();
            }
            MessageAction::ForgetFile => {
                if matches!(self.input, MessageInput::File { .. }) {
                    self.input = MessageInput::Pasted(String::new());
                    self.new_message();
                }
            }
            MessageAction::Endpoint(form) => self.endpoint = form,
            MessageAction::Worker(state) => self.worker = state,
            MessageAction::Hop(hop) => self.hop = hop,
            MessageAction::Started(id) => self.run = MessageRun::Running { id },
            // Only the answer to the request still out counts.
            MessageAction::Replied(id, outcome) => {
                if self.running(id) {
                    self.run = MessageRun::Done(outcome);
                    self.finished = self.finished.wrapping_add(1);
                }
            }
            MessageAction::Failed(id, reason) => {
                if self.running(id) {
                    self.run = MessageRun::Failed(reason);
                    self.finished = self.finished.wrapping_add(1);
                }
            }
        }
    }

    fn running(&self, id: u32) -> bool {
        matches!(self.run, MessageRun::Running { id: r } if r == id)
    }

    fn new_message(&mut self) {
        self.hop = HopChoice::Proposed;
        self.run = MessageRun::Idle;
    }

    /// The outcome shown, if any.
    pub fn outcome(&self) -> Option<&MessageOutcome> {
        match &self.run {
            MessageRun::Done(o) => o.as_ref().as_ref().ok(),
            _ => None,
        }
    }

    /// The request for the message as it stands; `now` in seconds since the epoch.
    pub fn request(&self, id: u32, now: u64) -> Result<MessageRequest, NotReady> {
        let endpoint = self.endpoint.choice().resolve().map_err(NotReady::Endpoint)?;
        let (bytes, size) = match &self.input {
            MessageInput::Pasted(text) if text.trim().is_empty() => return Err(NotReady::Empty),
            MessageInput::Pasted(text) => (text.as_bytes(), text.len() as u64),
            MessageInput::File { bytes, size, .. } => (bytes.as_slice(), *size),
        };
        // A message over the limit is refused by the worker with its real
        // size; none of its bytes need to travel to say so.
        let sent = if size > MAX_MESSAGE_BYTES as u64 {
            &[][..]
        } else {
            bytes
        };
        Ok(MessageRequest {
            id,
            bytes: bytes_to_text(sent),
            size,
            hop: self.hop,
            now,
            endpoint,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::view::text_to_bytes;

    #[test]
    fn empty_input_is_not_sent() {
        let s = MessageState::default();
        assert_eq!(s.request(1, 0), Err(NotReady::Empty));
        let mut s = MessageState::default();
        s.apply(MessageAction::Paste("  \n".into()));
        assert_eq!(s.request(1, 0), Err(NotReady::Empty));
    }

    #[test]
    fn a_file_is_sent_as_its_bytes() {
        let mut s = MessageState::default();
        let bytes = vec![b'F', b'r', 0xE9, b'\n'];
        s.apply(MessageAction::File {
            name: "m.eml".into(),
            bytes: Rc::new(bytes.clone()),
            size: 4,
        });
        let r = s.request(7, 42).expect("request");
        assert_eq!(text_to_bytes(&r.bytes), Some(bytes));
        assert_eq!((r.id, r.now, r.size), (7, 42, 4));
        s.apply(MessageAction::ForgetFile);
        assert_eq!(s.input, MessageInput::Pasted(String::new()));
    }

    #[test]
    fn a_message_over_the_limit_sends_only_its_size() {
        let mut s = MessageState::default();
        s.apply(MessageAction::Paste("a".repeat(MAX_MESSAGE_BYTES + 500)));
        let r = s.request(1, 0).expect("request");
        assert_eq!(r.bytes.len(), 0);
        assert_eq!(r.size, (MAX_MESSAGE_BYTES + 500) as u64);
        assert!(crate::message::view::too_large(r.size).is_some());
        s.apply(MessageAction::Paste("a".repeat(MAX_MESSAGE_BYTES)));
        assert_eq!(s.request(1, 0).map(|r| r.bytes.len()), Ok(MAX_MESSAGE_BYTES));
    }

    #[test]
    fn only_the_answer_to_the_request_out_counts() {
        let mut s = MessageState::default();
        s.apply(MessageAction::Paste("From: a@b.c\n\nx".into()));
        s.apply(MessageAction::Started(1));
        s.apply(MessageAction::Started(2));
        let finding = Finding::error(crate::i18n::code::message::EMPTY, "message", "");
        s.apply(MessageAction::Replied(1, Rc::new(Err(finding.clone()))));
        assert_eq!(s.run, MessageRun::Running { id: 2 });
        s.apply(MessageAction::Failed(2, "gone".into()));
        assert_eq!(s.run, MessageRun::Failed("gone".into()));
        // A new paste forgets the hop chosen for the old message.
        s.apply(MessageAction::Hop(HopChoice::Index(3)));
        s.apply(MessageAction::Paste("other".into()));
        assert_eq!((s.hop, s.run.clone()), (HopChoice::Proposed, MessageRun::Idle));
    }

    #[test]
    fn a_refused_resolver_url_is_said() {
        let mut s = MessageState::default();
        s.apply(MessageAction::Paste("From: a@b.c\n\nx".into()));
        s.apply(MessageAction::Endpoint(EndpointForm {
            preset: None,
            url: "http://example.com/dns-query".into(),
            protocol: crate::dns::Protocol::GoogleJson,
        }));
        assert!(matches!(s.request(1, 0), Err(NotReady::Endpoint(_))));
    }
}
