"""Pixel judge, charts: tick labels that change with what they label, colour bars and a log axis
over a grid of subplots are one change each, not one per place their pixels changed."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image  # (figures rendered as the chart rules' tests render them)

from verm.judge.pixel import PixelJudge
from verm.judge.pixel.colour import _lab_ink
from verm.judge.pixel.text import _tick_reads
from verm.types import Discrepancy, Task

matplotlib.use("Agg")
import matplotlib.pyplot as plt


@pytest.fixture(scope="module")
def judge() -> PixelJudge:
    return PixelJudge()


def _texts(ds: list[Discrepancy]) -> list[Discrepancy]:
    return [d for d in ds if d.category == "text_error"]


def _changes(ds: list[Discrepancy]) -> list[Discrepancy]:
    return [d for d in ds if d.category in ("data_error", "structure_error")]


def _scales(empty: int | None = None) -> Image.Image:
    """Four subplots of a rising curve over 0..800, each its own axes; subplot ``empty`` left empty
    (its tick labels fall back to 0..1)."""
    fig, axs = plt.subplots(2, 2, figsize=(8, 6))
    x = np.arange(1, 800)
    for k, ax in enumerate(axs.flat):
        if k != empty:
            ax.plot(x, 5 + 20 * np.sqrt(x / 800.0) + k, color="#1f77b4")
        ax.set_title(f"panel {k + 1}")
        ax.grid(True)
    fig.tight_layout()
    return _image(fig)


def _seasons(log: bool) -> Image.Image:
    """Nine small subplots (no one plot frame) of a yearly curve and its band, the y-axis shared
    (labelled on the left column only); ``log``: that y-axis log."""
    fig, axs = plt.subplots(3, 3, figsize=(10, 7), sharex=True, sharey=True)
    m = np.arange(1, 13)
    for k, ax in enumerate(axs.flat):
        t = 8 + k + 8 * np.sin((m - 4) / 12 * 2 * np.pi)
        ax.plot(m, t, "o-", color="#d62728", ms=3)
        ax.fill_between(m, t - 3, t + 3, color="#d62728", alpha=0.15)
        if log:
            ax.set_yscale("log")
        ax.set_title(f"city {k + 1}", fontsize=9)
    fig.tight_layout()
    return _image(fig)


def test_tick_reads_are_numbers_and_log_ticks_not_words() -> None:
    assert _tick_reads("200 400 600")
    assert _tick_reads("0.2 0.4 -0.6")
    assert _tick_reads("8x10! 10?")  # log ticks, their superscripts misread
    assert not _tick_reads("Store 1")
    assert not _tick_reads("Mon Tue")
    assert not _tick_reads("")


def test_an_emptied_subplot_whose_tick_labels_reset_is_one_data_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _scales(), _scales(empty=1))
    assert not _texts(ds), ds  # its tick labels (0-800 -> 0-1) belong to the data change
    assert _changes(ds), ds
    assert max(d.severity for d in _changes(ds)) == 3, ds  # a series gone


def test_a_log_axis_over_a_grid_of_subplots_is_one_scale_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _seasons(log=False), _seasons(log=True))
    changes = _changes(ds)
    assert len(changes) == 1, ds
    assert changes[0].category == "structure_error" and changes[0].severity == 2, ds
    assert sum(d.severity for d in ds) <= 4, ds


def _mesh(cmap: str, bar: bool = True) -> Image.Image:
    """A field drawn with contourf beside a line plot, a colour bar below both."""
    fig, (a, b) = plt.subplots(1, 2, figsize=(9, 4))
    y, x = np.mgrid[-2:2:60j, -3:3:90j]
    cs = a.contourf(x, y, np.exp(-(x**2) - y**2) - 0.5 * np.exp(-((x - 1.5) ** 2) - y**2), levels=10, cmap=cmap)
    if bar:
        fig.colorbar(cs, ax=[a, b], orientation="horizontal", shrink=0.3)
    b.plot(np.arange(10), np.arange(10) ** 1.5, color="#444444")
    return _image(fig)


def test_a_colour_bar_is_found_and_a_bar_chart_has_none() -> None:
    from verm.judge.pixel.layout import colour_bars

    rgb = np.asarray(_mesh("viridis"))
    bars = colour_bars(rgb, _lab_ink(rgb)[1])
    assert len(bars) == 1
    x0, y0, x1, y1 = bars[0]
    assert x1 - x0 > 5 * (y1 - y0)  # the level bar below the field

    fig, ax = plt.subplots(figsize=(6, 4))
    ax.barh(["a", "b", "c", "d"], [4, 3, 2, 1], color="#2ca02c")
    ax.grid(True)  # grid lines drawn over the bars change their colour along them, a little
    ax.set_axisbelow(False)
    plain = np.asarray(_image(fig))
    assert colour_bars(plain, _lab_ink(plain)[1]) == []


def test_a_colour_map_change_with_its_colour_bar_is_one_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _mesh("viridis"), _mesh("plasma"))
    assert len([d for d in ds if d.category == "style_error" and d.severity >= 2]) == 1, ds
    assert not _texts(ds), ds  # the colour bar's tick labels, re-read, are the same change
    assert sum(d.severity for d in ds) <= 3, ds


def _matrix(name: str) -> Image.Image:
    """A correlation matrix: the same labels on both axes."""
    labels = ["Revenue", "Cost", name, "Growth"]
    fig, ax = plt.subplots(figsize=(5, 5))
    ax.imshow(np.eye(4) * 0.8 + 0.1, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(4), labels)
    ax.set_yticks(range(4), labels)
    fig.tight_layout()
    return _image(fig)


def test_a_label_renamed_on_both_axes_is_one_text_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _matrix("Margin"), _matrix("Value"))
    assert len(_texts(ds)) == 1, ds


def _regions(first: str, second: str) -> Image.Image:
    """Four bars; two region names written below the chart, one at each side."""
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.bar(["a", "b", "c", "d"], [20.0, 35.0, 28.0, 41.0], color="#4c72b0")
    fig.text(0.08, 0.02, first, fontsize=12)
    fig.text(0.78, 0.02, second, fontsize=12)
    fig.subplots_adjust(bottom=0.2)
    return _image(fig)


def test_two_labels_swapped_are_one_severe_text_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _regions("Northern", "Southern"), _regions("Southern", "Northern"))
    texts = _texts(ds)
    assert len(texts) == 1, ds
    assert texts[0].severity == 3, ds  # values misattributed


def _histogram(top: float) -> Image.Image:
    """A histogram of fixed counts and its legend in the plot's top corner, its y range set by hand
    to 0..``top``."""
    fig, ax = plt.subplots(figsize=(6, 4))
    counts = [3, 7, 12, 18, 22, 17, 11, 6, 2]
    ax.bar(np.arange(len(counts)), counts, width=1.0, color="#4c72b0", edgecolor="white", label="requests")
    ax.legend(loc="upper right")
    ax.set_ylim(0, top)
    ax.set_title("Response times")
    return _image(fig)


def test_a_y_range_widened_by_hand_is_a_minor_data_change(judge: PixelJudge) -> None:
    ds = judge.judge_images(Task.CHART, _histogram(25.0), _histogram(50.0))
    changes = _changes(ds)
    assert len(changes) == 1, ds
    assert changes[0].severity == 1, ds  # the bars follow the new range: every value reads the same


def _counts(scale: float, marker: str) -> Image.Image:
    """A line of counts times ``scale``, its y range left to autoscale."""
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(np.arange(9), np.array([3, 7, 12, 18, 22, 17, 11, 6, 2]) * scale, color="#4c72b0", marker=marker)
    ax.set_title("Response times")
    return _image(fig)


def test_a_series_scaled_under_an_autoscaled_axis_is_no_minor_range_change(judge: PixelJudge) -> None:
    # The marks stay in place (the axis follows them) while the tick values grow: values changed.
    ds = judge.judge_images(Task.CHART, _counts(1.0, "o"), _counts(1.6, "s"))
    assert max(d.severity for d in _changes(ds)) >= 2, ds


def test_a_line_read_through_a_shifted_window_is_the_same_text() -> None:
    from verm.judge.pixel.text import _shifted_words

    assert _shifted_words("Sensor readings with", "readings with three spikes")  # re-centred title
    assert _shifted_words("Damped cosine, sampled Histogram drawn", "Damped cosine, sampled")
    assert not _shifted_words("Sales by city", "Sales by ctiy")  # a typo is a change
    assert not _shifted_words("Men Women", "Women")  # one word in common: a legend entry gone
    assert not _shifted_words("Revenue by region", "Cost by region")
