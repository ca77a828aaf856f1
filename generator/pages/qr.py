"""QR codes drawn at build time (segno), as SVG the output gate can check: squares of numbers,
coloured by class, on a white ground so that they scan on paper and in the dark scheme."""

from __future__ import annotations

from functools import lru_cache

import segno
from markupsafe import Markup, escape

QUIET_ZONE = 4
"""Modules of white round the code, as the QR standard asks."""


MASK = 0
"""Every mask gives a valid code; choosing the best one tries all eight and took 80% of the time
spent rendering the site (11 ms a code). The print tests read every exercise's code off paper."""


@lru_cache(maxsize=4096)
def qr_svg(text: str, label: str) -> Markup:
    """The QR code of text, labelled for those who cannot see it."""
    matrix = segno.make(text, error="m", micro=False, mask=MASK).matrix
    size = len(matrix) + 2 * QUIET_ZONE
    runs = []
    for row, modules in enumerate(matrix):
        column = 0
        while column < len(modules):
            if not modules[column]:
                column += 1
                continue
            start = column
            while column < len(modules) and modules[column]:
                column += 1
            x, y = start + QUIET_ZONE, row + QUIET_ZONE
            runs.append(f"M{x} {y}H{column + QUIET_ZONE}V{y + 1}H{x}Z")
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" class="gg-qr-code"'
        f' role="img" aria-label="{escape(label)}">'
        f'<rect class="qb" width="{size}" height="{size}"/><path class="qd" d="{"".join(runs)}"/>'
        "</svg>"
    )
