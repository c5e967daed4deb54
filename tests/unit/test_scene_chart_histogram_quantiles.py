"""Scene judge, charts: a histogram outline with its quantile lines (constant lines drawn from its samples) whose
samples changed: the lines follow the histogram, and the histogram does not in turn follow them (each dropped for
the other left the change unreported)."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Discrepancy, Task

WAITS = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(11)
waits = rng.gamma(3.0, 2.0, 2500) * SCALE
fig, ax = plt.subplots(figsize=(6, 4))
ax.hist(waits, bins=35, histtype="step", color="k")
for q in np.percentile(waits, [16, 50, 84]):
    ax.axvline(q, color="k", ls="--", lw=0.8)
ax.set_xlim(0, 45)
ax.set_xlabel("wait (min)")
ax.set_title("Queue waits")
"""


def _judge(scale: str) -> list[Discrepancy]:
    charts = render_charts({"ref": WAITS.replace("SCALE", "1.0"), "cand": WAITS.replace("SCALE", scale)})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_samples_scaled_under_quantile_lines_are_one_change() -> None:
    found = _judge("1.3")
    assert len(found) == 1 and found[0].category == "data_error", found
    assert "polygon" in found[0].description, found
