"""Missing elements: per-element items when the candidate is noise, gutted or hollow, so an empty
answer piles up severity.

Elements are the reference's connected ink groups (long thin lines one element); one is missing
when >= 85 % of its ink has no candidate ink within 1 px. Noise: the candidate has little
background; gutted: >= half the elements and of the non-line ink gone; hollow: a chart's plot with
< 5 % of its data ink; a table that lost its grid: one item per row. Rules: docs/judges.md.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from verm.judge.pixel.classify import _CATS
from verm.judge.pixel.context import _cand_frame, _Ctx, _Item
from verm.judge.pixel.difference import Region
from verm.judge.pixel.geometry import PxBox, _inside
from verm.judge.pixel.grade import _area_severity
from verm.judge.pixel.layout import _long_lines
from verm.types import Task

#: An element is missing when this share of its ink has no candidate ink within 1 px.
MISSING_ELEMENT = 0.85


#: Cap on per-element discrepancies (a noise image against a dense chart).
MAX_ELEMENTS = 60


#: Plotted ink (axis and grid lines left out) under this share of the plot area is an empty plot:
#: a line across the plot is about 0.5 %.
EMPTY_PLOT = 0.002


@dataclass(frozen=True)
class _Element:
    box: PxBox
    ink: int
    missing: float  # fraction of its ink with no candidate ink within 1 px


def _element_items(c: _Ctx, regions: list[Region]) -> tuple[list[_Item], list[PxBox]]:
    """Per-element items when the candidate is noise, gutted, or (charts) has empty axes.

    Returns the items and the boxes they cover (regions inside them are not reported again).
    """
    if not regions:
        return [], []
    elements = _elements(c)
    if not elements:
        return [], []
    # Noise: the candidate has no background to speak of while the reference does.
    ref_bg, cand_bg = _bg_share(c.ref_ink), _bg_share(c.cand_ink)
    if cand_bg < 0.3 and ref_bg > cand_bg + 0.3:
        items = [_element_item(c, e, "The candidate does not reproduce this element (noise).") for e in elements]
        # What covers the canvas is content the reference does not have: one item per cell of a 4x4 grid
        # it fills (unstructured extra content has no elements to count).
        for gy in range(4):
            for gx in range(4):
                box = (gx * c.w // 4, gy * c.h // 4, (gx + 1) * c.w // 4, (gy + 1) * c.h // 4)
                if float(c.cand_ink[box[1] : box[3], box[0] : box[2]].mean()) >= 0.5:
                    cat = _CATS[c.task]["structure"]
                    items.append(_Item(cat, 2, box, "The candidate fills this part with content (noise).", "element"))
        return items, [(0, 0, c.w, c.h)]
    missing = [e for e in elements if e.missing >= MISSING_ELEMENT]
    near_ref = cv2.dilate(c.ref_ink.astype(np.uint8), np.ones((7, 7), np.uint8)) > 0
    extra_ink = int((c.cand_ink & ~near_ref).sum())
    missing_ink = sum(e.ink for e in missing)
    hor_r, ver_r = _long_lines(c.ref_ink, 0.3)
    hor_c, ver_c = _long_lines(c.cand_ink, 0.3)
    ref_lines, cand_lines = hor_r | ver_r, hor_c | ver_c
    # Gutted: most elements gone *and* most of the ink gone (a re-flowed honest table keeps its ink).
    gutted = (
        c.task is not Task.SVG  # an SVG's missing shapes are counted by `_svg_items`, one per shape
        and len(elements) >= 4
        and len(missing) >= 0.5 * len(elements)
        and extra_ink < 0.5 * max(missing_ink, 1)
        and int((c.cand_ink & ~cand_lines).sum()) < 0.5 * int((c.ref_ink & ~ref_lines).sum())
    )
    if gutted and c.task is Task.CHART and c.frame is not None:
        # A chart that still plots one of the reference's series was re-drawn (a series dropped, the
        # axes re-flowed), not gutted: its changes are reported one by one below.
        fx0, fy0, fx1, fy1 = c.frame
        interior = (slice(fy0 + 3, fy1 - 3), slice(fx0 + 3, fx1 - 3))
        gutted = not _keeps_a_series(c, c.cand_ink[interior] & ~cand_lines[interior], interior)
        cand_frame = _cand_frame(c)
        if gutted and cand_frame is not None:
            # Nor is one that plots data in axes of its own (a series dropped and the rest re-scaled:
            # nothing is where it was). A line is data, however little ink beside dropped bars.
            gx0, gy0, gx1, gy1 = cand_frame
            own = c.cand_ink[gy0 + 3 : gy1 - 3, gx0 + 3 : gx1 - 3] & ~cand_lines[gy0 + 3 : gy1 - 3, gx0 + 3 : gx1 - 3]
            gutted = int(own.sum()) < EMPTY_PLOT * own.size
    if (
        not gutted
        and c.task is Task.TABLE
        and int(ref_lines.sum()) >= 200
        and int(cand_lines.sum()) < 0.2 * int(ref_lines.sum())
    ):
        # The table lost its grid: every row lost its borders.
        grid_el = [e for e in elements if (e.box[2] - e.box[0]) * (e.box[3] - e.box[1]) >= 0.3 * c.h * c.w]
        if grid_el:
            items = _table_rows_missing(c, max(grid_el, key=lambda e: e.ink))
            return items, []
    hollow: list[_Element] = []
    if not gutted and c.task is Task.CHART and c.frame is not None:
        fx0, fy0, fx1, fy1 = c.frame
        interior = (slice(fy0 + 3, fy1 - 3), slice(fx0 + 3, fx1 - 3))
        ref_data = c.ref_ink[interior] & ~ref_lines[interior]
        cand_data = c.cand_ink[interior] & ~cand_lines[interior]
        if (
            int(ref_data.sum()) >= 200
            and int(cand_data.sum()) < 0.05 * int(ref_data.sum())
            # A line across the plot is little ink beside filled bars, yet it is data.
            and int(cand_data.sum()) < EMPTY_PLOT * cand_data.size
            and not _keeps_a_series(c, cand_data, interior)
        ):
            hollow = [e for e in missing if _inside(e.box, c.frame, -3)]
    chosen = missing if gutted else hollow
    if not chosen:
        return [], []
    chosen = sorted(chosen, key=lambda e: -e.ink)[:MAX_ELEMENTS]
    items: list[_Item] = []
    for e in chosen:
        big = (e.box[2] - e.box[0]) * (e.box[3] - e.box[1]) >= 0.3 * c.h * c.w
        if c.task is Task.TABLE and big:
            items.extend(_table_rows_missing(c, e))
        else:
            items.append(_element_item(c, e, "An element of the reference is missing in the candidate."))
    covered = [e.box for e in chosen]
    return items, covered


def _bg_share(ink: np.ndarray) -> float:
    return 1.0 - float(ink.mean())


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


def _elements(c: _Ctx) -> list[_Element]:
    """The reference's elements: connected groups of ink (glyphs of a word, a bar, a line, the grid)."""
    side = min(c.h, c.w)
    r = max(2, round(0.006 * side))
    # Long straight lines (axes, grid, table rules) are one element of their own; without them
    # tick labels, bars and words do not all hang together through the frame.
    hor, ver = _long_lines(c.ref_ink, 0.3)
    lines = hor | ver
    rest = (c.ref_ink & ~lines).astype(np.uint8)
    grouped = cv2.dilate(rest, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1)))
    grouped[lines] = 0
    n, labels, stats, _ = cv2.connectedComponentsWithStats(grouped, connectivity=8)
    if lines.any():
        labels[lines] = n
        ys, xs = np.nonzero(lines)
        # Same layout as connectedComponentsWithStats' stats: x, y, width, height, area (the dilation
        # margin r is added, as for the other components, and taken off below).
        line_stat = [xs.min() - r, ys.min() - r, xs.max() - xs.min() + 1 + 2 * r, ys.max() - ys.min() + 1 + 2 * r, 0]
        stats = np.vstack([stats, np.array(line_stat, dtype=stats.dtype)])
        n += 1
    if n <= 1:
        return []
    cand_ink = c.cand_ink
    if c.task is Task.TABLE:
        # A table's rules cross where the reference had text when rows collapse: rules reproduce no text.
        h_c, v_c = _long_lines(cand_ink, 0.3)
        cand_ink = cand_ink & ~(h_c | v_c)
    near_cand = cv2.dilate(cand_ink.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    ink_count = np.bincount(labels[c.ref_ink], minlength=n)
    miss_count = np.bincount(labels[c.ref_ink & ~near_cand], minlength=n)
    min_ink = max(4, round(2e-5 * c.h * c.w))
    out = []
    for i in range(1, n):
        if ink_count[i] < min_ink:
            continue
        x, y, bw, bh, _ = (int(v) for v in stats[i])
        # The dilation grew the box by r on each side; give the element its own extent back.
        box = (
            min(x + r, x + bw // 2),
            min(y + r, y + bh // 2),
            max(x + bw - r, x + bw // 2 + 1),
            max(y + bh - r, y + bh // 2 + 1),
        )
        out.append(_Element(box, int(ink_count[i]), float(miss_count[i]) / float(ink_count[i])))
    return out


def _element_item(c: _Ctx, e: _Element, why: str) -> _Item:
    cats = _CATS[c.task]
    x0, y0, x1, y1 = e.box
    # A text line: short against the image (a chart) or a line of text in absolute terms (a table row).
    short = (y1 - y0) <= max(0.05 * c.h, 24) or (x1 - x0) <= max(0.05 * c.w, 24)
    big = (x1 - x0) * (y1 - y0) >= 0.3 * c.h * c.w
    if c.task is Task.CHART:
        if _inside(e.box, c.frame) and not big:
            cat = "data_error"
        elif short and not big:
            cat = "text_error"
        else:
            cat = "structure_error"
    elif c.task is Task.TABLE:
        cat = "text_error" if short and not big else "layout_error"
    else:
        cat = cats["structure"]
    return _Item(cat, _area_severity(e.box, c.h, c.w), e.box, why, "element")


def _table_rows_missing(c: _Ctx, e: _Element) -> list[_Item]:
    """The grid of a table is one element; a candidate without it lost every row's borders: one per row."""
    g = c.grid
    if g is None or len(g.rows) < 3:
        return [_element_item(c, e, "The table's grid lines are missing in the candidate.")]
    out = []
    for k in range(1, len(g.rows)):
        box = (e.box[0], int(g.rows[k - 1]), e.box[2], max(int(g.rows[k - 1]) + 1, int(g.rows[k])))
        out.append(_Item("layout_error", 2, box, f"The borders of row {k} are missing in the candidate.", "element"))
    return out
