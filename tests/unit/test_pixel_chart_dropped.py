"""Pixel judge, charts: several series dropped count one by one (one line kept where there were many)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture

COLOURS = ("#440154", "#2a788e", "#22a884", "#7ad151")


def _lines(kept: int) -> Image.Image:
    """Four close series in viridis colours, the first a heavy line (over half the plot's ink, so the one line
    kept covers most of the data's place); only the first ``kept`` are drawn."""
    x = np.linspace(0, 10, 60)
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for k in range(kept):
        ax.plot(x, 8 - 0.5 * x + 0.6 * k + 0.2 * np.sin(x + k), color=COLOURS[k], lw=5 if k == 0 else 1.2)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 12)
    ax.set_title("Four series")
    return _image(fig)


@pytest.mark.parametrize(("kept", "severity"), [(3, 3), (2, 6), (1, 9)])
def test_each_series_dropped_costs_a_severe_data_item(judge: PixelJudge, kept: int, severity: int) -> None:
    # The ground truth grades every dropped series 3: keeping one line of four is three changes, not one. One
    # line kept of four, 40 % of the marks gone and nothing drawn of its own, is the "one line" hack's picture:
    # its data hidden (`chart_bare.kept_only`) cost at least as much, five severe items at most (round 19).
    found = judge.judge_images(Task.CHART, _lines(4), _lines(kept))
    data = [d for d in found if d.category == "data_error"]
    total = sum(d.severity for d in data)
    assert total == severity if kept > 1 else severity <= total <= 15, found
    assert all(d.severity == 3 for d in data), found


def _stacked(kind: str) -> Image.Image:
    """Two stacked bar series under a grid drawn over the bars (grey lines crossing the orange: a blend of
    the two); ``kind``: "bars" (the reference) or "line" (the top series dropped, the other drawn as a line)."""
    depts, plan, actual = ["Sales", "Marketing", "Finance"], [50, 40, 22], [106, 101, 99]
    fig, ax = plt.subplots(figsize=(9, 4.5))
    if kind == "bars":
        ax.bar(depts, plan, color="#003f5c", label="Plan")
        ax.bar(depts, actual, bottom=plan, color="#ffa600", label="Actual")
        ax.legend(loc="lower left")
    else:
        ax.plot(depts, plan, color="#003f5c", label="Plan")
        ax.legend(loc="lower right")
    ax.set_axisbelow(False)
    ax.grid(axis="y", color="0.6", alpha=0.5)
    ax.set_title("Latency by department")
    return _image(fig)


def test_grid_lines_over_bars_are_no_series_of_their_own(judge: PixelJudge) -> None:
    # The grid's blend with the orange bars once counted as a third series gone, so that one series dropped
    # beside one redrawn as a line (1 of 2 gone) read as most of the series gone: the data hidden, 5 items.
    found = judge.judge_images(Task.CHART, _stacked("bars"), _stacked("line"))
    assert not [d for d in found if "hid" in d.description], found


def _two_stacks(bottom: bool) -> Image.Image:
    """Two panels of the same five stacked bands (absolute, then shares); ``bottom``: False empties the
    second panel (its one stackplot call dropped)."""
    rng = np.random.default_rng(11)
    weeks = np.arange(1, 53)
    bands = 3 + rng.random((5, 52))
    colours = ["#31a683", "#8180b8", "#e7418f", "#75af34", "#e8b31b"]
    fig, (top, low) = plt.subplots(2, 1, figsize=(9, 6), sharex=True)
    top.stackplot(weeks, bands, colors=colours)
    if bottom:
        low.stackplot(weeks, bands / bands.sum(axis=0), colors=colours)
    low.set_ylim(0, 1)
    return _image(fig)


def test_a_subplot_emptied_of_its_bands_is_one_change(judge: PixelJudge) -> None:
    # Five bands gone from one panel of two are one change (one stackplot call dropped), not five series.
    found = judge.judge_images(Task.CHART, _two_stacks(True), _two_stacks(False))
    assert not [d for d in found if "series is missing" in d.description], found
    assert sum(d.severity for d in found if d.category == "data_error") == 3, found


def _twin(bars: bool) -> Image.Image:
    """Bars on the left axis and a line on a twin axis; ``bars``: the twin's series drawn as wide bars too,
    covering most of the canvas in two flat colours."""
    years = np.arange(2015, 2024)
    visitors = [27, 30, 25, 35, 34, 26, 31, 32, 28]
    score = [90, 92, 95, 96, 97, 99, 98, 97, 96]
    fig, ax = plt.subplots(figsize=(10, 3.2))
    fig.subplots_adjust(left=0.04, right=0.96, top=0.98, bottom=0.1)
    ax.bar(years, visitors, width=0.98, color="#6f8fc3")
    ax.set_ylim(0, 70)
    ax.margins(x=0.002)
    twin = ax.twinx()
    twin.set_ylim(0, 100)
    if bars:
        twin.bar(years, score, width=0.95, color="#ff8c00")
    else:
        twin.plot(years, score, color="#ff8c00", marker="s")
    return _image(fig)


def test_bars_filling_the_canvas_are_no_noise(judge: PixelJudge) -> None:
    # Flat bars that leave little background once read as noise covering the canvas (15 severe items).
    found = judge.judge_images(Task.CHART, _twin(False), _twin(True))
    assert not [d for d in found if "noise" in d.description], found
