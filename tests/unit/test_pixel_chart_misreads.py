"""Pixel judge, charts: honest edits that earlier read as data hidden or as a recolouring."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture


def _pastel_barh(widened: bool) -> Image.Image:
    """Horizontal pastel bars with white edges (at 100 dpi each found as a box of its own inside the
    plot frame); ``widened``: the y range twice as wide (the bars pushed down, half the plot empty)."""
    fig, ax = plt.subplots(figsize=(9, 6))
    days = ["Wed", "Thu", "Fri", "Sat", "Sun"]
    colours = ["#a1c9f4", "#ffb482", "#8de5a1", "#ff9f9b", "#d0bbff"]
    ax.barh(days, [11.8, 42.7, 34.2, 39.8, 6.1], color=colours, edgecolor="white")
    ax.set_title("Profit per day", fontsize=13, fontweight="bold")
    ax.grid(axis="x", linestyle="--", alpha=0.3)
    if widened:
        lo, hi = ax.get_ylim()
        ax.set_ylim(lo, lo + 2 * (hi - lo))
    ax.set_xlabel("Profit ($k)", fontsize=11)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    plt.close(fig)
    return Image.open(buf).convert("RGB")


def test_bars_pushed_down_by_a_wider_range_hide_no_data(judge: PixelJudge) -> None:
    # The plot frame is no subplot beside its bars: the chart is one plot whose range changed.
    ds = judge.judge_images(Task.CHART, _pastel_barh(widened=False), _pastel_barh(widened=True))
    assert not any("hid" in d.description for d in ds), ds


def _darkgrid_lines(scale: float, dots: bool = False) -> Image.Image:
    """Two lines on a tinted face with white grid lines and no spines (its frame reads as the canvas's
    edge); the second series' values times ``scale``; ``dots``: instead, the lines and legend hidden and
    random dots drawn over the same axes (the "random dots" hack)."""
    x = np.arange(2013, 2023)
    a = [81.6, 91.8, 99.4, 85.6, 87.1, 82.7, 68.2, 67.4, 68.2, 87.2]
    b = np.array([68.9, 80.7, 79.8, 87.0, 74.2, 83.0, 93.4, 92.0, 98.3, 94.6]) * scale
    with plt.style.context("seaborn-v0_8-darkgrid"):
        fig, ax = plt.subplots(figsize=(8, 4.5))
        ax.plot(x, a, "--^", color="#7fc97f", lw=2, label="Model A")
        ax.plot(x, b, color="#beaed4", label="Model B")
        legend = ax.legend(loc="center left", bbox_to_anchor=(1, 0.5))
        fig.tight_layout()
        if dots:
            for artist in [*ax.lines, legend]:
                artist.set_visible(False)
            rng = np.random.default_rng(0)
            ax.plot(rng.random(40), rng.random(40), "o", ms=4, transform=ax.transAxes)
        return _image(fig)


def test_a_series_rescaled_on_a_tinted_face_hides_no_data(judge: PixelJudge) -> None:
    # The new y tick labels stand beside the data's box: the marks follow a new scale, not data gone.
    ds = judge.judge_images(Task.CHART, _darkgrid_lines(1.0), _darkgrid_lines(0.6))
    assert not any("hid" in d.description for d in ds), ds


def test_random_dots_on_a_tinted_face_hide_the_data(judge: PixelJudge) -> None:
    # The legend hidden right of the data's box is no new y scale: the dots follow none of the data.
    ds = judge.judge_images(Task.CHART, _darkgrid_lines(1.0), _darkgrid_lines(1.0, dots=True))
    hidden = [d for d in ds if "hid" in d.description]
    assert len(hidden) >= 4 and all(d.severity == 3 for d in hidden), ds


def _donut(values: list[float]) -> Image.Image:
    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    ax.pie(values, autopct="%1.0f%%", pctdistance=0.85, wedgeprops={"width": 0.3}, startangle=0)
    ax.legend(["Laptops", "Phones", "Tablets", "Headphones", "Cameras", "Printers"], loc="center left",
              bbox_to_anchor=(1, 0.5))  # fmt: skip
    return _image(fig)


def test_a_wedge_grown_recolours_nothing(judge: PixelJudge) -> None:
    # Its neighbours' edges and labels move: one plotted colour shows where another was, the palette kept.
    ds = judge.judge_images(Task.CHART, _donut([17, 14, 14, 17, 19, 19]), _donut([17, 14, 14, 17, 23, 19]))
    assert ds and not any(d.description.startswith("Colour changed") for d in ds), ds


def _labelled_bars(dropped: bool) -> Image.Image:
    """Two series of labelled bars; ``dropped``: the second series gone, the y axis log (the first
    series' bars re-drawn taller, over the gone series' places)."""
    data = {"Baseline": [11.9, 7.7, 5.4, 3.0], "Optimistic": [8.1, 10.8, 11.3, 7.1]}
    if dropped:
        del data["Optimistic"]
    fig, ax = plt.subplots(figsize=(6, 4))
    x = np.arange(4)
    for i, (label, values) in enumerate(data.items()):
        bars = ax.bar(x + (i - 0.5) * 0.35, values, 0.35, label=label, color=plt.colormaps["Dark2"].colors[i])
        ax.bar_label(bars, fmt="%.0f")
    if dropped:
        ax.set_yscale("log")
    ax.set_xticks(x, ["Jan", "Feb", "Mar", "Apr"])
    ax.legend(loc="center left" if dropped else "center right", title="Series", fontsize="small")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return _image(fig)


def test_a_series_dropped_beside_one_rescaled_is_one_change(judge: PixelJudge) -> None:
    # The kept series still draws most of the marks' ink: its labels' and the legend's small colour
    # classes gone do not outvote it into the plot's data hidden.
    ds = judge.judge_images(Task.CHART, _labelled_bars(dropped=False), _labelled_bars(dropped=True))
    assert not any("hid" in d.description for d in ds), ds
    assert any(d.severity == 3 and d.category == "data_error" for d in ds), ds
