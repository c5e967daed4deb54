"""Charts: which of the reference's series (colour classes) the candidate keeps, read by `chart_missing`.

A class is kept when half its ink has candidate marks within 2 px, or the candidate draws its colour across
its extent carrying its values (`chart_follows`), or marks at its edges other than another class's kept in
place (`_kept`). Under new tick labels the colour's span keeps it unless dots at random draw it
(`_places_kept`). A class mostly gone from its place
whose colour the candidate draws elsewhere, carrying its values, moved with a new range (`_moved_in_colour`):
drawn, not hidden. Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from verm.judge.pixel.chart_follows import carries, carries_as_line, carries_rescaled
from verm.judge.pixel.chart_marks import (
    CLASS_DE,
    CLASS_MIN,
    KEPT,
    MIN_COLOUR_INK,
    SAME_MARK_DE,
    _BothMarks,
    _colour_classes,
    _far,
    _sq_norm,
)
from verm.judge.pixel.chart_redrawn import _across, _straight
from verm.judge.pixel.chart_rescale import _new_value_ticks
from verm.judge.pixel.chart_standin import _dots
from verm.judge.pixel.context import _Ctx
from verm.judge.pixel.geometry import PxBox


def _gone_classes(
    c: _Ctx,
    pm: _BothMarks,
    classes: list[tuple[np.ndarray, tuple[slice, slice]]],
    cand_marks: np.ndarray,
    cand_kind: np.ndarray,
    area: np.ndarray,
) -> tuple[list[tuple[np.ndarray, tuple[slice, slice]]], list[np.ndarray]]:
    """The reference's colour ``classes`` (per subplot) the candidate does not reproduce (`_kept`), and the
    colours of those it does. ``cand_kind``: the candidate's marks of the classes' kind (coloured ones for
    colour classes); ``area``: where the data are."""
    # A colour spans a series where the data are, up to the frame (a title above the plot spans none, nor do
    # tick labels beside it drawn in a series' colour, on a twin axis).
    where = cv2.dilate(area.astype(np.uint8), np.ones((7, 7), np.uint8)) > 0
    near = cv2.dilate(cand_marks.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    margin = 3 + round(0.005 * min(c.h, c.w))
    # (dots where the data are fall near a class's ink by chance as often as they cover the plot: beside them a
    # class is near the candidate's marks only past that chance, `_chance`)
    chance = _chance(near, cand_marks & where, where)
    # (the reference's own marks kept in place and colour mark no other class's edges: the nested lobes of a polar
    # pattern share their outlines, and one kept draws none of the others; a series redrawn or moved is its own)
    in_place = cand_kind & pm.ref & (_sq_norm(cv2.subtract(pm.ref_lab, pm.cand_lab)) <= SAME_MARK_DE * SAME_MARK_DE)
    gone, kept_colours = [], []
    rescaled: list[bool] = []  # (`_new_value_ticks`, read once when first asked)
    for m, sl in classes:
        colour = np.median(pm.ref_lab[m], axis=0)
        same = cand_marks[sl] & where[sl] & ~_far(pm.cand_lab[sl], colour, CLASS_DE)
        # (read where the data are, when they hold most of it: a twin axis's tick labels in the series' colour,
        # kept beside emptied axes, keep no series)
        inside = m[sl] & where[sl]
        unit = inside if 2 * int(inside.sum()) >= int(m[sl].sum()) else m[sl]
        edge_kind = cand_kind[sl] & ~(in_place[sl] & _far(pm.cand_lab[sl], colour, CLASS_DE))
        if _kept(unit, near[sl], same, edge_kind, margin, where[sl], lambda: _once(rescaled, c, pm.frames), chance):
            kept_colours.append(colour)
        else:
            gone.append((m, sl))
    return gone, kept_colours


def _chance(near: np.ndarray, cand_marks: np.ndarray, where: np.ndarray) -> float:
    """The share of the plot (``where``) near the candidate's marks (``near``) when those are scattered dots
    (`chart_standin._dots`: random dots over the reference's plot keep a class's ink near them by chance); 0 else."""
    n = int(where.sum())
    if n == 0 or not _dots(cand_marks):
        return 0.0
    return int((near & where).sum()) / n


#: The candidate's marks in one of the reference's mark colours carry that colour's series when they hold this share of
#: its ink at least (and at most its inverse) and rank with its values (`chart_follows.carries`).
MOVED_INK = 0.3


def _moved_in_colour(pm: _BothMarks, cand_marks: np.ndarray, area: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The candidate's ``cand_marks`` (where the data are, ``area``) that draw one of the reference's mark colours
    there, pale ones too, and carry the values of its marks of that colour (`MOVED_INK`; one straight line carries
    none): a series kept and moved by a new y range, which the in-place readings take for hidden data and a
    stand-in. Dots at random in a series' colour follow none of its values. Returns the reference's marks so
    carried and the candidate's that carry them."""
    ref_out, out = np.zeros_like(cand_marks), np.zeros_like(cand_marks)
    ref_marks = pm.ref & area
    if int(ref_marks.sum()) < MIN_COLOUR_INK or not cand_marks.any():
        return ref_out, out
    grow = np.ones((5, 5), np.uint8)
    near_cand = cv2.dilate(cand_marks.astype(np.uint8), grow) > 0
    for unit in _colour_classes(pm.ref_lab, ref_marks, min_share=CLASS_MIN):
        n = int(unit.sum())
        # (a class kept in place, a grid or one curve of many alike, moved nothing)
        if n < MIN_COLOUR_INK // 2 or int((unit & ~near_cand).sum()) < KEPT * n:
            continue
        same = cand_marks & ~_far(pm.cand_lab, np.median(pm.ref_lab[unit], axis=0), CLASS_DE)
        k = int(same.sum())
        if not MOVED_INK * n <= k <= n / MOVED_INK or (_straight(same) and not _straight(unit)):
            continue
        moved = same & ~(cv2.dilate(unit.astype(np.uint8), grow) > 0)
        if int(moved.sum()) >= MOVED_INK * n and (carries(unit, same) is True or carries_rescaled(unit, same)):
            ref_out |= unit
            out |= moved
    return ref_out, out


