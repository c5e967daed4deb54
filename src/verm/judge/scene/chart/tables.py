"""Charts, tables drawn with ``ax.table``: their cells' texts and their box.

- A table missing is missing content: text_error 3, one item (its cells are what it shows); one that should not
  be there is text_error 2.
- Paired tables (in order) compare cell by cell at (row, column). Cells that read otherwise are one discrepancy
  (text_error by the text rule: a typo 1, else 2); numbers in the cells of a table over data that changed follow
  that change, as value labels do. Cells gone or added (a row or a column dropped) are another (text_error 2, 3
  past half of the cells).
- The table's box moved or resized (``bbox=``) by over `TABLE_MOVED` of its axes, its cells kept, is data_error
  1, as the subplots' ratios are (a layout number changed).
"""

from __future__ import annotations

from typing import Any

from verm.judge.scene.boxes import clean_box, union_box
from verm.judge.scene.findings import Findings
from verm.judge.scene.text import is_numeric_text, quote, text_severity

#: A table's box whose sides moved by more than this share of its axes' box moved (or resized).
TABLE_MOVED = 0.02


def compare_tables(out: Findings, r: dict[str, Any], c: dict[str, Any], where: str, data_changed: bool) -> None:
    """The tables of two paired axes (``r``, ``c``: their scenes)."""
    rt, ct = r.get("tables") or [], c.get("tables") or []
    for k in range(max(len(rt), len(ct))):
        a, b = (rt[k] if k < len(rt) else None), (ct[k] if k < len(ct) else None)
        name = "the table" if max(len(rt), len(ct)) == 1 else f"table {k + 1}"
        loc = f"{where} table"
        if b is None and a is not None:
            out.add("text_error", 3, loc, f"{name} ({len(a.get('cells') or [])} cells) is missing", a.get("bbox"),
                    missing=True)  # fmt: skip
            continue
        if a is None or b is None:
            if b is not None:
                out.add("text_error", 2, loc, f"{name} should not be there", b.get("bbox"))
            continue
        _cells(out, a, b, name, loc, data_changed)
        _box(out, a, b, r.get("bbox"), c.get("bbox"), name, loc)


def _cells(out: Findings, a: dict[str, Any], b: dict[str, Any], name: str, loc: str, data_changed: bool) -> None:
    """Cells that read otherwise, and cells gone or added."""
    ca = {(x["row"], x["col"]): x for x in a.get("cells") or []}
    cb = {(x["row"], x["col"]): x for x in b.get("cells") or []}
    changed = []
    for key in sorted(ca.keys() & cb.keys()):
        ta, tb = str(ca[key].get("text") or ""), str(cb[key].get("text") or "")
        if ta == tb or (data_changed and is_numeric_text(ta) and is_numeric_text(tb)):
            continue
        changed.append((key, ta, tb))
    if changed:
        (row, col), ta, tb = changed[0]
        if len(changed) == 1:
            what = f"the cell at row {row + 1}, column {col + 1} of {name} reads {quote(tb)}, should be {quote(ta)}"
        else:
            shown = "; ".join(f"{quote(y, 30)} instead of {quote(x, 30)}" for _, x, y in changed[:3])
            what = f"{len(changed)} cells of {name} read otherwise: {shown}" + ("; …" if len(changed) > 3 else "")
        out.add("text_error", max(text_severity(x, y) for _, x, y in changed), loc, what,
                union_box([cb[key].get("bbox") for key, _, _ in changed]))  # fmt: skip
    gone, added = ca.keys() - cb.keys(), cb.keys() - ca.keys()
    if gone or added:
        words = [f"{len(gone)} of its {len(ca)} cells are missing"] if gone else []
        words += [f"{len(added)} cells should not be there"] if added else []
        sev = 3 if len(gone) * 2 > len(ca) else 2
        out.add("text_error", sev, loc, f"{name}: " + "; ".join(words),
                union_box([ca[k].get("bbox") for k in gone] + [cb[k].get("bbox") for k in added]),
                **({"missing": True} if gone else {}))  # fmt: skip


def _box(out: Findings, a: dict[str, Any], b: dict[str, Any], axes_r: Any, axes_c: Any, name: str, loc: str) -> None:
    """The table's box against its axes' box (a table placed by ``loc`` moves with its axes)."""
    ba, bb, xa, xc = clean_box(a.get("bbox")), clean_box(b.get("bbox")), clean_box(axes_r), clean_box(axes_c)
    if ba is None or bb is None or xa is None or xc is None:
        return
    if len(a.get("cells") or []) != len(b.get("cells") or []):
        return  # (rows or columns dropped: the cells' change, their box follows)

    def inside(box: tuple[float, ...], axes: tuple[float, ...]) -> list[float]:
        w, h = max(axes[2] - axes[0], 1e-6), max(axes[3] - axes[1], 1e-6)
        return [(box[0] - axes[0]) / w, (box[1] - axes[1]) / h, (box[2] - axes[0]) / w, (box[3] - axes[1]) / h]

    moved = max(abs(p - q) for p, q in zip(inside(ba, xa), inside(bb, xc), strict=True))
    if moved > TABLE_MOVED:
        out.add("data_error", 1, loc, f"{name}'s box moved or changed size (by up to {moved:.0%} of its axes)", bb,
                footprint="table")  # fmt: skip
