#!/usr/bin/env python3
"""First-load size of the Generate view, as a static host serves it.

Reads dist/index.html, takes every file it loads eagerly (stylesheets,
module scripts and their static imports, modulepreload and preload links,
and the wasm module the inline boot script fetches), gzips each one at
level 9 as the test server does (tests/e2e/lib/static-server.mjs), adds
index.html itself, prints

    first-load gzip: N bytes (budget B)

and exits 1 when N is over B. The budget is the one number in
scripts/first-load-budget; lower it as the page shrinks.

It also prints the gzip size of the workers' files and of the parts split
off the page's module (scripts/split.py), which the page loads after the
first view; they are not part of the first load.

Usage: scripts/size_check.py [dist]
"""
import gzip
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
dist = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "dist"
budget = int((root / "scripts" / "first-load-budget").read_text().split()[0])

html = (dist / "index.html").read_text()
eager = set()
# <link rel=stylesheet|modulepreload|preload href=...> and <script src=...>
for tag in re.findall(r"<(?:link|script)\b[^>]*>", html):
    rel = re.search(r"\brel=\"?([\w-]+)", tag)
    href = re.search(r"\b(?:href|src)=\"?(\./[^\s\">]+)", tag)
    if href and (tag.startswith("<script") or (rel and rel.group(1) in ("stylesheet", "modulepreload", "preload"))):
        eager.add(href.group(1))
# The inline boot module: what it imports and the wasm it fetches.
for script in re.findall(r"<script type=\"?module\"?>(.*?)</script>", html, re.S):
    eager.update(re.findall(r"[\"`'](\./[^\"`']+\.(?:js|wasm))[\"`']", script))


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


# The texts of the language the page opens in (src/ui/texts.rs): a part
# the boot script preloads and the page awaits before it mounts, so part of
# the first load. Which language depends on the visitor: the larger part,
# with the shared chunks it uses, is counted.
split_meta = re.search(r'<meta name="?maildns-split"?([^>]*)>', html)
split_attrs = dict(re.findall(r'data-([a-z0-9-]+)="([^"]*)"', split_meta.group(1) if split_meta else ""))


def part_files(part):
    files = [split_attrs[part]] if part in split_attrs else []
    for key, users in split_attrs.items():
        m = re.fullmatch(r"(chunk-[0-9]+)-for", key)
        if m and part in users.split() and m.group(1) in split_attrs:
            files.append(split_attrs[m.group(1)])
    return files


languages = [part_files(p) for p in ("texts-en", "texts-zh")]
if not all(languages):
    sys.exit("size check: index.html names no texts part for a language (texts-en, texts-zh)")
opening = max(languages, key=lambda files: sum(gz((dist / f.removeprefix("./")).read_bytes()) for f in files))
eager.update(opening)

rows = [("index.html", gz(html.encode()))]
for name in sorted(eager):
    path = dist / name.removeprefix("./")
    if not path.is_file():
        sys.exit(f"size check: {name} is loaded by index.html but not in {dist}")
    rows.append((name.removeprefix("./"), gz(path.read_bytes())))
total = sum(size for _, size in rows)
for name, size in rows:
    print(f"  {size:>9,} B  {name}")
print(f"first-load gzip: {total} bytes (budget {budget})")
# Loaded later, never in the first view: the workers, each named in a
# <meta name="maildns-checker|tools|message"> (scripts/csp.py). For information.
for worker in ("checker", "tools", "message"):
    meta = re.search(r'<meta name="?maildns-' + worker + r'"?([^>]*)>', html)
    if not meta:
        continue
    later = [dist / n.removeprefix("./") for n in re.findall(r'data-(?:js|wasm)="(\./[^"]+)"', meta.group(1))]
    if not all(p.is_file() for p in later):
        sys.exit(f"size check: a {worker} file named in index.html is not in dist")
    print(f"{worker}, loaded on demand: {sum(gz(p.read_bytes()) for p in later)} bytes gzip (not in the first load)")
# The parts split off the page's module (scripts/split.py), each named in
# <meta name="maildns-split">: fetched on first use or when idle.
split = re.search(r'<meta name="?maildns-split"?([^>]*)>', html)
for part, name in re.findall(r'data-([a-z0-9-]+)="(\./[^"]+\.wasm)"', split.group(1) if split else ""):
    path = dist / name.removeprefix("./")
    if not path.is_file():
        sys.exit(f"size check: the part {part} named in index.html is not in dist")
    if name in eager:
        continue
    print(f"part {part}, loaded on demand: {gz(path.read_bytes())} bytes gzip (not in the first load)")
if total > budget:
    print(f"size check: over budget by {total - budget} bytes", file=sys.stderr)
    sys.exit(1)
