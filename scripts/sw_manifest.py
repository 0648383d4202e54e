#!/usr/bin/env python3
"""Trunk post_build hook: writes the build's file list into the service worker.

Runs after scripts/split.py and scripts/csp.py (scripts/post_build.py runs
the three in order, because Trunk starts the hooks of one stage side by
side): they rename files after their content and rewrite index.html, and
the hashes written here must be those of the final files.

Into $TRUNK_STAGING_DIR/sw.js (copied there by Trunk from static/sw.js) it
writes, in place of the line `const BUILD = ...;`:

  const BUILD = {"version": V, "files": {NAME: SHA256_HEX, ...}, "precache": [NAME, ...]};

- files: every file of the build but sw.js itself, by its path in dist/
  ("index.html", "icons/icon-192.png"), with the SHA-256 of its bytes; the
  worker serves nothing else, and checks each cached copy against it.
- precache: the files the first view needs, stored when the worker
  installs: all files but the workers' (named in index.html's
  <meta name="maildns-checker|tools|message">) and what only an installation
  asks for (the manifest and icons/), which are stored when first fetched,
  so a first visit downloads nothing the page does not use.
- version: the first 16 hex digits of the SHA-256 of that list, the name
  of the worker's cache; any change of any file makes a new version, and a
  new sw.js, which is how the browser notices a deploy.

Also runnable by hand (idempotent):
  TRUNK_STAGING_DIR=dist python3 scripts/sw_manifest.py
"""

import hashlib
import json
import os
import re
import sys

WORKER = "sw.js"
BUILD_LINE = re.compile(r"^const BUILD = .*;$", re.M)


def build_of(staging):
    files = {}
    for folder, _, names in os.walk(staging):
        for name in names:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, staging).replace(os.sep, "/")
            # Trunk's lock file in dist/ (a hand run) is not served.
            if rel == WORKER or name.startswith("."):
                continue
            with open(path, "rb") as f:
                files[rel] = hashlib.sha256(f.read()).hexdigest()
    with open(os.path.join(staging, "index.html"), encoding="utf-8") as f:
        html = f.read()
    later = set()
    for meta in re.findall(r'<meta name="maildns-(?:checker|tools|message)"[^>]*>', html):
        later.update(n.removeprefix("./") for n in re.findall(r'data-(?:js|wasm)="([^"]+)"', meta))
    missing = later - files.keys()
    if missing:
        sys.exit("sw_manifest.py: index.html names files that are not in the build: " + ", ".join(sorted(missing)))
    files = dict(sorted(files.items()))
    version = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()[:16]
    install_only = {n for n in files if n.startswith("icons/") or n.endswith(".webmanifest")}
    return {"version": version, "files": files, "precache": [n for n in files if n not in later | install_only]}


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        sys.exit("sw_manifest.py: TRUNK_STAGING_DIR is not set (run by trunk, or set it to dist)")
    path = os.path.join(staging, WORKER)
    with open(path, encoding="utf-8") as f:
        source = f.read()
    if not BUILD_LINE.search(source):
        sys.exit("sw_manifest.py: " + path + " has no line `const BUILD = ...;`")
    build = build_of(staging)
    line = "const BUILD = " + json.dumps(build, separators=(",", ":")) + ";"
    with open(path, "w", encoding="utf-8") as f:
        f.write(BUILD_LINE.sub(lambda _: line, source, count=1))
    print(f"sw_manifest.py: version {build['version']}, {len(build['files'])} files, {len(build['precache'])} precached", file=sys.stderr)


if __name__ == "__main__":
    main()
