//! What each DNS panel's "add record" form can hold, as its provider
//! documents it, and the records of a set that cannot be entered there as
//! generated ([`panel_findings`]).
//!
//! Every limit carries the address of the document it comes from
//! ([`Limit::source`]); a limit no document states is left out (`None`), so
//! the page never refuses a record on a guess. Lengths count the value as
//! the panel's row gives it ([`super::panel_rows`]): unquoted for the panels
//! that split TXT themselves, quoted strings for those that want them typed.

use super::panel::{panel_rows, Panel, PanelRow};
use crate::finding::Finding;
use crate::generate::RecordSet;
use crate::i18n::code;
use crate::model::record::RecordType;

/// One documented limit: the value and the document that states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit<T> {
    pub value: T,
    pub source: &'static str,
}

const fn limit<T>(value: T, source: &'static str) -> Option<Limit<T>> {
    Some(Limit { value, source })
}

/// How a TXT value longer than one 255-octet string is typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TxtEntry {
    /// One unquoted string; the panel splits it.
    Unquoted,
    /// Double-quoted strings of at most 255 characters, separated by a space.
    Quoted255,
}

/// Which characters a TXT value may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TxtCharacters {
    /// ASCII letters, digits, space, and only these punctuation marks.
    Only(&'static str),
    /// Anything but these.
    Not(&'static str),
}

impl TxtCharacters {
    fn allows(self, c: char) -> bool {
        match self {
            TxtCharacters::Only(extra) => c.is_ascii_alphanumeric() || c == ' ' || extra.contains(c),
            TxtCharacters::Not(bad) => !bad.contains(c),
        }
    }
}

/// What one panel's form can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PanelLimits {
    /// Record types the form offers.
    pub types: Option<Limit<&'static [RecordType]>>,
    /// Longest TXT character-string, in characters.
    pub txt_string_max: Option<Limit<usize>>,
    /// Longest TXT value as typed, in characters.
    pub txt_value_max: Option<Limit<usize>>,
    /// Largest record in wire format, in octets.
    pub wire_max: Option<Limit<usize>>,
    pub txt_characters: Option<Limit<TxtCharacters>>,
    pub txt_entry: Option<Limit<TxtEntry>>,
    /// Lowest and highest MX priority the form takes.
    pub mx_priority: Option<Limit<(u16, u16)>>,
    /// Lowest TTL, in seconds, on the plan tier the page's users start with
    /// (the free or non-Enterprise one).
    pub min_ttl: Option<Limit<u32>>,
    /// Whether the host field takes `@` for the domain itself.
    pub host_at: Option<Limit<bool>>,
}

const NONE: PanelLimits = PanelLimits {
    types: None,
    txt_string_max: None,
    txt_value_max: None,
    wire_max: None,
    txt_characters: None,
    txt_entry: None,
    mx_priority: None,
    min_ttl: None,
    host_at: None,
};

/// Aliyun DNS, "解析记录类型格式" (record type formats, 2024-07):
/// MX priority "1-10"; TXT "长度小于512" with letters, digits, space and
/// `-~=:;/.@+^!*`; the host (RR) may be empty, i.e. `@`. No TLSA.
pub const ALIYUN_TYPES_DOC: &str = "https://www.alibabacloud.com/help/zh/dns/dns-record-types";
/// Aliyun DNS, "TTL definition": the Free Edition takes 600 to 86400 s
/// (paid editions go lower).
pub const ALIYUN_TTL_DOC: &str = "https://www.alibabacloud.com/help/doc-detail/29806.htm";
/// Aliyun DNS features: "A, CNAME, MX, TXT, SRV, AAAA, NS, and CAA".
pub const ALIYUN_FEATURES_DOC: &str =
    "https://www.alibabacloud.com/help/en/alibaba-cloud-dns/latest/features";
/// Cloudflare, "DNS record types": a record is at most 4,096 octets in
/// wire format; the name is a subdomain or the apex `@`.
pub const CLOUDFLARE_TYPES_DOC: &str =
    "https://developers.cloudflare.com/dns/manage-dns-records/reference/dns-record-types/";
