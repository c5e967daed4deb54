"""Charts: a changed axis. Its tick labels read by OCR say what changed (log scale, swapped labels,
new limits); the marks mapped row by row onto the candidate's (dynamic time warping) say whether
the data changed beside it: when the axis turned log or its limits were set by hand, a leftover of
>= 8 % of the marks is a data change of its own (1 / 2 / 3 under 10 / 30 % / more).
Rules in full: docs/judges.md, "Pixel judge", "Charts".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import pairwise

import cv2
import numpy as np

from verm.judge.pixel.chart_marks import _alike, _faces, plot_marks
from verm.judge.pixel.colour import _lab_ink
from verm.judge.pixel.context import _cand_frame, _Ctx, _Item, _pad_box
from verm.judge.pixel.difference import Region
from verm.judge.pixel.geometry import PxBox, _box_overlap, _mask_box, _union
from verm.judge.pixel.layout import subplot_frames
from verm.judge.pixel.ocr import _number, _Ocr, _q
from verm.judge.pixel.text import _read_pair

#: Charts, after an axis change: the share of the plotted marks left unexplained by the new axis
#: that makes a data change of its own, and the change of empty margin that says limits were set.
AXIS_RESIDUAL = 0.08


AXIS_MARGIN = 0.08


#: Charts: limits set by hand that make the y range at least this many times wider are data_error 2,
#: less 1 (the perturbation rule's step).
AXIS_WIDENED = 1.5


#: A region left of the frame, ending at it, under this share of the image tall (a row or two of text) is a y
#: tick label however far left it reaches (a bar chart's long category labels).
LONG_LABEL = 0.08


def tick_axis(c: _Ctx, r: Region) -> str | None:
    """'x' or 'y' when a region sits where that axis's tick labels are (just outside the frame)."""
    if c.frame is None:
        return None
    fx0, fy0, fx1, fy1 = c.frame
    x0, y0, x1, y1 = r.bbox
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    if cy > fy1 and y0 <= fy1 + 0.06 * c.h and fx0 - 0.04 * c.w < cx < fx1 + 0.04 * c.w and r.height < 0.08 * c.h:
        return "x"
    short = r.height < 0.2 * c.h
    # A column of y tick labels changed as one region (a log axis: every label new), reaching the frame.
    # (its axis label beside it may join it, when the wider labels crowd the label to the image's edge: the
    # region then fills the margin left of the frame, no wider)
    column = (
        (r.width < 0.12 * c.w or x1 <= fx0 + 2)
        and y0 >= fy0 - 0.03 * c.h
        and y1 <= fy1 + 0.08 * c.h
        and x1 >= fx0 - 0.02 * c.w
    )
    # (long category labels reach further left: a row of text ending at the frame is one of them, `LONG_LABEL`)
    reach = x0 >= fx0 - 0.15 * c.w or (r.height < LONG_LABEL * c.h and x1 >= fx0 - 0.02 * c.w)
    if cx < fx0 and reach and fy0 - 0.03 * c.h < cy < fy1 + 0.03 * c.h and (short or column):
        return "y"
    # (a twin axis's column likewise, from its tick marks on the frame: a legend beside the plot, on the
    # right, stands off the frame)
    column2 = r.width < 0.12 * c.w and y0 >= fy0 - 0.03 * c.h and y1 <= fy1 + 0.08 * c.h and x0 <= fx1 + 2
    if cx > fx1 and x1 <= fx1 + 0.15 * c.w and fy0 - 0.03 * c.h < cy < fy1 + 0.03 * c.h and (short or column2):
        return "y2"
    return None


def _alnum_seq(text: str) -> str:
    """The letters and digits of a read, in order (OCR joins or splits words at will)."""
    return "".join(filter(str.isalnum, text))


def _numbers(text: str) -> list[float]:
    """The numbers among OCR'd tick labels, in order."""
    return [v for v in (_number(t) for t in text.split()) if v is not None]


