//! The MTA-STS TXT record (RFC 8461 §3.1): parse, print, parse again; `check` agrees.
#![no_main]
maildns_fuzz::tag_record!(maildns::mta_sts::MtaStsRecord);
