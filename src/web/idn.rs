//! IDNA ToASCII by the browser's own URL parser, installed into the core as
//! its converter for names with non-ASCII characters ([`crate::idn`]).
//!
//! `new URL("http://" + name).hostname`: for a special scheme such as
//! `http`, WHATWG URL "host parsing" runs "domain to ASCII", which is UTS #46
//! ToASCII with CheckHyphens off, CheckBidi and CheckJoiners on,
//! Transitional_Processing off, UseSTD3ASCIIRules and VerifyDnsLength off
//! (beStrict is false), the same processing as `idna::domain_to_ascii`
//! natively. This saves the page the Unicode tables (about 46 KB gzip).
//!
//! The answer is raw: the checks that keep URL syntax out and refuse an
//! answer that is not a plain host (an IPv4 address made from a name, a
//! forbidden code point) are in the core, next to the list of the parser's
//! differences from UTS #46. `URL` exists in window and worker scope alike.

/// Makes the browser's URL parser the core's converter for non-ASCII names.
/// Called once by each wasm entry point before any name is parsed.
pub fn install() {
    crate::idn::install(to_ascii);
}

/// The host the browser's URL parser makes of `name`, or `None` when it
/// refuses it ("host parsing" returned failure and the constructor threw).
pub fn to_ascii(name: &str) -> Option<String> {
    web_sys::Url::new(&format!("http://{name}"))
        .ok()
        .map(|url| url.hostname())
}
