"""Scene judge, charts: tick labels and axis labels that follow another change (a formatter's numbers after a
range change, a locator's ticks after a resize, the outer labels of shared axes after a new subplot grid), and where
a radar chart's changed point is drawn."""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.judge.scene.text import locator_ticks, tick_number
from verm.types import Rendering, Task

# A '$xM' tick formatter (a FuncFormatter): a wider range adds a tick.
MONEY = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(["Q1", "Q2", "Q3", "Q4"], [4.2, 4.8, 5.1, 6.3])
ax.yaxis.set_major_formatter(lambda v, _: f"${v:.0f}M")
ax.set_ylim(0, TOP)
"""

# Two log-log panels; their width ratio set how many decades each tick label spans.
LOG_PANELS = """
import matplotlib.pyplot as plt
import numpy as np
fig, (a, b) = plt.subplots(1, 2, figsize=(8, 4), gridspec_kw={"width_ratios": [W, 1]})
x = np.logspace(0, 11, 30)
a.loglog(x, x ** 0.5)
b.loglog(x, x ** 0.3)
"""

# A short bottom panel whose height ratio moved a little (under a tenth): the locator picks another step.
SHORT_PANEL = """
import matplotlib.pyplot as plt
import numpy as np
fig, (a, b) = plt.subplots(2, 1, figsize=(6, 5), gridspec_kw={"height_ratios": [H, 1]})
a.plot([1, 2, 3, 4], [3, 1, 4, 2])
b.plot(np.arange(10), [0, 30, 80, 120, 190, 240, 200, 150, 90, 20], color="#444444")
b.set_ylim(-8, 243)
"""

# Two panels sharing categorical x (weeks): only the bottom panel of a column prints them.
SHARED_WEEKS = """
import matplotlib.pyplot as plt
weeks = ["2024-W01", "2024-W02", "2024-W03", "2024-W04"]
fig, axes = plt.subplots(ROWS, COLS, figsize=(8, 5), sharex=True)
axes[0].plot(weeks, [3, 5, 4, 6])
axes[1].plot(weeks, [0.02, 0.03, 0.025, 0.031], color="#dd8452")
"""

# Small multiples with the y label on the first column only.
MULTIPLES = """
import matplotlib.pyplot as plt
fig, axes = plt.subplots(ROWS, COLS, figsize=(9, 6), sharex=True, sharey=True)
for k, ax in enumerate(axes.flat):
    ax.plot([1, 2, 3], [k, k + 1, k + 0.5])
    ax.set_title(f"panel {k}")
for ax in axes[:, 0]:
    ax.set_ylabel(LABEL)
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    yield render_charts(
        {
            "money": MONEY.replace("TOP", "7.2"),
            "money_wider": MONEY.replace("TOP", "8.6"),
            "log": LOG_PANELS.replace("W", "2"),
            "log_wider": LOG_PANELS.replace("W", "4"),
            "short": SHORT_PANEL.replace("H", "3"),
            "shorter": SHORT_PANEL.replace("H", "3.2"),
            "weeks_2x1": SHARED_WEEKS.replace("ROWS", "2").replace("COLS", "1"),
            "weeks_1x2": SHARED_WEEKS.replace("ROWS", "1").replace("COLS", "2"),
            "grid_3x4": MULTIPLES.replace("ROWS", "3").replace("COLS", "4").replace("LABEL", '"Rate (%)"'),
            "grid_4x3_typo": MULTIPLES.replace("ROWS", "4").replace("COLS", "3").replace("LABEL", '"Raae (%)"'),
        }
    )


def _found(charts: dict[str, Rendering], ref: str, cand: str) -> list[tuple[str, int]]:
    found = SceneJudge().judge(Task.CHART, charts[ref], charts[cand]).discrepancies
    return sorted((d.category, d.severity) for d in found)


