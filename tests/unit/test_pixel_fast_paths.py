"""The pixel judge's fast paths answer exactly as the plain computations they replace."""

from __future__ import annotations

import math

import numpy as np
import pytest

from verm.judge.pixel.chart_axis import _row_warp
from verm.judge.pixel.colour import _as_array
from verm.judge.pixel.geometry import _iou, _line_share_bound
from verm.judge.pixel.memo import _MEMO, once


def _plain_row_warp(a: np.ndarray, b: np.ndarray) -> tuple[list[int], list[int]]:
    """Dynamic time warping written out cell by cell: a row's cost is its ink with no ink within 1 px
    across in the other row; ties go to the diagonal, then to the row above, then to the left."""

    def grown(row: np.ndarray) -> np.ndarray:
        return row | np.r_[row[1:], False] | np.r_[False, row[:-1]]

    n, m = len(a), len(b)
    cost = [[int((a[i] & ~grown(b[j])).sum() + (b[j] & ~grown(a[i])).sum()) for j in range(m)] for i in range(n)]
    acc = [[math.inf] * m for _ in range(n)]
    step = [[0] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            up = acc[i - 1][j] if i else math.inf
            diag = acc[i - 1][j - 1] if i and j else (0.0 if i == j == 0 else math.inf)
            best, step[i][j] = (diag, 0) if diag <= up else (up, 1)
            acc[i][j] = cost[i][j] + best
            if j and acc[i][j - 1] + cost[i][j] < acc[i][j]:
                acc[i][j], step[i][j] = acc[i][j - 1] + cost[i][j], 2
    rows, cols = [], []
    i, j = n - 1, m - 1
    while i >= 0 and j >= 0:
        rows.append(i)
        cols.append(j)
        i, j = (i - 1, j - 1) if step[i][j] == 0 else ((i - 1, j) if step[i][j] == 1 else (i, j - 1))
    return rows[::-1], cols[::-1]


@pytest.mark.parametrize("seed", range(12))
def test_row_warp_is_the_plain_warp(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, m, width = (int(v) for v in rng.integers(1, 24, 3))
    a = rng.random((n, width)) < rng.uniform(0.05, 0.6)
    b = rng.random((m, width)) < rng.uniform(0.05, 0.6)
    rows, cols = _row_warp(a, b)
    assert (list(rows), list(cols)) == _plain_row_warp(a, b)


def test_row_warp_follows_rows_moved_down() -> None:
    a = np.zeros((30, 20), bool)
    a[5, 2:18] = a[12, 4:9] = a[20, 10:16] = True
    b = np.roll(a, 4, axis=0)
    rows, cols = _row_warp(a, b)
    mapped = dict(zip(rows.tolist(), cols.tolist(), strict=False))
    assert (mapped[5], mapped[12], mapped[20]) == (9, 16, 24)


@pytest.mark.parametrize("seed", range(6))
def test_line_share_bound_holds_for_every_line(seed: int) -> None:
    """No straight line holds more of the pixels within 2 px of it than the bound says."""
    rng = np.random.default_rng(seed)
    pts = np.unique(rng.integers(0, 40, (int(rng.integers(20, 400)), 2)), axis=0)
    if seed % 2:  # a thick line's pixels among them: the bound must still hold, and stay near
        xs = np.arange(40)
        pts = np.unique(np.r_[pts, np.c_[xs, xs // 2], np.c_[xs, xs // 2 + 1]], axis=0)
    xs, ys = pts[:, 0], pts[:, 1]
    bound = _line_share_bound(xs, ys)
    most = 0
    for deg in np.arange(0.0, 180.0, 0.5):
        vx, vy = math.cos(math.radians(deg)), math.sin(math.radians(deg))
        offsets = xs * vy - ys * vx  # each pixel's signed distance from the line through the origin
        for o in np.arange(offsets.min() - 2, offsets.max() + 2, 0.25):
            most = max(most, int((np.abs(offsets - o) <= 2.0).sum()))
    assert most <= bound


def test_line_share_bound_of_one_line_counts_it_whole() -> None:
    xs = np.arange(100)
    assert _line_share_bound(xs, np.full(100, 7)) == 100


def test_iou_counts_booleans_as_it_sums_numbers() -> None:
    rng = np.random.default_rng(3)
    a, b = rng.random((50, 60)) < 0.3, rng.random((50, 60)) < 0.4
    assert _iou(a, b) == _iou(a.astype(np.uint8), b.astype(np.uint8))
    assert _iou(np.zeros((4, 4), bool), np.zeros((4, 4), bool)) == 1.0


def test_once_keeps_an_answer_for_one_judgment_read_only() -> None:
    calls: list[int] = []
    img = np.zeros((4, 4), np.uint8)

    def compute() -> np.ndarray:
        calls.append(1)
        return img + 1

    token = _MEMO.set({})
    try:
        first = once("step", (img,), 2.5, compute)
        assert once("step", (img,), 2.5, compute) is first
        assert len(calls) == 1
        once("step", (img,), 3.0, compute)  # another rest: another answer
        once("step", (img.copy(),), 2.5, compute)  # another array, though equal: another answer
        assert len(calls) == 3
        with pytest.raises(ValueError):
            first[0, 0] = 7  # shared: a rule may not write to it
    finally:
        _MEMO.reset(token)
    once("step", (img,), 2.5, compute)  # outside a judgment nothing is kept
    once("step", (img,), 2.5, compute)
    assert len(calls) == 5


def test_as_array_keeps_a_ready_array_and_copies_others() -> None:
    rgb = np.zeros((3, 4, 3), np.uint8)
    assert _as_array(rgb) is rgb
    rgba = np.zeros((3, 4, 4), np.uint8)
    out = _as_array(rgba)
    assert out.shape == (3, 4, 3) and out.flags.c_contiguous
