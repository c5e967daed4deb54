"""Mutations the perturbers share, with their source-level severity rules:
texts (a typo, a changed word), colours (a nearby shade, another colour) and
numbers (a multiplicative change and its band)."""

from __future__ import annotations

import colorsys
import math
import random
import re

# --------------------------------------------------------------------------- texts

_WORDS = (
    "Revenue", "Growth", "Total", "Index", "Output", "Rate", "Share", "Volume", "Profit", "Costs", "Demand",
    "Supply", "Margin", "Score", "Count", "Yield", "Budget", "Usage", "Value", "Traffic",
)  # fmt: skip


def _free_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` outside mathtext ``$...$`` (editing inside math can break it)."""
    spans, start, inside = [], 0, False
    for i, ch in enumerate(text):
        if ch == "$" and (i == 0 or text[i - 1] != "\\"):
            if not inside:
                spans.append((start, i))
            else:
                start = i + 1
            inside = not inside
    if not inside:
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def typo(text: str, rng: random.Random) -> str | None:
    """One-character typo: swap two adjacent different letters, else replace one letter."""
    free = [i for a, b in _free_spans(text) for i in range(a, b) if text[i].isalpha()]
    if not free:
        return None
    swaps = [i for i in free if i + 1 in free and text[i] != text[i + 1] and text[i].lower() != text[i + 1].lower()]
    if swaps and rng.random() < 0.5:
        i = rng.choice(swaps)
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    i = rng.choice(free)
    pool = [c for c in "aeioulnrst" if c != text[i].lower()]
    c = rng.choice(pool)
    return text[:i] + (c.upper() if text[i].isupper() else c) + text[i + 1 :]


def reword(text: str, rng: random.Random) -> str | None:
    """Replace one word (3+ letters, outside math) with a different word of the same case style."""
    words = [
        (a + m.start(), a + m.end()) for a, b in _free_spans(text) for m in re.finditer(r"[A-Za-z]{3,}", text[a:b])
    ]
    if not words:
        return None
    s, e = rng.choice(words)
    old = text[s:e]
    pool = [w for w in _WORDS if w.lower() != old.lower()]
    new = rng.choice(pool)
    if old.islower():
        new = new.lower()
    elif old.isupper():
        new = new.upper()
    return text[:s] + new + text[e:]


def mutate_text(text: str, rng: random.Random, kind: str) -> str | None:
    return typo(text, rng) if kind == "typo" else reword(text, rng)


def text_severity(kind: str) -> int:
    """A one-character typo is minor (1); a changed word changes what is said (2)."""
    return 1 if kind == "typo" else 2


# --------------------------------------------------------------------------- colours

PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
    "#17becf", "#000000", "#ffd700", "#00bfff", "#8b0000", "#006400", "#ff1493",
)  # fmt: skip


def hex_rgb(value: str) -> tuple[float, float, float] | None:
    """An #rgb / #rrggbb / named colour as RGB in [0, 1] (named colours through matplotlib's table)."""
    v = value.strip()
    m = re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", v)
    if m:
        h = m.group(1)
        if len(h) == 3:
            h = "".join(c * 2 for c in h)
        return tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    try:
        from matplotlib.colors import to_rgb

        return tuple(to_rgb(v))  # type: ignore[return-value]
    except (ValueError, TypeError):
        return None


def to_hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(min(1.0, max(0.0, c)) * 255):02x}" for c in rgb)


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(c1: tuple[float, float, float], c2: tuple[float, float, float]) -> float:
    """CIE76 ΔE between two RGB colours in [0, 1]."""
    return math.dist(_lab(c1), _lab(c2))


def shifted_colour(rgb: tuple[float, float, float], rng: random.Random) -> tuple[float, float, float]:
    """A nearby shade: lightness moved by 0.08–0.15 (ΔE roughly 8–20), away from the nearer extreme."""
    h, lum, s = colorsys.rgb_to_hls(*rgb)
    step = rng.uniform(0.08, 0.15)
    lum = lum - step if lum > 0.5 else lum + step
    return colorsys.hls_to_rgb(h, min(1.0, max(0.0, lum)), s)


def new_colour(old: tuple[float, float, float] | None, rng: random.Random, strong: bool) -> str:
    """A replacement colour: a palette colour far from ``old`` (strong) or a nearby shade of it."""
    if old is not None and not strong:
        return to_hex(shifted_colour(old, rng))
    pool = [c for c in PALETTE if old is None or delta_e(hex_rgb(c), old) > 40]  # type: ignore[arg-type]
    return rng.choice(pool or list(PALETTE))


def colour_severity(old: tuple[float, float, float] | None, new: str) -> int:
    """Colour rule: ΔE < 25 (a shade of the same colour) -> 1; a different colour (or unknown old) -> 2."""
    nrgb = hex_rgb(new)
    if old is None or nrgb is None:
        return 2
    return 1 if delta_e(old, nrgb) < 25 else 2


def relative_change(old: float, new: float, scale: float = 0.0) -> float:
    """|new - old| / |old| (``scale`` stands in for |old| when old is 0)."""
    base = abs(old) or abs(scale) or 1.0
    return abs(new - old) / base


def value_severity(rel: float) -> int:
    """Data rule: one value changed by < 10 % -> 1, 10–50 % -> 2, > 50 % -> 3."""
    return 1 if rel < 0.10 else 2 if rel <= 0.50 else 3


def draw_factor(rng: random.Random) -> float:
    """A multiplicative change spread over the three severity bands."""
    band = rng.choice(("small", "medium", "large"))
    mag = {"small": (0.03, 0.08), "medium": (0.15, 0.45), "large": (0.6, 1.2)}[band]
    d = rng.uniform(*mag)
    if band == "large" or rng.random() < 0.5:
        return round(1 + d, 3)
    return round(1 - d, 3)
