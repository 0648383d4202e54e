//! Aliyun DNS and DNSPod record tables, read into records.
//!
//! Neither panel documents the file its export button writes (both give a
//! spreadsheet). What both document is the record's fields, which their
//! record lists, export sheets and import templates use as column headers:
//! Aliyun `记录类型, 主机记录, 解析线路, 记录值, MX优先级, TTL值, 状态, 备注`
//! (API: `Type, RR, Line, Value, Priority, TTL, Status, Remark`, line
//! `default`), DNSPod `主机记录, 记录类型, 线路类型, 记录值, MX优先级, TTL,
//! 状态, 备注` (international console: `Host, Type, Split Zone, Value, MX,
//! TTL, Remarks`; API `sub_domain, record_type, record_line, value, mx,
//! ttl`, line `默认`). This reader takes such a table as text: saved as CSV
//! (comma, UTF-8) or copied out of the spreadsheet (tab-separated), or
//! DNSPod's older `|`-separated text; columns found by header name in any
//! order, extra columns ignored. Sources: `tests/import/SOURCES.md`.
//!
//! Rules: host `@` is the domain, other hosts are relative to it (the
//! table never names the domain, so the caller's origin hint, or a `域名` /
//! `Domain` column, is needed); names in values are absolute; a TXT value
//! is the bare text (quoted presentation form also read); MX takes its
//! priority from its column; an empty TTL is 600, both panels' default;
//! TTLs may be written `10分钟` as the console shows them. Only the default
//! line (`默认` / `default`) is read: records on other lines (电信, 联通,
//! 境外, …) and paused records are counted in a note and left alone, as
//! the plan has one answer per name.

use super::{check_text, sort_records, ExportKind, ImportError, Imported, OtherType};
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::name::{Name, NameKind};
use crate::model::record::{parse_ttl, Rdata, Record, RecordType, MAX_TTL};
use crate::model::txt::Txt;
use std::collections::BTreeMap;

/// A column the reader uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Type,
    Host,
    Line,
    Value,
    Priority,
    Ttl,
    Status,
    Domain,
}

/// Header names (lowercase, before any `(` or `（`) of each column.
const HEADERS: &[(Column, &[&str])] = &[
    (
        Column::Type,
        &["记录类型", "类型", "type", "record type", "record_type"],
    ),
    (
        Column::Host,
        &[
            "主机记录",
            "主机",
            "host",
            "rr",
            "host record",
            "sub_domain",
            "子域名",
            "name",
        ],
    ),
    (
        Column::Line,
        &[
            "解析线路",
            "线路类型",
            "线路",
            "line",
            "split zone",
            "record line",
            "isp line",
            "record_line",
        ],
    ),
    (Column::Value, &["记录值", "value", "record value"]),
    (
        Column::Priority,
        &["mx优先级", "mx", "mx priority", "priority", "优先级"],
    ),
    (Column::Ttl, &["ttl", "ttl值"]),
    (Column::Status, &["状态", "status"]),
    (Column::Domain, &["域名", "domain"]),
];

/// The columns every row needs, with the name the message shows.
const REQUIRED: &[(Column, &str)] = &[
    (Column::Type, "记录类型"),
    (Column::Host, "主机记录"),
    (Column::Value, "记录值"),
];

/// Reads an Aliyun DNS record table (see the module documentation).
pub fn read_aliyun(text: &str, origin_hint: Option<&Name>) -> Result<Imported, ImportError> {
    check_text(text)?;
    read_table(text, origin_hint, ExportKind::Aliyun)
}

/// Reads a DNSPod record table (see the module documentation).
pub fn read_dnspod(text: &str, origin_hint: Option<&Name>) -> Result<Imported, ImportError> {
    check_text(text)?;
    read_table(text, origin_hint, ExportKind::Dnspod)
}

/// The header line: its 1-based number and text (the first line that is
/// not blank).
fn header_line(text: &str) -> Option<(usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_start_matches('\u{feff}')))
        .find(|(_, l)| !l.trim().is_empty())
}

fn delimiter(header: &str) -> char {
    ['\t', ',', '|']
        .into_iter()
        .find(|d| header.contains(*d))
        .unwrap_or(',')
}

fn column_of(cell: &str) -> Option<Column> {
    let key = cell.trim().trim_matches('"').to_lowercase();
    let key = key.split(['(', '（']).next().unwrap_or("").trim();
    HEADERS
        .iter()
        .find(|(_, names)| names.contains(&key))
        .map(|(c, _)| *c)
}

