//! The DKIM key record (RFC 6376 §3.6.1): parse, print, parse again; `check` agrees.
#![no_main]
maildns_fuzz::tag_record!(maildns::dkim::DkimKey);