/// Cloudflare, "Time to Live (TTL)": DNS-only records take 60 s (30 s on
/// Enterprise) to 1 day; Auto is 300 s.
pub const CLOUDFLARE_TTL_DOC: &str =
    "https://developers.cloudflare.com/dns/manage-dns-records/reference/ttl/";
/// Cloudflare's API schema (its TypeScript SDK, generated from it): TXT
/// strings over 255 octets "are automatically split".
pub const CLOUDFLARE_TXT_DOC: &str = "https://github.com/cloudflare/cloudflare-typescript/pull/1777";
/// Route 53, "Supported DNS record types", TXT: quoted strings of at most
/// 255 characters each.
pub const ROUTE53_TXT_DOC: &str =
    "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html#TXTFormat";
/// Route 53 API, `ResourceRecordSet.Type`: A, AAAA, CAA, CNAME, DS, MX,
/// NAPTR, NS, PTR, SOA, SPF, SRV, TXT, TLSA, SSHFP, SVCB, HTTPS.
pub const ROUTE53_TYPES_DOC: &str =
    "https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html";
/// Route 53 API, `ResourceRecord.Value`: "not to exceed 4,000 characters".
pub const ROUTE53_VALUE_DOC: &str =
    "https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecord.html";
/// Huawei Cloud DNS, "解析记录类型及配置规则" for public zones: types A, CNAME,
/// MX, AAAA, TXT, SRV, NS, SOA, CAA; TXT in double quotes, each string at
/// most 255 characters, the record at most 4096, no backslash.
pub const HUAWEI_TYPES_DOC: &str = "https://support.huaweicloud.com/usermanual-dns/dns_usermanual_0601.html";
/// Huawei Cloud DNS API, 创建 Record Set: `ttl` "取值范围：1~2147483647".
pub const HUAWEI_TTL_DOC: &str = "https://support.huaweicloud.com/api-dns/dns_api_64001.html";

/// DNSPod (Tencent Cloud), API 2021-03-23 `CreateRecord`, as Tencent's own
/// Go SDK carries it: MX priority 1 to 20; the host (`SubDomain`) defaults
/// to `@`; TTL 1 to 604800 with a minimum that depends on the plan, not
/// stated per plan (so no TTL limit here).
pub const DNSPOD_API_DOC: &str =
    "https://github.com/TencentCloud/tencentcloud-sdk-go/blob/master/tencentcloud/dnspod/v20210323/models.go";

/// The table: what each panel's provider documents.
pub const fn limits(panel: Panel) -> PanelLimits {
    use RecordType as T;
    match panel {
        Panel::Aliyun => PanelLimits {
            types: limit(
                &[T::A, T::Cname, T::Mx, T::Txt, T::Srv, T::Aaaa, T::Ns, T::Caa],
                ALIYUN_FEATURES_DOC,
            ),
            txt_value_max: limit(511, ALIYUN_TYPES_DOC),
            txt_characters: limit(TxtCharacters::Only("-~=:;/.@+^!*"), ALIYUN_TYPES_DOC),
            mx_priority: limit((1, 10), ALIYUN_TYPES_DOC),
            min_ttl: limit(600, ALIYUN_TTL_DOC),
            host_at: limit(true, ALIYUN_TYPES_DOC),
            ..NONE
        },
        Panel::Cloudflare => PanelLimits {
            wire_max: limit(4096, CLOUDFLARE_TYPES_DOC),
            txt_entry: limit(TxtEntry::Unquoted, CLOUDFLARE_TXT_DOC),
            min_ttl: limit(60, CLOUDFLARE_TTL_DOC),
            host_at: limit(true, CLOUDFLARE_TYPES_DOC),
            ..NONE
        },
        Panel::Route53 => PanelLimits {
            types: limit(
                &[
                    T::A,
                    T::Aaaa,
                    T::Caa,
                    T::Cname,
                    T::Mx,
                    T::Ns,
                    T::Ptr,
                    T::Soa,
                    T::Spf,
                    T::Srv,
                    T::Txt,
                    T::Tlsa,
                ],
                ROUTE53_TYPES_DOC,
            ),
            txt_string_max: limit(255, ROUTE53_TXT_DOC),
            txt_value_max: limit(4000, ROUTE53_VALUE_DOC),
            txt_entry: limit(TxtEntry::Quoted255, ROUTE53_TXT_DOC),
            ..NONE
        },
        Panel::Huawei => PanelLimits {
            types: limit(
                &[
                    T::A,
                    T::Cname,
                    T::Mx,
                    T::Aaaa,
                    T::Txt,
                    T::Srv,
                    T::Ns,
                    T::Soa,
                    T::Caa,
                ],
                HUAWEI_TYPES_DOC,
            ),
            txt_string_max: limit(255, HUAWEI_TYPES_DOC),
            txt_value_max: limit(4096, HUAWEI_TYPES_DOC),
            txt_characters: limit(TxtCharacters::Not("\\"), HUAWEI_TYPES_DOC),
            txt_entry: limit(TxtEntry::Quoted255, HUAWEI_TYPES_DOC),
            min_ttl: limit(1, HUAWEI_TTL_DOC),
            ..NONE
        },
        // DNSPod: no Tencent document read lists the record types offered,
        // a TXT length or a per-plan minimum TTL.
        Panel::DnsPod => PanelLimits {
            mx_priority: limit((1, 20), DNSPOD_API_DOC),
            host_at: limit(true, DNSPOD_API_DOC),
            ..NONE
        },
        // A zone file: nothing but the DNS itself limits it.
        Panel::Generic => NONE,
    }
}

