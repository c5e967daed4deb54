"""Scene judge, charts: a grid's height ratios changed, and numeric tick labels that traded places."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Rendering, Task

STACKED = """
import matplotlib.pyplot as plt
import numpy as np
x = np.arange(40)
fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(7, 5), sharex=True, height_ratios=[3, 1])
ax1.plot(x, np.sin(x / 5) * 10 + 20, color="#1f77b4", label="load")
ax2.bar(x, (x % 7) + 1, color="#ff7f0e")
ax1.legend(loc="upper right")
"""

LOGLOG = """
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import NullFormatter
c = np.logspace(18, 23, 12)
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(c, 40 * c ** -0.07, "o-", color="#1f77b4")
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_yticks([1.4, 1.6, 1.8, 2.0, 2.2], labels=["1.4", "1.6", "1.8", "2.0", "2.2"])
ax.yaxis.set_minor_formatter(NullFormatter())
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    yield render_charts(
        {
            "stacked": STACKED,
            "stacked_ratios": STACKED.replace("height_ratios=[3, 1]", "height_ratios=[3, 2]"),
            "stacked_ratios_dashed": STACKED.replace("height_ratios=[3, 1]", "height_ratios=[3, 2]").replace(
                'color="#1f77b4",', 'color="#1f77b4", ls="--",'
            ),
            "loglog": LOGLOG,
            "loglog_swapped_narrow": LOGLOG.replace(
                'labels=["1.4", "1.6", "1.8", "2.0", "2.2"]', 'labels=["2.2", "1.6", "1.8", "2.0", "1.4"]'
            )
            + "ax.set_ylim(ax.get_ylim()[0], 2.1)\n",
        }
    )


def test_a_grid_whose_heights_changed_ratio_is_one_change(charts: dict[str, Rendering]) -> None:
    [d] = SceneJudge().judge(Task.CHART, charts["stacked"], charts["stacked_ratios"]).discrepancies
    assert (d.category, d.severity) == ("data_error", 1), d
    assert "ratios" in d.description
    # Every panel moved with it: a line restyled there is the same place.
    [d] = SceneJudge().judge(Task.CHART, charts["stacked"], charts["stacked_ratios_dashed"]).discrepancies
    assert "ratios" in d.description and "line style" in d.description, d


def test_numeric_tick_labels_out_of_order_are_swapped_whatever_moved_the_limits(
    charts: dict[str, Rendering],
) -> None:
    found = SceneJudge().judge(Task.CHART, charts["loglog"], charts["loglog_swapped_narrow"]).discrepancies
    ticks = [d for d in found if d.category == "text_error"]
    assert len(ticks) == 1 and ticks[0].severity == 3, found
    assert any(d.category == "data_error" for d in found), found
