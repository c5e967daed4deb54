"""Pixel judge, charts: the plot frame of a chart drawn on a tinted face inside a figure of another tint."""

from __future__ import annotations

import matplotlib
import numpy as np
from tests.unit.test_pixel_chart_rules import _image

from verm.judge.pixel.colour import _background, _lab_ink
from verm.judge.pixel.layout import chart_frame, plot_frame

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
