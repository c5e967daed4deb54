"""Scene judge, charts: constructs of real-world gallery charts (value labels with a magnitude suffix, a legend
built from one kind's handles on twin axes)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.judge.scene.text import is_value_text
from verm.types import Rendering, Task

# Grouped bars with '$x.xM' value labels (bar_label), one series per region.
LABELLED_BARS = """
import matplotlib.pyplot as plt
import numpy as np
quarters = ["Q1", "Q2", "Q3", "Q4"]
revenue = {"North": [4.2, 4.8, 5.1, 6.3], "Europe": [3.1, 3.4, 3.2, 3.9]}
x = np.arange(4)
fig, ax = plt.subplots(figsize=(7, 4))
for i, (region, values) in enumerate(revenue.items()):
    bars = ax.bar(x + (i - 1) * 0.26, values, 0.26, label=region)
    ax.bar_label(bars, labels=[f"${v:.1f}M" for v in values], padding=2, fontsize=8)
ax.set_xticks(x)
ax.set_xticklabels(quarters)
ax.set_ylim(0, 7.2)
ax.legend(loc="upper left")
"""

# A precipitation bar chart with two temperature lines on the twin axes; the legend lists the bars and the
# twin's lines (``get_lines``) only.
CLIMOGRAPH = """
import matplotlib.pyplot as plt
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
fig, ax1 = plt.subplots(figsize=(8, 4.5))
bars = ax1.bar(months, [99, 81, 56, 64, 49, 17], color="#6baed6", label="Precipitation")
ax1.set_ylim(0, 140)
ax2 = ax1.twinx()
ax2.plot(months, [11.6, 12.8, 14.9, 16.2, 18.5, 21.6], color="#cb181d", marker="o", label="Mean")
ax2.plot(months, [14.8, 16.6, 19.1, 20.6, 23.1, 27.0], color="#fb6a4a", linestyle="--", label="Daily max")
ax2.set_ylim(0, 35)
handles = [bars] + ax2.get_lines()
ax1.legend(handles, [h.get_label() for h in handles], loc="upper center", ncols=3, frameon=False)
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    yield render_charts(
        {
            "bars": LABELLED_BARS,
            "bars_added": LABELLED_BARS.replace(
                '"Europe": [3.1, 3.4, 3.2, 3.9]}', '"Europe": [3.1, 3.4, 3.2, 3.9], "Projected": [3.3, 3.8, 4.0, 5.0]}'
            ),
            "climo": CLIMOGRAPH,
            "climo_retyped": CLIMOGRAPH.replace(
                'ax2.plot(months, [14.8, 16.6, 19.1, 20.6, 23.1, 27.0], color="#fb6a4a", linestyle="--",',
                'ax2.bar(months, [14.8, 16.6, 19.1, 20.6, 23.1, 27.0], color="#fb6a4a",',
            ),
        }
    )


def test_value_text_takes_a_magnitude_suffix() -> None:
    assert is_value_text("$3.3M") and is_value_text("4.2k") and is_value_text("1.5 bn") and is_value_text("12%")
    assert not is_value_text("Q4") and not is_value_text("Model C") and not is_value_text("M")


def test_the_value_labels_of_an_added_series_come_with_it(charts: dict[str, Rendering]) -> None:
    # The extra series' '$3.3M' labels are its own bars' values: one item (the series), not one per label.
    found = SceneJudge().judge(Task.CHART, charts["bars"], charts["bars_added"]).discrepancies
    assert any("'Projected' should not be there" in d.description for d in found), found
    assert not any("$" in d.description for d in found), found
    assert sum(d.severity for d in found) <= 3, found


def test_a_legend_entry_lost_with_its_series_type_on_the_twin_axes_is_the_type_change(
    charts: dict[str, Rendering],
) -> None:
    # The line drawn as bars left ``get_lines()``: its entry went with its type (one change, as the truth sees).
    found = SceneJudge().judge(Task.CHART, charts["climo"], charts["climo_retyped"]).discrepancies
    assert any("'Daily max' is drawn as vertical bars" in d.description for d in found), found
    assert not any("legend entry" in d.description for d in found), found


# A long trace (more points than the scene keeps of a line) in a zoomed inset.
LONG_TRACE = """
import matplotlib.pyplot as plt
import numpy as np
t = np.linspace(0, 10, 3000)
signal = 0.6 * np.sin(2 * np.pi * 0.8 * t) + 0.1 * np.cos(2 * np.pi * 7 * t)
fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(t, signal, color="#e67e22", lw=0.8)
ax.set_xlim(6.0, 6.5)
"""


def test_a_long_line_drawn_as_bars_with_one_point_edited_is_a_retype() -> None:
    # The scene keeps the line's first values only, and the middle bar is scaled: still the same values drawn
    # as another kind, not a line missing and bars added.
    charts = render_charts(
        {
            "ref": LONG_TRACE,
            "cand": LONG_TRACE.replace(
                'ax.plot(t, signal, color="#e67e22", lw=0.8)',
                'ax.bar(t, np.where(np.arange(t.size) == t.size // 2, signal * 0.944, signal), color="#e67e22")',
            ),
        }
    )
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert any("drawn as vertical bars" in d.description for d in found), found
    assert not any("missing" in d.description or "should not be there" in d.description for d in found), found


