//! The MTA-STS policy-host kit (`src/mta_sts/kit.rs`) run by the real
//! servers, Debian's nginx, Caddy and Apache httpd: for each domain (ASCII,
//! and an IDN in A-label form) and each policy (enforce with two `mx`
//! lines in CRLF, testing in LF), each server's configuration file
//!
//! 1. passes the tool's own check (`nginx -t`, `caddy validate`,
//!    `apache2 -t`), and
//! 2. runs: the server is started on 127.0.0.1, on a free high port, and
//!    `curl` fetches `https://mta-sts.<domain>:PORT/.well-known/mta-sts.txt`
//!    with that name as Host and SNI. It must answer 200 with the policy
//!    byte for byte, `Content-Type: text/plain` (RFC 8461 §3.2) and
//!    `Access-Control-Allow-Origin: *` (what the kit promises), and 404 for
//!    everything else, even for files that exist in the web root.
//!
//! What the test changes in a kit file, and nothing more (each change must
//! match exactly as often as expected, so a kit that changes shape fails
//! here instead of being tested half):
//! - all: the web root `/var/www/<host>` becomes `<tmp>/www/<host>`;
//! - nginx and Apache: `/etc/letsencrypt/` becomes `<tmp>/letsencrypt/`,
//!   where `openssl req -x509` has put a throwaway self-signed
//!   certificate for `<host>`;
//! - nginx: `listen 443 ssl;` becomes `listen 127.0.0.1:PORT ssl;` and the
//!   `listen [::]:443 ssl;` line goes (nothing binds beyond 127.0.0.1);
//! - Apache: `<VirtualHost *:443>` becomes `<VirtualHost *:PORT>`;
//! - Caddy: the site block is unchanged; a global options block is put in
//!   front (admin off, bind 127.0.0.1, `https_port PORT`, no redirect
//!   server, `local_certs` so Caddy's own CA issues the certificate
//!   instead of an ACME CA on the internet, storage in `<tmp>`).
//!
//! The kit's nginx and Apache files are included from a minimal main
//! configuration written here, in the shape of Debian's (`nginx.conf`:
//! `include mime.types; default_type application/octet-stream;`;
//! `apache2.conf`: `<Directory />` denied), with every path it writes in
//! `<tmp>`, so the servers run without root. nginx runs with
//! `master_process off` and Apache with `-X`, one process each, so killing
//! the child stops the server; a guard kills it when it goes out of scope,
//! also on panic.
//!
//! Needs /usr/sbin/nginx (nginx), /usr/bin/caddy (caddy), /usr/sbin/apache2
//! (apache2), /usr/bin/openssl and /usr/bin/curl, which `scripts/setup.sh`
//! installs. A missing one fails the test when `CI=true`, and is skipped
//! with a line saying so otherwise. Prints `kit servers: N passed, M failed`.
//! `MAILDNS_KEEP=1` keeps the temporary directory.

use maildns::mta_sts::kit::{kit, PolicyServer, ServerKit, POLICY_PATH};
use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const NGINX: &str = "/usr/sbin/nginx";
const CADDY: &str = "/usr/bin/caddy";
const APACHE: &str = "/usr/sbin/apache2";
const APACHE_MODULES: &str = "/usr/lib/apache2/modules";
const OPENSSL: &str = "/usr/bin/openssl";
const CURL: &str = "/usr/bin/curl";

/// How long a server may take to answer after it is started.
const START_TIMEOUT: Duration = Duration::from_secs(20);

/// Domains as a user types them, with the host the kit must make.
const DOMAINS: [(&str, &str); 2] = [
    ("example.com", "mta-sts.example.com"),
    // 例子.中国, given in A-label form.
    ("xn--fsqu00a.xn--fiqs8s", "mta-sts.xn--fsqu00a.xn--fiqs8s"),
];

/// Policies as the generator writes them (CRLF) and as a hand-written file
/// may be (LF); RFC 8461 §3.2 allows both.
const POLICIES: [(&str, &str); 2] = [
    (
        "enforce",
        "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.backup.example.net\r\nmax_age: 604800\r\n",
    ),
    (
        "testing",
        "version: STSv1\nmode: testing\nmx: mx1.example.org\nmax_age: 86400\n",
    ),
];

