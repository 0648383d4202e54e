//! SOA record data (RFC 1035 §3.3.13): `mname rname serial refresh retry
//! expire minimum`, its parser and its zone-file printer. The exporter
//! writes a placeholder SOA; the DoH decoder reads the SOA of a negative
//! answer.

use crate::model::name::{Name, NameKind};
use crate::model::presentation::{err, Fields, RdataError, RdataErrorKind};
use std::fmt;

/// SOA record data (RFC 1035 §3.3.13).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Soa {
    /// The primary name server.
    pub mname: Name,
    /// The responsible mailbox, written as a name (`hostmaster.example.com`).
    /// A mailbox whose local part has a dot (written `a\.b`) is not supported.
    pub rname: Name,
    pub serial: u32,
    pub refresh: u32,
    pub retry: u32,
    pub expire: u32,
    pub minimum: u32,
}

impl Soa {
    /// Parses `mname rname serial refresh retry expire minimum`; the
    /// parentheses a zone file uses to spread it over lines are allowed.
    pub fn parse(text: &str) -> Result<Soa, RdataError> {
        Soa::parse_with(text, NameKind::Host, NameKind::Service)
    }

    /// [`Soa::parse`] with the name kinds of `mname` and `rname` given.
    pub(crate) fn parse_with(text: &str, mname: NameKind, rname: NameKind) -> Result<Soa, RdataError> {
        // Blanking the grouping parentheses keeps every byte offset where
        // it was; an escaped one (`\(`, RFC 1035 §5.1) belongs to a name.
        let mut escaped = false;
        let flat: String = text
            .chars()
            .map(|c| {
                let grouping = !escaped && (c == '(' || c == ')');
                escaped = !escaped && c == '\\';
                if grouping {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let mut f = Fields::new(&flat);
        if f.at_end() {
            return Err(err(RdataErrorKind::Empty, 0, text.len()));
        }
        let soa = Soa {
            mname: f.name("mname", mname)?,
            rname: f.name("rname", rname)?,
            serial: f.u32("serial")?,
            refresh: f.u32("refresh")?,
            retry: f.u32("retry")?,
            expire: f.u32("expire")?,
            minimum: f.u32("minimum")?,
        };
        f.finish()?;
        Ok(soa)
    }
}

impl fmt::Display for Soa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} {} {} {} {}",
            self.mname, self.rname, self.serial, self.refresh, self.retry, self.expire, self.minimum
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::{Rdata, RecordType};
    use proptest::prelude::*;

    fn name(s: &str) -> Name {
        Name::service(s).expect("name")
    }

    #[test]
    fn soa_over_several_lines() {
        let text =
            "ns1.example.com. hostmaster.example.com. (\n 2026112901 ; serial\n".replace("; serial", "");
        let text = format!("{text} 3600 900 1209600 300 )");
        let soa = Soa::parse(&text).expect("soa");
        assert_eq!(soa.serial, 2026112901);
        assert_eq!(
            soa.to_string(),
            "ns1.example.com. hostmaster.example.com. 2026112901 3600 900 1209600 300"
        );
    }

    proptest! {
        #[test]
        fn soa_round_trip(n in proptest::array::uniform5(any::<u32>()), host in "[a-z]{1,10}\\.[a-z]{2,5}") {
            let soa = Soa {
                mname: name(&format!("ns1.{host}")),
                rname: name(&format!("hostmaster.{host}")),
                serial: n[0], refresh: n[1], retry: n[2], expire: n[3], minimum: n[4],
            };
            prop_assert_eq!(Soa::parse(&soa.to_string()), Ok(soa.clone()));
            prop_assert_eq!(Rdata::parse(RecordType::Soa, &soa.to_string()), Ok(Rdata::Soa(soa)));
        }
    }
}
