"""Scene judge, charts: an axis changed (limits, scale) together with other changes of the same plot."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Rendering, Task

BARS = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(["A", "B", "C", "D"], [12.0, 17.0, 9.0, 14.0], color="#4c72b0")
ax.set_title("Sales")
"""

LINE = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot([1, 2, 3, 4, 5, 6], [3.0, 5.0, 4.0, 8.0, 6.0, 7.0], color="#4c72b0")
ax.set_title("Visits")
"""

MESH = """
import matplotlib.pyplot as plt
import numpy as np
x, y = np.meshgrid(np.linspace(-2, 2, 30), np.linspace(-1, 1, 20))
fig, ax = plt.subplots(figsize=(6, 4))
ax.pcolormesh(x, y, np.sin(x) * np.cos(2 * y), cmap="RdBu_r", shading="auto")
"""

DONUT = """
import matplotlib.pyplot as plt
vals = [30.0, 25.0, 45.0]
fig, ax = plt.subplots(figsize=(5, 5))
ax.pie(vals, labels=["A", "B", "C"], wedgeprops=dict(width=0.4))
ax.text(0, 0, f"Total {sum(vals):.1f}", ha="center")
"""

PIE = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(5, 5))
ax.pie([18.0, 24.0, 25.0, 5.0, 19.0, 9.0], labels=["Laptops", "Phones", "Tablets", "Monitors", "Headphones", "Cameras"],
       autopct="%1.0f%%")
"""

