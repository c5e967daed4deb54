"""Tables: align two cell grids and report rows, columns, spans and cells (rules in docs/judges.md).

Rows are aligned, then columns (and the other way round; the order with the
smaller total severity wins), so a dropped row is one discrepancy. A dropped
row or column is layout_error 3; inserted, duplicated, moved or swapped 2;
cells merged or split 2 (3 when a Markdown split pushes the row's last cell
out). A changed cell is numeric_error when digits, units or signs differ
(`is_numeric_change`), graded by `numeric_severity` (the truth's rules: a sign
3, a unit ten times off 3); otherwise text_error.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from verm.judge.scene.boxes import box_area, intersection_area, union_box
from verm.judge.scene.findings import Finding, Findings, SceneOptions, merged_finding, missing_items, same_place_groups
from verm.judge.scene.matching import greedy_pairs, kept_in_order
from verm.judge.scene.text import NUMBER_RE, _is_typo, quote, text_ratio, text_severity
from verm.types import Discrepancy

_QUANTITY_RE = re.compile(
    r"^\s*[(\[]?\s*[-+−–]?\s?[$€£¥]?\s?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?\s*[%‰°]?\s*[A-Za-zµμ°/%.²³]{0,6}\s*[)\]]?\s*$"
)
_COVERED = "\x00"
#: The unit written right after a cell's last number.
_UNIT_RE = re.compile(r"\d\s?(%|‰|[A-Za-zµ]{1,3})\s*$")
#: Units of one quantity with their sizes ("m" is also a million next to "k", "bn"), to tell a unit swap that reads
#: the value ten times off or more from one within an order (ft -> m), as the truth's cell_unit does.
_UNIT_SCALES: tuple[dict[str, float], ...] = (
    {"mm": 1e-3, "cm": 1e-2, "m": 1.0, "km": 1e3, "ft": 0.3048, "mi": 1609.0},
    {"g": 1e-3, "kg": 1.0, "lb": 0.4536},
    {"ms": 1e-3, "s": 1.0, "min": 60.0, "h": 3600.0},
    {"k": 1e3, "M": 1e6, "m": 1e6, "B": 1e9, "bn": 1e9},
    {"%": 1e-2, "‰": 1e-3},
)
#: A Markdown link as its source shows it when the renderer did not read it as one.
_LINK_RE = re.compile(r"\[([^\[\]]*)\]\([^()\s]*\)")
#: Two layout changes are one when over this share of the smaller one's box lies inside the other's.
SAME_PLACE = 0.5


def _numbers(s: str) -> list[str]:
    return [re.sub(r"[\s,]", "", m).replace("−", "-").replace("–", "-") for m in NUMBER_RE.findall(s)]


def is_numeric_change(ref: str, cand: str) -> bool:
    """True when two cell texts differ in digits, units or signs (the table rule in docs/judges.md, "Tables")."""
    if not (re.search(r"\d", ref) and re.search(r"\d", cand)):
        return False
    if NUMBER_RE.sub("#", ref).strip() == NUMBER_RE.sub("#", cand).strip():
        return True
    if _numbers(ref) == _numbers(cand):
        wa, wb = NUMBER_RE.sub(" ", ref).split(), NUMBER_RE.sub(" ", cand).split()
        sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
        changed = [
            (w, text)
            for op, i0, i1, j0, j1 in sm.get_opcodes()
            if op != "equal"
            for w, text in [(x, ref) for x in wa[i0:i1]] + [(x, cand) for x in wb[j0:j1]]
        ]
        # Units: short words written right after (or before, like "USD 5") a number. Not in a code whose number
        # is glued to letters before it ("ER211V", "A3"): its letters are text, not a unit.
        code = re.search(r"[^\W\d_]\d", ref) or re.search(r"[^\W\d_]\d", cand)
        if changed and not code and all(len(w) <= 4 and _next_to_number(w, text) for w, text in changed):
            return True
    return bool(_QUANTITY_RE.match(ref) and _QUANTITY_RE.match(cand))


def numeric_severity(ref: str, cand: str) -> int:
    """Numeric rule (as verm.perturb.table): a flipped sign -> 3; a value moved by <= 50 % -> 2, more -> 3;
    a unit or currency changed -> 2."""
    na, nb = _numbers(ref), _numbers(cand)
    if len(na) != len(nb):
        return 2
    for x, y in zip(na, nb, strict=True):
        try:
            fx, fy = (float(re.sub(r"[^\d.eE+-]", "", v)) for v in (x, y))
        except ValueError:
            continue
        if fx == fy and _sign(x) == _sign(y):
            continue
        if abs(fx) == abs(fy):
            return 3  # a sign flipped, put in or taken out ("+2.36" read as "2.36"): the truth's cell_sign
        return 2 if abs(fy - fx) <= 0.5 * max(abs(fx), 1e-12) else 3
    # The same numbers: a unit changed. Read >= 10 times off in the same quantity (m -> km, % -> ‰) -> 3.
    ua, ub = (m.group(1) if (m := _UNIT_RE.search(t)) else "" for t in (ref, cand))
    if ua != ub and any(ua in scale and ub in scale and max(scale[ua], scale[ub]) >= 10 * min(scale[ua], scale[ub])
                        for scale in _UNIT_SCALES):  # fmt: skip
        return 3
    return 2


def _sign(number: str) -> str:
    return number[0] if number[:1] in ("-", "+") else ""


def pushed_half(a: Sequence[str], b: Sequence[str], k: int, edge: bool) -> bool:
    """A row's last cell split in two, as Markdown must: the row keeps its cell count, so the second half falls
    off the table and the cell reads the first half of its words (the engine cuts at half the words, at least
    one), everything else in place."""
    if not edge or k != len(a) - 1 or len(a) != len(b) or b[k] in ("", _COVERED) or any(t.strip() for t in b[k + 1 :]):
        return False
    words = a[k].split()
    return len(words) >= 2 and b[k] == " ".join(words[: max(1, len(words) // 2)])


def _next_to_number(word: str, text: str) -> bool:
    w = re.escape(word)
    return bool(re.search(rf"\d\s*{w}(?!\w)", text) or re.search(rf"(?<!\w){w}\s*[-+]?\d", text))


@dataclass
class _Grid:
    rows: int
    cols: int
    header_rows: int
    text: list[list[str]]  # slot texts; covered slots hold _COVERED
    anchor: list[list[int]]  # slot -> cell index (-1: empty)
    cells: list[dict[str, Any]]

    @classmethod
    def of(cls, scene: dict[str, Any]) -> _Grid:
        cells = list(scene.get("cells") or [])
        rows = int(scene.get("rows") or 0)
        cols = int(scene.get("cols") or 0)
        for cell in cells:  # trust the cells over the counts
            rows = max(rows, int(cell.get("row", 0)) + max(1, int(cell.get("rowspan") or 1)))
            cols = max(cols, int(cell.get("col", 0)) + max(1, int(cell.get("colspan") or 1)))
        text = [[""] * cols for _ in range(rows)]
        anchor = [[-1] * cols for _ in range(rows)]
        for k, cell in enumerate(cells):
            r0, c0 = int(cell.get("row", 0)), int(cell.get("col", 0))
            rs, cs = max(1, int(cell.get("rowspan") or 1)), max(1, int(cell.get("colspan") or 1))
            for r in range(r0, min(rows, r0 + rs)):
                for c in range(c0, min(cols, c0 + cs)):
                    anchor[r][c] = k
                    text[r][c] = _COVERED
            text[r0][c0] = str(cell.get("text") or "")
        return cls(rows, cols, int(scene.get("header_rows") or 0), text, anchor, cells)

    def line(self, axis: int, k: int, others: Sequence[int] | None = None) -> tuple[str, ...]:
        """Row k (axis 0) or column k (axis 1), restricted to ``others`` on the other axis."""
        if axis == 0:
            idx = range(self.cols) if others is None else others
            return tuple(self.text[k][j] for j in idx)
        idx = range(self.rows) if others is None else others
        return tuple(self.text[i][k] for i in idx)

    def n(self, axis: int) -> int:
        return self.rows if axis == 0 else self.cols

    def box_of_line(self, axis: int, k: int) -> Any:
        ids = (
            {self.anchor[k][j] for j in range(self.cols)}
            if axis == 0
            else {self.anchor[i][k] for i in range(self.rows)}
        )
        return union_box([self.cells[i].get("bbox") for i in ids if i >= 0])

    def cell_box(self, r: int, c: int) -> Any:
        k = self.anchor[r][c]
        return self.cells[k].get("bbox") if k >= 0 else None


def _similarity(a: Sequence[str], b: Sequence[str]) -> float:
    if not a and not b:
        return 1.0
    bag_a, bag_b = _bag(tuple(a)), _bag(tuple(b))
    common = sum(min(k, bag_b[t]) for t, k in bag_a.items() if t in bag_b)
    # A cell in place that reads its reference but for one character (a typo, a sign, a "%") is the same cell
    # edited: half a match, so that a line of one or two cells with one edit still pairs with its reference.
    # (Lengths first: this runs for every two lines of a changed block.)
    same = near = 0
    for x, y in zip(a, b, strict=False):
        if x == y:
            same += 1
        elif abs(len(x) - len(y)) <= 1 and x.strip() and y.strip() and _COVERED not in (x, y):
            near += _is_typo(x, y)
    sim = max(common, same + 0.5 * near) / max(len(a), len(b))
    if sim < 0.5 and _joined(a) == _joined(b):
        return 0.9  # the same text in other cells: merged or split cells (a spanning cell covers the others)
    return sim


@functools.lru_cache(maxsize=4096)
def _bag(line: tuple[str, ...]) -> Counter[str]:
    """A line's cell texts counted (cached: every line of a changed block is compared with every other)."""
    return Counter(line)