/// A panel table, and which panel, when the first line is a header naming
/// at least three of the record columns: Aliyun when its line column is
/// `解析线路` (Aliyun's word; DNSPod says `线路类型` or `线路`), DNSPod
/// otherwise.
pub(crate) fn detect(text: &str) -> Option<ExportKind> {
    let (_, header) = header_line(text)?;
    let cells = split_row(header, delimiter(header))?;
    let known = cells.iter().filter(|c| column_of(c).is_some()).count();
    if known < 3 {
        return None;
    }
    let aliyun = cells.iter().any(|c| c.trim().starts_with("解析线路"));
    Some(if aliyun {
        ExportKind::Aliyun
    } else {
        ExportKind::Dnspod
    })
}

/// Splits a row at `delim`; a cell in double quotes may hold the
/// delimiter and `""` for a quote (RFC 4180 §2). `None` for an unclosed
/// quote.
fn split_row(line: &str, delim: char) -> Option<Vec<String>> {
    let mut cells = Vec::new();
    let mut chars = line.trim_end_matches('\r').chars().peekable();
    loop {
        let mut cell = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    None => return None,
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        cell.push('"');
                    }
                    Some('"') => break,
                    Some(c) => cell.push(c),
                }
            }
            // Anything between the closing quote and the delimiter is kept.
            while let Some(c) = chars.peek().copied().filter(|c| *c != delim) {
                cell.push(c);
                chars.next();
            }
        } else {
            while let Some(c) = chars.peek().copied().filter(|c| *c != delim) {
                cell.push(c);
                chars.next();
            }
        }
        cells.push(cell.trim().to_string());
        if chars.next().is_none() {
            return Some(cells);
        }
    }
}

/// Reads a table as `kind` (the format named in the result).
pub(crate) fn read_table(
    text: &str,
    origin_hint: Option<&Name>,
    kind: ExportKind,
) -> Result<Imported, ImportError> {
    let (header_no, header) = header_line(text).ok_or(ImportError {
        line: None,
        code: code::import::EMPTY,
        args: Vec::new(),
    })?;
    let delim = delimiter(header);
    let bad_row = |line: usize| bad_line(line, "a quoted cell is not closed");
    let cells = split_row(header, delim).ok_or_else(|| bad_row(header_no))?;
    let index = |col: Column| cells.iter().position(|c| column_of(c) == Some(col));
    for (col, shown) in REQUIRED {
        if index(*col).is_none() {
            return Err(ImportError::at(header_no, code::import::MISSING_COLUMN).arg("column", shown));
        }
    }
    let (Some(i_type), Some(i_host), Some(i_value)) =
        (index(Column::Type), index(Column::Host), index(Column::Value))
    else {
        return Err(ImportError::at(header_no, code::import::MISSING_COLUMN).arg("column", "记录类型"));
    };
    let (i_line, i_prio, i_ttl, i_status, i_domain) = (
        index(Column::Line),
        index(Column::Priority),
        index(Column::Ttl),
        index(Column::Status),
        index(Column::Domain),
    );
    let needed = i_type.max(i_host).max(i_value) + 1;
    let mut origin = origin_hint.cloned();
    let mut records = Vec::new();
    let mut other: BTreeMap<OtherType, usize> = BTreeMap::new();
    let (mut other_lines, mut paused) = (0usize, 0usize);
    for (i, raw) in text.lines().enumerate().skip(header_no) {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let row = split_row(raw, delim).ok_or_else(|| bad_row(line))?;
        if row.len() < needed {
            return Err(ImportError::at(line, code::import::BAD_ROW)
                .arg("found", row.len())
                .arg("count", needed));
        }
        let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).map_or("", |s| s.as_str());
        let status = cell(i_status).to_lowercase();
        if ["暂停", "停用", "禁用", "disable", "disabled", "paused", "pause"].contains(&status.as_str())
        {
            paused += 1;
            continue;
        }
        let record_line = cell(i_line).to_lowercase();
        if !["", "默认", "default", "全部"].contains(&record_line.as_str()) {
            other_lines += 1;
            continue;
        }
        let type_word = row[i_type].trim();
        let Ok(rtype) = RecordType::parse(type_word) else {
            *other
                .entry(OtherType::Mnemonic(type_word.to_uppercase()))
                .or_default() += 1;
            continue;
        };
        if origin.is_none() {
            let domain = cell(i_domain);
            if !domain.is_empty() {
                origin = Some(
                    Name::host(domain)
                        .map_err(|_| ImportError::at(line, code::import::BAD_NAME).arg("name", domain))?,
                );
            }
        }
        let host = row[i_host].trim();
        let Some(o) = origin.as_ref() else {
            return Err(ImportError::at(line, code::import::NO_ORIGIN).arg("name", host));
        };
        let name = Name::from_relative(host, o, NameKind::Service)
            .map_err(|_| ImportError::at(line, code::import::BAD_NAME).arg("name", host))?;
        let rdata = row_rdata(rtype, row[i_value].trim(), cell(i_prio), line)?;
        let ttl = match cell(i_ttl) {
            "" => DEFAULT_TTL,
            t => panel_ttl(t).ok_or_else(|| ImportError::at(line, code::import::BAD_TTL).arg("ttl", t))?,
        };
        records.push(Record::new(name, ttl, rdata));
    }
    let Some(origin) = origin else {
        return Err(ImportError {
            line: None,
            code: code::import::EMPTY,
            args: Vec::new(),
        });
    };
    let mut notes = Vec::new();
    if other_lines > 0 {
        notes.push(Finding::info(code::import::OTHER_LINES, origin.as_str(), "").arg("count", other_lines));
    }
    if paused > 0 {
        notes.push(Finding::info(code::import::PAUSED, origin.as_str(), "").arg("count", paused));
    }
    Ok(sort_records(kind, origin, records, other, notes))
}