FIRST_TWO = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot([1, 2, 3, 4], [5.0, 6.0, 7.0, 6.5], label="high", color="#d7301f")
ax.plot([1, 2, 3, 4], [1.0, 2.0, 1.5, 2.5], label="low", color="#fc8d59")
handles = ax.get_lines()[:2]
ax.legend(handles, [h.get_label() for h in handles], loc="upper left")
"""

PYRAMID = """
import matplotlib.pyplot as plt
ages = [f"{5 * k}-{5 * k + 4}" for k in range(12)]
men = [1.4, 1.6, 1.8, 2.0, 2.1, 2.1, 2.0, 1.8, 1.6, 1.4, 1.1, 0.8]
fig, ax = plt.subplots(figsize=(6, 5))
ax.barh(range(12), [-m for m in men], color="#3a7dc9")
ax.barh(range(12), [m * 1.05 for m in men], color="#d9534f")
ax.set_yticks(range(12), ages)
ax.set_ylim(-0.6, 11.6)
"""

BAND = """
import matplotlib.pyplot as plt
years = [2008, 2009, 2010, 2011, 2012, 2013]
fig, ax = plt.subplots(figsize=(6, 4))
ax.fill_between(years, [5.4, 6.8, 7.3, 7.0, 6.1, 6.3], [6.2, 8.3, 8.7, 8.0, 7.6, 7.4], alpha=0.2, color="slateblue")
ax.plot(years, [5.8, 7.6, 8.0, 7.5, 6.8, 6.8], color="slateblue")
"""

CORR = """
import matplotlib.pyplot as plt
corr = [[1.0, 0.46, 0.79], [0.46, 1.0, -0.31], [0.79, -0.31, 1.0]]
fig, ax = plt.subplots(figsize=(5, 4))
ax.imshow(corr, cmap="RdYlGn", vmin=-1, vmax=1)
"""
CORR_LABELS = "for i in range(3):\n    for j in range(3):\n        ax.text(j, i, f'{corr[i][j]:.2f}', ha='center')\n"

SURFACE = """
import matplotlib.pyplot as plt
import numpy as np
x, y = np.meshgrid(np.linspace(-5, 5, 12), np.linspace(-5, 5, 12))
fig = plt.figure(figsize=(6, 5))
ax = fig.add_subplot(projection="3d")
ax.plot_surface(x, y, np.sin(np.hypot(x, y)), cmap="viridis")
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    sources = {
        "bars": BARS,
        "pyramid": PYRAMID,
        "pyramid_log": PYRAMID + "ax.set_yscale('log')\n",
        "bars_wide": BARS + "ax.set_ylim(0, 36)\n",
        "bars_log_colour": BARS.replace("#4c72b0", "#d62728") + "ax.set_yscale('log')\n",
        "line": LINE,
        "line_wide": LINE + "ax.set_ylim(2.75, 16.25)\n",
        "line_point_wide": LINE.replace("8.0", "6.5") + "ax.set_ylim(2.75, 16.25)\n",
        "mesh": MESH,
        "mesh_blues": MESH.replace("RdBu_r", "Blues"),
        "donut": DONUT,
        "donut_value": DONUT.replace("25.0", "35.0"),
        "donut_label": DONUT.replace('"Total', '"Sum'),
        "pie": PIE,
        "pie_edited": PIE.replace("9.0]", "16.0]").replace('"Headphones"', '"Rate"'),
        "line_bars_scaled": LINE.replace(
            "ax.plot([1, 2, 3, 4, 5, 6], [3.0, 5.0, 4.0, 8.0, 6.0, 7.0]",
            "ax.bar([1, 2, 3, 4, 5, 6], [4.5, 7.5, 6.0, 12.0, 9.0, 10.5]",
        ),
        "line_bars": LINE.replace("ax.plot(", "ax.bar("),
        "first_two": FIRST_TWO,
        "first_two_added": FIRST_TWO.replace(
            'color="#d7301f")\n',
            'color="#d7301f")\nax.plot([1, 2, 3, 4], [3.0, 3.5, 4.0, 4.5], label="Projected", color="#2ca02c")\n',
        ),
        "band": BAND,
        # The band's upper edge doubled: the autoscaled y-axis follows the band, not only the line.
        "band_scaled": BAND.replace("[6.2, 8.3, 8.7, 8.0, 7.6, 7.4]", "[12.4, 16.6, 17.4, 16.0, 15.2, 14.8]"),
        # Every value scaled by 1.7 and rounded: each share moves by under half a point, the edges by a degree.
        "pie_nudged": PIE.replace("[18.0, 24.0, 25.0, 5.0, 19.0, 9.0]", "[31.0, 41.0, 42.0, 8.0, 32.0, 15.0]"),
        "pie_turned": PIE.replace('autopct="%1.0f%%"', 'autopct="%1.0f%%", startangle=90'),
        # One cell nudged by 0.03 of a fixed colour scale: its colour barely moves (ΔE under 10), unless its label
        # says so; moved by half the scale it shows.
        "corr": CORR,
        "corr_nudged": CORR.replace("-0.31, 1.0]]", "-0.28, 1.0]]"),
        "corr_moved": CORR.replace("-0.31, 1.0]]", "0.69, 1.0]]"),
        "corr_labels": CORR + CORR_LABELS,
        "corr_labels_nudged": CORR.replace("-0.31, 1.0]]", "-0.28, 1.0]]") + CORR_LABELS,
        "surface": SURFACE,
        # A 3-D plot's y range cut to its lower 60 % (the surface drawn past it, its middle moved by a third of
        # the plot), or widened by a third (its middle moved by an eighth).
        "surface_narrow": SURFACE + "ax.set_ylim(-5.5, 1.1)\n",
        "surface_wide": SURFACE + "ax.set_ylim(-5.5, 9.1)\n",
        "legend_best": LINE.replace('color="#4c72b0"', 'color="#4c72b0", label="visits"') + "ax.legend()\n",
        "legend_right": LINE.replace('color="#4c72b0"', 'color="#4c72b0", label="visits"')
        + "ax.legend(loc='lower right')\n",
    }
    yield render_charts(sources)


def found(charts: dict[str, Rendering], ref: str, cand: str) -> list[tuple[str, int]]:
    judgment = SceneJudge().judge(Task.CHART, charts[ref], charts[cand])
    assert judgment.status.value == "ok", judgment.reason
    return sorted((d.category, d.severity) for d in judgment.discrepancies)


def test_a_wider_range_moves_bar_ends_as_far_as_a_line(charts: dict[str, Rendering]) -> None:
    # The range doubled: the bars' tops come down by half the plot, as the line's points do: 2 either way (ground
    # truth grades a widened range by how far the marks moved, as a narrowed one).
    assert found(charts, "bars", "bars_wide") == [("data_error", 2)]
    assert found(charts, "line", "line_wide") == [("data_error", 2)]


