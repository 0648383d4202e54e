#!/usr/bin/env python3
"""Trunk post_build hook: runs scripts/split.py, scripts/csp.py, then
scripts/sw_manifest.py.

Trunk starts the hooks of one stage all at once, and each step needs the
files the one before wrote: csp.py hashes the inline loader after split.py
renamed the files it imports, and sw_manifest.py lists every final file
with its hash. So one hook runs the three, in that order (each is also
runnable by hand; see its header).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import csp  # noqa: E402
import split  # noqa: E402
import sw_manifest  # noqa: E402

split.main()
csp.main()
sw_manifest.main()
