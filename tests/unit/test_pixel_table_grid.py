"""Pixel judge, tables: the grid read from the rules (`table_grid`)."""

from __future__ import annotations

import numpy as np

from verm.judge.pixel.layout import table_grid


def partial_table(block: bool = False) -> tuple[np.ndarray, list[int]]:
    """A 600 px wide table whose body rows have rules under their first two columns only (40 % of the
    width: the later columns are filled in one row), and the y of every row rule. ``block``: a solid
    block 20 px tall over the first two columns of a row (a shaded cell, no rule)."""
    img = np.full((320, 600, 3), 255, np.uint8)
    rules = [10, 40, 70, 100, 130, 160, 190, 220]
    full = {10, 40, 160, 190}  # the header's rules and the row filled to the last column
    for y in rules:
        img[y, 10 : (591 if y in full else 251)] = 0
    for x in (10, 100, 250):
        img[10:221, x] = 0
    img[10:41, 590] = img[160:191, 590] = 0
    if block:
        img[75:95, 11:250] = 0
    return img, rules


def test_rules_under_the_first_columns_only_are_rows() -> None:
    img, rules = partial_table()
    grid = table_grid(img)
    assert grid is not None
    # Every rule is a row edge, not only the four at least half the image wide.
    assert [round(y) for y in grid.rows if 0 < y < img.shape[0]] == rules


def test_a_solid_block_through_the_left_border_is_no_rule() -> None:
    img, rules = partial_table(block=True)
    grid = table_grid(img)
    assert grid is not None
    assert [round(y) for y in grid.rows if 0 < y < img.shape[0]] == rules


def test_rules_across_the_first_cell_are_rows_where_spanning_cells_break_them() -> None:
    # Cells spanning rows in the later columns break every rule between the rows they span; the rule
    # under the first cell (70 px: under a quarter of the width) still ends its row.
    img = np.full((200, 600, 3), 255, np.uint8)
    rules = [10, 40, 70, 100, 130, 160]
    for y in rules:
        img[y, 10 : (591 if y in (10, 40, 160) else 81)] = 0
    for x in (10, 80, 590):
        img[10:161, x] = 0
    grid = table_grid(img)
    assert grid is not None
    assert [round(y) for y in grid.rows if 0 < y < img.shape[0]] == rules


def test_a_rule_crossing_a_cell_is_not_its_content() -> None:
    from verm.judge.pixel.table_align import _cell_text_box

    # Two lines of a cell with a sub-row's rule between them, across the cell: the box is the text's,
    # so a column a few pixels wider keeps the cell's box (and class).
    cell = np.zeros((50, 70), bool)
    cell[5:15, 4:40] = True
    cell[35:45, 4:30] = True
    cell[24, :] = True
    assert _cell_text_box(cell) == (4, 5, 40, 45)
    wider = np.zeros((50, 74), bool)
    wider[:, :70] = cell
    wider[24, :] = True
    assert _cell_text_box(wider) == (4, 5, 40, 45)
    # A shaded cell is ink over its whole height: no rule, its box stays.
    assert _cell_text_box(np.ones((20, 70), bool)) == (0, 0, 70, 20)
    # A cell holding only the rule is empty.
    only = np.zeros((20, 70), bool)
    only[10, :] = True
    assert _cell_text_box(only) is None


def test_a_line_with_a_near_copy_elsewhere_is_not_aligned_in_order_with_a_loose_match() -> None:
    from verm.judge.pixel.table_align import _align_core

    # Columns 1 and 3 swapped; column 1 shares most values with column 2 (day of month, day of week):
    # in order, 1-2 and 2-3 pair loosely (0.59 each: more than the one near-copy 0.92), and the
    # swap would read as a cycle of three columns whose cells all changed.
    sim = np.array(
        [
            [0.92, 0.14, 0.14, 0.14],
            [0.14, 0.14, 0.59, 0.92],
            [0.14, 0.14, 0.92, 0.59],
            [0.14, 0.92, 0.14, 0.14],
        ]
    )
    al = _align_core(sim)
    assert al is not None
    assert sorted(al.pairs) == [(0, 0), (1, 3), (2, 2), (3, 1)]
    assert al.cycles == [[1, 3]] or al.cycles == [[3, 1]]