def test_a_log_axis_that_squeezes_the_bars_into_slivers_reads_as_the_data_hidden(charts: dict[str, Rendering]) -> None:
    # A log scale on a pyramid's age axis (the bars at 0..11) presses all but the first bars into the top rows:
    # the reader sees the data gone, as the ground truth grades it (`chart_view.hidden_share`), not a new scale (2).
    judgment = SceneJudge().judge(Task.CHART, charts["pyramid"], charts["pyramid_log"])
    [item] = judgment.discrepancies
    assert (item.category, item.severity) == ("data_error", 3), item
    assert "squeezed unreadable" in item.description and "scale is log" in item.description, item
    # Bars whose tops a log axis only moved keep their reading: the scale change, 2 (below).
    assert found(charts, "bars", "bars_log_colour") == [("structure_error", 2), ("style_error", 2)]


def test_bars_recoloured_lie_apart_from_the_tops_a_log_axis_moved(charts: dict[str, Rendering]) -> None:
    # The log axis moved the bars' tops; the new colour fills the bars: under half of the smaller change's
    # pixels lie on the other's (as ground truth measures these two edits), two items.
    judgment = SceneJudge().judge(Task.CHART, charts["bars"], charts["bars_log_colour"])
    got = sorted((d.category, d.severity) for d in judgment.discrepancies)
    assert got == [("structure_error", 2), ("style_error", 2)], got


def test_limits_set_wider_are_reported_when_a_value_changed_too(charts: dict[str, Rendering]) -> None:
    # Autoscaled limits would have stayed near the data; the empty band above it is a change of its own.
    # Here both changes moved the line's fourth point (the value down, the wider range further down): one place,
    # as ground truth measures these two edits, its description naming the range.
    judgment = SceneJudge().judge(Task.CHART, charts["line"], charts["line_point_wide"])
    [d] = judgment.discrepancies
    assert d.category == "data_error" and "range" in d.description, d
    # The value alone (limits autoscaled) is one item.
    assert len(found(charts, "line_wide", "line_point_wide")) == 1


def test_a_legend_moved_away_from_best_is_reported(charts: dict[str, Rendering]) -> None:
    # 'best' put it at one corner; 'lower right' shows it at another.
    assert found(charts, "legend_best", "legend_right") == [("style_error", 1)]
    assert found(charts, "legend_best", "legend_best") == []


def test_a_colour_mesh_given_another_colour_map(charts: dict[str, Rendering]) -> None:
    # Same values, every cell coloured otherwise: one style change over the whole mesh.
    assert found(charts, "mesh", "mesh_blues") == [("style_error", 2)]


def test_an_axes_that_changed_height_in_place_is_not_a_new_layout() -> None:
    def scene(boxes: list[list[float]]) -> dict:
        axes = [{"bbox": b, "xlim": [0, 1], "ylim": [0, 1], "xscale": "linear", "yscale": "linear", "texts": []}
                for b in boxes]  # fmt: skip
        return {"axes": axes, "texts": [], "legends": []}

    row = [[0.05, 0.1, 0.3, 0.8], [0.4, 0.15, 0.65, 0.85], [0.72, 0.1, 0.97, 0.8]]
    # The first axes kept its place but lost height (a fixed aspect under a log scale): still one row of three.
    squeezed = [[0.05, 0.3, 0.3, 0.55], *row[1:]]
    assert SceneJudge().compare(Task.CHART, scene(row), scene(squeezed)) == []
    # Three rows of one: another layout.
    column = [[0.1, 0.05, 0.9, 0.3], [0.1, 0.37, 0.9, 0.62], [0.1, 0.69, 0.9, 0.94]]
    found = SceneJudge().compare(Task.CHART, scene(row), scene(column))
    assert [(d.category, d.location) for d in found] == [("structure_error", "subplot layout")]


