#!/usr/bin/env python3
"""Trunk post_build hook: runs scripts/split.py, then scripts/csp.py.

Trunk starts the hooks of one stage all at once, and csp.py must hash the
inline loader after split.py renamed the files it imports, so one hook
runs both, in that order (each is also runnable by hand; see its header).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import csp  # noqa: E402
import split  # noqa: E402

split.main()
csp.main()