def _joined(line: Sequence[str]) -> str:
    """A line's text as one string, spaces and covered slots left out."""
    return "".join(line).replace(_COVERED, "").replace(" ", "")


@dataclass
class _Alignment:
    pairs: list[tuple[int, int]]  # (ref, cand), in-place or changed
    moved: list[tuple[int, int]]
    lost: list[int]
    added: list[int]
    #: (ref, cand): a cand line added as a (near) copy of a ref line, the later of the two copies.
    dups: list[tuple[int, int]] = field(default_factory=list)


def _pair_copies(i_s: list[int], j_s: list[int]) -> list[tuple[int, int]]:
    """Pair the positions of equal lines in order, choosing which copies pair (when one side has more) so that
    positions move least; ties pair the earlier copy (a duplicate is the later one)."""
    if len(i_s) == len(j_s) or not i_s or not j_s:
        return list(zip(i_s, j_s, strict=False))
    short, long_, flip = (i_s, j_s, False) if len(i_s) < len(j_s) else (j_s, i_s, True)
    n, m = len(short), len(long_)
    inf = float("inf")
    # cost[a][b]: best cost pairing short[a:] with long_[b:], order kept.
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    for b in range(m + 1):
        cost[n][b] = 0.0
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            cost[a][b] = min(abs(short[a] - long_[b]) + cost[a + 1][b + 1], cost[a][b + 1] + 1e-9)
    out = []
    b = 0
    for a in range(n):
        while cost[a][b] != abs(short[a] - long_[b]) + cost[a + 1][b + 1]:
            b += 1
        out.append((long_[b], short[a]) if flip else (short[a], long_[b]))
        b += 1
    return out


