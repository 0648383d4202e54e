//! Bad input (issue 18's list): each gives a clear finding, and the work
//! stays bounded. No crypto is needed: the verifier here refuses every
//! signature, and the zone is empty (every key question is NXDOMAIN).

use super::*;
use crate::dns::memory::MemoryZone;
use crate::i18n::code;
use crypto::{CryptoError, VerifyRequest};
use dkim::{DkimVerdict, MAX_SIGNATURES};
use futures::executor::block_on;

struct Refuses;

impl SignatureVerifier for Refuses {
    async fn verify(&self, _: &VerifyRequest) -> Result<bool, CryptoError> {
        Ok(false)
    }
}

fn run(input: &[u8]) -> Result<MessageReport, Box<Finding>> {
    let m = read(input).map_err(|e| Box::new(e.to_finding()))?;
    let q = m.proposed_spf_question();
    Ok(block_on(check(
        &m,
        q.as_ref(),
        1_800_000_000,
        &MemoryZone::new(),
        &Refuses,
    )))
}

const SIG: &str = "DKIM-Signature: v=1; a=rsa-sha256; d=x.net; s=s; h=from; bh=AAAA; b=AAAA\r\n";

#[test]
fn no_headers() {
    let e = run(b"Hello, this is only the body of a message.\r\n").expect_err("not a message");
    assert_eq!(e.code, code::message::NO_HEADERS);
    assert_eq!(run(b"").expect_err("empty").code, code::message::EMPTY);
}

#[test]
fn a_20_mb_paste_is_refused_before_any_work() {
    let big = vec![b'a'; 20 * 1024 * 1024];
    let e = run(&big).expect_err("too large");
    assert_eq!(e.code, code::message::TOO_LARGE);
    assert_eq!(e.get_arg("max"), Some(MAX_MESSAGE_BYTES.to_string().as_str()));
}

#[test]
fn five_hundred_signatures_are_bounded() {
    let mut text = String::new();
    for _ in 0..500 {
        text.push_str(SIG);
    }
    text.push_str("From: a@x.net\r\n\r\nbody\r\n");
    let r = run(text.as_bytes()).expect("read");
    assert_eq!(r.dkim.len(), MAX_SIGNATURES);
    let note = r
        .findings
        .iter()
        .find(|f| f.code == code::message::TOO_MANY_SIGNATURES)
        .expect("named");
    assert_eq!(note.get_arg("count"), Some("500"));
    // The key is not there: permerror (RFC 6376 §6.1.2), never fail.
    assert!(r.dkim.iter().all(|d| d.verdict == DkimVerdict::PermError));
}

#[test]
fn header_lines_of_100_kb() {
    let mut text = format!("From: a@x.net\r\nSubject: {}\r\n", "x".repeat(100 * 1024));
    text.push_str(SIG);
    text.push_str("\r\nbody\r\n");
    let r = run(text.as_bytes()).expect("read");
    assert!(r.findings.iter().any(|f| f.code == code::message::LONG_LINE));
    assert_eq!(r.dkim.len(), 1);
}

#[test]
fn nul_bytes() {
    let r = run(b"From: a@x.net\r\nSubject: a\0b\r\n\r\nbo\0dy\r\n").expect("read");
    let f = r
        .findings
        .iter()
        .find(|f| f.code == code::message::NUL_BYTE)
        .expect("NUL");
    assert_eq!(f.get_arg("line"), Some("2"));
}

#[test]
fn broken_base64_in_b_and_bh() {
    for (tag, sig) in [
        (
            "b",
            "DKIM-Signature: v=1; a=rsa-sha256; d=x.net; s=s; h=from; bh=AAAA;\r\n b=AB$%CD\r\n",
        ),
        (
            "bh",
            "DKIM-Signature: v=1; a=rsa-sha256; d=x.net; s=s; h=from;\r\n bh=AAA; b=AAAA\r\n",
        ),
    ] {
        let text = format!("From: a@x.net\r\n{sig}\r\nbody\r\n");
        let r = run(text.as_bytes()).expect("read");
        let d = r.dkim.first().expect("one signature");
        assert_eq!(d.verdict, DkimVerdict::PermError, "{tag}");
        let f = d.findings.first().expect("reason");
        assert_eq!(f.code, code::message::SIG_BAD_BASE64, "{tag}");
        assert_eq!(f.get_arg("tag"), Some(tag));
        assert_eq!(f.get_arg("line"), Some("3"));
    }
}

#[test]
fn a_failed_key_question_is_temperror_never_fail() {
    struct Down;
    impl crate::dns::Resolver for Down {
        async fn query(
            &self,
            _: &str,
            _: crate::dns::RecordType,
        ) -> Result<crate::dns::Answer, crate::dns::DnsError> {
            Err(crate::dns::DnsError::Timeout)
        }
    }
    let m = read(format!("From: a@x.net\r\n{SIG}\r\nbody\r\n").as_bytes()).expect("read");
    let r = block_on(check(&m, None, 0, &Down, &Refuses));
    assert!(matches!(
        r.dkim.first().map(|d| &d.verdict),
        Some(DkimVerdict::TempError { .. })
    ));
    assert_eq!(r.dmarc.result, dmarc::DmarcResult::TempError);
}

#[test]
fn rsa_sha1_fails_without_asking_for_the_key() {
    let sig = SIG.replace("rsa-sha256", "rsa-sha1");
    let r = run(format!("From: a@x.net\r\n{sig}\r\nbody\r\n").as_bytes()).expect("read");
    assert_eq!(
        r.dkim.first().map(|d| &d.verdict),
        Some(&DkimVerdict::Fail {
            step: dkim::FailedStep::Sha1
        })
    );
}

