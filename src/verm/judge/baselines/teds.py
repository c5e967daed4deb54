"""TEDS and TEDS-S: Tree-Edit-Distance-based Similarity of two tables (Zhong et
al., 2020, the PubTabNet metric), on the two *sources*.

    TEDS = 1 - TED(T_ref, T_cand) / max(|T_ref|, |T_cand|)

TED is the exact tree edit distance (Zhang–Shasha) with insert and delete
costing 1 and a rename costing 1 when the tag, ``colspan`` or ``rowspan``
differ; between two cells with the same spans it is the normalised
Levenshtein distance of their contents (distance / the longer length).
TEDS-S (``structure_only``) ignores cell contents.

Both sources first become the same canonical PubTabNet table (`table_tree`):
Markdown goes through markdown-it's table rule; the first ``<table>`` is kept
with its ``thead``/``tbody``/``tfoot``/``tr`` and cells, ``th`` becoming
``td`` as in PubTabNet's annotations; a cell's content is PubTabNet's token
sequence — each character of its text and ``<tag>``/``</tag>`` for the
formatting elements inside it — with runs of whitespace made one space and
the ends trimmed. `pubtabnet_html` writes that canonical form out, so the
reference implementation (the ``table-recognition-metric`` package) can be
run on exactly the same trees; ``tests/integration/test_teds_parity.py``
checks the two agree within 1e-6 on every table pair of a bench, and
docs/benchmarks.md ("TEDS") gives the speed of both and why verm keeps its
own (no extra dependency, and faster on these tables).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from verm.errors import InputError
from verm.judge.baselines.image import SimilarityBaseline
from verm.types import Rendering, Task

#: The table's structural elements kept in the tree (anything else inside a table is not part of it).
_TREE_TAGS = frozenset({"thead", "tbody", "tfoot", "tr", "td", "th"})
#: Elements without a closing tag in HTML: their ``</tag>`` token is written only once, by the parser.
_VOID = frozenset({"br", "hr", "img", "wbr", "input", "col", "area", "embed", "source", "track"})


@dataclass
class TableNode:
    """A node of a table tree: a tag, and for cells their spans and content tokens."""

    tag: str
    colspan: int = 1
    rowspan: int = 1
    #: PubTabNet's cell tokens: characters, and ``<b>``/``</b>`` for inner elements.
    tokens: tuple[str, ...] = ()
    children: list[TableNode] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The cell's text without its formatting tags."""
        return "".join(t for t in self.tokens if not (len(t) > 2 and t[0] == "<" and t[-1] == ">"))

    def size(self) -> int:
        return 1 + sum(c.size() for c in self.children)


def _span(value: str | None) -> int:
    try:
        return max(1, int(str(value).strip()))
    except (TypeError, ValueError):
        return 1


def _cell_tokens(el: object) -> tuple[str, ...]:
    """PubTabNet's tokens of a cell's content, whitespace runs collapsed and the ends trimmed."""
    raw: list[str] = []

    def chars(text: str | None) -> None:
        if text:
            raw.extend(text)

    def walk(node: object) -> None:
        for child in node:  # type: ignore[attr-defined]
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag:
                raw.append(f"<{tag}>")
                chars(child.text)
                walk(child)
                raw.append(f"</{tag}>")
            chars(child.tail)

    chars(el.text)  # type: ignore[attr-defined]
    walk(el)
    out: list[str] = []
    for tok in raw:
        if tok.isspace() and len(tok) == 1:
            if out and out[-1] != " ":
                out.append(" ")
            continue
        out.append(tok)
    while out and out[-1] == " ":
        out.pop()
    while out and out[0] == " ":
        out.pop(0)
    return tuple(out)


def table_tree(source: str, structure_only: bool = False) -> TableNode:
    """Parse an HTML or Markdown table into its canonical PubTabNet tree.

    ``structure_only`` leaves every cell's content empty (TEDS-S).
    """
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
            # One cell type, as PubTabNet's annotations: a header cell is still a cell.
            return TableNode(
                "td",
                colspan=_span(el.get("colspan")),  # type: ignore[attr-defined]
                rowspan=_span(el.get("rowspan")),  # type: ignore[attr-defined]
                tokens=() if structure_only else _cell_tokens(el),
            )
        node = TableNode(tag)
        for child in el:  # type: ignore[attr-defined]
            ctag = child.tag.lower() if isinstance(child.tag, str) else ""
            if ctag in _TREE_TAGS:
                node.children.append(build(child))
        return node

    return build(tables[0])


def pubtabnet_html(tree: TableNode) -> str:
    """The canonical tree as a PubTabNet HTML document (``<html><body><table>...``), for other
    TEDS implementations to read exactly the tree verm compares."""
    parts: list[str] = []

    def cell(tokens: Sequence[str]) -> None:
        for tok in tokens:
            if len(tok) > 2 and tok[0] == "<" and tok[-1] == ">":
                closing = tok[1] == "/"
                if closing and tok[2:-1] in _VOID:
                    continue
                parts.append(tok)
            else:
                parts.append(html.escape(tok, quote=False))

    def walk(node: TableNode) -> None:
        if node.tag == "td":
            spans = "".join(f' {k}="{v}"' for k, v in (("colspan", node.colspan), ("rowspan", node.rowspan)) if v != 1)
            parts.append(f"<td{spans}>")
            cell(node.tokens)
            parts.append("</td>")
            return
        parts.append(f"<{node.tag}>")
        for c in node.children:
            walk(c)
        parts.append(f"</{node.tag}>")

    walk(tree)
    return "<html><body>" + "".join(parts) + "</body></html>"


def levenshtein(a: Sequence[str], b: Sequence[str]) -> int:
    """Edit distance of two sequences (strings or token tuples), bit-parallel (Myers 1999 /
    Hyyrö 2003): one pass over ``b`` with ints as bit-vectors.

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
    if a.tokens == b.tokens:
        return 0.0
    return levenshtein(a.tokens, b.tokens) / max(len(a.tokens), len(b.tokens))


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


def teds_trees(a: TableNode, b: TableNode) -> float:
    """TEDS of two canonical trees, in [0, 1]."""
    return max(0.0, 1.0 - tree_edit_distance(a, b) / max(a.size(), b.size()))


def teds(ref_source: str, cand_source: str, structure_only: bool = False) -> float:
    """TEDS (or TEDS-S) between two table sources, in [0, 1] (1 = same structure and content)."""
    return teds_trees(table_tree(ref_source, structure_only), table_tree(cand_source, structure_only))


class TedsJudge(SimilarityBaseline):
    """TEDS on the table markup of both sides (needs ``Rendering.source``)."""

    name: ClassVar[str] = "teds"
    needs_sources: ClassVar[bool] = True
    only_task: ClassVar[Task | None] = Task.TABLE
    what: ClassVar[str] = "compares table markup"
    needs_images: ClassVar[bool] = False
    structure_only: ClassVar[bool] = False

    def similarity(self, reference: Rendering, candidate: Rendering) -> tuple[float, str]:
        missing = [side for side, r in (("reference", reference), ("candidate", candidate)) if not r.source]
        if missing:
            raise InputError(f"{self.name} needs the table source of both sides; missing: {', '.join(missing)}")
        sim = teds(reference.source or "", candidate.source or "", self.structure_only)
        return sim, f"{self.name}={sim:.6g}"


class TedsStructureJudge(TedsJudge):
    """TEDS-S: TEDS with cell contents ignored (structure only)."""

    name: ClassVar[str] = "teds_s"
    structure_only: ClassVar[bool] = True
