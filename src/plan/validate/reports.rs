//! Report addresses of DMARC (RFC 9989 §4.7) and TLS-RPT (RFC 8460 §3).

use super::{report_uri, Validator};
use crate::dmarc::uri;
use crate::finding::Finding;
use crate::i18n::code;
use crate::plan::{DmarcInput, DmarcPlan, TlsRptInput};

impl Validator {
    pub(super) fn report_uris(&mut self, field: &str, list: &[String], rfc: &'static str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, text) in list.iter().enumerate() {
            if text.trim().is_empty() {
                continue;
            }
            let u = report_uri(text);
            match uri::check(&u) {
                // DMARC and TLS-RPT take mailto: and https: (RFC 9989 §4.7, RFC 8460 §3).
                Ok(s) if s == "mailto" || s == "https" => {
                    // A comma or `!` would break the tag list (RFC 9989 §4.8).
                    if u.contains([',', '!', ';']) {
                        self.out.push(
                            format!("{field}[{i}]"),
                            Finding::error(code::plan::BAD_REPORT_URI, u.as_str(), rfc),
                        );
                    } else if !out.contains(&u) {
                        out.push(u);
                    }
                }
                Ok(_) => self.out.push(
                    format!("{field}[{i}]"),
                    Finding::error(code::plan::BAD_REPORT_URI, u.as_str(), rfc),
                ),
                // The `uri.*` messages quote the address as `{uri}`.
                Err(e) => self.out.push(
                    format!("{field}[{i}]"),
                    Finding::error(e.code(), u.as_str(), rfc).arg("uri", &u),
                ),
            }
        }
        out
    }

    pub(super) fn dmarc(&mut self, input: &DmarcInput) -> DmarcPlan {
        let rua = self.report_uris("dmarc.rua", &input.rua, "RFC 9989 §4.7");
        let ruf = self.report_uris("dmarc.ruf", &input.ruf, "RFC 9989 §4.7");
        DmarcPlan {
            p: input.p,
            sp: input.sp,
            np: input.np,
            adkim: input.adkim,
            aspf: input.aspf,
            rua,
            ruf,
        }
    }

    pub(super) fn tls_rpt(&mut self, input: &TlsRptInput) -> Vec<String> {
        let rua = self.report_uris("tls_rpt.rua", &input.rua, "RFC 8460 §3");
        if rua.is_empty() && !self.out.by_field.keys().any(|k| k.starts_with("tls_rpt.rua")) {
            // RFC 8460 §3: rua is required.
            self.out.push(
                "tls_rpt.rua",
                Finding::error(code::plan::TLS_RPT_NO_RUA, "tls_rpt", "RFC 8460 §3"),
            );
        }
        rua
    }
}
