#!/usr/bin/env python3
"""Trunk post_build step: splits the page's wasm module into the first view
and the parts loaded on first use.

Functions marked `#[wasm_split(name)]` in the Rust code (src/ui/lazy.rs)
are split points: the code reachable only through them goes into its own
wasm file, fetched the first time one of them is called (and prefetched
when the browser is idle after the first view). The split needs the
linker's relocations (`--emit-relocs`, asked for the `maildns` binary
only by build.rs), so it works on the module as linked, before
wasm-bindgen; Trunk has no step there, so this hook redoes the page's
module after Trunk built it:

1. `wasm-split-cli` (crate wasm_split_cli_support, pinned in
   scripts/setup.sh) splits target/wasm32-unknown-unknown/<profile>/maildns.wasm
   into the main module, one wasm file per split point (plus shared
   chunks) and a small JS module that loads them (`__wasm_split.js`);
2. `wasm-bindgen --keep-lld-exports` makes the main module's JS glue (the
   split files import the main module's function table, which
   wasm-bindgen would otherwise not export), the same version and flags as
   Trunk's own call;
3. `wasm-opt` with the flags of index.html's `data-bin="maildns"` link
   (release builds only, as Trunk does), on the main module and each part;
4. the files are named after their content, the loader fetches each part
   with its SHA-384 integrity (`fetch(url, {integrity})`: a part whose
   bytes differ is refused before it is compiled), and index.html loads
   the new main files, with new integrity, and modulepreloads the loader
   with its integrity; Trunk's unsplit files are removed.

Runs before scripts/csp.py (scripts/post_build.py runs both in order),
which hashes the inline loader whose file names this step changed.
Without any split point in the module, it leaves Trunk's files as they are.
"""

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

STEM = "maildns"
MARK = b"__wasm_split_unstable"
LOADER = "__wasm_split.js"


def sri(data):
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


def short_hash(data):
    return hashlib.sha256(data).hexdigest()[:16]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def run(args):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("split.py: " + " ".join(args[:2]) + " failed:\n" + result.stderr + result.stdout)


def target_dir(source):
    env = os.environ.get("CARGO_TARGET_DIR")
    if env:
        return os.path.join(source, env) if not os.path.isabs(env) else env
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps", "--offline"],
        cwd=source, capture_output=True, text=True,
    )
    if out.returncode == 0:
        return json.loads(out.stdout)["target_directory"]
    return os.path.join(source, "target")