def _once(memo: list[bool], c: _Ctx, frames: list[PxBox]) -> bool:
    if not memo:
        memo.append(_new_value_ticks(c, frames))
    return memo[0]


def _kept(
    unit: np.ndarray,
    near: np.ndarray,
    same: np.ndarray,
    cand_marks: np.ndarray,
    margin: int,
    where: np.ndarray,
    rescaled: Callable[[], bool] = lambda: False,
    chance: float = 0.0,
) -> bool:
    """The candidate reproduces this class: half its ink has candidate marks within 2 px (``near``; past
    ``chance``, the share of the plot near dots scattered over it, by half what is left), or
    the candidate draws the class's colour (``same``) across half its extent (the series drawn in
    another form: bars as a line on a new axis), or the candidate draws marks of its kind
    (``cand_marks``: coloured for a colour class) at the class's edges (within ``margin`` of its top or bottom in half the
    columns it occupies, or of its left or right end in half its rows): the values a line drawn
    instead of bars, or marks recoloured and moved a little, still show. A straight line across bars
    meets their tops only where it crosses them. The colour's span keeps the class only when its marks
    carry the class's values where the data are (``where``; `chart_follows.carries`, unless the class's
    ends are flat there): dots drawn at random in a series' colour span it too."""
    n = int(unit.sum())
    if n == 0 or int((unit & near).sum()) >= (chance + (1.0 - chance) * KEPT) * n:
        return True
    # (one straight line in the colour of a series that is none is a ruler: it carries none of its values)
    ruler = _straight(same) and not _straight(unit)
    # (a series retyped as a line in its colour moves its categories to the axis's ends: `carries_as_line`)
    spans = (_across(unit, same) or _across(unit.T, same.T)) and not ruler
    if spans and (carries(unit & where, same) is not False or carries_as_line(unit & where, same)):
        return True
    # (under new y tick labels, ``rescaled``, values cannot be compared in place: the colour's span keeps it, dots
    # where they keep the class's places along one axis, `_places_kept`; so does one unbroken trace in its colour:
    # the series retyped as a line, its values read off another baseline, stacked bars drawn as lines; dots at
    # random leave gaps and fall anywhere, a ruler is straight)
    if spans and (_traced(unit, same) or (rescaled() and (not _dots(same) or _places_kept(unit, same)))):
        return True
    if chance == 0.0:
        return _edge_share(unit, cand_marks, margin) >= KEPT or _edge_share(unit.T, cand_marks.T, margin) >= KEPT
    # (dots scattered over the plot meet a class's edges by chance too: as often as they meet it moved away)
    for u, marks in ((unit, cand_marks), (unit.T, cand_marks.T)):
        null = float(
            np.mean(
                [_edge_share(np.roll(u, d, axis=a), marks, margin) for a in (0, 1) for d in (-4 * margin, 4 * margin)]
            )
        )
        if _edge_share(u, marks, margin) >= null + (1.0 - null) * KEPT:
            return True
    return False


