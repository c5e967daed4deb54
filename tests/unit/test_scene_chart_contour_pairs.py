"""Scene judge, charts: filled contours and the contour lines drawn over them from one grid share their box; when
the grid changed, both boxes moved alike: one change, reported once (not once for the fill and once for the
lines)."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Discrepancy, Task

FIELD = """
import matplotlib.pyplot as plt
import numpy as np
x, y = np.meshgrid(np.linspace(-3, 3, 60), np.linspace(-3, 3, 60))
z = np.exp(-(x ** 2 / WIDTH + y ** 2 / 1.5))
fig, ax = plt.subplots(figsize=(5, 4.5))
ax.contourf(x, y, z, levels=[0.25, 0.6, 1.01], colors=["#c6dbef", "#6baed6"])
ax.contour(x, y, z, levels=[0.25, 0.6], colors="k", linewidths=0.8)
ax.set_xlim(-3, 3)
ax.set_ylim(-3, 3)
ax.set_title("Field strength")
"""


def _judge(width: str) -> list[Discrepancy]:
    charts = render_charts({"ref": FIELD.replace("WIDTH", "2.0"), "cand": FIELD.replace("WIDTH", width)})
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_a_filled_contour_and_its_lines_widened_alike_are_one_change() -> None:
    found = _judge("3.0")
    assert len(found) == 1 and found[0].category == "data_error", found


def test_a_field_kept_is_no_change() -> None:
    assert _judge("2.0") == []
