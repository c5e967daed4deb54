"""Scene judge, charts: a line of pixel markers (``","``) with many points draws a cloud a reader sees (a
bifurcation diagram's iterates): gone, it is a series missing; a handful of single pixels draws next to nothing."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

ITERATES = """
import matplotlib.pyplot as plt
import numpy as np
r = np.linspace(2.5, 4.0, N)
x = np.full_like(r, 0.5)
rs, xs = [], []
for i in range(300):
    x = r * x * (1 - x)
    if i >= 280:
        rs.append(r.copy())
        xs.append(x.copy())
fig, ax = plt.subplots(figsize=(8, 4))
DRAW
ax.axvline(3.0, color="0.5", ls="--")
ax.set_xlim(2.5, 4.0)
ax.set_ylim(0, 1.1)
ax.set_title("Logistic map")
"""

CLOUD = 'ax.plot(np.concatenate(rs), np.concatenate(xs), ",", color="k", alpha=0.25)'


def _judge(n: int) -> list:
    program = ITERATES.replace("N", str(n))
    charts = render_charts({"ref": program.replace("DRAW", CLOUD), "cand": program.replace("DRAW", "")})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_a_pixel_cloud_gone_is_a_series_missing() -> None:
    # (The cloud is all the plot shows: what it hides is graded by the pile-up, in parts of the plot.)
    found = _judge(400)
    assert found and all(d.severity == 3 and "missing" in d.description for d in found), found


def test_a_few_single_pixels_gone_draw_next_to_nothing() -> None:
    assert _judge(1) == []