#: Dots rescaled along one axis keep their places along the other: this share of the candidate's dots (of the class's
#: colour) lie within `PLACES_PX` of a reference dot's centre along it, and match this share of the reference's.
PLACES_KEPT, PLACES_MATCHED, PLACES_PX = 0.6, 0.3, 1.5


def _places_kept(unit: np.ndarray, same: np.ndarray) -> bool:
    """The dots of ``same`` keep the places of ``unit``'s along one axis (`PLACES_KEPT`, `PLACES_MATCHED`): a
    scatter moved by a new range along the other axis, its points gone out of view aside; dots at random fall
    anywhere."""
    ref, cand = _centres(unit), _centres(same)
    if len(ref) == 0 or len(cand) == 0:
        return False
    for axis in (0, 1):
        r, c = ref[:, axis], cand[:, axis]
        if (
            float((_gaps(r, c) <= PLACES_PX).mean()) >= PLACES_KEPT
            and float((_gaps(c, r) <= PLACES_PX).mean()) >= PLACES_MATCHED
        ):
            return True
    return False


def _gaps(to: np.ndarray, at: np.ndarray) -> np.ndarray:
    """For each value of ``at``, its distance to the nearest value of ``to`` (not empty)."""
    ordered = np.sort(to)
    k = np.clip(np.searchsorted(ordered, at), 0, len(ordered) - 1)
    below = ordered[np.maximum(k - 1, 0)]
    return np.minimum(np.abs(ordered[k] - at), np.abs(below - at))


def _centres(mask: np.ndarray) -> np.ndarray:
    """The centres (x, y) of ``mask``'s pieces."""
    n, _, _, centres = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    return centres[1:] if n > 1 else np.zeros((0, 2))


#: A trace is unbroken when it has ink in this share of the columns between its ends inside the class's extent.
TRACED = 0.9


def _traced(unit: np.ndarray, same: np.ndarray) -> bool:
    """``same`` is one unbroken trace across the class's columns (`TRACED` of those between its ends there):
    a line, not dots or bars; a line drawn at random is no "hack" any judge is asked to tell (the data changed)."""
    cols = np.nonzero(unit.any(axis=0))[0]
    if len(cols) == 0:
        return False
    drawn = same[:, int(cols[0]) : int(cols[-1]) + 1].any(axis=0)
    at = np.nonzero(drawn)[0]
    return len(at) >= 2 and int(drawn.sum()) >= TRACED * (int(at[-1] - at[0]) + 1)


def _edge_share(unit: np.ndarray, other: np.ndarray, margin: int) -> float:
    """Share of ``unit``'s columns where ``other`` has ink within ``margin`` of the unit's top or bottom
    there."""
    cols = np.nonzero(unit.any(axis=0))[0]
    if len(cols) == 0:
        return 1.0
    h = unit.shape[0]
    u = unit[:, cols]
    top = u.argmax(axis=0)
    bottom = h - 1 - u[::-1].argmax(axis=0)
    cum = np.vstack([np.zeros((1, len(cols)), np.int32), np.cumsum(other[:, cols], axis=0, dtype=np.int32)])
    idx = np.arange(len(cols))

    def around(y: np.ndarray) -> np.ndarray:
        lo, hi = np.clip(y - margin, 0, h), np.clip(y + margin + 1, 0, h)
        return cum[hi, idx] - cum[lo, idx] > 0

    return float((around(top) | around(bottom)).mean())
