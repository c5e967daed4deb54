"""Charts: changes of layout read as one change each. A legend placed elsewhere moves as one block
(its words and swatches by one vector) and hides or shows the marks around it; the axes re-fitted
around it draw the same data in a resized plot, its tick labels re-spaced; two tick labels swapped
are found, in the pixels, each where the other was. Rules in full: docs/judges.md.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from verm.judge.pixel.classify import _looks_like_text
from verm.judge.pixel.context import _cand_frame, _Ctx, _Item, _pad_box
from verm.judge.pixel.difference import Region
from verm.judge.pixel.geometry import PxBox, _box_overlap, _union
from verm.judge.pixel.layout import frame_sides

#: Pieces moved by the same vector within this many pixels moved together, as one block.
BLOCK_VECTOR = 4
#: A legend placed elsewhere moves by this share of the image at least (a block shifted less is
#: the marks around it changing, not a new place).
LEGEND_MOVE = 0.1


def _one_block(c: _Ctx, pairs: list[tuple[Region, Region]]) -> bool:
    """Moved pieces that are one block moved (a legend's words), not marks moved by a data change:
    every piece moved by the same vector (`BLOCK_VECTOR`), and some of them are words."""
    moves = [
        ((b.bbox[0] + b.bbox[2] - a.bbox[0] - a.bbox[2]) / 2, (b.bbox[1] + b.bbox[3] - a.bbox[1] - a.bbox[3]) / 2)
        for a, b in pairs
    ]  # fmt: skip
    dx, dy = moves[0]
    same = all(abs(mx - dx) <= BLOCK_VECTOR and abs(my - dy) <= BLOCK_VECTOR for mx, my in moves)
    far = math.hypot(dx / c.w, dy / c.h) >= LEGEND_MOVE  # (a legend placed elsewhere, not nudged)
    return same and far and any(_looks_like_text(a, c.h) for a, _ in pairs)


#: Normalised correlation at which a tick label of the reference is found where another one is drawn,
#: by `SWAP_MARGIN` more than it matches the label the reference drew there (years differ by a glyph).
SWAP_MATCH = 0.8
SWAP_MARGIN = 0.1
#: A swapped label's ink box is the other's within this many pixels each way (size and place).
SWAP_TOLERANCE = 3


def _ink_box(ink: np.ndarray, box: PxBox) -> PxBox | None:
    x0, y0, x1, y1 = box
    ys, xs = np.nonzero(ink[y0:y1, x0:x1])
    if len(xs) == 0:
        return None
    return x0 + int(xs.min()), y0 + int(ys.min()), x0 + int(xs.max()) + 1, y0 + int(ys.max()) + 1


def _found_at(c: _Ctx, label: PxBox, where: PxBox, grey: np.ndarray) -> tuple[float, tuple[int, int]]:
    """The best NCC of the reference's ``label`` over ``grey`` near ``where`` (padded by half the
    label's size), and the top-left corner it is found at."""
    x0, y0, x1, y1 = label
    tpl = c.ref_grey[y0:y1, x0:x1]
    pad = max(4, max(x1 - x0, y1 - y0) // 2)
    bx0, by0, bx1, by1 = _pad_box(where, pad, c)
    area = grey[by0:by1, bx0:bx1]
    if min(tpl.shape) < 4 or float(tpl.std()) < 3 or area.shape[0] < tpl.shape[0] or area.shape[1] < tpl.shape[1]:
        return 0.0, (0, 0)
    _, score, _, (mx, my) = cv2.minMaxLoc(cv2.matchTemplate(area, tpl, cv2.TM_CCOEFF_NORMED))
    return float(score), (bx0 + mx, by0 + my)


def _swapped_labels(c: _Ctx, members: list[Region]) -> list[tuple[int, int]]:
    """Pairs of changed tick-label places where each one's reference label is what the candidate
    draws at the other, read from the pixels, as OCR often fails on slanted labels: two labels
    swapped (values misattributed). The candidate's label at each place has the other reference
    label's ink box (`SWAP_TOLERANCE`), which is found there (`SWAP_MATCH`) clearly better than it
    matches the label the reference drew there (`SWAP_MARGIN`: not labels shifted along the axis),
    and they are the axis's only changed labels."""
    out: list[tuple[int, int]] = []
    used: set[int] = set()
    if len(members) != 2:
        # (the rest of the axis kept: numeric ticks re-numbered change every label, and one "0.02"
        # is found where a "0.04" was)
        return out

    def moved_to(a: Region, b: Region) -> bool:
        ra, rb, cb = _ink_box(c.ref_ink, a.bbox), _ink_box(c.ref_ink, b.bbox), _ink_box(c.cand_ink, b.bbox)
        if ra is None or rb is None or cb is None:
            return False
        if any(abs((ra[k + 2] - ra[k]) - (cb[k + 2] - cb[k])) > SWAP_TOLERANCE for k in (0, 1)):
            return False  # the candidate draws a label of another size there
        score, (fx, fy) = _found_at(c, ra, cb, c.cand_grey)
        same, _ = _found_at(c, ra, rb, c.ref_grey)
        near = abs(fx - cb[0]) <= SWAP_TOLERANCE and abs(fy - cb[1]) <= SWAP_TOLERANCE
        return near and score >= SWAP_MATCH and score - same >= SWAP_MARGIN

    for i, a in enumerate(members):
        for j in range(i + 1, len(members)):
            if i in used or j in used:
                continue
            b = members[j]
            if _box_overlap(_pad_box(a.bbox, 2, c), b.bbox) or not (moved_to(a, b) and moved_to(b, a)):
                continue
            out.append((i, j))
            used.update((i, j))
    return out


#: Plot regions within this many of a moved block's heights of one of its pieces are marks it came
#: over or left (`_occluded_by_moves`), when together they move under `OCCLUDED_INK` of the plot's ink.
OCCLUDED_REACH = 2
OCCLUDED_INK = 0.15


def _occluded_by_moves(c: _Ctx, inner: list[Region], items: list[_Item], words: list[PxBox]) -> list[Region]:
    """A block of words moved inside the plot (a legend placed elsewhere: ``words`` are the moved
    pieces that look like text) hides the marks where it lands and shows those it covered, and its
    swatches (a scatter's dots, read as marks) move apart from its words: the plot regions beside
    either end of the move are that move, not a data change. They join the move's item; the other
    plot regions are returned. (A moved block of no words, a bar's top, is left as it was read.)"""
    moves = [
        it
        for it in items
        if it.kind == "moved"
        and c.frame is not None
        and _box_overlap(it.box, c.frame)
        and any(_box_overlap(p, w) for p in it.pieces for w in words)
    ]
    if not moves or not inner:
        return inner
    reach = [
        (m, _pad_box(p, OCCLUDED_REACH * (p[3] - p[1]), c)) for m in moves for p in m.pieces
    ]  # fmt: skip
    near = [r for r in inner if any(_box_overlap(r.bbox, box) for _, box in reach)]
    fx0, fy0, fx1, fy1 = c.frame or (0, 0, c.w, c.h)
    plot_ink = max(1, int(c.ref_ink[fy0:fy1, fx0:fx1].sum()))
    if not near or sum(r.changed_ref_only + r.changed_cand_only for r in near) > OCCLUDED_INK * plot_ink:
        return inner
    for r in near:
        move = next(m for m, box in reach if _box_overlap(r.bbox, box))
        move.box, move.parts = _union([move.box, r.bbox]), [*move.pieces, r.bbox]
    return [r for r in inner if all(r is not n for n in near)]


#: A region outside the reference's plot frame is the re-fitted plot's when this share of it lies
#: inside the union of both images' frames (the plot grew over where tick labels or a legend were),
#: or when it reaches within `REFIT_MARGIN` of the image's short side of them: the tick labels, axis
#: labels and legend beside the plot, moved with its edges.
REFIT_INSIDE = 0.5
REFIT_MARGIN = 0.1


#: Cartesian axes: their x and y spines (the frame's bottom and left sides) each cover this share
#: of the frame at least, in both images (a pie's, a radar's or a 3-D plot's found frame is no axes).
SPINES = 0.8


def _cartesian_axes(c: _Ctx) -> bool:
    """Both images' plot frames are drawn axes, their bottom and left spines straight (`SPINES`)."""
    cand_frame = _cand_frame(c)
    if c.frame is None or cand_frame is None:
        return False
    return all(
        min(frame_sides(ink, frame)[1:3]) >= SPINES for ink, frame in ((c.ref_ink, c.frame), (c.cand_ink, cand_frame))
    )


def _refit_items(c: _Ctx, inner: list[Region], geometry: list[Region]) -> tuple[_Item, list[Region], list[Region]]:
    """The plot resized with its data drawn alike (`_drawn_resized`): the changes inside the plot,
    and those that lie mostly inside either image's frame (the plot's edges moved), are one minor
    layout change, as an annotator sees the axes re-fitted around a legend moved out of them, not
    the data changed. Returns that item and the regions it leaves (the rest of ``geometry``)."""
    assert c.frame is not None
    cand_frame = _cand_frame(c) or c.frame
    both = _union([c.frame, cand_frame])
    near = _pad_box(both, int(REFIT_MARGIN * min(c.h, c.w)), c)
    taken = [
        r
        for r in geometry
        if _box_overlap(r.bbox, both) >= REFIT_INSIDE * max(1, r.box_area) or _box_overlap(r.bbox, near) > 0
    ]
    rest = [r for r in geometry if all(r is not t for t in taken)]
    plot = [*inner, *taken]
    box = _union([r.bbox for r in plot]) if plot else both
    item = _Item(
        "style_error", 1, box, "The plot was resized (its axes re-fitted); its data are drawn alike.", "plot",
        parts=[r.bbox for r in plot] or [both],
    )  # fmt: skip
    return item, [], rest
