"""Pixel tables, rendered through Chromium: after a structural change (columns swapped, rows swapped,
two cells merged) the cells it displaced are compared with the cells they really are, so they are not
also read as edits one by one."""

from __future__ import annotations

import pytest

from verm.pipeline import Scorer
from verm.types import Status

# Short numbers that differ by one glyph ('5' and '0', '6' and '0'): a class by the mean grey
# difference alone took them for one content, and the swapped columns aligned to the wrong lines.
HEAD = (
    "year", "party", "candidate", "endorsement_points", "percentage_endorsement_points", "money_raised",
    "percentage_of_money", "primary_vote_percentage", "won_primary",
)  # fmt: skip
ROWS = [
    ("1980", "Republican", "George H.W. Bush", "5", "6.32911", "1475332", "16.83", "23.81", "No"),
    ("1980", "Republican", "Lowell Weicker", "0", "0", "60000", "0.68", "0", "No"),
    ("1980", "Republican", "Phil Crane", "0", "0", "2500000", "28.53", "0.76", "No"),
    ("1980", "Republican", "John Connally", "6", "7.59494", "2200000", "25.1", "0.64", "No"),
    ("1980", "Republican", "Bob Dole", "0", "0", "253286", "2.89", "0.06", "No"),
    ("1980", "Republican", "Ronald Reagan", "58", "73.4177", "1400000", "15.97", "59.79", "Yes"),
    ("1980", "Republican", "Howard Baker", "10", "12.6582", "643373", "7.34", "1.41", "No"),
    ("1980", "Republican", "John Anderson", "0", "0", "201745", "2.3", "12.19", "No"),
    ("1980", "Republican", "Larry Pressler", "0", "0", "0", "0", "0", "No"),
    ("1980", "Republican", "Harold Stassen", "0", "0", "30000", "0.34", "0.2", "No"),
    ("1984", "Democratic", "Ernest Hollings", "0", "0", "692938", "6.12", "0.19", "No"),
    ("1984", "Democratic", "George McGovern", "0", "0", "0", "0", "1.85", "No"),
    ("1984", "Democratic", "Reubin Askew", "0", "0", "984156", "8.69", "0.29", "No"),
    ("1984", "Democratic", "Jesse Jackson", "0", "0", "0", "0", "18.09", "No"),
]


