"""Pixel judge, charts: small multiples whose panels' data are gone read as the plot's data hidden."""

from __future__ import annotations

import numpy as np
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture


def _panels(kind: str) -> Image.Image:
    """Four panels of one line each; ``kind``: "data" (the reference), "dots" (every line replaced by
    random dots over the same axes), "one gone" (the last panel's line removed)."""
    rng = np.random.default_rng(3)
    x = np.arange(12)
    fig, axs = plt.subplots(2, 2, figsize=(8, 6), sharex=True, sharey=True)
    for k, ax in enumerate(axs.flat):
        ax.set_title(f"region {k + 1}")
        if kind == "dots":
            ax.plot(rng.random(40) * 11, 5 + rng.random(40) * 20, "o", ms=4, color="tab:blue")
        elif kind == "data" or k < 3:
            ax.plot(x, 10 + 3 * k + 4 * np.sin(x / 2 + k), color="tab:blue", marker="o")
        ax.set_xlim(-0.5, 11.5)
        ax.set_ylim(4, 26)
    return _image(fig)


def _hidden(judge: PixelJudge, cand: Image.Image) -> list:
    return [d for d in judge.judge_images(Task.CHART, _panels("data"), cand) if "hid" in d.description]


def test_random_dots_over_every_panel_hide_the_data_by_the_share_gone(judge: PixelJudge) -> None:
    # Dots drawn over each panel follow none of its line: every panel's data are gone, severe items pile up.
    hidden = _hidden(judge, _panels("dots"))
    assert len(hidden) >= 4 and all(d.severity == 3 and d.category == "data_error" for d in hidden), hidden
    # (read subplot by subplot, or, the dots keeping no series' colour, as every mark colour gone)
    assert "4 of its 4 subplots" in hidden[0].description or "mark colours are gone" in hidden[0].description


def test_one_panel_emptied_of_four_is_no_hidden_data(judge: PixelJudge) -> None:
    assert _hidden(judge, _panels("one gone")) == []


def _errorbars(empty: bool) -> Image.Image:
    """Error bars in a style whose axes face is nearly the figure's tint, with a faint dash-dot grid
    and no top or right spine (its frame reads as the canvas's edge); ``empty``: the data hidden."""
    with plt.style.context("Solarize_Light2"):
        fig, ax = plt.subplots(figsize=(8, 6))
        x, mean, sd = [10, 20, 30, 40, 50, 60], [8.7, 16.8, 19.7, 23.8, 32.1, 39.3], [3.2, 1.3, 0.8, 2.6, 3.8, 2.5]
        bars = ax.errorbar(x, mean, yerr=sd, fmt="D", capsize=3, color="goldenrod", elinewidth=1)
        ax.set_title("Market share vs. load", fontsize="large")
        ax.set_xlabel("Load (kg)", fontsize=10)
        ax.set_ylabel("Market share (%)", fontsize=10)
        ax.grid(True, linestyle="-.", linewidth=0.5)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        if empty:
            for artist in bars.get_children():
                artist.set_visible(False)
        return _image(fig)


def test_axes_emptied_in_a_style_without_a_frame_hide_the_data(judge: PixelJudge) -> None:
    # The titles and tick labels around the plot are no data drawn: the empty plot piles up severe items.
    ds = judge.judge_images(Task.CHART, _errorbars(empty=False), _errorbars(empty=True))
    hidden = [d for d in ds if "hid" in d.description]
    assert len(hidden) >= 4 and all(d.severity == 3 and d.category == "data_error" for d in hidden), hidden


def _bars_and_line(diagonal: bool) -> Image.Image:
    """Bars with a line on a twin axis; ``diagonal``: instead, one straight line in the bars' colour
    across fresh axes (a ruler, no data)."""
    fig, ax = plt.subplots(figsize=(9, 6))
    if diagonal:
        ax.plot([0, 1], [0, 1], color="tab:blue")
        return _image(fig)
    months = np.arange(9)
    ax.bar(months, [10.7, 8.2, 8.0, 6.6, 5.4, 6.7, 6.3, 5.4, 6.9], color="tab:blue", alpha=0.8)
    twin = ax.twinx()
    twin.plot(months, [-1.9, -1.3, 1.9, 2.2, -2.0, 0.8, 5.9, 14.4, 12.9], color="darkorange", marker="o")
    return _image(fig)


def test_a_straight_line_in_the_bars_colour_keeps_none_of_them(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _bars_and_line(diagonal=False), _bars_and_line(diagonal=True))
    hidden = [d for d in ds if "hid" in d.description]
    assert len(hidden) >= 4 and all(d.severity == 3 for d in hidden), ds


def _grouped_bars(flat: bool) -> Image.Image:
    """Two series of bars; ``flat``: every bar of a series at the series' mean (the data flattened)."""
    men, women = np.array([7.0, 7.1, 8.5, 9.0]), np.array([5.1, 6.3, 6.1, 6.3])
    if flat:
        men, women = np.full(4, men.mean()), np.full(4, women.mean())
    fig, ax = plt.subplots(figsize=(7, 5))
    x = np.arange(4)
    ax.bar(x - 0.2, men, 0.4, color="tab:blue", label="men")
    ax.bar(x + 0.2, women, 0.4, color="tab:orange", label="women")
    ax.legend(loc="upper left")
    return _image(fig)


def test_bars_all_at_their_mean_hide_the_data(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _grouped_bars(flat=False), _grouped_bars(flat=True))
    hidden = [d for d in ds if "hid" in d.description]
    assert len(hidden) >= 4 and all(d.severity == 3 for d in hidden), ds
    assert "at one level" in hidden[0].description