def wasm_opt_params(source):
    """The wasm-opt level and flags of index.html's link for the page's module."""
    with open(os.path.join(source, "index.html"), encoding="utf-8") as f:
        html = f.read()
    for tag in re.findall(r"<link\b[^>]*>", html, re.S):
        if 'data-bin="' + STEM + '"' in tag:
            level = re.search(r'data-wasm-opt="([^"]+)"', tag)
            params = re.search(r'data-wasm-opt-params="([^"]*)"', tag)
            return ("-O" + level.group(1) if level else "-Oz", (params.group(1) if params else "").split())
    return ("-Oz", [])


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        sys.exit("split.py: TRUNK_STAGING_DIR is not set (run by trunk, or set it to dist)")
    source = os.environ.get("TRUNK_SOURCE_DIR") or os.getcwd()
    profile = os.environ.get("TRUNK_PROFILE", "release")
    index = os.path.join(staging, "index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    if re.search(STEM + r"-split-[0-9a-f]{1,16}\.js", html):
        print("split.py: index.html already loads a split module", file=sys.stderr)
        return
    js_old = re.search(r"\./(" + STEM + r"-[0-9a-f]{1,16}\.js)", html)
    wasm_old = re.search(r"\./(" + STEM + r"-[0-9a-f]{1,16}_bg\.wasm)", html)
    if not js_old or not wasm_old:
        sys.exit("split.py: index.html names no " + STEM + " module")
    raw = os.path.join(target_dir(source), "wasm32-unknown-unknown", profile, STEM + ".wasm")
    linked = read(raw)
    if MARK not in linked:
        print("split.py: no split point in " + raw + "; the module stays whole", file=sys.stderr)
        return

    work = os.path.join(os.path.dirname(raw), "wasm-split")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    run(["wasm-split-cli", "--out-name", STEM, raw, work])
    bindgen = os.path.join(work, "bindgen")
    run(["wasm-bindgen", "--target=web", "--keep-lld-exports", "--no-typescript",
         "--out-dir=" + bindgen, "--out-name=" + STEM, os.path.join(work, STEM + ".wasm")])
    main_wasm = os.path.join(bindgen, STEM + "_bg.wasm")
    parts = sorted(n for n in os.listdir(work) if n.endswith(".wasm") and n != STEM + ".wasm")
    if profile == "release":
        level, params = wasm_opt_params(source)
        for path in [main_wasm] + [os.path.join(work, p) for p in parts]:
            run(["wasm-opt", level] + params + [path, "-o", path])

    # The parts, named after their content; the loader fetches each with its integrity.
    loader = read(os.path.join(work, LOADER)).decode("utf-8")
    # Which split points use each shared chunk: the loader names them in a
    # comment above the chunk's loader (/* check_half, message_half */). The
    # boot script preloads a part's chunks with it (scripts/csp.py).
    chunk_users = {
        "chunk_" + n: [u.strip() for u in users.split(",") if u.strip()]
        for users, n in re.findall(r"/\* ([a-z0-9_, ]+) \*/\s*const __chunk_([0-9]+) =", loader)
    }
    part_meta = []
    for part in parts:
        data = read(os.path.join(work, part))
        stem = part[: -len(".wasm")]
        name = STEM + "-" + stem + "-" + short_hash(data) + ".wasm"
        write(os.path.join(staging, name), data)
        needle = 'new URL("./' + part + '", import.meta.url));'
        if needle not in loader:
            sys.exit("split.py: the loader does not fetch ./" + part + " as expected")
        # The fetch starts before the parts it depends on have come, and is
        # awaited only then: a no-op handler keeps a failed fetch from being
        # reported as an unhandled rejection meanwhile (the await still
        # throws, and the page shows the failure with a retry).
        loader = loader.replace(
            needle, 'new URL("./' + name + '", import.meta.url), {integrity: "' + sri(data) + '"});'
            + " src.catch(() => {});"
        )
        part_meta.append((stem, name, sri(data)))

    # The main module's glue imports the loader, which imports the glue back:
    # both are named after one hash of the whole build.
    glue = read(os.path.join(bindgen, STEM + ".js")).decode("utf-8")
    main_data = read(main_wasm)
    build = short_hash(main_data + glue.encode() + loader.encode())
    js_name = STEM + "-" + build + ".js"
    loader_name = STEM + "-split-" + build + ".js"
    wasm_name = STEM + "-" + short_hash(main_data) + "_bg.wasm"
    # Only the import statements change: the wasm's own import module name
    # ("./__wasm_split.js", the key of the imports object) stays.
    # (wasm-bindgen writes one import statement per split point.)
    if glue.count('from "./' + LOADER + '"') < 1 or loader.count('from "./' + STEM + '.js"') != 1:
        sys.exit("split.py: the glue and the loader do not import each other as expected")
    glue = glue.replace('from "./' + LOADER + '"', 'from "./' + loader_name + '"')
    loader = loader.replace('from "./' + STEM + '.js"', 'from "./' + js_name + '"')
    write(os.path.join(staging, js_name), glue.encode())
    write(os.path.join(staging, loader_name), loader.encode())
    write(os.path.join(staging, wasm_name), main_data)
    for old in (js_old.group(1), wasm_old.group(1)):
        os.remove(os.path.join(staging, old))

    html = html.replace("./" + js_old.group(1), "./" + js_name).replace("./" + wasm_old.group(1), "./" + wasm_name)
    for name, data in ((js_name, glue.encode()), (wasm_name, main_data)):
        # Trunk's integrity attribute beside the renamed file, quoted or not.
        html, n = re.subn(
            r'(href="?\./' + re.escape(name) + r'"?[^>]*?\bintegrity=)("[^"]*"|[^\s>]+)',
            lambda m: m.group(1) + '"' + sri(data) + '"', html)
        if n == 0:
            html, n = re.subn(
                r'(\bintegrity=)("[^"]*"|[^\s>]+)([^>]*?href="?\./' + re.escape(name) + r'"?)',
                lambda m: m.group(1) + '"' + sri(data) + '"' + m.group(3), html)
        if n == 0:
            sys.exit("split.py: no integrity attribute for ./" + name + " in index.html")
    preload = ('<link rel="modulepreload" href="./' + loader_name + '" integrity="'
               + sri(loader.encode()) + '" crossorigin="anonymous">')
    # wasm-split-cli names a split point's part split_<name> (and code that
    # several share chunk_<n>): data-check-half for `check_half`.
    def key(stem):
        return stem.removeprefix("split_").replace("_", "-")
    meta = '<meta name="maildns-split"' + "".join(
        ' data-' + key(stem) + '="./' + name + '" data-' + key(stem)
        + '-integrity="' + integrity + '"'
        + ((' data-' + key(stem) + '-for="' + " ".join(key(u) for u in chunk_users[stem]) + '"')
           if stem in chunk_users else "")
        for stem, name, integrity in part_meta) + ">"
    html = html.replace("</head>", preload + meta + "</head>", 1)
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)
    print("split.py: " + STEM + " split into " + wasm_name + " and " + ", ".join(n for _, n, _ in part_meta),
          file=sys.stderr)


if __name__ == "__main__":
    main()
