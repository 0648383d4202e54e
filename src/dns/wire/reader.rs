//! Reading a DNS message (RFC 1035 §4.1) octet by octet, every access
//! bounds-checked: names with compression pointers (RFC 1035 §4.1.4) and
//! record data into the model's typed [`Rdata`].

use crate::model::caa::{Caa, CaaTag};
use crate::model::presentation::{err, RdataError, RdataErrorKind};
use crate::model::record::{Rdata, RecordType, Soa, UnknownData};
use crate::model::{Mx, Name, Ptr, Srv, Tlsa, Txt};
use std::fmt::Write as _;
use std::net::{Ipv4Addr, Ipv6Addr};

use super::query::MAX_WIRE_NAME;

/// Why a message could not be read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ReadError {
    pub what: &'static str,
    pub at: usize,
}

type Read<T> = Result<T, ReadError>;

/// A cursor over a whole message. Names are read against the whole
/// message, since compression pointers refer to it.
pub(super) struct Reader<'a> {
    msg: &'a [u8],
    pub pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(msg: &'a [u8]) -> Self {
        Reader { msg, pos: 0 }
    }

    fn fail<T>(&self, what: &'static str) -> Read<T> {
        Err(ReadError { what, at: self.pos })
    }

    pub fn bytes(&mut self, n: usize) -> Read<&'a [u8]> {
        let end = self.pos.checked_add(n);
        match end.and_then(|e| self.msg.get(self.pos..e)) {
            Some(b) => {
                self.pos += n;
                Ok(b)
            }
            None => self.fail("message ends early"),
        }
    }

    pub fn u8(&mut self) -> Read<u8> {
        Ok(self.bytes(1)?.first().copied().unwrap_or(0))
    }

    pub fn u16(&mut self) -> Read<u16> {
        let b = self.bytes(2)?;
        Ok(<[u8; 2]>::try_from(b).map_or(0, u16::from_be_bytes))
    }

    pub fn u32(&mut self) -> Read<u32> {
        let b = self.bytes(4)?;
        Ok(<[u8; 4]>::try_from(b).map_or(0, u32::from_be_bytes))
    }

    /// A domain name in presentation form with the trailing dot (the root
    /// is `.`). Octets other than printable ASCII, and `.` and `\` inside a
    /// label, are written `\DDD` / `\.` / `\\` (RFC 1035 §5.1).
    ///
    /// RFC 1035 §4.1.4: a name ends with a zero octet or a pointer to a
    /// prior occurrence. Each pointer must point before the part of the
    /// name that holds it, so the chain strictly goes backwards and cannot
    /// loop; the name may not exceed 255 octets (RFC 1035 §2.3.4). Label
    /// types 0x40 and 0x80 (RFC 6891 §5, deprecated) are refused.
    pub fn name(&mut self) -> Read<String> {
        let mut text = String::new();
        let mut at = self.pos;
        // The lowest position a pointer may not reach: the start of the
        // part of the name being read.
        let mut floor = self.pos;
        let mut resume: Option<usize> = None;
        let mut wire_len = 1usize;
        loop {
            let Some(&len) = self.msg.get(at) else {
                return Err(ReadError {
                    what: "name runs past the end",
                    at,
                });
            };
            match len & 0xC0 {
                0x00 if len == 0 => {
                    at += 1;
                    break;
                }
                0x00 => {
                    let n = usize::from(len);
                    let Some(label) = self.msg.get(at + 1..at + 1 + n) else {
                        return Err(ReadError {
                            what: "label runs past the end",
                            at,
                        });
                    };
                    wire_len += 1 + n;
                    if wire_len > MAX_WIRE_NAME {
                        return Err(ReadError {
                            what: "name longer than 255 octets",
                            at,
                        });
                    }
                    escape_label(label, &mut text);
                    text.push('.');
                    at += 1 + n;
                }
                0xC0 => {
                    let Some(&low) = self.msg.get(at + 1) else {
                        return Err(ReadError {
                            what: "pointer runs past the end",
                            at,
                        });
                    };
                    let target = usize::from(len & 0x3F) << 8 | usize::from(low);
                    if target >= floor {
                        return Err(ReadError {
                            what: "compression pointer does not point backwards",
                            at,
                        });
                    }
                    resume.get_or_insert(at + 2);
                    floor = target;
                    at = target;
                }
                _ => {
                    return Err(ReadError {
                        what: "unknown label type",
                        at,
                    })
                }
            }
        }
        self.pos = resume.unwrap_or(at);
        if text.is_empty() {
            text.push('.');
        }
        Ok(text)
    }
}

/// Appends a label in presentation form (RFC 1035 §5.1 escapes): `\X` for
/// the dot and for every octet the zone-file syntax gives a meaning (quote,
/// parentheses, comment, origin `@`, directive `$`, backslash), `\DDD` for
/// octets that are not printable ASCII.
fn escape_label(label: &[u8], out: &mut String) {
    for &b in label {
        match b {
            b'.' | b'\\' | b'"' | b'(' | b')' | b';' | b'@' | b'$' => {
                out.push('\\');
                out.push(char::from(b));
            }
            0x21..=0x7E => out.push(char::from(b)),
            _ => {
                let _ = write!(out, "\\{b:03}");
            }
        }
    }
}

