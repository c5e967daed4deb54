"""Tables read element by element, when the candidate lost its grid or most of its body: noise, a table
gutted (each row lost its borders, the rest one item per row of the grid), a table that ends before most
of the reference's rows (each blank row a dropped row). Rules in full: docs/judges.md, "Pixel judge", "Tables".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.difference import Region
from verm.judge.pixel.elements import _Element, _element_item, _missing_items, _noise_items, _survey
from verm.judge.pixel.geometry import PxBox
from verm.judge.pixel.layout import _long_lines


def _table_element_items(c: _Ctx, regions: list[Region]) -> tuple[list[_Item], list[PxBox]]:
    """Per-element items when the candidate is noise or gutted, or one per row when it lost the
    grid (`_table_rows_missing`), and the boxes they cover. A table's rules cross where the
    reference had text when rows collapse: rules reproduce no text."""
    hor, ver = _long_lines(c.cand_ink, 0.3)
    s = _survey(c, regions, cand_ink=c.cand_ink & ~(hor | ver))
    if s is None:
        return [], []

    def category(e: _Element) -> str:
        x0, y0, x1, y1 = e.box
        # A text line: a line of text in absolute terms (a table row).
        short = (y1 - y0) <= max(0.05 * c.h, 24) or (x1 - x0) <= max(0.05 * c.w, 24)
        return "text_error" if short and not _big(c, e) else "layout_error"

    if s.noise:
        return _noise_items(c, s, "layout_error")
    if not s.gutted and int(s.ref_lines.sum()) >= 200 and int(s.cand_lines.sum()) < 0.2 * int(s.ref_lines.sum()):
        # The table lost its grid: every row lost its borders.
        grid_el = [e for e in s.elements if _big(c, e)]
        if grid_el:
            return _table_rows_missing(c, max(grid_el, key=lambda e: e.ink), category), []
    if not s.gutted:
        return _table_body_lost(c)
    # The grid gone: each row lost its borders; the rest one item per row of the grid (its cells' words).
    items: list[_Item] = []
    for e in [e for e in s.missing if _big(c, e)]:
        items.extend(_table_rows_missing(c, e, category))

    def row(box: PxBox) -> object:
        return c.grid.row_of((box[1] + box[3]) / 2) if c.grid is not None else box

    rest, covered = _missing_items(c, [e for e in s.missing if not _big(c, e)], category, key=lambda e: row(e.box))
    # A row all of whose contents are gone lost what a dropped row loses: layout_error 3.
    per_row = Counter(row(e.box) for e in s.elements if not _big(c, e))
    for n, it in enumerate(rest):
        k = row(it.parts[0]) if it.parts else None
        if c.grid is not None and k is not None and per_row[k] >= 2 and len(it.parts) >= per_row[k]:
            desc = f"Every element of the reference's row {k} ({len(it.parts)}) is missing in the candidate."
            rest[n] = _Item("layout_error", 3, it.box, desc, it.kind, it.location, it.colours, it.parts)
    return items + rest, covered + [e.box for e in s.missing if _big(c, e)]


def _table_body_lost(c: _Ctx) -> tuple[list[_Item], list[PxBox]]:
    """A candidate that ends before most of the reference's rows (its table lost its body: the header
    alone) lost what they held: each reference row with content whose band the candidate leaves blank
    is one layout_error 3, as a dropped row. Under `BODY_LOST` of the rows blank: the grid rules decide
    (a row or two dropped)."""
    g = c.grid
    if g is None or len(g.rows) < 3:
        return [], []
    rows = []
    for i in range(len(g.rows) - 1):
        y0, y1 = int(g.rows[i]) + 2, int(g.rows[i + 1]) - 1
        if y1 > y0 and c.ref_ink[y0:y1].any():
            rows.append((i, y0, y1, not c.cand_ink[y0:y1].any()))
    blank = [r for r in rows if r[3]]
    if len(rows) < 3 or len(blank) <= BODY_LOST * len(rows):
        return [], []
    out, covered = [], []
    for i, y0, y1, _ in blank:
        box = (0, y0, c.w, y1)
        desc = f"The reference's row {i + 1} is not drawn in the candidate (its table ends before it)."
        out.append(_Item("layout_error", 3, box, desc, "layout", f"row {i + 1}"))
        covered.append(box)
    return out, covered


#: The share of the reference's rows (with content) a candidate must leave blank for its table to have lost its body.
BODY_LOST = 0.5


def _big(c: _Ctx, e: _Element) -> bool:
    """An element over 30 % of the image: the grid."""
    return (e.box[2] - e.box[0]) * (e.box[3] - e.box[1]) >= 0.3 * c.h * c.w


def _table_rows_missing(c: _Ctx, e: _Element, category: Callable[[_Element], str]) -> list[_Item]:
    """The grid of a table is one element; a candidate without it lost every row's borders: one per row."""
    g = c.grid
    if g is None or len(g.rows) < 3:
        return [_element_item(c, e, "The table's grid lines are missing in the candidate.", category(e))]
    out = []
    for k in range(1, len(g.rows)):
        box = (e.box[0], int(g.rows[k - 1]), e.box[2], max(int(g.rows[k - 1]) + 1, int(g.rows[k])))
        out.append(_Item("layout_error", 2, box, f"The borders of row {k} are missing in the candidate.", "element"))
    return out
