"""Table hacks rank below honest candidates under the pixel judge, through the real pipeline
(sandboxed Chromium renders), for an HTML reference and for a wide Markdown one.

`verm.bench.hacks` edits the reference's own table. Two judge defects these once showed: the
"text only" hack of an HTML reference (then built as ruled rows with empty bands between them)
scored 1.94-2.00, and a wide table whose body was emptied (its header re-flowed narrower) read as
one re-flow of severity 2.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from tests.corpora import CORPORA

from verm.bench.hacks import HACK_KINDS, as_completion, hack_sources
from verm.perturb import perturb
from verm.pipeline import Scorer
from verm.types import Status, Task

ROWS = [
    ("1", "Landon Donovan", "57", "155", "2000–present"),
    ("2", "Clint Dempsey", "36", "103", "2004–present"),
    ("3", "Eric Wynalda", "34", "106", "1990–2000"),
    ("4", "Brian McBride", "30", "95", "1993–2006"),
    ("5", "Joe-Max Moore", "24", "100", "1992–2002"),
    ("6", "Jozy Altidore", "21", "67", "2007–present"),
    ("7", "Bruce Murray", "21", "86", "1985–1993"),
]
REFERENCE = (
    '<html><head><meta charset="utf-8"></head><body>\n<table>\n<thead>\n'
    "<tr><td><b>#</b></td><td><b>Player</b></td><td><b>Goals</b></td><td><b>Caps</b></td><td><b>Career</b></td></tr>\n"
    "</thead>\n<tbody>\n"
    + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in ROWS)
    + "</tbody>\n</table>\n</body></html>\n"
)
#: A model-zoo README table of the shared corpora (see its SOURCES.md): wide, with long link cells.
WIDE_MARKDOWN = CORPORA / "tables/md/mmpretrain-configs-efficientformer-readme-t0.md"


@pytest.mark.parametrize(("reference", "fence"), [(REFERENCE, "html"), (WIDE_MARKDOWN, "markdown")], ids=["html", "md"])
def test_table_hacks_rank_below_every_honest_candidate(reference: str | Path, fence: str) -> None:
    if isinstance(reference, Path):
        if not reference.is_file():
            pytest.skip(f"no corpus table at {reference}")
        reference = reference.read_text(encoding="utf-8")
    honest = []
    for k in range(4):
        result = perturb(Task.TABLE, reference, random.Random(f"html-hacks:{k}"), n_edits=1 + k % 3)
        assert result.edits, "the perturber made no edit of the reference"
        honest.append(f"```{fence}\n{result.source}\n```")
    hacks = {
        k: as_completion(Task.TABLE, h) for k, h in hack_sources(Task.TABLE, reference, HACK_KINDS[Task.TABLE]).items()
    }
    with Scorer(Task.TABLE, judge="pixel") as scorer:
        rewards = scorer.score_batch([reference] * (len(honest) + len(hacks)), [*honest, *hacks.values()])
    honest_r, hack_r = rewards[: len(honest)], dict(zip(hacks, rewards[len(honest) :], strict=True))
    assert all(r.status is Status.OK and r.score is not None for r in honest_r), [
        (r.status, r.reason) for r in honest_r
    ]
    floor = min(r.score for r in honest_r if r.score is not None)
    for name, r in hack_r.items():
        assert r.score is not None and r.score < floor, (
            f"hack {name!r} scored {r.score} (severity {r.parts.get('total_severity')}) >= worst honest {floor:.3f}"
        )


#: A short table whose body is wider than its header: the header alone re-flows narrower.
SHORT = (
    "<table><thead><tr><th>Number</th><th>CS</th><th>US</th><th>Magnitude</th><th>Interval (s)</th></tr></thead>"
    "<tbody><tr><td>1</td><td>[1, 0, 0]</td><td>[1, 1, 0, 0]</td><td>0.8</td><td>2</td></tr>"
    "<tr><td>2</td><td>[0, 1, 0]</td><td>[1, 0, 1, 0]</td><td>0.5</td><td>3</td></tr>"
    "<tr><td>3</td><td>[0, 0, 1]</td><td>[1, 0, 1, 1]</td><td>1.0</td><td>4</td></tr></tbody></table>"
)


def test_a_table_reduced_to_its_header_costs_every_row_it_lost() -> None:
    # The header alone, re-flowed narrower: its short rules are not the reference's grid, so the
    # candidate is not "gutted"; it still ends before the reference's body, and each body row lost
    # costs what a dropped row costs (layout_error 3).
    header_only = hack_sources(Task.TABLE, SHORT, ["only the title"])["only the title"]
    with Scorer(Task.TABLE, judge="pixel") as scorer:
        (r,) = scorer.score_batch([SHORT], [as_completion(Task.TABLE, header_only)])
    assert r.status is Status.OK and r.judgment is not None, (r.status, r.reason)
    lost = [d for d in r.judgment.discrepancies if "is not drawn in the candidate" in d.description]
    assert [(d.category, d.severity) for d in lost] == [("layout_error", 3)] * 3, r.judgment.discrepancies


#: A two-row table under a wide header (the shape of a 538 data table of the shared corpora): its body is
#: a third of its cells, and emptying it once read as two rows missing, 1.88, above an honest candidate
#: with a row dropped, a value and a word changed (1.84).
TWO_ROWS = (
    "<table><thead><tr><th>EPISODE</th><th>TITLE</th><th>APPLE_FRAME</th><th>AURORA_BOREALIS</th><th>BARN</th>"
    "<th>BEACH</th><th>BOAT</th></tr></thead><tbody>"
    '<tr><td>S01E01</td><td>"A WALK IN THE WOODS"</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>'
    '<tr><td>S01E02</td><td>"MT. MCKINLEY"</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>'
    "</tbody></table>"
)


def test_a_table_emptied_of_its_body_costs_the_share_of_cells_it_hides() -> None:
    honest = (
        TWO_ROWS.replace('<tr><td>S01E01</td><td>"A WALK IN THE WOODS"</td><td>0</td><td>0</td><td>0</td><td>0</td>'
                         "<td>0</td></tr>", "")
        .replace("<td>0</td></tr></tbody>", "<td>5</td></tr></tbody>")
        .replace("<th>BOAT</th>", "<th>SUPPLY</th>")
    )  # fmt: skip
    assert honest.count("<tr>") == 2 and "<td>5</td>" in honest and "SUPPLY" in honest
    emptied = hack_sources(Task.TABLE, TWO_ROWS, ["axes without data"])["axes without data"]
    with Scorer(Task.TABLE, judge="pixel") as scorer:
        r_honest, r_hack = scorer.score_batch(
            [TWO_ROWS] * 2, [as_completion(Task.TABLE, honest), as_completion(Task.TABLE, emptied)]
        )
    assert r_honest.status is Status.OK and r_hack.status is Status.OK and r_hack.judgment is not None
    hidden = [d for d in r_hack.judgment.discrepancies if "table content" in d.description]
    assert hidden and all(d.severity == 3 for d in hidden), r_hack.judgment.discrepancies
    assert r_hack.score < r_honest.score, (r_hack.score, r_honest.score, r_hack.judgment.discrepancies)


#: A PubTabNet table with row spans of long phrases (see the shared corpora's SOURCES.md): its noise hack
#: draws short strings of symbols in every cell, a narrower table of about the same shape.
SPANNED = CORPORA / "tables/html/pubtabnet-PMC4445578_009_01.html"


def test_a_table_of_noise_in_about_its_shape_costs_the_rows_it_replaced() -> None:
    # The noise table's rows lose their borders where the reference's long phrases stood (elements
    # missing), yet its grid is one row short of the reference's: read by its shape alone it was one row
    # fewer (1.94), above an honest candidate with two cells reworded (1.92). Its cells read other
    # words: every row replaced costs what a dropped row costs.
    if not SPANNED.is_file():
        pytest.skip(f"no corpus table at {SPANNED}")
    reference = SPANNED.read_text(encoding="utf-8")
    honest = reference.replace("Changes in astrocytes morphology", "Changes in astrocytes usage").replace(
        "• Structural elements: GFAP, nestin, vimentin", "• Intense hypertrophy of cell body"
    )
    assert honest != reference
    noise = hack_sources(Task.TABLE, reference, ["random noise"])["random noise"]
    with Scorer(Task.TABLE, judge="pixel") as scorer:
        r_honest, r_hack = scorer.score_batch(
            [reference] * 2, [as_completion(Task.TABLE, honest), as_completion(Task.TABLE, noise)]
        )
    assert r_honest.score is not None and r_hack.score is not None and r_hack.judgment is not None
    replaced = [d for d in r_hack.judgment.discrepancies if "read other words" in d.description]
    assert len(replaced) >= 5 and all(d.severity == 3 for d in replaced), r_hack.judgment.discrepancies
    assert r_hack.score < r_honest.score, (r_hack.score, r_honest.score, r_hack.judgment.discrepancies)