#[test]
fn every_finding_has_both_texts() {
    for c in code::message::ALL {
        let m = crate::i18n::lookup(c).expect("in the catalogue");
        assert!(
            !m.text(crate::i18n::Lang::En).is_empty() && !m.text(crate::i18n::Lang::ZhCn).is_empty(),
            "{c}"
        );
    }
}

#[test]
fn arc_fields_are_named_as_information() {
    let text = "ARC-Seal: i=1; a=rsa-sha256; cv=none; d=list.example; s=s; b=AAAA\r\nARC-Authentication-Results: i=1; mx.list.example; dkim=pass header.d=x.net\r\nFrom: a@x.net\r\n\r\nbody\r\n";
    let r = run(text.as_bytes()).expect("read");
    let f = r
        .findings
        .iter()
        .find(|f| f.code == code::message::ARC_SEEN)
        .expect("ARC named");
    assert_eq!(f.severity, crate::finding::Severity::Info);
    assert_eq!(f.get_arg("instance"), Some("1"));
    assert_eq!(f.get_arg("cv"), Some("none"));
    assert_eq!(f.get_arg("count"), Some("2"));
}

#[test]
fn a_missing_return_path_is_not_taken_for_a_bounce_silently() {
    let hop = "Received: from mail.x.net (mail.x.net [185.47.112.9]) by mx.y.org; Mon, 7 Dec 2026\r\n";
    let r = run(format!("{hop}From: a@x.net\r\n\r\nbody\r\n").as_bytes()).expect("read");
    let f = r
        .findings
        .iter()
        .find(|f| f.code == code::message::NO_RETURN_PATH)
        .expect("named");
    assert_eq!(f.get_arg("helo"), Some("mail.x.net"));
    let bounce =
        run(format!("Return-Path: <>\r\n{hop}From: a@x.net\r\n\r\nbody\r\n").as_bytes()).expect("read");
    assert!(!bounce
        .findings
        .iter()
        .any(|f| f.code == code::message::NO_RETURN_PATH));
    assert_eq!(bounce.spf.map(|s| s.identity), Some(spf::SpfIdentity::Helo));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Pieces a message is made of, and noise between them.
    fn piece() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            Just(b"From: a@x.net\r\n".to_vec()),
            Just(SIG.as_bytes().to_vec()),
            Just(b"DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed; d=x.net; s=s; h=from:from; l=3; bh=AAAA; b=AAAA\r\n".to_vec()),
            Just(b"Received: from h ([185.47.112.9]) by mx; x\r\n".to_vec()),
            Just(b"Authentication-Results: mx; dkim=pass header.d=x.net\r\n".to_vec()),
            Just(b"\r\n".to_vec()),
            Just(b"\n".to_vec()),
            Just(b" folded \t\r\n".to_vec()),
            proptest::collection::vec(any::<u8>(), 0..24),
        ]
    }

    fn canonical_lines(b: &[u8]) -> Vec<u8> {
        b.iter().copied().filter(|&c| c != b'\r' && c != b'\n').collect()
    }

    proptest! {
        #[test]
        fn never_panics_and_always_says_something(parts in proptest::collection::vec(piece(), 0..24)) {
            let input: Vec<u8> = parts.concat();
            match run(&input) {
                Err(f) => prop_assert!(crate::i18n::lookup(f.code).is_some()),
                Ok(r) => {
                    prop_assert!(r.dkim.len() <= MAX_SIGNATURES);
                    for d in &r.dkim {
                        prop_assert!(!d.findings.is_empty());
                        prop_assert!(d.verdict != DkimVerdict::Pass, "nothing verifies with a refusing verifier");
                    }
                }
            }
        }

        /// RFC 6376 §3.4: canonicalizing twice changes nothing.
        #[test]
        fn body_canonicalization_is_idempotent(lines in proptest::collection::vec("[ \\ta-z\u{e9}]{0,12}", 0..8)) {
            let body = lines.join("\r\n").into_bytes();
            for c in [canon::Canon::Simple, canon::Canon::Relaxed] {
                let once = canon::body(c, &body);
                prop_assert_eq!(&canon::body(c, &once), &once);
            }
            // Relaxed only ever removes or shrinks white space.
            let relaxed = canon::body(canon::Canon::Relaxed, &body);
            let squeeze = |b: &[u8]| canonical_lines(b).into_iter().filter(|c| *c != b' ' && *c != b'\t').collect::<Vec<u8>>();
            prop_assert_eq!(squeeze(&relaxed), squeeze(&body));
        }
    }
}

#[test]
fn a_dmarc_pass_names_only_what_passed_aligned() {
    use crate::i18n::{explain, Lang};
    let pass = |dkim: &str, spf: &str| {
        Finding::info(code::message::DMARC_PASS, "x.net", "")
            .arg("dkim", dkim)
            .arg("spf", spf)
            .arg(
                "both",
                if !dkim.is_empty() && !spf.is_empty() {
                    "y"
                } else {
                    ""
                },
            )
    };
    assert_eq!(
        explain(Lang::En, &pass("", "x.net")),
        "DMARC passes for x.net, through SPF aligned with x.net."
    );
    assert_eq!(
        explain(Lang::En, &pass("x.net", "x.net")),
        "DMARC passes for x.net, through DKIM aligned with x.net and SPF aligned with x.net."
    );
    assert_eq!(
        explain(Lang::ZhCn, &pass("x.net", "")),
        "x.net 的 DMARC 通过，依据：与 x.net 对齐的 DKIM。"
    );
}
