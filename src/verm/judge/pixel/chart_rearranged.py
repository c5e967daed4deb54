"""Charts: subplots laid out anew (a row of them stacked as a column, or the reverse; a grid of them
transposed) are one layout change, read before anything else (`_subplots_rearranged`): each reference
subplot is found again in a candidate one, moved and scaled (by its own factor in x and in y): what it
no longer draws there changes the layout item into a data change on the same place, and its words are
read where they went (`chart_rearranged_text`). Rules in full: docs/judges.md, "Pixel judge", "Charts"."""

from __future__ import annotations

import cv2
import numpy as np

from verm.judge.pixel.chart_rearranged_text import rearranged_text_items
from verm.judge.pixel.chart_resized import panel_hidden_marks
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.geometry import PxBox, _box_overlap, _union
from verm.judge.pixel.layout import BOXED_SIDE, boxed_frames, frame_sides, subplot_arrangement, subplot_frames

#: A subplot squeezed by a new arrangement (three stacked in a wide figure) spans this share of the image side.
REARRANGED_MIN = 0.04
#: Rearranged subplots whose frames keep under this share of the reference's width or height are squeezed (said so).
REARRANGED_SQUEEZED = 0.25
#: A reference subplot's data are drawn again in the candidate when the best candidate subplot, stretched
#: back onto it, leaves at most this share of its marks undrawn (`chart_resized.panel_hidden_marks`).
REARRANGED_HIDDEN = 0.5
#: Subplots laid out anew hold the reference's data (some of it changed) when the candidate's subplots,
#: stretched back, leave at most this share of the reference's marks undrawn; more, they draw other data
#: or none (empty axes, one line each, stacked anew: data hidden, read as such by the other readings).
REARRANGED_KEPT_MAX = 0.8
#: Subplots whose marks are this share not drawn again (of those that differ) changed much: severity 3.
REARRANGED_SEVERE = 0.7


def _subplots_rearranged(c: _Ctx) -> list[_Item]:
    """The reference's subplots, laid out in one row (or one column), stand in one column (or one
    row) in the candidate, or a grid of them stands transposed (3x2 instead of 2x3, as many subplots):
    one layout change to an annotator (2x1 instead of 1x2), however many of
    its pixels moved, graded as the truth grades it (2: every value is still there, arranged anew).
    Every other reading of such a pair (data hidden, blocks moved, axes changed) compares a subplot
    with whatever now stands in its place, so these items replace them all: the layout change (a data
    change on the same place when some reference subplots are not drawn again in any candidate
    subplot: values scaled, a series dropped) and the words changed in them. Empty when the layout is
    kept, or when the candidate's subplots draw little of the reference's data (empty axes)."""
    # (boxed axes apart from one another: an inset, a pie's straight edges are no layout)
    ref = boxed_frames(c.ref_ink, subplot_frames(c.ref, c.ref_ink))
    if not ref:
        return _pies_rearranged(c)  # (no axes: pies, their wedges' straight edges no frame)
    if len(ref) < 2 or not _apart(ref):
        return []
    (rr, rc) = subplot_arrangement(ref, c.w, c.h)
    # A grid of rows and columns (small multiples 2x3) laid out anew is transposed whole (3x2).
    grid = rr > 1 and rc > 1
    if grid and rr == rc:
        return []
    # The candidate still draws half the reference's axes where they were, every spine of each: the
    # same layout (marks on a spine may split the frames found in it).
    kept = [
        f
        for f in ref
        if all(
            b >= BOXED_SIDE
            for a, b in zip(frame_sides(c.ref_ink, f), frame_sides(c.cand_ink, f), strict=True)
            if a >= BOXED_SIDE
        )
    ]
    if 2 * len(kept) >= len(ref):
        return []
    cand = boxed_frames(c.cand_ink, subplot_frames(c.cand, c.cand_ink))
    if len(cand) < 2:
        # Stacked the other way, each subplot is squeezed along it: smaller frames, as many as the reference's.
        cand = boxed_frames(c.cand_ink, subplot_frames(c.cand, c.cand_ink, REARRANGED_MIN))
        if len(cand) != len(ref):
            return []
    (cr, cc) = subplot_arrangement(cand, c.w, c.h)
    # (stacked the other way: at least as many rows as the reference had columns, or the reverse;
    # a frame broken by bars on its spine may add one beside another)
    stacked_down, stacked_across = rr == 1 and rc >= 2 and cr >= rc, rc == 1 and rr >= 2 and cc >= rr
    # (a grid: as many subplots, in as many rows as the reference had columns and the reverse)
    transposed = grid and len(cand) == len(ref) and (cr, cc) == (rc, rr)
    if not (stacked_down or stacked_across or transposed):
        return []
    now = f"{cr}x{cc}" if transposed else (f"{cr}x1" if stacked_down else f"1x{cc}")
    return _rearranged_items(c, ref, cand, now, (rr, rc))


#: A pie (or donut) drawn as a subplot without axes: a compact blob of ink (its box's sides within this
#: ratio of one another, this share of the box inked at least) whose side spans `PIE_MIN` of the
#: image's short side (`PIE_SQUEEZED` in the candidate, shrunk by a new arrangement).
PIE_ASPECT, PIE_FILL, PIE_MIN, PIE_SQUEEZED = 1.5, 0.3, 0.2, 0.1


