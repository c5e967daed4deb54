"""Charts: whether the candidate's marks carry one reference series' values (`carries`), read by `chart_missing`.

A series drawn in another form (bars drawn as a line, in a new colour, over a new y scale) shows its values
still: along the axis the series runs on, the candidate's marks rise and fall where its marks do. Marks that
follow nothing (dots drawn at random, in the series' colour or not) keep none of that order. Bars redrawn as
one line have their categories moved to the axis's ends: the line is read at as many evenly spread points
(`carries_as_line`). Rules in full:
docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

import cv2
import numpy as np

#: The series' extent along its running axis is cut into at most this many bins (2 px at least each).
CARRY_BINS = 48
#: The candidate carries the series' values when its marks end in at least `CARRY_MIN` of the bins the series
#: occupies, and `CARRY_COVER` of them, and their top or bottom ends rank with the series' (Spearman >=
#: `CARRY_RANK`), both varying by over `CARRY_TOL` of the series' extent across.
CARRY_MIN, CARRY_COVER, CARRY_RANK, CARRY_TOL = 8, 0.6, 0.8, 0.03


def carries(unit: np.ndarray, marks: np.ndarray) -> bool | None:
    """The candidate's ``marks`` carry the values of the reference's series ``unit`` (`CARRY_RANK`), read along
    the axis the series runs on (`value_readings`). None when the series' ends do not vary there (one flat
    mark: nothing to follow); False when they vary and the marks do not follow them."""
    unit, marks = _main_pieces(unit), _main_pieces(marks)
    verdicts = [_follows(unit.T, marks.T) if across else _follows(unit, marks) for across in value_readings(unit)]
    if any(v is True for v in verdicts):
        return True
    return False if any(v is False for v in verdicts) else None


#: A series runs along one axis when its marks cross the other axis's lines in clearly fewer runs: at most this
#: share of the runs they cross the first's in (vertical bars: one a column, several a row).
RUNS_CLEAR = 0.75


def spearman(a: np.ndarray | list[float], b: np.ndarray | list[float]) -> float:
    """Spearman's rank correlation of ``a`` and ``b``, as `scipy.stats.spearmanr(a, b).statistic` gives it (the
    same average ranks and `np.corrcoef`, so the same float; NaN for constant or NaN input or one value) without
    importing `scipy.stats`: that import costs seconds, paid by the first judgment of a process."""
    x, y = np.asarray(a, float), np.asarray(b, float)
    if len(x) <= 1 or (x[0] == x).all() or (y[0] == y).all() or np.isnan(x).any() or np.isnan(y).any():
        return float("nan")
    return float(np.corrcoef(np.column_stack((_ranks(x), _ranks(y))), rowvar=False)[1, 0])


def _ranks(x: np.ndarray) -> np.ndarray:
    """Ranks from 1, ties given their average rank (`scipy.stats.rankdata`'s default)."""
    order = np.argsort(x, kind="mergesort")
    sorted_ = x[order]
    first = np.r_[True, sorted_[1:] != sorted_[:-1]]
    dense = np.empty(len(x), np.intp)
    dense[order] = np.cumsum(first)
    ends = np.r_[np.flatnonzero(first), len(x)]
    return 0.5 * (ends[dense] + ends[dense - 1] + 1)


def value_readings(unit: np.ndarray) -> tuple[bool, ...]:
    """How the values of the series ``unit`` are read: down its columns (False: a series running along x, its
    values its marks' tops and bottoms), along its rows (True: horizontal bars), or both when neither crosses
    clearly fewer runs (`RUNS_CLEAR`: scattered markers). Reading vertical bars along their rows reads where
    the categories start and end, no values: bars over the whole width "end at one level" row by row."""
    down, across = _runs(unit), _runs(unit.T)
    if down is None or across is None:
        return ()
    if down <= RUNS_CLEAR * across:
        return (False,)
    if across <= RUNS_CLEAR * down:
        return (True,)
    return (False, True)


#: Gaps of up to this many pixels within a column do not split a run (`_runs`): grid lines drawn over bars,
#: taken out of the marks, cut every bar's column.
RUN_GAP = 7


def _runs(mask: np.ndarray) -> float | None:
    """The mean number of runs of ``mask`` in the columns it occupies, over gaps up to `RUN_GAP` (None when it
    occupies none)."""
    mask = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_CLOSE, np.ones((RUN_GAP, 1), np.uint8)) > 0
    starts = mask[1:] & ~mask[:-1]
    per_col = starts.sum(axis=0) + mask[0]
    occupied = mask.any(axis=0)
    return float(per_col[occupied].mean()) if occupied.any() else None


