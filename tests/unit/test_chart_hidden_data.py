"""Data pushed out of a plot's view, or squeezed into a sliver, reads as data missing (`chart_view.hidden_share`)."""

from __future__ import annotations

from typing import Any

import numpy as np
from PIL import Image
from tests.conftest import render_charts

from verm.chart_view import figure_hidden_share, hidden_share
from verm.imaging import to_png
from verm.perturb.base import Edit
from verm.perturb.chart import ChartPerturber
from verm.perturb.effect import Effect
from verm.types import Rendering, Task


def _scene(xs: list[float], ys: list[float], xlim: tuple[float, float], **extra: Any) -> dict[str, Any]:
    axes = {"name": "rectilinear", "xlim": list(xlim), "ylim": [0.0, 10.0], "xscale": "linear", "yscale": "linear"}
    axes["lines"] = [{"x": xs, "y": ys}]
    axes.update(extra)
    return {"axes": [axes]}


def test_data_moved_beyond_fixed_limits_is_all_hidden() -> None:
    years = [2001.0, 2002.0, 2003.0, 2004.0]
    moved = [2065.0, 2066.0, 2067.0, 2068.0]
    before = _scene(years, [1, 2, 3, 4], (2001, 2004))
    after = _scene(moved, [1, 2, 3, 4], (2001, 2004))
    assert hidden_share(before, after) == 1.0


def test_a_shift_within_autoscaled_limits_hides_nothing() -> None:
    before = _scene([1, 2, 3, 4], [1, 2, 3, 4], (1, 4))
    after = _scene([2, 3, 4, 5], [1, 2, 3, 4], (2, 5))
    assert hidden_share(before, after) == 0.0


def test_the_share_is_of_the_series_that_showed() -> None:
    # One of two lines loses half its points above the top: a quarter of the plot's data.
    two = [{"x": [0, 1, 2, 3], "y": [1, 2, 3, 4]}, {"x": [0, 1, 2, 3], "y": [5, 5, 5, 5]}]
    cut = [{"x": [0, 1, 2, 3], "y": [1, 2, 30, 40]}, {"x": [0, 1, 2, 3], "y": [5, 5, 5, 5]}]
    before = _scene([], [], (0, 3), lines=two)
    after = _scene([], [], (0, 3), lines=cut)
    assert hidden_share(before, after) == 0.25


def test_values_at_or_below_zero_on_a_log_axis_are_hidden_and_a_dropped_series_is_not() -> None:
    before = _scene([1, 2], [1.0, 5.0], (1, 2))
    after = _scene([1, 2], [-1.0, 5.0], (1, 2))
    after["axes"][0]["yscale"], after["axes"][0]["ylim"] = "log", [1.0, 10.0]
    assert hidden_share(before, after) == 0.5
    dropped = _scene([], [], (1, 2), lines=[])
    assert hidden_share(before, dropped) == 0.0


def test_a_bar_hides_only_when_it_leaves_the_view_whole() -> None:
    bars = [{"x": 0.6, "y": 0.0, "width": 0.8, "height": h} for h in (4.0, 6.0)]
    clipped = [{"x": 0.6, "y": 0.0, "width": 0.8, "height": h} for h in (4.0, 60.0)]
    gone = [{"x": 0.6, "y": 20.0, "width": 0.8, "height": 4.0}, bars[1]]
    before = _scene([], [], (0, 3), lines=[], patches=bars)
    assert hidden_share(before, _scene([], [], (0, 3), lines=[], patches=clipped)) == 0.0
    assert hidden_share(before, _scene([], [], (0, 3), lines=[], patches=gone)) == 0.5


def test_a_line_across_the_axes_stays_in_view_when_the_limits_move() -> None:
    across = [{"x": [0.0, 1.0], "y": [5.0, 5.0]}]
    before = _scene([], [], (0, 3), lines=across)
    after = _scene([], [], (20, 30), lines=across)
    assert hidden_share(before, after) == 0.0


def _effect(before: dict[str, Any], after: dict[str, Any]) -> Effect:
    blank = to_png(Image.new("RGB", (60, 40), "white"))
    r0 = Rendering(task=Task.CHART, png=blank, scene=before)
    r1 = Rendering(task=Task.CHART, png=blank, scene=after)
    return Effect((0.1, 0.1, 0.9, 0.9), r0, r1, np.ones((40, 60), dtype=bool))