/// One finding per record of `set` that cannot be entered in `panel` as
/// generated: the first limit it breaks, in the order type, size,
/// characters, MX priority, TTL (one root cause, one finding). The
/// finding's `rfc` is the limit's source; its subject the record's name.
pub fn panel_findings(set: &RecordSet, panel: Panel) -> Vec<Finding> {
    let l = limits(panel);
    set.records
        .iter()
        .zip(panel_rows(set, panel))
        .filter_map(|(r, row)| record_finding(&l, &r.record, &row))
        .collect()
}

fn record_finding(l: &PanelLimits, record: &crate::model::record::Record, row: &PanelRow) -> Option<Finding> {
    let subject = record.name.fqdn();
    let rtype = record.rtype();
    let on = |code, source| Finding::error(code, subject.clone(), source).arg("rtype", row.rtype.clone());
    if let Some(t) = l.types.filter(|t| !t.value.contains(&rtype)) {
        return Some(on(code::panel::TYPE_NOT_OFFERED, t.source));
    }
    if let crate::model::record::Rdata::Txt(txt) = &record.rdata {
        let len = row.value.chars().count();
        if let Some(m) = l.txt_value_max.filter(|m| len > m.value) {
            return Some(
                on(code::panel::TXT_TOO_LONG, m.source)
                    .arg("len", len)
                    .arg("max", m.value),
            );
        }
        let wire: usize = txt.strings.iter().map(|s| s.len() + 1).sum();
        if let Some(m) = l.wire_max.filter(|m| wire > m.value) {
            return Some(
                on(code::panel::TXT_TOO_LONG, m.source)
                    .arg("len", wire)
                    .arg("max", m.value),
            );
        }
        let value = txt.value();
        if let Some(c) = l.txt_characters {
            if let Some(bad) = value.chars().find(|ch| !c.value.allows(*ch)) {
                // A warning: the documented list is narrower than what some
                // panels accept in practice (Aliyun's omits `,` and `_`).
                let mut f = on(code::panel::TXT_CHARACTERS, c.source).arg("char", bad);
                f.severity = crate::finding::Severity::Warning;
                return Some(f);
            }
        }
    }
    if let (Some(m), crate::model::record::Rdata::Mx(mx)) = (l.mx_priority, &record.rdata) {
        let (lo, hi) = m.value;
        if !(lo..=hi).contains(&mx.preference) {
            return Some(
                on(code::panel::MX_PRIORITY_RANGE, m.source)
                    .arg("priority", mx.preference)
                    .arg("min", lo)
                    .arg("max", hi),
            );
        }
    }
    if let Some(m) = l.min_ttl.filter(|m| record.ttl < m.value) {
        let mut f = on(code::panel::TTL_BELOW_MINIMUM, m.source)
            .arg("ttl", record.ttl)
            .arg("min", m.value);
        f.severity = crate::finding::Severity::Warning;
        return Some(f.with_fix(m.value.to_string()));
    }
    None
}

#[cfg(test)]
mod tests;