/// Paths that must answer 404. `index.html` and `.well-known/other.txt`
/// exist in the web root, so a server that serves the folder fails.
const NOT_FOUND: [&str; 4] = [
    "/",
    "/index.html",
    "/.well-known/other.txt",
    "/.well-known/mta-sts.txt.bak",
];

struct Tally {
    passed: usize,
    failed: Vec<String>,
}

impl Tally {
    fn check(&mut self, name: &str, result: Result<(), String>) {
        match result {
            Ok(()) => self.passed += 1,
            Err(e) => self.failed.push(format!("{name}: {e}")),
        }
    }
}

fn ensure(ok: bool, detail: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(detail())
    }
}

/// A running server; killed and reaped when dropped, also on panic.
struct Running {
    child: Child,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The temporary directory; removed when dropped unless `MAILDNS_KEEP` is set.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        if std::env::var_os("MAILDNS_KEEP").is_none() {
            let _ = std::fs::remove_dir_all(&self.0);
        } else {
            eprintln!("kept {}", self.0.display());
        }
    }
}

fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// The counting line, written to the real stdout (past the test harness's
/// capture, like the other suites' lines).
fn report(line: &str) {
    let _ = writeln!(std::io::stdout().lock(), "{line}");
}

fn write(path: &Path, contents: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_lossy(path: &Path) -> String {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

/// `text` with `from` replaced by `to`, which must occur exactly `times`.
fn replace(text: &str, from: &str, to: &str, times: usize) -> Result<String, String> {
    let found = text.matches(from).count();
    if found != times {
        return Err(format!(
            "expected {from:?} {times} time(s) in the kit file, found {found}:\n{text}"
        ));
    }
    Ok(text.replace(from, to))
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port on 127.0.0.1: {e}"))
}

/// Runs a tool to completion; Ok(stdout + stderr) when it exits 0.
fn run(cmd: &mut Command) -> Result<String, String> {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if out.status.success() {
        Ok(text)
    } else {
        Err(format!("{cmd:?} exited {}:\n{text}", out.status))
    }
}

/// A throwaway self-signed certificate for `host`, where the kit's
/// certbot paths point once `/etc/letsencrypt/` is moved into `tmp`.
fn certificate(tmp: &Path, host: &str) -> Result<(), String> {
    let live = tmp.join("letsencrypt/live").join(host);
    std::fs::create_dir_all(&live).map_err(|e| format!("{}: {e}", live.display()))?;
    run(Command::new(OPENSSL)
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
        ])
        .args(["-days", "2", "-subj"])
        .arg(format!("/CN={host}"))
        .arg("-addext")
        .arg(format!("subjectAltName=DNS:{host}"))
        // A server certificate, not a CA (Apache warns of one, AH01906).
        .args(["-addext", "basicConstraints=critical,CA:FALSE"])
        .arg("-keyout")
        .arg(live.join("privkey.pem"))
        .arg("-out")
        .arg(live.join("fullchain.pem")))
    .map(drop)
}

/// The kit's policy file (and two files that must not be served) under
/// the test's web root.
fn web_root(tmp: &Path, kit: &ServerKit, host: &str, policy: &str) -> Result<(), String> {
    let file = kit
        .files
        .iter()
        .find(|f| f.path.ends_with(POLICY_PATH))
        .ok_or("the kit has no policy file")?;
    let var_www = format!("/var/www/{host}{POLICY_PATH}");
    if file.path != var_www {
        return Err(format!(
            "policy file at {}, the config serves {var_www}",
            file.path
        ));
    }
    if file.contents != policy {
        return Err("the kit's policy file is not the policy it was given".into());
    }
    let root = tmp.join("www").join(host);
    write(
        &root.join(POLICY_PATH.trim_start_matches('/')),
        file.contents.as_bytes(),
    )?;
    write(&root.join("index.html"), b"<p>not for MTA-STS</p>\n")?;
    write(&root.join(".well-known/other.txt"), b"not for MTA-STS\n")
}

/// The configuration file of a server's kit (the file that is not the policy).
fn config(kit: &ServerKit) -> Result<&str, String> {
    kit.files
        .iter()
        .find(|f| !f.path.ends_with(POLICY_PATH))
        .map(|f| f.contents.as_str())
        .ok_or_else(|| "the kit has no configuration file".into())
}