def test_an_edit_that_hides_data_is_named_by_what_weighs_more() -> None:
    perturber = ChartPerturber()
    before = _scene([0, 1, 2, 3], [1, 2, 3, 4], (0, 3))
    gone = _scene([70, 71, 72, 73], [1, 2, 3, 4], (0, 3))
    shade = Edit("color", "style_error", 1, "colour of plot()", "drawn in #1f77b5 instead of #1f77b4")
    effect = _effect(before, gone)
    assert perturber.grade(shade, effect) == 3
    category, _, description = perturber.describe(shade, effect)
    assert category == "data_error" and description.startswith("all of the plotted data is out of view")
    # A quarter of the data above a narrowed range: the range's own grade (3, a value cut off) weighs more.
    wide = _scene([0, 1, 2, 3], [1, 2, 3, 40], (0, 3))
    wide["axes"][0]["ylim"] = [0.0, 50.0]
    narrow = _scene([0, 1, 2, 3], [1, 2, 3, 40], (0, 3))
    narrow["axes"][0]["ylim"] = [0.0, 30.0]
    narrowed = Edit("axis_limits", "data_error", 3, "y-axis", "the y-axis range is narrowed by a factor 0.6")
    effect = _effect(wide, narrow)
    assert perturber.grade(narrowed, effect) == 3
    category, _, description = perturber.describe(narrowed, effect)
    assert category == "data_error" and description.startswith("25% of the plotted data is out of view")
    log = Edit("axis_scale", "structure_error", 2, "y-axis", "the y-axis is log instead of linear")
    logged = _scene([0, 1, 2, 3], [-1, 2, 3, 4], (0, 3))
    shown = _scene([0, 1, 2, 3], [-1, 2, 3, 4], (0, 3))
    logged["axes"][0].update(yscale="log", ylim=[1.0, 10.0])
    shown["axes"][0]["ylim"] = [-2.0, 5.0]
    # One point of four at or below 0 drops from a log axis: the log axis (2) weighs as much, it stays named.
    assert perturber.describe(log, _effect(shown, logged))[0] == "structure_error"


def _framed(patches: list[dict[str, Any]], **axes: Any) -> dict[str, Any]:
    """A scene whose axes and bars carry drawn boxes (image fractions), as the renderer writes them."""
    scene = _scene([], [], (0, 3), lines=[], patches=patches, bbox=[0.1, 0.1, 0.9, 0.9])
    scene["axes"][0].update(axes)
    return scene


def test_bars_squeezed_into_slivers_with_their_values_kept_read_as_hidden() -> None:
    """A log y axis from 0 presses a pyramid's bars into the top pixel rows: the limits cannot be read on
    the log axis, the drawn boxes tell. The one bar that stays drawn whole keeps its share."""
    bars = [{"x": 0.0, "y": k - 0.4, "width": 5.0, "height": 0.8} for k in range(4)]
    tall = [dict(b, bbox=[0.1, 0.1 + 0.2 * k, 0.5, 0.26 + 0.2 * k]) for k, b in enumerate(bars)]
    sliver = [dict(b, bbox=[0.1, 0.1, 0.5, 0.1011 if k else 0.9]) for k, b in enumerate(bars)]
    before = _framed(tall)
    after = _framed(sliver, yscale="log", ylim=[0.0, 4.0])
    assert hidden_share(before, after) == 0.75
    # The same slivers drawn from other values are those values (a data edit), not data squeezed away.
    changed = [dict(b, height=0.001) if k else b for k, b in enumerate(sliver)]
    assert hidden_share(before, _framed(changed)) == 0.0


def test_a_line_flattened_against_an_edge_reads_as_hidden_and_a_narrower_one_does_not() -> None:
    line = [{"x": [0, 1, 2, 3], "y": [100.0, 200.0, 300.0, 400.0]}]
    before = _scene([], [], (0, 3), lines=line)
    before["axes"][0].update(yscale="log", ylim=[90.0, 500.0])
    flat = _scene([], [], (0, 3), lines=line)
    flat["axes"][0].update(yscale="log", ylim=[1e-300, 500.0])  # 300 decades: the line's rise in one row
    assert hidden_share(before, flat) == 1.0
    wider = _scene([], [], (0, 3), lines=line)
    wider["axes"][0].update(yscale="log", ylim=[1.0, 500.0])  # a third as tall: still read
    assert hidden_share(before, wider) == 0.0


_SHARED_PANELS = """
import matplotlib.pyplot as plt
import numpy as np

hours = np.arange(0, 24.5, 0.5)
fig, axes = plt.subplots(1, 3, figsize=(9, 3), sharey=True)
for k, ax in enumerate(axes):
    ax.plot(hours, 10 + 3 * k + 4 * np.sin(hours / 4), color="C0")
    ax.plot(hours, 8 + 2 * k + 2 * np.cos(hours / 5), color="C1")
    ax.axhline(16 + k, ls=":", color="C0")
    ax.set_ylim(0, 30)
{log}
"""


