"""Charts: a series gone from its place but drawn in another form (bars retyped as a line, a line
across the class's extent in its colour, stacked series redrawn as crossing lines), which hides no
data (`chart_missing`); and a straight line, which carries none of the data's values. Rules in
full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

import cv2
import numpy as np

from verm.judge.pixel.chart_follows import carries, carries_as_line, value_readings
from verm.judge.pixel.chart_marks import CLASS_DE, KEPT, MIN_COLOUR_INK, _BothMarks, _far
from verm.judge.pixel.geometry import PxBox, _line_share_bound


def _across(unit: np.ndarray, same: np.ndarray) -> bool:
    """``same`` (the candidate's ink in the class's colour) spans half the class's extent across the
    image, in `ACROSS_COVER` of its columns: the series drawn in another form (bars as a line, on a new axis),
    not a fresh axes' tick marks at its ends."""
    cols = np.nonzero(unit.any(axis=0))[0]
    drawn = np.nonzero(same.any(axis=0))[0]
    if len(cols) == 0 or len(drawn) == 0:
        return False
    lo, hi = int(cols[0]), int(cols[-1])
    inside = drawn[(drawn >= lo) & (drawn <= hi)]
    return (
        len(inside) > 0
        and int(inside[-1] - inside[0]) >= KEPT * (hi - lo)
        and len(inside) >= ACROSS_COVER * (hi - lo + 1)
    )


#: `_across`: the candidate's ink spanning a class's extent holds at least this share of its columns.
ACROSS_COVER = 0.1


def _retyped_as_line(
    gone: list[tuple[np.ndarray, tuple[slice, slice]]],
    marks: np.ndarray,
    lab: np.ndarray,
    kept_colours: list[np.ndarray],
) -> bool:
    """The gone classes, pooled per subplot, are redrawn as one line (the candidate's ``marks`` in none of the
    kept series' colours) through their values (`chart_follows.carries_as_line`): bars coloured by category,
    drawn as one line in a colour of its own, are one series in another form, not data gone. A straight line
    carries none of their values; dots at random are no one line."""
    pooled: dict[tuple[int | None, ...], tuple[np.ndarray, tuple[slice, slice]]] = {}
    for m, sl in gone:
        key = (sl[0].start, sl[0].stop, sl[1].start, sl[1].stop)
        pooled[key] = (pooled[key][0] | m[sl] if key in pooled else m[sl], sl)
    others = marks.copy()
    for colour in kept_colours:
        others &= _far(lab, colour, CLASS_DE)
    for unit, sl in pooled.values():
        line = others[sl]
        if int(line.sum()) < MIN_COLOUR_INK or _straight(line) or not carries_as_line(unit, line):
            return False
    return bool(pooled)


def _worn_across(pm: _BothMarks, unit: np.ndarray, sl: tuple[slice, slice], cand_marks: np.ndarray) -> bool:
    """The candidate's marks in the class's colour (`CLASS_DE`) span its extent across the image
    (`_across`) and are no straight line unless it is one (a ruler carries none of its values)."""
    colour = np.median(pm.ref_lab[unit], axis=0)
    same = cand_marks[sl] & ~_far(pm.cand_lab[sl], colour, CLASS_DE)
    if int(same.sum()) < MIN_COLOUR_INK or (_straight(same) and not _straight(unit[sl])):
        return False
    return _across(unit[sl], same)


