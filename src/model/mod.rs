//! The record model: names, and the typed records a mail domain publishes.
//!
//! Each record type has its own module with its data type, a parser from
//! zone-file presentation text (errors carry byte positions), `Display` that
//! prints exactly the zone-file data, and a linter returning every finding.
//! [`record`] ties them together: [`RecordType`], [`Rdata`], [`Record`].

pub mod address;
pub mod caa;
pub mod mx;
pub mod name;
pub mod presentation;
pub mod ptr;
pub mod record;
pub mod soa;
pub mod srv;
pub mod tlsa;
pub mod txt;

pub use address::in_prefix;
pub use caa::{Caa, CaaTag};
pub use mx::{lint_mx_set, Mx};
pub use name::{Name, NameError, NameKind};
pub use presentation::{RdataError, RdataErrorKind};
pub use ptr::{address_from_reverse, reverse_name, Ptr, ReverseError};
pub use record::{Rdata, Record, RecordType, UnknownData};
pub use soa::Soa;
pub use srv::{MailService, Srv};
pub use tlsa::Tlsa;
pub use txt::Txt;
