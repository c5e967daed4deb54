"""Scene judge, charts: what a change drags along is not a change of its own (a trend line fitted to the points,
the lines of one notched box), and labels that traded slices misattribute the values even where the pie draws
them as texts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Rendering, Task

TREND = """
import matplotlib.pyplot as plt
import numpy as np
x = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]
y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1]
fig, ax = plt.subplots(figsize=(6, 4))
ax.scatter(x, y, color="#4c72b0", label="samples")
coef = np.polyfit(x, y, 1)
xs = np.linspace(min(x), max(x), 50)
ax.plot(xs, np.polyval(coef, xs), color="#dd8452", label="Trend")
ax.legend(loc="upper left")
"""

PIE = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(5, 4))
ax.pie([31, 25, 36], labels=["Team A", "Team B", "Team D"], autopct="%1.1f%%")
"""

NOTCHED = """
import matplotlib.pyplot as plt
import numpy as np
rng = np.random.default_rng(3)
data = [rng.normal(40, 5, 60), rng.normal(45, 6, 60), rng.normal(30, 4, 60)]
fig, ax = plt.subplots(figsize=(6, 4))
ax.boxplot(data, notch=True)
"""

BARS = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar([1, 2, 3, 4], [30.0, 50.0, 40.0, 80.0], color="#4c72b0")
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    yield render_charts(
        {
            "trend": TREND,
            # One point moved far: the fitted line follows it.
            "trend_point": TREND.replace("7.8, 10.1", "17.8, 10.1"),
            "notched": NOTCHED,
            # One box's data scaled: its box, whiskers, caps, median and fliers all moved.
            "notched_scaled": NOTCHED.replace("rng.normal(45, 6, 60)", "rng.normal(45, 6, 60) * 1.3"),
            "bars": BARS,
            # A shorter copy drawn over the bars in their colour, unlabelled: nothing shows; in another colour
            # it shows.
            "bars_hidden_copy": BARS + 'ax.bar([1, 2, 3, 4], [18.0, 30.0, 24.0, 48.0], color="#4c72b0")\n',
            "bars_shown_copy": BARS + 'ax.bar([1, 2, 3, 4], [18.0, 30.0, 24.0, 48.0], color="#2ca02c")\n',
            "pie": PIE,
            # Two labels swapped and a value changed: every label text moved with the new shares, and two of them
            # now name other slices (another team's share).
            "pie_swapped": PIE.replace('"Team A", "Team B"', '"Team B", "Team A"').replace(
                "[31, 25, 36]", "[31, 17, 36]"
            ),
        }
    )


def test_a_trend_line_fitted_to_the_points_follows_their_change(charts: dict[str, Rendering]) -> None:
    judgment = SceneJudge().judge(Task.CHART, charts["trend"], charts["trend_point"])
    got = [(d.category, d.description) for d in judgment.discrepancies]
    assert len(got) == 1 and "point 4" in got[0][1], got


def test_pie_labels_that_traded_slices_are_read_where_they_are_drawn_as_texts(charts: dict[str, Rendering]) -> None:
    judgment = SceneJudge().judge(Task.CHART, charts["pie"], charts["pie_swapped"])
    got = sorted((d.category, d.severity) for d in judgment.discrepancies)
    assert got == [("data_error", 2), ("text_error", 3)], got


def test_a_notched_box_drawn_with_lines_is_read_as_one_box(charts: dict[str, Rendering]) -> None:
    judgment = SceneJudge().judge(Task.CHART, charts["notched"], charts["notched_scaled"])
    got = [(d.category, d.description) for d in judgment.discrepancies]
    assert len(got) == 1 and got[0][0] == "data_error" and "box 2" in got[0][1], got


def test_a_series_drawn_wholly_over_marks_of_its_colour_shows_nothing(charts: dict[str, Rendering]) -> None:
    assert SceneJudge().judge(Task.CHART, charts["bars"], charts["bars_hidden_copy"]).discrepancies == []
    got = SceneJudge().judge(Task.CHART, charts["bars"], charts["bars_shown_copy"]).discrepancies
    assert [(d.category, d.severity) for d in got] == [("data_error", 3)], got
