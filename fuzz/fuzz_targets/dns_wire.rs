//! The RFC 8484 wire decoder (RFC 1035 §4.1 messages, compression §4.1.4,
//! EDNS RFC 6891) and the HTTP reply around it: decoding any octets never
//! panics; a decoded response answers with records of the type asked, and
//! every record read prints as presentation text that reads back the same.
#![no_main]
use libfuzzer_sys::fuzz_target;
use maildns::dns::http::HttpBytesReply;
use maildns::dns::doh_wire_resolver::decode_wire_http_answer;
use maildns::dns::wire::{decode_wire, decode_wire_response, DNS_MESSAGE};
use maildns::dns::RecordType;

fuzz_target!(|data: &[u8]| {
    match decode_wire_response(data) {
        Ok(response) => {
            maildns_fuzz::check_response(&response.message);
            assert_eq!(
                decode_wire(data, "example.com", RecordType::Txt),
                response.answer_for("example.com", RecordType::Txt)
            );
        }
        Err(e) => maildns_fuzz::assert_catalogued(e.code()),
    }
    let reply = HttpBytesReply {
        status: 200,
        content_type: Some(DNS_MESSAGE.to_string()),
        body: data.to_vec(),
    };
    if let Err(e) = decode_wire_http_answer(&reply, "example.com", RecordType::Mx) {
        maildns_fuzz::assert_catalogued(e.code());
    }
});
