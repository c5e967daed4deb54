"""Scene judge, charts: which changes show on one place (one item, as ground truth merges edits whose
changed pixels lie on each other) and which stay apart."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import render_charts

from verm.judge.scene import SceneJudge
from verm.types import Rendering, Task

LINES = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot([1, 2, 3, 4, 5, 6], [30.0, 50.0, 40.0, 80.0, 60.0, 70.0], color="#4c72b0", label="visits")
ax.plot([1, 2, 3, 4, 5, 6], [20.0, 25.0, 22.0, 30.0, 28.0, 26.0], color="#dd8452", label="orders")
ax.legend(loc="upper left")
"""
COPY = 'ax.plot([1, 2, 3, 4, 5, 6], [18.0, 30.0, 24.0, 48.0, 36.0, 42.0], color="#2ca02c", label="Projected")\n'
# A copy inside the data's range: the autoscaled limits stay.
COPY_INSIDE = 'ax.plot([1, 2, 3, 4, 5, 6], [36.0, 60.0, 48.0, 76.0, 72.0, 74.0], color="#2ca02c", label="Projected")\n'

BARS = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar([1, 2, 3, 4], [30.0, 50.0, 40.0, 80.0], color="#4c72b0", label="visits")
ax.legend(loc="upper left")
"""
BAR_COPY = 'ax.bar([1, 2, 3, 4], [18.0, 30.0, 24.0, 48.0], color="#2ca02c", label="Projected")\n'

BAR_ERRORS = """
import matplotlib.pyplot as plt
means = [30.0, 50.0, 40.0]
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar([0, 1, 2], means, color="#4c72b0")
ax.errorbar([0, 1, 2], means, yerr=[3.0, 4.0, 5.0], fmt="none", ecolor="gray", capsize=4)
"""

TIMELINE = """
import matplotlib.pyplot as plt
names = ["v1.0", "v1.1", "v1.2", "v2.0", "v2.1"]
years = [2018.0, 2018.5, 2019.0, 2019.5, 2020.0]
levels = [1.0, 3.0, 5.0, 2.0, 4.0]
fig, ax = plt.subplots(figsize=(8, 4))
ax.vlines(years, 0.5, levels, color="tab:red")
for d, lv, r in zip(years, levels, names):
    ax.annotate(r, xy=(d, lv), xytext=(-3, 3), textcoords="offset points", ha="right", fontsize=8)
ax.set_ylim(0.5, 6)
"""

GROUPED = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar([0.8, 1.8, 2.8, 3.8], [30.0, 50.0, 40.0, 70.0], width=0.4, color="#4c72b0", label="visits")
ax.bar([1.2, 2.2, 3.2, 4.2], [60.0, 45.0, 35.0, 80.0], width=0.4, color="#dd8452", label="orders")
ax.legend(loc="upper left")
"""
SHRUNK = GROUPED.replace("30.0, 50.0, 40.0, 70.0", "25.5, 42.5, 34.0, 59.5")

