"""Scene judge, charts: the same point of many series changed, each by its own factor, is one change."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

# Parallel coordinates: every line scaled to each column's range (min-max), so one raw value that sets a
# column's minimum moves that point of every other line, each by its own factor.
PARALLEL = """
import matplotlib.pyplot as plt
import numpy as np
raw = np.array([[3.0, 40, 7, 900], [5, 55, 6, 1200], [4, 35, 9, 1000], [6, 60, 8, 1500], [2, 45, 5, LOW]])
lo, hi = raw.min(axis=0), raw.max(axis=0)
fig, ax = plt.subplots(figsize=(6, 4))
for row, colour in zip(raw, ["C0", "C1", "C2", "C3", "C4"]):
    ax.plot(range(4), (row - lo) / (hi - lo), color=colour)
"""


def test_one_value_that_rescales_a_column_of_every_line_is_one_change() -> None:
    charts = render_charts({"ref": PARALLEL.replace("LOW", "700"), "cand": PARALLEL.replace("LOW", "300")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and found[0].category == "data_error", found


def test_one_point_of_one_line_is_still_its_own_change() -> None:
    source = PARALLEL.replace("LOW", "700")
    charts = render_charts({"ref": source, "cand": source.replace("[5, 55, 6, 1200]", "[5, 55, 6.8, 1200]")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and "line 2" in found[0].description, found
