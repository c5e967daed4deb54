"""Scene judge, charts: a long line drawn as bars, more bars than the scene keeps (its patch cap): the bar series
counts the bars the scene cut, so it pairs with the line as one series retyped, not a line missing and bars new."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

DURATION = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(5)
hours = np.arange(6000)
load = np.sort(9000 + 1500 * np.cos(hours / 500) + rng.normal(0, 300, hours.size))[::-1]
fig, ax = plt.subplots(figsize=(8, 4))
DRAW
ax.axvline(100, color="gray", ls=":")
ax.set_xlim(0, 6000)
ax.set_ylim(0, load[0] * 1.08)
ax.set_title("Load duration curve")
"""


def test_a_long_line_drawn_as_bars_past_the_cap_is_retyped() -> None:
    charts = render_charts(
        {
            "ref": DURATION.replace("DRAW", 'ax.plot(hours, load, color="black")'),
            "cand": DURATION.replace("DRAW", 'ax.bar(hours, load, color="black")'),
        }
    )
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and found[0].category == "structure_error" and found[0].severity == 3, found
    assert "bars" in found[0].description, found