/// Web root and certificates moved into `tmp` (see the module comment):
/// the file names the web root `roots` times and `/etc/letsencrypt/`
/// `certs` times.
fn relocate(text: &str, tmp: &Path, host: &str, roots: usize, certs: usize) -> Result<String, String> {
    let t = tmp.display();
    let root = format!("/var/www/{host}");
    let text = replace(text, &root, &format!("{t}/www/{host}"), roots)?;
    replace(&text, "/etc/letsencrypt/", &format!("{t}/letsencrypt/"), certs)
}

// ---------------------------------------------------------------- nginx

/// A main nginx.conf in the shape of Debian's, with every path in `dir`,
/// including the kit's server block.
fn nginx_main(dir: &Path, site: &Path) -> String {
    let d = dir.display();
    let site = site.display();
    let temps: String = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
        .iter()
        .map(|t| format!("    {t}_temp_path {d}/{t};\n"))
        .collect();
    format!(
        "daemon off;\nmaster_process off;\npid {d}/nginx.pid;\nerror_log {d}/error.log notice;\n\
         events {{\n    worker_connections 64;\n}}\n\
         http {{\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n\
         \x20   access_log {d}/access.log;\n{temps}    include {site};\n}}\n"
    )
}

fn nginx_files(tmp: &Path, kit: &ServerKit, host: &str, port: u16) -> Result<(PathBuf, PathBuf), String> {
    let dir = tmp.join(format!("nginx-{port}"));
    let site_text = relocate(config(kit)?, tmp, host, 1, 2)?;
    let site_text = replace(
        &site_text,
        "listen 443 ssl;",
        &format!("listen 127.0.0.1:{port} ssl;"),
        1,
    )?;
    let site_text = replace(&site_text, "    listen [::]:443 ssl;\n", "", 1)?;
    let site = dir.join(format!("conf.d/{host}.conf"));
    write(&site, site_text.as_bytes())?;
    let main = dir.join("nginx.conf");
    write(&main, nginx_main(&dir, &site).as_bytes())?;
    Ok((dir, main))
}

fn nginx_command(dir: &Path, main: &Path) -> Command {
    let mut cmd = Command::new(NGINX);
    // -p: prefix for relative paths; -e: the error log before the
    // configuration is read (else /var/log/nginx/error.log).
    cmd.arg("-p")
        .arg(dir)
        .arg("-e")
        .arg(dir.join("error.log"))
        .arg("-c")
        .arg(main);
    cmd
}

// ---------------------------------------------------------------- Caddy

fn caddy_command(tmp: &Path, args: &[&str], config: &Path) -> Command {
    let mut cmd = Command::new(CADDY);
    cmd.args(args)
        .arg("--config")
        .arg(config)
        .args(["--adapter", "caddyfile"])
        // Caddy's data (certificates) and autosaved config go under $HOME
        // or the XDG folders: keep them in tmp.
        .env("HOME", tmp.join("caddy-home"))
        .env("XDG_DATA_HOME", tmp.join("caddy-home/data"))
        .env("XDG_CONFIG_HOME", tmp.join("caddy-home/config"));
    cmd
}

/// The kit's Caddyfile with a global options block in front (see the
/// module comment); Caddy's global options:
/// <https://caddyserver.com/docs/caddyfile/options>.
fn caddy_file(tmp: &Path, kit: &ServerKit, host: &str, port: u16) -> Result<PathBuf, String> {
    let http_port = free_port()?;
    let dir = tmp.join(format!("caddy-{port}"));
    let d = dir.display();
    let global = format!(
        "{{\n\tadmin off\n\tdefault_bind 127.0.0.1\n\thttp_port {http_port}\n\
         \thttps_port {port}\n\tauto_https disable_redirects\n\tlocal_certs\n\tskip_install_trust\n\
         \tstorage file_system {d}/data\n}}\n\n"
    );
    let path = dir.join("Caddyfile");
    write(
        &path,
        format!("{global}{}", relocate(config(kit)?, tmp, host, 1, 0)?).as_bytes(),
    )?;
    Ok(path)
}

