"""Scene judge, charts: one name list printed in several labels (a flow chart's left and right labels, each
'name value' and 'value name'): a name renamed, or two names swapped, is one change wherever it prints."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

NAMES = ["Labour", "Conservative", "Green", "Lib Dem"]

FLOW = """
import matplotlib.pyplot as plt
names = NAMES
left = [86, 40, 8, 26]
right = [87, 35, 15, 29]
fig, ax = plt.subplots(figsize=(6, 4))
y = 0
for n, a, b in zip(names, left, right):
    ax.bar(0, a, bottom=y, width=0.3, color="0.6")
    ax.text(-0.2, y + a / 2, f"{n} {a}", ha="right")
    ax.bar(1, b, bottom=y, width=0.3, color="0.6")
    ax.text(1.2, y + a / 2, f"{b} {n}", ha="left")
    y += max(a, b)
ax.set_xlim(-1, 2)
ax.set_title("Vote flow")
"""


def _judge(cand: list[str]) -> list:
    charts = render_charts({"ref": FLOW.replace("NAMES", repr(NAMES)), "cand": FLOW.replace("NAMES", repr(cand))})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_names_swapped_in_every_label_are_one_change() -> None:
    found = _judge(["Green", "Conservative", "Labour", "Lib Dem"])
    assert len(found) == 1 and found[0].severity == 3, found
    assert "'87 Labour'" in found[0].description, found


def test_name_renamed_in_every_label_is_one_change() -> None:
    found = _judge(["Labour", "Conservative", "Green", "Demand Dem"])
    assert len(found) == 1 and found[0].severity == 2, found
    assert "'29 Lib Dem'" in found[0].description, found


def test_two_names_renamed_apart_stay_two_changes() -> None:
    found = _judge(["Labor", "Conservative", "Green", "Lib Dam"])
    assert len(found) == 2, found
