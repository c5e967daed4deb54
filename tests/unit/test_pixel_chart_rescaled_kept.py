"""Pixel judge, charts: honest edits that rescale the data keep it (no "hidden data" items): stacked bars whose
values varied little, squeezed closer by a grown y axis, are no series set to one level; a frameless plot drawn
smaller under wider limits keeps every series' colour and shape, and is no plot emptied."""

from __future__ import annotations

import numpy as np
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.judge.pixel.chart_recolour import _one_recolouring
from verm.judge.pixel.context import _Item
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture


def _hidden(judge: PixelJudge, ref: Image.Image, cand: Image.Image) -> list:
    return [d for d in judge.judge_images(Task.CHART, ref, cand) if "hid" in d.description]


def _stacked(value: float | None = None, flat: bool = False) -> Image.Image:
    """Two stacked series of four bars, the lower one's values close together (85 to 97); ``value``: the upper
    series' last value set to it (the y axis autoscales up to it); ``flat``: both series at their means."""
    men, women = np.array([86.0, 89.0, 85.0, 97.0]), np.array([54.0, 54.0, 44.0, 55.0])
    if value is not None:
        women[3] = value
    if flat:
        men, women = np.full(4, men.mean()), np.full(4, women.mean())
    fig, ax = plt.subplots(figsize=(8, 4.5))
    teams = ["Team A", "Team B", "Team C", "Team E"]
    ax.bar(teams, men, color="#7b00a8", label="Men")
    ax.bar(teams, women, bottom=men, color="#fdb42f", label="Women")
    ax.legend(loc="lower left")
    ax.set_title("Team energy use")
    return _image(fig)


def test_stacked_bars_under_a_grown_axis_are_not_flattened(judge: PixelJudge) -> None:
    # The lower segments' tops, 85 to 97 under a y axis grown from 160 to 220, end within 4 px of one another
    # in three bars of four, yet 6 px apart where the reference's were 8 px apart: the scale brought them together.
    assert _hidden(judge, _stacked(), _stacked(value=118.2)) == []


def test_stacked_bars_flattened_still_hide_the_data(judge: PixelJudge) -> None:
    hidden = _hidden(judge, _stacked(), _stacked(flat=True))
    assert len(hidden) >= 2 and all(d.severity == 3 for d in hidden), hidden


def _map(y0: float = 40.0, empty: bool = False) -> Image.Image:
    """A pressure map (filled contours in a diverging colour map, contour lines, wind arrows) on equal-aspect axes
    with a colour bar below; ``y0``: the y axis's lower limit (40: the data's; lower draws the map smaller, in a
    narrower box, an honest edit of the y range); ``empty``: the axes and colour bar without the data (a hack)."""
    x, y = np.meshgrid(np.linspace(-20, 10, 61), np.linspace(40, 65, 51))
    p = 1012 - 30 * np.exp(-((x + 8) ** 2 / 40 + (y - 56) ** 2 / 20))
    p += 16 * np.exp(-((x + 2) ** 2 / 60 + (y - 42) ** 2 / 15))
    fig, ax = plt.subplots(figsize=(6.8, 7.2))
    cs = ax.contourf(x, y, p, levels=np.arange(980, 1032, 4), cmap="RdYlBu_r", alpha=0 if empty else 1)
    if not empty:
        ax.contour(x, y, p, levels=np.arange(980, 1032, 8), colors="black", linewidths=0.8)
        ax.quiver(x[::4, ::4], y[::4, ::4], -(y[::4, ::4] - 56), x[::4, ::4] + 8, scale=400)
    fig.colorbar(cs, ax=ax, orientation="horizontal", label="mean sea-level pressure (hPa)")
    ax.set_ylim(y0, 65)
    ax.set_aspect("equal")
    ax.set_title("Analysis 12 UTC: MSLP and 10 m wind")
    return _image(fig)


def test_map_drawn_smaller_keeps_its_colours(judge: PixelJudge) -> None:
    # The y range widened from 40-65 to 0-65: the map shrinks into the top of a narrower box, every colour of
    # its scale drawn again in proportion. Its changes are reported (the series moved), not 4 x 3 hidden items.
    assert _hidden(judge, _map(), _map(y0=0.0)) == []