// ---------------------------------------------------------------- Apache

/// A main httpd configuration in the shape of Debian's apache2.conf, with
/// the modules the kit names (`a2enmod ssl headers rewrite`) and those
/// Debian enables by default that it relies on (mime, authz_core,
/// mpm_event), every path in `dir`, including the kit's virtual host.
fn apache_main(dir: &Path, site: &Path, port: u16) -> String {
    let d = dir.display();
    let modules: String = [
        ("mpm_event", "mod_mpm_event"),
        ("authz_core", "mod_authz_core"),
        ("mime", "mod_mime"),
        ("headers", "mod_headers"),
        ("rewrite", "mod_rewrite"),
        ("socache_shmcb", "mod_socache_shmcb"),
        ("ssl", "mod_ssl"),
    ]
    .iter()
    .map(|(m, so)| format!("LoadModule {m}_module {APACHE_MODULES}/{so}.so\n"))
    .collect();
    format!(
        "ServerRoot \"{d}\"\nDefaultRuntimeDir \"{d}/run\"\nPidFile \"{d}/apache2.pid\"\n\
         ErrorLog \"{d}/error.log\"\nLogLevel warn\nServerName localhost\n\
         Listen 127.0.0.1:{port}\n{modules}\
         TypesConfig /etc/mime.types\nDocumentRoot \"{d}/htdocs\"\n\
         <Directory />\n    Options FollowSymLinks\n    AllowOverride None\n    Require all denied\n</Directory>\n\
         SSLSessionCache \"shmcb:{d}/run/ssl_scache(512000)\"\n\
         Include \"{}\"\n",
        site.display()
    )
}

fn apache_files(tmp: &Path, kit: &ServerKit, host: &str, port: u16) -> Result<PathBuf, String> {
    let dir = tmp.join(format!("apache-{port}"));
    let site_text = relocate(config(kit)?, tmp, host, 2, 2)?;
    let site_text = replace(
        &site_text,
        "<VirtualHost *:443>",
        &format!("<VirtualHost *:{port}>"),
        1,
    )?;
    let site = dir.join(format!("sites-available/{host}.conf"));
    write(&site, site_text.as_bytes())?;
    for sub in ["run", "htdocs"] {
        std::fs::create_dir_all(dir.join(sub)).map_err(|e| e.to_string())?;
    }
    let main = dir.join("apache2.conf");
    write(&main, apache_main(&dir, &site, port).as_bytes())?;
    Ok(main)
}

// ---------------------------------------------------------------- serving

