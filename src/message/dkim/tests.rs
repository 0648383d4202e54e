//! Unit tests of the verification steps that need no key: header hash
//! input, body-hash caching, and the verdicts that come before crypto.

use super::*;
use crate::message::header;

fn message(text: &str) -> MessageBytes {
    header::read(text.as_bytes(), 1 << 20).expect("message").0
}

#[test]
fn header_hash_input_takes_fields_from_the_bottom_and_empties_b() {
    let text = "Received: x\r\nFrom: a@x.net\r\nTo: one@y\r\nTo: two@y\r\nDKIM-Signature: v=1; a=rsa-sha256; d=x.net; s=s;\r\n h=to:to:to:from; bh=AAAA; b=AA\r\n  AA\r\n\r\nbody\r\n";
    let m = message(text);
    let f = m
        .fields
        .iter()
        .find(|f| f.is("DKIM-Signature"))
        .expect("sig")
        .clone();
    let sig = signature::parse(&m, &f).expect("valid");
    let input = header_hash_input(&m, &sig, &f);
    let expected = "To: two@y\r\nTo: one@y\r\nFrom: a@x.net\r\nDKIM-Signature: v=1; a=rsa-sha256; d=x.net; s=s;\r\n h=to:to:to:from; bh=AAAA; b=";
    assert_eq!(String::from_utf8_lossy(&input), expected);
}
