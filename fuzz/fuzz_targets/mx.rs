//! Mx record data (zone-file presentation): parse, print, parse again.
#![no_main]
maildns_fuzz::rdata_grammar!(maildns::model::Mx);