def test_a_label_quoting_the_data_follows_it(charts: dict[str, Rendering]) -> None:
    # The centre text quotes the total: it changes with the slice, the slice is the one change.
    assert found(charts, "donut", "donut_value") == [("data_error", 2)]
    # Its words changed: a text change.
    assert found(charts, "donut", "donut_label") == [("text_error", 2)]


def test_a_pie_slice_and_a_relabelled_slice_are_two_items(charts: dict[str, Rendering]) -> None:
    # The percentages follow the changed slice (no 'traded places'); the new label is one text change, not a
    # text gone plus a text added plus the slice's label.
    assert found(charts, "pie", "pie_edited") == [("data_error", 2), ("text_error", 2)]


def test_a_series_retyped_and_scaled_is_one_place(charts: dict[str, Rendering]) -> None:
    assert found(charts, "line", "line_bars") == [("structure_error", 3)]
    # Drawn as bars, and every value 1.5 times: the bars fill the plot where the line was, one place (as the
    # bench's ground truth merges edits whose changed pixels lie on each other), and it names the values.
    judgment = SceneJudge().judge(Task.CHART, charts["line"], charts["line_bars_scaled"])
    [d] = judgment.discrepancies
    assert (d.category, d.severity) == ("structure_error", 3)
    assert "differ too" in d.description, d.description


def test_a_legend_entry_pushed_out_by_an_extra_series_follows_it(charts: dict[str, Rendering]) -> None:
    # The legend lists the first two lines: the extra line takes the place of 'low' there.
    assert found(charts, "first_two", "first_two_added") == [("data_error", 3)]


def test_limits_that_follow_a_changed_band_are_no_change_of_their_own(charts: dict[str, Rendering]) -> None:
    # The band's vertices are data: the new limits leave no empty band beyond it (autoscaled, not set wider).
    assert found(charts, "band", "band_scaled") == [("data_error", 3)]


def test_a_3d_range_is_graded_by_how_far_the_data_moved(charts: dict[str, Rendering]) -> None:
    # Nothing is cut off (the data is drawn past the limits): the marks moved far (2) or little (1).
    assert found(charts, "surface", "surface_narrow") == [("data_error", 2)]
    assert found(charts, "surface", "surface_wide") == [("data_error", 1)]


def test_slices_nudged_by_values_scaled_and_rounded_show_at_the_rim(charts: dict[str, Rendering]) -> None:
    # Shares changed by under half a point move the slices' edges visibly: one change that reads the same (1); its
    # percentages follow it. A pie turned as a whole keeps its shares: nothing.
    assert found(charts, "pie", "pie_nudged") == [("data_error", 1)]
    assert found(charts, "pie", "pie_turned") == []


def test_a_heatmap_value_shows_as_its_colour_or_its_label(charts: dict[str, Rendering]) -> None:
    assert found(charts, "corr", "corr_nudged") == []
    assert found(charts, "corr", "corr_moved") == [("data_error", 3)]
    assert ("data_error", 1) in found(charts, "corr_labels", "corr_labels_nudged")


def test_axis_labels_the_new_grid_moved_to_other_subplots_are_no_text_change() -> None:
    """Shared axes label only the outer subplots: a 2 x 2 grid drawn as 1 x 4 moves the x-axis label to
    other panels. The layout is the one change; a label that really changed text is still reported."""

    def scene(boxes: list[list[float]], xlabels: list[str], ylabel: str = "rate") -> dict:
        axes = [
            {"bbox": b, "xlim": [0, 1], "ylim": [0, 1], "xscale": "linear", "yscale": "linear", "texts": [],
             "title": {"center": {"text": f"panel {k}"}}, "xlabel": {"text": x} if x else {},
             "ylabel": {"text": ylabel} if k in (0, 2) else {}}
            for k, (b, x) in enumerate(zip(boxes, xlabels, strict=True))
        ]  # fmt: skip
        return {"axes": axes, "texts": [], "legends": []}

    grid = [[0.05, 0.55, 0.45, 0.95], [0.55, 0.55, 0.95, 0.95], [0.05, 0.05, 0.45, 0.45], [0.55, 0.05, 0.95, 0.45]]
    row = [[0.03, 0.1, 0.23, 0.9], [0.28, 0.1, 0.48, 0.9], [0.53, 0.1, 0.73, 0.9], [0.78, 0.1, 0.98, 0.9]]
    ref = scene(grid, ["", "", "month", "month"])
    # The program labels axs[1] (the bottom row of the grid): in one row that is the second panel only.
    moved = scene(row, ["", "month", "", ""])
    found = SceneJudge().compare(Task.CHART, ref, moved)
    assert [(d.category, d.location) for d in found] == [("structure_error", "subplot layout")]
    renamed = scene(row, ["", "week", "", ""])
    found = SceneJudge().compare(Task.CHART, ref, renamed)
    assert sorted(d.category for d in found) == ["structure_error", "text_error", "text_error", "text_error"]


