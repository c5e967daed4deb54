"""Tables end to end: a changed cell, a dropped row and a merged header each
lower the reward, with a discrepancy boxed where the change is."""

from __future__ import annotations

import pytest

from verm.pipeline import Scorer
from verm.types import Status

HEADER = "<thead><tr><th>Region</th><th>Q1</th><th>Q2</th><th>Q3</th></tr></thead>"
ROWS = [("North", "12.5", "13.0", "14.2"), ("South", "9.8", "10.1", "11.0"), ("East", "7.4", "7.9", "8.8")]


def table(rows=ROWS, header: str = HEADER) -> str:
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table>{header}<tbody>{body}</tbody></table>"


@pytest.fixture(scope="module")
def scorer():
    with Scorer("table", judge="pixel") as s:
        yield s


@pytest.fixture(scope="module")
def reference(scorer):
    ref = scorer.reference(table())
    assert ref.ok, ref.reason
    return ref


def _cell_box(rendering, row: int, col: int) -> list[float]:
    for cell in rendering.scene["cells"]:
        if cell["row"] == row and cell["col"] == col:
            return cell["bbox"]
    raise AssertionError(f"no cell ({row}, {col}) in the scene")


def _overlaps(a, b) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def test_identical_table_scores_two(scorer, reference):
    r = scorer.score(reference, f"```html\n{table()}\n```")
    assert r.status is Status.OK and r.score == 2.0 and not r.judgment.discrepancies


def test_markdown_and_html_versions_score_equal(scorer, reference):
    md = "| Region | Q1 | Q2 | Q3 |\n|---|---|---|---|\n" + "\n".join("| " + " | ".join(r) + " |" for r in ROWS)
    r = scorer.score(reference, f"```markdown\n{md}\n```")
    assert r.status is Status.OK
    assert all(d.severity == 1 for d in r.judgment.discrepancies), r.judgment.discrepancies


def test_changed_cell_is_boxed_at_the_cell(scorer, reference):
    rows = [ROWS[0], ("South", "9.8", "70.1", "11.0"), ROWS[2]]
    cand_src = table(rows)
    r = scorer.score(reference, f"```html\n{cand_src}\n```")
    assert r.status is Status.OK and r.score < 2.0
    cand = scorer.renderer.render(cand_src)
    target = _cell_box(cand, 2, 2)  # row 2 (header is row 0), column 2
    assert any(d.bbox and _overlaps(d.bbox, target) for d in r.judgment.discrepancies), r.judgment.discrepancies


def test_dropped_row_lowers_the_reward(scorer, reference):
    r = scorer.score(reference, f"```html\n{table(ROWS[:2])}\n```")
    assert r.status is Status.OK and r.score < 2.0
    assert r.judgment.discrepancies
    # The missing row sits at the bottom of the reference table.
    last_row = _cell_box(reference, 3, 0)
    assert any(d.bbox and d.bbox[3] >= last_row[1] for d in r.judgment.discrepancies)


def test_merged_header_lowers_the_reward_and_is_boxed_in_the_header(scorer, reference):
    merged = "<thead><tr><th>Region</th><th colspan='2'>Q1-Q2</th><th>Q3</th></tr></thead>"
    cand_src = table([(r[0], r[1], r[2], r[3]) for r in ROWS], header=merged)
    r = scorer.score(reference, f"```html\n{cand_src}\n```")
    assert r.status is Status.OK and r.score < 2.0
    header = _cell_box(reference, 0, 1)
    assert any(d.bbox and _overlaps(d.bbox, header) for d in r.judgment.discrepancies), r.judgment.discrepancies


def test_a_narrower_header_word_is_one_text_error(scorer):
    # 'Rrnk' is narrower than 'Rank': the first column shrinks and every cell after it lands at another
    # sub-pixel offset; the cells must still be recognised as the same, and the typo found alone.
    rows = [("1", "Cuba", "4", "3", "2", "9"), ("2", "Canada", "4", "2", "1", "7"), ("3", "Mexico", "1", "1", "0", "2")]

    def medals(first: str) -> str:
        head = "".join(f"<th>{h}</th>" for h in (first, "Nation", "Gold", "Silver", "Bronze", "Total"))
        return table(rows, header=f"<thead><tr>{head}</tr></thead>")

    ref = scorer.reference(medals("Rank"))
    r = scorer.score(ref, f"```html\n{medals('Rrnk')}\n```")
    assert r.status is Status.OK
    assert [(d.category, d.severity) for d in r.judgment.discrepancies] == [("text_error", 1)]


DELAYS = [
    ("Patient delay", "55.3", "40.0", "59", "5-123", "5", "198"),
    ("Healthcare services delay", "76.5", "91.2", "45", "38-128", "0", "371"),
    ("Total diagnostic delay", "131.4", "94.3", "104", "17-187", "14", "401"),
]
DELAY_HEADER = (
    "<thead><tr>"
    + "".join(f"<th>{h}</th>" for h in ("Type of delay", "Mean", "SD", "Median", "IQR", "Min", "Max"))
    + "</tr></thead>"
)


