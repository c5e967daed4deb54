"""Scene judge, charts: box plots (a sample pushed past a whisker), violins, and the ink a line shows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Rendering, Task

BOXES = """
import matplotlib.pyplot as plt
a = [12.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0, 20.0, 21.0, 23.0]
b = [22.0, 24.0, 25.0, 26.0, 27.0, 28.0, 29.0, 30.0, 31.0, 32.5, 33.0]
fig, ax = plt.subplots(figsize=(6, 4))
ax.boxplot([a, b])
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    yield render_charts(
        {
            "boxes": BOXES,
            # One sample of the second box far out: a flier appears, the whisker and quartiles barely move.
            "one_out": BOXES.replace("32.5, 33.0]", "32.5, 66.0]"),
            # Every sample of the second box moved: the box itself reads otherwise.
            "shifted": BOXES.replace(
                "b = [22.0, 24.0, 25.0, 26.0, 27.0, 28.0", "b = [32.0, 34.0, 35.0, 36.0, 37.0, 38.0"
            ),
        }
    )


def test_one_sample_pushed_past_a_whisker_is_a_small_change(charts: dict[str, Rendering]) -> None:
    [d] = SceneJudge().judge(Task.CHART, charts["boxes"], charts["one_out"]).discrepancies
    assert (d.category, d.severity) == ("data_error", 1), d


def test_a_box_whose_quartiles_moved_reads_otherwise(charts: dict[str, Rendering]) -> None:
    found = SceneJudge().judge(Task.CHART, charts["boxes"], charts["shifted"]).discrepancies
    assert max(d.severity for d in found) >= 2, found


VIOLINS = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(3)
a, b, c = rng.normal(90, 3, 200), rng.normal(40, 5, 200), rng.normal(60, 6, 200)
fig, ax = plt.subplots(figsize=(6, 4))
ax.violinplot([a, b, c])
"""


def test_a_violin_scaled_is_one_change_with_the_extrema_lines_drawn_from_it() -> None:
    # The first violin (the highest) scaled by 1.25: its body now lies past the extrema lines' old box; they
    # follow its data, they are not a change of their own.
    charts = render_charts(
        {"violins": VIOLINS, "scaled": VIOLINS.replace("ax.violinplot([a,", "ax.violinplot([a * 1.25,")}
    )
    found = SceneJudge().judge(Task.CHART, charts["violins"], charts["scaled"]).discrepancies
    assert [d.category for d in found] == ["data_error"], found


def test_a_line_that_leaves_the_plot_counts_the_ink_the_plot_shows() -> None:
    from verm.judge.scene.chart.coords import AxCtx
    from verm.judge.scene.chart.data import estimate_ink
    from verm.judge.scene.chart.series import Series

    frame = {"xlim": [0.0, 10.0], "ylim": [0.0, 10.0], "bbox": [0.1, 0.1, 0.9, 0.9]}
    zoomed = {**frame, "ylim": [0.0, 5.0]}  # the same plot cut at half the height
    # A zigzag whose every other vertex lies above y = 5: cut at y = 5, every segment still shows its lower half.
    line = {"x": [float(x) for x in range(11)], "y": [2.0, 8.0] * 5 + [2.0], "linestyle": "-", "linewidth": 1.0}
    s = Series("line", "zigzag", "#000000", [line], 0)
    full = estimate_ink(s, AxCtx(frame, frame))
    cut = estimate_ink(s, AxCtx(zoomed, zoomed))
    assert 0 < cut < full
    # The candidate's ink is read under the candidate's limits: the same line under the wider limits shows all.
    assert estimate_ink(s, AxCtx(zoomed, frame), ref=False) == full


HISTOGRAM = """
import matplotlib.pyplot as plt
import numpy as np
heights = np.random.default_rng(5).normal(170, 8, 300)
fig, ax = plt.subplots(figsize=(6, 4))
ax.hist(heights, bins=np.linspace(130, 240, 23), color="#4c72b0")
ax.axvline(heights.mean(), color="black", linestyle="--")
"""


def test_a_histograms_mean_line_follows_its_samples() -> None:
    # The samples scaled by 1.15: the bins and the mean line drawn from them move; one change, the data's.
    charts = render_charts(
        {"hist": HISTOGRAM, "scaled": HISTOGRAM.replace("normal(170, 8, 300)", "normal(170, 8, 300) * 1.15")}
    )
    found = SceneJudge().judge(Task.CHART, charts["hist"], charts["scaled"]).discrepancies
    assert not any("is at" in d.description for d in found), found
    assert [d.category for d in found] == ["data_error"], found


def test_values_lost_reads_flattened_or_reordered_values_not_a_series_scaled() -> None:
    from verm.judge.scene.chart.anew import values_lost

    ref = [3.0, 5.0, 4.0, 6.0, 8.0, 7.0, 9.0, 10.0]
    assert values_lost(ref, [0.0] * 8, 8)  # flattened: scaled by 0
    assert values_lost(ref, [9.0, 1.0, 9.0, 1.0, 9.0, 1.0, 9.0, 1.0], 8)  # drawn anew, no order kept
    assert not values_lost(ref, [2 * v for v in ref], 8)  # scaled as a whole: the shape stays
    assert not values_lost(ref, [v + 1 for v in ref], 8)  # shifted
    assert not values_lost(ref, [*ref[:-1], 0.0], 1)  # one value changed
    assert not values_lost([1.0, 1.0, 1.0, 1.0], [0.0] * 4, 4)  # a constant line moved is one value
