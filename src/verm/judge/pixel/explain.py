"""Stage 4, explain away: changes nobody would call errors.

The same content moved by at most 2 % of the side (4 % outside a chart's plot) is layout re-flow;
in a chart, a label outside the plot whose ink (or every word of it) the layout moved, keeping its
place on the axis it labels, is no change; the same ink in nearly the same colour is a re-encoding
tint. Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from verm.judge.pixel.classify import _colour_only
from verm.judge.pixel.colour import _rgb_de
from verm.judge.pixel.context import _cand_frame, _Ctx, _pad_box
from verm.judge.pixel.difference import Region
from verm.judge.pixel.geometry import PxBox, _box_area, _box_overlap, _cell_ink_box, _covers, _inside, _mask_box
from verm.judge.pixel.text import _text_candidate
from verm.types import Task

#: A re-encoding tint's mean colour change over its changed pixels stays under this (two plotted
#: colours trading places change by far more).
TINT_MAX_DE = 40.0


#: Mean grey difference under which two centred, blurred text crops are the same ink (as for table cells).
SAME_INK_MOVED = 10.0


#: A region is reported already when this share of its changed ink (ink in one image only) lies inside the
#: boxes of the items that took it (`_skipped`), as `geometry._covers` asks of its box.
SKIP_INK = 0.7


def _skipped(c: _Ctx, box: PxBox, skip: list[PxBox]) -> bool:
    """A region (``box``) the items of ``skip`` (hidden data) report already: one of their boxes covers it
    (`_covers`), or it spans two of them at least, as large as one, and their boxes together hold `SKIP_INK`
    of its changed ink. Hidden data are cut in parts along their extent; one region of the whole plot's lost
    ink spans them all, its tallest marks (a spike past the hidden ink's middle rows) reaching out of their
    boxes: it is the same ink, not a change more. (A label in the plot, a legend's, is no part's size: its
    own change.)"""
    if not skip:
        return False
    if any(_covers(s, box) for s in skip):
        return True
    if sum(_box_overlap(s, box) > 0 for s in skip) < 2 or _box_area(box) < min(_box_area(s) for s in skip):
        return False
    x0, y0, x1, y1 = box
    changed = c.ref_ink[y0:y1, x0:x1] ^ c.cand_ink[y0:y1, x0:x1]
    total = int(changed.sum())
    if total == 0:
        return False
    inside = np.zeros_like(changed)
    for sx0, sy0, sx1, sy1 in skip:
        inside[max(sy0 - y0, 0) : max(sy1 - y0, 0), max(sx0 - x0, 0) : max(sx1 - x0, 0)] = True
    return int((changed & inside).sum()) >= SKIP_INK * total


def _unexplained(c: _Ctx, regions: list[Region], skip: list[PxBox]) -> list[Region]:
    """The regions left once re-encoding tints and small layout shifts are explained away."""
    todo = [r for r in regions if not any(_covers(s, r.bbox) for s in skip)]
    # The same ink in (nearly) the same colour: a JPEG or resampling tint, not a change anyone sees.
    todo = [
        r
        for r in todo
        if not (
            r.ink_iou >= 0.9
            and r.changed_no_ink < 0.5 * r.area
            # (the same dominant colour with a large mean change: two colours traded places)
            and ((_rgb_de(r.ref_colour, r.cand_colour) < 12 and r.mean_de < TINT_MAX_DE) or r.mean_de < 13)
        )
    ]
    if c.task is Task.CHART:
        # A label's glyph edges drawn otherwise (anti-aliasing, a sub-pixel shift): no change anyone
        # sees. (Text is read first, `group._text_items`: a typo shifts the strokes after it alike.)
        todo = [r for r in todo if _inside(r.bbox, c.frame, 2) or _text_candidate(c, r) or not _edges_redrawn(c, r)]
    # Content that only moved a few pixels (a longer tick label re-flowed the layout) is no error. An
    # icon has no layout to re-flow (it renders on the reference's canvas, `svg.SVG_MAX_SHIFT`): its
    # shapes moved or shortened a few pixels are edits (a bar's ends drawn 6 px in: scaled by 0.88).
    if c.task is Task.SVG:
        return todo
    return [r for r in todo if _colour_only(r) or not _shift_explained(c, r)]


#: Faint: the mean ΔE of a region whose changes are glyph edges stays under this (a new stroke is dark).
EDGE_MAX_DE = 25.0
#: Ink under this share on a stroke's boundary is a fill (a box's, a bar's), whose recolouring no edge explains.
FILL_STROKES = 0.15


def _edges_redrawn(c: _Ctx, r: Region) -> bool:
    """Each image's ink in the region lies within a pixel of the other's, and the change is faint
    (mean ΔE < `EDGE_MAX_DE`): the same strokes, their edges drawn otherwise (anti-aliasing on or
    off, a sub-pixel shift). A one-letter typo may look so too: text is read before this counts."""
    if r.mean_de >= EDGE_MAX_DE or not r.both_ink or r.stroke_ratio < FILL_STROKES:
        return False  # (a fill recoloured, a shade: its ink is no strokes' edges)
    x0, y0, x1, y1 = r.bbox
    x0, y0, x1, y1 = max(0, x0 - 1), max(0, y0 - 1), min(c.w, x1 + 1), min(c.h, y1 + 1)
    a = c.ref_ink[y0:y1, x0:x1].astype(np.uint8)
    b = c.cand_ink[y0:y1, x0:x1].astype(np.uint8)
    near = np.ones((3, 3), np.uint8)
    return not (a & (1 - cv2.dilate(b, near))).any() and not (b & (1 - cv2.dilate(a, near))).any()


def _shift_explained(c: _Ctx, r: Region) -> bool:
    """True when the region is the same content moved by a few pixels (a layout reflow, not an error).

    The reference patch is searched in the candidate within ±2 % of the image side, and the
    candidate patch in the reference: both must match far better than in place.
    """
    if r.box_area > 0.1 * c.h * c.w:
        return False
    if c.task is Task.CHART and not _inside(r.bbox, c.frame, 2) and (_same_ink_moved(c, r) or _words_moved(c, r)):
        return True  # a label the layout moved; a mark moved inside the plot is a data change
    # Labels outside the plot move further when the plot is resized than marks inside it.
    R = max(3, round((0.02 if _inside(r.bbox, c.frame) else 0.04) * min(c.h, c.w)))
    x0, y0, x1, y1 = r.bbox
    x0, y0, x1, y1 = max(0, x0 - 1), max(0, y0 - 1), min(c.w, x1 + 1), min(c.h, y1 + 1)
    sx0, sy0, sx1, sy1 = max(0, x0 - R), max(0, y0 - R), min(c.w, x1 + R), min(c.h, y1 + R)
    for a, b in ((c.ref_grey, c.cand_grey), (c.cand_grey, c.ref_grey)):
        t = a[y0:y1, x0:x1]
        if float(t.std()) < 8:  # a flat patch matches anywhere: nothing to locate
            return False
        res = cv2.matchTemplate(b[sy0:sy1, sx0:sx1], t, cv2.TM_SQDIFF)
        in_place = float(res[y0 - sy0, x0 - sx0])
        best = float(res.min())
        if best > 0.15 * in_place or best / t.size > 150:
            return False
    return True


def _same_ink_moved(c: _Ctx, r: Region) -> bool:
    """The region holds the same ink in both images, placed elsewhere within it: a label (a title, a
    row of tick labels) the layout moved, however far. Both ink boxes have one size (within 1 px)
    and their pixels agree once each is centred on the pixel grid."""
    x0, y0, x1, y1 = r.bbox
    ra, ca = _cell_ink_box(c.ref_ink[y0:y1, x0:x1]), _cell_ink_box(c.cand_ink[y0:y1, x0:x1])
    if ra is None or ca is None or ra[:2] == ca[:2]:
        return False
    if abs((ra[2] - ra[0]) - (ca[2] - ca[0])) > 1 or abs((ra[3] - ra[1]) - (ca[3] - ca[1])) > 1:
        return False
    a = c.ref_grey[y0 + ra[1] : y0 + ra[3], x0 + ra[0] : x0 + ra[2]].astype(np.uint8)
    b = c.cand_grey[y0 + ca[1] : y0 + ca[3], x0 + ca[0] : x0 + ca[2]].astype(np.uint8)
    return min(a.shape) >= 4 and _shifted_diff(_canonical_crop(a), _canonical_crop(b)) < SAME_INK_MOVED


@dataclass(frozen=True)
class _Words:
    """One image's words outside the plot frame (ink joined across gaps under ~0.8 % of the width)."""

    labels: np.ndarray  # word id per ink pixel, 0 elsewhere
    ids: list[int]
    boxes: list[PxBox]  # each word's ink box
    moved: set[int] = field(default_factory=set)  # positions in `ids` of words the layout moved


def _outside_words(c: _Ctx, ink: np.ndarray) -> _Words:
    kw = max(3, round(0.008 * c.w))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(
        cv2.dilate(ink.astype(np.uint8), np.ones((3, kw), np.uint8)), connectivity=8
    )
    labels[~ink] = 0  # a word is its ink, not the dilation's margin
    inner = _pad_box(c.frame, -3, c) if c.frame is not None else None
    ids, boxes = [], []
    for k in range(1, n):
        x, y, w, h = (int(v) for v in stats[k, :4])
        if inner is not None and _box_overlap((x, y, x + w, y + h), inner) > 0:
            continue  # marks, grid and the frame itself (with its tick marks) are not words
        mine = labels[y : y + h, x : x + w] == k
        if mine.any():
            ids.append(k)
            boxes.append(_mask_box(mine, x, y))
    return _Words(labels, ids, boxes)


def _word_moves(c: _Ctx) -> tuple[_Words, _Words]:
    """Words outside the plot that the layout moved, per image (once per judgment).

    A word matches one of the other image's words of the same size (within 1 px) and ink, moved by
    at most 10 % of the side across and 4 % up or down (the nearest such word). Along the axis it
    labels, it must move as the plot frame moved: a word above or below the plot keeps its place on
    the x-axis (the reference frame's x span mapped onto the candidate's, within 2 px), a word left
    or right of it its place on the y-axis, so tick labels moving along an unchanged axis (new
    limits) stay changes. Matches also keep their order along each row and column: two labels that
    traded places stay changes.
    """
    if c.word_moves is not None:
        return c.word_moves  # type: ignore[no-any-return]
    ref, cand = _outside_words(c, c.ref_ink), _outside_words(c, c.cand_ink)
    c.word_moves = (ref, cand)
    rf = c.frame
    if rf is None or max(len(ref.ids), len(cand.ids)) > 400:
        return c.word_moves  # no frame, or noise rather than words: the matching below is quadratic
    cf = _cand_frame(c) or rf
    side = min(c.h, c.w)

    def keeps_axis_place(a: PxBox, b: PxBox) -> bool:
        for lo, hi in ((0, 2), (1, 3)):  # x, then y
            mid = (a[lo] + a[hi]) / 2
            if rf[lo] <= mid <= rf[hi]:
                mapped = cf[lo] + (mid - rf[lo]) * (cf[hi] - cf[lo]) / max(1, rf[hi] - rf[lo])
                if abs((b[lo] + b[hi]) / 2 - mapped) > 2:
                    return False
        return True

    def crop(grey: np.ndarray, box: PxBox) -> np.ndarray:
        return _canonical_crop(grey[box[1] : box[3], box[0] : box[2]].astype(np.uint8))

    cand_crops: dict[int, np.ndarray] = {}
    pairs: list[tuple[int, int]] = []
    taken: set[int] = set()
    for i, a in enumerate(ref.boxes):
        aw, ah = a[2] - a[0], a[3] - a[1]
        if min(aw, ah) < 4:
            continue
        near = sorted(
            (abs(b[0] - a[0]) + abs(b[1] - a[1]), j)
            for j, b in enumerate(cand.boxes)
            if j not in taken
            and abs((b[2] - b[0]) - aw) <= 1 and abs((b[3] - b[1]) - ah) <= 1
            and abs(b[0] - a[0]) <= 0.1 * side and abs(b[1] - a[1]) <= 0.04 * side
            and b[:2] != a[:2]  # a word that did not move is no move (its ink may have changed)
            and keeps_axis_place(a, b)
        )  # fmt: skip
        if not near:
            continue
        ca = crop(c.ref_grey, a)
        for _, j in near:
            if j not in cand_crops:
                cand_crops[j] = crop(c.cand_grey, cand.boxes[j])
            if _shifted_diff(ca, cand_crops[j]) < SAME_INK_MOVED:
                pairs.append((i, j))
                taken.add(j)
                break
    bad: set[tuple[int, int]] = set()
    for p in pairs:
        for q in pairs:
            a, b, a2, b2 = ref.boxes[p[0]], ref.boxes[q[0]], cand.boxes[p[1]], cand.boxes[q[1]]
            same_row = min(a[3], b[3]) > max(a[1], b[1])
            same_col = min(a[2], b[2]) > max(a[0], b[0])
            if (same_row and (a[0] < b[0]) != (a2[0] < b2[0])) or (same_col and (a[1] < b[1]) != (a2[1] < b2[1])):
                bad.update((p, q))
    for i, j in pairs:
        if (i, j) not in bad:
            ref.moved.add(i)
            cand.moved.add(j)
    return c.word_moves


def _words_moved(c: _Ctx, r: Region) -> bool:
    """Every word the region touches (either image) is a word the layout moved (`_word_moves`): a
    row of tick labels spread or squeezed with the plot that the layout resized, a title re-centred
    over it."""
    x0, y0, x1, y1 = r.bbox
    seen = 0
    for words in _word_moves(c):
        touched = np.unique(words.labels[y0:y1, x0:x1])
        for pos, k in enumerate(words.ids):
            if k in touched:
                if pos not in words.moved:
                    return False
                seen += 1
    if seen == 0 and c.frame is not None and r.box_area < 1e-3 * c.h * c.w:
        # No word, just beside the frame: tick marks, which move with a frame the layout moved.
        cf = _cand_frame(c)
        return cf is not None and cf != c.frame and _inside(r.bbox, _pad_box(c.frame, round(0.015 * c.w), c))
    return seen > 0


def _canonical_crop(crop: np.ndarray) -> np.ndarray:
    """A text crop blurred (sigma 1 px) and moved by under a pixel so that its ink's centroid sits on
    the pixel grid: the same text set at two sub-pixel offsets then agrees far more closely."""
    mo = cv2.moments(255 - crop)
    if mo["m00"] <= 0:
        return cv2.GaussianBlur(crop, (0, 0), 1.0)
    cx, cy = mo["m10"] / mo["m00"], mo["m01"] / mo["m00"]
    m = np.float32([[1, 0, round(cx) - cx], [0, 1, round(cy) - cy]])
    moved = cv2.warpAffine(
        crop, m, (crop.shape[1], crop.shape[0]), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    return cv2.GaussianBlur(moved, (0, 0), 1.0)


def _shifted_diff(a: np.ndarray, b: np.ndarray) -> float:
    """Mean grey difference of two crops placed top-left, the best of shifts by up to 1 px
    (the same text set at another sub-pixel offset gains or loses a faint edge row)."""
    mh, mw = min(a.shape[0], b.shape[0]) - 2, min(a.shape[1], b.shape[1]) - 2
    if mh < 1 or mw < 1:
        mh, mw = min(a.shape[0], b.shape[0]), min(a.shape[1], b.shape[1])
        return float(cv2.absdiff(a[:mh, :mw], b[:mh, :mw]).mean())
    core = np.ascontiguousarray(a[1 : 1 + mh, 1 : 1 + mw])
    n = float(mh * mw)
    return min(
        cv2.norm(core, np.ascontiguousarray(b[1 + dy : 1 + dy + mh, 1 + dx : 1 + dx + mw]), cv2.NORM_L1) / n
        for dy in (-1, 0, 1)
        for dx in (-1, 0, 1)
        if 1 + dy + mh <= b.shape[0] and 1 + dx + mw <= b.shape[1]
    )