def _tick_span(text: str) -> float | None:
    """max - min of the numbers among OCR'd tick labels (None: fewer than two numbers)."""
    nums = _numbers(text)
    return max(nums) - min(nums) if len(nums) >= 2 else None


def _logish(s: str) -> bool:
    """OCR'd tick labels read as a log axis's."""
    # Log ticks are "10" with a superscript, which Tesseract reads as 10?, 10!, 107, 6x10! ...,
    # and minor ones "2×10^1", read as 2x, 16x: the superscript lost.
    # (a linear axis has a "10" too: one read with its superscript at least, "10?", says log)
    toks = [t for t in s.split() if any(ch.isdigit() for ch in t)]  # not the axis label's letters
    return bool(toks) and (
        "x10" in s
        or (sum("10" in t for t in toks) >= 0.4 * len(toks) and any(t.startswith("10") and len(t) > 2 for t in toks))
        or any(re.fullmatch(r"\d+(\.\d+)?[x×]\W*", t) for t in toks)  # trailing junk: "2x:"
    )


def turned_log(c: _Ctx, box: PxBox, ax: str) -> bool:
    """The candidate's tick labels of axis ``ax`` in ``box`` read as a log axis's where the reference's do
    not: the axis turned log. (Hacks keep the reference's axes, or draw fresh linear ones: none turns an
    axis log.)"""
    pair = _read_pair(c, _pad_box(box, 3, c), block=ax != "x") if _Ocr.available() else None
    return pair is not None and _logish(pair[1]) and not _logish(pair[0])


def relabelled(c: _Ctx, box: PxBox, ax: str) -> bool:
    """The tick labels of axis ``ax`` in ``box`` read otherwise in the candidate (`_axis_change`): a new scale
    or new limits."""
    return _axis_change(c, box, ax) is not None


def _axis_change(c: _Ctx, box: PxBox, ax: str) -> tuple[str, int, str] | None:
    """(category, severity, note) of a tick-label change; None: the same labels, re-rendered.

    structure_error 2 for a scale change (log ticks read '10...'); the same characters in another
    order (OCR may drop a glyph of a pair but not of both): labels swapped, text_error 3 (values
    misattributed); numeric ticks spanning a narrower range: data_error
    3 (data may be clipped); other new limits: data_error 2 (the note says "widened" when the new
    numeric ticks span >= 1.1 times as much and cover the old ones' range).
    """
    pair = _read_pair(c, _pad_box(box, 3, c), block=ax != "x") if _Ocr.available() else None
    if pair is None:
        return "structure_error", 2, "scale or limits"
    a, b = pair
    if (a == b and a) or (len(a.split()) >= 2 and _alnum_seq(a).lower() == _alnum_seq(b).lower()):
        # the same tick labels in the same order, only re-rendered (or spaced apart; OCR reads a
        # capital J or S small at will: "Jun" -> "jun")
        return None
    nums_a, nums_b = _numbers(a), _numbers(b)
    if len(nums_a) >= 3 and nums_a == nums_b:
        return None  # the same numbers in the same order: other words in the read are the axis label's
    if len(a.split()) >= 2 and sorted(filter(str.isalnum, a)) == sorted(filter(str.isalnum, b)):
        return "text_error", 3, f"labels swapped: {_q(a, 40)} -> {_q(b, 40)}"

    if _logish(a) != _logish(b):
        return "structure_error", 2, f"scale: {_q(a, 40)} -> {_q(b, 40)}"
    span_a, span_b = _tick_span(a), _tick_span(b)
    narrower = span_a is not None and span_b is not None and 0 < span_b < 0.9 * span_a
    # Numeric ticks: most words are numbers on both sides (not category labels such as "Store 1").
    numeric = all(len(_numbers(t)) >= max(2, 0.6 * len(t.split())) for t in (a, b))
    numbers = " (numbers)" if numeric else ""
    # The new ticks run past the old ones at the top and reach as low: the range widened (whether
    # by hand, the marks following it, or by the data growing is the plot's to say).
    wider = (
        numeric
        and span_a is not None
        and span_b is not None
        and span_b >= 1.1 * span_a
        and max(nums_b) >= max(nums_a)
        and min(nums_b) <= min(nums_a) + 0.5 * span_a  # (the bottom tick, 0, often unread)
    )
    how = " widened" if wider else ""
    return "data_error", 3 if narrower else 2, f"limits{how}{numbers}: {_q(a, 40)} -> {_q(b, 40)}"


