"""Stacked charts: one edit to one layer is one data change of that layer. The layers drawn on it move with
it, and so do the lines outlining their tops (`scene.chart.stacks`); a row of stacked bars dropped is one
change, not every later row changed in every series (bars pair by category name)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Discrepancy, Rendering, Task

# A stackplot with each layer's top outlined by a black line (the outline is the running total).
OUTLINED = """
import matplotlib.pyplot as plt
import numpy as np
fig, ax = plt.subplots(figsize=(8, 5))
days = np.arange(1, 13)
layers = [{A}, [200, 210, 205, 230, 240, 235, 250, 260, 255, 270, 280, 275],
          [150, 170, 160, 140, 130, 150, 170, 180, 175, 160, 150, 155], [90] * 12]
ax.stackplot(days, *layers, labels=["organic", "paid", "social", "email"], alpha=0.85)
for top in np.cumsum(layers, axis=0):
    ax.plot(days, top, color="black", linewidth=0.8)
ax.set_xlim(1, 12)
ax.legend(loc="upper left", ncols=4)
"""
ORGANIC = "[410, 430, 455, 470, 440, 420, 460, 490, 510, 500, 480, 470]"
ORGANIC_EDITED = "[410, 430, 455, 470, 440, 420, 660, 490, 510, 500, 480, 470]"

# Bands drawn with chained fill_between, each labelled, each with a line of its colour on its top.
CHAINED = """
import matplotlib.pyplot as plt
import numpy as np
fig, ax = plt.subplots(figsize=(7, 4.5))
x = np.arange(12)
parts = [np.array([5, 6, 6, 7, 8, 8, 9, 9, 8, 7, 6, 6]), np.array({B}),
         np.array([2, 2, 3, 3, 4, 4, 4, 3, 3, 2, 2, 2])]
low = np.zeros(12)
for name, part, colour in zip(["a", "b", "c"], parts, ["C0", "C1", "C2"]):
    ax.fill_between(x, low, low + part, color=colour, alpha=0.5, label=name)
    ax.plot(x, low + part, color=colour)
    low = low + part
ax.legend(loc="upper left")
"""
MIDDLE = "[3, 4, 4, 5, 5, 6, 6, 5, 5, 4, 4, 3]"
MIDDLE_EDITED = "[3, 4, 4, 5, 5, 9, 6, 5, 5, 4, 4, 3]"

# Survey answers as horizontal stacked bars, one row a question.
SURVEY = """
import matplotlib.pyplot as plt
import numpy as np
rows = {ROWS}
data = np.array(list(rows.values()))
starts = data.cumsum(axis=1) - data
fig, ax = plt.subplots(figsize=(9, 4.5))
ax.invert_yaxis()
for i, name in enumerate(["no", "maybe", "yes"]):
    ax.barh(list(rows), data[:, i], left=starts[:, i], height=0.5, label=name)
ax.legend(loc="lower right")
"""
# A step histogram (one unfilled polygon) with its mean marked: the mean is computed from the samples.
STEP_HIST = """
import matplotlib.pyplot as plt
import numpy as np
samples = np.array([240.5, 227.9, 250.5, 324.5, 207.4, 201.0, 149.5, 159.5, 241.6, 220.9, 186.8, 276.4, 215.9,
                    250.7, 187.0, 236.7, 194.8, 194.5, 219.0, 170.6, 173.4, 231.3, 178.3, 176.4]) * {K}