def _off_other_marks(ref_marks: np.ndarray, unit: np.ndarray, cand_marks: np.ndarray) -> np.ndarray:
    """The candidate's marks off the reference's other classes (2 px): a class is redrawn by marks of its own,
    not by another series' marks kept in place (a line kept exactly bounds the fill between it and a second
    line, and runs along that fill's values: the "one line" hack read as the fill redrawn)."""
    others = cv2.dilate((ref_marks & ~unit).astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    return cand_marks & ~others


def _redrawn(pm: _BothMarks, unit: np.ndarray, sl: tuple[slice, slice], cand_marks: np.ndarray) -> bool:
    """The class ``unit`` (its subplot's slice ``sl``) is drawn in another form: the candidate's marks in its
    colour (`CLASS_DE`) carry its values (`chart_follows.carries`), and are no straight line unless it is one.
    Bars retyped as a thin line in their colour leave most of their ink with no candidate mark near, yet
    the values show (gallery dev: a twin-axis chart's bars drawn as a line read as 5 severe hidden items)."""
    colour = np.median(pm.ref_lab[unit], axis=0)
    same = cand_marks[sl] & ~_far(pm.cand_lab[sl], colour, CLASS_DE)
    if int(same.sum()) < MIN_COLOUR_INK or (_straight(same) and not _straight(unit[sl])):
        return False
    return _spans(unit[sl], same) and carries(unit[sl], same) is True


def _stroked(pm: _BothMarks, unit: np.ndarray, sl: tuple[slice, slice], cand_marks: np.ndarray) -> bool:
    """The candidate draws the class ``unit``'s colour (`CLASS_DE`) across `STROKED_SPAN` of the columns (or rows)
    the class occupies: its series in another form (a thin line's steep stretches blend off its colour, so its
    pieces are not joined). A dozen dots in the colour cross a few of them."""
    colour = np.median(pm.ref_lab[unit], axis=0)
    same = cand_marks[sl] & ~_far(pm.cand_lab[sl], colour, CLASS_DE)
    if int(same.sum()) < MIN_COLOUR_INK:
        return False
    u = unit[sl]
    for axis in (0, 1):
        occupied = u.any(axis=axis)
        if occupied.any() and int((occupied & same.any(axis=axis)).sum()) >= STROKED_SPAN * int(occupied.sum()):
            return True
    return False


def _distinct_colours(pm: _BothMarks, units: list[np.ndarray]) -> int:
    """How many of the classes' colours lie over `CLASS_DE` apart (a series' line and its markers, one colour
    split by subplot or shade, count once: a random line in that colour would stroke them all)."""
    seen: list[np.ndarray] = []
    for m in units:
        colour = np.median(pm.ref_lab[m], axis=0)
        if all(float(np.linalg.norm(colour - s)) > CLASS_DE for s in seen):
            seen.append(colour)
    return len(seen)


def _strokes_apart(pm: _BothMarks, units: list[tuple[np.ndarray, tuple[slice, slice]]], cand_marks: np.ndarray) -> int:
    """How many of the classes the candidate draws in strokes of their own: under half of its ink in a class's
    colour lies within 2 px of its ink in the others' (a line's shades, its core and its anti-aliased fringe,
    are one stroke; lines of their own cross now and then)."""
    h, w = cand_marks.shape
    masks = []
    for m, sl in units:
        full = np.zeros((h, w), bool)
        full[sl] = cand_marks[sl] & ~_far(pm.cand_lab[sl], np.median(pm.ref_lab[m], axis=0), CLASS_DE)
        masks.append(full)
    near = [cv2.dilate(x.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0 for x in masks]
    own = 0
    for i, x in enumerate(masks):
        others = np.zeros((h, w), bool)
        for j, y in enumerate(near):
            if j != i:
                others |= y
        own += int((x & others).sum()) < 0.5 * max(1, int(x.sum()))
    return own


#: Gone classes of two colours at least are retyped when the candidate's marks in each one's colour cross this share of
#: its columns (`_stroked`).
STROKED_SPAN = 0.7


#: ... each class read holding this share of the gone classes' ink at least.
STROKED_CLASS = 0.1


#: Marks that redraw a class cross at least this share of the lines (columns, or rows for horizontal bars) it
#: occupies, and this share of their ink on those lines lies within the class's extent there (`REDRAWN_NEAR` px):
#: a line through retyped bars crosses nearly all their columns at their tops; a dozen random dots in the
#: class's colour cross a few, a random line crosses an error bar's column above or below it.
REDRAWN_SPAN = 0.5


REDRAWN_WITHIN = 0.5


REDRAWN_NEAR = 3


def _spans(unit: np.ndarray, marks: np.ndarray) -> bool:
    """``marks`` run along ``unit`` where its values are read (`value_readings`), within its extent on each
    line it occupies (`REDRAWN_SPAN`, `REDRAWN_WITHIN`)."""
    for across in value_readings(unit):
        u, m = (unit.T, marks.T) if across else (unit, marks)
        occupied = u.any(axis=0)
        crossed = occupied & m.any(axis=0)
        if not occupied.any() or int(crossed.sum()) < REDRAWN_SPAN * int(occupied.sum()):
            continue
        rows = np.arange(u.shape[0])[:, None]
        top = np.where(u, rows, u.shape[0]).min(axis=0) - REDRAWN_NEAR
        bottom = np.where(u, rows, -1).max(axis=0) + REDRAWN_NEAR
        on_lines = m & occupied[None, :]
        within = on_lines & (rows >= top[None, :]) & (rows <= bottom[None, :])
        if int(within.sum()) >= REDRAWN_WITHIN * int(on_lines.sum()):
            return True
    return False


#: New ink is one straight line when this share of it lies within 2 px of the line fitted to it.
STRAIGHT_SHARE = 0.6


def _straight(mask: np.ndarray) -> bool:
    """``mask`` is one straight line: `STRAIGHT_SHARE` of it within 2 px of the line fitted to it."""
    ys, xs = np.nonzero(mask)
    if len(xs) < 20 or _line_share_bound(xs, ys) < STRAIGHT_SHARE * len(xs) - 1:
        return False  # (no line could hold the share: the fit below is costly on much ink)
    pts = np.column_stack([xs, ys]).astype(np.float32)
    vx, vy, x0, y0 = (float(v) for v in cv2.fitLine(pts, cv2.DIST_HUBER, 0, 0.01, 0.01).ravel())
    return float((np.abs((pts[:, 0] - x0) * vy - (pts[:, 1] - y0) * vx) <= 2.0).mean()) >= STRAIGHT_SHARE


#: `_ruler` fits its line again, this many times, to the ink within this many px of the last fit.
RULER_REFITS, RULER_REFIT_PX = 3, 6.0


def _ruler(new: np.ndarray, marks: np.ndarray, frames: list[PxBox]) -> np.ndarray | None:
    """The candidate's marks along one straight line, when its new marks (``new``: no reference mark
    near) are that line across a plot (half its width or height at least): a line that carries none
    of the reference's values (the data replaced by a ruler line); else None."""
    ys, xs = np.nonzero(new)
    if len(xs) < 20 or _line_share_bound(xs, ys) < STRAIGHT_SHARE * len(xs) - 1:
        return None  # (no line could hold the share: the fit below is costly on much ink)
    pts = np.column_stack([xs, ys]).astype(np.float32)
    # Robust fit: pieces of a dashed grid the hidden marks uncover are new ink too.
    vx, vy, x0, y0 = (float(v) for v in cv2.fitLine(pts, cv2.DIST_HUBER, 0, 0.01, 0.01).ravel())
    # (fitted again to the ink near that line: tick labels off at one end tilt a Huber fit by a few px a line)
    for _ in range(RULER_REFITS):
        near = np.abs((pts[:, 0] - x0) * vy - (pts[:, 1] - y0) * vx) <= RULER_REFIT_PX
        if int(near.sum()) < 20:
            break
        vx, vy, x0, y0 = (float(v) for v in cv2.fitLine(pts[near], cv2.DIST_L2, 0, 0.01, 0.01).ravel())
    on = np.abs((pts[:, 0] - x0) * vy - (pts[:, 1] - y0) * vx) <= 2.0
    if float(on.mean()) < STRAIGHT_SHARE:
        return None
    span_x, span_y = float(np.ptp(pts[on, 0])), float(np.ptp(pts[on, 1]))
    if not any(span_x >= 0.5 * (fx1 - fx0) or span_y >= 0.5 * (fy1 - fy0) for fx0, fy0, fx1, fy1 in frames):
        return None
    my, mx = np.nonzero(marks)
    on = np.abs((mx - x0) * vy - (my - y0) * vx) <= 2.0
    out = np.zeros_like(marks)
    out[my[on], mx[on]] = True
    return out
