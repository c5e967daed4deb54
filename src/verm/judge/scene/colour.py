"""Colour distance: CIE76 ΔE in Lab (D65) between ``#rrggbb`` colours.

Two absent colours are 0 apart; an absent colour (or ``none``) and a present
one are 100 apart. The thresholds that turn a distance into a discrepancy are
`SceneOptions.colour_de` and `.strong_de` (see `findings`).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache


def _rgb(colour: str) -> tuple[int, int, int] | None:
    m = re.fullmatch(r"#?([0-9a-fA-F]{6})(?:[0-9a-fA-F]{2})?", colour.strip())
    if not m:
        return None
    h = m.group(1)
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def channel_change(a: str | None, b: str | None) -> int:
    """The largest change of one RGB channel (0..255) between two '#rrggbb' colours; 255 when one is absent
    (or 'none') and the other is not, 0 when both are."""
    if (a or "none") == (b or "none"):
        return 0
    ra, rb = _rgb(a) if a and a != "none" else None, _rgb(b) if b and b != "none" else None
    if ra is None or rb is None:
        return 255
    return max(abs(x - y) for x, y in zip(ra, rb, strict=True))


@lru_cache(maxsize=4096)
def _lab(colour: str) -> tuple[float, float, float] | None:
    """'#rrggbb' -> CIE Lab (D65)."""
    m = re.fullmatch(r"#?([0-9a-fA-F]{6})(?:[0-9a-fA-F]{2})?", colour.strip())
    if not m:
        return None
    h = m.group(1)
    rgb = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    x = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047
    y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    z = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def lab_of(colour: str | None) -> tuple[float, float, float] | None:
    """A '#rrggbb' colour in CIE Lab (D65); None when it is not one."""
    return _lab(colour) if colour else None


def delta_e(a: str | None, b: str | None) -> float:
    """CIE76 ΔE between two '#rrggbb' colours; 0 when both are absent, 100 when one is."""
    if not a and not b:
        return 0.0
    if not a or not b or a == "none" or b == "none":
        return 0.0 if a == b else 100.0
    la, lb = _lab(a), _lab(b)
    if la is None or lb is None:
        return 0.0 if a.lower() == b.lower() else 100.0
    return math.dist(la, lb)
