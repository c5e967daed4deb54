"""Scene judge, charts: a band's two edges drawn as lines over its fill (a funnel plot's pseudo confidence
limits) both outline it; an edge whose values changed pairs with its own partner among the band's outlines
(by name, values and order), so the unchanged edge reads unchanged: one data change, not two edges that
traded values."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task


def _judge(ref: str, cand: str) -> list:
    charts = render_charts({"ref": ref, "cand": cand})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


FUNNEL = """
import matplotlib.pyplot as plt
import numpy as np
s = np.linspace(0, 0.6, 50)
pooled = -0.26
fig, ax = plt.subplots(figsize=(6, 5))
ax.fill_betweenx(s, pooled - 1.96 * s, pooled + 1.96 * s, color="0.92", zorder=0)
ax.plot(pooled - 1.96 * s, LEFT, "k--", lw=1)
ax.plot(pooled + 1.96 * s, s, "k--", lw=1, label="Pseudo 95% CI")
ax.scatter([-0.3, -0.1, -0.5, 0.1], [0.1, 0.2, 0.3, 0.4], label="Trial")
ax.set_ylim(0.6, 0)
ax.set_xlim(-1.6, 1.1)
ax.legend(loc="lower left")
"""


def test_one_edge_of_a_band_scaled_is_one_change() -> None:
    found = _judge(FUNNEL.replace("LEFT", "s"), FUNNEL.replace("LEFT", "np.multiply(s, 0.969)"))
    assert len(found) == 1, found
    assert found[0].category == "data_error" and found[0].severity == 2, found
    assert "Pseudo" not in found[0].description, found
