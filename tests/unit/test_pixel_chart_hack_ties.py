"""Pixel judge, charts: honest candidates read as hacks (round 13, split 199's reward-hack ties).

An area chart whose fill covers over half the image has the fill as its most common colour; read as the
background, the candidate without the fill "painted" the whole canvas (noise, 5 severe items, what the
hacks cost). And six series of stacked shares redrawn as crossing lines in their colours are one change of
chart type, not the plot's data hidden five times over."""

from __future__ import annotations

import numpy as np
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.judge.pixel.colour import EDGE_BACKGROUND, _as_array, _find_background
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture

_WEEKS = np.arange(1, 29)
_ENERGY = 100 + 30 * np.sin(_WEEKS / 4.0) + _WEEKS


def _area(fill: bool) -> Image.Image:
    """Energy use over 28 weeks as a line, filled down to zero (``fill``) over most of the figure."""
    fig, ax = plt.subplots(figsize=(10, 6))
    ax.plot(_WEEKS, _ENERGY, lw=2)
    if fill:
        ax.fill_between(_WEEKS, _ENERGY, alpha=0.4)
    ax.set_ylim(0, None)
    ax.set_title("Energy use over time")
    ax.set_xlabel("Week")
    ax.set_ylabel("Energy use (MWh)")
    ax.spines[["top", "right"]].set_visible(False)
    fig.subplots_adjust(left=0.05, right=0.99, top=0.93, bottom=0.08)
    return _image(fig)


def test_background_is_the_colour_round_the_image_not_a_fill_over_half_of_it() -> None:
    rgb = _as_array(_area(True))
    fill = np.all(np.abs(rgb.astype(int) - rgb[300, 500].astype(int)) <= 8, axis=2)
    assert fill.mean() > 0.45  # (the fill is about as common as the white round it, or more)
    token = EDGE_BACKGROUND.set(True)  # (as the judge sets it for charts)
    try:
        assert np.allclose(_find_background(rgb), 255, atol=2)
    finally:
        EDGE_BACKGROUND.reset(token)


def test_an_area_chart_without_its_fill_is_no_noise(judge: PixelJudge) -> None:
    # The fill dropped (a series of the area chart gone): one change, not the canvas painted over.
    found = judge.judge_images(Task.CHART, _area(True), _area(False))
    assert not [d for d in found if "noise" in d.description]
    assert sum(d.severity for d in found) <= 6


_COUNTRIES = ["France", "Germany", "Poland", "Spain", "Norway", "Italy"]
_SHARES = np.array(
    [
        [63, 6, 0, 20, 0, 0],
        [1, 32, 69, 3, 0, 7],
        [9, 14, 8, 30, 1, 52],
        [10, 3, 1, 6, 88, 10],
        [13, 32, 18, 36, 10, 18],
        [4, 13, 4, 5, 1, 13],
    ],
    dtype=float,
)


def _shares(lines: bool, hide: bool = False) -> Image.Image:
    """Six sources' shares of six countries' generation, stacked to 100 %, or (``lines``) each source's shares as
    a line in its colour; ``hide``: the data hidden, the axes and legend kept (the "axes without data" hack)."""
    plt.style.use("seaborn-v0_8-whitegrid")
    try:
        return _drawn_shares(lines, hide)
    finally:
        plt.style.use("default")


def _drawn_shares(lines: bool, hide: bool) -> Image.Image:
    colours = ["#7b3294", "#404040", "#f4a582", "#4393c3", "#5aae61", "#bababa"]
    fig, ax = plt.subplots(figsize=(9, 5))
    bottom = np.zeros(len(_COUNTRIES))
    for k, values in enumerate(_SHARES):
        if lines:
            drawn = ax.plot(_COUNTRIES, values, color=colours[k], label=f"Source {k}")
        else:
            drawn = ax.bar(_COUNTRIES, values, bottom=bottom, color=colours[k], label=f"Source {k}", edgecolor="white")
        for a in drawn:
            a.set_visible(not hide)
        bottom += values
    ax.set_ylim(0, 100)
    ax.set_title("Electricity generation mix")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    return _image(fig)


def test_stacked_shares_retyped_as_crossing_lines_hide_nothing(judge: PixelJudge) -> None:
    # Each source's colour runs across the countries as a line: the same series in another form. Crossing
    # lines blend off their colours where they meet and where they climb steeply (pieces, not one stroke).
    ref = _shares(False)
    found = judge.judge_images(Task.CHART, ref, _shares(True))
    assert not [d for d in found if "hid" in d.description]
    # The data hidden, axes and legend kept, still hide them.
    assert (
        len([d for d in judge.judge_images(Task.CHART, ref, _shares(False, hide=True)) if "hid" in d.description]) >= 4
    )


def _team_bars(flat: bool) -> Image.Image:
    """Three teams' revenue as pale bars (no colour class: under the chroma of one) with error bars, or
    (``flat``) each bar at the mean, the error bars collapsed to their caps at one height each (the "flattened
    data" hack)."""
    teams, values, errors = ["Team A", "Team D", "Team E"], np.array([7.65, 6.8, 9.9]), np.array([1.0, 1.6, 1.4])
    colours = ["#b3e2cd", "#fdcdac", "#cbd5e8"]
    fig, ax = plt.subplots(figsize=(5, 4))
    if flat:
        ax.bar(teams, [values.mean()] * 3, color=colours)
        ax.plot(teams, [(values + errors).mean()] * 3, "_", ms=14, mew=1.5, color="black")
        ax.plot(teams, [(values - errors).mean()] * 3, "_", ms=14, mew=1.5, color="black")
    else:
        ax.bar(teams, values, yerr=errors, capsize=6, color=colours)
    ax.set_ylim(0, 11.8)
    ax.grid(axis="y", color="#dddddd")
    ax.set_axisbelow(True)
    ax.set_title("Team revenue")
    ax.set_ylabel("Revenue ($M)")
    fig.tight_layout()
    return _image(fig)


def test_pale_bars_at_one_level_are_flattened_data(judge: PixelJudge) -> None:
    # Pale bars make no colour classes to read series by: the plot's marks read together end at one level
    # where the reference's vary, the data gone as if hidden (one "plotted data differ" item cost 2 and tied
    # the honest candidates).
    found = judge.judge_images(Task.CHART, _team_bars(False), _team_bars(True))
    assert sum(d.severity for d in found if d.category == "data_error") >= 12
