"""Pixel judge, charts: missing content costs what it hides (round 17). A line flattened at its mean beside
coloured annotations kept in place, its anti-aliased fringe a paler class of its own; dots scattered in one
series' colour over a chart drawn without axes; honest edits that move every colour elsewhere (dots with dark
edges laid out anew) hide nothing; target ticks gone beside a frame found too small are no tick labels."""

from __future__ import annotations

import numpy as np
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.judge.pixel.chart import _upright_stroke
from verm.judge.pixel.difference import Region
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture


def _hidden(judge: PixelJudge, ref: Image.Image, cand: Image.Image) -> list:
    return [d for d in judge.judge_images(Task.CHART, ref, cand) if "hid" in d.description]


def _annotated_lines(flat: bool = False, scale: float = 1.0) -> Image.Image:
    """Two lines (a price and its moving average) with three coloured annotations; ``flat``: both lines at their
    means; ``scale``: the price scaled (an honest edit)."""
    rng = np.random.default_rng(3)
    x = np.arange(250)
    price = 50 + np.cumsum(rng.normal(0.1, 1.0, 250))
    price = 50 + scale * (price - 50)
    ma = np.convolve(price, np.ones(20) / 20, mode="same")
    if flat:
        price, ma = np.full(250, price.mean()), np.full(250, ma.mean())
    fig, ax = plt.subplots(figsize=(9, 4))
    ax.plot(x, price, color="#1f3a6e", lw=1.0, label="close")
    ax.plot(x[10:-10], ma[10:-10], color="#e67e22", lw=1.5, label="20-day MA")
    ax.annotate("beat", (140, 60), (110, 75), color="k", arrowprops={"arrowstyle": "wedge", "color": "#2e8b57"})
    ax.annotate("CFO", (205, 68), (225, 58), color="k", arrowprops={"arrowstyle": "simple", "color": "#c0392b"})
    ax.annotate("cut", (60, 45), (40, 38), color="k", arrowprops={"arrowstyle": "->", "color": "#d35400", "lw": 2})
    ax.set_ylim(30, 90)
    ax.legend(loc="upper left")
    ax.set_title("ACME, last 250 sessions")
    return _image(fig)


def test_lines_flattened_beside_annotations_kept_hide_the_data(judge: PixelJudge) -> None:
    # The annotations' arrows, drawn again in place, are no series the values were read from; the lines' paler
    # fringes go with their lines.
    hidden = _hidden(judge, _annotated_lines(), _annotated_lines(flat=True))
    assert len(hidden) >= 3 and all(d.severity == 3 for d in hidden), hidden


def test_annotated_lines_scaled_hide_nothing(judge: PixelJudge) -> None:
    assert _hidden(judge, _annotated_lines(), _annotated_lines(scale=0.7)) == []


def _circles(dots: bool = False) -> Image.Image:
    """A chart drawn without axes (a Smith chart's look): grey circles, a blue dashed circle and a red arc with
    markers; ``dots``: all of it hidden, 40 dots scattered in the default blue instead."""
    fig, ax = plt.subplots(figsize=(7, 7))
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_aspect("equal")
    ax.axis("off")
    t = np.linspace(0, 2 * np.pi, 400)
    if dots:
        r = np.random.default_rng(0)
        ax.plot(r.random(40) * 2 - 1, r.random(40) * 2 - 1, "o", ms=4)
    else:
        for k in (0.2, 0.5, 1.0, 2.0, 5.0):
            c, rad = k / (1 + k), 1 / (1 + k)
            ax.plot(c + rad * np.cos(t), rad * np.sin(t), color="#aaaaaa", lw=0.8)
        ax.plot(np.cos(t), np.sin(t), color="k", lw=1.5)
        ax.plot(0.33 * np.cos(t), 0.33 * np.sin(t), "--", color="#1f77b4", lw=1.5)
        a = np.linspace(-1.0, 1.2, 100)
        ax.plot(0.3 * np.cos(a) - 0.1, 0.6 * np.sin(a), color="#d62728", lw=2.5)
        ax.plot([0.2, 0.18, 0.2], [-0.2, 0.0, 0.2], "o", color="#d62728", ms=7)
    ax.set_title("Antenna input impedance")
    return _image(fig)


def test_dots_in_one_colour_over_a_chart_without_axes_hide_its_data(judge: PixelJudge) -> None:
    # The dots are new ink in one of the two hidden colours (the lesser): no data drawn anew elsewhere.
    hidden = _hidden(judge, _circles(), _circles(dots=True))
    assert len(hidden) >= 3 and all(d.severity == 3 for d in hidden), hidden


def _seats(shrink: bool = False) -> Image.Image:
    """Rows of seats as dots with dark edges in six party colours; ``shrink``: the same seats in a plot made
    smaller and moved (an extra series widening the limits, an honest edit)."""
    colours = ["#b00000", "#e8112d", "#3c9a3c", "#009933", "#52bdec", "#231977"]
    fig, ax = plt.subplots(figsize=(9, 5))
    k = 0
    for row in range(8):
        for col in range(24):
            ax.scatter(col, row, s=60, color=colours[(col // 4) % 6], edgecolors="#333333", linewidths=0.5)
            k += 1
    if shrink:
        ax.set_xlim(-12, 36)
        ax.set_ylim(-6, 14)
    ax.axis("off")
    ax.set_title("Seats by party")
    return _image(fig)


def test_dots_with_dark_edges_laid_out_anew_hide_nothing(judge: PixelJudge) -> None:
    # The blend of fill and dark edge, a class of its own with no solid core, is no colour to find drawn again.
    assert _hidden(judge, _seats(), _seats(shrink=True)) == []


def _region(width: int, height: int, blobs: int) -> Region:
    return Region(
        bbox=(100, 100, 100 + width, 100 + height), area=width * height, mean_de=40.0, ref_ink=width * height,
        cand_ink=0, both_ink=0, changed_both_ink=0, changed_ref_only=width * height, changed_cand_only=0,
        changed_no_ink=0, stroke_ratio=0.5, ink_blobs=blobs, ref_colour=(0, 0, 0), cand_colour=(255, 255, 255),
    )  # fmt: skip


def test_an_upright_stroke_is_no_tick_label() -> None:
    assert _upright_stroke(_region(5, 35, 1), 800, 550)  # a target tick
    assert not _upright_stroke(_region(5, 12, 1), 800, 550)  # a "1" among tick labels
    assert not _upright_stroke(_region(30, 200, 6), 800, 550)  # a column of y tick labels
    assert not _upright_stroke(_region(56, 244, 1), 700, 320)  # ... joined to the spine by its ticks
