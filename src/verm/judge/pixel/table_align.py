"""Tables: rows and columns aligned by content.

Each cell's ink gets a content class (same size within 1 px, alike once centred and blurred); columns
are multisets of classes, rows compare through the aligned columns; an order-keeping alignment
(dynamic programming) pairs lines, then moved, repeated, dropped lines and swaps (cycles) are found.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import cv2
import numpy as np

from verm.judge.pixel.explain import _canonical_crop
from verm.judge.pixel.geometry import PxBox, _cell_ink_box
from verm.judge.pixel.layout import TableGrid

#: A table cell: (content class, 0 for an empty cell; box; ink box within it, None when empty).
_Cell = tuple[int, PxBox, PxBox | None]


#: A band of ink across a cell (over this share of its width) that is at most
#: `INNER_RULE_PX` thick is a rule inside the cell, not its content.
INNER_RULE_SHARE = 0.9
INNER_RULE_PX = 3


def _cell_text_box(ink: np.ndarray) -> PxBox | None:
    """A cell's ink box without the rules that cross it: a sub-row's rule the grid did not take (it
    runs under the later columns only, a rowspan beside it) spans the cell, and its box would be the
    cell's, whose width changes with the column's (seed-67 wtq-204-364: a column 4 px wider read as
    a unit added to three two-line cells). A shaded cell (ink over its whole height) keeps its box;
    a vertical rule in a cell stays content (the border of a cell pushed out of the table)."""
    keep = ~_thin_bands(ink.mean(axis=1) >= INNER_RULE_SHARE)
    if keep.all():
        return _cell_ink_box(ink)
    box = _cell_ink_box(ink[keep])
    if box is None:
        return None
    rows = np.nonzero(keep)[0]
    return box[0], int(rows[box[1]]), box[2], int(rows[box[3] - 1]) + 1


def _thin_bands(full: np.ndarray) -> np.ndarray:
    """The runs of True in ``full`` at most `INNER_RULE_PX` long (a mask)."""
    out = np.zeros(len(full), bool)
    start = None
    for n, v in enumerate([*full.tolist(), False]):
        if v and start is None:
            start = n
        elif not v and start is not None:
            if n - start <= INNER_RULE_PX:
                out[start:n] = True
            start = None
    return out


def _cell_inner(g: TableGrid, i: int, k: int) -> PxBox:
    """Cell (row i, column k; 1-based) inside its rules."""
    return int(g.cols[k - 1]) + 3, int(g.rows[i - 1]) + 3, int(g.cols[k]) - 2, int(g.rows[i]) - 2


#: Two cells are one content class only when no pixel of their centred, blurred ink differs by this
#: much (grey levels): the same text set at another sub-pixel offset stays under it, another glyph
#: ('5' for '0', '64.20' for '83.70') leaves a stroke's worth above it, however small against the
#: whole crop's mean. Measured on the seed-67 and seed-97 tables' cells labelled by their scenes:
#: the mean alone classed 9 % and 31 % of pairs of different texts together, with this bound 2 % and
#: 3 %, keeping 99 % of the pairs of the same text that the mean keeps.
GLYPH_DIFF = 40.0


def _glyph_diff(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Mean and largest grey difference of two canonical crops placed top-left, at the shift of up to
    1 px with the smallest mean (`explain._shifted_diff`, whose mean this is)."""
    mh, mw = min(a.shape[0], b.shape[0]) - 2, min(a.shape[1], b.shape[1]) - 2
    if mh < 1 or mw < 1:
        mh, mw = min(a.shape[0], b.shape[0]), min(a.shape[1], b.shape[1])
        d = cv2.absdiff(a[:mh, :mw], b[:mh, :mw])
        return float(d.mean()), float(d.max()) if d.size else 0.0
    core = np.ascontiguousarray(a[1 : 1 + mh, 1 : 1 + mw])
    best = (math.inf, math.inf)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if 1 + dy + mh <= b.shape[0] and 1 + dx + mw <= b.shape[1]:
                d = cv2.absdiff(core, np.ascontiguousarray(b[1 + dy : 1 + dy + mh, 1 + dx : 1 + dx + mw]))
                mean = float(d.mean())
                if mean < best[0]:
                    best = (mean, float(d.max()))
    return best


