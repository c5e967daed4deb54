"""Table perturbations on Markdown and HTML sources (no browser)."""

from __future__ import annotations

import random

import lxml.html
import pytest
from tests.corpora import CORPORA

from verm.perturb import perturb
from verm.perturb.table import TablePerturber
from verm.render.table import table_scene
from verm.types import CATEGORIES, Task

P = TablePerturber()

MD = """Some intro text.

| City | Country | Population | Growth |
|:-----|---------|-----------:|-------:|
| Oslo | Norway | 709,037 | 1.2% |
| Lima | Peru | 10,004,000 | -0.4% |
| Auckland | New Zealand | 1,798,000 | 2.1% |
| Osaka | Japan | 2,752,000 | $3.5 |

Trailing paragraph.
"""

HTML = """<table>
<thead><tr><th>Team</th><th>Wins</th><th>Losses</th><th>Coach name</th></tr></thead>
<tbody>
<tr><td><b>Falcons</b></td><td>12</td><td>4</td><td>Ann Lee</td></tr>
<tr><td>Bears</td><td>9</td><td>7</td><td>Bo Ray</td></tr>
<tr><td>Lions</td><td>3</td><td>13</td><td>Cy Young</td></tr>
</tbody>
</table>
"""


def _sources() -> list[str]:
    out = [MD, HTML]
    for sub in ("md", "html"):
        d = CORPORA / "tables" / sub
        if d.is_dir():
            out += [p.read_text() for p in sorted(d.iterdir())[:12]]
    return out


def _check(source: str, new: str, edit) -> dict:  # type: ignore[no-untyped-def]
    assert new != source
    if "<table" in new:
        lxml.html.document_fromstring(new)
    scene = table_scene(new)
    assert edit.category in CATEGORIES[Task.TABLE]
    assert 1 <= edit.severity <= 3
    assert P.apply(source, edit) == new
    return scene


@pytest.mark.parametrize("op", P.ops())
def test_each_op_on_inline_and_corpus_tables(op: str) -> None:
    applied = 0
    for i, src in enumerate(_sources()):
        out = P.propose(src, random.Random(i), op)
        if out is not None:
            _check(src, *out)
            applied += 1
    assert applied >= 2


@pytest.mark.parametrize("src", [MD, HTML], ids=["md", "html"])
def test_structure_ops_change_the_grid(src: str) -> None:
    before = table_scene(src)
    after = {
        op: table_scene(P.propose(src, random.Random(3), op)[0])
        for op in ("row_drop", "row_duplicate", "col_drop", "col_duplicate")
    }  # type: ignore[index]
    assert after["row_drop"]["rows"] == before["rows"] - 1
    assert after["row_duplicate"]["rows"] == before["rows"] + 1
    assert after["col_drop"]["cols"] == before["cols"] - 1
    assert after["col_duplicate"]["cols"] == before["cols"] + 1


def test_markdown_keeps_untouched_lines() -> None:
    new, edit = P.propose(MD, random.Random(0), "cell_digit")  # type: ignore[misc]
    old_lines, new_lines = MD.splitlines(), new.splitlines()
    assert len(old_lines) == len(new_lines)
    assert sum(a != b for a, b in zip(old_lines, new_lines, strict=True)) == 1
    assert new.startswith("Some intro text.") and new.endswith("Trailing paragraph.\n")
    assert edit.category == "numeric_error" and edit.severity in (2, 3)


def test_html_keeps_inline_markup() -> None:
    for seed in range(30):
        new, edit = P.propose(HTML, random.Random(seed), "cell_text")  # type: ignore[misc]
        if edit.params["cell"] == [1, 0]:
            assert "<b>" in new  # the text node inside <b> was edited, the <b> stayed
            break


def test_categories_and_severities() -> None:
    cases = {
        "cell_text": "text_error", "header_text": "text_error", "cell_digit": "numeric_error",
        "cell_unit": "numeric_error", "cell_sign": "numeric_error", "row_drop": "layout_error",
        "col_swap": "layout_error", "cell_merge": "layout_error",
    }  # fmt: skip
    for op, cat in cases.items():
        _, e = P.propose(MD, random.Random(1), op)  # type: ignore[misc]
        assert e.category == cat
    assert P.propose(MD, random.Random(1), "row_drop")[1].severity == 3  # type: ignore[index]
    assert P.propose(MD, random.Random(1), "cell_sign")[1].severity == 3  # type: ignore[index]
    assert P.propose(MD, random.Random(1), "row_swap")[1].severity == 2  # type: ignore[index]


def test_ops_that_do_not_apply_return_none() -> None:
    one_row = "| a | b |\n|---|---|\n| x | y |\n"
    assert P.propose(one_row, random.Random(0), "row_drop") is None
    assert P.propose(one_row, random.Random(0), "row_swap") is None
    assert P.propose(one_row, random.Random(0), "cell_digit") is None  # no numbers
    assert P.propose("no table here", random.Random(0), "cell_text") is None
    spans = "<table><tr><th colspan='2'>ab</th></tr><tr><td>1</td><td>2</td></tr></table>"
    assert P.propose(spans, random.Random(0), "col_drop") is None


def test_hints_point_at_the_edit() -> None:
    _, e = P.propose(MD, random.Random(2), "row_swap")  # type: ignore[misc]
    assert e.params["hint"]["rows"] == e.params["rows"] and e.params["hint"]["cols"] is None


def test_perturb_is_deterministic() -> None:
    a = perturb("table", HTML, random.Random(9), n_edits=3)
    b = perturb("table", HTML, random.Random(9), n_edits=3)
    assert a.source == b.source and a.edits == b.edits and len(a.edits) >= 2
    table_scene(a.source)