@pytest.mark.parametrize("lost", [False, True], ids=["row grows a cell", "row keeps its length"])
def test_a_split_cell_is_one_layout_error(scorer, lost: bool):
    # 'Total diagnostic delay' becomes 'Total' | 'diagnostic delay': every later cell of the row moves
    # one column right, into a new column or off the row. One edit, not a re-ordered row plus a new column.
    ref = scorer.reference(table(DELAYS, header=DELAY_HEADER))
    split = ("Total", "diagnostic delay", *DELAYS[2][1:])
    r = scorer.score(ref, f"```html\n{table([*DELAYS[:2], split[:-1] if lost else split], header=DELAY_HEADER)}\n```")
    assert r.status is Status.OK
    got = r.judgment.discrepancies
    assert [(d.category, d.severity) for d in got] == [("layout_error", 3 if lost else 2)], got
    assert "split" in got[0].description
    assert _overlaps(got[0].bbox, _cell_box(ref, 3, 0))


@pytest.mark.parametrize("n_cols", [9, 10, 11], ids=["fits the canvas", "shrunk", "shrunk more"])
def test_a_unit_in_a_wide_table_is_one_numeric_error(scorer, n_cols: int):
    # Wider than the 768 px canvas, a table is shrunk to fit; a '%' makes the candidate a few pixels
    # wider, so shrunk 1-2 % more, and every cell sits at another offset and scale: that is no edit.
    head = "<thead><tr>" + "".join(f"<th>M{k}</th>" for k in range(1, n_cols + 1)) + "</tr></thead>"
    rows = [tuple(f"{(7 * i + 3 * k) % 97}{k}.{i}{k}{i}{k}" for k in range(n_cols)) for i in range(1, 9)]
    ref = scorer.reference(table(rows, header=head))
    assert ref.ok
    cand = [*rows[:4], (f"{rows[4][0]}%", *rows[4][1:]), *rows[5:]]
    r = scorer.score(ref, f"```html\n{table(cand, header=head)}\n```")
    assert r.status is Status.OK
    assert [(d.category, d.severity) for d in r.judgment.discrepancies] == [("numeric_error", 2)], r.judgment


GROUPED_HEADER = (
    "<thead><tr>" + "".join(f"<th>{h}</th>" for h in ("Type of delay", "Group", "Mean", "SD", "Max")) + "</tr></thead>"
)
GROUPED = [
    ("Referral delay", "Part", "12.1", "8.0", "64"),
    ("Patient delay", "Part", "55.3", "40.0", "198"),
    ("Healthcare services delay", "Part", "76.5", "91.2", "371"),
    ("Total diagnostic delay", "Total", "131.4", "94.3", "401"),
]


@pytest.mark.parametrize("drop_first", [False, True], ids=["split alone", "a row dropped above it"])
def test_a_split_whose_half_reads_like_another_cell_of_its_row_is_one_split(scorer, drop_first: bool):
    # 'Total diagnostic delay' -> 'Total' | 'diagnostic delay', in a row whose next cell reads 'Total':
    # one half looks like that cell, the other is new. With a row dropped above it the split row sits
    # one row higher in the candidate than in the reference: its shifted cells are the split's, no more.
    ref = scorer.reference(table(GROUPED, header=GROUPED_HEADER))
    split = ("Total", "diagnostic delay", *GROUPED[3][1:])
    rows = [*GROUPED[1 if drop_first else 0 : 3], split]
    r = scorer.score(ref, f"```html\n{table(rows, header=GROUPED_HEADER)}\n```")
    assert r.status is Status.OK
    got = sorted((d.category, d.severity) for d in r.judgment.discrepancies)
    assert got == ([("layout_error", 2), ("layout_error", 3)] if drop_first else [("layout_error", 2)]), got
    assert any("split" in d.description for d in r.judgment.discrepancies)


def test_a_split_in_a_table_whose_columns_were_swapped_is_one_split(scorer):
    # Columns 'Mean' and 'Max' swapped, and 'Total diagnostic delay' split: the split row is read in the
    # candidate's column order, so its shifted cells are the split's, not a re-ordered row.
    ref = scorer.reference(table(GROUPED, header=GROUPED_HEADER))

    def swapped(row: tuple[str, ...]) -> tuple[str, ...]:
        return (row[0], row[1], row[4], row[3], row[2])

    head = "<thead><tr>" + "".join(f"<th>{h}</th>" for h in swapped(("Type of delay", "Group", "Mean", "SD", "Max")))
    rows = [swapped(r) for r in GROUPED]
    rows[3] = ("Total", "diagnostic delay", *rows[3][1:])
    r = scorer.score(ref, f"```html\n{table(rows, header=head + '</tr></thead>')}\n```")
    assert r.status is Status.OK
    got = r.judgment.discrepancies
    assert sorted((d.category, d.severity) for d in got) == [("layout_error", 2), ("layout_error", 2)], got
    assert sum("split" in d.description for d in got) == 1
