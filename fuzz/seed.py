#!/usr/bin/env python3
"""Builds fuzz/corpus/<target>/ from the repository's test vectors, so the
seed corpus is reproducible: tests/vectors (DKIM, DMARC, MTA-STS, TLS-RPT,
SPF suite, DoH JSON, wire messages, keys and certificates), tests/zones and
tests/doh/fixtures (names, record data of every type, TXT records), and a
few plans written here (plan JSON, share links, check links).

Usage: fuzz/seed.py [target ...]   (default: every target). Python 3
standard library only. Existing corpus files are kept; seeds are named by
their SHA-1, so running it twice adds nothing.
"""
import base64
import hashlib
import json
import pathlib
import re
import sys
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "vectors"
CORPUS = ROOT / "fuzz" / "corpus"

# The rdata target picks the type from its first byte, in this order
# (fuzz_targets/rdata.rs TYPES).
RDATA_TYPES = ["A", "NS", "CNAME", "SOA", "PTR", "MX", "TXT", "AAAA", "SRV", "TLSA", "SPF", "CAA"]
GRAMMAR_TARGETS = {"MX": "mx", "SRV": "srv", "CAA": "caa", "TLSA": "tlsa", "PTR": "ptr", "TXT": "txt"}
TXT_TARGETS = [
    ("v=spf1", "spf_parse"),
    ("v=dkim1", "dkim_record"),
    ("v=dmarc1", "dmarc"),
    ("v=stsv1", "mta_sts_txt"),
    ("v=tlsrptv1", "tls_rpt"),
]

seeds: dict[str, set[bytes]] = {}


def add(target: str, data) -> None:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    seeds.setdefault(target, set()).add(data)


def strings(value):
    """Every string leaf of a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)


def unquote_txt(data: str) -> str:
    """The value of zone-file TXT data: its quoted strings joined."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', data)
    return "".join(parts) if parts else data


def route_txt(value: str) -> None:
    low = value.lower()
    for prefix, target in TXT_TARGETS:
        if low.startswith(prefix):
            add(target, value)
    if "p=" in value and "v=dkim1" in low:
        p = re.search(r"p=([A-Za-z0-9+/=\s]*)", value)
        if p:
            body = re.sub(r"\s", "", p.group(1))
            add("dkim_pasted", body)
            try:
                add("der", base64.b64decode(body + "=" * (-len(body) % 4)))
            except ValueError:
                pass


# Tag-value record vectors: every string of each file goes to its parser.
for kind, targets in {
    "dkim": ["dkim_record", "dkim_pasted"],
    "dmarc": ["dmarc"],
    "mta-sts": ["mta_sts_txt", "mta_sts_policy"],
    "tls-rpt": ["tls_rpt"],
}.items():
    for path in sorted((VECTORS / kind).glob("*.json")):
        doc = json.loads(path.read_text())
        for s in strings({k: v for k, v in doc.items() if k not in ("description", "source", "caveats")}):
            for t in targets:
                add(t, s)

# The SPF test suites: every SPF/TXT value, alone and as the record of a zone.
EVAL_ZONE = "\nmail.example.com A 192.0.2.1\nexample.com MX 10 mail.example.com.\n"
for path in sorted((VECTORS / "spf").glob("*.yml")):
    for m in re.finditer(r"^\s*-?\s*(?:SPF|TXT):\s*(.+?)\s*$", path.read_text(), re.M):
        value = m.group(1)
        if value[:1] in "'\"" and value[-1:] == value[:1]:
            value = value[1:-1]
        value = value.encode().decode("unicode_escape", "ignore") if "\\x" in value else value
        add("spf_parse", value)
        add("spf_eval", "\x00" + value + EVAL_ZONE)
        add("txt", '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"')

# Zone files: names, record data of every type, TXT records by kind.
zone_files = sorted((ROOT / "tests" / "zones").glob("*.zone")) + sorted(
    (ROOT / "tests" / "doh" / "fixtures").glob("*.zone")) + sorted((VECTORS / "wire" / "zones").glob("*.zone"))
