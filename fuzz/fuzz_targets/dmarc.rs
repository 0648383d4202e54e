//! The DMARC record (RFC 7489 §6.3): parse, print, parse again; `check` agrees.
#![no_main]
maildns_fuzz::tag_record!(maildns::dmarc::DmarcRecord);
