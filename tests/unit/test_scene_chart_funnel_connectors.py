"""Scene judge, charts: shapes drawn between bars' ends (a funnel's connectors) move with the bars' values, one
change; shapes moved off the bars' ends are a change of their own."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

FUNNEL = """
import matplotlib.pyplot as plt
import numpy as np
n = np.array([9000, 5200, 2600, 1100, 640]) * FACTOR
y = np.arange(5)[::-1] * 1.0
h = 0.6
fig, ax = plt.subplots(figsize=(7, 5))
ax.barh(y, n, left=-n / 2, height=h, color="#3182bd")
for k in range(4):
    top, bottom = y[k] - h / 2, y[k + 1] + h / 2
    ax.fill([-n[k] / 2, n[k] / 2, n[k + 1] / 2, -n[k + 1] / 2], [top - GAP, top - GAP, bottom, bottom],
            color="#9ecae1", lw=0)
ax.set_xlim(-5000, 5000)
ax.set_yticks(y, ["visits", "views", "carts", "checkouts", "orders"])
"""


def _judge(ref: str, cand: str) -> list:
    charts = render_charts({"ref": ref, "cand": cand})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_connectors_follow_the_bars_they_join() -> None:
    ref = FUNNEL.replace("FACTOR", "1").replace("GAP", "0")
    found = _judge(ref, FUNNEL.replace("FACTOR", "0.8").replace("GAP", "0"))
    assert len(found) == 1 and "bars" in found[0].description, found


def test_connectors_moved_off_the_bars_are_a_change() -> None:
    ref = FUNNEL.replace("FACTOR", "1").replace("GAP", "0")
    found = _judge(ref, FUNNEL.replace("FACTOR", "1").replace("GAP", "0.15"))
    assert len(found) == 1 and "polygons moved" in found[0].description, found
