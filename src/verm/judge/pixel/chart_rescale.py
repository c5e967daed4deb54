"""Charts: new y tick labels beside the plot, read before its marks are compared in place (`chart_missing`).

Under a new y scale or limits (the tick labels left of the frame changed) the marks moved with the axis:
the data rescaled, retyped or recoloured are a change, not data hidden. A legend gone from beside the
frame's right side reads as tick labels changed there, and is no rescale. Rules in full: docs/judges.md,
"Pixel judge", "Charts".
"""

from __future__ import annotations

import cv2
import numpy as np

from verm.judge.pixel.chart_frames import SAME_FRAME, WHOLE_CANVAS, _y_ticks_changed
from verm.judge.pixel.chart_marks import CLASS_DE, MIN_COLOUR_INK, _chromatic, _colour_classes, _faces, _far
from verm.judge.pixel.colour import _lab_ink
from verm.judge.pixel.context import _Ctx
from verm.judge.pixel.geometry import PxBox, _box_area, _box_iou, _union


def _y_ticks_changed_beside_plot(c: _Ctx, frames: list[PxBox], ref_marks: np.ndarray, cand_marks: np.ndarray) -> bool:
    """The y tick labels beside the plot changed (`_y_ticks_changed`). The plot is the chart's frame, unless
    that frame is the canvas's edge (`WHOLE_CANVAS`: a white figure around a tinted face without spines reads
    as ink): then the box of the frames the data are read in (``frames``, the data's own box), so that the
    tick labels left of the face are read, not the canvas's blank margin."""
    frame = c.frame
    if frame is None or _box_area(frame) >= WHOLE_CANVAS * c.h * c.w:
        inner = [f for f in frames if _box_area(f) < WHOLE_CANVAS * c.h * c.w]
        frame = _face_box(c, _union(inner)) if inner else None
        # (the data rescaled keep their series' colours: dots of a new colour over new axes are no rescale)
        if frame is None or not _in_ref_colours(c, ref_marks, cand_marks):
            return False
    elif _no_ref_colour_kept(c, ref_marks, cand_marks):
        # Marks in none of the series' colours: a legend gone from beside the frame's right side reads as tick
        # labels changed there, and is no rescale; the tick labels left of it are (the series recoloured and
        # rescaled, its y axis autoscaled to a new value: read as all data hidden, 6 items for 1).
        return _new_value_ticks(c, frames)
    return frame is not None and _y_ticks_changed(c, frame)


#: A reference series colour is kept when the candidate draws this share of its ink in it (`_no_ref_colour_kept`).
COLOUR_KEPT = 0.25


def _no_ref_colour_kept(c: _Ctx, ref_marks: np.ndarray, cand_marks: np.ndarray) -> bool:
    """The candidate draws coloured marks, none of the reference's series colours among them (`COLOUR_KEPT`):
    marks of its own, no rescale of the data (a series added beside them, in a new colour, keeps theirs)."""
    ref_lab, cand_lab = _lab_ink(c.ref)[0], _lab_ink(c.cand)[0]
    ref_col, cand_col = ref_marks & _chromatic(ref_lab), cand_marks & _chromatic(cand_lab)
    if int(cand_col.sum()) < MIN_COLOUR_INK or int(ref_col.sum()) < MIN_COLOUR_INK:
        return False
    for m in _colour_classes(ref_lab, ref_col, min_share=0.003):
        same = cand_col & ~_far(cand_lab, np.median(ref_lab[m], axis=0), CLASS_DE)
        if int(same.sum()) >= COLOUR_KEPT * int(m.sum()):
            return False
    return True


#: The candidate's coloured marks are the reference's series when this share lies within `CLASS_DE` of a
#: reference colour class (`_in_ref_colours`).
IN_REF_COLOURS = 0.5


def _in_ref_colours(c: _Ctx, ref_marks: np.ndarray, cand_marks: np.ndarray) -> bool:
    """Most of the candidate's chromatic marks (`IN_REF_COLOURS`) are in the reference's series colours."""
    ref_lab, cand_lab = _lab_ink(c.ref)[0], _lab_ink(c.cand)[0]
    ref_col, cand_col = ref_marks & _chromatic(ref_lab), cand_marks & _chromatic(cand_lab)
    n = int(cand_col.sum())
    if n == 0 or int(ref_col.sum()) < MIN_COLOUR_INK:
        return False
    near = np.zeros_like(cand_col)
    for m in _colour_classes(ref_lab, ref_col, min_share=0.003):
        near |= cand_col & ~_far(cand_lab, np.median(ref_lab[m], axis=0), CLASS_DE)
    return int(near.sum()) >= IN_REF_COLOURS * n


def _face_box(c: _Ctx, data_box: PxBox) -> PxBox | None:
    """The box of the plot's tinted face around ``data_box`` (the largest piece of the reference's face colour,
    `_faces` over the data's box, within 3 ΔE): beside it stand the tick labels; beside the data's box lies
    face, where a candidate's marks (dots drawn at random) are no tick labels. None without a face."""
    lab = _lab_ink(c.ref)[0]
    face = _faces(lab, [data_box])[0]
    if face is None:
        return None
    # (closed: grid lines and thin data lines cut the face into cells)
    mask = cv2.morphologyEx(
        (~_far(lab, face, FACE_BOX_DE)).astype(np.uint8), cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8)
    )
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=4)
    if n < 2:
        return None
    k = 1 + int(stats[1:, cv2.CC_STAT_AREA].argmax())
    x, y, w, h = (int(v) for v in stats[k, :4])
    box = (x, y, x + w, y + h)
    return box if _box_area(box) < WHOLE_CANVAS * c.h * c.w else None


#: The face's own colour: within this ΔE of `_faces`' answer (`_face_box`).
FACE_BOX_DE = 3.0


def _new_value_ticks(c: _Ctx, frames: list[PxBox]) -> bool:
    """The y tick labels left of the plot's frame changed (`_y_ticks_changed`, left side only: a legend gone
    from the right is no new scale). Only for one plot whose frame is the chart's (`_the_frame`): a box
    across subplots or inside a polar plot has their marks beside it, and dots at random there read as new
    tick labels (a dashboard's random dots, a radar flattened: read as the data rescaled, 1.88 and 1.94)."""
    return _the_frame(c, frames) and not _data_beside(c, frames[0]) and _y_ticks_changed(c, frames[0], right=False)


#: The band left of a frame holds data, not tick labels, with this much of the reference's coloured ink.
BESIDE_DATA = 100


def _data_beside(c: _Ctx, frame: PxBox) -> bool:
    """The band `_y_ticks_changed` reads left of ``frame`` holds the reference's coloured marks (`BESIDE_DATA`
    px): the "frame" is a box inside a plot (a polar plot's), and its data lie beside it, not tick labels."""
    fx0, fy0, _, fy1 = frame
    rows = slice(max(0, fy0 - round(0.03 * c.h)), min(c.h, fy1 + round(0.03 * c.h)))
    cols = slice(max(0, fx0 - round(0.15 * c.w)), max(0, fx0 - 2))
    return int((c.ref_ink[rows, cols] & _chromatic(_lab_ink(c.ref)[0])[rows, cols]).sum()) >= BESIDE_DATA


def _the_frame(c: _Ctx, frames: list[PxBox]) -> bool:
    """``frames`` is one plot frame, the chart's (IoU >= `SAME_FRAME`), inside the canvas."""
    return (
        c.frame is not None
        and len(frames) == 1
        and _box_area(c.frame) < WHOLE_CANVAS * c.h * c.w
        and _box_iou(c.frame, frames[0]) >= SAME_FRAME
    )
