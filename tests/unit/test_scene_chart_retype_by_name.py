"""Scene judge, charts: a series that its legend name (or, unnamed, its values) shows drawn as another kind, and
texts off the canvas."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Rendering, Task

TWO_LINES = """
import matplotlib.pyplot as plt
years = [2002, 2003, 2004, 2005, 2006, 2007]
ios = [23.3, 38.8, 86.1, 171.5, 324.1, 587.4]
android = [40.6, 88.2, 172.0, 321.0, 646.4, 1330.9]
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(years, ios, label="iOS")
ax.plot(years, android, label="Android")
ax.legend(loc="upper left")
"""

# 'iOS' drawn as bars, and a scaled copy of it drawn as a line before 'Android': the lines are still two.
RETYPED_AND_COPIED = TWO_LINES.replace(
    'ax.plot(years, ios, label="iOS")',
    'ax.bar(years, ios, label="iOS")\nax.plot(years, [v * 0.69 for v in ios], color="#e377c2", label="Projected")',
)

ONE_LINE = """
import matplotlib.pyplot as plt
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
rain = [61.2, 78.4, 55.0, 40.3, 33.9, 20.1]
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(months, rain, ".-")
"""

# The unnamed line drawn as bars of the same heights, and a scaled copy drawn as a line in its place.
ONE_LINE_RETYPED = ONE_LINE.replace(
    'ax.plot(months, rain, ".-")', 'ax.bar(months, rain)\nax.plot(months, [v * 0.54 for v in rain], color="#006400")'
)

# A figure too small for its x-axis label: the label is drawn below the canvas.
CUT_LABEL = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(4, 3))
fig.subplots_adjust(bottom=0.02)
ax.plot([1, 2, 3, 4], [3.0, 5.0, 4.0, 6.0])
ax.set_xlabel("Study hours")
"""

NOTED = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot([1, 2, 3, 4, 5], [3.0, 5.0, 9.0, 4.0, 6.0])
ax.text(2.5, 8.6, "financial crisis")
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    yield render_charts(
        {
            "lines": TWO_LINES,
            "retyped": RETYPED_AND_COPIED,
            "one_line": ONE_LINE,
            "one_line_retyped": ONE_LINE_RETYPED,
            "cut": CUT_LABEL,
            "cut_typo": CUT_LABEL.replace("Study hours", "Study count"),
            "noted": NOTED,
            # The y range narrowed to its lower half: the note, in data coordinates, leaves the figure at the top.
            "noted_narrow": NOTED + "ax.set_ylim(2.5, 4.2)\n",
        }
    )


def test_a_line_drawn_as_bars_beside_an_added_line_is_a_retype_and_an_extra_line(
    charts: dict[str, Rendering],
) -> None:
    # Not line 'iOS' paired by order with the new line (its every value and colour changed), the bars an extra
    # series, the later line's colour changed by the cycle and the legend's entries reordered.
    found = SceneJudge().judge(Task.CHART, charts["lines"], charts["retyped"]).discrepancies
    descriptions = " | ".join(d.description for d in found)
    assert "'iOS' is drawn as vertical bars" in descriptions, found
    assert "'Projected' should not be there" in descriptions, found
    assert not any("legend" in d.description or "colour" in d.description for d in found), found
    assert sum(d.severity for d in found) <= 6, found


def test_an_unnamed_line_drawn_as_bars_of_its_very_values_beside_an_added_line_is_a_retype(
    charts: dict[str, Rendering],
) -> None:
    found = SceneJudge().judge(Task.CHART, charts["one_line"], charts["one_line_retyped"]).discrepancies
    descriptions = " | ".join(d.description for d in found)
    assert "the line is drawn as vertical bars" in descriptions, found
    assert "differ" not in descriptions and "colour" not in descriptions, found


def test_an_axis_label_off_the_canvas_shows_no_typo(charts: dict[str, Rendering]) -> None:
    label = charts["cut"].scene["axes"][0]["xlabel"]  # type: ignore[index]
    assert label["bbox"][1] == label["bbox"][3] == 1.0  # clipped to the canvas' bottom edge: not drawn on it
    assert SceneJudge().judge(Task.CHART, charts["cut"], charts["cut_typo"]).discrepancies == []


def test_a_text_pushed_off_the_canvas_by_narrowed_limits_follows_them(charts: dict[str, Rendering]) -> None:
    found = SceneJudge().judge(Task.CHART, charts["noted"], charts["noted_narrow"]).discrepancies
    assert found, "the narrowed range shows"
    assert not any("financial crisis" in d.description for d in found), found


LABELLED_Y = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(5, 4))
fig.subplots_adjust(left=0.2)
ax.plot([1, 2, 3, 4], [3.0, 5.0, 4.0, 6.0])
ax.set_ylabel("Energy use (MWh)")
"""


def test_a_label_pushed_off_the_canvas_shows_no_typo() -> None:
    # The plot widened to the figure's edge pushes the y-axis label (with a typo) off the canvas: no reader sees
    # the typo; the label left the view with the layout change.
    charts = render_charts(
        {
            "ref": LABELLED_Y,
            "cand": LABELLED_Y.replace("left=0.2", "left=0.02").replace("Energy use", "Eneryg use"),
        }
    )
    label = charts["cand"].scene["axes"][0]["ylabel"]  # type: ignore[index]
    assert label["bbox"][0] == label["bbox"][2] == 0.0
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert not any("label" in d.description for d in found), found


FOUR_BARS = """
import matplotlib.pyplot as plt
import numpy as np
x = np.arange(4)
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(x - 0.3, [3, 5, 4, 6], 0.2, label="Model A", color="#1f77b4")
ax.bar(x - 0.1, [4, 4, 5, 5], 0.2, label="Model B", color="#ff7f0e")
ax.bar(x + 0.1, [2, 6, 3, 4], 0.2, label="Model C", color="#2ca02c")
ax.bar(x + 0.3, [5, 3, 6, 2], 0.2, label="Model D", color="#d62728")
ax.legend(title="Series")
"""


def test_a_legend_entry_relabelled_beside_entries_a_retype_reordered_reads_as_relabelled() -> None:
    # 'Model C' drawn as a line lists first in the legend; 'Model A' now reads 'Score A'.
    charts = render_charts(
        {
            "ref": FOUR_BARS,
            "cand": FOUR_BARS.replace('label="Model A"', 'label="Score A"').replace(
                'ax.bar(x + 0.1, [2, 6, 3, 4], 0.2, label="Model C"', 'ax.plot(x + 0.1, [2, 6, 3, 4], label="Model C"'
            ),
        }
    )
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    legend = [d for d in found if d.category == "text_error"]
    assert [d.description for d in legend] == ["the legend entry reads 'Score A', should be 'Model A'"], found
