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
