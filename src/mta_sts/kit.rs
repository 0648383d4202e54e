//! The MTA-STS policy-host kit: what to put on a web server so that the
//! policy is served the way RFC 8461 §3.3 asks, at
//! `https://mta-sts.<domain>/.well-known/mta-sts.txt`, with
//! `Content-Type: text/plain`, over HTTPS with a certificate valid for
//! `mta-sts.<domain>`. One kit per server: nginx, Caddy, Apache httpd, and
//! a GitHub Pages repository (with the DNS record it needs).
//!
//! Each server also sends `Access-Control-Allow-Origin: *` on the policy,
//! so that a page in a browser (this checker) may read it; the policy is
//! public, so nothing is given away. Everything else answers 404.
//!
//! The policy text is taken as the generator made it
//! (`generate::mta_sts`, the `Display` of [`MtaStsPolicy`]) and written
//! byte for byte: CRLF or LF line endings, both of which §3.2 allows. The
//! domain is validated as a host name (RFC 1123 §2.1, A-label form for an
//! IDN), so nothing but `a-z 0-9 - .` reaches a configuration file.
//!
//! The documents behind each format, cited again in each file:
//! - nginx: <https://nginx.org/en/docs/http/ngx_http_core_module.html>,
//!   `add_header` in <https://nginx.org/en/docs/http/ngx_http_headers_module.html>,
//!   `return` in <https://nginx.org/en/docs/http/ngx_http_rewrite_module.html>.
//! - Caddy: <https://caddyserver.com/docs/caddyfile> (directives `root`,
//!   `handle`, `header`, `file_server`, `respond`).
//! - Apache httpd 2.4: <https://httpd.apache.org/docs/2.4/mod/core.html>
//!   (`VirtualHost`, `Location`, `ForceType`), `Header` in
//!   <https://httpd.apache.org/docs/2.4/mod/mod_headers.html>, the `R=404`
//!   flag in <https://httpd.apache.org/docs/2.4/rewrite/flags.html>.
//! - GitHub Pages: the `CNAME` file and the DNS `CNAME` record in
//!   <https://docs.github.com/en/pages/configuring-a-custom-domain-for-your-github-pages-site>;
//!   Jekyll leaves out dot-folders unless `_config.yml` names them in
//!   `include` (<https://jekyllrb.com/docs/configuration/options/>).
//!   GitHub Pages sends `Access-Control-Allow-Origin: *` on every file.
//!
//! Pure: no I/O; the caller writes or offers the files.

use super::policy::parse_detailed;
#[cfg(doc)]
use super::MtaStsPolicy;
use super::PolicyError;
use crate::finding::Finding;
use crate::i18n::code;
use crate::model::name::{Name, NameError, NameKind};
use crate::model::record::{Rdata, Record};
use serde::Serialize;

/// The path of the policy on the policy host (RFC 8461 §3.3).
pub const POLICY_PATH: &str = "/.well-known/mta-sts.txt";
/// TTL of the GitHub Pages `CNAME` record.
pub const RECORD_TTL: u32 = 3600;
/// Shown in place of the GitHub user name when none is given: not a valid
/// label, so no DNS panel accepts the record until it is replaced.
pub const GITHUB_USER_PLACEHOLDER: &str = "<github-user>";

/// The servers a kit is made for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyServer {
    Nginx,
    Caddy,
    Apache,
    GithubPages,
}

/// One file of a kit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KitFile {
    /// Where it goes: an absolute path on the server, or a path in the
    /// GitHub repository.
    pub path: String,
    pub contents: String,
    /// What it is for, one line (catalogue code, `mta_sts_kit.*`).
    pub purpose: &'static str,
}

/// Everything one server needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ServerKit {
    pub server: PolicyServer,
    pub files: Vec<KitFile>,
    /// DNS records to publish, zone-file lines (GitHub Pages only).
    pub records: Vec<String>,
    /// Remarks: a missing GitHub user name, the CNAME standing alone.
    pub notes: Vec<Finding>,
}

/// The kits for one domain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PolicyHostKit {
    /// `mta-sts.<domain>`, A-label form.
    pub host: String,
    /// `https://mta-sts.<domain>/.well-known/mta-sts.txt`
    pub url: String,
    pub servers: Vec<ServerKit>,
}

