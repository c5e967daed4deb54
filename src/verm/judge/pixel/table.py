"""Tables compared through their grids: aligned by content first, then one or two rows or columns
more or fewer, then cell by cell in place.

A dropped row/column is layout_error 3, a repeated one, a reorder or an inserted empty one layout_error
2, a split cell 2 (3 when the row's last cell is lost); a candidate whose rows are another height is
scaled to the reference's row pitch first. Tables that do not align still cost what they hide: a table
broken into strips a row per empty band, a table of other words 3 per row lost. Rules in full:
docs/judges.md, "Pixel judge", "Tables".
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections import Counter

import cv2
import numpy as np
from PIL import Image

from verm.judge.pixel.colour import _lab_ink
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.explain import _canonical_crop, _shifted_diff
from verm.judge.pixel.geometry import PxBox, _grid_word, _union
from verm.judge.pixel.hidden import _graded_hidden_items, hidden_parts, more_parts
from verm.judge.pixel.layout import TableGrid, table_grid
from verm.judge.pixel.table_align import (
    GLYPH_DIFF,
    _agreeing,
    _align_lines,
    _Alignment,
    _Cell,
    _cell_inner,
    _cell_text_box,
    _CellClasses,
    _multiset_sim,
    _row_pitch,
    _same_cell,
    _through_sim,
)
from verm.judge.pixel.table_cells import _cell_crop, _changed_cell_items, _mostly_different_words, table_cell_items
from verm.judge.pixel.table_spans import _merged_rows, _split_rows


def table_grid_items(
    ref: np.ndarray, cand: np.ndarray, grid: TableGrid | None, max_ocr: int, elements_missing: bool
) -> list[tuple[_Item, PxBox]] | None:
    """A table compared through its grid: rows and columns aligned by content (`table_aligned_items`),
    else one or two rows or columns more or fewer (`table_shape_items`), else cell by cell in place
    (`table_cell_items`). When elements are missing (``elements_missing``: the candidate is gutted or
    noise) only the shape check runs. Returns (item in reference px, box in candidate px) pairs, or
    None: the region diff decides."""
    if elements_missing:
        # A table drawn much smaller (a wider table shrunk onto the canvas) has every element missing at
        # the reference's scale: read at the candidate's (`_shrunk_reference_items`) when it aligns.
        g_cand = table_grid(cand)
        g_ref = grid or table_grid(ref)
        if g_ref is not None and g_cand is not None and _pitch_ratio(g_ref, g_cand) >= MIN_SHRINK:
            shrunk = table_aligned_items(ref, cand, max_ocr, g_ref)
            if shrunk is not None:
                return shrunk
        # A row or column or two more or fewer, when the candidate's cells are mostly as often filled
        # as the reference's (a share of its grid: a dropped column may hold most of the text); a table
        # emptied of its body is left to the missing elements, one per row: a shape item alone would
        # hide what it lost.
        if _filled_share(cand) < KEPT_FILLED * _filled_share(ref, grid):
            return None
        # (a table of other words in about the reference's shape, noise text, lost its content: the rows it
        # lost cost what they hide, not the one row fewer its shape tells)
        return (
            table_replaced_items(ref, cand, max_ocr, grid)
            or _dropped_lines_items(ref, cand, max_ocr, grid)
            or table_shape_items(ref, cand, max_change=2)
        )
    cells = table_aligned_items(ref, cand, max_ocr, grid)
    if cells is None:
        cells = table_strip_items(ref, cand, grid) or table_replaced_items(ref, cand, max_ocr, grid)
    if cells is None:
        cells = table_shape_items(ref, cand, max_change=2)
    if cells is None:
        cells = table_cell_items(ref, cand, max_ocr)
    return cells


def _dropped_lines_items(
    ref: np.ndarray, cand: np.ndarray, max_ocr: int, grid: TableGrid | None
) -> list[tuple[_Item, PxBox]] | None:
    """A candidate whose missing elements are whole rows or columns dropped (one of a 2-column table's
    two columns is half its ink): the aligned reading (`table_aligned_items`, which also reads the
    kept cells' edits), when the lines it finds dropped are exactly the rows and columns the
    candidate's grid has fewer (at most two). None otherwise: the shape reading decides."""
    g_ref, g_cand = grid or table_grid(ref), table_grid(cand)
    if g_ref is None or g_cand is None:
        return None
    fewer = max(0, len(g_ref.rows) - len(g_cand.rows)) + max(0, len(g_ref.cols) - len(g_cand.cols))
    if not 0 < fewer <= 2 or len(g_cand.rows) > len(g_ref.rows) or len(g_cand.cols) > len(g_ref.cols):
        return None
    cells = table_aligned_items(ref, cand, max_ocr, g_ref)
    if cells is None:
        return None
    dropped = sum(
        it.category == "layout_error" and it.description.endswith("is missing in the candidate.") for it, _ in cells
    )
    return cells if dropped == fewer else None


#: The content classes' glyph bound (`table_align.GLYPH_DIFF`) grows by itself per this much rescaling (log).
RESAMPLE_STEP = 0.05


#: A candidate whose elements are missing keeps its table's shape when its grid's share of filled
#: cells is at least this share of the reference's.
KEPT_FILLED = 0.5


def _cells_filled(img: np.ndarray, g: TableGrid) -> list[tuple[PxBox, bool]]:
    """The inner boxes of the table grid's cells, each with whether it holds ink."""
    ink = _lab_ink(img)[1]
    boxes = [_cell_inner(g, i, k) for i in range(1, len(g.rows)) for k in range(1, len(g.cols))]
    return [
        (b, _cell_text_box(ink[b[1] : b[3], b[0] : b[2]]) is not None) for b in boxes if b[2] > b[0] and b[3] > b[1]
    ]


def _filled_share(img: np.ndarray, grid: TableGrid | None = None) -> float:
    """The share of the image's table grid cells that hold ink (0 without a readable grid)."""
    g = grid or table_grid(img)
    if g is None:
        return 0.0
    cells = _cells_filled(img, g)
    return sum(filled for _, filled in cells) / max(1, len(cells))


#: A candidate hides its table's content when it leaves more than this share of the reference's filled cells empty.
CELLS_HIDDEN = 0.5


def table_hidden_items(c: _Ctx, cand_own: np.ndarray, have: int) -> list[_Item]:
    """Missing content costs what it hides: a candidate whose table leaves more than `CELLS_HIDDEN` of the
    reference's filled cells empty (cells counted on each table's own grid, the candidate's as drawn,
    ``cand_own``, at the reference's scale and not stretched to its size, so a re-flowed table counts
    alike; its body emptied, or only the header kept) hid that share of the content. Its severity-3
    items pile up to `hidden.hidden_parts` of the share: the ``have`` the other readings found (rows
    missing) count, the rest are hidden-content items over the reference's cells left empty in place
    (the table's body when none are). [] when either grid cannot be read."""
    g_cand = table_grid(cand_own)
    if c.grid is None or g_cand is None:
        return []
    ref_cells = [b for b, filled in _cells_filled(c.ref, c.grid) if filled]
    n_cand = sum(filled for _, filled in _cells_filled(cand_own, g_cand))
    if not ref_cells:
        return []
    share = 1.0 - n_cand / len(ref_cells)
    extra = hidden_parts(share) - have
    if share <= CELLS_HIDDEN or extra <= 0:
        return []
    ink = _lab_ink(c.cand)[1]
    emptied = [b for b in ref_cells if _cell_text_box(ink[b[1] : b[3], b[0] : b[2]]) is None]
    mask = np.zeros((c.h, c.w), bool)
    for x0, y0, x1, y1 in emptied or ref_cells:
        mask[y0:y1, x0:x1] = True
    why = f"{len(ref_cells) - n_cand} of its {len(ref_cells)} filled cells are empty"
    return _graded_hidden_items(c, mask, extra, "layout_error", "table content", why)


def table_aligned_items(
    ref: np.ndarray, cand: np.ndarray, max_ocr: int, g_ref: TableGrid | None = None
) -> list[tuple[_Item, PxBox]] | None:
    """Compare two tables after aligning their rows and columns by content.

    Every cell gets a content class (`_CellClasses`); a row is the multiset of its cells' classes,
    a column likewise, so a row keeps its identity when columns move and vice versa. Rows and
    columns are aligned (`_align_lines`): a dropped one is one layout_error 3, a repeated one or
    a swap (a cycle of the order) one layout_error 2. Then the cells of aligned rows and columns
    are compared (`_changed_cell_items`); a row whose later cells all sit one column to the
    right had a cell split (`_split_rows`). A candidate whose rows are another height by over
    1 % (a wider table shrunk to the same canvas: at 3 % most text of a table shrunk by 2 % fell
    into new content classes) is scaled to the reference's row pitch first. Returns (item
    in reference px, box in candidate px) pairs, or None when the grids cannot be read or the
    tables do not align (another table).
    """
    g_ref, g_cand = g_ref or table_grid(ref), table_grid(cand)
    if g_ref is None or g_cand is None or len(g_ref.rows) < 3 or len(g_cand.rows) < 3:
        return None
    scale = _pitch_ratio(g_ref, g_cand)
    if MIN_SHRINK <= scale < MAX_SHRINK:
        shrunk = _shrunk_reference_items(ref, cand, max_ocr, g_cand, scale)
        if shrunk is not None:
            return shrunk
    cand_original = cand
    if abs(scale - 1.0) > 0.01 and 0.5 < scale < 2.0:
        ch, cw = cand.shape[:2]
        cand = cv2.resize(
            cand,
            (max(1, round(cw * scale)), max(1, round(ch * scale))),
            interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC,
        )
        g_cand = table_grid(cand)
        if g_cand is None or len(g_cand.rows) < 3:
            return None
    else:
        scale = 1.0
    out = _aligned_items(ref, cand, max_ocr, g_ref, g_cand, original=(cand_original, scale) if scale != 1.0 else None)
    if out is None or scale == 1.0:
        return out
    return [
        (it, (int(b[0] / scale), int(b[1] / scale), math.ceil(b[2] / scale), math.ceil(b[3] / scale))) for it, b in out
    ]


#: Rows another height by over this share are compared at one scale; a candidate with smaller rows
#: (a wider table shrunk onto the canvas) is compared with the reference shrunk alike, up to this factor.
RESCALE = 0.01
MIN_SHRINK, MAX_SHRINK = 1.1, 3.0
#: The glyph bound of content classes (`table_align.GLYPH_DIFF`) between a shrunk reference and candidate:
#: the same text shrunk at two sub-pixel phases has single pixels 60-90 grey levels apart (seed-149
#: table-149-00109: 106 of 145 crop pairs with a mean under 13 had a pixel 40 or more apart).
SHRUNK_GLYPH = 1.5 * GLYPH_DIFF


def _pitch_ratio(g_ref: TableGrid, g_cand: TableGrid) -> float:
    """The reference's row pitch over the candidate's (1 when either is unknown)."""
    pr, pc = _row_pitch(g_ref), _row_pitch(g_cand)
    return pr / pc if pr > 0 and pc > 0 else 1.0


def _shrunk_reference_items(
    ref: np.ndarray, cand: np.ndarray, max_ocr: int, g_cand: TableGrid, scale: float
) -> list[tuple[_Item, PxBox]] | None:
    """`table_aligned_items` for a candidate whose rows are ``scale`` times smaller: the renderer shrank
    its wider table onto the canvas (Lanczos), so the reference is shrunk alike and the two compared
    at the candidate's scale, where its text is the reference's text shrunk the same way. Upscaling the
    candidate instead cannot restore what shrinking blurred away: at 1.47 no cell of a table with one
    column and one row repeated was classed with its reference cell (seed-137 table-137-00064, a sign
    flip lost), at 2.17 every row read as other words (seed-149 table-149-00024, 15 items for a split
    cell, as many as random noise scores). Both sides' cells are read by OCR at that scale (the same
    ink reads alike); items come back in reference pixels."""
    rh, rw = ref.shape[:2]
    size = (max(1, round(rw / scale)), max(1, round(rh / scale)))
    small = np.asarray(Image.fromarray(ref).resize(size, Image.Resampling.LANCZOS))
    g_small = table_grid(small)
    if g_small is None or len(g_small.rows) < 3:
        return None
    out = _aligned_items(small, cand, max_ocr, g_small, g_cand, shrunk=True)
    if out is None:
        return None
    sx, sy = rw / size[0], rh / size[1]

    def up(b: PxBox) -> PxBox:
        return int(b[0] * sx), int(b[1] * sy), min(rw, math.ceil(b[2] * sx)), min(rh, math.ceil(b[3] * sy))

    return [(dataclasses.replace(it, box=up(it.box), parts=[up(p) for p in it.parts]), b) for it, b in out]


def _aligned_items(
    ref: np.ndarray,
    cand: np.ndarray,
    max_ocr: int,
    g_ref: TableGrid,
    g_cand: TableGrid,
    original: tuple[np.ndarray, float] | None = None,
    shrunk: bool = False,
) -> list[tuple[_Item, PxBox]] | None:
    """`table_aligned_items` on grids of the same scale. A resampled candidate (``original``: the
    image before resampling and the scale applied) has its cells classed with more tolerance, not
    compared pixel by pixel, and read by OCR from the original pixels; a ``shrunk`` reference (its
    cells resampled at other sub-pixel phases than the candidate's) is not compared pixel by pixel
    either: OCR of small text would read the same words apart ('ves' for 'Yes')."""
    resampled = original is not None
    ref_ink, cand_ink = _lab_ink(ref)[1], _lab_ink(cand)[1]
    ref_grey, cand_grey = cv2.cvtColor(ref, cv2.COLOR_RGB2GRAY), cv2.cvtColor(cand, cv2.COLOR_RGB2GRAY)
    # Text of a table re-flowed by a pixel or two sits at other sub-pixel offsets; centred on the pixel
    # grid and blurred (`_canonical_crop`) it agrees within 10 grey levels, different words do not.
    # Typos are caught unblurred by `_same_cell`.
    # Interpolation moves single pixels the further the more it rescales: a table shrunk by 2 % keeps
    # the glyph bound (seed-97 table-97-00034: at 80 its rows aligned one off again), one rescaled by
    # 24 % needs it loosened (seed-73 table-73-00030: at 60 its rows aligned one off).
    glyph = GLYPH_DIFF * max(1.0, abs(math.log(original[1])) / RESAMPLE_STEP) if original is not None else GLYPH_DIFF
    if shrunk:
        glyph = SHRUNK_GLYPH
    classes = _CellClasses(13.0 if resampled else 10.0, glyph)
    rc, cc = _grid_cells(g_ref, ref_grey, ref_ink, classes), _grid_cells(g_cand, cand_grey, cand_ink, classes)
    n_rr, n_rc, n_cr, n_cc = len(rc), len(rc[0]), len(cc), len(cc[0])
    if n_rr * n_rc < 4:
        return None
    # Columns compare as multisets (rows may move), with a tenth for cells in the same place: two
    # columns holding the same values one row apart ("start year", "end year") are told apart.
    n_r = min(n_rr, n_cr)
    col_sim = np.array(
        [
            [
                0.9 * _multiset_sim(tuple(rc[i][k][0] for i in range(n_rr)), tuple(cc[i][m][0] for i in range(n_cr)))
                + 0.1 * sum(rc[i][k][0] == cc[i][m][0] for i in range(n_r)) / max(n_rr, n_cr)
                for m in range(n_cc)
            ]
            for k in range(n_rc)
        ]
    )
    live_rc = [any(rc[i][k][0] for i in range(n_rr)) for k in range(n_rc)]
    live_cc = [any(cc[i][k][0] for i in range(n_cr)) for k in range(n_cc)]
    live_rr = [any(x[0] for x in r) for r in rc]
    live_cr = [any(x[0] for x in r) for r in cc]
    col_al = _align_lines(col_sim, live_rc, live_cc)
    if col_al is None:
        return None
    # Rows compare cell by cell through the aligned columns, each cell weighted by how rare its
    # content is in its column (many rows share a "Yes", an "N/A" or an empty cell).
    rcls = [[x[0] for x in r] for r in rc]
    ccls = [[x[0] for x in r] for r in cc]
    row_al = _align_lines(_through_sim(rcls, ccls, col_al.pairs), live_rr, live_cr)
    if row_al is not None:
        # Then columns again, cell by cell through the aligned rows as well: as multisets, columns of
        # small counts are half alike whatever they hold, and a row dropped and a header renamed leave
        # two swapped columns less alike than the in-order pairs together (seed-149 table-149-00055:
        # columns 6 and 7 swapped read as every differing cell of both changed, 15 items for 3).
        ref_cols = [list(col) for col in zip(*rcls, strict=True)]
        cand_cols = [list(col) for col in zip(*ccls, strict=True)]
        through = _through_sim(ref_cols, cand_cols, row_al.pairs)
        col_al2 = _align_lines(0.5 * col_sim + 0.5 * through, live_rc, live_cc)
        if col_al2 is not None and sorted(col_al2.pairs) != sorted(col_al.pairs):
            row_al2 = _align_lines(_through_sim(rcls, ccls, col_al2.pairs), live_rr, live_cr)
            # (taken only when more cells then agree: a column pairing that fits rows of small counts one
            # line off loses to the one that matched every cell but a dropped row's)
            if row_al2 is not None and _agreeing(rcls, ccls, row_al2.pairs, col_al2.pairs) > _agreeing(
                rcls, ccls, row_al.pairs, col_al.pairs
            ):
                col_al, row_al = col_al2, row_al2
    if row_al is None or col_al is None:
        return None
    ch, cw = cand.shape[:2]
    rh, rw = ref.shape[:2]

    def cand_band(axis: int, j: int) -> PxBox:
        g = g_cand.rows if axis == 0 else g_cand.cols
        j = min(max(j, 0), len(g) - 2)
        a, b = int(g[j]), int(g[j + 1])
        return (0, a, cw, b) if axis == 0 else (a, 0, b, ch)

    def ref_band(axis: int, i: int) -> PxBox:
        g = g_ref.rows if axis == 0 else g_ref.cols
        i = min(max(i, 0), len(g) - 2)
        a, b = int(g[i]), int(g[i + 1])
        return (0, a, rw, b) if axis == 0 else (a, 0, b, rh)

    out: list[tuple[_Item, PxBox]] = []

    def alike(a: _Cell, b: _Cell) -> bool:
        """The same class, or the same ink up to the blur of a new sub-pixel offset (looser than a class)."""
        if a[0] == b[0] or not a[0] or not b[0] or a[2] is None or b[2] is None:
            return a[0] == b[0]
        ca, cb = _cell_crop(ref_grey, a[1], a[2]), _cell_crop(cand_grey, b[1], b[2])
        if abs(ca.shape[0] - cb.shape[0]) > 1 or abs(ca.shape[1] - cb.shape[1]) > 1:
            return False
        return _shifted_diff(_canonical_crop(ca), _canonical_crop(cb)) < 20.0

    splits = _split_rows(rc, cc, row_al, col_al, alike)
    split_rows = {cj for _ri, cj, *_ in splits}  # (ref row, cand row, ...): the candidate's row
    split_extra = {m for *_, m in splits if m is not None}
    # A split or merged cell: (the candidate's row, item, box in the candidate).
    spans: list[tuple[int, _Item, PxBox]] = []
    for ri, cj, k, m, lost, _extra in splits:
        rbox = _union([rc[ri][kk][1] for kk in range(k, n_rc)])
        cbox = _union([cc[cj][mm][1] for mm in range(m, n_cc)])
        tail = "its last cell is lost" if lost else "a column was added for it"
        desc = f"Cell {k + 1} of row {ri + 1} is split in two in the candidate (the later cells moved right; {tail})."
        item = _Item("layout_error", 3 if lost else 2, rbox, desc, "layout", f"row {cj + 1}, column {m + 1}")
        spans.append((cj, item, cbox))
    merges = _merged_rows(rc, cc, row_al, col_al, alike, split_rows)
    merged_rows = {cj for _ri, cj, _k, _m in merges}
    for ri, cj, k, m in merges:
        rbox = _union([rc[ri][kk][1] for kk in range(k, n_rc)])
        cbox = _union([cc[cj][mm][1] for mm in range(m, n_cc)])
        desc = (
            f"Cells {k + 1} and {k + 2} of row {ri + 1} are merged into one in the candidate "
            "(the later cells moved left; its last cell is empty)."
        )
        spans.append(
            (cj, _Item("layout_error", 2, rbox, desc, "layout", f"row {cj + 1}, columns {m + 1}-{m + 2}"), cbox)
        )

    def with_spans(item: _Item, cbox: PxBox, rows: list[int]) -> tuple[_Item, PxBox]:
        """A row-level item with the split or merged cells inside its rows: one change on one place, as
        the ground truth merges edits whose cells overlap (a merged cell inside two swapped rows)."""
        inside = [sp for sp in spans if sp[0] in rows]
        if not inside:
            return item, cbox
        for sp in inside:
            spans.remove(sp)
        desc = f"{item.description} On the same place: {' '.join(it.description for _, it, _ in inside)}"
        return (
            _Item(
                item.category, max(item.severity, *(it.severity for _, it, _ in inside)),
                _union([item.box, *(it.box for _, it, _ in inside)]), desc, item.kind, item.location,
            ),
            _union([cbox, *(b for *_, b in inside)]),
        )  # fmt: skip

    for axis, al, what in ((0, row_al, "row"), (1, col_al, "column")):
        for i in al.dropped:
            # The candidate line now in its place (the last one when it was the last).
            j = next((cj for ri, cj in sorted(al.pairs) if ri > i), None)
            cbox = cand_band(axis, j if j is not None else 10**6)
            desc = f"The reference's {what} {i + 1} is missing in the candidate."
            out.append((_Item("layout_error", 3, ref_band(axis, i), desc, "layout", f"{what} {i + 1}"), cbox))
        for i, j in al.repeated:
            if axis == 1 and j in split_extra:
                continue  # the column a split cell pushed its row's last cell into
            desc = f"The candidate's {what} {j + 1} repeats the reference's {what} {i + 1}."
            item = _Item("layout_error", 2, ref_band(axis, i), desc, "layout", f"{what} {j + 1}")
            out.append(with_spans(item, cand_band(axis, j), [j] if axis == 0 else []))
        for cyc in al.cycles:
            boxes = [cand_band(axis, j) for j in cyc]
            cbox = _union(boxes)
            names = ", ".join(str(j + 1) for j in sorted(cyc))
            # One item per cycle: a line moved k places is a cycle of k + 1 lines, and one edit.
            desc = f"The candidate's {what}s {names} are in another order than the reference's."
            item = _Item("layout_error", 2, cbox, desc, "layout", f"{what}s {names}")
            # Its box spans the lines between: a cell merged in a row between two swapped rows is inside.
            out.append(with_spans(item, cbox, list(range(min(cyc), max(cyc) + 1)) if axis == 0 else []))
        inserted = _inserted_empty_lines(al, live_cr if axis == 0 else live_cc)
        # One empty line is an inserted one; several cut the table into strips, each cut structural.
        sev, why = (2, "") if len(inserted) < MIN_STRIPS else (3, "; the table is cut into strips")
        for i, j in inserted:
            desc = f"The candidate has an empty {what} {j + 1} the reference does not have (after its {what} {i + 1}{why})."
            out.append(
                (_Item("layout_error", sev, ref_band(axis, i), desc, "layout", f"{what} {j + 1}"), cand_band(axis, j))
            )

    out.extend((it, b) for _, it, b in spans)  # the splits and merges no row-level item holds

    changed: list[tuple[int, int, PxBox, PxBox, PxBox | None, PxBox | None]] = []
    weak: set[int] = set()
    filled = 0
    filled_rows: dict[int, int] = {}
    filled_cols: dict[int, int] = {}
    for ri, cj in row_al.pairs:
        if cj in split_rows or cj in merged_rows:
            continue  # its cells moved along the row: the split or merge says so
        for rk, cl in col_al.pairs:
            a, b = rc[ri][rk], cc[cj][cl]
            if a[0] == 0 and b[0] == 0:
                continue
            filled += 1
            filled_rows[cj + 1] = filled_rows.get(cj + 1, 0) + 1
            filled_cols[cl + 1] = filled_cols.get(cl + 1, 0) + 1
            if a[0] != b[0]:
                if alike(a, b):
                    weak.add(len(changed))  # the same ink blurred by a new offset or scale: OCR decides
                changed.append((cj + 1, cl + 1, a[1], b[1], a[2], b[2]))
            elif (
                not resampled
                and not shrunk
                and a[2] is not None
                and b[2] is not None
                and not _same_cell(ref_grey, cand_grey, a[1], b[1], a[2], b[2])
            ):
                weak.add(len(changed))  # the same class blurred: maybe a typo, OCR decides
                changed.append((cj + 1, cl + 1, a[1], b[1], a[2], b[2]))
    # A repeated line is a copy of its reference line: a cell the copy changed is an edit too (the
    # copy says 925% where the original says 925), read like the cells of aligned lines.
    # A line whose cells mostly differ is no copy (the aligner's best guess): its repeat is reported.
    # A cell the copy shares with the original's aligned line repeats that line's edit (found there);
    # a split cell's row and the column it pushed into report the split.
    for cells in _repeated_cells(row_al, col_al):
        edits = [
            (cj + 1, cl + 1, rc[ri][rk][1], cc[cj][cl][1], rc[ri][rk][2], cc[cj][cl][2])
            for (ri, cj), (rk, cl), (oj, ol) in cells
            if cj not in split_rows
            and cj not in merged_rows
            and cl not in split_extra
            and rc[ri][rk][0] != cc[cj][cl][0]
            and cc[oj][ol][0] != cc[cj][cl][0]
            and rc[ri][rk][0]
            and cc[cj][cl][0]
            and not alike(rc[ri][rk], cc[cj][cl])
        ]
        if len(edits) <= REPEAT_EDITS * sum(1 for (ri, _), (rk, _), _o in cells if rc[ri][rk][0]):
            changed.extend(edits)
    strong = [x for n, x in enumerate(changed) if n not in weak]
    if len(strong) >= 0.6 * filled and filled >= 6 and _mostly_different_words(strong, ref_grey, cand_grey):
        return None  # nearly every cell differs: another table (the caller's fallbacks handle it)
    out.extend(
        _changed_cell_items(
            changed, len(row_al.pairs), len(col_al.pairs), g_cand, cand_ink, ref_grey, cand_grey, max_ocr,
            weak, filled_rows, filled_cols,
            ({j + 1 for c in row_al.cycles for j in c}, {j + 1 for c in col_al.cycles for j in c}),
            None if original is None else (cv2.cvtColor(original[0], cv2.COLOR_RGB2GRAY), original[1]),
        )
    )  # fmt: skip
    # A swap the cell reads found ("columns 4 and 5") is the reorder of those lines: one item, not two.
    swapped = {
        (m[1], int(n))
        for it, _ in out
        if " and " in it.location
        for m in _SWAPPED.finditer(it.location)
        for n in m.groups()[1:]
    }
    return [
        (it, b)
        for it, b in out
        if not (it.description.endswith("than the reference's.") and _among(it.location, swapped))
    ]


def _repeated_cells(
    row_al: _Alignment, col_al: _Alignment
) -> list[list[tuple[tuple[int, int], tuple[int, int], tuple[int, int]]]]:
    """Per repeated row or column, its cells beside the reference cells they copy and the candidate
    cells the reference cells are aligned with: ((ref row, cand row), (ref column, cand column),
    (aligned cand row, aligned cand column)) triples, 0-based."""
    row_of, col_of = dict(row_al.pairs), dict(col_al.pairs)
    rows = [
        [((ri, cj), (rk, cl), (row_of[ri], cl)) for rk, cl in col_al.pairs]
        for ri, cj in row_al.repeated
        if ri in row_of
    ]
    cols = [
        [((ri, cj), (rk, cl), (cj, col_of[rk])) for ri, cj in row_al.pairs]
        for rk, cl in col_al.repeated
        if rk in col_of
    ]
    return rows + cols


#: A repeated line whose cells differ from its original's in at most this share holds edits.
REPEAT_EDITS = 0.25


_SWAPPED = re.compile(r"(rows|columns) (\d+) and (\d+)")


def _among(location: str, swapped: set[tuple[str, int]]) -> bool:
    """Is ``location`` a reorder of lines ("columns 4, 5, 6") one of which is in ``swapped``?"""
    what, _, names = location.partition(" ")
    return any((what, int(x)) in swapped for x in re.findall(r"\d+", names))


def _grid_cells(g: TableGrid, grey: np.ndarray, ink: np.ndarray, classes: _CellClasses) -> list[list[_Cell]]:
    """Every cell of a grid, row by row, with its content class."""
    out = []
    for i in range(1, len(g.rows)):
        row = []
        for k in range(1, len(g.cols)):
            box = _cell_inner(g, i, k)
            cls, inner = classes.classify(grey, ink, box)
            row.append((cls, box, inner))
        out.append(row)
    return out


#: Share of the reference's filled cells with no counterpart anywhere in the candidate over which a
#: table whose lines do not align is another table (its contents replaced).
REPLACED_SHARE = 0.6
#: Cells OCR reads to confirm other words, and the most columns added or dropped the rule reads across.
REPLACED_READS = 6
MAX_COLUMN_SHIFT = 2


def table_replaced_items(
    ref: np.ndarray, cand: np.ndarray, max_ocr: int, g_ref: TableGrid | None = None
) -> list[tuple[_Item, PxBox]] | None:
    """A table whose contents were replaced: most of the reference's filled cells have no cell of the
    same content anywhere in the candidate, and OCR reads other words in place. One text_error 3 per
    reference row that lost most of its cells: missing content costs what it hides. None otherwise."""
    g_ref, g_cand = g_ref or table_grid(ref), table_grid(cand)
    if g_ref is None or g_cand is None or len(g_ref.rows) < 3 or len(g_cand.rows) < 2:
        return None
    # A column added or dropped shifts the cells after it (and rescales them all): a cell is read
    # against the candidate's cells up to that many columns either side, not only in place.
    shift = abs(len(g_cand.cols) - len(g_ref.cols))
    if shift > MAX_COLUMN_SHIFT:
        return None
    ref_grey, cand_grey = cv2.cvtColor(ref, cv2.COLOR_RGB2GRAY), cv2.cvtColor(cand, cv2.COLOR_RGB2GRAY)
    classes = _CellClasses(10.0)
    rc = _grid_cells(g_ref, ref_grey, _lab_ink(ref)[1], classes)
    cc = _grid_cells(g_cand, cand_grey, _lab_ink(cand)[1], classes)
    have = Counter(c[0] for row in cc for c in row if c[0])
    lost: list[tuple[int, int]] = []
    filled = 0
    for i, row in enumerate(rc):
        for k, c in enumerate(row):
            if not c[0]:
                continue
            filled += 1
            if have[c[0]] > 0:
                have[c[0]] -= 1
            else:
                lost.append((i, k))
    if filled < 4 or len(lost) < REPLACED_SHARE * filled or max_ocr <= 0:
        return None
    # Another table holds other words: most of the candidate's own filled cells are new too. A
    # candidate whose cells are mostly the reference's lost cells without replacing them (a dropped
    # column of a 2-column table loses half the cells: seed-127 table-127-00026): the shape and
    # alignment readings report that, not one text_error per row.
    kept = Counter(c[0] for row in rc for c in row if c[0])
    cand_filled = [c[0] for row in cc for c in row if c[0]]
    cand_kept = 0
    for cls in cand_filled:
        if kept[cls] > 0:
            kept[cls] -= 1
            cand_kept += 1
    if cand_kept > 0.5 * len(cand_filled):
        return None
    readable = [(i, k) for i, k in lost if i < len(cc) and k < len(cc[i]) and cc[i][k][0]][:REPLACED_READS]
    if not readable:
        return None

    def reads_other_words(i: int, k: int) -> bool:
        near = [k + d for d in range(-shift, shift + 1) if 0 <= k + d < len(cc[i]) and cc[i][k + d][0]]
        return all(
            _mostly_different_words([(i, k, rc[i][k][1], cc[i][j][1], rc[i][k][2], cc[i][j][2])], ref_grey, cand_grey)
            for j in near
        )

    if sum(reads_other_words(i, k) for i, k in readable) < REPLACED_SHARE * len(readable):
        return None
    ch, cw = cand.shape[:2]
    out: list[tuple[_Item, PxBox]] = []
    for i in sorted({i for i, _ in lost}):
        n_lost = sum(1 for r, _ in lost if r == i)
        n_filled = sum(1 for c in rc[i] if c[0])
        if n_lost < 0.5 * n_filled:
            continue
        rbox = (0, int(g_ref.rows[i]), ref.shape[1], int(g_ref.rows[i + 1]))
        j = min(i, len(g_cand.rows) - 2)
        cbox = (0, int(g_cand.rows[j]), cw, min(ch, int(g_cand.rows[j + 1])))
        desc = (
            f"Row {i + 1} of the reference is not in the candidate: {n_lost} of its {n_filled} cells read other words."
        )
        out.append((_Item("text_error", 3, rbox, desc, "text", f"row {i + 1}"), cbox))
    # (a small table's every row replaced costs what all content hidden costs: `hidden_parts`, not its rows)
    if out:
        box = _union([it.box for it, _ in out])
        out += [(it, it.box) for it in more_parts(box, hidden_parts(len(lost) / filled) - len(out), "table content")]
    return out or None


def _inserted_empty_lines(al: _Alignment, cand_live: list[bool]) -> list[tuple[int, int]]:
    """Empty lines (rows or columns) the candidate has between two aligned lines, beyond the empty
    lines the reference has between them: (reference line before, candidate empty line), 0-based.

    The alignment pairs non-empty lines only, so a table broken into strips (an empty, ruleless
    band after every row) would otherwise show nothing."""
    out: list[tuple[int, int]] = []
    pairs = sorted(al.pairs, key=lambda p: p[1])
    for (ia, ja), (ib, jb) in itertools.pairwise(pairs):
        if ib <= ia:
            continue  # a reorder: no gap to compare
        cand_empty = [j for j in range(ja + 1, jb) if not cand_live[j]]
        # Every reference line between (empty, or dropped and reported so) takes one empty line.
        out.extend((ia, j) for j in cand_empty[ib - ia - 1 :])
    return out


#: Empty bands more than the reference's that make a table "broken into strips" when its rows do not align.
MIN_STRIPS = 2


def table_strip_items(
    ref: np.ndarray, cand: np.ndarray, g_ref: TableGrid | None = None
) -> list[tuple[_Item, PxBox]] | None:
    """A table broken into strips (an empty, ruleless band between its rows) whose rows no longer
    align: each empty row band beyond the reference's is a cut (layout_error 3), and the
    rows' cells that no longer line up one layout_error 3. None when the candidate has under
    `MIN_STRIPS` extra empty bands inside the table."""
    g_ref, g_cand = g_ref or table_grid(ref), table_grid(cand)
    if g_ref is None or g_cand is None:
        return None
    ref_empty, cand_empty = _inner_empty_rows(g_ref, _lab_ink(ref)[1]), _inner_empty_rows(g_cand, _lab_ink(cand)[1])
    extra = len(cand_empty) - len(ref_empty)
    if extra < MIN_STRIPS:
        return None
    ch, cw = cand.shape[:2]
    rh, rw = ref.shape[:2]
    out: list[tuple[_Item, PxBox]] = []
    for j in cand_empty[len(ref_empty) :]:
        rbox = (0, min(int(g_cand.rows[j]), rh - 1), rw, min(int(g_cand.rows[j + 1]), rh))
        desc = f"The candidate has an empty row {j + 1} the reference does not have (the table is broken into strips)."
        out.append(
            (
                _Item("layout_error", 3, rbox, desc, "layout", f"row {j + 1}"),
                (0, int(g_cand.rows[j]), cw, int(g_cand.rows[j + 1])),
            )
        )
    desc = "The candidate's rows and columns do not line up with the reference's (cells moved between strips)."
    out.append((_Item("layout_error", 3, (0, 0, rw, rh), desc, "layout", "whole table"), (0, 0, cw, ch)))
    out.extend(_rows_out_of_place(ref, cand, g_ref, g_cand))
    return out


def _rows_out_of_place(
    ref: np.ndarray, cand: np.ndarray, g_ref: TableGrid, g_cand: TableGrid
) -> list[tuple[_Item, PxBox]]:
    """Reference rows whose cells, found in the candidate's most alike row, mostly sit in other
    columns (a spanning cell lost, the row shifted): layout_error 2 each."""
    classes = _CellClasses(10.0)
    rc = _grid_cells(g_ref, cv2.cvtColor(ref, cv2.COLOR_RGB2GRAY), _lab_ink(ref)[1], classes)
    cc = _grid_cells(g_cand, cv2.cvtColor(cand, cv2.COLOR_RGB2GRAY), _lab_ink(cand)[1], classes)
    out: list[tuple[_Item, PxBox]] = []
    for i, row in enumerate(rc):
        filled = [(k, c[0]) for k, c in enumerate(row) if c[0]]
        if len(filled) < 2:
            continue
        sims = [_multiset_sim(tuple(x for _, x in filled), tuple(c[0] for c in cr if c[0])) for cr in cc]
        j = int(np.argmax(sims)) if sims else -1
        if j < 0 or sims[j] < 0.5:
            continue  # the row is not found at all: another rule's business
        placed = {(k, c[0]) for k, c in enumerate(cc[j]) if c[0]}
        moved = sum(1 for kc in filled if kc not in placed)
        if moved >= 0.5 * len(filled):
            rbox = (0, int(g_ref.rows[i]), ref.shape[1], int(g_ref.rows[i + 1]))
            cbox = (0, int(g_cand.rows[j]), cand.shape[1], int(g_cand.rows[j + 1]))
            desc = f"{moved} of the {len(filled)} cells of the reference's row {i + 1} sit in other columns in the candidate."
            out.append((_Item("layout_error", 2, rbox, desc, "layout", f"row {j + 1}"), cbox))
    return out


def _inner_empty_rows(g: TableGrid, ink: np.ndarray) -> list[int]:
    """Row bands (0-based) with no ink inside their rules, between the first and the last inked band
    (vertical rules crossing a band are not its content)."""
    keep = np.ones(ink.shape[1], bool)
    for x in g.cols:
        keep[max(0, int(x) - 2) : int(x) + 3] = False
    live = []
    for i in range(len(g.rows) - 1):
        y0, y1 = int(g.rows[i]) + 3, int(g.rows[i + 1]) - 2
        live.append(y1 > y0 and bool(ink[y0:y1][:, keep].any()))
    inked = [i for i, v in enumerate(live) if v]
    if not inked:
        return []
    return [i for i in range(inked[0], inked[-1]) if not live[i]]


def table_shape_items(ref: np.ndarray, cand: np.ndarray, max_change: int = 2) -> list[tuple[_Item, PxBox]] | None:
    """A table with more or fewer rows or columns: one layout item per changed dimension.

    Everything after an inserted or dropped row (column) moves, so a pixel diff would list
    every later cell; the change is one structural error, boxed from the first row (column)
    that differs to the end. Returns None when the grids cannot be read.
    """
    g_ref, g_cand = table_grid(ref), table_grid(cand)
    if g_ref is None or g_cand is None:
        return None
    d_rows, d_cols = len(g_cand.rows) - len(g_ref.rows), len(g_cand.cols) - len(g_ref.cols)
    if (d_rows == 0 and d_cols == 0) or abs(d_rows) + abs(d_cols) > max_change:
        return None  # the same shape, or another table altogether (the element check reports that)
    out: list[tuple[_Item, PxBox]] = []
    h, w = min(ref.shape[0], cand.shape[0]), min(ref.shape[1], cand.shape[1])
    rg = cv2.cvtColor(ref, cv2.COLOR_RGB2GRAY)[:h, :w].astype(np.int16)
    cg = cv2.cvtColor(cand, cv2.COLOR_RGB2GRAY)[:h, :w].astype(np.int16)
    diff = np.abs(rg - cg) > 40
    if d_rows:
        rows_changed = np.nonzero(diff.any(axis=1))[0]
        y0 = int(rows_changed[0]) if len(rows_changed) else 0
        i = g_cand.row_of(y0 + 1) if d_rows > 0 else g_ref.row_of(y0 + 1)
        n = abs(d_rows)
        what = f"{n} row{'s' if n > 1 else ''} {'more' if d_rows > 0 else 'fewer'}"
        rbox = (0, int(g_ref.rows[min(i, len(g_ref.rows) - 1) - 1]), ref.shape[1], ref.shape[0])
        cbox = (0, int(g_cand.rows[min(i, len(g_cand.rows) - 1) - 1]), cand.shape[1], cand.shape[0])
        desc = f"The candidate table has {what} than the reference ({len(g_cand.rows) - 1} vs {len(g_ref.rows) - 1}), from row {i} on."
        out.append((_Item("layout_error", 3 if d_rows < 0 else 2, rbox, desc, "layout", f"row {i}"), cbox))
    if d_cols:
        cols_changed = np.nonzero(diff.any(axis=0))[0]
        x0 = int(cols_changed[0]) if len(cols_changed) else 0
        k = g_cand.col_of(x0 + 1) if d_cols > 0 else g_ref.col_of(x0 + 1)
        n = abs(d_cols)
        what = f"{n} column{'s' if n > 1 else ''} {'more' if d_cols > 0 else 'fewer'}"
        rbox = (int(g_ref.cols[min(k, len(g_ref.cols) - 1) - 1]), 0, ref.shape[1], ref.shape[0])
        cbox = (int(g_cand.cols[min(k, len(g_cand.cols) - 1) - 1]), 0, cand.shape[1], cand.shape[0])
        desc = f"The candidate table has {what} than the reference ({len(g_cand.cols) - 1} vs {len(g_ref.cols) - 1}), from column {k} on."
        out.append((_Item("layout_error", 3 if d_cols < 0 else 2, rbox, desc, "layout", f"column {k}"), cbox))
    return out


def _table_location(grid: TableGrid | None, box: PxBox, w: int, h: int) -> str:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    if grid is None:
        return f"{_grid_word(cx / w, cy / h)} of the table"
    r0, r1 = grid.row_of(box[1] + 1), grid.row_of(box[3] - 1)
    c0, c1 = grid.col_of(box[0] + 1), grid.col_of(box[2] - 1)
    rows = f"row {r0}" if r0 == r1 else f"rows {r0}-{r1}"
    cols = f"column {c0}" if c0 == c1 else f"columns {c0}-{c1}"
    if r0 == 1 and r1 == len(grid.rows) - 1 and r1 > 1:
        return f"{cols} (all rows)"
    if c0 == 1 and c1 == len(grid.cols) - 1 and c1 > 1:
        return f"{rows} (all columns)"
    _ = cy, cx
    return f"{rows}, {cols}"