#: A tick label is found again in the candidate when its crop matches there this well (normalised correlation;
#: rotated text drawn at another sub-pixel offset matches at 0.9 or so).
LABEL_MATCH = 0.85


def same_labels_moved(c: _Ctx, box: PxBox) -> bool:
    """The x tick labels in ``box`` are the reference's, each drawn again (`LABEL_MATCH`) at about its
    height, in the same order, some moved sideways: the same categories under new x limits (bars
    retyped as a line lose their margins), where OCR (rotated labels) reads nothing to compare. Each
    label is a blob of the reference's ink closed across its glyphs."""
    x0, y0, x1, y1 = _pad_box(box, 3, c)
    ink = c.ref_ink[y0:y1, x0:x1].astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(ink, np.ones((5, 5), np.uint8)), connectivity=8)
    blobs = [tuple(int(v) for v in stats[k, :4]) for k in range(1, n) if stats[k, cv2.CC_STAT_AREA] >= 30]
    if len(blobs) < 2:
        return False
    # (the candidate's strip a little taller, and as wide as the plot: the labels move along the axis)
    sy0, sy1 = max(0, y0 - 4), min(c.h, y1 + 4)
    strip = np.ascontiguousarray(c.cand_grey[sy0:sy1].astype(np.float32))
    found: list[int] = []
    moved = False
    for bx, by, bw, bh in sorted(blobs):
        tpl = np.ascontiguousarray(c.ref_grey[y0 + by : y0 + by + bh, x0 + bx : x0 + bx + bw].astype(np.float32))
        if tpl.shape[0] > strip.shape[0] or float(tpl.std()) < 3:
            return False
        _, score, _, (mx, _) = cv2.minMaxLoc(cv2.matchTemplate(strip, tpl, cv2.TM_CCOEFF_NORMED))
        if score < LABEL_MATCH:
            return False
        found.append(mx)
        moved |= abs(mx - (x0 + bx)) > 2
    return moved and all(a < b for a, b in pairwise(found))


def _subplot_scale_change(c: _Ctx, items: list[_Item]) -> list[_Item]:
    """A grid of subplots (no one plot frame) whose y-axis turned log: the tick labels and every
    subplot's marks it moved are one change, not a data change per group of subplots. The y tick
    labels left of the first subplot frame that has them (the leftmost, topmost) are read in both
    images (`_axis_change`); when they read a scale change, the subplots' data changes become one
    structure_error 2 (the scale rule), as the single plot's axis change is. Other items stand."""
    data = [it for it in items if it.kind == "plot" and it.category == "data_error"]
    if c.frame is not None or not data or not _Ocr.available():
        return items
    frames = subplot_frames(c.ref, c.ref_ink)
    if len(frames) < 2:
        return items
    for f in sorted(frames, key=lambda b: (b[0], b[1])):
        column = (max(0, int(f[0] - 0.08 * c.w)), max(0, f[1] - 4), max(0, f[0] - 2), min(c.h, f[3] + 4))
        x0, y0, x1, y1 = column
        if x1 - x0 < 6 or not (c.ref_ink[y0:y1, x0:x1].any() and c.cand_ink[y0:y1, x0:x1].any()):
            continue
        change = _axis_change(c, column, "y")
        if change is None or change[0] != "structure_error":
            return items  # the first labelled axis says it: no scale change
        moved = [it for it in data if any(any(_box_overlap(p, g) for g in frames) for p in it.pieces)]
        if not moved:
            return items
        one = _Item(
            "structure_error", 2, _union([column, *(it.box for it in moved)]),
            f"The y-axis tick labels changed ({change[2]}); the subplots' marks moved with the new scale.",
            "y-axis", parts=[column, *(p for it in moved for p in it.pieces)],
        )  # fmt: skip
        return [one, *(it for it in items if all(it is not m for m in moved))]
    return items