fig, ax = plt.subplots(figsize=(8, 6))
ax.hist(samples, bins=8, histtype="step", linewidth=2)
ax.axvline(np.mean(samples), color="red", linestyle="--", label="mean")
ax.legend(loc="upper right")
"""
# One filled line (fill_between under a line of the same data): the line outlines its fill.
FILLED_LINE = """
import matplotlib.pyplot as plt
years = {X}
units = [332, 292, 272, 366, 398, 485, 539, 456, 424, 502]
fig, ax = plt.subplots(figsize=(6.4, 4.8))
ax.fill_between(years, units, alpha=0.4, color="#2a9d8f")
ax.plot(years, units, color="#2a9d8f")
"""
# A stackplot from a dict of layers (the matplotlib gallery's), with a line on another axes.
LAYERS = {
    "Africa": [228, 284, 365, 477, 631, 814],
    "Americas": [340, 425, 519, 619, 727, 840],
    "Asia": [1394, 1686, 2120, 2625, 3202, 3714],
    "Europe": [220, 253, 276, 295, 310, 303],
}
DICT_STACK = """
import matplotlib.pyplot as plt
layers = {LAYERS}
fig, ax = plt.subplots()
ax.stackplot([1950, 1960, 1970, 1980, 1990, 2000], layers.values(), labels=layers.keys(), baseline="{BASE}")
ax.plot([1950, 2000], [1000, 3000], color="black", label="trend")
ax.legend(loc="upper left")
"""
# A stackplot and an index line on a twin axes (two series calls).
TWIN_STACK = """
import matplotlib.pyplot as plt
import numpy as np
year = np.arange(2000, 2011)
power, industry = 40 - 0.9 * (year - 2000), np.linspace(25, 21, year.size)
fig, ax = plt.subplots(figsize=(8, 5))
{STACK}ax.axhline(50, color="black", linestyle="--", label="target")
ax.set_title("Emissions by sector")
ax2 = ax.twinx()
ax2.plot(year, 100 * (power + industry) / 65, color="crimson", marker="o", label="index")
ax.legend(loc="lower left")
"""
STACK_CALL = 'ax.stackplot(year, power, industry, labels=["power", "industry"])\n'
# A pandas area plot: a fill per column and a line at each running total, colours sampled from a colour map.
PANDAS_AREA = """
import matplotlib.pyplot as plt
import pandas as pd
df = pd.DataFrame({COLUMNS})
ax = df.plot.area(figsize=(8, 4.5), alpha=0.75, colormap="viridis")
ax.set_title("Sessions by traffic source")
"""
COLUMNS = {
    "organic": [410, 430, 455, 470, 520, 560],
    "referral": [120, 125, 140, 150, 148, 160],
    "social": [60, 80, 95, 130, 160, 150],
    "email": [40, 42, 45, 44, 50, 55],
}
YEARS = [2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010]
ROWS = {"Q1 onboarding": [10, 15, 17], "Q2 tools": [26, 22, 29], "Q3 team": [35, 37, 7], "Q4 workload": [32, 11, 9]}


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    without_q1 = {k: v for k, v in ROWS.items() if k != "Q1 onboarding"}
    yield render_charts(
        {
            **{
                f"dict_{base}{tag}": DICT_STACK.replace("{BASE}", base).replace("{LAYERS}", repr(layers))
                for base in ("zero", "wiggle")
                for tag, layers in (
                    ("", LAYERS),
                    ("_americas_dropped", {k: v for k, v in LAYERS.items() if k != "Americas"}),
                    ("_asia_edited", {**LAYERS, "Asia": [1394, 1686, 2120, 3625, 3202, 3714]}),
                )
            },
            "twin_stack": TWIN_STACK.replace("{STACK}", STACK_CALL),
            "twin_stack_dropped": TWIN_STACK.replace("{STACK}", ""),
            "pandas_area": PANDAS_AREA.replace("{COLUMNS}", repr(COLUMNS)),
            "pandas_area_organic_dropped": PANDAS_AREA.replace(
                "{COLUMNS}", repr({k: v for k, v in COLUMNS.items() if k != "organic"})
            ),
            "outlined": OUTLINED.replace("{A}", ORGANIC),
            "outlined_bottom_edited": OUTLINED.replace("{A}", ORGANIC_EDITED),
            "outlined_labels_swapped": OUTLINED.replace("{A}", ORGANIC).replace(
                '"paid", "social", "email"', '"email", "social", "paid"'
            ),
            "chained": CHAINED.replace("{B}", MIDDLE),
            "chained_middle_edited": CHAINED.replace("{B}", MIDDLE_EDITED),
            "step_hist": STEP_HIST.replace("{K}", "1"),
            "step_hist_scaled": STEP_HIST.replace("{K}", "2.2"),
            "filled_line": FILLED_LINE.replace("{X}", repr(YEARS)),
            "filled_line_x_scaled": FILLED_LINE.replace("{X}", repr([2 * y for y in YEARS])),
            "survey": SURVEY.replace("{ROWS}", repr(ROWS)),
            "survey_q1_dropped": SURVEY.replace("{ROWS}", repr(without_q1)),
            "survey_q3_scaled": SURVEY.replace("{ROWS}", repr({**ROWS, "Q3 team": [46, 48, 9]})),
        }
    )


def judged(charts: dict[str, Rendering], ref: str, cand: str) -> list[Discrepancy]:
    judgment = SceneJudge().judge(Task.CHART, charts[ref], charts[cand])
    assert judgment.status.value == "ok", judgment.reason
    return judgment.discrepancies


def test_bottom_layer_of_an_outlined_stackplot_edited_is_one_change_of_that_layer(
    charts: dict[str, Rendering],
) -> None:
    # The four outlines all move (each is a running total), but only the bottom layer changed.
    [d] = judged(charts, "outlined", "outlined_bottom_edited")
    assert d.category == "data_error"
    assert "organic" in d.description


def test_middle_band_of_chained_fills_edited_is_one_change(charts: dict[str, Rendering]) -> None:
    # The middle band and the band on it move, with their top lines: one change, of band 'b'.
    [d] = judged(charts, "chained", "chained_middle_edited")
    assert d.category == "data_error"
    assert "'b'" in d.description


def test_unchanged_stack_reads_no_change(charts: dict[str, Rendering]) -> None:
    assert judged(charts, "outlined", "outlined") == []


def test_a_row_of_stacked_bars_dropped_is_one_change(charts: dict[str, Rendering]) -> None:
    # The rows after it move up one place: paired by question, they kept their values.
    [d] = judged(charts, "survey", "survey_q1_dropped")
    assert d.category == "data_error"
    assert "Q1 onboarding" in d.description


def test_stack_labels_swapped_is_no_change_of_the_layers(charts: dict[str, Rendering]) -> None:
    # The layers kept their polygons and colours: they pair by them, not by their swapped names.
    found = judged(charts, "outlined", "outlined_labels_swapped")
    assert not [d for d in found if d.category == "data_error" or "area" in d.description]
    # The legend's swatches kept their colours under the swapped labels: they name other layers.
    assert [(d.category, d.severity) for d in found if "legend" in d.location] == [("text_error", 3)]


def test_mean_line_of_a_step_histogram_follows_its_samples(charts: dict[str, Rendering]) -> None:
    # The samples scaled: the histogram's outline and the mean drawn from them move; one change, of the samples.
    [d] = judged(charts, "step_hist", "step_hist_scaled")
    assert d.category == "data_error"
    assert "mean" not in d.description


def test_a_row_of_stacked_bars_scaled_is_one_change(charts: dict[str, Rendering]) -> None:
    # Every segment of one stacked bar changed (one row of the data edited): one change of that stack.
    [d] = judged(charts, "survey", "survey_q3_scaled")
    assert d.category == "data_error"
    assert "Q3 team" in d.description


def test_an_outline_moved_along_x_keeps_its_change(charts: dict[str, Rendering]) -> None:
    # Its fill's thickness is the same at every point, but the line moved sideways: not lifted by a layer under
    # it, its own x values changed (the fill, unlabelled, follows the line).
    [d] = judged(charts, "filled_line", "filled_line_x_scaled")
    assert d.category == "data_error"
    assert "x values" in d.description  # the line's own values, not only the range that followed them


def test_a_middle_layer_dropped_is_one_missing_layer(charts: dict[str, Rendering]) -> None:
    # The layers on it drop by its thickness, their own thickness kept: they moved with it, no change of theirs.
    [d] = judged(charts, "dict_zero", "dict_zero_americas_dropped")
    assert (d.category, d.severity) == ("data_error", 3)
    assert "Americas" in d.description and "missing" in d.description


def test_a_streamgraph_layer_edited_is_a_change_of_that_layer(charts: dict[str, Rendering]) -> None:
    # The wiggle baseline is worked out from every layer: all of them move, only Asia's thickness changed.
    [d] = judged(charts, "dict_wiggle", "dict_wiggle_asia_edited")
    assert d.category == "data_error"
    assert "Asia" in d.description


def test_a_stackplot_dropped_whole_is_one_missing_series(charts: dict[str, Rendering]) -> None:
    # Its layers are one call: one series missing (its legend entries go with it), not each layer missing and
    # the plot's share piled up as if most of the figure were gone.
    [d] = judged(charts, "twin_stack", "twin_stack_dropped")
    assert (d.category, d.severity) == ("data_error", 3)
    assert "stacked areas" in d.description


def test_a_pandas_area_column_dropped_is_one_missing_layer(charts: dict[str, Rendering]) -> None:
    # The outlines above it pair through their layers (they kept their thickness), the dropped layer's outline
    # goes with it, and the colour map sampled for one column fewer recolours the others: no change of theirs.
    [d] = judged(charts, "pandas_area", "pandas_area_organic_dropped")
    assert (d.category, d.severity) == ("data_error", 3)
    assert "organic" in d.description and "missing" in d.description
