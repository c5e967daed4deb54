"""Scene judge, charts: one input drawn in several panels is one change. A value moved alike, from and to the
same numbers, in series of two panels (a seasonal subseries plot's month beside the full series) is one
edit; so is a data set drawn point by point in several panels of a grid together with the shapes in its
colour that summarise it in their rows or columns (a scatter matrix's diagonal densities)."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task


def _judge(ref: str, cand: str) -> list:
    charts = render_charts({"ref": ref, "cand": cand})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


SUBSERIES = """
import matplotlib.pyplot as plt
import numpy as np
season = np.array([0.86, 0.84, 0.97, 0.96, 0.98, 1.1, JULY, 1.21, 1.04, 0.93, 0.82, 0.92])
trend = np.linspace(400, 620, 6)
pax = np.outer(trend, season)
fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(9, 6))
ax1.plot(np.arange(72), pax.ravel(), color="#2d6a9f")
for m in range(12):
    ax2.plot(m * 8 + np.arange(6), pax[:, m], color="#2d6a9f")
"""


def test_one_value_drawn_in_two_panels_is_one_change() -> None:
    found = _judge(SUBSERIES.replace("JULY", "1.22"), SUBSERIES.replace("JULY", "2.25"))
    assert len(found) == 1, found
    assert found[0].category == "data_error", found


MATRIX = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(3)
groups = {"A": ([48.8, 3730], "#a034f0"), "B": ([38.8, 3700], "#ff8c00")}
data = {g: rng.normal(m, [3.0, 380], size=(40, 2)) for g, (m, _) in groups.items()}
data["A"][:, 1] += SHIFT
fig, axes = plt.subplots(2, 2, figsize=(7, 7))
for i in range(2):
    for j in range(2):
        ax = axes[i, j]
        for g, (_, colour) in groups.items():
            d = data[g]
            if i == j:
                h, edges = np.histogram(d[:, i], bins=12)
                ax.fill_between(edges[:-1], h, step="post", color=colour, alpha=0.5)
            else:
                ax.scatter(d[:, j], d[:, i], s=9, color=colour, label=g)
"""


def test_a_data_set_and_its_summary_on_the_diagonal_are_one_change() -> None:
    found = _judge(MATRIX.replace("SHIFT", "0"), MATRIX.replace("SHIFT", "1511"))
    assert len(found) == 1, found
    assert found[0].category == "data_error" and found[0].severity == 3, found
