//! What the page's binary hands the shell: the loaders of the parts split
//! off the page's module (src/main.rs holds the split points,
//! scripts/split.py splits them off at build time).

use super::check_half::{check_page, message_page, PartLoader};
use super::checker::ReplyReader;
use super::codec::CodecLoader;
use super::generate::MoreLoader;
use super::texts::TextsLoader;

/// The parts of the page's module that are fetched on first use, each with
/// its loader (the page's binary, src/main.rs, holds the split points).
#[derive(Clone, Copy, PartialEq)]
pub struct Parts {
    pub check_half: PartLoader,
    pub message_half: PartLoader,
    pub replies: ReplyReader,
    /// Plans as text (`super::codec`).
    pub codec: CodecLoader,
    /// The bodies of the Generate half's closed sections.
    pub more: MoreLoader,
    /// Each language's first-view texts (`super::texts`).
    pub texts: TextsLoader,
}

impl Parts {
    /// Every part already in the module, nothing to fetch (the shell's
    /// wasm-bindgen tests, which are not split).
    pub fn whole() -> Self {
        Parts {
            check_half: PartLoader(|| Box::pin(async { Ok(check_page()) })),
            message_half: PartLoader(|| Box::pin(async { Ok(message_page()) })),
            replies: ReplyReader::whole(),
            codec: CodecLoader::whole(),
            more: MoreLoader::whole(),
            texts: TextsLoader::whole(),
        }
    }
}
