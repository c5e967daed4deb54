"""Pixel judge, charts: the "flattened data" hack (every series at its mean, the chart's look kept) read as
the data hidden, in the forms its bars and lines take: bars filling the plot, a line flattened into one
straight line across it, stacked segments of one length, bars under a legend."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture


def _hidden(judge: PixelJudge, ref: Image.Image, cand: Image.Image) -> list:
    return [d for d in judge.judge_images(Task.CHART, ref, cand) if "hid" in d.description]


def _bars_and_growth(flat: bool = False, growth_scale: float = 1.0, value: float | None = None) -> Image.Image:
    """Wide bars filling most of the plot (their colour outnumbers the white face) with a growth line on a twin
    axis; ``flat``: both series at their means; ``growth_scale``: the line's values scaled (an honest edit);
    ``value``: the fourth bar set to it (an honest edit)."""
    revenue = np.array([5.5, 6.6, 7.3, 9.4, 9.2, 10.2, 8.7, 9.3, 9.4])
    growth = growth_scale * np.array([-1.0, 0.5, 4.6, 1.2, 3.6, 4.4, 1.4, 6.5, 11.0])
    if value is not None:
        revenue[3] = value
    if flat:
        revenue, growth = np.full(9, revenue.mean()), np.full(9, growth.mean())
    fig, ax = plt.subplots(figsize=(9, 5))
    x = np.arange(2015, 2024)
    ax.bar(x, revenue, width=0.8, color="#4c72b0", label="Revenue")
    ax.set_ylim(0, 10.7)
    ax2 = ax.twinx()
    ax2.plot(x, growth, "o-", color="#dd8452", label="Growth")
    ax2.set_ylim(0, 11.7)
    ax.set_title("Revenue and growth")
    return _image(fig)


def test_bars_filling_the_plot_and_a_line_flattened_hide_the_data(judge: PixelJudge) -> None:
    # The bars' blue is the plot's most common colour (alike in both images): the face is read along the frame's
    # inner ring, where the white face shows, not the blue; the line flattened into one straight line across
    # the plot is the series at one level, not a grid line.
    hidden = _hidden(judge, _bars_and_growth(), _bars_and_growth(flat=True))
    assert len(hidden) >= 4 and all(d.severity == 3 and d.category == "data_error" for d in hidden), hidden
    assert "at one level" in hidden[0].description


def test_bars_and_a_line_edited_honestly_hide_nothing(judge: PixelJudge) -> None:
    ref = _bars_and_growth()
    assert _hidden(judge, ref, _bars_and_growth(growth_scale=0.8)) == []
    assert _hidden(judge, ref, _bars_and_growth(value=6.0)) == []


def _stacked(flat: bool = False, value: float | None = None) -> Image.Image:
    """Two stacked series of three bars; ``flat``: each series' heights set to their mean on the reference's own
    bottoms (the hack flattens each call's bars, the second's bottoms stay the first's values); ``value``: the
    first series' first value set to it, the second stacked on it (an honest edit)."""
    low, high = np.array([21.99, 18.13, 17.21]), np.array([28.94, 33.04, 37.37])
    bottom = low.copy()
    if value is not None:
        low[0] = value
        bottom = low.copy()
    if flat:
        low, high = np.full(3, low.mean()), np.full(3, high.mean())
    fig, ax = plt.subplots(figsize=(9, 6))
    days = ["Wed", "Thu", "Fri"]
    ax.bar(days, low, label="Model A", color="#1b9e77")
    ax.bar(days, high, label="Model B", color="#d95f02", bottom=bottom)
    ax.set_ylim(0, 57.5)
    ax.legend(loc="upper left")
    ax.set_title("Active users by day")
    return _image(fig)


def test_stacked_segments_of_one_length_hide_the_data(judge: PixelJudge) -> None:
    # The upper series flattened keeps the lower one's bottoms: its ends vary, its length does not.
    hidden = _hidden(judge, _stacked(), _stacked(flat=True))
    assert len(hidden) >= 4 and all(d.severity == 3 for d in hidden), hidden


def test_one_stacked_value_changed_hides_nothing(judge: PixelJudge) -> None:
    assert _hidden(judge, _stacked(), _stacked(value=15.0)) == []


def _grouped_under_legend(flat: bool = False) -> Image.Image:
    """Three series of grouped bars, a legend over the first two groups' bars; ``flat``: every series at its mean."""
    g1, g2, g3 = (
        np.array([645, 545, 440, 450, 447.0]),
        np.array([278, 278, 460, 380, 424.0]),
        np.array([716, 764, 822, 817, 851.0]),
    )
    if flat:
        g1, g2, g3 = (np.full(5, g.mean()) for g in (g1, g2, g3))
    fig, ax = plt.subplots(figsize=(6, 5))
    x = np.arange(5)
    for k, (g, c) in enumerate(zip((g1, g2, g3), ("#1f77b4", "#aec7e8", "#ff7f0e"), strict=True)):
        ax.bar(x + (k - 1) * 0.27, g, 0.27, color=c, label=f"Group {k + 1}")
    ax.set_ylim(0, 895)
    ax.set_xticks(x, ["Tue", "Wed", "Thu", "Fri", "Sat"])
    ax.legend(loc="center left")
    ax.set_title("Units sold by day")
    return _image(fig)


def test_grouped_bars_flattened_under_a_legend_hide_the_data(judge: PixelJudge) -> None:
    # The legend's keys (in place in both) and the bars under its box keep their ends: read where the ends moved.
    hidden = _hidden(judge, _grouped_under_legend(), _grouped_under_legend(flat=True))
    assert len(hidden) >= 4 and all(d.severity == 3 for d in hidden), hidden


def _heatmap(flat: bool = False, cmap: str = "YlOrRd", scale: float = 1.0) -> Image.Image:
    """A 3 x 12 heatmap with a colour bar, its cells' colours spread over the map, the mean's among them;
    ``flat``: every cell at the mean, the colour scale kept (the hack); ``cmap``, ``scale``: a new colormap, every
    value scaled (honest edits)."""
    data = scale * np.array(
        [
            [5.6, 5.7, 5.7, 5.1, 5.6, 5.3, 6.3, 5.9, 6.0, 6.8, 8.1, 8.8],
            [5.2, 5.4, 5.4, 4.8, 4.8, 4.8, 5.0, 5.7, 6.1, 5.0, 5.4, 4.6],
            [5.9, 6.1, 6.0, 6.8, 7.4, 7.2, 7.9, 8.1, 7.6, 7.4, 7.4, 7.5],
        ]
    )
    lo, hi = data.min(), data.max()
    if flat:
        data = np.full_like(data, data.mean())
    fig, ax = plt.subplots(figsize=(8, 6))
    im = ax.imshow(data, cmap=cmap, vmin=lo, vmax=hi)
    fig.colorbar(im, ax=ax)
    ax.set_yticks(range(3), ["Team A", "Team D", "Team E"])
    ax.set_title("Satisfaction by team and month")
    fig.tight_layout()
    return _image(fig)


def test_a_heatmap_painted_in_one_colour_hides_the_data(judge: PixelJudge) -> None:
    hidden = _hidden(judge, _heatmap(), _heatmap(flat=True))
    assert len(hidden) >= 4 and all(d.severity == 3 for d in hidden), hidden
    assert "one colour" in hidden[0].description


def test_a_heatmap_recoloured_or_rescaled_hides_nothing(judge: PixelJudge) -> None:
    ref = _heatmap()
    assert _hidden(judge, ref, _heatmap(cmap="viridis")) == []
    assert _hidden(judge, ref, _heatmap(scale=1.5)) == []


def _groups(one_colour: bool = False) -> Image.Image:
    """Four series of grouped bars in a colormap's colours; ``one_colour``: every bar drawn in one colour (an
    honest colour edit on a call drawing all four)."""
    vals = np.array([[112, 116, 175, 100], [81, 122, 183, 98], [118, 151, 187, 59], [107, 175, 160, 66.0]])
    colours = ["#ffd700"] * 4 if one_colour else list(plt.colormaps["viridis"](np.linspace(0.25, 0.85, 4)))
    fig, ax = plt.subplots(figsize=(10, 4))
    x = np.arange(4)
    for k in range(4):
        ax.bar(x + (k - 1.5) * 0.2, vals[:, k], 0.2, color=colours[k], label=f"Group {k + 1}")
    ax.legend(loc="upper right")
    ax.set_title("Latency per quarter")
    return _image(fig)


def test_bars_recoloured_in_one_colour_are_no_painted_plot(judge: PixelJudge) -> None:
    # Their heights still read: one colour over bars with the face between them is a recolouring, not a
    # heatmap painted over.
    assert _hidden(judge, _groups(), _groups(one_colour=True)) == []


def _shadowed_pie(flat: bool = False) -> Image.Image:
    """A pie with a shadow on a darkgrid style (its box, and the ring read around the box's centre, shift);
    ``flat``: equal shares (the hack)."""
    energy = [22.9, 22.9, 22.9] if flat else [15.7, 15.5, 37.4]
    with plt.style.context("seaborn-v0_8-darkgrid"):
        fig = plt.figure(figsize=(5, 5))
        ax = fig.add_subplot(111)
        wedges, _ = ax.pie(energy, startangle=90, shadow=True)
        ax.set_title("Segment energy use", fontsize=12)
        ax.legend(wedges, ["Consumer", "Corporate", "Government"], loc="center left", bbox_to_anchor=(1, 0, 0.5, 1))
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=100)
        plt.close(fig)
    return Image.open(buf).convert("RGB")


def test_a_shadowed_pie_of_equal_shares_hides_the_data(judge: PixelJudge) -> None:
    hidden = _hidden(judge, _shadowed_pie(), _shadowed_pie(flat=True))
    assert len(hidden) >= 4 and all(d.severity == 3 for d in hidden), hidden
