"""Pixel judge, charts: honest redraws that keep the data's reading are not read as the data hidden (bars
coloured by category drawn as one line, a series whose values vary little, bars squeezed by their own axis),
while the hacks they resemble still are."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture

FRUIT = ["Apples", "Cherries", "Grapes", "Mangoes"]
REVENUE = [6.42, 12.53, 13.76, 4.51]


def _fruit(kind: str) -> Image.Image:
    """Bars a colour each, with error bars, on a style whose grid is drawn over the data; ``kind``: "bars",
    "line" (the bars' values as one line in a colour of their own, the grid crossing it) or "ruler" (a
    straight line across the same axes)."""
    with plt.style.context("seaborn-v0_8-whitegrid"):
        fig, ax = plt.subplots(figsize=(7, 4.5))
        if kind == "bars":
            colours = ["#e69f00", "#56b4e9", "#009e73", "#f0e442"]
            ax.bar(FRUIT, REVENUE, color=colours, yerr=[1.3, 1.1, 0.6, 0.6], capsize=6, alpha=0.85)
        elif kind == "line":
            ax.plot(FRUIT, REVENUE, color="#3b7ec0")
        else:
            ax.plot(FRUIT, np.linspace(4, 14, 4), color="#3b7ec0")
        ax.set_title("Fruit revenue 2021-2024")
        ax.set_ylabel("Revenue ($M)")
        return _image(fig)


def _hidden(ds: list) -> list:
    return [d for d in ds if "hid" in d.description]


def test_bars_coloured_by_category_redrawn_as_one_line_are_no_data_hidden(judge: PixelJudge) -> None:
    # The line keeps the bars' values (its heights rank with their tops): one series in another form.
    ds = judge.judge_images(Task.CHART, _fruit("bars"), _fruit("line"))
    assert not _hidden(ds), ds
    assert sum(d.severity for d in ds) <= 6, ds


def test_a_straight_line_over_bars_coloured_by_category_still_hides_them(judge: PixelJudge) -> None:
    hidden = _hidden(judge.judge_images(Task.CHART, _fruit("bars"), _fruit("ruler")))
    assert len(hidden) >= 4 and all(d.severity == 3 for d in hidden), hidden


def _grouped(kind: str) -> Image.Image:
    """Two series of bars; ``kind``: "both", "one" (the first dropped, the second, whose values vary by 3 %
    of the axis, drawn alone in the first's colour) or "flat" (both series, each at its mean)."""
    langs = ["Python", "Go", "R"]
    first, second = np.array([6.98, 6.63, 6.16]), np.array([6.46, 6.6, 6.4])
    fig, ax = plt.subplots(figsize=(7, 4))
    x = np.arange(3)
    if kind == "one":
        ax.bar(x, second * 1.037, 0.35, color="#fbb4ae", label="2020")
    else:
        if kind == "flat":
            first, second = np.full(3, first.mean()), np.full(3, second.mean())
        ax.bar(x - 0.175, first, 0.35, color="#fbb4ae", label="2019")
        ax.bar(x + 0.175, second, 0.35, color="#b3cde3", label="2020")
    ax.set_xticks(x, langs)
    ax.set_ylim(0, 7.4)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False)
    return _image(fig)


def test_a_kept_series_whose_values_vary_little_is_not_read_as_flattened(judge: PixelJudge) -> None:
    # Its bars end 3 % of the axis apart: values that vary little, not one level (2019 dropped is one change).
    ds = judge.judge_images(Task.CHART, _grouped("both"), _grouped("one"))
    assert not [d for d in ds if "one level" in d.description], ds
    assert sum(d.severity for d in ds) <= 8, ds


def test_grouped_bars_at_their_means_still_read_as_flattened(judge: PixelJudge) -> None:
    hidden = _hidden(judge.judge_images(Task.CHART, _grouped("both"), _grouped("flat")))
    assert len(hidden) >= 4 and "one level" in hidden[0].description, hidden


