"""Charts: a candidate that is the reference with its data taken away costs what it hides, in full.

Hidden data (`chart_missing`) cost one severity-3 item per 20 % of the marks hidden, up to five
(`hidden.hidden_parts`): a candidate that draws something of its own there (a retyped series, a new
layout) may hide the data by mistake, and more items would swamp an honest attempt's reading. A candidate
that draws nothing of its own is another matter: its ink is the reference's own, in place and colour,
apart from a ruler line or dots set aside as no data (empty axes, a title or the texts only, one of many
lines kept). Its hidden data cost one severity-3 item per 10 % hidden, up to ten (`bare_parts`), the
share counted over the reference's tinted marks where it has them (grey grids and frames are no
data; a pale series kept, a sequential palette's light step, is data kept). One line kept of many is
no data drawn where the data are (`kept_only`). A cheap output then scores below every honest attempt
of up to three edits, as under the scene judge. Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

import cv2
import numpy as np

from verm.judge.pixel.chart_frames import _painted
from verm.judge.pixel.chart_marks import MIN_COLOUR_INK, _chromatic, _tinted, _unmatched, figure_background
from verm.judge.pixel.colour import _lab_ink
from verm.judge.pixel.context import _Ctx
from verm.judge.pixel.geometry import _mask_box
from verm.judge.pixel.hidden import HIDDEN_PARTS, HIDDEN_STEP, hidden_parts

#: A candidate draws nothing of its own when its own ink (`own_ink`) is under `BARE_OWN` of the hidden ink and
#: under `BARE_OWN_INK` of its ink where the data are (a series redrawn as a thin line over hidden bars is little
#: ink beside theirs, yet most of what the candidate draws there; `draws_nothing_of_its_own`).
BARE_OWN, BARE_OWN_INK = 0.1, 0.2
#: ... its hidden data then cost one severity-3 item per `BARE_STEP` hidden, up to `BARE_PARTS`.
BARE_STEP, BARE_PARTS = HIDDEN_STEP / 2, 2 * HIDDEN_PARTS
#: A candidate pixel is the reference's own when each channel lies within this many levels of the range the
#: reference's pixels take within 2 px of it (anti-aliased edges take their neighbours' range).
SAME_COLOUR = 24
#: A candidate keeps only part of the reference's marks where the data are (`kept_only`) when this share of
#: them is hidden at least.
KEPT_ONLY_HIDDEN = 0.4
#: Grey ink where the hidden data were is what they covered when each channel is at least this light.
SEEN_GREY = 150
#: Pieces of own ink smaller than this (area, px; size across, px) are dots, set aside (`own_ink`).
DOT_AREA, DOT_SIZE = 100, 14


def own_ink(c: _Ctx, hidden: np.ndarray, where: np.ndarray, set_aside: np.ndarray | None) -> np.ndarray:
    """The candidate's ink (painted off the reference's background) ``where`` the data are that is not the
    reference's own: no reference pixel of its colour within 2 px (light grey where the hidden data were aside:
    what they covered), or of the hidden data's colour beside them; its figure's background, ``set_aside`` (a
    ruler line) and dots (pieces of under `DOT_AREA` px, `DOT_SIZE` px across: markers at random, carrying
    nothing) aside."""
    grow = np.ones((5, 5), np.uint8)
    lo = cv2.erode(c.ref, grow).astype(np.int16) - SAME_COLOUR
    hi = cv2.dilate(c.ref, grow).astype(np.int16) + SAME_COLOUR
    cand = c.cand.astype(np.int16)
    off = (cand < lo) | (cand > hi)
    other = off[..., 0] | off[..., 1] | off[..., 2]  # (channel by channel: numpy reduces a 3-wide axis slowly)
    # Beside the hidden data, the candidate's ink of their colour is its own (a series redrawn there); the grid
    # or a fill they covered, now seen, and a kept series crossing them are the reference's.
    gone = hidden[..., None]
    hid_lo = cv2.erode(np.where(gone, c.ref, 255).astype(np.uint8), grow).astype(np.int16) - SAME_COLOUR
    hid_hi = cv2.dilate(np.where(gone, c.ref, 0).astype(np.uint8), grow).astype(np.int16) + SAME_COLOUR
    there = cv2.dilate(hidden.astype(np.uint8), grow) > 0
    near = (cand >= hid_lo) & (cand <= hid_hi)
    beside = there & near[..., 0] & near[..., 1] & near[..., 2]
    # (light grey ink where the data were is the grid or pane they covered, now seen; a dark grey block drawn over
    # them, a series retyped as one bar over the plot, is the candidate's own)
    r, g, b = cv2.split(c.cand)
    top, bottom = cv2.max(cv2.max(r, g), b), cv2.min(cv2.min(r, g), b)
    seen = there & (cv2.subtract(top, bottom) <= SAME_COLOUR) & (bottom >= SEEN_GREY)
    # (painted off the reference's background, not the candidate's own ink: a block drawn over most of the plot is
    # the candidate's most common colour, its background)
    own = _painted(c) & where & ((other & ~seen) | beside)
    # (nor is its figure's background reaching into the reference's plot, round a smaller plot of its own; its
    # spines are its own, and a grid at new places, a new scale's: a scatter recoloured under a log axis draws its
    # own there)
    own &= ~figure_background(_lab_ink(c.cand)[0], c.cand_ink)
    if set_aside is not None:
        own &= ~set_aside
    n, labels, stats, _ = cv2.connectedComponentsWithStats(own.astype(np.uint8), connectivity=8)
    dots = (
        (stats[:, cv2.CC_STAT_AREA] < DOT_AREA)
        & (stats[:, cv2.CC_STAT_WIDTH] <= DOT_SIZE)
        & (stats[:, cv2.CC_STAT_HEIGHT] <= DOT_SIZE)
    )
    dots[0] = False
    return own & ~dots[labels] if n > 1 else own


def bare_parts(
    c: _Ctx,
    hidden: np.ndarray,
    share: float,
    ref_marks: np.ndarray,
    ref_lab: np.ndarray,
    cand_marks: np.ndarray,
    area: np.ndarray,
    set_aside: np.ndarray | None = None,
    drawn: np.ndarray | None = None,
) -> tuple[int, bool]:
    """Severity-3 items for ``hidden`` (the reference's marks ``ref_marks`` the candidate hides, ``share`` of
    them; the candidate's marks, ``cand_marks``) and whether the candidate draws nothing of its own where the
    data are (``area``, the plot frames, or the hidden data's box without them; see the module docstring)."""
    if not bare(c, hidden, area, set_aside, drawn):
        return hidden_parts(share), False
    # (counted over the tinted marks: a pale series kept, a light step of a sequential palette, is data kept)
    colour = ref_marks & _chromatic(ref_lab)
    tinted = ref_marks & _tinted(ref_lab)
    gone = hidden
    if int(tinted.sum()) >= MIN_COLOUR_INK:
        # (the pale marks the candidate draws in place are the reference's, whatever the data reading set aside)
        gone = (hidden | _unmatched(tinted & ~colour, cand_marks)[0]) & tinted
        share = max(share, int(gone.sum()) / int(tinted.sum()))
    share = _subplots_share(hidden | gone, ref_marks, tinted, area) or share
    return max(1, min(BARE_PARTS, 1 + int(share / BARE_STEP))), True


def _subplots_share(hidden: np.ndarray, ref_marks: np.ndarray, colour: np.ndarray, area: np.ndarray) -> float | None:
    """The share hidden over subplots standing apart (the plot frames ``area`` holds apart), each subplot counted
    alike: of its tinted marks (``colour``) where it has them, else of its marks. A reader counts panels: a
    Manhattan plot's dense band of dots emptied beside its QQ panel kept is half the figure's data gone, not all
    of its ink's worth (empty axes empty both). None for one subplot."""
    n, labels = cv2.connectedComponents(area.astype(np.uint8), connectivity=4)
    shares = []
    for k in range(1, n):
        frame = labels == k
        marks = colour & frame if int((colour & frame).sum()) >= MIN_COLOUR_INK else ref_marks & frame
        if int(marks.sum()) >= MIN_COLOUR_INK:
            shares.append(int((hidden & marks).sum()) / int(marks.sum()))
    return sum(shares) / len(shares) if len(shares) >= 2 else None


def bare(
    c: _Ctx, hidden: np.ndarray, area: np.ndarray, set_aside: np.ndarray | None = None, drawn: np.ndarray | None = None
) -> bool:
    """The candidate hides ``hidden`` and draws nothing of its own where the data are (``area``, the plot frames,
    or the hidden data's box without them; `draws_nothing_of_its_own`; ``drawn``: a series of the reference's it
    draws moved, its own however dotted)."""
    if not hidden.any():
        return False
    if not area.any():
        x0, y0, x1, y1 = _mask_box(hidden, 0, 0)
        area = np.zeros_like(hidden)
        area[y0:y1, x0:x1] = True
    where = cv2.dilate(area.astype(np.uint8), np.ones((7, 7), np.uint8)) > 0
    return draws_nothing_of_its_own(c, hidden, where, set_aside, drawn)


def kept_only(c: _Ctx, ref_marks: np.ndarray, cand_marks: np.ndarray, ref_lab: np.ndarray) -> bool:
    """The candidate's marks where the data are (``cand_marks``; the reference's, ``ref_marks``) are a part of the
    reference's own kept, `KEPT_ONLY_HIDDEN` of them hidden at least (of its chromatic marks where it has them: a
    3D or polar grid is marks, no data) and nothing of its own drawn: one line of many kept stands in for no
    data (`chart_missing._drawn_there`)."""
    hidden, _ = _unmatched(ref_marks, cand_marks)
    colour = ref_marks & _chromatic(ref_lab)
    counted = colour if int(colour.sum()) >= MIN_COLOUR_INK else ref_marks
    n = int(counted.sum())
    if n == 0 or int((hidden & counted).sum()) < KEPT_ONLY_HIDDEN * n:
        return False
    x0, y0, x1, y1 = _mask_box(ref_marks, 0, 0)
    where = np.zeros_like(ref_marks)
    where[max(0, y0 - 3) : y1 + 3, max(0, x0 - 3) : x1 + 3] = True
    return draws_nothing_of_its_own(c, hidden, where, None)


def draws_nothing_of_its_own(
    c: _Ctx, hidden: np.ndarray, where: np.ndarray, set_aside: np.ndarray | None, drawn: np.ndarray | None = None
) -> bool:
    """The candidate's own ink ``where`` the data are (`own_ink`, and ``drawn``) is under `BARE_OWN` of the
    ``hidden`` ink and under `BARE_OWN_INK` of its ink there."""
    mine = own_ink(c, hidden, where, set_aside)
    own = int((mine | (drawn & where)).sum()) if drawn is not None else int(mine.sum())
    return own < BARE_OWN * int(hidden.sum()) and own <= BARE_OWN_INK * int((c.cand_ink & where).sum())