STYLED_LINES = """
import matplotlib.pyplot as plt
import numpy as np
x = np.arange(20)
fig, ax = plt.subplots(figsize=(6, 4))
for name, k, ls in (("SGD", 1.0, "-"), ("Momentum", 1.6, "--"), ("Adam", 2.4, "-.")):
    ax.plot(x, np.exp(-x / (4 * k)), linestyle=ls, label=name)
ax.legend()
"""


def test_one_line_style_given_to_lines_of_several_styles_is_one_change() -> None:
    # The loop's per-series style replaced by a constant: one edit, not one per line.
    charts = render_charts({"ref": STYLED_LINES, "cand": STYLED_LINES.replace("linestyle=ls", 'linestyle=":"')})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and "line style" in found[0].description, found


SORTED_AND_MATRIX = """
import matplotlib.pyplot as plt
import numpy as np
classes = ["cat", "dog", "bird", "car", "ship"]
acc = np.array([0.81, 0.77, 0.72, 0.93, 0.91])
fig, (a1, a2) = plt.subplots(1, 2, figsize=(9, 4))
order = np.argsort(acc)
a1.bar(np.array(classes)[order], acc[order])
a2.imshow(np.eye(5) * acc, cmap="Blues")
a2.set_xticks(range(5), classes)
a2.set_yticks(range(5), classes)
"""


def test_a_category_misspelt_in_two_axes_listing_it_in_other_orders_is_one_change() -> None:
    # Bars sorted by value and a matrix in list order: the same typo shows in both axes' tick labels.
    charts = render_charts({"ref": SORTED_AND_MATRIX, "cand": SORTED_AND_MATRIX.replace('"bird"', '"bind"')})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and "'bind' instead of 'bird'" in found[0].description, found


PYRAMID = """
import matplotlib.pyplot as plt
import numpy as np
bands = ["0-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70+"]
male = np.array([2100, 2200, 2400, 2500, 2300, 2000, 1500, 900])
female = np.array([2000, 2100, 2350, 2450, 2350, 2100, 1700, 1300])
y = np.arange(len(bands))
fig, ax = plt.subplots(figsize=(7, 4.5))
ax.barh(y, -male, color="#3a7dc9", height=0.85, label="Male")
ax.barh(y, female, color="#d9534f", height=0.85, label="Female")
lim = max(male.max(), female.max()) * 1.15
ax.set_xlim(-lim, lim)
ax.set_yticks(y, bands)
ax.legend(loc="upper right")
"""


def test_symmetric_limits_set_do_not_follow_a_dropped_series() -> None:
    # The limits are set from the (unchanged) data arrays: dropping 'Male' moves no other bar, so a Female bar
    # scaled on the other side is its own change, not the same place as the dropped series.
    charts = render_charts(
        {
            "ref": PYRAMID,
            "cand": PYRAMID.replace('ax.barh(y, -male, color="#3a7dc9", height=0.85, label="Male")\n', "").replace(
                "ax.barh(y, female,", "ax.barh(y, np.where(y == 4, female * 1.83, female),"
            ),
        }
    )
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 2, found
    assert any("'Male' is missing" in d.description for d in found), found


SHARES = """
import matplotlib.pyplot as plt
import numpy as np
base = np.array([4.0, 6.5, 8.0, 5.5, 3.0, 7.0])
x = np.arange(base.size)
fractions = [0.35, 0.2, 0.1]
fig, ax = plt.subplots(figsize=(7, 4))
for k, (label, frac) in enumerate(zip(["slow", "mid", "fast"], fractions)):
    ax.bar(x + (k - 1) * 0.27, base * frac, 0.27, label=label)
ax.legend()
"""


def test_series_scaled_by_one_edit_of_rounded_literals_are_one_change() -> None:
    # The shares list scaled by 1.45 and rounded to two places: factors 1.457, 1.45 and 1.4, one edit.
    charts = render_charts({"ref": SHARES, "cand": SHARES.replace("[0.35, 0.2, 0.1]", "[0.51, 0.29, 0.14]")})
    found = SceneJudge().judge(Task.CHART, charts["ref"], charts["cand"]).discrepancies
    assert len(found) == 1 and found[0].category == "data_error", found


DONUT = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(5, 4))
ax.pie(SHARES, colors=["#003f5c", "#ffa600", "#bc5090", "#58508d", "#ff6361"], autopct="%1.1f%%")
ax.add_artist(plt.Circle((0, 0), 0.7, fc="white"))
ax.set_title("Department share")
"""


def test_a_donut_with_every_share_made_equal_shows_none_of_its_data() -> None:
    # A donut: a pie with a white circle over its centre (the generator's donut). Every share flattened to one
    # value is the pie's data replaced; the white hole masks, it holds no data, so the pie is all the plot
    # shows and its loss piles up. Weighed as a series of its own, the hole kept the loss at half of the plot
    # and the candidate read as one slice changed (2), under an honest candidate's typo and legend move.
    charts = render_charts(
        {
            name: DONUT.replace("SHARES", shares)
            for name, shares in (
                ("ref", "[38, 16, 32, 10, 8]"),
                ("flat", "[20, 20, 20, 20, 20]"),
                ("one", "[38, 16, 32, 10, 16]"),
            )
        }
    )
    flat = SceneJudge().judge(Task.CHART, charts["ref"], charts["flat"]).discrepancies
    assert sum(d.severity for d in flat) >= 9, [(d.severity, d.description) for d in flat]
    # One slice's value changed stays one data change.
    one = SceneJudge().judge(Task.CHART, charts["ref"], charts["one"]).discrepancies
    assert [d.category for d in one] == ["data_error"], [(d.severity, d.description) for d in one]
