"""Scene judge on tables: lines paired through an edited cell, splits and merges told from cell edits, and the
numeric grading of the ground truth's table rules (signs, units)."""

from __future__ import annotations

from verm.judge.scene import SceneJudge
from verm.judge.scene.table import is_numeric_change, numeric_severity
from verm.render.table import table_scene
from verm.types import Discrepancy, Task


def md(rows: list[list[str]]) -> str:
    head, *body = rows
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in body]) + "\n"


def html(rows: list[list[str]]) -> str:
    body = "".join("<tr>" + "".join(f"<td>{t}</td>" for t in r) + "</tr>" for r in rows[1:])
    return f"<table><tr>{''.join(f'<th>{t}</th>' for t in rows[0])}</tr>{body}</table>"


def judged(ref: str, cand: str) -> list[tuple[str, int]]:
    found: list[Discrepancy] = SceneJudge().compare(Task.TABLE, table_scene(ref), table_scene(cand))
    return sorted((d.category, d.severity) for d in found)


PRIMERS = [
    ["Primer name", "Primer sequence"],
    ["GAPDH-F", "CCCCAGTACA"],
    ["GAPDH-R", "CTCCCTCCCC"],
    ["ACTB-F", "AGGTTT"],
]


def test_table_typo_in_a_one_cell_row_keeps_the_row() -> None:
    # A column dropped leaves rows of one cell; a typo in one of them is that cell edited, not a row lost and
    # another added.
    cand = [[r[0]] for r in PRIMERS]
    cand[0][0] = "Prmier name"
    assert judged(md(PRIMERS), md(cand)) == [("layout_error", 3), ("text_error", 1)]


def test_table_swapped_row_with_a_unit_added_is_a_swap_and_a_unit() -> None:
    ref = [["Year", "Deaths"], ["2010", "5"], ["2011", "7"], ["2012", "10"], ["2013", "12"]]
    cand = [ref[0], ref[1], ["2012", "10%"], ref[2], ref[4]]
    assert judged(md(ref), md(cand)) == [("layout_error", 2), ("numeric_error", 2)]


def test_table_typo_next_to_a_split_elsewhere_is_a_cell_edit() -> None:
    # HTML: the last cell of one row split in two (the table grows a column); in another row a typo in the first
    # cell, the rest of the row in place, is a text error, not a split.
    ref = [["Condition", "N = 121"], ["Congestive heart failure", "4 (3)"], ["Urgent", "57 (47)"], ["Elective", "41"]]
    cand = [ref[0], ["Congsetive heart failure", "4 (3)"], ["Urgent", "57", "(47)"], ref[3]]
    assert judged(html(ref), html(cand)) == [("layout_error", 2), ("text_error", 1)]


def test_table_markdown_split_of_the_last_cell_loses_its_second_half() -> None:
    ref = [["Model", "Top-1", "Download"], ["swin-b", "83.5", "model \\| log"], ["swin-l", "84.8", "model \\| log"]]
    cand = [ref[0], ["swin-b", "83.5", "model | \\| log"], ref[2]]
    assert judged(md(ref), md(cand)) == [("layout_error", 3)]


def test_table_reworded_last_cell_is_no_split() -> None:
    ref = [["Model", "Top-1", "Download"], ["swin-b", "83.5", "model \\| log"], ["swin-l", "84.8", "model \\| log"]]
    cand = [ref[0], ["swin-b", "83.5", "weights \\| log"], ref[2]]
    assert judged(md(ref), md(cand)) == [("text_error", 2)]


def test_table_merge_with_an_empty_cell_is_minor() -> None:
    ref = [["Date", "Place", "Note", "Kills"], ["1 May", "Arras", "", "2"], ["3 May", "Douai", "ace", "1"]]
    cand = [ref[0], ["1 May", "Arras", "2", ""], ref[2]]
    assert judged(md(ref), md(cand)) == [("layout_error", 1)]


def test_table_numeric_grading_follows_the_truth_rules() -> None:
    assert numeric_severity("60.99 m", "60.99 km") == 3  # ten times off or more
    assert numeric_severity("12 ft", "12 m") == 2  # within an order
    assert numeric_severity("2 bn", "2 m") == 3
    assert numeric_severity("10", "10%") == 2
    assert numeric_severity("+2.36", "2.36") == 3  # a sign taken out
    assert numeric_severity("5", "-5") == 3
    # Letters glued before a number make a code: its letters are text, not a unit.
    assert not is_numeric_change("KR211V", "ER211V")
    assert is_numeric_change("5 kg", "5 g")
