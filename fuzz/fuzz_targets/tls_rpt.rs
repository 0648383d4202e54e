//! The TLS-RPT record (RFC 8460 §3): parse, print, parse again; `check` agrees.
#![no_main]
maildns_fuzz::tag_record!(maildns::tls_rpt::TlsRptRecord);
