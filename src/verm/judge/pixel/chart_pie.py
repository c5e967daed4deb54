"""Charts: a pie whose shares changed is one data change.

A value changed in a pie turns every wedge after it: their edges, the shadow, the labels around the pie
and the percentages on it all move, and read one by one they made a pile of items (a wedge's edge read
as an added series, its labels moved as ink missing and extra, the shadow as shapes changed: gallery
dev, one value edited listed 6 items, 11 severity for 2). An annotator sees one change: the pie's shares.
Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

import numpy as np

from verm.judge.pixel.chart_flattened import PIE_EQUAL, PIE_MIN_SHARE, pie_blobs, wedges
from verm.judge.pixel.colour import _lab_ink
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.geometry import PxBox, _union

#: What a pie's change moves lies within this many radii of its centre: the wedges exploded out, their
#: shadow, and the labels matplotlib sets at 1.1 radii (their text reaching further).
PIE_REACH = 1.45
#: A pie's shares changed when a wedge grew or shrank by more than this many `PIE_EQUAL` (its edges'
#: anti-aliasing and labels read on the ring stay under it).
PIE_CHANGED = 2.0
#: A pie is round: at most this share of its blob lies outside the circle its box holds (2 % wider): an
#: exploded wedge 4 %; a heatmap's cells, joined across their white grid, fill the box's corners (19 %).
PIE_OUTSIDE = 0.1
#: A pie's change is graded as the truth grades a value edited (1 or 2). Not 3 for a wedge more or fewer:
#: a legend moved over the ring splits a wedge in the read (a donut's legend moved onto it).
PIE_SEVERITY = 2


def _changed_pies(c: _Ctx) -> list[tuple[float, float, float]]:
    """The reference's pies whose wedges the candidate draws in other shares (or in another number of wedges),
    as (centre x, centre y, radius)."""
    ref_lab, cand_lab = _lab_ink(c.ref)[0], _lab_ink(c.cand)[0]
    found = pie_blobs(ref_lab)
    if found is None:
        return []
    _, labels, pies = found
    largest = max(area for area, _, _ in pies)
    out = []
    for area, k, (cx, cy, r) in pies:
        if area < PIE_MIN_SHARE * largest or not _round(labels == k, cx, cy, r):
            continue  # (a legend's key; a heatmap's cells joined, no pie: its cells are its own)
        ref_w, cand_w = wedges(ref_lab, cand_lab, cx, cy, r)
        if ref_w is None or cand_w is None:
            continue
        # (sorted: the shares are compared whatever wedge the ring was read from first)
        if len(ref_w) != len(cand_w) or float(np.abs(np.sort(ref_w) - np.sort(cand_w)).max()) > PIE_CHANGED * PIE_EQUAL:
            out.append((cx, cy, r))
    return out


def _round(blob: np.ndarray, cx: float, cy: float, r: float) -> bool:
    """At most `PIE_OUTSIDE` of ``blob`` lies outside the circle of radius ``r`` (2 % wider) around its box's centre."""
    ys, xs = np.nonzero(blob)
    outside = (xs - cx) ** 2 + (ys - cy) ** 2 > (1.02 * r) ** 2
    return float(outside.mean()) <= PIE_OUTSIDE if len(xs) else False


def _around(box: PxBox, cx: float, cy: float, reach: float) -> bool:
    """``box``'s centre lies within ``reach`` px of the pie's centre."""
    x0, y0, x1, y1 = box
    return float(np.hypot((x0 + x1) / 2 - cx, (y0 + y1) / 2 - cy)) <= reach


def pie_changes(c: _Ctx, items: list[_Item]) -> list[_Item]:
    """The items of a chart whose places lie around a pie whose shares changed (`PIE_REACH`)
    are one data change, severity 2 (`PIE_SEVERITY`); text read otherwise (a label renamed) stays its own.
    Other items are returned as they were."""
    if sum(it.category != "text_error" for it in items) < 2:
        return items  # (nothing to join: the pies are not read)
    for cx, cy, r in _changed_pies(c):
        reach = PIE_REACH * r
        taken = [it for it in items if it.category != "text_error" and _around(it.box, cx, cy, reach)]
        if not taken:
            continue
        items = [it for it in items if all(it is not t for t in taken)]
        parts = [p for it in taken for p in it.pieces]
        items.append(
            _Item(
                "data_error", PIE_SEVERITY, _union(parts),
                "The pie's shares changed: its wedges (a polar plot's shapes) are drawn in other sizes.", "plot", parts=parts,
            )
        )  # fmt: skip
    return items
