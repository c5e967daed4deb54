"""SVGs: a group's changed pixels that are ink on both sides (the ink stays, its colour changes): a
recolouring, a neighbour's colour shown (a shape moved over, uncovered or covered another), paint drawn
on (or gone to) the bare canvas, or a mark moved over a filled shape. Rules in full: docs/judges.md,
"Pixel judge", "SVGs".
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from verm.judge.grouping import DisjointSets
from verm.judge.pixel.classify import _CATS
from verm.judge.pixel.colour import _hex, _rgb_de
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.geometry import PxBox, _mask_box, _union
from verm.judge.pixel.svg_transform import SVG_DETAIL, SVG_INK_SEVERITY, SVG_SHIFT_STRUCTURE, _paint, _svg_outline_grade

#: Pixels whose new colour the reference draws within this RGB distance (max over channels) and within
#: the second value (a share of the side) of most of them (`_colour_moved`) took a neighbour's colour:
#: a shape moved over them, uncovered or covered them; no recolouring.
SVG_NEIGHBOUR_COLOUR = (12, 0.10)


#: A mark "moved over a fill" by under this many pixels did not move (`_moved_over_fill`).
SVG_STILL_SHIFT = 1.0


#: A colour change in place (old colour -> new colour, exact) read on its own from this share of the
#: changed ink that stays ink (the rest: anti-aliased blends, changes too small to read alone).
SVG_STILL_SHARE = 0.1


#: ... and at most this many of them (the largest), each one change.
SVG_STILL_MOST = 3


#: ... and only when old and new colour differ by at least this ΔE (a shade of the same colour stays).
SVG_STILL_DE = 5.0


#: ... and only when this share of its pixels lies inside its area (eroded by a pixel), not along an edge.
SVG_STILL_INSIDE = 0.25


def _still_colours(c: _Ctx, both: np.ndarray, box: PxBox) -> list[_Item]:
    """Ink kept in place whose colours changed in several ways at once (no shift: `_moved_over_fill`),
    one reading per colour change (old -> new, exact colours; `SVG_STILL_SHARE`, `SVG_STILL_INSIDE`).
    Where the new colour is one the reference paints beside those pixels (`_colour_moved`), a shape
    covers, uncovers or leaves them (a check mark gone shows the basket; a spine grown covers the
    cover): a structure_error graded by the share of the paint (`SVG_INK_SEVERITY`); changes that share
    a colour either way are one shape (two shapes restacked trade places). Else a recolouring (1 for a
    shade under ΔE 25 or a detail, else 2), of kind "shade": one of several changes at once, not the
    element's one recolouring that `svg._recoloured_and_moved` folds the group's other changes into.
    The group's one dominant colour pair, a mix of them, read no change (a rim's shade beside a check
    mark gone: "a shape moved by 0 %")."""
    x0, y0, x1, y1 = box
    sl = (slice(y0, y1), slice(x0, x1))
    ref, cand = c.ref[sl][both].astype(np.int64), c.cand[sl][both].astype(np.int64)
    keys = (
        (((ref[:, 0] << 16) | (ref[:, 1] << 8) | ref[:, 2]) << 24) | (cand[:, 0] << 16) | (cand[:, 1] << 8) | cand[:, 2]
    )
    vals, counts = np.unique(keys, return_counts=True)
    paint = _paint(c)
    total = max(1, int((paint[0] | paint[1]).sum()))
    least = max(4, round(2e-4 * c.h * c.w), SVG_STILL_SHARE * len(keys))
    key_img = np.full(both.shape, -1, dtype=np.int64)
    key_img[both] = keys
    shown: list[tuple[tuple[int, int, int], tuple[int, int, int], np.ndarray]] = []
    out: list[_Item] = []
    cats = _CATS[c.task]
    for k in vals[np.argsort(-counts)][:SVG_STILL_MOST]:
        if int((keys == k).sum()) < least:
            break
        rc = tuple(int(v) for v in ((k >> 40) & 255, (k >> 32) & 255, (k >> 24) & 255))
        cc = tuple(int(v) for v in ((k >> 16) & 255, (k >> 8) & 255, k & 255))
        de = _rgb_de(rc, cc)
        if de < SVG_STILL_DE:
            continue
        px = key_img == k
        inside = cv2.erode(px.astype(np.uint8), np.ones((3, 3), np.uint8))
        if int(inside.sum()) < SVG_STILL_INSIDE * int(px.sum()):
            continue  # a blend along an edge (a shape shrunk a little, its anti-aliasing), no area recoloured
        if _colour_moved(c, px, box, cc) is not None:
            shown.append((rc, cc, px))
            continue
        share = int(px.sum()) / total
        out.append(
            _Item(
                cats["style"], 1 if de < 25 or share < SVG_DETAIL else 2, _mask_box(px, x0, y0),
                f"Colour changed from {_hex(rc)} to {_hex(cc)} (ΔE {de:.0f}).", "shade", colours=(rc, cc),
            )
        )  # fmt: skip
    sets = DisjointSets(len(shown))
    for i, (ra, ca, _) in enumerate(shown):
        for j in range(i):
            if {shown[j][0], shown[j][1]} & {ra, ca}:
                sets.union(i, j)
    lo, hi = SVG_INK_SEVERITY
    for members in sets.groups():
        px = np.any([shown[m][2] for m in members], axis=0)
        share = int(px.sum()) / total
        rc, cc = shown[members[0]][:2]
        out.append(
            _Item(
                cats["structure"], 3 if share >= hi else (2 if share >= lo else 1),
                _union([_mask_box(shown[m][2], x0, y0) for m in members]),
                f"A shape covers, uncovers or leaves another in place: {_hex(rc)} turned {_hex(cc)}, the colour "
                "beside it.", "geometry",
            )
        )  # fmt: skip
    return out


def _moved_over_fill(c: _Ctx, both: np.ndarray, box: PxBox) -> _Item | list[_Item] | None:
    """The shift (phase correlation of the two images over the changed box) of a mark that moved over
    a filled shape, where ink covers both places and only the colours trade places."""
    x0, y0, _, _ = box
    bx0, by0, bx1, by1 = _mask_box(both, x0, y0)
    if min(bx1 - bx0, by1 - by0) < 4:
        return None

    def centred(g: np.ndarray) -> np.ndarray:
        # Zero mean, zero-padded to twice the size: no DC peak and no wrap-around at the borders.
        crop = g[by0:by1, bx0:bx1]
        return cv2.copyMakeBorder(crop - float(crop.mean()), 0, crop.shape[0], 0, crop.shape[1], cv2.BORDER_CONSTANT)

    (dx, dy), response = cv2.phaseCorrelate(centred(c.ref_grey), centred(c.cand_grey))
    if response < 0.1:
        return None
    if math.hypot(dx, dy) < SVG_STILL_SHIFT:
        # No shift: nothing moved over the fill; its colours changed in place (`_still_colours`).
        return _still_colours(c, both, box)
    dist = math.hypot(dx, dy) / min(c.h, c.w)
    paint = _paint(c)
    sev = _svg_outline_grade(dist, int(both.sum()) / max(1, int((paint[0] | paint[1]).sum())))
    cat = _CATS[c.task]["geometry" if dist < SVG_SHIFT_STRUCTURE else "structure"]
    return _Item(cat, sev, (bx0, by0, bx1, by1), f"A shape moved by {100 * dist:.0f}% of the image.", "moved")


def _colour_moved(c: _Ctx, both: np.ndarray, box: PxBox, new: tuple[int, int, int]) -> float | None:
    """How far (98th percentile, a share of the side) the changed pixels ``both`` (in ``box``) that now
    show the colour ``new`` lie from where the reference draws that colour: the perturbation rules'
    "moved" (a pixel's new colour came from its nearest place). None when the reference draws it nowhere
    near most of them (`SVG_NEIGHBOUR_COLOUR`): a recolouring, whose new colour is the element's own."""
    tol, near = SVG_NEIGHBOUR_COLOUR
    side = min(c.h, c.w)
    reach = round(near * side)
    x0, y0, x1, y1 = box
    gx0, gy0, gx1, gy1 = max(0, x0 - reach), max(0, y0 - reach), min(c.w, x1 + reach), min(c.h, y1 + reach)
    colour = np.array(new, dtype=np.int16)
    ref_has = (np.abs(c.ref[gy0:gy1, gx0:gx1].astype(np.int16) - colour).max(axis=2) <= tol).astype(np.uint8)
    # A solid colour, not the blend an anti-aliased edge passes through: its pixels' insides.
    ref_has = cv2.erode(ref_has, np.ones((3, 3), np.uint8))
    if not ref_has.any():
        return None
    now = both & (np.abs(c.cand[y0:y1, x0:x1].astype(np.int16) - colour).max(axis=2) <= tol)
    if not now.any():
        return None
    to_colour = cv2.distanceTransform(1 - ref_has, cv2.DIST_L2, 3)[y0 - gy0 : y1 - gy0, x0 - gx0 : x1 - gx0]
    d = to_colour[now]
    if float(np.percentile(d, 50)) > reach:
        return None
    return float(np.percentile(d, 98)) / side


#: SVG: recoloured pixels this share of which show the bare canvas on one side are paint drawn or gone.
SVG_ON_CANVAS = 0.8


def _on_canvas(c: _Ctx, pixels: np.ndarray, x0: int, y0: int) -> str | None:
    """'ref' ('cand') when `SVG_ON_CANVAS` of ``pixels`` (placed at x0, y0) show the reference's (the
    candidate's) bare canvas: unpainted (`_paint`) and joined to the image's border through unpainted
    pixels (a white element drawn inside other paint is an element's colour; the canvas reaches the
    border). Else None."""
    sl = (slice(y0, y0 + pixels.shape[0]), slice(x0, x0 + pixels.shape[1]))
    n = max(1, int(pixels.sum()))
    for name, painted in zip(("ref", "cand"), _paint(c), strict=True):
        if int((pixels & ~painted[sl]).sum()) < SVG_ON_CANVAS * n:
            continue
        _, labels = cv2.connectedComponents((~painted).astype(np.uint8), connectivity=4)
        edge = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
        canvas = np.isin(labels, edge[edge > 0])
        if int((pixels & canvas[sl]).sum()) >= SVG_ON_CANVAS * n:
            return name
    return None