zone_lines = []
for path in zone_files:
    origin = ""
    for line in path.read_text().splitlines():
        if line.startswith("$ORIGIN"):
            origin = line.split()[1]
            add("name", "\x00" + origin)
            continue
        if not line.strip() or line.startswith((";", "$")):
            continue
        m = re.match(r"^(\S+)\s+(?:\d+\s+)?IN\s+([A-Z0-9]+)\s+(.*)$", line)
        if not m:
            continue
        owner, rtype, data = m.groups()
        data = data.replace("(", "").replace(")", "").strip()
        fq = origin if owner == "@" else owner if owner.endswith(".") else f"{owner}.{origin}"
        for sel in (0, 1, 2):
            add("name", bytes([sel]) + fq.encode())
        add("name", b"\x01" + owner.encode())
        if rtype in RDATA_TYPES:
            add("rdata", bytes([RDATA_TYPES.index(rtype)]) + data.encode())
        if rtype in GRAMMAR_TARGETS:
            add(GRAMMAR_TARGETS[rtype], data)
        if rtype in ("A", "AAAA"):
            add("address", data)
        if fq.endswith(("in-addr.arpa.", "ip6.arpa.")):
            add("address", fq)
        if rtype == "TXT":
            route_txt(unquote_txt(data))
        if rtype in ("A", "AAAA", "MX", "TXT", "CNAME", "PTR"):
            zone_lines.append(f"{fq} {rtype} {data}")
for i, line in enumerate(l for l in zone_lines if " TXT " in l and "v=spf1" in l):
    record = unquote_txt(line.split(" TXT ", 1)[1])
    add("spf_eval", bytes([i % 3]) + (record + "\n" + "\n".join(zone_lines[:40])).encode())

# DoH JSON bodies (JSONC: comment lines dropped) and RFC 8484 wire messages.
for path in sorted((VECTORS / "doh").glob("*.json*")):
    text = "\n".join(l for l in path.read_text().splitlines() if not l.lstrip().startswith("//"))
    add("doh_json", text)
for path in sorted((VECTORS / "wire").glob("*.bin")):
    add("dns_wire", path.read_bytes())

# Keys and certificates as pasted, and their DER.
for path in sorted((VECTORS / "generate").glob("*")) + sorted((ROOT / "tests" / "zones" / "keys").glob("*.b64")):
    if path.suffix not in (".pub", ".pem", ".b64"):
        continue
    text = path.read_text()
    add("dkim_pasted", text)
    add("certificate", text)
    body = "".join(l for l in text.splitlines() if not l.startswith("-----"))
    try:
        der = base64.b64decode(body)
        add("der", der)
        add("dkim_pasted", body)
    except ValueError:
        pass

# Kept private keys (PKCS#8 PEM) and their DER.
for path in sorted((VECTORS / "private").glob("*.pem")):
    text = path.read_text()
    add("private_key", text)
    body = "".join(l for l in text.splitlines() if not l.startswith("-----"))
    add("private_key", base64.b64decode(body))

# Plans: the guide's example, an IDN domain, null MX, everything switched on.
RSA2048 = (VECTORS / "generate" / "r2048.pub").read_text()
ED25519 = (VECTORS / "generate" / "ed.pub").read_text()
CERT = (VECTORS / "generate" / "cert-ec.pem").read_text()
guide = {
    "domain": "example.com",
    "hosts": [{"name": "mail.example.com", "ipv4": ["192.0.2.1"], "ipv6": [], "priority": "10"}],
    "ttl": {"default": "3600"},
    "dkim": {"selector": "mail", "public_key": RSA2048},
    "dmarc": {"p": "quarantine", "rua": ["mailto:dmarc@example.com"]},
}
plans = [
    {},
    guide,
    {**guide, "domain": "bücher.de", "hosts": [{"name": "mail.bücher.de", "ipv4": ["192.0.2.7"]}]},
    {"domain": "example.org", "null_mx": True},
    {
        **guide,
        "hosts": [{"name": "mx1.example.com", "ipv4": ["192.0.2.1"], "ipv6": ["2001:db8::1"], "priority": "10"}],
        "backup_mx": [{"name": "mx2.example.net", "ipv4": ["198.51.100.2"], "priority": "20"}],
        "ttl": {"default": "300", "overrides": {"mx": "3600", "dkim": "86400"}},
        "spf": {"ip4": ["203.0.113.0/24"], "ip6": ["2001:db8::/32"], "a": ["web.example.com"], "mx": [],
                "includes": ["_spf.example.net"], "all": "softfail"},
        "dkim": {"selector": "s202611", "algorithm": "rsa-4096", "public_key": RSA2048,
                 "ed25519_selector": "ed", "ed25519_public_key": ED25519},
        "dmarc": {"p": "reject", "sp": "quarantine", "np": "reject", "adkim": "strict", "aspf": "relaxed",
                  "rua": ["mailto:dmarc@example.net"], "ruf": ["mailto:forensic@example.com"]},
        "mta_sts": {"enabled": True, "mode": "enforce", "max_age": "604800", "mx": ["*.example.com"],
                    "web_ipv4": ["192.0.2.80"], "web_ipv6": []},
        "tls_rpt": {"enabled": True, "rua": ["mailto:tlsrpt@example.com", "https://report.example.net/v1"]},
        "autoconfig": {"enabled": True, "target": "mx1.example.com", "submissions": True, "submission": False,
                       "imaps": True, "pop3s": True},
        "caa": {"enabled": True, "issuers": ["letsencrypt.org"], "iodef": "mailto:security@example.com"},
        "tlsa": {"enabled": True, "pem": CERT},
    },
]
for plan in plans:
    text = json.dumps(plan, ensure_ascii=False)
    add("plan_json", text)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = deflate.compress(text.encode()) + deflate.flush()
    add("share", "p1=" + base64.urlsafe_b64encode(packed).decode().rstrip("="))
    add("share", "#p0=" + base64.urlsafe_b64encode(text.encode()).decode().rstrip("="))
