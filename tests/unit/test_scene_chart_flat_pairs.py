"""Scene judge, charts: two-point lines flattened, and segments flattened in several subplots."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Rendering, Task

SLOPES = """
import matplotlib.pyplot as plt
before = [12.0, 15.5, 9.0, 20.0, 17.0, 8.0]
after = [18.0, 13.0, 14.5, 21.0, 11.0, 12.5]
fig, ax = plt.subplots(figsize=(5, 6))
for b, a in zip(before, after):
    ax.plot([0, 1], [b, a], marker="o", color="#b2182b" if a > b else "#2166ac")
ax.set_xticks([0, 1], ["2015", "2023"])
"""

TICKS = """
import matplotlib.pyplot as plt
fig, axes = plt.subplots(4, 1, figsize=(7, 5))
for ax, (actual, target) in zip(axes, [(270, 250), (22, 27), (330, 550), (1650, 2100)]):
    ax.barh(0, actual * 1.4, height=1, color="#d9d9d9")
    ax.barh(0, actual, height=0.36, color="#08519c")
    ax.vlines(target, -0.32, 0.32, color="black", lw=2.5)
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    yield render_charts(
        {
            "slopes": SLOPES,
            "slopes_flat": SLOPES.replace("[b, a]", "[(a + b) / 2, (a + b) / 2]"),
            "ticks": TICKS,
            "ticks_flat": TICKS.replace("ax.vlines(target, -0.32, 0.32,", "ax.vlines(target, 0, 0,"),
        }
    )


def test_two_point_lines_flattened_show_none_of_their_data(charts: dict[str, Rendering]) -> None:
    # Every slope made level: the chart shows none of its data (lost, piled up), not one change of 3.
    found = SceneJudge().judge(Task.CHART, charts["slopes"], charts["slopes_flat"]).discrepancies
    assert len(found) >= 4 and all(d.severity == 3 for d in found), found


def test_segments_flattened_in_several_subplots_are_each_a_series_lost(charts: dict[str, Rendering]) -> None:
    found = SceneJudge().judge(Task.CHART, charts["ticks"], charts["ticks_flat"]).discrepancies
    flat = [d for d in found if "flattened" in d.description]
    assert len(flat) == 4 and all(d.severity == 3 for d in flat), found


SPANNED = """
import matplotlib.pyplot as plt
orders = [183, 216, 273, 268, 258, 263, 274, 265, 242, 195, 237]
fig, ax = plt.subplots(figsize=(5, 4))
ax.plot(range(11), orders, marker="o", color="goldenrod", label="Orders")
ax.axvspan(7.5, 9.5, color="gray", alpha=0.15)
ax.legend(loc="lower left")
"""


def test_a_span_marks_a_range_it_weighs_as_a_constant_line() -> None:
    # The only line flattened: the plot shows none of its data (the span beside it is no series of its own).
    charts = render_charts(
        {"spanned": SPANNED, "spanned_flat": SPANNED.replace("range(11), orders,", "range(11), [243.1] * 11,")}
    )
    found = SceneJudge().judge(Task.CHART, charts["spanned"], charts["spanned_flat"]).discrepancies
    assert len(found) >= 4 and all(d.severity == 3 for d in found), found
