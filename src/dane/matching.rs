//! TLSA records against the certificates a server presents (RFC 6698 §2.1,
//! for SMTP RFC 7672 §3.1), and the record pair for a key rollover.

use super::read::{Presented, PresentedKind};
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::Tlsa;
use sha2::{Digest, Sha256, Sha512};

/// The certificate association data of `item` for a selector and matching
/// type (RFC 6698 §2.1.2, §2.1.3), or `None` when it cannot be computed:
/// an unknown selector or matching type, or selector 0 (the full
/// certificate) of a bare public key.
pub fn association(item: &Presented, selector: u8, matching_type: u8) -> Option<Vec<u8>> {
    // RFC 6698 §2.1.2: selector 0 is the full certificate (DER), 1 the
    // SubjectPublicKeyInfo (DER).
    let selected: &[u8] = match (selector, item.kind) {
        (Tlsa::SELECTOR_CERT, PresentedKind::Certificate) => &item.der,
        (Tlsa::SELECTOR_SPKI, _) => &item.spki,
        _ => return None,
    };
    // RFC 6698 §2.1.3: 0 exact match, 1 SHA-256, 2 SHA-512.
    match matching_type {
        Tlsa::MATCH_FULL => Some(selected.to_vec()),
        Tlsa::MATCH_SHA256 => Some(Sha256::digest(selected).to_vec()),
        Tlsa::MATCH_SHA512 => Some(Sha512::digest(selected).to_vec()),
        _ => None,
    }
}

/// The TLSA record of `item` with these parameters, when it can be made.
pub fn record_for(item: &Presented, usage: u8, selector: u8, matching_type: u8) -> Option<Tlsa> {
    association(item, selector, matching_type).map(|data| Tlsa {
        usage,
        selector,
        matching_type,
        data,
    })
}

/// One record and the certificates (positions in the chain) it matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordMatch {
    pub record: Tlsa,
    /// Positions of the matched certificates or keys ([`Presented::position`]).
    pub matched: Vec<usize>,
}

/// The comparison of a TLSA RRset with a presented chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Every record, in the order given, with what it matched.
    pub records: Vec<RecordMatch>,
    pub findings: Vec<Finding>,
}

impl Comparison {
    /// True when at least one usable record matches: a DANE sender would
    /// accept this chain (RFC 7672 §2.2: any one usable record suffices).
    pub fn any_match(&self) -> bool {
        self.records.iter().any(|r| !r.matched.is_empty())
    }
}