/// Why no kit was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KitError {
    /// The domain is not a host name (or `mta-sts.<domain>` is too long).
    Domain(NameError),
    /// The text is not a policy file at all (its first error).
    Policy(PolicyError),
    /// Not a GitHub user name: 1 to 39 letters, digits or single hyphens,
    /// neither first nor last.
    GithubUser { user: String },
}

impl KitError {
    /// The error as a finding about `subject`.
    pub fn to_finding(&self, subject: &str) -> Finding {
        match self {
            KitError::Domain(e) => e.to_finding(subject),
            KitError::Policy(e) => e.to_finding(subject),
            KitError::GithubUser { user } => {
                let user: String = user.chars().flat_map(char::escape_debug).take(100).collect();
                Finding::error(code::mta_sts_kit::BAD_GITHUB_USER, subject, "RFC 8461 §3.3").arg("user", user)
            }
        }
    }
}

/// The kits for `domain` serving `policy` (the generated policy text,
/// unchanged). `github_user`: the account whose `<user>.github.io` serves
/// the GitHub Pages kit; `None` (or blank) leaves a placeholder.
pub fn kit(domain: &str, policy: &str, github_user: Option<&str>) -> Result<PolicyHostKit, KitError> {
    let host = policy_host(domain)?;
    if let (None, errors) = parse_detailed(policy) {
        let first = errors.into_iter().next().unwrap_or(PolicyError::MissingVersion);
        return Err(KitError::Policy(first));
    }
    let user = match github_user.map(str::trim).filter(|u| !u.is_empty()) {
        Some(u) => Some(github_user_name(u)?),
        None => None,
    };
    let h = host.as_str();
    let web_root = format!("/var/www/{h}");
    let policy_file = || KitFile {
        path: format!("{web_root}{POLICY_PATH}"),
        contents: policy.to_string(),
        purpose: code::mta_sts_kit::POLICY_FILE,
    };
    let server = |server, path: String, contents: String, purpose| ServerKit {
        server,
        files: vec![
            KitFile {
                path,
                contents,
                purpose,
            },
            policy_file(),
        ],
        records: Vec::new(),
        notes: Vec::new(),
    };
    let servers = vec![
        server(
            PolicyServer::Nginx,
            format!("/etc/nginx/conf.d/{h}.conf"),
            nginx(h, &web_root),
            code::mta_sts_kit::NGINX,
        ),
        server(
            PolicyServer::Caddy,
            "/etc/caddy/Caddyfile".to_string(),
            caddy(h, &web_root),
            code::mta_sts_kit::CADDY,
        ),
        server(
            PolicyServer::Apache,
            format!("/etc/apache2/sites-available/{h}.conf"),
            apache(h, &web_root),
            code::mta_sts_kit::APACHE,
        ),
        github_pages(&host, policy, user.as_deref()),
    ];
    Ok(PolicyHostKit {
        host: h.to_string(),
        url: format!("https://{h}{POLICY_PATH}"),
        servers,
    })
}

/// `mta-sts.<domain>`, checked to hold only `a-z 0-9 - .`.
fn policy_host(domain: &str) -> Result<Name, KitError> {
    let host = Name::host(domain)
        .and_then(|d| d.prepend("mta-sts", NameKind::Host))
        .map_err(KitError::Domain)?;
    // Name::host allows only LDH labels; checked again where it meets a
    // configuration file's syntax (`;`, `{`, quotes, spaces).
    if let Some((pos, ch)) = host
        .as_str()
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '.'))
    {
        return Err(KitError::Domain(NameError::BadChar { ch, pos }));
    }
    Ok(host)
}

/// A GitHub user (or organization) name, lowercased for DNS.
fn github_user_name(user: &str) -> Result<String, KitError> {
    let ok = (1..=39).contains(&user.len())
        && user.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !user.starts_with('-')
        && !user.ends_with('-')
        && !user.contains("--");
    if ok {
        Ok(user.to_ascii_lowercase())
    } else {
        Err(KitError::GithubUser {
            user: user.to_string(),
        })
    }
}