@dataclass(frozen=True)
class _AxisFit:
    """How far a changed axis explains the plot (`_axis_fit`)."""

    share: float  # of the marks left over once mapped along y
    limits_set: bool  # the empty margin above or below the marks changed: limits set by hand
    item: _Item | None  # the leftover as a data change
    #: How many times wider the y range is: the share of the plot's height the marks span in the
    #: reference over that share in the candidate; 0 when the marks are now cut at the frame.
    widened: float = 1.0
    #: The share of the reference's marks with candidate marks within 3 px, before mapping: the
    #: marks stayed in place (new tick values over the same marks: the values changed).
    in_place: float = 1.0


def _axis_fit(c: _Ctx) -> _AxisFit | None:
    if c.axis_fit is None:
        c.axis_fit = (_fit_axis(c),)
    return c.axis_fit[0]


def _fit_axis(c: _Ctx) -> _AxisFit | None:
    """Map the reference's marks onto the candidate's along y (`_rescaled_marks_residual`) and
    judge what the axis change leaves over; None when either plot has no frame or no marks.

    The leftover is a data change of its own (`_AxisFit.item`) when it is at least `AXIS_RESIDUAL`
    of the marks; severity from its share: under 10 % -> 1, under 30 % -> 2, else 3. Limits are set
    by hand when the empty margin above or below the marks changed by over `AXIS_MARGIN` of the
    plot, or the marks are now cut at the frame where they had room; limits that follow the data
    (matplotlib's autoscale, which leaves a margin) are a data change's doing.
    """
    found = _rescaled_marks_residual(c)
    if found is None or c.frame is None:
        return None
    residual, cand_frame, ink, (ref_top, ref_bottom), (cand_top, cand_bottom), in_place = found
    share = float(residual.sum()) / max(ink, 1)
    # Marks now cut at the frame that had room: limits narrowed by hand (autoscale leaves a margin).
    cut = (cand_top < 0.005 < 0.02 < ref_top) or (cand_bottom < 0.005 < 0.02 < ref_bottom)
    limits_set = max(abs(cand_top - ref_top), abs(cand_bottom - ref_bottom)) > AXIS_MARGIN or cut
    # Marks that follow the new limits span a share of the plot's height shrunk by the range's factor.
    cand_span = 1 - cand_top - cand_bottom
    widened = 0.0 if cut else ((1 - ref_top - ref_bottom) / cand_span if cand_span > 0 else 1.0)
    if share < AXIS_RESIDUAL:
        return _AxisFit(share, limits_set, None, widened, in_place)
    x0, y0, x1, y1 = _mask_box(residual, 0, 0)
    fx0, fy0, fx1, _ = cand_frame
    side = _marks_inset(c.w)
    across = (fx1 - fx0 - 2 * side) / residual.shape[1]  # the candidate's marks were stretched to the reference's
    box = (
        fx0 + side + int(x0 * across),
        fy0 + 2 + y0,
        min(c.w, fx0 + side + math.ceil(x1 * across)),
        min(c.h, fy0 + 2 + y1),
    )
    item = _Item(
        "data_error", 1 if share < 0.1 else (2 if share < 0.3 else 3), box,
        f"Plotted data differ beyond the new axis: {100 * share:.0f}% of the marks do not follow it.", "plot",
    )  # fmt: skip
    return _AxisFit(share, limits_set, item, widened, in_place)