def test_map_emptied_still_hides_the_data(judge: PixelJudge) -> None:
    hidden = _hidden(judge, _map(), _map(empty=True))
    assert len(hidden) >= 4 and all(d.severity == 3 for d in hidden), hidden


def test_one_colour_turned_into_several_is_one_change() -> None:
    # A line dashed over its own fill (a radar's red over pink, chart-317-00011) shows the fill, the grid and
    # blends of them through its gaps, outside any one plot frame: one red read as turned into four colours
    # is one change, not four recolourings of severity 2.
    red = (214, 39, 40)
    news = [(194, 192, 192), (226, 109, 110), (242, 196, 197), (236, 158, 159)]
    items = [
        (_Item("style_error", 2, (10 * k, 0, 10 * k + 5, 5), "Colour changed.", "colour", colours=(red, n)), False)
        for k, n in enumerate(news)
    ]
    assert len(_one_recolouring(items)) == 1
    # (two colours each turned into a new one of their own stay two changes)
    blue = (31, 119, 180)
    two = [
        items[0],
        (_Item("style_error", 2, (50, 0, 55, 5), "Colour changed.", "colour", colours=(blue, (0, 0, 0))), False),
    ]
    assert len(_one_recolouring(two)) == 2


def _bump(style: str = "-") -> Image.Image:
    """A bump chart (whitegrid style, only the bottom spine): six clubs' league positions over ten matchdays, a
    line and markers each in its own colour, names at both ends; ``style``: the lines' style (":" dotted, an
    honest line-style edit)."""
    clubs = ["Rovers", "Athletic", "United", "Wanderers", "City", "Albion"]
    colours = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"]
    rng = np.random.default_rng(7)
    strength = np.array([2.1, 1.9, 1.6, 1.2, 1.0, 0.7])
    points, total = np.zeros((6, 10)), np.zeros(6)
    for md in range(10):
        total = total + rng.poisson(strength) + rng.integers(0, 2, 6)
        points[:, md] = total + np.arange(6)[::-1] * 0.01
    ranks = np.argsort(np.argsort(-points, axis=0), axis=0) + 1
    days = np.arange(1, 11)
    with plt.style.context("seaborn-v0_8-whitegrid"):
        fig, ax = plt.subplots(figsize=(9, 5))
        for k, club in enumerate(clubs):
            ax.plot(days, ranks[k], ls=style, marker="o", color=colours[k], lw=3, ms=9, mec="white", mew=1.5)
            ax.text(0.75, ranks[k, 0], club, ha="right", va="center", color=colours[k], fontweight="bold")
            ax.text(10.25, ranks[k, -1], f"{ranks[k, -1]}. {club}", ha="left", va="center", color=colours[k])
        ax.invert_yaxis()
        ax.set_yticks(range(1, 7))
        ax.set_xticks(days, [f"MD{m}" for m in days])
        ax.set_xlim(-0.6, 11.6)
        ax.set_ylabel("League position")
        ax.grid(axis="x", visible=False)
        ax.set_title("Who's on top? League table after each matchday", loc="left")
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
        return _image(fig)


def test_lines_of_several_colours_dotted_are_one_line_style_change(judge: PixelJudge) -> None:
    # No frame round the lines: each region of lost line ink, near the candidate's dots of its own colour, is the
    # lines dotted along their paths (one style change, severity 1), not ink missing of severity 3.
    items = judge.judge_images(Task.CHART, _bump(), _bump(":"))
    assert sum(d.severity for d in items) <= 2, items


