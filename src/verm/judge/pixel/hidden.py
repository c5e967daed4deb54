"""Hidden content: missing content costs what it hides.

When a task module finds that the candidate hides most of what the reference shows (a chart's
plotted data, an icon's drawing, everything under noise), the hidden content is reported by its
extent: the box of the hidden ink is cut into fifths along its longer side, and every fifth that
holds hidden ink is one severity-3 item. Severity then piles up with the share hidden (an empty plot
or a single square instead of an icon is never a small error) and the number of items stays bounded
by the fifths, not by the number of marks (five severe items outweigh an honest attempt of up
to three edits and stay within 2 x 1 + 3 items for one true change; more would swamp the
severity scale). Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.geometry import PxBox, _mask_box

#: The hidden content's extent is cut into this many parts; each part holding hidden ink is one item.
HIDDEN_PARTS = 5


#: Hidden content costs one severity-3 item per this share of the reference's content hidden (`hidden_parts`).
HIDDEN_STEP = 0.2


def hidden_parts(share: float) -> int:
    """Severity-3 items for hidden content: one, and one more for every `HIDDEN_STEP` of the reference's
    content hidden, up to `HIDDEN_PARTS` (all of it)."""
    return max(1, min(HIDDEN_PARTS, 1 + int(share / HIDDEN_STEP)))


#: A part holds hidden ink when it has at least this share of the hidden ink (slivers at the ends do not count).
HIDDEN_PART_MIN = 0.01


def _hidden_items(c: _Ctx, hidden: np.ndarray, category: str, what: str, why: str) -> list[_Item]:
    """One severity-3 item per fifth (`HIDDEN_PARTS`) of ``hidden``'s extent (along its longer side) that holds hidden
    ink. ``what`` names the content ("plotted data", "drawing"), ``why`` says how it was found hidden."""
    total = int(hidden.sum())
    if total == 0:
        return []
    x0, y0, x1, y1 = _mask_box(hidden, 0, 0)
    along_x = (x1 - x0) >= (y1 - y0)
    lo, hi = (x0, x1) if along_x else (y0, y1)
    counts = hidden.sum(axis=0 if along_x else 1)
    edges = np.linspace(lo, hi, HIDDEN_PARTS + 1).round().astype(int)
    parts: list[PxBox] = []
    for a, b in pairwise(edges):
        if b > a and int(counts[a:b].sum()) >= max(1, HIDDEN_PART_MIN * total):
            parts.append((int(a), y0, int(b), y1) if along_x else (x0, int(a), x1, int(b)))
    first = f"The candidate hides the reference's {what} here ({why}); each fifth of its extent that is hidden counts"
    return _severe_items(parts, category, what, first)


def _graded_hidden_items(c: _Ctx, hidden: np.ndarray, n_items: int, category: str, what: str, why: str) -> list[_Item]:
    """``n_items`` severity-3 items for ``hidden`` (the task grades how many by the share hidden): its
    extent cut along its longer side into parts holding equal shares of the hidden ink."""
    total = int(hidden.sum())
    if total == 0 or n_items < 1:
        return []
    x0, y0, x1, y1 = _mask_box(hidden, 0, 0)
    along_x = (x1 - x0) >= (y1 - y0)
    lo = x0 if along_x else y0
    counts = hidden.sum(axis=0 if along_x else 1)[lo : (x1 if along_x else y1)]
    cum = np.cumsum(counts)
    cuts = [lo + int(np.searchsorted(cum, k * total / n_items)) for k in range(1, n_items)]
    edges = sorted({lo, *cuts, lo + len(counts)})
    parts = [(a, y0, b, y1) if along_x else (x0, a, x1, b) for a, b in pairwise(int(e) for e in edges) if b > a]
    first = f"The candidate hides the reference's {what} ({why}): {len(parts)} severe item(s), one per {100 // len(parts)}% of it"
    return _severe_items(parts, category, what, first)


def _severe_items(parts: list[PxBox], category: str, what: str, first: str) -> list[_Item]:
    """One severity-3 hidden item per part: the first says why (``first``), the others where."""
    return [
        _Item(
            category,
            3,
            box,
            f"{first} ({k} of {len(parts)})."
            if k == 1
            else f"The reference's {what} is hidden here too ({k} of {len(parts)}).",
            "hidden",
        )
        for k, box in enumerate(parts, 1)
    ]


def more_parts(box: PxBox, n: int, what: str) -> list[_Item]:
    """``n`` further severity-3 items for hidden content already reported part by part (a small table's rows
    replaced: three rows read as three items where every cell is gone), ``box`` cut into ``n`` equal parts
    along its longer side, so that all of it hidden costs `HIDDEN_PARTS` items as it does elsewhere."""
    if n < 1:
        return []
    x0, y0, x1, y1 = box
    along_x = (x1 - x0) >= (y1 - y0)
    lo, hi = (x0, x1) if along_x else (y0, y1)
    edges = np.linspace(lo, hi, n + 1).round().astype(int)
    parts = [(int(a), y0, int(b), y1) if along_x else (x0, int(a), x1, int(b)) for a, b in pairwise(edges) if b > a]
    return [
        _Item("text_error", 3, b, f"The reference's {what} is hidden here too ({k} of {len(parts)}).", "hidden")
        for k, b in enumerate(parts, 1)
    ]
