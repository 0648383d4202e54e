//! Decoding a whole DNS response message (RFC 1035 §4.1) into the same
//! [`DohResponse`] the JSON decoder gives, plus what only the wire carries
//! (ID, opcode, AA, EDNS).

use super::super::doh_json::{DohQuestion, DohRecord, DohResponse};
use super::super::{normalize_name, Answer, DnsError, RecordType, TransportKind};
use super::query::OPT_TYPE;
use super::reader::{rdata, ReadError, Reader};
use crate::model::presentation::format_generic;
use serde::Serialize;
use std::fmt::Write as _;

/// The detail of the error for an answer with the TC bit set.
pub const TRUNCATED: &str = "answer truncated (TC bit): the resolver could not send it whole";

/// The EDNS0 OPT pseudo-record of a response (RFC 6891 §6.1.3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edns {
    /// The sender's UDP payload size (the OPT CLASS field).
    pub udp_size: u16,
    pub version: u8,
    /// The DO bit (RFC 3225 §3).
    pub dnssec_ok: bool,
    /// Options as (code, data) (RFC 6891 §6.1.2).
    pub options: Vec<(u16, Vec<u8>)>,
}

/// A decoded wire-format response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WireResponse {
    pub id: u16,
    pub opcode: u8,
    /// Authoritative answer.
    pub aa: bool,
    pub edns: Option<Edns>,
    /// Flags, sections and TTLs as the JSON decoder gives them, so one
    /// raw view shows both; `status` is the full RCODE (with the extended
    /// bits of the OPT record, RFC 6891 §6.1.3), and the OPT record is not
    /// in `additional`.
    pub message: DohResponse,
}

impl WireResponse {
    /// The answer to `qname`/`qtype`: the records of that type at the end of
    /// the CNAME chain starting at `qname`, exactly as
    /// [`DohResponse::answer_for`] (RCODE mapping, chains, loops). A
    /// truncated answer (TC) is not used (RFC 2181 §9): it gives
    /// [`DnsError::Transport`] with [`TRUNCATED`], a temporary failure. A
    /// response to another question is [`DnsError::Malformed`].
    pub fn answer_for(&self, qname: &str, qtype: RecordType) -> Result<Answer, DnsError> {
        if self.message.tc {
            return Err(DnsError::transport(TransportKind::Truncated, TRUNCATED));
        }
        let asked = normalize_name(&ascii(qname));
        if !self.message.question.is_empty()
            && !self
                .message
                .question
                .iter()
                .any(|q| q.rtype == qtype && normalize_name(&q.name) == asked)
        {
            return Err(DnsError::Malformed(format!(
                "the answer is for another question, not {asked} {qtype}"
            )));
        }
        self.message.answer_for(qname, qtype)
    }

    /// The response as `dig` prints it: the header with ID and opcode, the
    /// OPT pseudo-section, then [`DohResponse::dig_text`].
    pub fn dig_text(&self) -> String {
        let mut out = String::new();
        let opcode = match self.opcode {
            0 => "QUERY".to_string(),
            n => format!("OPCODE{n}"),
        };
        let _ = writeln!(
            out,
            ";; ->>HEADER<<- opcode: {opcode}, id: {}{}",
            self.id,
            if self.aa { ", aa" } else { "" }
        );
        if let Some(e) = &self.edns {
            let _ = writeln!(
                out,
                ";; OPT PSEUDOSECTION:\n; EDNS: version: {}, flags:{}; udp: {}",
                e.version,
                if e.dnssec_ok { " do" } else { "" },
                e.udp_size
            );
        }
        out.push_str(&self.message.dig_text());
        out
    }
}

/// The name in A-label form, as [`super::build_query`] sends it.
fn ascii(name: &str) -> String {
    let t = name.trim();
    if t.is_ascii() {
        return t.to_string();
    }
    crate::idn::to_ascii(t).unwrap_or_else(|_| t.to_string())
}

fn malformed(e: ReadError) -> DnsError {
    DnsError::Malformed(format!("{} at octet {}", e.what, e.at))
}

/// Decodes a whole response message. Fails only when the octets are not a
/// DNS response; a SERVFAIL or NXDOMAIN response decodes fine and
/// [`WireResponse::answer_for`] turns it into the error. Octets after the
/// last record are ignored.
pub fn decode_wire_response(bytes: &[u8]) -> Result<WireResponse, DnsError> {
    let mut r = Reader::new(bytes);
    // Header, RFC 1035 §4.1.1.
    let id = r.u16().map_err(malformed)?;
    let flags = r.u16().map_err(malformed)?;
    let mut counts = [0u16; 4];
    for c in &mut counts {
        *c = r.u16().map_err(malformed)?;
    }
    let [qdcount, ancount, nscount, arcount] = counts;
    if flags & 0x8000 == 0 {
        return Err(DnsError::Malformed("a query, not a response (QR is 0)".into()));
    }
    let bit = |n: u16| flags & (1 << n) != 0;
    let mut question = Vec::new();
    for _ in 0..qdcount {
        let name = r.name().map_err(malformed)?;
        let rtype = RecordType::from_number(r.u16().map_err(malformed)?);
        let _class = r.u16().map_err(malformed)?;
        question.push(DohQuestion { name, rtype });
    }
    let answer = section(&mut r, bytes, ancount, &mut None)?;
    let authority = section(&mut r, bytes, nscount, &mut None)?;
    let mut edns = None;
    let additional = section(&mut r, bytes, arcount, &mut edns)?;
    let extended = edns.as_ref().map_or(0, |(ext, _)| u32::from(*ext));
    Ok(WireResponse {
        id,
        opcode: ((flags >> 11) & 0x0F) as u8,
        aa: bit(10),
        edns: edns.map(|(_, e)| e),
        message: DohResponse {
            status: extended << 4 | u32::from(flags & 0x000F),
            tc: bit(9),
            rd: bit(8),
            ra: bit(7),
            ad: bit(5),
            cd: bit(4),
            question,
            answer,
            authority,
            additional,
            comment: None,
            edns_client_subnet: None,
        },
    })
}