def test_bars_scaled_keep_their_variation_and_hide_nothing(judge: PixelJudge) -> None:
    # Every value of one series changed, in proportion (an honest edit): the data still read, none hidden.
    ref = _grouped_bars(flat=False)
    fig, ax = plt.subplots(figsize=(7, 5))
    x = np.arange(4)
    ax.bar(x - 0.2, 1.3 * np.array([7.0, 7.1, 8.5, 9.0]), 0.4, color="tab:blue", label="men")
    ax.bar(x + 0.2, [5.1, 6.3, 6.1, 6.3], 0.4, color="tab:orange", label="women")
    ax.legend(loc="upper left")
    ds = judge.judge_images(Task.CHART, ref, _image(fig))
    assert not any("hid" in d.description for d in ds), ds


def _stacked_bars(scale: float) -> Image.Image:
    """Three stacked series on a light face; ``scale``: the middle series' values scaled (an honest edit)."""
    low, mid, top = np.array([22.7, 22.1, 21.0]), scale * np.array([21.7, 22.9, 18.5]), np.array([18.5, 17.7, 17.1])
    with plt.style.context("bmh"):
        fig, ax = plt.subplots(figsize=(9, 6), layout="constrained")
        names = ["Small Biz", "Government", "Education"]
        colors = plt.colormaps["cividis"](np.linspace(0.25, 0.85, 3))
        ax.bar(names, low, label="2019", color=colors[0])
        ax.bar(names, mid, label="2020", color=colors[1], bottom=low)
        ax.bar(names, top, label="2021", color=colors[2], bottom=low + mid)
        ax.set_title("Cost by segment")
        ax.legend(loc="center left", bbox_to_anchor=(1, 0.5))
        return _image(fig)


def test_a_series_grown_to_the_most_common_colour_covers_no_canvas(judge: PixelJudge) -> None:
    # The scaled series' colour outnumbers the white canvas in the candidate (its ink, read against that
    # colour, is the whole canvas), yet the candidate paints nothing over the reference's canvas: no noise.
    ref, cand = _stacked_bars(1.0), _stacked_bars(1.612)
    ds = judge.judge_images(Task.CHART, ref, cand)
    assert ds and not any("noise" in d.description or "hid" in d.description for d in ds), ds
    assert len(ds) <= 5, ds


def _scatter_with_trend(dots: bool, top: float = 420) -> Image.Image:
    """Tan points along a dashed trend line, its legend outside the frame on the right; ``dots``: the "random
    dots" hack (blue dots at random over the axes, the points, the line and the legend gone)."""
    rng = np.random.default_rng(5)
    age = np.sort(rng.uniform(18, 70, 45))
    fig, ax = plt.subplots(figsize=(9, 4))
    fig.subplots_adjust(left=0.08, right=0.84)  # (the frame stays put: only the legend goes from beside it)
    if dots:
        ax.scatter(rng.uniform(15, 72, 45), rng.uniform(235, 415, 45), s=12, color="tab:blue")
    else:
        ax.scatter(age, 170 + 3 * age + rng.normal(0, 15, 45), s=25, color="#e0b05c", edgecolor="black")
        ax.plot(age, 170 + 3 * age, "k--", label="Trend")
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))
    ax.set_xlim(15, 72)
    ax.set_ylim(225, top)
    ax.set_title("Reaction time vs. age")
    return _image(fig)


def test_random_dots_beside_a_legend_gone_hide_the_data(judge: PixelJudge) -> None:
    # The legend gone from beside the frame reads as tick labels changed there; dots in a new colour over
    # it are no rescale of the data: they follow none of it, the data are hidden and cost what they hide.
    ds = judge.judge_images(Task.CHART, _scatter_with_trend(False), _scatter_with_trend(True))
    hidden = [d for d in ds if "hid" in d.description]
    assert len(hidden) >= 4 and all(d.severity == 3 for d in hidden), ds


def test_a_scatter_rescaled_in_its_colours_hides_nothing(judge: PixelJudge) -> None:
    # The y range widened (new tick labels): every point moved, drawn in its colour; no data hidden.
    ds = judge.judge_images(Task.CHART, _scatter_with_trend(False), _scatter_with_trend(False, top=520))
    assert ds and not any("hid" in d.description for d in ds), ds


def _errorbars_added(copy: bool) -> Image.Image:
    """Blue points with error bars; ``copy``: a copy of the series drawn lower in a new colour (orange), the
    y range narrowed around both (an honest pair of edits)."""
    x, y = np.array([0.5, 1.0, 1.5, 2.0]), np.array([6.1, 7.0, 7.6, 8.7])
    fig, ax = plt.subplots(figsize=(9, 6))
    ax.errorbar(x, y, yerr=0.2, fmt="D", color="tab:blue")
    if copy:
        ax.errorbar(x, y - 2.7, yerr=0.2, fmt="D", color="tab:orange")
        ax.set_ylim(2.9, 8.2)
    ax.grid(axis="y", alpha=0.5)
    ax.set_title("Satisfaction vs. week")
    return _image(fig)


def test_a_series_added_in_a_new_colour_over_a_new_range_hides_nothing(judge: PixelJudge) -> None:
    # The reference's blue points are drawn, moved with the new y range, beside new orange ones: the data
    # rescaled (their colour kept), a series added; nothing hidden.
    ds = judge.judge_images(Task.CHART, _errorbars_added(False), _errorbars_added(True))
    assert ds and not any("hid" in d.description for d in ds), ds
