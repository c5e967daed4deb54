"""Severities (1 minor, 2 medium, 3 severe) by the written rules, and the cap on scattered items.

A region without a more specific rule: by its box (< 0.5 % of the image 1, < 4 % 2, else 3; missing
or extra from 8 % 3; colour at most 2; one lower when < 15 % of its ink changed; faint and small 1).
Text: a typo 1, another word 2; numbers: a sign flip or a change over 50 % 3, else 2. A missing
element: box >= 2 % 3, >= 0.2 % 2, else 1. SVGs keep 3 items, the rest one item of
severity 1. Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

from verm.judge.pixel.classify import _CATS
from verm.judge.pixel.context import _Item
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
        extra = items[limit - 1 :]
        items = items[: limit - 1]
        items.append(
            _Item(
                _CATS[task]["geometry"], 1, _union([i.box for i in extra]),
                f"{len(extra)} further scattered differences.", "merged",
            )
        )  # fmt: skip
    return items
