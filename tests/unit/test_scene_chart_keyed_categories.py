"""Scene judge, charts: a collection whose members wear categories its legend keys (a wafer map's dies, one
swatch per bin) and whose legend kept its swatches: members recoloured among those swatches moved to other
categories, a data change (the legend's counts and a title quoting them follow it), not a recolouring."""

from __future__ import annotations

from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Discrepancy, Task

PLOTS = """
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import PatchCollection
from matplotlib.patches import Patch, Rectangle
kinds = {0: ("Wheat", "#e6c229"), 1: ("Barley", "#6a994e"), 2: ("Fallow", "#bc6c25")}
codes = np.array([CODES])
cells = [Rectangle((k % 10, k // 10), 0.95, 0.95) for k in range(len(codes))]
fig, ax = plt.subplots(figsize=(6, 4))
ax.add_collection(PatchCollection(cells, facecolor=[kinds[c][1] for c in codes], edgecolor="white"))
handles = [Patch(color=col, label=f"{name} ({np.sum(codes == c)})") for c, (name, col) in kinds.items()]
ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
ax.set_xlim(0, 10)
ax.set_ylim(0, 6)
ax.set_aspect("equal")
ax.axis("off")
ax.set_title(f"Field plots: {np.mean(codes == 0):.0%} wheat")
"""
FIELDS = [(k * 7 + k // 10) % 3 for k in range(60)]


def _judge(moved: list[int], to: int) -> list[Discrepancy]:
    cand = [to if k in moved else c for k, c in enumerate(FIELDS)]
    charts = render_charts(
        {
            "ref": PLOTS.replace("CODES", ", ".join(map(str, FIELDS))),
            "cand": PLOTS.replace("CODES", ", ".join(map(str, cand))),
        }
    )
    return SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies


def test_members_moved_between_the_legends_swatches_are_one_data_change() -> None:
    found = _judge([k for k in range(60) if FIELDS[k] == 2][:6], 0)
    assert len(found) == 1 and found[0].category == "data_error", found
    assert "coloured differently" in found[0].description, found


def test_plots_kept_are_no_change() -> None:
    assert _judge([], 0) == []
