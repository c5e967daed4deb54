"""Scene judge, charts: one edit inside the loop that draws small multiples changes the same artist in every
panel; ground truth sees one edit, so the judge reports one item (not one per panel)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Rendering, Task

GRID = """
import matplotlib.pyplot as plt
import numpy as np
months = np.arange(1, 13)
fig, axs = plt.subplots(2, 2, sharex=True, sharey=True, figsize=(7, 5))
for k, ax in enumerate(axs.flat):
    temps = 8 + 3 * k + 6 * np.sin((months - 4) / 12 * 2 * np.pi)
    ax.plot(months, temps, color="tab:red")
    ax.fill_between(months, temps - 3, temps + 3, color="tab:red", alpha=0.15)
    ax.axhline(0, color="k", linewidth=0.6)
    ax.set_title(f"city {k}")
"""

ERRORS = """
import matplotlib.pyplot as plt
spread = [0.5, 0.8, 0.6, 0.9]
fig, axs = plt.subplots(1, 3, sharey=True, figsize=(8, 3))
for k, ax in enumerate(axs):
    ax.errorbar([1, 2, 3, 4], [3 + k, 4 + k, 3.5 + k, 5 + k], yerr=spread, fmt="o", capsize=3)
"""

PANELS = """
import matplotlib.pyplot as plt
import numpy as np
fig, axs = plt.subplots(1, 3, sharey=True, figsize=(9, 3))
x = np.arange(8)
axs[0].plot(x, [2, 3, 5, 4, 6, 7, 6, 8], label="trend")
axs[1].bar(x, [3, 6, 2, 7, 5, 4, 6, 3], color="tab:orange")
axs[2].scatter([1, 3, 4, 6], [2, 5, 3, 6])
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    yield render_charts(
        {
            "grid": GRID,
            "panels": PANELS,
            # One panel's bars 1.5 times as tall: the shared y-axis of every panel follows them.
            "panels_bars": PANELS.replace("[3, 6, 2, 7, 5, 4, 6, 3]", "np.multiply([3, 6, 2, 7, 5, 4, 6, 3], 1.5)"),
            # A range set on one panel: every panel sharing it shows it.
            "panels_ylim": PANELS + "axs[2].set_ylim(-4, 20)\n",
            "errors": ERRORS,
            # One error bar's spread doubled: every panel draws it.
            "errors_wider": ERRORS.replace("spread = [0.5, 0.8,", "spread = [0.5, 1.6,"),
            # The zero line drawn at 2 in every panel.
            "zero_moved": GRID.replace("ax.axhline(0,", "ax.axhline(2,"),
            # The band's upper edge raised at one month in every panel.
            "band_point": GRID.replace(
                "temps - 3, temps + 3,", "temps - 3, np.multiply(temps + 3, [1, 1, 1, 1, 1, 1, 1.3, 1, 1, 1, 1, 1]),"
            ),
        }
    )


def items(charts: dict[str, Rendering], cand: str, ref: str = "grid") -> list[tuple[str, int]]:
    judgment = SceneJudge().judge(Task.CHART, charts[ref], charts[cand])
    assert judgment.status.value == "ok", judgment.reason
    return sorted((d.category, d.severity) for d in judgment.discrepancies)


def test_a_constant_line_moved_alike_in_every_panel_is_one_item(charts: dict[str, Rendering]) -> None:
    assert [c for c, _ in items(charts, "zero_moved")] == ["data_error"]


def test_a_band_changed_alike_in_every_panel_is_one_item(charts: dict[str, Rendering]) -> None:
    assert [c for c, _ in items(charts, "band_point")] == ["data_error"]


def test_an_error_bar_changed_alike_in_every_panel_is_one_item(charts: dict[str, Rendering]) -> None:
    assert [c for c, _ in items(charts, "errors_wider", ref="errors")] == ["data_error"]


def test_a_shared_axis_follows_the_panel_whose_data_changed(charts: dict[str, Rendering]) -> None:
    assert items(charts, "panels_bars", ref="panels") == [("data_error", 3)]
    # No data changed: the range set on the shared axis is the change.
    found = SceneJudge().judge(Task.CHART, charts["panels"], charts["panels_ylim"]).discrepancies
    assert [d.category for d in found] == ["data_error"] and "range" in found[0].description
