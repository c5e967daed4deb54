"""Scene judge, charts: a radar's closed loops drawn as polar bars are a chart type changed, not data lost. The
bars list their values by angle, so the loop's closing point (back on its first angle) comes second."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

RADAR = """
import matplotlib.pyplot as plt
import numpy as np
axes_names = ["speed", "cost", "recall", "precision", "latency", "memory", "safety"]
angles = np.linspace(0, 2 * np.pi, len(axes_names), endpoint=False)
angles_closed = np.concatenate([angles, angles[:1]])
fig, ax = plt.subplots(figsize=(5, 5), subplot_kw={"projection": "polar"})
for name, vals, colour in [("A", [78, 65, 71, 82, 90, 60, 55], "C0"), ("B", [70, 81, 66, 74, 76, 72, 80], "C1")]:
    closed = np.concatenate([vals, vals[:1]])
    DRAW
ax.set_xticks(angles, axes_names)
ax.legend(loc="upper right")
"""


def test_radar_loops_drawn_as_polar_bars_are_a_chart_type_change_not_data_lost() -> None:
    line = 'ax.plot(angles_closed, closed, color=colour, lw=2, label=name, marker="o")'
    bars = "ax.bar(angles_closed, closed, color=colour, label=name, alpha=0.5)"
    charts = render_charts({"ref": RADAR.replace("DRAW", line), "cand": RADAR.replace("DRAW", bars)})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert any(d.category == "structure_error" and "bars" in d.description for d in found), found
    assert not any("shows none of what it should" in d.description for d in found), found