def _rescaled_marks_residual(
    c: _Ctx,
) -> tuple[np.ndarray, PxBox, int, tuple[float, float], tuple[float, float], float] | None:
    """What of the plotted marks an axis's new limits or scale do not explain.

    Each image's marks are taken inside its own frame (new tick labels resize the plot), the
    candidate's stretched across to the reference's width; the reference's marks are then moved row
    by row onto the candidate's by the best monotone map (a linear or log axis moves every mark
    along y alike), and what is left is ink of either more than 3 px from the other's (a straight
    segment between two marks bends a little under a new scale). Returns (that ink's mask over the
    candidate's plot, the candidate's frame, all mark ink, the empty margins above and below the
    marks of the reference and of the candidate, and the share of the reference's marks in place),
    or None when either plot has no frame or no marks."""
    cand_frame = _cand_frame(c)
    if c.frame is None or cand_frame is None:
        return None
    # Both read against the reference plot's face, among pixels alike in both (bars filling the plot are no face).
    (ref_lab, _), (cand_lab, _) = _lab_ink(c.ref), _lab_ink(c.cand)
    face = _faces(ref_lab, [c.frame], _alike(ref_lab, cand_lab))[0]
    ref_m, cand_m = _plot_marks(ref_lab, c.ref_ink, c.frame, face), _plot_marks(cand_lab, c.cand_ink, cand_frame, face)
    if not ref_m.any() or not cand_m.any() or min(ref_m.shape) < 8 or min(cand_m.shape) < 8:
        return None
    margins = _mark_margins(ref_m), _mark_margins(cand_m)
    if cand_m.shape[1] != ref_m.shape[1]:
        size = (ref_m.shape[1], cand_m.shape[0])
        cand_m = cv2.resize(cand_m.astype(np.uint8), size, interpolation=cv2.INTER_NEAREST).astype(bool)
    # The two frames are found to a pixel or two: line the marks up across by their column profiles.
    a, b = ref_m.sum(0).astype(np.float64), cand_m.sum(0).astype(np.float64)
    dx = max(range(-4, 5), key=lambda d: float(a[max(0, d) : len(a) + min(0, d)] @ b[max(0, -d) : len(b) + min(0, -d)]))
    cand_m = np.roll(cand_m, dx, axis=1)
    near = np.ones((7, 7), np.uint8)

    def close_to(m: np.ndarray) -> np.ndarray:
        return cv2.dilate(m.astype(np.uint8), near).astype(bool)

    # Whole pieces of ink that stayed in place (a legend, a note) are not mapped: only the marks moved.
    stay_ref, stay_cand = np.zeros_like(ref_m), np.zeros_like(cand_m)
    if ref_m.shape == cand_m.shape:
        stay_ref, stay_cand = _in_place(ref_m, close_to(cand_m)), _in_place(cand_m, close_to(ref_m))
        # Both sides of a piece stayed (a filled shape that grew keeps the old one inside it).
        stay_ref = _in_place(stay_ref, close_to(stay_cand))
        stay_cand = _in_place(stay_cand, close_to(stay_ref))
    rows_ref, rows_cand = _row_warp(ref_m, cand_m)
    moved = np.zeros_like(cand_m)
    np.logical_or.at(moved, rows_cand, (ref_m & ~stay_ref)[rows_ref])
    residual = (cand_m & ~stay_cand & ~close_to(moved)) | (moved & ~close_to(cand_m))
    if cand_m.shape != ref_m.shape:  # (the frames' heights may differ by a pixel or more)
        cand_m = cv2.resize(cand_m.astype(np.uint8), ref_m.shape[::-1], interpolation=cv2.INTER_NEAREST).astype(bool)
    in_place = float((ref_m & close_to(cand_m)).sum()) / max(1, int(ref_m.sum()))
    return residual, cand_frame, int(max(ref_m.sum(), cand_m.sum())), *margins, in_place


def _plot_marks(lab: np.ndarray, ink: np.ndarray, frame: PxBox, face: np.ndarray | None) -> np.ndarray:
    """The plotted marks inside a frame, for mapping along y: `chart_missing.plot_marks` over the
    frame, read against the reference plot's face colour (grid lines sit at tick values, which do not
    move with the data), 2 px in from the frame and clear of tick marks drawn inwards from the side
    spines."""
    fx0, fy0, fx1, fy1 = frame
    side = _marks_inset(ink.shape[1])
    marks = plot_marks(ink, lab, [frame], [face])
    return marks[fy0 + 2 : fy1 - 2, fx0 + side : fx1 - side]