def _pyramid(log: bool) -> Image.Image:
    """A population pyramid (horizontal bars either side of zero, one row an age group); ``log``: its age
    axis turned log, every bar squeezed into one."""
    ages = [f"{5 * k}-{5 * k + 4}" for k in range(16)]
    men = 1400 + 700 * np.sin(np.linspace(0.3, 2.9, 16))
    women = men * 1.04
    fig, ax = plt.subplots(figsize=(7, 6))
    y = np.arange(16)
    ax.barh(y, -men, color="#3a7dc9")
    ax.barh(y, women, color="#d9534f")
    ax.set_yticks(y, ages)
    if log:
        ax.set_yscale("log")
    ax.set_xlabel("Population (thousands)")
    ax.set_title("Population by age and sex")
    return _image(fig)


def test_bars_squeezed_by_their_own_axis_turned_log_are_one_axis_change(judge: PixelJudge) -> None:
    # The bars sit at one level because the axis they run along changed: the axis's change, not data hidden.
    ds = judge.judge_images(Task.CHART, _pyramid(log=False), _pyramid(log=True))
    assert not _hidden(ds), ds
    assert any("tick labels" in d.description for d in ds), ds


def _errorbars(dots: bool) -> Image.Image:
    """Four dashed errorbar points in steelblue (a generator chart); ``dots``: its data hidden and 40 random
    dots in the default blue drawn over its axes instead (the "random dots" hack)."""
    with plt.rc_context({"font.family": "monospace", "font.size": 9}):
        return _errorbar_figure(dots)


def _errorbar_figure(dots: bool) -> Image.Image:
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    bars = ax.errorbar(
        [0.5, 1.0, 1.5, 2.0], [63.2, 71.6, 98.6, 129.3], yerr=[7.3, 4.8, 8.8, 3.5], fmt="s--", capsize=5,
        color="steelblue", elinewidth=1,
    )  # fmt: skip
    if dots:
        for artist in bars.get_children():
            artist.set_visible(False)
        rng = np.random.default_rng(0)
        ax.plot(rng.random(40), rng.random(40), "o", ms=4, transform=ax.transAxes)
    ax.set_title("Energy use vs. week", fontsize="x-large")
    ax.set_xlabel("Week")
    ax.set_ylabel("Energy use (MWh)")
    ax.grid(axis="y", linestyle=":", alpha=0.5)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)  # (the chart renderer's)
    plt.close(fig)
    return Image.open(buf).convert("RGB")


def test_random_dots_in_the_series_colour_do_not_stand_in_for_it(judge: PixelJudge) -> None:
    # Dots at random keep the series' colour and nothing else: the data are hidden, piled up by the share.
    hidden = _hidden(judge.judge_images(Task.CHART, _errorbars(dots=False), _errorbars(dots=True)))
    assert len(hidden) >= 4 and all(d.severity == 3 for d in hidden), hidden


def _forecast(kept_only: bool) -> Image.Image:
    """Sixty days observed (a black line) and a two-week forecast fan (three bands and a line, in blues);
    ``kept_only``: the observed line alone on the same axes (the "one line" hack keeps the first line)."""
    rng = np.random.default_rng(4)
    days = np.arange(60)
    observed = 102 + 5 * np.sin(days / 2.2) + rng.normal(0, 2, 60)
    fig, ax = plt.subplots(figsize=(11, 4))
    ax.plot(days, observed, color="black", lw=1.5)
    if not kept_only:
        ahead = np.arange(59, 68)
        centre = 104 + 5 * np.sin(ahead / 2.2)
        for spread, alpha in ((5, 0.2), (3.5, 0.35), (2, 0.5)):
            ax.fill_between(ahead, centre - spread, centre + spread, color="#2171b5", alpha=alpha, lw=0)
        ax.plot(ahead, centre, color="#2171b5", lw=2)
    ax.set_xlim(0, 73)
    ax.set_ylim(85, 122)
    ax.set_title("Peak demand: last 60 days and a 2-week forecast")
    return _image(fig)


def test_a_line_kept_in_place_does_not_stand_in_for_the_data_gone_beside_it(judge: PixelJudge) -> None:
    # The observed line is the reference's own, in place: it stands in for itself, not for the forecast fan
    # (most of the plot's ink) gone beside it.
    hidden = _hidden(judge.judge_images(Task.CHART, _forecast(kept_only=False), _forecast(kept_only=True)))
    assert len(hidden) >= 3 and all(d.severity == 3 for d in hidden), hidden