/// Decodes a response message into the answer to `qname`/`qtype` (see
/// [`WireResponse::answer_for`]).
pub fn decode_wire(bytes: &[u8], qname: &str, qtype: RecordType) -> Result<Answer, DnsError> {
    decode_wire_response(bytes)?.answer_for(qname, qtype)
}

/// `count` resource records (RFC 1035 §4.1.3). An OPT record is taken out
/// into `edns` as (extended RCODE bits, fields); a second one is an error
/// (RFC 6891 §6.1.1).
fn section(
    r: &mut Reader<'_>,
    msg: &[u8],
    count: u16,
    edns: &mut Option<(u8, Edns)>,
) -> Result<Vec<DohRecord>, DnsError> {
    let mut out = Vec::new();
    for _ in 0..count {
        let name = r.name().map_err(malformed)?;
        let type_number = r.u16().map_err(malformed)?;
        let class = r.u16().map_err(malformed)?;
        let ttl = r.u32().map_err(malformed)?;
        let len = usize::from(r.u16().map_err(malformed)?);
        let start = r.pos;
        let data = r.bytes(len).map_err(malformed)?;
        if type_number == OPT_TYPE {
            if edns.is_some() {
                return Err(DnsError::Malformed("two OPT records".into()));
            }
            *edns = Some(((ttl >> 24) as u8, opt(class, ttl, data)?));
            continue;
        }
        let rtype = RecordType::from_number(type_number);
        let decoded = rdata(msg, start, len, rtype);
        let text = match &decoded {
            Ok(d) => d.to_string(),
            Err(_) => format_generic(data),
        };
        out.push(DohRecord {
            name,
            rtype,
            ttl,
            ttl_given: true,
            data: text,
            rdata: decoded,
        });
    }
    Ok(out)
}

/// The OPT fields (RFC 6891 §6.1.2, §6.1.3): CLASS is the payload size,
/// TTL holds the extended RCODE, version and DO bit, data the options.
fn opt(class: u16, ttl: u32, data: &[u8]) -> Result<Edns, DnsError> {
    let mut options = Vec::new();
    let mut r = Reader::new(data);
    while r.pos < data.len() {
        let code = r.u16().map_err(malformed)?;
        let len = usize::from(r.u16().map_err(malformed)?);
        options.push((code, r.bytes(len).map_err(malformed)?.to_vec()));
    }
    Ok(Edns {
        udp_size: class,
        version: (ttl >> 16) as u8,
        dnssec_ok: ttl & super::DO_BIT != 0,
        options,
    })
}

#[cfg(test)]
mod tests {
    use super::super::build_query;
    use super::*;
    use proptest::prelude::*;

    /// A response to `example.com MX` with the given flag octets, RCODE and
    /// answer records (already encoded).
    fn response(flags: [u8; 2], ancount: u16, answers: &[u8]) -> Vec<u8> {
        let mut m = vec![0x12, 0x34, flags[0], flags[1], 0, 1];
        m.extend_from_slice(&ancount.to_be_bytes());
        m.extend_from_slice(&[0, 0, 0, 0]);
        m.extend_from_slice(b"\x07example\x03com\x00\x00\x0f\x00\x01");
        m.extend_from_slice(answers);
        m
    }

    const MX_AT_12: &[u8] = b"\xc0\x0c\x00\x0f\x00\x01\x00\x00\x0e\x10\x00\x09\x00\x0a\x04mail\xc0\x0c";

