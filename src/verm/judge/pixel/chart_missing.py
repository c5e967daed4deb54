"""Charts: what the candidate lost of the reference's elements.

A noise candidate or a gutted one (most elements and most ink gone) loses each element; so does a
hollow one (the plot keeps < 5 % of its data ink and < 0.2 % of its area inked). A chart that still
plots coloured marks of the reference in place, across 30 % of the plot, or data in axes of its own,
is neither: a series was dropped and the rest re-drawn. Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

import numpy as np

from verm.judge.pixel.context import _cand_frame, _Ctx, _Item
from verm.judge.pixel.difference import Region
from verm.judge.pixel.elements import _Element, _missing_items, _noise_items, _survey
from verm.judge.pixel.geometry import PxBox, _inside

#: Plotted ink (axis and grid lines left out) under this share of the plot area is an empty plot:
#: a line across the plot is about 0.5 %.
EMPTY_PLOT = 0.002


def _chart_element_items(c: _Ctx, regions: list[Region]) -> tuple[list[_Item], list[PxBox]]:
    """Per-element items when the candidate is noise, gutted or hollow (see the module docstring),
    and the boxes they cover (regions inside them are not reported again)."""
    s = _survey(c, regions)
    if s is None:
        return [], []

    def category(e: _Element) -> str:
        x0, y0, x1, y1 = e.box
        # A text line: short against the image.
        short = (y1 - y0) <= max(0.05 * c.h, 24) or (x1 - x0) <= max(0.05 * c.w, 24)
        big = (x1 - x0) * (y1 - y0) >= 0.3 * c.h * c.w
        if _inside(e.box, c.frame) and not big:
            return "data_error"
        return "text_error" if short and not big else "structure_error"

    if s.noise:
        return _noise_items(c, s, category)
    gutted = s.gutted
    if gutted and c.frame is not None:
        # A chart that still plots one of the reference's series was re-drawn (a series dropped, the
        # axes re-flowed), not gutted: its changes are reported one by one below.
        fx0, fy0, fx1, fy1 = c.frame
        interior = (slice(fy0 + 3, fy1 - 3), slice(fx0 + 3, fx1 - 3))
        gutted = not _keeps_a_series(c, c.cand_ink[interior] & ~s.cand_lines[interior], interior)
        cand_frame = _cand_frame(c)
        if gutted and cand_frame is not None:
            # Nor is one that plots data in axes of its own (a series dropped and the rest re-scaled:
            # nothing is where it was). A line is data, however little ink beside dropped bars.
            gx0, gy0, gx1, gy1 = cand_frame
            own = c.cand_ink[gy0 + 3 : gy1 - 3, gx0 + 3 : gx1 - 3] & ~s.cand_lines[gy0 + 3 : gy1 - 3, gx0 + 3 : gx1 - 3]
            gutted = int(own.sum()) < EMPTY_PLOT * own.size
    hollow: list[_Element] = []
    if not gutted and c.frame is not None:
        fx0, fy0, fx1, fy1 = c.frame
        interior = (slice(fy0 + 3, fy1 - 3), slice(fx0 + 3, fx1 - 3))
        ref_data = c.ref_ink[interior] & ~s.ref_lines[interior]
        cand_data = c.cand_ink[interior] & ~s.cand_lines[interior]
        if (
            int(ref_data.sum()) >= 200
            and int(cand_data.sum()) < 0.05 * int(ref_data.sum())
            # A line across the plot is little ink beside filled bars, yet it is data.
            and int(cand_data.sum()) < EMPTY_PLOT * cand_data.size
            and not _keeps_a_series(c, cand_data, interior)
        ):
            hollow = [e for e in s.missing if _inside(e.box, c.frame, -3)]
    return _missing_items(c, s.missing if gutted else hollow, category)


def _keeps_a_series(c: _Ctx, cand_data: np.ndarray, interior: tuple[slice, slice]) -> bool:
    """The candidate's plot still draws coloured marks of the reference where they were, in their colour,
    across at least 30 % of the plot's width or height (>= 150 px): a series dropped beside a heavier one
    (bars and a thin line on twin axes), not empty axes (a legend swatch left in the plot is compact)."""
    ref, cand = c.ref[interior].astype(np.int16), c.cand[interior].astype(np.int16)
    chromatic = ref.max(axis=2) - ref.min(axis=2) >= 40  # series colours, not black text or grey frames
    kept = cand_data & c.ref_ink[interior] & chromatic & (np.abs(ref - cand).max(axis=2) <= 24)
    if int(kept.sum()) < 150:
        return False
    ys, xs = np.nonzero(kept)
    h, w = kept.shape
    return bool(xs.max() - xs.min() >= 0.3 * w or ys.max() - ys.min() >= 0.3 * h)
