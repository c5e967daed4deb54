"""Scene judge, charts: one point of a large scatter pushed out of a fixed view shows only as its mark gone, a
sliver of the data hidden (severity by the share hidden), not as far as its value went; moved within the view
it stays a value read wrong."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Task

CLOUD = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(61)
drag = 180 + 260 * rng.random(200)
mass = 900 + 52000 / (drag - 120) + rng.exponential(120, 200)
mass[100] = mass[100] * FACTOR
fig, ax = plt.subplots(figsize=(6, 4))
ax.scatter(drag, mass, s=22, color="#4292c6")
ax.set_ylim(900, 1400 + 52000 / 60)
ax.set_title("Designs")
"""


def _judge(factor: str) -> list:
    charts = render_charts({"ref": CLOUD.replace("FACTOR", "1.0"), "cand": CLOUD.replace("FACTOR", factor)})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_a_point_pushed_out_of_view_is_a_sliver_hidden() -> None:
    found = _judge("3.0")
    assert len(found) == 1 and found[0].severity == 1 and "out of view" in found[0].description, found


def test_a_point_moved_within_view_stays_a_value_read_wrong() -> None:
    found = _judge("0.85")
    assert len(found) == 1 and "out of view" not in found[0].description, found
