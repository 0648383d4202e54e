//! The page's entry point: Trunk builds this binary for wasm32.
//!
//! It holds the page's split points (`#[wasm_split]`): what only such a
//! function reaches is split off the page's module at build time
//! (scripts/split.py) and fetched the first time it is called. They live
//! here, not in the library, because the workers' binaries link the same
//! library and an exported split point would pull its code into them.

#[cfg(target_arch = "wasm32")]
mod parts {
    use futures::FutureExt;
    use maildns::i18n::{Lang, Texts};
    use maildns::offload::Reply;
    use maildns::ui::codec::{CodecLoader, Op, Out};
    use maildns::ui::texts::TextsLoader;
    use maildns::ui::{MoreLoader, PartFuture, ReplyReader, Section};
    use yew::Html;

    /// Why a split-off part did not load (the loader logs the network's
    /// own error on the console).
    pub struct NotLoaded(String);

    impl From<wasm_split_helpers::SplitLoaderError> for NotLoaded {
        fn from(e: wasm_split_helpers::SplitLoaderError) -> Self {
            NotLoaded(e.to_string())
        }
    }

    /// The Check half: its form, report, comparison and what-if box.
    #[wasm_split_helpers::wasm_split(check_half, fallible)]
    fn check_half() -> Result<Html, NotLoaded> {
        Ok(maildns::ui::check_page())
    }

    /// The message test: its form and its report.
    #[wasm_split_helpers::wasm_split(message_half, fallible)]
    fn message_half() -> Result<Html, NotLoaded> {
        Ok(maildns::ui::message_page())
    }

    /// The readers of the workers' replies: serde_json and the derived
    /// readers of every reply (the report, the adopted plan, the exports).
    #[wasm_split_helpers::wasm_split(replies, fallible, preload(replies_preload))]
    fn read_reply(text: String) -> Result<Result<Reply, String>, NotLoaded> {
        Ok(Reply::from_json(&text))
    }

    /// Plans as text: the stored plan, share links, an adopted plan
    /// (serde_json's reader, the plan's derived readers, DEFLATE, base64).
    #[wasm_split_helpers::wasm_split(plan_codec, fallible, preload(plan_codec_preload))]
    fn plan_codec(op: Op) -> Result<Out, NotLoaded> {
        Ok(maildns::ui::codec::run(op))
    }

    /// Fetched before the page mounts when there is a plan to read, else
    /// when idle or first needed; called only once there (`codec::now`),
    /// so its future is ready on its first poll.
    pub fn codec() -> CodecLoader {
        CodecLoader {
            fetch: || Box::pin(async { plan_codec_preload().await.map_err(|e| e.to_string()) }),
            call: |op| match plan_codec(op).now_or_never() {
                Some(Ok(out)) => Some(out),
                _ => None,
            },
        }
    }

    /// The bodies of the Generate half's closed sections.
    #[wasm_split_helpers::wasm_split(more_sections, fallible, preload(more_preload))]
    fn more_sections(which: Section) -> Result<Html, NotLoaded> {
        Ok(maildns::ui::more_body(which))
    }

    /// Fetched when idle or when a closed section is opened; called only
    /// once there (`more::render`).
    pub fn more() -> MoreLoader {
        MoreLoader {
            fetch: || Box::pin(async { more_preload().await.map_err(|e| e.to_string()) }),
            render: |which| match more_sections(which).now_or_never() {
                Some(Ok(html)) => Some(html),
                _ => None,
            },
        }
    }

    /// Fetched with the worker; read synchronously once there (the split
    /// wrapper's future is then ready on its first poll), so replies are
    /// read in the order they came.
    pub fn reply_reader() -> ReplyReader {
        ReplyReader {
            fetch: || Box::pin(async { replies_preload().await.map_err(|e| e.to_string()) }),
            read: |text| match read_reply(text.to_string()).now_or_never() {
                Some(Ok(read)) => read,
                Some(Err(NotLoaded(reason))) => Err(reason),
                None => Err("the reply reader is not loaded yet".to_string()),
            },
        }
    }

    /// The first view's English texts (`maildns::ui::texts`).
    #[wasm_split_helpers::wasm_split(texts_en, fallible)]
    fn texts_en() -> Result<Texts, NotLoaded> {
        Ok(maildns::i18n::catalogue::EN)
    }

    /// The first view's Chinese texts.
    #[wasm_split_helpers::wasm_split(texts_zh, fallible)]
    fn texts_zh() -> Result<Texts, NotLoaded> {
        Ok(maildns::i18n::catalogue::ZH)
    }

    /// Each language's texts: fetched before the page mounts for the
    /// language it opens in, the other when idle or asked for; installed
    /// once there.
    pub fn texts() -> TextsLoader {
        TextsLoader {
            en: || installing(Lang::En, texts_en()),
            zh: || installing(Lang::ZhCn, texts_zh()),
        }
    }

    /// A language's part fetched, then its texts installed.
    fn installing(
        lang: Lang,
        part: impl std::future::Future<Output = Result<Texts, NotLoaded>> + 'static,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>>>> {
        Box::pin(async move {
            let texts = part.await.map_err(|NotLoaded(reason)| reason)?;
            maildns::i18n::install(lang, texts);
            Ok(())
        })
    }

    pub fn check_half_loader() -> PartFuture {
        Box::pin(async { check_half().await.map_err(|NotLoaded(reason)| reason) })
    }

    pub fn message_half_loader() -> PartFuture {
        Box::pin(async { message_half().await.map_err(|NotLoaded(reason)| reason) })
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    maildns::ui::start(maildns::ui::Parts {
        check_half: maildns::ui::PartLoader(parts::check_half_loader),
        message_half: maildns::ui::PartLoader(parts::message_half_loader),
        replies: parts::reply_reader(),
        codec: parts::codec(),
        more: parts::more(),
        texts: parts::texts(),
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("maildns is a web page: serve it with `./scripts/serve.sh` (see README.md).");
}
