"""Scene judge, charts: a grid's height ratios changed, numeric tick labels that traded places, a series added in
the colour a recolouring gave."""

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


GROUPED = """
import matplotlib.pyplot as plt
import numpy as np
revenue = {"North": [4.2, 4.8, 5.1, 6.3], "Europe": [3.1, 3.4, 3.2, 3.9], "Asia": [2.4, 2.9, 3.6, 4.4]}
x = np.arange(4)
fig, ax = plt.subplots(figsize=(7, 4))
for i, (region, values) in enumerate(revenue.items()):
    ax.bar(x + (i - 1) * 0.26, values, 0.26, label=region)
ax.legend()
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
            "grouped": GROUPED,
            "grouped_added_orange": GROUPED.replace(
                '"Asia": [2.4, 2.9, 3.6, 4.4]}', '"Asia": [2.4, 2.9, 3.6, 4.4], "Plan": [1.7, 2.1, 2.6, 3.2]}'
            ).replace("label=region)", 'label=region, color="#d4a017")'),
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


def test_a_series_added_in_the_colour_a_recolouring_gave_is_one_place_with_it(charts: dict[str, Rendering]) -> None:
    # One constant colour replaced the loop's colours and coloured the added series too: one edit's pixels.
    [d] = SceneJudge().judge(Task.CHART, charts["grouped"], charts["grouped_added_orange"]).discrepancies
    assert (d.category, d.severity) == ("data_error", 3), d
    assert "colour" in d.description and "should not be there" in d.description, d


PIE = """
import matplotlib.pyplot as plt
amounts = [1450, 620, 380, 210, 500]
names = ["Housing", "Food", "Transport", "Utilities", "Savings"]
fig, ax = plt.subplots(figsize=(7, 4))
wedges, _ = ax.pie(amounts, startangle=90)
ax.legend(wedges, [f"{n}: ${a:,}" for n, a in zip(names, amounts)], title=f"Total ${sum(amounts):,}/month",
          loc="center left", bbox_to_anchor=(1.0, 0.5))
"""


def test_values_a_legend_quotes_scaled_alike_are_the_data_scaled() -> None:
    charts = render_charts(
        {
            "pie": PIE,
            "pie_scaled": PIE.replace(
                "amounts = [1450, 620, 380, 210, 500]",
                "amounts = [round(0.94 * a) for a in [1450, 620, 380, 210, 500]]",
            ),
            "pie_scaled_more": PIE.replace(
                "amounts = [1450, 620, 380, 210, 500]",
                "amounts = [round(1.65 * a) for a in [1450, 620, 380, 210, 500]]",
            ),
        }
    )
    found = SceneJudge().judge(Task.CHART, charts["pie"], charts["pie_scaled"]).discrepancies
    assert [(d.category, d.severity) for d in found] == [("data_error", 1)], found
    assert "scaled by 0.94" in found[0].description
    # Graded by what shows, not by the factor: the slices read the same, only the quoted numbers moved.
    more = SceneJudge().judge(Task.CHART, charts["pie"], charts["pie_scaled_more"]).discrepancies
    assert [(d.category, d.severity) for d in more] == [("data_error", 1)], more


LEVELS = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot([1, 2, 3, 4, 5], [0, 100, 110, 120, 130], marker="o")
ax.set_ylim(95, 135)
"""


def test_an_axis_turned_log_grades_by_the_values_it_can_place() -> None:
    # The 0 (below the limits, clipped on both) cannot sit on a log axis: the truth skips it; the others move
    # under 5 % of the plot: 1.
    charts = render_charts({"lin": LEVELS, "log": LEVELS + 'ax.set_yscale("log")\n'})
    [d] = SceneJudge().judge(Task.CHART, charts["lin"], charts["log"]).discrepancies
    assert (d.category, d.severity) == ("structure_error", 1), d


def test_a_log_axis_cuts_off_no_bar_base() -> None:
    from verm.judge.scene.chart.coords import cuts_data

    bars = [{"type": "Rectangle", "x": i - 0.4, "y": 0.0, "width": 0.8, "height": h} for i, h in enumerate([3, 4])]
    ax = {"ylim": [2.0, 5.0], "yscale": "log", "patches": bars, "lines": []}
    # Bars stand on 0, which no log axis shows: their tops are in view, nothing is cut off.
    assert cuts_data(ax, "y") is False
    assert cuts_data({**ax, "ylim": [2.0, 3.5]}, "y") is True


FOREST = """
import matplotlib.pyplot as plt
import numpy as np
odds = np.array([0.72, 0.95, 0.61, 1.12])
weights = np.array([7.9, 12.4, 4.6, 6.8])
y = np.arange(4)
fig, ax = plt.subplots(figsize=(7, 3))
ax.scatter(odds, y, s=weights * 9, marker="s", color="#2b6a99")
ax.set_xscale("log")
ax.set_xlim(0.25, 2.4)
for yi, o, w in zip(y, odds, weights):
    ax.text(2.45, yi, f"{o:.2f}  {w:.1f}%", va="center", fontsize=8)
ax.set_title("Weights, total 100%")
fig.subplots_adjust(right=0.75)
"""


def test_values_free_texts_quote_scaled_alike_are_one_data_change() -> None:
    # A forest plot's weights column, from an array scaled by 2: one change, not one text change a row.
    charts = render_charts(
        {
            "forest": FOREST,
            "scaled": FOREST.replace("weights = np.array(", "weights = 2 * np.array("),
            "typo": FOREST.replace("total 100%", "totla 100%"),
        }
    )
    judge = SceneJudge()
    found = judge.judge(Task.CHART, charts["forest"], charts["scaled"]).discrepancies
    # Graded by what shows: the plot's marks read the same, only the printed numbers moved (1, not by factor).
    assert [(d.category, d.severity) for d in found] == [("data_error", 1)], found
    assert "4 texts quote are scaled by 2" in found[0].description
    # One text reworded is that text's own change.
    typo = judge.judge(Task.CHART, charts["forest"], charts["typo"]).discrepancies
    assert [d.category for d in typo] == ["text_error"], typo
