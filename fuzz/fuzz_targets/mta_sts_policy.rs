//! The pasted MTA-STS policy file (RFC 8461 §3.2): parse, print, parse again; `check` agrees.
#![no_main]
maildns_fuzz::tag_record!(maildns::mta_sts::MtaStsPolicy);
