"""Scene judge, charts: a legend at the same place of an axes that moved or resized has not moved; one sent
elsewhere in its axes at the same named place (another anchor) has."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

LINES = """
import matplotlib.pyplot as plt
import numpy as np
x = np.linspace(0.5, 10, 40)
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(x, np.sqrt(x), label="sqrt")
ax.plot(x, np.log(x) + 1, label="log")
ax.legend(loc="lower right"ANCHOR)
EDIT
"""


def _found(edit: str = "pass", anchor: str = "") -> list:
    ref = LINES.replace("ANCHOR", "").replace("EDIT", "pass")
    cand = LINES.replace("ANCHOR", anchor).replace("EDIT", edit)
    charts = render_charts({"ref": ref, "cand": cand})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_a_legend_riding_with_its_axes_as_it_shrinks_is_not_moved() -> None:
    found = _found("fig.subplots_adjust(bottom=0.55, right=0.6)")
    assert not [d for d in found if "legend" in d.description], found


def test_a_legend_anchored_elsewhere_in_its_axes_is_moved() -> None:
    found = _found(anchor=", bbox_to_anchor=(0.55, 0.55)")
    assert [d for d in found if "the legend moved within the plot (lower right)" in d.description], found