/// Both panels' default TTL: 600 seconds (10 minutes).
const DEFAULT_TTL: u32 = 600;

fn bad_line(line: usize, problem: &str) -> ImportError {
    ImportError::at(line, code::import::BAD_LINE).arg("problem", problem)
}

/// The record data of a row: names absolute, TXT bare, MX with its
/// priority column.
fn row_rdata(rtype: RecordType, value: &str, priority: &str, line: usize) -> Result<Rdata, ImportError> {
    let absolute = |v: &str| {
        if v.ends_with('.') {
            v.to_string()
        } else {
            format!("{v}.")
        }
    };
    let text = match rtype {
        RecordType::Txt | RecordType::Spf
            if !(value.len() >= 2 && value.starts_with('"') && value.ends_with('"')) =>
        {
            let txt = Txt::from_value(value);
            return Ok(if rtype == RecordType::Spf {
                Rdata::Spf(txt)
            } else {
                Rdata::Txt(txt)
            });
        }
        RecordType::Mx if value.contains(' ') => value.to_string(),
        RecordType::Mx => {
            let p = priority.trim();
            if p.is_empty() || p == "-" {
                return Err(ImportError::at(line, code::import::NO_PRIORITY));
            }
            format!("{p} {}", absolute(value))
        }
        RecordType::Cname | RecordType::Ns | RecordType::Ptr => absolute(value),
        _ => value.to_string(),
    };
    Rdata::parse(rtype, &text).map_err(|e| {
        ImportError::at(line, code::import::BAD_DATA)
            .arg("rtype", rtype)
            .arg("reason", e.code())
    })
}

