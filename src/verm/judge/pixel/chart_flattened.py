"""Charts: the data flattened, every value read the same (bars of one height, markers on one row).

The "flattened data" hack keeps the reference's whole look (its marks' colours and places, texts,
legend) with each series set to its mean. What an annotator reads from a bar chart is its
values' variation; with it gone the data are as good as hidden, and cost what hidden data cost
(`chart_missing._hidden_parts`). Honest edits change some values, or scale them all, and keep the
variation. Rules in full: docs/judges.md, "Pixel judge".
"""

from __future__ import annotations

import numpy as np

from verm.judge.pixel.chart_marks import (
    CLASS_DE,
    KEPT,
    MIN_COLOUR_INK,
    _BothMarks,
    _chromatic,
    _colour_classes,
    _far,
    _per_frame,
    _series_classes,
)

#: Flattened data: a series' marks sit at one level when this share of their columns (rows, for
#: horizontal marks) end within `LEVEL_TOL` of the median end, at both ends; the reference's series
#: varies when under `LEVEL_SHARE` of its columns do at one end at least.
LEVEL_SHARE, LEVEL_TOL = 0.8, 0.01


def flattened(pm: _BothMarks) -> tuple[np.ndarray, float, str] | None:
    """The reference's series drawn in their colours and places but every mark at one level (bars of one
    height, markers on one row), where the reference's vary: the values' reading is gone, as if hidden.
    Over half the series (colour classes per subplot, holding over half their ink) flattened: their ink,
    its share of all the series' ink, and why; else None. Honest edits change some values or scale them
    all, and keep the marks' variation."""
    ref_col = pm.ref & pm.area & _chromatic(pm.ref_lab)
    if not pm.frames or int(ref_col.sum()) < MIN_COLOUR_INK:
        return None
    cand_col = pm.cand & pm.area & _chromatic(pm.cand_lab)
    if not any(_few_levels(cand_col, f) for f in pm.frames):
        return None  # (checked first, cheaply: the colour classes cost time)
    classes = _per_frame(
        _series_classes(_colour_classes(pm.ref_lab, ref_col, min_share=0.003), pm.ref_lab, pm.faces), pm.frames
    )
    if len(classes) == 0:
        return None
    cand = pm.cand & pm.area
    flat = np.zeros_like(ref_col)
    n_flat, total = 0, sum(int(m.sum()) for m, _ in classes)
    for m, sl in classes:
        same = cand[sl] & ~_far(pm.cand_lab[sl], np.median(pm.ref_lab[m], axis=0), CLASS_DE)
        unit = m[sl]
        tol = max(2.0, LEVEL_TOL * max(unit.shape))
        if _one_level(unit, same, tol) or _one_level(unit.T, same.T, tol):
            flat |= m
            n_flat += 1
    share = int(flat.sum()) / max(1, total)
    if 2 * n_flat > len(classes) and 2 * share > 1:
        why = f"{n_flat} of its {len(classes)} series are drawn at one level where the reference's values vary"
        return flat, share, why
    return None


#: Marks ending at one level per series: the ends of the candidate's coloured marks in a plot fall in
#: at most this many bands (of `LEVEL_TOL` of its side, two per level: a level may straddle two).
LEVELS_MAX = 8


def _few_levels(marks: np.ndarray, frame: tuple[int, int, int, int]) -> bool:
    """The candidate's coloured marks in ``frame`` end in few bands (`LEVELS_MAX`) in `LEVEL_SHARE` of
    their columns at both ends, or of their rows: a cheap sign of marks at one level per series (a
    line's or varied bars' ends fall in many)."""
    fx0, fy0, fx1, fy1 = frame
    sub = marks[fy0:fy1, fx0:fx1]
    for m in (sub, sub.T):
        cols = np.flatnonzero(m.any(axis=0))
        if len(cols) < 8:
            continue
        band = max(2.0, LEVEL_TOL * max(m.shape))
        on = m[:, cols]
        ends = (on.argmax(axis=0), m.shape[0] - 1 - on[::-1].argmax(axis=0))
        shares = [np.sort(np.bincount((e / band).astype(int)))[::-1][:LEVELS_MAX].sum() / len(e) for e in ends]
        if min(shares) >= LEVEL_SHARE:
            return True
    return False


def _one_level(unit: np.ndarray, same: np.ndarray, tol: float) -> bool:
    """In the columns the reference's series ``unit`` occupies, the candidate's marks in its colour
    (``same``, drawn in most of them) end at one level at both ends (`LEVEL_SHARE`), while the
    reference's do not at one end at least."""

    def ends(mask: np.ndarray, cols: np.ndarray) -> np.ndarray:
        sub = mask[:, cols]
        top = sub.argmax(axis=0).astype(float)
        bottom = (sub.shape[0] - 1 - sub[::-1].argmax(axis=0)).astype(float)
        return np.vstack([top, bottom])

    def level(e: np.ndarray) -> bool:
        return float((np.abs(e - np.median(e)) <= tol).mean()) >= LEVEL_SHARE

    cols = np.flatnonzero(unit.any(axis=0))
    if len(cols) < 8:
        return False
    drawn = cols[same[:, cols].any(axis=0)]
    if len(drawn) < KEPT * len(cols):
        return False
    ref_ends, cand_ends = ends(unit, drawn), ends(same, drawn)
    return level(cand_ends[0]) and level(cand_ends[1]) and not (level(ref_ends[0]) and level(ref_ends[1]))
