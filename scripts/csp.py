#!/usr/bin/env python3
"""Trunk post_build hook: writes the page's Content-Security-Policy.

GitHub Pages sends no custom headers, so the policy is a
<meta http-equiv="Content-Security-Policy"> at the top of <head>. Trunk's
inline module loader changes with every file hash, so its sha256 is computed
here, after Trunk wrote $TRUNK_STAGING_DIR/index.html, together with the hash
of the boot script this hook adds and of any other inline script (under
`trunk serve` that is Trunk's live-reload script, whose websocket
`'self'` covers: CSP3 matches ws: to 'self' on the same host).

Two policies, which the browser intersects (CSP3 section 8.1):
1. static (this meta): everything but connect-src is final;
   connect-src 'self' https: http://127.0.0.1:* http://localhost:*
2. dynamic: the boot script, which runs before the app, adds
   connect-src 'self' <the four preset resolvers> <loopback>
   <the user-added origins kept in localStorage "maildns.connect.origins">.
So the page can only ever fetch from its own origin, the presets, loopback
and https origins the user explicitly allowed (src/csp.rs; the page stores
the origin and reloads once when a new one is added).

frame-ancestors, report-uri and sandbox are ignored in a meta policy
(CSP3 section 3.3), so none is written; the page cannot forbid framing
without a header.

Run by Trunk (Trunk.toml [[hooks]]); also runnable by hand:
  TRUNK_STAGING_DIR=dist python3 scripts/csp.py   (idempotent)
"""

import base64
import hashlib
import os
import re
import sys

PRESET_ORIGINS = [
    "https://dns.alidns.com",
    "https://doh.pub",
    "https://dns.google",
    "https://cloudflare-dns.com",
]
LOOPBACK = ["http://127.0.0.1:*", "http://localhost:*"]
ORIGINS_KEY = "maildns.connect.origins"

# Kept on one line and free of "</": it is hashed as written.
BOOT = (
    "(function(){var o=[];try{var v=JSON.parse(localStorage.getItem(\"" + ORIGINS_KEY + "\")||\"[]\");"
    "if(Array.isArray(v))o=v.filter(function(s){return typeof s===\"string\"&&"
    "/^https:\\/\\/[a-z0-9-]+(\\.[a-z0-9-]+)*(:[0-9]{1,5})?$/.test(s)}).slice(0,8)}catch(e){}"
    "var m=document.createElement(\"meta\");m.httpEquiv=\"Content-Security-Policy\";"
    "m.setAttribute(\"data-maildns-connect\",\"\");"
    "m.content=\"connect-src 'self' " + " ".join(PRESET_ORIGINS + LOOPBACK) + "\"+(o.length?\" \"+o.join(\" \"):\"\");"
    "document.head.appendChild(m)})();"
)
BOOT_MARK = "data-maildns-boot"

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)


def sha256_source(text):
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(hashes):
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self' " + " ".join(hashes) + " 'wasm-unsafe-eval'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'none'",
            "connect-src 'self' https: " + " ".join(LOOPBACK),
            "manifest-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "object-src 'none'",
        ]
    )


def rewrite(html):
    # Idempotent: drop what an earlier run added.
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    html = re.sub(r"<script " + BOOT_MARK + r">.*?</script>", "", html, flags=re.S)
    charset = re.search(r"<meta charset=\"?utf-8\"?\s*/?>", html, re.I)
    if not charset:
        sys.exit("csp.py: no <meta charset=utf-8> to put the policy after")
    boot = "<script " + BOOT_MARK + ">" + BOOT + "</script>"
    html = html[: charset.end()] + boot + html[charset.end() :]
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        source = sha256_source(match.group(2))
        if source not in hashes:
            hashes.append(source)
    meta = '<meta http-equiv="Content-Security-Policy" content="' + policy(hashes) + '">'
    return html[: charset.end()] + meta + html[charset.end() :]


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        sys.exit("csp.py: TRUNK_STAGING_DIR is not set (run by trunk, or set it to dist)")
    path = os.path.join(staging, "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(rewrite(html))


if __name__ == "__main__":
    main()
