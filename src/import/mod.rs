//! Reading a DNS panel's zone export into records: the first step of
//! adopting a domain that already has DNS (issue part 2). Pure: text in,
//! records and findings out; no I/O, linear in the input.
//!
//! Three formats, detected by [`read_export`] (or read by their own
//! function):
//! - a BIND master file (RFC 1035 §5.1), which Cloudflare, Route 53, most
//!   registrars and `dig AXFR` give: [`read_bind`] in [`bind`];
//! - an Aliyun DNS (阿里云云解析) record table and a DNSPod record table, as
//!   CSV or tab-separated text: [`read_aliyun`] and [`read_dnspod`] in
//!   [`table`]. Neither panel documents the file its “导出” button writes
//!   (an .xlsx download); what both document is the record's fields (主机记录
//!   / RR, 记录类型, 解析线路 / 线路, 记录值, MX优先级, TTL, 状态, 备注) and an
//!   import template with these columns. The reader takes that table
//!   saved as CSV (UTF-8) or copied from the spreadsheet (tab-separated),
//!   recognising the columns by their header names. Sources:
//!   `tests/import/SOURCES.md`.
//!
//! Only mail-relevant records are returned ([`is_mail_relevant`]); every
//! other record is counted by type in [`Imported::other`] and left alone.
//! Refused, with the line: `$INCLUDE`, `$GENERATE`, relative names with no
//! origin, binary or non-UTF-8 text, more than [`MAX_BYTES`].

pub mod bind;
pub mod table;

pub use bind::read_bind;
pub use table::{read_aliyun, read_dnspod};

use crate::finding::Finding;
use crate::i18n::code;
use crate::model::name::Name;
use crate::model::record::{Rdata, Record, RecordType};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// The largest export read: 2 MB. A mail domain's zone is a few kilobytes;
/// a large provider's full zone fits many times over.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// Which format an export was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportKind {
    /// A BIND master file or `dig AXFR` output.
    Bind,
    /// Aliyun DNS (阿里云云解析) record table.
    Aliyun,
    /// DNSPod (腾讯云) record table.
    Dnspod,
}

/// The type of a record left alone: a type the model knows, or the type
/// word as written for one it does not (`HTTPS`, `DS`, Aliyun's
/// `REDIRECT_URL`, DNSPod's `显性URL`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OtherType {
    Dns(RecordType),
    Mnemonic(String),
}

impl std::fmt::Display for OtherType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OtherType::Dns(t) => write!(f, "{t}"),
            OtherType::Mnemonic(s) => f.write_str(s),
        }
    }
}

/// What an export held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub format: ExportKind,
    /// The zone's domain: the first `$ORIGIN`, else the SOA owner, else
    /// the origin hint (the domain typed in the form), else the shortest
    /// owner name.
    pub origin: Name,
    /// The mail-relevant records, in file order, exact duplicates dropped
    /// (`dig AXFR` repeats the SOA; a zone holds a record once).
    pub records: Vec<Record>,
    /// `records.len()`.
    pub mail_relevant: usize,
    /// Records counted and left alone, by type.
    pub other: BTreeMap<OtherType, usize>,
    /// Remarks: other lines, paused records, what was left alone.
    pub notes: Vec<Finding>,
}

/// Why an export was refused: the line (1-based) when there is one, a
/// stable `import.*` code and the message's arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub line: Option<usize>,
    pub code: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl ImportError {
    pub(crate) fn at(line: usize, code: &'static str) -> ImportError {
        ImportError {
            line: Some(line),
            code,
            args: vec![("line", line.to_string())],
        }
    }

    pub(crate) fn arg(mut self, name: &'static str, value: impl ToString) -> ImportError {
        self.args.push((name, value.to_string()));
        self
    }

    /// The error as a finding (severity error), its subject the line.
    pub fn to_finding(&self) -> Finding {
        let subject = self.line.map_or_else(String::new, |l| format!("line {l}"));
        let mut f = Finding::error(self.code, subject, "RFC 1035 §5.1");
        f.args = self.args.clone();
        f
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{} (line {l})", self.code),
            None => f.write_str(self.code),
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads an export of any of the three formats, detected from its first
/// line that is not blank or a comment: a header row naming the record
/// columns is a panel table (Aliyun when its line column is `解析线路`,
/// DNSPod otherwise), anything else a zone file. `origin_hint` is the
/// domain the user typed: relative names are read against it when the
/// file has no `$ORIGIN` (panel tables never name the domain).
pub fn read_export(text: &str, origin_hint: Option<&Name>) -> Result<Imported, ImportError> {
    check_text(text)?;
    match table::detect(text) {
        Some(kind) => table::read_table(text, origin_hint, kind),
        None => read_bind(text, origin_hint),
    }
}

/// [`read_export`] for a dropped file's bytes: refuses more than
/// [`MAX_BYTES`] before looking further, binary content, and text that is
/// not UTF-8 (a GBK spreadsheet export), each naming the line.
pub fn read_export_bytes(bytes: &[u8], origin_hint: Option<&Name>) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(too_large(bytes.len()));
    }
    if let Some(e) = spreadsheet(bytes) {
        return Err(e);
    }
    if let Some(at) = bytes.iter().position(|b| *b == 0) {
        return Err(ImportError::at(line_of(bytes, at), code::import::BINARY));
    }
    // A UTF-8 byte-order mark, as Excel writes it, is not part of the text.
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) => read_export(text, origin_hint),
        Err(e) => Err(ImportError::at(
            line_of(body, e.valid_up_to()),
            code::import::NOT_UTF8,
        )),
    }
}

