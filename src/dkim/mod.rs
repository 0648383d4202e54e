//! DKIM key records (RFC 6376 §3.6.1, RFC 8301, RFC 8463): the typed record,
//! its parser, printer and linter, the DER reader for the key inside, and the
//! import of pasted keys for the generator.

pub mod import;
pub mod key;
pub mod private;
pub mod selector;
pub mod spki;

pub use import::{from_der, from_pasted};
pub use key::{DkimError, DkimKey, KeyType};
