"""Scene judge, charts: what a scene cut off past the renderer's cap, and a legend the layout made room for."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Rendering, Task

# Six lines of 900 points: drawn as bars, 5400 patches, past the 5000 the scene records.
MANY = """
import matplotlib.pyplot as plt
import numpy as np
t = np.linspace(0, 4, 900)
fig, ax = plt.subplots(figsize=(7, 4))
for k in range(6):
    ax.plot(t, 1 + np.exp(-0.3 * k * t) * np.sin(3 * t), label=f"k = {k}")
ax.axhspan(0.98, 1.02, color="0.9", zorder=0)
ax.set_xlim(0, 4)
ax.legend(loc="upper right")
"""

MOSAIC = """
import matplotlib.pyplot as plt
import numpy as np
x = np.arange(30)
fig, axs = plt.subplots(2, 2, figsize=(9, 6), layout="constrained")
for i, ax in enumerate(axs.flat):
    for k, colour in enumerate(["#1b9e77", "#d95f02", "#7570b3"]):
        ax.plot(x, (k + 1) * (5 + i) + np.sin(x / (2 + k)), color=colour, label=f"source {k}")
handles, labels = axs[0, 0].get_legend_handles_labels()
fig.legend(handles, labels, loc="outside right upper")
"""


PANELS = """
import matplotlib.pyplot as plt
import numpy as np
x = np.arange(1, 30)
stack = np.vstack([100 + 3 * x, 60 + np.sin(x) * 5, 40 + x % 4 * 3])
fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(8, 6), sharex=True, height_ratios=[3, 2])
ax1.stackplot(x, stack, labels=["a", "b", "c"])
ax1.legend(loc="upper left")
ax2.stackplot(x, stack / stack.sum(axis=0))
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    yield render_charts(
        {
            "many": MANY,
            "many_bars_log": MANY.replace("ax.plot(t,", "ax.bar(t,").replace(
                "ax.axhspan", 'ax.set_yscale("log")\nax.axhspan'
            ),
            "panels": PANELS,
            "panels_dropped": PANELS.replace('ax1.stackplot(x, stack, labels=["a", "b", "c"])\n', ""),
            "mosaic": MOSAIC,
            "mosaic_moved": MOSAIC.replace('"#7570b3"', '"#000000"').replace('"outside right upper"', '"center"'),
            "mosaic_recoloured": MOSAIC.replace('"#7570b3"', '"#000000"'),
        }
    )


def test_series_past_the_scene_cap_are_not_missing(charts: dict[str, Rendering]) -> None:
    scene = charts["many_bars_log"].scene["axes"][0]  # type: ignore[index]
    assert "patches" in scene["artists_more"]
    found = SceneJudge().judge(Task.CHART, charts["many"], charts["many_bars_log"]).discrepancies
    # The last bar call and the span lie past the cap: not read as missing. The bars fill the plot the log axis
    # redrew: one place, one item.
    assert not any("missing" in d.description for d in found), found
    [d] = found
    assert (d.category, d.severity) == ("structure_error", 3), d
    assert "log" in d.description


def test_a_legend_the_layout_made_room_for_moves_every_plot(charts: dict[str, Rendering]) -> None:
    # The legend left its place beside the plots: the constrained layout widened them, every line moved, so the
    # lines recoloured show where the legend's move does: one item.
    [d] = SceneJudge().judge(Task.CHART, charts["mosaic"], charts["mosaic_moved"]).discrepancies
    assert "legend" in d.description and "colour" in d.description, d
    # Without the move the recolouring is its own item.
    [d] = SceneJudge().judge(Task.CHART, charts["mosaic"], charts["mosaic_recoloured"]).discrepancies
    assert "legend" not in d.description, d


def test_one_stack_dropped_from_a_larger_panel_is_one_item(charts: dict[str, Rendering]) -> None:
    # The upper panel (60 % of the plots) lost its only series, a stack, and with it its legend's entries: one
    # series of the figure's by their count, not the upper panel's share piled up.
    [d] = SceneJudge().judge(Task.CHART, charts["panels"], charts["panels_dropped"]).discrepancies
    assert (d.category, d.severity) == ("data_error", 3), d
