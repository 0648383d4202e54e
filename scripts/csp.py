#!/usr/bin/env python3
"""Trunk post_build hook: writes the page's Content-Security-Policy.

GitHub Pages sends no custom headers, so the policy is a
<meta http-equiv="Content-Security-Policy"> at the top of <head>. Trunk's
inline module loader changes with every file hash, so its sha256 is computed
here, after Trunk wrote $TRUNK_STAGING_DIR/index.html, together with the hash
of the boot script this hook adds.

`trunk serve` (scripts/serve.sh) also runs this hook, on HTML that carries
Trunk's live-reload script, into which the server writes the request's host
name at serve time, so no hash can be computed for it here. Such a build is
recognised by that script (".well-known/trunk/ws") and gets
script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval' instead of the hashes,
and a line on stderr saying so; its websocket is covered by 'self' (CSP3
matches ws: to 'self' on the same host and port). `trunk build`, the only
build that is deployed, never has that script and always gets the hashes;
tests/e2e/security.test.mjs checks dist/index.html for it.

Two policies, which the browser intersects (CSP3 section 8.1):
1. static (this meta): everything but connect-src is final;
   connect-src 'self' https: <loopback: http and https on 127.0.0.1:* and localhost:*>
2. dynamic: the boot script, which runs before the app, adds
   connect-src 'self' <the four preset resolvers> <loopback>
   <the user-added origins kept in localStorage "maildns.connect.origins">.
So the page can only ever fetch from its own origin, the presets, loopback
and https origins the user explicitly allowed (src/csp.rs; the page stores
the origin and reloads once when a new one is added).

frame-ancestors, report-uri and sandbox are ignored in a meta policy
(CSP3 section 3.3), so none is written; the page cannot forbid framing
without a header.

The workers (src/worker, index.html's data-type="worker" links: the
checker, and the tools that write the exports) are loaded later by the
page from blob: URLs (src/ui/checker.rs says why), so the policy has
worker-src blob:, and 'self' for the service worker (static/sw.js; a
service worker's script must be a same-origin URL, and 'self' is the
narrowest source that names it at / and under /<repo>/ alike: CSP source
expressions cannot name a path without a host). The boot script loads
./sw-register.js once the page is interactive, which registers it. Trunk names a worker's
files without a hash (checker.js, checker_bg.wasm); this hook renames
them after their content, as Trunk does for the page's own files, so a
cached old file is never taken for a new one, and writes their names
and SHA-384 integrity into <meta name="maildns-checker"> (and
"maildns-tools"), which the page reads and fetches with.

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
# A resolver on the user's own machine, plain or with TLS (a local DoH proxy).
LOOPBACK = ["http://127.0.0.1:*", "http://localhost:*", "https://127.0.0.1:*", "https://localhost:*"]
ORIGINS_KEY = "maildns.connect.origins"

# Kept on one line and free of "</": it is hashed as written.
BOOT = (
    "(function(){var o=[];try{var v=JSON.parse(localStorage.getItem(\"" + ORIGINS_KEY + "\")||\"[]\");"
    "if(Array.isArray(v))o=v.filter(function(s){return typeof s===\"string\"&&"
    "/^https:\\/\\/[a-z0-9-]+(\\.[a-z0-9-]+)*(:[0-9]{1,5})?$/.test(s)}).slice(0,8)}catch(e){}"
    "var m=document.createElement(\"meta\");m.httpEquiv=\"Content-Security-Policy\";"
    "m.setAttribute(\"data-maildns-connect\",\"\");"
    "m.content=\"connect-src 'self' " + " ".join(PRESET_ORIGINS + LOOPBACK) + "\"+(o.length?\" \"+o.join(\" \"):\"\");"
    "document.head.appendChild(m);"
    # A check link needs the checker, the Check half's code and the reader
    # of the checker's replies at once, each with the shared chunks it uses
    # (split.py names a chunk's users in data-chunk-<n>-for): fetch their
    # files beside the page's own instead of after it (the page's fetch,
    # with the same integrity, takes these responses). The plan's reader
    # (src/ui/codec.rs) is read before the page mounts when there is a plan
    # to read: a share link, or a plan saved in this browser (the keys of
    # src/plan/stored.rs and the displaced plan's).
    "var f=[],h=location.hash,s=document.querySelector(\"meta[name=maildns-split]\");"
    "var g=function(k){try{return localStorage.getItem(k)}catch(e){return null}};"
    "var want=function(p){if(!s||!s.hasAttribute(\"data-\"+p))return;f.push([s,\"data-\"+p]);"
    "[].forEach.call(s.attributes,function(a){var m=/^data-(chunk-[0-9]+)-for$/.exec(a.name);"
    "if(m&&(\" \"+a.value+\" \").indexOf(\" \"+p+\" \")>=0&&f.every(function(x){return x[1]!==\"data-\"+m[1]}))f.push([s,\"data-\"+m[1]])})};"
    "if(h.indexOf(\"#check=\")===0){"
    "var w=document.querySelector(\"meta[name=maildns-checker]\");"
    "if(w)[\"js\",\"wasm\"].forEach(function(k){f.push([w,\"data-\"+k])});"
    "want(\"check-half\");want(\"replies\")}"
    "if(/^#p[0-9]+=/.test(h)||g(\"maildns.plan\")||g(\"maildns.plan.v1\")||g(\"maildns.plan.before-link\"))want(\"plan-codec\");"
    # The texts of the language the page opens in (src/ui/texts.rs), chosen
    # as src/ui/app.rs `initial_lang` chooses: the stored choice, else the
    # first of the browser's languages that is Chinese or English.
    "var l=g(\"maildns.lang\");if(l!==\"en\"&&l!==\"zh-CN\"){l=\"en\";"
    "var n=navigator.languages&&navigator.languages.length?navigator.languages:[navigator.language||\"\"];"
    "for(var i=0;i<n.length;i++){var q=String(n[i]).split(/[-_]/)[0].toLowerCase();"
    "if(q===\"zh\"){l=\"zh-CN\";break}if(q===\"en\")break}}"
    "want(l===\"zh-CN\"?\"texts-zh\":\"texts-en\");"
    "f.forEach(function(p){var l=document.createElement(\"link\");l.rel=\"preload\";l.as=\"fetch\";"
    "l.crossOrigin=\"anonymous\";l.href=p[0].getAttribute(p[1]);l.integrity=p[0].getAttribute(p[1]+\"-integrity\");"
    "document.head.appendChild(l)});"
)
# The service worker (static/sw-register.js registers it and offers a new
# version) starts once the page is interactive and its Check half's code and
# the checker have come (or failed), never before: its script is fetched
# after the app's "maildns-settled" mark (src/ui/app.rs), so its install,
# which stores every file of the page, does not share the network with what
# the Check tab waits for. Not under `trunk serve`, whose rebuilds would
# otherwise be held back by the worker's cache.
SW_LOADER = (
    "if(navigator.serviceWorker&&window.PerformanceObserver)new PerformanceObserver(function(l,b){"
    "if(l.getEntriesByName(\"maildns-settled\").length){b.disconnect();"
    "var s=document.createElement(\"script\");s.src=\"./sw-register.js\";document.head.appendChild(s)}"
    "}).observe({type:\"mark\",buffered:true})"
)
BOOT_END = "})();"
BOOT_MARK = "data-maildns-boot"
# Only in Trunk's live-reload script, which only `trunk serve` adds.
LIVE_RELOAD = ".well-known/trunk/ws"

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)


def sha256_source(text):
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(scripts):
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self' " + " ".join(scripts) + " 'wasm-unsafe-eval'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'none'",
            "connect-src 'self' https: " + " ".join(LOOPBACK),
            # blob: for the checker and tools workers (below); 'self' for
            # the service worker, whose script must be same-origin
            # (./sw.js): registering it is checked against worker-src.
            "worker-src 'self' blob:",
            "manifest-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "object-src 'none'",
        ]
    )


# The workers: the file stem Trunk writes, and the meta that names them.
WORKERS = (("checker", "maildns-checker"), ("tools", "maildns-tools"), ("message", "maildns-message"))


def sri(data):
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


def hash_worker(staging, stem, meta_name):
    """Renames the worker's files after their content; returns the meta
    that names them, or "" when the build has no such worker."""
    names = {}
    for suffix in (".js", "_bg.wasm"):
        plain = os.path.join(staging, stem + suffix)
        if os.path.exists(plain):
            with open(plain, "rb") as f:
                data = f.read()
            # Idempotent: a file renamed by an earlier run is replaced.
            for old in os.listdir(staging):
                if re.fullmatch(re.escape(stem) + r"-[0-9a-f]{16}" + re.escape(suffix), old):
                    os.remove(os.path.join(staging, old))
            name = stem + "-" + hashlib.sha256(data).hexdigest()[:16] + suffix
            os.replace(plain, os.path.join(staging, name))
        else:
            found = [n for n in os.listdir(staging)
                     if re.fullmatch(re.escape(stem) + r"-[0-9a-f]{16}" + re.escape(suffix), n)]
            if len(found) != 1:
                return ""
            name = found[0]
            with open(os.path.join(staging, name), "rb") as f:
                data = f.read()
        names[suffix] = (name, sri(data))
    (js, js_sri), (wasm, wasm_sri) = names[".js"], names["_bg.wasm"]
    return (
        '<meta name="' + meta_name + '" data-js="./' + js + '" data-js-integrity="' + js_sri
        + '" data-wasm="./' + wasm + '" data-wasm-integrity="' + wasm_sri + '">'
    )


def rewrite(html, worker_meta=""):
    # Idempotent: drop what an earlier run added.
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    for _, meta_name in WORKERS:
        html = re.sub(r'<meta name="' + meta_name + r'"[^>]*>', "", html)
    html = re.sub(r"<script " + BOOT_MARK + r">.*?</script>", "", html, flags=re.S)
    # The parts split off the page's module (scripts/split.py): their meta
    # goes before the boot script, which reads it.
    split = re.search(r'<meta name="maildns-split"[^>]*>', html)
    if split:
        html = html.replace(split.group(0), "")
        worker_meta += split.group(0)
    charset = re.search(r"<meta charset=\"?utf-8\"?\s*/?>", html, re.I)
    if not charset:
        sys.exit("csp.py: no <meta charset=utf-8> to put the policy after")
    serve = LIVE_RELOAD in html
    boot = "<script " + BOOT_MARK + ">" + BOOT + ("" if serve else SW_LOADER) + BOOT_END + "</script>"
    html = html[: charset.end()] + boot + html[charset.end() :]
    scripts = []
    for match in INLINE_SCRIPT.finditer(html):
        if LIVE_RELOAD in match.group(2):
            print("csp.py: trunk serve build: script-src 'unsafe-inline' for Trunk's live-reload script", file=sys.stderr)
            scripts = ["'unsafe-inline'"]
            break
        source = sha256_source(match.group(2))
        if source not in scripts:
            scripts.append(source)
    meta = '<meta http-equiv="Content-Security-Policy" content="' + policy(scripts) + '">'
    return html[: charset.end()] + meta + worker_meta + html[charset.end() :]


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        sys.exit("csp.py: TRUNK_STAGING_DIR is not set (run by trunk, or set it to dist)")
    path = os.path.join(staging, "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    worker_meta = ""
    for stem, meta_name in WORKERS:
        meta = hash_worker(staging, stem, meta_name)
        if not meta:
            print("csp.py: no " + stem + " worker in this build", file=sys.stderr)
        worker_meta += meta
    with open(path, "w", encoding="utf-8") as f:
        f.write(rewrite(html, worker_meta))


if __name__ == "__main__":
    main()
