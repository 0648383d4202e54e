//! `dig` commands that show what is published for a record: `dig +short
//! TXT _dmarc.example.com`, and `dig -x 192.0.2.1` for reverse DNS.

use crate::model::ptr::address_from_reverse;
use crate::model::record::{Record, RecordType};
use std::net::IpAddr;

/// The command that queries the record's name and type.
pub fn dig_command(record: &Record) -> String {
    if record.rtype() == RecordType::Ptr {
        if let Ok(ip) = address_from_reverse(&record.name) {
            return dig_ptr(ip);
        }
    }
    let name = if record.name.is_root() {
        "."
    } else {
        record.name.as_str()
    };
    format!("dig +short {} {name}", record.rtype())
}

/// The reverse lookup of an address.
pub fn dig_ptr(ip: IpAddr) -> String {
    format!("dig -x {ip}")
}
