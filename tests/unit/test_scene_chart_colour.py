"""How much a chart's colour change weighs, as the bench's ground truth reads it: a strong recolouring is 2 when it
covers at least half of its plot (measured on the images when they are at hand) or now looks like another series
that kept its colour (a series is never "another series" to itself); colours that encode values differ on some
members only when the new colours are the map's own (values moved), another colour map otherwise."""

from __future__ import annotations

import colorsys
from collections.abc import Iterator

import matplotlib
import pytest
from tests.conftest import bar_chart, render_charts

from verm.judge.scene import SceneJudge
from verm.judge.scene.chart.looks import another_colour_map
from verm.types import Discrepancy, Rendering, Task

# One line over a faint grid: the line is all the plot shows (the grid is too light to count as ink).
WAVE = """
import matplotlib.pyplot as plt
import numpy as np
fig, ax = plt.subplots(figsize=(6.4, 4.8))
x = np.linspace(0, 6.28, 100)
ax.plot(x, 0.9 * np.cos(x), color="{c}", linewidth=2)
ax.grid(alpha=0.3)
ax.set_title("Waveforms")
"""

# Two stacked bands: the lower one fills most of the plot, so the upper one is what stands out in it.
STACK = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(7, 5))
years = [2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014]
ax.stackplot(years, [28, 34, 35, 32, 41, 40, 47, 44, 52], [11, 25, 16, 13, 6, 9, 11, 5, 5],
             labels=["A", "B"], colors=["#a1c9f4", "{c}"], alpha=0.85)
