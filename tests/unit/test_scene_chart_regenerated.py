"""Scene judge, charts: a data set drawn anew (samples drawn again) in several panels of a corner plot changed
all that summarises it, whatever their colour: the density contours in its own panels and the marginal
histograms of its rows and columns are that one change, not one item a panel."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Discrepancy, Task

CORNER = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(5)
spread = np.array([[0.5, 0.2, 0.0], [0.2, 0.3, -0.1], [0.0, -0.1, 0.8]]) * SCALE
draws = rng.multivariate_normal([2.0, 1.0, 4.0], spread, size=3000)
names = ["alpha", "beta", "gamma"]
fig, axes = plt.subplots(3, 3, figsize=(7, 7))
for i in range(3):
    for j in range(3):
        ax = axes[i, j]
        if j > i:
            ax.set_visible(False)
        elif i == j:
            lo, mid, hi = np.percentile(draws[:, i], [16, 50, 84])
            ax.hist(draws[:, i], bins=30, density=True, histtype="step", color="k")
            ax.set_title(f"{names[i]} = {mid:.2f} +{hi - mid:.2f} -{mid - lo:.2f}", fontsize=9)
            ax.set_yticks([])
        else:
            ax.plot(draws[::15, j], draws[::15, i], ".", color="0.6", ms=2)
            h, xe, ye = np.histogram2d(draws[:, j], draws[:, i], bins=25)
            xc, yc = (xe[1:] + xe[:-1]) / 2, (ye[1:] + ye[:-1]) / 2
            ax.contourf(xc, yc, h.T, levels=[h.max() * 0.2, h.max() * 0.6, h.max()], colors=["#bdbdbd", "#737373"])
            ax.contour(xc, yc, h.T, levels=[h.max() * 0.2, h.max() * 0.6], colors="k", linewidths=0.8)
        if i < 2:
            ax.set_xticklabels([])
"""


def _judge(scale: str) -> list[Discrepancy]:
    charts = render_charts({"ref": CORNER.replace("SCALE", "1.0"), "cand": CORNER.replace("SCALE", scale)})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_samples_drawn_again_in_a_corner_plot_are_one_change() -> None:
    found = _judge("0.7")
    assert len(found) == 1 and found[0].category == "data_error", found
    assert "summarise" in found[0].description, found