HEATMAP = """
import matplotlib.pyplot as plt
labels = ["north", "south", "east"]
fig, ax = plt.subplots(figsize=(5, 4))
ax.imshow([[1.0, 0.2, 0.5], [0.2, 1.0, 0.7], [0.5, 0.7, 1.0]], cmap="Blues")
ax.set_xticks(range(3), labels)
ax.set_yticks(range(3), labels)
ax.set_title("Correlations")
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    sources = {
        "lines": LINES,
        # The first line scaled by 1.8: the autoscaled y-axis follows it, every line of the plot moves.
        "lines_scaled_copy": LINES.replace(
            "30.0, 50.0, 40.0, 80.0, 60.0, 70.0", "54.0, 90.0, 72.0, 144.0, 108.0, 126.0"
        )
        + COPY,
        # The other line recoloured: with the first one scaled its pixels moved too; alone they lie apart from
        # an extra line.
        "lines_scaled_recoloured": LINES.replace(
            "30.0, 50.0, 40.0, 80.0, 60.0, 70.0", "54.0, 90.0, 72.0, 144.0, 108.0, 126.0"
        ).replace("#dd8452", "#8b0000"),
        "lines_recoloured_copy": LINES.replace("#dd8452", "#8b0000") + COPY,
        "lines_recoloured_copy_inside": LINES.replace("#dd8452", "#8b0000") + COPY_INSIDE,
        # The y-axis turned log, with the legend moved or the second line dropped.
        "lines_log_legend": LINES.replace('loc="upper left"', 'loc="lower right"') + "ax.set_yscale('log')\n",
        "lines_log_dropped": LINES.replace(
            'ax.plot([1, 2, 3, 4, 5, 6], [20.0, 25.0, 22.0, 30.0, 28.0, 26.0], color="#dd8452", label="orders")\n', ""
        )
        + "ax.set_yscale('log')\n",
        # The second line drawn as bars, the first one recoloured: the bars fill the plot under it.
        "lines_retyped_recoloured": LINES.replace(
            "ax.plot([1, 2, 3, 4, 5, 6], [20.0, 25.0", "ax.bar([1, 2, 3, 4, 5, 6], [20.0, 25.0"
        ).replace("#4c72b0", "#8b0000"),
        "bars": BARS,
        # One bar series shrunk under a y range set narrower (the axis stretched the bars up to their new tops,
        # the values' change lies just above them) or wider (both moved the tops down over the same pixels).
        "grouped": GROUPED,
        "grouped_shrunk_narrowed": SHRUNK + "ax.set_ylim(0, 60)\n",
        "grouped_shrunk_widened": SHRUNK + "ax.set_ylim(0, 120)\n",
        # Bars scaled under their copy: the bars' insides stay put, only their tops move.
        "bars_scaled_copy": BARS.replace("30.0, 50.0, 40.0, 80.0", "54.0, 90.0, 72.0, 144.0") + BAR_COPY,
        # Every bar scaled and recoloured: the autoscaled axis keeps the bars in place (the change shows on
        # its tick labels), or one bar shrunk (its change shows where its top was): apart from the new colour.
        # One bar grown and recoloured: its new pixels are the recoloured ones, one place.
        "bars_scaled_recoloured": BARS.replace("30.0, 50.0, 40.0, 80.0", "54.0, 90.0, 72.0, 144.0").replace(
            "#4c72b0", "#8b0000"
        ),
        "bars_shrunk_recoloured": BARS.replace("50.0, 40.0, 80.0", "20.0, 40.0, 80.0").replace("#4c72b0", "#8b0000"),
        "bars_shrunk_narrowed": BARS.replace("50.0, 40.0, 80.0", "20.0, 40.0, 80.0").replace(
            'color="#4c72b0"', 'color="#4c72b0", width=0.5'
        ),
        "bars_grown_recoloured": BARS.replace("50.0, 40.0, 80.0", "70.0, 40.0, 80.0").replace("#4c72b0", "#8b0000"),
        # The only series dropped: its legend is left with no entries (where the empty frame sits shows nothing).
        "one_label": LINES.replace(', label="orders"', ""),
        # (its empty frame placed elsewhere: nothing shows there)
        "one_label_dropped": LINES.replace(', label="orders"', "")
        .replace(
            'ax.plot([1, 2, 3, 4, 5, 6], [30.0, 50.0, 40.0, 80.0, 60.0, 70.0], color="#4c72b0", label="visits")\n', ""
        )
        .replace('loc="upper left"', 'loc="lower right"'),
        # A wider range set on bars: they shorten, the change shows where their tops were; their fill recoloured
        # lies apart, their outline recoloured lies on the moved tops.
        "bars_wider_recoloured": BARS.replace("#4c72b0", "#8b0000") + "ax.set_ylim(0, 170)\n",
        "bars_edged": BARS.replace('color="#4c72b0"', 'color="#4c72b0", edgecolor="white", linewidth=2'),
        "bars_edged_wider": BARS.replace('color="#4c72b0"', 'color="#4c72b0", edgecolor="#8b0000", linewidth=2')
        + "ax.set_ylim(0, 170)\n",
        "timeline": TIMELINE,
        # Two labels swapped while the value axis turned log: the labels moved up or down, and traded columns.
        "timeline_swapped_log": TIMELINE.replace('"v1.0", "v1.1"', '"v1.1", "v1.0"') + "ax.set_yscale('log')\n",
        "bar_errors": BAR_ERRORS,
        # One array drawn twice (bars and their error bars) changed at one place: one value, one item.
        "bar_errors_changed": BAR_ERRORS.replace("means = [30.0, 50.0, 40.0]", "means = [30.0, 65.0, 40.0]"),
        "heatmap": HEATMAP,
        # One label list on both axes: two labels swapped, or one misspelt.
        "heatmap_swapped": HEATMAP.replace('["north", "south", "east"]', '["south", "north", "east"]'),
        "heatmap_typo": HEATMAP.replace('"east"]', '"eats"]'),
        # The x labels alone changed (another list on the y-axis): one axis, one item.
        "heatmap_x_only": HEATMAP.replace(
            "ax.set_xticks(range(3), labels)", "ax.set_xticks(range(3), ['a', 'b', 'c'])"
        ),
    }
    yield render_charts(sources)


def items(charts: dict[str, Rendering], ref: str, cand: str) -> list[tuple[str, int]]:
    judgment = SceneJudge().judge(Task.CHART, charts[ref], charts[cand])
    assert judgment.status.value == "ok", judgment.reason
    return sorted((d.category, d.severity) for d in judgment.discrepancies)


def test_a_change_that_moved_the_limits_is_one_place_with_the_lines_it_moved(charts: dict[str, Rendering]) -> None:
    # The scaled line moved the y-axis' limits: every line moved, the copy's pixels lie on its change.
    got = items(charts, "lines", "lines_scaled_copy")
    assert got == [("data_error", 3)], got


def test_a_line_recoloured_where_new_limits_moved_it_is_one_place_with_that_change(
    charts: dict[str, Rendering],
) -> None:
    assert items(charts, "lines", "lines_scaled_recoloured") == [("data_error", 3)]
    # The extra line below the others moved the limits too: every line moved, the recoloured one with them.
    assert items(charts, "lines", "lines_recoloured_copy") == [("data_error", 3)]
    # Without a change that moved the limits, the recoloured line and the extra line lie apart.
    got = items(charts, "lines", "lines_recoloured_copy_inside")
    assert len(got) == 2 and ("data_error", 3) in got, got


def test_bars_moved_by_new_limits_keep_their_insides_so_an_extra_bar_series_stays_apart(
    charts: dict[str, Rendering],
) -> None:
    got = items(charts, "bars", "bars_scaled_copy")
    assert len(got) == 2, got


def test_a_legend_moved_shows_apart_from_an_axis_read_another_way(charts: dict[str, Rendering]) -> None:
    # The axis moves the marks, not the legend: two places, two items.
    got = items(charts, "lines", "lines_log_legend")
    assert got == [("structure_error", 2), ("style_error", 1)], got


def test_a_series_gone_that_moved_the_limits_is_one_place_with_an_axis_turned_log(
    charts: dict[str, Rendering],
) -> None:
    # The lower line gone moved the autoscaled limits: the other line moved with it, as the log scale moved
    # it (the truth's changed pixels of the two edits lie on each other: one item).
    got = items(charts, "lines", "lines_log_dropped")
    assert got == [("data_error", 3)], got


def test_a_series_drawn_as_bars_is_one_place_with_the_looks_of_the_marks_it_lies_under(
    charts: dict[str, Rendering],
) -> None:
    judgment = SceneJudge().judge(Task.CHART, charts["lines"], charts["lines_retyped_recoloured"])
    [d] = judgment.discrepancies
    assert (d.category, d.severity) == ("structure_error", 3), d
    assert "colour" in d.description, d.description


def test_values_that_show_apart_from_the_new_colour_of_their_bars_are_two_items(
    charts: dict[str, Rendering],
) -> None:
    # Scaled with the autoscaled axis (the bars stay put: the change is on the tick labels) or shrunk (the
    # change is where the tops were): the recolouring is its own item.
    for cand in ("bars_scaled_recoloured", "bars_shrunk_recoloured"):
        got = items(charts, "bars", cand)
        assert [c for c, _ in got] == ["data_error", "style_error"], (cand, got)
    # Bars narrowed: their outlines moved, as the shrunk bar's top did: one place.
    assert len(items(charts, "bars", "bars_shrunk_narrowed")) == 1
    # A bar grown: its change lies on the recoloured bar, one place.
    got = items(charts, "bars", "bars_grown_recoloured")
    assert len(got) == 1, got


def test_one_label_list_changed_on_both_axes_of_a_heatmap_is_one_item(charts: dict[str, Rendering]) -> None:
    assert items(charts, "heatmap", "heatmap_swapped") == [("text_error", 3)]
    assert items(charts, "heatmap", "heatmap_typo") == [("text_error", 1)]
    judgment = SceneJudge().judge(Task.CHART, charts["heatmap"], charts["heatmap_typo"])
    assert "x- and y-axis tick labels" in judgment.discrepancies[0].location
    # Only one axis' labels changed: the other axis adds nothing.
    assert [c for c, _ in items(charts, "heatmap", "heatmap_x_only")] == ["text_error"]


def test_a_legend_left_empty_by_a_series_gone_is_not_a_legend_moved(charts: dict[str, Rendering]) -> None:
    # The line and its legend entry are missing content (they pile up); no legend moved is seen.
    got = items(charts, "one_label", "one_label_dropped")
    assert got and all(c == "data_error" for c, _ in got), got


def test_error_bars_drawn_on_the_bars_values_move_with_them(charts: dict[str, Rendering]) -> None:
    got = items(charts, "bar_errors", "bar_errors_changed")
    assert got == [("data_error", 3)], got


def test_a_wider_range_on_bars_lies_apart_from_their_new_fill_but_not_from_their_new_outline(
    charts: dict[str, Rendering],
) -> None:
    got = items(charts, "bars", "bars_wider_recoloured")
    assert [c for c, _ in got] == ["data_error", "style_error"], got
    got = items(charts, "bars_edged", "bars_edged_wider")
    assert len(got) == 1, got


def test_two_labels_that_traded_places_read_swapped_where_the_value_axis_moved_them(
    charts: dict[str, Rendering],
) -> None:
    got = items(charts, "timeline", "timeline_swapped_log")
    assert ("text_error", 3) in got and ("structure_error", 2) in got, got


def test_an_axis_range_beside_changed_values_is_one_place_only_where_the_moved_ends_overlap(
    charts: dict[str, Rendering],
) -> None:
    # Narrowed: the range moved the shrunk bars' tops up, their values' change lies above the new tops: apart
    # (the truth's changed pixels only touch), two items.
    got = items(charts, "grouped", "grouped_shrunk_narrowed")
    assert got == [("data_error", 2), ("data_error", 3)], got
    # Widened: both moved the same tops down, over the same pixels: one item.
    got = items(charts, "grouped", "grouped_shrunk_widened")
    assert len(got) == 1, got


IMAGE_STAR = """
import matplotlib.pyplot as plt
import numpy as np
fig, ax = plt.subplots(figsize=(6, 4))
grid = np.add.outer(np.arange(20), np.arange(30)) % 7
ax.imshow(grid, origin="lower", extent=(0, 30, 20, 60), cmap="viridis", aspect="auto")
ax.plot(12, 40, marker="*", color="black", markersize=12)
"""


def test_limits_set_wider_beside_a_series_added_where_marks_cannot_be_painted_are_one_place() -> None:
    # An image under the marks: the painting tells no place. The wider range moved every mark, the copy's too
    # (as any axis change with what else changed its marks): one item, not the range apart.
    charts = render_charts(
        {
            "map": IMAGE_STAR,
            "copy_wider": IMAGE_STAR + 'ax.plot(12, 40, marker="*", color="#ff7f0e", markersize=12)\n'
            "ax.set_ylim(20, 100)\n",
        }
    )
    found = SceneJudge().judge(Task.CHART, charts["map"], charts["copy_wider"]).discrepancies
    assert [(d.category, d.severity) for d in found] == [("data_error", 3)], found
    assert "range" in found[0].description


PLAN_ACTUAL = """
import matplotlib.pyplot as plt
import numpy as np
x = np.arange(5)
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(x - 0.2, [20.0, 24.0, 22.0, 26.0, 48.0], 0.4, color="#4c72b0", label="plan")
ax.bar(x + 0.2, [40.0, 44.0, 42.0, 46.0, 45.0], 0.4, color="#dd8452", label="actual")
ax.set_ylim(0, 90)
ax.legend(loc="upper left")
"""


def test_a_legend_moved_off_the_changed_marks_stays_apart_from_them() -> None:
    # The scaled bars' extent reaches the legend's boxes, but their changed tops lie elsewhere: measured as the
    # truth measures (the painted change against the legend's boxes), two items.
    charts = render_charts(
        {
            "bars": PLAN_ACTUAL,
            "scaled_moved": PLAN_ACTUAL.replace(
                "[20.0, 24.0, 22.0, 26.0, 48.0]", "[30.0, 36.0, 33.0, 39.0, 72.0]"
            ).replace('loc="upper left"', 'loc="center left"'),
        }
    )
    found = SceneJudge().judge(Task.CHART, charts["bars"], charts["scaled_moved"]).discrepancies
    got = sorted((d.category, d.severity) for d in found)
    assert got == [("data_error", 3), ("style_error", 1)], found


TWIN_NAMED = """
import matplotlib.pyplot as plt
NAME = "current"
fig, ax = plt.subplots(figsize=(7, 4))
a, = ax.plot([0, 1, 2, 3], [4.2, 3.9, 3.7, 3.2], color="#1f77b4", label="voltage")
ax2 = ax.twinx()
b, = ax2.plot([0, 1, 2, 3], [1.0, 1.2, 1.1, 0.9], color="#d62728", label=NAME)
ax2.set_ylabel(NAME)
ax.legend(handles=[a, b], loc="lower left", bbox_to_anchor=(0, 1.01), ncol=2)
ax.set_title("cell discharge test", loc="right")
fig.tight_layout()
"""


def test_texts_reworded_alike_apart_do_not_cover_a_text_between_them() -> None:
    # One name reworded in a legend entry (above the plot, left) and the twin's axis label (right): one item,
    # whose members' boxes, not their union's, tell where it lies; the title between them, reworded too, is its
    # own item.
    charts = render_charts(
        {
            "named": TWIN_NAMED,
            "renamed": TWIN_NAMED.replace('NAME = "current"', 'NAME = "volume"').replace(
                '"cell discharge', '"usage discharge'
            ),
        }
    )
    found = SceneJudge().judge(Task.CHART, charts["named"], charts["renamed"]).discrepancies
    assert [(d.category, d.severity) for d in found] == [("text_error", 2), ("text_error", 2)], found
