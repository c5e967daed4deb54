"""Charts: several series dropped, each one a change (one line kept where there were many).

A plot whose change is mostly the reference's ink gone, with little drawn instead, is one data item of
severity 3 (`chart._plot_change`: a series missing). When several of the reference's series are gone,
an annotator counts each (the ground truth grades every dropped series 3): the series are the plot's
colour classes per subplot (`chart_marks._series_classes`: blends aside), a class is gone when the
candidate does not reproduce it (`chart_missing._gone_classes`), and a gone class lying along a bigger
class of the reference (`FRINGE`: the anti-aliased edge of a line) is part of that one, and a class
whose colour the candidate still draws where the data are (`KEPT` of its ink) moved, not dropped (a
stacked band shifted when one below it is dropped), and so is one whose colour the candidate draws across its
extent (`chart_redrawn._stroked`: stacked bars retyped as lines, thin strokes of far less ink). A subplot emptied of all its series counts once, as
one change (the ground truth's one series dropped: a stackplot's call). Every gone
series beyond the first is one more severity-3 item, so a candidate that keeps one line of many
costs what it drops. Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

import cv2
import numpy as np

from verm.judge.pixel.chart_frames import _data_frames
from verm.judge.pixel.chart_kept import _gone_classes
from verm.judge.pixel.chart_marks import (
    CLASS_DE,
    KEPT,
    MIN_COLOUR_INK,
    _both_marks,
    _BothMarks,
    _chromatic,
    _colour_classes,
    _far,
    _per_frame,
    _series_classes,
    _to_segment,
)
from verm.judge.pixel.chart_redrawn import _stroked
from verm.judge.pixel.colour import _background, _hex, _lab
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.difference import Region
from verm.judge.pixel.geometry import _mask_box

#: The plot's change is ink gone when the reference's ink missing is this many times the candidate's new ink.
GONE_OVER_NEW = 3.0

#: A gone class is the fringe of a bigger class when this share of its ink lies within 2 px of that class's.
FRINGE = 0.6


def dropped_series_items(c: _Ctx, inner: list[Region], plot_item: _Item) -> list[_Item]:
    """One severity-3 data item for every series gone beyond the one ``plot_item`` (the plot's change,
    read as a series missing) reports; nothing unless the change is mostly ink gone."""
    if plot_item.category != "data_error" or plot_item.severity < 3:
        return []
    ref_only = sum(r.changed_ref_only for r in inner)
    cand_only = sum(r.changed_cand_only for r in inner)
    if ref_only < GONE_OVER_NEW * max(cand_only, 1):
        return []
    frames = _data_frames(c)
    if not frames:
        return []
    pm = _both_marks(c, frames)
    ref_col = pm.ref & pm.area & _chromatic(pm.ref_lab)
    if int(ref_col.sum()) < MIN_COLOUR_INK:
        return []
    series = _series_classes(_colour_classes(pm.ref_lab, ref_col, min_share=0.003), pm.ref_lab, pm.faces)
    classes = _per_frame(series, frames)
    cand_col = pm.cand & _chromatic(pm.cand_lab)
    gone, _ = _gone_classes(c, pm, classes, pm.cand, cand_col, pm.area)
    backdrops = [f for f in pm.faces if f is not None] + [_lab(_background(c.ref).reshape(1, 1, 3))[0, 0]]
    dropped = [
        (m, sl)
        for m, sl in gone
        if not _fringe(m, [k for k, _ in classes], pm.ref_lab, backdrops)
        and not _colour_drawn(pm, m, sl)
        and not _stroked(pm, m, sl, pm.cand)
    ]
    # A subplot emptied of all its series is one change (the plot's item), however many it held.
    gone_masks = []
    for frame in dict.fromkeys(_key(sl) for _, sl in dropped):  # (in order: a set of None-holding keys is not)
        here = [m for m, sl in dropped if _key(sl) == frame]
        if len(here) < sum(_key(sl) == frame for _, sl in classes) or len(frames) < 2:
            gone_masks.extend(here)
        else:
            gone_masks.append(here[0])
    out = []
    for k, m in enumerate(sorted(gone_masks, key=lambda m: -int(m.sum()))[1:], start=2):
        colour = _hex(tuple(int(v) for v in np.median(c.ref[m], axis=0)))
        out.append(
            _Item(
                "data_error",
                3,
                _mask_box(m, 0, 0),
                f"Another of the reference's series is missing in the candidate (drawn in {colour}; "
                f"{k} of {len(gone_masks)} series gone).",
                "hidden",  # (counted apart, not merged with the plot's item: `group._merge_overlapping`)
            )
        )
    return out


def _key(sl: tuple[slice, slice]) -> tuple[object, ...]:
    """A frame's slices as a hashable key."""
    return tuple((a.start, a.stop) for a in sl)


def _colour_drawn(pm: _BothMarks, m: np.ndarray, sl: tuple[slice, slice]) -> bool:
    """The candidate still draws the class's colour where the data are, `KEPT` of its ink: the series moved (a
    stacked band shifted when one below it is dropped), not dropped."""
    colour = np.median(pm.ref_lab[m], axis=0)
    same = pm.cand[sl] & pm.area[sl] & ~_far(pm.cand_lab[sl], colour, CLASS_DE)
    return int(same.sum()) >= KEPT * int(m.sum())


def _fringe(m: np.ndarray, classes: list[np.ndarray], lab: np.ndarray, backdrops: list[np.ndarray]) -> bool:
    """``m`` is a bigger class's anti-aliased edge: `FRINGE` of its ink lies within 2 px of that class's, in a
    colour between that class's and a backdrop's (the figure's or a plot face's). A line drawn over a band
    of another colour lies along the band too, in a colour of its own: a series."""
    n = int(m.sum())
    colour = np.median(lab[m], axis=0)
    for other in classes:
        if other is m or int(other.sum()) <= n:
            continue
        mid = np.median(lab[other], axis=0)
        if not any(_to_segment(colour, mid, b) <= CLASS_DE / 2 for b in backdrops):
            continue
        near = cv2.dilate(other.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
        if int((m & near).sum()) >= FRINGE * n:
            return True
    return False