#: Pieces of a mask under this share of its largest piece are no marks of the series (`_main_pieces`).
MINOR_PIECE = 0.1


def _main_pieces(mask: np.ndarray) -> np.ndarray:
    """``mask`` without its small pieces (`MINOR_PIECE` of the largest one): a legend's swatch or a label in
    the series' colour beside its bars or line are no values of it (their ends, ranked with the bars' tops,
    broke the order of a series retyped). Pieces of one size (a scatter's markers, dots) all stay."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    if n <= 2:
        return mask
    sizes = stats[1:, cv2.CC_STAT_AREA]
    keep = np.zeros(n, bool)
    keep[1:] = sizes >= MINOR_PIECE * int(sizes.max())
    return keep[labels]


def _follows(unit: np.ndarray, marks: np.ndarray) -> bool | None:
    """Column by column (binned) over ``unit``'s extent: do ``marks``' ends rank with ``unit``'s? None when
    ``unit``'s ends do not vary, or it spans too few columns to tell."""
    cols = np.flatnonzero(unit.any(axis=0))
    if len(cols) < 2 * CARRY_MIN:
        return None
    lo, hi = int(cols[0]), int(cols[-1]) + 1
    rows = np.flatnonzero(unit.any(axis=1))
    tol = max(2.0, CARRY_TOL * (int(rows[-1]) - int(rows[0]) + 1))
    edges = np.linspace(lo, hi, min(CARRY_BINS, (hi - lo) // 2) + 1).round().astype(int)
    ref_ends, cand_ends = _bin_ends(unit, edges), _bin_ends(marks, edges)
    drawn = ~np.isnan(ref_ends[0])
    if not any(np.ptp(e[drawn]) > tol for e in ref_ends):
        return None  # (one flat mark, or marks of one height: no values to follow here)
    both = drawn & ~np.isnan(cand_ends[0])
    if int(both.sum()) < max(CARRY_MIN, CARRY_COVER * int(drawn.sum())):
        return False
    return any(
        np.ptp(r[both]) > tol and np.ptp(c[both]) > tol and spearman(r[both], c[both]) >= CARRY_RANK
        for r, c in zip(ref_ends, cand_ends, strict=True)
    )


#: A series moved by a new range along its value axis (`carries_rescaled`): the candidate's marks span this share
#: of its extent at least, and their heights, read at `CARRY_BINS` places, correlate with its own this well.
RESCALED_SPAN, RESCALED_R = 0.8, 0.9


def carries_rescaled(unit: np.ndarray, marks: np.ndarray) -> bool:
    """The candidate's ``marks`` draw the series ``unit`` under a new range along the axis its values are read on:
    across the series' extent (`RESCALED_SPAN`), the mean height of each, column by column and joined over the
    columns without ink (a dotted line's gaps, which fall elsewhere once it moved), lies on one rising line with
    the other's (Pearson >= `RESCALED_R`). Dots at random, joined, zigzag through no series."""
    for across in value_readings(unit):
        u, m = (unit.T, marks.T) if across else (unit, marks)
        unit_heights, mark_heights = _mean_rows(u), _mean_rows(m)
        cols = np.flatnonzero(~np.isnan(unit_heights))
        if len(cols) < 2 * CARRY_MIN:
            continue
        lo, hi = int(cols[0]), int(cols[-1]) + 1
        drawn = np.flatnonzero(~np.isnan(mark_heights[lo:hi])) + lo
        if len(drawn) < 2 or drawn[-1] - drawn[0] + 1 < RESCALED_SPAN * (hi - lo):
            continue
        at = np.linspace(lo, hi - 1, CARRY_BINS)
        a = np.interp(at, cols, unit_heights[cols])
        b = np.interp(at, drawn, mark_heights[drawn])
        rows = np.flatnonzero(u.any(axis=1))
        tol = max(2.0, CARRY_TOL * (int(rows[-1]) - int(rows[0]) + 1))
        if np.ptp(a) <= tol or np.ptp(b) <= tol:
            continue
        if float(np.corrcoef(a, b)[0, 1]) >= RESCALED_R:
            return True
    return False


def _mean_rows(mask: np.ndarray) -> np.ndarray:
    """The mean row of ``mask``'s ink in each column; NaN where a column has none."""
    n = mask.sum(axis=0)
    total = (mask * np.arange(mask.shape[0])[:, None]).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(n > 0, total / np.maximum(n, 1), np.nan)


def _bin_ends(mask: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """The top and bottom row of ``mask`` in each bin of columns (between consecutive ``edges``), 2 x bins;
    NaN where a bin has no ink."""
    out = np.full((2, len(edges) - 1), np.nan)
    for k in range(len(edges) - 1):
        ys = np.flatnonzero(mask[:, edges[k] : edges[k + 1]].any(axis=1))
        if len(ys):
            out[:, k] = ys[0], ys[-1]
    return out


#: A series retyped as a line (`carries_as_line`) has its categories in at least this many column runs (bars).
RETYPED_MIN_RUNS = 3
#: ... and the candidate's line is one connected piece holding at least this share of its marks, its pieces
#: joined across gaps of up to twice this many pixels.
RETYPED_LINE, LINE_GAP = 0.8, 2


def carries_as_line(unit: np.ndarray, marks: np.ndarray) -> bool:
    """The candidate's ``marks`` are one line carrying the values of the series ``unit`` drawn in separate column
    runs (bars, one a category): the runs' tops (or bottoms) rank (`CARRY_RANK`) with the line's heights at as many
    points spread evenly over its extent. A line puts its first and last category at its ends while bars sit
    half a bar in from the axis's: the categories move, and comparing the columns in place (`carries`) misses
    the series redrawn as a line (bars -> line, the y range new). Dots at random are no one line."""
    cols = np.flatnonzero(unit.any(axis=0))
    if len(cols) == 0 or not marks.any():
        return False
    runs = np.split(cols, np.flatnonzero(np.diff(cols) > 1) + 1)
    if len(runs) < RETYPED_MIN_RUNS:
        return False
    # (pieces joined across gaps of up to 2 * `LINE_GAP` px: grid lines drawn over the line, taken out of the
    # marks, cut it where they cross)
    joined = cv2.dilate(marks.astype(np.uint8), np.ones((3, 3), np.uint8), iterations=LINE_GAP)
    _, labels, _, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    sizes = np.bincount(labels[marks], minlength=labels.max() + 1)
    largest = int(sizes[1:].argmax()) + 1 if len(sizes) > 1 else 0
    if largest == 0 or sizes[largest] < RETYPED_LINE * int(marks.sum()):
        return False
    line = marks & (labels == largest)
    line_cols = np.flatnonzero(line.any(axis=0))
    lo, hi = int(line_cols[0]), int(line_cols[-1])
    rows = np.arange(unit.shape[0])[:, None]
    heights = []
    for x in np.linspace(lo, hi, len(runs)).round().astype(int):
        band = line[:, max(lo, x - 2) : x + 3]
        heights.append(float((rows * band).sum() / max(int(band.sum()), 1)))
    tops = [float(np.flatnonzero(unit[:, r].any(axis=1))[0]) for r in runs]
    bottoms = [float(np.flatnonzero(unit[:, r].any(axis=1))[-1]) for r in runs]
    return any(
        np.ptp(ends) > 0 and np.ptp(heights) > 0 and spearman(ends, heights) >= CARRY_RANK for ends in (tops, bottoms)
    )
