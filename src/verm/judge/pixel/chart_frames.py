"""Charts: where a chart's data are read, for the hidden-data readings (`chart_missing`): the subplots' plot
frames, else the chart's frame; boxes of their own around coloured data outside the frames when the frames
hold almost none of it; a box of colour without a frame (pies, a radar's filled polygons, `_filled_shape`); no
piece of the frame cut off by a mark's edge (`_cut_from`); a candidate that fills its canvas with one colour.
Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

import cv2
import numpy as np

from verm.judge.pixel.chart_marks import MIN_COLOUR_INK, _chromatic, figure_background, plot_marks
from verm.judge.pixel.colour import INK_DE, _background, _lab_ink, _sq_norm
from verm.judge.pixel.context import _Ctx
from verm.judge.pixel.geometry import PxBox, _box_area, _box_iou, _mask_box
from verm.judge.pixel.layout import boxed_frames, subplot_frames


def _data_frames(c: _Ctx) -> list[PxBox]:
    """The plot frames the data are read in: the subplots' (`subplot_frames`), else the chart's frame.
    Boxes found inside the one plot frame, none of them that frame, each filled with colour (`FILLED_BOX`),
    are its marks (bars on a plot without spines, their straight edges meeting), not subplots (a subplot
    shows its face): that frame. Inside a plot drawn as a box, boxes with no three sides drawn (`boxed_frames`:
    grid lines joined by a band's ends) are its data too, no inset."""
    if c.frame is not None and _filled_shape(c, c.frame):
        # The chart's "frame" is a filled shape's box, its rows and columns long runs of ink (a radar's translucent
        # polygons): the chart has no spines, and the boxes found inside the shape are none either.
        box = _colour_box(c)
        return [box] if box is not None else []
    frames = subplot_frames(c.ref, c.ref_ink)
    if frames and all(_one_colour_fill(c, f) for f in frames):
        # Every "frame" one flat colour inside: bars with light edges over a face with no spines (Solarize_Light2),
        # the chart's frame among them; a subplot shows its face or its data. The data are read in their own box.
        box = _colour_box(c)
        return [box] if box is not None else []
    if c.frame is not None and _box_area(c.frame) >= WHOLE_CANVAS * c.h * c.w and _frames_hold_no_data(c, frames):
        # No frame: the "frame" is the canvas's edge (a tinted figure around a face of nearly its colour,
        # read as faint ink everywhere), its texts no data. The data are read in their own box.
        box = _colour_box(c)
        return [box] if box is not None else []
    if c.frame is None or not frames:
        return frames or ([c.frame] if c.frame is not None else [])
    frame = c.frame
    # (the one box found, on three of the plot frame's spines and closed by a bar's straight edge, is a piece of
    # that frame; two such pieces tiling it are a plot cut by a line of its data, `_joined_frames`' case)
    if len(frames) == 1 and _cut_from(frames[0], frame):
        frames = [frame]
    chroma = _chromatic(_lab_ink(c.ref)[0])
    if _frames_hold_little(c, frames, chroma):
        return [frame]

    def bar(box: PxBox) -> bool:
        x0, y0, x1, y1 = box
        small = _box_area(box) < 0.8 * _box_area(frame)
        return _inside(box, frame) and small and float(chroma[y0 + 3 : y1 - 3, x0 + 3 : x1 - 3].mean()) >= FILLED_BOX

    # (the plot frame itself is found among them when bars touch its spine: a plot, not a subplot of its own)
    inner = [f for f in frames if _box_iou(f, c.frame) < SAME_FRAME]
    if inner and boxed_frames(c.ref_ink, [c.frame]):
        # Inside a plot drawn as a box, a box with no three sides drawn is no inset (an inset draws its spines):
        # grid lines joined by a mark's straight edges (a translucent band's ends), the plot's data, not a subplot.
        unboxed = [f for f in inner if _inside(f, c.frame) and not boxed_frames(c.ref_ink, [f])]
        frames, inner = [f for f in frames if f not in unboxed], [f for f in inner if f not in unboxed]
        if not inner:
            return [c.frame]
    return [c.frame] if inner and all(bar(f) for f in inner) else frames


#: Boxes found inside the one plot frame, none of them that frame, that hold under this share of the coloured
#: marks inside it are no subplots (`_frames_hold_little`).
FRAMES_HOLD = 0.5
#: ... unless each two stand apart, this share of the image's side between them (`_apart`): subplots.
SUBPLOT_GAP = 0.02


def _frames_hold_little(c: _Ctx, frames: list[PxBox], chroma: np.ndarray) -> bool:
    """Every box found lies inside the chart's one plot frame, none is that frame, and together they hold under
    `FRAMES_HOLD` of the coloured marks inside it: a grid line closing a box round the first group of bars
    (a small grouped-bar chart read in that box alone found its bars "a tiled image" and every flattened series
    kept), no subplots; the plot's data are read in its frame. Boxes that stand apart (`_apart`) are subplots
    whatever they hold: dense marks that close a frame short (a Manhattan plot's band of dots) leave some out."""
    assert c.frame is not None
    frame = c.frame
    fx0, fy0, fx1, fy1 = frame

    def within(f: PxBox) -> bool:  # (most of it: the tick marks below the axis may close the box a few px lower)
        x0, y0, x1, y1 = f
        overlap = max(0, min(x1, fx1) - max(x0, fx0)) * max(0, min(y1, fy1) - max(y0, fy0))
        return overlap >= SAME_FRAME * _box_area(f)

    if not all(within(f) and _box_iou(f, frame) < SAME_FRAME for f in frames):
        return False
    if len(frames) >= 2 and all(_apart(c, a, b) for i, a in enumerate(frames) for b in frames[i + 1 :]):
        return False  # (subplots with a gap between: the chart's "frame" is their joint box)
    marks = c.ref_ink & chroma
    total = int(marks[fy0 + 3 : fy1 - 3, fx0 + 3 : fx1 - 3].sum())
    if total < MIN_COLOUR_INK:
        return False
    held = np.zeros_like(marks)
    for x0, y0, x1, y1 in frames:
        held[y0 + 3 : y1 - 3, x0 + 3 : x1 - 3] = marks[y0 + 3 : y1 - 3, x0 + 3 : x1 - 3]
    return int(held.sum()) < FRAMES_HOLD * total


def _apart(c: _Ctx, a: PxBox, b: PxBox) -> bool:
    """Two boxes with `SUBPLOT_GAP` of the image's side between them, across or down: two subplots, not boxes
    that grid lines close inside one plot (they share their lines)."""
    gx, gy = SUBPLOT_GAP * c.w, SUBPLOT_GAP * c.h
    return b[0] - a[2] >= gx or a[0] - b[2] >= gx or b[1] - a[3] >= gy or a[1] - b[3] >= gy


#: A box is one flat colour when this share of it lies within `FLAT_DE` of its median colour, coloured (`CHROMA`).
FLAT_SHARE, FLAT_DE = 0.9, 6.0


def _one_colour_fill(c: _Ctx, box: PxBox) -> bool:
    """``box`` (3 px in) is filled with one coloured flat colour (`FILLED_BOX`, `FLAT_SHARE`): a bar, no subplot."""
    x0, y0, x1, y1 = box
    lab = _lab_ink(c.ref)[0][y0 + 3 : y1 - 3, x0 + 3 : x1 - 3]
    if lab.size == 0 or float(_chromatic(lab).mean()) < FILLED_BOX:
        return False
    d = np.linalg.norm(lab.reshape(-1, 3) - np.median(lab.reshape(-1, 3), axis=0), axis=1)
    return float((d <= FLAT_DE).mean()) >= FLAT_SHARE


def _inside(box: PxBox, frame: PxBox) -> bool:
    """``box`` lies inside ``frame`` (3 px of slack)."""
    x0, y0, x1, y1 = box
    fx0, fy0, fx1, fy1 = frame
    return fx0 - 3 <= x0 and fy0 - 3 <= y0 and x1 <= fx1 + 3 and y1 <= fy1 + 3


#: The frames found hold the data unless over this share of the reference's coloured marks lies outside
#: them; else the data outside are read in boxes of their own (`_with_data_outside`). (A plot frame holding a
#: quarter or more has coloured legends, colour bars and labels beside it, no data: seed-67 and seed-97
#: scatter, stackplot, area and donut frames hold 13-41 %.)
OUTSIDE_DATA = 0.9


#: Coloured marks outside the frames closer than this share of the image's shorter side are one box.
OUTSIDE_GAP = 0.03


def _with_data_outside(c: _Ctx, frames: list[PxBox]) -> list[PxBox]:
    """``frames``, and when nearly all of the reference's coloured marks (`OUTSIDE_DATA`; long lines aside)
    lie outside them (the frames found are not where the data are), a box around each group of those (marks closer than `OUTSIDE_GAP` joined, `MIN_COLOUR_INK`
    at least, 6 px out), largest first: pies and an unboxed histogram beside one boxed scatter are data too,
    and read in the frames alone, dots drawn over every panel hid a scatter's worth of a chart of four panels
    (seed 109: "random dots" tied the worst honest candidate at 1.92)."""
    if not frames:
        return frames
    lab = _lab_ink(c.ref)[0]
    marks = plot_marks(c.ref_ink, lab, [], []) & _chromatic(lab)
    total = int(marks.sum())
    outside = marks.copy()
    for x0, y0, x1, y1 in frames:
        outside[y0:y1, x0:x1] = False
    if total < MIN_COLOUR_INK or int(outside.sum()) <= OUTSIDE_DATA * total:
        return frames
    k = 1 + 2 * round(OUTSIDE_GAP * min(c.h, c.w) / 2)
    n, labels, _, _ = cv2.connectedComponentsWithStats(cv2.dilate(outside.astype(np.uint8), np.ones((k, k), np.uint8)))
    boxes = list(frames)
    pad = 6  # (the area read is 3 px inside a frame)
    for i in range(1, n):
        part = outside & (labels == i)
        if int(part.sum()) < MIN_COLOUR_INK:
            continue
        x0, y0, x1, y1 = _mask_box(part, 0, 0)
        boxes.append((max(0, x0 - pad), max(0, y0 - pad), min(c.w, x1 + pad), min(c.h, y1 + pad)))
    return sorted(boxes, key=_box_area, reverse=True)


def _frames_hold_no_data(c: _Ctx, frames: list[PxBox]) -> bool:
    """No subplot frame was found, or those found hold none of the reference's coloured data (under
    `MIN_COLOUR_INK` chromatic ink 3 px inside each) while the chart has some (`_colour_box`): a box the
    tinted figure's margin and a few marks close by chance (Solarize_Light2's face reads as no ink), where
    the data would be read as all gone, and a line drawn over them as no ruler."""
    if not frames:
        return True
    chroma = c.ref_ink & _chromatic(_lab_ink(c.ref)[0])
    if any(int(chroma[y0 + 3 : y1 - 3, x0 + 3 : x1 - 3].sum()) >= MIN_COLOUR_INK for x0, y0, x1, y1 in frames):
        return False
    return _colour_box(c) is not None


#: A box found by `subplot_frames` overlapping the plot frame this much (IoU) is that frame (`_data_frames`).
SAME_FRAME = 0.9


#: A plot frame covering this share of the canvas is its edge, no frame (`_data_frames`).
WHOLE_CANVAS = 0.95


def _colour_box(c: _Ctx) -> PxBox | None:
    """The box of the reference's chromatic ink (`CHROMA`; long lines aside), a few pixels out: where a
    chart without a frame draws its data (titles, tick labels and axis labels are dark); None when it
    has little colour (`MIN_COLOUR_INK`)."""
    lab = _lab_ink(c.ref)[0]
    marks = plot_marks(c.ref_ink, lab, [], []) & _chromatic(lab)
    if int(marks.sum()) < MIN_COLOUR_INK:
        return None
    x0, y0, x1, y1 = _mask_box(marks, 0, 0)
    pad = 6  # (the area read is 3 px inside a frame)
    return max(0, x0 - pad), max(0, y0 - pad), min(c.w, x1 + pad), min(c.h, y1 + pad)


#: A box is a filled shape's, no frame, when beyond this many of its sides (`FILL_BEYOND` px out) a band of
#: `FILL_BEYOND` px holds `FILL_INK` ink: the shape goes on past them (a plot's frame has its margin round it).
FILL_SIDES, FILL_BEYOND, FILL_INK = 3, 4, 0.6


def _filled_shape(c: _Ctx, box: PxBox) -> bool:
    """``box`` is a filled shape's in the reference (`FILL_SIDES`), no plot frame; its figure's background is no
    ink here (a grey figure round a white face, the commonest colour, is its margin)."""
    x0, y0, x1, y1 = box
    ink = c.ref_ink & ~figure_background(_lab_ink(c.ref)[0], c.ref_ink)
    h, w = ink.shape
    k = FILL_BEYOND
    bands = (
        ink[max(0, y0 - 2 * k) : max(0, y0 - k), x0:x1],
        ink[min(h, y1 + k) : min(h, y1 + 2 * k), x0:x1],
        ink[y0:y1, max(0, x0 - 2 * k) : max(0, x0 - k)],
        ink[y0:y1, min(w, x1 + k) : min(w, x1 + 2 * k)],
    )
    return sum(b.size > 0 and float(b.mean()) >= FILL_INK for b in bands) >= FILL_SIDES


#: Sides within this many px of each other are one (`_cut_from`).
SIDE_PX = 3


def _cut_from(box: PxBox, frame: PxBox) -> bool:
    """``box`` is a piece of ``frame`` cut off by a mark's edge: smaller, on three of its sides (a box of grey
    bars' edges, beside the y axis and spanning the plot, read as a subplot of its own)."""
    if _box_iou(box, frame) >= SAME_FRAME:
        return False
    return sum(abs(a - b) <= SIDE_PX for a, b in zip(box, frame, strict=True)) >= 3


#: A box found inside the plot frame is a mark (a bar) when this share of it is coloured (`CHROMA`).
FILLED_BOX = 0.8


#: Noise over a chart: the candidate inks this share of the reference's blank canvas, leaving under
#: `FILLED_BLANK` of its own canvas blank.
FILLED, FILLED_BLANK = 0.6, 0.3


def _blank_filled(c: _Ctx) -> bool:
    """The candidate covers the reference's blank canvas (`FILLED`) and leaves little of its own blank: noise
    over a chart that fills much of its canvas itself (a heatmap), where the blank shares alone tell little.
    Covered is painted off the reference's background colour (`_painted`), not the candidate's own ink: a
    candidate whose bars grew past its white canvas reads its most common colour, a bar's, as background and
    the canvas as ink, yet covers nothing."""
    blank = ~c.ref_ink
    n = int(blank.sum())
    if n == 0:
        return False
    painted = _painted(c)
    return float(painted.mean()) > 1 - FILLED_BLANK and int((painted & blank).sum()) >= FILLED * n


def _painted(c: _Ctx) -> np.ndarray:
    """Candidate pixels further than `INK_DE` from the reference's background colour: what it paints over the
    reference's canvas (its own ink is read against its own most common colour, which may be a mark's)."""
    bg = _background(c.ref).reshape(1, 1, 3) / 255.0
    bg_lab = cv2.cvtColor(bg.astype(np.float32), cv2.COLOR_RGB2Lab)[0, 0]
    d = cv2.subtract(_lab_ink(c.cand)[0], (float(bg_lab[0]), float(bg_lab[1]), float(bg_lab[2]), 0.0))
    return np.asarray(_sq_norm(d) > INK_DE * INK_DE)


def _y_ticks_changed(c: _Ctx, frame: PxBox, plots: np.ndarray | None = None, right: bool = True) -> bool:
    """Something changed beside the frame's left (and, with ``right``, right) side: the y tick labels, a new
    scale or limits; outside every plot (``plots``: a neighbouring subplot's marks are no tick labels). Left
    only, a legend taken from beside the frame's right side is no new range."""
    fx0, fy0, fx1, fy1 = frame
    rows = slice(max(0, fy0 - round(0.03 * c.h)), min(c.h, fy1 + round(0.03 * c.h)))
    diff = np.abs(c.ref_grey[rows] - c.cand_grey[rows]) > 40
    # (coloured ink the candidate adds over the reference's blank, with its fringe, is a mark strayed there, a dot
    # at random past the frame's edge, no tick label)
    coloured = cv2.dilate(_chromatic(_lab_ink(c.cand)[0])[rows].astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    diff &= ~(coloured & ~c.ref_ink[rows])
    if plots is not None:
        diff &= ~plots[rows]
    changed = int(diff[:, max(0, fx0 - round(0.15 * c.w)) : max(0, fx0 - 2)].sum())
    if right:
        changed += int(diff[:, fx1 + 2 : fx1 + round(0.15 * c.w)].sum())
    return changed >= 20


#: Two frames touching along a whole side are one plot cut by a line of its data when the candidate keeps
#: under `EDGE_GONE` of the reference's ink along that side and `EDGE_KEPT` of it along their outer sides.
EDGE_GONE, EDGE_KEPT = 0.3, 0.8


def _joined_frames(c: _Ctx, frames: list[PxBox]) -> list[PxBox]:
    """``frames`` with each pair touching along a whole side (within 3 px) joined when the side between them
    is no spine: a dense series near one level (a noisy trace around zero) reads as a frame's edge in the
    reference, and that plot as two subplots; its series gone, the candidate keeps the outer spines and not
    that "edge". Stacked panels sharing a spine keep it."""
    out = list(frames)
    joined = True
    while joined:
        joined = False
        for i, a in enumerate(out):
            for j, b in enumerate(out):
                if i != j and _cut_by_data(c, a, b):
                    out[i] = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                    del out[j]
                    joined = True
                    break
            if joined:
                break
    return out


def _cut_by_data(c: _Ctx, a: PxBox, b: PxBox) -> bool:
    """``a`` lies just above ``b`` (same columns, within 3 px) and the row between them is data, not spine
    (`EDGE_GONE`, `EDGE_KEPT`)."""
    if max(abs(a[0] - b[0]), abs(a[2] - b[2]), abs(a[3] - b[1])) > 3:
        return False
    cols = slice(a[0] + 3, a[2] - 3)

    def kept(y: int) -> float:
        rows = slice(max(0, y - 2), min(c.h, y + 3))
        ref = c.ref_ink[rows, cols].any(axis=0)
        return float((ref & c.cand_ink[rows, cols].any(axis=0)).sum()) / max(1, int(ref.sum()))

    return kept((a[3] + b[1]) // 2) < EDGE_GONE and kept(a[1]) >= EDGE_KEPT and kept(b[3]) >= EDGE_KEPT