# A v0 plan: address lists and the default TTL as plain text.
v0 = {"domain": "example.com", "hosts": [{"name": "mail.example.com", "ipv4": "192.0.2.1, 192.0.2.2"}], "ttl": "300"}
add("share", "p0=" + base64.urlsafe_b64encode(json.dumps(v0).encode()).decode().rstrip("="))
for link in [
    "check=example.com",
    "#check=example.com&sel=s1,s2&ep=google",
    "check=b%C3%BCcher.de&sel=mail&ep=cloudflare",
    "check=example.com&ep=https%3A%2F%2Fdns.example%2Fdns-query&flavor=wire",
    "check=example.com&ep=https%3A%2F%2Fdns.example%2Fresolve&flavor=json&sel=%ZZ",
]:
    add("share", link)

# A few inputs for the grammars the files above do not reach.
for text in ["192.0.2.1", "::ffff:192.0.2.1", "2001:db8::1", "1.2.0.192.in-addr.arpa.", "010.0.0.1"]:
    add("address", text)
for sel, text in [(0, "mail.example.com"), (1, "_25._tcp.mail.example.com."), (2, "*.example.com"),
                  (0, "xn--bcher-kva.de"), (0, "BÜCHER.de"), (1, "@"), (0, "mail")]:
    add("name", bytes([sel]) + text.encode())
for sel, text in [(0, r"\# 4 c0000201"), (3, "ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300"),
                  (12, r"\# 2 0102"), (13, "anything at all"), (6, '"a" "b\\255c"')]:
    add("rdata", bytes([sel]) + text.encode())
add("caa", r'0 issue "letsencrypt.org; validationmethods=dns-01"')
add("srv", "0 1 465 mail.example.com.")
add("srv", "0 0 0 .")
add("tlsa", "3 1 1 ( e45af1b1d677c5c97c35eb6084bba7ad2849a190bf3f24917c70a534d36a320f )")
add("mta_sts_policy", "version: STSv1\r\nmode: enforce\r\nmx: *.example.com\r\nmax_age: 604800\r\n")

# Messages: the RFC 8463 example signed message (Appendix A), and short
# messages with the fields the message test reads (signatures with the
# selector the target's zone publishes, hops, Authentication-Results, ARC).
for path in sorted((ROOT / "tests" / "message" / "rfc8463").glob("*.eml")):
    add("message", b"\x00" + path.read_bytes())
MESSAGE = (
    "Return-Path: <bounce@x.net>\r\n"
    "Authentication-Results: mx.example.org; dkim=pass header.d=x.net header.b=AAAA; spf=pass smtp.mailfrom=x.net; dmarc=pass header.from=x.net\r\n"
    "ARC-Seal: i=1; a=rsa-sha256; cv=none; d=example.org; s=arc; b=AAAA\r\n"
    "Received: from mail.x.net (mail.x.net [192.0.2.1]) by mx.example.org with ESMTPS; Mon, 7 Dec 2026 10:00:00 +0000\r\n"
    "Received: from [10.0.0.2] by mail.x.net; Mon, 7 Dec 2026 09:59:59 +0000\r\n"
    "DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/simple; d=x.net; s=s; h=from:to:subject:from; l=5; t=1800000000; x=1900000000;\r\n"
    " bh=AAAA; b=AAAA\r\n"
    "From: Alice <a@x.net>\r\nTo: b@example.org\r\nSubject: test\r\n\r\nHello\r\n"
)
for i in range(3):
    add("message", bytes([i]) + MESSAGE.encode())
add("message", b"\x02" + MESSAGE.replace("\r\n", "\n").encode())

wanted = set(sys.argv[1:])
for target, items in sorted(seeds.items()):
    if wanted and target not in wanted:
        continue
    directory = CORPUS / target
    directory.mkdir(parents=True, exist_ok=True)
    for data in items:
        (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)
    print(f"{target}: {len(items)} seeds")
