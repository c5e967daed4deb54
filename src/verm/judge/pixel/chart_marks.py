"""Charts: the plotted marks of both images, read by colour (shared by `chart_missing`, which finds
data hidden, and `chart_flattened`, which finds data flattened, and by `chart_axis`).

A plot's marks are its ink inside the plot frames, less the frame's face, the figure's background and its
long axis and grid lines (`plot_marks`); a candidate's fresh axes of its own has none outside its frame
(`_own_frame`); its series are the marks' colour classes, blends of two colours aside (`_series_classes`).
Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from verm.judge.pixel.colour import _channels, _lab_distance, _lab_ink, _sq_norm
from verm.judge.pixel.context import _cand_frame, _Ctx
from verm.judge.pixel.geometry import PxBox, _box_area, open_line
from verm.judge.pixel.layout import boxed_frames, subplot_frames
from verm.judge.pixel.memo import once

#: Chromatic ink: Lab chroma at least this (series colours; black text, grey frames and grids are not).
CHROMA = 20.0
#: Tinted ink: Lab chroma at least this, pale colours too (a sequential palette's light step, a pastel wedge, a
#: translucent fill); white, black and grey are not.
TINT = 8.0


#: A colour class is the chromatic ink within this ΔE of its centre; classes holding under `CLASS_MIN`
#: of the chromatic ink are blends (anti-aliasing), not marks.
CLASS_DE = 18.0
CLASS_MIN = 0.01


#: Inside a plot frame, pixels within this ΔE of the plot's most common colour are its face, no mark.
FACE_DE = 10.0


#: Charts with less chromatic ink than this (px) are read by their dark marks inside the plot frame.
MIN_COLOUR_INK = 200


#: A class is kept when this share of it is reproduced (by place, or by span along columns or rows).
KEPT = 0.5


@dataclass(frozen=True)
class _BothMarks:
    """Both images' marks (`plot_marks`) over the reference's plot frames, computed once a judgment
    step: the frames, both images' Lab, the reference plot's face colours, the marks and the plot
    area (the frames, 3 px in)."""

    frames: list[PxBox]
    ref_lab: np.ndarray
    cand_lab: np.ndarray
    faces: list[np.ndarray | None]
    ref: np.ndarray
    cand: np.ndarray
    area: np.ndarray


def _both_marks(c: _Ctx, frames: list[PxBox]) -> _BothMarks:
    """`_BothMarks` over ``frames``, once a judgment."""
    return once("both_marks", (c,), tuple(frames), lambda: _find_both_marks(c, list(frames)))


def _find_both_marks(c: _Ctx, frames: list[PxBox]) -> _BothMarks:
    (ref_lab, _), (cand_lab, _) = _lab_ink(c.ref), _lab_ink(c.cand)
    # The face among pixels alike in both images: bars filling most of the plot are no face.
    faces = _faces(ref_lab, frames, _alike(ref_lab, cand_lab))
    area = np.zeros_like(c.ref_ink)
    for fx0, fy0, fx1, fy1 in frames:
        area[fy0 + 3 : fy1 - 3, fx0 + 3 : fx1 - 3] = True
    area.setflags(write=False)  # (shared by every step of the judgment)
    ref_marks = plot_marks(c.ref_ink, ref_lab, frames, faces)
    cand_marks = plot_marks(c.cand_ink, cand_lab, frames, faces)
    own = _own_frame(c, frames, cand_lab, faces)
    if own is not None:
        # Outside a plot frame of its own, inside the reference's, the candidate draws its axes' ticks and tick
        # labels: no marks (a fresh axes drawn smaller, its tick labels where the reference's data are).
        x0, y0, x1, y1 = own
        inside = np.zeros_like(cand_marks)
        inside[max(0, y0 - 3) : y1 + 3, max(0, x0 - 3) : x1 + 3] = True
        cand_marks = cand_marks & inside
    if area.any():
        # A faint fill (a pale band, ΔE 10-15 off the face) kept in the candidate in nearly its colour is a mark
        # in both: read alone, a shade lighter falls under `FACE_DE` and the band reads as gone.
        # (the candidate's figure background reaching into the plot, round a smaller plot of its own, keeps no
        # light grey marks of the reference there)
        same = _sq_norm(cv2.subtract(ref_lab, cand_lab)) <= SAME_MARK_DE * SAME_MARK_DE
        cand_marks = cand_marks | (ref_marks & area & same & ~figure_background(cand_lab, c.cand_ink))
    return _BothMarks(frames, ref_lab, cand_lab, faces, ref_marks, cand_marks, area)


#: The candidate's plot frame is its own when its sides lie this many px from the reference's frames' at least, and
#: it is this share of the largest of them at least.
OWN_FRAME_PX, OWN_FRAME_AREA = 8, 0.5
#: ... and this share of its inside shows the reference's face (within `FACE_DE`).
OWN_FRAME_FACE = 0.5


def _own_frame(c: _Ctx, frames: list[PxBox], cand_lab: np.ndarray, faces: list[np.ndarray | None]) -> PxBox | None:
    """The candidate's one plot frame (`layout.subplot_frames`, else its chart frame), drawn as a box, when it has one
    apart from each of the reference's ``frames`` (`OWN_FRAME_PX`, on two sides at least) and showing the
    reference's face (``faces``; `OWN_FRAME_FACE` of its inside): a fresh axes of its own, in the same style."""
    found = subplot_frames(c.cand, c.cand_ink) or [f for f in (_cand_frame(c),) if f is not None]
    if len(found) != 1 or not frames:
        return None
    box = found[0]
    # (an axes drawn as a box, half as large as the reference's plot at least: rows of a Gantt chart's bars close
    # a strip of the plot, no frame)
    if not boxed_frames(c.cand_ink, [box]) or _box_area(box) < OWN_FRAME_AREA * max(_box_area(f) for f in frames):
        return None
    x0, y0, x1, y1 = box
    inside = cand_lab[y0 + 3 : y1 - 3, x0 + 3 : x1 - 3]
    shown = [float((~_far(inside, f, FACE_DE)).mean()) for f in faces if f is not None and inside.size]
    if max(shown, default=0.0) < OWN_FRAME_FACE:
        return None  # (a block of one colour, a series drawn as one bar over the plot, shows no face: no axes)
    for f in frames:
        if sum(abs(a - b) >= OWN_FRAME_PX for a, b in zip(box, f, strict=True)) < 2:
            return None
    return box


