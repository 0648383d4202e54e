//! SRV record data (RFC 2782) and the mail services published with it
//! (RFC 6186, RFC 8314 §5.1), e.g. `_submissions._tcp 0 1 465 mail.example.com.`.
//!
//! - RFC 2782: `priority weight port target`; the target is a host name
//!   with address records (not an alias). A target of `.` means the service
//!   is decidedly not offered; by convention that record is `0 0 0 .`
//!   (RFC 6186 §4 uses it for services a provider does not run).

use crate::finding::{Finding, Span};
use crate::i18n::code;
use crate::model::name::{Name, NameError, NameKind};
use crate::model::presentation::{Fields, RdataError, RdataErrorKind};
use std::fmt;

/// SRV record data.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Srv {
    pub priority: u16,
    pub weight: u16,
    pub port: u16,
    pub target: Name,
}

impl Srv {
    pub fn new(priority: u16, weight: u16, port: u16, target: Name) -> Srv {
        Srv {
            priority,
            weight,
            port,
            target,
        }
    }

    /// `0 0 0 .`: the service is not offered (RFC 2782, RFC 6186 §4).
    pub fn not_offered() -> Srv {
        Srv::new(0, 0, 0, Name::root())
    }

    pub fn is_not_offered(&self) -> bool {
        self.target.is_root()
    }

    /// Parses `priority weight port target`.
    pub fn parse(text: &str) -> Result<Srv, RdataError> {
        let mut fields = Fields::new(text);
        if fields.at_end() {
            return Err(RdataError::new(RdataErrorKind::Empty, Span::new(0, text.len())));
        }
        let priority = fields.u16("priority")?;
        let weight = fields.u16("weight")?;
        let port = fields.u16("port")?;
        let target = fields.name("target", NameKind::Host)?;
        fields.finish()?;
        Ok(Srv::new(priority, weight, port, target))
    }

    /// Findings about one SRV record published at `owner`.
    pub fn lint(&self, owner: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.is_not_offered() {
            if self.port != 0 || self.priority != 0 || self.weight != 0 {
                out.push(
                    Finding::warning(code::srv::NOT_OFFERED_PORT, owner, "RFC 2782")
                        .arg("port", self.port)
                        .with_fix(Srv::not_offered().to_string()),
                );
            }
        } else {
            if self.port == 0 {
                out.push(
                    Finding::error(code::srv::PORT_ZERO, owner, "RFC 2782")
                        .arg("target", self.target.as_str()),
                );
            }
            out.extend(self.target.lint());
        }
        out
    }
}

impl fmt::Display for Srv {
    /// `0 1 587 mail.example.com.`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} {}",
            self.priority, self.weight, self.port, self.target
        )
    }
}

/// Findings about all SRV records of one owner name, with each record's own.
pub fn lint_srv_set(owner: &str, set: &[Srv]) -> Vec<Finding> {
    let mut out: Vec<Finding> = set.iter().flat_map(|s| s.lint(owner)).collect();
    let offered = set.iter().filter(|s| !s.is_not_offered()).count();
    if offered > 0 && offered < set.len() {
        // RFC 2782: "." means the service is decidedly not available; it
        // cannot stand beside records that offer it.
        out.push(Finding::error(code::srv::NOT_OFFERED_WITH_OTHERS, owner, "RFC 2782").arg("count", offered));
    }
    out
}

/// The mail services that clients find through SRV records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MailService {
    /// Message submission with STARTTLS, port 587 (RFC 6186 §3.1).
    Submission,
    /// Message submission over implicit TLS, port 465 (RFC 8314 §5.1).
    Submissions,
    /// IMAP with STARTTLS, port 143 (RFC 6186 §3.2).
    Imap,
    /// IMAP over implicit TLS, port 993 (RFC 6186 §3.2, RFC 8314 §5.1).
    Imaps,
    /// POP3 with STARTTLS, port 110 (RFC 6186 §3.3).
    Pop3,
    /// POP3 over implicit TLS, port 995 (RFC 6186 §3.3, RFC 8314 §5.1).
    Pop3s,
}

impl MailService {
    pub const ALL: [MailService; 6] = [
        MailService::Submission,
        MailService::Submissions,
        MailService::Imap,
        MailService::Imaps,
        MailService::Pop3,
        MailService::Pop3s,
    ];

    /// The owner-name prefix, e.g. `_submissions._tcp`.
    pub fn prefix(self) -> &'static str {
        match self {
            MailService::Submission => "_submission._tcp",
            MailService::Submissions => "_submissions._tcp",
            MailService::Imap => "_imap._tcp",
            MailService::Imaps => "_imaps._tcp",
            MailService::Pop3 => "_pop3._tcp",
            MailService::Pop3s => "_pop3s._tcp",
        }
    }

    /// The registered port.
    pub fn port(self) -> u16 {
        match self {
            MailService::Submission => 587,
            MailService::Submissions => 465,
            MailService::Imap => 143,
            MailService::Imaps => 993,
            MailService::Pop3 => 110,
            MailService::Pop3s => 995,
        }
    }

    /// Where the rule for this service is written.
    pub fn rfc(self) -> &'static str {
        match self {
            MailService::Submission => "RFC 6186 §3.1",
            MailService::Imap => "RFC 6186 §3.2",
            MailService::Pop3 => "RFC 6186 §3.3",
            MailService::Submissions | MailService::Imaps | MailService::Pop3s => "RFC 8314 §5.1",
        }
    }

    /// The owner name for `domain`, e.g. `_submissions._tcp.example.com`.
    pub fn owner(self, domain: &Name) -> Result<Name, NameError> {
        domain.prepend(self.prefix(), NameKind::Service)
    }

    /// The record offering this service on `host` at its registered port.
    pub fn record(self, host: Name) -> Srv {
        Srv::new(0, 1, self.port(), host)
    }
}

