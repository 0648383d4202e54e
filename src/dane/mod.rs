//! DANE against the real certificate: the chain or public key a mail server
//! presents, pasted by the user, compared with the TLSA records of its MX
//! host (RFC 6698, RFC 7671, and for SMTP RFC 7672).
//!
//! - [`read_presented`] reads the paste (PEM, RFC 7468) and a minimal DER
//!   (X.690) to find each certificate's SubjectPublicKeyInfo ([`der`]).
//! - [`association`] computes the data of selector 0/1 × matching type
//!   0/1/2 (RFC 6698 §2.1.2–§2.1.3); [`compare`] says which record matches
//!   which certificate under the SMTP rules (RFC 7672 §3.1); [`rollover`]
//!   gives the "current + next" `3 1 1` pair (RFC 7671 §8.1).
//! - [`openssl_commands`] prints what to run to get the chain.
//! - [`check_paste`] does all of it for the audit report's paste box.
//!
//! Pure: no I/O, no clock. Without DNSSEC the TLSA answers themselves are
//! not trustworthy (RFC 7672 §2.2); the caller keeps that finding
//! (`tlsa.without_dnssec`) beside these.

pub mod der;
mod matching;
mod paste;
mod read;

pub use matching::{
    association, compare, openssl_commands, record_for, rollover, Comparison, RecordMatch, Rollover,
};
pub use paste::{check_paste, PasteCheck, RecordRow};
pub use read::{read_presented, Presented, PresentedChain, PresentedKind, MAX_BLOCKS, MAX_PASTE_BYTES};