def test_tick_number_reads_what_formatters_print() -> None:
    assert tick_number("−5") == -5.0
    assert tick_number("1.5%") == 1.5
    assert tick_number("$9M") == 9e6
    assert tick_number("1,200") == 1200.0
    assert tick_number("$\\mathdefault{10^{-3}}$") == pytest.approx(1e-3)
    assert tick_number("$\\mathdefault{2\\times10^{3}}$") == pytest.approx(2e3)
    assert tick_number("2024-W01") is None and tick_number("Soeth") is None
    assert locator_ticks(["−100", "0", "100", "200"]) and locator_ticks(["1", "10", "100"])
    # A typo in a number, two labels swapped, or too few to tell: not a locator's.
    assert not locator_ticks(["2019", "2029", "2021"]) and not locator_ticks(["0", "20", "10", "30"])
    assert not locator_ticks(["0", "5"])


def test_a_formatters_ticks_follow_a_wider_range(charts: dict[str, Rendering]) -> None:
    assert _found(charts, "money", "money_wider") == [("data_error", 1)]


def test_log_ticks_follow_a_panel_resized(charts: dict[str, Rendering]) -> None:
    # Only the width ratio changed; mathtext powers of ten are numbers, respaced with the panel's width: no tick
    # change, only the grid's ratio (as the truth reports a ``width_ratios`` value edited: `panels.grid_ratios`).
    found = SceneJudge().judge(Task.CHART, charts["log"], charts["log_wider"]).discrepancies
    assert [(d.category, d.severity) for d in found] == [("data_error", 1)], found
    assert "ratios" in found[0].description


def test_a_locators_ticks_follow_a_small_resize(charts: dict[str, Rendering]) -> None:
    axes = charts["short"].scene["axes"], charts["shorter"].scene["axes"]  # type: ignore[index]
    assert [t["text"] for t in axes[0][1]["yticklabels"]] != [t["text"] for t in axes[1][1]["yticklabels"]]
    assert _found(charts, "short", "shorter") == []


def test_shared_tick_labels_a_new_grid_shows_are_the_layout_change(charts: dict[str, Rendering]) -> None:
    assert _found(charts, "weeks_2x1", "weeks_1x2") == [("structure_error", 2)]


def test_an_outer_label_misspelt_under_a_new_grid_is_one_text_change(charts: dict[str, Rendering]) -> None:
    # The 4x3 grid labels other panels than the 3x4 one: the typo is one text change, the moved labels none.
    assert _found(charts, "grid_3x4", "grid_4x3_typo") == [("structure_error", 2), ("text_error", 1)]


# A radar chart: angle 0 at the top, clockwise (the scene keeps neither).
RADAR = """
import matplotlib.pyplot as plt
import numpy as np
names = ["Pace", "Shooting", "Passing", "Dribbling", "Defending", "Physical", "Vision", "Stamina"]
vals = [70, 65, 55, 82, 78, 85, WEST, 58]
angles = np.linspace(0, 2 * np.pi, len(names), endpoint=False).tolist()
fig, ax = plt.subplots(figsize=(6, 6), subplot_kw={"projection": "polar"})
ax.set_theta_offset(np.pi / 2)
ax.set_theta_direction(-1)
ax.plot(angles + angles[:1], [60, 72, 50, 66, 70, 58, 64, 75, 60], color="#1f77b4", label="Player A")
ax.plot(angles + angles[:1], vals + vals[:1], color="#d62728", label="Player B")
ax.set_xticks(angles)
ax.set_xticklabels(names)
ax.set_ylim(0, 100)
"""


def test_a_radar_points_change_is_boxed_where_it_is_drawn() -> None:
    charts = render_charts({"radar": RADAR.replace("WEST", "62"), "radar_west": RADAR.replace("WEST", "90")})
    [d] = SceneJudge().judge(Task.CHART, charts["radar"], charts["radar_west"]).discrepancies
    assert d.category == "data_error" and d.bbox is not None, d
    # The 7th of 8 angles, clockwise from the top, is drawn west of the centre, halfway down.
    box = charts["radar"].scene["axes"][0]["bbox"]  # type: ignore[index]
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    bx, by = (d.bbox[0] + d.bbox[2]) / 2, (d.bbox[1] + d.bbox[3]) / 2
    assert bx < cx - 0.2 and abs(by - cy) < 0.05, (d.bbox, box)