fn nginx(h: &str, root: &str) -> String {
    format!(
        r#"# MTA-STS policy host (RFC 8461 §3.3): serves https://{h}{POLICY_PATH}
# as text/plain over HTTPS, and 404 for everything else.
# nginx documentation: https://nginx.org/en/docs/http/ngx_http_core_module.html
#   (server, listen, location, types, default_type, try_files),
#   https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header,
#   https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#return
# The certificate must be valid for {h}; the paths are where certbot
# puts one (certbot certonly -d {h}). Check with nginx -t, then reload.
server {{
    listen 443 ssl;
    listen [::]:443 ssl;
    server_name {h};

    ssl_certificate     /etc/letsencrypt/live/{h}/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/{h}/privkey.pem;

    root {root};

    location = {POLICY_PATH} {{
        # An empty types map, so default_type applies to this file.
        types {{ }}
        default_type text/plain;
        # Lets a page in a browser read the policy (it is public anyway).
        add_header Access-Control-Allow-Origin "*" always;
        try_files $uri =404;
    }}

    location / {{
        return 404;
    }}
}}
"#
    )
}

fn caddy(h: &str, root: &str) -> String {
    format!(
        r#"# MTA-STS policy host (RFC 8461 §3.3): serves https://{h}{POLICY_PATH}
# as text/plain over HTTPS, and 404 for everything else. Add this site
# block to the Caddyfile; Caddy obtains and renews the certificate for
# {h} itself (automatic HTTPS).
# Caddyfile documentation: https://caddyserver.com/docs/caddyfile
#   (directives root, handle, header, file_server, respond).
{h} {{
	root * {root}
	handle {POLICY_PATH} {{
		header Content-Type "text/plain"
		# Lets a page in a browser read the policy (it is public anyway).
		header Access-Control-Allow-Origin "*"
		file_server
	}}
	handle {{
		respond 404
	}}
}}
"#
    )
}

fn apache(h: &str, root: &str) -> String {
    format!(
        r#"# MTA-STS policy host (RFC 8461 §3.3): serves https://{h}{POLICY_PATH}
# as text/plain over HTTPS, and 404 for everything else.
# Apache httpd 2.4 documentation:
#   https://httpd.apache.org/docs/2.4/mod/core.html (VirtualHost, Location, ForceType),
#   https://httpd.apache.org/docs/2.4/mod/mod_ssl.html,
#   https://httpd.apache.org/docs/2.4/mod/mod_headers.html#header,
#   https://httpd.apache.org/docs/2.4/rewrite/flags.html#flag_r (R=404)
# Needs: a2enmod ssl headers rewrite; a2ensite {h}; apachectl configtest
# The certificate must be valid for {h}; the paths are where certbot puts one.
<VirtualHost *:443>
    ServerName {h}
    SSLEngine on
    SSLCertificateFile /etc/letsencrypt/live/{h}/fullchain.pem
    SSLCertificateKeyFile /etc/letsencrypt/live/{h}/privkey.pem
    DocumentRoot "{root}"

    <Directory "{root}">
        Require all granted
    </Directory>

    <Location "{POLICY_PATH}">
        ForceType text/plain
        # Lets a page in a browser read the policy (it is public anyway).
        Header always set Access-Control-Allow-Origin "*"
    </Location>

    # Everything but the policy: 404.
    RewriteEngine on
    RewriteCond "%{{REQUEST_URI}}" "!={POLICY_PATH}"
    RewriteRule "^" "-" [R=404]
</VirtualHost>
"#
    )
}

