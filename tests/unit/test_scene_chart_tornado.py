"""Scene judge, charts: a tornado chart's low bars, drawn from one array that was scaled, are one change; each
row's two bars meet at the base, so they read as a stack, and one row edited stays one change of that stack."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

TORNADO = """
import matplotlib.pyplot as plt
import numpy as np
names = ["Price", "Capex", "Rate", "Opex", "Delay", "Credit"]
down = np.array([14.5, 9.0, 6.4, 4.8, 4.2, 1.7])
up = np.array([13.0, 8.1, 7.2, 4.0, 3.1, 1.5])
EDIT
base = 42.0
fig, ax = plt.subplots(figsize=(7, 4))
for k, name in enumerate(names):
    ax.barh(k, down[k], left=base - down[k], color="#c0392b")
    ax.barh(k, up[k], left=base, color="#2e86c1")
ax.axvline(base, color="k", lw=1)
ax.set_yticks(range(len(names)), names)
"""


def _found(edit: str) -> list:
    charts = render_charts({"ref": TORNADO.replace("EDIT", "pass"), "cand": TORNADO.replace("EDIT", edit)})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_the_low_bars_scaled_are_one_change() -> None:
    found = _found("down = down * 1.5")
    assert len(found) == 1 and "scaled by 1.5" in found[0].description, found


def test_one_row_edited_is_one_change_of_its_stack() -> None:
    found = _found("down[2], up[2] = 9.0, 3.0")
    assert len(found) == 1 and "stacked bar" in found[0].description, found
