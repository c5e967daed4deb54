"""Charts: a legend entry that came or went with a series. A series added (or dropped) adds (or drops) its
legend entry, and the entries after it shift by a line: their texts read as changed where they stood. Each
such text whose line starts with a coloured swatch that is new there (another colour, or none in the
reference) names the series the plot's data change took: part of that change, not a text change of its own
(generator charts: an added series read as 3 severe plus 2-3 text items). Rules in full: docs/judges.md,
"Pixel judge", "Charts".
"""

from __future__ import annotations

import numpy as np

from verm.judge.pixel.colour import _lab_ink
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.geometry import _union

#: A swatch is looked for left of a legend label, over this many of the label's heights.
SWATCH_REACH = 4.0
#: Chromatic ink (Lab chroma above this) makes a swatch: a series' colour, not black text or grey frames.
SWATCH_CHROMA = 15.0
#: A swatch in the candidate is new when the reference's is this far (ΔE of the median colours) or holds
#: under half its chromatic ink.
SWATCH_DE = 15.0


def _swatch(lab: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray | None:
    """The chromatic pixels' Lab colours in ``box`` (None when fewer than a stroke's worth)."""
    x0, y0, x1, y1 = box
    if x1 <= x0 or y1 <= y0:
        return None
    px = lab[y0:y1, x0:x1].reshape(-1, 3)
    chroma = np.hypot(px[:, 1], px[:, 2])
    found = px[chroma > SWATCH_CHROMA]
    return found if len(found) >= max(6, y1 - y0) else None


def _new_swatch(c: _Ctx, box: tuple[int, int, int, int]) -> bool:
    """The candidate draws a coloured swatch at the start of the text line in ``box`` that the reference
    does not draw there (another colour, or none). (The line's box may hold the swatch already: its start
    is searched, as far in as out.)"""
    x0, y0, x1, y1 = box
    height = max(4, y1 - y0)
    reach = int(SWATCH_REACH * height)
    strip = (max(0, x0 - reach), max(0, y0 - 2), min(x1, x0 + reach), min(c.h, y1 + 2))
    cand = _swatch(_lab_ink(c.cand)[0], strip)
    if cand is None:
        return False
    ref = _swatch(_lab_ink(c.ref)[0], strip)
    if ref is None or 2 * len(ref) < len(cand):
        return True
    return float(np.linalg.norm(np.median(ref, axis=0) - np.median(cand, axis=0))) > SWATCH_DE


def legend_entries_of_series(c: _Ctx, items: list[_Item]) -> list[_Item]:
    """Text items that are legend labels beside a new swatch (`_new_swatch`) join the plot's data change (a
    data or structure change over the plot, "plot" kind), which they name; other items stand."""
    if c.frame is None:
        return items
    plot = next((it for it in items if it.kind == "plot" and it.category in ("data_error", "structure_error")), None)
    if plot is None:
        return items
    labels = [it for it in items if it.kind == "text" and it.category == "text_error" and _new_swatch(c, it.box)]
    if not labels:
        return items
    plot.box = _union([plot.box, *(it.box for it in labels)])
    plot.parts = [*plot.pieces, *(p for it in labels for p in it.pieces)]
    return [it for it in items if all(it is not k for k in labels)]