def _align(ref: list[tuple[str, ...]], cand: list[tuple[str, ...]], threshold: float = 0.3) -> _Alignment:
    """Align two lists of lines (rows or columns): see docs/judges.md, "Tables", "Alignment"."""
    where_r: dict[tuple[str, ...], list[int]] = {}
    where_c: dict[tuple[str, ...], list[int]] = {}
    for i, line in enumerate(ref):
        where_r.setdefault(line, []).append(i)
    for j, line in enumerate(cand):
        where_c.setdefault(line, []).append(j)
    exact: list[tuple[int, int]] = []
    for line, i_s in where_r.items():
        exact.extend(_pair_copies(i_s, where_c.get(line) or []))
    exact.sort()
    anchors = kept_in_order(exact)
    moved = sorted(set(exact) - set(anchors))
    got_r = {i for i, _ in exact}
    got_c = {j for _, j in exact}
    pairs = list(anchors)
    bounds = [(-1, -1), *anchors, (len(ref), len(cand))]
    for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
        rs = [i for i in range(i0 + 1, i1) if i not in got_r]
        cs = [j for j in range(j0 + 1, j1) if j not in got_c]
        pairs.extend(_dp_pairs(ref, cand, rs, cs, threshold))
    pairs.sort()
    got_r |= {i for i, _ in pairs}
    got_c |= {j for _, j in pairs}
    lost = [i for i in range(len(ref)) if i not in got_r]
    added = [j for j in range(len(cand)) if j not in got_c]
    # A lost line and an added line that are alike: one line that changed and moved.
    if lost and added:
        extra, lr, lc = greedy_pairs(
            [ref[i] for i in lost], [cand[j] for j in added],
            # The nearer of two equally alike lines pairs; the tie-break must not drop a pair below the minimum.
            lambda a, x, b, y: s - 1e-3 * abs(lost[a] - added[b]) if (s := _similarity(x, y)) >= 0.5 else None,
        )  # fmt: skip
        moved = sorted(moved + [(lost[a], added[b]) for a, b in extra])
        lost, added = [lost[a] for a in lr], [added[b] for b in lc]
    # An added line that (nearly) copies a ref line is a duplicate. The engine inserts a copy right after its
    # original: when the nearly equal copy comes first, it is the original (edited after), the exact one the copy.
    dups = []
    partner = dict(pairs + moved)
    for j in added:
        best = max(range(len(ref)), key=lambda i: (_similarity(ref[i], cand[j]), -abs(i - j)), default=None)
        filled = sum(bool(t.strip()) and t != _COVERED for t in cand[j])
        if best is None or _similarity(ref[best], cand[j]) < 0.5 or filled < min(2, len(cand[j])):
            continue
        k = partner.get(best)
        if k == j + 1 and cand[k] == ref[best] and cand[j] != ref[best]:
            pairs = sorted([p for p in pairs if p != (best, k)] + [(best, j)])
            moved = sorted([p for p in moved if p != (best, k)] + ([(best, j)] if (best, k) in moved else []))
            partner[best] = j
            j = k
        dups.append((best, j))
    taken = {j for _, j in dups} | {j for _, j in pairs} | {j for _, j in moved}
    added = [j for j in added if j not in taken]
    return _Alignment(pairs, moved, lost, added, dups)