    #[test]
    fn rcodes_and_flags() {
        let ok = decode_wire_response(&response([0x81, 0xa0], 1, MX_AT_12)).expect("decodes");
        assert_eq!(ok.id, 0x1234);
        assert!(ok.message.rd && ok.message.ra && ok.message.ad && !ok.message.tc);
        assert_eq!(ok.message.answer[0].ttl, 3600);
        assert_eq!(ok.message.answer[0].name, "example.com.");
        let a = ok.answer_for("Example.com.", RecordType::Mx).expect("answer");
        assert!(a.authenticated_data);
        assert_eq!(a.ttl, Some(3600), "the wire TTL comes through");
        assert_eq!(a.records[0].to_string(), "10 mail.example.com.");
        let dig = ok.dig_text();
        assert!(
            dig.starts_with(";; ->>HEADER<<- opcode: QUERY, id: 4660\n;; status: NOERROR, flags: rd ra ad\n")
        );
        assert!(dig.contains("example.com.\t3600\tIN\tMX\t10 mail.example.com."));
        let cases = [
            ([0x81, 0x80], 0, DnsError::NoData),
            ([0x81, 0x82], 0, DnsError::ServFail),
            ([0x81, 0x83], 0, DnsError::NxDomain),
            ([0x81, 0x85], 0, DnsError::Refused),
            ([0x81, 0x81], 0, DnsError::Malformed("status FORMERR".into())),
            (
                [0x83, 0x80],
                1,
                DnsError::transport(TransportKind::Truncated, TRUNCATED),
            ),
        ];
        for (flags, n, want) in cases {
            let answers = if n == 1 { MX_AT_12 } else { &[] };
            assert_eq!(
                decode_wire(&response(flags, n, answers), "example.com", RecordType::Mx),
                Err(want),
                "{flags:?}"
            );
        }
        assert_eq!(
            decode_wire(
                &response([0x81, 0x80], 1, MX_AT_12),
                "example.org",
                RecordType::Mx
            ),
            Err(DnsError::Malformed(
                "the answer is for another question, not example.org MX".into()
            ))
        );
        assert!(matches!(
            decode_wire(&response([0x01, 0x80], 0, &[]), "example.com", RecordType::Mx),
            Err(DnsError::Malformed(_))
        ));
    }

    #[test]
    fn edns_is_read_and_not_listed() {
        let mut m = response([0x81, 0x80], 0, &[]);
        m[11] = 1; // ARCOUNT
        m.extend_from_slice(b"\x00\x00\x29\x04\xd0\x01\x00\x80\x00\x00\x04\x00\x0a\x00\x00");
        let r = decode_wire_response(&m).expect("decodes");
        let e = r.edns.clone().expect("edns");
        assert_eq!((e.udp_size, e.version, e.dnssec_ok), (1232, 0, true));
        assert_eq!(e.options, vec![(10, vec![])]);
        // Extended RCODE 1 << 4 | 0 = 16 (BADVERS).
        assert_eq!(r.message.status, 16);
        assert!(r.message.additional.is_empty());
        assert!(r.dig_text().contains("; EDNS: version: 0, flags: do; udp: 1232"));
    }

    #[test]
    fn unreadable_record_data_is_kept_raw() {
        let bad_a = b"\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x05\x00\x03\x01\x02\x03";
        let r = decode_wire_response(&response([0x81, 0x80], 1, bad_a)).expect("decodes");
        assert_eq!(r.message.answer[0].data, "\\# 3 010203");
        assert!(matches!(
            r.answer_for("example.com", RecordType::A),
            Err(DnsError::Malformed(_))
        ));
    }

    #[test]
    fn own_query_reads_back_as_a_question() {
        let mut q = build_query("mail.example.com", RecordType::Aaaa, true).expect("q");
        q[2] |= 0x80; // make it a response
        let r = decode_wire_response(&q).expect("decodes");
        assert_eq!(r.message.question[0].name, "mail.example.com.");
        assert_eq!(r.message.question[0].rtype, RecordType::Aaaa);
        assert_eq!(
            r.answer_for("mail.example.com", RecordType::Aaaa),
            Err(DnsError::NoData)
        );
        assert!(r.edns.is_some_and(|e| e.dnssec_ok));
    }

    proptest! {
        #[test]
        fn never_panics(b in proptest::collection::vec(any::<u8>(), 0..600), t in 0u16..300) {
            let _ = decode_wire(&b, "example.com", RecordType::from_number(t));
            if let Ok(r) = decode_wire_response(&b) {
                let _ = r.dig_text();
            }
        }

        #[test]
        fn never_panics_after_a_valid_header(
            tail in proptest::collection::vec(any::<u8>(), 0..400),
            counts in proptest::collection::vec(0u8..4, 4),
        ) {
            let mut m = vec![0, 0, 0x81, 0x80];
            for c in &counts {
                m.extend_from_slice(&[0, *c]);
            }
            m.extend_from_slice(&tail);
            for t in [RecordType::A, RecordType::Txt, RecordType::Mx, RecordType::Soa] {
                let _ = decode_wire(&m, "example.com", t);
            }
        }

        #[test]
        fn query_round_trip(
            labels in proptest::collection::vec("[a-z0-9_-]{1,20}", 1..5),
            t in 1u16..300,
            dnssec in any::<bool>(),
        ) {
            let name = labels.join(".");
            let qtype = RecordType::from_number(t);
            let mut q = build_query(&name, qtype, dnssec).expect("valid name");
            if let Some(b) = q.get_mut(2) {
                *b |= 0x80;
            }
            let r = decode_wire_response(&q).expect("decodes");
            prop_assert_eq!(&r.message.question[0].name, &format!("{name}."));
            prop_assert_eq!(r.message.question[0].rtype, qtype);
            prop_assert_eq!(r.edns.map(|e| e.dnssec_ok), Some(dnssec));
        }
    }
}
