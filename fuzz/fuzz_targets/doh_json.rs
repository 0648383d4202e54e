//! The DoH JSON decoder (Google/Cloudflare `application/dns-json`) and the
//! HTTP reply around it: decoding any body never panics; a decoded
//! response answers each question with records of the type asked, and the
//! one-step decoder agrees with decode-then-answer.
#![no_main]
use libfuzzer_sys::fuzz_target;
use maildns::dns::doh_json_resolver::decode_http;
use maildns::dns::http::HttpReply;
use maildns::dns::{decode_json, decode_json_response, RecordType};

fuzz_target!(|data: &[u8]| {
    let body = maildns_fuzz::text(data);
    match decode_json_response(&body) {
        Ok(message) => {
            maildns_fuzz::check_response(&message);
            assert_eq!(
                decode_json(&body, "example.com", RecordType::Txt),
                message.answer_for("example.com", RecordType::Txt)
            );
        }
        Err(e) => maildns_fuzz::assert_catalogued(e.code()),
    }
    for status in [200, 400] {
        let reply = HttpReply {
            status,
            body: body.clone(),
        };
        if let Err(e) = decode_http(&reply, "example.com", RecordType::Mx) {
            maildns_fuzz::assert_catalogued(e.code());
        }
    }
});