# A histogram of counts (unlabelled bars) under a labelled line; the legend lists the line only.
PSTH = """
import matplotlib.pyplot as plt
import numpy as np
edges = np.linspace(0, 2, 21)
counts = 20 + 15 * np.sin(np.linspace(0, 3, 20))
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(edges[:-1], counts, width=0.1, align="edge", color="0.35", edgecolor="none")
EXTRA
ax.plot(np.linspace(0, 2, 50), 20 + 15 * np.sin(np.linspace(0, 3, 50)), color="#1f77b4", label=LABEL)
ax.legend(loc="upper right")
"""


def test_bars_added_in_a_labelled_lines_colour_do_not_take_its_legend_name() -> None:
    extra = 'ax.bar(edges[:-1], counts * 0.7, width=0.1, align="edge", color="#1f77b4")'
    charts = render_charts(
        {
            "psth": PSTH.replace("EXTRA", "").replace("LABEL", '"true rate"'),
            "psth_extra": PSTH.replace("EXTRA", extra).replace("LABEL", '"true share"'),
        }
    )
    found = SceneJudge().judge(Task.CHART, charts["psth"], charts["psth_extra"]).discrepancies
    # The bars added are an extra series; the line's legend entry reworded is its own text change.
    assert sorted((d.category, d.severity) for d in found) == [("data_error", 3), ("text_error", 2)], found


# A pie labelled from a list of names, its legend quoting each name with its amount.
BUDGET = """
import matplotlib.pyplot as plt
labels = ["Housing", "Food", "Transport", NAME, "Savings"]
amounts = [1450, 620, 380, 210, 500]
fig, ax = plt.subplots(figsize=(7, 5))
ax.pie(amounts, labels=labels, startangle=90)
ax.legend([f"{lab}: ${a:,}" for lab, a in zip(labels, amounts)], loc="center left", bbox_to_anchor=(1.0, 0.5))
"""


def test_a_name_reworded_in_a_slice_label_and_its_legend_entry_is_one_change() -> None:
    charts = render_charts(
        {"pie": BUDGET.replace("NAME", '"Utilities"'), "pie_word": BUDGET.replace("NAME", '"Profit"')}
    )
    found = SceneJudge().judge(Task.CHART, charts["pie"], charts["pie_word"]).discrepancies
    assert [(d.category, d.severity) for d in found] == [("text_error", 2)], found


# Diverging stacked bars drawn level by level from lists of names, colours and counts.
LIKERT = """
import matplotlib.pyplot as plt
import numpy as np
levels = LEVELS
counts = np.array([[4, 11, 18, 52, 35], [9, 17, 25, 44, 25], [22, 38, 31, 21, 8]])
counts[1, 3] = ROW1
pct = counts / counts.sum(axis=1, keepdims=True) * 100
colors = ["#ca0020", "#f4a582", "#d9d9d9", "#92c5de", "#0571b0"]
left = -(pct[:, 0] + pct[:, 1] + pct[:, 2] / 2)
fig, ax = plt.subplots(figsize=(9, 4))
for k, level in enumerate(levels):
    ax.barh(np.arange(3), pct[:, k], left=left, color=colors[k], label=level, height=0.6)
    left = left + pct[:, k]
ax.legend(ncols=5, loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=8)
"""
LEVELS = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]
SWAPPED = ["Strongly disagree", "Strongly agree", "Neutral", "Agree", "Disagree"]


def test_two_series_names_swapped_beside_a_data_change_are_one_text_change() -> None:
    charts = render_charts(
        {
            "likert": LIKERT.replace("LEVELS", repr(LEVELS)).replace("ROW1", "44"),
            "likert_swapped": LIKERT.replace("LEVELS", repr(SWAPPED)).replace("ROW1", "41"),
        }
    )
    found = SceneJudge().judge(Task.CHART, charts["likert"], charts["likert_swapped"]).discrepancies
    # The names traded places over the series' colours and data: one text change (3: the values are
    # misattributed), beside the one row's data change; no series' every value or colour changed.
    assert sorted((d.category, d.severity) for d in found) == [("data_error", 1), ("text_error", 3)], found


