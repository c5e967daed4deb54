"""Scene judge, charts: shapes coloured by a colour map (a grid of cells, one per value) whose values changed on
some cells, to colours the map holds, show values that moved: a data change, not a recolouring. The labels on
the cells that took the other of their size's two colours (white on a dark cell, black on a light one) follow
that change."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Discrepancy, Task

CELLS = """
import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle
values = [VALUES]
cmap = plt.get_cmap("viridis")
fig, ax = plt.subplots(figsize=(7, 3.5))
for k, v in enumerate(values):
    x, y = k % 8, k // 8
    ax.add_patch(Rectangle((x, -y), 0.92, 0.92, facecolor=cmap(v / 10), edgecolor="0.3"))
    ax.text(x + 0.46, -y + 0.6, f"S{k + 1}", ha="center", fontsize=10, color="white" if v < 5 else "black")
    ax.text(x + 0.46, -y + 0.25, f"{v:.1f}", ha="center", fontsize=8, color="white" if v < 5 else "black")
ax.set_xlim(-0.1, 8)
ax.set_ylim(-2.1, 1)
ax.axis("off")
ax.set_title("Sensor readings")
"""
READINGS = [0.5, 1.2, 2.0, 2.8, 3.5, 4.1, 4.8, 5.5, 6.1, 6.8, 7.4, 8.0,
            8.7, 9.3, 9.9, 1.6, 2.4, 3.1, 3.9, 4.6, 5.2, 5.9, 6.6, 7.2]  # fmt: skip


def _judge(factor: float) -> list[Discrepancy]:
    cand = [v * factor if k in (2, 3, 4) else v for k, v in enumerate(READINGS)]
    charts = render_charts(
        {
            "ref": CELLS.replace("VALUES", ", ".join(map(str, READINGS))),
            "cand": CELLS.replace("VALUES", ", ".join(f"{v:.4g}" for v in cand)),
        }
    )
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_cells_recoloured_along_their_colour_map_are_values_that_moved() -> None:
    found = _judge(2.0)
    shapes = [d for d in found if d.location.endswith("shapes")]
    assert len(shapes) == 1 and shapes[0].category == "data_error", found
    assert "coloured differently" in shapes[0].description, found


def test_labels_that_took_their_other_contrast_colour_follow_the_data() -> None:
    found = _judge(2.0)
    assert len(found) == 1 and not any(d.category == "style_error" for d in found), found


def test_cells_kept_are_no_change() -> None:
    assert _judge(1.0) == []