/// The typed data of a record whose data occupies `msg[start..start+len]`.
/// Names inside may be compressed (RFC 3597 §4: CNAME, MX, NS, PTR, SOA,
/// and SRV, which receivers should decompress too). Data that does not fit
/// its type gives the RFC 3597 malformed-data error; the caller keeps the
/// octets to show them.
pub(super) fn rdata(msg: &[u8], start: usize, len: usize, rtype: RecordType) -> Result<Rdata, RdataError> {
    let malformed = || {
        err(
            RdataErrorKind::GenericMalformed {
                rtype: rtype.mnemonic().unwrap_or("unknown"),
            },
            0,
            len,
        )
    };
    let end = start.checked_add(len).ok_or_else(malformed)?;
    let data = msg.get(start..end).ok_or_else(malformed)?;
    let mut r = Reader { msg, pos: start };
    let typed = typed_rdata(&mut r, data, rtype).map_err(|_| malformed())?;
    // The fields must fill the data exactly.
    if r.pos != end && !matches!(typed, Rdata::Unknown { .. }) {
        return Err(malformed());
    }
    Ok(typed)
}

fn dns_name(r: &mut Reader<'_>) -> Read<Name> {
    let at = r.pos;
    let text = r.name()?;
    Name::dns(&text).map_err(|_| ReadError {
        what: "name not usable",
        at,
    })
}

