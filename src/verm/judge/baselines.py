"""Similarity-only baseline judges: pixel MSE, PSNR, SSIM, and TEDS for tables.

They give a similarity in [0, 1] and no discrepancies (`Judgment.similarity`);
reward shaping turns it into ``1 + similarity`` under the default rule, so
they enter the same benchmark tables as the judges that list discrepancies
(reward-level figures only: they cannot be matched against true errors).

Image baselines compare the reference with the candidate resized to the
reference's size (bilinear), on RGB (MSE, PSNR) or grey (SSIM) values in [0, 1]:

* ``mse``:  similarity = 1 - sqrt(MSE)  (1 - RMSE; RMSE is in [0, 1]).
* ``psnr``: similarity = clip(PSNR / 50 dB, 0, 1), PSNR = 10 log10(1 / MSE);
  identical images (MSE = 0) give 1. 50 dB is where 8-bit images stop
  differing visibly (RMSE ~ 0.8 grey levels).
* ``ssim``: similarity = clip(SSIM, 0, 1) (skimage, grey, 7x7 window, data range 1).

MSE and PSNR are monotone in each other, so their rank-based figures agree;
their rewards differ.

``teds`` (tables only) is Tree-Edit-Distance-based Similarity (Zhong et al.,
2020, the PubTabNet metric) on the two *sources*: both are parsed into an HTML
table tree (Markdown through markdown-it's table rule), and
``TEDS = 1 - TED(T_ref, T_cand) / max(|T_ref|, |T_cand|)``, where TED is the
exact tree edit distance (Zhang–Shasha) with unit insert/delete costs and a
rename cost of 1 between different tags, 1 between cells with different
``colspan``/``rowspan``, and the normalised Levenshtein distance of the cell
texts otherwise. It needs ``Rendering.source`` on both sides.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np
from PIL import Image

from verm.errors import InputError
from verm.judge.base import Judge
from verm.types import Judgment, Rendering, Status, Task

PSNR_CAP_DB = 50.0


def _pair_arrays(reference: Rendering, candidate: Rendering, grey: bool) -> tuple[np.ndarray, np.ndarray]:
    ref, cand = reference.image(), candidate.image()
    if cand.size != ref.size:
        cand = cand.resize(ref.size, Image.Resampling.BILINEAR)
    mode = "L" if grey else "RGB"
    a = np.asarray(ref.convert(mode), dtype=np.float64) / 255.0
    b = np.asarray(cand.convert(mode), dtype=np.float64) / 255.0
    return a, b


def mse(reference: Rendering, candidate: Rendering) -> float:
    a, b = _pair_arrays(reference, candidate, grey=False)
    return float(np.mean((a - b) ** 2))


def mse_similarity(value: float) -> float:
    """1 - RMSE, in [0, 1]."""
    return float(min(1.0, max(0.0, 1.0 - math.sqrt(max(0.0, value)))))


def psnr_similarity(value: float, cap_db: float = PSNR_CAP_DB) -> float:
    """PSNR / cap, clipped to [0, 1]; MSE = 0 gives 1."""
    if value <= 0:
        return 1.0
    return float(min(1.0, max(0.0, 10.0 * math.log10(1.0 / value) / cap_db)))


def ssim(reference: Rendering, candidate: Rendering) -> float:
    from skimage.metrics import structural_similarity

    a, b = _pair_arrays(reference, candidate, grey=True)
    side = min(a.shape)
    if side < 3:
        return 1.0 if np.array_equal(a, b) else 0.0
    win = min(7, side if side % 2 else side - 1)
    return float(structural_similarity(a, b, data_range=1.0, win_size=win))


class _ImageBaseline(Judge):
    """Shared shape of the image baselines: similarity in [0, 1], no discrepancies."""

    name: ClassVar[str] = "baseline"

    def similarity(self, reference: Rendering, candidate: Rendering) -> tuple[float, str]:
        raise NotImplementedError

    def judge(self, task: Task, reference: Rendering, candidate: Rendering) -> Judgment:
        task = Task.parse(task)
        started = time.perf_counter()
        try:
            if not reference.ok or not candidate.ok:
                raise InputError("both renderings need an image (status ok)")
            sim, raw = self.similarity(reference, candidate)
        except InputError as exc:
            return Judgment(task=task, judge=self.name, status=Status.JUDGE_ERROR, reason=str(exc))
        ms = (time.perf_counter() - started) * 1000
        return Judgment(task=task, judge=self.name, similarity=sim, raw=raw, elapsed_ms=ms)


class MseJudge(_ImageBaseline):
    """Pixel mean squared error on RGB; similarity = 1 - RMSE."""

    name: ClassVar[str] = "mse"

    def similarity(self, reference: Rendering, candidate: Rendering) -> tuple[float, str]:
        v = mse(reference, candidate)
        return mse_similarity(v), f"mse={v:.6g}"


class PsnrJudge(_ImageBaseline):
    """Peak signal-to-noise ratio on RGB; similarity = clip(PSNR / 50 dB, 0, 1)."""

    name: ClassVar[str] = "psnr"

    def __init__(self, cap_db: float = PSNR_CAP_DB) -> None:
        self.cap_db = cap_db

    def similarity(self, reference: Rendering, candidate: Rendering) -> tuple[float, str]:
        v = mse(reference, candidate)
        db = math.inf if v <= 0 else 10.0 * math.log10(1.0 / v)
        return psnr_similarity(v, self.cap_db), f"psnr_db={db:.4g}"


class SsimJudge(_ImageBaseline):
    """Structural similarity on grey levels; similarity = clip(SSIM, 0, 1)."""

    name: ClassVar[str] = "ssim"

    def similarity(self, reference: Rendering, candidate: Rendering) -> tuple[float, str]:
        v = ssim(reference, candidate)
        return float(min(1.0, max(0.0, v))), f"ssim={v:.6g}"


# -- TEDS ---------------------------------------------------------------------------------


@dataclass
class TableNode:
    """A node of a table tree: a tag, and for cells their spans and text."""

    tag: str
    colspan: int = 1
    rowspan: int = 1
    text: str = ""
    children: list[TableNode] = field(default_factory=list)

    def size(self) -> int:
        return 1 + sum(c.size() for c in self.children)


_TREE_TAGS = {"table", "thead", "tbody", "tfoot", "tr", "td", "th"}


def _span(value: str | None) -> int:
    try:
        return max(1, int(str(value).strip()))
    except (TypeError, ValueError):
        return 1


def table_tree(source: str) -> TableNode:
    """Parse an HTML or Markdown table into a tree (table / thead|tbody / tr / td|th)."""
    import lxml.html

    text = source.strip()
    if "<table" not in text.lower():
        from markdown_it import MarkdownIt

        text = MarkdownIt("commonmark").enable("table").render(text)
    if "<table" not in text.lower():
        raise InputError("no table found in the source (neither an HTML <table> nor a Markdown pipe table)")
    try:
        doc = lxml.html.fromstring(text)
    except Exception as exc:  # lxml raises several types for broken markup
        raise InputError(f"cannot parse the table markup: {exc}") from None
    tables = [doc] if doc.tag == "table" else doc.findall(".//table")
    if not tables:
        raise InputError("no <table> element after parsing the source")

    def build(el: object) -> TableNode:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""  # type: ignore[attr-defined]
        if tag in ("td", "th"):
            # One cell type: TEDS compares cells by content and spans, a header cell is still a cell.
            cell_text = " ".join("".join(el.itertext()).split())  # type: ignore[attr-defined]
            return TableNode(
                "td",
                colspan=_span(el.get("colspan")),  # type: ignore[attr-defined]
                rowspan=_span(el.get("rowspan")),  # type: ignore[attr-defined]
                text=cell_text,
            )
        node = TableNode(tag)
        for child in el:  # type: ignore[attr-defined]
            ctag = child.tag.lower() if isinstance(child.tag, str) else ""
            if ctag in _TREE_TAGS and ctag != "table":
                node.children.append(build(child))
        return node

    return build(tables[0])


def levenshtein(a: str, b: str) -> int:
    """Edit distance, bit-parallel (Myers 1999 / Hyyrö 2003): one pass over ``b`` with ints as bit-vectors.

    TEDS compares every cell with every other cell, so this runs tens of
    thousands of times per table pair; the bit-parallel form is ~10x faster
    than the textbook dynamic programme in pure Python.
    """
    if a == b:
        return 0
    if not a or not b:
        return len(a) or len(b)
    m = len(a)
    peq: dict[str, int] = {}
    for i, ch in enumerate(a):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    full = (1 << m) - 1
    top = 1 << (m - 1)
    pv, mv, score = full, 0, m
    for ch in b:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & full
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | 1) & full
        mh = (mh << 1) & full
        pv = (mh | ~(xv | ph)) & full
        mv = ph & xv
    return score


def teds_rename_cost(a: TableNode, b: TableNode) -> float:
    if a.tag != b.tag:
        return 1.0
    if a.tag != "td":
        return 0.0
    if a.colspan != b.colspan or a.rowspan != b.rowspan:
        return 1.0
    if a.text == b.text:
        return 0.0
    return levenshtein(a.text, b.text) / max(len(a.text), len(b.text))


def tree_edit_distance(
    t1: TableNode, t2: TableNode, rename: Callable[[TableNode, TableNode], float] = teds_rename_cost
) -> float:
    """Zhang–Shasha tree edit distance with unit insert/delete costs."""

    def postorder(root: TableNode) -> tuple[list[TableNode], list[int], list[int]]:
        nodes: list[TableNode] = []
        lmd: list[int] = []  # leftmost leaf descendant of each node (postorder index)

        def walk(n: TableNode) -> int:
            first = -1
            for c in n.children:
                left = walk(c)
                if first < 0:
                    first = left
            nodes.append(n)
            idx = len(nodes) - 1
            lmd.append(idx if first < 0 else first)
            return lmd[idx]

        walk(root)
        # Key roots: the highest node for each distinct leftmost leaf.
        seen: dict[int, int] = {}
        for i, left in enumerate(lmd):
            seen[left] = i
        return nodes, lmd, sorted(seen.values())

    n1, l1, k1 = postorder(t1)
    n2, l2, k2 = postorder(t2)
    # Plain lists: the inner loop is scalar work, where numpy indexing is slower.
    td = [[0.0] * len(n2) for _ in n1]
    cache: dict[tuple[int, int], float] = {}

    def ren(i: int, j: int) -> float:
        key = (i, j)
        if key not in cache:
            cache[key] = rename(n1[i], n2[j])
        return cache[key]

    for i in k1:
        li = l1[i]
        for j in k2:
            lj = l2[j]
            m, n = i - li + 2, j - lj + 2
            fd = [[0.0] * n for _ in range(m)]
            for ix in range(m):
                fd[ix][0] = float(ix)
            for iy in range(n):
                fd[0][iy] = float(iy)
            for x in range(li, i + 1):
                ix = x - li + 1
                row, prev = fd[ix], fd[ix - 1]
                for y in range(lj, j + 1):
                    iy = y - lj + 1
                    if l1[x] == li and l2[y] == lj:
                        v = min(prev[iy] + 1, row[iy - 1] + 1, prev[iy - 1] + ren(x, y))
                        row[iy] = v
                        td[x][y] = v
                    else:
                        row[iy] = min(prev[iy] + 1, row[iy - 1] + 1, fd[l1[x] - li][l2[y] - lj] + td[x][y])
    return float(td[len(n1) - 1][len(n2) - 1])


def teds(ref_source: str, cand_source: str) -> float:
    """TEDS between two table sources, in [0, 1] (1 = same structure and text)."""
    a, b = table_tree(ref_source), table_tree(cand_source)
    dist = tree_edit_distance(a, b)
    return max(0.0, 1.0 - dist / max(a.size(), b.size()))


class TedsJudge(Judge):
    """TEDS on the table markup of both sides (needs ``Rendering.source``)."""

    name: ClassVar[str] = "teds"
    needs_sources: ClassVar[bool] = True

    def judge(self, task: Task, reference: Rendering, candidate: Rendering) -> Judgment:
        task = Task.parse(task)
        started = time.perf_counter()

        def fail(reason: str) -> Judgment:
            return Judgment(task=task, judge=self.name, status=Status.JUDGE_ERROR, reason=reason)

        if task is not Task.TABLE:
            return fail(f"teds compares table markup; it cannot judge a {task.value}")
        missing = [side for side, r in (("reference", reference), ("candidate", candidate)) if not r.source]
        if missing:
            return fail(f"teds needs the table source of both sides; missing: {', '.join(missing)}")
        try:
            sim = teds(reference.source or "", candidate.source or "")
        except InputError as exc:
            return fail(str(exc))
        ms = (time.perf_counter() - started) * 1000
        return Judgment(task=task, judge=self.name, similarity=sim, raw=f"teds={sim:.6g}", elapsed_ms=ms)