# Monthly sales (a line and its band) against a dashed target line.
SALES = """
import matplotlib.pyplot as plt
import numpy as np
m = np.arange(12)
sales = 100 + 30 * np.sin(m / 2)
fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(m, sales, color="#1f77b4", label="Sales")
ax.plot(m, np.full(12, 110.0), color="#d62728", linestyle=STYLE, label="Target")
EXTRA
ax.legend(loc="upper left")
"""


def test_a_line_style_changed_under_an_area_added_over_it_is_one_change() -> None:
    extra = 'ax.fill_between(m, 0, sales * 1.2, color="#9467bd", alpha=0.5)'
    charts = render_charts(
        {
            "sales": SALES.replace("STYLE", '"--"').replace("EXTRA", ""),
            "sales_area": SALES.replace("STYLE", '"-."').replace("EXTRA", extra),
        }
    )
    found = SceneJudge().judge(Task.CHART, charts["sales"], charts["sales_area"]).discrepancies
    # The scene paints no dashes: the restyled line's change is all of its pixels, under the area added.
    assert [(d.category, d.severity) for d in found] == [("data_error", 3)], found


# Two dose-response curves computed over one list of concentrations.
DOSE = """
import matplotlib.pyplot as plt
import numpy as np
conc = np.array([0.01, 0.03, 0.1, 0.3, 1, 3, CONC, 30, 100])
fig, ax = plt.subplots(figsize=(6, 4))
for ic50, colour in ((0.4, "#1f77b4"), (3.1, "#d62728")):
    ax.plot(conc, 100 / (1 + conc / ic50), marker="o", color=colour, label=f"IC50 = {ic50}")
ax.set_xscale("log")
ax.legend()
"""


def test_one_shared_x_value_changed_under_two_computed_curves_is_one_change() -> None:
    charts = render_charts({"dose": DOSE.replace("CONC", "10"), "dose_moved": DOSE.replace("CONC", "20")})
    found = SceneJudge().judge(Task.CHART, charts["dose"], charts["dose_moved"]).discrepancies
    # The second curve's value at the moved concentration follows it: not its own change.
    assert [d.category for d in found] == ["data_error"], found


# Bubbles with two legends: the regions' kept with add_artist, then a size legend.
BUBBLES = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(8, 5))
ax.scatter([1, 2, 3, 4], [60, 65, TOP, 70], s=[40, 80, 160, 60], color="#e41a1c", label="Africa")
ax.scatter([2, 3, 5, 6], [72, 75, 78, 80], s=[50, 90, 30, 70], color="#377eb8", label="Europe")
first = ax.legend(loc=LOC, title="Region")
ax.add_artist(first)
handles = [ax.scatter([], [], s=p, color="0.6") for p in (20, 80)]
ax.legend(handles, ["10 M", "50 M"], title="Population", loc="lower right")
"""


def test_a_legend_kept_as_an_artist_does_not_move_with_the_data() -> None:
    charts = render_charts(
        {
            "bubbles": BUBBLES.replace("TOP", "62").replace("LOC", '"upper left"'),
            "bubbles_scaled": BUBBLES.replace("TOP", "95").replace("LOC", '"upper left"'),
            "bubbles_moved": BUBBLES.replace("TOP", "62").replace("LOC", '"center left"'),
        }
    )
    scaled = SceneJudge().judge(Task.CHART, charts["bubbles"], charts["bubbles_scaled"]).discrepancies
    # One value changed (the y range followed it); the region legend, placed in the axes, is no shape that moved.
    assert [d.category for d in scaled] == ["data_error"], scaled
    moved = SceneJudge().judge(Task.CHART, charts["bubbles"], charts["bubbles_moved"]).discrepancies
    assert [(d.category, d.severity) for d in moved] == [("style_error", 1)], moved


ARROW = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot([1, 2, 3, 4, 5], [3.0, 5.0, 9.0, 4.0, 6.0], color="#4c72b0")
ax.annotate("peak", xy=(3, 9.0), xytext=(4, 8.5), arrowprops=dict(arrowstyle="->", color=COLOUR, lw=1))
"""