/// Compares the TLSA records published for `host` (`_25._tcp.<host>`) with
/// the chain the server presents (position 0 its own certificate).
///
/// - Usage 3, DANE-EE: only the server's own certificate counts
///   (RFC 7672 §3.1.1; RFC 7671 §5.1).
/// - Usage 2, DANE-TA: a trust anchor among the issuer certificates the
///   server sends, never the leaf itself (RFC 7672 §3.1.2: the server
///   must include the TA certificate in its chain; RFC 7671 §5.2).
/// - Usages 0 and 1, PKIX-TA/PKIX-EE: not for SMTP (RFC 7672 §3.1.3);
///   reported, never matched.
/// - Unknown usage, selector or matching type: unusable (RFC 7671 §4.1).
pub fn compare(records: &[Tlsa], chain: &[Presented], host: &str) -> Comparison {
    let mut findings = Vec::new();
    let mut out = Vec::new();
    if records.is_empty() {
        // RFC 7672 §3.1.1 recommends 3 1 1: offered as the record to publish.
        let mut f = Finding::info(code::dane::NO_RECORDS, host, "RFC 7672 §3.1.1");
        if let Some(t) = chain
            .iter()
            .find(|c| c.position == 0)
            .and_then(|leaf| record_for(leaf, Tlsa::DANE_EE, Tlsa::SELECTOR_SPKI, Tlsa::MATCH_SHA256))
        {
            f = f.with_fix(t.to_string());
        }
        findings.push(f);
    }
    if chain.is_empty() {
        findings.push(Finding::info(code::dane::NO_CHAIN, host, "RFC 7672 §3.1"));
    }
    let certs_only_leaf = chain.len() <= 1;
    for record in records {
        let text = record.to_string();
        let mut matched = Vec::new();
        let usable = record.usage <= 3 && record.selector <= 1 && record.matching_type <= 2;
        if !usable {
            findings.push(Finding::warning(code::dane::UNUSABLE, host, "RFC 7671 §4.1").arg("record", &text));
            out.push(RecordMatch {
                record: record.clone(),
                matched,
            });
            continue;
        }
        if record.usage < Tlsa::DANE_TA {
            findings.push(
                Finding::warning(code::tlsa::PKIX_USAGE, host, "RFC 7672 §3.1.3").arg("usage", record.usage),
            );
            out.push(RecordMatch {
                record: record.clone(),
                matched,
            });
            continue;
        }
        if record.selector == Tlsa::SELECTOR_CERT && record.matching_type == Tlsa::MATCH_FULL {
            // RFC 7671 §10.1.2 advises digests over full data for size.
            findings.push(
                Finding::info(code::tlsa::FULL_DATA, host, "RFC 7671 §10.1.2").arg("len", record.data.len()),
            );
        }
        let candidates: Vec<&Presented> = match record.usage {
            Tlsa::DANE_EE => chain.iter().filter(|c| c.position == 0).collect(),
            _ => chain.iter().filter(|c| c.position > 0).collect(),
        };
        let mut needs_certificate = false;
        for c in candidates {
            match association(c, record.selector, record.matching_type) {
                Some(data) if data == record.data => matched.push(c.position),
                Some(_) => {}
                None => needs_certificate = true,
            }
        }
        if matched.is_empty() {
            if record.usage == Tlsa::DANE_TA {
                let leaf = chain.iter().find(|c| c.position == 0);
                if leaf
                    .and_then(|l| association(l, record.selector, record.matching_type))
                    .as_ref()
                    == Some(&record.data)
                {
                    findings.push(
                        Finding::warning(code::dane::TA_MATCHES_LEAF, host, "RFC 7672 §3.1.2")
                            .arg("record", &text),
                    );
                } else if certs_only_leaf {
                    findings.push(
                        Finding::info(code::dane::TA_NOT_SENT, host, "RFC 7672 §3.1.2").arg("record", &text),
                    );
                } else {
                    findings.push(
                        Finding::warning(code::dane::RECORD_UNMATCHED, host, "RFC 6698 §2.1")
                            .arg("record", &text),
                    );
                }
            } else if needs_certificate {
                findings.push(
                    Finding::info(code::dane::NEEDS_CERTIFICATE, host, "RFC 6698 §2.1.2")
                        .arg("record", &text),
                );
            } else {
                findings.push(
                    Finding::warning(code::dane::RECORD_UNMATCHED, host, "RFC 6698 §2.1")
                        .arg("record", &text),
                );
            }
        } else {
            for p in &matched {
                let label = chain
                    .iter()
                    .find(|c| c.position == *p)
                    .map(Presented::label)
                    .unwrap_or_default();
                findings.push(
                    Finding::info(code::dane::RECORD_MATCHES, host, "RFC 6698 §2.1")
                        .arg("record", &text)
                        .arg("certificate", label),
                );
            }
        }
        out.push(RecordMatch {
            record: record.clone(),
            matched,
        });
    }
    let comparison = Comparison {
        records: out,
        findings,
    };
    let mut findings = comparison.findings;
    let matching: Vec<&RecordMatch> = comparison
        .records
        .iter()
        .filter(|r| !r.matched.is_empty())
        .collect();
    if !records.is_empty() && !chain.is_empty() && matching.is_empty() {
        // RFC 7672 §2.2: with no usable matching record, a DANE sender
        // does not deliver (the TLSA RRset is authenticated but unusable or
        // mismatched: delivery is deferred).
        let fix = chain
            .iter()
            .find(|c| c.position == 0)
            .and_then(|leaf| record_for(leaf, Tlsa::DANE_EE, Tlsa::SELECTOR_SPKI, Tlsa::MATCH_SHA256))
            .map(|t| t.to_string());
        let mut f = Finding::error(code::dane::NO_MATCH, host, "RFC 7672 §2.2");
        if let Some(fix) = fix {
            f = f.with_fix(fix);
        }
        findings.push(f);
    } else if !matching.is_empty() && matching.iter().all(|r| r.record.selector == Tlsa::SELECTOR_CERT) {
        // RFC 7671 §5.1 and RFC 7672 §3.1.1: selector 1 (the key) survives a
        // renewal that keeps the key; selector 0 (the whole certificate)
        // changes with every new certificate, even with the same key.
        let fix = chain
            .iter()
            .find(|c| c.position == 0)
            .and_then(|leaf| record_for(leaf, Tlsa::DANE_EE, Tlsa::SELECTOR_SPKI, Tlsa::MATCH_SHA256))
            .map(|t| t.to_string());
        let mut f = Finding::warning(code::dane::CERT_ONLY, host, "RFC 7671 §5.1");
        if let Some(fix) = fix {
            f = f.with_fix(fix);
        }
        findings.push(f);
    }
    Comparison {
        records: comparison.records,
        findings,
    }
}

/// The records to publish before a key rollover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rollover {
    /// `3 1 1` of the current key, then of the next one (one record when
    /// both are the same key).
    pub records: Vec<Tlsa>,
    pub findings: Vec<Finding>,
}

/// The "current + next" pair for a DANE-EE key rollover: RFC 7671 §8.1
/// and RFC 7672 §3.1.1 — publish `3 1 1` of the next key beside the
/// current one, wait at least the TLSA TTL (twice is safer), switch the
/// server to the new key, then remove the old record.
pub fn rollover(current: &Presented, next: &Presented, host: &str) -> Rollover {
    let mut records = Vec::new();
    let mut findings = Vec::new();
    let make = |p: &Presented| record_for(p, Tlsa::DANE_EE, Tlsa::SELECTOR_SPKI, Tlsa::MATCH_SHA256);
    if let Some(t) = make(current) {
        records.push(t);
    }
    if current.spki == next.spki {
        findings.push(Finding::info(code::dane::SAME_KEY, host, "RFC 7671 §8.1"));
    } else {
        if let Some(t) = make(next) {
            records.push(t);
        }
        findings.push(Finding::info(code::dane::ROLLOVER, host, "RFC 7671 §8.1"));
    }
    Rollover { records, findings }
}

/// The command that prints what an MX host presents on port 25, for each
/// host that is a plain host name (letters, digits, `-`, `.`): anything
/// else is left out, so nothing pasted can reach a shell through it.
/// `-servername` sends SNI, which DANE clients do (RFC 7672 §8.1).
pub fn openssl_commands<'a>(hosts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    hosts
        .into_iter()
        .map(|h| h.trim().trim_end_matches('.'))
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 253
                && !h.starts_with('-')
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        })
        .map(|h| {
            format!("openssl s_client -starttls smtp -connect {h}:25 -showcerts -servername {h} </dev/null")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_only_for_host_names() {
        assert_eq!(
            openssl_commands(["mx1.example.com.", "bad;rm -rf /", "-x", ""]),
            vec!["openssl s_client -starttls smtp -connect mx1.example.com:25 -showcerts -servername mx1.example.com </dev/null"]
        );
    }
}
