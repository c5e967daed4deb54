"""Similarity-only baselines: MSE, PSNR, SSIM on images; TEDS on table markup."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw
from tests.judge_contract import check_judge_contract

from verm.imaging import to_png
from verm.judge import get_judge
from verm.judge.baselines import (
    MseJudge,
    PsnrJudge,
    SsimJudge,
    TableNode,
    TedsJudge,
    mse_similarity,
    psnr_similarity,
    table_tree,
    teds,
    tree_edit_distance,
)
from verm.reward import Outcome, RewardShaping
from verm.types import Rendering, Status, Task


def chart_like(shift: int = 0, colour: str = "#1f77b4", size: tuple[int, int] = (320, 240)) -> Rendering:
    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    for i, h in enumerate((80, 140, 60, 110)):
        x = 40 + i * 60 + shift
        draw.rectangle((x, 200 - h, x + 40, 200), fill=colour)
    draw.line((30, 200, 300, 200), fill="black", width=2)
    return Rendering(task=Task.CHART, png=to_png(img))


IMAGE_JUDGES = [MseJudge, PsnrJudge, SsimJudge]


@pytest.mark.parametrize("cls", IMAGE_JUDGES)
def test_identical_images_score_one(cls):
    j = check_judge_contract(cls(), Task.CHART, chart_like(), chart_like())
    assert j.status is Status.OK
    assert j.similarity == pytest.approx(1.0)
    assert j.discrepancies == []


@pytest.mark.parametrize("cls", IMAGE_JUDGES)
def test_bigger_change_scores_lower(cls):
    judge = cls()
    small = judge.judge(Task.CHART, chart_like(), chart_like(colour="#2f87c4")).similarity
    large = judge.judge(Task.CHART, chart_like(), chart_like(shift=25, colour="#d62728")).similarity
    assert 0.0 <= large < small < 1.0


@pytest.mark.parametrize("cls", IMAGE_JUDGES)
def test_candidate_of_another_size_is_resized(cls):
    j = cls().judge(Task.SVG, chart_like(), chart_like(size=(400, 300)))
    assert j.status is Status.OK and 0.0 <= j.similarity <= 1.0


def test_failed_rendering_is_a_judge_error():
    bad = Rendering(task=Task.CHART, status=Status.RENDER_ERROR, reason="boom")
    j = check_judge_contract(SsimJudge(), Task.CHART, chart_like(), bad)
    assert j.status is Status.JUDGE_ERROR and j.similarity is None


def test_documented_mappings():
    assert mse_similarity(0.0) == 1.0
    assert mse_similarity(0.04) == pytest.approx(0.8)  # RMSE 0.2
    assert psnr_similarity(0.0) == 1.0
    assert psnr_similarity(1e-3) == pytest.approx(30 / 50)  # 30 dB
    assert psnr_similarity(1.0) == 0.0


def test_reward_is_one_plus_similarity():
    j = MseJudge().judge(Task.CHART, chart_like(), chart_like(shift=10))
    reward = RewardShaping().shape(Outcome(Status.OK, judgment=j))
    assert reward.score == pytest.approx(1.0 + j.similarity)


def test_registered_by_name():
    for name, cls in (("mse", MseJudge), ("psnr", PsnrJudge), ("ssim", SsimJudge), ("teds", TedsJudge)):
        assert isinstance(get_judge(name), cls)


# -- TEDS --------------------------------------------------------------------------------------

MD = """| City | Population | Area |
|---|---|---|
| Lyon | 513275 | 47.87 |
| Nantes | 314138 | 65.19 |
"""
HTML = (
    "<table><thead><tr><th>City</th><th>Population</th><th>Area</th></tr></thead><tbody>"
    "<tr><td>Lyon</td><td>513275</td><td>47.87</td></tr><tr><td>Nantes</td><td>314138</td><td>65.19</td></tr>"
    "</tbody></table>"
)


def leaf(text: str) -> TableNode:
    return TableNode("td", tokens=tuple(text))


def test_tree_edit_distance_golden():
    a = TableNode("table", children=[TableNode("tr", children=[leaf("a"), leaf("b")])])
    b = TableNode("table", children=[TableNode("tr", children=[leaf("a")])])
    c = TableNode("table", children=[TableNode("tr", children=[leaf("a"), leaf("bb")])])
    assert tree_edit_distance(a, a) == 0
    assert tree_edit_distance(a, b) == 1  # delete one cell
    assert tree_edit_distance(b, a) == 1
    assert tree_edit_distance(a, c) == pytest.approx(0.5)  # "b" -> "bb": Levenshtein 1 / 2


def test_teds_markdown_and_html_agree():
    assert table_tree(MD).size() == table_tree(HTML).size() == 1 + 2 + 3 + 9  # table, thead+tbody, 3 rows, 9 cells
    assert teds(MD, HTML) == pytest.approx(1.0)


def test_teds_orders_changes():
    typo = MD.replace("Nantes", "Nantse")
    dropped_row = "\n".join(line for line in MD.splitlines() if "Nantes" not in line)
    merged = HTML.replace("<td>Lyon</td><td>513275</td>", '<td colspan="2">Lyon 513275</td>')
    t_typo, t_row, t_merge = teds(MD, typo), teds(MD, dropped_row), teds(HTML, merged)
    assert 1.0 > t_typo > t_row > 0.0
    assert 1.0 > t_merge > 0.0
    # One cell text of 6 characters, 2 substitutions: distance 2/6 over 15 nodes.
    assert t_typo == pytest.approx(1 - (2 / 6) / 15)


def test_teds_judge():
    ref = Rendering(task=Task.TABLE, png=b"", source=MD)
    cand = Rendering(task=Task.TABLE, png=b"", source=MD.replace("513275", "513257"))
    j = TedsJudge().judge(Task.TABLE, ref, cand)
    assert j.status is Status.OK and 0.9 < j.similarity < 1.0 and j.discrepancies == []


def test_teds_judge_failures_say_why():
    ref = Rendering(task=Task.TABLE, source=MD)
    no_source = TedsJudge().judge(Task.TABLE, ref, Rendering(task=Task.TABLE))
    assert no_source.status is Status.JUDGE_ERROR and "candidate" in no_source.reason
    not_table = TedsJudge().judge(Task.CHART, ref, ref)
    assert not_table.status is Status.JUDGE_ERROR and "table" in not_table.reason
    garbage = TedsJudge().judge(Task.TABLE, ref, Rendering(task=Task.TABLE, source="just words"))
    assert garbage.status is Status.JUDGE_ERROR and "no table" in garbage.reason