/// A repository published by GitHub Pages, with `mta-sts.<domain>` as its
/// custom domain, and the `CNAME` record that points the name there.
fn github_pages(host: &Name, policy: &str, user: Option<&str>) -> ServerKit {
    let h = host.as_str();
    let files = vec![
        KitFile {
            path: "CNAME".to_string(),
            contents: format!("{h}\n"),
            purpose: code::mta_sts_kit::GITHUB_CNAME_FILE,
        },
        KitFile {
            path: POLICY_PATH.trim_start_matches('/').to_string(),
            contents: policy.to_string(),
            purpose: code::mta_sts_kit::GITHUB_POLICY,
        },
        KitFile {
            path: "_config.yml".to_string(),
            contents: "# Jekyll leaves out folders whose name starts with a dot unless they are\n\
                       # listed here: https://jekyllrb.com/docs/configuration/options/ (include).\n\
                       # GitHub Pages: https://docs.github.com/en/pages\n\
                       include: [\".well-known\"]\n"
                .to_string(),
            purpose: code::mta_sts_kit::GITHUB_CONFIG,
        },
    ];
    // RFC 1034 §3.6.2: a CNAME owner has no other data, so the A/AAAA
    // records of the policy host must go.
    let mut notes = vec![Finding::info(
        code::mta_sts_kit::GITHUB_CNAME_ALONE,
        h,
        "RFC 1034 §3.6.2",
    )];
    let target = user.and_then(|u| Name::host(&format!("{u}.github.io")).ok());
    let record = match target {
        Some(t) => Record::new(host.clone(), RECORD_TTL, Rdata::Cname(t)).to_string(),
        None => {
            notes.push(Finding::warning(
                code::mta_sts_kit::GITHUB_USER_MISSING,
                h,
                "RFC 8461 §3.3",
            ));
            format!(
                "{} {RECORD_TTL} IN CNAME {GITHUB_USER_PLACEHOLDER}.github.io.",
                host.fqdn()
            )
        }
    };
    ServerKit {
        server: PolicyServer::GithubPages,
        files,
        records: vec![record],
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{self, Lang};
    use crate::mta_sts::{Mode, MtaStsPolicy, MxPattern};

    /// The policy as the generator prints it (CRLF, §3.2).
    fn generated() -> String {
        MtaStsPolicy {
            mode: Mode::Enforce,
            mx: vec![MxPattern {
                wildcard: false,
                domain: Name::host("mail.example.com").expect("name"),
            }],
            max_age: 604_800,
            extensions: Vec::new(),
        }
        .to_string()
    }

    fn server(k: &PolicyHostKit, s: PolicyServer) -> &ServerKit {
        k.servers.iter().find(|x| x.server == s).expect("server kit")
    }

    fn config(k: &PolicyHostKit, s: PolicyServer) -> &str {
        &server(k, s).files[0].contents
    }

    #[test]
    fn the_policy_is_written_byte_for_byte_with_crlf_or_lf() {
        let crlf = generated();
        assert!(crlf.contains("\r\n"));
        let lf = crlf.replace("\r\n", "\n");
        for policy in [crlf.as_str(), lf.as_str()] {
            let k = kit("example.com", policy, Some("octocat")).expect("kit");
            assert_eq!(k.url, "https://mta-sts.example.com/.well-known/mta-sts.txt");
            let policies: Vec<&KitFile> = k
                .servers
                .iter()
                .flat_map(|s| &s.files)
                .filter(|f| f.path.ends_with(".well-known/mta-sts.txt"))
                .collect();
            assert_eq!(policies.len(), 4, "one policy file per server");
            for f in policies {
                assert_eq!(f.contents.as_bytes(), policy.as_bytes(), "{}", f.path);
            }
        }
    }

    #[test]
    fn each_server_serves_that_path_as_text_plain_with_the_cors_header_and_404s_the_rest() {
        let k = kit("Example.COM.", &generated(), None).expect("kit");
        let nginx = config(&k, PolicyServer::Nginx);
        for line in [
            "server_name mta-sts.example.com;",
            "location = /.well-known/mta-sts.txt {",
            "default_type text/plain;",
            "add_header Access-Control-Allow-Origin \"*\" always;",
            "return 404;",
            "root /var/www/mta-sts.example.com;",
            "listen 443 ssl;",
        ] {
            assert!(nginx.contains(line), "nginx lacks {line}\n{nginx}");
        }
        let caddy = config(&k, PolicyServer::Caddy);
        for line in [
            "mta-sts.example.com {",
            "handle /.well-known/mta-sts.txt {",
            "header Content-Type \"text/plain\"",
            "header Access-Control-Allow-Origin \"*\"",
            "respond 404",
        ] {
            assert!(caddy.contains(line), "caddy lacks {line}\n{caddy}");
        }
        let apache = config(&k, PolicyServer::Apache);
        for line in [
            "ServerName mta-sts.example.com",
            "<Location \"/.well-known/mta-sts.txt\">",
            "ForceType text/plain",
            "Header always set Access-Control-Allow-Origin \"*\"",
            "RewriteCond \"%{REQUEST_URI}\" \"!=/.well-known/mta-sts.txt\"",
            "[R=404]",
        ] {
            assert!(apache.contains(line), "apache lacks {line}\n{apache}");
        }
        // Braces and blocks balance, so a stray one from a name is caught.
        for text in [nginx, caddy] {
            assert_eq!(text.matches('{').count(), text.matches('}').count(), "{text}");
        }
        assert_eq!(
            apache.matches("<Location").count(),
            apache.matches("</Location>").count()
        );
        assert_eq!(
            apache.matches("<VirtualHost").count(),
            apache.matches("</VirtualHost>").count()
        );
        // Each cites its documentation.
        for (text, doc) in [
            (nginx, "https://nginx.org/en/docs/"),
            (caddy, "https://caddyserver.com/docs/caddyfile"),
            (apache, "https://httpd.apache.org/docs/2.4/"),
        ] {
            assert!(text.contains(doc), "{doc}");
            assert!(text.contains("RFC 8461 §3.3"));
        }
    }

    #[test]
    fn github_pages_gets_its_cname_file_config_and_record() {
        let k = kit("example.com", &generated(), Some("OctoCat")).expect("kit");
        let gh = server(&k, PolicyServer::GithubPages);
        let file = |p: &str| gh.files.iter().find(|f| f.path == p).map(|f| f.contents.as_str());
        assert_eq!(file("CNAME"), Some("mta-sts.example.com\n"));
        assert!(file("_config.yml").is_some_and(|c| c.contains("include: [\".well-known\"]\n")));
        assert!(file(".well-known/mta-sts.txt").is_some());
        assert_eq!(
            gh.records,
            ["mta-sts.example.com. 3600 IN CNAME octocat.github.io."]
        );
        assert_eq!(gh.notes.len(), 1);

        let k = kit("example.com", &generated(), Some("  ")).expect("kit");
        let gh = server(&k, PolicyServer::GithubPages);
        assert_eq!(
            gh.records,
            ["mta-sts.example.com. 3600 IN CNAME <github-user>.github.io."]
        );
        assert!(gh
            .notes
            .iter()
            .any(|n| n.code == code::mta_sts_kit::GITHUB_USER_MISSING));
    }

    #[test]
    fn an_idn_domain_is_written_in_a_label_form() {
        let k = kit("例子.中国", &generated(), None).expect("kit");
        assert_eq!(k.host, "mta-sts.xn--fsqu00a.xn--fiqs8s");
        for s in &k.servers {
            for f in &s.files {
                assert!(f.path.is_ascii(), "{}", f.path);
                if !f.path.ends_with("mta-sts.txt") {
                    assert!(!f.contents.contains("例子"), "{}", f.path);
                }
            }
        }
    }

    /// Hostile domains and user names never reach a file. Prints
    /// `mta_sts kit: N passed, M failed`.
    #[test]
    fn hostile_input_is_refused() {
        let policy = generated();
        let mut failed = Vec::new();
        let domains = [
            "example.com; }",
            "example.com { return 200 }",
            "example.com\nserver_name evil",
            "exa mple.com",
            "example.com\"",
            "$host.example.com",
            "`id`.example.com",
            "*.example.com",
            "../../etc",
            "192.0.2.1",
            "",
        ];
        for d in domains {
            match kit(d, &policy, None) {
                Err(KitError::Domain(_)) => {}
                other => failed.push(format!("domain {d:?}: {other:?}")),
            }
        }
        let users = [
            "a b",
            "-octo",
            "octo-",
            "oc--to",
            "octo;rm",
            "x".repeat(40).leak(),
            "ü",
        ];
        for u in users {
            match kit("example.com", &policy, Some(u)) {
                Err(KitError::GithubUser { .. }) => {}
                other => failed.push(format!("user {u:?}: {other:?}")),
            }
        }
        for p in ["", "hello", "<?php system($_GET['x']); ?>"] {
            match kit("example.com", p, None) {
                Err(KitError::Policy(_)) => {}
                other => failed.push(format!("policy {p:?}: {other:?}")),
            }
        }
        let total = domains.len() + users.len() + 3;
        println!(
            "mta_sts kit: {} passed, {} failed",
            total - failed.len(),
            failed.len()
        );
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn every_text_is_in_both_languages() {
        i18n::assert_catalogued(code::mta_sts_kit::ALL);
        let k = kit("example.com", &generated(), None).expect("kit");
        let mut findings: Vec<Finding> = k.servers.iter().flat_map(|s| s.notes.clone()).collect();
        findings.push(KitError::GithubUser { user: "a b".into() }.to_finding("mta-sts.example.com"));
        for f in &findings {
            assert!(
                i18n::render_problems(f).is_empty(),
                "{:?}",
                i18n::render_problems(f)
            );
        }
        for s in &k.servers {
            for f in &s.files {
                for lang in Lang::ALL {
                    let text = i18n::text(lang, f.purpose);
                    assert_ne!(text, f.purpose);
                    assert!(!text.contains('\n'), "a purpose is one line: {text}");
                }
            }
        }
    }
}
