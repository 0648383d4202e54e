#!/usr/bin/env python3
"""Makes the page's icons: static/icons/icon.svg and the PNGs the web app
manifest names (192 and 512 px, and a 512 px maskable one).

No dependency beyond Python: one list of shapes (a rounded square, an
envelope, a check badge) is written as SVG and drawn into PNGs by a small
signed-distance rasteriser (each pixel's coverage of each shape, so edges
are anti-aliased). The maskable icon fills its square and keeps the drawing
inside the centre circle of 40 % radius that a launcher never crops (W3C
Web App Manifest, "purpose": "maskable" safe zone).

The outputs are committed; run this again only to change them:
  python3 scripts/icons.py
"""

import math
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "static" / "icons"
BLUE = (0x0B, 0x5C, 0xAD)
GREEN = (0x1A, 0x7F, 0x37)
WHITE = (0xFF, 0xFF, 0xFF)
UNIT = 512.0  # the drawing's coordinates


def shapes(maskable):
    """The drawing, back to front: (kind, colour, geometry) in UNIT space."""
    s, c = (0.7, UNIT / 2) if maskable else (1.0, UNIT / 2)

    def p(x, y):
        return (c + (x - c) * s, c + (y - c) * s)

    background = ("rect", BLUE, (0, 0, UNIT, UNIT, 0 if maskable else 96))
    x0, y0 = p(112, 160)
    x1, y1 = p(400, 352)
    return [
        background,
        ("rect", WHITE, (x0, y0, x1, y1, 24 * s)),
        ("line", BLUE, ([p(136, 182), p(256, 276), p(376, 182)], 22 * s)),
        ("circle", WHITE, (p(384, 352), 88 * s)),
        ("circle", GREEN, (p(384, 352), 72 * s)),
        ("line", WHITE, ([p(348, 354), p(374, 380), p(420, 330)], 20 * s)),
    ]


def svg(maskable=False):
    out = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">']
    hexc = lambda col: "#%02x%02x%02x" % col  # noqa: E731
    f = lambda v: ("%.1f" % v).rstrip("0").rstrip(".")  # noqa: E731
    for kind, col, g in shapes(maskable):
        if kind == "rect":
            x0, y0, x1, y1, r = g
            out.append(f'<rect x="{f(x0)}" y="{f(y0)}" width="{f(x1 - x0)}" height="{f(y1 - y0)}" rx="{f(r)}" fill="{hexc(col)}"/>')
        elif kind == "circle":
            (cx, cy), r = g
            out.append(f'<circle cx="{f(cx)}" cy="{f(cy)}" r="{f(r)}" fill="{hexc(col)}"/>')
        else:
            points, w = g
            pts = " ".join(f"{f(x)},{f(y)}" for x, y in points)
            out.append(f'<polyline points="{pts}" fill="none" stroke="{hexc(col)}" stroke-width="{f(w)}" '
                       'stroke-linecap="round" stroke-linejoin="round"/>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def distance(kind, g, x, y):
    """Signed distance from (x, y) to the shape's edge (negative inside)."""
    if kind == "rect":
        x0, y0, x1, y1, r = g
        cx, cy, hx, hy = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2 - r, (y1 - y0) / 2 - r
        qx, qy = abs(x - cx) - hx, abs(y - cy) - hy
        return math.hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - r
    if kind == "circle":
        (cx, cy), r = g
        return math.hypot(x - cx, y - cy) - r
    points, w = g
    best = float("inf")
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        best = min(best, math.hypot(x - ax - t * dx, y - ay - t * dy))
    return best - w / 2


def png(size, maskable=False):
    scale = UNIT / size
    layers = shapes(maskable)
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter: none
        for px in range(size):
            x, y = (px + 0.5) * scale, (py + 0.5) * scale
            r = g = b = a = 0.0
            for kind, col, geo in layers:
                cover = min(1.0, max(0.0, 0.5 - distance(kind, geo, x, y) / scale))
                if cover:
                    # "over" compositing, premultiplied
                    r = col[0] * cover + r * (1 - cover)
                    g = col[1] * cover + g * (1 - cover)
                    b = col[2] * cover + b * (1 - cover)
                    a = cover + a * (1 - cover)
            if a:
                row += bytes((round(r / a), round(g / a), round(b / a), round(a * 255)))
            else:
                row += b"\0\0\0\0"
        rows.append(bytes(row))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "icon.svg").write_text(svg())
    (OUT / "icon-192.png").write_bytes(png(192))
    (OUT / "icon-512.png").write_bytes(png(512))
    (OUT / "icon-maskable-512.png").write_bytes(png(512, maskable=True))
    for f in sorted(OUT.iterdir()):
        print(f"{f.stat().st_size:>8} B  {f.relative_to(OUT.parent.parent)}")


if __name__ == "__main__":
    main()
