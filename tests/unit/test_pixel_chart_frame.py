"""Pixel judge, charts: the plot frame of a chart drawn on a tinted face inside a figure of another tint."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image

from verm.judge.pixel import PixelJudge
from verm.judge.pixel.colour import _background, _lab_ink
from verm.judge.pixel.layout import chart_frame, plot_frame
from verm.types import Task

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def test_a_filled_margin_running_off_the_image_is_no_frame() -> None:
    # Ink everywhere but a box inside: the figure's margin, its only lines the image's edges.
    ink = np.ones((300, 400), bool)
    ink[50:250, 60:360] = False
    ink[150, 60:360] = True  # a grid line inside
    frame = plot_frame(ink)
    assert frame is not None
    assert all(abs(a - b) <= 3 for a, b in zip(frame, (60, 50, 360, 250), strict=True)), frame


def _axes_box(fig: plt.Figure, ax: plt.Axes) -> tuple[float, float, float, float]:
    fig.canvas.draw()
    k = 96 / fig.dpi  # (`_image` saves at 96 dpi)
    x0, y0, x1, y1 = (k * v for v in ax.get_window_extent().extents)
    h = fig.get_size_inches()[1] * 96
    return x0, h - y1, x1, h - y0


def test_the_frame_of_a_tinted_face_is_the_face_not_the_image() -> None:
    # Solarize: a cream figure around a darker face, no spines; bmh-like bars that outnumber the white
    # figure's and the grey face's pixels (the bars' colour is the image's most common one).
    cases = []
    with plt.style.context("Solarize_Light2"):
        fig, ax = plt.subplots(figsize=(8, 5))
        x = np.linspace(0, 5, 50)
        ax.plot(x, 2.5 * np.sin(x))
        ax.set_title("Signal")
        cases.append((fig, ax))
    with plt.style.context("bmh"):
        fig, ax = plt.subplots(figsize=(8, 5))
        ax.bar(range(9), [26, 30, 33, 37, 25, 33, 22, 24, 24], color="#f8d299", width=0.95)
        ax.twinx().plot(range(9), [63, 62, 72, 70, 73, 75, 70, 71, 68], marker="o")
        ax.set_title("Visitors and score")
        cases.append((fig, ax))
    for fig, ax in cases:
        want = _axes_box(fig, ax)
        rgb = np.asarray(_image(fig))
        frame = chart_frame(rgb, _lab_ink(rgb)[1])
        assert frame is not None
        assert all(abs(a - b) <= 6 for a, b in zip(frame, want, strict=True)), (frame, want)


def test_bars_outnumbering_the_figure_and_its_face_are_no_background() -> None:
    # A white figure round a light grey face (split between two quantised bins), and pale bars in one
    # bin with more pixels than either: the backdrop is white or grey, never the bars' colour.
    rgb = np.full((300, 400, 3), 255, np.uint8)
    rgb[30:270, 40:380] = 238
    for x in range(50, 370, 40):
        rgb[70:270, x : x + 30] = (248, 210, 153)
    bg = _background(rgb)
    assert np.abs(bg - 246).max() <= 10, bg
    ink = _lab_ink(rgb)[1]
    assert ink[10, 10] == 0 and ink[40, 45] == 0 and ink[100, 60] == 1


def _band_chart(band: bool) -> Image.Image:
    """Income and expenses as two lines over a grid, the gap between them a translucent band (or not)."""
    x = np.arange(1997, 2009)
    income = np.array([105, 109, 121, 95, 111, 68, 88, 101, 115, 133, 132, 157])
    expenses = np.array([183, 155, 155, 159, 146, 163, 197, 222, 228, 239, 223, 247])
    fig, ax = plt.subplots(figsize=(8, 5))
    ax.plot(x, income, color="#4c72b0", label="Income")
    ax.plot(x, expenses, color="#dd8452", label="Expenses")
    if band:
        ax.fill_between(x, income, expenses, color="#dd8452", alpha=0.3)
    ax.grid(True, alpha=0.4)
    ax.legend(loc="upper left")
    ax.set_title("Latency over time")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)  # (at 100 dpi the band's ends meet two grid lines)
    plt.close(fig)
    return Image.open(buf).convert("RGB")


def test_a_band_whose_ends_meet_grid_lines_is_no_subplot() -> None:
    # The band's straight ends and the grid lines they meet close a box inside the plot: no inset (it draws
    # no spines), so the band gone beside both lines kept is one series missing, not every subplot's data
    # hidden (seed 137: 5 severe hidden items for a truth of 4; the "text only" hack outscored the candidate).
    out = PixelJudge().judge_images(Task.CHART, _band_chart(True), _band_chart(False))
    assert not any(d.category == "data_error" and "hidden" in d.description for d in out), out
    assert sum(d.severity for d in out if d.category == "data_error") <= 3, out