def test_a_log_axis_from_zero_presses_every_line_against_the_top_as_matplotlib_draws_it() -> None:
    # matplotlib keeps the scene's limits at (0, 30) and draws 0 at 10^-1000 (`LOG_CLIP`): every line and the
    # level line are pressed into the plot's top pixel row, in all three shared panels. Read as the limits
    # "cannot be read", the share was half (the level lines and the lines' own spreads were not pressed).
    shown = render_charts(
        {
            "linear": _SHARED_PANELS.format(log=""),
            "log": _SHARED_PANELS.format(log="axes[0].set_yscale('log')"),
            "log_above_zero": _SHARED_PANELS.format(log="axes[0].set_yscale('log')\naxes[0].set_ylim(1, 30)"),
        }
    )
    before = shown["linear"].scene
    assert [a["ylim"] for a in before["axes"]] == [[0.0, 30.0]] * 3
    assert hidden_share(before, shown["log"].scene) == 1.0
    assert figure_hidden_share(before, shown["log"].scene) == 1.0
    # A log axis from 1 spreads the same lines over decades: nothing is pressed or hidden.
    assert figure_hidden_share(before, shown["log_above_zero"].scene) == 0.0


def test_the_figure_share_is_the_mean_over_the_axes_that_showed_data() -> None:
    one = [{"x": [0, 1, 2, 3], "y": [1, 2, 3, 4]}]
    away = [{"x": [0, 1, 2, 3], "y": [31, 32, 33, 34]}]
    before = {"axes": [_scene([], [], (0, 3), lines=one)["axes"][0]] * 4}
    after = {"axes": [_scene([], [], (0, 3), lines=away)["axes"][0]] + [before["axes"][0]] * 3}
    assert hidden_share(before, after) == 1.0  # the axes where the most went
    assert figure_hidden_share(before, after) == 0.25


def test_a_log_axis_autoscaled_to_a_tiny_limit_is_no_axis_from_zero() -> None:
    # The scene keeps limits to six significant digits below 1e-3: a log axis from 3e-7 rounded to 0 read as one
    # from 0 (drawn from 10^-1000), every line pressed against its top, where matplotlib spreads it over decades.
    base = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.plot([1, 2, 3, 4], [6e-7, 1e-4, 1e-2, 1.0])
ax.plot([1, 2, 3, 4], [1e-5, 1e-3, 0.1, 0.5])
{log}
"""
    shown = render_charts({"linear": base.format(log=""), "log": base.format(log="ax.set_yscale('log')")})
    low = shown["log"].scene["axes"][0]["ylim"][0]
    assert 0.0 < low < 5e-7
    assert figure_hidden_share(shown["linear"].scene, shown["log"].scene) == 0.0


_SUN_PATHS = """
import numpy as np
import matplotlib.pyplot as plt
fig, ax = plt.subplots(subplot_kw={{"projection": "polar"}})
az = np.linspace(np.pi / 2, 3 * np.pi / 2, 60)
for k, colour in enumerate(["#b2182b", "#ef8a62", "#67a9cf", "#2166ac"]):
    ax.plot(az, 20 + 15 * k + 10 * np.sin(az), color=colour)
ax.scatter([np.pi], [40], color="k")
ax.plot([0.8 * np.pi] * 2, [90, 30], ls="--", color="0.5")  # an hour line, rising from the rim (the horizon)
ax.set_rlim(0, 90)
{log}
"""


def test_a_log_radius_from_zero_presses_every_polar_line_onto_the_rim() -> None:
    # A polar chart's radius turned log keeps its limits at (0, 90): matplotlib draws 0 at 10^-1000, so every sun
    # path lands on the rim, and the picture shows what empty polar axes show. Polar axes were not read at all.
    shown = render_charts(
        {
            "linear": _SUN_PATHS.format(log=""),
            "log": _SUN_PATHS.format(log="ax.set_rscale('log')"),
            "log_above_zero": _SUN_PATHS.format(log="ax.set_rscale('log')\nax.set_rlim(5, 90)"),
            "narrower": _SUN_PATHS.format(log="ax.set_rlim(0, 120)"),
        }
    )
    before = shown["linear"].scene
    assert before["axes"][0]["name"] == "polar" and shown["log"].scene["axes"][0]["yscale"] == "log"
    assert hidden_share(before, shown["log"].scene) == 1.0
    assert figure_hidden_share(before, shown["log"].scene) == 1.0
    # A log radius from 5 spreads the paths over decades, and a wider linear radius only moves them in.
    assert figure_hidden_share(before, shown["log_above_zero"].scene) == 0.0
    assert figure_hidden_share(before, shown["narrower"].scene) == 0.0
