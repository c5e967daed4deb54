"""Tables: changed cells compared and read.

Neighbours with no rule between them are merged (layout_error 2); a row or column with most cells
changed (and reading other words) is one layout_error 2 (more than three: one re-flow); a cell whose ink
grew or shrank at one end only is a sign (left, 3) or a unit (right, 2); other cells are read by OCR:
text_error or numeric_error, unsure reads and OCR confusions report nothing; cells that trade contents
are one swap. Rules in full: docs/judges.md, "Pixel judge", "Tables".
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from verm.judge.pixel.colour import _lab_ink
from verm.judge.pixel.context import _Item
from verm.judge.pixel.explain import _canonical_crop, _shifted_diff
from verm.judge.pixel.geometry import PxBox, _union
from verm.judge.pixel.grade import _text_severity
from verm.judge.pixel.layout import TableGrid, table_grid
from verm.judge.pixel.ocr import (
    _NUMERIC,
    _alnum,
    _last_conf,
    _levenshtein,
    _number,
    _Ocr,
    _ocr_same,
    _q,
    _same_read,
    is_numeric_change,
    read_text,
)
from verm.judge.pixel.table_align import _cell_text_box

#: More rows/columns than this with most cells changed are reported as one re-flow.
MAX_CHANGED_LINES = 3


#: Cells read to tell a row or column whose cells changed class from one that only re-wrapped.
LINE_READS = 3


#: OCR reads left for table cells whose pixels, not content classes, differ.
WEAK_OCR = 8


#: Tesseract's word confidence under which a cell's read is noise (half-lines cut by a spanning
#: cell, a shrunk table's small text); such reads do not report a change.
MIN_READ_CONF = 60
#: Text (a cell's ink height, px) under this is small: a sign or a unit added to a number widens it by 2 px.
SMALL_TEXT_PX = 10


def table_cell_items(ref: np.ndarray, cand: np.ndarray, max_ocr: int) -> list[tuple[_Item, PxBox]] | None:
    """Compare two tables cell by cell when their grids have the same shape.

    A changed cell is read in both images; different words are a text_error (numeric_error
    when the change is confined to digits, signs and units) at "row r, column c". Returns
    (item in reference px, box in candidate px) pairs, or None when the grids differ in shape
    (rows or columns added, dropped or merged: the region diff reports those).
    """
    g_ref, g_cand = table_grid(ref), table_grid(cand)
    if g_ref is None or g_cand is None:
        return None
    if len(g_ref.rows) != len(g_cand.rows) or len(g_ref.cols) != len(g_cand.cols) or len(g_ref.rows) < 3:
        return None
    ref_ink, cand_ink = _lab_ink(ref)[1], _lab_ink(cand)[1]
    ref_grey, cand_grey = cv2.cvtColor(ref, cv2.COLOR_RGB2GRAY), cv2.cvtColor(cand, cv2.COLOR_RGB2GRAY)
    out: list[tuple[_Item, PxBox]] = []
    changed: list[tuple[int, int, PxBox, PxBox, PxBox | None, PxBox | None]] = []
    filled = 0
    ref_filled: dict[int, int] = {}
    for i in range(1, len(g_ref.rows)):
        for k in range(1, len(g_ref.cols)):
            rb = (
                int(g_ref.cols[k - 1]) + 3,
                int(g_ref.rows[i - 1]) + 3,
                int(g_ref.cols[k]) - 2,
                int(g_ref.rows[i]) - 2,
            )
            cb = (
                int(g_cand.cols[k - 1]) + 3, int(g_cand.rows[i - 1]) + 3, int(g_cand.cols[k]) - 2, int(g_cand.rows[i]) - 2,
            )  # fmt: skip
            if rb[2] <= rb[0] or rb[3] <= rb[1] or cb[2] <= cb[0] or cb[3] <= cb[1]:
                continue
            ri = ref_ink[rb[1] : rb[3], rb[0] : rb[2]]
            ci = cand_ink[cb[1] : cb[3], cb[0] : cb[2]]
            ra, ca = _cell_text_box(ri), _cell_text_box(ci)
            if ra is None and ca is None:
                continue
            filled += 1
            ref_filled[i] = ref_filled.get(i, 0) + (ra is not None)
            if ra is not None and ca is not None:
                rw_, rh_ = ra[2] - ra[0], ra[3] - ra[1]
                cw_, ch_ = ca[2] - ca[0], ca[3] - ca[1]
                if abs(rw_ - cw_) <= 1 and abs(rh_ - ch_) <= 1:
                    w_, h_ = min(rw_, cw_), min(rh_, ch_)
                    a = ref_grey[rb[1] + ra[1] : rb[1] + ra[1] + h_, rb[0] + ra[0] : rb[0] + ra[0] + w_]
                    b = cand_grey[cb[1] + ca[1] : cb[1] + ca[1] + h_, cb[0] + ca[0] : cb[0] + ca[0] + w_]
                    if float(cv2.absdiff(a, b).mean()) < 12:
                        continue  # the same content, maybe placed differently in a wider cell

            changed.append((i, k, rb, cb, ra, ca))

    n_rows, n_cols = len(g_ref.rows) - 1, len(g_ref.cols) - 1
    lost, changed = _emptied_rows(changed, ref_filled)
    # Row signatures (each cell's ink size): a changed row that equals another reference row moved.
    ref_sig, cand_sig = _row_signatures(g_ref, ref_ink), _row_signatures(g_cand, cand_ink)
    changed_rows = sorted({i for i, *_ in changed})
    # An emptied row holds no other row: its contents are gone, which the rules below count.
    moved_rows = [
        i
        for i in changed_rows
        if cand_sig[i - 1] in ref_sig and cand_sig[i - 1] != ref_sig[i - 1] and any(w or h for w, h in cand_sig[i - 1])
    ]
    if len(moved_rows) >= 2 and len(moved_rows) >= 0.5 * len(changed_rows):
        rbox = _union([x[2] for x in changed if x[0] in moved_rows])
        cbox = _union([x[3] for x in changed if x[0] in moved_rows])
        desc = (
            f"Rows {moved_rows[0]}-{moved_rows[-1]} hold other rows of the reference (rows moved, dropped or repeated)."
        )
        return [*lost, (_Item("layout_error", 2, rbox, desc, "layout", f"rows {moved_rows[0]}-{moved_rows[-1]}"), cbox)]
    if len(changed) >= 0.6 * filled and filled >= 6 and _mostly_different_words(changed, ref_grey, cand_grey):
        # Nearly every cell differs: not one edit but another table; one item per row, as severe as
        # the number of its cells that differ (up to 3).
        rows: dict[int, list[tuple[PxBox, PxBox]]] = {}
        for i, _k, rb, cb, _ra, _ca in changed:
            rows.setdefault(i, []).append((rb, cb))
        for i, cells in rows.items():
            desc = f"The content of {len(cells)} cell(s) of row {i} differs (most of the table does)."
            rbox, cbox = _union([b for b, _ in cells]), _union([b for _, b in cells])
            out.append((_Item("text_error", min(3, len(cells)), rbox, desc, "text", f"row {i}"), cbox))
        return lost + out
    grouped: set[int] = set()
    out = _changed_lines(out, changed, grouped, {}, {}, n_rows, n_cols)

    calls = 0
    reads: list[_CellRead] = []
    for n, (i, k, rb, cb, ra, ca) in enumerate(changed):
        if n in grouped or calls >= max_ocr or not _Ocr.available():
            continue
        ta, tb, conf = _read_cells(
            None if ra is None else _cell_crop(ref_grey, rb, ra), None if ca is None else _cell_crop(cand_grey, cb, ca)
        )
        calls += 2
        if ta == tb or max(_alnum(ta), _alnum(tb)) == 0 or conf < MIN_READ_CONF or _ocr_same(ta, tb):
            continue  # the same words (a rendering difference, an OCR confusion), nothing legible, or unsure
        reads.append(_CellRead(len(out), i, k, ta, tb))
        out.append(_cell_text_item(ta, tb, rb, cb, f"row {i}, column {k}"))
    return lost + _collapse_exchanges(out, reads)


def _emptied_rows(
    changed: list[tuple[int, int, PxBox, PxBox, PxBox | None, PxBox | None]], ref_filled: dict[int, int]
) -> tuple[list[tuple[_Item, PxBox]], list[tuple[int, int, PxBox, PxBox, PxBox | None, PxBox | None]]]:
    """Rows the candidate keeps but empties (every filled reference cell blank): what a dropped row
    loses, layout_error 3 each (missing content costs what it hides). Returns those items and the
    changed cells of the other rows."""
    blank: dict[int, list[tuple[int, int, PxBox, PxBox, PxBox | None, PxBox | None]]] = {}
    for x in changed:
        if x[4] is not None and x[5] is None:
            blank.setdefault(x[0], []).append(x)
    emptied = {i for i, cells in blank.items() if len(cells) >= 2 and len(cells) == ref_filled.get(i, 0)}
    items = []
    for i in sorted(emptied):
        cells = blank[i]
        rbox, cbox = _union([x[2] for x in cells]), _union([x[3] for x in cells])
        desc = f"Row {i} is empty in the candidate: its {len(cells)} cells of the reference are blank."
        items.append((_Item("layout_error", 3, rbox, desc, "layout", f"row {i}"), cbox))
    return items, [x for x in changed if x[0] not in emptied]


def _changed_cell_items(
    changed: list[tuple[int, int, PxBox, PxBox, PxBox | None, PxBox | None]],
    n_rows: int,
    n_cols: int,
    g_cand: TableGrid | None,
    cand_ink: np.ndarray | None,
    ref_grey: np.ndarray,
    cand_grey: np.ndarray,
    max_ocr: int,
    weak: set[int] | None = None,
    filled_rows: dict[int, int] | None = None,
    filled_cols: dict[int, int] | None = None,
    moved: tuple[set[int], set[int]] = (set(), set()),
    cand_original: tuple[np.ndarray, float] | None = None,
) -> list[tuple[_Item, PxBox]]:
    """Items for changed cells (row i, column k in the candidate's grid): merged cells, rows or
    columns with most cells changed (layout_error 2 each), then each remaining cell read by OCR.

    ``weak`` changes (same content class, pixels differ: a typo or a sub-pixel offset) do not
    count towards a changed row or column; ``filled_rows``/``filled_cols`` are the non-empty
    cells per row/column (default: ``n_cols``/``n_rows``). ``cand_original`` (grey image, scale):
    read the candidate's cells there, not in the resampled ``cand_grey``."""
    weak = weak or set()

    def cand_crop(cb: PxBox, ca: PxBox) -> np.ndarray:
        if cand_original is None:
            return _cell_crop(cand_grey, cb, ca)
        grey, s = cand_original
        x0, y0 = int((cb[0] + ca[0]) / s), int((cb[1] + ca[1]) / s)
        x1, y1 = math.ceil((cb[0] + ca[2]) / s), math.ceil((cb[1] + ca[3]) / s)
        return _cell_crop(grey, (x0, y0, x1, y1), (0, 0, x1 - x0, y1 - y0))

    out: list[tuple[_Item, PxBox]] = []
    grouped: set[int] = set()
    if g_cand is not None and cand_ink is not None:
        # Two neighbouring changed cells with no rule between them in the candidate: merged.
        pos = {(i, k): n for n, (i, k, *_r) in enumerate(changed)}
        for n, (i, k, *_r) in enumerate(changed):
            m = pos.get((i, k + 1))
            if m is None or n in grouped or m in grouped or not _merged_in_candidate(g_cand, cand_ink, i, k):
                continue
            if _rule_broken(ref_grey, changed[n][2]):
                continue  # the reference's cells are one already (a span): their text changed
            rbox, cbox = _union([changed[n][2], changed[m][2]]), _union([changed[n][3], changed[m][3]])
            desc = f"Cells {k} and {k + 1} of row {i} are one cell in the candidate."
            out.append((_Item("layout_error", 2, rbox, desc, "layout", f"row {i}, columns {k}-{k + 1}"), cbox))
            grouped.update((n, m))

    def own_edit(cell: tuple[Any, ...]) -> bool:
        _i, _k, rb, cb, ra, ca = cell
        return _affix_sized(cell) and all(
            len(_text_lines(_cell_crop(g, b, a))) == 1 for g, b, a in ((ref_grey, rb, ra), (cand_grey, cb, ca))
        )

    out = _changed_lines(
        out, changed, grouped, filled_rows or {}, filled_cols or {}, n_rows, n_cols, weak, moved,
        lambda members: _mostly_different_words(members, ref_grey, cand_grey, LINE_READS), own_edit,
    )  # fmt: skip

    calls = weak_calls = 0
    reads: list[_CellRead] = []

    # Cells that differ in content first; then those only pixels tell apart (a typo, or a sub-pixel
    # offset: OCR decides), under a smaller cap, most changed ink first: a table re-flowed by a
    # sub-pixel offset has many such cells whose centred, blurred ink agrees within a grey level or
    # two, and a changed digit among them differs by several (seed-67 wtq-204-616: 8.7 against
    # <= 0.6; read in table order, the cap was spent before it).
    def weak_change(n: int) -> float:
        _i, _k, rb, cb, ra, ca = changed[n]
        if ra is None or ca is None:
            return math.inf
        return _shifted_diff(
            _canonical_crop(_cell_crop(ref_grey, rb, ra)), _canonical_crop(_cell_crop(cand_grey, cb, ca))
        )

    order = sorted(range(len(changed)), key=lambda n: (n in weak, -weak_change(n) if n in weak else 0.0))
    for n in order:
        i, k, rb, cb, ra, ca = changed[n]
        if n in grouped or calls >= max_ocr or not _Ocr.available():
            continue
        if n in weak:
            if weak_calls >= WEAK_OCR:
                continue
            weak_calls += 2
        if ra is not None and ca is not None and n not in weak and cand_original is None:
            affix = _affix_item(
                _cell_crop(ref_grey, rb, ra), _cell_crop(cand_grey, cb, ca), rb, cb, f"row {i}, column {k}"
            )
            if affix is not None:
                out.append(affix)  # a sign or a unit: the pixels say so, whatever OCR reads
                continue
        ta, tb, conf = _read_cells(
            None if ra is None else _cell_crop(ref_grey, rb, ra), None if ca is None else cand_crop(cb, ca)
        )
        calls += 2
        if conf < MIN_READ_CONF and ra is not None and ca is not None and _unit_read(ta, tb, ra, ca):
            # Unsure of the new glyph only: the number is read whole, the ink wider on the right.
            desc = f"A unit or symbol was added after the number {_q(ta)} (read {_q(tb)}, the ink wider on the right)."
            out.append((_Item("numeric_error", 2, rb, desc, "text", f"row {i}, column {k}"), cb))
            continue
        if conf < MIN_READ_CONF and not (ta == tb and _number(ta) is not None):
            continue  # an unsure read: OCR noise is no evidence of an edit (one number read alike is)
        if ta == tb and n not in weak and ra is not None and ca is not None and _number(ta) is not None:
            # The same number read twice, but the ink differs: OCR drops a small leading minus
            # sign or a trailing unit. Where the narrower ink sits in the wider says which.
            grew = (ca[2] - ca[0]) - (ra[2] - ra[0])
            # A minus sign or a unit glyph is 3 px wide or more in text 10 px tall; in a shrunk
            # table's smaller text it is 2 px (sub-pixel jitter stays under: the classes differ here).
            if abs(grew) >= (3 if min(ra[3] - ra[1], ca[3] - ca[1]) >= SMALL_TEXT_PX else 2):
                side = _extra_side(_cell_crop(ref_grey, rb, ra), _cell_crop(cand_grey, cb, ca))
                if side == "left":
                    tb = ("-" + ta) if grew > 0 else ta.lstrip("-−")
                    ta = ta if grew > 0 else ("-" + ta.lstrip("-−"))
                elif side == "right":
                    unit = "added after" if grew > 0 else "removed from"
                    desc = (
                        f"A unit or symbol was {unit} the number {_q(ta)} (the ink is wider or narrower on the right)."
                    )
                    out.append((_Item("numeric_error", 2, rb, desc, "text", f"row {i}, column {k}"), cb))
                    continue
        if ta == tb or max(_alnum(ta), _alnum(tb)) == 0 or _ocr_same(ta, tb):
            continue  # the same words (a rendering difference, an OCR confusion) or nothing legible
        reads.append(_CellRead(len(out), i, k, ta, tb))
        out.append(_cell_text_item(ta, tb, rb, cb, f"row {i}, column {k}"))
    return _collapse_exchanges(out, reads)


def _changed_lines(
    out: list[tuple[_Item, PxBox]],
    changed: Sequence[tuple[Any, ...]],
    grouped: set[int],
    filled_rows: dict[int, int],
    filled_cols: dict[int, int],
    n_rows: int,
    n_cols: int,
    skip: Collection[int] = (),
    moved: tuple[Collection[int], Collection[int]] = ((), ()),
    reads_differ: Callable[[list[Any]], bool] | None = None,
    own_edit: Callable[[tuple[Any, ...]], bool] | None = None,
) -> list[tuple[_Item, PxBox]]:
    """A row (column) where most cells changed was moved, replaced or reordered: one layout item for it,
    and many such lines are one re-flow of the table. ``reads_differ`` (the line's changed cells ->
    do they read other words?) drops lines whose cells only re-wrapped: a column added or removed
    elsewhere narrows or widens every column. Updates ``grouped``; returns the new item list."""
    by_row: dict[int, list[int]] = {}
    by_col: dict[int, list[int]] = {}
    for n, (i, k, *_rest) in enumerate(changed):
        if n in skip:
            continue
        by_row.setdefault(i, []).append(n)
        by_col.setdefault(k, []).append(n)
    for key, members, n_other, what in (
        *((i, m, filled_rows.get(i, n_cols), "row") for i, m in by_row.items()),
        *((k, m, filled_cols.get(k, n_rows), "column") for k, m in by_col.items()),
    ):
        members = [m for m in members if m not in grouped]
        if len(members) >= 2 and len(members) >= 0.5 * n_other:
            if key in moved[0 if what == "row" else 1]:
                grouped.update(members)  # a moved line: its move is reported, its re-wrapped cells are not
                continue
            if reads_differ is not None and not reads_differ([changed[m] for m in members]):
                # The same words: re-wrapped cells are no edit; a cell a glyph wider or narrower is
                # read on its own (a sign or a unit added to two of a short column's three numbers
                # reads as the same numbers too: seed-137 table-137-00036).
                grouped.update(m for m in members if own_edit is None or not own_edit(changed[m]))
                continue
            rbox = _union([changed[m][2] for m in members])
            cbox = _union([changed[m][3] for m in members])
            desc = f"Most cells of {what} {key} differ (the {what} was moved, replaced or reordered)."
            out.append((_Item("layout_error", 2, rbox, desc, "layout", f"{what} {key}"), cbox))
            grouped.update(members)
    if len(out) > MAX_CHANGED_LINES:
        # Many whole rows or columns differ: one re-flow of the table (column widths, wrapping), not many edits.
        rbox, cbox = _union([it.box for it, _ in out]), _union([b for _, b in out])
        desc = f"{len(out)} rows or columns differ in most cells (the table re-flowed or was rebuilt)."
        out = [(_Item("layout_error", 2, rbox, desc, "layout", "many rows"), cbox)]
    return out


#: A changed cell whose ink's height differs by more than this (px) was re-wrapped (or re-scaled).
REWRAP_PX = 2
#: A sign or unit widens a cell's ink by at least this share of its width (`_affix_sized`).
AFFIX_SHARE = 0.05


def _affix_sized(cell: tuple[Any, ...]) -> bool:
    """Could a changed cell of a line that reads the same words be a sign or a unit added or removed
    (read on its own, not taken for the line's re-wrap, when it is one line of text on both sides:
    a wrapped cell keeps its height when its lines break elsewhere)? Its ink the same height (within
    `REWRAP_PX`: its lines not broken elsewhere) and a glyph wider or narrower (3 px; 2 in text
    under `SMALL_TEXT_PX` tall: text re-set at a new offset or rescaled keeps its width within a
    pixel; and by `AFFIX_SHARE` of its width, up to `MAX_AFFIX`), not cut by the cell's side on either image (text running across a column's place, a
    spanning cell, is cut elsewhere when the column widths change)."""
    _i, _k, rb, cb, ra, ca = cell
    if ra is None or ca is None or abs((ra[3] - ra[1]) - (ca[3] - ca[1])) > REWRAP_PX:
        return False
    if any(a[0] <= 1 or a[2] >= b[2] - b[0] - 1 for a, b in ((ra, rb), (ca, cb))):
        return False
    grew = abs((ca[2] - ca[0]) - (ra[2] - ra[0]))
    glyph = 3 if min(ra[3] - ra[1], ca[3] - ca[1]) >= SMALL_TEXT_PX else 2
    # Long text rescaled by a per cent or two changes width by a few px too: the change must be a
    # share of the width (a sign on a number is a tenth of it), and at most a few glyphs.
    return max(glyph, AFFIX_SHARE * min(ra[2] - ra[0], ca[2] - ca[0])) <= grew <= MAX_AFFIX


def _read_cells(ref_crop: np.ndarray | None, cand_crop: np.ndarray | None) -> tuple[str, str, int]:
    """Both reads of a changed cell (crops of the ink box, padded so glyphs are whole; None and ""
    for an empty cell) and the lower of their OCR confidences (100 for an empty cell). When
    Tesseract is unsure of either, both are read again upscaled more (their glyphs fall on other
    pixels: a small minus sign, a 6 px line) and the surer pair is kept; both sides are always read
    alike, so that the same ink reads the same."""
    best = ("", "", -1)
    for zoom in (1.0, RETRY_ZOOM):
        ta, ca = _read_cell(ref_crop, zoom) if ref_crop is not None else ("", 100)
        tb, cb = _read_cell(cand_crop, zoom) if cand_crop is not None else ("", 100)
        pair = (ta, tb, min(ca if ta else 100, cb if tb else 100))
        best = max(best, pair, key=lambda r: r[2])
        if best[2] >= MIN_READ_CONF:
            break
    return best


#: Rows of a crop whose ink is darker than the background by this (grey levels) hold text.
LINE_INK = 80
#: A row inked over this share of a crop's width is a rule (a spanning cell's inner rule), not text.
RULE_SHARE = 0.8
#: A crop taller than this (px, padding included) holds more than one line of text.
TALL_CROP_PX = 34
#: Ink bands under this height (px) are specks, not lines of text.
MIN_LINE_PX = 3


def _text_lines(crop: np.ndarray) -> list[tuple[int, int]]:
    """The lines of text in a cell crop: bands of rows holding ink, split by blank rows or by a rule
    across the crop (a cell that spans several sub-rows), specks dropped. (start, end) rows."""
    ink = np.abs(crop.astype(np.int16) - int(np.median(crop))) > LINE_INK
    share = ink.mean(axis=1) if crop.shape[1] else np.zeros(crop.shape[0])
    text = (share > 0) & (share < RULE_SHARE)
    bands, start = [], None
    for y, t in enumerate([*text.tolist(), False]):
        if t and start is None:
            start = y
        elif not t and start is not None:
            if y - start >= MIN_LINE_PX:
                bands.append((start, y))
            start = None
    return bands


def _read_cell(crop: np.ndarray, zoom: float) -> tuple[str, int]:
    """A cell's text and Tesseract's confidence. Two or more lines are read as a block upscaled by
    their line height (small text in a tall cell is still small)."""
    lines = _text_lines(crop)
    # Lines set close enough to touch are one tall band: a block still, read at the old line height.
    multi = len(lines) >= 2 or crop.shape[0] > TALL_CROP_PX
    line_px = int(np.median([b - a for a, b in lines])) + 4 if len(lines) >= 2 else None
    text = read_text(crop, block=multi, line_px=line_px, zoom=zoom) or ""
    # A small minus sign reads as a quote mark: off, so the number reads alike and the ink decides.
    return text.strip(QUOTES), _last_conf()


#: Quote marks Tesseract reads at either end of a small cell's text (a minus sign, a stray speck).
QUOTES = "“”„\"'‘’"


#: A second read of an unsure crop is upscaled this much more (its glyphs fall on other pixels).
RETRY_ZOOM = 1.3


#: Characters a unit added after a number reads as (a "%" read as "%6" or "96" by an unsure OCR).
_UNIT_TAIL = re.compile(r"^\s?[^\W\d_]{1,3}$|^\s?[%‰°$€£¥][\w]?$")


def _unit_read(ta: str, tb: str, ra: PxBox, ca: PxBox) -> bool:
    """Does an unsure read say a unit was added: the reference's number read whole at the start of
    the candidate's read, a unit-like tail after it, and the candidate's ink wider by a glyph (3 px;
    2 px in text under `SMALL_TEXT_PX` tall) on the right?"""
    if _number(ta) is None or not tb.startswith(ta) or not _UNIT_TAIL.match(tb[len(ta) :]):
        return False
    grew = (ca[2] - ca[0]) - (ra[2] - ra[0])
    return grew >= (3 if min(ra[3] - ra[1], ca[3] - ca[1]) >= SMALL_TEXT_PX else 2)


def _changed_values(ta: str, tb: str) -> list[tuple[str, str]] | None:
    """A cell holding several numbers (sub-rows the grid does not split: '24 33 84'), read as many
    numbers in both: the pairs that differ, compared one to one. None for any other read."""
    xs, ys = ta.split(), tb.split()
    if len(xs) < 2 or len(xs) != len(ys) or not all(_number(t) is not None and _NUMERIC.match(t) for t in xs + ys):
        return None
    return [(x, y) for x, y in zip(xs, ys, strict=True) if x != y]


def _cell_text_item(ta: str, tb: str, rb: PxBox, cb: PxBox, where: str) -> tuple[_Item, PxBox]:
    """The discrepancy for one cell whose OCR'd reads differ: numeric or text, severity by the written rule.
    A cell of several numbers is graded by the numbers that changed ('24 -33 84' for '24 33 84' is a
    sign flip, not a one-character typo)."""
    values = _changed_values(ta, tb)
    if values:
        sev = max(_text_severity(x, y, is_numeric_change(x, y)) for x, y in values)
        changed = ", ".join(f"{_q(y)} instead of {_q(x)}" for x, y in values)
        desc = f"The numbers read {_q(tb)} in the candidate instead of {_q(ta)} ({changed})."
        return _Item("numeric_error", sev, rb, desc, "text", where), cb
    numeric = is_numeric_change(ta, tb)
    sev = _text_severity(ta, tb, numeric)
    if not tb:
        desc = f"The cell {_q(ta)} is empty in the candidate."
    elif not ta:
        desc = f"The candidate's cell has {_q(tb)} where the reference's is empty."
    else:
        desc = f"The {'number' if numeric else 'text'} reads {_q(tb)} in the candidate instead of {_q(ta)}."
    return _Item("numeric_error" if numeric else "text_error", sev, rb, desc, "text", where), cb


def _cell_crop(grey: np.ndarray, box: PxBox, inner: PxBox) -> np.ndarray:
    """A cell's ink box, padded by 2 px, from a grey image (``inner`` is relative to ``box``)."""
    x0, y0 = box[0] + max(inner[0] - 2, 0), box[1] + max(inner[1] - 2, 0)
    return np.ascontiguousarray(grey[y0 : box[1] + inner[3] + 2, x0 : box[0] + inner[2] + 2])


def _mostly_different_words(changed: list[Any], ref_grey: np.ndarray, cand_grey: np.ndarray, n: int = 6) -> bool:
    """Read up to ``n`` changed cells: do most say something else (not the same words re-wrapped)?"""
    if not _Ocr.available():
        return True
    sample = [x for x in changed if x[4] is not None and x[5] is not None][:n]
    if not sample:
        return True
    differ = 0
    for _i, _k, rb, cb, ra, ca in sample:
        ta = " ".join((read_text(_cell_crop(ref_grey, rb, ra), block=True) or "").split())
        tb = " ".join((read_text(_cell_crop(cand_grey, cb, ca), block=True) or "").split())
        # A table re-rendered at another scale reads alike but not letter for letter.
        differ += _levenshtein(ta, tb) > max(1, 0.2 * max(len(ta), len(tb)))
    return differ >= 0.6 * len(sample)


def _row_signatures(g: TableGrid, ink: np.ndarray) -> list[tuple[tuple[int, int], ...]]:
    """Per row, the size of each cell's ink (rounded to 3 px): equal rows have equal signatures."""
    out = []
    for i in range(1, len(g.rows)):
        sig = []
        for k in range(1, len(g.cols)):
            y0, y1 = int(g.rows[i - 1]) + 3, int(g.rows[i]) - 2
            x0, x1 = int(g.cols[k - 1]) + 3, int(g.cols[k]) - 2
            b = _cell_text_box(ink[y0:y1, x0:x1]) if y1 > y0 and x1 > x0 else None
            sig.append((0, 0) if b is None else ((b[2] - b[0]) // 3, (b[3] - b[1]) // 3))
        out.append(tuple(sig))
    return out


def _merged_in_candidate(g: TableGrid, ink: np.ndarray, i: int, k: int) -> bool:
    """Does the candidate's rule between columns k and k+1 (1-based) break in row i (a merged cell)?"""
    if k >= len(g.cols) - 1:
        return False
    x = round(g.cols[k])
    y0, y1 = int(g.rows[i - 1]) + 3, int(g.rows[i]) - 2
    if y1 <= y0:
        return False
    band = ink[y0:y1, max(0, x - 1) : x + 2]
    return float(band.any(axis=1).mean()) < 0.5


#: Widest extra ink (px) read as a sign or unit added to or removed from a cell otherwise the same.
MAX_AFFIX = 16


def _affix_item(a: np.ndarray, b: np.ndarray, rb: PxBox, cb: PxBox, where: str) -> tuple[_Item, PxBox] | None:
    """A cell whose ink is the other's, pixel for pixel, plus up to `MAX_AFFIX` px at one end: a minus
    sign (or other prefix) added or removed on the left, numeric_error 3; a unit on the right,
    numeric_error 2. None when the narrower crop is not inside the wider one (OCR decides)."""
    grew = b.shape[1] - a.shape[1]
    if not 3 <= abs(grew) <= MAX_AFFIX or abs(a.shape[0] - b.shape[0]) > 1:
        return None
    small, big = (a, b) if grew > 0 else (b, a)
    h = min(small.shape[0], big.shape[0])
    small, big = small[:h, 2:-2], big[:h]  # the padding off the narrower: it must fit inside
    if small.shape[1] < 6:
        return None
    res = cv2.matchTemplate(big.astype(np.float32), small.astype(np.float32), cv2.TM_SQDIFF)[0]
    x = int(res.argmin())
    # Near-exact: a copy at another sub-pixel offset (mean squared grey difference < 800, where
    # other placements of the same word give thousands), not another word.
    if res[x] / small.size > 800.0 or res[x] > 0.15 * float(np.median(res)):
        return None
    # The narrower crop, its padding off, sits at x - 2 in the wider: flush right (extra ink on the
    # left) or flush left (extra ink on the right), within a pixel.
    extra = abs(grew)
    if abs(x - 2 - extra) <= 1:
        side = "left"
    elif abs(x - 2) <= 1:
        side = "right"
    else:
        return None
    verb = "added to" if grew > 0 else "removed from"
    if side == "left":
        desc = f"A minus sign or prefix was {verb} the value (the same ink, wider or narrower on the left)."
        return _Item("numeric_error", 3, rb, desc, "text", where), cb
    desc = f"A unit or symbol was {verb} the value (the same ink, wider or narrower on the right)."
    return _Item("numeric_error", 2, rb, desc, "text", where), cb


def _rule_broken(grey: np.ndarray, inner: PxBox) -> bool:
    """Does the rule right of a cell (its inner box; the rule 2 px past it) break over most of the
    cell's height, i.e. the cell spans into the next column?"""
    x, y0, y1 = inner[2] + 2, inner[1], inner[3]
    if y1 <= y0 or x >= grey.shape[1]:
        return False
    band = grey[y0:y1, max(0, x - 1) : x + 2] < 160
    return float(band.any(axis=1).mean()) < 0.5


def _extra_side(a: np.ndarray, b: np.ndarray) -> str | None:
    """Where the wider of two crops of one line has extra ink: "left", "right" or None (unclear)."""
    small, big = (a, b) if a.shape[1] <= b.shape[1] else (b, a)
    h = min(small.shape[0], big.shape[0])
    small, big = small[:h], big[:h]
    if big.shape[1] - small.shape[1] < 2 or small.shape[1] < 4:
        return None
    res = cv2.matchTemplate(big.astype(np.float32), small.astype(np.float32), cv2.TM_SQDIFF_NORMED)[0]
    x = int(res.argmin())
    span = len(res) - 1
    return "right" if x <= 0.25 * span else ("left" if x >= 0.75 * span else None)


@dataclass(frozen=True)
class _CellRead:
    """A cell whose text changed: its item's index in the item list, its place, and both reads."""

    item: int
    row: int
    col: int
    ref: str
    cand: str


def _collapse_exchanges(items: list[tuple[_Item, PxBox]], reads: list[_CellRead]) -> list[tuple[_Item, PxBox]]:
    """Cells that trade contents are one swap: two columns (same row) or two rows (same column).

    A swap of columns of different widths re-wraps the table, so the grid alignment may miss it;
    the cell reads then show it: column k reads what column j read and the other way round.
    One layout_error 2 per swapped pair replaces the cell items and the line items of those lines.
    """
    swaps: dict[tuple[str, int, int], set[int]] = {}
    # A cell that reads as before up to OCR noise took no one's contents.
    reads = [r for r in reads if not _same_read(r.ref, r.cand)]
    for n, a in enumerate(reads):
        for b in reads[n + 1 :]:
            if not (_same_read(a.ref, b.cand) and _same_read(a.cand, b.ref)):
                continue
            if a.row == b.row and a.col != b.col:
                key = ("columns", min(a.col, b.col), max(a.col, b.col))
            elif a.col == b.col and a.row != b.row:
                key = ("rows", min(a.row, b.row), max(a.row, b.row))
            else:
                continue
            swaps.setdefault(key, set()).update((a.item, b.item))
    if not swaps:
        return items
    # Once two lines are known to be swapped, their other cells that trade contents join the swap,
    # however short ('0' and '4': single characters alone prove nothing).
    for a in reads:
        for b in reads:
            if a.item >= b.item or not (_ocr_same(a.ref, b.cand) and _ocr_same(a.cand, b.ref)):
                continue
            for key in (("columns", *sorted((a.col, b.col))), ("rows", *sorted((a.row, b.row)))):
                same_line = a.row == b.row if key[0] == "columns" else a.col == b.col
                if same_line and key in swaps:
                    swaps[key].update((a.item, b.item))
    drop: set[int] = set()
    out: list[tuple[_Item, PxBox]] = []
    lines = {f"{what[:-1]} {j}" for what, *pair in swaps for j in pair}
    for (what, j, k), members in swaps.items():
        rbox = _union([items[m][0].box for m in members])
        cbox = _union([items[m][1] for m in members])
        desc = f"{what.capitalize()} {j} and {k} are swapped ({len(members)} cells hold each other's contents)."
        out.append((_Item("layout_error", 2, rbox, desc, "layout", f"{what} {j} and {k}"), cbox))
        drop.update(members)
    for n, (it, cb) in enumerate(items):
        if n in drop or it.location in lines:
            continue  # the swap's cells, or a line item for a swapped line
        out.append((it, cb))
    return out