/// The refusal of an export of `size` bytes (over [`MAX_BYTES`]).
pub fn too_large(size: usize) -> ImportError {
    ImportError {
        line: None,
        code: code::import::TOO_LARGE,
        args: vec![("size", size.to_string()), ("max", MAX_BYTES.to_string())],
    }
}

/// The 1-based line of byte offset `at`.
fn line_of(bytes: &[u8], at: usize) -> usize {
    bytes[..at.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The checks every reader makes first: size, NUL and other control
/// bytes that no text export holds, and U+FFFD (the mark a lossy decoder
/// leaves where the bytes were not UTF-8).
pub(crate) fn check_text(text: &str) -> Result<(), ImportError> {
    if text.len() > MAX_BYTES {
        return Err(too_large(text.len()));
    }
    let bytes = text.as_bytes();
    if let Some(e) = spreadsheet(bytes) {
        return Err(e);
    }
    if let Some(at) = bytes
        .iter()
        .position(|b| *b == 0 || (*b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)))
    {
        return Err(ImportError::at(line_of(bytes, at), code::import::BINARY));
    }
    if let Some(at) = text.find('\u{fffd}') {
        return Err(ImportError::at(line_of(bytes, at), code::import::NOT_UTF8));
    }
    Ok(())
}

/// A spreadsheet chosen as it was downloaded: the panels' own export
/// button writes one (see the module notes). Known by its first bytes: a
/// ZIP local file header (`PK\x03\x04`, APPNOTE.TXT §4.3.7: .xlsx, .ods)
/// or an OLE2 compound file signature (`D0 CF 11 E0 A1 B1 1A E1`, [MS-CFB]
/// §2.2: .xls). A file the browser read as text keeps the ZIP header
/// (ASCII bytes); the OLE2 one comes as its lossy UTF-8 decoding
/// (`OLE2_AS_TEXT`), which the page's `Blob.text()` and Rust's
/// `from_utf8_lossy` make alike (the WHATWG decoder replaces each maximal
/// invalid subpart with one U+FFFD).
fn spreadsheet(bytes: &[u8]) -> Option<ImportError> {
    const OLE2: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";
    const OLE2_AS_TEXT: &str = "\u{fffd}\u{fffd}\u{11}\u{871}\u{1a}\u{fffd}";
    let kind = if bytes.starts_with(b"PK\x03\x04") {
        ".xlsx"
    } else if bytes.starts_with(OLE2) || bytes.starts_with(OLE2_AS_TEXT.as_bytes()) {
        ".xls"
    } else {
        return None;
    };
    Some(ImportError::at(1, code::import::SPREADSHEET).arg("kind", kind))
}

/// The mail-relevance rule. A record is taken into the plan when it is
/// under the origin and:
/// 1. it is MX, CAA, or SPF-type (99);
/// 2. it is TXT starting `v=spf1` (SPF at the domain or at a host's HELO
///    name, RFC 7208 §3);
/// 3. its owner has a label `_dmarc` (RFC 7489 §6.1, also the `_report`
///    authorizations of §7.1), `_domainkey` (RFC 6376 §3.6.2.1),
///    `_mta-sts` (RFC 8461 §3.1) or `_smtp._tls` (RFC 8460 §3);
/// 4. its owner starts with a mail port's `_<port>._tcp` (TLSA, RFC 7672
///    §2.2: 25, 465, 587, 110, 143, 993, 995) or a mail service's SRV
///    label (RFC 6186: `_submission`, `_submissions`, `_imap`, `_imaps`,
///    `_pop3`, `_pop3s`; RFC 6764 is not mail; `_autodiscover`);
/// 5. it is A, AAAA or CNAME at a mail host: an MX exchange or a mail SRV
///    target named in the same export, or a name whose first label is
///    `mta-sts`, `autoconfig`, `autodiscover`, `mail`, `smtp`, `imap`,
///    `pop`, `pop3`, `webmail`, `mx` or `mx` followed by digits.
///
/// Everything else (NS, SOA, the web site's A, verification TXT, …) is
/// counted and left alone.
pub fn is_mail_relevant(record: &Record, origin: &Name, mail_hosts: &HashSet<Name>) -> bool {
    if !record.name.is_subdomain_of(origin) {
        return false;
    }
    let labels: Vec<&str> = record.name.labels().collect();
    let has = |l: &str| labels.iter().any(|x| x.eq_ignore_ascii_case(l));
    match &record.rdata {
        Rdata::Mx(_) | Rdata::Caa(_) | Rdata::Spf(_) => return true,
        Rdata::Txt(t) if t.value().trim_start().to_ascii_lowercase().starts_with("v=spf1") => return true,
        _ => {}
    }
    if has("_dmarc") || has("_domainkey") || has("_mta-sts") {
        return true;
    }
    if let [first, second, ..] = labels.as_slice() {
        let second_tcp = second.eq_ignore_ascii_case("_tcp");
        if first.eq_ignore_ascii_case("_smtp") && second.eq_ignore_ascii_case("_tls") {
            return true;
        }
        if second_tcp && MAIL_SERVICES.iter().any(|s| first.eq_ignore_ascii_case(s)) {
            return true;
        }
    }
    if matches!(record.rdata, Rdata::A(_) | Rdata::Aaaa(_) | Rdata::Cname(_)) {
        return mail_hosts.contains(&record.name) || labels.first().is_some_and(|l| mail_host_label(l));
    }
    false
}

/// The first labels of owner names that carry mail records: TLSA ports
/// and SRV services (rule 4 of [`is_mail_relevant`]).
const MAIL_SERVICES: &[&str] = &[
    "_25",
    "_465",
    "_587",
    "_110",
    "_143",
    "_993",
    "_995",
    "_submission",
    "_submissions",
    "_imap",
    "_imaps",
    "_pop3",
    "_pop3s",
    "_autodiscover",
];

fn mail_host_label(label: &str) -> bool {
    let l = label.to_ascii_lowercase();
    matches!(
        l.as_str(),
        "mta-sts"
            | "autoconfig"
            | "autodiscover"
            | "mail"
            | "smtp"
            | "imap"
            | "pop"
            | "pop3"
            | "webmail"
            | "mx"
    ) || l
        .strip_prefix("mx")
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// Sorts what a reader found into [`Imported`]: drops exact duplicates,
/// finds the mail hosts, applies [`is_mail_relevant`], counts the rest and
/// adds the `left_alone` note. `other` already holds what the reader
/// counted itself (unknown and panel-only types, other lines).
pub(crate) fn sort_records(
    format: ExportKind,
    origin: Name,
    all: Vec<Record>,
    mut other: BTreeMap<OtherType, usize>,
    mut notes: Vec<Finding>,
) -> Imported {
    let mut seen = HashSet::new();
    let all: Vec<Record> = all.into_iter().filter(|r| seen.insert(r.clone())).collect();
    let mut mail_hosts = HashSet::new();
    for r in &all {
        match &r.rdata {
            Rdata::Mx(mx) => {
                mail_hosts.insert(mx.exchange.clone());
            }
            Rdata::Srv(srv) => {
                let first = r.name.labels().next().unwrap_or("");
                if MAIL_SERVICES.iter().any(|s| first.eq_ignore_ascii_case(s)) {
                    mail_hosts.insert(srv.target.clone());
                }
            }
            _ => {}
        }
    }
    let mut records = Vec::new();
    for r in all {
        if is_mail_relevant(&r, &origin, &mail_hosts) {
            records.push(r);
        } else {
            *other.entry(OtherType::Dns(r.rtype())).or_default() += 1;
        }
    }
    let left: usize = other.values().sum();
    if left > 0 {
        let types: BTreeSet<String> = other.keys().map(ToString::to_string).collect();
        let types: Vec<String> = types.into_iter().collect();
        notes.push(
            Finding::info(code::import::LEFT_ALONE, origin.as_str(), "RFC 1035 §5.1")
                .arg("count", left)
                .arg("types", types.join(", ")),
        );
    }
    Imported {
        format,
        origin,
        mail_relevant: records.len(),
        records,
        other,
        notes,
    }
}

#[cfg(test)]
pub(crate) const CODES: &[&str] = code::import::ALL;

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Name {
        Name::service(s).expect("name")
    }

    #[test]
    fn every_code_is_catalogued() {
        crate::i18n::assert_catalogued(CODES);
    }

    #[test]
    fn the_rule_takes_mail_records_and_leaves_the_rest() {
        let origin = name("example.com");
        let hosts: HashSet<Name> = [name("mx.example.com")].into_iter().collect();
        let rec =
            |n: &str, t: RecordType, d: &str| Record::new(name(n), 300, Rdata::parse(t, d).expect("data"));
        for (r, want) in [
            (rec("example.com", RecordType::Mx, "10 mx.example.com."), true),
            (rec("example.com", RecordType::Txt, "\"v=spf1 mx -all\""), true),
            (
                rec("example.com", RecordType::Txt, "\"google-site-verification=x\""),
                false,
            ),
            (
                rec("_dmarc.example.com", RecordType::Txt, "\"v=DMARC1; p=none\""),
                true,
            ),
            (
                rec("s1._domainkey.example.com", RecordType::Txt, "\"v=DKIM1; p=\""),
                true,
            ),
            (
                rec("_mta-sts.example.com", RecordType::Txt, "\"v=STSv1; id=1\""),
                true,
            ),
            (
                rec(
                    "_smtp._tls.example.com",
                    RecordType::Txt,
                    "\"v=TLSRPTv1; rua=mailto:a@b.c\"",
                ),
                true,
            ),
            (
                rec(
                    "_submission._tcp.example.com",
                    RecordType::Srv,
                    "0 1 587 mx.example.com.",
                ),
                true,
            ),
            (
                rec("_25._tcp.mx.example.com", RecordType::Tlsa, "3 1 1 aabb"),
                true,
            ),
            (rec("mx.example.com", RecordType::A, "192.0.2.1"), true),
            (
                rec("mta-sts.example.com", RecordType::Cname, "sts.host.example."),
                true,
            ),
            (rec("mx12.example.com", RecordType::Aaaa, "2001:db8::1"), true),
            (rec("www.example.com", RecordType::A, "192.0.2.2"), false),
            (rec("example.com", RecordType::Ns, "ns1.example.net."), false),
            (
                rec("example.com", RecordType::Caa, "0 issue \"letsencrypt.org\""),
                true,
            ),
            (rec("example.org", RecordType::Mx, "10 mx.example.org."), false),
        ] {
            assert_eq!(is_mail_relevant(&r, &origin, &hosts), want, "{r}");
        }
    }

    #[test]
    fn bytes_are_checked_before_reading() {
        let big = vec![b'a'; MAX_BYTES + 1];
        assert_eq!(
            read_export_bytes(&big, None).map_err(|e| e.code),
            Err(code::import::TOO_LARGE)
        );
        let nul = b"$ORIGIN example.com.\n@ 300 IN A 192.0.2.1\x00\n";
        let e = read_export_bytes(nul, None).expect_err("binary");
        assert_eq!((e.code, e.line), (code::import::BINARY, Some(2)));
        let gbk = b"\xbc\xc7\xc2\xbc\xc0\xe0\xd0\xcd,\xd6\xf7\xbb\xfa\n";
        let e = read_export_bytes(gbk, None).expect_err("gbk");
        assert_eq!((e.code, e.line), (code::import::NOT_UTF8, Some(1)));
        let bom = b"\xef\xbb\xbf$ORIGIN example.com.\n@ 300 IN MX 10 mx\n";
        assert_eq!(read_export_bytes(bom, None).map(|i| i.mail_relevant), Ok(1));
    }

    #[test]
    fn a_spreadsheet_is_named_as_one() {
        let kind = |e: ImportError| {
            (
                e.code,
                e.line,
                e.args.iter().find(|(k, _)| *k == "kind").map(|(_, v)| v.clone()),
            )
        };
        let xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00";
        let want = (code::import::SPREADSHEET, Some(1), Some(".xlsx".to_string()));
        assert_eq!(read_export_bytes(xlsx, None).map_err(kind), Err(want.clone()));
        // Read as text by the browser, the ZIP header survives.
        let text = String::from_utf8_lossy(xlsx).into_owned();
        assert_eq!(read_export(&text, None).map_err(kind), Err(want));
        let xls = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00";
        let want = (code::import::SPREADSHEET, Some(1), Some(".xls".to_string()));
        assert_eq!(read_export_bytes(xls, None).map_err(kind), Err(want.clone()));
        let text = String::from_utf8_lossy(xls).into_owned();
        assert_eq!(read_export(&text, None).map_err(kind), Err(want));
        // A zone whose first owner starts with "PK" is a zone.
        let zone = "PK.example.com. 300 IN MX 10 mx.example.com.\n";
        assert_ne!(
            read_export(zone, None).map_err(|e| e.code),
            Err(code::import::SPREADSHEET)
        );
    }

    #[test]
    fn a_lossy_decoded_file_is_named_not_utf8() {
        let e = read_export("a\nb\u{fffd}c\n", None).expect_err("lossy");
        assert_eq!((e.code, e.line), (code::import::NOT_UTF8, Some(2)));
    }
}
