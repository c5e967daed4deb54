"""Charts: whether the candidate's marks where the reference's data are stand in for them (`chart_missing`).

As much ink where the data are draws the data, kept or in another form, when it covers the reference's
marks, carries their values (`chart_follows.carries`), keeps one of their colours, or sits under new y tick
labels (a new range: no comparing in place). Dots scattered over emptied axes in another colour do none of
these: the data are hidden. Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

import cv2
import numpy as np

from verm.judge.pixel.chart_follows import carries
from verm.judge.pixel.chart_frames import _y_ticks_changed
from verm.judge.pixel.chart_marks import CLASS_DE, MIN_COLOUR_INK, _chromatic, _colour_classes
from verm.judge.pixel.context import _Ctx

#: The candidate's marks where the data are stand in for them when they keep at least this share of the
#: reference's marks (a candidate mark within 2 px), follow their values (`chart_follows.carries`) or keep
#: their colours (`_ref_colours_drawn`); under new y tick labels they cannot be compared in place.
KEPT_MARKS = 0.5
#: ... and carry their values only when this share of them at least is drawn anew (off the reference's marks).
DRAWN_ANEW = 0.25


def stands_in(
    c: _Ctx,
    ref_marks: np.ndarray,
    cand_marks: np.ndarray,
    ref_lab: np.ndarray,
    cand_lab: np.ndarray,
    colour_share: float,
) -> bool:
    """The candidate's marks where the data are (as much ink as theirs) draw them, kept or in another form: they
    cover the reference's (`KEPT_MARKS`), carry their values (all of them, or one colour's: a series dropped,
    the other recoloured over a new range), or are drawn in their colours (the data
    rescaled, partly off the new range, beside a series added). Dots scattered over emptied axes in another
    colour, as much ink as a thin errorbar's or two lines', do none of these: the data are hidden, not drawn."""
    if c.frame is not None and _y_ticks_changed(c, c.frame, right=False):
        return True  # a new y range: the marks cannot be compared in place (the data gone off it are its doing)
    near = cv2.dilate(cand_marks.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    if int((ref_marks & near).sum()) >= KEPT_MARKS * int(ref_marks.sum()):
        return True
    # (marks kept in place stand in for what they cover, above, and carry no more: the reference's first line
    # kept alone "carries" the envelope of its data beside a forecast fan gone. Carried, the data are redrawn.)
    anew = cand_marks & ~(cv2.dilate(ref_marks.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0)
    if int(anew.sum()) >= DRAWN_ANEW * int(cand_marks.sum()) and carries(ref_marks, cand_marks) is not False:
        return True
    return _ref_colours_drawn(ref_marks, cand_marks, ref_lab, cand_lab, colour_share) or any(
        carries(m, cand_marks) is True for m in _colour_classes(ref_lab, ref_marks & _chromatic(ref_lab), 0.05)
    )


def _ref_colours_drawn(
    ref_marks: np.ndarray, cand_marks: np.ndarray, ref_lab: np.ndarray, cand_lab: np.ndarray, colour_share: float
) -> bool:
    """Some colour of the reference's marks (`CLASS_DE`; achromatic marks as one) is a colour of the candidate's
    (not scattered dots, `_dots`), with ``colour_share`` of its ink. Colours compared as classes (their medians): the pale fringe of dots in another
    blue matches a light blue line pixel by pixel, not as a colour."""
    ref_col = ref_marks & _chromatic(ref_lab)
    if int(ref_col.sum()) < MIN_COLOUR_INK:
        return int((cand_marks & ~_chromatic(cand_lab)).sum()) >= colour_share * int(ref_marks.sum())
    cand_classes = [
        m for m in _colour_classes(cand_lab, cand_marks & _chromatic(cand_lab), min_share=0.05) if not _dots(m)
    ]
    cand_colours = [(np.median(cand_lab[m], axis=0), int(m.sum())) for m in cand_classes]
    for m in _colour_classes(ref_lab, ref_col, min_share=0.05):
        colour = np.median(ref_lab[m], axis=0)
        if any(n >= colour_share * int(m.sum()) and np.linalg.norm(c - colour) <= CLASS_DE for c, n in cand_colours):
            return True
    return False


#: Scattered dots: a colour's marks in at least this many separate pieces, none holding `DOTS_LARGEST` of them.
DOTS_MIN, DOTS_LARGEST = 12, 0.2


def _dots(mask: np.ndarray) -> bool:
    """A colour's marks are scattered dots (`DOTS_MIN` pieces or more, none large): kept, its colour says
    nothing of the data it was drawn for, which dots carry or cover when they draw it (random dots in a
    series' default colour keep "its colour", and stood in for an emptied scatter or errorbar chart)."""
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    if n - 1 < DOTS_MIN:
        return False
    return int(stats[1:, cv2.CC_STAT_AREA].max()) < DOTS_LARGEST * int(mask.sum())