def test_a_thin_arrow_turned_from_black_to_a_dark_grey_shows_nothing() -> None:
    charts = render_charts({"black": ARROW.replace("COLOUR", '"black"'), "grey": ARROW.replace("COLOUR", '"#1d1d1d"')})
    # A one-pixel stroke blends with the white beside it: a change of 29 on each channel shows as under 24.
    assert SceneJudge().judge(Task.CHART, charts["black"], charts["grey"]).discrepancies == []


TERRAIN = """
import matplotlib.pyplot as plt
import numpy as np
fig = plt.figure(figsize=(7, 5))
ax = fig.add_subplot(projection="3d")
x, y = np.meshgrid(np.arange(3), np.arange(4))
ax.bar3d(x.ravel(), y.ravel(), 0, 0.5, 0.5, (x + y + 1).ravel().astype(float), color="#4c72b0")
ax.set_yticks([0, 1, 2, 3])
ax.set_yticklabels(["North", SOUTH, "East", "West"])
"""


def test_a_tick_label_changed_whose_boxes_the_scene_clipped_is_boxed_on_its_axes() -> None:
    charts = render_charts(
        {"terrain": TERRAIN.replace("SOUTH", '"South"'), "typo": TERRAIN.replace("SOUTH", '"Soeth"')}
    )
    scenes = [copy.deepcopy(charts[k].scene) for k in ("terrain", "typo")]
    for scene in scenes:  # as a 3-D axes' labels come out in some figures: every box clipped to the right edge
        for t in scene["axes"][0]["yticklabels"]:  # type: ignore[index]
            t["bbox"] = [1.0, t["bbox"][1], 1.0, t["bbox"][3]]
    [d] = SceneJudge().compare(Task.CHART, scenes[0], scenes[1])  # type: ignore[arg-type]
    assert d.category == "text_error" and d.bbox is not None, d
    assert d.bbox[2] - d.bbox[0] > 0.05 and d.bbox[3] - d.bbox[1] > 0.05, d.bbox


TRAINING = """
import matplotlib.pyplot as plt
import numpy as np
ep = np.arange(1, 21)
fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(ep, 1 / ep, marker=MARK, color="#1f77b4", label="train")
ax.plot(ep, 1.2 / ep + 0.05, marker=MARK, color="#ff7f0e", label="val")
EXTRA
ax.legend(loc=LOC)
"""


def test_a_legend_moved_beside_restyled_lines_or_with_a_series_added() -> None:
    extra = 'ax.plot(ep[:4], 0.02 + 0 * ep[:4], color="#2ca02c", label="baseline")'
    base = TRAINING.replace("EXTRA", "")
    charts = render_charts(
        {
            "ref": base.replace("MARK", '"o"').replace("LOC", '"upper right"'),
            "restyled": base.replace("MARK", '"^"').replace("LOC", '"center right"'),
            "added": TRAINING.replace("EXTRA", extra).replace("MARK", '"o"').replace("LOC", '"lower left"'),
        }
    )
    # The markers change the lines' pixels; the legend moved elsewhere in its box: two changes.
    restyled = SceneJudge().judge(Task.CHART, charts["ref"], charts["restyled"]).discrepancies
    assert sorted((d.category, d.severity) for d in restyled) == [("style_error", 1), ("style_error", 1)], restyled
    # A named series added gave the legend an entry: the legend that moved changed with it, one change.
    added = SceneJudge().judge(Task.CHART, charts["ref"], charts["added"]).discrepancies
    assert [(d.category, d.severity) for d in added] == [("data_error", 3)], added