ax.set_xlim(years[0], years[-1])
ax.legend(loc="center left")
"""


@pytest.fixture(scope="module")
def charts() -> Iterator[dict[str, Rendering]]:
    yield render_charts(
        {
            "bar": bar_chart(),
            "bar_purple": bar_chart(c0="#9467bd"),
            "bar_green": bar_chart(c0="#2ca02c"),
            "wave": WAVE.replace("{c}", "#1f77b4"),
            "wave_olive": WAVE.replace("{c}", "#bcbd22"),
            "stack": STACK.replace("{c}", "#ffb482"),
            "stack_blue": STACK.replace("{c}", "#00bfff"),
        }
    )


def judged(charts: dict[str, Rendering], ref: str, cand: str) -> list[Discrepancy]:
    judgment = SceneJudge().judge(Task.CHART, charts[ref], charts[cand])
    assert judgment.status.value == "ok", judgment.reason
    return judgment.discrepancies


def test_one_bar_of_four_recoloured_to_a_colour_of_its_own_is_a_small_change(charts: dict[str, Rendering]) -> None:
    # Purple is far from blue, but no other bar is purple: one bar of four, nothing to mistake it for.
    [d] = judged(charts, "bar", "bar_purple")
    assert (d.category, d.severity) == ("style_error", 1)
    assert "#9467bd" in d.description and "#1f77b4" in d.description


def test_one_bar_recoloured_like_another_bar_is_2(charts: dict[str, Rendering]) -> None:
    # Now the first bar looks like the third one (green): a reader takes it for that series.
    [d] = judged(charts, "bar", "bar_green")
    assert (d.category, d.severity) == ("style_error", 2)


def test_the_only_line_recoloured_covers_its_plot(charts: dict[str, Rendering]) -> None:
    [d] = judged(charts, "wave", "wave_olive")
    assert (d.category, d.severity) == ("style_error", 2)
    # Without the images the scene's estimate is all there is, and the judge still answers.
    scenes = [charts[k].scene for k in ("wave", "wave_olive")]
    [e] = SceneJudge().compare(Task.CHART, *scenes)  # type: ignore[arg-type]
    assert e.category == "style_error"


def test_a_band_recoloured_on_a_stack_covers_what_the_plot_shows(charts: dict[str, Rendering]) -> None:
    found = judged(charts, "stack", "stack_blue")
    assert [(d.category, d.severity) for d in found] == [("style_error", 2)]


def _cmap(name: str, n: int) -> list[str]:
    cmap = matplotlib.colormaps[name]
    return [matplotlib.colors.to_hex(cmap(k / (n - 1))) for k in range(n)]


def _scatter(colours: list[str]) -> dict:
    n = len(colours)
    coll = {"type": "PathCollection", "label": "_child0", "bbox": [0.2, 0.2, 0.8, 0.8], "facecolors": colours,
            "edgecolors": colours, "x": [float(k) for k in range(n)], "y": [float(k % 7) for k in range(n)],
            "sizes": [36.0]}  # fmt: skip
    ax = {"bbox": [0.1, 0.1, 0.9, 0.9], "xlim": [-1, n], "ylim": [-1, 7], "xscale": "linear", "yscale": "linear",
          "collections": [coll], "texts": []}  # fmt: skip
    return {"axes": [ax], "texts": [], "legends": []}


def test_colours_that_encode_values_moved_along_their_map_are_data() -> None:
    viridis = _cmap("viridis", 40)
    moved = list(viridis)
    for k in (3, 11, 20, 31):  # four points' values changed: they take other colours of the same map
        moved[k] = viridis[(k + 17) % 40]
    found = SceneJudge().compare(Task.CHART, _scatter(viridis), _scatter(moved))
    assert [d.category for d in found] == ["data_error"]


def test_colours_that_encode_values_taken_from_another_map_are_style() -> None:
    viridis, plasma = _cmap("viridis", 40), _cmap("plasma", 40)
    # Another colour map: most points take colours the reference's map does not hold (its ends stay near).
    recoloured = [v if k % 4 == 0 else p for k, (v, p) in enumerate(zip(viridis, plasma, strict=True))]
    found = SceneJudge().compare(Task.CHART, _scatter(viridis), _scatter(recoloured))
    assert [d.category for d in found] == ["style_error"]
    assert another_colour_map(viridis[1::4], plasma[1::4], viridis, 10.0)
    assert not another_colour_map(viridis[1::4], viridis[2::4], viridis, 10.0)


def test_a_many_coloured_recolouring_is_as_strong_as_its_members_on_average() -> None:
    viridis = _cmap("viridis", 40)

    # Every member a shade lighter but one far off: a shade on the whole (1), not the one outlier's strength.
    def lighter(c: str, step: float) -> str:
        r, g, b = matplotlib.colors.to_rgb(c)
        h, lum, s = colorsys.rgb_to_hls(r, g, b)
        return matplotlib.colors.to_hex(colorsys.hls_to_rgb(h, min(1.0, lum + step), s))

    shaded = [lighter(c, 0.08) for c in viridis]
    shaded[5] = "#ff0000"
    found = SceneJudge().compare(Task.CHART, _scatter(viridis), _scatter(shaded))
    assert [(d.category, d.severity) for d in found] == [("style_error", 1)]


def _labelled(colour: str, size: float) -> dict:
    """An empty plot with one text of ``colour`` at ``size`` points on it."""
    text = {"text": "0.72", "color": colour, "fontsize": size, "bbox": [0.4, 0.4, 0.45, 0.43]}
    ax = {"bbox": [0.1, 0.1, 0.9, 0.9], "xlim": [0, 1], "ylim": [0, 1], "xscale": "linear", "yscale": "linear",
          "facecolor": "#ffffff", "texts": [text]}  # fmt: skip
    return {"axes": [ax], "texts": [], "legends": []}


def test_small_text_recoloured_by_a_faint_shade_shows_nothing() -> None:
    # White to #e2e2e2 (ΔE 11, 29 on a channel): small text's strokes blend it below what a pixel shows; a title's
    # size shows it, and a stronger shade shows at any size.
    judge = SceneJudge()
    assert judge.compare(Task.CHART, _labelled("#ffffff", 9), _labelled("#e2e2e2", 9)) == []
    assert [d.category for d in judge.compare(Task.CHART, _labelled("#ffffff", 14), _labelled("#e2e2e2", 14))] == [
        "style_error"
    ]
    assert [d.category for d in judge.compare(Task.CHART, _labelled("#ffffff", 9), _labelled("#c8c8c8", 9))] == [
        "style_error"
    ]
