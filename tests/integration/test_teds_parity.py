"""verm's TEDS and TEDS-S equal the reference package's (``table-recognition-metric``:
APTED + Levenshtein) within 1e-6 on every table pair of a bench made from the
shared corpus, and on hand-made tables with spans, header cells and inner tags.

Both read the same canonical trees (`pubtabnet_html` writes verm's tree out
for the package), so what is compared is the tree edit distance and its costs.
"""

from __future__ import annotations

import pytest
from table_recognition_metric import TEDS

from verm.bench import load_bench, make_bench
from verm.judge.baselines.teds import pubtabnet_html, table_tree, teds, teds_trees
from verm.types import Task

TOLERANCE = 1e-6


def package_teds(ref: str, cand: str, structure_only: bool) -> float:
    a, b = table_tree(ref, structure_only), table_tree(cand, structure_only)
    return TEDS(structure_only=structure_only)(pubtabnet_html(b), pubtabnet_html(a))


@pytest.fixture(scope="module")
def table_bench(corpora, tmp_path_factory):
    out = tmp_path_factory.mktemp("teds-bench")
    make_bench(Task.TABLE, corpora / "tables", out, n=12, seed=0, max_edits=3, workers=2)
    bench = load_bench(out)
    assert len(bench) == 12
    return bench


@pytest.mark.parametrize("structure_only", [False, True], ids=["TEDS", "TEDS-S"])
def test_every_bench_pair_matches_the_package(table_bench, structure_only):
    differ = 0
    for rec in table_bench.records:
        a = table_tree(rec.ref_source, structure_only)
        b = table_tree(rec.cand_source, structure_only)
        ours = teds_trees(a, b)
        theirs = TEDS(structure_only=structure_only)(pubtabnet_html(b), pubtabnet_html(a))
        assert ours == pytest.approx(theirs, abs=TOLERANCE), rec.id
        differ += ours < 1.0
    # The pairs carry real edits: most of them change the score (TEDS-S only sees structural ones).
    assert differ >= (6 if not structure_only else 1)


HAND = [
    (
        "<table><thead><tr><th>City</th><th colspan='2'>Population <b>2020</b></th></tr></thead>"
        "<tbody><tr><td>Lyon</td><td>513 275</td><td>47.87<br>km²</td></tr>"
        "<tr><td rowspan='2'>Nantes</td><td><i>314</i> 138</td><td>65.19</td></tr><tr><td>x</td><td></td></tr></tbody></table>",
        "<table><thead><tr><th>City</th><th>Population</th><th>2020</th></tr></thead>"
        "<tbody><tr><td>Lyon</td><td>513 257</td><td>47.87 km²</td></tr>"
        "<tr><td>Nantes</td><td>314 138</td><td>65.19</td></tr></tbody></table>",
    ),
    ("| a | b |\n|---|---|\n| 1 | **2** |\n| 3 | 4 |\n", "| a | b |\n|---|---|\n| 1 | 2 |\n"),
    ("| a | b |\n|---|---|\n| 1 | 2 |\n", "<table><tr><td>a</td><td>b &amp; c</td></tr><tr><td>1</td></tr></table>"),
]


@pytest.mark.parametrize("structure_only", [False, True], ids=["TEDS", "TEDS-S"])
@pytest.mark.parametrize("ref,cand", HAND)
def test_hand_made_tables_match_the_package(ref, cand, structure_only):
    ours = teds(ref, cand, structure_only)
    assert ours == pytest.approx(package_teds(ref, cand, structure_only), abs=TOLERANCE)
    assert 0.0 < ours < 1.0


def test_inner_tags_are_tokens_as_in_pubtabnet():
    tree = table_tree("<table><tr><td> <b>a</b>  b<br>c </td></tr></table>")
    cell = tree.children[0].children[0]
    assert cell.tokens == ("<b>", "a", "</b>", " ", "b", "<br>", "</br>", "c")
    assert cell.text == "a bc"
