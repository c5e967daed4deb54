"""Scene judge, charts: a figure legend whose entries reordered because a series was drawn as another kind (its
handle now lists in that kind's turn) shows the chart type change, not a reorder of its own."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

SHARED = """
import matplotlib.pyplot as plt
import numpy as np
x = np.arange(6)
fig, axes = plt.subplots(1, 2, figsize=(8, 3.5))
for ax in axes:
    ax.bar(x, [3, 5, 2, 6, 4, 5], color="#bbbbbb", label="volume")
    DRAW
    ax.plot(x, [2, 3, 2.5, 3.5, 3, 4], color="C1", label="target")
handles, labels = axes[0].get_legend_handles_labels()
fig.legend(handles, labels, loc="upper center", ncol=3)
"""


def test_a_figure_legend_reordered_by_a_series_retyped_is_not_a_change_of_its_own() -> None:
    line = 'ax.plot(x, [1, 4, 3, 5, 2, 6], color="C0", label="orders")'
    bars = 'ax.bar(x, [1, 4, 3, 5, 2, 6], color="C0", label="orders", width=0.3)'
    charts = render_charts({"ref": SHARED.replace("DRAW", line), "cand": SHARED.replace("DRAW", bars)})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert any(d.category == "structure_error" for d in found), found
    assert not any("legend entries" in d.description for d in found), found