#: A candidate pixel within this ΔE of the reference's, where the reference has a plot mark, is that mark
#: (`_find_both_marks`): half `FACE_DE`, so that a mark taken away (face left, >= `FACE_DE` off it) is not.
SAME_MARK_DE = FACE_DE / 2


def _alike(ref_lab: np.ndarray, cand_lab: np.ndarray) -> np.ndarray:
    """Pixels within `FACE_DE` of each other in both images (once a judgment)."""
    return once(
        "alike", (ref_lab, cand_lab), None, lambda: _sq_norm(cv2.subtract(ref_lab, cand_lab)) <= FACE_DE * FACE_DE
    )


def _faces(lab: np.ndarray, frames: list[PxBox], same: np.ndarray | None = None) -> list[np.ndarray | None]:
    """Each plot frame's face colour in the reference: its most common colour (Lab), among the
    pixels ``same`` in both images when given (a fill covering most of the plot is no face)."""
    out: list[np.ndarray | None] = []
    for fx0, fy0, fx1, fy1 in frames:
        sl = (slice(fy0 + 3, fy1 - 3), slice(fx0 + 3, fx1 - 3))
        ring = _ring_face(lab, (fx0, fy0, fx1, fy1), same)
        if ring is not None:
            out.append(ring)
            continue
        inner = lab[sl]
        n = inner.shape[0] * inner.shape[1]
        # Every k-th pixel (of those alike, when enough are), picked by index: no copy of the whole frame.
        picked = np.flatnonzero(same[sl]) if same is not None and int(same[sl].sum()) >= 0.05 * n else None
        count = n if picked is None else len(picked)
        if count == 0:
            out.append(None)
            continue
        step = max(1, count // 20000)
        ys, xs = np.divmod(np.arange(0, count, step) if picked is None else picked[::step], max(1, inner.shape[1]))
        px = inner[ys, xs]
        keys, counts = np.unique(_pack(np.round(px / 3.0).astype(np.int32)), return_counts=True)
        out.append(_unpack(keys[counts.argmax()]) * 3.0)
    return out


#: The face is read along the frame's inner ring (`_ring_face`): a band this wide (px), 3 px in from the frame.
RING_BAND = 4
#: ... when the ring's most common colour holds at least this share of the ring's pixels (else the whole inside).
RING_FACE_MIN = 0.3


def _ring_face(lab: np.ndarray, frame: PxBox, same: np.ndarray | None) -> np.ndarray | None:
    """A frame's face colour read along its inner ring (`RING_BAND` wide, 3 px in): the axes' background shows
    there (the margin above the highest bar, beside the first and last), where bars filling most of the plot
    (a stacked bar chart, its bars alike in both images) would outnumber it inside. Among the pixels alike in
    both images; None when under half the ring is alike, or no colour holds `RING_FACE_MIN` of the ring."""
    fx0, fy0, fx1, fy1 = frame
    x0, y0, x1, y1 = fx0 + 3, fy0 + 3, fx1 - 3, fy1 - 3
    if x1 - x0 < 4 * RING_BAND or y1 - y0 < 4 * RING_BAND:
        return None
    b = RING_BAND
    bands = [(slice(y0, y0 + b), slice(x0, x1)), (slice(y1 - b, y1), slice(x0, x1)),
             (slice(y0 + b, y1 - b), slice(x0, x0 + b)), (slice(y0 + b, y1 - b), slice(x1 - b, x1))]  # fmt: skip
    px = np.concatenate([lab[sl].reshape(-1, 3) for sl in bands])
    if same is not None:
        # (among the pixels alike in both images; when under half the ring is, the candidate drew its own plot
        # over it, fresh axes: the whole inside's alike pixels say more, where the ring may be the data's box)
        keep = np.concatenate([same[sl].reshape(-1) for sl in bands])
        if int(keep.sum()) < 0.5 * len(keep):
            return None
        px = px[keep]
    if len(px) == 0:
        return None
    keys, counts = np.unique(_pack(np.round(px / 3.0).astype(np.int32)), return_counts=True)
    k = int(counts.argmax())
    if counts[k] < RING_FACE_MIN * len(px):
        return None
    return _unpack(keys[k]) * 3.0


#: Quantised Lab colours packed in one integer (`_pack`): L, a and b (each within ±`_HALF`) in
#: base-`_BASE` digits, so that integer order is the colours' order L, then a, then b.
_BASE, _HALF = 1024, 512


def _pack(q: np.ndarray) -> np.ndarray:
    """Rows of quantised Lab (int) as one int64 each: a 1-D `np.unique` sorts them fast, in the order
    `np.unique(..., axis=0)` would."""
    q = q.astype(np.int64) + _HALF
    return (q[:, 0] * _BASE + q[:, 1]) * _BASE + q[:, 2]


def _unpack(k: np.ndarray | np.integer) -> np.ndarray:
    k = np.asarray(k, dtype=np.int64)
    return np.stack([k // (_BASE * _BASE), (k // _BASE) % _BASE, k % _BASE], axis=-1) - _HALF


#: An image shows the plot's face when at least this share of the frame's inside is near its colour.
FACE_SHOWN = 0.2


#: Dashed or dotted grid lines are closed along their run over gaps up to this share of the image's longer side
#: (inside a plot frame, `_long_runs`).
DASH_GAP = 0.035


def plot_marks(ink: np.ndarray, lab: np.ndarray, frames: list[PxBox], faces: list[np.ndarray | None]) -> np.ndarray:
    """An image's plotted marks, the one mask every chart rule reads: inside each plot frame (3 px
    in) what differs from the reference plot's face colour (``faces``: a grey axes background is no
    mark, white squares on it are; grey bars filling a candidate's plot are marks), elsewhere its
    ink; long straight lines (axes, grid) aside, found among these marks (a light grid is no ink but
    differs from the face), dashed ones closed along their run first, grown by a pixel: where grid
    lines cross, neither line's thin run takes the crossing (once a judgment)."""
    face_key = tuple(None if f is None else tuple(float(v) for v in f) for f in faces)
    return once("plot_marks", (ink, lab), (tuple(frames), face_key), lambda: _find_plot_marks(ink, lab, frames, faces))


def _find_plot_marks(
    ink: np.ndarray, lab: np.ndarray, frames: list[PxBox], faces: list[np.ndarray | None]
) -> np.ndarray:
    # (the figure's own background is no mark: a tinted figure round a smaller plot of a candidate's own, where
    # the white face is the most common colour and the figure ink)
    figure = figure_background(lab, ink)
    out = ink & ~figure
    for (fx0, fy0, fx1, fy1), face in zip(frames, faces, strict=True):
        sl = (slice(fy0 + 3, fy1 - 3), slice(fx0 + 3, fx1 - 3))
        if face is not None and lab[sl].size:
            far = _far(lab[sl], face, FACE_DE)
            # Only where this image shows the face: a candidate without the plot's grey face (a blank
            # page) draws no marks there, its white is no white square on grey.
            if float(far.mean()) > 1 - FACE_SHOWN:
                out[sl] = far & ink[sl]
                continue
            # Nor is its figure's own background reaching into the frame (a smaller plot frame on a grey
            # figure, white face): a white square on a grey face is enclosed by the face, no part of it.
            out[sl] = far & ~figure[sl]
    seen = out.astype(np.uint8)
    h, w = ink.shape
    gap = 1 + 2 * round(DASH_GAP * max(h, w) / 2)
    hor, ver = _long_runs(seen, 1, w, h)
    for fx0, fy0, fx1, fy1 in frames:
        # Within a frame, a run across `FRAME_LINE` of its side is long too: a grid line of one of four stacked
        # subplots spans under a third of the image's height, and is a grid line all the same. Dashed runs are
        # closed over their gaps only here, across the frame: a column of O glyphs, closed, is a dashed line
        # over half the plot, and a point-and-figure chart's data.
        fw, fh = fx1 - fx0, fy1 - fy0
        if fw < 3 or fh < 3:
            continue
        f_hor, f_ver = _long_runs(np.ascontiguousarray(seen[fy0:fy1, fx0:fx1]), gap, fw, fh, FRAME_LINE)
        hor[fy0:fy1, fx0:fx1] |= f_hor
        ver[fy0:fy1, fx0:fx1] |= f_ver
    # Thin where the marks themselves are (a grid line closed onto a marker beside it is no thicker for that).
    hor &= cv2.morphologyEx(seen, cv2.MORPH_OPEN, np.ones((7, 1), np.uint8)) == 0
    ver &= cv2.morphologyEx(seen, cv2.MORPH_OPEN, np.ones((1, 7), np.uint8)) == 0
    return out & ~(cv2.dilate((hor | ver).astype(np.uint8), np.ones((3, 3), np.uint8)) > 0)


def figure_background(lab: np.ndarray, ink: np.ndarray) -> np.ndarray:
    """An image's pixels in the colour of its border (its median, within `FACE_DE`) joined to the border: the
    figure's background, as far as it reaches, when it is ink (a tinted figure round a white face, the commonest
    colour); else none, the background being no ink already (once a judgment)."""
    return once("figure_background", (lab, ink), None, lambda: _find_figure_background(lab, ink))


def _find_figure_background(lab: np.ndarray, ink: np.ndarray) -> np.ndarray:
    if float(np.concatenate([ink[0], ink[-1], ink[:, 0], ink[:, -1]]).mean()) < 0.5:
        return np.zeros(ink.shape, bool)  # (a pale mark near the figure's colour, joined to it, is no figure)
    border = np.concatenate([lab[0], lab[-1], lab[:, 0], lab[:, -1]])
    n, labels = cv2.connectedComponents(
        (~_far(lab, np.median(border, axis=0), FACE_DE)).astype(np.uint8), connectivity=4
    )
    edge = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
    keep = np.zeros(n, bool)
    keep[edge] = True
    keep[0] = False  # (label 0: the pixels of other colours)
    return keep[labels]


#: A straight run of marks at least this share of the side it runs along (the image's, or a frame's) is a long
#: axis or grid line, no mark.
LONG_LINE = 0.3


#: ... or this share of a plot frame's side, inside that frame (a steep stretch of a line spans less).
FRAME_LINE = 0.8


#: A run closed over gaps is a line where this share of it, over four times the gap around each pixel, is ink:
#: a dashed or dotted line is (matplotlib's dots, 1 on and 1.65 off, hold 38 %; a light dotted grid in dashes,
#: anti-aliased, a sixth); tick labels stacked beside a spine, or the rows of a dense horizontal grid closed into
#: one block, are not.
RUN_INK = 0.15
#: ... and where it is under this many px thick: a dense cloud of dots, closed, is a block, no line.
LINE_WIDTH = 7


def _long_runs(seen: np.ndarray, gap: int, w: int, h: int, share: float = LONG_LINE) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical runs of ``seen`` (uint8) at least ``share`` of ``w`` (``h``) long, as boolean masks;
    with ``gap`` > 1, also runs closed over gaps under ``gap`` px (dashed lines) where they hold `RUN_INK` ink and
    are thinner than `LINE_WIDTH` (a dense noisy line across a small inset, closed, is a band)."""
    hor = open_line(seen, max(3, int(share * w)), 1)
    ver = open_line(seen, max(3, int(share * h)), 0)
    if gap > 1:
        k, ink = 4 * gap + 1, seen.astype(np.float32)
        # (dense enough along the run before its length is measured: horizontal grid rows closed across each
        # other make every column one long run)
        d_hor = cv2.morphologyEx(seen, cv2.MORPH_CLOSE, np.ones((1, gap), np.uint8))
        d_hor &= (cv2.blur(ink, (k, 1)) >= RUN_INK).astype(np.uint8)
        d_hor = open_line(d_hor, max(3, int(share * w)), 1)
        d_ver = cv2.morphologyEx(seen, cv2.MORPH_CLOSE, np.ones((gap, 1), np.uint8))
        d_ver &= (cv2.blur(ink, (1, k)) >= RUN_INK).astype(np.uint8)
        d_ver = open_line(d_ver, max(3, int(share * h)), 0)
        d_hor &= ~cv2.morphologyEx(d_hor, cv2.MORPH_OPEN, np.ones((LINE_WIDTH, 1), np.uint8))
        d_ver &= ~cv2.morphologyEx(d_ver, cv2.MORPH_OPEN, np.ones((1, LINE_WIDTH), np.uint8))
        hor |= d_hor
        ver |= d_ver
    return hor > 0, ver > 0


def _chromatic(lab: np.ndarray) -> np.ndarray:
    """Pixels whose Lab chroma is at least `CHROMA` (once a judgment)."""
    return once("chromatic", (lab,), None, lambda: _find_chromatic(lab))


def _tinted(lab: np.ndarray) -> np.ndarray:
    """Pixels of a Lab image with some colour (`TINT`)."""
    return np.hypot(lab[..., 1], lab[..., 2]) >= TINT


def _find_chromatic(lab: np.ndarray) -> np.ndarray:
    _, a, b = cv2.split(lab)
    return cv2.magnitude(a, b) >= CHROMA


def _far(lab: np.ndarray, colour: np.ndarray, de: float) -> np.ndarray:
    """Pixels of a float32 Lab image more than ``de`` (ΔE) from one Lab colour."""
    d = cv2.subtract(np.ascontiguousarray(lab), (float(colour[0]), float(colour[1]), float(colour[2]), 0.0))
    return _sq_norm(d) > de * de


def _colour_classes(lab: np.ndarray, mask: np.ndarray, min_share: float = CLASS_MIN) -> list[np.ndarray]:
    """The ink ``mask`` in colour classes (`CLASS_DE`; under ``min_share`` of it: blends), as masks."""
    px = lab[mask]
    if len(px) == 0:
        return []
    # Centres: the most common quantised colours first, each a new centre when no centre is near.
    packed, counts = np.unique(_pack(np.round(px / 4.0).astype(np.int32)), return_counts=True)
    keys = _unpack(packed)
    # (a colour is free while no centre taken so far lies within `CLASS_DE`: the next centre is the next free one)
    cols = keys[np.argsort(-counts)] * 4.0
    free = np.ones(len(cols), bool)
    centres: list[np.ndarray] = []
    start = 0
    while len(centres) < 64:
        after = np.flatnonzero(free[start:])
        if not after.size:
            break
        start += int(after[0])
        centres.append(cols[start])
        free &= ((cols - cols[start]) ** 2).sum(axis=1) > CLASS_DE * CLASS_DE
    ctr = np.array(centres, dtype=np.float32)
    # Each pixel's nearest centre (the first of equals), centre by centre: no pixels x centres x 3 array.
    channels = _channels(px)
    best = _lab_distance(channels, ctr[0])
    nearest = np.zeros(len(px), np.intp)
    for k in range(1, len(ctr)):
        d = _lab_distance(channels, ctr[k])
        closer = d < best
        best[closer] = d[closer]
        nearest[closer] = k
    ok = best <= CLASS_DE
    sizes = np.bincount(nearest[ok], minlength=len(ctr))
    ys, xs = np.nonzero(mask)
    out = []
    for k in range(len(ctr)):
        if int(sizes[k]) < max(20, min_share * len(px)):
            continue
        sel = ok & (nearest == k)
        m = np.zeros_like(mask)
        m[ys[sel], xs[sel]] = True
        out.append(m)
    return out


#: A class holding under this share of the classes' ink whose colour lies between two other colours
#: (two bigger classes', or one's and the plot face's, or one's and a grey: `_toward_grey`) is their blend
#: (anti-aliased edges, a translucent legend over a bar, grid lines over bars), not a series.
BLEND_MAX = 0.03


def _series_classes(classes: list[np.ndarray], lab: np.ndarray, faces: list[np.ndarray | None]) -> list[np.ndarray]:
    """``classes`` without the blends of others (`BLEND_MAX`): what an annotator counts as series."""
    if len(classes) < 2:
        return classes
    sizes = [int(m.sum()) for m in classes]
    total = max(1, sum(sizes))
    centres = [np.median(lab[m], axis=0) for m in classes]
    anchors = [f for f in faces if f is not None]
    out = []
    for k, m in enumerate(classes):
        if sizes[k] >= BLEND_MAX * total:
            out.append(m)
            continue
        bigger = [centres[i] for i in range(len(classes)) if sizes[i] > sizes[k]]
        ends = bigger + anchors
        blend = any(_to_segment(centres[k], a, b) <= CLASS_DE / 2 for i, a in enumerate(bigger) for b in ends[i + 1 :])
        if not blend and not any(_toward_grey(centres[k], a) for a in bigger):
            out.append(m)
    return out


#: A class whose ink lies this share within 3 px of a bigger class's, of that class's hue (their chroma (a, b)
#: pointing one way: cosine at least `OUTLINE_COS`), is its outline or shade (a bar's edge drawn darker than its
#: fill, a line's markers): one series with it. Stacked segments of one hue touch along one side only.
OUTLINE_NEAR, OUTLINE_COS = 0.8, 0.95


def _outlines_joined(classes: list[np.ndarray], lab: np.ndarray) -> list[np.ndarray]:
    """``classes`` with each outline or shade of a bigger class (`OUTLINE_NEAR`, `OUTLINE_COS`) joined to it: the
    series an annotator counts gone or kept (`chart_missing`; a line over its translucent fill stays a class of its
    own where the marks' shapes are read, `chart_flattened`)."""
    if len(classes) < 2:
        return classes
    sizes = [int(m.sum()) for m in classes]
    hues = []
    for m in classes:
        ab = np.median(lab[m], axis=0)[1:].astype(np.float64)
        n = float(np.hypot(ab[0], ab[1]))
        hues.append(ab / n if n >= CHROMA else None)
    out: list[tuple[np.ndarray, np.ndarray | None]] = []  # (mask, hue), biggest first
    grown: dict[int, np.ndarray] = {}
    for k in sorted(range(len(classes)), key=lambda i: -sizes[i]):
        m, hue = classes[k], hues[k]
        for j, (big, big_hue) in enumerate(out):
            if hue is None or big_hue is None or float(np.dot(hue, big_hue)) < OUTLINE_COS:
                continue
            if j not in grown:
                grown[j] = cv2.dilate(big.astype(np.uint8), np.ones((7, 7), np.uint8)) > 0
            if int((m & grown[j]).sum()) >= OUTLINE_NEAR * sizes[k]:
                out[j] = (big | m, big_hue)
                grown.pop(j)
                break
        else:
            out.append((m, hue))
    return classes if len(out) == len(classes) else [m for m, _ in out]


def _toward_grey(p: np.ndarray, a: np.ndarray) -> bool:
    """Colour ``p`` is colour ``a`` blended with a grey (a grid line drawn over a bar, a grey legend's box): its
    chroma (a, b) is ``a``'s scaled by a factor in (0.15, 0.9), within `CLASS_DE` / 2. Its lightness is free (the
    grey's)."""
    ab, pb = a[1:].astype(np.float64), p[1:].astype(np.float64)
    norm = float(np.dot(ab, ab))
    if norm < 1e-6:
        return False
    t = float(np.dot(pb, ab)) / norm
    return 0.15 < t < 0.9 and float(np.linalg.norm(pb - t * ab)) <= CLASS_DE / 2


def _to_segment(p: np.ndarray, a: np.ndarray, b: np.ndarray) -> float:
    """Distance (ΔE) of colour ``p`` from the segment between colours ``a`` and ``b``."""
    ab = b - a
    t = float(np.clip(np.dot(p - a, ab) / max(float(np.dot(ab, ab)), 1e-9), 0.0, 1.0))
    return float(np.linalg.norm(p - (a + t * ab)))


def _per_frame(classes: list[np.ndarray], frames: list[PxBox]) -> list[tuple[np.ndarray, tuple[slice, slice]]]:
    """Each class split by subplot (several frames), with the place it is judged in (its frame; the
    whole image for one frame): a series in each subplot counts apart, kept or not by what the
    candidate draws in that subplot, so one line kept of four subplots' lines in one colour keeps
    one of four, not the colour."""
    whole = (slice(None), slice(None))
    if len(frames) < 2:
        return [(m, whole) for m in classes]
    out = []
    for m in classes:
        for fx0, fy0, fx1, fy1 in frames:
            part = np.zeros_like(m)
            part[fy0:fy1, fx0:fx1] = m[fy0:fy1, fx0:fx1]
            if int(part.sum()) >= 20:
                out.append((part, (slice(fy0, fy1), slice(fx0, fx1))))
    return out


def _unmatched(ref_marks: np.ndarray, cand_marks: np.ndarray, reach: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """The reference's marks with no candidate mark within ``reach`` px (hidden), and the candidate's with
    no reference mark within ``reach`` px (drawn anew)."""
    grow = np.ones((2 * reach + 1, 2 * reach + 1), np.uint8)
    hidden = ref_marks & ~(cv2.dilate(cand_marks.astype(np.uint8), grow) > 0)
    new = cand_marks & ~(cv2.dilate(ref_marks.astype(np.uint8), grow) > 0)
    return hidden, new