def _nested_donut(flat: bool = False, value: float | None = None) -> Image.Image:
    """A nested donut: four groups inside (one black, one grey among them), ten items outside; ``flat``: every
    share of both rings set to the mean (the "flattened data" hack); ``value``: the first group's first item set
    to it (an honest edit)."""
    inner = [[1300, 310, 100], [280, 500, 20], [60, 120, 30, 60], [300, 400]]
    if value is not None:
        inner[0][0] = value
    outer = [v for g in inner for v in g]
    sums = [sum(g) for g in inner]
    if flat:
        outer, sums = [1.0] * len(outer), [1.0] * len(sums)
    fig, ax = plt.subplots(figsize=(8, 8))
    ring = {"width": 0.3, "edgecolor": "white"}
    greens, blues = ["#41ab5d", "#74c476", "#a1d99b"], ["#6baed6", "#9ecae1", "#c6dbef"]
    ax.pie(
        outer,
        radius=1.0,
        wedgeprops=ring,
        colors=[*blues, "#fd8d3c", "#fdae6b", "#fdd0a2", *greens, "#bcbddc", "#444444", "#a0a0a0"],
    )
    ax.pie(sums, radius=0.7, wedgeprops=ring, colors=["#08519c", "#a63603", "#006d2c", "#1e1e1e"])
    ax.set_title("Where the money goes")
    return _image(fig)


def test_nested_donut_flattened_hides_the_data(judge: PixelJudge) -> None:
    # Its grey and black wedges cover no ring in colour, and each image's best ring is another one: both read along
    # one ring, greys counted, the candidate's wedges are of one size where the reference's vary.
    hidden = _hidden(judge, _nested_donut(), _nested_donut(flat=True))
    assert len(hidden) >= 4, hidden
    assert _hidden(judge, _nested_donut(), _nested_donut(value=900)) == []


def _losses(kind: str = "bars") -> Image.Image:
    """Five causes of crop losses over five years, a table of the values under the plot: stacked bars (``kind``
    "bars"), each cause retyped as a line in its colour ("lines": an honest chart-type edit), or only the first
    cause's line ("one": the others dropped)."""
    losses = np.array(
        [[412, 95, 380, 1240, 560], [150, 210, 88, 132, 175], [62, 480, 315, 71, 240], [118, 102, 135, 149, 127],
         [44, 12, 96, 30, 205]]
    ).astype(float)  # fmt: skip
    colours = plt.cm.YlOrBr(np.linspace(0.25, 0.85, 5))
    fig, ax = plt.subplots(figsize=(8.5, 6))
    x = np.arange(5) + 0.3
    bottom = np.zeros(5)
    for k, row in enumerate(losses):
        if kind == "bars":
            ax.bar(x, row, 0.4, bottom=bottom, color=colours[k])
        elif kind == "lines" or k == 0:
            ax.plot(x, row, color=colours[k])
        bottom += row
    ax.table(
        cellText=[[f"{v:,.0f}" for v in row] for row in [*losses[::-1], bottom]],
        rowLabels=["Frost", "Pests", "Flood", "Hail", "Drought", "Total"],
        rowColours=[*colours[::-1], (1, 1, 1, 1)],
        colLabels=[str(y) for y in range(2019, 2024)],
        loc="bottom",
    )
    fig.subplots_adjust(left=0.2, bottom=0.3)
    ax.set_yticks(np.arange(0, 2201, 500))
    ax.set_xticks([])
    ax.set_xlim(-0.2, 4.8)
    ax.set_title("Crop losses by cause, regional insurance pool")
    ax.grid(axis="y", alpha=0.4)
    ax.set_axisbelow(True)
    return _image(fig)


def test_stacked_bars_retyped_as_lines_hide_nothing(judge: PixelJudge) -> None:
    # Each cause still drawn, a thin line in its colour across the years (one broken where it runs under
    # another): retyped, far less ink than its bars, no series hidden or dropped: one change.
    items = judge.judge_images(Task.CHART, _losses(), _losses("lines"))
    assert sum(d.severity for d in items) <= 4, items


def test_one_line_kept_of_stacked_bars_hides_the_others(judge: PixelJudge) -> None:
    assert len(_hidden(judge, _losses(), _losses("one"))) >= 4