def _dp_pairs(
    ref: list[tuple[str, ...]], cand: list[tuple[str, ...]], rs: list[int], cs: list[int], threshold: float
) -> list[tuple[int, int]]:
    """Order-keeping pairing that maximises total similarity (pairs below ``threshold`` are not made)."""
    if not rs or not cs:
        return []
    n, m = len(rs), len(cs)
    sim = [[_similarity(ref[i], cand[j]) for j in cs] for i in rs]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            s = sim[a][b]
            take = s + best[a + 1][b + 1] if s >= threshold else -1.0
            best[a][b] = max(take, best[a + 1][b], best[a][b + 1])
    out = []
    a = b = 0
    while a < n and b < m:
        s = sim[a][b]
        if s >= threshold and abs(best[a][b] - (s + best[a + 1][b + 1])) < 1e-12:
            out.append((rs[a], cs[b]))
            a, b = a + 1, b + 1
        elif best[a][b] == best[a + 1][b]:
            a += 1
        else:
            b += 1
    return out


class TableDiff:
    def __init__(self, opts: SceneOptions) -> None:
        self.opts = opts
        #: The share of the reference's ruled cells drawn without rules (`rules`).
        self.unruled = 0.0

    def run(self, ref: dict[str, Any], cand: dict[str, Any]) -> list[Discrepancy]:
        gr, gc = _Grid.of(ref), _Grid.of(cand)
        self.unruled = 0.0
        best: list[Finding] | None = None
        for first in (0, 1):
            out = Findings(self.opts)
            self.compare(gr, gc, first, out)
            if best is None or sum(d.severity for d in out.items) < sum(d.severity for d in best):
                best = out.items
        out = Findings(self.opts)
        out.items[:] = best or []
        merge_overlaps(out)
        self.rules(gr, gc, out)
        self.pile_up(gr, out)
        return out.discrepancies()

    def rules(self, gr: _Grid, gc: _Grid, out: Findings) -> None:
        """The table's rules (cell borders, when the renderer recorded them): a table whose cells lost their rules
        is drawn as loose text, not as the table; the share of the reference's ruled cells left unruled is
        missing content (`pile_up`)."""
        ruled_r = [c for c in gr.cells if c.get("rules") is not None]
        ruled_c = [c for c in gc.cells if c.get("rules") is not None]
        if not ruled_r or not ruled_c:
            return
        had = sum(1 for c in ruled_r if c["rules"] > 0) / len(ruled_r)
        has = sum(1 for c in ruled_c if c["rules"] > 0) / len(ruled_c)
        if had < 0.5 or has >= had / 2:
            return
        self.unruled = 1.0 - has / had
        out.add("layout_error", 3, "table rules", f"the table is drawn without its rules ({has:.0%} of its cells "
                f"ruled, should be {had:.0%})", union_box([c.get("bbox") for c in gc.cells]), missing=True)  # fmt: skip

    def pile_up(self, gr: _Grid, out: Findings) -> None:
        """Missing content costs what it hides: past half of the reference's cells (rows or columns gone, or its
        rules), the missing items pile up to `findings.MISSING_ITEMS_ALL` (`findings.missing_items`)."""
        # The body's filled cells (the header is the table's title; a table of its header alone lost all its
        # data). A cell gone with its row and with its column is gone once (a row and a column dropped from a
        # small table hide what they hide, not more).
        first = gr.header_rows if gr.header_rows < gr.rows else 0
        body = {
            (r, c)
            for r in range(first, gr.rows)
            for c in range(gr.cols)
            if gr.text[r][c].strip() and gr.text[r][c] != _COVERED
        }
        gone = body & set().union(*(f.tags.get("slots", ()) for f in out.items if f.tags.get("missing")))
        share = max(len(gone) / max(1, len(body)), self.unruled)
        have = sum(1 for f in out.items if f.tags.get("missing"))
        extra = missing_items(share) - have
        if share <= 0.5 or extra <= 0:
            return
        b = union_box([c.get("bbox") for c in gr.cells])
        for part in range(extra):
            strip = (
                (b[0], b[1] + (b[3] - b[1]) * part / extra, b[2], b[1] + (b[3] - b[1]) * (part + 1) / extra)
                if b
                else None
            )
            out.add("layout_error", 3, "table", f"part {part + 1} of {extra} of the table shows none of what it "
                    f"should: {share:.0%} of its content is missing", strip, missing=True)  # fmt: skip

    def compare(self, gr: _Grid, gc: _Grid, first: int, out: Findings) -> None:
        second = 1 - first
        a1 = _align([gr.line(first, k) for k in range(gr.n(first))], [gc.line(first, k) for k in range(gc.n(first))])
        kept = sorted(a1.pairs + a1.moved)
        ro = [i for i, _ in kept]
        co = [j for _, j in kept]
        a2 = _align(
            [gr.line(second, k, ro) for k in range(gr.n(second))], [gc.line(second, k, co) for k in range(gc.n(second))]
        )
        for axis, al in ((first, a1), (second, a2)):
            self.lines(gr, gc, axis, al, out)
        row_al, col_al = (a1, a2) if first == 0 else (a2, a1)
        rows = sorted(row_al.pairs + row_al.moved)
        cols = sorted(col_al.pairs + col_al.moved)
        # Copied columns take part (a copy that differs from its original holds edits of its own), in the
        # candidate's order, so that a merge or split in a row is read in the columns as they are drawn.
        cols_c = sorted(cols + col_al.dups, key=lambda p: p[1])
        for ri, rj in rows + row_al.dups:
            for ci, cj in self.row_cells(gr, gc, ri, rj, cols_c, out):
                self.cell(gr, gc, ri, ci, rj, cj, out)

    def lines(self, gr: _Grid, gc: _Grid, axis: int, al: _Alignment, out: Findings) -> None:
        word = "row" if axis == 0 else "column"
        ref_lines = [gr.line(axis, i) for i in range(gr.n(axis))]
        n_c = gc.n(axis)
        kept = sorted(al.pairs + al.moved)
        for i in al.lost:
            if not any(t.strip() and t != _COVERED for t in ref_lines[i]):
                continue  # an empty line is the trace of a split or merge in one row, reported there
            # Boxed where it was: the candidate line now at its place (or the last one).
            at = next((j for i2, j in kept if i2 > i), n_c - 1)
            slots = [(i, c) for c in range(gr.cols)] if axis == 0 else [(r, i) for r in range(gr.rows)]
            out.add("layout_error", 3, f"{word} {i + 1}", f"{word} {i + 1} {_line_words(ref_lines[i])} is missing",
                    gc.box_of_line(axis, min(max(at, 0), n_c - 1)) if n_c else gr.box_of_line(axis, i), missing=True,
                    slots=frozenset(slots), line=word)  # fmt: skip
        for j in al.added:
            line = gc.line(axis, j)
            filled = sum(bool(t.strip()) and t != _COVERED for t in line)
            if not filled or (axis == 1 and filled == 1 and len(line) >= 3):
                continue  # the trace of a split or merge in one row (a cell pushed out), reported there
            out.add("layout_error", 2, f"{word} {j + 1}", f"{word} {j + 1} {_line_words(line)} should not be there",
                    gc.box_of_line(axis, j), line=word)  # fmt: skip
        for i, j in al.dups:
            out.add("layout_error", 2, f"{word} {j + 1}", f"{word} {j + 1} duplicates {word} {i + 1} "
                    f"{_line_words(ref_lines[i])}", gc.box_of_line(axis, j), line=word)  # fmt: skip
        # Moves: two lines that crossed each other are a swap; a line moved by one place swapped with its
        # neighbour; anything else is a move.
        moves = sorted(al.moved, key=lambda m: m[1])
        done: set[int] = set()
        for a, b in itertools.combinations(moves, 2):
            if a in done or b in done or not ((a[0] - b[0]) * (a[1] - b[1]) < 0):
                continue
            done.update({a, b})  # type: ignore[arg-type]
            lo, hi = sorted((a[1], b[1]))
            out.add("layout_error", 2, f"{word}s {lo + 1} and {hi + 1}", f"{word}s {lo + 1} and {hi + 1} are swapped",
                    union_box([gc.box_of_line(axis, a[1]), gc.box_of_line(axis, b[1])]), line=word)  # fmt: skip
        paired_at = {i: j for i, j in kept}
        for m in moves:
            if m in done:
                continue
            i, j = m
            # Where it belongs in the candidate: just after the line its reference predecessor is paired with.
            home = next((paired_at[k] + 1 for k in range(i - 1, -1, -1) if k in paired_at and k != i), 0)
            home = min(home if home <= j else home - 1, n_c - 1)
            lo, hi = sorted((j, home))
            if hi - lo == 1:
                out.add("layout_error", 2, f"{word}s {lo + 1} and {hi + 1}", f"{word}s {lo + 1} and {hi + 1} are "
                        "swapped", union_box([gc.box_of_line(axis, lo), gc.box_of_line(axis, hi)]), line=word)  # fmt: skip
            else:
                out.add("layout_error", 2, f"{word} {j + 1}",
                        f"{word} {i + 1} {_line_words(ref_lines[i])} is at position {j + 1}, should be at {i + 1}",
                        gc.box_of_line(axis, j), line=word)  # fmt: skip

    def row_cells(
        self, gr: _Grid, gc: _Grid, ri: int, rj: int, cols: list[tuple[int, int]], out: Findings
    ) -> list[tuple[int, int]]:
        """The (ref, cand) columns whose cells to compare in one row: the column alignment, unless two
        neighbouring cells of the row were written as one (a merge without colspan, as Markdown must) or one
        cell as two (a split), which is one layout discrepancy for the row instead of a cascade of shifted cells."""
        a = [gr.text[ri][ci] for ci, _ in cols]
        b = [gc.text[rj][cj] for _, cj in cols]
        if a == b and all(gc.text[rj][j] in ("", _COVERED) for j in range(gc.cols) if j not in {c for _, c in cols}):
            return []
        # First in the aligned columns (after a dropped, copied or swapped column), then in the raw row (a split
        # that made the row longer than the table).
        # A cell pushed past the aligned columns (an HTML row grown by a split) is drawn, not lost.
        aligned = {c for _, c in cols}
        overflow = frozenset(t for j, t in enumerate(gc.text[rj]) if j not in aligned and t not in ("", _COVERED))
        edge = bool(cols) and cols[-1] == (gr.cols - 1, gc.cols - 1)
        found = self.joined(
            a, b, rj, lambda k: gc.cell_box(rj, cols[k][1]) if k < len(cols) else None, out, overflow, edge
        )
        if found is not None:
            kind, k = found
            pairs = [cols[m] for m in range(k)]
            if kind == "merge":
                pairs += [(cols[m][0], cols[m - 1][1]) for m in range(k + 2, len(cols))]
            else:
                pairs += [(cols[m][0], cols[m + 1][1]) for m in range(k + 1, len(cols) - 1)]
            return pairs
        ra, rb = list(gr.text[ri]), list(gc.text[rj])
        if len(ra) != len(rb) and ra != rb:
            found = self.joined(ra, rb, rj, lambda k: gc.cell_box(rj, k), out)
            if found is not None:
                return []
        return cols

    def joined(
        self,
        a: list[str],
        b: list[str],
        rj: int,
        box: Callable[[int], Any],
        out: Findings,
        overflow: frozenset[str] = frozenset(),
        edge: bool = False,
    ) -> tuple[str, int] | None:
        """("merge" | "split", k) when cells k and k+1 of ``a`` are cell k of ``b`` or the other way round;
        ``overflow``: the texts the candidate's row draws outside ``b`` (a cell a split pushed out is not lost);
        ``edge``: the last cells of ``a`` and ``b`` are the last columns of both tables."""
        if a == b or len(a) < 2 or len(b) < 2:
            return None

        def glue(x: str, y: str) -> list[str]:
            if _COVERED in (x, y):
                return []
            return [f"{x} {y}".strip(), f"{x}{y}"]

        def glued(x: str, y: str, whole: str) -> int | None:
            """0 when ``whole`` is ``x`` and ``y`` written as one, the text severity when it is so but for a
            typo or a changed word (an edit of its own), None when it is not."""
            if not whole or whole == _COVERED:
                return None
            options = glue(x, y)
            # A Markdown link cut in two shows its markup in both halves ('[Bank', 'of Russia](https://…)'):
            # glued, the halves are the link again, read as its text.
            options += [t for t in (_LINK_RE.sub(r"\1", o) for o in options) if t not in options]
            if whole in options:
                return 0
            if options and x and y and text_ratio(whole, options[0]) >= 0.85:
                return text_severity(whole, options[0])
            return None

        def tail_off(x: list[str], y: list[str]) -> int | None:
            """How many cells differ between two row tails (trailing empty cells ignored), None when they are
            not the same cells at all."""
            x, y = list(x), list(y)
            while x and not x[-1]:
                x.pop()
            while y and not y[-1]:
                y.pop()
            if len(x) != len(y):
                return None
            off = sum(p != q for p, q in zip(x, y, strict=True))
            return off if off <= max(1, len(x) // 4) else None

        for k in range(min(len(a), len(b))):
            if a[k] == b[k]:
                continue
            if tail_off(a[k + 1 :], b[k + 1 :]) == 0:
                # The rest of the row is in place: cell k was edited, not merged with or split into its neighbour.
                if pushed_half(a, b, k, edge):
                    out.add("layout_error", 3, f"row {rj + 1}, column {k + 1}", f"cell {k + 1} of row {rj + 1} "
                            f"({quote(a[k])}) is split in two; its second half, the row's last cell, is lost", box(k))  # fmt: skip
                    return "split", k
                continue
            g = glued(a[k], a[k + 1], b[k]) if k + 1 < min(len(a), len(b)) else None
            # One surprise at most: an exact glue with one changed cell after it, or a typo in the glued cell.
            allowed = 0 if g else 1
            off = tail_off(a[k + 2 :], b[k + 1 :]) if g is not None else None
            if off is not None and off <= allowed and (g == 0 or b[k + 1] != _COVERED):
                # Only the rule between the two cells goes when one of them was empty: nothing reads differently.
                out.add("layout_error", 2 if a[k].strip() and a[k + 1].strip() else 1, f"row {rj + 1}, column {k + 1}", f"cells {k + 1} and {k + 2} of row "
                        f"{rj + 1} are merged into one ({quote(b[k])})", union_box([box(k), box(k + 1)]))  # fmt: skip
                if g:
                    out.add("text_error", g, f"row {rj + 1}, column {k + 1}",
                            f"the merged cell reads {quote(b[k])}, should be {quote(a[k])} and {quote(a[k + 1])}", box(k))  # fmt: skip
                return "merge", k
            g = glued(b[k], b[k + 1], a[k]) if k + 1 < len(b) and b[k] and b[k + 1] else None
            if g is None or (g and k == len(a) - 1):
                continue  # the row's last cell split into a longer row: only exactly its two halves tell
            # Markdown keeps a row's cell count, so a split pushes the row's last cell out.
            allowed = 0 if g else 1
            off_lost = tail_off(a[k + 1 : -1], b[k + 2 :])
            pushed = len(a) == len(b) and bool(a[-1]) and off_lost is not None and off_lost <= allowed
            lost = pushed and a[-1] not in overflow
            off = tail_off(a[k + 1 :], b[k + 2 :])
            if pushed or (off is not None and off <= allowed):
                out.add("layout_error", 3 if lost else 2, f"row {rj + 1}, column {k + 1}",
                        f"cell {k + 1} of row {rj + 1} ({quote(a[k])}) is split in two"
                        + ("; the row's last cell is lost" if lost else ""),
                        union_box([box(k), box(len(b) - 1 if len(a) == len(b) else k + 1)]))  # fmt: skip
                if g:
                    out.add("text_error", g, f"row {rj + 1}, column {k + 1}",
                            f"the split cell reads {quote(b[k])} and {quote(b[k + 1])}, should be {quote(a[k])}", box(k))  # fmt: skip
                return "split", k
        return None

    def cell(self, gr: _Grid, gc: _Grid, ri: int, ci: int, rj: int, cj: int, out: Findings) -> None:
        ka, kb = gr.anchor[ri][ci], gc.anchor[rj][cj]
        if ka < 0 and kb < 0:
            return
        ta, tb = gr.text[ri][ci], gc.text[rj][cj]
        where = f"row {rj + 1}, column {cj + 1}"
        box = gc.cell_box(rj, cj) or gr.cell_box(ri, ci)
        if ta == _COVERED or tb == _COVERED:
            return  # part of a spanning cell: its origin reports a merge or split
        ca = gr.cells[ka] if ka >= 0 else {}
        cb = gc.cells[kb] if kb >= 0 else {}
        span_a = (int(ca.get("rowspan") or 1), int(ca.get("colspan") or 1))
        span_b = (int(cb.get("rowspan") or 1), int(cb.get("colspan") or 1))
        if span_a != span_b:
            verb = "merged" if span_b[0] * span_b[1] > span_a[0] * span_a[1] else "split"
            out.add("layout_error", 2, where, f"cell ({rj + 1}, {cj + 1}) is {verb}: it spans {span_b[0]} row(s) and "
                    f"{span_b[1]} column(s), should span {span_a[0]} and {span_a[1]}", box)  # fmt: skip
            return
        if ta == tb:
            return
        # Header rows are labels; a header cell in a body row (a row label) holding a number is still data.
        header = ri < gr.header_rows or (bool(ca.get("header")) and not is_numeric_change(ta, tb))
        if header:
            sev = text_severity(ta, tb)
            out.add(
                "text_error",
                sev,
                where,
                f"header cell ({rj + 1}, {cj + 1}) reads {quote(tb)}, should be {quote(ta)}",
                box,
            )
        elif is_numeric_change(ta, tb):
            out.add(
                "numeric_error",
                numeric_severity(ta, tb),
                where,
                f"cell ({rj + 1}, {cj + 1}) reads {quote(tb)}, should be {quote(ta)}",
                box,
            )
        else:
            out.add(
                "text_error",
                text_severity(ta, tb),
                where,
                f"cell ({rj + 1}, {cj + 1}) reads {quote(tb)}, should be {quote(ta)}",
                box,
            )


def merge_overlaps(out: Findings) -> None:
    """Layout changes on one place are one discrepancy, as the ground truth merges edits when over half of the
    smaller one's box lies inside the other's (a merged cell inside two swapped rows), but never a change of whole
    rows with one of whole columns; a cell that reads wrong is its own error. The dominant one leads: the highest
    severity, then the larger box."""
    items = out.items

    def touch(i: int, j: int) -> bool:
        a, b = items[i], items[j]
        if {a.tags.get("line"), b.tags.get("line")} == {"row", "column"}:
            return False  # a row and a column only cross: two changes, however wide the column (as the truth)
        return a.category == b.category == "layout_error" and _inside_share(a.bbox, b.bbox) > SAME_PLACE

    groups = same_place_groups(items, touch)
    if len(groups) < len(items):
        out.items[:] = [
            items[g[0]]
            if len(g) == 1
            else merged_finding(items, g, lambda k: (items[k].severity, box_area(items[k].bbox)))
            for g in groups
        ]


def _inside_share(a: Any, b: Any) -> float:
    """The share of the smaller of two boxes that lies inside the other."""
    smaller = min(box_area(a), box_area(b))
    return intersection_area(a, b) / smaller if smaller > 0 else 0.0


def _line_words(line: Sequence[str]) -> str:
    shown = [t for t in line if t and t != _COVERED][:3]
    if not shown:
        return "(empty)"
    return "(" + ", ".join(quote(t, 20) for t in shown) + (", …" if len([t for t in line if t]) > 3 else "") + ")"