/// A TTL as the panels write it: seconds, or a number with 秒, 分钟,
/// 小时 or 天 (the console's “10 分钟”).
fn panel_ttl(text: &str) -> Option<u32> {
    let t = text.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let unit_secs: u64 = match unit.trim() {
        "" | "秒" | "s" => 1,
        "分钟" | "分" | "min" => 60,
        "小时" | "h" => 3600,
        "天" | "d" => 86_400,
        _ => return None,
    };
    let n = u64::from(parse_ttl(number).ok()?);
    let total = n.checked_mul(unit_secs)?;
    u32::try_from(total).ok().filter(|t| *t <= MAX_TTL)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Name {
        Name::service(s).expect("name")
    }

    fn lines(imported: &Imported) -> Vec<String> {
        imported.records.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn reads_an_aliyun_table() {
        let text = "记录类型,主机记录,解析线路(isp),记录值,MX优先级,TTL值,状态(启用/暂停),备注\nMX,@,默认,mx.example.com,10,600,启用,\nTXT,@,默认,\"v=spf1 mx -all\",,10分钟,启用,\nTXT,_dmarc,默认,v=DMARC1; p=none,,600,启用,\nA,mx,默认,192.0.2.1,,600,启用,\nA,mx,联通,192.0.2.9,,600,启用,\nA,www,默认,192.0.2.2,,600,启用,\nTXT,old,默认,v=spf1 -all,,600,暂停,\nREDIRECT_URL,go,默认,https://example.org,,600,启用,\n";
        assert_eq!(detect(text), Some(ExportKind::Aliyun));
        let got = super::super::read_export(text, Some(&name("example.com"))).expect("reads");
        assert_eq!(got.format, ExportKind::Aliyun);
        assert_eq!(
            lines(&got),
            [
                "example.com. 600 IN MX 10 mx.example.com.",
                "example.com. 600 IN TXT \"v=spf1 mx -all\"",
                "_dmarc.example.com. 600 IN TXT \"v=DMARC1; p=none\"",
                "mx.example.com. 600 IN A 192.0.2.1",
            ]
        );
        assert_eq!(
            got.other.get(&OtherType::Mnemonic("REDIRECT_URL".into())),
            Some(&1)
        );
        assert_eq!(got.other.get(&OtherType::Dns(RecordType::A)), Some(&1));
        let codes: Vec<&str> = got.notes.iter().map(|n| n.code).collect();
        assert_eq!(
            codes,
            [
                code::import::OTHER_LINES,
                code::import::PAUSED,
                code::import::LEFT_ALONE
            ]
        );
        for n in &got.notes {
            assert!(crate::i18n::render_problems(n).is_empty(), "{n:?}");
        }
    }

    #[test]
    fn reads_a_dnspod_table_tab_or_pipe_separated() {
        let tab = "主机记录\t记录类型\t线路类型\t记录值\tMX优先级\tTTL\t备注\n@\tMX\t默认\tmx.example.com.\t5\t600\t\n_dmarc\tTXT\t境外\tv=DMARC1; p=reject\t-\t600\t\n";
        assert_eq!(detect(tab), Some(ExportKind::Dnspod));
        let got = read_dnspod(tab, Some(&name("example.com"))).expect("reads");
        assert_eq!(lines(&got), ["example.com. 600 IN MX 5 mx.example.com."]);
        let pipe = "主机|类型|线路|记录值|MX优先级|TTL|备注\n@|MX|默认|mx.example.com|10|600|\n";
        assert_eq!(detect(pipe), Some(ExportKind::Dnspod));
        assert_eq!(
            read_dnspod(pipe, Some(&name("example.com"))).map(|i| i.mail_relevant),
            Ok(1)
        );
        let english = "Type,Host,Split Zone,Value,MX,TTL,Remarks\nMX,@,Default,mx.example.com,10,600,\n";
        assert_eq!(
            read_dnspod(english, Some(&name("example.com"))).map(|i| i.mail_relevant),
            Ok(1)
        );
    }

    #[test]
    fn table_refusals_name_the_line() {
        let hint = name("example.com");
        for (text, hint, want, line) in [
            (
                "主机记录,记录类型,线路类型,MX优先级,TTL\n@,MX,默认,10,600\n",
                Some(&hint),
                code::import::MISSING_COLUMN,
                Some(1),
            ),
            (
                "主机记录,记录类型,线路类型,记录值\n@,MX\n",
                Some(&hint),
                code::import::BAD_ROW,
                Some(2),
            ),
            (
                "主机记录,记录类型,线路类型,记录值,MX优先级\n@,MX,默认,mx.example.com,\n",
                Some(&hint),
                code::import::NO_PRIORITY,
                Some(2),
            ),
            (
                "主机记录,记录类型,线路类型,记录值\n@,A,默认,192.0.2.300\n",
                Some(&hint),
                code::import::BAD_DATA,
                Some(2),
            ),
            (
                "主机记录,记录类型,线路类型,记录值,TTL\n@,A,默认,192.0.2.1,ten\n",
                Some(&hint),
                code::import::BAD_TTL,
                Some(2),
            ),
            (
                "主机记录,记录类型,线路类型,记录值\nmail,A,默认,192.0.2.1\n",
                None,
                code::import::NO_ORIGIN,
                Some(2),
            ),
            (
                "主机记录,记录类型,线路类型,记录值\n\"mail,A,默认,192.0.2.1\n",
                Some(&hint),
                code::import::BAD_LINE,
                Some(2),
            ),
        ] {
            let e = read_export_table(text, hint).expect_err(text);
            assert_eq!((e.code, e.line), (want, line), "{text:?}");
            assert!(
                crate::i18n::render_problems(&e.to_finding()).is_empty(),
                "{text:?}"
            );
        }
    }

    fn read_export_table(text: &str, hint: Option<&Name>) -> Result<Imported, ImportError> {
        super::super::read_export(text, hint)
    }

    #[test]
    fn a_domain_column_stands_in_for_the_hint_and_ttls_read_as_shown() {
        let text = "域名,主机记录,记录类型,记录值,MX优先级,TTL\nexample.net,@,MX,mx.example.net,10,1小时\n";
        let got = read_dnspod(text, None).expect("reads");
        assert_eq!(lines(&got), ["example.net. 3600 IN MX 10 mx.example.net."]);
        assert_eq!(panel_ttl("10 分钟"), Some(600));
        assert_eq!(panel_ttl("1天"), Some(86_400));
        assert_eq!(panel_ttl("99999999999"), None);
    }
}
