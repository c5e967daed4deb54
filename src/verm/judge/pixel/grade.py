"""Severities (1 minor, 2 medium, 3 severe) by the written rules, and the cap on scattered items.

A region without a more specific rule: by its box (< 0.5 % of the image 1, < 4 % 2, else 3; missing
or extra from 8 % 3; colour at most 2; one lower when < 15 % of its ink changed; faint and small 1).
Text: a typo 1, another word 2; numbers: a sign flip or a change over 50 % 3, else 2. A missing
element: box >= 2 % 3, >= 0.2 % 2, else 1. A chart's strong recolouring inside the plot: 2 when it
covers half of the plot's ink or looks like another of its colours, else 1. SVGs keep 3 items, the
rest one item of severity 1. Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

import cv2
import numpy as np

from verm.judge.pixel.classify import _CATS
from verm.judge.pixel.colour import _rgb_de
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.difference import Region
from verm.judge.pixel.geometry import PxBox, _union
from verm.judge.pixel.ocr import _levenshtein, _number, _same_read
from verm.types import Task


def severity(r: Region, kind: str, h: int, w: int) -> int:
    """Severity of an unexplained region by its size (rule in the module docstring)."""
    cover = r.box_area / float(h * w)
    if kind in ("missing", "extra") and cover >= 0.08:
        return 3
    sev = 1 if cover < 0.005 else (2 if cover < 0.04 else 3)
    if kind == "colour":
        sev = min(sev, 2)
    if r.ink_union and r.area / r.ink_union < 0.15:
        sev = max(1, sev - 1)
    if r.mean_de < 15 and cover < 0.01:
        sev = 1
    return sev


def _area_severity(box: PxBox, h: int, w: int) -> int:
    """Missing/extra element: box >= 2 % of the image -> 3, >= 0.2 % -> 2, else 1."""
    cover = (box[2] - box[0]) * (box[3] - box[1]) / float(h * w)
    return 3 if cover >= 0.02 else (2 if cover >= 0.002 else 1)


def _text_severity(ref: str, cand: str, numeric: bool) -> int:
    """A typo (up to two characters: one swapped pair) or a read alike up to OCR noise -> 1, a changed
    word -> 2; numbers: sign flip or > 50 % change -> 3, else 2."""
    if numeric:
        a, b = _number(ref), _number(cand)
        if a is not None and b is not None:
            if (a < 0) != (b < 0) and a != 0 and b != 0:
                return 3
            if abs(b - a) > 0.5 * max(abs(a), 1e-9):
                return 3
        return 2
    if not ref or not cand:
        return 2
    return 1 if _levenshtein(ref, cand) <= 2 or _same_read(ref, cand) else 2


#: SVGs: regional items beyond this many are reported as one scattered difference of severity 1
#: (one edit of an icon often shows as several diff regions; measured, the cap grades SVGs better).
SVG_SCATTER_LIMIT = 3


def _cap_scattered(task: Task, items: list[_Item], max_regions: int) -> list[_Item]:
    """The regional items largest box first; an SVG keeps `SVG_SCATTER_LIMIT` of them and the rest
    becomes one "further scattered differences" item of severity 1."""
    items.sort(key=lambda it: -(it.box[2] - it.box[0]) * (it.box[3] - it.box[1]))
    limit = min(max_regions, SVG_SCATTER_LIMIT)
    if len(items) > limit:
        # Separate elements erased (`_Item.apart`) stay items of their own: folded, a hack that erases
        # three bars of an icon hid one of them in the rest.
        extra = [it for it in items[limit - 1 :] if not it.apart]
        folded = {id(it) for it in extra}
        items = [it for it in items if id(it) not in folded]
        if extra:
            items.append(
                _Item(
                    _CATS[task]["geometry"], 1, _union([i.box for i in extra]),
                    f"{len(extra)} further scattered differences.", "merged",
                )
            )  # fmt: skip
    return items


#: A strong recolouring (ΔE from `STRONG_RECOLOUR`) covering this share of the plot's ink shows (severity 2).
RECOLOURED_PLOT = 0.5
#: A recoloured series' new colour within this ΔE of another colour of the plot (or its background) is confusable.
CONFUSABLE_DE = 20.0
#: Recolourings under this ΔE are shades (severity 1).
STRONG_RECOLOUR = 25.0
#: A changed pixel: some channel differs by more than this; ink: a pixel this far from the plot's background.
CHANGED_CHANNEL, INK_CHANNEL = 24, 40


def _recolouring_severity(c: _Ctx, it: _Item, plot_colours: list[tuple[int, int, int]]) -> int:
    """A recolouring inside the plot, graded as the bench's truth grades a colour edit: a shade 1; a
    strong one 2 when it covers at least half of the plot's ink (`RECOLOURED_PLOT`) or its new colour
    now looks like another of the plot's colours or its background (ΔE < `CONFUSABLE_DE`), else 1."""
    assert c.frame is not None and it.colours is not None
    old, new = it.colours
    if _rgb_de(old, new) < STRONG_RECOLOUR:
        return 1
    fx0, fy0, fx1, fy1 = c.frame
    dx, dy = round(0.02 * (fx1 - fx0)), round(0.02 * (fy1 - fy0))
    x0, y0, x1, y1 = fx0 + dx, fy0 + dy, fx1 - dx, fy1 - dy
    if x1 <= x0 or y1 <= y0:
        return 2
    ra, rb = c.ref[y0:y1, x0:x1], c.cand[y0:y1, x0:x1]
    bg = _most_common(ra)
    others = [pc for pc in plot_colours if _rgb_de(pc, old) > 10] + [tuple(int(v) for v in bg)]
    if any(_rgb_de(new, o) < CONFUSABLE_DE for o in others):
        return 2
    inside = np.zeros(ra.shape[:2], bool)
    for px0, py0, px1, py1 in it.pieces:
        inside[max(py0 - y0, 0) : max(py1 - y0, 0), max(px0 - x0, 0) : max(px1 - x0, 0)] = True
    bg_scalar = (float(bg[0]), float(bg[1]), float(bg[2]), 0.0)
    changed = int(((_channel_max(cv2.absdiff(ra, rb)) > CHANGED_CHANNEL) & inside).sum())
    ink = int(
        (
            (_channel_max(cv2.absdiff(ra, bg_scalar)) > INK_CHANNEL)
            | (_channel_max(cv2.absdiff(rb, bg_scalar)) > INK_CHANNEL)
        ).sum()
    )
    return 2 if changed >= RECOLOURED_PLOT * max(ink, 1) else 1


def _channel_max(img: np.ndarray) -> np.ndarray:
    """The largest of an RGB image's three channels per pixel (OpenCV: numpy's max over a 3-wide axis is slow)."""
    r, g, b = cv2.split(img)
    return cv2.max(cv2.max(r, g), b)


def _most_common(img: np.ndarray) -> tuple[int, int, int]:
    """The most common colour of an RGB image (h x w x 3), from every fifth pixel."""
    flat = img.reshape(-1, 3)[::5].astype(np.int32)
    codes, counts = np.unique((flat[:, 0] << 16) | (flat[:, 1] << 8) | flat[:, 2], return_counts=True)
    k = int(codes[np.argmax(counts)]) if len(codes) else 0xFFFFFF
    return (k >> 16) & 255, (k >> 8) & 255, k & 255