#[cfg(test)]
pub(crate) const CODES: &[&str] = &[
    code::srv::NOT_OFFERED_PORT,
    code::srv::PORT_ZERO,
    code::srv::NOT_OFFERED_WITH_OTHERS,
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn host(s: &str) -> Name {
        Name::host(s).expect("host")
    }

    #[test]
    fn parses_and_prints() {
        let cases = [
            (
                "0 1 587 mail.example.com.",
                Srv::new(0, 1, 587, host("mail.example.com")),
                "0 1 587 mail.example.com.",
            ),
            (
                "5 0 80 calendar.google.com",
                Srv::new(5, 0, 80, host("calendar.google.com")),
                "5 0 80 calendar.google.com.",
            ),
            ("0 0 0 .", Srv::not_offered(), "0 0 0 ."),
        ];
        for (text, want, printed) in cases {
            let got = Srv::parse(text).expect(text);
            assert_eq!(got, want);
            assert_eq!(got.to_string(), printed);
        }
        assert!(Srv::parse("0 0 0 .").expect("srv").is_not_offered());
    }

    #[test]
    fn refusals() {
        let cases = [
            ("", code::rdata::EMPTY, Span::new(0, 0)),
            ("0 1 587", code::rdata::MISSING_FIELD, Span::new(7, 7)),
            (
                "0 1 70000 mail.example.com.",
                code::rdata::BAD_NUMBER,
                Span::new(4, 9),
            ),
            ("0 1 587 192.0.2.1", code::name::IP_LITERAL, Span::new(8, 17)),
            (
                "0 1 587 mail.example.com. x",
                code::rdata::EXTRA_TEXT,
                Span::new(26, 27),
            ),
        ];
        for (text, code, span) in cases {
            let e = Srv::parse(text).expect_err(text);
            assert_eq!((e.code(), e.span), (code, span), "{text}");
        }
    }

    #[test]
    fn lint() {
        let codes = |set: &[Srv]| {
            lint_srv_set("_imaps._tcp.example.com", set)
                .iter()
                .map(|f| f.code)
                .collect::<Vec<_>>()
        };
        assert!(codes(&[Srv::new(0, 1, 993, host("mail.example.com"))]).is_empty());
        assert!(codes(&[Srv::not_offered()]).is_empty());
        assert_eq!(
            codes(&[Srv::new(0, 0, 993, Name::root())]),
            vec![code::srv::NOT_OFFERED_PORT]
        );
        assert_eq!(
            codes(&[Srv::new(0, 1, 0, host("mail.example.com"))]),
            vec![code::srv::PORT_ZERO]
        );
        assert_eq!(
            codes(&[Srv::not_offered(), Srv::new(0, 1, 993, host("mail.example.com"))]),
            vec![code::srv::NOT_OFFERED_WITH_OTHERS]
        );
        assert_eq!(
            codes(&[Srv::new(0, 1, 993, host("mail.test"))]),
            vec![code::name::RESERVED_TLD]
        );
    }

    #[test]
    fn mail_services() {
        let d = host("example.com");
        let names: Vec<String> = MailService::ALL
            .iter()
            .map(|s| s.owner(&d).expect("owner").to_string())
            .collect();
        assert_eq!(
            names,
            [
                "_submission._tcp.example.com.",
                "_submissions._tcp.example.com.",
                "_imap._tcp.example.com.",
                "_imaps._tcp.example.com.",
                "_pop3._tcp.example.com.",
                "_pop3s._tcp.example.com."
            ]
        );
        assert_eq!(
            MailService::Submissions
                .record(host("mail.example.com"))
                .to_string(),
            "0 1 465 mail.example.com."
        );
        assert_eq!(MailService::Imaps.port(), 993);
    }

    #[test]
    fn every_code_is_in_the_catalogue() {
        for code in CODES {
            assert!(
                crate::i18n::lookup(code).is_some(),
                "{code} missing from catalogue"
            );
        }
    }

    fn target() -> impl Strategy<Value = Name> {
        prop_oneof![
            Just(Name::root()),
            "[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?(\\.[a-z]{2,6}){1,3}"
                .prop_filter_map("host", |s| Name::host(&s).ok()),
        ]
    }

    proptest! {
        #[test]
        fn round_trip(p in any::<u16>(), w in any::<u16>(), port in any::<u16>(), t in target()) {
            let s = Srv::new(p, w, port, t);
            prop_assert_eq!(Srv::parse(&s.to_string()), Ok(s.clone()));
            for f in lint_srv_set("x", &[s.clone(), Srv::not_offered()]) {
                prop_assert!(crate::i18n::lookup(f.code).is_some(), "{}", f.code);
            }
        }

        #[test]
        fn never_panics(s in "\\PC{0,400}") {
            let _ = Srv::parse(&s);
        }

        #[test]
        fn never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = Srv::parse(&String::from_utf8_lossy(&b));
        }
    }
}
