"""Tables: rows whose cells moved along the row, a cell split in two or two cells merged into one.

Both are read in the candidate's column order (columns swapped elsewhere in the table move the row's
cells too) with a cell comparison that tolerates a new sub-pixel offset: the cells after the change
sit one column to the right (split) or to the left (merged).
"""

from __future__ import annotations

from collections.abc import Callable

from verm.judge.pixel.table_align import _Alignment, _Cell


def _split_rows(
    rc: list[list[_Cell]],
    cc: list[list[_Cell]],
    row_al: _Alignment,
    col_al: _Alignment,
    alike: Callable[[_Cell, _Cell], bool],
) -> list[tuple[int, int, int, int, bool, int | None]]:
    """Rows where one cell was split in two: (ref row, cand row, ref column, cand column, last cell lost,
    cand column added for the row or None), all 0-based.

    In such a row the cells before the split read as in the reference, the split cell's two halves
    (new content) follow, and every later cell reads one column to the right; the row's last cell
    goes into a column of its own (a new column, empty in every other row) or is lost. ``alike``
    compares two cells: the later cells sit at new sub-pixel offsets. The row is read in the
    candidate's column order (columns swapped elsewhere in the table move its cells too).
    """
    cols = sorted(col_al.pairs, key=lambda p: p[1])
    if not cols:
        return []
    last = cols[-1][1]
    paired = {m for _, m in cols}
    extra_cols = [m for m in range(last + 1, len(cc[0])) if m not in paired]
    out: list[tuple[int, int, int, int, bool, int | None]] = []
    for ri, cj in row_al.pairs:
        ref_row = [rc[ri][k] for k, _ in cols]
        cand_row = [cc[cj][m] for _, m in cols]
        extra = next((m for m in extra_cols if cc[cj][m][0]), None)
        if extra is not None:
            if any(cc[j][extra][0] for j in range(len(cc)) if j != cj):
                extra = None  # a column other rows use too: not this row's overflow
            else:
                cand_row.append(cc[cj][extra])
        n = len(ref_row)
        for p in range(n):
            if alike(ref_row[p], cand_row[p]):
                continue
            halves = cand_row[p : p + 2]
            if (
                len(halves) < 2
                or not all(h[0] for h in halves)
                or all(any(alike(r, h) for r in ref_row) for h in halves)
            ):
                # A split cell's halves are new content (two cells trading places are not); one short half
                # may look like another cell of the row ('John' of 'John Anderson').
                break
            # Within the aligned columns: a cell pushed into a new column sits on that column's partial rules.
            tail = [(ref_row[t], cand_row[t + 1], cand_row[t]) for t in range(p + 1, n - 1)]
            shifted = sum(1 for r, c, _ in tail if r[0] and alike(r, c))
            direct = sum(1 for r, _, c in tail if r[0] and alike(r, c))
            if all(alike(r, c) for r, c, _ in tail) and (shifted > direct or (not tail and extra is not None)):
                out.append((ri, cj, cols[p][0], cols[p][1], extra is None, extra))
            break
    return out


def _merged_rows(
    rc: list[list[_Cell]],
    cc: list[list[_Cell]],
    row_al: _Alignment,
    col_al: _Alignment,
    alike: Callable[[_Cell, _Cell], bool],
    skip: set[int],
) -> list[tuple[int, int, int, int]]:
    """Rows where two neighbouring cells were merged into one: (ref row, cand row, ref column, cand
    column) of the merged cell, all 0-based; the candidate rows in ``skip`` (a split cell's) are not read.

    The mirror of a split: the cells before the merge read as in the reference, the merged cell holds
    both texts (new content, its ink at least as wide as the first's and half the second's), every
    later cell reads one column to the left, and the row's last cell is empty where the reference's
    is not. The later cells decide when they tell the shift (more alike shifted than in place); when
    they cannot (the same 'Yes' in both), every one must read shifted and the last cell be emptied.
    A cell merged with an empty neighbour changes nothing visible but its place: not read here.
    """
    cols = sorted(col_al.pairs, key=lambda p: p[1])
    out: list[tuple[int, int, int, int]] = []
    for ri, cj in row_al.pairs:
        if cj in skip:
            continue
        ref_row = [rc[ri][k] for k, _ in cols]
        cand_row = [cc[cj][m] for _, m in cols]
        n = len(ref_row)
        if n < 3 or cand_row[-1][0] or not ref_row[-1][0]:
            continue  # the last cell keeps its content: nothing moved left into a merge
        for p in range(n - 1):
            if alike(ref_row[p], cand_row[p]):
                continue
            first, second, merged = ref_row[p], ref_row[p + 1], cand_row[p]
            if (
                not (first[0] and second[0] and merged[0])
                or first[2] is None
                or second[2] is None
                or merged[2] is None
                or any(alike(r, merged) for r in ref_row)
            ):
                break
            width = merged[2][2] - merged[2][0]
            if width < (first[2][2] - first[2][0]) + 0.5 * (second[2][2] - second[2][0]):
                break  # too narrow to hold both texts
            tail = [(ref_row[t + 1], cand_row[t], ref_row[t]) for t in range(p + 1, n - 1)]
            shifted = sum(1 for r, c, _ in tail if r[0] and alike(r, c))
            direct = sum(1 for _, c, r in tail if r[0] and alike(r, c))
            if all(alike(r, c) for r, c, _ in tail) and (shifted > direct or shifted == len(tail)):
                out.append((ri, cj, cols[p][0], cols[p][1]))
            break
    return out
