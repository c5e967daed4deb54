"""Charts: subplots laid out anew (a row of them stacked as a column, or the reverse; a grid of them
transposed) are one layout change, read before anything else (`_subplots_rearranged`), when the candidate's subplots still hold the
reference's data. Rules in full: docs/judges.md, "Pixel judge", "Charts"."""

from __future__ import annotations

import numpy as np

from verm.judge.pixel.chart_resized import panels_hidden
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.geometry import PxBox, _box_overlap, _union
from verm.judge.pixel.layout import BOXED_SIDE, boxed_frames, frame_sides, subplot_arrangement, subplot_frames

#: A subplot squeezed by a new arrangement (three stacked in a wide figure) spans this share of the image side.
REARRANGED_MIN = 0.04
#: Rearranged subplots whose frames keep under this share of the reference's width or height are squeezed (severity 3).
REARRANGED_SQUEEZED = 0.25
#: Subplots laid out anew hold the reference's data when, each stretched back onto a reference subplot, they
#: leave at most this share of its marks undrawn (`chart_resized.panels_hidden`).
REARRANGED_HIDDEN = 0.5


def _subplots_rearranged(c: _Ctx) -> _Item | None:
    """The reference's subplots, laid out in one row (or one column), stand in one column (or one
    row) in the candidate, or a grid of them stands transposed (3x2 instead of 2x3, as many subplots):
    one layout change to an annotator (2x1 instead of 1x2), however many of
    its pixels moved. Every other reading of such a pair (data hidden, blocks moved, axes changed)
    compares a subplot with whatever now stands in its place, so this item replaces them all."""
    # (boxed axes apart from one another: an inset, a pie's straight edges are no layout)
    ref = boxed_frames(c.ref_ink, subplot_frames(c.ref, c.ref_ink))
    if len(ref) < 2 or not _apart(ref):
        return None
    (rr, rc) = subplot_arrangement(ref, c.w, c.h)
    # A grid of rows and columns (small multiples 2x3) laid out anew is transposed whole (3x2).
    grid = rr > 1 and rc > 1
    if grid and rr == rc:
        return None
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
        return None
    cand = boxed_frames(c.cand_ink, subplot_frames(c.cand, c.cand_ink))
    if len(cand) < 2:
        # Stacked the other way, each subplot is squeezed along it: smaller frames, as many as the reference's.
        cand = boxed_frames(c.cand_ink, subplot_frames(c.cand, c.cand_ink, REARRANGED_MIN))
        if len(cand) != len(ref):
            return None
    (cr, cc) = subplot_arrangement(cand, c.w, c.h)
    # (stacked the other way: at least as many rows as the reference had columns, or the reverse;
    # a frame broken by bars on its spine may add one beside another)
    stacked_down, stacked_across = rr == 1 and rc >= 2 and cr >= rc, rc == 1 and rr >= 2 and cc >= rr
    # (a grid: as many subplots, in as many rows as the reference had columns and the reverse)
    transposed = grid and len(cand) == len(ref) and (cr, cc) == (rc, rr)
    if not (stacked_down or stacked_across or transposed):
        return None
    # Only the same data laid out anew is one layout change: empty subplots stacked the other way, or
    # other marks in them, hide the reference's data (read as such by the other readings).
    if panels_hidden(c, ref, cand) > REARRANGED_HIDDEN:
        return None
    now = f"{cr}x{cc}" if transposed else (f"{cr}x1" if stacked_down else f"1x{cc}")
    # Squeezed along one side to a fraction of it, the subplots' data are hard to read: a severe change.
    kept = min(
        float(np.median([f[2] - f[0] for f in cand])) / max(1.0, float(np.median([f[2] - f[0] for f in ref]))),
        float(np.median([f[3] - f[1] for f in cand])) / max(1.0, float(np.median([f[3] - f[1] for f in ref]))),
    )
    squeezed = f", squeezed to {100 * kept:.0f}% of their size" if kept < REARRANGED_SQUEEZED else ""
    return _Item(
        "structure_error", 3 if squeezed else 2, _union([*ref, *cand]),
        f"The subplots are arranged {now} instead of {rr}x{rc}{squeezed}.", "layout",
    )  # fmt: skip


def _apart(frames: list[PxBox]) -> bool:
    """No two of ``frames`` overlap."""
    return not any(_box_overlap(a, b) for i, a in enumerate(frames) for b in frames[i + 1 :])
