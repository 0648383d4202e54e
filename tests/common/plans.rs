//! The 50 deterministic plans every export is checked over: IDN domains,
//! IPv6, RSA-1024/2048/4096 and Ed25519 keys, null MX, external report
//! addresses, backup MX, SRV, CAA, TLSA, TTL overrides. [`plan`] with the
//! same seed gives the same plans on every run.

#![allow(dead_code)]

use maildns::plan::*;

/// How many plans the export tests check.
pub const PLANS: usize = 50;

const RSA1024: &str = include_str!("../vectors/generate/r1024.pub");
const RSA2048: &str = include_str!("../vectors/generate/r2048.pub");
const RSA4096: &str = include_str!("../vectors/generate/r4096.pub");
const ED25519: &str = include_str!("../vectors/generate/ed.pub");
const CERT: &str = include_str!("../vectors/generate/cert-ec.pem");

/// xorshift64*: a fixed-seed source of choices, so every run checks the same plans.
pub struct Choices(pub u64);

impl Choices {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn flip(&mut self) -> bool {
        self.next() & 1 == 1
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

pub fn plan(i: usize, c: &mut Choices) -> MailPlan {
    let domain = c.pick(&[
        "example.com",
        "例子.中国",
        "bücher.example",
        "mail-test.example.org",
        "a.b.example.net",
        "пример.рф",
        "xn--r8jz45g.example",
    ]);
    let mut hosts = Vec::new();
    for h in 0..1 + c.below(3) {
        let v4: Vec<String> = (0..c.below(3))
            .map(|k| format!("198.51.100.{}", 10 + 10 * h + k))
            .collect();
        let v6_count = if v4.is_empty() { 1 + c.below(2) } else { c.below(3) };
        let v6: Vec<String> = (0..v6_count)
            .map(|k| format!("2001:db8:{h:x}::{:x}", 25 + k))
            .collect();
        hosts.push(HostInput {
            name: match h {
                0 => c.pick(&["", "mail", "smtp"]).to_string(),
                _ => format!("mx{h}"),
            },
            ipv4: v4,
            ipv6: v6,
            priority: (10 * (h + 1)).to_string(),
        });
    }
    let backup_mx = match c.below(3) {
        0 => vec![],
        1 => vec![HostInput {
            name: "backup".into(),
            ipv4: vec!["203.0.113.25".into()],
            priority: "50".into(),
            ..HostInput::default()
        }],
        _ => vec![HostInput {
            name: "mx.backup-provider.net".into(),
            priority: "90".into(),
            ..HostInput::default()
        }],
    };
    let (alg, key) = [
        (DkimAlgorithm::Rsa2048, RSA2048),
        (DkimAlgorithm::Rsa4096, RSA4096),
        (DkimAlgorithm::Rsa1024, RSA1024),
        (DkimAlgorithm::Rsa2048, ""),
    ][c.below(4)];
    let ed = !key.is_empty() && c.flip();
    let policy =
        |c: &mut Choices| [DmarcPolicy::None, DmarcPolicy::Quarantine, DmarcPolicy::Reject][c.below(3)];
    let rua_pool = [
        "dmarc@example.com",
        "mailto:agg@dmarc.example.net",
        "rua@例子.中国",
        "https://r.example.org/x",
    ];
    let mut p = MailPlan {
        domain: domain.to_string(),
        hosts,
        backup_mx,
        null_mx: i % 7 == 3,
        ..MailPlan::default()
    };
    if c.flip() {
        p.ttl.default = c.pick(&["300", "600", "3600", "86400"]).to_string();
        p.ttl.overrides.insert("dkim".into(), "7200".into());
        p.ttl.overrides.insert("mx".into(), "1800".into());
    }
    p.spf = SpfInput {
        ip4: if c.flip() {
            vec!["192.0.2.0/24".into()]
        } else {
            vec![]
        },
        ip6: if c.flip() {
            vec!["2001:db8:ffff::/48".into()]
        } else {
            vec![]
        },
        a: if c.flip() { vec!["@".into()] } else { vec![] },
        mx: if c.flip() {
            vec!["relay.example.net".into()]
        } else {
            vec![]
        },
        includes: (0..c.below(3))
            .map(|k| ["_spf.google.com", "spf.protection.outlook.com"][k % 2].to_string())
            .collect(),
        all: if c.flip() { SpfAll::SoftFail } else { SpfAll::Fail },
    };
    p.dkim = DkimInput {
        selector: c.pick(&["s202611", "mail", "dkim.2026"]).to_string(),
        algorithm: alg,
        public_key: key.to_string(),
        ed25519_selector: if ed { "ed202611".into() } else { String::new() },
        ed25519_public_key: if ed { ED25519.into() } else { String::new() },
    };
    p.dmarc = DmarcInput {
        p: policy(c),
        sp: c.flip().then(|| policy(c)),
        np: c.flip().then(|| policy(c)),
        adkim: c.flip().then_some(Alignment::Strict),
        aspf: c.flip().then_some(Alignment::Relaxed),
        rua: (0..c.below(4))
            .map(|k| rua_pool[(k + i) % 4].to_string())
            .filter(|u| !u.starts_with("https"))
            .collect(),
        ruf: if c.flip() {
            vec!["mailto:forensic@dmarc.example.net".into()]
        } else {
            vec![]
        },
    };
    p.mta_sts = MtaStsInput {
        enabled: c.flip(),
        mode: [Mode::Testing, Mode::Enforce][c.below(2)],
        web_ipv6: if c.flip() {
            vec!["2001:db8:80::1".into()]
        } else {
            vec![]
        },
        ..MtaStsInput::default()
    };
    p.tls_rpt = TlsRptInput {
        enabled: c.flip(),
        rua: vec![
            "tlsrpt@example.com".into(),
            "https://tlsrpt.example.net/v1".into(),
        ],
    };
    p.autoconfig = AutoconfigInput {
        enabled: c.flip(),
        pop3s: c.flip(),
        submission: c.flip(),
        ..AutoconfigInput::default()
    };
    p.caa = CaaInput {
        enabled: c.flip(),
        issuers: vec!["letsencrypt.org".into(), "sectigo.com".into()],
        iodef: if c.flip() {
            "mailto:security@example.com".into()
        } else {
            String::new()
        },
    };
    p.tlsa = TlsaInput {
        enabled: c.flip(),
        pem: CERT.into(),
    };
    p
}

/// The `n` plans, from the fixed seed.
pub fn plans(n: usize) -> Vec<MailPlan> {
    let mut c = Choices(0x6d61_696c_646e_7321);
    (0..n).map(|i| plan(i, &mut c)).collect()
}