def test_two_panels_whose_titles_traded_places_are_one_swap() -> None:
    """A list of names reordered names each panel's data with the other's name: one text change, 3 (as tick
    labels that traded places); a title changed on its own stays a title change."""

    def scene(titles: list[str]) -> dict:
        axes = [{"bbox": [0.05 + 0.32 * k, 0.1, 0.3 + 0.32 * k, 0.9], "xlim": [0, 1], "ylim": [0, 1],
                 "xscale": "linear", "yscale": "linear", "texts": [], "title": {"center": {"text": t}}}
                for k, t in enumerate(titles)]  # fmt: skip
        return {"axes": axes, "texts": [], "legends": []}

    ref = scene(["Oslo", "Lyon", "Graz"])
    found = SceneJudge().compare(Task.CHART, ref, scene(["Graz", "Lyon", "Oslo"]))
    assert [(d.category, d.severity) for d in found] == [("text_error", 3)]
    assert "traded places" in found[0].description
    found = SceneJudge().compare(Task.CHART, ref, scene(["Graz", "Lyon", "Rome"]))
    assert sorted((d.category, d.severity) for d in found) == [("text_error", 2), ("text_error", 2)]


SLOPE = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(5, 5))
for a, b in [(8.0, 14.5), (9.5, 21.0), (11.0, 12.0), (6.5, 9.0)]:
    ax.plot([0, 1], [a, b], marker="o", color="#555555")
ax.set_xticks([0, 1], ["2015", "2024"])
ax.set_yticks([])
ax.set_ylim(5, 23)
"""


def test_a_range_without_tick_labels_shows_where_the_marks_moved_or_were_cut_off() -> None:
    # A slope chart hides its y ticks: no number says the range changed, but a narrower range cuts a line's end
    # off (3) and a much wider one squeezes every line (2); a small shift shows nothing a reader can place.
    charts = render_charts(
        {
            "slope": SLOPE,
            "narrowed": SLOPE.replace("ax.set_ylim(5, 23)", "ax.set_ylim(5, 20)"),
            "widened": SLOPE.replace("ax.set_ylim(5, 23)", "ax.set_ylim(5, 40)"),
            "nudged": SLOPE.replace("ax.set_ylim(5, 23)", "ax.set_ylim(5, 23.5)"),
        }
    )
    judge = SceneJudge()
    got = {k: [(d.category, d.severity) for d in judge.judge(Task.CHART, charts["slope"], charts[k]).discrepancies]
           for k in ("narrowed", "widened", "nudged")}  # fmt: skip
    assert got == {"narrowed": [("data_error", 3)], "widened": [("data_error", 2)], "nudged": []}, got


SECONDARY = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(range(6), [40.0, 55.0, 70.0, 90.0, 60.0, 45.0], color="#4c72b0")
ax.secondary_yaxis("right", functions=(lambda mm: mm / 25.4, lambda inch: inch * 25.4))
"""


def test_a_secondary_axis_following_its_parents_new_scale_is_the_same_change() -> None:
    # The secondary axis' scale ('function' -> 'functionlog') follows the parent's: one edit, one item.
    charts = render_charts({"mm": SECONDARY, "log": SECONDARY + 'ax.set_yscale("log")\n'})
    found = SceneJudge().judge(Task.CHART, charts["mm"], charts["log"]).discrepancies
    assert [d.category for d in found] == ["structure_error"], found