fn typed_rdata(r: &mut Reader<'_>, data: &[u8], rtype: RecordType) -> Read<Rdata> {
    Ok(match rtype {
        // RFC 1035 §3.4.1, RFC 3596 §2.2.
        RecordType::A => Rdata::A(Ipv4Addr::from(r.u32()?)),
        RecordType::Aaaa => {
            let b = r.bytes(16)?;
            Rdata::Aaaa(Ipv6Addr::from(<[u8; 16]>::try_from(b).unwrap_or([0; 16])))
        }
        // RFC 1035 §3.3.9.
        RecordType::Mx => {
            let preference = r.u16()?;
            Rdata::Mx(Mx::new(preference, dns_name(r)?))
        }
        // RFC 1035 §3.3.14: one or more <character-string>s, kept apart.
        RecordType::Txt | RecordType::Spf => {
            let mut strings = Vec::new();
            let end = r.pos + data.len();
            while r.pos < end {
                let n = usize::from(r.u8()?);
                strings.push(r.bytes(n)?.to_vec());
            }
            if strings.is_empty() {
                return r.fail("TXT data without a string");
            }
            let t = Txt { strings };
            if rtype == RecordType::Txt {
                Rdata::Txt(t)
            } else {
                Rdata::Spf(t)
            }
        }
        // RFC 1035 §3.3.12, §3.3.1, §3.3.11.
        RecordType::Ptr => Rdata::Ptr(Ptr::new(dns_name(r)?)),
        RecordType::Cname => Rdata::Cname(dns_name(r)?),
        RecordType::Ns => Rdata::Ns(dns_name(r)?),
        // RFC 1035 §3.3.13.
        RecordType::Soa => {
            let mname = dns_name(r)?;
            let rname = dns_name(r)?;
            Rdata::Soa(Soa {
                mname,
                rname,
                serial: r.u32()?,
                refresh: r.u32()?,
                retry: r.u32()?,
                expire: r.u32()?,
                minimum: r.u32()?,
            })
        }
        // RFC 2782 ("The format of the SRV RR").
        RecordType::Srv => {
            let priority = r.u16()?;
            let weight = r.u16()?;
            let port = r.u16()?;
            Rdata::Srv(Srv::new(priority, weight, port, dns_name(r)?))
        }
        // RFC 8659 §4.1: flags, tag length, tag, value to the end.
        RecordType::Caa => {
            let flags = r.u8()?;
            let tag_len = usize::from(r.u8()?);
            let tag_at = r.pos;
            let tag = r.bytes(tag_len)?;
            let tag = std::str::from_utf8(tag)
                .ok()
                .and_then(|t| CaaTag::parse(t, 0).ok())
                .ok_or(ReadError {
                    what: "bad CAA tag",
                    at: tag_at,
                })?;
            let rest = data.len().saturating_sub(2 + tag_len);
            let value = String::from_utf8_lossy(r.bytes(rest)?).into_owned();
            Rdata::Caa(Caa { flags, tag, value })
        }
        // RFC 6698 §2.1.
        RecordType::Tlsa => {
            let usage = r.u8()?;
            let selector = r.u8()?;
            let matching_type = r.u8()?;
            let rest = data.len().saturating_sub(3);
            // The presentation form has no way to write empty certificate
            // data (RFC 6698 §2.2), and the text parsers refuse it too.
            if rest == 0 {
                return r.fail("TLSA without certificate data");
            }
            Rdata::Tlsa(Tlsa {
                usage,
                selector,
                matching_type,
                data: r.bytes(rest)?.to_vec(),
            })
        }
        // RFC 3597 §5: kept as octets.
        RecordType::Unknown(n) => Rdata::Unknown {
            rtype: n,
            data: UnknownData::Bytes(data.to_vec()),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name_at(msg: &[u8], pos: usize) -> Read<(String, usize)> {
        let mut r = Reader { msg, pos };
        let n = r.name()?;
        Ok((n, r.pos))
    }

    /// Found by `cargo fuzz` (target `dns_wire`): TLSA data of only the
    /// three numbers decoded, then printed as `1 228 35 ` which no parser
    /// reads back.
    #[test]
    fn tlsa_without_certificate_data_is_malformed() {
        assert!(rdata(&[1, 228, 35], 0, 3, RecordType::Tlsa).is_err());
        assert!(matches!(
            rdata(&[3, 1, 1, 0xab], 0, 4, RecordType::Tlsa),
            Ok(Rdata::Tlsa(Tlsa { data, .. })) if data == [0xab]
        ));
    }

    #[test]
    fn names_and_pointers() {
        // 0: "mail.example.com." ; 18: pointer to 5 ("example.com.") ;
        // 20: "x" + pointer to 0.
        let mut msg = b"\x04mail\x07example\x03com\x00".to_vec();
        msg.extend_from_slice(&[0xC0, 5]);
        msg.extend_from_slice(b"\x01x\xC0\x00");
        assert_eq!(name_at(&msg, 0), Ok(("mail.example.com.".into(), 18)));
        assert_eq!(name_at(&msg, 18), Ok(("example.com.".into(), 20)));
        assert_eq!(name_at(&msg, 20), Ok(("x.mail.example.com.".into(), 24)));
        assert_eq!(name_at(b"\x00", 0), Ok((".".into(), 1)));
        assert_eq!(
            name_at(b"\x03a.\\\x01\xff\x00", 0),
            Ok(("a\\.\\\\.\\255.".into(), 7))
        );
    }

    #[test]
    fn bad_names() {
        let cases: [(&[u8], usize, &str); 6] = [
            (b"\xC0\x00", 0, "compression pointer does not point backwards"),
            (
                b"\x01a\xC0\x00",
                0,
                "compression pointer does not point backwards",
            ),
            (
                b"\x01a\xC0\x02",
                0,
                "compression pointer does not point backwards",
            ),
            (b"\x05ab", 0, "label runs past the end"),
            (b"\x01a", 0, "name runs past the end"),
            (b"\x41a\x00", 0, "unknown label type"),
        ];
        for (msg, pos, what) in cases {
            assert_eq!(name_at(msg, pos).map_err(|e| e.what), Err(what), "{msg:?}");
        }
        // Two names pointing at each other.
        let looped = [0x01, b'a', 0xC0, 0x04, 0x01, b'b', 0xC0, 0x00];
        assert!(name_at(&looped, 4).is_err());
        // 5 labels of 63 = 320 octets.
        let long: Vec<u8> = (0..5)
            .flat_map(|_| std::iter::once(63u8).chain([b'a'; 63]))
            .collect();
        assert_eq!(
            name_at(&[long, vec![0]].concat(), 0).map_err(|e| e.what),
            Err("name longer than 255 octets")
        );
    }

    #[test]
    fn typed_data() {
        let cases: [(RecordType, &[u8], &str); 6] = [
            (RecordType::A, &[192, 0, 2, 1], "192.0.2.1"),
            (RecordType::Mx, b"\x00\x0a\x04mail\x00", "10 mail."),
            (RecordType::Txt, b"\x02ab\x00\x01c", "\"ab\" \"\" \"c\""),
            (
                RecordType::Caa,
                b"\x80\x05issueca.example",
                "128 issue \"ca.example\"",
            ),
            (RecordType::Tlsa, b"\x03\x01\x01\xab", "3 1 1 ab"),
            (RecordType::Unknown(65534), b"\x01\x02", "\\# 2 0102"),
        ];
        for (t, data, want) in cases {
            let got = rdata(data, 0, data.len(), t).map(|d| d.to_string());
            assert_eq!(got.as_deref(), Ok(want), "{t}");
        }
        for (t, data) in [
            (RecordType::A, &b"\x01\x02\x03"[..]),
            (RecordType::A, b"\x01\x02\x03\x04\x05"),
            (RecordType::Txt, b""),
            (RecordType::Txt, b"\x05ab"),
            (RecordType::Caa, b"\x00\x02i-x"),
            (RecordType::Mx, b"\x00\x0a\x04mail\x00\x00"),
        ] {
            assert!(rdata(data, 0, data.len(), t).is_err(), "{t} {data:?}");
        }
        assert!(rdata(b"\x01", 0, 5, RecordType::Unknown(9)).is_err());
    }
}
