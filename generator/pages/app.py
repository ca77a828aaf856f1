"""The patient's programme as an app a phone can install: the web app manifest and its icons,
drawn here at build time (a "G" on the site's teal, as images/favicon.svg draws it), as PNG
files, byte for byte the same on every build.

The manifest opens the patient's page (/plan/?app). A programme lives in its link's fragment,
which a manifest cannot hold: plan.js reopens the programme last shown on the device when the
installed app starts without one.
"""

from __future__ import annotations

import functools
import json
import math
import struct
import zlib

MANIFEST_FILE = "manifest.webmanifest"
START_URL = "plan/?app"
"""Where the installed app opens: ?app tells plan.js to reopen the last programme shown (the
service worker answers it from the patient's page it keeps)."""
ICON_SIZES = (192, 512)
TEAL = (0x00, 0x69, 0x5C)
WHITE = (0xFF, 0xFF, 0xFF)
# The drawing, on a 32-unit square as images/favicon.svg has it: the corners' radius, and the G,
# an arc round the centre open on the right with a bar in to the centre, drawn with a round pen.
_CORNER = 6.0
_CENTRE = (16.0, 16.0)
_RADIUS = 7.6
_PEN = 3.5
_GAP = (-0.62, 0.28)
"""The arc's opening, in radians (0 points right, positive down): from its top end to the bar."""
_BAR = ((16.4, 18.2), (23.4, 18.2))


def icon_path(size: int) -> str:
    return f"images/icon-{size}.png"


def manifest_text() -> str:
    manifest = {
        "name": "Glute Guide: your exercise programme",
        "short_name": "Glute Guide",
        "description": "The home exercises your physiotherapist or doctor chose for you.",
        "start_url": START_URL,
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#00695c",
        "icons": [
            {"src": icon_path(size), "sizes": f"{size}x{size}", "type": "image/png"}
            for size in ICON_SIZES
        ],
    }
    return json.dumps(manifest, indent=1, ensure_ascii=False) + "\n"


def _segment_distance(x: float, y: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    ax, ay = a
    bx, by = b
    along = max(
        0.0,
        min(1.0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
    )
    return math.hypot(x - (ax + along * (bx - ax)), y - (ay + along * (by - ay)))


def _arc_distance(x: float, y: float) -> float:
    cx, cy = _CENTRE
    angle = math.atan2(y - cy, x - cx)
    if not _GAP[0] < angle < _GAP[1]:
        return abs(math.hypot(x - cx, y - cy) - _RADIUS)
    ends = [(cx + _RADIUS * math.cos(end), cy + _RADIUS * math.sin(end)) for end in _GAP]
    return min(math.hypot(x - ex, y - ey) for ex, ey in ends)


def _ground_distance(x: float, y: float) -> float:
    """Signed distance to the rounded square's edge: negative inside."""
    qx = abs(x - 16.0) - (16.0 - _CORNER)
    qy = abs(y - 16.0) - (16.0 - _CORNER)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - _CORNER


def _pixel(x: float, y: float, unit: float) -> bytes:
    """RGBA of the pixel centred at (x, y) in drawing units; `unit` is one pixel's width in them,
    so that edges are smoothed over a pixel."""
    ground = max(0.0, min(1.0, 0.5 - _ground_distance(x, y) / unit))
    pen = min(_arc_distance(x, y), _segment_distance(x, y, *_BAR)) - _PEN / 2
    ink = max(0.0, min(1.0, 0.5 - pen / unit))
    colour = [round(t + (w - t) * ink) for t, w in zip(TEAL, WHITE, strict=True)]
    return bytes([*colour, round(255 * ground)])


def _row(y: float, size: int, unit: float) -> bytes:
    """One row of pixels. Most are plain teal: those well inside the ground and well away from
    the pen (its ring and its bar) are not worked out one by one."""
    teal = bytes([*TEAL, 255])
    cx, cy = _CENTRE
    reach = _PEN / 2 + unit
    (ax, ay), (bx, _) = _BAR
    inner = 16.0 - _CORNER
    near_bar = abs(y - ay) < reach
    flat_edge = abs(y - 16.0) <= inner
    pixels = []
    for column in range(size):
        x = (column + 0.5) * unit
        inside = (flat_edge and unit < x < 32.0 - unit) or (
            abs(x - 16.0) <= inner and unit < y < 32.0 - unit
        )
        away = abs(math.hypot(x - cx, y - cy) - _RADIUS) > reach and not (
            near_bar and ax - reach < x < bx + reach
        )
        pixels.append(teal if inside and away else _pixel(x, y, unit))
    return b"\x00" + b"".join(pixels)


@functools.cache
def icon_png(size: int) -> bytes:
    """The icon, size x size pixels, as a PNG file (RGBA, no metadata: the same bytes each time)."""
    unit = 32.0 / size
    rows = b"".join(_row((row + 0.5) * unit, size, unit) for row in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def app_files() -> dict[str, bytes]:
    """Path under docs/ -> bytes: the manifest and its icons."""
    files = {MANIFEST_FILE: manifest_text().encode("utf-8")}
    files |= {icon_path(size): icon_png(size) for size in ICON_SIZES}
    return files
