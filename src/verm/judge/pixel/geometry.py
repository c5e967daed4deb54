"""Pixel boxes (x0, y0, x1, y1), end-exclusive, in the working frame: unions, overlaps, containment."""

from __future__ import annotations

import cv2
import numpy as np

PxBox = tuple[int, int, int, int]


def _union(boxes: list[PxBox]) -> PxBox:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _inside(box: PxBox, frame: PxBox | None, margin: int = 0) -> bool:
    if frame is None:
        return False
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return frame[0] - margin <= cx <= frame[2] + margin and frame[1] - margin <= cy <= frame[3] + margin


def _box_area(b: PxBox | None) -> int:
    return 0 if b is None else (b[2] - b[0]) * (b[3] - b[1])


def _box_overlap(a: PxBox, b: PxBox) -> int:
    return max(0, min(a[2], b[2]) - max(a[0], b[0])) * max(0, min(a[3], b[3]) - max(a[1], b[1]))


def _box_iou(a: PxBox, b: PxBox) -> float:
    inter = _box_overlap(a, b)
    union = _box_area(a) + _box_area(b) - inter
    return inter / union if union else 0.0


def _covers(outer: PxBox, inner: PxBox) -> bool:
    iw = max(0, min(outer[2], inner[2]) - max(outer[0], inner[0]))
    ih = max(0, min(outer[3], inner[3]) - max(outer[1], inner[1]))
    area = max(1, (inner[2] - inner[0]) * (inner[3] - inner[1]))
    return iw * ih >= 0.7 * area


def _line_share_bound(xs: np.ndarray, ys: np.ndarray) -> int:
    """At most how many of these pixels (distinct, whole coordinates) one straight line holds within
    2 px of it: a line nearer level than steep crosses a column over under 6 px (4 px / cos 45°), a
    steeper one a row, so no more than each column's (or row's) count capped at 6, summed. A cheap
    test before a costly robust line fit that could not find a line holding a share above it."""
    if len(xs) == 0:
        return 0
    return max(int(np.minimum(np.bincount(xs), 6).sum()), int(np.minimum(np.bincount(ys), 6).sum()))


def _mask_box(mask: np.ndarray, x0: int, y0: int) -> PxBox:
    ys, xs = np.nonzero(mask)
    return (x0 + int(xs.min()), y0 + int(ys.min()), x0 + int(xs.max()) + 1, y0 + int(ys.max()) + 1)


def _iou(a: np.ndarray, b: np.ndarray) -> float:
    if a.dtype == bool and b.dtype == bool:
        # Counted, not summed (several times faster, the same whole numbers): a mirror search asks thousands.
        inter = np.count_nonzero(a & b)
        union = np.count_nonzero(a) + np.count_nonzero(b) - inter
        return inter / union if union else 1.0
    union = int((a | b).sum())
    return int((a & b).sum()) / union if union else 1.0


def _cell_ink_box(ink: np.ndarray) -> PxBox | None:
    rows, cols = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
    if len(rows) == 0:
        return None
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def _grid_word(cx: float, cy: float) -> str:
    row = "upper" if cy < 1 / 3 else ("lower" if cy > 2 / 3 else "")
    col = "left" if cx < 1 / 3 else ("right" if cx > 2 / 3 else "")
    if row and col:
        return f"{row}-{col}"
    if row:
        return "top" if row == "upper" else "bottom"
    return col or "centre"


def open_line(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """``mask``'s runs of at least ``length`` px along ``axis`` (1: rows, 0: columns), as uint8 0/1: OpenCV's
    ``morphologyEx(MORPH_OPEN)`` with a line kernel, pixel for pixel (its border rules and centred anchor, which
    shifts the runs of an even ``length`` by a pixel), in log2(``length``) steps where OpenCV's cost grows with
    ``length`` (the long axis and grid lines are read with kernels a third of the image long)."""
    anchor = length // 2
    # Only the lines (rows or columns) holding a run can: every window, the outside counted as ink, holds at least
    # ``need`` of the line's own pixels. The span of those is opened (lines are opened one by one), the rest of the
    # image, most of it, is left out: its runs are none.
    ink = mask != 0
    need = min(length - anchor, anchor + 1, mask.shape[axis])
    lines = np.flatnonzero(cv2.reduce(ink.view(np.uint8), axis, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel() >= need)
    out = np.zeros(mask.shape, np.uint8)
    if not len(lines):
        return out
    held = slice(int(lines[0]), int(lines[-1]) + 1)
    span = (held, slice(None)) if axis == 1 else (slice(None), held)
    pad = [(0, 0), (0, 0)]
    pad[axis] = (anchor, length - 1 - anchor)
    # (erosion counts the outside as ink and dilation as none, as OpenCV's default border values do)
    eroded = _window(np.pad(ink[span], pad, constant_values=True), length, axis, np.logical_and)
    out[span] = _window(np.pad(eroded, pad, constant_values=False), length, axis, np.logical_or)
    return out


def _window(m: np.ndarray, length: int, axis: int, op: np.ufunc) -> np.ndarray:
    """``op`` over each window of ``length`` along ``axis`` (``m`` padded: ``length`` - 1 fewer out), by doubling."""

    def part(a: np.ndarray, start: int, n: int) -> np.ndarray:
        return a[start : start + n] if axis == 0 else a[:, start : start + n]

    span = 1
    while 2 * span <= length:
        n = m.shape[axis] - span
        m = op(part(m, 0, n), part(m, span, n))
        span *= 2
    # (each entry now covers ``span`` <= ``length`` < 2 ``span``: two overlapping spans cover a window)
    n = m.shape[axis] - (length - span)
    return op(part(m, 0, n), part(m, length - span, n))