/// Starts `cmd` with its output in `log` and waits until 127.0.0.1:port
/// accepts connections.
fn start(mut cmd: Command, log: &Path, port: u16) -> Result<Running, String> {
    let out = std::fs::File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
    let err = out.try_clone().map_err(|e| e.to_string())?;
    let child = cmd
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .map_err(|e| format!("cannot start {cmd:?}: {e}"))?;
    let mut running = Running { child };
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let deadline = Instant::now() + START_TIMEOUT;
    loop {
        if let Ok(Some(status)) = running.child.try_wait() {
            return Err(format!("{cmd:?} exited {status}:\n{}", read_lossy(log)));
        }
        if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
            return Ok(running);
        }
        if Instant::now() > deadline {
            return Err(format!("{cmd:?} did not listen on {addr}:\n{}", read_lossy(log)));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

/// GET https://host:port/path from 127.0.0.1, with `host` as SNI and Host.
/// Retries while the TLS side is not ready (Caddy issues its certificate
/// after it starts listening).
fn get(tmp: &Path, host: &str, port: u16, path: &str) -> Result<Response, String> {
    let headers = tmp.join("curl-headers");
    let body = tmp.join("curl-body");
    let deadline = Instant::now() + START_TIMEOUT;
    loop {
        let _ = std::fs::remove_file(&headers);
        let _ = std::fs::remove_file(&body);
        let result = run(Command::new(CURL)
            .args([
                "--silent",
                "--show-error",
                "--insecure",
                "--noproxy",
                "*",
                "--max-time",
                "10",
            ])
            .arg("--resolve")
            .arg(format!("{host}:{port}:127.0.0.1"))
            .arg("--dump-header")
            .arg(&headers)
            .arg("--output")
            .arg(&body)
            .args(["--write-out", "%{http_code}"])
            .arg(format!("https://{host}:{port}{path}")));
        match result {
            Ok(code) => {
                let status = code
                    .trim()
                    .parse()
                    .map_err(|_| format!("curl wrote no status: {code}"))?;
                let headers = read_lossy(&headers)
                    .lines()
                    .skip(1)
                    .filter_map(|l| l.split_once(':'))
                    .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
                    .collect();
                let body = std::fs::read(&body).unwrap_or_default();
                return Ok(Response {
                    status,
                    headers,
                    body,
                });
            }
            Err(e) if Instant::now() > deadline => return Err(e),
            Err(_) => std::thread::sleep(Duration::from_millis(250)),
        }
    }
}

/// The checks on a running server: the policy, then every other path.
fn serves(t: &mut Tally, name: &str, tmp: &Path, host: &str, port: u16, policy: &str) {
    match get(tmp, host, port, POLICY_PATH) {
        Err(e) => t.check(&format!("{name}: GET {POLICY_PATH}"), Err(e)),
        Ok(r) => {
            let what = |w: &str| format!("{name}: GET {POLICY_PATH}: {w}");
            t.check(
                &what("status"),
                ensure(r.status == 200, || format!("{} {:?}", r.status, r.headers)),
            );
            t.check(
                &what("body byte for byte"),
                ensure(r.body == policy.as_bytes(), || {
                    format!("served {:?}, policy {policy:?}", String::from_utf8_lossy(&r.body))
                }),
            );
            // RFC 8461 §3.2: media type text/plain (parameters such as a
            // charset are allowed); one Content-Type only.
            let types = r.header("content-type");
            let plain = types.len() == 1
                && types[0]
                    .split(';')
                    .next()
                    .is_some_and(|m| m.trim().eq_ignore_ascii_case("text/plain"));
            t.check(
                &what("Content-Type text/plain"),
                ensure(plain, || format!("{types:?}")),
            );
            // What the kit promises (src/mta_sts/kit.rs), once.
            let cors = r.header("access-control-allow-origin");
            t.check(
                &what("Access-Control-Allow-Origin: *"),
                ensure(cors == ["*"], || format!("{cors:?}")),
            );
        }
    }
    for path in NOT_FOUND {
        let result = get(tmp, host, port, path).and_then(|r| {
            ensure(r.status == 404, || {
                format!("{} {:?}", r.status, String::from_utf8_lossy(&r.body))
            })
        });
        t.check(&format!("{name}: GET {path} is 404"), result);
    }
}

/// How one server's kit is checked and run.
struct Launch {
    /// The tool's own configuration check.
    check: Command,
    /// The server in the foreground, one process.
    serve: Command,
    log: PathBuf,
}

/// The files for `kit` in `tmp` and the commands that check and run them;
/// `None` for a kit no local tool runs (GitHub Pages).
fn launch(tmp: &Path, kit: &ServerKit, host: &str, port: u16) -> Result<Option<Launch>, String> {
    Ok(Some(match kit.server {
        PolicyServer::Nginx => {
            let (dir, main) = nginx_files(tmp, kit, host, port)?;
            let mut check = nginx_command(&dir, &main);
            check.arg("-t");
            Launch {
                check,
                serve: nginx_command(&dir, &main),
                log: dir.join("run.log"),
            }
        }
        PolicyServer::Caddy => {
            // The kit's Caddyfile itself, as it would go to /etc/caddy.
            let kit_file = tmp.join(format!("caddy-kit-{port}/Caddyfile"));
            write(&kit_file, config(kit)?.as_bytes())?;
            let file = caddy_file(tmp, kit, host, port)?;
            Launch {
                check: caddy_command(tmp, &["validate"], &kit_file),
                serve: caddy_command(tmp, &["run"], &file),
                log: file.with_file_name("run.log"),
            }
        }
        PolicyServer::Apache => {
            let main = apache_files(tmp, kit, host, port)?;
            let mut check = Command::new(APACHE);
            check.arg("-t").arg("-f").arg(&main);
            let mut serve = Command::new(APACHE);
            // -X: one process, in the foreground.
            serve.arg("-X").arg("-f").arg(&main);
            Launch {
                check,
                serve,
                log: main.with_file_name("run.log"),
            }
        }
        PolicyServer::GithubPages => return Ok(None),
    }))
}

/// Config check and a served run of one server's kit.
fn check_server(t: &mut Tally, tmp: &Path, kit: &ServerKit, host: &str, policy: &str, name: &str) {
    let prepared = web_root(tmp, kit, host, policy).and_then(|()| {
        let port = free_port()?;
        Ok(launch(tmp, kit, host, port)?.map(|l| (port, l)))
    });
    let (port, mut l) = match prepared {
        Ok(Some(p)) => p,
        Ok(None) => return,
        Err(e) => return t.check(&format!("{name}: kit files"), Err(e)),
    };
    match run(&mut l.check) {
        Ok(said) => {
            eprintln!("{name}: {}", said.trim().replace('\n', " | "));
            t.check(&format!("{name}: config check"), Ok(()));
        }
        Err(e) => return t.check(&format!("{name}: config check"), Err(e)),
    }
    match start(l.serve, &l.log, port) {
        // `_running` stops the server at the end of this arm, also on panic.
        Ok(_running) => serves(t, name, tmp, host, port, policy),
        Err(e) => t.check(&format!("{name}: start"), Err(e)),
    }
}

/// The tools, with the Debian package of each; the servers' with the kit
/// each one runs.
const TOOLS: [(&str, &str, Option<PolicyServer>); 5] = [
    (OPENSSL, "openssl", None),
    (CURL, "curl", None),
    (NGINX, "nginx", Some(PolicyServer::Nginx)),
    (CADDY, "caddy", Some(PolicyServer::Caddy)),
    (APACHE, "apache2", Some(PolicyServer::Apache)),
];

#[test]
fn nginx_caddy_and_apache_serve_the_kit_policy() {
    let missing: Vec<_> = TOOLS
        .iter()
        .filter(|(tool, ..)| !Path::new(tool).exists())
        .collect();
    for (tool, package, _) in &missing {
        let msg = format!(
            "kit servers: {tool} is missing (Debian package {package}, which scripts/setup.sh installs)"
        );
        if ci() {
            report(&format!("kit servers: 0 passed, {} failed", missing.len()));
            panic!("{msg}");
        }
        report(&format!("{msg}: skipped"));
    }
    // Without openssl or curl nothing runs; without a server, its kit is skipped.
    if missing.iter().any(|(.., server)| server.is_none()) {
        return;
    }
    let servers: Vec<(PolicyServer, &str)> = TOOLS
        .iter()
        .filter(|(tool, ..)| Path::new(tool).exists())
        .filter_map(|&(_, package, server)| Some((server?, package)))
        .collect();

    let tmp = TempDir(std::env::temp_dir().join(format!("maildns-kit-servers-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&tmp.0);
    let mut t = Tally {
        passed: 0,
        failed: Vec::new(),
    };
    for (domain, host) in DOMAINS {
        if let Err(e) = certificate(&tmp.0, host) {
            t.check(&format!("certificate for {host}"), Err(e));
            continue;
        }
        for (mode, policy) in POLICIES {
            let k = match kit(domain, policy, None) {
                Ok(k) => k,
                Err(e) => {
                    t.check(&format!("kit({domain}, {mode})"), Err(format!("{e:?}")));
                    continue;
                }
            };
            t.check(
                &format!("kit({domain}) host"),
                ensure(k.host == host, || k.host.clone()),
            );
            for &(server, name) in &servers {
                let label = format!("{name} {host} {mode}");
                match k.servers.iter().find(|s| s.server == server) {
                    Some(sk) => check_server(&mut t, &tmp.0, sk, host, policy, &label),
                    None => t.check(&label, Err("no kit for this server".into())),
                }
            }
            // The next policy starts from an empty web root.
            let _ = std::fs::remove_dir_all(tmp.0.join("www"));
        }
    }
    report(&format!(
        "kit servers: {} passed, {} failed",
        t.passed,
        t.failed.len()
    ));
    assert!(t.failed.is_empty(), "{}", t.failed.join("\n\n"));
}