class _CellClasses:
    """Content classes of table cells: two cells are one class when their ink boxes have the same
    size (within 1 px) and their pixels agree (`_canonical_crop`, mean grey difference below the
    tolerance: 10, 13 for a resampled candidate, and no pixel `GLYPH_DIFF` apart; the closest class
    wins), wherever the cell sits."""

    def __init__(self, tolerance: float, glyph_diff: float = GLYPH_DIFF) -> None:
        self.tolerance = tolerance
        self.glyph_diff = glyph_diff
        self.reps: list[np.ndarray] = []
        #: Ink box size -> the classes of that size (a crop is compared with sizes within 1 px only).
        self.by_size: dict[tuple[int, int], list[int]] = {}
        #: Exact pixels -> class: most candidate cells are pixel copies of reference cells.
        self.exact: dict[tuple[int, int, bytes], int] = {}

    def classify(self, grey: np.ndarray, ink: np.ndarray, box: PxBox) -> tuple[int, PxBox | None]:
        if box[2] <= box[0] or box[3] <= box[1]:
            return 0, None
        inner = _cell_text_box(ink[box[1] : box[3], box[0] : box[2]])
        if inner is None:
            return 0, None
        w, h = inner[2] - inner[0], inner[3] - inner[1]
        crop = grey[box[1] + inner[1] : box[1] + inner[3], box[0] + inner[0] : box[0] + inner[2]]
        key = (w, h, crop.tobytes())
        if key in self.exact:
            return self.exact[key], inner
        cls = self._classify(crop, w, h)
        self.exact[key] = cls
        return cls, inner

    def _classify(self, crop: np.ndarray, w: int, h: int) -> int:
        # Small text set at another sub-pixel offset differs by tens of grey levels pixel by pixel;
        # centred and blurred it agrees within a few. Too coarse for a typo: cells are compared
        # again, unblurred, once aligned (`_same_cell`).
        crop = _canonical_crop(crop)
        best, best_d = 0, self.tolerance
        for dw in (-1, 0, 1):
            for dh in (-1, 0, 1):
                for n in self.by_size.get((w + dw, h + dh), ()):
                    d, worst = _glyph_diff(self.reps[n], crop)
                    if worst >= self.glyph_diff:
                        continue  # another glyph somewhere: another text
                    if d < best_d or (d == best_d and best and n + 1 < best):
                        best, best_d = n + 1, d
        if best:
            return best
        self.reps.append(crop)
        self.by_size.setdefault((w, h), []).append(len(self.reps) - 1)
        return len(self.reps)


def _same_cell(ref_grey: np.ndarray, cand_grey: np.ndarray, rb: PxBox, cb: PxBox, ra: PxBox, ca: PxBox) -> bool:
    """Two cells' ink, placed top-left, the same size within 1 px and mean grey difference < 12."""
    rw_, rh_, cw_, ch_ = ra[2] - ra[0], ra[3] - ra[1], ca[2] - ca[0], ca[3] - ca[1]
    if abs(rw_ - cw_) > 1 or abs(rh_ - ch_) > 1:
        return False
    w_, h_ = min(rw_, cw_), min(rh_, ch_)
    a = ref_grey[rb[1] + ra[1] : rb[1] + ra[1] + h_, rb[0] + ra[0] : rb[0] + ra[0] + w_]
    b = cand_grey[cb[1] + ca[1] : cb[1] + ca[1] + h_, cb[0] + ca[0] : cb[0] + ca[0] + w_]
    d = cv2.absdiff(a, b)
    # Mean < 12, and no glyph's worth of strongly different pixels (two letters swapped in a long cell).
    return float(d.mean()) < 12 and int(np.count_nonzero(d > 80)) < 6