def html(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    th = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"```html\n<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>\n```"


def markdown(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "```markdown\n" + "\n".join(lines) + "\n```"


# Model rows that differ in a few digits only, and a row's two cells merged (the later cells move left).
MD_HEAD = ("Model", "Pretrain", "Params (M)", "Top-1 (%)", "Config", "Download")
MD_ROWS = [
    ("vit-base-p16_mff-300e-pre_8xb128", "MFF 300-Epochs", "86.57", "83.00", "config", "model / log"),
    ("vit-base-p16_mff-800e-pre_8xb128", "MFF 800-Epochs", "86.57", "83.70", "config", "model / log"),
    ("vit-base-p16_mff-300e-pre_8xb2048", "MFF 300-Epochs", "304.33", "64.20", "config", "log"),
    ("vit-base-p16_mff-800e-pre_8xb2048", "MFF 800-Epochs", "304.33", "68.30", "config", "model / log"),
]


def merged(row: tuple[str, ...], k: int) -> tuple[str, ...]:
    """Cells k and k+1 (0-based) joined into one: the row has a cell fewer."""
    return (*row[:k], f"{row[k]} {row[k + 1]}", *row[k + 2 :])


@pytest.fixture(scope="module")
def scorer():
    with Scorer("table", judge="pixel") as s:
        yield s


def _judged(scorer, ref_src: str, cand_src: str) -> list:
    ref = scorer.reference(ref_src)
    assert ref.ok, ref.reason
    r = scorer.score(ref, cand_src)
    assert r.status is Status.OK
    return r.judgment.discrepancies


def swap_4_6(row: tuple[str, ...]) -> tuple[str, ...]:
    return (*row[:3], row[5], row[4], row[3], *row[6:])


def test_a_dropped_row_and_two_swapped_columns_are_two_changes_and_nothing_else(scorer):
    # Seed-97 table-97-00026: the swapped columns aligned one column off, the dropped row one row off,
    # and their cells read as three numbers and a text changed.
    rows = [swap_4_6(r) for n, r in enumerate(ROWS) if n != 4]
    got = _judged(scorer, html(HEAD, ROWS), html(swap_4_6(HEAD), rows))
    assert sorted((d.category, d.severity) for d in got) == [("layout_error", 2), ("layout_error", 3)], got
    # 'Bob Dole', the table's sixth row, the grid's seventh band (its first is the page's margin).
    assert "row 7 " in next(d for d in got if d.severity == 3).description, got


def test_two_swapped_rows_that_differ_in_a_few_digits_are_one_swap_and_nothing_else(scorer):
    rows = [MD_ROWS[3], MD_ROWS[1], MD_ROWS[2], MD_ROWS[0]]
    got = _judged(scorer, markdown(MD_HEAD, MD_ROWS), markdown(MD_HEAD, rows))
    assert [(d.category, d.severity) for d in got] == [("layout_error", 2)], got


def test_two_merged_cells_are_one_merge_not_edits_of_the_cells_that_moved_left(scorer):
    rows = [*MD_ROWS[:2], merged(MD_ROWS[2], 3), MD_ROWS[3]]
    got = _judged(scorer, markdown(MD_HEAD, MD_ROWS), markdown(MD_HEAD, rows))
    assert [(d.category, d.severity) for d in got] == [("layout_error", 2)], got
    assert "merged" in got[0].description


def test_a_merge_inside_two_swapped_rows_is_one_change(scorer):
    # Rows 1 and 4 swapped and the moved row's Top-1 and Config cells merged: one place, one item,
    # as the ground truth merges them.
    rows = [merged(MD_ROWS[3], 3), MD_ROWS[1], MD_ROWS[2], MD_ROWS[0]]
    got = _judged(scorer, markdown(MD_HEAD, MD_ROWS), markdown(MD_HEAD, rows))
    assert [(d.category, d.severity) for d in got] == [("layout_error", 2)], got
    assert "merged" in got[0].description and "order" in got[0].description


def test_a_row_repeated_after_itself_whose_original_has_a_split_cell_is_a_repeat_and_a_split(scorer):
    # Seed-97 table-97-00098: the unsplit copy matched the reference row better, so the split
    # original read as the repeat and its split went unseen. The first of the two is the original.
    split = (MD_ROWS[0][0], "MFF", "300-Epochs", *MD_ROWS[0][2:5])  # 'MFF 300-Epochs' split, the last cell lost
    rows = [split, MD_ROWS[0], *MD_ROWS[1:]]
    got = _judged(scorer, markdown(MD_HEAD, MD_ROWS), markdown(MD_HEAD, rows))
    assert sorted((d.category, d.severity) for d in got) == [("layout_error", 2), ("layout_error", 3)], got
    assert any("split" in d.description for d in got) and any("repeats" in d.description for d in got), got


DISTRICTS = [
    ("MI-5", "1.24"), ("IL-8", "1.22"), ("NV-4", "1.22"), ("MA-1", "1.22"), ("MA-6", "1.21"),
    ("MA-2", "1.21"), ("NY-21", "1.21"), ("FL-26", "1.20"), ("MA-9", "1.20"),
]  # fmt: skip


def test_a_dropped_column_of_a_two_column_table_is_one_column_missing(scorer):
    # Seed-127 table-127-00026: the column dropped is half the table's ink, so its elements read as
    # missing, and every row that lost its first cell was read as replaced by other words (10 items,
    # severity 30). One column missing, and the unit added in a kept cell.
    ref = markdown(("district", "elasticity"), DISTRICTS)
    rows = [(e if n != 1 else f"{e}%",) for n, (_, e) in enumerate(DISTRICTS)]
    got = _judged(scorer, ref, markdown(("elasticity",), rows))
    assert sorted((d.category, d.severity) for d in got) == [("layout_error", 3), ("numeric_error", 2)], got
    assert any("missing" in d.description for d in got), got


def test_swapped_columns_sharing_most_values_are_one_swap_not_edits(scorer):
    # Seed-127 table-127-00003: day of week (1-7) and day of month (1-10) share most values; the
    # columns were aligned in order, each with the other's, and their cells read as four numbers changed.
    head = ("year", "month", "date_of_month", "day_of_week", "births")
    births = ("9083", "8006", "11363", "13032", "12558", "12466", "12516", "8934", "7949", "11668")
    rows = [("2000", "1", str(d + 1), str((d + 5) % 7 + 1), b) for d, b in enumerate(births)]
    swap = [(r[0], r[1], r[4], r[3], r[2]) for r in rows]
    got = _judged(scorer, markdown(head, rows), markdown((head[0], head[1], head[4], head[3], head[2]), swap))
    assert [(d.category, d.severity) for d in got] == [("layout_error", 2)], got
