//! What Alibaba Cloud DNS (阿里云云解析) does not take as a zone file
//! writes it, shared by the dnscontrol (`ALIDNS`) and Terraform
//! (`alicloud_alidns_record`) writers: the TXT data it refuses (dnscontrol's
//! audit of the ALIDNS provider, `providers/alidns/auditrecords.go`) and
//! MX priorities inside its 1-10 range (the alicloud provider's
//! `website/docs/r/alidns_record.html.markdown`).

use super::tr;
use crate::generate::RecordSet;
use crate::i18n::Lang;
use crate::model::record::Rdata;

/// TXT data Alibaba Cloud DNS does not store as given (dnscontrol's audit
/// of the ALIDNS provider).
pub(crate) fn refuses_txt(value: &[u8]) -> bool {
    let lone_backslash = value.split(|&b| b != b'\\').any(|run| run.len() % 2 == 1);
    value.len() > 512 || value.contains(&b'"') || value.ends_with(b" ") || lone_backslash
}

/// Why a TXT record is left out for Alibaba Cloud DNS, in `lang`.
pub(crate) fn txt_refused(lang: Lang) -> &'static str {
    tr(
        lang,
        "Alibaba Cloud DNS takes at most 512 octets of TXT, without \" or a trailing space or a lone backslash",
        "阿里云解析的 TXT 最多 512 字节，且不能含 \"、结尾空格或单个反斜杠",
    )
}

/// The MX priority Alibaba Cloud DNS is given for `preference`: the
/// preference itself when every MX preference of the zone is within 1-10,
/// else its rank among the distinct preferences (1 = most preferred),
/// at most 10.
pub(crate) fn mx_priority(set: &RecordSet, preference: u16) -> u16 {
    let mut prefs: Vec<u16> = set
        .own_zone()
        .filter_map(|r| match &r.record.rdata {
            Rdata::Mx(m) if !m.is_null() => Some(m.preference),
            _ => None,
        })
        .collect();
    prefs.sort_unstable();
    prefs.dedup();
    if prefs.iter().all(|p| (1..=10).contains(p)) {
        return preference;
    }
    let rank = prefs.iter().position(|&p| p == preference).unwrap_or(prefs.len());
    (rank + 1).min(10) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn txt_limits() {
        assert!(!refuses_txt(b"v=spf1 -all"));
        assert!(!refuses_txt(b"a\\\\b"));
        assert!(refuses_txt(b"a\\b"));
        assert!(refuses_txt(b"say \"hi\""));
        assert!(refuses_txt(b"trailing "));
        assert!(refuses_txt(&[b'x'; 513]));
    }
}