def _pie_boxes(ink: np.ndarray, min_side: float) -> list[PxBox]:
    """The boxes of the pies (compact blobs of ink, `PIE_ASPECT`, `PIE_FILL`) of a chart without axes."""
    h, w = ink.shape
    closed = cv2.morphologyEx(ink.astype(np.uint8), cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    out: list[PxBox] = []
    for k in range(1, n):
        x, y, bw, bh, area = (int(v) for v in stats[k])
        if (
            min(bw, bh) >= min_side * min(h, w)
            and max(bw, bh) <= PIE_ASPECT * min(bw, bh)
            and area >= PIE_FILL * bw * bh
        ):
            out.append((x, y, x + bw, y + bh))
    return out


def _pies_rearranged(c: _Ctx) -> list[_Item]:
    """Pies (or donuts) side by side stacked instead (or the reverse), as `_subplots_rearranged` reads
    axes: a chart without axes has its pies for subplots. Under half of them still drawn where they
    were (a candidate pie's box overlapping over half of one's), the candidate's as many, the other way."""
    ref = _pie_boxes(c.ref_ink, PIE_MIN)
    if len(ref) < 2 or not _apart(ref):
        return []
    (rr, rc) = subplot_arrangement(ref, c.w, c.h)
    if rr > 1 and rc > 1:
        return []
    cand = _pie_boxes(c.cand_ink, PIE_SQUEEZED)
    kept = [f for f in ref if any(_box_overlap(f, g) > 0.5 * _box_area(f) for g in cand)]
    if len(cand) != len(ref) or 2 * len(kept) >= len(ref):
        return []
    (cr, cc) = subplot_arrangement(cand, c.w, c.h)
    if not ((rr == 1 and cr == rc and cc == 1) or (rc == 1 and cc == rr and cr == 1)):
        return []
    return _rearranged_items(c, ref, cand, f"{cr}x{cc}", (rr, rc))


def _box_area(box: PxBox) -> int:
    return max(0, box[2] - box[0]) * max(0, box[3] - box[1])


def _rearranged_items(c: _Ctx, ref: list[PxBox], cand: list[PxBox], now: str, was: tuple[int, int]) -> list[_Item]:
    """The items of ``ref`` subplots laid out anew as ``cand`` ones (`_subplots_rearranged`)."""
    rr, rc = was
    # Each reference subplot found again in the candidate's: the same data laid out anew are one layout
    # change; subplots that are no longer drawn again are a data change inside them.
    counts = panel_hidden_marks(c, ref, cand)
    total = sum(n for n, _, _ in counts)
    if total and sum(hidden for _, hidden, _ in counts) > REARRANGED_KEPT_MAX * total:
        # (the candidate's subplots draw under a fifth of the reference's marks again: empty axes, or one
        # line each, stacked the other way hide the data, which the other readings say)
        return []
    # Squeezed along one side to a fraction of it (said so).
    kept = min(
        float(np.median([f[2] - f[0] for f in cand])) / max(1.0, float(np.median([f[2] - f[0] for f in ref]))),
        float(np.median([f[3] - f[1] for f in cand])) / max(1.0, float(np.median([f[3] - f[1] for f in ref]))),
    )
    # (squeezed, the subplots still hold every value: the truth grades any new arrangement 2)
    squeezed = f", squeezed to {100 * kept:.0f}% of their size" if kept < REARRANGED_SQUEEZED else ""
    # The data no longer drawn in some subplots change them on the same place as the new arrangement:
    # one item, as an annotator reads it, graded by how much of them is not drawn again (values scaled or
    # an axis re-ranged leave most marks near where they were: 2; most of them gone: 3).
    differ = [(n, hidden) for n, hidden, _ in counts if n and hidden > REARRANGED_HIDDEN * n]
    share = sum(hidden for _, hidden in differ) / max(1, sum(n for n, _ in differ))
    data = ""
    if differ:
        data = (
            f"; on the same place, the plotted data differ in {len(differ)} of {len(ref)} subplots"
            f" ({100 * share:.0f}% of their marks are drawn in no candidate subplot)"
        )
    items = [
        _Item(
            "data_error" if differ else "structure_error", 3 if differ and share >= REARRANGED_SEVERE else 2,
            _union([*ref, *cand]), f"The subplots are arranged {now} instead of {rr}x{rc}{squeezed}{data}.", "layout",
        )
    ]  # fmt: skip
    # Each reference subplot's words went with it: to the candidate subplot of the same place in reading
    # order (subplots(r, k) laid out (k, r) keeps the axes' order), or, the frames found not one for
    # one, the one holding its marks.
    to: list[PxBox | None] = [where for _, _, where in counts]
    if len(cand) == len(ref):
        order = sorted(range(len(cand)), key=lambda k: (cand[k][1] // max(1, c.h // 20), cand[k][0]))
        ref_order = sorted(range(len(ref)), key=lambda k: (ref[k][1] // max(1, c.h // 20), ref[k][0]))
        for i, k in zip(ref_order, order, strict=True):
            to[i] = cand[k]
    if not squeezed:
        # (squeezed subplots crowd their words over one another's, and their frames are found less surely)
        items.extend(rearranged_text_items(c, ref, to))
    return items


def _apart(frames: list[PxBox]) -> bool:
    """No two of ``frames`` overlap."""
    return not any(_box_overlap(a, b) for i, a in enumerate(frames) for b in frames[i + 1 :])