def _multiset_sim(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    if not a and not b:
        return 1.0
    ca: dict[int, int] = {}
    for x in a:
        ca[x] = ca.get(x, 0) + 1
    common = 0
    for x in b:
        if ca.get(x, 0) > 0:
            ca[x] -= 1
            common += 1
    return common / max(len(a), len(b))


#: Similarity of a line to its near-copy, and how much less alike a line is loosely like it (`_align_core`).
NEAR_COPY = 0.9
LOOSER = 0.2


@dataclass
class _Alignment:
    """How the candidate's rows (or columns) map onto the reference's (0-based indices)."""

    pairs: list[tuple[int, int]]  # (ref, cand) kept one-to-one
    dropped: list[int]  # reference indices with no candidate counterpart
    repeated: list[tuple[int, int]]  # (ref, cand): a further copy of a reference line
    cycles: list[list[int]]  # candidate indices of lines out of order, one list per permutation cycle


def _align_core(sim: np.ndarray, min_sim: float = 0.5) -> _Alignment | None:
    """Map candidate lines (rows or columns) onto reference lines from a similarity matrix (ref x cand).

    First an order-keeping alignment (dynamic programming, the most total similarity over pairs
    with ``sim >= min_sim``); then the lines left over: a candidate line like a left-over
    reference line is that line moved, one like an aligned reference line repeats it, left-over
    lines on both sides are paired in order (the same line, edited), and a reference line still
    left was dropped. The order of all pairs is a permutation whose cycles are the swaps. None
    when under half the lines align.
    """
    n_ref, n_cand = sim.shape
    ok = sim >= min_sim
    # A line whose near-copy is elsewhere on the other side pairs with that copy, not in order with a
    # line only loosely like it that has its own near-copy: two columns sharing most values (day of
    # week, day of month: seed-127 table-127-00003) swapped would otherwise align in order, each with
    # the other's column, their copies read as a move and every differing cell as an edit.
    best_ref, best_cand = sim.max(axis=1)[:, None], sim.max(axis=0)[None, :]
    ok &= ~((best_ref >= NEAR_COPY) & (best_cand >= NEAR_COPY) & (sim < np.minimum(best_ref, best_cand) - LOOSER))
    score = np.zeros((n_ref + 1, n_cand + 1))
    for i in range(n_ref):
        for j in range(n_cand):
            take = score[i, j] + sim[i, j] if ok[i, j] else -1.0
            score[i + 1, j + 1] = max(score[i, j + 1], score[i + 1, j], take)
    pairs: list[tuple[int, int]] = []
    i, j = n_ref, n_cand
    while i > 0 and j > 0:
        # On ties the later candidate line stays unmatched: the first of two equal copies is the original.
        if score[i, j] == score[i, j - 1]:
            j -= 1
        elif ok[i - 1, j - 1] and score[i, j] == score[i - 1, j - 1] + sim[i - 1, j - 1]:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        else:
            i -= 1
    if len(pairs) < 0.5 * max(n_ref, n_cand) and len(pairs) < max(n_ref, n_cand) - 2:
        return None
    left_ref = [i for i in range(n_ref) if i not in {p[0] for p in pairs}]
    left_cand = [j for j in range(n_cand) if j not in {p[1] for p in pairs}]
    for j in list(left_cand):  # moved
        cands = [i for i in left_ref if ok[i, j]]
        if cands:
            i = max(cands, key=lambda i: sim[i, j])
            pairs.append((i, j))
            left_ref.remove(i)
            left_cand.remove(j)
    repeated: list[tuple[int, int]] = []
    for j in list(left_cand):  # repeated
        if ok[:, j].any() and sim[:, j].max() >= 0.9:
            repeated.append((int(sim[:, j].argmax()), j))
            left_cand.remove(j)
    for j in list(left_cand):  # edited beyond recognition: a left-over reference line in the same gap
        before = [i for i, jj in pairs if jj < j]
        after = [i for i, jj in pairs if jj > j]
        lo, hi = max(before, default=-1), min(after, default=n_ref)
        gap = [i for i in left_ref if lo < i < hi]
        if gap:
            pairs.append((gap[0], j))
            left_ref.remove(gap[0])
            left_cand.remove(j)
    # Still left on both sides: the same lines moved and edited (a swap of columns that re-wrapped).
    n_pair = min(len(left_ref), len(left_cand))
    pairs.extend(zip(left_ref[:n_pair], left_cand[:n_pair], strict=True))
    dropped = left_ref[n_pair:]
    repeated.extend((int(sim[:, j].argmax()), j) for j in left_cand[n_pair:])
    # Of two candidate lines that both stand for one reference line, the first is the original and the
    # later the copy, as a repeat is inserted after its line, however well either matches: an edit in
    # the original (a split cell) made the copy the better match, and the original read as the repeat.
    for n, (i, j) in enumerate(repeated):
        k = next((k for k, (pi, pj) in enumerate(pairs) if pi == i and pj > j), None)
        if k is not None:
            repeated[n], pairs[k] = (i, pairs[k][1]), (i, j)
    # Reference lines the similarities cannot tell apart (copies) take their partners in order:
    # a cycle among copies is no visible reorder.
    copies: dict[bytes, list[int]] = {}
    for n, (i, _) in enumerate(pairs):
        copies.setdefault(sim[i].tobytes(), []).append(n)
    for members in copies.values():
        if len(members) > 1:
            refs, cands = sorted(pairs[n][0] for n in members), sorted(pairs[n][1] for n in members)
            for n, i, j in zip(members, refs, cands, strict=True):
                pairs[n] = (i, j)
    pairs.sort(key=lambda p: p[1])
    order = [i for i, _ in pairs]
    rank = {i: r for r, i in enumerate(sorted(order))}
    perm = [rank[i] for i in order]  # position -> rank
    seen = [False] * len(perm)
    cycles: list[list[int]] = []
    for start in range(len(perm)):
        if seen[start] or perm[start] == start:
            seen[start] = True
            continue
        cyc, p = [], start
        while not seen[p]:
            seen[p] = True
            cyc.append(pairs[p][1])
            p = perm[p]
        cycles.append(cyc)
    return _Alignment(pairs, dropped, repeated, cycles)


def _align_lines(sim: np.ndarray, ref_live: list[bool], cand_live: list[bool]) -> _Alignment | None:
    """`_align_core` over the non-empty lines only (an empty margin band is no row), indices mapped back."""
    ri = [i for i, v in enumerate(ref_live) if v]
    ci = [j for j, v in enumerate(cand_live) if v]
    if not ri or not ci:
        return None
    al = _align_core(sim[np.ix_(ri, ci)])
    if al is None:
        return None
    return _Alignment(
        [(ri[i], ci[j]) for i, j in al.pairs],
        [ri[i] for i in al.dropped],
        [(ri[i], ci[j]) for i, j in al.repeated],
        [[ci[j] for j in cyc] for cyc in al.cycles],
    )


def _row_pitch(g: TableGrid) -> float:
    """Height of a table's one-line rows: the mean of the inner row bands within 1.5 px of their
    median (the edge bands may be margins; wrapped rows are taller). Rules sit at sub-pixel
    centres, so the mean resolves a downscaled table's scale to a fraction of a per cent."""
    d = np.diff(np.asarray(g.rows[1:-1])) if len(g.rows) > 3 else np.diff(np.asarray(g.rows))
    if not len(d):
        return 0.0
    med = float(np.median(d))
    near = d[np.abs(d - med) <= 1.5]
    # Two bands far apart (e.g. one wrapped row of two) have no one-line rows to average: use the median.
    return float(near.mean()) if len(near) else med


def _through_sim(ref: list[list[int]], cand: list[list[int]], across: list[tuple[int, int]]) -> np.ndarray:
    """Similarity of lines (ref x cand) compared cell by cell through the other axis's aligned lines
    (``across``: (ref position, candidate position) pairs). Each cell is weighted by how rare its
    content is at its position (many rows share a "Yes", an "N/A" or an empty cell; many columns of
    small counts share a "0"); cells empty on both sides do not count. ``ref[i][k]`` is the content
    class of line i's cell at position k."""
    if not ref or not cand:
        return np.zeros((len(ref), len(cand)))
    cnt_r = [Counter(line[k] for line in ref) for k in range(len(ref[0]))]
    cnt_c = [Counter(line[m] for line in cand) for m in range(len(cand[0]))]
    out = np.zeros((len(ref), len(cand)))
    for i, a_line in enumerate(ref):
        for j, b_line in enumerate(cand):
            num = den = 0.0
            for k, m in across:
                a, b = a_line[k], b_line[m]
                if a or b:
                    wgt = 1.0 / max(cnt_r[k][a], cnt_c[m][b], 1)
                    den += wgt
                    num += wgt * (a == b)
            out[i, j] = num / den if den else 0.0
    return out


def _agreeing(
    ref: list[list[int]], cand: list[list[int]], rows: list[tuple[int, int]], cols: list[tuple[int, int]]
) -> int:
    """Cells of the aligned rows and columns whose content classes agree (cells empty on both sides aside)."""
    return sum(1 for i, j in rows for k, m in cols if (ref[i][k] or cand[j][m]) and ref[i][k] == cand[j][m])