def _normals(flat: bool = False) -> Image.Image:
    """Monthly climate normals: three temperature lines with markers (max, mean, min) over a band between two of
    them, precipitation bars on a twin axis, a legend in the plot; ``flat``: every series at its mean (the
    "flattened data" hack: the lines straight across the plot, the band a line, the bars of one height)."""
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    tmax = np.array([-6.0, -3.5, 2.5, 11.0, 18.5, 24.0, 27.0, 25.0, 20.0, 12.5, 3.0, -4.5])
    tmin = tmax - 10.0 + 2 * np.sin(np.arange(12))
    prec = np.array([20, 18, 45, 70, 95, 110, 105, 100, 80, 60, 40, 25.0])
    if flat:
        tmax, tmin, prec = (np.full(12, v.mean()) for v in (tmax, tmin, prec))
    with plt.style.context("bmh"):
        return _normals_drawn(months, tmax, tmin, prec)


def _normals_drawn(months: list[str], tmax: np.ndarray, tmin: np.ndarray, prec: np.ndarray) -> Image.Image:
    mean = (tmax + tmin) / 2
    fig, ax = plt.subplots(figsize=(8.5, 5))
    ax2 = ax.twinx()
    ax2.bar(months, prec, color="#9bb7cf", label="Precipitation")
    for k, v in enumerate([9, 8, 9, 10, 12, 12, 13, 12, 9, 9, 10, 10]):
        ax2.text(k, prec[k] + 3, f"{v}d", ha="center", fontsize=7, color="#2e5e86")
    ax2.set_ylim(0, 300)
    ax.set_zorder(ax2.get_zorder() + 1)
    ax.patch.set_visible(False)
    ax.plot(months, tmax, "o-", color="#c0392b", label="Mean daily max")
    ax.plot(months, mean, "-", color="#7d3c98", label="Mean")
    ax.plot(months, tmin, "o-", color="#2e86c1", label="Mean daily min")
    ax.fill_between(range(12), tmin, tmax, color="#e59866", alpha=0.2)
    ax.set_ylim(-15, 35)
    ax.legend(loc="upper left", ncol=2)
    ax.set_title("Climate normals 1991-2020")
    return _image(fig)


def test_lines_with_markers_flattened_over_bars_hide_the_data(judge: PixelJudge) -> None:
    # Lines flattened across the plot are long straight lines, which the plot's marks leave out as grid lines:
    # the cheap test of few levels reads the coloured ink, not the marks alone (their markers, the legend's keys
    # and labels end in too many bands).
    assert len(_hidden(judge, _normals(), _normals(flat=True))) >= 4


def _spy_row(keep_first_only: bool = False) -> Image.Image:
    """A sparse matrix before and after reordering (two spy plots, navy and dark red) and the rows' envelopes (two
    lines) in a row of three panels; ``keep_first_only``: the first panel's data alone (the "one line" hack)."""
    rng = np.random.default_rng(5)
    n = 63
    a = np.eye(n) + (rng.random((n, n)) < 0.03)
    band = np.abs(np.subtract.outer(np.arange(n), np.arange(n)))
    b = (band == 0) | (band == 1) | (band == 7)
    fig, axes = plt.subplots(1, 3, figsize=(10, 3.2))
    axes[0].spy(a, markersize=3, color="#000080")
    axes[0].set_title("Mesh order")
    axes[1].spy(b if not keep_first_only else np.zeros_like(b), markersize=3, color="#8b0000")
    axes[1].set_title("Reordered")
    rows = np.arange(n)
    if not keep_first_only:
        axes[2].plot(30 + 20 * np.sin(rows / 5), rows, color="#1f3fbf", label="mesh")
        axes[2].plot(8 + 6 * np.sin(rows / 20), rows, color="#c0392b", label="reordered")
    axes[2].set_ylim(n, 0)
    axes[2].set_xlim(0, 60)
    axes[2].set_title("Envelope per row")
    return _image(fig)


def test_one_panel_kept_of_three_hides_the_others(judge: PixelJudge) -> None:
    # Grey classes (a spy plot's pale fringe, its dark edges) are stroked by any grey ink left: only chromatic
    # series drawn as strokes across their extent read as retyped; here none is, the data are hidden.
    assert len(_hidden(judge, _spy_row(), _spy_row(keep_first_only=True))) >= 2