def _marks_inset(width: int) -> int:
    """How far in from the side spines `_plot_marks` starts (clear of inward tick marks)."""
    return 2 + round(0.015 * width)


def _row_warp(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The monotone map of a's rows onto b's rows under which their ink patterns agree best (dynamic
    time warping; a row's cost is its ink with no ink within 1 px across in the other row).
    Returns the warping path: rows of ``a`` and the rows of ``b`` they map to, pair by pair."""
    af, bf = a.astype(np.float32), b.astype(np.float32)
    k = np.ones((1, 3), np.uint8)
    ad = cv2.dilate(a.astype(np.uint8), k).astype(np.float32)
    bd = cv2.dilate(b.astype(np.uint8), k).astype(np.float32)
    # Both products in one: OpenCV's gemm (BLAS threads stall on a busy machine). Every sum here is a
    # whole number of pixels, exact in float32 and float64, so the order of the sums changes nothing.
    overlap = cv2.gemm(np.hstack([af, ad]), np.hstack([bd, bf]), 1.0, None, 0.0, flags=cv2.GEMM_2_T)
    cost = af.sum(1)[:, None] - overlap + bf.sum(1)[None, :]
    n, m = cost.shape
    run = np.cumsum(cost, axis=1)
    acc = np.empty((n, m), np.float64)
    # Row by row: the best of the row above and the diagonal, then the best run along the row (a
    # running minimum); in place, the loop is a handful of array calls a row.
    from_prev = np.full(m, np.inf)
    from_prev[0] = 0.0
    e = np.empty(m, np.float64)
    for i in range(n):
        if i:
            prev = acc[i - 1]
            np.minimum(prev[1:], prev[:-1], out=from_prev[1:])
            from_prev[0] = prev[0]
        np.add(cost[i], from_prev, out=e)
        np.subtract(e, run[i], out=e)
        np.minimum.accumulate(e, out=e)
        np.add(run[i], e, out=acc[i])
    # Each cell's step, from the whole table at once: 0 diagonal, 1 from the row above, 2 from the left.
    up = np.full((n, m), np.inf)
    up[1:] = acc[:-1]
    diag = np.full((n, m), np.inf)
    diag[1:, 1:] = acc[:-1, :-1]
    diag[0, 0] = 0.0
    steps = np.where(acc < cost + np.minimum(up, diag), 2, np.where(diag <= up, 0, 1)).astype(np.int8).tobytes()
    pairs = []
    i, j = n - 1, m - 1
    while i >= 0 and j >= 0:
        pairs.append((i, j))
        st = steps[i * m + j]
        if st == 0:
            i, j = i - 1, j - 1
        elif st == 1:
            i -= 1
        else:
            j -= 1
    path = np.asarray(pairs[::-1], dtype=np.int64)
    return path[:, 0], path[:, 1]


def _in_place(ink: np.ndarray, other_near: np.ndarray, share: float = 0.9) -> np.ndarray:
    """The connected pieces of ``ink`` that lie, nearly whole, on the other image's ink."""
    n, labels = cv2.connectedComponents(ink.astype(np.uint8), connectivity=8)
    if n <= 1:
        return np.zeros_like(ink)
    total = np.bincount(labels.ravel(), minlength=n)
    on = np.bincount(labels[other_near], minlength=n)
    keep = on >= share * np.maximum(total, 1)
    keep[0] = False
    return keep[labels]


def _mark_margins(marks: np.ndarray) -> tuple[float, float]:
    """Empty shares of a plot above and below its marks."""
    rows = np.nonzero(marks.any(axis=1))[0]
    return rows[0] / len(marks), 1 - (rows[-1] + 1) / len(marks)
